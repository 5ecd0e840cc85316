"""The practice page in Chromium: a learner starts practising at 1280x800 (light, by mouse) and
at 375x740 (dark, by keyboard alone), answers item after item (one wrong in a way that names a
known mistake), reloads mid-session and is back on the same item, ends the session, reads the
progress view (mastery bars, the mistake by its title), practises that mistake and gets an item
that tests it, and is forgotten. axe-core checks every state at both widths in both colour
schemes, and each state is a screenshot in test-artifacts/ (practice-*.png)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from service.db import upgrade
from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.quiz.core.items import Item
from service.quiz.core.taxonomy import MISCONCEPTION_TITLES, TOPICS
from tests.conftest import LiveServer
from tests.web.conftest import playwright_api
from tests.web.quizpage import (
    DESKTOP_LIGHT,
    PHONE_DARK,
    PHONE_LIGHT,
    Look,
    QuizPage,
    focus_is_sensible,
    items_of,
    key_of,
)
from tests.web.test_quiz_page import Learner, verdict, wrong

expect = playwright_api.expect
# Why an item was chosen, as the page says it (the practice reason is followed by a topic).
REASONS = (
    "A review that is due",
    "On a mistake you made before",
    "Checking a common mistake",
    "At your level in ",
)


@dataclass
class Served:
    server: LiveServer
    database: str

    def progress(self, learner: dict[str, str]) -> httpx.Response:
        headers = {"Authorization": f"Bearer {learner['token']}"}
        return httpx.get(f"{self.server.url}/v1/learners/{learner['id']}/progress", headers=headers)


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    database = f"sqlite:///{tmp_path_factory.mktemp('practice-page') / 'practice.db'}"
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


# --- what the page keeps and shows ---------------------------------------------------------------


def stored(p: Any, key: str) -> Any:
    return p.evaluate("(key) => JSON.parse(localStorage.getItem(key))", key)


def shown_item(p: Any, position: int) -> None:
    """The item at `position` is on show."""
    p.locator(f"#item[data-position='{position}']:not([hidden]) #stem").wait_for()
    expect(p.locator("#item-heading")).to_have_text(f"Item {position}")


def reason(p: Any) -> str:
    text = str(p.locator("#reason").inner_text()).strip()
    assert text.startswith("Why this item: "), text
    said = text.removeprefix("Why this item: ")
    assert said.startswith(REASONS), said
    return said


def diagnosed(item: Item) -> tuple[dict[str, Any], str] | None:
    """A wrong response that the item diagnoses as a known mistake, and that mistake's slug."""
    for alternative in item.alternatives:
        if alternative.misconception and alternative.credit < 1:
            return answers.to_json(alternative.response), alternative.misconception
    if item.type == "single_choice":
        key = key_of(item)["choice"]
        for choice in item.choices:
            if choice.misconception and choice.id != key:
                return {"choice": choice.id}, choice.misconception
    return None


# --- the whole practice --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("look", "keyboard"),
    [
        pytest.param(DESKTOP_LIGHT, False, id="desktop-light-mouse"),
        pytest.param(PHONE_DARK, True, id="phone-dark-keyboard"),
    ],
)
def test_a_learner_practises_sees_progress_and_is_forgotten(
    served: Served, browser: Any, look: Look, keyboard: bool
) -> None:
    quiz = QuizPage(browser, look, expected=())
    quiz.prefix = "practice"
    learner = Learner(quiz, keyboard)
    p = quiz.page
    try:
        p.goto(served.server.url + "/practice")
        p.locator("#topic-list input").first.wait_for(state="attached")
        expect(p.locator("nav a[aria-current='page']")).to_have_text("Practice")
        privacy = p.locator("#privacy-first")
        expect(privacy).to_contain_text("kept in this browser only, anonymously")
        quiz.check_both_schemes("welcome")

        learner.press("#start")
        shown_item(p, 1)
        learner.focus_on("#item-heading")
        who = stored(p, "relu-learner")
        assert set(who) == {"id", "token"}
        session = stored(p, "relu-practice")
        assert session["learner_id"] == who["id"]
        quiz.check_both_schemes("item")

        slug = _practise(served, learner, session["id"])
        _progress(served, learner, who, slug)
        _forget(served, learner, who)
        assert quiz.errors == []
    finally:
        quiz.close()


