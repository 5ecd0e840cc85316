"""Reverse-mode autodiff of a program as one framework runs it on the CPU, in numpy.

The forward pass evaluates the tree in the order Python would (left to right, arguments before
the call) and records each op that depends on x. The backward pass runs the record in reverse
with the framework's own backward rules and, where x is used several times, adds the
contributions as the autograd engines do: in the reverse of the order their ops were made.
Numbers in a program are Python floats, as a user writes them: arithmetic between two numbers
is Python's, and a number meeting an array takes the array's dtype.
"""

from __future__ import annotations

import operator
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np

from service.core.errors import Invalid
from service.core.programs.machine import Array, Machine
from service.core.programs.syntax import (
    Binary,
    Call,
    Const,
    Neg,
    Node,
    Power,
    Var,
    Where,
    children,
)

Backward = Callable[[Array], list[Array | None]]
Rule = Callable[[Machine, list[Array], tuple[float, ...]], tuple[Array, Backward]]
Value = Array | float


class NoDerivative(Exception):
    """The framework raises (or has no gradient) for one of the program's ops."""


@dataclass(frozen=True)
class Framework:
    name: str
    flushes: bool
    ops: dict[str, str]
    rules: dict[str, Rule]
    wide_half: bool = False
    # How the backward pass walks the ops (see _order); the gradients reaching x are summed in
    # the order they arrive (an AddN in TensorFlow, one add at a time elsewhere).
    breadth_first: bool = False
    # Primitives the framework writes with its other ops (each becomes its own tape entries).
    composites: dict[str, Callable[[Call], Node]] = field(default_factory=dict)
    # Whether x + c, c + x and x - c for a number c leave no op on the tape: JAX's JVP passes
    # the tangent through unchanged, so those uses of x reach it in the order of the ops
    # around them.
    shifts_untaped: bool = False
    # Ops whose derivative is one term per argument, summed (JAX's defjvp): transposed last
    # term first, so x receives the last argument's gradient before the first's.
    last_argument_first: frozenset[str] = frozenset()
    # Bytes of input per step of the vectorised body, by dtype name (absent: no vector body).
    step_bytes: dict[str, int] = field(default_factory=dict)
    check: Callable[[str, tuple[float, ...]], str | None] = lambda name, params: None

    def refuse(self, node: Node) -> None:
        """Invalid if the program uses an op this framework does not have."""
        for call in _calls(node):
            reason = self.check(call.name, call.params)
            if reason:
                raise Invalid(f"{self.name} has no op for {call.name}: {reason}", ("program",))


@lru_cache(maxsize=1024)
def _numbers(node: Node) -> tuple[float, ...]:
    """The numbers a program holds, its primitives' parameters included."""
    own = (
        (node.value,) if isinstance(node, Const) else node.params if isinstance(node, Call) else ()
    )
    return own + tuple(n for child in children(node) for n in _numbers(child))


# The primitives whose framework kernels are emulated bit for bit, at up to microseconds per
# element each, as are powers.
KERNELS = frozenset({"exp", "log", "sin", "cos", "sqrt", "softplus"})


def kernel_calls(node: Node) -> int:
    """How many times the program runs one of those kernels: its calls of KERNELS and powers."""
    own = isinstance(node, Power) or (isinstance(node, Call) and node.name in KERNELS)
    return int(own) + sum(kernel_calls(child) for child in children(node))


@lru_cache(maxsize=1024)
def _calls(node: Node) -> tuple[Call, ...]:
    """The primitives a program calls (programs are parsed once and cached, so are these)."""
    found: list[Call] = [node] if isinstance(node, Call) else []
    for child in children(node):
        found.extend(_calls(child))
    return tuple(found)


@dataclass
class _Tape:
    machine: Machine
    framework: Framework
    x: Array
    entries: list[tuple[Backward, list[int | None]]] = field(default_factory=list)

    def record(self, backward: Backward, ids: list[int | None]) -> int:
        self.entries.append((backward, ids))
        return len(self.entries)


_PYTHON = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}
X = 0  # the id of x itself; op results are numbered from 1 in the order they were made


def _run(tape: _Tape, node: Node) -> tuple[Value, int | None]:
    """The node's value and, if it depends on x, its id on the tape."""
    _m, rules = tape.machine, tape.framework.rules
    match node:
        case Var():
            return tape.x, X
        case Const(value):
            return value, None
        case Neg(arg):
            a, i = _run(tape, arg)
            if isinstance(a, float):
                return -a, None
            return _apply(tape, rules["neg"], [(a, i)], ())
        case Binary(op, left, right):
            a, i = _run(tape, left)
            b, j = _run(tape, right)
            if isinstance(a, float) and isinstance(b, float):
                return _python(op, a, b), None
            if op == "/" and isinstance(a, float) and "rdiv" in rules:
                return _apply(tape, rules["rdiv"], [(a, i), (b, j)], ())
            # When the right operand is a number: (1, 1 if the left operand was computed from
            # x but carries no derivative, as where(x < 0, 0, 2) does; numbers alone are 0-d)
            from_x = isinstance(a, np.ndarray) and a.ndim > 0
            literal = (1.0, float(i is None and from_x)) if isinstance(b, float) else ()
            out, index = _apply(tape, rules[op], [(a, i), (b, j)], literal, name=op)
            if tape.framework.shifts_untaped and index is not None:
                shift = op == "+" or (op == "-" and isinstance(b, float))
                if shift and (isinstance(a, float) or isinstance(b, float)):
                    tape.entries.pop()  # the shift's own entry: its tangent is x's
                    return out, i if j is None else j
            return out, index
        case Power(base, exponent):
            a, i = _run(tape, base)
            if isinstance(a, float):
                return _python_power(a, exponent), None
            return _apply(tape, rules["pow"], [(a, i)], (float(exponent),))
        case Call(name, args, params) if name in tape.framework.composites:
            return _run(tape, tape.framework.composites[name](node))
        case Call(name, args, params):
            values = [_run(tape, arg) for arg in args]
            return _apply(tape, rules[name], values, params, tensors=True, name=name)
        case Where(op, left, right, then, otherwise):
            a, i = _run(tape, left)
            b, j = _run(tape, right)
            condition, _ = _apply(tape, rules[op], [(a, i), (b, j)], (), True)
            t, k = _run(tape, then)
            o, n = _run(tape, otherwise)
            return _apply(tape, rules["where"], [(condition, None), (t, k), (o, n)], (), True)
    raise AssertionError(node)


