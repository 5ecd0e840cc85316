from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.public_item_type import PublicItemType, check_public_item_type
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.graph import Graph
    from ..models.public_choice import PublicChoice
    from ..models.public_function import PublicFunction


T = TypeVar("T", bound="PublicItem")


@_attrs_define
class PublicItem:
    """An item as a learner sees it.

    Attributes:
        item_id (str):
        version (int):
        type_ (PublicItemType): the answer type: the shape of a response and a key
        topics (list[str]):
        difficulty (int):
        stem (str): UTF-8 Markdown with LaTeX between $ signs
        function (None | PublicFunction): the catalogue function the item is about
        position (int):
        choices (list[PublicChoice]):
        graph (Graph | None): the graph of that function, computed on the server, to draw it
        points (float):
        hints (int): how many hints the item offers (POST .../hints)
        length (int | None | Unset): vector items: how many numbers to give
        labels (list[str] | None | Unset): vector items: what each number is, one plain-text label per number
    """

    item_id: str
    version: int
    type_: PublicItemType
    topics: list[str]
    difficulty: int
    stem: str
    function: None | PublicFunction
    position: int
    choices: list[PublicChoice]
    graph: Graph | None
    points: float
    hints: int
    length: int | None | Unset = UNSET
    labels: list[str] | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from ..models.graph import Graph  # noqa: PLC0415
        from ..models.public_function import PublicFunction  # noqa: PLC0415

        item_id = self.item_id

        version = self.version

        type_: str = self.type_

        topics = self.topics

        difficulty = self.difficulty

        stem = self.stem

        function: dict[str, Any] | None
        if isinstance(self.function, PublicFunction):
            function = self.function.to_dict()
        else:
            function = self.function

        position = self.position

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

        hints = self.hints

        length: int | None | Unset
        if isinstance(self.length, Unset):
            length = UNSET
        else:
            length = self.length

        labels: list[str] | None | Unset
        if isinstance(self.labels, Unset):
            labels = UNSET
        elif isinstance(self.labels, list):
            labels = self.labels

        else:
            labels = self.labels

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "item_id": item_id,
                "version": version,
                "type": type_,
                "topics": topics,
                "difficulty": difficulty,
                "stem": stem,
                "function": function,
                "position": position,
                "choices": choices,
                "graph": graph,
                "points": points,
                "hints": hints,
            }
        )
        if length is not UNSET:
            field_dict["length"] = length
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graph import Graph  # noqa: PLC0415
        from ..models.public_choice import PublicChoice  # noqa: PLC0415
        from ..models.public_function import PublicFunction  # noqa: PLC0415

        d = dict(src_dict)
        item_id = d.pop("item_id")

        version = d.pop("version")

        type_ = check_public_item_type(d.pop("type"))

        topics = cast(list[str], d.pop("topics"))

        difficulty = d.pop("difficulty")

        stem = d.pop("stem")

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

        position = d.pop("position")

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

        hints = d.pop("hints")

        def _parse_length(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        length = _parse_length(d.pop("length", UNSET))

        def _parse_labels(data: object) -> list[str] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                labels_type_0 = cast(list[str], data)

                return labels_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[str] | None | Unset, data)

        labels = _parse_labels(d.pop("labels", UNSET))

        public_item = cls(
            item_id=item_id,
            version=version,
            type_=type_,
            topics=topics,
            difficulty=difficulty,
            stem=stem,
            function=function,
            position=position,
            choices=choices,
            graph=graph,
            points=points,
            hints=hints,
            length=length,
            labels=labels,
        )

        public_item.additional_properties = d
        return public_item

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
