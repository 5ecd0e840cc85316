"""The element types the service reads and writes, with the name each protocol gives them."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

from service.core.errors import Invalid

DType = Literal["float16", "float32", "float64"]


@dataclass(frozen=True)
class ElementType:
    name: DType  # as /v1 and numpy name it
    datatype: str  # as the Open Inference Protocol names it
    numpy: np.dtype[np.floating]  # little-endian, as on the wire


ELEMENT_TYPES = (
    ElementType("float16", "FP16", np.dtype("<f2")),
    ElementType("float32", "FP32", np.dtype("<f4")),
    ElementType("float64", "FP64", np.dtype("<f8")),
)
BY_NAME: dict[DType, ElementType] = {t.name: t for t in ELEMENT_TYPES}
BY_DATATYPE: dict[str, ElementType] = {t.datatype: t for t in ELEMENT_TYPES}


def of(dtype: np.dtype[Any]) -> ElementType:
    """The element type of a numpy dtype of either byte order."""
    for known in ELEMENT_TYPES:
        if known.numpy == dtype.newbyteorder("<"):
            return known
    raise Invalid(f"unsupported dtype {dtype.str!r}; use one of: {', '.join(BY_NAME)}")
