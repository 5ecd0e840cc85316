"""An item as the grader sees it: stem, key, alternatives with their credit, feedback, hints."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from service.quiz.core.answers import Response, Tolerance


@dataclass(frozen=True)
class Choice:
    id: str
    text: str
    misconception: str | None = None


@dataclass(frozen=True)
class Alternative:
    """A wrong or partly right response the item recognises: the credit it earns exactly, its
    diagnosis, and feedback written for this response alone."""

    response: Response
    credit: float
    misconception: str | None = None
    feedback: str | None = None


@dataclass(frozen=True)
class FunctionRef:
    """The catalogue function an item is about, so that a frontend can plot it."""

    name: str
    params: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Probe:
    """f and the point x where its one-sided difference quotients are shown as evidence (in a
    hint, and with the reveal); schemas.Evidence is the table of those quotients."""

    f: Callable[[float], float]
    x: float


@dataclass(frozen=True)
class Hint:
    """A step towards the answer that a learner may ask for, at a cost; `evidence` adds the
    one-sided difference quotients of f at a point."""

    text: str
    evidence: Probe | None = None


@dataclass(frozen=True)
class SampleTest:
    """A response and the grading it must receive: the item's own test."""

    response: Any
    fraction: float
    misconception: str | None = None


@dataclass(frozen=True)
class Item:
    id: str
    version: int
    topics: tuple[str, ...]
    difficulty: int
    type: str
    stem: str
    key: Response
    explanation: str
    points: float = 1.0
    choices: tuple[Choice, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    feedback: Mapping[str, str] = field(default_factory=dict)
    tolerance: Tolerance = field(default_factory=Tolerance)
    function: FunctionRef | None = None
    evidence: Probe | None = None
    hints: tuple[Hint, ...] = ()
    length: int | None = None
    labels: tuple[str, ...] | None = None  # a vector item's: what each component is
    tests: tuple[SampleTest, ...] = ()

    @property
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)


EVIDENCE_HINT = (
    "Look at the one-sided difference quotients $\\frac{{f(x) - f(x - h)}}{{h}}$ and "
    "$\\frac{{f(x + h) - f(x)}}{{h}}$ at $x = {x}$ as $h$ shrinks:"
)


def staged_hints(texts: Sequence[str], evidence: Probe | None) -> tuple[Hint, ...]:
    """An item's hints in the order they are given: the difference quotients first, when
    `evidence` is given (the caller passes None where the quotients would be the key itself),
    then the written hints."""
    first = (Hint(EVIDENCE_HINT.format(x=f"{evidence.x:g}"), evidence),) if evidence else ()
    return first + tuple(Hint(text) for text in texts)
