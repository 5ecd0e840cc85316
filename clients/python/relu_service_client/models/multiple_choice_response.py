from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MultipleChoiceResponse")


@_attrs_define
class MultipleChoiceResponse:
    """
    Attributes:
        type_ (Literal['multiple_choice']):
        choices (list[str]): ids of the item's choices, each at most once
    """

    type_: Literal["multiple_choice"]
    choices: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        choices = self.choices

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "choices": choices,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        type_ = cast(Literal["multiple_choice"], d.pop("type"))
        if type_ != "multiple_choice":
            raise ValueError(f"type must match const 'multiple_choice', got '{type_}'")

        choices = cast(list[str], d.pop("choices"))

        multiple_choice_response = cls(
            type_=type_,
            choices=choices,
        )

        multiple_choice_response.additional_properties = d
        return multiple_choice_response

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
