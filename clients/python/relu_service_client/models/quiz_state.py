from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.quiz_state_reveal import QuizStateReveal, check_quiz_state_reveal
from ..models.quiz_state_status import QuizStateStatus, check_quiz_state_status

if TYPE_CHECKING:
    from ..models.item_state import ItemState


T = TypeVar("T", bound="QuizState")


@_attrs_define
class QuizState:
    """
    Attributes:
        max_tries (int):
        reveal (QuizStateReveal):
        penalty (float): share of an item's points lost per wrong try
        hint_penalty (float): share of an item's points lost per hint
        id (str):
        status (QuizStateStatus):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        finished_at (datetime.datetime | None):
        score (float):
        max_score (float):
        items (list[ItemState]):
    """

    max_tries: int
    reveal: QuizStateReveal
    penalty: float
    hint_penalty: float
    id: str
    status: QuizStateStatus
    created_at: datetime.datetime
    expires_at: datetime.datetime
    finished_at: datetime.datetime | None
    score: float
    max_score: float
    items: list[ItemState]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        max_tries = self.max_tries

        reveal: str = self.reveal

        penalty = self.penalty

        hint_penalty = self.hint_penalty

        id = self.id

        status: str = self.status

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        score = self.score

        max_score = self.max_score

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
                "status": status,
                "created_at": created_at,
                "expires_at": expires_at,
                "finished_at": finished_at,
                "score": score,
                "max_score": max_score,
                "items": items,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.item_state import ItemState  # noqa: PLC0415

        d = dict(src_dict)
        max_tries = d.pop("max_tries")

        reveal = check_quiz_state_reveal(d.pop("reveal"))

        penalty = d.pop("penalty")

        hint_penalty = d.pop("hint_penalty")

        id = d.pop("id")

        status = check_quiz_state_status(d.pop("status"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        score = d.pop("score")

        max_score = d.pop("max_score")

        items = []
        _items = d.pop("items")
        for items_item_data in _items:
            items_item = ItemState.from_dict(items_item_data)

            items.append(items_item)

        quiz_state = cls(
            max_tries=max_tries,
            reveal=reveal,
            penalty=penalty,
            hint_penalty=hint_penalty,
            id=id,
            status=status,
            created_at=created_at,
            expires_at=expires_at,
            finished_at=finished_at,
            score=score,
            max_score=max_score,
            items=items,
        )

        quiz_state.additional_properties = d
        return quiz_state

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
