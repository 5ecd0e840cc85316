from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import inspect

from service.db import Database, alembic_config, make_engine, upgrade
from tests.conftest import postgres_schema

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'm.db'}"
        return
    with postgres_schema() as url:
        yield url


def test_migrations_reach_head_and_go_back(empty_database: str) -> None:
    url = empty_database
    database = Database(make_engine(url))
    assert not database.at_head()
    upgrade(url)
    assert database.at_head()
    assert {"quizzes", "quiz_items", "attempts"} <= set(inspect(database.engine).get_table_names())
    command.downgrade(alembic_config(url), "base")
    assert not database.at_head()
    assert database.revision() is None
    assert "attempts" not in inspect(database.engine).get_table_names()
    database.dispose()


def test_the_migrate_command_uses_database_url(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    subprocess.run(
        [sys.executable, "-m", "service", "migrate"],
        cwd=ROOT,
        env={**os.environ, "DATABASE_URL": url},
        check=True,
        timeout=60,
    )
    database = Database(make_engine(url))
    assert database.at_head()
    database.dispose()


def test_sqlite_uses_write_ahead_logging(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'wal.db'}")
    with engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
    engine.dispose()


def test_the_models_match_the_migrations(empty_database: str) -> None:
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.migration import MigrationContext

    from service.quiz.models import Base

    upgrade(empty_database)
    engine = make_engine(empty_database)
    with engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert differences == []
