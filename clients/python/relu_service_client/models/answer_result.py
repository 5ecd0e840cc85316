from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evidence import Evidence
    from ..models.graph import Graph
    from ..models.interval_response import IntervalResponse
    from ..models.multiple_choice_response import MultipleChoiceResponse
    from ..models.numeric_response import NumericResponse
    from ..models.one_sided_pair_response import OneSidedPairResponse
    from ..models.point_set_response import PointSetResponse
    from ..models.single_choice_response import SingleChoiceResponse
    from ..models.true_false_response import TrueFalseResponse
    from ..models.vector_response import VectorResponse


T = TypeVar("T", bound="AnswerResult")


@_attrs_define
class AnswerResult:
    """
    Attributes:
        position (int):
        correct (bool):
        credit (float): what this response earns before penalties, 0 to 1
        score (float): the item's score: its best try after penalties
        max_score (float):
        feedback (str): feedback written for this response once the policy reveals; before that, the verdict or the
            misconception in general words
        misconception (None | str):
        misconception_title (None | str): the misconception's title (GET /v1/misconceptions); null when none
        tries_left (int):
        hints_used (int):
        explanation (None | str | Unset): when the reveal policy allows
        key (IntervalResponse | MultipleChoiceResponse | None | NumericResponse | OneSidedPairResponse |
            PointSetResponse | SingleChoiceResponse | TrueFalseResponse | Unset | VectorResponse): the item's key, in the
            shape of a response; when the policy allows
        evidence (Evidence | None | Unset): when the reveal policy allows
        subgradient_graph (Graph | None | Unset): the graph of f' and the subdifferential, when the policy allows
    """

    position: int
    correct: bool
    credit: float
    score: float
    max_score: float
    feedback: str
    misconception: None | str
    misconception_title: None | str
    tries_left: int
    hints_used: int
    explanation: None | str | Unset = UNSET
    key: (
        IntervalResponse
        | MultipleChoiceResponse
        | None
        | NumericResponse
        | OneSidedPairResponse
        | PointSetResponse
        | SingleChoiceResponse
        | TrueFalseResponse
        | Unset
        | VectorResponse
    ) = UNSET
    evidence: Evidence | None | Unset = UNSET
    subgradient_graph: Graph | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.evidence import Evidence  # noqa: PLC0415
        from ..models.graph import Graph  # noqa: PLC0415
        from ..models.interval_response import IntervalResponse  # noqa: PLC0415
        from ..models.multiple_choice_response import MultipleChoiceResponse  # noqa: PLC0415
        from ..models.numeric_response import NumericResponse  # noqa: PLC0415
        from ..models.one_sided_pair_response import OneSidedPairResponse  # noqa: PLC0415
        from ..models.point_set_response import PointSetResponse  # noqa: PLC0415
        from ..models.single_choice_response import SingleChoiceResponse  # noqa: PLC0415
        from ..models.true_false_response import TrueFalseResponse  # noqa: PLC0415
        from ..models.vector_response import VectorResponse  # noqa: PLC0415

        position = self.position

        correct = self.correct

        credit = self.credit

        score = self.score

        max_score = self.max_score

        feedback = self.feedback

        misconception: None | str
        misconception = self.misconception

        misconception_title: None | str
        misconception_title = self.misconception_title

        tries_left = self.tries_left

        hints_used = self.hints_used

        explanation: None | str | Unset
        if isinstance(self.explanation, Unset):
            explanation = UNSET
        else:
            explanation = self.explanation

        key: dict[str, Any] | None | Unset
        if isinstance(self.key, Unset):
            key = UNSET
        elif isinstance(self.key, SingleChoiceResponse):
            key = self.key.to_dict()
        elif isinstance(self.key, MultipleChoiceResponse):
            key = self.key.to_dict()
        elif isinstance(self.key, TrueFalseResponse):
            key = self.key.to_dict()
        elif isinstance(self.key, NumericResponse):
            key = self.key.to_dict()
        elif isinstance(self.key, IntervalResponse):
            key = self.key.to_dict()
        elif isinstance(self.key, PointSetResponse):
            key = self.key.to_dict()
        elif isinstance(self.key, OneSidedPairResponse):
            key = self.key.to_dict()
        elif isinstance(self.key, VectorResponse):
            key = self.key.to_dict()
        else:
            key = self.key

        evidence: dict[str, Any] | None | Unset
        if isinstance(self.evidence, Unset):
            evidence = UNSET
        elif isinstance(self.evidence, Evidence):
            evidence = self.evidence.to_dict()
        else:
            evidence = self.evidence

        subgradient_graph: dict[str, Any] | None | Unset
        if isinstance(self.subgradient_graph, Unset):
            subgradient_graph = UNSET
        elif isinstance(self.subgradient_graph, Graph):
            subgradient_graph = self.subgradient_graph.to_dict()
        else:
            subgradient_graph = self.subgradient_graph

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "position": position,
                "correct": correct,
                "credit": credit,
                "score": score,
                "max_score": max_score,
                "feedback": feedback,
                "misconception": misconception,
                "misconception_title": misconception_title,
                "tries_left": tries_left,
                "hints_used": hints_used,
            }
        )
        if explanation is not UNSET:
            field_dict["explanation"] = explanation
        if key is not UNSET:
            field_dict["key"] = key
        if evidence is not UNSET:
            field_dict["evidence"] = evidence
        if subgradient_graph is not UNSET:
            field_dict["subgradient_graph"] = subgradient_graph

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.evidence import Evidence  # noqa: PLC0415
        from ..models.graph import Graph  # noqa: PLC0415
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

        correct = d.pop("correct")

        credit = d.pop("credit")

        score = d.pop("score")

        max_score = d.pop("max_score")

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

        tries_left = d.pop("tries_left")

        hints_used = d.pop("hints_used")

        def _parse_explanation(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        explanation = _parse_explanation(d.pop("explanation", UNSET))

        def _parse_key(
            data: object,
        ) -> (
            IntervalResponse
            | MultipleChoiceResponse
            | None
            | NumericResponse
            | OneSidedPairResponse
            | PointSetResponse
            | SingleChoiceResponse
            | TrueFalseResponse
            | Unset
            | VectorResponse
        ):
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                key_type_0_type_0 = SingleChoiceResponse.from_dict(data)

                return key_type_0_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                key_type_0_type_1 = MultipleChoiceResponse.from_dict(data)

                return key_type_0_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                key_type_0_type_2 = TrueFalseResponse.from_dict(data)

                return key_type_0_type_2
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                key_type_0_type_3 = NumericResponse.from_dict(data)

                return key_type_0_type_3
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                key_type_0_type_4 = IntervalResponse.from_dict(data)

                return key_type_0_type_4
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                key_type_0_type_5 = PointSetResponse.from_dict(data)

                return key_type_0_type_5
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                key_type_0_type_6 = OneSidedPairResponse.from_dict(data)

                return key_type_0_type_6
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                key_type_0_type_7 = VectorResponse.from_dict(data)

                return key_type_0_type_7
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(
                IntervalResponse
                | MultipleChoiceResponse
                | None
                | NumericResponse
                | OneSidedPairResponse
                | PointSetResponse
                | SingleChoiceResponse
                | TrueFalseResponse
                | Unset
                | VectorResponse,
                data,
            )

        key = _parse_key(d.pop("key", UNSET))

        def _parse_evidence(data: object) -> Evidence | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                evidence_type_0 = Evidence.from_dict(data)

                return evidence_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Evidence | None | Unset, data)

        evidence = _parse_evidence(d.pop("evidence", UNSET))

        def _parse_subgradient_graph(data: object) -> Graph | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                subgradient_graph_type_0 = Graph.from_dict(data)

                return subgradient_graph_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Graph | None | Unset, data)

        subgradient_graph = _parse_subgradient_graph(d.pop("subgradient_graph", UNSET))

        answer_result = cls(
            position=position,
            correct=correct,
            credit=credit,
            score=score,
            max_score=max_score,
            feedback=feedback,
            misconception=misconception,
            misconception_title=misconception_title,
            tries_left=tries_left,
            hints_used=hints_used,
            explanation=explanation,
            key=key,
            evidence=evidence,
            subgradient_graph=subgradient_graph,
        )

        answer_result.additional_properties = d
        return answer_result

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
