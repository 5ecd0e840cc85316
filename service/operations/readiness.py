"""Readiness within a deadline, without piling up threads.

The database probe runs on a worker thread (it may wait on the network); concurrent readiness
requests share the probe in flight instead of starting one each, so that a hung database or
Redis cannot exhaust the thread pool that the routes need, and every caller has its answer
within `deadline_s`. Redis is probed through the rate limiter: down, the service still
serves (limits counted per process), so readiness says "degraded" and stays 200.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field

from service.db import Database, head_revision
from service.operations.ratelimit import Limiter

Check = tuple[bool, str]


def database_check(database: Database) -> Callable[[], Check]:
    """The database answers and is at the migration this code expects."""

    def check() -> Check:
        if database.at_head():
            return True, f"at migration {head_revision()}"
        return False, f"database at migration {database.revision()}, code expects {head_revision()}"

    return check


@dataclass
class Readiness:
    database: Callable[[], Check]  # blocking: run on a worker thread
    limiter: Limiter | None  # None: limits are counted in memory, no Redis to probe
    deadline_s: float = 2.0
    _probe: asyncio.Future[Check] | None = field(default=None, init=False)

    async def _database(self) -> Check:
        try:
            return await asyncio.to_thread(self.database)
        except Exception as exc:  # any failure of the database means: not ready
            return False, f"database: {type(exc).__name__}: {exc}"[:300]

    async def checks(self) -> dict[str, Check]:
        if self._probe is None or self._probe.done():
            self._probe = asyncio.ensure_future(self._database())
        try:
            database = await asyncio.wait_for(asyncio.shield(self._probe), self.deadline_s)
        except TimeoutError:
            database = (False, f"no answer from the database within {self.deadline_s:g} s")
        checks = {"database": database}
        if self.limiter is not None:
            checks["redis"] = await self.limiter.probe()
        return checks