def _practise(served: Served, learner: Learner, session_id: str) -> str:
    """Item after item until one wrong answer has named a mistake and a few were answered, with
    a reload before an item is answered and one while its feedback shows. The mistake's slug."""
    quiz, p = learner.quiz, learner.p
    named: str | None = None
    reloaded_open = reloaded_answered = False
    for position in range(1, 16):
        shown_item(p, position)
        why = reason(p)
        item = items_of(served.database, session_id)[position]
        if position == 2:
            # A reload before answering: the same item, for the same reason (not the next one).
            stem = p.locator("#stem").inner_text()
            p.reload()
            shown_item(p, position)  # not the next one
            assert p.locator("#stem").inner_text() == stem
            assert reason(p) == why
            assert stored(p, "relu-practice")["id"] == session_id
            quiz.check_both_schemes("reloaded")
            reloaded_open = True
        diagnosis = diagnosed(item) if named is None else None
        if diagnosis is not None:
            response, slug = diagnosis
            learner.answer(item, response)
            assert verdict(p) in ("Not quite", "Partly right")
            learner.focus_on("#verdict")
            mistake = p.locator("#feedback .misconception")
            expect(mistake.locator(".misconception-title")).to_contain_text(
                MISCONCEPTION_TITLES[slug]
            )
            assert mistake.locator(".misconception-description").inner_text().strip()
            assert slug not in p.locator("body").inner_text()
            quiz.check_both_schemes("misconception")
            named = slug
            learner.answer(item, key_of(item))  # the second try, right
            assert verdict(p) == "Correct"
        elif position % 3 == 0:
            learner.answer(item, wrong(item))
            assert verdict(p) in ("Not quite", "Partly right")
            learner.answer(item, key_of(item))
            assert verdict(p) == "Correct"
        else:
            learner.answer(item, key_of(item))
            assert verdict(p) == "Correct"
        learner.focus_on("#verdict")
        expect(p.locator("#feedback .explanation")).to_be_visible()
        expect(p.locator("#item-actions #next-item")).to_be_visible()
        expect(p.locator("#item-actions #end-session")).to_be_visible()
        if not reloaded_answered:
            text = p.locator("#feedback").inner_text()
            p.reload()
            p.locator("#verdict").wait_for()
            shown_item(p, position)
            assert p.locator("#feedback").inner_text() == text, "the reload lost the feedback"
            quiz.check_both_schemes("feedback")
            reloaded_answered = True
        if named is not None and position >= 4:
            break
        learner.press("#next-item")
        learner.focus_on("#item-heading")
    assert named is not None, "no item in 15 diagnosed a mistake"
    assert (reloaded_open, reloaded_answered) == (True, True)
    return named


def _progress(served: Served, learner: Learner, who: dict[str, str], slug: str) -> None:
    """The session ends on the progress view; the mistake is there, and practising it gives an
    item that tests it."""
    quiz, p = learner.quiz, learner.p
    learner.press("#end-session")
    p.locator("#progress-section .mastery-row").first.wait_for()
    learner.focus_on("#progress-heading")
    expect(p.locator("#session-result")).to_contain_text("Session ended")
    assert stored(p, "relu-practice") is None
    rows = p.locator(".mastery-row")
    assert rows.count() == len(TOPICS)
    assert p.locator(".mastery-row svg.mastery-bar").count() == len(TOPICS)
    practised = p.locator(".mastery-row:not([data-mastery='not started'])")
    assert practised.count() >= 1
    expect(practised.first.locator(".mastery-numbers")).to_contain_text("Ability")
    expect(practised.first.locator(".mastery-numbers")).to_contain_text("±")
    table = p.locator(".mastery-table tbody tr")
    assert table.count() == len(TOPICS)
    entry = p.locator(f".mistake[data-slug='{slug}']")
    expect(entry.locator(".mistake-title")).to_have_text(MISCONCEPTION_TITLES[slug])
    expect(entry.locator(".mistake-description")).not_to_be_empty()
    expect(entry).to_contain_text("seen once")
    button = entry.locator(".practise-this")
    expect(button).to_have_text("Practise this")
    expect(p.locator("#reviews-text")).not_to_be_empty()
    assert served.progress(who).json()["answers"] >= 4
    quiz.check_both_schemes("progress")

    learner.press(f".mistake[data-slug='{slug}'] .practise-this")
    shown_item(p, 1)
    learner.focus_on("#item-heading")
    targeted = stored(p, "relu-practice")["id"]
    item = items_of(served.database, targeted)[1]
    assert slug in load_bank().targets[item.id], (slug, item.id)
    expect(p.locator("#progress-text")).to_contain_text(MISCONCEPTION_TITLES[slug])
    reason(p)
    quiz.check_both_schemes("targeted")
    learner.press("#end-session")
    p.locator("#progress-section .mastery-row").first.wait_for()
    learner.focus_on("#progress-heading")


