"""The scoring rule of each answer type, checked on every hand-written item and on every
family's variants for 500 seeds (the rule is in service/quiz/core/grading.py):
the key earns 1; an alternative earns exactly its credit; any other multiple_choice response
earns right picks less wrong picks, so every choice or none earns 0; everything else earns 0.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.quiz.core.answers import (
    Interval,
    MultipleChoice,
    Numeric,
    OneSidedPair,
    PointSet,
    Response,
    SingleChoice,
    TrueFalse,
    Vector,
)
from service.quiz.core.grading import grade
from service.quiz.core.items import Item
from service.quiz.core.taxonomy import ANSWER_TYPES

SEEDS = range(500)


def _every_item() -> Iterator[Item]:
    bank = load_bank()
    yield from bank.items.values()
    for family in bank.families.values():
        for seed in SEEDS:
            yield family.generate(seed).item


ITEMS = list(_every_item())


def _credit(item: Item, response: Response) -> float:
    return grade(item, response).credit


def _listed(item: Item, response: Response) -> bool:
    return any(
        answers.matches(response, a.response, item.tolerance) for a in item.alternatives
    ) or answers.matches(response, item.key, item.tolerance)


def _near_misses(item: Item) -> Iterator[Response]:
    """Responses of the item's type that are neither its key nor one of its alternatives."""
    key = item.key
    far = 1000.0
    match key:
        case Numeric(value):
            yield Numeric(far if value is None else value + far)
            yield Numeric(None) if value is not None else Numeric(far)
        case Interval():
            yield Interval(key.lower - far, key.upper)
            yield Interval(key.lower, key.upper, not key.lower_closed, key.upper_closed)
        case PointSet(values):
            yield PointSet((*values, far))
            yield PointSet(values[1:])
        case OneSidedPair(left, right):
            yield OneSidedPair(left, far if right is None else right + far)
            yield OneSidedPair(None, None)
        case Vector(values):
            yield Vector((values[0] + far, *values[1:]))
            for constant in (0.0, 1.0, -1.0, 0.5):
                yield Vector((constant,) * len(values))
        case TrueFalse(value):
            yield TrueFalse(not value)
        case SingleChoice(choice):
            yield from (SingleChoice(c) for c in item.choice_ids if c != choice)


def test_the_bank_holds_every_type() -> None:
    assert {item.type for item in ITEMS} == set(ANSWER_TYPES)


def test_every_choice_or_none_earns_nothing_on_multiple_choice() -> None:
    checked = 0
    for item in ITEMS:
        if item.type != "multiple_choice":
            continue
        every = MultipleChoice(frozenset(item.choice_ids))
        assert _credit(item, every) == 0, item.id
        assert _credit(item, MultipleChoice(frozenset())) == 0, item.id
        checked += 1
    assert checked >= 5


def test_an_alternative_earns_exactly_its_credit() -> None:
    for item in ITEMS:
        for alternative in item.alternatives:
            graded = grade(item, alternative.response)
            assert graded.credit == alternative.credit, (item.id, alternative)
            assert not graded.correct, item.id


def test_the_key_earns_one() -> None:
    for item in ITEMS:
        assert grade(item, item.key).credit == 1.0, item.id


@pytest.mark.parametrize(
    "kind", ["single_choice", "true_false", "numeric", "interval", "point_set", "one_sided_pair"]
)
def test_other_types_are_all_or_nothing(kind: str) -> None:
    checked = 0
    for item in ITEMS:
        if item.type != kind:
            continue
        for response in _near_misses(item):
            if not _listed(item, response):
                assert _credit(item, response) == 0, (item.id, response)
                checked += 1
    assert checked > 0


def test_vectors_are_all_or_nothing_and_no_alternative_earns_over_half() -> None:
    checked = 0
    for item in ITEMS:
        if item.type != "vector":
            continue
        assert all(a.credit <= 0.5 for a in item.alternatives), item.id
        for response in _near_misses(item):
            if not _listed(item, response):
                assert _credit(item, response) == 0, (item.id, response)
                checked += 1
    assert checked > 0


def test_single_choice_and_true_false_alternatives_earn_nothing() -> None:
    for item in ITEMS:
        if item.type in ("single_choice", "true_false"):
            assert all(a.credit == 0 for a in item.alternatives), item.id
