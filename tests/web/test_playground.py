"""The playground's Functions tab at scale and for everyone, in Chromium: a million numbers
pasted and evaluated (a page of the table, the plot reduced to columns), 200,000 typed into the
box, an invalid parameter that leaves no old results beside its message, an answer for inputs
since changed that is dropped, the main flow by keyboard alone, and axe-core with no violation of
any impact in every state, at two widths, light and dark, with screenshots into test-artifacts/."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from typing import Any

import pytest

from service.db import upgrade
from tests.conftest import ROOT, LiveServer
from tests.web.conftest import AXE, playwright_api

expect = playwright_api.expect
ARTIFACTS = ROOT / "test-artifacts"
WIDE = {"width": 1280, "height": 800}
NARROW = {"width": 375, "height": 740}
MILLION = 1_000_000
# x_i = (i - 500,000) / 125,000: -4 up to 3.999992, 0 among them. The plot's x range for relu is
# [-3.5, 3.5], which leaves out 62,500 numbers below it and 62,499 above.
MILLION_JS = """async () => {
  const parts = new Array(1e6);
  for (let i = 0; i < 1e6; i += 1) parts[i] = String((i - 5e5) / 125000);
  await navigator.clipboard.writeText(parts.join("\\n"));
}"""
OUTSIDE_PLOT = "124,999"
# Chromium logs every 4xx in the console; the tests draw 422s on purpose.
EXPECTED = re.compile(r"^Failed to load resource: the server responded with a status of 422")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    database = f"sqlite:///{tmp_path_factory.mktemp('playground') / 'web.db'}"
    upgrade(database)
    live = LiveServer({"DATABASE_URL": database})
    yield live
    live.stop()


class Visit:
    """A page in a context of its own (viewport, colour scheme, clipboard), recording console
    errors and uncaught exceptions. axe is injected as a script, so only its pages bypass the
    content security policy."""

    def __init__(
        self, browser: Any, viewport: dict[str, int], scheme: str = "light", axe: bool = False
    ) -> None:
        self.context = browser.new_context(
            viewport=viewport,
            color_scheme=scheme,
            bypass_csp=axe,
            permissions=["clipboard-read", "clipboard-write"],
        )
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning") and not EXPECTED.match(message.text):
            self.errors.append(message.text)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def visit(browser: Any) -> Iterator[Visit]:
    opened = Visit(browser, WIDE)
    yield opened
    opened.close()


def _open(p: Any, server: LiveServer, query: str = "") -> None:
    p.goto(f"{server.url}/playground{query}")
    expect(p.locator("#playground-status")).to_have_attribute("data-state", "shown")


def _evaluate(p: Any, numbers: int) -> None:
    """Press Evaluate and wait for the results of `numbers` numbers."""
    p.locator("#evaluate").click()
    expect(p.locator("#playground-status")).to_have_text(
        f"Results for the {numbers:,} number{'' if numbers == 1 else 's'} above.", timeout=30_000
    )


def _paste_million(p: Any) -> None:
    p.evaluate(MILLION_JS)
    p.locator("#numbers").focus()
    p.keyboard.press("Control+A")
    p.keyboard.press("Control+V")
    expect(p.locator("#numbers-set-summary")).to_have_text(
        "1,000,000 numbers pasted, from -4 to 3.999992."
    )
    expect(p.locator("#numbers")).to_be_hidden()
    expect(p.locator("#numbers-set")).to_be_focused()  # the keyboard stays where the box was


def _rows(p: Any) -> list[list[str]]:
    return p.evaluate(
        "() => [...document.querySelectorAll('#results tbody tr')]"
        ".map((row) => [...row.cells].map((cell) => cell.textContent))"
    )


def _strokes(p: Any, panel: str) -> list[tuple[float, float, float]]:
    """The plot's columns in a panel: (x, y0, y1) of each vertical stroke."""
    d = p.locator(f"#plot svg.{panel} path.mark-column").get_attribute("d") or ""
    return [
        (float(x), float(y0), float(y1))
        for x, y0, _, y1 in re.findall(r"M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)", d)
    ]


def _shows_nothing_old(p: Any) -> None:
    """No results of earlier inputs anywhere under the form."""
    expect(p.locator("#outcome-results")).to_be_hidden()
    assert p.locator("#results tbody tr").count() == 0
    assert p.locator("#kinks li").count() == 0
    assert p.locator("#plot svg").count() == 0


