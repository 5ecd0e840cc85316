"""A learner who games the quiz, in exam mode (bench/gaming.py plays it and prints the table):
over 20 seeded quizzes of 50 items it earns at most 10 % of the maximum on the types that have
no chance level, no more than chance (+ 5 points) on single_choice and true_false, and never
reads a key, an explanation, written feedback, quotients, the graph of f' or an unpaid hint
before finishing."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest
from fastapi import FastAPI

from bench.gaming import QUIZ_SIZE, Report, exam_settings, play
from service.app import create_app
from service.state import of_app
from tests.conftest import migrated_database

pytestmark = pytest.mark.anyio

QUIZZES = 20
GRADED = ("multiple_choice", "numeric", "interval", "point_set", "one_sided_pair", "vector")


@pytest.fixture(scope="module")
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="module")
def exam_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FastAPI]:
    with migrated_database("sqlite", tmp_path_factory.mktemp("gaming")) as url:
        app = create_app(exam_settings(url))
        yield app
        of_app(app).database.dispose()


@pytest.fixture(scope="module")
async def report(exam_app: FastAPI) -> AsyncIterator[Report]:
    transport = httpx.ASGITransport(app=exam_app)
    async with httpx.AsyncClient(transport=transport, base_url="http://exam") as client:
        yield await play(client, exam_app, QUIZZES)


async def test_it_played_every_type_in_every_quiz(report: Report) -> None:
    answered = sum(len(rows) for rows in report.by_type.values())
    assert answered == QUIZZES * QUIZ_SIZE
    assert set(report.by_type) >= set(GRADED) | {"single_choice", "true_false"}


async def test_no_more_than_a_tenth_of_the_maximum_without_chance_level(report: Report) -> None:
    assert report.share(GRADED) <= 0.10, report.table()
    assert report.mean("multiple_choice") <= 0.05, report.table()
    assert report.mean("vector") <= 0.05, report.table()


@pytest.mark.parametrize("kind", ["single_choice", "true_false"])
async def test_choice_items_are_no_better_than_chance(report: Report, kind: str) -> None:
    assert report.mean(kind) <= report.expected_by_chance(kind) + 0.05, report.table()


async def test_every_choice_or_none_earns_nothing(report: Report) -> None:
    for strategy in ("every choice", "no choice"):
        rows = report.by_strategy[strategy]
        assert rows
        assert sum(score for score, _ in rows) == 0


async def test_nothing_withheld_is_shown_before_the_finish(report: Report) -> None:
    assert report.leaks == []


def test_the_gaming_learner_would_see_a_key_if_one_were_sent() -> None:
    """The leak check itself: a payload with a key or written feedback is caught."""
    from bench.gaming import withheld

    assert withheld({"items": [{"key": {"dne": True}}]}, "x")
    assert withheld({"feedback": "0 is what torch.relu returns."}, "x")
    assert withheld({"items": [{"hints": [{"text": "a hint"}]}]}, "x")
    assert not withheld({"feedback": "Not quite.", "key": None, "hints": []}, "x")
