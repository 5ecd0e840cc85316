"""The program families (service/quiz/core/families/programs.py) on 200 seeds: keys equal what the
emulation and the exact module compute, every variant renders in its framework's own ops, the
key is among the choices, and every shape and rule the explanations state holds."""

from __future__ import annotations

import ast
import re
from collections.abc import Callable

import numpy as np
import pytest

from service.core.programs import FRAMEWORKS, emulation, exact, syntax
from service.quiz.bank import check_scoring
from service.quiz.core import answers
from service.quiz.core.families import FAMILIES, programs
from service.quiz.core.families.functions import FRAMEWORK_NAMES
from service.quiz.core.families.text import n
from service.quiz.core.grading import grade
from service.quiz.core.items import Item

SEEDS = range(200)
IDS = ("gen.program-autodiff-value", "gen.program-is-subgradient", "gen.program-right-at-kink")
BY_NAME = {name: key for key, name in FRAMEWORK_NAMES.items()}
GRID = np.linspace(-3, 3, 601)

# What each shape's LaTeX says, in numpy.
SHAPES: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "relu": lambda t: np.maximum(t, 0),
    "identity": lambda t: t,
    "abs": np.abs,
    "min": lambda t: np.minimum(t, 0),
    "zero": np.zeros_like,
    "clamp": lambda t: np.clip(t, 0, 1),
    "relu6": lambda t: np.clip(t, 0, 6),
}
# Programs on which each rule the explanations quote shows, and what the framework returns
# for them at 0 under that rule.
WITNESSES: dict[str, dict[str, tuple[tuple[str, float], ...]]] = {
    "pytorch": {
        "where": (("where(x >= 0, x, 0)", 1), ("where(x > 0, x, 0)", 0), ("where(x < 0, 0, x)", 1)),
        "relu": (("relu(x)", 0),),
        "relu6": (("relu6(x)", 0), ("relu6(x + 6)", 0)),
        "max": (("max(x, 0)", 0.5), ("max(0, x)", 0.5)),
        "min": (("min(x, 0)", 0.5), ("min(0, x)", 0.5)),
        "clamp": (("clamp(x, 0, 1)", 1), ("clamp(x, -1, 0)", 1)),
        "abs": (("abs(x)", 0),),
        "leaky_relu": (("leaky_relu(x, 0.5)", 0.5),),
    },
    "jax": {
        "where": (("where(x >= 0, x, 0)", 1), ("where(x > 0, x, 0)", 0), ("where(x < 0, 0, x)", 1)),
        "relu": (("relu(x)", 0),),
        "relu6": (("relu6(x)", 0), ("relu6(x + 6)", 0)),
        "max": (("max(x, 0)", 0.5), ("max(0, x)", 0.5)),
        "min": (("min(x, 0)", 0.5), ("min(0, x)", 0.5)),
        "clamp": (("clamp(x, 0, 1)", 0.5), ("clamp(x, -1, 0)", 0.5)),
        "abs": (("abs(x)", 1),),
        "leaky_relu": (("leaky_relu(x, 0.5)", 1),),
    },
    "tensorflow": {
        "where": (("where(x >= 0, x, 0)", 1), ("where(x > 0, x, 0)", 0), ("where(x < 0, 0, x)", 1)),
        "relu": (("relu(x)", 0),),
        "relu6": (("relu6(x)", 0), ("relu6(x + 6)", 0)),
        "max": (("max(x, 0)", 1), ("max(0, x)", 0)),
        "min": (("min(x, 0)", 1), ("min(0, x)", 0)),
        "clamp": (("clamp(x, 0, 1)", 1), ("clamp(x, -1, 0)", 1)),
        "abs": (("abs(x)", 0),),
        "leaky_relu": (("leaky_relu(x, 0.5)", 0.5),),
    },
}
NEUTRAL = re.compile(r"(?<![\w.])(relu|relu6|leaky_relu|max|min|abs|clamp|where)\(")


