"""The learner's quiz page in Chromium: whole quizzes played at 1280x800 and 375x740, light and
dark, by mouse and by keyboard alone, with every answer type, a hint, a wrong try, an unreadable
answer (read by the page, and one only the server refuses), a reload while feedback is on
screen, a resume in a new browser context, a 429 and a 410. axe-core checks every state (any
impact, and the contrast it cannot decide reviewed), and each state is a screenshot in
test-artifacts/."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from service.db import upgrade
from service.quiz.core.items import Item
from service.quiz.core.taxonomy import ANSWER_TYPES
from tests.conftest import LiveServer
from tests.web.conftest import playwright_api
from tests.web.quizpage import (
    DESKTOP_DARK,
    DESKTOP_LIGHT,
    PHONE_DARK,
    PHONE_LIGHT,
    Look,
    QuizPage,
    focus_is_sensible,
    items_of,
    key_of,
    tab_to,
)

expect = playwright_api.expect
PLAY_SIZE = 10
BOXES = ("numeric", "interval", "point_set", "one_sided_pair", "vector")
# What the page must never show a learner: the server's words for developers.
DEVELOPER_WORDS = (
    "point_set",
    "one_sided_pair",
    "expected a",
    "read a string",
    "answer:",
    "loc",
    "after_answer",
)


@dataclass
class Served:
    server: LiveServer
    database: str

    def create(self, **body: Any) -> Any:
        response = httpx.post(f"{self.server.url}/v1/quizzes", json=body)
        assert response.status_code == 201, response.text
        return response.json()

    def state(self, quiz: dict[str, Any]) -> Any:
        headers = {"Authorization": f"Bearer {quiz['token']}"}
        return httpx.get(f"{self.server.url}/v1/quizzes/{quiz['id']}", headers=headers).json()


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    database = f"sqlite:///{tmp_path_factory.mktemp('quiz-page') / 'quiz.db'}"
    upgrade(database)
    live = LiveServer(
        {
            "DATABASE_URL": database,
            "RELU_RATE_LIMIT_QUIZ_CREATE": "10000/minute",
            "RELU_RATE_LIMIT_ANSWERS": "10000/minute",
        }
    )
    yield Served(live, database)
    live.stop()


@pytest.fixture(scope="module")
def play_seed(served: Served) -> int:
    """A seed whose quiz of PLAY_SIZE items has every answer type, an item with a hint and an
    item about a function (so a plot, and f' once revealed)."""
    for seed in range(2000):
        items = served.create(size=PLAY_SIZE, seed=seed)["items"]
        if (
            {item["type"] for item in items} == set(ANSWER_TYPES)
            and any(item["hints"] for item in items)
            and any(item["graph"] for item in items)
        ):
            return seed
    raise AssertionError(f"no seed below 2000 gives every answer type in {PLAY_SIZE} items")


# --- a learner, by mouse or by keyboard ----------------------------------------------------------


@dataclass
class Learner:
    """Acts on the page with the mouse or with the keyboard alone (Tab, Shift+Tab, Space,
    Enter, the arrow keys in a radio group, typing); by keyboard the focus is checked at every
    step."""

    quiz: QuizPage
    keyboard: bool
    seen: set[str] = field(default_factory=set)

    @property
    def p(self) -> Any:
        return self.quiz.page

    def press(self, selector: str) -> None:
        """A button or a summary."""
        if self.keyboard:
            tab_to(self.p, selector)
            self.p.keyboard.press("Enter")
        else:
            self.p.locator(selector).click()

    def type(self, selector: str, text: str) -> None:
        if self.keyboard:
            tab_to(self.p, selector)
            self.p.keyboard.press("Control+A")
            self.p.keyboard.press("Backspace")
            if text:
                self.p.keyboard.type(text)
        else:
            self.p.locator(selector).fill(text)

    def tick(self, selector: str, on: bool = True) -> None:
        """A checkbox, set to `on`."""
        box = self.p.locator(selector)
        if box.is_checked() == on:
            return
        if self.keyboard:
            tab_to(self.p, selector)
            self.p.keyboard.press("Space")
        else:
            box.click()
        assert box.is_checked() == on

    def pick(self, name: str, value: str) -> None:
        """The radio of the group `name` with this value."""
        target = f"input[name={name}][value='{value}']"
        if not self.keyboard:
            self.p.locator(target).check()
            return
        tab_to(self.p, f"input[name={name}]")
        self.p.keyboard.press("Space")
        for _ in range(12):
            if self.p.locator(target).is_checked():
                return
            self.p.keyboard.press("ArrowDown")
        raise AssertionError(f"{target} not reached with the arrow keys")

    def choose(self, selector: str, value: str, label: str) -> None:
        """An option of a <select>: by keyboard, typed as its label starts."""
        if self.keyboard:
            tab_to(self.p, selector)
            self.p.keyboard.type(label)
        else:
            self.p.locator(selector).select_option(value)
        assert self.p.locator(selector).input_value() == value

    def submit(self) -> None:
        # The verdict on screen, if any, is the last try's: marked, so that verdict() waits for
        # the new one.
        self.p.evaluate("() => document.querySelector('#verdict')?.setAttribute('data-old', '')")
        if self.keyboard:
            tab_to(self.p, "#submit-answer")
            self.p.keyboard.press("Enter")
        else:
            self.p.locator("#submit-answer").click()

    def focus_on(self, selector: str) -> None:
        """The focus is on `selector` (and, checked, on something shown and in view)."""
        expect(self.p.locator(selector)).to_be_focused()
        focus_is_sensible(self.p)

    # --- answers ---------------------------------------------------------------------------

    def clear(self, kind: str) -> None:
        if kind in ("numeric", "one_sided_pair"):
            for dne in self.p.locator("input[id$='-dne']").all():
                if dne.is_checked():
                    self.tick(f"#{dne.get_attribute('id')}", False)
        if kind == "multiple_choice":
            for box in self.p.locator("input[name=choices]").all():
                if box.is_checked():
                    self.tick(f"#{box.get_attribute('id')}", False)

    def answer(self, item: Item, response: dict[str, Any]) -> None:
        """Fills in `response` (in the API's shape) and submits it."""
        kind = item.type
        self.clear(kind)

        def number(value: float) -> str:
            if value == 0.5:
                return "1/2"  # read by the page as 0.5
            return format(value, ".15g")

        if kind == "numeric":
            if response.get("dne"):
                self.tick("#numeric-dne")
            else:
                self.type("#numeric-value", number(response["value"]))
        elif kind == "true_false":
            self.pick("value", "true" if response["value"] else "false")
        elif kind == "single_choice":
            self.pick("choice", response["choice"])
        elif kind == "multiple_choice":
            for choice in response["choices"]:
                self.tick(f"input[name=choices][value='{choice}']")
        elif kind == "interval":
            self.type("#interval-lower", number(response["lower"]))
            self.type("#interval-upper", number(response["upper"]))
            self.tick("#interval-lower-closed", response.get("lower_closed", True))
            self.tick("#interval-upper-closed", response.get("upper_closed", True))
        elif kind == "point_set":
            self.type("#point-set-values", ", ".join(number(v) for v in response["values"]))
        elif kind == "one_sided_pair":
            for side in ("left", "right"):
                if response[side] is None:
                    self.tick(f"#pair-{side}-dne")
                else:
                    self.type(f"#pair-{side}", number(response[side]))
        elif kind == "vector":
            for i, value in enumerate(response["values"]):
                self.type(f"#vector-{i}", number(value))
        self.submit()


def wrong(item: Item) -> dict[str, Any]:
    """A well-formed response that is not the key."""
    key = key_of(item)
    kind = item.type
    if kind == "numeric":
        return {"value": 12345.0}
    if kind == "true_false":
        return {"value": not key["value"]}
    if kind == "single_choice":
        return {"choice": next(c.id for c in item.choices if c.id != key["choice"])}
    if kind == "multiple_choice":
        right = key["choices"]
        if len(right) >= 2:
            return {"choices": right[:1]}  # partly right
        return {"choices": [next(c.id for c in item.choices if c.id not in right)]}
    if kind == "interval":
        return {"lower": -7.0, "upper": -6.0}
    if kind == "point_set":
        return {"values": [42.0]}
    if kind == "one_sided_pair":
        return {"left": 9.0, "right": 9.0}
    return {"values": [9.0] * len(key["values"])}


def submit(p: Any) -> None:
    """Submits the answer form by mouse; verdict() then waits for the new verdict."""
    p.evaluate("() => document.querySelector('#verdict')?.setAttribute('data-old', '')")
    p.locator("#submit-answer").click()


def verdict(p: Any) -> str:
    heading = p.locator("#verdict:not([data-old])")
    heading.wait_for(state="visible")
    return str(heading.inner_text()).strip().lstrip("✓✗◐ ").strip()


def in_view(p: Any, selector: str) -> bool:
    return bool(
        p.evaluate(
            """(s) => { const b = document.querySelector(s).getBoundingClientRect();
                        return b.top >= 0 && b.bottom <= innerHeight; }""",
            selector,
        )
    )


# --- the whole quiz ------------------------------------------------------------------------------

PLAYS = [
    pytest.param(DESKTOP_LIGHT, False, id="desktop-light-mouse"),
    pytest.param(DESKTOP_DARK, True, id="desktop-dark-keyboard"),
    pytest.param(PHONE_DARK, False, id="phone-dark-mouse"),
    pytest.param(PHONE_LIGHT, True, id="phone-light-keyboard"),
]


@pytest.mark.parametrize(("look", "keyboard"), PLAYS)
def test_a_whole_quiz(
    served: Served, browser: Any, play_seed: int, look: Look, keyboard: bool
) -> None:
    quiz = QuizPage(browser, look)
    learner = Learner(quiz, keyboard)
    p = quiz.page
    try:
        p.goto(served.server.url + "/")
        p.locator("#topic-list input").first.wait_for()
        quiz.check("start")
        learner.type("#size", str(PLAY_SIZE))
        learner.press("#advanced summary")
        learner.type("#seed", str(play_seed))
        learner.choose("#max-tries", "2", "2")
        learner.press("#start")
        p.locator("#stem").wait_for(state="visible")
        learner.focus_on("#item-heading")
        quiz_id = p.evaluate("JSON.parse(localStorage.getItem('relu-quiz-resume')).id")
        items = items_of(served.database, quiz_id)
        _play(served, learner, items)
        assert quiz.errors == []
    finally:
        quiz.close()


def _play(served: Served, learner: Learner, items: dict[int, Item]) -> None:
    quiz, p = learner.quiz, learner.p
    hinted = unreadable = server_checked = reloaded = plotted = asked_to_finish = False
    ended: dict[int, str] = {}
    for position in range(1, PLAY_SIZE + 1):
        item = items[position]
        kind = item.type
        p.locator(f"#item[data-position='{position}']").wait_for()
        if kind not in learner.seen:
            quiz.check(f"open-{kind}")
        if kind == "vector":
            labels = p.locator(".vector-grid label").all_inner_texts()
            assert labels == list(item.labels or [f"Number {i + 1}" for i in range(len(labels))])
        if quiz.look.phone:
            # The stem, the plot of f and the answer fit the first two screens of a phone.
            bottom = p.evaluate(
                "document.querySelector('#submit-answer').getBoundingClientRect().bottom + scrollY"
            )
            assert bottom <= 2 * quiz.look.viewport["height"], (position, kind, bottom)
        if item.hints and not hinted:
            learner.press("#take-hint")
            p.locator("#hints .hint-box").first.wait_for()
            learner.focus_on("#hints .hint-box")
            hint_button = p.locator("#take-hint")
            assert hint_button.is_hidden() or "\u221210 %" in hint_button.inner_text()
            quiz.check("hint")
            hinted = True
        if kind in BOXES and not unreadable:
            _unreadable_answers(learner, item)
            unreadable = True
        if kind == "vector" and not server_checked:
            _refused_by_the_server(learner, item)
            quiz.check("server-422")
            server_checked = True
        if position == PLAY_SIZE and not asked_to_finish:
            _finish_is_confirmed(learner)
            asked_to_finish = True
        first_wrong = kind in (
            "numeric",
            "interval",
            "multiple_choice",
            "true_false",
            "one_sided_pair",
        )
        if first_wrong:
            learner.answer(item, wrong(item))
            said = verdict(p)
            assert said in ("Not quite", "Partly right"), said
            _verdict_in_view_and_focused(learner)
            feedback = p.locator("#feedback").inner_text()
            assert "try left" in feedback
            assert "explanation" not in feedback.lower()  # none is shown while tries are left
            assert p.locator("#feedback .explanation").count() == 0
            if kind not in learner.seen:
                quiz.check(f"wrong-try-{kind}")
            if kind == "multiple_choice":
                # on to the next item with the best so far
                ended[position] = "partial" if said == "Partly right" else "wrong"
                learner.seen.add(kind)
                learner.press("#next-item")
                learner.focus_on("#item-heading")
                continue
        response = wrong(item) if kind == "true_false" else key_of(item)
        learner.answer(item, response)
        said = verdict(p)
        _verdict_in_view_and_focused(learner)
        feedback = p.locator("#feedback")
        if kind == "true_false":
            assert said == "Not quite"
            ended[position] = "wrong"
        else:
            assert said == "Correct", (kind, said, response, feedback.inner_text())
            assert feedback.inner_text().count("Correct") == 1  # the verdict, once
            ended[position] = "correct"
        expect(feedback.locator(".explanation")).to_be_visible()
        expect(feedback.locator(".key")).to_be_visible()
        assert "a)" not in feedback.locator(".key").inner_text()
        if item.function is not None and p.locator("#feedback svg.subgradient-plot").count():
            _subdifferential_has_closed_ends(p)
            plotted = True
        if kind not in learner.seen:
            quiz.check(f"feedback-{kind}")
            learner.seen.add(kind)
        if position >= 3 and not reloaded:
            text = p.locator("#feedback").inner_text()
            p.reload()
            p.locator("#verdict").wait_for()
            assert p.locator("#item").get_attribute("data-position") == str(position), "moved on"
            assert p.locator("#feedback").inner_text() == text, "the reload lost the feedback"
            quiz.check("reloaded")
            reloaded = True
        if position < PLAY_SIZE:
            learner.press("#next-item")
            learner.focus_on("#item-heading")
    assert (hinted, unreadable, server_checked) == (True, True, True)
    assert (reloaded, plotted, asked_to_finish) == (True, True, True)
    learner.press("#finish-quiz")
    p.locator("#summary").wait_for(state="visible")
    learner.focus_on("#summary-heading")
    quiz.check("summary")
    _review(learner, items, ended)


def _verdict_in_view_and_focused(learner: Learner) -> None:
    learner.focus_on("#verdict")
    assert in_view(learner.p, "#verdict"), "the verdict is out of view"


def _unreadable_answers(learner: Learner, item: Item) -> None:
    """Texts the page reads itself: each gets a message in words beside its box, which is
    marked invalid and takes the focus; no request is sent."""
    p = learner.p
    box = {
        "numeric": "#numeric-value",
        "interval": "#interval-lower",
        "point_set": "#point-set-values",
        "one_sided_pair": "#pair-left",
        "vector": "#vector-0",
    }[item.type]
    cases = {"1e999": "too large", "x = 0": "just the number"}
    if item.type == "point_set":
        # A comma separates points here: the preview says how "0,993" reads.
        learner.type(box, "0,993")
        assert p.locator("#answer-preview").inner_text() == "Reads as {0, 993}."
    else:
        cases.update({"": "Type", "0,993": "0.993", "{0}": "just the number"})
    sent: list[str] = []

    def record(request: Any) -> None:
        if "/answers" in request.url:
            sent.append(request.url)

    p.on("request", record)
    for text, words in cases.items():
        learner.type(box, text)
        if text:
            preview = p.locator("#answer-preview").inner_text()
            assert preview.startswith(("Cannot read", "Reads as")), preview
        learner.submit()
        learner.focus_on(box)
        expect(p.locator(box)).to_have_attribute("aria-invalid", "true")
        message = p.locator(f"{box}-error")
        expect(message).to_be_visible()
        said = message.inner_text()
        assert words in said, (text, said)
        assert not [
            w for w in DEVELOPER_WORDS if w in said + p.locator("#answer-error").inner_text()
        ], said
        assert "No try was used" in p.locator("#answer-error").inner_text()
    p.remove_listener("request", record)
    assert sent == []
    learner.quiz.check("unreadable")
    learner.type(box, "")
    expect(p.locator(box)).not_to_have_attribute("aria-invalid", "true")
    expect(p.locator("#answer-error")).to_be_empty()


def _refused_by_the_server(learner: Learner, item: Item) -> None:
    """A response that only the server refuses (here: a component turned into text on its way):
    its 422 names the component, and the page marks that box."""
    p = learner.p

    def garble(route: Any) -> None:
        body = json.loads(route.request.post_data)
        body["response"]["values"][1] = "a lot"
        route.continue_(post_data=json.dumps(body))

    p.route("**/v1/quizzes/*/answers", garble)
    try:
        for i in range(len(key_of(item)["values"])):
            learner.type(f"#vector-{i}", "0")
        with p.expect_response("**/answers") as answered:
            learner.submit()
        assert answered.value.status == 422
        learner.focus_on("#vector-1")
        expect(p.locator("#vector-1")).to_have_attribute("aria-invalid", "true")
        said = p.locator("#vector-1-error").inner_text()
        assert "number" in said, said
        assert not [w for w in DEVELOPER_WORDS if w in said], said
        assert p.locator("#vector-0").get_attribute("aria-invalid") is None
        assert "No try was used" in p.locator("#answer-error").inner_text()
    finally:
        p.unroute("**/v1/quizzes/*/answers")


def _subdifferential_has_closed_ends(p: Any) -> None:
    """The segment's ends are filled dots: its ends belong to the subdifferential."""
    ends = p.locator("#feedback svg.subgradient-plot circle.segment-end")
    assert ends.count() >= 2
    assert p.locator("#feedback svg.subgradient-plot line.subdifferential").count() >= 1
    for i in range(ends.count()):
        fill = ends.nth(i).evaluate("(c) => getComputedStyle(c).fill")
        stroke = ends.nth(i).evaluate("(c) => getComputedStyle(c).stroke")
        assert fill == stroke, (fill, stroke)  # filled with the curve's colour, not open


def _finish_is_confirmed(learner: Learner) -> None:
    """Finish with an item unanswered asks first; "Keep answering" goes back to the quiz."""
    p = learner.p
    learner.press("#finish-quiz")
    dialog = p.locator("#finish-dialog")
    expect(dialog).to_be_visible()
    assert "not answered" in dialog.inner_text()
    learner.focus_on("#finish-cancel")
    learner.quiz.check("finish-dialog")
    if learner.keyboard:
        p.keyboard.press("Enter")  # on "Keep answering"
    else:
        p.locator("#finish-cancel").click()
    expect(dialog).to_be_hidden()
    learner.focus_on("#finish-quiz")
    assert p.locator("#summary").is_hidden()


def _review(learner: Learner, items: dict[int, Item], ended: dict[int, str]) -> None:
    """Per item: the learner's answer, the key, the feedback and the mistake in words; right,
    partly right and wrong told apart; no internal ids; and practice of the ones missed."""
    p = learner.p
    entries = p.locator("#review > li")
    expect(entries).to_have_count(PLAY_SIZE)
    words = {"correct": "right", "partial": "partly right", "wrong": "wrong"}
    text = p.locator("#review").inner_text()
    for position, item in items.items():
        entry = entries.nth(position - 1)
        assert entry.get_attribute("data-status") == ended[position], (position, item.type)
        assert words[ended[position]] in entry.locator(".review-status").inner_text()
        expect(entry.locator(".your-answer")).to_be_visible()
        expect(entry.locator(".key")).to_be_visible()
        expect(entry.locator(".explanation")).to_be_visible()
        assert item.id not in text
    missed = [position for position, how in ended.items() if how != "correct"]
    assert missed
    learner.press("#practise")
    p.locator("#stem").wait_for(state="visible")
    learner.focus_on("#item-heading")
    assert p.locator("#progress-text").inner_text() == f"Item 1 of {len(missed)}"


# --- reading answers ------------------------------------------------------------------------

READINGS: list[tuple[str, dict[str, bool], float | str | None]] = [
    # (text, options, value or the words the message must hold)
    ("0.5", {}, 0.5),
    ("1/2", {}, 0.5),
    ("-1/4", {}, -0.25),
    (".5", {}, 0.5),
    ("\u22123", {}, -3),  # a typographic minus sign
    ("1e-6", {}, 1e-6),
    ("  2 ", {}, 2),
    ("-0", {}, 0),
    ("DNE", {"dne": True}, None),
    ("does not exist", {"dne": True}, None),
    ("DNE", {}, "not an answer here"),
    ("", {}, "Type"),
    ("", {"dne": True}, "does not exist"),
    ("0,993", {}, "write 0.993"),
    ("1e999", {}, "too large"),
    ("{0}", {}, "just the number: 0"),
    ("x = 0", {}, "just the number: 0"),
    ("1/0", {}, "0 below the line"),
    ("-inf", {}, "finite"),
    ("0x10", {}, "is not a number"),
    ("1_000", {}, "is not a number"),
    ("zero point five", {}, "is not a number"),
]
POINTS: list[tuple[str, list[float] | str]] = [
    ("", []),
    ("{}", []),
    ("the empty set", []),
    ("{0, 6}", [0, 6]),
    ("0; 6", [0, 6]),
    ("-1, 1/2", [-1, 0.5]),
    ("0,,6", "Separate the points"),
    ("DNE", "leave the box empty"),
    ("0, x = 1", "Point 2: Give just the number"),
    (", ".join(["1"] * 51), "at most 50"),
]


def test_answers_are_read_in_the_learners_words(served: Served, browser: Any) -> None:
    """quiz-read.js reads what people write and says in words what it cannot read; no message
    carries the server's words for developers."""
    quiz = QuizPage(browser, DESKTOP_LIGHT)
    p = quiz.page
    try:
        p.goto(served.server.url + "/")
        got = p.evaluate(
            """async ([numbers, points]) => {
              const read = await import("/static/js/quiz-read.js");
              return {
                numbers: numbers.map(([text, options]) => read.readNumber(text, options)),
                points: points.map(([text]) => read.readPoints(text)),
                interval: read.readInterval("3", "1"),
                infinite: read.readNumber("-inf", {infinite: true}).value === -Infinity,
              };
            }""",
            [[[t, o] for t, o, _ in READINGS], [[t] for t, _ in POINTS]],
        )
        for (text, _, want), reading in zip(READINGS, got["numbers"], strict=True):
            if isinstance(want, str):
                assert not reading["ok"], (text, reading)
                assert want in reading["message"], (text, reading)
                assert not [w for w in DEVELOPER_WORDS if w in reading["message"]], reading
            else:
                assert reading == {"ok": True, "value": want}, (text, reading)
        for (text, points), reading in zip(POINTS, got["points"], strict=True):
            if isinstance(points, str):
                assert not reading["ok"], (text, reading)
                assert points in reading["message"], (text, reading)
            else:
                assert reading == {"ok": True, "value": points}, (text, reading)
        assert "above the upper end" in got["interval"]["errors"]["lower"]
        assert got["infinite"]
        assert quiz.errors == []
    finally:
        quiz.close()


def test_the_server_refuses_what_the_page_refuses(served: Served) -> None:
    """The page's rules are the server's: an interval upside down, 51 points (each a 422 at the
    field the page marks)."""
    created = served.create(item_ids=["hardtanh-kinks", "leaky-relu-subdifferential-at-zero"])
    by_type = {item["type"]: item["position"] for item in created["items"]}
    bearer = {"Authorization": f"Bearer {created['token']}"}
    url = f"{served.server.url}/v1/quizzes/{created['id']}/answers"
    for position, response, named in (
        (by_type["interval"], {"lower": 3, "upper": 1}, "lower"),
        (by_type["point_set"], {"values": [1] * 51}, "values"),
    ):
        answered = httpx.post(
            url, headers=bearer, json={"position": position, "response": response}
        )
        assert answered.status_code == 422
        assert answered.json()["errors"][0]["loc"][:3] == ["body", "response", named]


# --- resuming ------------------------------------------------------------------------------------


def _open(quiz: QuizPage, served: Served, created: dict[str, Any], position: int = 1) -> None:
    """The quiz `created` on the page, as another tab left it: offered, then resumed."""
    p = quiz.page
    p.goto(served.server.url + "/")
    p.evaluate(
        "(q) => localStorage.setItem('relu-quiz-resume', JSON.stringify(q))",
        {"id": created["id"], "token": created["token"], "position": position},
    )
    p.reload()
    p.locator("#resume").click()
    p.locator(f"#item[data-position='{position}'] #stem").wait_for(state="visible")


@pytest.mark.parametrize(
    "look", [DESKTOP_LIGHT, DESKTOP_DARK, PHONE_LIGHT, PHONE_DARK], ids=lambda look: look.name
)
def test_a_quiz_resumes_in_a_new_browser_context(served: Served, browser: Any, look: Look) -> None:
    """Another browser context, with only localStorage: "Resume your quiz", and the item on
    screen exactly as it was, its hint and its feedback included, from GET /v1/quizzes/{id}."""
    first = QuizPage(browser, look)
    p = first.page
    created = served.create(item_ids=["relu-derivative-at-zero", "hardtanh-kinks"], max_tries=2)
    try:
        _open(first, served, created)
        p.locator("#take-hint").click()
        p.locator("#hints .hint-box").wait_for()
        p.locator("#numeric-value").fill("0")
        submit(p)
        assert verdict(p) == "Not quite"
        shown = p.locator("#item").inner_text()
        state = first.context.storage_state()
        assert first.errors == []
    finally:
        first.close()
    assert "relu-quiz-resume" in json.dumps(state["origins"])
    second = QuizPage(browser, look, storage_state=state)
    p = second.page
    try:
        p.goto(served.server.url + "/")
        card = p.locator("#resume-card")
        expect(card).to_be_visible()
        assert "answered 1 of 2 items" in card.inner_text()
        second.check("resume-card")
        p.locator("#resume").click()
        p.locator("#verdict").wait_for()
        expect(p.locator("#item-heading")).to_be_focused()
        assert p.locator("#item").inner_text() == shown
        assert p.locator("#numeric-value").input_value() == "0"  # the last try, to change
        second.check("resumed")
        p.locator("#numeric-dne").check()
        submit(p)
        assert verdict(p) == "Correct"
        assert second.errors == []
    finally:
        second.close()


# --- what the feedback says --------------------------------------------------------------------


def test_a_wrong_answer_names_the_mistake_by_its_title(served: Served, browser: Any) -> None:
    misconceptions = {
        m["slug"]: m for m in httpx.get(f"{served.server.url}/v1/misconceptions").json()
    }
    mistake = misconceptions["convention-as-truth"]
    created = served.create(item_ids=["relu-derivative-at-zero"], max_tries=1)
    quiz = QuizPage(browser, DESKTOP_LIGHT)
    p = quiz.page
    try:
        _open(quiz, served, created)
        p.locator("#numeric-value").fill("0")
        submit(p)
        assert verdict(p) == "Not quite"
        block = p.locator("#feedback .misconception")
        assert mistake["title"] in block.inner_text()
        assert mistake["description"] in block.inner_text()
        assert "convention-as-truth" not in p.locator("body").inner_text()
        quiz.check("misconception")
        p.locator("#finish-quiz").click()
        p.locator("#summary").wait_for(state="visible")
        entry = p.locator("#review > li").first
        assert mistake["title"] in entry.locator(".misconception").inner_text()
        assert entry.locator(".your-answer").inner_text() == "Your answer: 0"
        assert entry.locator(".key").inner_text() == "The answer: does not exist"
        assert "wrong" in entry.locator(".review-status").inner_text()
        assert "relu-derivative-at-zero" not in p.locator("#review").inner_text()
        assert quiz.errors == []
    finally:
        quiz.close()


@pytest.mark.parametrize("reveal", ["after_finish", "never"])
def test_the_feedback_points_to_no_explanation_it_does_not_show(
    served: Served, browser: Any, reveal: str
) -> None:
    """With tries left, after_finish or never, the feedback mentions no explanation as if it
    were there, and says in words when (or whether) the answers will show."""
    created = served.create(
        item_ids=["relu-derivative-at-zero", "hardtanh-kinks"], max_tries=2, reveal=reveal
    )
    quiz = QuizPage(browser, PHONE_LIGHT)
    p = quiz.page
    try:
        _open(quiz, served, created)
        for attempt in (1, 2):
            p.locator("#numeric-value").fill(str(attempt + 6))
            submit(p)
            assert verdict(p) == "Not quite"
            text = p.locator("#feedback").inner_text()
            assert "compare with" not in text.lower()
            assert p.locator("#feedback .explanation, #feedback .key").count() == 0
            if attempt == 1:
                assert "explanation" not in text.lower()
                assert "1 try left" in text
        note = p.locator("#feedback .reveal-note").inner_text()
        if reveal == "after_finish":
            assert (
                note
                == "The answer and its explanation show in the review, once you finish the quiz."
            )
        else:
            assert note == "This quiz does not show answers or explanations."
        quiz.check(f"closed-{reveal}")
        assert quiz.errors == []
    finally:
        quiz.close()


def test_the_key_of_a_multiple_choice_item_is_its_choices_as_shown(
    served: Served, browser: Any
) -> None:
    """No letters that the screen does not show: the key is the right choices' texts, in the
    order on screen, and the right choices are marked in the list."""
    created = served.create(item_ids=["pytorch-ops-grad-zero-at-zero"], max_tries=1)
    quiz = QuizPage(browser, DESKTOP_DARK)
    p = quiz.page
    try:
        _open(quiz, served, created)
        items = items_of(served.database, created["id"])
        key = set(key_of(items[1])["choices"])
        shown = [c["id"] for c in created["items"][0]["choices"]]
        texts = {c["id"]: c["text"].strip("`") for c in created["items"][0]["choices"]}
        wrong_choice = next(c for c in shown if c not in key)
        p.locator(f"input[name=choices][value='{wrong_choice}']").check()
        submit(p)
        verdict(p)
        lines = p.locator("#feedback .key .key-choice").all_inner_texts()
        assert lines == [texts[c] for c in shown if c in key]
        assert not any(line[:3] in {f"{c}) " for c in "abcdefgh"} for line in lines)
        tagged = p.locator(".choice-right input").evaluate_all(
            "(boxes) => boxes.map((b) => b.value)"
        )
        assert sorted(tagged) == sorted(key)
        quiz.check("feedback-key-marked")
        assert quiz.errors == []
    finally:
        quiz.close()


# --- the start form, the time limit, the rate limit -----------------------------------------------


def test_the_start_form_speaks_plainly_and_offers_a_time_limit(
    served: Served, browser: Any
) -> None:
    quiz = QuizPage(browser, PHONE_DARK)
    p = quiz.page
    try:
        p.clock.install()
        p.goto(served.server.url + "/")
        expect(p.locator("#seed")).to_be_hidden()  # under "More options"
        options = p.locator("#reveal option").all_inner_texts()
        assert options == [
            "after each item",
            "only at the end, after the whole quiz",
            "never (scores only)",
        ]
        assert "after_answer" not in p.locator("#options-section").inner_text()
        # More items than the filters let through: the server's 422 beside the size box.
        p.locator("#topic-one-sided-limits").check()
        p.locator("#max-difficulty").select_option("1")
        p.locator("#size").fill("50")
        p.locator("#start").click()
        expect(p.locator("#size")).to_have_attribute("aria-invalid", "true")
        expect(p.locator("#size")).to_be_focused()
        assert "match these filters" in p.locator("#size-error").inner_text()
        p.locator("#topic-one-sided-limits").uncheck()
        p.locator("#max-difficulty").select_option("5")
        p.locator("#advanced summary").click()
        expect(p.locator("#seed")).to_be_visible()
        p.locator("#seed").fill("forty-two")
        p.locator("#start").click()
        expect(p.locator("#seed")).to_have_attribute("aria-invalid", "true")
        expect(p.locator("#seed")).to_be_focused()
        assert "whole number" in p.locator("#seed-error").inner_text()
        quiz.check("start-seed-invalid")
        p.locator("#seed").fill("")
        p.locator("#size").fill("2")
        p.locator("#time-limit").select_option("300")
        p.locator("#start").click()
        p.locator("#stem").wait_for(state="visible")
        timer = p.locator("#timer")
        expect(timer).to_have_text("Time left 5:00")
        p.clock.run_for(61_000)
        expect(timer).to_have_text("Time left 3:59")
        quiz.check("time-limit")
        p.clock.run_for(240_000)
        expect(timer).to_have_text("Time is up")
        error = p.locator("#quiz-error")
        assert "Time is up" in error.inner_text()
        expect(p.locator("#answer-fields input").first).to_be_disabled()
        assert quiz.errors == []
    finally:
        quiz.close()


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, Any]]:
    """A server that takes one quiz start and one answer a minute from an address, with the
    start spent on a quiz of two items."""
    database = f"sqlite:///{tmp_path_factory.mktemp('limited') / 'limited.db'}"
    upgrade(database)
    live = LiveServer(
        {
            "DATABASE_URL": database,
            "RELU_RATE_LIMIT_QUIZ_CREATE": "1/minute",
            "RELU_RATE_LIMIT_ANSWERS": "1/minute",
        }
    )
    created = httpx.post(
        f"{live.url}/v1/quizzes", json={"item_ids": ["relu-derivative-at-zero", "relu-definition"]}
    )
    assert created.status_code == 201, created.text
    yield live, created.json()
    live.stop()


