"""The one error of the pure code: input that cannot be used, and where it is.

A location is relative to what the raising function was given: the catalogue says
("params", "beta"), a JSON array reader (3, 0), an answer parser ("lower",). The caller
that knows where that input came from adds the rest with `within` ("body", "x"), and the
service renders the result (service/errors.py): 422 with errors[].loc, or 413 for TooLarge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Self

Loc = tuple[str | int, ...]


@dataclass(frozen=True)
class Problem:
    loc: Loc
    message: str
    kind: str = "value_error"


class Invalid(ValueError):
    """One or more problems with the input, each with its location."""

    def __init__(self, message: str, loc: Loc = (), kind: str = "value_error") -> None:
        super().__init__(message)
        self.problems: tuple[Problem, ...] = (Problem(loc, message, kind),)

    @classmethod
    def of(cls, problems: Sequence[Problem]) -> Self:
        first = problems[0]
        error = cls(first.message, first.loc, first.kind)
        error.problems = tuple(problems)
        return error

    @property
    def message(self) -> str:
        return self.problems[0].message

    @property
    def loc(self) -> Loc:
        return self.problems[0].loc

    def relocated(self, move: Callable[[Loc], Loc]) -> Self:
        """The same problems at the locations `move` gives."""
        return type(self).of([Problem(move(p.loc), p.message, p.kind) for p in self.problems])

    def within(self, *prefix: str | int) -> Self:
        """The same problems, located inside `prefix`."""
        return self.relocated(lambda loc: (*prefix, *loc))


class TooLarge(Invalid):
    """The input is over a size limit (too many elements): refused whole, not corrected."""
