"""The fixed vocabularies of the quiz: topics, answer types and named misconceptions."""

from __future__ import annotations

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

ANSWER_TYPES = (
    "single_choice",
    "multiple_choice",
    "true_false",
    "numeric",
    "interval",
    "point_set",
    "one_sided_pair",
    "vector",
)

MISCONCEPTIONS: dict[str, str] = {
    "continuous-implies-differentiable": (
        "Continuity does not imply differentiability: relu is continuous at 0 but its one-sided "
        "derivatives there differ."
    ),
    "differentiable-not-continuous": (
        "Differentiability implies continuity: a function with a derivative at a point is "
        "continuous there."
    ),
    "left-right-swapped": "The left and right sides were swapped.",
    "value-for-derivative": "That is the function's value, not its derivative.",
    "convention-as-truth": (
        "That is a framework's convention, not mathematics: the derivative does not exist there, "
        "and frameworks pick one subgradient and move on."
    ),
    "truth-for-convention": (
        "The question asks what a framework returns, which is its convention, not whether the "
        "derivative exists."
    ),
    "subgradient-unique": (
        "At a kink a convex function has a whole interval of subgradients, not a single one."
    ),
    "subdifferential-open": "The subdifferential of a convex function is a closed interval.",
    "jump-has-subgradient": (
        "At a jump the function is not continuous, so it has no derivative and no subgradient."
    ),
    "limit-is-value": "A limit describes nearby values; it need not equal the value at the point.",
    "kink-missed": "A point where the one-sided derivatives differ was left out.",
    "smooth-point-included": "A point where the function is differentiable was counted as a kink.",
    "autodiff-is-exact": (
        "Autodiff applies the chain rule to the program as written, with one chosen value at each "
        "kink; on some programs that is not a derivative of the function computed."
    ),
    "derivative-continuous-assumed": (
        "A derivative can exist everywhere without being continuous (x^2 sin(1/x) at 0)."
    ),
    "measure-zero-ignored": (
        "The kink is a single point, a set of measure zero: random inputs hit it with "
        "probability zero, but low-precision floats make it more likely."
    ),
    "negative-zero-confused": "-0.0 compares equal to 0.0; relu(-0.0) is 0.",
    "nan-ignored": "NaN propagates through arithmetic and comparisons are false.",
    "sign-error": "The sign is wrong.",
}
