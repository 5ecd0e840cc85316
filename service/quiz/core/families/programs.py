"""Programs in a framework's own ops: what its reverse-mode autodiff returns at a kink, whether
that is a subgradient of the function computed, and which programs for relu get one at 0.

Keys come from service.core.programs (the emulation for what a framework returns, the exact
module for the one-sided derivatives). The programs are curated and piecewise linear, where the
emulation is bit for bit; tests/quiz/test_program_families.py checks each program's shape and
each rule the explanations quote."""

from __future__ import annotations

import random
import re
import string
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache, partial

import numpy as np

from service.core.errors import Invalid
from service.core.programs import FRAMEWORKS, emulation, exact, syntax
from service.core.programs.syntax import Call, Node, Where
from service.quiz.core.answers import MultipleChoice, Numeric, TrueFalse
from service.quiz.core.families.code import code, op
from service.quiz.core.families.functions import FRAMEWORK_NAMES
from service.quiz.core.families.registry import (
    FAMILIES,
    Draft,
    Family,
    Variant,
    family,
    one_sided_facts,
)
from service.quiz.core.families.text import n, paren, shifted, times
from service.quiz.core.items import Alternative, Choice, FunctionRef

# The function a program computes, as a stem writes it: {} is the argument.
SHAPES = {
    "relu": "\\max(0, {})",
    "identity": "{}",
    "abs": "|{}|",
    "min": "\\min({}, 0)",
    "zero": "0",
    "clamp": "\\min(\\max({}, 0), 1)",
    "relu6": "\\min(\\max({}, 0), 6)",
}
# Programs with a kink (or a tie between an op's inputs) at 0, by the shape they compute.
WRITTEN = {
    "relu": """relu(x) | max(x, 0) | max(0, x) | leaky_relu(x, 0) | relu(-x) + x
        | where(x > 0, x, 0) | where(x >= 0, x, 0) | where(x < 0, 0, x) | where(x <= 0, 0, x)
        | (relu(x) + relu(-x) + x) / 2 | (x + abs(x)) / 2 | x - min(x, 0) | x + max(-x, 0)
        | max(2 * x, x) - x | abs(x) - relu(-x) | abs(x) + min(x, 0) | 2 * relu(x) - max(x, 0)
        | 2 * max(x, 0) - relu(x) | relu(x) + relu(x) - where(x >= 0, x, 0)
        | max(x, 0) + where(x >= 0, x, 0) - relu(x)""",
    "identity": "relu(x) - relu(-x) | max(x, 0) + min(x, 0)",
    "abs": "abs(x) | max(x, -x) | relu(x) + relu(-x) | where(x > 0, x, -x) | where(x >= 0, x, -x)",
    "min": "min(x, 0) | x - relu(x) | where(x < 0, x, 0)",
    "zero": "max(x, 0) - relu(x) | relu(-x) + x - relu(x) | min(x, 0) + relu(-x)",
    "clamp": "clamp(x, 0, 1)",
    "relu6": "relu6(x)",
}
PROGRAMS = {shape: tuple(p.strip() for p in text.split("|")) for shape, text in WRITTEN.items()}

# What each framework's op does where its inputs tie; the op's name opens the sentence.
_HALF = "splits the gradient evenly between its arguments at a tie"
_SHARED = {
    "where": "sends the whole gradient to the branch its condition picks, and at the tie "
    "`>` and `<` are false while `>=` and `<=` are true",
    "relu": "passes the gradient only where x > 0: it takes 0 at 0",
    "relu6": "passes the gradient only strictly between 0 and 6",
    "max": _HALF,
    "min": _HALF,
    "abs": "has gradient sign(x), which is 0 at 0",
    "leaky_relu": "takes the negative slope at 0",
}
RULES = {
    "pytorch": _SHARED | {"clamp": "passes the gradient at its bounds too"},
    "jax": _SHARED
    | {
        "clamp": "is a maximum with the lower bound, then a minimum with the upper, "
        "so at a bound it splits the gradient as they do",
        "abs": "takes the slope 1 where x >= 0, so 1 at 0",
        "leaky_relu": "takes the slope 1 at 0",
    },
    "tensorflow": _SHARED
    | {
        "max": "sends the whole gradient to its first argument where it is >= the second",
        "min": "sends the whole gradient to its first argument where it is <= the second",
        "clamp": "is a minimum with the upper bound, then a maximum with the lower, each "
        "giving a tie to x, so the gradient passes at the bounds",
    },
}

