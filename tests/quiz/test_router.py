from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from service.app import create_app
from service.quiz import quizzes, repository
from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.quiz.core.answers import Interval, Numeric, OneSidedPair, PointSet, Vector
from service.quiz.core.taxonomy import MISCONCEPTIONS
from service.quiz.responses import ITEM_RESPONSE
from service.settings import Settings
from service.state import of_app

pytestmark = pytest.mark.anyio

SECRET_FIELDS = {"key", "explanation", "feedback", "alternatives", "tests", "misconception"}


def auth(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


async def start(client: httpx.AsyncClient, **body: Any) -> dict[str, Any]:
    response = await client.post("/v1/quizzes", json=body)
    assert response.status_code == 201, response.text
    created: dict[str, Any] = response.json()
    return created


def key_of(item: dict[str, Any], seed_lookup: dict[int, int | None]) -> Any:
    """The key, from the bank (a test may know it; the client may not), as the reveal shows
    it: with the item's type."""
    bank = load_bank()
    key = bank.item(item["item_id"], seed_lookup[item["position"]]).key
    return {"type": item["type"], **answers.to_json(key)}


def wrong_response(item: dict[str, Any], key: Any) -> Any:
    """A well-formed response of the item's type that differs from its key."""
    kind = item["type"]
    if kind == "single_choice":
        return {"choice": next(c["id"] for c in item["choices"] if c["id"] != key["choice"])}
    if kind == "multiple_choice":
        ids = sorted(c["id"] for c in item["choices"])
        return {"choices": [] if key["choices"] else ids[:1]}
    if kind == "true_false":
        return {"value": not key["value"]}
    return {
        "numeric": {"value": 123.456},
        "interval": {"lower": 40, "upper": 41},
        "point_set": {"values": [42]},
        "one_sided_pair": {"left": 42, "right": 43},
        "vector": {"values": [42] * (item["length"] or 1)},
    }[kind]


async def variant_seeds(app: FastAPI, quiz_id: str) -> dict[int, int | None]:
    with of_app(app).database.sessions() as session:
        quiz = repository.get_quiz(session, quiz_id)
        assert quiz is not None
        return {row.position: row.variant_seed for row in quiz.items}


def _walk(value: Any) -> set[str]:
    if isinstance(value, dict):
        return set(value) | {k for v in value.values() for k in _walk(v)}
    if isinstance(value, list):
        return {k for v in value for k in _walk(v)}
    return set()


async def test_a_whole_quiz(client: httpx.AsyncClient, app: FastAPI) -> None:
    quiz = await start(client, size=12, seed=7, max_tries=2)
    assert len(quiz["items"]) == 12
    assert len(quiz["token"]) >= 22  # 32 random bytes, base64url
    seeds = await variant_seeds(app, quiz["id"])
    headers = auth(quiz["token"])
    for item in quiz["items"]:
        assert not (_walk(item) & SECRET_FIELDS)
        key = key_of(item, seeds)
        result = await client.post(
            f"/v1/quizzes/{quiz['id']}/answers",
            json={"position": item["position"], "response": key},
            headers=headers,
        )
        assert result.status_code == 200, result.text
        body = result.json()
        assert body["correct"] is True
        assert body["score"] == body["max_score"] == item["points"]
        assert body["tries_left"] == 0
        assert body["key"] == key  # after_answer: revealed once the item is closed
        assert body["explanation"]
    state = (await client.get(f"/v1/quizzes/{quiz['id']}", headers=headers)).json()
    assert state["status"] == "open"
    assert all(s["answered"] and s["correct"] for s in state["items"])
    assert [s["type"] for s in state["items"]] == [i["type"] for i in quiz["items"]]
    summary = (await client.post(f"/v1/quizzes/{quiz['id']}/finish", headers=headers)).json()
    assert summary["total"] == summary["maximum"] > 0
    assert summary["fraction"] == 1.0
    assert {t["topic"] for t in summary["topics"]} == {
        t for i in quiz["items"] for t in i["topics"]
    }
    again = (await client.post(f"/v1/quizzes/{quiz['id']}/finish", headers=headers)).json()
    assert again == summary
    late = await client.post(
        f"/v1/quizzes/{quiz['id']}/answers",
        json={"position": 1, "response": {"value": 1}},
        headers=headers,
    )
    assert late.status_code == 409


async def test_same_seed_same_quiz(client: httpx.AsyncClient) -> None:
    one = await start(client, size=10, seed=99, topics=["subgradients", "continuity"])
    two = await start(client, size=10, seed=99, topics=["subgradients", "continuity"])
    assert one["items"] == two["items"]
    other = await start(client, size=10, seed=100, topics=["subgradients", "continuity"])
    assert other["items"] != one["items"]
    assert one["id"] != two["id"]
    assert one["token"] != two["token"]


async def test_filters(client: httpx.AsyncClient) -> None:
    quiz = await start(client, size=3, types=["interval"], min_difficulty=2, max_difficulty=3)
    assert all(i["type"] == "interval" and 2 <= i["difficulty"] <= 3 for i in quiz["items"])
    too_many = await client.post("/v1/quizzes", json={"size": 50, "types": ["vector"]})
    assert too_many.status_code == 422
    assert too_many.json()["errors"][0]["loc"] == ["body", "size"]
    for body in (
        {"size": 0},
        {"size": 51},
        {"topics": ["calculus"]},
        {"types": ["essay"]},
        {"max_tries": 6},
        {"reveal": "sometimes"},
        {"min_difficulty": 4, "max_difficulty": 2},
        {"unknown": 1},
    ):
        response = await client.post("/v1/quizzes", json=body)
        assert response.status_code == 422, body
        assert response.headers["content-type"] == "application/problem+json"


async def test_truth_and_convention_are_graded_apart(client: httpx.AsyncClient) -> None:
    quiz = await start(client, size=1, seed=1, topics=["differentiability"], types=["numeric"])
    bank = load_bank()
    if quiz["items"][0]["item_id"] != "relu-derivative-at-zero":
        # find it deterministically among seeds
        for seed in range(200):
            quiz = await start(
                client, size=1, seed=seed, types=["numeric"], topics=["differentiability"]
            )
            if quiz["items"][0]["item_id"] == "relu-derivative-at-zero":
                break
    assert quiz["items"][0]["item_id"] == "relu-derivative-at-zero"
    assert bank.items["relu-derivative-at-zero"].key == Numeric(None)
    response = await client.post(
        f"/v1/quizzes/{quiz['id']}/answers",
        json={"position": 1, "response": {"value": 0}},
        headers=auth(quiz["token"]),
    )
    body = response.json()
    assert body["correct"] is False
    assert body["score"] == 0.0  # a convention is a wrong answer to "what is relu'(0)?"
    assert body["misconception"] == "convention-as-truth"
    assert "torch.relu" in body["feedback"]  # its own feedback, shown once the item is closed
    quotients = body["evidence"]["quotients"]
    assert [q["h"] for q in quotients] == [0.1, 0.001, 1e-6]
    assert all(q["left"] == 0 and q["right"] == pytest.approx(1) for q in quotients)


async def test_unreadable_response_keeps_the_try(client: httpx.AsyncClient, app: FastAPI) -> None:
    quiz = await start(client, size=1, seed=3, types=["one_sided_pair"])
    url, headers = f"/v1/quizzes/{quiz['id']}/answers", auth(quiz["token"])
    bad = await client.post(
        url, json={"position": 1, "response": {"left": "zero", "right": 1}}, headers=headers
    )
    assert bad.status_code == 422
    problem = bad.json()
    assert problem["errors"][0]["loc"][:3] == ["body", "response", "left"]
    assert "no try was used" in problem["detail"]
    seeds = await variant_seeds(app, quiz["id"])
    good = await client.post(
        url, json={"position": 1, "response": key_of(quiz["items"][0], seeds)}, headers=headers
    )
    assert good.json()["correct"] is True


async def test_closed_item_conflicts_and_safe_retry(client: httpx.AsyncClient) -> None:
    quiz = await start(client, size=1, seed=5, types=["numeric"], max_tries=1, reveal="never")
    url, headers = f"/v1/quizzes/{quiz['id']}/answers", auth(quiz["token"])
    first = await client.post(
        url, json={"position": 1, "response": {"value": 987}}, headers=headers
    )
    assert first.status_code == 200
    assert "key" not in first.json()
    assert "explanation" not in first.json()
    same = await client.post(
        url, json={"position": 1, "response": {"value": 987.0}}, headers=headers
    )
    assert same.status_code == 200
    assert same.json() == first.json()
    different = await client.post(
        url, json={"position": 1, "response": {"value": 1}}, headers=headers
    )
    assert different.status_code == 409


async def test_tries_and_reveal_after_finish(client: httpx.AsyncClient, app: FastAPI) -> None:
    quiz = await start(client, size=2, seed=11, max_tries=3, reveal="after_finish")
    url, headers = f"/v1/quizzes/{quiz['id']}/answers", auth(quiz["token"])
    item = quiz["items"][0]
    key = key_of(item, await variant_seeds(app, quiz["id"]))
    for tries_left in (2, 1, 0):
        body = (
            await client.post(
                url,
                json={"position": 1, "response": wrong_response(item, key)},
                headers=headers,
            )
        ).json()
        assert body["correct"] is False
        assert body["tries_left"] == tries_left
        assert "key" not in body
    state = (await client.get(f"/v1/quizzes/{quiz['id']}", headers=headers)).json()
    assert state["items"][0]["tries_used"] == 3
    assert all(s.get("key") is None for s in state["items"])
    summary = (await client.post(f"/v1/quizzes/{quiz['id']}/finish", headers=headers)).json()
    assert all(s["key"] is not None and s["explanation"] for s in summary["items"])


async def test_auth(client: httpx.AsyncClient) -> None:
    quiz = await start(client, size=1)
    base = f"/v1/quizzes/{quiz['id']}"
    for method, path, body in (
        ("GET", base, None),
        ("POST", f"{base}/answers", {"position": 1, "response": {}}),
        ("POST", f"{base}/finish", None),
    ):
        for headers in ({}, auth("wrong"), {"Authorization": quiz["token"]}):
            response = await client.request(method, path, json=body, headers=headers)
            assert response.status_code == 401, (path, headers)
            assert response.headers["www-authenticate"] == "Bearer"
            assert response.headers["content-type"] == "application/problem+json"
        missing = await client.request(
            method, path.replace(quiz["id"], "0" * 32), json=body, headers=auth(quiz["token"])
        )
        assert missing.status_code == 404


async def test_time_limit(client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch) -> None:
    quiz = await start(client, size=1, time_limit_s=60)
    expires = datetime.fromisoformat(quiz["expires_at"])
    assert timedelta(seconds=59) < expires - datetime.now(UTC) <= timedelta(seconds=60)
    monkeypatch.setattr(quizzes, "utcnow", lambda: datetime.now(UTC) + timedelta(seconds=61))
    headers = auth(quiz["token"])
    late = await client.post(
        f"/v1/quizzes/{quiz['id']}/answers", json={"position": 1, "response": {}}, headers=headers
    )
    assert late.status_code == 410
    state = (await client.get(f"/v1/quizzes/{quiz['id']}", headers=headers)).json()
    assert state["status"] == "expired"
    assert (
        await client.post(f"/v1/quizzes/{quiz['id']}/finish", headers=headers)
    ).status_code == 200


async def test_position_out_of_range(client: httpx.AsyncClient) -> None:
    quiz = await start(client, size=2)
    response = await client.post(
        f"/v1/quizzes/{quiz['id']}/answers",
        json={"position": 3, "response": {}},
        headers=auth(quiz["token"]),
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["loc"] == ["body", "position"]


async def test_simultaneous_last_tries_grade_exactly_one(client: httpx.AsyncClient) -> None:
    quiz = await start(client, size=1, seed=2, types=["numeric"], max_tries=1)
    url, headers = f"/v1/quizzes/{quiz['id']}/answers", auth(quiz["token"])
    responses = await asyncio.gather(
        *(
            client.post(url, json={"position": 1, "response": {"value": 1000 + i}}, headers=headers)
            for i in range(20)
        )
    )
    statuses = sorted(r.status_code for r in responses)
    assert statuses.count(200) == 1, statuses
    assert statuses.count(409) == 19
    state = (await client.get(f"/v1/quizzes/{quiz['id']}", headers=headers)).json()
    assert state["items"][0]["tries_used"] == 1


async def test_no_payload_leaks_before_the_policy_allows(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    for seed in range(30):
        reveal = ("after_answer", "after_finish", "never")[seed % 3]
        quiz = await start(client, size=8, seed=seed, reveal=reveal, max_tries=2)
        assert not (_walk(quiz) & SECRET_FIELDS), seed
        headers = auth(quiz["token"])
        state = (await client.get(f"/v1/quizzes/{quiz['id']}", headers=headers)).json()
        for item in state["items"]:
            assert item.get("key") is None
            assert item.get("explanation") is None
        first = quiz["items"][0]
        key = key_of(first, await variant_seeds(app, quiz["id"]))
        answer = (
            await client.post(
                f"/v1/quizzes/{quiz['id']}/answers",
                json={"position": 1, "response": wrong_response(first, key)},
                headers=headers,
            )
        ).json()
        withheld = {"key", "explanation", "evidence", "subgradient_graph"}
        if answer["tries_left"] > 0 or reveal != "after_answer":
            assert not withheld & set(answer), (seed, reveal)
        summary = (await client.post(f"/v1/quizzes/{quiz['id']}/finish", headers=headers)).json()
        revealed = [i.get("key") is not None for i in summary["items"]]
        assert all(revealed) if reveal != "never" else not any(revealed)


async def test_topics_and_items(client: httpx.AsyncClient) -> None:
    topics = (await client.get("/v1/topics")).json()
    assert len(topics) == 8
    assert all(t["items"] > 0 for t in topics)
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, Any] = {"limit": 7}
        if cursor:
            params["cursor"] = cursor
        page = (await client.get("/v1/items", params=params)).json()
        seen += [i["item_id"] for i in page["items"]]
        assert not (_walk(page) & SECRET_FIELDS)
        cursor = page["next_cursor"]
        if cursor is None:
            break
    bank = load_bank()
    assert seen == [e.id for e in bank.entries]
    assert len(seen) == len(bank.items) + len(bank.families)
    vectors = (await client.get("/v1/items", params={"type": "vector"})).json()["items"]
    assert vectors
    assert all(i["type"] == "vector" for i in vectors)
    bad = await client.get("/v1/items", params={"topic": "poetry"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["loc"] == ["query", "topic"]
    assert (await client.get("/v1/items", params={"cursor": "!!!"})).status_code == 422


async def test_item_statistics(client: httpx.AsyncClient, app: FastAPI) -> None:
    assert (await client.get("/v1/stats/items")).status_code == 401
    wrong = await client.get("/v1/stats/items", headers=auth("nope"))
    assert wrong.status_code == 401
    assert "RELU_ADMIN_API_KEY" not in wrong.json()["detail"]  # a key is set: just the wrong one
    for seed in range(6):
        quiz = await start(client, size=4, seed=1000 + seed, types=["numeric", "interval"])
        seeds = await variant_seeds(app, quiz["id"])
        for item in quiz["items"]:
            key = key_of(item, seeds)
            response = key if (item["position"] + seed) % 2 else wrong_response(item, key)
            await client.post(
                f"/v1/quizzes/{quiz['id']}/answers",
                json={"position": item["position"], "response": response},
                headers=auth(quiz["token"]),
            )
    stats = (await client.get("/v1/stats/items", headers=auth("admin-key-for-tests"))).json()
    assert sum(s["answers"] for s in stats) == 24
    for row in stats:
        assert 0 <= row["facility"] <= 1
        assert row["discrimination"] is None or -1 <= row["discrimination"] <= 1


def test_keys_of_every_type_have_a_shape() -> None:
    assert answers.to_json(Interval(0, 1)) == {
        "lower": 0,
        "upper": 1,
        "lower_closed": True,
        "upper_closed": True,
    }
    assert answers.to_json(PointSet((0.0, 6.0))) == {"values": [0.0, 6.0]}
    assert answers.to_json(OneSidedPair(0.0, None)) == {"left": 0.0, "right": None}
    assert answers.to_json(Vector((1.0,))) == {"values": [1.0]}


async def test_hints_over_http(client: httpx.AsyncClient) -> None:
    quiz = await start(client, size=10, seed=4, max_tries=2)
    item = next(i for i in quiz["items"] if i["hints"] > 0)
    url, headers = f"/v1/quizzes/{quiz['id']}/hints", auth(quiz["token"])
    hint = await client.post(url, json={"position": item["position"]}, headers=headers)
    assert hint.status_code == 200, hint.text
    body = hint.json()
    assert body["number"] == 1
    assert body["text"]
    assert body["hints_left"] == item["hints"] - 1
    assert body["hint_penalty"] == 0.1
    state = (await client.get(f"/v1/quizzes/{quiz['id']}", headers=headers)).json()
    taken = state["items"][item["position"] - 1]
    assert taken["hints_used"] == 1
    assert taken["hints"][0]["text"] == body["text"]
    assert all(not s["hints"] for s in state["items"] if s["position"] != item["position"])
    for _ in range(item["hints"] - 1):
        await client.post(url, json={"position": item["position"]}, headers=headers)
    none_left = await client.post(url, json={"position": item["position"]}, headers=headers)
    assert none_left.status_code == 409
    assert none_left.headers["content-type"] == "application/problem+json"
    assert (await client.post(url, json={"position": 99}, headers=headers)).status_code == 422
    assert (await client.post(url, json={"position": 1}, headers=auth("no"))).status_code == 401


async def test_penalties_over_http(client: httpx.AsyncClient, app: FastAPI) -> None:
    quiz = await start(client, size=1, seed=8, types=["numeric"], max_tries=3, penalty=0.25)
    assert (quiz["penalty"], quiz["hint_penalty"]) == (0.25, 0.1)
    item = quiz["items"][0]
    url, headers = f"/v1/quizzes/{quiz['id']}/answers", auth(quiz["token"])
    key = key_of(item, await variant_seeds(app, quiz["id"]))
    wrong = await client.post(
        url, json={"position": 1, "response": wrong_response(item, key)}, headers=headers
    )
    assert wrong.json()["score"] == 0
    right = (await client.post(url, json={"position": 1, "response": key}, headers=headers)).json()
    assert right["correct"] is True
    assert right["credit"] == 1.0
    assert right["score"] == pytest.approx(0.75 * item["points"])
    summary = (await client.post(f"/v1/quizzes/{quiz['id']}/finish", headers=headers)).json()
    assert summary["total"] == pytest.approx(0.75 * item["points"])
    assert summary["penalty"] == 0.25


async def test_an_id_that_cannot_exist_is_not_looked_up(client: httpx.AsyncClient) -> None:
    # PostgreSQL refuses a NUL in a string: the id must not reach it.
    for quiz_id in ("a%00b", "0" * 31 + "%00", "X" * 32):
        response = await client.get(f"/v1/quizzes/{quiz_id}", headers=auth("t"))
        assert response.status_code == 404, quiz_id


async def test_an_empty_admin_key_opens_nothing(database_url: str) -> None:
    app = create_app(Settings(database_url=database_url, admin_api_key=""))
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://t") as client:
        for header in ("Bearer ", "Bearer", "bearer  "):
            response = await client.get("/v1/stats/items", headers={"Authorization": header})
            assert response.status_code == 401, header
            assert "RELU_ADMIN_API_KEY" in response.json()["detail"]  # says why it is closed
    of_app(app).database.dispose()


async def test_the_state_resumes_the_quiz_without_the_creation_response(
    client: httpx.AsyncClient, app: FastAPI
) -> None:
    quiz = await start(client, size=12, seed=21, max_tries=2, reveal="after_finish")
    headers = auth(quiz["token"])
    seeds = await variant_seeds(app, quiz["id"])
    first = quiz["items"][0]
    wrong = wrong_response(first, key_of(first, seeds))
    await client.post(
        f"/v1/quizzes/{quiz['id']}/answers",
        json={"position": 1, "response": wrong},
        headers=headers,
    )
    state = (await client.get(f"/v1/quizzes/{quiz['id']}", headers=headers)).json()
    for created, item in zip(quiz["items"], state["items"], strict=True):
        offered = created.pop("hints")
        assert {k: item[k] for k in created} == created
        assert item["hints_offered"] == offered
    (graded,) = state["items"][0]["tries"]
    assert graded["number"] == 1
    assert graded["response"] == ITEM_RESPONSE.dump_python(
        ITEM_RESPONSE.validate_python({"type": first["type"], **wrong}), mode="json"
    )
    assert graded["correct"] is False
    assert set(graded) == {
        "number",
        "response",
        "correct",
        "credit",
        "score",
        "feedback",
        "misconception",
        "misconception_title",
    }
    assert all(item["tries"] == [] for item in state["items"][1:])


async def test_misconceptions_are_listed_with_titles(client: httpx.AsyncClient) -> None:
    listed = (await client.get("/v1/misconceptions")).json()
    assert [m["slug"] for m in listed] == list(MISCONCEPTIONS)
    by_slug = {m["slug"]: m for m in listed}
    assert by_slug["subdifferential-open"] == {
        "slug": "subdifferential-open",
        "title": "The subdifferential is open",
        "description": MISCONCEPTIONS["subdifferential-open"],
    }


async def test_a_quiz_of_listed_items(client: httpx.AsyncClient) -> None:
    ids = ["gen.relu-subgradient-vector", "relu-derivative-at-zero", "abs-grad-by-framework"]
    quiz = await start(client, item_ids=ids)
    assert [i["item_id"] for i in quiz["items"]] == ids
    assert [i["position"] for i in quiz["items"]] == [1, 2, 3]
    vector = quiz["items"][2]
    assert vector["labels"] == ["PyTorch", "JAX", "TensorFlow"]
    assert len(vector["labels"]) == vector["length"]
    assert quiz["items"][1]["labels"] is None


@pytest.mark.parametrize(
    ("body", "locations"),
    [
        ({"item_ids": ["relu-derivative-at-zero", "no-such-item"]}, [["body", "item_ids", 1]]),
        ({"item_ids": ["relu-derivative-at-zero"] * 2}, [["body", "item_ids", 1]]),
        ({"item_ids": ["Not An Id"]}, [["body", "item_ids", 0]]),
        ({"item_ids": []}, [["body", "item_ids"]]),
        ({"item_ids": [f"item-{i}" for i in range(51)]}, [["body", "item_ids"]]),
        (
            {"item_ids": ["relu-derivative-at-zero"], "size": 1, "types": ["numeric"]},
            [["body", "size"], ["body", "types"]],
        ),
    ],
)
async def test_listed_items_that_cannot_make_a_quiz_are_located(
    client: httpx.AsyncClient, body: dict[str, Any], locations: list[list[Any]]
) -> None:
    response = await client.post("/v1/quizzes", json=body)
    assert response.status_code == 422, response.text
    assert [e["loc"] for e in response.json()["errors"]] == locations
