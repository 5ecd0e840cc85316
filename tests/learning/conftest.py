from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import migrated_database


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """Every learner test runs on SQLite and on PostgreSQL, each in a database of its own."""
    with migrated_database(request.param, tmp_path) as url:
        yield url
