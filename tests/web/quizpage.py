"""What the quiz page's browser tests share: contexts at both widths in both colour schemes,
axe-core with every impact and a review of the contrast it cannot decide, screenshots, moving
by keyboard with the focus checked at every step, and the keys of a quiz's items (read from
the server's database, as an examiner could) so that a test can answer right or wrong."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from service.db import make_engine
from service.quiz import repository
from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.quiz.core.items import Item
from tests.conftest import ROOT
from tests.web.conftest import AXE

ARTIFACTS = ROOT / "test-artifacts"
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 740}


@dataclass(frozen=True)
class Look:
    """A viewport and a colour scheme."""

    name: str
    viewport: dict[str, int]
    scheme: str

    @property
    def phone(self) -> bool:
        return self.viewport["width"] < 600


DESKTOP_LIGHT = Look("desktop-light", DESKTOP, "light")
DESKTOP_DARK = Look("desktop-dark", DESKTOP, "dark")
PHONE_LIGHT = Look("phone-light", PHONE, "light")
PHONE_DARK = Look("phone-dark", PHONE, "dark")
LOOKS = (DESKTOP_LIGHT, DESKTOP_DARK, PHONE_LIGHT, PHONE_DARK)

# Chromium logs every 4xx and 5xx response; the tests cause these on purpose.
EXPECTED_STATUS = re.compile(
    r"^Failed to load resource: the server responded with a status of (\d+)"
)


class QuizPage:
    """A page in its own context that records console errors (apart from the statuses a test
    expects) and uncaught exceptions."""

    def __init__(
        self,
        browser: Any,
        look: Look,
        expected: tuple[int, ...] = (422,),
        storage_state: Any = None,
    ) -> None:
        self.look = look
        self.prefix = "quiz"  # screenshots are test-artifacts/{prefix}-{state}-{look}.png
        self.context = browser.new_context(
            viewport=look.viewport,
            color_scheme=look.scheme,
            bypass_csp=True,  # axe-core is injected as a script
            storage_state=storage_state,
        )
        self.page = self.context.new_page()
        self.expected = expected
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _console(self, message: Any) -> None:
        if message.type not in ("error", "warning"):
            return
        status = EXPECTED_STATUS.match(message.text)
        if status and int(status.group(1)) in self.expected:
            return
        self.errors.append(message.text)

    def close(self) -> None:
        self.context.close()

    # --- looking ---------------------------------------------------------------------------

    def shot(self, state: str) -> None:
        """A screenshot of the whole page into test-artifacts/, for a person to look at."""
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{self.prefix}-{state}-{self.look.name}.png"
        self.page.screenshot(path=str(path), full_page=True, animations="disabled")

    def check(self, state: str) -> None:
        """axe-core finds nothing on the page as it stands, the page does not scroll sideways,
        and a screenshot is taken."""
        problems = accessibility_problems(self.page)
        assert problems == [], (state, self.look.name, problems)
        width = self.page.evaluate("document.documentElement.scrollWidth")
        assert width <= self.look.viewport["width"], (state, self.look.name, "scrolls sideways")
        self.shot(state)

    def check_both_schemes(self, state: str) -> None:
        """check() in the look's colour scheme, then in the other one (emulated, and its
        screenshot named after that look), and back."""
        self.check(state)
        mine = self.look
        other = "dark" if mine.scheme == "light" else "light"
        self.look = Look(f"{'phone' if mine.phone else 'desktop'}-{other}", mine.viewport, other)
        self.page.emulate_media(color_scheme=other)
        try:
            self.check(state)
        finally:
            self.look = mine
            self.page.emulate_media(color_scheme=mine.scheme)


# --- axe-core ------------------------------------------------------------------------------

# For a node whose contrast axe-core cannot decide (the plots' SVG text, which it reads as text
# over an image; text too short to judge): the ratio of the text's colour (an SVG text's fill)
# to the first opaque background behind it, computed in the page, and the size of its text.
CONTRAST = """(selector) => {
  const node = document.querySelector(selector);
  if (!node) return null;
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const c = [r, g, b].map((v) => {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
  };
  const style = getComputedStyle(node);
  let back = null;
  for (let at = node; at; at = at.parentElement) {
    const colour = rgb(getComputedStyle(at).backgroundColor);
    if (colour.length === 3 || (colour.length === 4 && colour[3] === 1)) {
      back = colour.slice(0, 3);
      break;
    }
  }
  back = back || [255, 255, 255];
  // SVG text is painted with its fill, other text with its colour.
  const fore = rgb(node instanceof SVGElement ? style.fill : style.color).slice(0, 3);
  const [a, b] = [lum(fore), lum(back)].sort((x, y) => y - x);
  const size = parseFloat(style.fontSize);
  const bold = Number(style.fontWeight) >= 700;
  return { ratio: (a + 0.05) / (b + 0.05), large: size >= 24 || (bold && size >= 18.66) };
}"""


def accessibility_problems(page: Any) -> list[Any]:
    """Every axe-core violation, of any impact, and every node whose colour contrast axe-core
    left undecided that does not pass when reviewed (CONTRAST)."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE))
    result = page.evaluate(
        "async () => await axe.run(document, {resultTypes: ['violations', 'incomplete']})"
    )
    problems: list[Any] = [
        (v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:5])
        for v in result["violations"]
    ]
    for entry in result["incomplete"]:
        if entry["id"] != "color-contrast":
            continue
        for node in entry["nodes"]:
            target = node["target"][0]
            if not isinstance(target, str):
                problems.append(("color-contrast unreviewable", target))
                continue
            measured = page.evaluate(CONTRAST, target)
            if measured is None:
                continue  # gone since axe-core looked (a countdown's text)
            needed = 3.0 if measured["large"] else 4.5
            if measured["ratio"] < needed:
                problems.append(("color-contrast undecided, fails review", target, measured))
    return problems


