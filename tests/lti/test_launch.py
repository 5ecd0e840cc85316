"""The OIDC login and the resource-link launch, end to end against a live simulated platform,
on SQLite and PostgreSQL: a launch starts the quiz its link describes and hands it to the quiz
page; every launch that does not check out is refused with a problem document."""

from __future__ import annotations

import time
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from service.lti import claims
from service.lti.pages import SCRIPT, SESSION_KEY
from tests.conftest import ROOT
from tests.lti.flows import Tool, handoff
from tests.lti.platform import Message, Platform, new_key

CUSTOM = {"size": "3", "max_tries": "2", "reveal": "after_finish", "topics": "subgradients"}


def refused(response: httpx.Response, status: int = 403) -> str:
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == "application/problem+json"
    problem = response.json()
    assert problem["status"] == status
    if status == 403:
        assert problem["type"] == "/problems/launch-refused"
    detail: str = problem["detail"]
    return detail


def test_login_redirects_to_the_platform_with_state_nonce_and_a_cookie(tool: Tool) -> None:
    login = tool.login(Message())
    assert login.status_code == 302
    target = urlsplit(login.headers["location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == f"{tool.platform.url}/auth"
    query = {k: v[0] for k, v in parse_qs(target.query).items()}
    assert query["client_id"] == tool.platform.client_id
    assert query["redirect_uri"] == f"{tool.url}/lti/launch"
    assert query["response_mode"] == "form_post"
    assert query["login_hint"] == "learner-7"
    assert len(query["state"]) >= 43
    assert len(query["nonce"]) >= 43
    (cookie,) = login.headers.get_list("set-cookie")
    assert cookie.startswith(f"lti1p3-state-{query['state']}={query['state']};")
    attributes = {part.strip().lower() for part in cookie.split(";")[1:]}
    assert {"httponly", "secure", "samesite=none", "path=/lti/"} <= attributes


def test_a_post_login_works_like_a_get(tool: Tool) -> None:
    data = {
        "iss": tool.platform.issuer,
        "login_hint": "learner-7",
        "target_link_uri": f"{tool.url}/lti/launch",
    }
    assert tool.client.post("/lti/login", data=data).status_code == 302


def test_a_launch_starts_the_linked_quiz_and_hands_it_to_the_quiz_page(tool: Tool) -> None:
    ags = {"scope": [claims.SCORE_SCOPE], "lineitem": f"{tool.platform.url}/lineitems/7"}
    response = tool.launch(Message({claims.CUSTOM: CUSTOM, claims.AGS_ENDPOINT: ags}))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == "no-store"
    session = handoff(response.text)
    assert session["max_tries"] == 2
    assert session["reveal"] == "after_finish"
    assert len(session["items"]) == 3
    assert all("subgradients" in item["topics"] for item in session["items"])
    assert session["position"] == 1
    assert session["seed"] is None
    # The quiz page resumes the quiz the script stores, under the key the page reads.
    assert (
        f'const STORAGE_KEY = "{SESSION_KEY}";'
        in (ROOT / "service/web/static/js/quiz-session.js").read_text()
    )
    assert f'sessionStorage.setItem("{SESSION_KEY}"' in SCRIPT
    assert 'src="/lti/lti.js"' in response.text
    assert tool.client.get("/lti/lti.js").text == SCRIPT
    page = tool.client.get("/")
    assert page.status_code == 200
    assert "quiz.js" in page.text
    bearer = {"Authorization": f"Bearer {session['token']}"}
    state = tool.client.get(f"/v1/quizzes/{session['id']}", headers=bearer)
    assert state.status_code == 200
    assert state.json()["status"] == "open"
    # The state cookie is spent.
    (cleared,) = response.headers.get_list("set-cookie")
    assert "max-age=0" in cleared.lower()


@pytest.mark.parametrize(
    ("custom", "field"), [({"size": "0"}, "size"), ({"reveal": "soon"}, "reveal")]
)
def test_custom_parameters_that_cannot_make_a_quiz_are_a_422(
    tool: Tool, custom: dict[str, str], field: str
) -> None:
    response = tool.launch(Message({claims.CUSTOM: custom}))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["errors"][0]["loc"] == ["custom", field]


def _expired() -> dict[str, Any]:
    now = int(time.time())
    return {"iat": now - 7200, "exp": now - 3600}


FAILURES = [
    ("wrong issuer", lambda p: Message({"iss": "https://evil.example.test"}), "issuer"),
    ("expired", lambda p: Message(_expired()), "expired"),
    ("issued in the future", lambda p: Message({"iat": int(time.time()) + 3600}), "future"),
    ("wrong audience", lambda p: Message({"aud": "another-tool"}), "client id"),
    (
        "azp missing among several audiences",
        lambda p: Message({"aud": [p.client_id, "another-tool"]}),
        "azp",
    ),
    ("bad signature", lambda p: Message(sign_with=new_key()), "signature"),
    ("unknown key", lambda p: Message(kid="made-up"), "no RS256 key"),
    ("unknown deployment", lambda p: Message({claims.DEPLOYMENT_ID: "elsewhere"}), "deployment"),
    ("wrong version", lambda p: Message({claims.VERSION: "1.1"}), "version"),
    (
        "unknown message",
        lambda p: Message({claims.MESSAGE_TYPE: "LtiSubmissionReview"}),
        "takes no",
    ),
    ("no resource link", lambda p: Message({claims.RESOURCE_LINK: None}), "resource_link"),
    ("no nonce", lambda p: Message({"nonce": None}), "nonce"),
    ("another nonce", lambda p: Message({"nonce": "guessed"}), "nonce"),
]


@pytest.mark.parametrize(("name", "message", "says"), FAILURES, ids=[f[0] for f in FAILURES])
def test_a_launch_that_does_not_check_out_is_refused(
    tool: Tool, name: str, message: Any, says: str
) -> None:
    assert says in refused(tool.launch(message(tool.platform)))


def test_several_audiences_with_this_tool_as_azp_are_accepted(tool: Tool) -> None:
    platform = tool.platform
    message = Message({"aud": [platform.client_id, "another-tool"], "azp": platform.client_id})
    assert tool.launch(message).status_code == 200


def test_a_replayed_launch_is_refused(tool: Tool) -> None:
    begun = tool.begin()
    assert tool.post(begun).status_code == 200
    assert "used already" in refused(tool.post(begun))


def test_an_id_token_replayed_into_another_login_is_refused_by_its_nonce(tool: Tool) -> None:
    first, second = tool.begin(), tool.begin()
    assert tool.post(first).status_code == 200
    second.fields["id_token"] = first.fields["id_token"]
    assert "nonce" in refused(tool.post(second))


def test_a_launch_without_state_or_its_cookie_is_refused(tool: Tool) -> None:
    begun = tool.begin()
    assert "state cookie" in refused(tool.post(begun, cookie=False))
    other = tool.begin().cookie
    forged = httpx.post(
        begun.action, data=begun.fields, headers={"Cookie": f"{begun.cookie.key}={other.value}"}
    )
    assert "state cookie" in refused(forged)
    without = httpx.post(begun.action, data={"id_token": begun.fields["id_token"]})
    assert "no state" in refused(without)
    # None of these spent the login: with its own cookie it still launches.
    assert tool.post(begun).status_code == 200


def test_the_platform_saying_no_is_refused(tool: Tool) -> None:
    response = httpx.post(
        f"{tool.url}/lti/launch",
        data={"error": "login_required", "error_description": "no session"},
    )
    assert "login_required: no session" in refused(response)


def test_a_login_from_an_unknown_platform_or_deployment_is_refused(tool: Tool) -> None:
    assert "registered" in refused(tool.login(iss="https://unknown.example.test"))
    assert "deployment" in refused(tool.login(lti_deployment_id="elsewhere"))
    missing = tool.client.get("/lti/login", params={"iss": tool.platform.issuer})
    assert "login_hint" in refused(missing)


def test_the_platform_key_set_is_kept_and_made_up_keys_fetch_nothing(tool: Tool) -> None:
    platform: Platform = tool.platform
    assert tool.launch().status_code == 200
    assert tool.launch().status_code == 200
    assert platform.jwks_fetches == 1
    # Seconds after a fetch, a key the set does not hold is refused without fetching again
    # (test_keysets.py: later, it is fetched once).
    assert "no RS256 key" in refused(tool.launch(Message(kid="made-up-2")))
    assert platform.jwks_fetches == 1


def test_an_unreachable_key_set_is_a_502(tool: Tool) -> None:
    begun = tool.begin()
    tool.platform.server.stop()
    response = tool.post(begun)
    assert response.status_code == 502, response.text
    assert response.json()["type"] == "/problems/bad-gateway"


def test_a_tool_without_a_key_answers_404_on_its_lti_routes(start_tool: Any) -> None:
    tool = start_tool(lti_private_key=None)
    for method, path in [
        ("GET", "/lti/jwks.json"),
        ("GET", "/lti/login"),
        ("POST", "/lti/launch"),
        ("POST", "/lti/deep-link"),
    ]:
        response = tool.client.request(method, path)
        assert response.status_code == 404, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert "RELU_LTI_PRIVATE_KEY" in response.json()["detail"]
