"""One table of element types serves both protocols."""

from __future__ import annotations

import numpy as np
import pytest

from service.core.errors import Invalid
from service.wire import dtypes


@pytest.mark.parametrize("element", dtypes.ELEMENT_TYPES, ids=lambda e: e.name)
def test_each_element_type_is_one_row_for_both_protocols(element: dtypes.ElementType) -> None:
    assert element.numpy == np.dtype(element.name).newbyteorder("<")
    assert element.datatype == f"FP{element.numpy.itemsize * 8}"
    assert dtypes.BY_NAME[element.name] is dtypes.BY_DATATYPE[element.datatype] is element


def test_either_byte_order_is_the_same_element_type() -> None:
    assert dtypes.of(np.dtype(">f4")).name == "float32"
    assert dtypes.of(np.dtype("<f8")).datatype == "FP64"


@pytest.mark.parametrize("dtype", ["int8", "complex64", "bool", ">i4"])
def test_other_dtypes_are_refused_with_the_ones_that_serve(dtype: str) -> None:
    with pytest.raises(Invalid, match="float16, float32, float64"):
        dtypes.of(np.dtype(dtype))
