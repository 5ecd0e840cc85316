"""Arrays in and out of the wire formats: nested JSON lists, .npy and raw bytes.

Pure numpy and orjson. JSON numbers follow the protobuf JSON mapping for
non-finite values: "NaN", "Infinity" and "-Infinity" are read and written as
strings, since JSON has no literal for them.
"""

from __future__ import annotations

import io
import math
import struct
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
import orjson

DType = Literal["float16", "float32", "float64"]
DTYPES: dict[DType, np.dtype[np.floating]] = {
    "float16": np.dtype("<f2"),
    "float32": np.dtype("<f4"),
    "float64": np.dtype("<f8"),
}
NONFINITE_WORDS = {"NaN": math.nan, "Infinity": math.inf, "-Infinity": -math.inf}
MAX_DEPTH = 32
Loc = tuple[str | int, ...]
FloatArray = npt.NDArray[np.floating]


class ArrayError(ValueError):
    def __init__(self, message: str, loc: Loc = ()) -> None:
        super().__init__(message)
        self.message = message
        self.loc = loc


def byte_view(array: npt.NDArray[Any]) -> memoryview:
    """The array's memory as bytes, without a copy (C- or Fortran-contiguous arrays)."""
    contiguous = array.T if array.flags.f_contiguous and not array.flags.c_contiguous else array
    return contiguous.data.cast("B")


class TooManyElements(ArrayError):
    pass


def check_shape(shape: Any, max_elements: int, loc: Loc) -> tuple[int, ...]:
    """A shape as the wire gave it, checked before anything is allocated: at most MAX_DEPTH
    sizes, each a whole number from 0 to the element limit, and no more elements in all."""
    if not isinstance(shape, (tuple, list)) or len(shape) > MAX_DEPTH:
        raise ArrayError(f"a shape is a list of at most {MAX_DEPTH} sizes", loc)
    for size in shape:
        if isinstance(size, bool) or not isinstance(size, int) or size < 0:
            raise ArrayError(f"shape {list(shape)} has a size that is not a whole number", loc)
        if size > max_elements:
            raise TooManyElements(
                f"shape {list(shape)} has a size above the limit of {max_elements} elements", loc
            )
    count = math.prod(shape)
    if count > max_elements:
        raise TooManyElements(
            f"{count} elements is more than the limit of {max_elements} per request", loc
        )
    return tuple(shape)


def dtype_name(dtype: np.dtype[Any]) -> DType:
    for name, known in DTYPES.items():
        if known == dtype.newbyteorder("<"):
            return name
    raise ArrayError(
        f"unsupported dtype {dtype.str!r}; use one of: {', '.join(DTYPES)}", ("dtype",)
    )


# --- JSON in -----------------------------------------------------------------------------


def _scalar_error(item: Any, loc: Loc) -> ArrayError:
    if isinstance(item, list):
        return ArrayError("expected a number here, found an array (the array is ragged)", loc)
    if isinstance(item, str):
        return ArrayError(
            f'expected a number, got the string {item[:40]!r} (only "NaN", "Infinity" '
            'and "-Infinity" are read as numbers)',
            loc,
        )
    kind = "a boolean" if isinstance(item, bool) else ("null" if item is None else "an object")
    return ArrayError(f"expected a number, got {kind}", loc)


def _is_number(item: Any) -> bool:
    if isinstance(item, str):
        return item in NONFINITE_WORDS
    return isinstance(item, (int, float)) and not isinstance(item, bool)