def test_a_million_numbers_pasted(server: LiveServer, visit: Visit) -> None:
    p = visit.page
    _open(p, server)
    _paste_million(p)
    # The results of the seven numbers before are marked as out of date at once.
    expect(p.locator("#playground-status")).to_contain_text("Out of date")
    expect(p.locator("#outcome-results")).to_have_class(re.compile(r"\bstale\b"))
    start = time.monotonic()
    _evaluate(p, MILLION)
    took = time.monotonic() - start
    assert took < 20, f"{took:.1f} s to evaluate and show a million numbers"
    expect(p.locator("#outcome-results")).not_to_have_class(re.compile(r"\bstale\b"))

    # The table: the first 250 rows, and a message that says so.
    expect(p.locator("#results-range")).to_have_text(
        "Showing rows 1 to 250 of 1,000,000; the controls under the table show the others."
    )
    rows = _rows(p)
    assert len(rows) == 250
    assert rows[0] == ["-4", "0", "0", "0", "0", "0", "0"]
    assert rows[-1][0] == str((249 - 500_000) / 125_000)
    expect(p.locator("#rows-previous")).to_be_disabled()
    p.locator("#rows-next").click()
    expect(p.locator("#results-range")).to_contain_text("Showing rows 251 to 500 of 1,000,000")
    assert _rows(p)[0][0] == str((250 - 500_000) / 125_000)
    # The row at x = 0 (number 500,001), at a kink: shaded, with relu's values.
    p.locator("#rows-from").fill("500,001")
    p.locator("#rows-from").press("Enter")
    expect(p.locator("#results-range")).to_contain_text("Showing rows 500,001 to 500,250")
    zero = p.locator("#results tbody tr").first
    expect(zero).to_have_class("kink-row")
    assert _rows(p)[0] == ["0", "0", "0", "0", "1", "0", "1"]

    # The plot: one stroke per column, not a mark per number; the jump of relu' at 0 survives as
    # a column from 0 to 1, and the numbers beyond the plotted range are counted.
    assert p.locator("#plot svg .mark").count() == 0
    values = _strokes(p, "function-plot")
    slopes = _strokes(p, "subgradient-plot")
    assert 300 <= len(values) <= 344
    assert 300 <= len(slopes) <= 344
    assert sum(1 for _, y0, y1 in slopes if abs(y0 - y1) > 50) == 1  # the jump, and only it
    expect(p.locator("#plot figcaption")).to_contain_text(
        f"{OUTSIDE_PLOT} of your numbers lie outside x from -3.5 to 3.5"
    )

    # Back to a few numbers typed in the box: the table follows the inputs.
    p.locator("#numbers-clear").click()
    expect(p.locator("#numbers")).to_be_focused()
    p.keyboard.type("3, -0, NaN")
    expect(p.locator("#playground-status")).to_contain_text("Out of date")
    _evaluate(p, 3)
    assert [row[:2] for row in _rows(p)] == [["3", "3"], ["-0", "0"], ["NaN", "NaN"]]
    expect(p.locator("#results-pager")).to_be_hidden()
    assert visit.errors == []


def test_a_large_file_is_held_as_a_set(server: LiveServer, visit: Visit) -> None:
    p = visit.page
    _open(p, server)
    text = "\n".join(str(i / 8) for i in range(-40_000, 40_000)).encode()
    p.locator("#numbers-file").set_input_files(
        {"name": "grid.txt", "mimeType": "text/plain", "buffer": text}
    )
    expect(p.locator("#numbers-set-summary")).to_have_text(
        "80,000 numbers from grid.txt, from -5000 to 4999.875."
    )
    _evaluate(p, 80_000)
    expect(p.locator("#results-range")).to_contain_text("of 80,000")
    # Edit as text puts them back in the box, where they can be changed.
    p.locator("#numbers-edit").click()
    expect(p.locator("#numbers")).to_be_focused()
    assert p.locator("#numbers").input_value() == text.decode()
    bad = b"1, 2, three, 4" + b", 5" * 200_000
    p.locator("#numbers-file").set_input_files(
        {"name": "bad.txt", "mimeType": "text/plain", "buffer": bad}
    )
    expect(p.locator("#numbers-file-error")).to_have_text(
        "bad.txt: “three” (entry 3) is not a number. Write numbers such as -1.5 or 2e-3, "
        "or NaN, Infinity, -Infinity."
    )
    assert visit.errors == []


