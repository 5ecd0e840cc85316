"""JSON read within limits on its structure as well as its bytes.

A body under the byte limit can still hold millions of empty arrays, each a Python object
once parsed: {"x": [[], [], ...]} of 64 MiB took 2.4 GB and 70 s. Before parsing, a scan in
numpy over the raw bytes counts the arrays and objects, the nesting depth and the longest
string, so that parsing is refused unless its work and memory stay a small multiple of the
body's size.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import orjson

from service.errors import PayloadTooLarge, Unprocessable

QUOTE, BACKSLASH = ord('"'), ord("\\")
OPENERS, CLOSERS = (ord("["), ord("{")), (ord("]"), ord("}"))


@dataclass(frozen=True)
class JsonLimits:
    containers: int  # arrays and objects together
    depth: int = 64
    string: int = 4096  # bytes in one string


def _string_bounds(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Where each string starts and ends (the positions of its unescaped quotes)."""
    quotes = np.flatnonzero(data == QUOTE)
    backslashes = data == BACKSLASH
    if quotes.size and backslashes.any():
        # A quote is escaped when an odd run of backslashes ends just before it.
        index = np.arange(data.size, dtype=np.int64)
        last_plain = np.maximum.accumulate(np.where(backslashes, -1, index))
        before = np.concatenate(([-1], last_plain))[quotes]  # last non-backslash before each
        quotes = quotes[(quotes - 1 - before) % 2 == 0]
    return quotes[0::2], quotes[1::2]


def _plainly_within(raw: bytes | memoryview, limits: JsonLimits) -> bool:
    """A short text with few brackets is within every limit, and counting says so in a
    microsecond where the scan takes fifty: no string is longer than the text, and neither
    the containers nor the depth outnumber its opening brackets."""
    if len(raw) > limits.string:
        return False
    text = bytes(raw)
    return text.count(b"[") + text.count(b"{") <= min(limits.containers, limits.depth)


def check(raw: bytes | memoryview, limits: JsonLimits) -> None:
    """Raise unless the text's structure is within the limits (malformed text passes: the
    parser that follows says what is wrong with it)."""
    if not _plainly_within(raw, limits):
        _scan(raw, limits)


def _scan(raw: bytes | memoryview, limits: JsonLimits) -> None:
    data = np.frombuffer(raw, np.uint8)
    starts, ends = _string_bounds(data)
    if ends.size:
        longest = int((ends - starts[: ends.size]).max()) - 1
        if longest > limits.string:
            raise Unprocessable(
                f"a string of {longest} bytes is longer than the limit of {limits.string}",
                ("body",),
            )
    opening = sum(int(np.count_nonzero(data == c)) for c in OPENERS)
    if opening <= min(limits.containers, limits.depth):
        return  # a long array of numbers: too few brackets to break either limit
    in_strings = int((ends - starts[: ends.size]).sum())
    if opening - in_strings > limits.containers:  # even if every string were brackets
        raise _too_many(opening - in_strings, limits)
    brackets = np.flatnonzero(np.isin(data, OPENERS + CLOSERS))
    inside = np.searchsorted(np.sort(np.concatenate((starts, ends))), brackets) % 2 == 1
    brackets = brackets[~inside]
    step = np.where(np.isin(data[brackets], OPENERS), 1, -1).astype(np.int32)
    containers = int(np.count_nonzero(step == 1))
    if containers > limits.containers:
        raise _too_many(containers, limits)
    depth = int(np.cumsum(step).max()) if step.size else 0
    if depth > limits.depth:
        raise Unprocessable(
            f"the JSON is nested {depth} deep, more than the limit of {limits.depth}", ("body",)
        )


def _too_many(count: int, limits: JsonLimits) -> PayloadTooLarge:
    return PayloadTooLarge(
        f"the JSON holds {count} arrays and objects, more than the limit of "
        f"{limits.containers}; send large arrays as .npy or raw bytes"
    )


def loads(raw: bytes | memoryview, limits: JsonLimits) -> Any:
    """The parsed JSON, or a 413/422 problem: over a structure limit, or not JSON at all."""
    check(raw, limits)
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise Unprocessable(
            f"the body is not valid JSON: {exc}", ("body",), "json_invalid"
        ) from None
