"""The database floor runs the statements it says, against the schema the service migrates to:
what it counts is what it wrote, and the service reads it back."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from bench import dbfloor
from service.db import Database, make_engine
from service.quiz import repository
from service.quiz.models import Attempt, Quiz, QuizItem
from tests.conftest import migrated_database

SECONDS = 0.3
PROCESSES = 2
QUIZZES = 16


@pytest.fixture(params=["sqlite", "postgresql"])
def database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Database]:
    with migrated_database(request.param, tmp_path) as url:
        database = Database(make_engine(url))
        yield database
        database.dispose()


def _count(database: Database, model: type[Quiz | QuizItem | Attempt]) -> int:
    with database.sessions() as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_answers_are_tries_the_service_reads(database: Database) -> None:
    url = database.engine.url.render_as_string(hide_password=False)
    rate = dbfloor.rate("answer", url, PROCESSES, SECONDS, QUIZZES)
    answered = round(rate * SECONDS)
    assert answered > 0
    assert _count(database, Attempt) == answered
    assert _count(database, Quiz) == PROCESSES * QUIZZES
    with database.sessions() as session:
        quiz_id = session.scalars(select(Attempt.quiz_id).limit(1)).one()
        tries = repository.attempts(session, quiz_id)
        found, item, at_first = repository.open_item(session, quiz_id, tries[0].position)
    assert found is not None
    assert item is not None
    assert [t.try_number for t in tries if t.position == 1] == list(
        range(1, sum(t.position == 1 for t in tries) + 1)
    )
    assert [t.try_number for t in at_first] == [t.try_number for t in tries if t.position == 1]
    assert tries[0].response == {"value": 123456}
    assert tries[0].created_at is not None


def test_starts_are_quizzes_with_their_items(database: Database) -> None:
    url = database.engine.url.render_as_string(hide_password=False)
    started = round(dbfloor.rate("start", url, PROCESSES, SECONDS, QUIZZES) * SECONDS)
    assert started > 0
    quizzes = PROCESSES * QUIZZES + started
    assert _count(database, Quiz) == quizzes
    assert _count(database, QuizItem) == quizzes * dbfloor.ITEMS
    assert _count(database, Attempt) == 0
