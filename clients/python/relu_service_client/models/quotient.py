from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Quotient")


@_attrs_define
class Quotient:
    """
    Attributes:
        h (float):
        left (float | None):
        right (float | None):
    """

    h: float
    left: float | None
    right: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        h = self.h

        left: float | None
        left = self.left

        right: float | None
        right = self.right

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "h": h,
                "left": left,
                "right": right,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        h = d.pop("h")

        def _parse_left(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        left = _parse_left(d.pop("left"))

        def _parse_right(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        right = _parse_right(d.pop("right"))

        quotient = cls(
            h=h,
            left=left,
            right=right,
        )

        quotient.additional_properties = d
        return quotient

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
