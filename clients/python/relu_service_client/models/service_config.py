from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.quiz_defaults import QuizDefaults


T = TypeVar("T", bound="ServiceConfig")


@_attrs_define
class ServiceConfig:
    """
    Attributes:
        exam_mode (bool): the evaluation routes, the inference protocol and the playground are off, so that a learner
            cannot use the service as a calculator during a quiz
        quiz_defaults (QuizDefaults):
    """

    exam_mode: bool
    quiz_defaults: QuizDefaults
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        exam_mode = self.exam_mode

        quiz_defaults = self.quiz_defaults.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "exam_mode": exam_mode,
                "quiz_defaults": quiz_defaults,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.quiz_defaults import QuizDefaults  # noqa: PLC0415

        d = dict(src_dict)
        exam_mode = d.pop("exam_mode")

        quiz_defaults = QuizDefaults.from_dict(d.pop("quiz_defaults"))

        service_config = cls(
            exam_mode=exam_mode,
            quiz_defaults=quiz_defaults,
        )

        service_config.additional_properties = d
        return service_config

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
