"""Per-model inference statistics in the shape of Triton's statistics extension.

Kept in this process's memory and shared by every inference it serves, over HTTP and gRPC
alike; with several workers each counts its own (as /metrics does). Durations are in
nanoseconds of the monotonic clock, last_inference in milliseconds since the epoch.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Duration:
    count: int = 0
    ns: int = 0

    def add(self, ns: int) -> None:
        self.count += 1
        self.ns += ns


@dataclass
class InferStatistics:
    success: Duration = field(default_factory=Duration)  # whole request, success only
    fail: Duration = field(default_factory=Duration)  # whole request, failures only
    queue: Duration = field(default_factory=Duration)  # waiting for a worker thread
    compute_input: Duration = field(default_factory=Duration)  # reading and decoding x
    compute_infer: Duration = field(default_factory=Duration)  # evaluating the function
    compute_output: Duration = field(default_factory=Duration)  # encoding the outputs


@dataclass
class ModelStatistics:
    last_inference: int = 0
    inference_count: int = 0
    execution_count: int = 0
    inference_stats: InferStatistics = field(default_factory=InferStatistics)


@dataclass(frozen=True)
class Timing:
    """The stages of one successful inference, in nanoseconds."""

    total: int
    compute_input: int
    queue: int
    compute_infer: int
    compute_output: int


def _now_ms() -> int:
    return time.time_ns() // 1_000_000


class Statistics:
    """Counts per model. A request is one inference and one execution: the models batch
    nothing, so Triton's two counts are equal here."""

    def __init__(self, models: Iterable[str]) -> None:
        self._lock = threading.Lock()
        self._models = {name: ModelStatistics() for name in models}

    def succeeded(self, model: str, timing: Timing) -> None:
        with self._lock:
            entry = self._models[model]
            entry.last_inference = _now_ms()
            entry.inference_count += 1
            entry.execution_count += 1
            stats = entry.inference_stats
            stats.success.add(timing.total)
            stats.compute_input.add(timing.compute_input)
            stats.queue.add(timing.queue)
            stats.compute_infer.add(timing.compute_infer)
            stats.compute_output.add(timing.compute_output)

    def failed(self, model: str, ns: int) -> None:
        with self._lock:
            entry = self._models[model]
            entry.last_inference = _now_ms()
            entry.inference_stats.fail.add(ns)

    def of(self, model: str) -> dict[str, Any]:
        """A copy: last_inference, inference_count, execution_count, inference_stats."""
        with self._lock:
            return asdict(self._models[model])