# How each framework's user asks for the derivative at a point c.
DIFFERENTIATE = {
    "pytorch": "call `backward()` on it with `x = torch.tensor({c}, requires_grad=True)`",
    "jax": "evaluate `jax.grad(f)({c})`",
    "tensorflow": "ask a `tf.GradientTape` for its gradient at `x = tf.Variable({c})`",
}


# --- what the core computes of the programs --------------------------------------------------


def used(node: Node) -> list[str]:
    """The primitives (and where) of a program, in the order they first appear."""
    own = [node.name] if isinstance(node, Call) else ["where"] if isinstance(node, Where) else []
    return list(dict.fromkeys(own + [m for child in syntax.children(node) for m in used(child)]))


def rules(framework: str, nodes: list[Node]) -> str:
    """What the ops these programs use do at a tie in this framework, as one sentence."""
    names = dict.fromkeys(name for node in nodes for name in used(node))
    return "; ".join(f"`{op(framework, name)}` {RULES[framework][name]}" for name in names)


def transformed(text: str, a: float, c: float) -> Node:
    """a * program(x - c): the program scaled and moved right by c, so its kink is at c."""
    if c != 0:
        text = re.sub(r"\bx\b", f"(x - {n(c)})" if c > 0 else f"(x + {n(-c)})", text)
    if a != 1:
        text = f"-({text})" if a == -1 else f"{n(a)} * ({text})"
    return syntax.parse(text)


@lru_cache(maxsize=4096)
def returned(framework: str, node: Node, c: float) -> float | None:
    """What the framework's reverse-mode autodiff returns at x = c for a float32 x, or None
    where it cannot differentiate the program or has no op for it."""
    try:
        result = emulation.run(FRAMEWORKS[framework], node, np.array([c], dtype=np.float32))
    except (Invalid, emulation.NoDerivative):
        return None
    return float(result.derivative[0]) + 0.0


@lru_cache(maxsize=4096)
def one_sided(node: Node, c: float) -> tuple[float, float]:
    """The true left and right derivatives at c (both exist for these programs)."""
    _, left, right = exact.evaluate(node, np.array([c], dtype=np.float64))
    return float(left[0]) + 0.0, float(right[0]) + 0.0


def function(node: Node) -> Callable[[float], float]:
    """The program as a function of one number. The difference quotients of every variant
    drawn ask for the same few points of the same programs, so each value is kept."""
    return partial(_value, node)


@lru_cache(maxsize=65536)
def _value(node: Node, t: float) -> float:
    return float(exact.evaluate(node, np.array([t], dtype=np.float64))[0][0])


@dataclass(frozen=True)
class Drawn:
    """A program as a stem shows it, with what the framework returns and the truth at c."""

    framework: str
    program: Node
    c: float  # the kink, where the derivative is asked for
    latex: str  # the function the program computes
    value: float
    left: float
    right: float

    @property
    def name(self) -> str:
        return FRAMEWORK_NAMES[self.framework]

    @property
    def code(self) -> str:
        return code(self.framework, self.program)

    @property
    def inside(self) -> bool:
        return min(self.left, self.right) <= self.value <= max(self.left, self.right)

    def setting(self) -> str:
        how = DIFFERENTIATE[self.framework].format(c=repr(float(self.c)))
        return f"In {self.name}, you compute `f(x) = {self.code}` and {how}."

    def truth(self) -> str:
        """The function, its one-sided derivatives and its subdifferential at c."""
        c, low, high = n(self.c), n(min(self.left, self.right)), n(max(self.left, self.right))
        return (
            f"The program computes $f(x) = {self.latex}$, whose left and right derivatives at "
            f"$x = {c}$ are {n(self.left)} and {n(self.right)}, so $\\partial f({c}) = "
            + (f"\\{{{low}\\}}$. " if low == high else f"[{low}, {high}]$. ")
            + f"In the program explorer's notation, f is `{syntax.unparse(self.program)}`."
        )