# --- the keyboard ----------------------------------------------------------------------------

FOCUS = """() => {
  const node = document.activeElement;
  if (!node || node === document.body || node === document.documentElement) {
    return {ok: false, what: "body"};
  }
  const box = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  const shown = box.width > 0 && box.height > 0 && style.visibility !== "hidden"
    && !node.closest("[hidden]");
  const inView = box.bottom > 0 && box.top < innerHeight && box.right > 0
    && box.left < innerWidth;
  const name = node.name ? "[name=" + node.name + "]" : "";
  const what = node.id ? "#" + node.id : node.tagName.toLowerCase() + name;
  return {ok: shown && inView, what, shown, inView};
}"""


def focus_is_sensible(page: Any) -> str:
    """The focused element, checked to be something shown and in view (never <body>)."""
    focus = page.evaluate(FOCUS)
    assert focus["ok"], focus
    return str(focus["what"])


def tab_to(page: Any, selector: str, limit: int = 60) -> None:
    """Tab (or Shift+Tab) until the focus is on an element matching `selector`, checking the
    focus at every step."""
    if page.evaluate(
        "(s) => document.activeElement && document.activeElement.matches(s)", selector
    ):
        return
    before = page.evaluate(
        """(s) => {
          const target = document.querySelector(s);
          const active = document.activeElement;
          if (!target || !active || active === document.body) return false;
          return Boolean(target.compareDocumentPosition(active) & Node.DOCUMENT_POSITION_FOLLOWING);
        }""",
        selector,
    )
    key = "Shift+Tab" if before else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate("() => document.activeElement !== document.body"):
            focus_is_sensible(page)
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} not reached by {key}")


# --- the quiz's items, as the server keeps them -------------------------------------------------


def items_of(database: str, quiz_id: str) -> dict[int, Item]:
    engine = make_engine(database)
    bank = load_bank()
    with Session(engine) as session:
        quiz = repository.get_quiz(session, quiz_id)
        assert quiz is not None
        items = {row.position: bank.item(row.item_id, row.variant_seed) for row in quiz.items}
    engine.dispose()
    return items


def key_of(item: Item) -> dict[str, Any]:
    """The item's key in the shape of a response."""
    return answers.to_json(item.key)
