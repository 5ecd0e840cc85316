"""The playground's Program tab in a real browser (Debian's Chromium, driven by Playwright):
reached by keyboard, a program evaluated with the frameworks' derivatives outside the
subdifferential flagged in the table, an example chosen, a program the server cannot read,
the points sent, axe-core, and screenshots at two widths (into the temporary directory)."""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from service.db import upgrade
from tests.conftest import LiveServer
from tests.web.conftest import DESKTOP, PHONE, Page, playwright_api, serious_violations

SCREENSHOTS = Path(tempfile.gettempdir())
FRAMEWORKS = ("PyTorch", "JAX", "TensorFlow")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    database = f"sqlite:///{tmp_path_factory.mktemp('program') / 'web.db'}"
    upgrade(database)
    live = LiveServer({"DATABASE_URL": database})
    yield live
    live.stop()


def _open_program_tab(p: Any, server: LiveServer) -> None:
    """Open /playground and move to the Program tab with the arrow key, as a keyboard user."""
    p.goto(server.url + "/playground")
    p.locator("#tab-functions").focus()
    p.keyboard.press("ArrowRight")
    tab = p.locator("#tab-program")
    playwright_api.expect(tab).to_be_focused()
    playwright_api.expect(tab).to_have_attribute("aria-selected", "true")
    playwright_api.expect(p.locator("#tab-functions")).to_have_attribute("aria-selected", "false")
    playwright_api.expect(p.locator("#panel-program")).to_be_visible()
    playwright_api.expect(p.locator("#panel-functions")).to_be_hidden()


def _evaluate(p: Any, program: str) -> None:
    """Type the program and press Enter in the box; return once the server has answered."""
    box = p.locator("#program")
    box.fill("")
    box.type(program)
    with p.expect_response("**/v1/programs/evaluate"):
        box.press("Enter")


def _shown(p: Any, canonical: str) -> None:
    """Wait until the results shown are the program's (the status names it)."""
    playwright_api.expect(p.locator("#program-status")).to_contain_text(f"{canonical} in float64")
    playwright_api.expect(p.locator("#program-results")).to_be_visible()


def _row(p: Any, x: str) -> Any:
    """The table's row for this x."""
    header = p.locator("th", has_text=re.compile(rf"^\s*{re.escape(x)}\s*$"))
    return p.locator("#program-table tbody tr").filter(has=header)


def test_the_program_tab(server: LiveServer, page: Page) -> None:
    p = page.page
    _open_program_tab(p, server)
    _shown(p, "relu(x) - relu(-x)")  # the tab evaluates the program in its box when first shown
    _evaluate(p, "relu(x) - relu(-x)")
    _shown(p, "relu(x) - relu(-x)")
    zero = _row(p, "0")
    playwright_api.expect(zero).to_have_count(1)
    cells = zero.locator("td")
    assert cells.nth(0).inner_text().strip() == "[1, 1]"
    for i, name in enumerate(FRAMEWORKS, start=1):
        assert cells.nth(i).inner_text().split() == ["0", "outside"], name
    # Only x = 0 is listed: the identity has no kink, and elsewhere autodiff gives 1.
    playwright_api.expect(p.locator("#program-table tbody tr")).to_have_count(1)
    # Marked on the plot too: one red ring a framework, and each framework's ops written out.
    assert p.locator("#program-plots svg .outside-ring").count() == 3
    ops = {"pytorch": "torch.relu", "jax": "jax.nn.relu", "tensorflow": "tf.nn.relu"}
    for name, op in ops.items():
        assert op in p.locator(f"#ops-{name}").inner_text()

    # An example fills the box, says what it shows, and is evaluated.
    example = httpx.get(f"{server.url}/v1/programs/examples").json()[1]
    p.locator("#program-example").select_option(label=example["name"])
    playwright_api.expect(p.locator("#program-shows")).to_have_text(example["shows"])
    assert p.locator("#program").input_value() == example["program"]
    _shown(p, example["program"])

    # A program the server cannot read: the column message under the box, and no old results.
    _evaluate(p, "relu(x")
    error = p.locator("#program-error")
    playwright_api.expect(error).to_contain_text("column")
    box = p.locator("#program")
    playwright_api.expect(box).to_have_attribute("aria-invalid", "true")
    assert "program-error" in (box.get_attribute("aria-describedby") or "").split()
    playwright_api.expect(p.locator("#program-results")).to_be_hidden()
    assert p.locator("#program-table tbody tr").count() == 0
    assert "No results" in p.locator("#program-status").inner_text()
    # The choice of example no longer describes the box.
    assert p.locator("#program-shows").inner_text() == ""

    # Mended, the message goes.
    _evaluate(p, "abs(x)")
    _shown(p, "abs(x)")
    assert box.get_attribute("aria-invalid") is None
    assert error.inner_text() == ""
    assert page.errors == []


