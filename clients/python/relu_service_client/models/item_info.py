from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.item_info_type import ItemInfoType, check_item_info_type

if TYPE_CHECKING:
    from ..models.public_function import PublicFunction


T = TypeVar("T", bound="ItemInfo")


@_attrs_define
class ItemInfo:
    """An item of the bank as browsing lists it; a generated family shows its variant with
    seed 0.

        Attributes:
            item_id (str):
            version (int):
            type_ (ItemInfoType): the answer type: the shape of a response and a key
            topics (list[str]):
            difficulty (int):
            stem (str): UTF-8 Markdown with LaTeX between $ signs
            function (None | PublicFunction): the catalogue function the item is about
            generated (bool):
    """

    item_id: str
    version: int
    type_: ItemInfoType
    topics: list[str]
    difficulty: int
    stem: str
    function: None | PublicFunction
    generated: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
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

        generated = self.generated

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
                "generated": generated,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_function import PublicFunction  # noqa: PLC0415

        d = dict(src_dict)
        item_id = d.pop("item_id")

        version = d.pop("version")

        type_ = check_item_info_type(d.pop("type"))

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

        generated = d.pop("generated")

        item_info = cls(
            item_id=item_id,
            version=version,
            type_=type_,
            topics=topics,
            difficulty=difficulty,
            stem=stem,
            function=function,
            generated=generated,
        )

        item_info.additional_properties = d
        return item_info

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