def draw(rng: random.Random, framework: str, wanted: bool | None = None) -> Drawn:
    """A curated program, scaled and moved, of a shape drawn first; with `wanted`, one whose
    returned value is (True) or is not (False) a subgradient, where the shapes have one."""
    a = rng.choice([1, 1, 1, 2, -1, 0.5, 3])
    c = float(rng.choice([0, 0, 0, 1, -1, 2]))
    by_shape = candidates(framework, a, c)
    fitting = {s: [d for d in ds if d.inside == wanted] for s, ds in by_shape.items()}
    pool = by_shape if wanted is None else {s: ds for s, ds in fitting.items() if ds}
    return rng.choice(pool[rng.choice(sorted(pool))])


@lru_cache(maxsize=256)
def candidates(framework: str, a: float, c: float) -> dict[str, list[Drawn]]:
    """Every curated program scaled by a and moved to c that the framework can differentiate,
    by shape: worked out once per (framework, a, c), of which there are 60, not per quiz."""
    by_shape: dict[str, list[Drawn]] = {}
    for shape, texts in PROGRAMS.items():
        argument = paren(c) if shape == "identity" else shifted(c)
        latex = "0" if shape == "zero" else times(a, SHAPES[shape].format(argument))
        for text in texts:
            program = transformed(text, a, c)
            value = returned(framework, program, c)
            if value is not None:
                drawn = Drawn(framework, program, c, latex, value, *one_sided(program, c))
                by_shape.setdefault(shape, []).append(drawn)
    return by_shape


# --- items with choices ---------------------------------------------------------------------


@dataclass(frozen=True)
class ChoiceDraft(Draft):
    """A draft with choices, which the registry's Draft has no field for."""

    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class ChoiceFamily(Family):
    """A family whose variants are the registry's, with the draft's choices added."""

    def _variant(self, rng: random.Random) -> Variant:
        draft = self.draft(rng)
        assert isinstance(draft, ChoiceDraft)
        fixed = replace(self, draft=lambda _: draft)
        variant = Family._variant(fixed, rng)
        return replace(variant, item=replace(variant.item, choices=draft.choices))


# --- the families ---------------------------------------------------------------------------

CONVENTIONS = ("autodiff-conventions",)
BOTH = ("autodiff-conventions", "subgradients")


@family("gen.program-autodiff-value", version=1, topics=CONVENTIONS, difficulty=4, type="numeric")
def program_autodiff_value(rng: random.Random) -> Draft:
    drawn = draw(rng, rng.choice(list(FRAMEWORKS)))
    key = drawn.value
    alternatives = [Alternative(Numeric(None), 0.0, "truth-for-convention")]
    if drawn.left == drawn.right != key:
        alternatives.append(Alternative(Numeric(drawn.left), 0.0, "autodiff-is-exact"))
    others: dict[float, list[str]] = {}
    for other in FRAMEWORKS:
        value = returned(other, drawn.program, drawn.c)
        if value is not None and value != key and not drawn.left == drawn.right == value:
            others.setdefault(value, []).append(FRAMEWORK_NAMES[other])
    for value, names in sorted(others.items()):
        said = f"{n(value)} is what {' and '.join(names)} return{'s' * (len(names) == 1)} here"
        alternatives.append(Alternative(Numeric(value), 0.0, None, f"{said}, not {drawn.name}."))
    return Draft(
        stem=f"{drawn.setting()} What does reverse-mode autodiff return for $f'({n(drawn.c)})$?",
        key=Numeric(key),
        explanation=(
            f"{drawn.name} applies the chain rule to the program as written, op by op: "
            f"{rules(drawn.framework, [drawn.program])}. So it returns {n(key)}. {drawn.truth()}"
        ),
        f=function(drawn.program),
        facts=one_sided_facts(drawn.c, drawn.left, drawn.right),
        alternatives=tuple(alternatives),
        hints=(
            f"At $x = {n(drawn.c)}$ the inputs of each op tie at its kink. Find which argument "
            f"or branch each {drawn.name} op sends the gradient to there, then apply the chain "
            "rule to the program as written.",
        ),
    )


