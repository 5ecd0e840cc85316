"""Assignment and Grade Services, end to end: finishing a launched quiz sends its score to the
platform's line item with a token from the platform's token endpoint; a platform that does not
take it fails nothing, and the admin sees the score failed and can send it again."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import httpx

from service.lti import claims
from service.lti.grades import scores_url
from tests.lti.flows import ADMIN, Tool, eventually, handoff
from tests.lti.platform import SCORE_TYPE, Message

CUSTOM = {"size": "2", "max_tries": "1", "reveal": "after_finish"}


def _launch(tool: Tool, lineitem: str = "7", **claims_: Any) -> dict[str, Any]:
    ags = {
        "scope": [claims.SCORE_SCOPE, "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem"],
        "lineitem": f"{tool.platform.url}/lineitems/{lineitem}",
        "lineitems": f"{tool.platform.url}/lineitems",
    }
    message = Message({claims.CUSTOM: CUSTOM, claims.AGS_ENDPOINT: ags, **claims_})
    response = tool.launch(message)
    assert response.status_code == 200, response.text
    return handoff(response.text)


def _finish(tool: Tool, session: dict[str, Any]) -> dict[str, Any]:
    bearer = {"Authorization": f"Bearer {session['token']}"}
    first = session["items"][0]
    answer = {"position": 1, "response": {"type": first["type"]}}
    # Any answer will do (an unreadable one is refused and costs nothing): the score is the
    # quiz's, whatever it is.
    tool.client.post(f"/v1/quizzes/{session['id']}/answers", json=answer, headers=bearer)
    finished = tool.client.post(f"/v1/quizzes/{session['id']}/finish", headers=bearer)
    assert finished.status_code == 200, finished.text
    summary: dict[str, Any] = finished.json()
    return summary


def _grades(tool: Tool, **params: str) -> list[dict[str, Any]]:
    response = tool.client.get("/lti/grades", params=params, headers=ADMIN)
    assert response.status_code == 200, response.text
    grades: list[dict[str, Any]] = response.json()
    return grades


def test_finishing_a_launched_quiz_sends_its_score(tool: Tool) -> None:
    platform = tool.platform
    session = _launch(tool)
    summary = _finish(tool, session)
    (score,) = platform.wait_for_scores(1)
    assert score.lineitem == "7"
    assert score.content_type == SCORE_TYPE
    assert score.authorization.removeprefix("Bearer ") in platform.tokens
    body = score.body
    assert body["userId"] == "learner-7"
    assert body["scoreGiven"] == summary["total"]
    assert body["scoreMaximum"] == summary["maximum"] == 2
    assert (body["activityProgress"], body["gradingProgress"]) == ("Completed", "FullyGraded")
    assert datetime.fromisoformat(body["timestamp"]) == datetime.fromisoformat(
        summary["finished_at"]
    )
    # The token came from the token endpoint, for an assertion it checked with the tool's keys.
    (assertion,) = platform.assertions
    assert assertion["iss"] == assertion["sub"] == platform.client_id
    assert assertion["aud"] == f"{platform.url}/token"
    (grade,) = eventually(lambda: _grades(tool, status="sent"))
    assert grade["quiz_id"] == session["id"]
    assert grade["attempts"] == 1
    assert grade["last_error"] is None
    assert grade["issuer"] == platform.issuer


def test_the_access_token_is_kept_for_the_next_score(tool: Tool) -> None:
    first, second = _launch(tool, "7"), _launch(tool, "8")
    _finish(tool, first)
    tool.platform.wait_for_scores(1)
    _finish(tool, second)
    scores = tool.platform.wait_for_scores(2)
    assert {s.lineitem for s in scores} == {"7", "8"}
    assert len(tool.platform.assertions) == 1


def test_finishing_again_sends_nothing_more_and_launches_without_grades_owe_none(
    tool: Tool,
) -> None:
    session = _launch(tool)
    _finish(tool, session)
    tool.platform.wait_for_scores(1)
    bearer = {"Authorization": f"Bearer {session['token']}"}
    assert tool.client.post(f"/v1/quizzes/{session['id']}/finish", headers=bearer).is_success
    no_grades = tool.launch(Message({claims.CUSTOM: CUSTOM}))
    _finish(tool, handoff(no_grades.text))
    anonymous = _launch(tool, sub=None)
    _finish(tool, anonymous)
    assert [g["quiz_id"] for g in _grades(tool)] == [session["id"]]
    assert _grades(tool)[0]["status"] == "sent"
    assert tool.platform.score_attempts == 1


def test_a_platform_that_fails_the_score_fails_nothing_and_the_admin_can_retry(
    start_tool: Callable[..., Tool],
) -> None:
    tool = start_tool(lti_grade_attempts=3, lti_grade_retry_s=0.05)
    platform = tool.platform
    platform.fail_scores_with = 503
    session = _launch(tool)
    _finish(tool, session)  # 200, whatever the platform does
    (failed,) = eventually(lambda: _grades(tool, status="failed"))
    assert failed["attempts"] == 3
    assert platform.score_attempts == 3
    assert "503" in failed["last_error"]
    assert failed["next_attempt_at"] is None
    assert _grades(tool, status="pending") == []

    platform.fail_scores_with = None
    retried = tool.client.post(f"/lti/grades/{session['id']}/retry", headers=ADMIN)
    assert retried.status_code == 202, retried.text
    assert retried.json()["status"] == "pending"
    assert retried.json()["attempts"] == 0
    platform.wait_for_scores(1)
    (sent,) = eventually(lambda: _grades(tool, status="sent"))
    assert sent["last_error"] is None
    again = tool.client.post(f"/lti/grades/{session['id']}/retry", headers=ADMIN)
    assert again.status_code == 409
    assert again.headers["content-type"] == "application/problem+json"


def test_a_refusal_that_retrying_cannot_change_fails_at_once(
    start_tool: Callable[..., Tool],
) -> None:
    tool = start_tool(lti_grade_attempts=5, lti_grade_retry_s=0.05)
    tool.platform.fail_scores_with = 403
    _finish(tool, _launch(tool))
    (failed,) = eventually(lambda: _grades(tool, status="failed"))
    assert failed["attempts"] == 1
    assert "403" in failed["last_error"]


def test_the_grade_routes_need_the_admin_key(tool: Tool) -> None:
    for method, path in [("GET", "/lti/grades"), ("POST", "/lti/grades/0123/retry")]:
        for headers in ({}, {"Authorization": "Bearer wrong"}):
            response = tool.client.request(method, path, headers=headers)
            assert response.status_code == 401, (path, headers)
    missing = tool.client.post(f"/lti/grades/{'0' * 32}/retry", headers=ADMIN)
    assert missing.status_code == 404
    assert httpx.codes.is_success(tool.client.get("/lti/grades", headers=ADMIN).status_code)


def test_the_scores_endpoint_goes_after_the_line_items_path_before_its_query() -> None:
    assert scores_url("https://lms.test/li/7") == "https://lms.test/li/7/scores"
    assert scores_url("https://lms.test/li/7/?a=1") == "https://lms.test/li/7/scores?a=1"
