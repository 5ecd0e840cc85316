"""Platforms' key sets, fetched from the live simulated platform: kept for their TTL, fetched
once more for a key they do not hold (a rotation), and never hammered by made-up key ids."""

from __future__ import annotations

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from service.lti.claims import Refused
from service.lti.keysets import KeySets, Unreachable
from tests.lti.platform import Platform

pytestmark = pytest.mark.anyio


async def test_a_key_set_is_kept_for_its_ttl(platform: Platform) -> None:
    async with httpx.AsyncClient() as client:
        kept = KeySets(client, ttl_s=300)
        url = f"{platform.url}/jwks"
        assert await kept.key(url, "platform-key-1") is not None
        await kept.key(url, "platform-key-1")
        await kept.key(url, None)  # the only key
        assert platform.jwks_fetches == 1
        expiring = KeySets(client, ttl_s=0)
        await expiring.key(url, "platform-key-1")
        await expiring.key(url, "platform-key-1")
        assert platform.jwks_fetches == 3


async def test_a_rotated_key_is_fetched_once_and_unknown_ones_are_refused(
    platform: Platform, platform_keys: list[rsa.RSAPrivateKey]
) -> None:
    url = f"{platform.url}/jwks"
    async with httpx.AsyncClient() as client:
        kept = KeySets(client, ttl_s=300, refetch_s=0)
        await kept.key(url, "platform-key-1")
        platform.published["platform-key-2"] = platform_keys[1]
        new = await kept.key(url, "platform-key-2")
        assert new.public_numbers() == platform_keys[1].public_key().public_numbers()
        assert platform.jwks_fetches == 2
        with pytest.raises(Refused, match="no RS256 key 'made-up'"):
            await kept.key(url, "made-up")
        assert platform.jwks_fetches == 3  # once per unknown key, not more
        patient = KeySets(client, ttl_s=300, refetch_s=3600)
        await patient.key(url, "platform-key-1")
        with pytest.raises(Refused):
            await patient.key(url, "made-up")
        with pytest.raises(Refused, match="names no key"):
            await patient.key(url, None)  # two keys now: a kid is needed
        assert platform.jwks_fetches == 4


async def test_a_key_set_that_cannot_be_read_is_unreachable(platform: Platform) -> None:
    async with httpx.AsyncClient() as client:
        keysets = KeySets(client, ttl_s=300)
        with pytest.raises(Unreachable, match="answered 404"):
            await keysets.key(f"{platform.url}/nothing-here", "k")
        platform.server.stop()
        with pytest.raises(Unreachable, match="could not be reached"):
            await keysets.key(f"{platform.url}/jwks", "k")