def _python(op: str, a: float, b: float) -> float:
    try:
        return float(_PYTHON[op](a, b))
    except ZeroDivisionError:
        raise Invalid("the program divides a number by zero", ("program",)) from None


def _python_power(a: float, exponent: int) -> float:
    try:
        return float(a**exponent)
    except (ZeroDivisionError, OverflowError) as error:
        raise Invalid(f"a power of a number cannot be taken: {error}", ("program",)) from None


def _apply(
    tape: _Tape,
    rule: Rule,
    args: list[tuple[Value, int | None]],
    params: tuple[float, ...],
    tensors: bool = False,
    name: str = "",
) -> tuple[Array, int | None]:
    """The rule applied. A number given to an arithmetic operator stays a Python scalar (which
    PyTorch keeps in float32 for a float16 kernel); one compared with x or given to a function
    (`tensors`) is a value of x's dtype."""
    convert = tape.machine.array if tensors else tape.machine.scalar
    arrays = [a if isinstance(a, np.ndarray) else convert(a) for a, _ in args]
    value, backward = rule(tape.machine, arrays, params)
    # numpy gives a 0-d array's result as a scalar, and a float64 one is a Python float too:
    # kept so, it would pass for a number of the program (x ** -1 at a 0-d 0.0 raising Invalid)
    value = np.asarray(value)
    ids = [i for _, i in args]
    if all(i is None for i in ids):
        return value, None
    if name in tape.framework.last_argument_first:
        return value, tape.record(lambda g: backward(g)[::-1], ids[::-1])
    return value, tape.record(backward, ids)


@dataclass(frozen=True)
class Result:
    value: Array
    derivative: Array
    connected: bool


def run(framework: Framework, node: Node, x: Array) -> Result:
    """The framework's forward value and reverse-mode derivative of the program at each x."""
    tape, value, root = _forward(framework, node, x)
    with np.errstate(all="ignore"):
        if root is None:
            return Result(value, np.zeros_like(x), False)
        if root == X:
            return Result(value, np.ones_like(x), True)
        return Result(value, _own(_backward(tape, root), x), True)


def forward(framework: Framework, node: Node, x: Array) -> Array:
    """The framework's forward value alone (no record is kept for a backward pass)."""
    return _forward(framework, node, x)[1]


def _forward(framework: Framework, node: Node, x: Array) -> tuple[_Tape, Array, int | None]:
    framework.refuse(node)
    machine = Machine.of(
        x.dtype,
        framework.flushes,
        framework.wide_half,
        framework.step_bytes.get(x.dtype.name, 0),
        (x, *(np.asarray(c, dtype=x.dtype) for c in _numbers(node))),
    )
    tape = _Tape(machine, framework, x)
    with np.errstate(all="ignore"):
        value, root = _run(tape, node)
        return tape, _own(value, x), root


def _own(value: Value, x: Array) -> Array:
    """value as a new array shaped and typed like x (no copy when it already is one)."""
    if (
        isinstance(value, np.ndarray)
        and value.shape == x.shape
        and value.dtype == x.dtype
        and not np.may_share_memory(value, x)
    ):
        return value
    return np.broadcast_to(np.asarray(value, dtype=x.dtype), x.shape).copy()


def _order(tape: _Tape, root: int) -> list[int]:
    """The ops in the order the backward pass visits them.

    PyTorch's engine and JAX's transpose take the most recently made op first; TensorFlow's
    tape walks from the result breadth first, each op's inputs in order.
    """
    if not tape.framework.breadth_first:
        return list(range(root, 0, -1))
    order, queue = [], deque([root])
    while queue:
        index = queue.popleft()
        order.append(index)
        queue.extend(i for i in tape.entries[index - 1][1] if i is not None and i != X)
    return order


def _backward(tape: _Tape, root: int) -> Array:
    """The derivative: each op's backward rule in turn, the gradients that reach x summed in
    the order they arrive."""
    m = tape.machine
    cotangents: dict[int, Array] = {root: m.array(1)}  # broadcast by the first rule
    into_x: list[Array] = []
    for index in _order(tape, root):
        g = cotangents.pop(index, None)
        if g is None:
            continue
        backward, ids = tape.entries[index - 1]
        for grad, target in zip(backward(g), ids, strict=True):
            if target is None or grad is None:
                continue
            if target == X:
                into_x.append(grad)
            else:
                cotangents[target] = grad
    if not into_x:
        return m.zeros(tape.x)
    total = into_x[0]
    for grad in into_x[1:]:
        total = m.add(total, grad)
    return total
