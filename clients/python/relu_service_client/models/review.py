from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Review")


@_attrs_define
class Review:
    """
    Attributes:
        item_id (str):
        topics (list[str]):
        due (datetime.datetime):
        reviews (int):
    """

    item_id: str
    topics: list[str]
    due: datetime.datetime
    reviews: int
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        topics = self.topics

        due = self.due.isoformat()

        reviews = self.reviews

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item_id": item_id,
                "topics": topics,
                "due": due,
                "reviews": reviews,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        item_id = d.pop("item_id")

        topics = cast(list[str], d.pop("topics"))

        due = datetime.datetime.fromisoformat(d.pop("due"))

        reviews = d.pop("reviews")

        review = cls(
            item_id=item_id,
            topics=topics,
            due=due,
            reviews=reviews,
        )

        review.additional_properties = d
        return review

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
