from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.topic_progress_mastery import TopicProgressMastery, check_topic_progress_mastery

T = TypeVar("T", bound="TopicProgress")


@_attrs_define
class TopicProgress:
    """
    Attributes:
        topic (str):
        title (str):
        ability (float): the ability estimate (logits; 0 is an average item)
        error (float): its standard error
        answers (int): first tries counted
        mastery (TopicProgressMastery):
    """

    topic: str
    title: str
    ability: float
    error: float
    answers: int
    mastery: TopicProgressMastery
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        topic = self.topic

        title = self.title

        ability = self.ability

        error = self.error

        answers = self.answers

        mastery: str = self.mastery

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "topic": topic,
                "title": title,
                "ability": ability,
                "error": error,
                "answers": answers,
                "mastery": mastery,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        topic = d.pop("topic")

        title = d.pop("title")

        ability = d.pop("ability")

        error = d.pop("error")

        answers = d.pop("answers")

        mastery = check_topic_progress_mastery(d.pop("mastery"))

        topic_progress = cls(
            topic=topic,
            title=title,
            ability=ability,
            error=error,
            answers=answers,
            mastery=mastery,
        )

        topic_progress.additional_properties = d
        return topic_progress

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