def _shape(node: Any, loc: Loc, depth: int) -> tuple[tuple[int, ...], bool]:
    """The array's shape and whether it holds non-finite words; ArrayError at the first fault."""
    if not isinstance(node, list):
        if not _is_number(node):
            raise _scalar_error(node, loc)
        return (), isinstance(node, str)
    if depth >= MAX_DEPTH:
        raise ArrayError(f"arrays may be nested at most {MAX_DEPTH} deep", loc)
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
            raise ArrayError(
                f"expected an array of length {inner[0]} here (the array is ragged)", (*loc, index)
            )
        shape, has_words = _shape(item, (*loc, index), depth + 1)
        if shape != inner:
            raise ArrayError(
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


def from_json(x: Any, dtype: DType, max_elements: int, loc: Loc = ("x",)) -> FloatArray:
    """A JSON number or nested array as a rectangular array of the given dtype."""
    shape, has_words = _shape(x, loc, 0)
    count = math.prod(shape)
    if count > max_elements:
        raise TooManyElements(
            f"{count} elements is more than the limit of {max_elements} per request", loc
        )
    if has_words:
        x = _words_to_floats(x)
    with np.errstate(over="ignore"):  # too large for float16 or float32: rounds to inf
        array = np.array(x, dtype=DTYPES[dtype])
    return array.reshape(shape)


# --- JSON out ----------------------------------------------------------------------------

_WORD_BYTES = (b'"NaN"', b'"Infinity"', b'"-Infinity"')


def to_json(array: FloatArray) -> orjson.Fragment:
    """The array as JSON text, nested like its shape, non-finite values as words.

    orjson writes the numbers (the shortest form that reads back to the same
    value of the array's dtype) and null for each non-finite one; those nulls
    are then replaced, in order, by the words.
    """
    native = np.require(array, dtype=array.dtype.newbyteorder("="), requirements="C")
    flat = native.reshape(-1)
    text = orjson.dumps(native if native.ndim else flat, option=orjson.OPT_SERIALIZE_NUMPY)
    if native.ndim == 0:
        text = text[1:-1]
    bad = ~np.isfinite(flat)
    if bad.any():
        odd = flat[bad]
        words = np.where(np.isnan(odd), 0, np.where(odd > 0, 1, 2)).tolist()
        pieces = text.split(b"null")
        out = [pieces[0]]
        for word, piece in zip(words, pieces[1:], strict=True):
            out += (_WORD_BYTES[word], piece)
        text = b"".join(out)
    return orjson.Fragment(text)


# --- .npy --------------------------------------------------------------------------------

NPY_MAGIC = b"\x93NUMPY"
NPY_READERS = {1: np.lib.format.read_array_header_1_0, 2: np.lib.format.read_array_header_2_0}
MAX_NPY_HEADER = 10_000  # numpy's own default limit


def npy_header_length(prefix: bytes) -> int:
    """From the first 12 bytes of a .npy file, the total length of magic and header."""
    if prefix[:6] != NPY_MAGIC:
        raise ArrayError("not a .npy file: the body does not start with \\x93NUMPY", ("body",))
    major = prefix[6]
    if major not in NPY_READERS:
        raise ArrayError(f"unsupported .npy format version {major}; use 1 or 2", ("body",))
    size, start = ("<H", 10) if major == 1 else ("<I", 12)
    (length,) = struct.unpack(size, prefix[8:start])
    if length > MAX_NPY_HEADER:
        raise ArrayError(
            f"the .npy header is {length} bytes, more than {MAX_NPY_HEADER}", ("body",)
        )
    return int(start + length)


def npy_parse_header(
    header: bytes, max_elements: int
) -> tuple[np.dtype[Any], tuple[int, ...], bool]:
    """dtype, shape and Fortran order from a whole .npy header (numpy's safe reader: no pickles)."""
    stream = io.BytesIO(header)
    try:
        major, _ = np.lib.format.read_magic(stream)
        shape, fortran, dtype = NPY_READERS[major](stream, max_header_size=MAX_NPY_HEADER)
    except (ValueError, KeyError, TypeError, SyntaxError, MemoryError) as exc:
        raise ArrayError(f"the .npy header cannot be read: {exc}", ("body",)) from None
    dtype_name(dtype)
    return dtype, check_shape(shape, max_elements, ("body",)), bool(fortran)


def npy_header(dtype: np.dtype[Any], shape: tuple[int, ...]) -> bytes:
    """The .npy header for a C-ordered array of this dtype and shape."""
    stream = io.BytesIO()
    header = {"descr": np.lib.format.dtype_to_descr(dtype), "fortran_order": False, "shape": shape}
    np.lib.format.write_array_header_1_0(stream, header)
    return stream.getvalue()


# --- raw bytes ---------------------------------------------------------------------------


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
        raise ArrayError(
            f"shape must be at most {MAX_DEPTH} whole numbers separated by commas, got {text!r}",
            ("query", "shape"),
        )
    return check_shape([int(p) for p in parts], max_elements, ("query", "shape"))
