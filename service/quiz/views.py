"""The public shapes of items and their gradings, built from the bank's items: what a learner
may see of an item, and what the reveal policy shows once it allows."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from service.core.catalogue import CATALOGUE
from service.evaluation.schemas import Graph
from service.evaluation.service import GraphOf, graph
from service.quiz.core import answers, items
from service.quiz.core.grading import diagnosis, quotients
from service.quiz.core.items import FunctionRef, Item
from service.quiz.core.taxonomy import MISCONCEPTION_TITLES
from service.quiz.models import Attempt
from service.quiz.responses import ITEM_RESPONSE
from service.quiz.schemas import (
    Evidence,
    GradedTry,
    PublicChoice,
    PublicFunction,
    PublicHint,
    Revealed,
)


def public_function(item: Item) -> PublicFunction | None:
    """The catalogue function an item is about, as a frontend plots it."""
    if item.function is None:
        return None
    fn = CATALOGUE[item.function.name]
    return PublicFunction(
        name=fn.name, title=fn.title, formula=fn.formula, params=dict(item.function.params)
    )


def graph_of(function: FunctionRef | None, of: GraphOf) -> Graph | None:
    if function is None:
        return None
    return graph(function.name, tuple(sorted(function.params.items())), of)


def summary(item: Item) -> dict[str, Any]:
    """The fields of schemas.ItemSummary: what anyone may read of an item."""
    return {
        "item_id": item.id,
        "version": item.version,
        "type": item.type,
        "topics": list(item.topics),
        "difficulty": item.difficulty,
        "stem": item.stem,
        "function": public_function(item),
    }


def choices(item: Item, order: Sequence[str]) -> list[PublicChoice]:
    """The item's choices in the order this quiz shows them."""
    texts = {c.id: c.text for c in item.choices}
    return [PublicChoice(id=c, text=texts[c]) for c in order if c in texts]


def shown(item: Item, order: Sequence[str]) -> dict[str, Any]:
    """What a quiz shows of an item, in PublicItem's fields and ItemState's alike, with the
    choices in the quiz's order; the number of hints offered is left to each."""
    return {
        **summary(item),
        "choices": choices(item, order),
        "graph": graph_of(item.function, "function"),
        "points": item.points,
        "length": item.length,
        "labels": list(item.labels) if item.labels is not None else None,
    }


def title(misconception: str | None) -> str | None:
    return MISCONCEPTION_TITLES.get(misconception) if misconception else None


def feedback(attempt: Attempt, revealed: bool) -> str:
    """The feedback written for a try once the policy reveals; before that, the verdict or the
    misconception in general words."""
    return attempt.feedback if revealed else diagnosis(attempt.correct, attempt.misconception)


def graded_try(attempt: Attempt, item: Item, revealed: bool) -> GradedTry:
    return GradedTry(
        number=attempt.try_number,
        response=ITEM_RESPONSE.validate_python({"type": item.type, **attempt.response}),
        correct=attempt.correct,
        credit=attempt.fraction,
        score=attempt.score,
        feedback=feedback(attempt, revealed),
        misconception=attempt.misconception,
        misconception_title=title(attempt.misconception),
    )


def evidence(source: items.Probe) -> Evidence:
    """The one-sided difference quotients of f at x, as a table."""
    return Evidence(x=source.x, quotients=list(quotients(source)))


def hint(number: int, taken: items.Hint) -> PublicHint:
    table = evidence(taken.evidence) if taken.evidence is not None else None
    return PublicHint(number=number, text=taken.text, evidence=table)


def reveal(target: Revealed, item: Item) -> None:
    """Everything the reveal policy withholds until it allows: key, explanation, the
    difference quotients and the graph of f'."""
    target.explanation = item.explanation
    target.key = ITEM_RESPONSE.validate_python({"type": item.type, **answers.to_json(item.key)})
    if item.evidence is not None:
        target.evidence = evidence(item.evidence)
    subgradient = graph_of(item.function, "subgradient")
    if subgradient is not None:
        target.subgradient_graph = subgradient
