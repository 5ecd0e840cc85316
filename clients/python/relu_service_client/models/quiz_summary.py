from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quiz_summary_reveal import QuizSummaryReveal, check_quiz_summary_reveal

if TYPE_CHECKING:
    from ..models.item_state import ItemState
    from ..models.topic_score import TopicScore


T = TypeVar("T", bound="QuizSummary")


@_attrs_define
class QuizSummary:
    """
    Attributes:
        max_tries (int):
        reveal (QuizSummaryReveal):
        penalty (float): share of an item's points lost per wrong try
        hint_penalty (float): share of an item's points lost per hint
        id (str):
        total (float):
        maximum (float):
        fraction (float):
        finished_at (datetime.datetime):
        topics (list[TopicScore]):
        items (list[ItemState]):
    """

    max_tries: int
    reveal: QuizSummaryReveal
    penalty: float
    hint_penalty: float
    id: str
    total: float
    maximum: float
    fraction: float
    finished_at: datetime.datetime
    topics: list[TopicScore]
    items: list[ItemState]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_tries = self.max_tries

        reveal: str = self.reveal

        penalty = self.penalty

        hint_penalty = self.hint_penalty

        id = self.id

        total = self.total

        maximum = self.maximum

        fraction = self.fraction

        finished_at = self.finished_at.isoformat()

        topics = []
        for topics_item_data in self.topics:
            topics_item = topics_item_data.to_dict()
            topics.append(topics_item)

        items = []
        for items_item_data in self.items:
            items_item = items_item_data.to_dict()
            items.append(items_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "max_tries": max_tries,
                "reveal": reveal,
                "penalty": penalty,
                "hint_penalty": hint_penalty,
                "id": id,
                "total": total,
                "maximum": maximum,
                "fraction": fraction,
                "finished_at": finished_at,
                "topics": topics,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_state import ItemState  # noqa: PLC0415
        from ..models.topic_score import TopicScore  # noqa: PLC0415

        d = dict(src_dict)
        max_tries = d.pop("max_tries")

        reveal = check_quiz_summary_reveal(d.pop("reveal"))

        penalty = d.pop("penalty")

        hint_penalty = d.pop("hint_penalty")

        id = d.pop("id")

        total = d.pop("total")

        maximum = d.pop("maximum")

        fraction = d.pop("fraction")

        finished_at = datetime.datetime.fromisoformat(d.pop("finished_at"))

        topics = []
        _topics = d.pop("topics")
        for topics_item_data in _topics:
            topics_item = TopicScore.from_dict(topics_item_data)

            topics.append(topics_item)

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ItemState.from_dict(items_item_data)

            items.append(items_item)

        quiz_summary = cls(
            max_tries=max_tries,
            reveal=reveal,
            penalty=penalty,
            hint_penalty=hint_penalty,
            id=id,
            total=total,
            maximum=maximum,
            fraction=fraction,
            finished_at=finished_at,
            topics=topics,
            items=items,
        )

        quiz_summary.additional_properties = d
        return quiz_summary

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
