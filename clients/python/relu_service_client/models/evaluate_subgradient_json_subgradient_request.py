from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define

from ..models.evaluate_subgradient_json_subgradient_request_convention_type_0 import (
    EvaluateSubgradientJsonSubgradientRequestConventionType0,
    check_evaluate_subgradient_json_subgradient_request_convention_type_0,
)
from ..models.evaluate_subgradient_json_subgradient_request_dtype import (
    EvaluateSubgradientJsonSubgradientRequestDtype,
    check_evaluate_subgradient_json_subgradient_request_dtype,
)
from ..models.evaluate_subgradient_json_subgradient_request_emulate_type_0 import (
    EvaluateSubgradientJsonSubgradientRequestEmulateType0,
    check_evaluate_subgradient_json_subgradient_request_emulate_type_0,
)
from ..models.evaluate_subgradient_json_subgradient_request_mode import (
    EvaluateSubgradientJsonSubgradientRequestMode,
    check_evaluate_subgradient_json_subgradient_request_mode,
)
from ..models.evaluate_subgradient_json_subgradient_request_x_type_1 import (
    EvaluateSubgradientJsonSubgradientRequestXType1,
    check_evaluate_subgradient_json_subgradient_request_x_type_1,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evaluate_subgradient_json_subgradient_request_params import (
        EvaluateSubgradientJsonSubgradientRequestParams,
    )


T = TypeVar("T", bound="EvaluateSubgradientJsonSubgradientRequest")


@_attrs_define
class EvaluateSubgradientJsonSubgradientRequest:
    """
    Attributes:
        x (EvaluateSubgradientJsonSubgradientRequestXType1 | float | list[Any]): A number or a rectangular nested array
            of numbers, of any rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
        dtype (EvaluateSubgradientJsonSubgradientRequestDtype | Unset): element type of the computation and the output
            Default: 'float64'.
        params (EvaluateSubgradientJsonSubgradientRequestParams | Unset): the function's parameters; defaults where
            omitted
        emulate (EvaluateSubgradientJsonSubgradientRequestEmulateType0 | None | Unset): return what this framework's CPU
            op and its autodiff return, -0.0, flushed subnormals and gradients at NaN included, instead of the exact values
        mode (EvaluateSubgradientJsonSubgradientRequestMode | Unset): point: one subgradient per element; interval: the
            subdifferential [lower, upper]; one_sided: the left and right derivatives Default: 'point'.
        convention (EvaluateSubgradientJsonSubgradientRequestConventionType0 | None | Unset): which subgradient to
            return at a kink (point mode); default pytorch
        at_kink (float | None | Unset): the subgradient to return at every kink; it must lie in each kink's
            subdifferential
    """

    x: EvaluateSubgradientJsonSubgradientRequestXType1 | float | list[Any]
    dtype: EvaluateSubgradientJsonSubgradientRequestDtype | Unset = "float64"
    params: EvaluateSubgradientJsonSubgradientRequestParams | Unset = UNSET
    emulate: EvaluateSubgradientJsonSubgradientRequestEmulateType0 | None | Unset = UNSET
    mode: EvaluateSubgradientJsonSubgradientRequestMode | Unset = "point"
    convention: EvaluateSubgradientJsonSubgradientRequestConventionType0 | None | Unset = UNSET
    at_kink: float | None | Unset = UNSET

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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evaluate_subgradient_json_subgradient_request_params import (
            EvaluateSubgradientJsonSubgradientRequestParams,  # noqa: PLC0415
        )

        d = dict(src_dict)

        def _parse_x(data: object) -> EvaluateSubgradientJsonSubgradientRequestXType1 | float | list[Any]:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                x_type_1 = check_evaluate_subgradient_json_subgradient_request_x_type_1(data)

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
            return cast(EvaluateSubgradientJsonSubgradientRequestXType1 | float | list[Any], data)

        x = _parse_x(d.pop("x"))

        _dtype = d.pop("dtype", UNSET)
        dtype: EvaluateSubgradientJsonSubgradientRequestDtype | Unset
        if isinstance(_dtype, Unset):
            dtype = UNSET
        else:
            dtype = check_evaluate_subgradient_json_subgradient_request_dtype(_dtype)

        _params = d.pop("params", UNSET)
        params: EvaluateSubgradientJsonSubgradientRequestParams | Unset
        if isinstance(_params, Unset):
            params = UNSET
        else:
            params = EvaluateSubgradientJsonSubgradientRequestParams.from_dict(_params)

        def _parse_emulate(data: object) -> EvaluateSubgradientJsonSubgradientRequestEmulateType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                emulate_type_0 = check_evaluate_subgradient_json_subgradient_request_emulate_type_0(data)

                return emulate_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluateSubgradientJsonSubgradientRequestEmulateType0 | None | Unset, data)

        emulate = _parse_emulate(d.pop("emulate", UNSET))

        _mode = d.pop("mode", UNSET)
        mode: EvaluateSubgradientJsonSubgradientRequestMode | Unset
        if isinstance(_mode, Unset):
            mode = UNSET
        else:
            mode = check_evaluate_subgradient_json_subgradient_request_mode(_mode)

        def _parse_convention(data: object) -> EvaluateSubgradientJsonSubgradientRequestConventionType0 | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                convention_type_0 = check_evaluate_subgradient_json_subgradient_request_convention_type_0(data)

                return convention_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EvaluateSubgradientJsonSubgradientRequestConventionType0 | None | Unset, data)

        convention = _parse_convention(d.pop("convention", UNSET))

        def _parse_at_kink(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        at_kink = _parse_at_kink(d.pop("at_kink", UNSET))

        evaluate_subgradient_json_subgradient_request = cls(
            x=x,
            dtype=dtype,
            params=params,
            emulate=emulate,
            mode=mode,
            convention=convention,
            at_kink=at_kink,
        )

        return evaluate_subgradient_json_subgradient_request
