"""Deep linking, end to end: the platform's request opens the form, the instructor's choice
comes back as an LtiDeepLinkingResponse signed by the tool (checked here with the tool's own
key set), and a launch of the link it made starts the quiz chosen."""

from __future__ import annotations

import time
from typing import Any

import httpx
import jwt

from service.lti import claims
from tests.lti.flows import Tool, form, handoff
from tests.lti.platform import Message, new_key

RETURN_URL = "https://lms.example.test/deep_links/return"
DEEP_LINKING: dict[str, Any] = {
    claims.MESSAGE_TYPE: claims.DEEP_LINKING_REQUEST,
    claims.RESOURCE_LINK: None,
    claims.DL_SETTINGS: {
        "deep_link_return_url": RETURN_URL,
        "accept_types": ["link", "ltiResourceLink"],
        "accept_presentation_document_targets": ["iframe", "window"],
        "accept_multiple": False,
        "data": "opaque-platform-data",
    },
    "sub": "instructor-3",
}


def _choose(tool: Tool, **choice: Any) -> httpx.Response:
    request = tool.launch(Message(DEEP_LINKING))
    assert request.status_code == 200, request.text
    action, fields = form(request.text)
    assert action == "/lti/deep-link"
    fields.update(
        {name: value if isinstance(value, list) else [value] for name, value in choice.items()}
    )
    return tool.client.post(action, data=fields)


def _verified(tool: Tool, token: str) -> dict[str, Any]:
    """The response as the platform reads it: checked with the tool's published key set."""
    keys = tool.client.get("/lti/jwks.json").json()["keys"]
    kid = jwt.get_unverified_header(token)["kid"]
    (jwk,) = [k for k in keys if k["kid"] == kid]
    decoded: dict[str, Any] = jwt.decode(
        token,
        jwt.PyJWK(jwk).key,
        algorithms=["RS256"],
        audience=tool.platform.issuer,
        issuer=tool.platform.client_id,
        options={"require": ["iss", "aud", "exp", "iat", "nonce"]},
    )
    return decoded


def test_the_instructor_chooses_and_the_platform_gets_a_signed_resource_link(tool: Tool) -> None:
    request = tool.launch(Message(DEEP_LINKING))
    assert request.status_code == 200
    assert 'href="/static/css/app.css"' in request.text
    assert 'name="topics" value="subgradients"' in request.text
    answer = _choose(
        tool,
        title="Subgradients, week 3",
        topics=["subgradients", "differentiability"],
        size="4",
        max_tries="2",
        reveal="after_finish",
    )
    assert answer.status_code == 200, answer.text
    action, fields = form(answer.text)
    assert action == RETURN_URL
    response = _verified(tool, fields["JWT"][0])
    assert response[claims.MESSAGE_TYPE] == "LtiDeepLinkingResponse"
    assert response[claims.VERSION] == "1.3.0"
    assert response[claims.DEPLOYMENT_ID] == tool.platform.deployment_id
    assert response[claims.DL_DATA] == "opaque-platform-data"
    (item,) = response[claims.DL_CONTENT_ITEMS]
    assert item == {
        "type": "ltiResourceLink",
        "title": "Subgradients, week 3",
        "url": f"{tool.url}/lti/launch",
        "custom": {
            "size": "4",
            "max_tries": "2",
            "reveal": "after_finish",
            "topics": "subgradients,differentiability",
        },
        "lineItem": {"scoreMaximum": 4, "label": "Subgradients, week 3"},
    }
    # The platform launches the link it made: its custom parameters make the quiz.
    launched = tool.launch(Message({claims.CUSTOM: item["custom"]}))
    session = handoff(launched.text)
    assert len(session["items"]) == 4
    assert (session["max_tries"], session["reveal"]) == (2, "after_finish")
    topics = {"subgradients", "differentiability"}
    assert all(topics & set(i["topics"]) for i in session["items"])


def test_a_choice_that_cannot_be_used_shows_the_form_again(tool: Tool) -> None:
    answer = _choose(tool, topics=["smoothness"], size="50")
    assert answer.status_code == 422
    assert "only" in answer.text
    assert "items match these topics" in answer.text
    _, fields = form(answer.text)
    assert fields["topics"] == ["smoothness"]
    assert fields["size"] == ["50"]
    again = tool.client.post("/lti/deep-link", data={**fields, "size": ["0"]})
    assert again.status_code == 422
    assert "greater than or equal to 1" in again.text


def test_a_form_context_the_tool_did_not_sign_is_refused(tool: Tool) -> None:
    context = {
        "aud": claims.CONTEXT_AUDIENCE,
        "exp": int(time.time()) + 60,
        "iss": tool.platform.issuer,
        "client_id": tool.platform.client_id,
        "deployment_id": tool.platform.deployment_id,
        "return_url": "https://evil.example.test/collect",
    }
    for forged in (jwt.encode(context, new_key(), algorithm="RS256"), "not-a-token", ""):
        answer = tool.client.post("/lti/deep-link", data={"context": forged, "size": "3"})
        assert answer.status_code == 403
        assert answer.json()["type"] == "/problems/launch-refused"


def test_a_platform_that_takes_no_resource_links_is_refused(tool: Tool) -> None:
    settings = {**DEEP_LINKING[claims.DL_SETTINGS], "accept_types": ["file"]}
    answer = tool.launch(Message({**DEEP_LINKING, claims.DL_SETTINGS: settings}))
    assert answer.status_code == 403
    assert "ltiResourceLink" in answer.json()["detail"]
