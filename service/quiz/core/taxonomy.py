"""The fixed vocabularies of the quiz: topics, answer types and named misconceptions."""

from __future__ import annotations

from typing import Literal, get_args

TOPICS: dict[str, str] = {
    "continuity": "Limits and continuity of piecewise functions",
    "one-sided-limits": "Left and right limits, and jumps",
    "differentiability": "Where a function has a derivative, and where it does not",
    "one-sided-derivatives": "Left and right derivatives from difference quotients",
    "subgradients": "Subgradients and the subdifferential at a kink",
    "autodiff-conventions": "What PyTorch, JAX and TensorFlow return at kinks",
    "gradient-descent": "Why training works with a non-differentiable ReLU",
    "smoothness": "C1, smooth and almost-everywhere differentiable functions",
}

AnswerType = Literal[
    "single_choice",
    "multiple_choice",
    "true_false",
    "numeric",
    "interval",
    "point_set",
    "one_sided_pair",
    "vector",
]
ANSWER_TYPES: tuple[AnswerType, ...] = get_args(AnswerType)

# Each text names the mistake in general terms and states no item's key: a learner reads it
# after a wrong try, while the item may still be open.
MISCONCEPTIONS: dict[str, str] = {
    "continuous-implies-differentiable": (
        "Continuity does not imply differentiability: a continuous function can have a corner, "
        "where its one-sided derivatives differ."
    ),
    "differentiable-not-continuous": (
        "A derivative at a point forces continuity there; a jump rules a derivative out."
    ),
    "left-right-swapped": "The left and right sides were swapped.",
    "value-for-derivative": "That is a value of the function, not a slope.",
    "convention-as-truth": (
        "A framework's value at a kink is a convention: it must return some number, whether or "
        "not a derivative exists there."
    ),
    "truth-for-convention": (
        "The question asks what a framework returns, which is its convention, not whether the "
        "derivative exists."
    ),
    "subgradient-unique": (
        "At a kink a convex function can have a whole interval of subgradients, not a single one."
    ),
    "subdifferential-open": "A subdifferential contains its endpoints: it is a closed set.",
    "jump-has-subgradient": (
        "A jump is not a kink: the function is not locally Lipschitz there, so the one-sided "
        "derivatives do not bound a Clarke subdifferential."
    ),
    "limit-is-value": "A limit describes nearby values; it need not equal the value at the point.",
    "kink-missed": "A point where the one-sided derivatives differ was left out.",
    "smooth-point-included": "A point where the function is differentiable was counted as a kink.",
    "one-sided-dne-assumed": (
        "Where the derivative does not exist, the one-sided derivatives still can: each is the "
        "slope of one piece."
    ),
    "kinked-for-smooth": (
        "A smooth approximation of relu is not relu: its derivative changes gradually instead "
        "of jumping from 0 to 1."
    ),
    "autodiff-is-exact": (
        "Autodiff applies the chain rule to the program as written, with one chosen value at each "
        "kink; on some programs that is not a derivative of the function computed."
    ),
    "derivative-continuous-assumed": (
        "A derivative can exist at a point without being continuous there."
    ),
    "measure-zero-ignored": (
        "A single point has measure zero, but floating-point rounding lands on it far more often "
        "than measure zero suggests."
    ),
    "negative-zero-confused": "-0.0 is the number 0: it compares equal to 0.0.",
    "nan-ignored": (
        "NaN propagates through arithmetic, and every ordered comparison with it is false."
    ),
    "sign-error": "The sign is wrong.",
}

# What a page shows as each misconception's name: the mistaken belief, in a few words.
MISCONCEPTION_TITLES: dict[str, str] = {
    "continuous-implies-differentiable": "Continuity implies differentiability",
    "differentiable-not-continuous": "Differentiable at a jump",
    "left-right-swapped": "Left and right swapped",
    "value-for-derivative": "A value taken for a slope",
    "convention-as-truth": "A framework's convention taken for the derivative",
    "truth-for-convention": "The derivative given where a convention was asked",
    "subgradient-unique": "The subgradient is unique",
    "subdifferential-open": "The subdifferential is open",
    "jump-has-subgradient": "A jump has subgradients",
    "limit-is-value": "The limit is the value",
    "kink-missed": "A kink missed",
    "smooth-point-included": "A smooth point counted as a kink",
    "one-sided-dne-assumed": "No derivative, so no one-sided derivatives",
    "kinked-for-smooth": "A smooth approximation taken for relu",
    "autodiff-is-exact": "Autodiff always returns a derivative",
    "derivative-continuous-assumed": "A derivative is continuous",
    "measure-zero-ignored": "Floating point never lands on a kink",
    "negative-zero-confused": "-0.0 differs from 0",
    "nan-ignored": "NaN behaves like a number",
    "sign-error": "A flipped sign",
}
