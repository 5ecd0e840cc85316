"""Starting a quiz of listed items: exactly those, in that order, a fresh variant of each
family, nothing else to choose them by, and an exam deployment's rules as for any quiz."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI

from service.core.errors import Invalid
from service.quiz import repository, starting
from service.quiz.bank import load_bank
from service.quiz.schemas import QuizCreate, QuizCreated
from service.state import of_app

FAMILY = "gen.relu-subgradient-vector"
IDS = ["relu-derivative-at-zero", FAMILY, "abs-grad-by-framework"]


def _start(app: FastAPI, deployment: starting.Deployment | None = None, **body: Any) -> QuizCreated:
    with of_app(app).database.sessions() as session:
        created = starting.create_quiz(
            session, load_bank(), QuizCreate(**body), deployment or starting.Deployment(3600)
        )
        session.commit()
        return created


def _variant_seeds(app: FastAPI, quiz_id: str) -> list[int | None]:
    with of_app(app).database.sessions() as session:
        quiz = repository.get_quiz(session, quiz_id)
        assert quiz is not None
        return [row.variant_seed for row in quiz.items]


def test_the_quiz_has_exactly_the_listed_items_in_order(app: FastAPI) -> None:
    created = _start(app, item_ids=list(reversed(IDS)))
    assert [item.item_id for item in created.items] == list(reversed(IDS))
    assert [item.position for item in created.items] == [1, 2, 3]
    with of_app(app).database.sessions() as session:
        quiz = repository.get_quiz(session, created.id)
        assert quiz is not None
        assert quiz.size == 3
        assert quiz.filters["item_ids"] == list(reversed(IDS))


def test_a_family_draws_a_new_variant_each_time(app: FastAPI) -> None:
    (before,) = _variant_seeds(app, _start(app, item_ids=[FAMILY], seed=5).id)
    again = [_variant_seeds(app, _start(app, item_ids=[FAMILY]).id)[0] for _ in range(5)]
    assert before is not None
    assert None not in again
    assert before not in again
    assert len(set(again)) == 5
    assert _variant_seeds(app, _start(app, item_ids=IDS).id)[0] is None  # a written item


def test_a_seed_still_fixes_the_quiz(app: FastAPI) -> None:
    one, two = (_start(app, item_ids=IDS, seed=12) for _ in range(2))
    assert one.items == two.items


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"item_ids": ["relu-derivative-at-zero", "no-such-item"]}, [("item_ids", 1)]),
        ({"item_ids": [FAMILY, "relu-derivative-at-zero", FAMILY]}, [("item_ids", 2)]),
        ({"item_ids": IDS, "topics": ["subgradients"]}, [("topics",)]),
        ({"item_ids": IDS, "size": 3, "min_difficulty": 1}, [("size",), ("min_difficulty",)]),
        (
            {"item_ids": IDS, "max_difficulty": 5, "types": ["vector"]},
            [("max_difficulty",), ("types",)],
        ),
    ],
)
def test_what_cannot_make_a_quiz_of_listed_items_is_located(
    app: FastAPI, body: dict[str, Any], where: list[tuple[Any, ...]]
) -> None:
    with pytest.raises(Invalid) as refused:
        _start(app, **body)
    assert [problem.loc for problem in refused.value.problems] == where


def test_filters_left_null_beside_the_list_are_no_filters(app: FastAPI) -> None:
    created = _start(app, item_ids=IDS, topics=None, types=None)
    assert len(created.items) == 3


def test_in_exam_mode_a_learner_lists_items_under_the_exam_rules(app: FastAPI) -> None:
    exam = starting.Deployment(3600, exam_mode=True)
    created = _start(app, exam, item_ids=IDS)
    assert [item.item_id for item in created.items] == IDS
    assert created.seed is None
    assert (created.reveal, created.max_tries) == ("after_finish", 1)
    with pytest.raises(Invalid) as refused:
        _start(app, exam, item_ids=IDS, seed=3)
    assert refused.value.loc == ("seed",)
