"""The item bank: hand-written items from the package's YAML files, and generated families.

Every file is validated with pydantic when the app starts and every item's own
tests are run; a fault stops start-up with a message naming the file, the item
and the field. `python -m service.quiz.bank` runs the same checks and prints a summary.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, cached_property, lru_cache
from importlib import resources
from typing import Annotated, Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from service.core import evaluate
from service.core.catalogue import CATALOGUE
from service.core.errors import Invalid
from service.quiz.core import answers
from service.quiz.core.answers import Tolerance
from service.quiz.core.families import FAMILIES, Family
from service.quiz.core.grading import degenerate, gives_away, grade
from service.quiz.core.items import (
    Alternative,
    Choice,
    FunctionRef,
    Item,
    Probe,
    SampleTest,
    staged_hints,
)
from service.quiz.core.taxonomy import ANSWER_TYPES, MISCONCEPTIONS, TOPICS

CHOICE_TYPES = {"single_choice", "multiple_choice"}
FEEDBACK_KEYS = {"correct", "incorrect", *MISCONCEPTIONS}


class BankError(RuntimeError):
    pass


def _misconception(value: str | None) -> str | None:
    if value is not None and value not in MISCONCEPTIONS:
        raise ValueError(f"unknown misconception {value!r}; known: {', '.join(MISCONCEPTIONS)}")
    return value


class ChoiceSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9_-]{1,20}$")
    text: str = Field(min_length=1)
    misconception: str | None = None
    _check = field_validator("misconception")(_misconception)


class AlternativeSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    response: Any
    credit: float = Field(ge=0, lt=1)
    misconception: str | None = None
    feedback: str | None = Field(None, min_length=1)
    _check = field_validator("misconception")(_misconception)


class TestSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    response: Any
    score: float = Field(ge=0, le=1, description="the fraction of the points it must earn")
    misconception: str | None = None
    _check = field_validator("misconception")(_misconception)


class FunctionSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str
    params: dict[str, float] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _known(self) -> FunctionSpec:
        if self.name not in CATALOGUE:
            raise ValueError(f"unknown function {self.name!r}; known: {', '.join(CATALOGUE)}")
        try:
            self.params = CATALOGUE[self.name].resolve(self.params)
        except Invalid as exc:
            raise ValueError(exc.message) from None
        return self


class ToleranceSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")
    abs: float = Field(1e-9, ge=0)
    rel: float = Field(1e-9, ge=0)


class ItemSpec(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9.-]{2,63}$")
    version: int = Field(ge=1)
    topics: list[str] = Field(min_length=1)
    difficulty: int = Field(ge=1, le=5)
    type: str
    stem: str = Field(min_length=1)
    choices: list[ChoiceSpec] = Field(default_factory=list)
    key: Any
    alternatives: list[AlternativeSpec] = Field(default_factory=list)
    points: float = Field(1.0, gt=0, le=100)
    explanation: str = Field(min_length=1)
    feedback: dict[str, str] = Field(default_factory=dict)
    tolerance: ToleranceSpec = Field(default_factory=ToleranceSpec)
    function: FunctionSpec | None = None
    evidence_at: float | None = None
    hints: list[str] = Field(default_factory=list, max_length=5)
    labels: list[Annotated[str, Field(min_length=1)]] | None = None
    tests: list[TestSpec] = Field(min_length=1)

    @field_validator("topics")
    @classmethod
    def _topics(cls, value: list[str]) -> list[str]:
        unknown = [t for t in value if t not in TOPICS]
        if unknown:
            raise ValueError(f"unknown topics {unknown}; known: {', '.join(TOPICS)}")
        return value

    @field_validator("type")
    @classmethod
    def _type(cls, value: str) -> str:
        if value not in ANSWER_TYPES:
            raise ValueError(f"unknown type {value!r}; known: {', '.join(ANSWER_TYPES)}")
        return value

    @field_validator("feedback")
    @classmethod
    def _feedback(cls, value: dict[str, str]) -> dict[str, str]:
        unknown = [k for k in value if k not in FEEDBACK_KEYS]
        if unknown:
            raise ValueError(
                f"unknown feedback keys {unknown}: use correct, incorrect or a misconception"
            )
        return value

    @model_validator(mode="after")
    def _consistent(self) -> ItemSpec:
        ids = [c.id for c in self.choices]
        if (self.type in CHOICE_TYPES) != bool(self.choices):
            raise ValueError("choices are required for choice types and only for them")
        if len(set(ids)) != len(ids):
            raise ValueError("choice ids must be distinct")
        if self.evidence_at is not None and self.function is None:
            raise ValueError("evidence_at needs a function")
        if any(not hint.strip() for hint in self.hints):
            raise ValueError("a hint must say something")
        return self


def _parse(spec: ItemSpec, raw: Any, where: str, length: int | None) -> answers.Response:
    try:
        return answers.parse(spec.type, raw, [c.id for c in spec.choices], length)
    except Invalid as exc:
        loc = ".".join(map(str, (where, *exc.loc)))
        raise ValueError(f"{loc}: {exc.message}") from None


def _evidence(function: FunctionSpec, x: float) -> Probe:
    fn = CATALOGUE[function.name]
    params = dict(function.params)

    def f(t: float) -> float:
        return float(evaluate.value(fn, np.array([t]), params)[0])

    return Probe(f, x)


def _hint_evidence(
    key: answers.Response, evidence: Probe | None, tolerance: Tolerance
) -> Probe | None:
    """The evidence to offer as the first hint: none where the quotients are the key."""
    if evidence is None or gives_away(key, evidence, tolerance):
        return None
    return evidence


def check_scoring(item: Item) -> None:
    """The scoring rules that keep a grade from being gamed (ValueError naming the field):
    a multiple_choice key has right and wrong choices, so that every choice or none earns 0;
    single_choice and true_false are all or nothing; no vector alternative earns over 0.5;
    and no alternative lies so close to the key that the two cannot be told apart."""
    if isinstance(item.key, answers.MultipleChoice) and not (
        0 < len(item.key.choices) < len(item.choices)
    ):
        raise ValueError("key.choices: a multiple_choice key needs a right and a wrong choice")
    ceiling = {"single_choice": 0.0, "true_false": 0.0, "vector": 0.5}.get(item.type, 1.0)
    for index, alternative in enumerate(item.alternatives):
        if alternative.credit > ceiling:
            raise ValueError(
                f"alternatives.{index}.credit: a {item.type} alternative earns at most {ceiling:g}"
            )
    problem = degenerate(item)
    if problem is not None:
        raise ValueError(problem)


def build(spec: ItemSpec) -> Item:
    """The grader's item from a validated spec (ValueError on a key or test that does not parse,
    or on scoring that could be gamed)."""
    key = _parse(spec, spec.key, "key", None)
    length = len(key.values) if isinstance(key, answers.Vector) else None
    if length is None and spec.labels is not None:
        raise ValueError("labels: only a vector item has labels")
    if length is not None and len(spec.labels or ()) != length:
        raise ValueError(f"labels: a vector item needs one label per component, {length}")
    evidence = (
        _evidence(spec.function, spec.evidence_at)
        if spec.function is not None and spec.evidence_at is not None
        else None
    )
    tolerance = Tolerance(spec.tolerance.abs, spec.tolerance.rel)
    item = Item(
        id=spec.id,
        version=spec.version,
        topics=tuple(spec.topics),
        difficulty=spec.difficulty,
        type=spec.type,
        stem=spec.stem,
        key=key,
        explanation=spec.explanation,
        points=spec.points,
        choices=tuple(Choice(c.id, c.text, c.misconception) for c in spec.choices),
        alternatives=tuple(
            Alternative(
                _parse(spec, a.response, f"alternatives.{i}.response", length),
                a.credit,
                a.misconception,
                a.feedback,
            )
            for i, a in enumerate(spec.alternatives)
        ),
        feedback=dict(spec.feedback),
        tolerance=tolerance,
        function=FunctionRef(spec.function.name, spec.function.params) if spec.function else None,
        evidence=evidence,
        hints=staged_hints(spec.hints, _hint_evidence(key, evidence, tolerance)),
        length=length,
        labels=tuple(spec.labels) if spec.labels is not None else None,
        tests=tuple(SampleTest(t.response, t.score, t.misconception) for t in spec.tests),
    )
    check_scoring(item)
    return item


def run_tests(item: Item) -> Iterator[str]:
    """Failures of the item's own tests, as messages; nothing when all pass."""
    for index, test in enumerate(item.tests):
        where = f"tests.{index}"
        try:
            response = answers.parse(item.type, test.response, item.choice_ids, item.length)
        except Invalid as exc:
            yield f"{where}.response: {exc.message}"
            continue
        got = grade(item, response)
        if abs(got.credit - test.fraction) > 1e-9:
            yield f"{where}: expected score {test.fraction:g}, graded {got.credit:g}"
        if got.misconception != test.misconception:
            yield (
                f"{where}: expected misconception {test.misconception}, graded {got.misconception}"
            )


