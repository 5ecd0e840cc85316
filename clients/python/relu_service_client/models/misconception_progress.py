from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="MisconceptionProgress")


@_attrs_define
class MisconceptionProgress:
    """
    Attributes:
        slug (str):
        title (str):
        description (str):
        count (int): answers that showed it
        last_seen (datetime.datetime):
        resolved (bool): an item that targets it was answered right at the first try after it was last seen
    """

    slug: str
    title: str
    description: str
    count: int
    last_seen: datetime.datetime
    resolved: bool
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        slug = self.slug

        title = self.title

        description = self.description

        count = self.count

        last_seen = self.last_seen.isoformat()

        resolved = self.resolved

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "slug": slug,
                "title": title,
                "description": description,
                "count": count,
                "last_seen": last_seen,
                "resolved": resolved,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        slug = d.pop("slug")

        title = d.pop("title")

        description = d.pop("description")

        count = d.pop("count")

        last_seen = datetime.datetime.fromisoformat(d.pop("last_seen"))

        resolved = d.pop("resolved")

        misconception_progress = cls(
            slug=slug,
            title=title,
            description=description,
            count=count,
            last_seen=last_seen,
            resolved=resolved,
        )

        misconception_progress.additional_properties = d
        return misconception_progress

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
