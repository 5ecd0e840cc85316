from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

if TYPE_CHECKING:
    from ..models.dot import Dot
    from ..models.segment import Segment


T = TypeVar("T", bound="Graph")


@_attrs_define
class Graph:
    """A graph as a plot draws it: polylines of [x, y] points, dots, and vertical segments
    (a subdifferential, both ends included).

        Attributes:
            lo (float): the left end of the x range
            hi (float): the right end of the x range
            pieces (list[list[list[float]]]):
            dots (list[Dot]):
            segments (list[Segment]):
    """

    lo: float
    hi: float
    pieces: list[list[list[float]]]
    dots: list[Dot]
    segments: list[Segment]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        lo = self.lo

        hi = self.hi

        pieces = []
        for pieces_item_data in self.pieces:
            pieces_item = []
            for pieces_item_item_data in pieces_item_data:
                pieces_item_item = []
                for pieces_item_item_item_data in pieces_item_item_data:
                    pieces_item_item_item: float
                    pieces_item_item_item = pieces_item_item_item_data
                    pieces_item_item.append(pieces_item_item_item)

                pieces_item.append(pieces_item_item)

            pieces.append(pieces_item)

        dots = []
        for dots_item_data in self.dots:
            dots_item = dots_item_data.to_dict()
            dots.append(dots_item)

        segments = []
        for segments_item_data in self.segments:
            segments_item = segments_item_data.to_dict()
            segments.append(segments_item)

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "lo": lo,
                "hi": hi,
                "pieces": pieces,
                "dots": dots,
                "segments": segments,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.dot import Dot  # noqa: PLC0415
        from ..models.segment import Segment  # noqa: PLC0415

        d = dict(src_dict)
        lo = d.pop("lo")

        hi = d.pop("hi")

        pieces = []
        _pieces = d.pop("pieces")
        for pieces_item_data in _pieces:
            pieces_item = []
            _pieces_item = pieces_item_data
            for pieces_item_item_data in _pieces_item:
                pieces_item_item = []
                _pieces_item_item = pieces_item_item_data
                for pieces_item_item_item_data in _pieces_item_item:

                    def _parse_pieces_item_item_item(data: object) -> float:
                        return cast(float, data)

                    pieces_item_item_item = _parse_pieces_item_item_item(pieces_item_item_item_data)

                    pieces_item_item.append(pieces_item_item_item)

                pieces_item.append(pieces_item_item)

            pieces.append(pieces_item)

        dots = []
        _dots = d.pop("dots")
        for dots_item_data in _dots:
            dots_item = Dot.from_dict(dots_item_data)

            dots.append(dots_item)

        segments = []
        _segments = d.pop("segments")
        for segments_item_data in _segments:
            segments_item = Segment.from_dict(segments_item_data)

            segments.append(segments_item)

        graph = cls(
            lo=lo,
            hi=hi,
            pieces=pieces,
            dots=dots,
            segments=segments,
        )

        graph.additional_properties = d
        return graph

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
