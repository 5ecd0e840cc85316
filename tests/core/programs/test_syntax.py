from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from service.core.errors import Invalid
from service.core.programs.syntax import (
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_NODES,
    MAX_POWER,
    PRIMITIVES,
    Binary,
    Call,
    Const,
    Neg,
    Node,
    Power,
    Var,
    Where,
    children,
    parse,
    unparse,
)

X = Var()


def c(value: float) -> Const:
    return Const(value)


def column_of(error: Invalid) -> int:
    match = re.match(r"column (\d+): ", error.message)
    assert match, error.message
    return int(match.group(1))


# --- precedence and associativity ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "tree"),
    [
        ("-x^2", Neg(Power(X, 2))),
        ("-x**2", Neg(Power(X, 2))),
        ("(-x)^2", Power(Neg(X), 2)),
        ("x^-2", Power(X, -2)),
        ("x ^ (-2)", Power(X, -2)),
        (
            "2*x-3/x+1",
            Binary("+", Binary("-", Binary("*", c(2), X), Binary("/", c(3), X)), c(1)),
        ),
        ("x - -x", Binary("-", X, Neg(X))),
        ("x - x - x", Binary("-", Binary("-", X, X), X)),
        ("x - (x - x)", Binary("-", X, Binary("-", X, X))),
        ("x / 2 / 4", Binary("/", Binary("/", X, c(2)), c(4))),
        ("x / (2 * x)", Binary("/", X, Binary("*", c(2), X))),
        ("-x * 2", Binary("*", Neg(X), c(2))),
        ("2 * -x", Binary("*", c(2), Neg(X))),
        ("--x", Neg(Neg(X))),
        ("+x", X),
        ("2^3", Power(c(2), 3)),
        ("(x^2)^3", Power(Power(X, 2), 3)),
        ("relu(x)^2 + x", Binary("+", Power(Call("relu", (X,)), 2), X)),
        ("1.5e-3 * x", Binary("*", c(0.0015), X)),
        (".5 + 1.", Binary("+", c(0.5), c(1.0))),
        ("leaky_relu(x)", Call("leaky_relu", (X,), (0.01,))),
        ("hardtanh(x)", Call("hardtanh", (X,), (-1.0, 1.0))),
        ("clamp(x, -(1), 2.5)", Call("clamp", (X,), (-1.0, 2.5))),
        ("max(x, -x)", Call("max", (X, Neg(X)))),
        (
            "where(x + 1 <= 2 * x, x, 0)",
            Where("<=", Binary("+", X, c(1)), Binary("*", c(2), X), X, c(0)),
        ),
    ],
)
def test_precedence_and_associativity(text: str, tree: Node) -> None:
    """Unary minus binds looser than a power and tighter than a product; + - * / associate to
    the left; defaults fill the parameters left out."""
    assert parse(text) == tree


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("-x^2", "-x^2"),
        ("(-x)**2", "(-x)^2"),
        ("2*x-3/x+1", "2 * x - 3 / x + 1"),
        ("x - -x", "x - -x"),
        ("x*(-x)", "x * (-x)"),
        ("x-(x-x)", "x - (x - x)"),
        ("x**-3", "x^(-3)"),
        ("--x", "-(-x)"),
        ("leaky_relu(x)", "leaky_relu(x, 0.01)"),
        ("clamp(x,-1,1e20)", "clamp(x, -1, 1e+20)"),
        ("where(x>0,x,0)", "where(x > 0, x, 0)"),
    ],
)
def test_canonical_text(text: str, canonical: str) -> None:
    """unparse writes the fewest parentheses that keep the tree, one space around binary ops."""
    assert unparse(parse(text)) == canonical


# --- round trip ------------------------------------------------------------------------------

COMPARISONS = ("<", "<=", ">", ">=", "==", "!=")
finite = st.floats(allow_nan=False, allow_infinity=False)
# The parser reads a number without a sign: a negative constant is Neg(Const).
constants = st.builds(Const, finite.map(abs))


