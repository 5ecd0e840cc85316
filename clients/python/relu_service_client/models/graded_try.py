from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.interval_response import IntervalResponse
    from ..models.multiple_choice_response import MultipleChoiceResponse
    from ..models.numeric_response import NumericResponse
    from ..models.one_sided_pair_response import OneSidedPairResponse
    from ..models.point_set_response import PointSetResponse
    from ..models.single_choice_response import SingleChoiceResponse
    from ..models.true_false_response import TrueFalseResponse
    from ..models.vector_response import VectorResponse


T = TypeVar("T", bound="GradedTry")


@_attrs_define
class GradedTry:
    """One try at an item, as its grading showed it; the feedback follows the reveal policy as
    the item and the quiz stand now.

        Attributes:
            number (int): 1 for the item's first try
            response (IntervalResponse | MultipleChoiceResponse | NumericResponse | OneSidedPairResponse | PointSetResponse
                | SingleChoiceResponse | TrueFalseResponse | VectorResponse): the response, as the server read it
            correct (bool):
            credit (float): what this response earns before penalties, 0 to 1
            score (float): this try's score, after its penalties, times the points
            feedback (str): feedback written for this response once the policy reveals; before that, the verdict or the
                misconception in general words
            misconception (None | str):
            misconception_title (None | str): the misconception's title (GET /v1/misconceptions); null when none
    """

    number: int
    response: (
        IntervalResponse
        | MultipleChoiceResponse
        | NumericResponse
        | OneSidedPairResponse
        | PointSetResponse
        | SingleChoiceResponse
        | TrueFalseResponse
        | VectorResponse
    )
    correct: bool
    credit: float
    score: float
    feedback: str
    misconception: None | str
    misconception_title: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.interval_response import IntervalResponse  # noqa: PLC0415
        from ..models.multiple_choice_response import MultipleChoiceResponse  # noqa: PLC0415
        from ..models.numeric_response import NumericResponse  # noqa: PLC0415
        from ..models.one_sided_pair_response import OneSidedPairResponse  # noqa: PLC0415
        from ..models.point_set_response import PointSetResponse  # noqa: PLC0415
        from ..models.single_choice_response import SingleChoiceResponse  # noqa: PLC0415
        from ..models.true_false_response import TrueFalseResponse  # noqa: PLC0415

        number = self.number

        response: dict[str, Any]
        if isinstance(self.response, SingleChoiceResponse):
            response = self.response.to_dict()
        elif isinstance(self.response, MultipleChoiceResponse):
            response = self.response.to_dict()
        elif isinstance(self.response, TrueFalseResponse):
            response = self.response.to_dict()
        elif isinstance(self.response, NumericResponse):
            response = self.response.to_dict()
        elif isinstance(self.response, IntervalResponse):
            response = self.response.to_dict()
        elif isinstance(self.response, PointSetResponse):
            response = self.response.to_dict()
        elif isinstance(self.response, OneSidedPairResponse):
            response = self.response.to_dict()
        else:
            response = self.response.to_dict()

        correct = self.correct

        credit = self.credit

        score = self.score

        feedback = self.feedback

        misconception: None | str
        misconception = self.misconception

        misconception_title: None | str
        misconception_title = self.misconception_title

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
                "response": response,
                "correct": correct,
                "credit": credit,
                "score": score,
                "feedback": feedback,
                "misconception": misconception,
                "misconception_title": misconception_title,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.interval_response import IntervalResponse  # noqa: PLC0415
        from ..models.multiple_choice_response import MultipleChoiceResponse  # noqa: PLC0415
        from ..models.numeric_response import NumericResponse  # noqa: PLC0415
        from ..models.one_sided_pair_response import OneSidedPairResponse  # noqa: PLC0415
        from ..models.point_set_response import PointSetResponse  # noqa: PLC0415
        from ..models.single_choice_response import SingleChoiceResponse  # noqa: PLC0415
        from ..models.true_false_response import TrueFalseResponse  # noqa: PLC0415
        from ..models.vector_response import VectorResponse  # noqa: PLC0415

        d = dict(src_dict)
        number = d.pop("number")

        def _parse_response(
            data: object,
        ) -> (
            IntervalResponse
            | MultipleChoiceResponse
            | NumericResponse
            | OneSidedPairResponse
            | PointSetResponse
            | SingleChoiceResponse
            | TrueFalseResponse
            | VectorResponse
        ):
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_0 = SingleChoiceResponse.from_dict(data)

                return response_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_1 = MultipleChoiceResponse.from_dict(data)

                return response_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_2 = TrueFalseResponse.from_dict(data)

                return response_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_3 = NumericResponse.from_dict(data)

                return response_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_4 = IntervalResponse.from_dict(data)

                return response_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_5 = PointSetResponse.from_dict(data)

                return response_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                response_type_6 = OneSidedPairResponse.from_dict(data)

                return response_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, dict):
                raise TypeError()
            response_type_7 = VectorResponse.from_dict(data)

            return response_type_7

        response = _parse_response(d.pop("response"))

        correct = d.pop("correct")

        credit = d.pop("credit")

        score = d.pop("score")

        feedback = d.pop("feedback")

        def _parse_misconception(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        misconception = _parse_misconception(d.pop("misconception"))

        def _parse_misconception_title(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        misconception_title = _parse_misconception_title(d.pop("misconception_title"))

        graded_try = cls(
            number=number,
            response=response,
            correct=correct,
            credit=credit,
            score=score,
            feedback=feedback,
            misconception=misconception,
            misconception_title=misconception_title,
        )

        graded_try.additional_properties = d
        return graded_try

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
