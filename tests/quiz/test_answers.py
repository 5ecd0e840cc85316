from __future__ import annotations

from typing import Any

import pytest

from service.core.errors import Invalid
from service.quiz.core import answers
from service.quiz.core.answers import (
    Interval,
    MultipleChoice,
    Numeric,
    OneSidedPair,
    PointSet,
    SingleChoice,
    Tolerance,
    TrueFalse,
    Vector,
)

CHOICES = ("a", "b", "c")


@pytest.mark.parametrize(
    ("kind", "raw", "expected"),
    [
        ("single_choice", {"choice": "b"}, SingleChoice("b")),
        ("multiple_choice", {"choices": ["c", "a"]}, MultipleChoice(frozenset({"a", "c"}))),
        ("multiple_choice", {"choices": []}, MultipleChoice(frozenset())),
        ("true_false", {"value": False}, TrueFalse(False)),
        ("numeric", {"value": 0.5}, Numeric(0.5)),
        ("numeric", {"dne": True}, Numeric(None)),
        ("numeric", {"value": 2, "dne": False}, Numeric(2.0)),
        ("interval", {"lower": 0, "upper": 1}, Interval(0, 1, True, True)),
        ("interval", {"lower": 0, "upper": 1, "upper_closed": False}, Interval(0, 1, True, False)),
        ("point_set", {"values": [6, 0]}, PointSet((0.0, 6.0))),
        ("point_set", {"values": []}, PointSet(())),
        ("one_sided_pair", {"left": 0, "right": None}, OneSidedPair(0.0, None)),
        ("vector", {"values": [0, 0.5, 1]}, Vector((0.0, 0.5, 1.0))),
    ],
)
def test_parse(kind: str, raw: Any, expected: answers.Response) -> None:
    assert answers.parse(kind, raw, CHOICES, 3 if kind == "vector" else None) == expected


@pytest.mark.parametrize(
    ("kind", "raw", "loc"),
    [
        ("single_choice", {"choice": "z"}, ("choice",)),
        ("single_choice", "a", ()),
        ("multiple_choice", {"choices": ["a", "a"]}, ("choices",)),
        ("true_false", {"value": "yes"}, ("value",)),
        ("true_false", {"value": 1}, ("value",)),
        ("numeric", {}, ("value",)),
        ("numeric", {"value": True}, ("value",)),
        ("numeric", {"value": "0"}, ("value",)),
        ("numeric", {"value": 1, "dne": True}, ("dne",)),
        ("numeric", {"value": 1, "extra": 2}, ("extra",)),
        ("interval", {"lower": 2, "upper": 1}, ("lower",)),
        ("interval", {"lower": 0}, ("upper",)),
        ("point_set", {"values": [0, "x"]}, ("values", 1)),
        ("one_sided_pair", {"left": 0}, ("right",)),
        ("vector", {"values": [0, 1]}, ("values",)),
    ],
)
def test_unreadable_responses_say_where(kind: str, raw: Any, loc: tuple[Any, ...]) -> None:
    with pytest.raises(Invalid) as caught:
        answers.parse(kind, raw, CHOICES, 3)
    assert caught.value.loc == loc
    assert caught.value.message


@pytest.mark.parametrize(
    "response",
    [
        SingleChoice("a"),
        MultipleChoice(frozenset({"b", "a"})),
        TrueFalse(True),
        Numeric(None),
        Numeric(1.5),
        Interval(0, 1, False, True),
        PointSet((0.0, 6.0)),
        OneSidedPair(None, 1.0),
        Vector((1.0, 0.0, 0.5)),
    ],
)
def test_json_round_trip(response: answers.Response) -> None:
    raw = answers.to_json(response)
    length = len(response.values) if isinstance(response, Vector) else None
    assert answers.parse(_kind(response), raw, CHOICES, length) == response


def _kind(response: answers.Response) -> str:
    names = {
        SingleChoice: "single_choice",
        MultipleChoice: "multiple_choice",
        TrueFalse: "true_false",
        Numeric: "numeric",
        Interval: "interval",
        PointSet: "point_set",
        OneSidedPair: "one_sided_pair",
        Vector: "vector",
    }
    return names[type(response)]


TOL = Tolerance(1e-6, 1e-6)


def test_matches_within_tolerance() -> None:
    assert answers.matches(Numeric(0.5000000001), Numeric(0.5), TOL)
    assert not answers.matches(Numeric(0.51), Numeric(0.5), TOL)
    assert not answers.matches(Numeric(None), Numeric(0.0), TOL)
    assert answers.matches(Numeric(None), Numeric(None), TOL)


def test_interval_closedness_matters() -> None:
    assert not answers.matches(Interval(0, 1, False, False), Interval(0, 1), TOL)


def test_point_set_is_order_free_and_ignores_repeats() -> None:
    assert answers.matches(PointSet((6.0, 0.0, 0.0)), PointSet((0.0, 6.0)), TOL)
    assert not answers.matches(PointSet((0.0,)), PointSet((0.0, 6.0)), TOL)
    assert answers.matches(PointSet(()), PointSet(()), TOL)


def test_multiple_choice_credit_charges_each_wrong_pick() -> None:
    ids = ("a", "b", "c", "d", "e")
    right = MultipleChoice(frozenset({"a", "b"}))

    def credit(*picked: str) -> float:
        return answers.partial_credit(MultipleChoice(frozenset(picked)), right, ids)

    assert credit("a") == 0.5
    assert credit("a", "c") == pytest.approx(0.5 - 1 / 3)
    assert credit("a", "b", "c") == pytest.approx(2 / 3)
    assert credit(*ids) == 0.0  # every choice
    assert credit() == 0.0  # none
    assert credit("c", "d") == 0.0  # never below 0


def test_other_types_earn_nothing_short_of_the_key() -> None:
    assert answers.partial_credit(Vector((0.0, 1.0, 9.0)), Vector((0.0, 1.0, 1.0)), ()) == 0.0
    assert answers.partial_credit(PointSet((0.0,)), PointSet((0.0, 6.0)), ()) == 0.0


def test_a_response_may_name_its_type_but_not_another() -> None:
    assert answers.parse("numeric", {"type": "numeric", "value": 2}) == Numeric(2.0)
    with pytest.raises(Invalid) as refused:
        answers.parse("numeric", {"type": "interval", "lower": 0, "upper": 1})
    assert refused.value.problems[0].loc == ("type",)
    assert "numeric" in refused.value.message
