"""The core's located error: locations relative to the input, completed by the caller."""

from __future__ import annotations

from service.core.errors import Invalid, Problem, TooLarge


def test_within_prefixes_every_problem_and_keeps_the_kind() -> None:
    error = Invalid.of([Problem(("a",), "first"), Problem((0, "b"), "second", "exam_rule")])
    located = error.within("body", "x")
    assert [p.loc for p in located.problems] == [("body", "x", "a"), ("body", "x", 0, "b")]
    assert [p.kind for p in located.problems] == ["value_error", "exam_rule"]
    assert (located.message, located.loc) == ("first", ("body", "x", "a"))
    assert error.loc == ("a",)  # the original is unchanged


def test_a_too_large_error_stays_too_large_when_located() -> None:
    assert isinstance(TooLarge("over").within("body"), TooLarge)


def test_relocated_moves_each_location() -> None:
    error = Invalid("beta must be positive", ("params", "beta"))
    moved = error.relocated(lambda loc: ("query", *loc[1:]))
    assert moved.loc == ("query", "beta")
