"""/docs and /redoc offline: Swagger UI and ReDoc from the service's own files, under a content
security policy of 'self' sources, render in Chromium with every other host out of reach and
nothing said in the console."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from service.db import upgrade
from tests.conftest import LiveServer
from tests.web.conftest import Page

# Records what the content security policy refuses, before any script of the page runs.
VIOLATIONS = """
window.violations = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.violations.push(`${e.violatedDirective} ${e.blockedURI}`));
"""


def _offline(page: Page, server: LiveServer) -> list[str]:
    """Requests to any host but the server's are aborted; the list says which were tried."""
    tried: list[str] = []
    own = urlsplit(server.url).netloc

    def route(request: Any) -> None:
        if urlsplit(request.request.url).netloc == own:
            request.continue_()
        else:
            tried.append(request.request.url)
            request.abort()

    page.context.route("**/*", route)
    page.page.add_init_script(VIOLATIONS)
    return tried


def _directives(response: Any) -> dict[str, list[str]]:
    policy = response.headers["content-security-policy"]
    return {
        name: sources
        for name, *sources in (part.split() for part in policy.split(";") if part.strip())
    }


def _only_own_sources(directives: dict[str, list[str]]) -> None:
    for name, sources in directives.items():
        for source in sources:
            assert source.startswith("'") or source in ("data:", "blob:"), (name, source)
    assert directives["script-src"][0] == "'self'"
    assert all(s.startswith("'sha256-") for s in directives["script-src"][1:])


def test_swagger_ui_renders_offline(live_server: LiveServer, page: Page) -> None:
    tried = _offline(page, live_server)
    response = page.page.goto(f"{live_server.url}/docs")
    assert response is not None
    assert response.ok
    _only_own_sources(_directives(response))
    page.page.locator('[data-path="/v1/misconceptions"]').wait_for()
    operations = page.page.locator(".opblock").count()
    assert operations >= 20, operations
    page.page.locator('[data-path="/v1/misconceptions"]').click()
    page.page.locator(".opblock.is-open .try-out__btn").click()
    page.page.locator(".opblock.is-open .execute").click()
    page.page.locator(".opblock.is-open .response-col_status").first.wait_for()
    assert "The subdifferential is open" in page.page.locator(".opblock.is-open").inner_text()
    assert page.page.evaluate("window.violations") == []
    assert page.errors == []
    assert tried == []


def test_redoc_renders_and_searches_offline(live_server: LiveServer, page: Page) -> None:
    tried = _offline(page, live_server)
    response = page.page.goto(f"{live_server.url}/redoc")
    assert response is not None
    assert response.ok
    directives = _directives(response)
    _only_own_sources(directives)
    assert directives["worker-src"] == ["blob:"]
    page.page.get_by_role("heading", name="ReLU reference service").first.wait_for()
    assert page.page.locator("h2").count() >= 20  # one per operation
    page.page.get_by_placeholder("Search...").fill("misconceptions")
    result = page.page.get_by_role("menuitem").filter(has_text="misconceptions").first
    result.wait_for()  # found by the search worker, which the policy allows from a blob
    assert page.page.evaluate("window.violations") == []
    assert page.errors == []
    assert tried == []


def _hash(script: bytes) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(script).digest()).decode()}'"


def test_the_policy_allows_the_inline_scripts_by_hash_and_nothing_else(
    live_server: LiveServer,
) -> None:
    for path in ("/docs", "/redoc"):
        page = httpx.get(live_server.url + path)
        assert page.status_code == 200
        directives = _directives(page)
        _only_own_sources(directives)
        inline = re.findall(rb"<script>(.*?)</script>", page.content, re.DOTALL)
        assert {_hash(script) for script in inline} <= set(directives["script-src"])
        assert "'unsafe-inline'" not in directives["script-src"]
        assert "'unsafe-eval'" not in directives["script-src"]
        assert directives["frame-ancestors"] == ["'none'"]
        assets = re.findall(rb'(?:src|href)="(/static/[^"]+)"', page.content)
        assert assets
        for asset in assets:
            assert httpx.get(live_server.url + asset.decode()).status_code == 200, asset
        assert b"http" not in page.content  # no address elsewhere


def test_without_docs_neither_page_nor_document_is_served(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'docs.db'}"
    upgrade(database)
    server = LiveServer({"DATABASE_URL": database, "RELU_DOCS": "false"})
    try:
        for path in ("/docs", "/redoc", "/openapi.json"):
            assert httpx.get(server.url + path).status_code == 404, path
        assert httpx.get(server.url + "/v1/misconceptions").status_code == 200
    finally:
        server.stop()
