"""What a family is and where it is registered: the facts a key rests on, a family's draft and
variant, and the `family` decorator that adds a generator to FAMILIES."""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from service.quiz.core.answers import Response, Tolerance, Vector
from service.quiz.core.grading import degenerate, gives_away
from service.quiz.core.items import Alternative, FunctionRef, Item, Probe, staged_hints


@dataclass(frozen=True)
class Fact:
    """A numeric claim a key rests on, checked by difference quotients in the test suite."""

    kind: str  # "value", "left_derivative", "right_derivative" or "derivative"
    x: float
    value: float | None  # None: does not exist


def one_sided_facts(x: float, left: float | None, right: float | None) -> tuple[Fact, Fact]:
    """The facts that the left and right derivatives at x are `left` and `right`."""
    return Fact("left_derivative", x, left), Fact("right_derivative", x, right)


@dataclass(frozen=True)
class Variant:
    item: Item
    f: Callable[[float], float]
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class Draft:
    """What a family's generator returns; the family adds its id, version and metadata."""

    stem: str
    key: Response
    explanation: str
    f: Callable[[float], float]
    facts: tuple[Fact, ...] = ()
    alternatives: tuple[Alternative, ...] = ()
    feedback: Mapping[str, str] | None = None
    function: FunctionRef | None = None
    evidence_at: float | None = None
    tolerance: Tolerance = field(default_factory=Tolerance)
    hints: tuple[str, ...] = ()
    labels: tuple[str, ...] | None = None  # a vector key's: what each component is


# How many times a family may draw again for one seed before the family counts as broken.
REDRAWS = 50


@dataclass(frozen=True)
class Family:
    id: str
    version: int
    topics: tuple[str, ...]
    difficulty: int
    type: str
    draft: Callable[[random.Random], Draft]

    def generate(self, seed: int) -> Variant:
        """The variant for this seed; the same (id, seed) always gives the same variant.

        A draw whose key cannot be told apart from a wrong answer it lists (grading.degenerate)
        is rejected and drawn again from the next stream of the same seed."""
        for attempt in range(REDRAWS):
            stream = f"{self.id}/{seed}" if attempt == 0 else f"{self.id}/{seed}/{attempt}"
            variant = self._variant(random.Random(stream))
            if degenerate(variant.item) is None:
                return variant
        raise RuntimeError(f"{self.id}: no usable variant for seed {seed}")

    def _variant(self, rng: random.Random) -> Variant:
        d = self.draft(rng)
        evidence = Probe(d.f, d.evidence_at) if d.evidence_at is not None else None
        item = Item(
            id=self.id,
            version=self.version,
            topics=self.topics,
            difficulty=self.difficulty,
            type=self.type,
            stem=d.stem,
            key=d.key,
            explanation=d.explanation,
            alternatives=d.alternatives,
            feedback=dict(d.feedback or {}),
            tolerance=d.tolerance,
            function=d.function,
            evidence=evidence,
            hints=staged_hints(
                d.hints,
                None if evidence is None or gives_away(d.key, evidence, d.tolerance) else evidence,
            ),
            length=len(d.key.values) if isinstance(d.key, Vector) else None,
            labels=d.labels,
        )
        return Variant(item, d.f, d.facts)


FAMILIES: dict[str, Family] = {}


def family(
    id: str, *, version: int, topics: tuple[str, ...], difficulty: int, type: str
) -> Callable[[Callable[[random.Random], Draft]], Callable[[random.Random], Draft]]:
    """Registers a generator as the family `id`: one self-contained definition per family."""

    def register(draft: Callable[[random.Random], Draft]) -> Callable[[random.Random], Draft]:
        if id in FAMILIES:
            raise ValueError(f"family {id!r} is registered twice")
        FAMILIES[id] = Family(id, version, topics, difficulty, type, draft)
        return draft

    return register