def test_too_many_answers_wait_on_the_submit_button(
    limited: tuple[LiveServer, Any], browser: Any
) -> None:
    server, created = limited
    quiz = QuizPage(browser, PHONE_LIGHT, expected=(429,))
    p = quiz.page
    try:
        p.clock.install()
        _open(quiz, Served(server, ""), created)
        p.locator("#numeric-dne").check()
        submit(p)
        assert verdict(p) == "Correct"
        p.locator("#next-item").click()
        p.locator("#item[data-position='2'] #stem").wait_for()
        p.locator("input[name=choice]").first.check()
        with p.expect_response("**/answers") as answered:
            p.locator("#submit-answer").click()
        assert answered.value.status == 429
        button = p.locator("#submit-answer")
        expect(button).to_have_attribute("aria-disabled", "true")
        expect(button).to_be_focused()
        expect(button).to_contain_text("(wait ")
        assert "Too many answers were sent" in p.locator("#answer-error").inner_text()
        quiz.check("answers-rate-limited")
        p.clock.run_for(61_000)
        expect(button).to_have_text("Submit answer")
        expect(button).not_to_have_attribute("aria-disabled", "true")
        assert quiz.errors == []
    finally:
        quiz.close()


def test_too_many_starts_count_down_on_a_waiting_button(
    limited: tuple[LiveServer, Any], browser: Any
) -> None:
    server, _ = limited
    for look in (DESKTOP_LIGHT, DESKTOP_DARK, PHONE_LIGHT, PHONE_DARK):
        quiz = QuizPage(browser, look, expected=(429,))
        p = quiz.page
        try:
            p.clock.install()
            p.goto(server.url + "/")
            start = p.locator("#start")
            start.focus()
            with p.expect_response("**/v1/quizzes") as answered:
                p.keyboard.press("Enter")
            assert answered.value.status == 429
            error = p.locator("#start-error")
            expect(error).to_contain_text("Too many quizzes were started")
            said = error.inner_text()
            assert "quiz-create" not in said
            assert "retry" not in said
            expect(start).to_have_attribute("aria-disabled", "true")
            expect(start).to_be_focused()  # the focus stays on the waiting button
            assert "(wait " in start.inner_text()
            sent: list[str] = []

            def record(request: Any, sent: list[str] = sent) -> None:
                if request.url.endswith("/v1/quizzes"):
                    sent.append(request.url)

            p.on("request", record)
            p.keyboard.press("Enter")
            start.click(force=True)
            assert sent == []  # a waiting button sends nothing
            quiz.check("rate-limited")
            before = start.inner_text()
            p.clock.run_for(2_000)
            assert start.inner_text() != before  # counting down
            p.clock.run_for(61_000)
            expect(start).to_have_text("Start quiz")
            expect(start).not_to_have_attribute("aria-disabled", "true")
            expect(error).to_be_empty()
            assert quiz.errors == []
        finally:
            quiz.close()


