"""The .npy format's header: read with numpy's safe reader (no pickles), checked before any
allocation, and written for answers. Errors are located in the body as a whole."""

from __future__ import annotations

import io
import struct
from typing import Any

import numpy as np

from service.core.errors import Invalid
from service.wire import dtypes
from service.wire.arrays import check_shape

MAGIC = b"\x93NUMPY"
READERS = {1: np.lib.format.read_array_header_1_0, 2: np.lib.format.read_array_header_2_0}
MAX_HEADER = 10_000  # numpy's own default limit
PREFIX = 12  # enough bytes of any version to know the header's length


def header_length(prefix: bytes) -> int:
    """From the first PREFIX bytes of a .npy file, the total length of magic and header."""
    if prefix[:6] != MAGIC:
        raise Invalid("not a .npy file: the body does not start with \\x93NUMPY")
    major = prefix[6]
    if major not in READERS:
        raise Invalid(f"unsupported .npy format version {major}; use 1 or 2")
    size, start = ("<H", 10) if major == 1 else ("<I", 12)
    (length,) = struct.unpack(size, prefix[8:start])
    if length > MAX_HEADER:
        raise Invalid(f"the .npy header is {length} bytes, more than {MAX_HEADER}")
    return int(start + length)


def parse_header(header: bytes, max_elements: int) -> tuple[np.dtype[Any], tuple[int, ...], bool]:
    """dtype, shape and Fortran order from a whole .npy header."""
    stream = io.BytesIO(header)
    try:
        major, _ = np.lib.format.read_magic(stream)
        shape, fortran, dtype = READERS[major](stream, max_header_size=MAX_HEADER)
    except (ValueError, KeyError, TypeError, SyntaxError, MemoryError) as exc:
        raise Invalid(f"the .npy header cannot be read: {exc}") from None
    dtypes.of(dtype)
    return dtype, check_shape(shape, max_elements), bool(fortran)


def header(dtype: np.dtype[Any], shape: tuple[int, ...]) -> bytes:
    """The .npy header for a C-ordered array of this dtype and shape."""
    stream = io.BytesIO()
    fields = {"descr": np.lib.format.dtype_to_descr(dtype), "fortran_order": False, "shape": shape}
    np.lib.format.write_array_header_1_0(stream, fields)
    return stream.getvalue()
