"""Platforms' public key sets (JWKS), fetched with httpx and kept for a while."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass
from typing import Any

import httpx
import jwt

from service.lti.claims import Refused


class Unreachable(Exception):
    """The key set could not be fetched or read; str() says why."""


@dataclass(frozen=True)
class _Fetched:
    keys: tuple[jwt.PyJWK, ...]
    at: float  # time.monotonic()


def _rsa_signing_keys(document: Any) -> tuple[jwt.PyJWK, ...]:
    if not isinstance(document, dict) or not isinstance(document.get("keys"), list):
        raise Unreachable("the key set is not a JWKS document")
    keys = []
    for entry in document["keys"]:
        if not isinstance(entry, dict) or entry.get("kty") != "RSA":
            continue
        if entry.get("use", "sig") != "sig":
            continue
        try:
            keys.append(jwt.PyJWK(entry, "RS256"))
        except jwt.PyJWTError:
            continue  # a key this tool cannot use is no reason to refuse the others
    return tuple(keys)


class KeySets:
    """Each key set is kept for `ttl_s` seconds. A key id it does not hold fetches it again
    at once (the platform may have rotated its keys), at most once per `refetch_s` seconds,
    so that tokens naming made-up keys cannot make the tool hammer the platform."""

    def __init__(self, client: httpx.AsyncClient, ttl_s: float, refetch_s: float = 5.0) -> None:
        self.client = client
        self.ttl_s = ttl_s
        self.refetch_s = refetch_s
        self._sets: dict[str, _Fetched] = {}
        self._locks: dict[str, asyncio.Lock] = {}

    async def _fetch(self, url: str, older_than: float | None) -> _Fetched:
        """The set fetched now, unless another request fetched it since `older_than`."""
        lock = self._locks.setdefault(url, asyncio.Lock())
        async with lock:
            kept = self._sets.get(url)
            if kept is not None and older_than is not None and kept.at > older_than:
                return kept
            try:
                response = await self.client.get(url, headers={"Accept": "application/json"})
            except httpx.HTTPError as exc:
                raise Unreachable(f"{url} could not be reached ({type(exc).__name__})") from None
            if response.status_code != 200:
                raise Unreachable(f"{url} answered {response.status_code}")
            try:
                document = response.json()
            except ValueError:
                raise Unreachable(f"{url} did not answer JSON") from None
            fetched = _Fetched(_rsa_signing_keys(document), time.monotonic())
            self._sets[url] = fetched
            return fetched

    async def key(self, url: str, kid: str | None) -> Any:
        """The public key to check a token signed with `kid` (Refused when the set has none;
        a token without a kid is checked with the set's only key)."""
        kept = self._sets.get(url)
        fresh = kept is None or time.monotonic() - kept.at >= self.ttl_s
        if fresh:
            kept = await self._fetch(url, kept.at if kept else None)
        assert kept is not None
        found = _find(kept.keys, kid)
        if found is None and not fresh and time.monotonic() - kept.at >= self.refetch_s:
            kept = await self._fetch(url, kept.at)
            found = _find(kept.keys, kid)
        if found is None:
            if kid is None:
                raise Refused("the id_token names no key (kid) and the platform has several")
            raise Refused(f"the platform's key set has no RS256 key {kid!r}")
        return found.key


def _find(keys: tuple[jwt.PyJWK, ...], kid: str | None) -> jwt.PyJWK | None:
    if kid is None:
        return keys[0] if len(keys) == 1 else None
    return next((k for k in keys if k.key_id == kid), None)
