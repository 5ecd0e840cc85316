from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="OneSidedPairResponse")


@_attrs_define
class OneSidedPairResponse:
    """
    Attributes:
        type_ (Literal['one_sided_pair']):
        left (float | None): the left-hand value; null: does not exist
        right (float | None): the right-hand value; null: does not exist
    """

    type_: Literal["one_sided_pair"]
    left: float | None
    right: float | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        left: float | None
        left = self.left

        right: float | None
        right = self.right

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "left": left,
                "right": right,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["one_sided_pair"], d.pop("type"))
        if type_ != "one_sided_pair":
            raise ValueError(f"type must match const 'one_sided_pair', got '{type_}'")

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

        one_sided_pair_response = cls(
            type_=type_,
            left=left,
            right=right,
        )

        one_sided_pair_response.additional_properties = d
        return one_sided_pair_response

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
