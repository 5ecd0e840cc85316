from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="ParamInfo")


@_attrs_define
class ParamInfo:
    """
    Attributes:
        name (str):
        default (float):
        description (str):
        minimum (float | None):
        maximum (float | None):
        exclusive_minimum (bool):
        exclusive_maximum (bool):
        range_ (str):
    """

    name: str
    default: float
    description: str
    minimum: float | None
    maximum: float | None
    exclusive_minimum: bool
    exclusive_maximum: bool
    range_: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        default = self.default

        description = self.description

        minimum: float | None
        minimum = self.minimum

        maximum: float | None
        maximum = self.maximum

        exclusive_minimum = self.exclusive_minimum

        exclusive_maximum = self.exclusive_maximum

        range_ = self.range_

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "default": default,
                "description": description,
                "minimum": minimum,
                "maximum": maximum,
                "exclusive_minimum": exclusive_minimum,
                "exclusive_maximum": exclusive_maximum,
                "range": range_,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        default = d.pop("default")

        description = d.pop("description")

        def _parse_minimum(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        minimum = _parse_minimum(d.pop("minimum"))

        def _parse_maximum(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        maximum = _parse_maximum(d.pop("maximum"))

        exclusive_minimum = d.pop("exclusive_minimum")

        exclusive_maximum = d.pop("exclusive_maximum")

        range_ = d.pop("range")

        param_info = cls(
            name=name,
            default=default,
            description=description,
            minimum=minimum,
            maximum=maximum,
            exclusive_minimum=exclusive_minimum,
            exclusive_maximum=exclusive_maximum,
            range_=range_,
        )

        param_info.additional_properties = d
        return param_info

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
