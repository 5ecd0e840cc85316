"""Registering platforms: the admin's route and `python -m service lti-register`, on SQLite and
PostgreSQL; and what the tool publishes (its key set, its OpenAPI document) carries no secret."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from typing import Any

import pytest

from service.app import create_app
from service.settings import Settings
from service.state import of_app
from tests.conftest import ROOT
from tests.lti.flows import ADMIN, Tool
from tests.lti.platform import Platform


def test_registering_again_replaces_the_registration(tool: Tool) -> None:
    platform = tool.platform
    body = {**platform.registration(), "deployment_ids": ["deployment-1", "deployment-2"]}
    replaced = tool.client.post("/lti/platforms", json=body, headers=ADMIN)
    assert replaced.status_code == 200, replaced.text
    assert replaced.json()["deployment_ids"] == ["deployment-1", "deployment-2"]
    body["deployment_ids"] = ["deployment-2"]
    assert tool.client.post("/lti/platforms", json=body, headers=ADMIN).status_code == 200
    (listed,) = tool.client.get("/lti/platforms", headers=ADMIN).json()
    assert listed["deployment_ids"] == ["deployment-2"]
    assert listed["issuer"] == platform.issuer
    assert listed["created_at"].endswith(("Z", "+00:00"))
    # deployment-1 is no longer registered: its logins are refused.
    assert tool.login().status_code == 403


def test_registration_needs_the_admin_key_and_a_usable_body(tool: Tool) -> None:
    body = tool.platform.registration()
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        assert tool.client.post("/lti/platforms", json=body, headers=headers).status_code == 401
        assert tool.client.get("/lti/platforms", headers=headers).status_code == 401
    changes: list[dict[str, Any]] = [
        {"jwks_url": "ftp://lms/jwks"},
        {"deployment_ids": []},
        {"issuer": ""},
        {"secret": "x"},
    ]
    for change in changes:
        response = tool.client.post("/lti/platforms", json={**body, **change}, headers=ADMIN)
        assert response.status_code == 422, change
        assert response.headers["content-type"] == "application/problem+json"


def test_a_second_client_id_of_one_issuer_needs_the_login_to_name_it(tool: Tool) -> None:
    body = {**tool.platform.registration(), "client_id": "another-client"}
    assert tool.client.post("/lti/platforms", json=body, headers=ADMIN).status_code == 201
    unnamed = tool.client.get(
        "/lti/login",
        params={"iss": tool.platform.issuer, "login_hint": "u", "target_link_uri": "x"},
    )
    assert unnamed.status_code == 403
    assert "client_id" in unnamed.json()["detail"]
    assert tool.launch().status_code == 200  # the login names its client id


def _cli(database_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "service", "lti-register", *args],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": database_url},
        capture_output=True,
        text=True,
        timeout=120,
    )


def _options(registration: dict[str, Any]) -> list[str]:
    options = [
        "--issuer",
        registration["issuer"],
        "--client-id",
        registration["client_id"],
        "--auth-login-url",
        registration["auth_login_url"],
        "--token-url",
        registration["token_url"],
        "--jwks-url",
        registration["jwks_url"],
    ]
    for deployment in registration["deployment_ids"]:
        options += ["--deployment-id", deployment]
    return options


def test_the_command_line_registers_a_platform(
    lti_database: str, platform: Platform, start_tool: Callable[..., Tool]
) -> None:
    registration = platform.registration()
    registered = _cli(lti_database, *_options(registration))
    assert registered.returncode == 0, registered.stderr
    assert json.loads(registered.stdout)["deployment_ids"] == ["deployment-1"]
    assert "registered" in registered.stderr
    again = _cli(lti_database, *_options(registration), "--deployment-id", "deployment-9")
    assert again.returncode == 0
    assert "replaced" in again.stderr
    tool = start_tool(lti_private_key=None)  # its own registration is not needed
    (listed,) = tool.client.get("/lti/platforms", headers=ADMIN).json()
    assert listed["deployment_ids"] == ["deployment-1", "deployment-9"]
    bad = _cli(lti_database, *_options({**registration, "token_url": "not a url"}))
    assert bad.returncode == 2
    assert "token_url" in bad.stderr
    missing = _cli(lti_database, "--issuer", "x")
    assert missing.returncode == 2
    assert "required" in missing.stderr


def test_nothing_published_carries_a_secret(tool: Tool, tool_pem: Any) -> None:
    secret = tool_pem.read_text().splitlines()[1]  # a line of the private key
    keys = tool.client.get("/lti/jwks.json")
    assert keys.status_code == 200
    (key,) = keys.json()["keys"]
    assert set(key) == {"kty", "alg", "use", "kid", "n", "e"}
    document = tool.client.get("/openapi.json").text
    for text in (keys.text, document, tool.client.get("/lti/platforms", headers=ADMIN).text):
        assert secret not in text
    schemas = json.loads(document)["components"]["schemas"]
    assert set(schemas["PublicKey"]["properties"]) == {"kty", "alg", "use", "kid", "n", "e"}
    assert "/lti/launch" not in json.loads(document)["paths"]  # browser protocol, not API


@pytest.mark.anyio
async def test_a_key_that_cannot_be_read_stops_start_up(database_url: str) -> None:
    app = create_app(
        Settings(database_url=database_url, lti_private_key="/nonexistent/tool.pem", grpc_port=0)
    )
    with pytest.raises(ValueError, match="neither PEM text nor a readable file"):
        async with app.router.lifespan_context(app):
            pass
    of_app(app).database.dispose()
