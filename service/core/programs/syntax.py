"""Programs: one expression in x, parsed by lark into a small typed tree. Never evaluated by eval.

    program := sum
    sum     := product (("+" | "-") product)*
    product := unary (("*" | "/") unary)*
    unary   := ("-" | "+") unary | power
    power   := atom (("^" | "**") integer)?
    atom    := number | "x" | name "(" arguments ")" | "(" sum ")"

The first argument of where() is a comparison `sum (< | <= | > | >= | == | !=) sum`; the
parameters of leaky_relu, hardtanh and clamp are numbers, as the frameworks' ops take them.
Every problem is an Invalid located at ("program",) whose message names the 1-based column.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from lark import Lark, Token, Transformer, Tree, v_args
from lark.exceptions import UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, VisitError

from service.core.errors import Invalid

MAX_LENGTH = 400
MAX_NODES = 100
MAX_DEPTH = 24
MAX_POWER = 16

Comparison = Literal["<", "<=", ">", ">=", "==", "!="]
Operator = Literal["+", "-", "*", "/"]


@dataclass(frozen=True)
class Var:
    pass


@dataclass(frozen=True)
class Const:
    value: float


@dataclass(frozen=True)
class Neg:
    arg: Node


@dataclass(frozen=True)
class Binary:
    op: Operator
    left: Node
    right: Node


@dataclass(frozen=True)
class Power:
    base: Node
    exponent: int


@dataclass(frozen=True)
class Call:
    """A primitive applied to expressions `args`, with numeric parameters `params`."""

    name: str
    args: tuple[Node, ...]
    params: tuple[float, ...] = ()


@dataclass(frozen=True)
class Where:
    op: Comparison
    left: Node
    right: Node
    then: Node
    otherwise: Node


Node = Var | Const | Neg | Binary | Power | Call | Where


@dataclass(frozen=True)
class Signature:
    """A primitive's expression arguments and its numeric parameters with their defaults."""

    args: int
    params: tuple[tuple[str, float | None], ...] = ()


PRIMITIVES: dict[str, Signature] = {
    "relu": Signature(1),
    "leaky_relu": Signature(1, (("negative_slope", 0.01),)),
    "relu6": Signature(1),
    "hardtanh": Signature(1, (("min_val", -1.0), ("max_val", 1.0))),
    "abs": Signature(1),
    "sign": Signature(1),
    "step": Signature(1),
    "max": Signature(2),
    "min": Signature(2),
    "clamp": Signature(1, (("min", None), ("max", None))),
    "softplus": Signature(1),
    "exp": Signature(1),
    "log": Signature(1),
    "sin": Signature(1),
    "cos": Signature(1),
    "sqrt": Signature(1),
}

_GRAMMAR = r"""
?start: sum
?sum: product
    | sum "+" product -> add
    | sum "-" product -> sub
?product: unary
    | product "*" unary -> mul
    | product "/" unary -> div
?unary: power
    | "-" unary -> neg
    | "+" unary
?power: atom
    | atom POW exponent -> pow
exponent: SIGN? INT | "(" SIGN? INT ")"
?atom: NUMBER -> number
    | "x" -> var
    | NAME "(" [argument ("," argument)*] ")" -> call
    | "(" sum ")"
?argument: sum | comparison
comparison: sum COMPARE sum
POW: "^" | "**"
SIGN: "-" | "+"
COMPARE: "<=" | ">=" | "==" | "!=" | "<" | ">"
NAME: /(?!x\b)[a-z_][a-z0-9_]*/
NUMBER: /(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?/
%import common.INT
%import common.WS
%ignore WS
"""

_PARSER = Lark(_GRAMMAR, parser="lalr", propagate_positions=True, maybe_placeholders=False)


class _Located(Exception):
    def __init__(self, message: str, column: int) -> None:
        super().__init__(message)
        self.column = column


def _column(item: Tree[Token] | Token) -> int:
    """1-based, counted from the program's start (a program may span lines)."""
    if isinstance(item, Token):
        return (item.start_pos or 0) + 1
    return getattr(item.meta, "start_pos", 0) + 1


