"""The quiz page and the playground in a real browser (Debian's Chromium, driven by
Playwright): a whole quiz with every answer type, a reload that resumes, the playground,
axe-core with no serious or critical violation, and screenshots at two widths."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from service.db import upgrade
from service.quiz.core.taxonomy import ANSWER_TYPES
from tests.conftest import ROOT, LiveServer
from tests.web.conftest import DESKTOP, PHONE, Page, playwright_api

ARTIFACTS = ROOT / "test-artifacts"
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
QUIZ_SIZE = 16


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    database = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'web.db'}"
    upgrade(database)
    live = LiveServer({"DATABASE_URL": database, "RELU_RATE_LIMIT_QUIZ_CREATE": "1000/minute"})
    yield live
    live.stop()


def _seed_covering_every_type(server: LiveServer) -> int:
    for seed in range(500):
        quiz = httpx.post(f"{server.url}/v1/quizzes", json={"size": QUIZ_SIZE, "seed": seed})
        assert quiz.status_code == 201
        if {item["type"] for item in quiz.json()["items"]} == set(ANSWER_TYPES):
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
            assert "no try was used" in error.inner_text()
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
            assert p.locator("#plot svg.subgradient-plot").count() == 1  # revealed with the key
        assert feedback.locator(".result").inner_text().strip() in ("✓Correct", "✗Not quite")
        assert feedback.locator(".explanation").inner_text().strip()  # after_answer, one try
        if step == 4:
            p.reload()
            p.locator("#item").wait_for(state="visible")
            assert _item(p)[1] == step + 2, "the reload did not resume at the next item"
            continue
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
        p.add_script_tag(path=str(AXE))
        result = p.evaluate("async () => await axe.run(document)")
        serious = [v for v in result["violations"] if v["impact"] in ("serious", "critical")]
        assert serious == [], [(v["id"], v["help"], len(v["nodes"])) for v in serious]
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
