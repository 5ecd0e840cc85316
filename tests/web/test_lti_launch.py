"""An LTI launch in Chromium, under the service's real security headers: from the platform's
login initiation to the learner's quiz on the quiz page, with no script or style blocked."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from service.settings import Settings
from tests.conftest import migrated_database
from tests.lti.flows import Tool, pem
from tests.lti.platform import Message, Platform, new_key
from tests.web.conftest import DESKTOP, Page


def test_a_launch_opens_the_learners_quiz_on_the_quiz_page(browser: Any, tmp_path: Path) -> None:
    key_file = tmp_path / "tool.pem"
    key_file.write_bytes(pem(new_key()))
    with migrated_database("sqlite", tmp_path) as database:
        platform = Platform([new_key()])
        settings = Settings(
            database_url=database,
            admin_api_key="lti-admin-key",
            lti_private_key=str(key_file),
            grpc_port=0,
        )
        tool = Tool(settings, platform)
        page = Page(browser, DESKTOP)
        try:
            assert tool.register().status_code == 201
            login = {
                "iss": platform.issuer,
                "login_hint": "learner-7",
                "target_link_uri": f"{tool.url}/lti/launch",
                "client_id": platform.client_id,
                "lti_deployment_id": platform.deployment_id,
                "lti_message_hint": platform.prepare(Message()),
            }
            page.page.goto(f"{tool.url}/lti/login?{urlencode(login)}")
            # The platform's answer is a form with the id_token; a real one posts it itself.
            page.page.wait_for_url(f"{platform.url}/auth*")
            page.page.evaluate("document.forms[0].submit()")
            page.page.wait_for_url(f"{tool.url}/", timeout=20_000)  # lti.js opened the quiz
            page.page.get_by_text("Item 1 of 10", exact=True).wait_for(timeout=20_000)
            assert page.errors == []  # no script, style or font refused by the policy
        finally:
            page.close()
            tool.stop()
            platform.server.stop()
