"""The learner routes over HTTP, on SQLite and PostgreSQL: learners, practice sessions, progress,
export, deletion and their credentials."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select, update

from service.learning.models import Learner, ReviewCard
from service.quiz import repository
from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.quiz.models import Attempt, Quiz
from service.quiz.quizzes import utcnow
from service.state import of_app
from tests.quiz.test_router import SECRET_FIELDS, _walk, auth, wrong_response

pytestmark = pytest.mark.anyio
BANK = load_bank()


async def learner(client: httpx.AsyncClient) -> dict[str, Any]:
    response = await client.post("/v1/learners")
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def practise(client: httpx.AsyncClient, who: dict[str, Any], **body: Any) -> dict[str, Any]:
    response = await client.post(
        f"/v1/learners/{who['id']}/practice", json=body, headers=auth(who["token"])
    )
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


async def next_item(client: httpx.AsyncClient, session: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(
        f"/v1/practice/{session['id']}/next", headers=auth(session["token"])
    )
    assert response.status_code == 200, response.text
    chosen: dict[str, Any] = response.json()
    return chosen


def variant(app: FastAPI, quiz_id: str, position: int) -> int | None:
    with of_app(app).database.sessions() as session:
        quiz = repository.get_quiz(session, quiz_id)
        assert quiz is not None
        return quiz.items[position - 1].variant_seed


def key(app: FastAPI, quiz_id: str, item: dict[str, Any]) -> Any:
    found = BANK.item(item["item_id"], variant(app, quiz_id, item["position"]))
    return {"type": item["type"], **answers.to_json(found.key)}


def misconceived(item: dict[str, Any], slug: str) -> Any:
    """A response to `item` that shows the misconception `slug`."""
    found = BANK.item(item["item_id"], 0)
    for choice in found.choices:
        if choice.misconception == slug:
            if item["type"] == "multiple_choice":
                return {"choices": [choice.id]}
            return {"choice": choice.id}
    for alternative in found.alternatives:
        if alternative.misconception == slug:
            return {"type": item["type"], **answers.to_json(alternative.response)}
    raise AssertionError(f"{item['item_id']} has no response for {slug}")


async def answer(
    client: httpx.AsyncClient, session: dict[str, Any], position: int, response: Any
) -> dict[str, Any]:
    result = await client.post(
        f"/v1/quizzes/{session['id']}/answers",
        json={"position": position, "response": response},
        headers=auth(session["token"]),
    )
    assert result.status_code == 200, result.text
    graded: dict[str, Any] = result.json()
    return graded


async def progress(client: httpx.AsyncClient, who: dict[str, Any]) -> dict[str, Any]:
    response = await client.get(f"/v1/learners/{who['id']}/progress", headers=auth(who["token"]))
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


# --- learners and their credentials ------------------------------------------------------------


async def test_a_learner_is_an_id_and_a_token_and_nothing_else(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    who = await learner(client)
    assert set(who) == {"id", "token", "created_at"}
    assert len(who["id"]) == 32
    assert len(who["token"]) >= 40
    with of_app(app).database.sessions() as session:
        row = session.get(Learner, who["id"])
        assert row is not None
        assert who["token"] not in row.token_hash  # only its hash is kept
    fresh = await progress(client, who)
    assert fresh["answers"] == 0
    assert {t["mastery"] for t in fresh["topics"]} == {"not started"}
    assert fresh["misconceptions"] == fresh["reviews"] == []


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/v1/learners/{id}/progress", None),
        ("GET", "/v1/learners/{id}/export", None),
        ("DELETE", "/v1/learners/{id}", None),
        ("POST", "/v1/learners/{id}/practice", {}),
    ],
)
async def test_a_learner_opens_only_with_their_own_token(
    client: httpx.AsyncClient, method: str, path: str, body: Any
) -> None:
    who, other = await learner(client), await learner(client)
    url = path.format(id=who["id"])
    missing = await client.request(method, url, json=body)
    assert missing.status_code == 401
    assert missing.headers["content-type"] == "application/problem+json"
    wrong = await client.request(method, url, json=body, headers=auth(other["token"]))
    assert wrong.status_code == 401
    unknown = path.format(id="0" * 32)
    assert (
        await client.request(method, unknown, json=body, headers=auth(who["token"]))
    ).status_code == 404
    assert (
        await client.get(f"/v1/learners/{who['id']}/progress", headers=auth(who["token"]))
    ).status_code == 200


async def test_a_practice_session_opens_with_its_own_token_only(client: httpx.AsyncClient) -> None:
    who = await learner(client)
    session = await practise(client, who)
    url = f"/v1/practice/{session['id']}/next"
    assert (await client.post(url)).status_code == 401
    assert (await client.post(url, headers=auth(who["token"]))).status_code == 401
    quiz = (await client.post("/v1/quizzes", json={"size": 1})).json()
    # a quiz is not a practice session
    assert (
        await client.post(f"/v1/practice/{quiz['id']}/next", headers=auth(quiz["token"]))
    ).status_code == 404


async def test_a_quiz_counts_for_a_learner_only_with_their_token(client: httpx.AsyncClient) -> None:
    who, other = await learner(client), await learner(client)
    body = {"size": 1, "learner_id": who["id"]}
    assert (await client.post("/v1/quizzes", json=body)).status_code == 401
    assert (
        await client.post("/v1/quizzes", json=body, headers=auth(other["token"]))
    ).status_code == 401
    unknown = {"size": 1, "learner_id": "0" * 32}
    assert (
        await client.post("/v1/quizzes", json=unknown, headers=auth(who["token"]))
    ).status_code == 404
    quiz = (
        await client.post(
            "/v1/quizzes", json={**body, "types": ["numeric"]}, headers=auth(who["token"])
        )
    ).json()
    item = quiz["items"][0]
    await answer(client, quiz, 1, wrong_response(item, None))
    seen = await progress(client, who)
    assert seen["answers"] == 1
    counted = {t["topic"]: t["answers"] for t in seen["topics"]}
    assert all(counted[t] == 1 for t in item["topics"])
    assert [r["item_id"] for r in seen["reviews"]] == [item["item_id"]]
    assert (await progress(client, other))["answers"] == 0


# --- practice ----------------------------------------------------------------------------------


async def test_practice_serves_public_items_one_at_a_time(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    who = await learner(client)
    session = await practise(client, who)
    assert session["max_tries"] == 2
    first = await next_item(client, session)
    assert first["item"]["position"] == 1
    assert first["reason"] in {"review", "misconception", "diagnostic", "practice"}
    assert first["topic"] in first["item"]["topics"]
    assert not (_walk(first) & SECRET_FIELDS)
    again = await next_item(client, session)  # no try yet: the same item
    assert again == first
    await answer(client, session, 1, key(app, session["id"], first["item"]))
    second = await next_item(client, session)
    assert second["item"]["position"] == 2
    assert second["item"]["item_id"] != first["item"]["item_id"]
    state = (
        await client.get(f"/v1/quizzes/{session['id']}", headers=auth(session["token"]))
    ).json()
    assert [i["position"] for i in state["items"]] == [1, 2]
    assert state["items"][0]["correct"] is True


async def test_practice_keeps_to_the_topics_asked_for(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    who = await learner(client)
    session = await practise(client, who, topics=["one-sided-limits"])
    for position in range(1, 5):
        chosen = await next_item(client, session)
        assert "one-sided-limits" in chosen["item"]["topics"]
        await answer(client, session, position, key(app, session["id"], chosen["item"]))


async def test_a_misconception_shown_is_followed_up_and_resolved(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    slug = "convention-as-truth"
    who = await learner(client)
    session = await practise(client, who, misconceptions=[slug])
    first = await next_item(client, session)
    assert slug in BANK.targets[first["item"]["item_id"]]
    graded = await answer(client, session, 1, misconceived(first["item"], slug))
    assert graded["misconception"] == slug
    seen = await progress(client, who)
    assert [(m["slug"], m["count"], m["resolved"]) for m in seen["misconceptions"]] == [
        (slug, 1, False)
    ]
    assert seen["misconceptions"][0]["title"]
    # put right at the second try, after the feedback: not resolved yet
    await answer(client, session, 1, key(app, session["id"], first["item"]))
    seen = await progress(client, who)
    assert seen["misconceptions"][0]["resolved"] is False
    assert seen["reviews"][0]["item_id"] == first["item"]["item_id"]
    due = seen["reviews"][0]["due"]
    assert seen["reviews_due"] == 0  # due in ten minutes
    # a session open to every topic follows the misconception up first
    everything = await practise(client, who)
    follow_up = await next_item(client, everything)
    assert follow_up["reason"] == "misconception"
    assert slug in BANK.targets[follow_up["item"]["item_id"]]
    await answer(client, everything, 1, key(app, everything["id"], follow_up["item"]))
    after = await progress(client, who)
    assert after["misconceptions"][0]["resolved"] is True
    assert after["reviews"][0]["due"] == due  # another item: the card is untouched


async def test_a_due_review_is_asked_first_and_moves_on(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    who = await learner(client)
    quiz = (
        await client.post(
            "/v1/quizzes",
            json={"size": 1, "types": ["numeric"], "learner_id": who["id"]},
            headers=auth(who["token"]),
        )
    ).json()
    item = quiz["items"][0]
    await answer(client, quiz, 1, wrong_response(item, None))
    with of_app(app).database.sessions() as db:
        db.execute(update(ReviewCard).values(due=utcnow() - timedelta(minutes=1)))
        db.commit()
    assert (await progress(client, who))["reviews_due"] == 1
    session = await practise(client, who)
    review = await next_item(client, session)
    assert (review["reason"], review["item"]["item_id"]) == ("review", item["item_id"])
    await answer(client, session, 1, key(app, session["id"], review["item"]))
    after = await progress(client, who)
    assert after["reviews_due"] == 0
    assert after["reviews"][0]["reviews"] == 2
    # the next item is a new one, not a second review in a row
    assert (await next_item(client, session))["reason"] != "review"


async def test_a_session_that_has_asked_everything_says_so(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    slug = "kinked-for-smooth"
    assert sum(slug in found for found in BANK.targets.values()) == 1
    who = await learner(client)
    session = await practise(client, who, misconceptions=[slug])
    only = await next_item(client, session)
    await answer(client, session, 1, key(app, session["id"], only["item"]))
    response = await client.post(
        f"/v1/practice/{session['id']}/next", headers=auth(session["token"])
    )
    assert response.status_code == 409
    assert response.headers["content-type"] == "application/problem+json"


async def test_unknown_topics_and_misconceptions_are_refused_where_they_stand(
    client: httpx.AsyncClient,
) -> None:
    who = await learner(client)
    response = await client.post(
        f"/v1/learners/{who['id']}/practice",
        json={"topics": ["astrology"], "misconceptions": ["none-such"]},
        headers=auth(who["token"]),
    )
    assert response.status_code == 422
    locations = [tuple(e["loc"]) for e in response.json()["errors"]]
    assert ("body", "topics") in locations
    assert ("body", "misconceptions") in locations


async def test_abilities_follow_the_answers(client: httpx.AsyncClient, app: FastAPI) -> None:
    strong, weak = await learner(client), await learner(client)
    for who, right in ((strong, True), (weak, False)):
        session = await practise(client, who, topics=["continuity"])
        for position in range(1, 5):
            item = (await next_item(client, session))["item"]
            response = (
                key(app, session["id"], item)
                if right
                else wrong_response(item, key(app, session["id"], item))
            )
            await answer(client, session, position, response)
    ability = {}
    for who in (strong, weak):
        topic = next(
            t for t in (await progress(client, who))["topics"] if t["topic"] == "continuity"
        )
        assert topic["answers"] == 4
        assert topic["error"] < 1.0
        ability[who["id"]] = topic
    assert ability[strong["id"]]["ability"] > 0 > ability[weak["id"]]["ability"]
    assert ability[weak["id"]]["mastery"] == "practising"


# --- export and deletion -------------------------------------------------------------------


async def test_the_export_holds_everything_stored_and_no_secret(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    who = await learner(client)
    session = await practise(client, who)
    item = (await next_item(client, session))["item"]
    await answer(client, session, 1, wrong_response(item, key(app, session["id"], item)))
    response = await client.get(f"/v1/learners/{who['id']}/export", headers=auth(who["token"]))
    assert response.status_code == 200
    exported = response.json()
    assert exported["id"] == who["id"]
    assert exported["answers"] == 1
    assert [q["id"] for q in exported["quizzes"]] == [session["id"]]
    assert exported["quizzes"][0]["kind"] == "practice"
    assert exported["quizzes"][0]["items"] == [item["item_id"]]
    assert len(exported["quizzes"][0]["attempts"]) == 1
    assert exported["progress"]["reviews"][0]["item_id"] == item["item_id"]
    text = response.text
    assert who["token"] not in text
    assert session["token"] not in text
    assert "token" not in text


async def test_deleting_a_learner_forgets_them_and_keeps_their_attempts_anonymous(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    who = await learner(client)
    session = await practise(client, who)
    item = (await next_item(client, session))["item"]
    await answer(client, session, 1, wrong_response(item, key(app, session["id"], item)))
    response = await client.delete(f"/v1/learners/{who['id']}", headers=auth(who["token"]))
    assert response.status_code == 204
    assert (
        await client.get(f"/v1/learners/{who['id']}/progress", headers=auth(who["token"]))
    ).status_code == 404
    with of_app(app).database.sessions() as db:
        assert db.get(Learner, who["id"]) is None
        assert db.scalar(select(func.count()).select_from(ReviewCard)) == 0
        quiz = db.get(Quiz, session["id"])
        assert quiz is not None
        assert quiz.learner_id is None
        assert db.scalar(select(func.count()).where(Attempt.quiz_id == session["id"])) == 1
    # the session chooses for no one any more
    gone = await client.post(f"/v1/practice/{session['id']}/next", headers=auth(session["token"]))
    assert gone.status_code == 404