def test_the_points_sent(server: LiveServer, page: Page) -> None:
    """x is k/100 over the range: 0 and the integers exact, never more than 801 points."""
    p = page.page
    bodies: list[dict[str, Any]] = []
    p.on(
        "request",
        lambda r: bodies.append(json.loads(r.post_data)) if r.url.endswith("/evaluate") else None,
    )
    _open_program_tab(p, server)
    _shown(p, "relu(x) - relu(-x)")  # the tab evaluates its program when first shown
    assert bodies[-1]["dtype"] == "float64"
    x = bodies[-1]["x"]
    assert len(x) == 401
    assert (x[0], x[-1]) == (-2, 2)
    assert {0, 1, 0.07} <= set(x)
    p.locator("#program-from").fill("-10")
    p.locator("#program-to").fill("10")
    p.locator("#program-dtype").select_option("float16")
    p.locator("#program-evaluate").click()
    playwright_api.expect(p.locator("#program-status")).to_contain_text("float16")
    x = bodies[-1]["x"]
    assert len(x) <= 801
    assert (x[0], x[-1]) == (-10, 10)
    assert set(range(-10, 11)) <= set(x)
    assert bodies[-1]["dtype"] == "float16"
    # A range the page cannot sample says so beside it, and sends nothing.
    sent = len(bodies)
    p.locator("#program-to").fill("-20")
    p.locator("#program-evaluate").click()
    playwright_api.expect(p.locator("#program-to")).to_have_attribute("aria-invalid", "true")
    playwright_api.expect(p.locator("#program-form-error")).to_contain_text("above x from")
    playwright_api.expect(p.locator("#program-results")).to_be_hidden()
    assert len(bodies) == sent
    assert page.errors == []


def test_the_tabs_by_keyboard_and_address(server: LiveServer, page: Page) -> None:
    p = page.page
    _open_program_tab(p, server)
    p.keyboard.press("ArrowRight")  # wraps to the first
    playwright_api.expect(p.locator("#tab-functions")).to_be_focused()
    playwright_api.expect(p.locator("#panel-functions")).to_be_visible()
    p.keyboard.press("End")
    playwright_api.expect(p.locator("#tab-program")).to_have_attribute("aria-selected", "true")
    p.keyboard.press("Home")
    playwright_api.expect(p.locator("#tab-functions")).to_have_attribute("aria-selected", "true")
    assert p.locator("#tab-program").get_attribute("tabindex") == "-1"  # a roving tabindex
    p.goto(server.url + "/playground#tab-program")  # a link to the tab opens it
    playwright_api.expect(p.locator("#panel-program")).to_be_visible()
    _shown(p, "relu(x) - relu(-x)")
    assert page.errors == []


def test_axe_finds_no_serious_violations(server: LiveServer, browser: Any) -> None:
    opened = Page(browser, DESKTOP, bypass_csp=True)  # axe is injected as a script
    try:
        p = opened.page
        _open_program_tab(p, server)
        _shown(p, "relu(x) - relu(-x)")
        assert serious_violations(p) == []
    finally:
        opened.close()


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_screenshots(server: LiveServer, browser: Any, viewport: dict[str, int]) -> None:
    opened = Page(browser, viewport)
    try:
        p = opened.page
        _open_program_tab(p, server)
        _shown(p, "relu(x) - relu(-x)")
        # An example with a kink, where the frameworks pick different subgradients.
        examples = httpx.get(f"{server.url}/v1/programs/examples").json()
        example = next((e for e in examples if e["program"] == "max(x, 0)"), examples[0])
        p.locator("#program-example").select_option(label=example["name"])
        _shown(p, example["program"])
        p.wait_for_timeout(300)
        assert p.evaluate("document.documentElement.scrollWidth") <= viewport["width"], (
            "the page scrolls sideways"
        )
        suffix = "" if viewport == DESKTOP else f"-{viewport['width']}"
        shot = SCREENSHOTS / f"program-tab{suffix}.png"
        p.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 10_000
        assert opened.errors == []
    finally:
        opened.close()
