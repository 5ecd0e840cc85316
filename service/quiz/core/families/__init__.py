"""Generated item families: variants drawn from a seed, keys computed from the catalogue.

Every key is derived from the catalogue's kinks, derivatives and framework presets, never typed
in; each variant also states the numeric facts its key rests on, which the test suite checks with
one-sided difference quotients on many seeds.

registry.py says what a family is and registers it, functions.py reads the catalogue, text.py
writes numbers and expressions into stems; each of the other modules holds the families of one
topic, and importing it registers them.
"""

from __future__ import annotations

from service.quiz.core.families import (  # noqa: F401  (imported to register their families)
    autodiff,
    kinks,
    one_sided,
    programs,
    smoothness,
    subgradients,
)
from service.quiz.core.families.registry import FAMILIES, Fact, Family, Variant

__all__ = ["FAMILIES", "Fact", "Family", "Variant"]
