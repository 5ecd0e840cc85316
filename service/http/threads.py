"""Where array work runs: small batches on the event loop, large ones on a worker thread.

A thread hop costs more than evaluating a small batch, while a large batch would
hold the event loop (and every other request) for milliseconds; numpy releases
the GIL for the large ones, so the loop keeps serving meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from starlette.concurrency import run_in_threadpool

T = TypeVar("T")
THREAD_ABOVE_ELEMENTS = 65_536


async def run_sized(work: Callable[[], T], elements: int) -> T:
    if elements > THREAD_ABOVE_ELEMENTS:
        return await run_in_threadpool(work)
    return work()
