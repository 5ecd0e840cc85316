"""The two-parameter logistic item response model: P(right | theta) = 1 / (1 + e^(-a (theta - b))),
with theta the learner's ability on a topic, b the item's difficulty and a its discrimination.

Abilities are expected a posteriori (EAP) estimates under a standard normal prior, on a fixed
grid of quadrature points; the standard error is the posterior's standard deviation. A partly
right answer (credit c in (0, 1)) counts as c of a right answer and 1 - c of a wrong one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np
from scipy.special import expit

GRID = np.linspace(-5.0, 5.0, 101)
PRIOR = np.exp(-0.5 * GRID**2)
# An authored difficulty 1..5 placed on the ability scale before any answer is seen.
AUTHORED_SPREAD = 0.8
DEFAULT_DISCRIMINATION = 1.0

Mastery = Literal["not started", "practising", "proficient", "mastered"]
MASTERY_LEVELS: tuple[Mastery, ...] = ("not started", "practising", "proficient", "mastered")
# Mastery is read off the lower end of the ability's one-standard-error band, theta - se:
# proficient when it is at least PROFICIENT (an item of middle difficulty is answered right
# more often than not, with some confidence), mastered when it is at least MASTERED (the
# hardest items, b = 1.6, are right about 40 % of the time or better, and middle ones 73 %).
PROFICIENT = 0.0
MASTERED = 1.0


@dataclass(frozen=True)
class Parameters:
    difficulty: float
    discrimination: float = DEFAULT_DISCRIMINATION


@dataclass(frozen=True)
class Ability:
    theta: float
    error: float
    answers: int

    @property
    def mastery(self) -> Mastery:
        return mastery(self)


UNKNOWN = Ability(0.0, 1.0, 0)


def authored(difficulty: int) -> Parameters:
    """An item's parameters from its authored difficulty (3 is the middle of the scale)."""
    return Parameters((difficulty - 3) * AUTHORED_SPREAD)


def probability(theta: float | np.ndarray, item: Parameters) -> float | np.ndarray:
    """The chance of a right answer at ability theta."""
    result: float | np.ndarray = expit(item.discrimination * (theta - item.difficulty))
    return result


def information(theta: float, item: Parameters) -> float:
    """Fisher information of the item at theta: a^2 p (1 - p)."""
    p = float(probability(theta, item))
    return item.discrimination**2 * p * (1.0 - p)


def estimate(answers: Iterable[tuple[Parameters, float]]) -> Ability:
    """The EAP ability and its standard error from (item, credit) pairs."""
    log_posterior = np.log(PRIOR)
    count = 0
    for item, credit in answers:
        p = np.clip(expit(item.discrimination * (GRID - item.difficulty)), 1e-12, 1 - 1e-12)
        log_posterior = log_posterior + credit * np.log(p) + (1.0 - credit) * np.log1p(-p)
        count += 1
    weights = np.exp(log_posterior - log_posterior.max())
    weights /= weights.sum()
    theta = float(weights @ GRID)
    error = float(np.sqrt(weights @ (GRID - theta) ** 2))
    return Ability(theta, error, count)


def mastery(ability: Ability) -> Mastery:
    if ability.answers == 0:
        return "not started"
    lower = ability.theta - ability.error
    if lower >= MASTERED:
        return "mastered"
    if lower >= PROFICIENT:
        return "proficient"
    return "practising"


def simulate(
    thetas: Sequence[float], items: Sequence[Parameters], rng: np.random.Generator
) -> np.ndarray:
    """Right (1) or wrong (0) answers of learners (rows) to items (columns) under the model."""
    theta = np.asarray(thetas, dtype=float)[:, None]
    a = np.array([i.discrimination for i in items])[None, :]
    b = np.array([i.difficulty for i in items])[None, :]
    right: np.ndarray = rng.random((theta.shape[0], b.shape[1])) < expit(a * (theta - b))
    return right.astype(int)
