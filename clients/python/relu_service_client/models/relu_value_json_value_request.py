from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.relu_value_json_value_request_dtype import (
    ReluValueJsonValueRequestDtype,
    check_relu_value_json_value_request_dtype,
)
from ..models.relu_value_json_value_request_emulate_type_0 import (
    ReluValueJsonValueRequestEmulateType0,
    check_relu_value_json_value_request_emulate_type_0,
)
from ..models.relu_value_json_value_request_x_type_1 import (
    ReluValueJsonValueRequestXType1,
    check_relu_value_json_value_request_x_type_1,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.relu_value_json_value_request_params import ReluValueJsonValueRequestParams


T = TypeVar("T", bound="ReluValueJsonValueRequest")


@_attrs_define
class ReluValueJsonValueRequest:
    """
    Attributes:
        x (float | list[Any] | ReluValueJsonValueRequestXType1): A number or a rectangular nested array of numbers, of
            any rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
        dtype (ReluValueJsonValueRequestDtype | Unset): element type of the computation and the output Default:
            'float64'.
        params (ReluValueJsonValueRequestParams | Unset): the function's parameters; defaults where omitted
        emulate (None | ReluValueJsonValueRequestEmulateType0 | Unset): return what this framework's CPU op and its
            autodiff return, -0.0, flushed subnormals and gradients at NaN included, instead of the exact values
    """

    x: float | list[Any] | ReluValueJsonValueRequestXType1
    dtype: ReluValueJsonValueRequestDtype | Unset = "float64"
    params: ReluValueJsonValueRequestParams | Unset = UNSET
    emulate: None | ReluValueJsonValueRequestEmulateType0 | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        x: float | list[Any] | str
        if isinstance(self.x, str):
            x = self.x
        elif isinstance(self.x, list):
            x = self.x

        else:
            x = self.x

        dtype: str | Unset = UNSET
        if not isinstance(self.dtype, Unset):
            dtype = self.dtype

        params: dict[str, Any] | Unset = UNSET
        if not isinstance(self.params, Unset):
            params = self.params.to_dict()

        emulate: None | str | Unset
        if isinstance(self.emulate, Unset):
            emulate = UNSET
        elif isinstance(self.emulate, str):
            emulate = self.emulate
        else:
            emulate = self.emulate

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "x": x,
            }
        )
        if dtype is not UNSET:
            field_dict["dtype"] = dtype
        if params is not UNSET:
            field_dict["params"] = params
        if emulate is not UNSET:
            field_dict["emulate"] = emulate

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relu_value_json_value_request_params import ReluValueJsonValueRequestParams  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_x(data: object) -> float | list[Any] | ReluValueJsonValueRequestXType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                x_type_1 = check_relu_value_json_value_request_x_type_1(data)

                return x_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                x_type_2 = cast(list[Any], data)

                return x_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[Any] | ReluValueJsonValueRequestXType1, data)

        x = _parse_x(d.pop("x"))

        _dtype = d.pop("dtype", UNSET)
        dtype: ReluValueJsonValueRequestDtype | Unset
        if isinstance(_dtype, Unset):
            dtype = UNSET
        else:
            dtype = check_relu_value_json_value_request_dtype(_dtype)

        _params = d.pop("params", UNSET)
        params: ReluValueJsonValueRequestParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = ReluValueJsonValueRequestParams.from_dict(_params)

        def _parse_emulate(data: object) -> None | ReluValueJsonValueRequestEmulateType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                emulate_type_0 = check_relu_value_json_value_request_emulate_type_0(data)

                return emulate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReluValueJsonValueRequestEmulateType0 | Unset, data)

        emulate = _parse_emulate(d.pop("emulate", UNSET))

        relu_value_json_value_request = cls(
            x=x,
            dtype=dtype,
            params=params,
            emulate=emulate,
        )

        return relu_value_json_value_request
