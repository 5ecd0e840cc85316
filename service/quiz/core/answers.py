"""The answer types: how a learner's response is read, written and compared.

Each type has one response shape (part of the public API). `parse` reads a JSON
value into a response or raises Invalid saying how it was read; a response
that parses is always graded, never rejected.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from service.core.errors import Invalid, Loc

# No item asks for more points than this: a longer answer is refused before it is read.
MAX_POINTS = 50


@dataclass(frozen=True)
class Tolerance:
    absolute: float = 1e-9
    relative: float = 1e-9

    def close(self, got: float, want: float) -> bool:
        return abs(got - want) <= max(self.absolute, self.relative * abs(want))


@dataclass(frozen=True)
class SingleChoice:
    choice: str


@dataclass(frozen=True)
class MultipleChoice:
    choices: frozenset[str]


@dataclass(frozen=True)
class TrueFalse:
    value: bool


@dataclass(frozen=True)
class Numeric:
    value: float | None  # None: "does not exist"


@dataclass(frozen=True)
class Interval:
    lower: float
    upper: float
    lower_closed: bool = True
    upper_closed: bool = True


@dataclass(frozen=True)
class PointSet:
    values: tuple[float, ...]


@dataclass(frozen=True)
class OneSidedPair:
    left: float | None  # None: "does not exist"
    right: float | None


@dataclass(frozen=True)
class Vector:
    values: tuple[float, ...]


Response = (
    SingleChoice
    | MultipleChoice
    | TrueFalse
    | Numeric
    | Interval
    | PointSet
    | OneSidedPair
    | Vector
)


# --- reading ---------------------------------------------------------------------------


def _object(raw: Any, keys: set[str], required: set[str]) -> dict[str, Any]:
    if not isinstance(raw, dict):
        raise Invalid(f"expected an object with {sorted(required)}, got {_kind(raw)}")
    for key in raw:
        if key not in keys:
            raise Invalid(f"unexpected field {key!r}; this type takes {sorted(keys)}", (key,))
    for key in required:
        if key not in raw:
            raise Invalid(f"missing field {key!r}", (key,))
    return raw


def _kind(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _number(value: Any, loc: Loc) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise Invalid(f"expected a number, read {_kind(value)}", loc)
    try:
        number = float(value)
    except OverflowError:  # an integer of hundreds of digits
        raise Invalid("expected a finite number", loc) from None
    if not math.isfinite(number):
        raise Invalid("expected a finite number", loc)
    return number


def _optional_number(value: Any, loc: Loc) -> float | None:
    return None if value is None else _number(value, loc)


def _numbers(value: Any, loc: Loc) -> tuple[float, ...]:
    if not isinstance(value, list):
        raise Invalid(f"expected an array of numbers, read {_kind(value)}", loc)
    return tuple(_number(item, (*loc, i)) for i, item in enumerate(value))


def _bool(value: Any, loc: Loc) -> bool:
    if not isinstance(value, bool):
        raise Invalid(f"expected true or false, read {_kind(value)}", loc)
    return value


def _choice(value: Any, choice_ids: Sequence[str], loc: Loc) -> str:
    if not isinstance(value, str):
        raise Invalid(f"expected a choice id, read {_kind(value)}", loc)
    if value not in choice_ids:
        raise Invalid(f"{value!r} is not one of the choices {list(choice_ids)}", loc)
    return value


def parse(
    answer_type: str, raw: Any, choice_ids: Sequence[str] = (), length: int | None = None
) -> Response:
    """A response of the given type, or Invalid with the location of the fault. The response
    may name its type; a type other than the item's is refused."""
    if isinstance(raw, dict) and "type" in raw:
        if raw["type"] != answer_type:
            raise Invalid(
                f"this item takes a {answer_type} response, not {raw['type']!r}", ("type",)
            )
        raw = {key: value for key, value in raw.items() if key != "type"}
    if answer_type == "single_choice":
        body = _object(raw, {"choice"}, {"choice"})
        return SingleChoice(_choice(body["choice"], choice_ids, ("choice",)))
    if answer_type == "multiple_choice":
        body = _object(raw, {"choices"}, {"choices"})
        if not isinstance(body["choices"], list):
            raise Invalid("expected an array of choice ids", ("choices",))
        picked = [_choice(c, choice_ids, ("choices", i)) for i, c in enumerate(body["choices"])]
        if len(set(picked)) != len(picked):
            raise Invalid("a choice is listed twice", ("choices",))
        return MultipleChoice(frozenset(picked))
    if answer_type == "true_false":
        body = _object(raw, {"value"}, {"value"})
        return TrueFalse(_bool(body["value"], ("value",)))
    if answer_type == "numeric":
        body = _object(raw, {"value", "dne"}, set())
        if body.get("dne") is not None and _bool(body["dne"], ("dne",)):
            if "value" in body and body["value"] is not None:
                raise Invalid("give a value or dne: true, not both", ("dne",))
            return Numeric(None)
        if "value" not in body:
            raise Invalid('expected {"value": number} or {"dne": true}', ("value",))
        return Numeric(_number(body["value"], ("value",)))
    if answer_type == "interval":
        keys = {"lower", "upper", "lower_closed", "upper_closed"}
        body = _object(raw, keys, {"lower", "upper"})
        lower, upper = _number(body["lower"], ("lower",)), _number(body["upper"], ("upper",))
        if lower > upper:
            raise Invalid(f"lower ({lower:g}) is above upper ({upper:g})", ("lower",))
        return Interval(
            lower,
            upper,
            _bool(body.get("lower_closed", True), ("lower_closed",)),
            _bool(body.get("upper_closed", True), ("upper_closed",)),
        )
    if answer_type == "point_set":
        body = _object(raw, {"values"}, {"values"})
        if isinstance(body["values"], list) and len(body["values"]) > MAX_POINTS:
            raise Invalid(
                f"expected at most {MAX_POINTS} points, read {len(body['values'])}", ("values",)
            )
        return PointSet(tuple(sorted(_numbers(body["values"], ("values",)))))
    if answer_type == "one_sided_pair":
        body = _object(raw, {"left", "right"}, {"left", "right"})
        return OneSidedPair(
            _optional_number(body["left"], ("left",)), _optional_number(body["right"], ("right",))
        )
    if answer_type == "vector":
        body = _object(raw, {"values"}, {"values"})
        given = body["values"]
        if length is not None and isinstance(given, list) and len(given) != length:
            raise Invalid(f"expected {length} numbers, read {len(given)}", ("values",))
        return Vector(_numbers(given, ("values",)))
    raise ValueError(f"unknown answer type {answer_type!r}")


