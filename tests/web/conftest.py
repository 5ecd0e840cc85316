"""What the browser tests share: Debian's Chromium driven by Playwright, one browser per
session, and a page that records console errors."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}

playwright_api = pytest.importorskip("playwright.sync_api")


def _chromium() -> str:
    if Path(CHROMIUM).exists():
        return CHROMIUM
    if os.environ.get("CI"):
        pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium package")
    pytest.skip(f"{CHROMIUM} is missing")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    executable = _chromium()
    with playwright_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=executable,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


# Chromium reports every 4xx response in the console. The tests send unreadable answers on
# purpose, and the page shows the server's 422 message: that line is expected, no other.
EXPECTED = "Failed to load resource: the server responded with a status of 422"


class Page:
    """A page that records console errors and warnings, and uncaught exceptions."""

    def __init__(self, browser: Any, viewport: dict[str, int], bypass_csp: bool = False) -> None:
        self.context = browser.new_context(viewport=viewport, bypass_csp=bypass_csp)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _console(self, message: Any) -> None:
        if message.type in ("error", "warning") and not message.text.startswith(EXPECTED):
            self.errors.append(message.text)

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Page]:
    opened = Page(browser, DESKTOP)
    yield opened
    opened.close()


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Any) -> list[tuple[str, str, int]]:
    """What axe-core finds serious or critical on the page as it stands (id, help, count)."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        (v["id"], v["help"], len(v["nodes"]))
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
