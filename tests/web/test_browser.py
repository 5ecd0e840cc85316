"""The quiz page and the playground in a real browser (Debian's Chromium, driven by
Playwright): a whole quiz with every answer type, a reload that resumes on the item it showed,
the playground, axe-core with no serious or critical violation, and screenshots at two widths.
tests/web/test_quiz_page.py takes the quiz page further."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from service.db import upgrade
from service.quiz.core.taxonomy import ANSWER_TYPES
from tests.conftest import ROOT, LiveServer
from tests.web.conftest import DESKTOP, PHONE, Page, playwright_api, serious_violations

ARTIFACTS = ROOT / "test-artifacts"
QUIZ_SIZE = 16


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    database = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}"
    upgrade(database)
    live = LiveServer({"DATABASE_URL": database, "RELU_RATE_LIMIT_QUIZ_CREATE": "1000/minute"})
    yield live
    live.stop()


def _create(server: LiveServer, **options: Any) -> Any:
    quiz = httpx.post(f"{server.url}/v1/quizzes", json=options)
    assert quiz.status_code == 201
    return quiz.json()


def _seed_covering_every_type(server: LiveServer) -> int:
    for seed in range(500):
        quiz = _create(server, size=QUIZ_SIZE, seed=seed)
        if {item["type"] for item in quiz["items"]} == set(ANSWER_TYPES):
            return seed
    raise AssertionError("no seed below 500 gives every answer type")


def _answer(page: Any, kind: str) -> None:
    """Fill in a well-formed answer of the item's type with the keyboard and mouse."""
    if kind == "single_choice":
        page.locator("input[name=choice]").first.check()
    elif kind == "multiple_choice":
        page.locator("input[name=choices]").first.check()
    elif kind == "true_false":
        page.locator("input[name=value][value=false]").check()
    elif kind == "numeric":
        page.locator("#numeric-value").fill("")
        page.locator("#numeric-value").type("0.5")
    elif kind == "interval":
        page.locator("#interval-lower").type("0")
        page.locator("#interval-upper").type("1")
    elif kind == "point_set":
        page.locator("#point-set-values").type("0, 6")
    elif kind == "one_sided_pair":
        page.locator("#pair-left").type("0")
        page.locator("#pair-right").type("1")
    elif kind == "vector":
        for box in page.locator(".vector-value").all():
            box.type("0")
    if kind == "numeric":
        page.locator("#numeric-value").press("Enter")  # submitted with the keyboard
    else:
        page.locator("#submit-answer").click()


def _item(page: Any) -> tuple[str, int]:
    item = page.locator("#item")
    return item.get_attribute("data-type"), int(item.get_attribute("data-position"))


def test_a_whole_quiz_with_every_answer_type(server: LiveServer, page: Page) -> None:
    seed = _seed_covering_every_type(server)
    p = page.page
    p.goto(server.url + "/")
    p.locator("#size").fill(str(QUIZ_SIZE))
    p.locator("#advanced summary").click()  # the seed is under "More options"
    p.locator("#seed").fill(str(seed))
    p.locator("#max-tries").select_option("1")
    p.locator("#reveal").select_option("after_answer")
    p.locator("#start").click()
    p.locator("#quiz").wait_for(state="visible")
    seen: set[str] = set()
    unreadable_checked = plotted = False
    for step in range(QUIZ_SIZE):
        p.locator("#stem").wait_for(state="visible")
        kind, position = _item(p)
        assert position == step + 1
        assert f"{position} of {QUIZ_SIZE}" in p.locator("#progress").inner_text()
        seen.add(kind)
        if kind == "numeric" and not unreadable_checked:
            p.locator("#numeric-value").fill("zero point five")
            p.locator("#submit-answer").click()
            error = p.locator("#answer-error")
            error.wait_for(state="visible")
            assert "no try was used" in error.inner_text().lower()
            assert p.locator("#submit-answer").is_enabled()
            unreadable_checked = True
        if p.locator("#plot svg.function-plot").count():
            # f only: its derivative answers most items, so it waits for the reveal
            assert p.locator("#plot svg.subgradient-plot").count() == 0
            plotted = True
        _answer(p, kind)
        feedback = p.locator("#feedback")
        feedback.locator(".result").wait_for(state="visible")
        if p.locator("#plot svg.function-plot").count():
            # revealed with the key, beside f again, under the verdict
            assert p.locator("#feedback svg.subgradient-plot").count() == 1
        assert feedback.locator(".result").inner_text().strip() in (
            "✓Correct",
            "◐Partly right",
            "✗Not quite",
        )
        assert feedback.locator(".explanation").inner_text().strip()  # after_answer, one try
        if step == 4:
            shown = feedback.inner_text()
            p.reload()
            p.locator("#verdict").wait_for(state="visible")
            assert _item(p)[1] == step + 1, "the reload did not resume at the item it showed"
            assert p.locator("#feedback").inner_text() == shown, "the reload lost the feedback"
        if step < QUIZ_SIZE - 1:
            p.locator("#next-item").click()
    assert seen == set(ANSWER_TYPES)
    assert unreadable_checked
    assert plotted
    p.locator("#finish-quiz").click()
    summary = p.locator("#summary")
    summary.wait_for(state="visible")
    assert p.locator("#topic-breakdown tbody tr").count() >= 1
    assert p.locator("#review li").count() == QUIZ_SIZE
    assert page.errors == []