def _error_loc(error: Any) -> str:
    return ".".join(map(str, error["loc"])) or "(item)"


def load_file(name: str, text: str) -> list[Item]:
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise BankError(f"{name}: not valid YAML: {exc}") from None
    if not isinstance(raw, list):
        raise BankError(f"{name}: expected a list of items")
    items = []
    for index, entry in enumerate(raw):
        label = entry.get("id", f"#{index + 1}") if isinstance(entry, dict) else f"#{index + 1}"
        try:
            spec = ItemSpec.model_validate(entry)
            item = build(spec)
        except ValidationError as exc:
            first = exc.errors(include_url=False)[0]
            raise BankError(f"{name}: item {label}: {_error_loc(first)}: {first['msg']}") from None
        except ValueError as exc:
            raise BankError(f"{name}: item {label}: {exc}") from None
        failures = list(run_tests(item))
        if failures:
            raise BankError(f"{name}: item {label}: {failures[0]}")
        items.append(item)
    return items


@dataclass(frozen=True)
class Entry:
    """What selection and browsing need to know of an item or a family, without building it."""

    id: str
    version: int
    topics: tuple[str, ...]
    difficulty: int
    type: str
    generated: bool


@dataclass(frozen=True)
class Bank:
    items: dict[str, Item]
    families: dict[str, Family]

    @cached_property
    def entries(self) -> list[Entry]:
        """Every item and family, sorted by id."""
        out = [
            Entry(i.id, i.version, i.topics, i.difficulty, i.type, False)
            for i in self.items.values()
        ]
        out += [
            Entry(f.id, f.version, f.topics, f.difficulty, f.type, True)
            for f in self.families.values()
        ]
        return sorted(out, key=lambda e: e.id)

    @cached_property
    def by_id(self) -> dict[str, Entry]:
        return {entry.id: entry for entry in self.entries}

    @cached_property
    def targets(self) -> dict[str, frozenset[str]]:
        """The misconceptions each item can diagnose (named by a choice, an alternative or a
        piece of feedback); a family's are those of its variant 0, whose choices and
        alternatives its variants share."""
        return {e.id: targets(self.item(e.id, 0 if e.generated else None)) for e in self.entries}

    def item(self, item_id: str, seed: int | None) -> Item:
        """The item, or the family's variant for this seed."""
        if item_id in self.items:
            return self.items[item_id]
        return _variant(self.families[item_id], seed or 0)