@v_args(meta=True)
class _Build(Transformer[Token, Node]):
    def number(self, meta: object, children: list[Token]) -> Const:
        value = float(children[0])
        if not math.isfinite(value):
            raise _Located(f"{children[0]} is too large for a number", _column(children[0]))
        return Const(value)

    def var(self, meta: object, children: list[Token]) -> Var:
        return Var()

    def add(self, meta: object, children: list[Node]) -> Node:
        return Binary("+", children[0], children[1])

    def sub(self, meta: object, children: list[Node]) -> Node:
        return Binary("-", children[0], children[1])

    def mul(self, meta: object, children: list[Node]) -> Node:
        return Binary("*", children[0], children[1])

    def div(self, meta: object, children: list[Node]) -> Node:
        return Binary("/", children[0], children[1])

    def neg(self, meta: object, children: list[Node]) -> Node:
        return Neg(children[0])

    def exponent(self, meta: object, children: list[Token]) -> tuple[int, int]:
        text = "".join(str(child) for child in children)
        return int(text), _column(children[0])

    def pow(self, meta: object, children: list[Any]) -> Node:
        base, _, (exponent, column) = children
        assert isinstance(base, Var | Const | Neg | Binary | Power | Call | Where)
        if abs(exponent) > MAX_POWER:
            raise _Located(f"powers are integers from -{MAX_POWER} to {MAX_POWER}", column)
        return Power(base, exponent)

    def comparison(self, meta: object, children: list[object]) -> tuple[str, Node, Node, int]:
        left, op, right = children
        assert isinstance(op, Token)
        return str(op), left, right, _column(op)  # type: ignore[return-value]

    def call(self, meta: object, children: list[object]) -> Node:
        name_token, *args = children
        assert isinstance(name_token, Token)
        return _call(str(name_token), args, _column(name_token))


def _call(name: str, args: list[Any], column: int) -> Node:
    if name == "where":
        if len(args) != 3 or not isinstance(args[0], tuple):
            raise _Located(
                "where takes (comparison, then, otherwise), e.g. where(x > 0, x, 0)", column
            )
        (op, left, right, _), then, otherwise = args
        return Where(op, left, right, _expression(then, column), _expression(otherwise, column))
    signature = PRIMITIVES.get(name)
    if signature is None:
        known = ", ".join([*PRIMITIVES, "where"])
        raise _Located(f"no primitive named {name!r}; known: {known}", column)
    usage = ", ".join(["x"] * signature.args + [p for p, _ in signature.params])
    given, extra = args[: signature.args], args[signature.args :]
    if len(given) < signature.args or len(extra) > len(signature.params):
        raise _Located(f"{name} takes ({usage})", column)
    params: list[float] = []
    for (param, default), value in zip(signature.params, [*extra] + [None] * 9, strict=False):
        if value is None:
            if default is None:
                raise _Located(f"{name} takes ({usage}): {param} has no default", column)
            params.append(default)
        elif isinstance(value, Const) or (isinstance(value, Neg) and isinstance(value.arg, Const)):
            params.append(value.value if isinstance(value, Const) else -value.arg.value)  # type: ignore[union-attr]
        else:
            raise _Located(
                f"{name}'s {param} must be a number, as the frameworks' op takes it", column
            )
    if name in ("clamp", "hardtanh") and params[0] > params[1]:
        bounds = f"{params[0]:g} is above {params[1]:g}"
        raise _Located(f"{name}'s lower bound {bounds}", column)
    return Call(name, tuple(_expression(arg, column) for arg in given), tuple(params))


def _expression(item: object, column: int) -> Node:
    if isinstance(item, tuple):
        raise _Located("a comparison may only be where()'s first argument", item[3])
    assert isinstance(item, Var | Const | Neg | Binary | Power | Call | Where)
    return item


def children(node: Node) -> tuple[Node, ...]:
    match node:
        case Neg(arg) | Power(arg, _):
            return (arg,)
        case Binary(_, left, right):
            return (left, right)
        case Call(_, args, _):
            return args
        case Where(_, left, right, then, otherwise):
            return (left, right, then, otherwise)
    return ()


