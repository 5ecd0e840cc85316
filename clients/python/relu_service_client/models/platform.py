from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

T = TypeVar("T", bound="Platform")


@_attrs_define
class Platform:
    """
    Attributes:
        issuer (str): the platform's issuer (iss), exactly as it sends it
        client_id (str): the client id the platform gave this tool
        deployment_ids (list[str]): the deployments launches may come from
        auth_login_url (str): the platform's OIDC authorization endpoint
        token_url (str): the platform's OAuth 2 token endpoint (for grades)
        jwks_url (str): the platform's public key set
        id (int):
        created_at (datetime.datetime):
    """

    issuer: str
    client_id: str
    deployment_ids: list[str]
    auth_login_url: str
    token_url: str
    jwks_url: str
    id: int
    created_at: datetime.datetime
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        client_id = self.client_id

        deployment_ids = self.deployment_ids

        auth_login_url = self.auth_login_url

        token_url = self.token_url

        jwks_url = self.jwks_url

        id = self.id

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "issuer": issuer,
                "client_id": client_id,
                "deployment_ids": deployment_ids,
                "auth_login_url": auth_login_url,
                "token_url": token_url,
                "jwks_url": jwks_url,
                "id": id,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        issuer = d.pop("issuer")

        client_id = d.pop("client_id")

        deployment_ids = cast(list[str], d.pop("deployment_ids"))

        auth_login_url = d.pop("auth_login_url")

        token_url = d.pop("token_url")

        jwks_url = d.pop("jwks_url")

        id = d.pop("id")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        platform = cls(
            issuer=issuer,
            client_id=client_id,
            deployment_ids=deployment_ids,
            auth_login_url=auth_login_url,
            token_url=token_url,
            jwks_url=jwks_url,
            id=id,
            created_at=created_at,
        )

        platform.additional_properties = d
        return platform

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
