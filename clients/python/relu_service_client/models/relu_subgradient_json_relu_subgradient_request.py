from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.relu_subgradient_json_relu_subgradient_request_convention_type_0 import (
    ReluSubgradientJsonReluSubgradientRequestConventionType0,
    check_relu_subgradient_json_relu_subgradient_request_convention_type_0,
)
from ..models.relu_subgradient_json_relu_subgradient_request_dtype import (
    ReluSubgradientJsonReluSubgradientRequestDtype,
    check_relu_subgradient_json_relu_subgradient_request_dtype,
)
from ..models.relu_subgradient_json_relu_subgradient_request_emulate_type_0 import (
    ReluSubgradientJsonReluSubgradientRequestEmulateType0,
    check_relu_subgradient_json_relu_subgradient_request_emulate_type_0,
)
from ..models.relu_subgradient_json_relu_subgradient_request_mode import (
    ReluSubgradientJsonReluSubgradientRequestMode,
    check_relu_subgradient_json_relu_subgradient_request_mode,
)
from ..models.relu_subgradient_json_relu_subgradient_request_x_type_1 import (
    ReluSubgradientJsonReluSubgradientRequestXType1,
    check_relu_subgradient_json_relu_subgradient_request_x_type_1,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.relu_subgradient_json_relu_subgradient_request_params import (
        ReluSubgradientJsonReluSubgradientRequestParams,
    )


T = TypeVar("T", bound="ReluSubgradientJsonReluSubgradientRequest")


@_attrs_define
class ReluSubgradientJsonReluSubgradientRequest:
    """
    Attributes:
        x (float | list[Any] | ReluSubgradientJsonReluSubgradientRequestXType1): A number or a rectangular nested array
            of numbers, of any rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
        dtype (ReluSubgradientJsonReluSubgradientRequestDtype | Unset): element type of the computation and the output
            Default: 'float64'.
        params (ReluSubgradientJsonReluSubgradientRequestParams | Unset): the function's parameters; defaults where
            omitted
        emulate (None | ReluSubgradientJsonReluSubgradientRequestEmulateType0 | Unset): return what this framework's CPU
            op and its autodiff return, -0.0, flushed subnormals and gradients at NaN included, instead of the exact values
        mode (ReluSubgradientJsonReluSubgradientRequestMode | Unset): point: one subgradient per element; interval: the
            subdifferential [lower, upper]; one_sided: the left and right derivatives Default: 'point'.
        convention (None | ReluSubgradientJsonReluSubgradientRequestConventionType0 | Unset): which subgradient to
            return at a kink (point mode); default pytorch
        at_kink (float | None | Unset): the subgradient to return at every kink; it must lie in each kink's
            subdifferential
        at_zero (float | None | Unset): alias of at_kink: relu'(0) to use, in [0, 1]
    """

    x: float | list[Any] | ReluSubgradientJsonReluSubgradientRequestXType1
    dtype: ReluSubgradientJsonReluSubgradientRequestDtype | Unset = "float64"
    params: ReluSubgradientJsonReluSubgradientRequestParams | Unset = UNSET
    emulate: None | ReluSubgradientJsonReluSubgradientRequestEmulateType0 | Unset = UNSET
    mode: ReluSubgradientJsonReluSubgradientRequestMode | Unset = "point"
    convention: None | ReluSubgradientJsonReluSubgradientRequestConventionType0 | Unset = UNSET
    at_kink: float | None | Unset = UNSET
    at_zero: float | None | Unset = UNSET

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

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        convention: None | str | Unset
        if isinstance(self.convention, Unset):
            convention = UNSET
        elif isinstance(self.convention, str):
            convention = self.convention
        else:
            convention = self.convention

        at_kink: float | None | Unset
        if isinstance(self.at_kink, Unset):
            at_kink = UNSET
        else:
            at_kink = self.at_kink

        at_zero: float | None | Unset
        if isinstance(self.at_zero, Unset):
            at_zero = UNSET
        else:
            at_zero = self.at_zero

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
        if mode is not UNSET:
            field_dict["mode"] = mode
        if convention is not UNSET:
            field_dict["convention"] = convention
        if at_kink is not UNSET:
            field_dict["at_kink"] = at_kink
        if at_zero is not UNSET:
            field_dict["at_zero"] = at_zero

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.relu_subgradient_json_relu_subgradient_request_params import (
            ReluSubgradientJsonReluSubgradientRequestParams,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_x(data: object) -> float | list[Any] | ReluSubgradientJsonReluSubgradientRequestXType1:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                x_type_1 = check_relu_subgradient_json_relu_subgradient_request_x_type_1(data)

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
            return cast(float | list[Any] | ReluSubgradientJsonReluSubgradientRequestXType1, data)

        x = _parse_x(d.pop("x"))

        _dtype = d.pop("dtype", UNSET)
        dtype: ReluSubgradientJsonReluSubgradientRequestDtype | Unset
        if isinstance(_dtype, Unset):
            dtype = UNSET
        else:
            dtype = check_relu_subgradient_json_relu_subgradient_request_dtype(_dtype)

        _params = d.pop("params", UNSET)
        params: ReluSubgradientJsonReluSubgradientRequestParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = ReluSubgradientJsonReluSubgradientRequestParams.from_dict(_params)

        def _parse_emulate(data: object) -> None | ReluSubgradientJsonReluSubgradientRequestEmulateType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                emulate_type_0 = check_relu_subgradient_json_relu_subgradient_request_emulate_type_0(data)

                return emulate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReluSubgradientJsonReluSubgradientRequestEmulateType0 | Unset, data)

        emulate = _parse_emulate(d.pop("emulate", UNSET))

        _mode = d.pop("mode", UNSET)
        mode: ReluSubgradientJsonReluSubgradientRequestMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_relu_subgradient_json_relu_subgradient_request_mode(_mode)

        def _parse_convention(data: object) -> None | ReluSubgradientJsonReluSubgradientRequestConventionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                convention_type_0 = check_relu_subgradient_json_relu_subgradient_request_convention_type_0(data)

                return convention_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | ReluSubgradientJsonReluSubgradientRequestConventionType0 | Unset, data)

        convention = _parse_convention(d.pop("convention", UNSET))

        def _parse_at_kink(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        at_kink = _parse_at_kink(d.pop("at_kink", UNSET))

        def _parse_at_zero(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        at_zero = _parse_at_zero(d.pop("at_zero", UNSET))

        relu_subgradient_json_relu_subgradient_request = cls(
            x=x,
            dtype=dtype,
            params=params,
            emulate=emulate,
            mode=mode,
            convention=convention,
            at_kink=at_kink,
            at_zero=at_zero,
        )

        return relu_subgradient_json_relu_subgradient_request
