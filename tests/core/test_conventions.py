from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from service.core import evaluate
from service.core.catalogue import CATALOGUE
from service.core.conventions import FRAMEWORKS, PRESETS, kink_values, preset_for
from service.core.errors import Invalid

FIXTURE = json.loads(
    (Path(__file__).parent.parent / "fixtures" / "framework_kinks.json").read_text()
)
ROWS: list[dict[str, Any]] = FIXTURE["rows"]
WORDS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}


def _num(value: Any) -> float:
    return WORDS[value] if isinstance(value, str) else float(value)


def _catalogue_rows(point: str) -> list[dict[str, Any]]:
    return [r for r in ROWS if r["function"] in CATALOGUE and r["point"] == point]


def _id(row: dict[str, Any]) -> str:
    params = ",".join(f"{k}={v}" for k, v in row["params"].items())
    return f"{row['framework']}-{row['function']}({params})-{row['dtype']}-x={row['x']}"


def test_fixture_covers_all_three_frameworks() -> None:
    assert set(FIXTURE["versions"]) == set(FRAMEWORKS)
    assert {r["function"] for r in _catalogue_rows("kink")} == set(CATALOGUE)


@pytest.mark.parametrize("row", _catalogue_rows("kink"), ids=_id)
def test_preset_matches_the_framework_at_its_kinks(row: dict[str, Any]) -> None:
    fn = CATALOGUE[row["function"]]
    params = fn.resolve(row["params"])
    framework = row["framework"]
    dtype = np.dtype(row["dtype"])
    if row["gradient"] is None and "no such op" in row["error"]:
        assert PRESETS[fn.name][framework].op is None
        with pytest.raises(Invalid, match=f"no {framework} convention"):
            kink_values(fn, params, framework)
        return
    x = np.array([_num(row["x"])], dtype=dtype)
    got = evaluate.subgradient(fn, x, params, kink_values(fn, params, framework))
    at_jump = any(k.x == row["x"] and k.subdifferential is None for k in fn.kinks(params))
    if at_jump:
        # No subgradient exists at a jump; the service answers NaN and says what the
        # framework does instead.
        assert np.isnan(got).all()
        notes = " ".join(preset_for(fn, framework).notes)
        if row["gradient"] is None:  # PyTorch refuses; TensorFlow's tape returns None
            assert "not implemented" in notes or "no gradient" in notes
        else:
            assert f"is {row['gradient']:g}" in notes or "0 at the jump" in notes
        return
    expected = np.array([_num(row["gradient"])], dtype=dtype)
    np.testing.assert_array_equal(got, expected)


@pytest.mark.parametrize("row", _catalogue_rows("nan"), ids=_id)
def test_nan_gradient_is_nan_and_differences_are_noted(row: dict[str, Any]) -> None:
    fn = CATALOGUE[row["function"]]
    framework = row["framework"]
    x = np.array([math.nan], dtype=row["dtype"])
    assert np.isnan(evaluate.subgradient(fn, x, {}, kink_values(fn, {}, framework))).all()
    if not math.isnan(_num(row["gradient"])):
        assert any("NaN" in note for note in preset_for(fn, framework).notes)


@pytest.mark.parametrize("row", _catalogue_rows("negative zero"), ids=_id)
def test_relu_of_negative_zero_is_positive_and_differences_are_noted(row: dict[str, Any]) -> None:
    x = np.array([-0.0], dtype=row["dtype"])
    y = float(evaluate.value(CATALOGUE["relu"], x, {})[0])
    assert y == 0
    assert math.copysign(1.0, y) > 0
    if row["value_sign_bit"]:
        assert any("-0.0" in note for note in preset_for(CATALOGUE["relu"], row["framework"]).notes)


def test_explicit_at_kink_must_be_a_subgradient() -> None:
    relu = CATALOGUE["relu"]
    assert kink_values(relu, {}, at_kink=0.3) == (0.3,)
    with pytest.raises(Invalid, match=r"subdifferential there is \[0, 1\]") as caught:
        kink_values(relu, {}, at_kink=1.5)
    assert caught.value.loc == ("at_kink",)


def test_at_kink_must_fit_every_kink() -> None:
    abs_ = CATALOGUE["abs"]
    assert kink_values(abs_, {}, at_kink=-0.5) == (-0.5,)
    relu6 = CATALOGUE["relu6"]
    assert kink_values(relu6, {}, at_kink=0.5) == (0.5, 0.5)


def test_at_kink_is_refused_where_no_subgradient_exists() -> None:
    with pytest.raises(Invalid, match="no subgradient at x = 0"):
        kink_values(CATALOGUE["step"], {}, at_kink=0.0)


def test_at_kink_must_be_finite() -> None:
    with pytest.raises(Invalid, match="finite"):
        kink_values(CATALOGUE["relu"], {}, at_kink=math.nan)


def test_convention_and_at_kink_together_are_refused() -> None:
    with pytest.raises(Invalid, match="not both"):
        kink_values(CATALOGUE["relu"], {}, "jax", 0.5)


def test_left_right_midpoint() -> None:
    relu6 = CATALOGUE["relu6"]
    assert kink_values(relu6, {}, "left") == (0.0, 1.0)
    assert kink_values(relu6, {}, "right") == (1.0, 0.0)
    assert kink_values(relu6, {}, "midpoint") == (0.5, 0.5)


def test_default_convention_is_pytorch() -> None:
    leaky = CATALOGUE["leaky_relu"]
    params = leaky.resolve({"negative_slope": 0.3})
    assert kink_values(leaky, params) == kink_values(leaky, params, "pytorch") == (0.3,)
    assert kink_values(leaky, params, "jax") == (1.0,)


def test_every_function_has_a_preset_entry_per_framework() -> None:
    assert set(PRESETS) == set(CATALOGUE)
    for presets in PRESETS.values():
        assert set(presets) == set(FRAMEWORKS)
