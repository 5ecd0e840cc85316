"""The next practice item: a review that is due, or the most useful new item.

A new item is scored as follows (the highest wins; ties are broken at random):
- fit: the item's Fisher information at the learner's ability on its topic, a^2 p (1 - p),
  weighted by how close p, the chance of a right answer, is to TARGET (about 70 % success),
  relative to the best fit on offer;
- +SHOWN for an item that targets a misconception the learner has shown and not resolved;
- +PROBE for each misconception it targets that the learner has not been tested on yet (at
  most two): the first items cover as many misconceptions as they can, to find out which ones
  a learner holds;
- +WEAKEST for an item of the topic where the learner's ability is lowest.
A due review comes first, but never twice in a row, so that reviews are interleaved with new
items; a due item is not asked as a new one while other items are left.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from service.learning.core.irt import UNKNOWN, Ability, Parameters, probability

TARGET = 0.7
WIDTH = 0.15
SHOWN = 3.0
PROBE = 1.0
WEAKEST = 0.75

Reason = Literal["review", "misconception", "diagnostic", "practice"]


@dataclass(frozen=True)
class Candidate:
    id: str
    topics: tuple[str, ...]
    parameters: Parameters
    targets: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Learner:
    abilities: Mapping[str, Ability]
    shown: frozenset[str] = frozenset()  # misconceptions shown and not resolved
    tested: frozenset[str] = frozenset()  # misconceptions probed by an answered item
    due: Sequence[tuple[str, datetime]] = ()  # reviews due, item id and due date


@dataclass(frozen=True)
class Choice:
    id: str
    reason: Reason
    topic: str


def ability_for(learner: Learner, candidate: Candidate) -> tuple[str, Ability]:
    """The item's topic whose ability is lowest, and that ability."""
    return min(
        ((t, learner.abilities.get(t, UNKNOWN)) for t in candidate.topics),
        key=lambda pair: (pair[1].theta, pair[0]),
    )


def fit(theta: float, item: Parameters) -> float:
    p = float(probability(theta, item))
    closeness = math.exp(-(((p - TARGET) / WIDTH) ** 2))
    return item.discrimination**2 * p * (1 - p) * closeness


def choose(
    candidates: Sequence[Candidate],
    learner: Learner,
    asked: Sequence[str],
    rng: random.Random,
    after_review: bool = False,
) -> Choice | None:
    """The next item of a session that has asked `asked` (in order; `after_review` when the
    last of them was a review), or None when no candidate is left."""
    pool = {c.id: c for c in candidates}
    due = [i for i, _ in sorted(learner.due, key=lambda d: d[1]) if i in pool and i not in asked]
    if due and not after_review:
        return Choice(due[0], "review", ability_for(learner, pool[due[0]])[0])
    # A due item waits for its turn as a review, unless nothing else is left.
    fresh = [c for c in candidates if c.id not in asked and c.id not in due]
    fresh = fresh or [pool[i] for i in due]
    if not fresh:
        return None
    weakest = _weakest({t for c in fresh for t in c.topics}, learner, rng)
    fits = [fit(ability_for(learner, c)[1].theta, c.parameters) for c in fresh]
    best_fit = max(fits) or 1.0
    scored = []
    for candidate, item_fit in zip(fresh, fits, strict=True):
        shown = bool(candidate.targets & learner.shown)
        untested = len(candidate.targets - learner.tested)
        score = item_fit / best_fit + PROBE * min(untested, 2)
        score += SHOWN * shown + WEAKEST * (weakest in candidate.topics)
        reason: Reason = "misconception" if shown else "diagnostic" if untested else "practice"
        scored.append((score, rng.random(), candidate, reason))
    _, _, chosen, reason = max(scored, key=lambda s: (s[0], s[1]))
    return Choice(chosen.id, reason, ability_for(learner, chosen)[0])


def _weakest(topics: set[str], learner: Learner, rng: random.Random) -> str:
    """The topic of lowest ability; among equals (topics not yet started, say) one at random,
    so that a new learner is not walked through the topics in alphabetical order."""
    theta = {t: learner.abilities.get(t, UNKNOWN).theta for t in sorted(topics)}
    lowest = min(theta.values())
    return rng.choice([t for t, value in theta.items() if value <= lowest + 1e-9])
