"""An item as the grader sees it: stem, key, alternatives with partial credit, feedback."""

from __future__ import annotations

from collections.abc import Callable, Mapping
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
    """A wrong or partly right response the item recognises, with its credit and diagnosis."""

    response: Response
    credit: float
    misconception: str | None = None


@dataclass(frozen=True)
class FunctionRef:
    """The catalogue function an item is about, so that a frontend can plot it."""

    name: str
    params: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Evidence:
    """Where one-sided difference quotients of f are shown in feedback."""

    f: Callable[[float], float]
    x: float


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
    evidence: Evidence | None = None
    length: int | None = None
    tests: tuple[SampleTest, ...] = ()

    @property
    def choice_ids(self) -> tuple[str, ...]:
        return tuple(c.id for c in self.choices)