def calls(expression: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    def build(name: str) -> st.SearchStrategy[Node]:
        signature = PRIMITIVES[name]
        args = st.tuples(*[expression] * signature.args)
        params = st.tuples(*[finite] * len(signature.params))
        if name in ("clamp", "hardtanh"):  # bounds in order: crossed ones are refused
            params = params.map(lambda bounds: tuple(sorted(bounds)))
        return st.builds(Call, st.just(name), args, params)

    return st.sampled_from(sorted(PRIMITIVES)).flatmap(build)


def grow(expression: st.SearchStrategy[Node]) -> st.SearchStrategy[Node]:
    return st.one_of(
        st.builds(Neg, expression),
        st.builds(Binary, st.sampled_from(["+", "-", "*", "/"]), expression, expression),
        st.builds(Power, expression, st.integers(-MAX_POWER, MAX_POWER)),
        calls(expression),
        st.builds(
            Where, st.sampled_from(COMPARISONS), expression, expression, expression, expression
        ),
    )


def count(tree: Node) -> int:
    return 1 + sum(count(child) for child in children(tree))


def depth(tree: Node) -> int:
    return 1 + max((depth(child) for child in children(tree)), default=0)


trees = st.recursive(st.just(X) | constants, grow, max_leaves=12)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(trees)
def test_round_trip(tree: Node) -> None:
    """Every tree the parser could give reads back from its canonical text as itself."""
    text = unparse(tree)
    if len(text) > MAX_LENGTH or count(tree) > MAX_NODES or depth(tree) > MAX_DEPTH:
        return  # over a limit: refused by design, not a round-trip failure
    assert parse(text) == tree, text


@pytest.mark.parametrize(
    "tree", [Power(Power(X, 2), 3), Power(Power(Call("relu", (X,)), -1), 2)], ids=str
)
def test_round_trip_of_a_power_of_a_power(tree: Node) -> None:
    """The grammar has no x^2^3: a power's base that is itself a power needs parentheses."""
    assert parse(unparse(tree)) == tree


# --- errors and their columns ----------------------------------------------------------------


def balanced_sum(leaves: int) -> str:
    """x + x + ... with `leaves` terms, parenthesised as a balanced tree (shallow)."""
    if leaves == 1:
        return "x"
    half = leaves // 2
    return f"({balanced_sum(half)} + {balanced_sum(leaves - half)})"


TOO_DEEP = "relu(" * MAX_DEPTH + "x" + ")" * MAX_DEPTH  # MAX_DEPTH calls + x: one level over
TOO_MANY = balanced_sum(MAX_NODES // 2 + 1)  # 51 leaves and 50 sums, 8 deep


@pytest.mark.parametrize(
    ("text", "column", "says"),
    [
        ("", 1, "empty"),
        ("   ", 1, "empty"),
        ("x)", 2, "unexpected ')'"),
        ("relu(x))", 8, "unexpected ')'"),
        ("(x", 3, "ends too early"),  # where the ')' is missing, not at the x
        ("relu(x", 7, "ends too early"),
        ("x +", 4, "ends too early"),
        ("x^", 3, "ends too early"),
        ("foo(x)", 1, "no primitive named 'foo'"),
        ("x + foo(x)", 5, "no primitive named 'foo'"),
        ("relu(x, 1)", 1, "relu takes (x)"),
        ("max(x)", 1, "max takes (x, x)"),
        ("x + min(x, x, x)", 5, "min takes (x, x)"),
        ("clamp(x, 0)", 1, "max has no default"),
        ("leaky_relu(x, x)", 1, "must be a number"),
        ("x < 1", 3, "unexpected '<'"),
        ("relu(x < 1)", 8, "a comparison may only be where()'s first argument"),
        ("where(x > 0, x < 1, 0)", 16, "a comparison may only be where()'s first argument"),
        ("where(x, 1, 0)", 1, "where takes (comparison, then, otherwise)"),
        ("x^17", 3, "powers are integers from -16 to 16"),
        ("x**-17", 4, "powers are integers from -16 to 16"),
        ("x^1.5", 4, "unexpected '.5'"),
        ("x^y", 3, "unexpected 'y'"),
        ("1e999 * x", 1, "too large"),
        ("2 x", 3, "unexpected 'x'"),
        ("X", 1, "unexpected character 'X'"),
        ("x" * (MAX_LENGTH + 1), MAX_LENGTH + 1, f"at most {MAX_LENGTH} characters"),
        (TOO_DEEP, 1, f"nests {MAX_DEPTH + 1} deep; at most {MAX_DEPTH}"),
        (TOO_MANY, 1, f"has {MAX_NODES + 1} nodes; at most {MAX_NODES}"),
    ],
)
def test_errors_name_their_column(text: str, column: int, says: str) -> None:
    """Each refusal is one Invalid at ("program",), its message the 1-based column of the fault
    and what is wrong there."""
    with pytest.raises(Invalid) as caught:
        parse(text)
    assert caught.value.loc == ("program",)
    assert caught.value.problems[0].loc == ("program",)
    assert column_of(caught.value) == column, caught.value.message
    assert says in caught.value.message


def test_limits_are_inclusive() -> None:
    """A program exactly at each limit is read."""
    parse("x" + " " * (MAX_LENGTH - 1))
    parse("relu(" * (MAX_DEPTH - 1) + "x" + ")" * (MAX_DEPTH - 1))
    assert parse(f"-{balanced_sum(MAX_NODES // 2)}")  # 50 leaves, 49 sums and a negation
    parse(f"x^{MAX_POWER} + x^(-{MAX_POWER})")


def test_column_counts_across_lines() -> None:
    """A program may span lines (whitespace is free), and the page puts the caret at column - 1
    of the whole text: the column counts from the program's start, not the line's."""
    with pytest.raises(Invalid) as caught:
        parse("relu(x) +\n)")
    assert column_of(caught.value) == 11, caught.value.message


ALPHABET = "x()+-*/^<>=!,.0123456789eabcdefghijklmnopqrstuvwyz_ \n"
TOKENS = ["x", "(", ")", "+", "-", "*", "**", "^", "/", ",", " ", "<", "<=", "==", "!=", "1", "2.5"]
TOKENS += ["1e3", ".5", "16", "17", "where(", "relu(", "max(", "clamp(", "leaky_relu(", "foo("]


@settings(max_examples=1500, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=60) | st.lists(st.sampled_from(TOKENS)).map("".join))
def test_nothing_but_invalid_is_raised(text: str) -> None:
    """Whatever is typed, parse answers a tree or one Invalid at ("program",) whose column lies
    within the text or just past its end."""
    try:
        tree: Node | Invalid = parse(text)
    except Invalid as error:
        tree = error
    if isinstance(tree, Invalid):
        assert tree.loc == ("program",)
        assert 1 <= column_of(tree) <= len(text) + 1, (text, tree.message)
    else:
        assert isinstance(tree, Var | Const | Neg | Binary | Power | Call | Where)