# --- writing ---------------------------------------------------------------------------


def to_json(response: Response) -> dict[str, Any]:
    """The response in its public shape; equal responses give equal JSON."""
    match response:
        case SingleChoice(choice):
            return {"choice": choice}
        case MultipleChoice(choices):
            return {"choices": sorted(choices)}
        case TrueFalse(value):
            return {"value": value}
        case Numeric(value):
            return {"dne": True} if value is None else {"value": value}
        case Interval(lower, upper, lower_closed, upper_closed):
            return {
                "lower": lower,
                "upper": upper,
                "lower_closed": lower_closed,
                "upper_closed": upper_closed,
            }
        case PointSet(values):
            return {"values": list(values)}
        case OneSidedPair(left, right):
            return {"left": left, "right": right}
        case Vector(values):
            return {"values": list(values)}
    raise TypeError(type(response))  # pragma: no cover


# --- comparing -------------------------------------------------------------------------


def _maybe_close(got: float | None, want: float | None, tol: Tolerance) -> bool:
    if got is None or want is None:
        return got is want
    return tol.close(got, want)


def _distinct(values: tuple[float, ...], tol: Tolerance) -> list[float]:
    out: list[float] = []
    for value in sorted(values):
        if not out or not tol.close(value, out[-1]):
            out.append(value)
    return out


def matches(got: Response, want: Response, tol: Tolerance) -> bool:
    """Whether got is the same answer as want, within the tolerance."""
    if type(got) is not type(want):
        return False
    match got, want:
        case Numeric(a), Numeric(b):
            return _maybe_close(a, b, tol)
        case Interval(), Interval():
            return (
                tol.close(got.lower, want.lower)
                and tol.close(got.upper, want.upper)
                and got.lower_closed == want.lower_closed
                and got.upper_closed == want.upper_closed
            )
        case PointSet(a), PointSet(b):
            left, right = _distinct(a, tol), _distinct(b, tol)
            return len(left) == len(right) and all(
                tol.close(x, y) for x, y in zip(left, right, strict=True)
            )
        case OneSidedPair(), OneSidedPair():
            return _maybe_close(got.left, want.left, tol) and _maybe_close(
                got.right, want.right, tol
            )
        case Vector(a), Vector(b):
            return len(a) == len(b) and all(tol.close(x, y) for x, y in zip(a, b, strict=True))
    return got == want


def partial_credit(got: Response, key: Response, choice_ids: Sequence[str]) -> float:
    """The credit of a response that is neither the key nor one of the item's alternatives.

    multiple_choice: the share of the right choices picked less the share of the wrong
    choices picked, floored at 0, so that picking every choice, or none, earns nothing.
    Every other type is all or nothing: 0 here.
    """
    if isinstance(got, MultipleChoice) and isinstance(key, MultipleChoice):
        right = key.choices
        wrong = set(choice_ids) - right
        hits = len(got.choices & right) / len(right) if right else 0.0
        misses = len(got.choices - right) / len(wrong) if wrong else 0.0
        return max(0.0, hits - misses)
    return 0.0