def test_200000_numbers_typed_in_the_box(server: LiveServer, visit: Visit) -> None:
    p = visit.page
    _open(p, server)
    numbers = ", ".join(f"{(i - 100_000) / 25_000}" for i in range(200_000))
    p.locator("#numbers").fill(numbers)
    _evaluate(p, 200_000)
    expect(p.locator("#results-range")).to_contain_text("Showing rows 1 to 250 of 200,000")
    assert len(_rows(p)) == 250
    assert _rows(p)[0][:2] == ["-4", "0"]
    expect(p.locator("#playground-error")).to_be_empty()
    assert visit.errors == []


def test_an_invalid_parameter_replaces_the_results(server: LiveServer, visit: Visit) -> None:
    p = visit.page
    _open(p, server, "?function=leaky_relu")
    slope = p.locator("#param-negative_slope")
    slope.fill("abc")  # evaluated again by itself after a pause
    error = p.locator("#playground-error")
    expect(error).to_contain_text("negative_slope")
    _shows_nothing_old(p)
    expect(slope).to_have_attribute("aria-invalid", "true")
    assert "playground-error" in (slope.get_attribute("aria-describedby") or "").split()

    slope.fill("0.25")
    expect(p.locator("#playground-status")).to_have_text("Results for the 7 numbers above.")
    expect(error).to_be_empty()
    assert slope.get_attribute("aria-invalid") is None
    assert _rows(p)[0][:2] == ["-2", "-0.5"]

    # hardtanh with its bounds the wrong way round: the same, on the pressed Evaluate.
    p.locator("#function").select_option("hardtanh")
    expect(p.locator("#playground-status")).to_have_text("Results for the 7 numbers above.")
    assert p.locator("#kinks li").count() == 2
    p.locator("#param-min_val").fill("3")
    p.locator("#param-max_val").fill("-3")
    p.locator("#evaluate").click()
    expect(error).to_contain_text("min_val must be below max_val")
    _shows_nothing_old(p)
    expect(p.locator("#param-min_val")).to_have_attribute("aria-invalid", "true")
    assert visit.errors == []


def test_a_value_at_the_kink_outside_the_subdifferential(server: LiveServer, visit: Visit) -> None:
    """The service refuses the subgradients, and the values and intervals stay: the subgradient
    column is empty, and the message says why beside the box that holds the value."""
    p = visit.page
    _open(p, server)
    p.locator("#convention").select_option("custom")
    expect(p.locator("#at-kink")).to_be_focused()
    p.keyboard.type("5")
    p.keyboard.press("Enter")
    error = p.locator("#playground-error")
    expect(error).to_contain_text("5 is not a subgradient of relu")
    expect(p.locator("#at-kink")).to_have_attribute("aria-invalid", "true")
    rows = _rows(p)
    assert [row[2] for row in rows] == ["—"] * 7
    assert rows[4] == ["0.5", "0.5", "—", "1", "1", "1", "1"]
    assert visit.errors == []


def test_an_answer_for_changed_inputs_is_dropped(server: LiveServer, visit: Visit) -> None:
    p = visit.page
    _open(p, server)
    held: list[Any] = []
    p.route("**/v2/models/*/infer", lambda route: held.append(route))
    p.locator("#numbers").fill("1, 2, 3")
    p.locator("#evaluate").click()
    deadline = time.monotonic() + 10
    while not held and time.monotonic() < deadline:
        p.wait_for_timeout(20)
    assert held, "the page sent no evaluation"
    p.locator("#numbers").fill("5")  # while the answer for 1, 2, 3 is on its way
    with p.expect_response("**/v2/models/*/infer") as answer:
        held[0].continue_()
    answer.value.finished()
    p.unroute("**/v2/models/*/infer")
    p.evaluate("() => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 50)))")
    expect(p.locator("#playground-status")).to_contain_text("Out of date")
    assert len(_rows(p)) == 7  # the seven numbers' results, marked out of date; never 1, 2, 3
    _evaluate(p, 1)
    assert _rows(p) == [["5", "5", "1", "1", "1", "1", "1"]]
    assert visit.errors == []


