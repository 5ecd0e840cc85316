from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.grade_status import GradeStatus, check_grade_status

T = TypeVar("T", bound="Grade")


@_attrs_define
class Grade:
    """A score owed to a platform, and how publishing it went.

    Attributes:
        quiz_id (str):
        issuer (str):
        deployment_id (str):
        user_id (str): the learner as the platform names them (sub)
        lineitem (str):
        score_given (float):
        score_maximum (float):
        status (GradeStatus): pending (being sent or retried), sent, or failed (retries used up, or a refusal that
            retrying cannot change; POST .../retry sends it again)
        attempts (int):
        last_error (None | str):
        next_attempt_at (datetime.datetime | None):
        updated_at (datetime.datetime):
    """

    quiz_id: str
    issuer: str
    deployment_id: str
    user_id: str
    lineitem: str
    score_given: float
    score_maximum: float
    status: GradeStatus
    attempts: int
    last_error: None | str
    next_attempt_at: datetime.datetime | None
    updated_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        quiz_id = self.quiz_id

        issuer = self.issuer

        deployment_id = self.deployment_id

        user_id = self.user_id

        lineitem = self.lineitem

        score_given = self.score_given

        score_maximum = self.score_maximum

        status: str = self.status

        attempts = self.attempts

        last_error: None | str
        last_error = self.last_error

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        updated_at = self.updated_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "quiz_id": quiz_id,
                "issuer": issuer,
                "deployment_id": deployment_id,
                "user_id": user_id,
                "lineitem": lineitem,
                "score_given": score_given,
                "score_maximum": score_maximum,
                "status": status,
                "attempts": attempts,
                "last_error": last_error,
                "next_attempt_at": next_attempt_at,
                "updated_at": updated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quiz_id = d.pop("quiz_id")

        issuer = d.pop("issuer")

        deployment_id = d.pop("deployment_id")

        user_id = d.pop("user_id")

        lineitem = d.pop("lineitem")

        score_given = d.pop("score_given")

        score_maximum = d.pop("score_maximum")

        status = check_grade_status(d.pop("status"))

        attempts = d.pop("attempts")

        def _parse_last_error(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        last_error = _parse_last_error(d.pop("last_error"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))

        grade = cls(
            quiz_id=quiz_id,
            issuer=issuer,
            deployment_id=deployment_id,
            user_id=user_id,
            lineitem=lineitem,
            score_given=score_given,
            score_maximum=score_maximum,
            status=status,
            attempts=attempts,
            last_error=last_error,
            next_attempt_at=next_attempt_at,
            updated_at=updated_at,
        )

        grade.additional_properties = d
        return grade

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
