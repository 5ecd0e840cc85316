"""The database: engine, transactions and migrations (Alembic, in the package)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

import anyio.to_thread
from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker

from service.errors import ServiceUnavailable

# PostgreSQL's lock_not_available and query_canceled (a lock or statement timeout).
BUSY_STATES = {"55P03", "57014"}


def make_engine(url: str, pool_timeout_s: float = 3.0, lock_timeout_s: float = 5.0) -> Engine:
    """The engine. On a database server a request waits at most `pool_timeout_s` for a
    connection and `lock_timeout_s` for a lock, then is told to come back (503), rather than
    queueing without bound behind a locked table."""
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

        @event.listens_for(engine, "connect")
        def _sqlite_connect(connection: Any, record: Any) -> None:
            connection.isolation_level = None  # transactions are begun below, not by the driver
            cursor = connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(connection: Any) -> None:
            # Take the write lock at the start, so that a transaction never reads a snapshot
            # that another writer has moved past: writers queue (busy timeout) instead.
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    engine = create_engine(
        url, pool_pre_ping=True, pool_size=10, max_overflow=20, pool_timeout=pool_timeout_s
    )

    @event.listens_for(engine, "connect")
    def _server_connect(connection: Any, record: Any) -> None:
        if engine.dialect.name == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(f"SET lock_timeout = {int(lock_timeout_s * 1000)}")
            connection.commit()

    return engine


def alembic_config(url: str) -> Config:
    config = Config()
    config.set_main_option("script_location", "service:migrations")
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def upgrade(url: str) -> None:
    """Apply every migration up to head."""
    command.upgrade(alembic_config(url), "head")


@cache
def head_revision() -> str | None:
    """The latest migration this code knows."""
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


T = TypeVar("T")


class Database:
    """The engine and its sessions; each unit of work is one transaction."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.sessions = sessionmaker(engine, expire_on_commit=False)
        # SQLite is a library in this process: its calls never wait on a network, and each
        # process serialises its writers anyway (BEGIN IMMEDIATE), so there a transaction
        # runs on the event loop and saves the thread hop, which costs more than a short
        # transaction itself. A database server is waited on from a worker thread.
        self.in_process = engine.dialect.name == "sqlite"

    def _run(self, work: Callable[[Session], T]) -> T:
        with self.sessions() as session:
            try:
                result = work(session)
                session.commit()
            except BaseException:
                session.rollback()
                raise
            return result

    async def transaction(self, work: Callable[[Session], T]) -> T:
        """work(session) as one transaction: committed when it returns, rolled back when it
        raises. A busy pool or a lock held too long is a 503 with Retry-After."""
        try:
            if self.in_process:
                return self._run(work)
            return await anyio.to_thread.run_sync(self._run, work)
        except PoolTimeout:
            raise ServiceUnavailable(
                "every database connection is busy; try again shortly"
            ) from None
        except OperationalError as exc:
            if getattr(exc.orig, "sqlstate", None) in BUSY_STATES:
                raise ServiceUnavailable(
                    "the data is locked by other work; try again shortly"
                ) from None
            raise

    def revision(self) -> str | None:
        """The migration the database is at."""
        with self.engine.connect() as connection:
            return MigrationContext.configure(connection).get_current_revision()

    def at_head(self) -> bool:
        return self.revision() == head_revision()

    def dispose(self) -> None:
        self.engine.dispose()