def _focused(p: Any) -> str:
    return p.evaluate(
        "() => { const e = document.activeElement;"
        " return e.id || e.getAttribute('href') || e.tagName; }"
    )


def _tab_to(p: Any, target: str, most: int = 30) -> list[str]:
    """Press Tab until `target` has the focus; every stop on the way, each with a visible ring."""
    stops = []
    for _ in range(most):
        p.keyboard.press("Tab")
        stops.append(_focused(p))
        ring = p.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, parseFloat(s.outlineWidth)]; }"
        )
        assert ring[0] != "none", f"no focus ring on {stops[-1]}"
        assert ring[1] >= 2, f"a thin focus ring on {stops[-1]}"
        if stops[-1] == target:
            return stops
    raise AssertionError(f"Tab never reached {target}: {stops}")


def test_the_main_flow_by_keyboard(server: LiveServer, visit: Visit) -> None:
    p = visit.page
    _open(p, server)
    stops = _tab_to(p, "function")
    assert stops[:3] == ["#main", "/", "/playground"]  # the skip link, then the navigation
    p.keyboard.press("ArrowDown")  # the next function: leaky_relu
    expect(p.locator("#function")).to_have_value("leaky_relu")
    _tab_to(p, "param-negative_slope")
    p.keyboard.press("Control+A")
    p.keyboard.type("0.5")
    _tab_to(p, "numbers")
    p.keyboard.press("Control+A")
    p.keyboard.type("-2, 0, 2")
    stops = _tab_to(p, "evaluate")
    assert stops == ["numbers-file", "convention", "evaluate"]  # at-kink is disabled
    p.keyboard.press("Enter")
    expect(p.locator("#playground-status")).to_have_text("Results for the 3 numbers above.")
    rows = [row[:3] for row in _rows(p)]
    assert rows == [["-2", "-1", "0.5"], ["0", "0", "0.5"], ["2", "2", "1"]]
    # The table's scrolling box is a stop of its own, named by the caption.
    _tab_to(p, "results-scroll")
    region = p.locator("#results-scroll")
    assert region.get_attribute("role") == "region"
    assert region.get_attribute("aria-labelledby") == "results-caption"
    assert visit.errors == []


STATES = ("results", "out-of-date", "error", "million", "program")


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("viewport", [WIDE, NARROW], ids=["1280", "375"])
def test_every_state_passes_axe(
    server: LiveServer, browser: Any, viewport: dict[str, int], scheme: str
) -> None:
    """axe-core finds nothing, of any impact, in each state; none scrolls sideways."""
    opened = Visit(browser, viewport, scheme, axe=True)
    p = opened.page
    found: dict[str, Any] = {}

    def check(state: str) -> None:
        if p.evaluate("typeof window.axe") == "undefined":
            p.add_script_tag(path=str(AXE))
        result = p.evaluate("async () => await axe.run(document)")
        found[state] = [
            (v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3])
            for v in result["violations"]
        ]
        width = p.evaluate("document.documentElement.scrollWidth")
        assert width <= viewport["width"], f"{state}: the page scrolls sideways"
        ARTIFACTS.mkdir(exist_ok=True)
        shot = ARTIFACTS / f"playground-{state}-{viewport['width']}-{scheme}.png"
        p.screenshot(path=str(shot), full_page=True)

    try:
        expected_bg = "rgb(18, 21, 25)" if scheme == "dark" else "rgb(255, 255, 255)"
        _open(p, server)
        assert p.evaluate("getComputedStyle(document.body).backgroundColor") == expected_bg
        check("results")
        p.locator("#numbers").fill("1, 2")
        expect(p.locator("#playground-status")).to_contain_text("Out of date")
        check("out-of-date")
        p.locator("#numbers").fill("1, two")
        p.locator("#evaluate").click()
        expect(p.locator("#playground-error")).to_contain_text("“two”")
        check("error")
        _paste_million(p)
        _evaluate(p, MILLION)
        check("million")
        p.locator("#tab-program").click()
        expect(p.locator("#program-status")).to_contain_text("in float64")
        check("program")
        assert found == {state: [] for state in STATES}
        assert opened.errors == []
    finally:
        opened.close()
