from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_state_type_type_0 import ItemStateTypeType0, check_item_state_type_type_0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.evidence import Evidence
    from ..models.graded_try import GradedTry
    from ..models.graph import Graph
    from ..models.interval_response import IntervalResponse
    from ..models.multiple_choice_response import MultipleChoiceResponse
    from ..models.numeric_response import NumericResponse
    from ..models.one_sided_pair_response import OneSidedPairResponse
    from ..models.point_set_response import PointSetResponse
    from ..models.public_choice import PublicChoice
    from ..models.public_function import PublicFunction
    from ..models.public_hint import PublicHint
    from ..models.single_choice_response import SingleChoiceResponse
    from ..models.true_false_response import TrueFalseResponse
    from ..models.vector_response import VectorResponse


T = TypeVar("T", bound="ItemState")


@_attrs_define
class ItemState:
    """An item of a quiz as it stands: what creation showed of it, enough to draw it again,
    its tries so far and, when the reveal policy allows, its key and explanation.

        Attributes:
            position (int):
            item_id (str):
            version (int):
            type_ (ItemStateTypeType0 | None): the item's answer type; null only for an item the bank has changed since the
                quiz began
            topics (list[str]):
            difficulty (int | None): null only for an item the bank has changed since the quiz began
            stem (None | str): UTF-8 Markdown with LaTeX between $ signs; null only for an item the bank has changed since
                the quiz began
            function (None | PublicFunction): the catalogue function the item is about
            choices (list[PublicChoice]): in the order the quiz shows them
            graph (Graph | None): the graph of that function, to draw it
            points (float):
            hints_offered (int): how many hints the item offers (POST .../hints)
            length (int | None): vector items: how many numbers to give
            labels (list[str] | None): vector items: what each number is
            answered (bool):
            tries_used (int):
            tries_left (int):
            correct (bool | None): whether the last try was right
            score (float | None): the best try's score after penalties
            max_score (float):
            hints_used (int):
            hints (list[PublicHint]): the hints taken so far
            tries (list[GradedTry]): the tries so far, in order (none shown for an item the bank has changed)
            explanation (None | str | Unset): when the reveal policy allows
            key (IntervalResponse | MultipleChoiceResponse | None | NumericResponse | OneSidedPairResponse |
                PointSetResponse | SingleChoiceResponse | TrueFalseResponse | Unset | VectorResponse): the item's key, in the
                shape of a response; when the policy allows
            evidence (Evidence | None | Unset): when the reveal policy allows
            subgradient_graph (Graph | None | Unset): the graph of f' and the subdifferential, when the policy allows
    """

    position: int
    item_id: str
    version: int
    type_: ItemStateTypeType0 | None
    topics: list[str]
    difficulty: int | None
    stem: None | str
    function: None | PublicFunction
    choices: list[PublicChoice]
    graph: Graph | None
    points: float
    hints_offered: int
    length: int | None
    labels: list[str] | None
    answered: bool
    tries_used: int
    tries_left: int
    correct: bool | None
    score: float | None
    max_score: float
    hints_used: int
    hints: list[PublicHint]
    tries: list[GradedTry]
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
        from ..models.public_function import PublicFunction  # noqa: PLC0415
        from ..models.single_choice_response import SingleChoiceResponse  # noqa: PLC0415
        from ..models.true_false_response import TrueFalseResponse  # noqa: PLC0415
        from ..models.vector_response import VectorResponse  # noqa: PLC0415

        position = self.position

        item_id = self.item_id

        version = self.version

        type_: None | str
        if isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        topics = self.topics

        difficulty: int | None
        difficulty = self.difficulty

        stem: None | str
        stem = self.stem

        function: dict[str, Any] | None
        if isinstance(self.function, PublicFunction):
            function = self.function.to_dict()
        else:
            function = self.function

        choices = []
        for choices_item_data in self.choices:
            choices_item = choices_item_data.to_dict()
            choices.append(choices_item)

        graph: dict[str, Any] | None
        if isinstance(self.graph, Graph):
            graph = self.graph.to_dict()
        else:
            graph = self.graph

        points = self.points

        hints_offered = self.hints_offered

        length: int | None
        length = self.length

        labels: list[str] | None
        if isinstance(self.labels, list):
            labels = self.labels

        else:
            labels = self.labels

        answered = self.answered

        tries_used = self.tries_used

        tries_left = self.tries_left

        correct: bool | None
        correct = self.correct

        score: float | None
        score = self.score

        max_score = self.max_score

        hints_used = self.hints_used

        hints = []
        for hints_item_data in self.hints:
            hints_item = hints_item_data.to_dict()
            hints.append(hints_item)

        tries = []
        for tries_item_data in self.tries:
            tries_item = tries_item_data.to_dict()
            tries.append(tries_item)

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
                "item_id": item_id,
                "version": version,
                "type": type_,
                "topics": topics,
                "difficulty": difficulty,
                "stem": stem,
                "function": function,
                "choices": choices,
                "graph": graph,
                "points": points,
                "hints_offered": hints_offered,
                "length": length,
                "labels": labels,
                "answered": answered,
                "tries_used": tries_used,
                "tries_left": tries_left,
                "correct": correct,
                "score": score,
                "max_score": max_score,
                "hints_used": hints_used,
                "hints": hints,
                "tries": tries,
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
        from ..models.graded_try import GradedTry  # noqa: PLC0415
        from ..models.graph import Graph  # noqa: PLC0415
        from ..models.interval_response import IntervalResponse  # noqa: PLC0415
        from ..models.multiple_choice_response import MultipleChoiceResponse  # noqa: PLC0415
        from ..models.numeric_response import NumericResponse  # noqa: PLC0415
        from ..models.one_sided_pair_response import OneSidedPairResponse  # noqa: PLC0415
        from ..models.point_set_response import PointSetResponse  # noqa: PLC0415
        from ..models.public_choice import PublicChoice  # noqa: PLC0415
        from ..models.public_function import PublicFunction  # noqa: PLC0415
        from ..models.public_hint import PublicHint  # noqa: PLC0415
        from ..models.single_choice_response import SingleChoiceResponse  # noqa: PLC0415
        from ..models.true_false_response import TrueFalseResponse  # noqa: PLC0415
        from ..models.vector_response import VectorResponse  # noqa: PLC0415

        d = dict(src_dict)
        position = d.pop("position")

        item_id = d.pop("item_id")

        version = d.pop("version")

        def _parse_type_(data: object) -> ItemStateTypeType0 | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                type_type_0 = check_item_state_type_type_0(data)

                return type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(ItemStateTypeType0 | None, data)

        type_ = _parse_type_(d.pop("type"))

        topics = cast(list[str], d.pop("topics"))

        def _parse_difficulty(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        difficulty = _parse_difficulty(d.pop("difficulty"))

        def _parse_stem(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        stem = _parse_stem(d.pop("stem"))

        def _parse_function(data: object) -> None | PublicFunction:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                function_type_0 = PublicFunction.from_dict(data)

                return function_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PublicFunction, data)

        function = _parse_function(d.pop("function"))

        choices = []
        _choices = d.pop("choices")
        for choices_item_data in _choices:
            choices_item = PublicChoice.from_dict(choices_item_data)

            choices.append(choices_item)

        def _parse_graph(data: object) -> Graph | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                graph_type_0 = Graph.from_dict(data)

                return graph_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Graph | None, data)

        graph = _parse_graph(d.pop("graph"))

        points = d.pop("points")

        hints_offered = d.pop("hints_offered")

        def _parse_length(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        length = _parse_length(d.pop("length"))

        def _parse_labels(data: object) -> list[str] | None:
            if data is None:
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                labels_type_0 = cast(list[str], data)

                return labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None, data)

        labels = _parse_labels(d.pop("labels"))

        answered = d.pop("answered")

        tries_used = d.pop("tries_used")

        tries_left = d.pop("tries_left")

        def _parse_correct(data: object) -> bool | None:
            if data is None:
                return data
            return cast(bool | None, data)

        correct = _parse_correct(d.pop("correct"))

        def _parse_score(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        score = _parse_score(d.pop("score"))

        max_score = d.pop("max_score")

        hints_used = d.pop("hints_used")

        hints = []
        _hints = d.pop("hints")
        for hints_item_data in _hints:
            hints_item = PublicHint.from_dict(hints_item_data)

            hints.append(hints_item)

        tries = []
        _tries = d.pop("tries")
        for tries_item_data in _tries:
            tries_item = GradedTry.from_dict(tries_item_data)

            tries.append(tries_item)

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

        item_state = cls(
            position=position,
            item_id=item_id,
            version=version,
            type_=type_,
            topics=topics,
            difficulty=difficulty,
            stem=stem,
            function=function,
            choices=choices,
            graph=graph,
            points=points,
            hints_offered=hints_offered,
            length=length,
            labels=labels,
            answered=answered,
            tries_used=tries_used,
            tries_left=tries_left,
            correct=correct,
            score=score,
            max_score=max_score,
            hints_used=hints_used,
            hints=hints,
            tries=tries,
            explanation=explanation,
            key=key,
            evidence=evidence,
            subgradient_graph=subgradient_graph,
        )

        item_state.additional_properties = d
        return item_state

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
