from __future__ import annotations

import pytest

from service.quiz.core.answers import MultipleChoice, Numeric, OneSidedPair, SingleChoice, Tolerance
from service.quiz.core.grading import (
    CORRECT,
    INCORRECT,
    degenerate,
    diagnosis,
    grade,
    penalised,
    quotients,
)
from service.quiz.core.items import Alternative, Choice, Item, Probe
from service.quiz.core.taxonomy import MISCONCEPTIONS


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
        "alternatives": (Alternative(Numeric(0.0), 0.0, "convention-as-truth"),),
        "feedback": {"convention-as-truth": "0 is the frameworks' convention."},
    }
    fields.update(overrides)
    return Item(**fields)  # type: ignore[arg-type]


def _choices(n: int) -> tuple[Choice, ...]:
    return tuple(Choice(chr(ord("a") + i), f"choice {i}") for i in range(n))


def test_truth_gets_full_credit() -> None:
    graded = grade(_item(), Numeric(None))
    assert graded.correct
    assert graded.credit == 1.0
    assert graded.misconception is None


def test_a_convention_gets_the_alternatives_credit_and_named_feedback() -> None:
    graded = grade(_item(), Numeric(0.0))
    assert not graded.correct
    assert graded.credit == 0.0
    assert graded.misconception == "convention-as-truth"
    assert graded.feedback == "0 is the frameworks' convention."


def test_an_alternatives_own_feedback_wins() -> None:
    alternative = Alternative(Numeric(1.0), 0.0, "convention-as-truth", "1 is clamp_min's.")
    graded = grade(_item(alternatives=(alternative,)), Numeric(1.0))
    assert graded.feedback == "1 is clamp_min's."


def test_other_wrong_answers_get_generic_feedback() -> None:
    graded = grade(_item(), Numeric(3.0))
    assert graded.credit == 0
    assert graded.misconception is None
    assert graded.feedback == INCORRECT


def test_an_alternative_sets_the_credit_exactly_even_below_the_partial_credit() -> None:
    # Two of three right choices would earn 2/3; the item says this very answer earns 0.
    item = _item(
        type="multiple_choice",
        choices=_choices(5),
        key=MultipleChoice(frozenset("abc")),
        alternatives=(Alternative(MultipleChoice(frozenset("ab")), 0.0, "kink-missed"),),
        feedback={},
    )
    graded = grade(item, MultipleChoice(frozenset("ab")))
    assert (graded.credit, graded.misconception) == (0.0, "kink-missed")
    assert grade(item, MultipleChoice(frozenset("ac"))).credit == pytest.approx(2 / 3)


@pytest.mark.parametrize("picked", ["", "abcde"])
def test_every_choice_or_none_earns_nothing(picked: str) -> None:
    item = _item(
        type="multiple_choice",
        choices=_choices(5),
        key=MultipleChoice(frozenset("abc")),
        alternatives=(),
        feedback={},
    )
    assert grade(item, MultipleChoice(frozenset(picked))).credit == 0.0


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


def test_the_diagnosis_before_the_reveal_states_no_key() -> None:
    assert diagnosis(True, None) == CORRECT
    assert diagnosis(False, None) == INCORRECT
    assert diagnosis(False, "convention-as-truth") == MISCONCEPTIONS["convention-as-truth"]
    assert "0 is the frameworks' convention." not in diagnosis(False, "convention-as-truth")


@pytest.mark.parametrize(
    ("credit", "try_number", "hints", "expected"),
    [
        (1.0, 1, 0, 1.0),
        (1.0, 2, 0, 2 / 3),
        (1.0, 3, 0, 1 / 3),
        (1.0, 1, 2, 0.8),
        (1.0, 2, 1, 2 / 3 - 0.1),
        (0.5, 3, 0, 0.0),  # never below 0
        (0.0, 1, 3, 0.0),
    ],
)
def test_penalties(credit: float, try_number: int, hints: int, expected: float) -> None:
    assert penalised(credit, try_number, hints, 1 / 3, 0.1) == pytest.approx(expected)


def test_an_alternative_too_close_to_the_key_is_degenerate() -> None:
    tolerance = Tolerance(absolute=1e-3, relative=0.0)
    close = Alternative(Numeric(0.5 + 9e-3), 0.0, "value-for-derivative")
    far = Alternative(Numeric(0.5 + 2e-2), 0.0, "value-for-derivative")
    assert degenerate(_item(key=Numeric(0.5), alternatives=(close,), tolerance=tolerance))
    assert degenerate(_item(key=Numeric(0.5), alternatives=(far,), tolerance=tolerance)) is None


def test_evidence_shows_one_sided_quotients() -> None:
    relu = Probe(lambda x: max(0.0, x), 0.0)
    table = quotients(relu)
    assert [q.h for q in table] == [1e-1, 1e-3, 1e-6]
    assert all(q.left == 0 and q.right == pytest.approx(1.0) for q in table)