def test_answers_after_the_time_limit_are_refused_in_words(served: Served, browser: Any) -> None:
    """A quiz of 10 seconds on a page whose clock is a minute behind the server's: the server's
    410 reads "time is up" in words, and the finish follows."""
    pages = []
    try:
        for look in (DESKTOP_LIGHT, DESKTOP_DARK, PHONE_LIGHT, PHONE_DARK):
            created = served.create(
                item_ids=["relu-derivative-at-zero", "hardtanh-kinks"], time_limit_s=10
            )
            quiz = QuizPage(browser, look, expected=(410,))
            quiz.page.clock.install(time=time.time() - 60)  # Unix time in seconds
            _open(quiz, served, created)
            expect(quiz.page.locator("#timer")).to_contain_text("Time left 1:")
            pages.append((quiz, created))
        # Polled on the server (the pages' clocks are behind), to a deadline.
        deadline = time.monotonic() + 30
        while served.state(pages[-1][1])["status"] != "expired":
            assert time.monotonic() < deadline, "the quiz did not expire"
            time.sleep(0.2)
        for quiz, _ in pages:
            p = quiz.page
            p.locator("#numeric-dne").check()
            with p.expect_response("**/answers") as answered:
                submit(p)
            assert answered.value.status == 410
            error = p.locator("#quiz-error")
            expect(error).to_contain_text("Time is up")
            said = error.inner_text()
            assert "ran out" in said
            assert "Finish" in said
            assert not re.search(r"\d{4}-\d\d-\d\dT", said), said
            expect(p.locator("#answer-fields input").first).to_be_disabled()
            expect(p.locator("#finish-quiz")).to_be_focused()
            quiz.check("time-up")
            p.locator("#finish-quiz").click()  # no question: the time is up
            p.locator("#summary").wait_for(state="visible")
            assert quiz.errors == []
    finally:
        for quiz, _ in pages:
            quiz.close()
