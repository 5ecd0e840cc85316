"""The quiz page in an exam deployment (RELU_EXAM_MODE=true), played in Debian's Chromium by a
learner who reads the page before every answer: no item shows f', a subdifferential, a hint
it did not take, or a text that states its key, and the page draws f from the item itself
while the calculator routes answer 404."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sqlalchemy.orm import Session

from service.db import make_engine, upgrade
from service.quiz import repository
from service.quiz.bank import load_bank
from service.quiz.core.items import Item
from tests.conftest import LiveServer
from tests.web.conftest import DESKTOP, Page, playwright_api

QUIZ_SIZE = 50
# What the page showed beside the items before: statements of relu's key facts.
KEY_FACTS = ("right derivative is 1", "left derivative there is 0", "[0, 1] is a valid")


@pytest.fixture(scope="module")
def exam(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, str]]:
    database = f"sqlite:///{tmp_path_factory.mktemp('exam') / 'exam.db'}"
    upgrade(database)
    live = LiveServer(
        {
            "DATABASE_URL": database,
            "RELU_EXAM_MODE": "true",
            "RELU_RATE_LIMIT_QUIZ_CREATE": "1000/minute",
            "RELU_RATE_LIMIT_ANSWERS": "10000/minute",
        }
    )
    yield live, database
    live.stop()


def _phrases(text: str) -> list[str]:
    """Runs of plain words in a text (between its $...$ formulas) long enough to be telling."""
    plain = re.split(r"\$[^$]*\$|`[^`]*`", text)
    return [p.strip(" .,;:()") for p in plain if len(p.strip(" .,;:()")) >= 25]


def _secrets(item: Item) -> list[str]:
    """Texts of the item that only the reveal policy or a paid hint may show."""
    texts = [item.explanation, *item.feedback.values(), *(h.text for h in item.hints)]
    texts += [a.feedback for a in item.alternatives if a.feedback]
    return [phrase for text in texts for phrase in _phrases(text)]


def _items_of(database: str, quiz_id: str) -> dict[int, Item]:
    engine = make_engine(database)
    bank = load_bank()
    with Session(engine) as session:
        quiz = repository.get_quiz(session, quiz_id)
        assert quiz is not None
        items = {row.position: bank.item(row.item_id, row.variant_seed) for row in quiz.items}
    engine.dispose()
    return items


def _answer_without_knowing(p: Any, kind: str) -> None:
    """Select every choice, the same value everywhere, "does not exist": no knowledge needed."""
    if kind == "single_choice":
        p.locator("input[name=choice]").first.check()
    elif kind == "multiple_choice":
        for box in p.locator("input[name=choices]").all():
            box.check()
    elif kind == "true_false":
        p.locator("input[name=value][value=true]").check()
    elif kind == "numeric":
        p.locator("#numeric-dne").check()
    elif kind == "interval":
        p.locator("#interval-lower").fill("0")
        p.locator("#interval-upper").fill("0")
    elif kind == "one_sided_pair":
        p.locator("#pair-left").fill("0")
        p.locator("#pair-right").fill("0")
    elif kind == "vector":
        for box in p.locator(".vector-value").all():
            box.fill("0")
    p.locator("#submit-answer").click()


def test_the_calculator_is_gone_and_the_page_draws_f(exam: tuple[LiveServer, str]) -> None:
    server, _ = exam
    for path in (
        "/playground",
        "/v1/functions/relu",
        "/v1/functions/relu/graph",
        "/v2/models/relu",
    ):
        assert httpx.get(server.url + path).status_code == 404, path
    assert httpx.post(server.url + "/v1/relu", json={"x": [0]}).status_code == 404
    # The playground's page, which states relu's derivatives, is not a static file either.
    assert httpx.get(server.url + "/static/playground.html").status_code == 404
    assert httpx.get(server.url + "/").status_code == 200


def test_a_learner_reading_the_page_sees_no_answer(
    exam: tuple[LiveServer, str], browser: Any
) -> None:
    server, database = exam
    opened = Page(browser, DESKTOP)
    p = opened.page
    try:
        p.goto(server.url + "/")
        playwright_api.expect(p.locator("#nav-playground")).to_be_hidden()
        playwright_api.expect(p.locator("#exam-note")).to_be_visible()
        playwright_api.expect(p.locator("#seed")).to_be_hidden()  # the exam sets the rules
        page_text = p.locator("body").inner_text()
        assert not [fact for fact in KEY_FACTS if fact in page_text]
        p.locator("#size").fill(str(QUIZ_SIZE))
        p.locator("#start").click()
        p.locator("#quiz").wait_for(state="visible")
        quiz_id = p.evaluate("JSON.parse(sessionStorage.getItem('relu-quiz')).id")
        items = _items_of(database, quiz_id)
        drawn = 0
        for position in range(1, QUIZ_SIZE + 1):
            p.locator(f"#item[data-position='{position}']").wait_for()
            p.locator("#stem").wait_for(state="visible")
            item, kind = items[position], p.locator("#item").get_attribute("data-type")
            plot = p.locator("#plot").inner_html().lower()  # svg text and aria-labels too
            text = p.locator("#quiz").inner_text()
            for selector in (".subgradient-plot", ".evidence", ".key", ".explanation", ".hint-box"):
                assert p.locator(selector).count() == 0, (position, item.id, selector)
            assert "subdifferential" not in plot, (position, item.id)
            assert "derivative" not in plot, (position, item.id)
            shown = [phrase for phrase in _secrets(item) if phrase in text]
            assert shown == [], (position, item.id, shown)
            if item.function is not None:
                assert p.locator("#plot svg.function-plot path.curve-value").count() == 1
                drawn += 1
            _answer_without_knowing(p, kind)
            p.locator("#feedback .result").wait_for(state="visible")
            for selector in (".subgradient-plot", ".key", ".explanation", ".evidence"):
                assert p.locator(selector).count() == 0, (position, item.id, selector)
            if position < QUIZ_SIZE:
                p.locator("#next-item").click()
        assert drawn > 0
        p.locator("#finish-quiz").click()
        p.locator("#summary").wait_for(state="visible")
        assert p.locator("#review .key").count() > 0  # after the finish, the answers show
        assert opened.errors == []
    finally:
        opened.close()