def targets(item: Item) -> frozenset[str]:
    named = {c.misconception for c in item.choices} | {a.misconception for a in item.alternatives}
    named |= set(item.feedback) - {"correct", "incorrect"}
    return frozenset(m for m in named if m is not None)


@lru_cache(maxsize=4096)
def _variant(family: Family, seed: int) -> Item:
    return family.generate(seed).item


def load_items(package: str = "service.quiz.items") -> dict[str, Item]:
    items: dict[str, Item] = {}
    for entry in sorted(resources.files(package).iterdir(), key=lambda e: e.name):
        if not entry.name.endswith(".yaml"):
            continue
        for item in load_file(entry.name, entry.read_text(encoding="utf-8")):
            if item.id in items or item.id in FAMILIES:
                raise BankError(f"{entry.name}: item {item.id}: id is used twice")
            items[item.id] = item
    return items


@cache
def load_bank() -> Bank:
    return Bank(load_items(), dict(FAMILIES))


def main() -> None:
    try:
        bank = load_bank()
    except BankError as exc:
        print(f"error: {exc}", file=sys.stderr)
        raise SystemExit(1) from None
    print(f"{len(bank.items)} hand-written items, {len(bank.families)} generated families")
    for topic in TOPICS:
        count = sum(topic in item.topics for item in bank.items.values())
        print(f"  {topic:<24} {count}")


if __name__ == "__main__":
    main()
