from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="PracticeCreate")


@_attrs_define
class PracticeCreate:
    """
    Attributes:
        topics (list[str] | None | Unset): practise only these topics (default: all)
        misconceptions (list[str] | None | Unset): practise only items that target these misconceptions
    """

    topics: list[str] | None | Unset = UNSET
    misconceptions: list[str] | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        topics: list[str] | None | Unset
        if isinstance(self.topics, Unset):
            topics = UNSET
        elif isinstance(self.topics, list):
            topics = self.topics

        else:
            topics = self.topics

        misconceptions: list[str] | None | Unset
        if isinstance(self.misconceptions, Unset):
            misconceptions = UNSET
        elif isinstance(self.misconceptions, list):
            misconceptions = self.misconceptions

        else:
            misconceptions = self.misconceptions

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if topics is not UNSET:
            field_dict["topics"] = topics
        if misconceptions is not UNSET:
            field_dict["misconceptions"] = misconceptions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_topics(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                topics_type_0 = cast(list[str], data)

                return topics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        topics = _parse_topics(d.pop("topics", UNSET))

        def _parse_misconceptions(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                misconceptions_type_0 = cast(list[str], data)

                return misconceptions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        misconceptions = _parse_misconceptions(d.pop("misconceptions", UNSET))

        practice_create = cls(
            topics=topics,
            misconceptions=misconceptions,
        )

        return practice_create
