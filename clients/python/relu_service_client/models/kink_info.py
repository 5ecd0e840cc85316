from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.kink_info_conventions import KinkInfoConventions


T = TypeVar("T", bound="KinkInfo")


@_attrs_define
class KinkInfo:
    """
    Attributes:
        x (float):
        value (float):
        left_limit (float):
        right_limit (float):
        left_derivative (float | None): null where it does not exist
        right_derivative (float | None): null where it does not exist
        continuous (bool):
        differentiable (bool):
        subdifferential (list[float] | None): [lower, upper]; null where the function is not continuous
        conventions (KinkInfoConventions): the subgradient each convention returns here; null where none applies
        note (str):
    """

    x: float
    value: float
    left_limit: float
    right_limit: float
    left_derivative: float | None
    right_derivative: float | None
    continuous: bool
    differentiable: bool
    subdifferential: list[float] | None
    conventions: KinkInfoConventions
    note: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        value = self.value

        left_limit = self.left_limit

        right_limit = self.right_limit

        left_derivative: float | None
        left_derivative = self.left_derivative

        right_derivative: float | None
        right_derivative = self.right_derivative

        continuous = self.continuous

        differentiable = self.differentiable

        subdifferential: list[float] | None
        if isinstance(self.subdifferential, list):
            subdifferential = []
            for subdifferential_type_0_item_data in self.subdifferential:
                subdifferential_type_0_item: float
                subdifferential_type_0_item = subdifferential_type_0_item_data
                subdifferential.append(subdifferential_type_0_item)

        else:
            subdifferential = self.subdifferential

        conventions = self.conventions.to_dict()

        note = self.note

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "x": x,
                "value": value,
                "left_limit": left_limit,
                "right_limit": right_limit,
                "left_derivative": left_derivative,
                "right_derivative": right_derivative,
                "continuous": continuous,
                "differentiable": differentiable,
                "subdifferential": subdifferential,
                "conventions": conventions,
                "note": note,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.kink_info_conventions import KinkInfoConventions  # noqa: PLC0415

        d = dict(src_dict)
        x = d.pop("x")

        value = d.pop("value")

        left_limit = d.pop("left_limit")

        right_limit = d.pop("right_limit")

        def _parse_left_derivative(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        left_derivative = _parse_left_derivative(d.pop("left_derivative"))

        def _parse_right_derivative(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        right_derivative = _parse_right_derivative(d.pop("right_derivative"))

        continuous = d.pop("continuous")

        differentiable = d.pop("differentiable")

        def _parse_subdifferential(data: object) -> list[float] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                subdifferential_type_0 = []
                _subdifferential_type_0 = data
                for subdifferential_type_0_item_data in _subdifferential_type_0:

                    def _parse_subdifferential_type_0_item(data: object) -> float:
                        return cast(float, data)

                    subdifferential_type_0_item = _parse_subdifferential_type_0_item(subdifferential_type_0_item_data)

                    subdifferential_type_0.append(subdifferential_type_0_item)

                return subdifferential_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[float] | None, data)

        subdifferential = _parse_subdifferential(d.pop("subdifferential"))

        conventions = KinkInfoConventions.from_dict(d.pop("conventions"))

        note = d.pop("note")

        kink_info = cls(
            x=x,
            value=value,
            left_limit=left_limit,
            right_limit=right_limit,
            left_derivative=left_derivative,
            right_derivative=right_derivative,
            continuous=continuous,
            differentiable=differentiable,
            subdifferential=subdifferential,
            conventions=conventions,
            note=note,
        )

        kink_info.additional_properties = d
        return kink_info

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
