from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.public_function_params import PublicFunctionParams


T = TypeVar("T", bound="PublicFunction")


@_attrs_define
class PublicFunction:
    """
    Attributes:
        name (str):
        title (str):
        formula (str):
        params (PublicFunctionParams):
    """

    name: str
    title: str
    formula: str
    params: PublicFunctionParams
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        title = self.title

        formula = self.formula

        params = self.params.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "title": title,
                "formula": formula,
                "params": params,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_function_params import PublicFunctionParams  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name")

        title = d.pop("title")

        formula = d.pop("formula")

        params = PublicFunctionParams.from_dict(d.pop("params"))

        public_function = cls(
            name=name,
            title=title,
            formula=formula,
            params=params,
        )

        public_function.additional_properties = d
        return public_function

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
