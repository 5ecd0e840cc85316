from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="NumericResponse")


@_attrs_define
class NumericResponse:
    """
    Attributes:
        type_ (Literal['numeric']):
        value (float | None | Unset): a finite number; omit it with dne
        dne (bool | None | Unset): true: "does not exist" (then no value)
    """

    type_: Literal["numeric"]
    value: float | None | Unset = UNSET
    dne: bool | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        value: float | None | Unset
        if isinstance(self.value, Unset):
            value = UNSET
        else:
            value = self.value

        dne: bool | None | Unset
        if isinstance(self.dne, Unset):
            dne = UNSET
        else:
            dne = self.dne

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
            }
        )
        if value is not UNSET:
            field_dict["value"] = value
        if dne is not UNSET:
            field_dict["dne"] = dne

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["numeric"], d.pop("type"))
        if type_ != "numeric":
            raise ValueError(f"type must match const 'numeric', got '{type_}'")

        def _parse_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        value = _parse_value(d.pop("value", UNSET))

        def _parse_dne(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        dne = _parse_dne(d.pop("dne", UNSET))

        numeric_response = cls(
            type_=type_,
            value=value,
            dne=dne,
        )

        numeric_response.additional_properties = d
        return numeric_response

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
