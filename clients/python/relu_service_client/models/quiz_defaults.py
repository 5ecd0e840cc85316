from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quiz_defaults_reveal import QuizDefaultsReveal, check_quiz_defaults_reveal

T = TypeVar("T", bound="QuizDefaults")


@_attrs_define
class QuizDefaults:
    """
    Attributes:
        size (int):
        max_tries (int):
        reveal (QuizDefaultsReveal):
        penalty (float):
        hint_penalty (float):
    """

    size: int
    max_tries: int
    reveal: QuizDefaultsReveal
    penalty: float
    hint_penalty: float
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        size = self.size

        max_tries = self.max_tries

        reveal: str = self.reveal

        penalty = self.penalty

        hint_penalty = self.hint_penalty

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "size": size,
                "max_tries": max_tries,
                "reveal": reveal,
                "penalty": penalty,
                "hint_penalty": hint_penalty,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        size = d.pop("size")

        max_tries = d.pop("max_tries")

        reveal = check_quiz_defaults_reveal(d.pop("reveal"))

        penalty = d.pop("penalty")

        hint_penalty = d.pop("hint_penalty")

        quiz_defaults = cls(
            size=size,
            max_tries=max_tries,
            reveal=reveal,
            penalty=penalty,
            hint_penalty=hint_penalty,
        )

        quiz_defaults.additional_properties = d
        return quiz_defaults

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
