"""A frontend on another origin takes a quiz in a real browser: the preflights, the bearer
token and the exposed headers all go through CORS as configured, and an origin not in
RELU_CORS_ORIGINS is refused by the browser."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest

from service.db import upgrade
from tests.conftest import LiveServer, free_port
from tests.web.conftest import Page

# The frontend: plain fetch calls, as an integrator's page makes them, each answer of the
# item's type (the grade does not matter here, the round trips do).
FRONTEND = """<!doctype html>
<html><head><meta charset="utf-8"><title>frontend</title></head><body>
<p id="out">working</p>
<script>
const API = new URLSearchParams(location.search).get("api");
const RESPONSES = {
  single_choice: (item) => ({ choice: item.choices[0].id }),
  multiple_choice: (item) => ({ choices: [item.choices[0].id] }),
  true_false: () => ({ value: true }),
  numeric: () => ({ value: 0 }),
  interval: () => ({ lower: 0, upper: 1 }),
  point_set: () => ({ values: [0] }),
  one_sided_pair: () => ({ left: 0, right: 1 }),
  vector: (item) => ({ values: new Array(item.length).fill(0) }),
};
async function call(method, path, token, body) {
  const headers = { "Content-Type": "application/json" };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(API + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status}`);
  return [await response.json(), response.headers];
}
(async () => {
  const [quiz] = await call("POST", "/v1/quizzes", null, { size: 5, seed: 3 });
  let requestId = null;
  for (const item of quiz.items) {
    const response = { type: item.type, ...RESPONSES[item.type](item) };
    const [, headers] = await call("POST", `/v1/quizzes/${quiz.id}/answers`, quiz.token,
                                   { position: item.position, response });
    requestId = headers.get("X-Request-ID");
  }
  const [summary] = await call("POST", `/v1/quizzes/${quiz.id}/finish`, quiz.token);
  document.getElementById("out").textContent =
    `finished ${summary.items.length} items, ${summary.total} of ${summary.maximum}; ` +
    `request id ${requestId ? "exposed" : "hidden"}`;
})().catch((error) => {
  document.getElementById("out").textContent = `failed: ${error}`;
});
</script></body></html>
"""


class Frontend:
    """The page, served by a static server on a port (an origin) of its own."""

    def __init__(self, directory: Path) -> None:
        directory.mkdir(parents=True, exist_ok=True)
        (directory / "index.html").write_text(FRONTEND)
        handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(directory))
        handler.log_message = lambda *args: None  # type: ignore[method-assign]
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
        self.origin = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def frontends(tmp_path: Path) -> Iterator[tuple[Frontend, Frontend]]:
    allowed, other = Frontend(tmp_path / "a"), Frontend(tmp_path / "b")
    yield allowed, other
    allowed.close()
    other.close()


def run_frontend(browser: Any, frontend: Frontend, api: str) -> str:
    page = Page(browser, {"width": 1000, "height": 700})
    try:
        page.page.goto(f"{frontend.origin}/index.html?api={api}")
        out = page.page.locator("#out")
        out.filter(has_not_text="working").wait_for(timeout=30_000)  # polls to the deadline
        return str(out.text_content())
    finally:
        page.close()


def test_a_frontend_on_an_allowed_origin_takes_a_quiz(
    browser: Any, frontends: tuple[Frontend, Frontend], tmp_path: Path
) -> None:
    allowed, other = frontends
    database = f"sqlite:///{tmp_path / 'cors.db'}"
    upgrade(database)
    server = LiveServer({"DATABASE_URL": database, "RELU_CORS_ORIGINS": f'["{allowed.origin}"]'})
    try:
        api = server.url  # another port: another origin
        text = run_frontend(browser, allowed, api)
        assert text.startswith("finished 5 items"), text
        assert text.endswith("request id exposed"), text
        refused = run_frontend(browser, other, api)
        assert refused.startswith("failed: TypeError"), refused  # the browser blocked it
    finally:
        server.stop()