def _forget(served: Served, learner: Learner, who: dict[str, str]) -> None:
    """Download my data (by mouse), then "Forget me", asked twice: kept, then forgotten."""
    quiz, p = learner.quiz, learner.p
    if not learner.keyboard:
        with p.expect_download() as download:
            learner.press("#export")
        exported = json.loads(Path(download.value.path()).read_text(encoding="utf-8"))
        assert exported["id"] == who["id"]
        assert "token" not in json.dumps(exported)
    learner.press("#forget")
    dialog = p.locator("#forget-dialog")
    expect(dialog).to_be_visible()
    learner.focus_on("#forget-cancel")
    quiz.check_both_schemes("forget-dialog")
    learner.press("#forget-cancel")
    expect(dialog).to_be_hidden()
    learner.focus_on("#forget")
    assert stored(p, "relu-learner") == who

    learner.press("#forget")
    learner.press("#forget-confirm")
    expect(p.locator("#start-note")).to_contain_text("You have been forgotten")
    learner.focus_on("#start-heading")
    assert stored(p, "relu-learner") is None
    assert stored(p, "relu-practice") is None
    expect(p.locator("#progress-section")).to_be_hidden()
    expect(p.locator("#privacy-first")).to_be_visible()
    assert served.progress(who).status_code == 404
    quiz.check_both_schemes("forgotten")


# --- waiting -------------------------------------------------------------------------------------


def test_too_many_items_asked_for_wait_on_next_item(served: Served, browser: Any) -> None:
    """A 429 on /next counts down on the "Next item" button, which keeps the focus and sends
    nothing meanwhile; after the wait the item comes."""
    quiz = QuizPage(browser, PHONE_LIGHT, expected=(429,))
    quiz.prefix = "practice"
    p = quiz.page
    refused = {"count": 0}

    def once(route: Any) -> None:
        if refused["count"]:
            route.continue_()
            return
        refused["count"] += 1
        route.fulfill(
            status=429,
            headers={"Retry-After": "30", "Content-Type": "application/problem+json"},
            body=json.dumps({"title": "Too Many Requests", "status": 429, "detail": "slow down"}),
        )

    try:
        p.clock.install()
        p.route("**/v1/practice/*/next", once)
        p.goto(served.server.url + "/practice")
        p.locator("#topic-list input").first.wait_for(state="attached")
        p.locator("#start").click()
        button = p.locator("#next-item")
        expect(button).to_contain_text("(wait ")
        expect(button).to_have_attribute("aria-disabled", "true")
        expect(button).to_be_focused()
        focus_is_sensible(p)
        expect(p.locator("#session-error")).to_contain_text("Too many items were asked for")
        button.click(force=True)
        assert refused["count"] == 1
        quiz.check_both_schemes("next-rate-limited")
        p.clock.run_for(31_000)
        expect(button).to_have_text("Next item")
        expect(button).not_to_have_attribute("aria-disabled", "true")
        button.click()
        shown_item(p, 1)
        expect(p.locator("#item-heading")).to_be_focused()
        assert quiz.errors == []
    finally:
        quiz.close()


# --- the page's policy ---------------------------------------------------------------------------


def test_the_page_runs_under_its_own_policy(served: Served, browser: Any) -> None:
    """Without bypassing the content security policy, the page's script and styles load."""
    policy = httpx.get(served.server.url + "/practice").headers["content-security-policy"]
    assert "script-src 'self'" in policy
    context = browser.new_context(viewport=DESKTOP_LIGHT.viewport)
    try:
        p = context.new_page()
        p.goto(served.server.url + "/practice")
        expect(p.locator("#start")).to_be_visible(timeout=5_000)
    finally:
        context.close()
