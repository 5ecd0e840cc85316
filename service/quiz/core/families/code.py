"""A program as a framework's user writes it: torch.maximum(x, torch.zeros_like(x)),
jnp.where(x > 0, x, 0), tf.math.maximum(x, 0)."""

from __future__ import annotations

import re
from collections.abc import Callable

from service.core.programs import FRAMEWORKS, syntax
from service.core.programs.syntax import Binary, Call, Const, Neg, Node, Var, Where

WHERE_OP = {"pytorch": "torch.where", "jax": "jnp.where", "tensorflow": "tf.where"}


def op(framework: str, name: str) -> str:
    if name == "where":
        return WHERE_OP[framework]
    return FRAMEWORKS[framework].ops[name].replace("jax.numpy.", "jnp.")


def _rebuild(node: Node, change: Callable[[Node], Node]) -> Node:
    """The tree with `change` applied to every node, children first."""
    match node:
        case Neg(arg):
            node = Neg(_rebuild(arg, change))
        case Binary(operator, left, right):
            node = Binary(operator, _rebuild(left, change), _rebuild(right, change))
        case Call(name, args, params):
            node = Call(name, tuple(_rebuild(arg, change) for arg in args), params)
        case Where(comparison, left, right, then, otherwise):
            parts = (_rebuild(part, change) for part in (left, right, then, otherwise))
            node = Where(comparison, *parts)
    return change(node)


def code(framework: str, node: Node) -> str:
    """The program as a user of the framework writes it, on a float32 scalar x."""

    def tensor(arg: Node) -> Node:  # torch.maximum and torch.minimum take tensors only
        if not isinstance(arg, Const) or framework != "pytorch":
            return arg
        if arg.value == 0:
            return Call("torch.zeros_like", (Var(),))
        return Call("torch.full_like", (Var(),), (arg.value,))

    def rename(node: Node) -> Node:
        if not isinstance(node, Call):
            return node
        args = tuple(map(tensor, node.args)) if node.name in ("max", "min") else node.args
        return Call(op(framework, node.name), args, node.params)

    text = syntax.unparse(_rebuild(node, rename))
    return re.sub(r"\bwhere\(", f"{WHERE_OP[framework]}(", text)
