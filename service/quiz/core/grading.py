"""Grading a parsed response against an item: credit, diagnosis, feedback and evidence."""

from __future__ import annotations

import math
from dataclasses import dataclass

from service.quiz.core.answers import (
    MultipleChoice,
    OneSidedPair,
    Response,
    SingleChoice,
    fraction_right,
    matches,
)
from service.quiz.core.items import Evidence, Item
from service.quiz.core.taxonomy import MISCONCEPTIONS

STEPS = (1e-1, 1e-3, 1e-6)


@dataclass(frozen=True)
class Quotient:
    h: float
    left: float | None
    right: float | None


@dataclass(frozen=True)
class Grade:
    fraction: float
    score: float
    max_score: float
    correct: bool
    misconception: str | None
    feedback: str
    evidence: tuple[Quotient, ...] = ()


def _finite_or_none(value: float) -> float | None:
    return value if math.isfinite(value) else None


def quotients(evidence: Evidence) -> tuple[Quotient, ...]:
    """One-sided difference quotients (f(x) - f(x - h)) / h and (f(x + h) - f(x)) / h."""
    f, x = evidence.f, evidence.x
    fx = f(x)
    return tuple(
        Quotient(h, _finite_or_none((fx - f(x - h)) / h), _finite_or_none((f(x + h) - fx) / h))
        for h in STEPS
    )


def _diagnose(item: Item, response: Response) -> str | None:
    """A misconception read off the response itself, where the item names none for it."""
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
    fraction = fraction_right(response, item.key, item.tolerance)
    correct = fraction >= 1.0
    misconception: str | None = None
    if not correct:
        for alternative in item.alternatives:
            if matches(response, alternative.response, item.tolerance):
                fraction = max(fraction, alternative.credit)
                misconception = alternative.misconception
                break
        else:
            misconception = _diagnose(item, response)
    if correct:
        feedback = item.feedback.get("correct", "Correct.")
    elif misconception is not None:
        feedback = item.feedback.get(misconception, MISCONCEPTIONS[misconception])
    else:
        feedback = item.feedback.get("incorrect", "Not quite: compare with the explanation.")
    evidence = quotients(item.evidence) if item.evidence is not None else ()
    return Grade(
        fraction=fraction,
        score=round(fraction * item.points, 6),
        max_score=item.points,
        correct=correct,
        misconception=misconception,
        feedback=feedback,
        evidence=evidence,
    )
