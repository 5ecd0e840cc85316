from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define

if TYPE_CHECKING:
    from ..models.interval_response import IntervalResponse
    from ..models.multiple_choice_response import MultipleChoiceResponse
    from ..models.numeric_response import NumericResponse
    from ..models.one_sided_pair_response import OneSidedPairResponse
    from ..models.point_set_response import PointSetResponse
    from ..models.single_choice_response import SingleChoiceResponse
    from ..models.true_false_response import TrueFalseResponse
    from ..models.vector_response import VectorResponse


T = TypeVar("T", bound="AnswerSubmit")


@_attrs_define
class AnswerSubmit:
    """
    Attributes:
        position (int):
        response (IntervalResponse | MultipleChoiceResponse | NumericResponse | OneSidedPairResponse | PointSetResponse
            | SingleChoiceResponse | TrueFalseResponse | VectorResponse): a response of the item's answer type; its `type`
            may be left out (the item's own is then taken), and one that differs from the item's is refused
    """

    position: int
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

    def to_dict(self) -> dict[str, Any]:
        from ..models.interval_response import IntervalResponse  # noqa: PLC0415
        from ..models.multiple_choice_response import MultipleChoiceResponse  # noqa: PLC0415
        from ..models.numeric_response import NumericResponse  # noqa: PLC0415
        from ..models.one_sided_pair_response import OneSidedPairResponse  # noqa: PLC0415
        from ..models.point_set_response import PointSetResponse  # noqa: PLC0415
        from ..models.single_choice_response import SingleChoiceResponse  # noqa: PLC0415
        from ..models.true_false_response import TrueFalseResponse  # noqa: PLC0415

        position = self.position

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

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "position": position,
                "response": response,
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
        position = d.pop("position")

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

        answer_submit = cls(
            position=position,
            response=response,
        )

        return answer_submit
