from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="IntervalResponse")


@_attrs_define
class IntervalResponse:
    """
    Attributes:
        type_ (Literal['interval']):
        lower (float):
        upper (float): at least lower
        lower_closed (bool | Unset):  Default: True.
        upper_closed (bool | Unset):  Default: True.
    """

    type_: Literal["interval"]
    lower: float
    upper: float
    lower_closed: bool | Unset = True
    upper_closed: bool | Unset = True
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        lower = self.lower

        upper = self.upper

        lower_closed = self.lower_closed

        upper_closed = self.upper_closed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "lower": lower,
                "upper": upper,
            }
        )
        if lower_closed is not UNSET:
            field_dict["lower_closed"] = lower_closed
        if upper_closed is not UNSET:
            field_dict["upper_closed"] = upper_closed

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["interval"], d.pop("type"))
        if type_ != "interval":
            raise ValueError(f"type must match const 'interval', got '{type_}'")

        lower = d.pop("lower")

        upper = d.pop("upper")

        lower_closed = d.pop("lower_closed", UNSET)

        upper_closed = d.pop("upper_closed", UNSET)

        interval_response = cls(
            type_=type_,
            lower=lower,
            upper=upper,
            lower_closed=lower_closed,
            upper_closed=upper_closed,
        )

        interval_response.additional_properties = d
        return interval_response

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
