from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quiz_created_reveal import QuizCreatedReveal, check_quiz_created_reveal

if TYPE_CHECKING:
    from ..models.public_item import PublicItem


T = TypeVar("T", bound="QuizCreated")


@_attrs_define
class QuizCreated:
    """
    Attributes:
        max_tries (int):
        reveal (QuizCreatedReveal):
        penalty (float): share of an item's points lost per wrong try
        hint_penalty (float): share of an item's points lost per hint
        id (str):
        token (str): send as Authorization: Bearer <token> on every quiz call
        expires_at (datetime.datetime):
        seed (int | None): the seed that drew the items; null for a learner's quiz in exam mode
        items (list[PublicItem]):
    """

    max_tries: int
    reveal: QuizCreatedReveal
    penalty: float
    hint_penalty: float
    id: str
    token: str
    expires_at: datetime.datetime
    seed: int | None
    items: list[PublicItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_tries = self.max_tries

        reveal: str = self.reveal

        penalty = self.penalty

        hint_penalty = self.hint_penalty

        id = self.id

        token = self.token

        expires_at = self.expires_at.isoformat()

        seed: int | None
        seed = self.seed

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
                "token": token,
                "expires_at": expires_at,
                "seed": seed,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_item import PublicItem  # noqa: PLC0415

        d = dict(src_dict)
        max_tries = d.pop("max_tries")

        reveal = check_quiz_created_reveal(d.pop("reveal"))

        penalty = d.pop("penalty")

        hint_penalty = d.pop("hint_penalty")

        id = d.pop("id")

        token = d.pop("token")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_seed(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        seed = _parse_seed(d.pop("seed"))

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = PublicItem.from_dict(items_item_data)

            items.append(items_item)

        quiz_created = cls(
            max_tries=max_tries,
            reveal=reveal,
            penalty=penalty,
            hint_penalty=hint_penalty,
            id=id,
            token=token,
            expires_at=expires_at,
            seed=seed,
            items=items,
        )

        quiz_created.additional_properties = d
        return quiz_created

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