def _start(p: Any, server: LiveServer, size: int, seed: int, tries: int, reveal: str) -> None:
    p.goto(server.url + "/")
    p.locator("#size").fill(str(size))
    p.locator("#advanced summary").click()
    p.locator("#seed").fill(str(seed))
    p.locator("#max-tries").select_option(str(tries))
    p.locator("#reveal").select_option(reveal)
    p.locator("#start").click()
    p.locator("#stem").wait_for(state="visible")


def _session(p: Any) -> Any:
    return p.evaluate("JSON.parse(sessionStorage.getItem('relu-quiz'))")


def test_a_hint_can_be_taken_after_a_wrong_try(server: LiveServer, page: Page) -> None:
    seed = next(
        s
        for s in range(500)
        if (item := _create(server, size=1, seed=s)["items"][0])["type"] == "numeric"
        and item["hints"] > 0
    )
    p = page.page
    _start(p, server, size=1, seed=seed, tries=2, reveal="after_answer")
    p.locator("#numeric-value").fill("12345")
    p.locator("#submit-answer").click()
    p.locator("#feedback .result").wait_for(state="visible")
    assert "1 try left" in p.locator("#feedback .score").inner_text()
    hint = p.locator("#take-hint")
    playwright_api.expect(hint).to_be_visible()
    playwright_api.expect(hint).to_be_enabled()  # the answer's request no longer holds it
    hint.click()
    p.locator("#hints .hint-box").wait_for(state="visible")
    assert page.errors == []


def _key_text(kind: str, key: dict[str, Any], state: dict[str, Any]) -> str:
    """A key as the page writes it for its type, the item taken from the quiz's state."""

    def number(value: float | None) -> str:
        if value is None:
            return "does not exist"
        return str(int(value)) if float(value).is_integer() else format(value, ".6g")

    def numbers(values: list[float]) -> str:
        return ", ".join(map(number, values))

    if kind == "numeric":
        return "does not exist" if key.get("dne") else number(key["value"])
    if kind == "true_false":
        return "True" if key["value"] else "False"
    if kind == "interval":
        lower, upper = key["lower_closed"], key["upper_closed"]
        word = {True: "closed", False: "open"}
        if lower == upper:
            ends = f"{word[lower]} at both ends"
        else:
            ends = f"{word[lower]} at the lower end, {word[upper]} at the upper end"
        bounds = numbers([key["lower"], key["upper"]])
        return f"{'[' if lower else '('}{bounds}{']' if upper else ')'}, {ends}"
    if kind == "point_set":
        return f"{{{numbers(key['values'])}}}" if key["values"] else "the empty set"
    if kind == "one_sided_pair":
        return f"left {number(key['left'])}, right {number(key['right'])}"
    assert kind == "vector", kind
    if state["labels"]:
        pairs = zip(state["labels"], key["values"], strict=True)
        return ", ".join(f"{label}: {number(value)}" for label, value in pairs)
    return f"({numbers(key['values'])})"


def test_the_review_writes_each_key_by_its_type(server: LiveServer, page: Page) -> None:
    """After a reload the review takes each item's answer type from the quiz's state, and the
    item itself when the saved session has lost it: a point set's key is not a vector's."""
    p = page.page
    _start(p, server, QUIZ_SIZE, _seed_covering_every_type(server), 1, "after_finish")
    p.locator("#finish-quiz").click()
    p.locator("#finish-confirm").click()  # every item is unanswered
    p.locator("#summary").wait_for(state="visible")
    saved = _session(p)
    p.evaluate(
        "() => { const s = JSON.parse(sessionStorage.getItem('relu-quiz')); s.items = [];"
        " sessionStorage.setItem('relu-quiz', JSON.stringify(s)); }"
    )
    p.reload()
    p.locator("#summary").wait_for(state="visible")
    states = httpx.get(
        f"{server.url}/v1/quizzes/{saved['id']}",
        headers={"Authorization": f"Bearer {saved['token']}"},
    ).json()["items"]
    assert {s["type"] for s in states} == set(ANSWER_TYPES)
    entries = p.locator("#review li")
    playwright_api.expect(entries).to_have_count(QUIZ_SIZE)
    for state in states:
        entry = entries.nth(state["position"] - 1)
        assert entry.locator(".review-stem").count() == 1  # from the state
        key = entry.locator(".key .key-value")
        if state["type"] in ("single_choice", "multiple_choice"):
            # the choices' texts, one line each (their math typeset)
            right = state["key"].get("choices") or [state["key"]["choice"]]
            expect_lines = len(right) if state["type"] == "multiple_choice" else 0
            assert key.locator(".key-choice").count() == expect_lines
            assert key.inner_text().strip()
            continue
        shown = key.inner_text().strip()
        want = _key_text(state["type"], state["key"], state)
        assert shown == want, (state["type"], state["key"])
    assert page.errors == []


