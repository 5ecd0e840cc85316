"""A lint of the bank's texts and keys, over the hand-written items and every family's variants:
the classes of defect a review found (double signs, a bare "(x)" after a coefficient, a key of
-0.0, generic feedback written for one specific wrong answer, a stem that asks for null)."""

from __future__ import annotations

import math
import re
from collections.abc import Iterator

import pytest

from service.quiz.bank import load_bank
from service.quiz.core import answers
from service.quiz.core.items import Item

SEEDS = range(200)
DOUBLE_SIGN = re.compile(r"(?<![\w)}])[-+]\s*[-+]\s*[\d\\a-z(]|[-+]\s*[-+]\s*\d")
COEFFICIENT_PAREN = re.compile(r"(?<![\w\\])-?\d*\.?\d+\(x\)|(?<![\w)}\]])-\(x\)")
# Feedback under `incorrect` is shown for every wrong answer that has no feedback of its own,
# so it must not open by addressing one particular answer ("0.5 is ...", "That is ...").
SPECIFIC_OPENING = re.compile(
    r"^\s*(\$[^$]*\$|`[^`]*`|[-+]?\d|(that|this|those|these|you|your)\b)", re.IGNORECASE
)

WIRE_NULL = re.compile(r"\bnull\b(?!\s+set)", re.IGNORECASE)


def _items() -> Iterator[Item]:
    bank = load_bank()
    yield from bank.items.values()
    for family in bank.families.values():
        for seed in SEEDS:
            yield family.generate(seed).item


def _texts(item: Item) -> Iterator[tuple[str, str]]:
    yield "stem", item.stem
    yield "explanation", item.explanation
    for choice in item.choices:
        yield f"choices.{choice.id}", choice.text
    for key, text in item.feedback.items():
        yield f"feedback.{key}", text
    for index, alternative in enumerate(item.alternatives):
        if alternative.feedback:
            yield f"alternatives.{index}.feedback", alternative.feedback
    for index, hint in enumerate(item.hints):
        yield f"hints.{index}", hint.text


def _numbers(response: answers.Response) -> list[float]:
    found: list[float] = []
    for value in answers.to_json(response).values():
        if isinstance(value, bool) or value is None:
            continue
        if isinstance(value, (int, float)):
            found.append(float(value))
        elif isinstance(value, list):
            found += [float(v) for v in value if isinstance(v, (int, float))]
    return found


ITEMS = list(_items())


def test_no_double_signs_or_coefficients_of_a_parenthesised_x() -> None:
    problems = [
        (item.id, where, text)
        for item in ITEMS
        for where, text in _texts(item)
        if DOUBLE_SIGN.search(text) or COEFFICIENT_PAREN.search(text)
    ]
    assert problems == [], problems[:5]


def test_no_key_or_alternative_is_negative_zero() -> None:
    problems = [
        (item.id, answers.to_json(response))
        for item in ITEMS
        for response in (item.key, *(a.response for a in item.alternatives))
        if any(v == 0 and math.copysign(1.0, v) < 0 for v in _numbers(response))
    ]
    assert problems == [], problems[:5]


def test_generic_feedback_does_not_address_one_answer() -> None:
    problems = [
        (item.id, item.feedback["incorrect"])
        for item in ITEMS
        if "incorrect" in item.feedback and SPECIFIC_OPENING.match(item.feedback["incorrect"])
    ]
    assert problems == [], problems[:5]


def test_no_stem_asks_for_null() -> None:
    """A learner answers "does not exist"; null is the wire format's word, not theirs (a null
    set is mathematics)."""
    problems = [(item.id, item.stem) for item in ITEMS if WIRE_NULL.search(item.stem)]
    assert problems == [], problems[:5]


@pytest.mark.parametrize(
    "text",
    ["f'(x) contains $--3\\cos(2/x)$", "$x + -2$", "$-3(x)$", "$2(x)$"],
)
def test_the_lint_catches_what_the_review_found(text: str) -> None:
    assert DOUBLE_SIGN.search(text) or COEFFICIENT_PAREN.search(text)


@pytest.mark.parametrize(
    "text",
    ["$f(x) = -3x + 2$", "$\\operatorname{relu}(-x) + x$", "$x - 1$", "1e-6", "$f(x) = 2|x - 1|$"],
)
def test_the_lint_passes_ordinary_formulas(text: str) -> None:
    assert DOUBLE_SIGN.search(text) is None
    assert COEFFICIENT_PAREN.search(text) is None
