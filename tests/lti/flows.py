"""What a browser does in an LTI launch, done with httpx against the live tool and platform:
the login initiation, the platform's authorization answer (a form posted back), the launch."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser
from http.cookies import Morsel, SimpleCookie
from typing import Any, TypeVar

import httpx
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from service.settings import Settings
from tests.lti.platform import Message, Platform, ThreadedServer

ADMIN = {"Authorization": "Bearer lti-admin-key"}
T = TypeVar("T")


def pem(key: PrivateKeyTypes) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


class _Forms(HTMLParser):
    """The forms of a page and what each submits: inputs (ticked checkboxes only) and the
    selected option of each select (its first when none is)."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, list[str]]]] = []
        self.select: str | None = None
        self.options: list[tuple[str, bool]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.forms.append((attributes.get("action", ""), {}))
        elif tag == "input" and self.forms and "name" in attributes:
            if attributes.get("type") == "checkbox" and "checked" not in attributes:
                return
            self.forms[-1][1].setdefault(attributes["name"], []).append(attributes["value"])
        elif tag == "select":
            self.select, self.options = attributes["name"], []
        elif tag == "option" and self.select is not None:
            self.options.append((attributes["value"], "selected" in attributes))

    def handle_endtag(self, tag: str) -> None:
        if tag == "select" and self.select is not None and self.options:
            chosen = [value for value, selected in self.options if selected] or [self.options[0][0]]
            self.forms[-1][1][self.select] = chosen[:1]
            self.select = None


def form(html: str) -> tuple[str, dict[str, list[str]]]:
    """The page's one form: its action and the values it would submit (inputs only)."""
    parser = _Forms()
    parser.feed(html)
    assert len(parser.forms) == 1, html[:500]
    return parser.forms[0]


def handoff(html: str) -> dict[str, Any]:
    """The quiz session a launch hands to the quiz page."""
    match = re.search(r'<script type="application/json" id="lti-quiz">(.*?)</script>', html, re.S)
    assert match, html[:500]
    data: dict[str, Any] = json.loads(match.group(1))
    return data


def eventually(check: Callable[[], T | None], timeout_s: float = 20.0) -> T:
    """check() once it is truthy, polled to a deadline."""
    deadline = time.monotonic() + timeout_s
    while True:
        result = check()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"not true within {timeout_s} s: {result!r}")
        time.sleep(0.02)


@dataclass
class Begun:
    """A login in flight: where the platform's form posts, what it posts, the browser's cookie."""

    action: str
    fields: dict[str, str]
    cookie: Morsel[str]

    @property
    def cookie_header(self) -> dict[str, str]:
        return {"Cookie": f"{self.cookie.key}={self.cookie.value}"}


class Tool:
    """The service, live, with LTI on, and the platform registered with it."""

    def __init__(self, settings: Settings, platform: Platform) -> None:
        from service.app import create_app

        self.platform = platform
        self.server = ThreadedServer(create_app(settings))
        self.url = self.server.url
        platform.tool_url = self.url
        self.client = httpx.Client(base_url=self.url, timeout=30)

    def stop(self) -> None:
        self.client.close()
        self.server.stop()

    def register(self) -> httpx.Response:
        return self.client.post("/lti/platforms", json=self.platform.registration(), headers=ADMIN)

    def login(self, message: Message | None = None, **params: str) -> httpx.Response:
        query = {
            "iss": self.platform.issuer,
            "login_hint": "learner-7",
            "target_link_uri": f"{self.url}/lti/launch",
            "client_id": self.platform.client_id,
            "lti_deployment_id": self.platform.deployment_id,
            "lti_message_hint": self.platform.prepare(message or Message()),
            **params,
        }
        return self.client.get("/lti/login", params=query)

    def begin(self, message: Message | None = None) -> Begun:
        login = self.login(message)
        assert login.status_code == 302, login.text
        cookies = SimpleCookie()
        for header in login.headers.get_list("set-cookie"):
            cookies.load(header)
        (cookie,) = cookies.values()
        answer = httpx.get(login.headers["location"])
        assert answer.status_code == 200, answer.text
        action, fields = form(answer.text)
        return Begun(action, {name: values[0] for name, values in fields.items()}, cookie)

    def post(self, begun: Begun, cookie: bool = True) -> httpx.Response:
        return httpx.post(
            begun.action, data=begun.fields, headers=begun.cookie_header if cookie else {}
        )

    def launch(self, message: Message | None = None) -> httpx.Response:
        return self.post(self.begin(message))
