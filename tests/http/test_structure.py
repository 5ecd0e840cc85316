from __future__ import annotations

import orjson
import pytest

from service.errors import PayloadTooLarge, Unprocessable
from service.http.structure import JsonLimits, check, loads

LIMITS = JsonLimits(containers=10, depth=4, string=16)
FEW_ARRAYS = JsonLimits(containers=2, depth=4, string=64)


@pytest.mark.parametrize(
    "text",
    [
        b'{"x": [[1, 2], [3, 4]]}',
        b"[1, 2, 3]",
        b"not json at all",  # the parser, not the scan, says what is wrong
    ],
)
def test_within_the_limits(text: bytes) -> None:
    check(text, LIMITS)


@pytest.mark.parametrize(
    "text",
    [
        b'{"a": "x\\\\", "b": "[[[[[[[[[[[[[[", "x": [1]}',  # brackets in strings do not count
        b'{"a": "say \\"[[[[[[[[[[[[\\""}',  # nor after an escaped quote
    ],
)
def test_brackets_inside_strings_are_not_arrays(text: bytes) -> None:
    check(text, FEW_ARRAYS)
    orjson.loads(text)


def test_too_many_arrays_is_a_413() -> None:
    with pytest.raises(PayloadTooLarge, match="11 arrays and objects"):
        check(b"[" + b"[]," * 9 + b"[]]", LIMITS)


def test_too_deep_and_too_long_are_422s() -> None:
    with pytest.raises(Unprocessable, match="nested 5 deep"):
        check(b"[[[[[1]]]]]", LIMITS)
    with pytest.raises(Unprocessable, match="string of 17 bytes"):
        check(b'{"x": "' + b"a" * 17 + b'"}', LIMITS)


def test_loads_parses_or_says_why_not() -> None:
    assert loads(b'{"x": [1]}', LIMITS) == {"x": [1]}
    with pytest.raises(Unprocessable, match="not valid JSON"):
        loads(b'{"x": ', LIMITS)
    assert loads(orjson.dumps({"s": "\\\\"}), LIMITS) == {"s": "\\\\"}
