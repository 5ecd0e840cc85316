from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..types import UNSET, Unset

T = TypeVar("T", bound="RepositoryIndexRepositoryIndexRequest")


@_attrs_define
class RepositoryIndexRepositoryIndexRequest:
    """
    Attributes:
        repository_name (str | Unset):  Default: ''.
        ready (bool | Unset):  Default: False.
    """

    repository_name: str | Unset = ""
    ready: bool | Unset = False

    def to_dict(self) -> dict[str, Any]:
        repository_name = self.repository_name

        ready = self.ready

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if repository_name is not UNSET:
            field_dict["repository_name"] = repository_name
        if ready is not UNSET:
            field_dict["ready"] = ready

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        repository_name = d.pop("repository_name", UNSET)

        ready = d.pop("ready", UNSET)

        repository_index_repository_index_request = cls(
            repository_name=repository_name,
            ready=ready,
        )

        return repository_index_repository_index_request
