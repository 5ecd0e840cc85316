from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.graph import Graph


T = TypeVar("T", bound="FunctionGraphs")


@_attrs_define
class FunctionGraphs:
    """
    Attributes:
        function (Graph): A graph as a plot draws it: polylines of [x, y] points, dots, and vertical segments
            (a subdifferential, both ends included).
        subgradient (Graph): A graph as a plot draws it: polylines of [x, y] points, dots, and vertical segments
            (a subdifferential, both ends included).
    """

    function: Graph
    subgradient: Graph
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        function = self.function.to_dict()

        subgradient = self.subgradient.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "function": function,
                "subgradient": subgradient,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.graph import Graph  # noqa: PLC0415

        d = dict(src_dict)
        function = Graph.from_dict(d.pop("function"))

        subgradient = Graph.from_dict(d.pop("subgradient"))

        function_graphs = cls(
            function=function,
            subgradient=subgradient,
        )

        function_graphs.additional_properties = d
        return function_graphs

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
