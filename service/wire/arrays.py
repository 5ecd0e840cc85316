"""Arrays in and out of nested JSON lists, and the shapes of binary bodies.

JSON numbers follow the protobuf JSON mapping for non-finite values: "NaN", "Infinity"
and "-Infinity" are read and written as strings, since JSON has no literal for them.
Errors are located relative to the array or shape given (core/errors.py).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import numpy.typing as npt
import orjson

from service.core.errors import Invalid, Loc, TooLarge
from service.wire import dtypes
from service.wire.dtypes import DType

NONFINITE_WORDS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
MAX_DEPTH = 32
FloatArray = npt.NDArray[np.floating]


def byte_view(array: npt.NDArray[Any]) -> memoryview:
    """The array's memory as bytes, without a copy (C- or Fortran-contiguous arrays)."""
    contiguous = array.T if array.flags.f_contiguous and not array.flags.c_contiguous else array
    return contiguous.data.cast("B")


def too_many(count: int, max_elements: int) -> None:
    if count > max_elements:
        raise TooLarge(f"{count} elements is more than the limit of {max_elements} per request")


def check_shape(shape: Any, max_elements: int) -> tuple[int, ...]:
    """A shape as the wire gave it, checked before anything is allocated: at most MAX_DEPTH
    sizes, each a whole number from 0 to the element limit, and no more elements in all."""
    if not isinstance(shape, (tuple, list)) or len(shape) > MAX_DEPTH:
        raise Invalid(f"a shape is a list of at most {MAX_DEPTH} sizes")
    for size in shape:
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise Invalid(f"shape {list(shape)} has a size that is not a whole number")
        if size > max_elements:
            raise TooLarge(
                f"shape {list(shape)} has a size above the limit of {max_elements} elements"
            )
    too_many(math.prod(shape), max_elements)
    return tuple(shape)


# --- JSON in -----------------------------------------------------------------------------


def _scalar_error(item: Any, loc: Loc) -> Invalid:
    if isinstance(item, list):
        return Invalid("expected a number here, found an array (the array is ragged)", loc)
    if isinstance(item, str):
        return Invalid(
            f'expected a number, got the string {item[:40]!r} (only "NaN", "Infinity" '
            'and "-Infinity" are read as numbers)',
            loc,
        )
    kind = "a boolean" if isinstance(item, bool) else ("null" if item is None else "an object")
    return Invalid(f"expected a number, got {kind}", loc)


def _is_number(item: Any) -> bool:
    if isinstance(item, str):
        return item in NONFINITE_WORDS
    return isinstance(item, (int, float)) and not isinstance(item, bool)


def _shape(node: Any, loc: Loc, depth: int) -> tuple[tuple[int, ...], bool]:
    """The array's shape and whether it holds non-finite words; Invalid at the first fault."""
    if not isinstance(node, list):
        if not _is_number(node):
            raise _scalar_error(node, loc)
        return (), isinstance(node, str)
    if depth >= MAX_DEPTH:
        raise Invalid(f"arrays may be nested at most {MAX_DEPTH} deep", loc)
    if not node:
        return (0,), False
    if not isinstance(node[0], list):
        kinds = set(map(type, node))  # one pass in C: the common all-float case stays fast
        if kinds <= {float, int}:
            return (len(node),), False
        for index, item in enumerate(node):
            if not _is_number(item):
                raise _scalar_error(item, (*loc, index))
        return (len(node),), True
    inner, words = _shape(node[0], (*loc, 0), depth + 1)
    for index in range(1, len(node)):
        item = node[index]
        if not isinstance(item, list):
            raise Invalid(
                f"expected an array of length {inner[0]} here (the array is ragged)", (*loc, index)
            )
        shape, has_words = _shape(item, (*loc, index), depth + 1)
        if shape != inner:
            raise Invalid(
                f"this array has shape {list(shape)}, its siblings {list(inner)} "
                "(the array is ragged)",
                (*loc, index),
            )
        words = words or has_words
    return (len(node), *inner), words


def _words_to_floats(node: Any) -> Any:
    if isinstance(node, list):
        return [_words_to_floats(item) for item in node]
    return NONFINITE_WORDS[node] if isinstance(node, str) else node


def from_json(x: Any, dtype: DType, max_elements: int) -> FloatArray:
    """A JSON number or nested array as a rectangular array of the given dtype; a fault is
    located by its indices in x."""
    shape, has_words = _shape(x, (), 0)
    too_many(math.prod(shape), max_elements)
    if has_words:
        x = _words_to_floats(x)
    with np.errstate(over="ignore"):  # too large for float16 or float32: rounds to inf
        array = np.array(x, dtype=dtypes.BY_NAME[dtype].numpy)
    return array.reshape(shape)


# --- JSON out ----------------------------------------------------------------------------

_WORD_BYTES = (b'"NaN"', b'"Infinity"', b'"-Infinity"')


def to_json(array: FloatArray) -> orjson.Fragment:
    """The array as JSON text, nested like its shape, non-finite values as words.

    orjson writes the numbers (the shortest form that reads back to the same
    value of the array's dtype) and null for each non-finite one; those nulls
    are then replaced, in order, by the words.
    """
    native = array
    if not (array.dtype.isnative and array.flags.c_contiguous):
        native = np.ascontiguousarray(array, dtype=array.dtype.newbyteorder("="))
    flat = native.reshape(-1)
    text = orjson.dumps(native if native.ndim else flat, option=orjson.OPT_SERIALIZE_NUMPY)
    if native.ndim == 0:
        text = text[1:-1]
    finite = np.isfinite(flat)
    if not finite.all():  # written as nulls; a pass over the array is cheaper than over text
        odd = flat[~finite]
        words = np.where(np.isnan(odd), 0, np.where(odd > 0, 1, 2)).tolist()
        pieces = text.split(b"null")
        out = [pieces[0]]
        for word, piece in zip(words, pieces[1:], strict=True):
            out += (_WORD_BYTES[word], piece)
        text = b"".join(out)
    return orjson.Fragment(text)


# --- shapes of binary bodies----------------------------------------------------------------------


def parse_shape(text: str | None, max_elements: int) -> tuple[int, ...] | None:
    """A shape from a query parameter like "2,3" or "[2, 3]"; "" or "[]" is a scalar."""
    if text is None:
        return None
    cleaned = text.strip().strip("[]()").strip()
    if not cleaned:
        return ()
    parts = cleaned.split(",")
    if len(parts) > MAX_DEPTH or not all(
        p.strip().isascii() and p.strip().isdigit() for p in parts
    ):
        raise Invalid(
            f"shape must be at most {MAX_DEPTH} whole numbers separated by commas, got {text!r}"
        )
    return check_shape([int(p) for p in parts], max_elements)
