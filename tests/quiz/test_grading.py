from __future__ import annotations

import pytest

from service.quiz.core.answers import Numeric, OneSidedPair, SingleChoice
from service.quiz.core.grading import grade, quotients
from service.quiz.core.items import Alternative, Choice, Evidence, Item


def _item(**overrides: object) -> Item:
    fields: dict[str, object] = {
        "id": "t",
        "version": 1,
        "topics": ("differentiability",),
        "difficulty": 2,
        "type": "numeric",
        "stem": "relu'(0)?",
        "key": Numeric(None),
        "explanation": "It does not exist.",
        "points": 2.0,
        "alternatives": (Alternative(Numeric(0.0), 0.5, "convention-as-truth"),),
        "feedback": {"convention-as-truth": "0 is the frameworks' convention."},
    }
    fields.update(overrides)
    return Item(**fields)  # type: ignore[arg-type]


def test_truth_gets_full_credit() -> None:
    graded = grade(_item(), Numeric(None))
    assert graded.correct
    assert graded.score == 2.0
    assert graded.misconception is None


def test_convention_gets_partial_credit_and_named_feedback() -> None:
    graded = grade(_item(), Numeric(0.0))
    assert not graded.correct
    assert graded.score == 1.0
    assert graded.misconception == "convention-as-truth"
    assert graded.feedback == "0 is the frameworks' convention."


def test_other_wrong_answers_get_generic_feedback() -> None:
    graded = grade(_item(), Numeric(3.0))
    assert graded.score == 0
    assert graded.misconception is None
    assert graded.feedback


def test_swapped_pair_is_diagnosed() -> None:
    item = _item(type="one_sided_pair", key=OneSidedPair(0.0, 1.0), alternatives=(), feedback={})
    graded = grade(item, OneSidedPair(1.0, 0.0))
    assert graded.misconception == "left-right-swapped"
    assert "swapped" in graded.feedback


def test_choice_tag_is_the_diagnosis() -> None:
    item = _item(
        type="single_choice",
        key=SingleChoice("a"),
        alternatives=(),
        choices=(Choice("a", "yes"), Choice("b", "no", "continuous-implies-differentiable")),
    )
    assert grade(item, SingleChoice("b")).misconception == "continuous-implies-differentiable"


def test_evidence_shows_one_sided_quotients() -> None:
    relu = Evidence(lambda x: max(0.0, x), 0.0)
    table = quotients(relu)
    assert [q.h for q in table] == [1e-1, 1e-3, 1e-6]
    assert all(q.left == 0 and q.right == pytest.approx(1.0) for q in table)
    graded = grade(_item(evidence=relu), Numeric(0.0))
    assert graded.evidence == table
