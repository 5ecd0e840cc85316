"""The database: engine, request-scoped sessions and migrations (Alembic, in the package)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from typing import Any, TypeVar

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from fastapi import Request
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from sqlalchemy.orm import Session, sessionmaker
from starlette.concurrency import run_in_threadpool

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


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def at_head(engine: Engine) -> bool:
    return current_revision(engine) == head_revision()


T = TypeVar("T")


def _run(factory: sessionmaker[Session], work: Callable[[Session], T]) -> T:
    with factory() as session:
        try:
            result = work(session)
            session.commit()
        except BaseException:
            session.rollback()
            raise
        return result


async def transaction(request: Request, work: Callable[[Session], T]) -> T:
    """Run work(session) as the request's one transaction: committed when it returns,
    rolled back when it raises.

    On a database server the transaction runs on a worker thread, so the event loop
    serves other requests while this one waits on the network. SQLite is a library in
    this process: its calls never wait on a network, and each process serialises its
    writers anyway (BEGIN IMMEDIATE), so there the transaction runs on the event loop
    and saves the thread hop, which costs more than a short transaction itself."""
    factory: sessionmaker[Session] = request.app.state.sessions
    try:
        if request.app.state.engine.dialect.name == "sqlite":
            return _run(factory, work)
        return await run_in_threadpool(_run, factory, work)
    except PoolTimeout:
        raise ServiceUnavailable("every database connection is busy; try again shortly") from None
    except OperationalError as exc:
        if getattr(exc.orig, "sqlstate", None) in BUSY_STATES:
            raise ServiceUnavailable(
                "the data is locked by other work; try again shortly"
            ) from None
        raise
