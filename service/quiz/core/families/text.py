"""How a stem shows numbers and expressions: 2.5, + 3, x - 1, \\max(0, x - 1), -2x."""

from __future__ import annotations


def n(x: float) -> str:
    """A number as a stem shows it."""
    return f"{x:g}"


def signed(x: float) -> str:
    return f"+ {n(x)}" if x >= 0 else f"- {n(-x)}"


def plus(b: float) -> str:
    """+ b as a stem shows it, or nothing for 0."""
    return "" if b == 0 else " " + signed(b)


def shifted(c: float) -> str:
    """x - c, as a stem shows it."""
    return "x" if c == 0 else f"x {signed(-c)}"


def max0(c: float) -> str:
    return "\\max(0, " + shifted(c) + ")"


def paren(c: float) -> str:
    """(x - c), or a bare x for c = 0 (so that -3 times it reads -3x, not -3(x))."""
    return "x" if c == 0 else "(" + shifted(c) + ")"


def bars(c: float) -> str:
    return "|" + shifted(c) + "|"


def wiggle(b: float) -> str:
    return "x^2 \\sin(" + n(b) + "/x)"


def times(a: float, what: str) -> str:
    """a * what, as a stem shows it: x, -x, 2x, 0."""
    if a == 0:
        return "0"
    if a == 1:
        return what
    if a == -1:
        return f"-{what}"
    return f"{n(a)}{what}"


def paren_if_negative(a: float) -> str:
    """A factor in a product: 2, or (-2)."""
    return f"({n(a)})" if a < 0 else n(a)


def then(a: float, what: str) -> str:
    """+ a * what as the next term of a sum: " + x", " - 3x", or nothing for 0."""
    if a == 0:
        return ""
    return (" + " if a > 0 else " - ") + times(abs(a), what)
