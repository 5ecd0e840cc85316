from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy.exc import IntegrityError

from service.errors import Conflict
from service.quiz import quizzes, repository, starting
from service.quiz.bank import load_bank
from service.quiz.models import Attempt
from service.quiz.schemas import AnswerSubmit, QuizCreate
from service.state import of_app


def _attempt(quiz_id: str, try_number: int) -> Attempt:
    return Attempt(
        quiz_id=quiz_id,
        position=1,
        try_number=try_number,
        item_id="x",
        response={"value": 1},
        response_digest="d" * 64,
        fraction=0.0,
        hints_used=0,
        score=0.0,
        max_score=1.0,
        correct=False,
        misconception=None,
        feedback="",
        created_at=datetime.now(UTC),
    )


def _quiz(app: FastAPI, **options: Any) -> tuple[str, str]:
    with of_app(app).database.sessions() as session:
        created = starting.create_quiz(
            session,
            load_bank(),
            QuizCreate(size=1, types=["numeric"], **options),
            starting.Deployment(ttl_s=3600),
        )
        session.commit()
    return created.id, created.token


def test_the_database_refuses_a_second_attempt_with_the_same_try(app: FastAPI) -> None:
    quiz_id, _ = _quiz(app)
    with of_app(app).database.sessions() as session:
        repository.insert_attempt(session, _attempt(quiz_id, 1))
        with pytest.raises(IntegrityError):
            repository.insert_attempt(session, _attempt(quiz_id, 1))


def test_an_inserted_attempt_is_read_back_whole(app: FastAPI) -> None:
    quiz_id, _ = _quiz(app)
    written = _attempt(quiz_id, 1)
    with of_app(app).database.sessions() as session:
        repository.insert_attempt(session, written)
        _, _, (read,) = repository.open_item(session, quiz_id, 1)
    columns = [c.key for c in Attempt.__table__.columns if c.key not in ("id", "created_at")]
    assert {k: getattr(read, k) for k in columns} == {k: getattr(written, k) for k in columns}
    assert quizzes.aware(read.created_at) == written.created_at  # SQLite keeps no zone


def test_a_lost_race_starts_over_and_sees_the_winner(
    app: FastAPI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As on PostgreSQL under read committed: the loser read no attempts, its insert
    collides with the winner's, and its second pass finds the item closed."""
    quiz_id, token = _quiz(app, max_tries=1)
    with of_app(app).database.sessions() as session:
        repository.insert_attempt(session, _attempt(quiz_id, 1))
        session.commit()
    real = repository.open_item
    calls = {"n": 0}

    def stale_first(*args: Any, **kwargs: Any) -> Any:
        calls["n"] += 1
        quiz, item, tries = real(*args, **kwargs)
        return (quiz, item, []) if calls["n"] == 1 else (quiz, item, tries)

    monkeypatch.setattr(repository, "open_item", stale_first)
    with of_app(app).database.sessions() as session, pytest.raises(Conflict):
        quizzes.answer(
            session, load_bank(), quiz_id, token, AnswerSubmit(position=1, response={"value": 2})
        )
    assert calls["n"] == 2


def test_a_hint_is_counted_only_from_the_count_read(app: FastAPI) -> None:
    """Two requests that both read 0 hints: the first raises the count, the second finds the
    count moved and must read again, so that no hint is handed out twice."""
    quiz_id, _ = _quiz(app)
    with of_app(app).database.sessions() as session:
        assert repository.take_hint(session, quiz_id, 1, seen=0)
        assert not repository.take_hint(session, quiz_id, 1, seen=0)
        assert repository.take_hint(session, quiz_id, 1, seen=1)
        session.commit()
    with of_app(app).database.sessions() as session:
        _, row, _ = repository.open_item(session, quiz_id, 1)
        assert row is not None
        assert row.hints_used == 2
