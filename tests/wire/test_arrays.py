from __future__ import annotations

import math
from typing import Any

import numpy as np
import orjson
import pytest

from service.core.errors import Invalid, TooLarge
from service.wire import arrays


def dumps(array: np.ndarray) -> Any:
    return orjson.loads(orjson.dumps(arrays.to_json(array)))


def test_to_json_writes_non_finite_values_as_words() -> None:
    x = np.array([[1.5, math.nan], [math.inf, -math.inf]])
    assert dumps(x) == [[1.5, "NaN"], ["Infinity", "-Infinity"]]


def test_to_json_scalars_and_empty() -> None:
    assert dumps(np.array(2.5)) == 2.5
    assert dumps(np.array(math.nan)) == "NaN"
    assert dumps(np.zeros((2, 0))) == [[], []]


@pytest.mark.parametrize("dtype", ["float16", "float32", "float64"])
def test_to_json_reads_back_to_the_same_values(dtype: str) -> None:
    x = np.random.default_rng(3).normal(size=200).astype(dtype)
    x[:3] = [np.finfo(dtype).smallest_subnormal, np.finfo(dtype).max, -0.0]
    back = np.array(dumps(x), dtype=dtype)
    np.testing.assert_array_equal(back, x)


def test_to_json_handles_non_native_and_strided_arrays() -> None:
    x = np.arange(6, dtype=">f8").reshape(2, 3)[:, ::2]
    assert dumps(x) == [[0.0, 2.0], [3.0, 5.0]]


def test_from_json_words_and_shapes() -> None:
    x = arrays.from_json([["NaN", 1], [2, "-Infinity"]], "float32", 10)
    assert x.dtype == np.float32
    assert x.shape == (2, 2)
    assert math.isnan(x[0, 0])
    assert x[1, 1] == -math.inf


def test_from_json_counts_elements() -> None:
    with pytest.raises(TooLarge):
        arrays.from_json([[0.0] * 5] * 3, "float64", 14)


@pytest.mark.parametrize(
    ("x", "loc", "message"),
    [
        ([[1, 2], [3]], (1,), "ragged"),
        ([1, "inf"], (1,), "only"),
        ([1, False], (1,), "boolean"),
        ([[1], [None]], (1, 0), "null"),
    ],
)
def test_from_json_locates_faults(x: Any, loc: tuple[Any, ...], message: str) -> None:
    with pytest.raises(Invalid) as caught:
        arrays.from_json(x, "float64", 100)
    assert caught.value.loc == loc
    assert message in caught.value.message


@pytest.mark.parametrize(
    ("text", "shape"),
    [(None, None), ("", ()), ("[]", ()), ("3", (3,)), ("2,3", (2, 3)), ("[2, 3]", (2, 3))],
)
def test_parse_shape(text: str | None, shape: tuple[int, ...] | None) -> None:
    assert arrays.parse_shape(text, 100) == shape


@pytest.mark.parametrize(
    "text", ["a", "2,-1", "1.5", "\u00b2", ",".join(["1"] * 33), "0,99999999999999999999"]
)
def test_parse_shape_errors(text: str) -> None:
    with pytest.raises(Invalid):
        arrays.parse_shape(text, 100)


@pytest.mark.parametrize(
    "shape", [(-1,), (-2, -2), (0, 10**20), (1,) * 65, (True,), [0, 2**63 - 1], "3", (1.5,)]
)
def test_a_shape_from_the_wire_is_checked_before_anything_is_allocated(shape: Any) -> None:
    with pytest.raises(Invalid):
        arrays.check_shape(shape, 1000)


def test_byte_view_shares_memory() -> None:
    x = np.asfortranarray(np.arange(6.0).reshape(2, 3))
    view = arrays.byte_view(x)
    assert view.nbytes == 48
    view[:8] = np.array([9.0]).tobytes()
    assert x[0, 0] == 9.0
