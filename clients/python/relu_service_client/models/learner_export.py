from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.exported_quiz import ExportedQuiz
    from ..models.progress import Progress


T = TypeVar("T", bound="LearnerExport")


@_attrs_define
class LearnerExport:
    """
    Attributes:
        id (str):
        created_at (datetime.datetime):
        answers (int):
        progress (Progress):
        quizzes (list[ExportedQuiz]):
    """

    id: str
    created_at: datetime.datetime
    answers: int
    progress: Progress
    quizzes: list[ExportedQuiz]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        created_at = self.created_at.isoformat()

        answers = self.answers

        progress = self.progress.to_dict()

        quizzes = []
        for quizzes_item_data in self.quizzes:
            quizzes_item = quizzes_item_data.to_dict()
            quizzes.append(quizzes_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "created_at": created_at,
                "answers": answers,
                "progress": progress,
                "quizzes": quizzes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.exported_quiz import ExportedQuiz  # noqa: PLC0415
        from ..models.progress import Progress  # noqa: PLC0415

        d = dict(src_dict)
        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        answers = d.pop("answers")

        progress = Progress.from_dict(d.pop("progress"))

        quizzes = []
        _quizzes = d.pop("quizzes")
        for quizzes_item_data in _quizzes:
            quizzes_item = ExportedQuiz.from_dict(quizzes_item_data)

            quizzes.append(quizzes_item)

        learner_export = cls(
            id=id,
            created_at=created_at,
            answers=answers,
            progress=progress,
            quizzes=quizzes,
        )

        learner_export.additional_properties = d
        return learner_export

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