@family("gen.program-is-subgradient", version=1, topics=BOTH, difficulty=4, type="true_false")
def program_is_subgradient(rng: random.Random) -> Draft:
    drawn = draw(rng, rng.choice(list(FRAMEWORKS)), wanted=rng.random() < 0.5)
    key, value = drawn.inside, drawn.value
    low, high = sorted((drawn.left, drawn.right))
    if not key:
        misconception: str | None = "autodiff-is-exact"
    elif low == high:
        misconception = None
    else:
        misconception = "subdifferential-open" if value in (low, high) else "subgradient-unique"
    verdict = "a subgradient." if key else "not a subgradient of the function computed."
    return Draft(
        stem=(
            f"{drawn.setting()} Is the value it returns a subgradient of $f$ at "
            f"$x = {n(drawn.c)}$, that is, an element of the Clarke subdifferential "
            f"$\\partial f({n(drawn.c)})$?"
        ),
        key=TrueFalse(key),
        explanation=(
            f"{drawn.name} returns {n(value)}: {rules(drawn.framework, [drawn.program])}. "
            f"{drawn.truth()} So {n(value)} is {verdict}"
        ),
        f=function(drawn.program),
        facts=one_sided_facts(drawn.c, drawn.left, drawn.right),
        alternatives=(Alternative(TrueFalse(not key), 0.0, misconception),),
        evidence_at=drawn.c,
        hints=(
            "Find the function the program computes and its one-sided derivatives at the kink: "
            "they bound the subdifferential. Then find what the framework returns.",
        ),
    )


@family(
    "gen.program-right-at-kink",
    version=1,
    topics=BOTH,
    difficulty=5,
    type="multiple_choice",
)
def program_right_at_kink(rng: random.Random) -> Draft:
    framework = rng.choice(list(FRAMEWORKS))
    name = FRAMEWORK_NAMES[framework]
    relu = syntax.parse("relu(x)")
    left, right = one_sided(relu, 0.0)
    results = [(p, returned(framework, p, 0.0)) for p in map(syntax.parse, PROGRAMS["relu"])]
    found = [(p, v) for p, v in results if v is not None]
    inside = [(p, v) for p, v in found if left <= v <= right]
    outside = [(p, v) for p, v in found if not left <= v <= right]
    drawn = rng.sample(inside, rng.choice([2, 3])) + rng.sample(outside, rng.choice([1, 2]))
    rng.shuffle(drawn)
    ids = string.ascii_lowercase[: len(drawn)]
    good = [i for i, (_, v) in zip(ids, drawn, strict=True) if left <= v <= right]
    bad = [i for i in ids if i not in good]
    return ChoiceDraft(
        stem=(
            f"In {name}, each of these programs computes $\\operatorname{{relu}}(x) = "
            "\\max(0, x)$ for every $x$. For which of them is the derivative that reverse-mode "
            "autodiff returns at $x = 0$ an element of the subdifferential "
            "$\\partial\\operatorname{relu}(0)$? Select all that apply."
        ),
        key=MultipleChoice(frozenset(good)),
        choices=tuple(
            Choice(i, f"`{code(framework, p)}`", None if i in good else "autodiff-is-exact")
            for i, (p, _) in zip(ids, drawn, strict=True)
        ),
        explanation=(
            f"Every program computes relu, whose left and right derivatives at 0 are {n(left)} "
            f"and {n(right)}, so $\\partial\\operatorname{{relu}}(0) = [{n(left)}, {n(right)}]$. "
            f"{name} returns "
            + ", ".join(f"{n(v)} for ({i})" for i, (_, v) in zip(ids, drawn, strict=True))
            + f": {rules(framework, [p for p, _ in drawn])}. So ({'), ('.join(good)}) "
            + ("gets" if len(good) == 1 else "get")
            + f" a subgradient and ({'), ('.join(bad)}) "
            + ("does" if len(bad) == 1 else "do")
            + " not: the chain rule applies each op's rule, whatever function the program computes."
        ),
        f=function(relu),
        facts=one_sided_facts(0.0, left, right),
        alternatives=(Alternative(MultipleChoice(frozenset(ids)), 0.0, "autodiff-is-exact"),),
        function=FunctionRef("relu"),
        hints=(
            "All the programs compute the same function, so they share one subdifferential at 0. "
            f"Then find what {name} returns for each, op by op.",
        ),
    )


FAMILIES["gen.program-right-at-kink"] = ChoiceFamily(**vars(FAMILIES["gen.program-right-at-kink"]))
