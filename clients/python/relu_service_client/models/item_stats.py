from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.misconception_count import MisconceptionCount


T = TypeVar("T", bound="ItemStats")


@_attrs_define
class ItemStats:
    """
    Attributes:
        item_id (str):
        answers (int):
        quizzes (int):
        facility (float | None): mean score fraction of the items' final answers
        discrimination (float | None): correlation of the item's score with the rest of the quiz's; null under 3 quizzes
        misconceptions (list[MisconceptionCount]):
    """

    item_id: str
    answers: int
    quizzes: int
    facility: float | None
    discrimination: float | None
    misconceptions: list[MisconceptionCount]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        item_id = self.item_id

        answers = self.answers

        quizzes = self.quizzes

        facility: float | None
        facility = self.facility

        discrimination: float | None
        discrimination = self.discrimination

        misconceptions = []
        for misconceptions_item_data in self.misconceptions:
            misconceptions_item = misconceptions_item_data.to_dict()
            misconceptions.append(misconceptions_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item_id": item_id,
                "answers": answers,
                "quizzes": quizzes,
                "facility": facility,
                "discrimination": discrimination,
                "misconceptions": misconceptions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.misconception_count import MisconceptionCount  # noqa: PLC0415

        d = dict(src_dict)
        item_id = d.pop("item_id")

        answers = d.pop("answers")

        quizzes = d.pop("quizzes")

        def _parse_facility(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        facility = _parse_facility(d.pop("facility"))

        def _parse_discrimination(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        discrimination = _parse_discrimination(d.pop("discrimination"))

        misconceptions = []
        _misconceptions = d.pop("misconceptions")
        for misconceptions_item_data in _misconceptions:
            misconceptions_item = MisconceptionCount.from_dict(misconceptions_item_data)

            misconceptions.append(misconceptions_item)

        item_stats = cls(
            item_id=item_id,
            answers=answers,
            quizzes=quizzes,
            facility=facility,
            discrimination=discrimination,
            misconceptions=misconceptions,
        )

        item_stats.additional_properties = d
        return item_stats

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
