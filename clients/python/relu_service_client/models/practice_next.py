from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.practice_next_reason import PracticeNextReason, check_practice_next_reason

if TYPE_CHECKING:
    from ..models.public_item import PublicItem


T = TypeVar("T", bound="PracticeNext")


@_attrs_define
class PracticeNext:
    """
    Attributes:
        item (PublicItem): An item as a learner sees it.
        reason (PracticeNextReason): why this item: a review that is due, a misconception the learner has shown, a
            misconception not yet tested (diagnostic), or practice at the learner's level
        topic (str): the topic whose ability chose the item
    """

    item: PublicItem
    reason: PracticeNextReason
    topic: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item = self.item.to_dict()

        reason: str = self.reason

        topic = self.topic

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item": item,
                "reason": reason,
                "topic": topic,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_item import PublicItem  # noqa: PLC0415

        d = dict(src_dict)
        item = PublicItem.from_dict(d.pop("item"))

        reason = check_practice_next_reason(d.pop("reason"))

        topic = d.pop("topic")

        practice_next = cls(
            item=item,
            reason=reason,
            topic=topic,
        )

        practice_next.additional_properties = d
        return practice_next

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
