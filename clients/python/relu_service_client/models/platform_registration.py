from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define

T = TypeVar("T", bound="PlatformRegistration")


@_attrs_define
class PlatformRegistration:
    """
    Attributes:
        issuer (str): the platform's issuer (iss), exactly as it sends it
        client_id (str): the client id the platform gave this tool
        deployment_ids (list[str]): the deployments launches may come from
        auth_login_url (str): the platform's OIDC authorization endpoint
        token_url (str): the platform's OAuth 2 token endpoint (for grades)
        jwks_url (str): the platform's public key set
    """

    issuer: str
    client_id: str
    deployment_ids: list[str]
    auth_login_url: str
    token_url: str
    jwks_url: str

    def to_dict(self) -> dict[str, Any]:
        issuer = self.issuer

        client_id = self.client_id

        deployment_ids = self.deployment_ids

        auth_login_url = self.auth_login_url

        token_url = self.token_url

        jwks_url = self.jwks_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "issuer": issuer,
                "client_id": client_id,
                "deployment_ids": deployment_ids,
                "auth_login_url": auth_login_url,
                "token_url": token_url,
                "jwks_url": jwks_url,
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

        platform_registration = cls(
            issuer=issuer,
            client_id=client_id,
            deployment_ids=deployment_ids,
            auth_login_url=auth_login_url,
            token_url=token_url,
            jwks_url=jwks_url,
        )

        return platform_registration
