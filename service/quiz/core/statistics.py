"""Classical item statistics: facility and discrimination (item-rest correlation)."""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Final:
    """The final grading of one item in one quiz."""

    quiz_id: str
    item_id: str
    score: float
    max_score: float


@dataclass(frozen=True)
class ItemFigures:
    quizzes: int
    facility: float | None
    discrimination: float | None


def _pearson(xs: list[float], ys: list[float]) -> float | None:
    n = len(xs)
    if n < 3:
        return None
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx == 0 or syy == 0:
        return None
    return sxy / math.sqrt(sxx * syy)


def item_figures(finals: Iterable[Final]) -> dict[str, ItemFigures]:
    """Per item: how many quizzes answered it, the mean score fraction, and the correlation
    of its score fraction with the fraction scored on the rest of the same quiz."""
    by_quiz: dict[str, list[Final]] = defaultdict(list)
    for final in finals:
        by_quiz[final.quiz_id].append(final)
    fractions: dict[str, list[float]] = defaultdict(list)
    pairs: dict[str, tuple[list[float], list[float]]] = defaultdict(lambda: ([], []))
    for quiz in by_quiz.values():
        total = sum(f.score for f in quiz)
        maximum = sum(f.max_score for f in quiz)
        for final in quiz:
            fraction = final.score / final.max_score
            fractions[final.item_id].append(fraction)
            rest_max = maximum - final.max_score
            if rest_max > 0:
                xs, ys = pairs[final.item_id]
                xs.append(fraction)
                ys.append((total - final.score) / rest_max)
    return {
        item_id: ItemFigures(
            quizzes=len(values),
            facility=sum(values) / len(values) if values else None,
            discrimination=_pearson(*pairs[item_id]) if item_id in pairs else None,
        )
        for item_id, values in fractions.items()
    }