def _derivative(framework: str, program: str, c: float) -> float:
    """What the emulation returns, run here without the family's helpers."""
    x = np.array([c], dtype=np.float32)
    return float(emulation.run(FRAMEWORKS[framework], syntax.parse(program), x).derivative[0])


def _sides(program: str, c: float) -> tuple[float, float]:
    _, left, right = exact.evaluate(syntax.parse(program), np.array([c]))
    return float(left[0]), float(right[0])


def _setting(item: Item) -> tuple[str, str, float, str]:
    """(framework, the stem's code, the point, the program in neutral notation)."""

    def found(pattern: str, text: str) -> str:
        match = re.search(pattern, text)
        assert match is not None, (pattern, text)
        return next(group for group in match.groups() if group is not None)

    framework = BY_NAME[found(r"^In (\w+),", item.stem)]
    shown = found(r"`f\(x\) = (.+?)`", item.stem)
    c = float(found(r"f'\((-?[\d.]+)\)|\$x = (-?[\d.]+)\$", item.stem))
    neutral = found(r"notation, f is `(.+?)`", item.explanation)
    return framework, shown, c, neutral


def _items(family_id: str) -> list[Item]:
    return [FAMILIES[family_id].generate(seed).item for seed in SEEDS]


def test_the_families_are_registered() -> None:
    assert set(IDS) <= set(FAMILIES)
    assert isinstance(FAMILIES["gen.program-right-at-kink"], programs.ChoiceFamily)


def test_autodiff_value_keys_equal_the_emulation() -> None:
    seen = set()
    for item in _items("gen.program-autodiff-value"):
        framework, shown, c, neutral = _setting(item)
        assert item.key == answers.Numeric(_derivative(framework, neutral, c))
        assert shown == programs.code(framework, syntax.parse(neutral))
        left, right = _sides(neutral, c)
        assert f"derivatives at $x = {n(c)}$ are {n(left)} and {n(right)}" in item.explanation
        for alternative in item.alternatives:
            if alternative.feedback:  # another framework's value, named in its feedback
                assert isinstance(alternative.response, answers.Numeric)
                value = alternative.response.value
                for name, other in BY_NAME.items():
                    if re.search(rf"\b{name}\b", alternative.feedback.split(", not")[0]):
                        assert _derivative(other, neutral, c) == value
        seen.add((framework, c))
    assert {f for f, _ in seen} == set(FRAMEWORKS)
    assert {c for _, c in seen} >= {0.0, 1.0, -1.0}


def test_is_subgradient_keys_equal_the_emulation_and_the_exact_interval() -> None:
    keys = []
    for item in _items("gen.program-is-subgradient"):
        framework, _, c, neutral = _setting(item)
        value, (left, right) = _derivative(framework, neutral, c), _sides(neutral, c)
        low, high = min(left, right), max(left, right)
        assert item.key == answers.TrueFalse(low <= value <= high)
        interval = f"\\{{{n(low)}\\}}" if low == high else f"[{n(low)}, {n(high)}]"
        assert f"\\partial f({n(c)}) = {interval}$" in item.explanation
        keys.append(low <= value <= high)
    assert 0.3 < sum(keys) / len(keys) < 0.7


def test_right_at_kink_keys_equal_the_emulation() -> None:
    for item in _items("gen.program-right-at-kink"):
        framework = BY_NAME[item.stem.split(",")[0].removeprefix("In ")]
        written = {programs.code(framework, syntax.parse(p)): p for p in programs.PROGRAMS["relu"]}
        assert isinstance(item.key, answers.MultipleChoice)
        assert item.key.choices <= set(item.choice_ids)
        assert 0 < len(item.key.choices) < len(item.choices)
        for choice in item.choices:
            program = written[choice.text.strip("`")]
            inside = 0 <= _derivative(framework, program, 0.0) <= 1
            assert (choice.id in item.key.choices) == inside, (framework, program)
            assert choice.misconception == (None if inside else "autodiff-is-exact")
        every = answers.MultipleChoice(frozenset(item.choice_ids))
        assert grade(item, every).credit == 0


