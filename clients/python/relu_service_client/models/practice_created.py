from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.practice_created_reveal import PracticeCreatedReveal, check_practice_created_reveal

T = TypeVar("T", bound="PracticeCreated")


@_attrs_define
class PracticeCreated:
    """
    Attributes:
        max_tries (int):
        reveal (PracticeCreatedReveal):
        penalty (float): share of an item's points lost per wrong try
        hint_penalty (float): share of an item's points lost per hint
        id (str): the session's id: answers and hints go to /v1/quizzes/{id}
        token (str): the session's bearer token, as a quiz's
        expires_at (datetime.datetime):
        topics (list[str] | None):
        misconceptions (list[str] | None):
    """

    max_tries: int
    reveal: PracticeCreatedReveal
    penalty: float
    hint_penalty: float
    id: str
    token: str
    expires_at: datetime.datetime
    topics: list[str] | None
    misconceptions: list[str] | None
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_tries = self.max_tries

        reveal: str = self.reveal

        penalty = self.penalty

        hint_penalty = self.hint_penalty

        id = self.id

        token = self.token

        expires_at = self.expires_at.isoformat()

        topics: list[str] | None
        if isinstance(self.topics, list):
            topics = self.topics

        else:
            topics = self.topics

        misconceptions: list[str] | None
        if isinstance(self.misconceptions, list):
            misconceptions = self.misconceptions

        else:
            misconceptions = self.misconceptions

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "max_tries": max_tries,
                "reveal": reveal,
                "penalty": penalty,
                "hint_penalty": hint_penalty,
                "id": id,
                "token": token,
                "expires_at": expires_at,
                "topics": topics,
                "misconceptions": misconceptions,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        max_tries = d.pop("max_tries")

        reveal = check_practice_created_reveal(d.pop("reveal"))

        penalty = d.pop("penalty")

        hint_penalty = d.pop("hint_penalty")

        id = d.pop("id")

        token = d.pop("token")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_topics(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                topics_type_0 = cast(list[str], data)

                return topics_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        topics = _parse_topics(d.pop("topics"))

        def _parse_misconceptions(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                misconceptions_type_0 = cast(list[str], data)

                return misconceptions_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        misconceptions = _parse_misconceptions(d.pop("misconceptions"))

        practice_created = cls(
            max_tries=max_tries,
            reveal=reveal,
            penalty=penalty,
            hint_penalty=hint_penalty,
            id=id,
            token=token,
            expires_at=expires_at,
            topics=topics,
            misconceptions=misconceptions,
        )

        practice_created.additional_properties = d
        return practice_created

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
