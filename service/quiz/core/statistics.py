"""Classical item statistics: facility and discrimination (item-rest correlation), from the
sums the database aggregates over each item's final gradings (quiz/repository.py)."""

from __future__ import annotations

import math
from dataclasses import dataclass

# Sums of fractions in [0, 1] over n quizzes carry rounding of about n * 1e-16; a variance
# below this share of n is no variance at all.
NO_VARIANCE = 1e-12


@dataclass(frozen=True)
class Moments:
    """One item's final gradings summed: x is the item's score fraction in a quiz and y the
    fraction scored on the rest of that quiz; the pair sums count only the quizzes whose rest
    has points."""

    answers: int  # every try
    quizzes: int
    sum_x: float
    pairs: int
    pair_x: float
    pair_y: float
    pair_xx: float
    pair_yy: float
    pair_xy: float


@dataclass(frozen=True)
class ItemFigures:
    answers: int
    quizzes: int
    facility: float | None
    discrimination: float | None


def _pearson(m: Moments) -> float | None:
    n = m.pairs
    if n < 3:
        return None
    sxx = m.pair_xx - m.pair_x**2 / n
    syy = m.pair_yy - m.pair_y**2 / n
    if sxx <= NO_VARIANCE * n or syy <= NO_VARIANCE * n:
        return None
    sxy = m.pair_xy - m.pair_x * m.pair_y / n
    return max(-1.0, min(1.0, sxy / math.sqrt(sxx * syy)))


def figures(m: Moments) -> ItemFigures:
    """How many tries and quizzes answered the item, its mean score fraction, and the
    correlation of that fraction with the fraction scored on the rest of the same quiz."""
    return ItemFigures(
        answers=m.answers,
        quizzes=m.quizzes,
        facility=m.sum_x / m.quizzes if m.quizzes else None,
        discrimination=_pearson(m),
    )