@pytest.mark.parametrize("family_id", IDS)
def test_every_variant_renders_in_its_frameworks_ops(family_id: str) -> None:
    for item in _items(family_id):
        name = item.stem.split(",")[0].removeprefix("In ")
        framework = BY_NAME[name]
        codes = [c.text.strip("`") for c in item.choices] or [_setting(item)[1]]
        for text in codes:
            ast.parse(text)  # the program is Python as a user types it
            assert NEUTRAL.search(text) is None, text
            others = {"pytorch": "torch.", "jax": "jnp.", "tensorflow": "tf."}
            assert all(p not in text for f, p in others.items() if f != framework), text
        for other in FRAMEWORK_NAMES.values():
            if other != name:
                assert f"In {other}" not in item.stem
        check_scoring(item)
        assert "nan" not in (item.stem + item.explanation).lower()


@pytest.mark.parametrize("shape", sorted(programs.PROGRAMS))
def test_each_program_computes_its_shape(shape: str) -> None:
    for text in programs.PROGRAMS[shape]:
        value, _, _ = exact.evaluate(syntax.parse(text), GRID)
        np.testing.assert_allclose(value, SHAPES[shape](GRID), atol=1e-12, err_msg=text)


def test_scaled_and_moved_programs_compute_the_shape_scaled_and_moved() -> None:
    for a in (1, 2, -1, 0.5, 3):
        for c in (0.0, 1.0, -1.0, 2.0):
            for shape, texts in programs.PROGRAMS.items():
                for text in texts:
                    moved = programs.transformed(text, a, c)
                    value, _, _ = exact.evaluate(moved, GRID + c)
                    np.testing.assert_allclose(value, a * SHAPES[shape](GRID), atol=1e-12)


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_every_rule_the_explanations_quote_holds(framework: str) -> None:
    assert set(programs.RULES[framework]) == set(WITNESSES[framework])
    for name, cases in WITNESSES[framework].items():
        for program, value in cases:
            assert _derivative(framework, program, 0.0) == value, (name, program)
    used = {
        name
        for texts in programs.PROGRAMS.values()
        for t in texts
        for name in programs.used(syntax.parse(t))
    }
    assert used <= set(programs.RULES[framework])


@pytest.mark.parametrize("framework", sorted(FRAMEWORKS))
def test_every_curated_program_runs_in_every_framework(framework: str) -> None:
    for texts in programs.PROGRAMS.values():
        for text in texts:
            assert programs.returned(framework, syntax.parse(text), 0.0) is not None, text


def test_the_briefs_examples_render_and_return_as_the_frameworks_do() -> None:
    relu_max = syntax.parse("max(x, 0)")
    assert programs.code("pytorch", relu_max) == "torch.maximum(x, torch.zeros_like(x))"
    assert programs.code("jax", syntax.parse("where(x > 0, x, 0)")) == "jnp.where(x > 0, x, 0)"
    assert programs.code("tensorflow", relu_max) == "tf.math.maximum(x, 0)"
    expected: dict[str, dict[str, float]] = {
        "relu(x) - relu(-x)": {"pytorch": 0, "jax": 0, "tensorflow": 0},
        "max(x, 0)": {"pytorch": 0.5, "jax": 0.5, "tensorflow": 1},
        "where(x > 0, x, 0)": {"pytorch": 0, "jax": 0, "tensorflow": 0},
        "relu(-x) + x": {"pytorch": 1, "jax": 1, "tensorflow": 1},
    }
    for text, by_framework in expected.items():
        for framework, value in by_framework.items():
            assert programs.returned(framework, syntax.parse(text), 0.0) == value
    assert programs.returned("pytorch", syntax.parse("clamp(x, 0, 1)"), 0.0) == 1
    assert programs.returned("pytorch", syntax.parse("step(x)"), 0.0) is None
    assert programs.returned("jax", syntax.parse("hardtanh(x, 0, 1)"), 0.0) is None
