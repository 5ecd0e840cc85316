"""The .npy header: read safely, checked before allocation, written as numpy writes it."""

from __future__ import annotations

import io

import numpy as np
import pytest

from service.core.errors import Invalid
from service.wire import npy


def test_npy_header_round_trip_with_numpy() -> None:
    buffer = io.BytesIO()
    np.save(buffer, np.zeros((3, 4), dtype="<f2"))
    data = buffer.getvalue()
    length = npy.header_length(data[:12])
    dtype, shape, fortran = npy.parse_header(data[:length], 100)
    assert (dtype, shape, fortran) == (np.dtype("<f2"), (3, 4), False)
    assert npy.header(np.dtype("<f2"), (3, 4)) == data[:length]


def test_npy_header_refuses_other_versions_and_dtypes() -> None:
    with pytest.raises(Invalid, match="version"):
        npy.header_length(b"\x93NUMPY\x07\x00" + b"\x00" * 4)
    buffer = io.BytesIO()
    np.save(buffer, np.zeros(2, dtype=np.complex64))
    data = buffer.getvalue()
    with pytest.raises(Invalid, match="unsupported dtype"):
        npy.parse_header(data[: npy.header_length(data[:12])], 100)


def _npy_with_shape(shape: str) -> bytes:
    text = f"{{'descr': '<f4', 'fortran_order': False, 'shape': {shape}, }}".encode()
    text += b" " * (63 - (10 + len(text)) % 64) + b"\n"
    return b"\x93NUMPY\x01\x00" + len(text).to_bytes(2, "little") + text


@pytest.mark.parametrize(
    "shape", ["(-1,)", "(-2, -2)", "(0, 100000000000000000000)", "(" + "1," * 65 + ")", "(True,)"]
)
def test_hostile_npy_shapes_are_refused(shape: str) -> None:
    header = _npy_with_shape(shape)
    with pytest.raises(Invalid):
        npy.parse_header(header[: npy.header_length(header[:12])], 1000)