def _size(node: Node) -> tuple[int, int]:
    """(node count, depth)."""
    below = [_size(child) for child in children(node)]
    return 1 + sum(n for n, _ in below), 1 + max((d for _, d in below), default=0)


def _describe(error: UnexpectedInput, text: str) -> str:
    if isinstance(error, UnexpectedEOF) or error.pos_in_stream is None:
        return "the program ends too early"
    if isinstance(error, UnexpectedCharacters):
        return f"unexpected character {text[error.pos_in_stream]!r}"
    token = getattr(error, "token", None)
    if token is None or token.type == "$END":
        return "the program ends too early"
    return f"unexpected {str(token)!r}"


def _invalid(message: str, column: int) -> Invalid:
    return Invalid(f"column {column}: {message}", ("program",))


@lru_cache(maxsize=1024)
def parse(text: str) -> Node:
    """The tree of a program; Invalid (with the column) if it is not one or is too large."""
    if len(text) > MAX_LENGTH:
        raise _invalid(f"a program has at most {MAX_LENGTH} characters", MAX_LENGTH + 1)
    if not text.strip():
        raise _invalid("the program is empty; try relu(x)", 1)
    try:
        tree = _PARSER.parse(text)
        node = _Build().transform(tree)
    except UnexpectedInput as error:
        message = _describe(error, text)
        position = error.pos_in_stream
        ends = message.startswith("the program ends") or position is None
        column = len(text.rstrip()) + 1 if ends or position is None else position + 1
        raise _invalid(message, column) from None
    except VisitError as error:
        inner = error.orig_exc
        if isinstance(inner, _Located):
            raise _invalid(str(inner), inner.column) from None
        raise
    if isinstance(node, tuple):
        raise _invalid("a comparison may only be where()'s first argument", node[3])
    count, depth = _size(node)
    if count > MAX_NODES:
        raise _invalid(f"the program has {count} nodes; at most {MAX_NODES}", 1)
    if depth > MAX_DEPTH:
        raise _invalid(f"the program nests {depth} deep; at most {MAX_DEPTH}", 1)
    return node


def unparse(node: Node, names: dict[str, str] | None = None) -> str:
    """The program's canonical text; `names` renames the primitives (to a framework's ops)."""
    return _text(node, 0, names or {})


@lru_cache(maxsize=1024)
def written_with(node: Node, names: tuple[tuple[str, str], ...]) -> str:
    """unparse(node, dict(names)), cached per program and framework."""
    return unparse(node, dict(names))


_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2}


def _number(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def _text(node: Node, outer: int, names: dict[str, str]) -> str:
    match node:
        case Var():
            return "x"
        case Const(value):
            return _number(value)
        case Neg(arg):
            text = "-" + _text(arg, 3, names)
            return f"({text})" if outer >= 3 else text
        case Binary(op, left, right):
            level = _PRECEDENCE[op]
            text = f"{_text(left, level, names)} {op} {_text(right, level + 1, names)}"
            return f"({text})" if outer > level else text
        case Power(base, exponent):
            caret = names.get("^", "^")
            power = (
                f"{_text(base, 5, names)}{caret}{exponent if exponent >= 0 else f'({exponent})'}"
            )
            return f"({power})" if outer > 4 else power
        case Call(name, args, params):
            inner = [_text(arg, 0, names) for arg in args] + [_number(p) for p in params]
            renamed = names.get(name, name)
            if renamed.endswith("(x, 0)"):  # an op with a fixed extra argument, e.g. heaviside
                return renamed.replace("(x", f"({inner[0]}", 1)
            return f"{renamed}({', '.join(inner)})"
        case Where(op, left, right, then, otherwise):
            condition = f"{_text(left, 0, names)} {op} {_text(right, 0, names)}"
            where = names.get("where", "where")
            return f"{where}({condition}, {_text(then, 0, names)}, {_text(otherwise, 0, names)})"
    raise AssertionError(node)
