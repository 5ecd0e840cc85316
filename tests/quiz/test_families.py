"""Every family on 50 seeds: keys computed from the catalogue agree with difference quotients."""

from __future__ import annotations

import pytest

from service.quiz.core import answers
from service.quiz.core.families import FAMILIES, Fact, Family
from service.quiz.core.grading import degenerate, grade
from service.quiz.core.taxonomy import ANSWER_TYPES, MISCONCEPTIONS, TOPICS

SEEDS = range(50)
MANY_SEEDS = range(500)
STEPS = (1e-4, 1e-5, 1e-6)


def _quotient(f: object, x: float, h: float) -> float:
    assert callable(f)
    return float((f(x + h) - f(x)) / h)


def _check(fact: Fact, f: object) -> None:
    assert callable(f)
    if fact.kind == "value":
        assert f(fact.x) == pytest.approx(fact.value)
        return
    sides = {"left_derivative": (-1,), "right_derivative": (1,), "derivative": (-1, 1)}[fact.kind]
    for side in sides:
        got = [_quotient(f, fact.x, side * h) for h in STEPS]
        if fact.value is None:
            assert abs(got[-1]) > 1e3, f"{fact} should diverge, got {got}"
        else:
            # The quotients settle on the fact's value as h shrinks (to within O(h)).
            assert got[-1] == pytest.approx(fact.value, abs=1e-4), f"{fact}: quotients {got}"


def test_at_least_twelve_families() -> None:
    assert len(FAMILIES) >= 12


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.id)
def test_family_metadata(family: Family) -> None:
    assert family.type in ANSWER_TYPES
    assert set(family.topics) <= set(TOPICS)
    assert 1 <= family.difficulty <= 5


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.id)
def test_keys_agree_with_difference_quotients(family: Family) -> None:
    for seed in SEEDS:
        variant = family.generate(seed)
        assert variant.facts, f"{family.id} seed {seed} states no facts"
        for fact in variant.facts:
            _check(fact, variant.f)


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.id)
def test_variants_are_reproducible_and_grade_their_own_key(family: Family) -> None:
    stems = set()
    for seed in SEEDS:
        one, two = family.generate(seed).item, family.generate(seed).item
        assert (one.stem, one.key, one.alternatives, one.choices) == (
            two.stem,
            two.key,
            two.alternatives,
            two.choices,
        )
        item = one
        stems.add(item.stem)
        assert item.type == family.type
        key_json = answers.to_json(item.key)
        parsed = answers.parse(item.type, key_json, item.choice_ids, item.length)
        assert grade(item, parsed).correct
        for alternative in item.alternatives:
            assert alternative.misconception is None or alternative.misconception in MISCONCEPTIONS
            graded = grade(item, alternative.response)
            assert not graded.correct, f"{family.id} seed {seed}: an alternative equals the key"
        assert "nan" not in item.stem.lower()
    assert len(stems) > 1, f"{family.id} gives one variant only"


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.id)
def test_no_variant_grades_a_listed_wrong_answer_as_right(family: Family) -> None:
    """On 500 seeds: no alternative (each a distractor or a misconception's answer) is graded
    correct, and none lies within ten tolerances of the key."""
    for seed in MANY_SEEDS:
        item = family.generate(seed).item
        assert degenerate(item) is None, (family.id, seed)
        for alternative in item.alternatives:
            assert not grade(item, alternative.response).correct, (family.id, seed)


@pytest.mark.parametrize("family", FAMILIES.values(), ids=lambda f: f.id)
def test_a_vector_variant_labels_each_component_and_no_other_has_labels(family: Family) -> None:
    for seed in SEEDS:
        item = family.generate(seed).item
        if item.type != "vector":
            assert item.labels is None, (family.id, seed)
            continue
        assert item.labels is not None, (family.id, seed)
        assert len(item.labels) == item.length, (family.id, seed)
        assert all(label.strip() for label in item.labels), (family.id, seed)


def test_the_subgradient_vector_labels_its_points_in_the_stems_order() -> None:
    for seed in SEEDS:
        item = FAMILIES["gen.relu-subgradient-vector"].generate(seed).item
        assert item.labels is not None
        points = ", ".join(label.removeprefix("x = ") for label in item.labels)
        assert f"$({points})$" in item.stem, seed


def test_softplus_variants_are_told_apart_from_relus_derivative() -> None:
    for seed in MANY_SEEDS:
        item = FAMILIES["gen.softplus-derivative"].generate(seed).item
        assert isinstance(item.key, answers.Numeric)
        assert item.key.value is not None
        for relu_slope in (0.0, 1.0):
            assert abs(item.key.value - relu_slope) > 10 * item.tolerance.absolute, seed


def test_x_abs_x_explains_the_derivative_of_the_multiple_asked_for() -> None:
    for seed in SEEDS:
        item = FAMILIES["gen.x-abs-x-derivative"].generate(seed).item
        if item.stem.startswith("What is") and "= -x|x|" in item.stem:
            assert "f'(x) = -2|x|" in item.explanation
            return
    raise AssertionError("no variant of -x|x| in the seeds")


def test_autodiff_programs_are_differentiated_as_each_framework_does() -> None:
    said = {"PyTorch": "backward()", "JAX": "jax.grad", "TensorFlow": "GradientTape"}
    seen = set()
    for seed in SEEDS:
        stem = FAMILIES["gen.autodiff-program"].generate(seed).item.stem
        framework = next(name for name in said if stem.startswith(f"In {name}"))
        assert said[framework] in stem
        assert all(said[other] not in stem for other in said if other != framework)
        seen.add(framework)
    assert seen == set(said)


def test_autodiff_program_keys_match_the_recorded_frameworks() -> None:
    """The table in the semantics reference: autodiff at 0 of relu(-x) + x is 1, and so on."""
    import json
    from pathlib import Path

    rows = json.loads(
        (Path(__file__).parent.parent / "fixtures" / "framework_kinks.json").read_text()
    )["rows"]
    recorded = {
        (r["framework"], r["function"].removeprefix("program: ")): r["gradient"]
        for r in rows
        if r["function"].startswith("program: ") and r["dtype"] == "float64"
    }
    family = FAMILIES["gen.autodiff-program"]
    checked = 0
    for seed in range(200):
        item = family.generate(seed).item
        for (framework, program), gradient in recorded.items():
            plain = program.replace("relu", "\\operatorname{relu}")
            name = {"pytorch": "PyTorch", "jax": "JAX", "tensorflow": "TensorFlow"}[framework]
            if f"f(x) = {plain}$" in item.stem and name in item.stem:
                assert isinstance(item.key, answers.Numeric)
                assert item.key.value == pytest.approx(gradient)
                checked += 1
    assert checked > 0
