from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exported_attempt_response import ExportedAttemptResponse


T = TypeVar("T", bound="ExportedAttempt")


@_attrs_define
class ExportedAttempt:
    """
    Attributes:
        position (int):
        try_number (int):
        item_id (str):
        response (ExportedAttemptResponse):
        credit (float):
        score (float):
        max_score (float):
        correct (bool):
        misconception (None | str):
        hints_used (int):
        created_at (datetime.datetime):
    """

    position: int
    try_number: int
    item_id: str
    response: ExportedAttemptResponse
    credit: float
    score: float
    max_score: float
    correct: bool
    misconception: None | str
    hints_used: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        position = self.position

        try_number = self.try_number

        item_id = self.item_id

        response = self.response.to_dict()

        credit = self.credit

        score = self.score

        max_score = self.max_score

        correct = self.correct

        misconception: None | str
        misconception = self.misconception

        hints_used = self.hints_used

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "try_number": try_number,
                "item_id": item_id,
                "response": response,
                "credit": credit,
                "score": score,
                "max_score": max_score,
                "correct": correct,
                "misconception": misconception,
                "hints_used": hints_used,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exported_attempt_response import ExportedAttemptResponse  # noqa: PLC0415

        d = dict(src_dict)
        position = d.pop("position")

        try_number = d.pop("try_number")

        item_id = d.pop("item_id")

        response = ExportedAttemptResponse.from_dict(d.pop("response"))

        credit = d.pop("credit")

        score = d.pop("score")

        max_score = d.pop("max_score")

        correct = d.pop("correct")

        def _parse_misconception(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        misconception = _parse_misconception(d.pop("misconception"))

        hints_used = d.pop("hints_used")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        exported_attempt = cls(
            position=position,
            try_number=try_number,
            item_id=item_id,
            response=response,
            credit=credit,
            score=score,
            max_score=max_score,
            correct=correct,
            misconception=misconception,
            hints_used=hints_used,
            created_at=created_at,
        )

        exported_attempt.additional_properties = d
        return exported_attempt

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
