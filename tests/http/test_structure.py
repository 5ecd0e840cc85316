from __future__ import annotations

from typing import Any

import orjson
import pytest
from hypothesis import given
from hypothesis import strategies as st

from service.errors import PayloadTooLarge, Unprocessable
from service.http.structure import JsonLimits, _plainly_within, _scan, check, loads

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


def test_a_long_flat_array_is_let_through_and_its_strings_still_checked() -> None:
    """Few brackets in a long text cannot break the container or depth limits, but a long
    string in it still breaks the string limit."""
    numbers = b"[" + b"1.5, " * 1000 + b"1]"
    check(b'{"name": "x", "data": ' + numbers + b"}", LIMITS)
    with pytest.raises(Unprocessable, match="string of 17 bytes"):
        check(b'{"name": "' + b"a" * 17 + b'", "data": ' + numbers + b"}", LIMITS)
    with pytest.raises(Unprocessable, match="nested 5 deep"):
        check(b"[[[[" + numbers + b"]]]]", LIMITS)


def test_loads_parses_or_says_why_not() -> None:
    assert loads(b'{"x": [1]}', LIMITS) == {"x": [1]}
    with pytest.raises(Unprocessable, match="not valid JSON"):
        loads(b'{"x": ', LIMITS)
    assert loads(orjson.dumps({"s": "\\\\"}), LIMITS) == {"s": "\\\\"}


JSON = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.text(alphabet='[]{}"\\ab', max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=3), inner),
    max_leaves=20,
)


@given(JSON, st.sampled_from([LIMITS, FEW_ARRAYS, JsonLimits(containers=3, depth=2, string=8)]))
def test_what_counting_lets_through_the_scan_lets_through(value: Any, limits: JsonLimits) -> None:
    text = orjson.dumps(value)
    if _plainly_within(text, limits):
        _scan(text, limits)  # raises if the shortcut let through what the scan refuses
