"""Grading a parsed response against an item: credit, diagnosis and feedback; the penalties
that turn a try's credit into a score; and the difference quotients shown as evidence.

The scoring rule, one per answer type (the README's table says the same):
- the key earns 1, whatever the type;
- a response that matches one of the item's alternatives earns exactly that alternative's
  credit, 0 included;
- any other response to a multiple_choice item earns the share of the right choices picked
  less the share of the wrong choices picked, floored at 0 (every choice, or none, earns 0);
- any other response to an item of another type earns 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from service.quiz.core.answers import (
    Interval,
    MultipleChoice,
    Numeric,
    OneSidedPair,
    Response,
    SingleChoice,
    Tolerance,
    matches,
    partial_credit,
)
from service.quiz.core.items import Item, Probe
from service.quiz.core.taxonomy import MISCONCEPTIONS

STEPS = (1e-1, 1e-3, 1e-6)
CORRECT = "Correct."
INCORRECT = "Not quite."


@dataclass(frozen=True)
class Quotient:
    h: float
    left: float | None
    right: float | None


@dataclass(frozen=True)
class Grade:
    credit: float  # what this response earns, before any penalty
    correct: bool
    misconception: str | None
    feedback: str  # written for this response; shown once the reveal policy allows


def diagnosis(correct: bool, misconception: str | None) -> str:
    """What a learner may read before the reveal policy allows the written feedback: the
    verdict, or the misconception in the taxonomy's words, which state no item's key."""
    if correct:
        return CORRECT
    return MISCONCEPTIONS[misconception] if misconception else INCORRECT


def _finite_or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None


def quotients(evidence: Probe) -> tuple[Quotient, ...]:
    """One-sided difference quotients (f(x) - f(x - h)) / h and (f(x + h) - f(x)) / h."""
    f, x = evidence.f, evidence.x
    fx = f(x)
    return tuple(
        Quotient(h, _finite_or_none((fx - f(x - h)) / h), _finite_or_none((f(x + h) - fx) / h))
        for h in STEPS
    )


def _diagnose(item: Item, response: Response) -> str | None:
    """A misconception read off the response itself, where no alternative names one."""
    match response:
        case SingleChoice(choice):
            return next((c.misconception for c in item.choices if c.id == choice), None)
        case MultipleChoice(picked):
            wrong = [c for c in item.choices if c.id in picked and c.misconception]
            return wrong[0].misconception if wrong else None
        case OneSidedPair() if isinstance(item.key, OneSidedPair):
            key = item.key
            swapped = OneSidedPair(key.right, key.left)
            if key.left != key.right and matches(response, swapped, item.tolerance):
                return "left-right-swapped"
            return None
    return None


def grade(item: Item, response: Response) -> Grade:
    if matches(response, item.key, item.tolerance):
        return Grade(1.0, True, None, item.feedback.get("correct", CORRECT))
    alternative = next(
        (a for a in item.alternatives if matches(response, a.response, item.tolerance)), None
    )
    if alternative is not None:
        credit, misconception = alternative.credit, alternative.misconception
        written = alternative.feedback
    else:
        credit = partial_credit(response, item.key, item.choice_ids)
        misconception, written = _diagnose(item, response), None
    feedback = (
        written
        or (item.feedback.get(misconception) if misconception else None)
        or (MISCONCEPTIONS[misconception] if misconception else None)
        or item.feedback.get("incorrect", INCORRECT)
    )
    return Grade(credit, False, misconception, feedback)


def penalised(
    credit: float, try_number: int, hints_used: int, penalty: float, hint_penalty: float
) -> float:
    """A try's credit less `penalty` for every earlier (wrong) try and `hint_penalty` for every
    hint taken before it, never below 0. An item's score is the best of its tries'."""
    return max(0.0, credit - penalty * (try_number - 1) - hint_penalty * hints_used)


# A learner reads a quotient table to a few decimals: 8.999997 is 9 to the eye.
READING = Tolerance(absolute=1e-3, relative=1e-3)


def gives_away(key: Response, evidence: Probe, tolerance: Tolerance) -> bool:
    """Whether the difference quotients at the smallest step, read as an answer to a few
    decimals, are the key: then they may be revealed with the explanation but not sold as a
    hint."""
    loose = Tolerance(
        max(tolerance.absolute, READING.absolute), max(tolerance.relative, READING.relative)
    )
    last = quotients(evidence)[-1]
    readings: list[Response] = [OneSidedPair(last.left, last.right)]
    finite = [q for q in (last.left, last.right) if q is not None]
    readings += [Numeric(q) for q in finite]
    if len(finite) == 2:
        low, high = min(finite), max(finite)
        readings += [
            Interval(low, high, lower_closed, upper_closed)
            for lower_closed in (True, False)
            for upper_closed in (True, False)
        ]
    return any(matches(reading, key, loose) for reading in readings)


def degenerate(item: Item) -> str | None:
    """Why the item cannot tell its key from a wrong answer it lists, or None: an alternative
    (or a misconception's answer) that is within ten tolerances of the key."""
    loose = Tolerance(10 * item.tolerance.absolute, 10 * item.tolerance.relative)
    for index, alternative in enumerate(item.alternatives):
        if matches(alternative.response, item.key, loose):
            return f"alternatives.{index} lies within ten tolerances of the key"
    return None