def test_an_answer_that_comes_back_after_a_new_quiz_is_dropped(
    server: LiveServer, page: Page
) -> None:
    p = page.page
    _start(p, server, size=2, seed=0, tries=1, reveal="after_answer")
    kind, _ = _item(p)
    held: list[Any] = []
    p.route("**/v1/quizzes/*/answers", lambda route: held.append(route))
    _answer(p, kind)
    for _ in range(100):
        if held:
            break
        p.wait_for_timeout(50)
    graded = held[0].fetch()  # the server grades it now; the page hears of it at the end
    assert graded.status == 200
    p.locator("#finish-quiz").click()
    p.locator("#finish-confirm").click()  # the held answer left the first item unanswered
    p.locator("#summary").wait_for(state="visible")
    p.locator("#new-quiz").click()
    p.locator("#start").click()
    p.locator("#stem").wait_for(state="visible")
    new_quiz = _session(p)["id"]
    held[0].fulfill(response=graded)
    p.wait_for_timeout(500)
    assert _session(p)["id"] == new_quiz
    assert _session(p)["gradings"] == {}  # the old quiz's grading is not the new one's
    assert p.locator("#feedback").inner_text().strip() == ""
    playwright_api.expect(p.locator("#submit-answer")).to_be_enabled()
    assert page.errors == []


def test_the_playground(server: LiveServer, page: Page) -> None:
    p = page.page
    p.goto(server.url + "/playground")
    p.locator("#function").select_option("leaky_relu")
    p.locator("#param-negative_slope").fill("0.2")
    p.locator("#numbers").fill("-1, 0, 2, NaN")
    p.locator("#convention").select_option("jax")
    p.locator("#evaluate").click()
    rows = p.locator("#results tbody tr")
    playwright_api.expect(rows).to_have_count(4)
    zero = rows.nth(1).inner_text()
    assert "0.2" in zero  # the lower end of the subdifferential [0.2, 1] at 0
    assert p.locator("#plot svg.function-plot").count() == 1
    assert p.locator("#plot svg.subgradient-plot").count() == 1
    p.locator("#convention").select_option("custom")
    p.locator("#at-kink").fill("5")
    p.locator("#evaluate").click()
    error = p.locator("#playground-error")
    error.wait_for(state="visible")
    assert "subdifferential" in error.inner_text()
    assert page.errors == []


@pytest.mark.parametrize("path", ["/", "/playground"])
def test_axe_finds_no_serious_violations(server: LiveServer, browser: Any, path: str) -> None:
    opened = Page(browser, DESKTOP, bypass_csp=True)  # axe is injected as a script
    try:
        p = opened.page
        p.goto(server.url + path)
        if path == "/":
            p.locator("#start").click()
            p.locator("#stem").wait_for(state="visible")
        else:
            p.locator("#results tbody tr").first.wait_for(state="visible")
        assert serious_violations(p) == []
    finally:
        opened.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
@pytest.mark.parametrize("path", ["/", "/playground"])
def test_screenshots(server: LiveServer, browser: Any, path: str, viewport: dict[str, int]) -> None:
    opened = Page(browser, viewport)
    try:
        p = opened.page
        p.goto(server.url + path)
        if path == "/":
            p.locator("#start").click()
            p.locator("#stem").wait_for(state="visible")
        else:
            p.locator("#results tbody tr").first.wait_for(state="visible")
        p.wait_for_timeout(300)
        scroll_width = p.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= viewport["width"], "the page scrolls sideways"
        ARTIFACTS.mkdir(exist_ok=True)
        name = ("quiz" if path == "/" else "playground") + f"-{viewport['width']}.png"
        p.screenshot(path=str(ARTIFACTS / name), full_page=True)
        assert (ARTIFACTS / name).stat().st_size > 10_000
        assert opened.errors == []
    finally:
        opened.close()


def test_the_pages_are_served_with_their_policy(server: LiveServer) -> None:
    page = httpx.get(server.url + "/")
    assert page.headers["content-type"].startswith("text/html")
    assert "script-src 'self'" in page.headers["content-security-policy"]
    katex = httpx.get(server.url + "/static/vendor/katex/katex.min.js")
    assert katex.status_code == 200
    version = (ROOT / "service/web/static/vendor/katex/VERSION").read_text().strip()
    pinned = json.loads((ROOT / "package.json").read_text())["dependencies"]["katex"]
    assert version == pinned
