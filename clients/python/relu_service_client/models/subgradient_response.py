from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.subgradient_response_convention_type_0 import (
    SubgradientResponseConventionType0,
    check_subgradient_response_convention_type_0,
)
from ..models.subgradient_response_dtype import SubgradientResponseDtype, check_subgradient_response_dtype
from ..models.subgradient_response_left_type_1 import (
    SubgradientResponseLeftType1,
    check_subgradient_response_left_type_1,
)
from ..models.subgradient_response_lower_type_1 import (
    SubgradientResponseLowerType1,
    check_subgradient_response_lower_type_1,
)
from ..models.subgradient_response_mode import SubgradientResponseMode, check_subgradient_response_mode
from ..models.subgradient_response_right_type_1 import (
    SubgradientResponseRightType1,
    check_subgradient_response_right_type_1,
)
from ..models.subgradient_response_subgradient_type_1 import (
    SubgradientResponseSubgradientType1,
    check_subgradient_response_subgradient_type_1,
)
from ..models.subgradient_response_upper_type_1 import (
    SubgradientResponseUpperType1,
    check_subgradient_response_upper_type_1,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.subgradient_response_params import SubgradientResponseParams


T = TypeVar("T", bound="SubgradientResponse")


@_attrs_define
class SubgradientResponse:
    """
    Attributes:
        function (str):
        params (SubgradientResponseParams):
        dtype (SubgradientResponseDtype):
        shape (list[int]):
        mode (SubgradientResponseMode):
        convention (None | SubgradientResponseConventionType0 | Unset): point mode: the convention used
        at_kink (float | None | Unset): point mode: the explicit value used
        subgradient (float | list[Any] | SubgradientResponseSubgradientType1 | Unset): A number or a rectangular nested
            array of numbers, of any rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
        lower (float | list[Any] | SubgradientResponseLowerType1 | Unset): A number or a rectangular nested array of
            numbers, of any rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
        upper (float | list[Any] | SubgradientResponseUpperType1 | Unset): A number or a rectangular nested array of
            numbers, of any rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
        left (float | list[Any] | SubgradientResponseLeftType1 | Unset): A number or a rectangular nested array of
            numbers, of any rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
        right (float | list[Any] | SubgradientResponseRightType1 | Unset): A number or a rectangular nested array of
            numbers, of any rank up to 32. Non-finite values are the strings "NaN", "Infinity" and "-Infinity".
    """

    function: str
    params: SubgradientResponseParams
    dtype: SubgradientResponseDtype
    shape: list[int]
    mode: SubgradientResponseMode
    convention: None | SubgradientResponseConventionType0 | Unset = UNSET
    at_kink: float | None | Unset = UNSET
    subgradient: float | list[Any] | SubgradientResponseSubgradientType1 | Unset = UNSET
    lower: float | list[Any] | SubgradientResponseLowerType1 | Unset = UNSET
    upper: float | list[Any] | SubgradientResponseUpperType1 | Unset = UNSET
    left: float | list[Any] | SubgradientResponseLeftType1 | Unset = UNSET
    right: float | list[Any] | SubgradientResponseRightType1 | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        function = self.function

        params = self.params.to_dict()

        dtype: str = self.dtype

        shape = self.shape

        mode: str = self.mode

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

        subgradient: float | list[Any] | str | Unset
        if isinstance(self.subgradient, Unset):
            subgradient = UNSET
        elif isinstance(self.subgradient, str):
            subgradient = self.subgradient
        elif isinstance(self.subgradient, list):
            subgradient = self.subgradient

        else:
            subgradient = self.subgradient

        lower: float | list[Any] | str | Unset
        if isinstance(self.lower, Unset):
            lower = UNSET
        elif isinstance(self.lower, str):
            lower = self.lower
        elif isinstance(self.lower, list):
            lower = self.lower

        else:
            lower = self.lower

        upper: float | list[Any] | str | Unset
        if isinstance(self.upper, Unset):
            upper = UNSET
        elif isinstance(self.upper, str):
            upper = self.upper
        elif isinstance(self.upper, list):
            upper = self.upper

        else:
            upper = self.upper

        left: float | list[Any] | str | Unset
        if isinstance(self.left, Unset):
            left = UNSET
        elif isinstance(self.left, str):
            left = self.left
        elif isinstance(self.left, list):
            left = self.left

        else:
            left = self.left

        right: float | list[Any] | str | Unset
        if isinstance(self.right, Unset):
            right = UNSET
        elif isinstance(self.right, str):
            right = self.right
        elif isinstance(self.right, list):
            right = self.right

        else:
            right = self.right

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "function": function,
                "params": params,
                "dtype": dtype,
                "shape": shape,
                "mode": mode,
            }
        )
        if convention is not UNSET:
            field_dict["convention"] = convention
        if at_kink is not UNSET:
            field_dict["at_kink"] = at_kink
        if subgradient is not UNSET:
            field_dict["subgradient"] = subgradient
        if lower is not UNSET:
            field_dict["lower"] = lower
        if upper is not UNSET:
            field_dict["upper"] = upper
        if left is not UNSET:
            field_dict["left"] = left
        if right is not UNSET:
            field_dict["right"] = right

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subgradient_response_params import SubgradientResponseParams  # noqa: PLC0415

        d = dict(src_dict)
        function = d.pop("function")

        params = SubgradientResponseParams.from_dict(d.pop("params"))

        dtype = check_subgradient_response_dtype(d.pop("dtype"))

        shape = cast(list[int], d.pop("shape"))

        mode = check_subgradient_response_mode(d.pop("mode"))

        def _parse_convention(data: object) -> None | SubgradientResponseConventionType0 | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                convention_type_0 = check_subgradient_response_convention_type_0(data)

                return convention_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | SubgradientResponseConventionType0 | Unset, data)

        convention = _parse_convention(d.pop("convention", UNSET))

        def _parse_at_kink(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        at_kink = _parse_at_kink(d.pop("at_kink", UNSET))

        def _parse_subgradient(data: object) -> float | list[Any] | SubgradientResponseSubgradientType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                subgradient_type_1 = check_subgradient_response_subgradient_type_1(data)

                return subgradient_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                subgradient_type_2 = cast(list[Any], data)

                return subgradient_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[Any] | SubgradientResponseSubgradientType1 | Unset, data)

        subgradient = _parse_subgradient(d.pop("subgradient", UNSET))

        def _parse_lower(data: object) -> float | list[Any] | SubgradientResponseLowerType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                lower_type_1 = check_subgradient_response_lower_type_1(data)

                return lower_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                lower_type_2 = cast(list[Any], data)

                return lower_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[Any] | SubgradientResponseLowerType1 | Unset, data)

        lower = _parse_lower(d.pop("lower", UNSET))

        def _parse_upper(data: object) -> float | list[Any] | SubgradientResponseUpperType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                upper_type_1 = check_subgradient_response_upper_type_1(data)

                return upper_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                upper_type_2 = cast(list[Any], data)

                return upper_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[Any] | SubgradientResponseUpperType1 | Unset, data)

        upper = _parse_upper(d.pop("upper", UNSET))

        def _parse_left(data: object) -> float | list[Any] | SubgradientResponseLeftType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                left_type_1 = check_subgradient_response_left_type_1(data)

                return left_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                left_type_2 = cast(list[Any], data)

                return left_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[Any] | SubgradientResponseLeftType1 | Unset, data)

        left = _parse_left(d.pop("left", UNSET))

        def _parse_right(data: object) -> float | list[Any] | SubgradientResponseRightType1 | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                right_type_1 = check_subgradient_response_right_type_1(data)

                return right_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, list):
                    raise TypeError()
                right_type_2 = cast(list[Any], data)

                return right_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(float | list[Any] | SubgradientResponseRightType1 | Unset, data)

        right = _parse_right(d.pop("right", UNSET))

        subgradient_response = cls(
            function=function,
            params=params,
            dtype=dtype,
            shape=shape,
            mode=mode,
            convention=convention,
            at_kink=at_kink,
            subgradient=subgradient,
            lower=lower,
            upper=upper,
            left=left,
            right=right,
        )

        subgradient_response.additional_properties = d
        return subgradient_response

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
