from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from service.settings import Settings
from tests.conftest import migrated_database
from tests.lti.flows import Tool, pem
from tests.lti.platform import Platform, new_key


@pytest.fixture(scope="session")
def platform_keys() -> list[rsa.RSAPrivateKey]:
    return [new_key(), new_key()]


@pytest.fixture(scope="session")
def tool_key() -> rsa.RSAPrivateKey:
    return new_key()


@pytest.fixture(scope="session")
def tool_pem(tmp_path_factory: pytest.TempPathFactory, tool_key: rsa.RSAPrivateKey) -> Path:
    path = tmp_path_factory.mktemp("lti") / "tool.pem"
    path.write_bytes(pem(tool_key))
    return path


@pytest.fixture(params=["sqlite", "postgresql"])
def lti_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    with migrated_database(request.param, tmp_path) as url:
        yield url


@pytest.fixture
def platform(platform_keys: list[rsa.RSAPrivateKey]) -> Iterator[Platform]:
    platform = Platform(platform_keys[:1])
    yield platform
    platform.server.stop()


@pytest.fixture
def start_tool(
    lti_database: str, tool_pem: Path, platform: Platform
) -> Iterator[Callable[..., Tool]]:
    """Starts the service with LTI on (settings as given) and registers the platform."""
    started: list[Tool] = []

    def start(**overrides: Any) -> Tool:
        values = {
            "database_url": lti_database,
            "admin_api_key": "lti-admin-key",
            "lti_private_key": str(tool_pem),
            "grpc_port": 0,  # the inference protocol over gRPC is not what these test
            **overrides,
        }
        settings = Settings(**values)
        tool = Tool(settings, platform)
        started.append(tool)
        if settings.lti_private_key is not None:
            assert tool.register().status_code == 201
        return tool

    yield start
    for tool in started:
        tool.stop()


@pytest.fixture
def tool(start_tool: Callable[..., Tool]) -> Tool:
    return start_tool()
