from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quotient import Quotient


T = TypeVar("T", bound="Evidence")


@_attrs_define
class Evidence:
    """
    Attributes:
        x (float):
        quotients (list[Quotient]): (f(x) - f(x - h)) / h and (f(x + h) - f(x)) / h; null where not finite
    """

    x: float
    quotients: list[Quotient]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        x = self.x

        quotients = []
        for quotients_item_data in self.quotients:
            quotients_item = quotients_item_data.to_dict()
            quotients.append(quotients_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "x": x,
                "quotients": quotients,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quotient import Quotient  # noqa: PLC0415

        d = dict(src_dict)
        x = d.pop("x")

        quotients = []
        _quotients = d.pop("quotients")
        for quotients_item_data in _quotients:
            quotients_item = Quotient.from_dict(quotients_item_data)

            quotients.append(quotients_item)

        evidence = cls(
            x=x,
            quotients=quotients,
        )

        evidence.additional_properties = d
        return evidence

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
