from __future__ import annotations

import random
from datetime import UTC, datetime

from service.learning.core.irt import Ability, Parameters, probability
from service.learning.core.selection import TARGET, Candidate, Learner, choose

WHEN = datetime(2026, 11, 28, tzinfo=UTC)
NEW = Learner(abilities={})


def pick(
    candidates: list[Candidate],
    learner: Learner = NEW,
    asked: tuple[str, ...] = (),
    after_review: bool = False,
) -> str:
    choice = choose(candidates, learner, list(asked), random.Random(0), after_review=after_review)
    assert choice is not None
    return choice.id


def test_the_item_nearest_seventy_percent_is_chosen() -> None:
    learner = Learner(abilities={"t": Ability(1.0, 0.5, 5)})
    items = [Candidate(f"b{b}", ("t",), Parameters(b)) for b in (-3.0, -1.0, 0.2, 1.0, 3.0)]
    chosen = pick(items, learner)
    best = min(items, key=lambda c: abs(float(probability(1.0, c.parameters)) - TARGET))
    assert chosen == best.id == "b0.2"


def test_a_more_discriminating_item_wins_at_the_same_chance() -> None:
    items = [
        Candidate("flat", ("t",), Parameters(-0.85, 1.0)),
        Candidate("sharp", ("t",), Parameters(-0.42, 2.0)),
    ]
    assert pick(items) == "sharp"


def test_the_weakest_topic_comes_first() -> None:
    learner = Learner(abilities={"strong": Ability(1.5, 0.4, 8), "weak": Ability(-1.0, 0.5, 6)})
    items = [
        Candidate("s", ("strong",), Parameters(0.6)),
        Candidate("w", ("weak",), Parameters(-1.9)),
    ]
    choice = choose(items, learner, [], random.Random(0))
    assert choice is not None
    assert (choice.id, choice.topic) == ("w", "weak")


def test_a_shown_misconception_is_followed_up() -> None:
    learner = Learner(
        abilities={}, shown=frozenset({"sign-error"}), tested=frozenset({"sign-error"})
    )
    items = [
        Candidate("plain", ("t",), Parameters(-0.85)),
        Candidate("on-it", ("t",), Parameters(2.5), frozenset({"sign-error"})),
    ]
    choice = choose(items, learner, [], random.Random(0))
    assert choice is not None
    assert (choice.id, choice.reason) == ("on-it", "misconception")


def test_untested_misconceptions_are_probed_as_many_at_once_as_can_be() -> None:
    items = [
        Candidate("plain", ("t",), Parameters(-0.85)),
        Candidate("one", ("t",), Parameters(-0.85), frozenset({"a"})),
        Candidate("two", ("t",), Parameters(-0.85), frozenset({"b", "c"})),
    ]
    choice = choose(items, NEW, [], random.Random(0))
    assert choice is not None
    assert (choice.id, choice.reason) == ("two", "diagnostic")
    tested = Learner(abilities={}, tested=frozenset({"b", "c"}))
    assert pick(items, tested) == "one"
    everything = Learner(abilities={}, tested=frozenset({"a", "b", "c"}))
    choice = choose(items, everything, [], random.Random(0))
    assert choice is not None
    assert choice.reason == "practice"


def test_a_due_review_comes_first_but_not_twice_in_a_row() -> None:
    items = [Candidate(i, ("t",), Parameters(0.0)) for i in ("r1", "r2", "new")]
    learner = Learner(abilities={}, due=[("r2", WHEN), ("r1", WHEN.replace(year=2025))])
    first = choose(items, learner, [], random.Random(0))
    assert first is not None
    assert (first.id, first.reason) == ("r1", "review")
    assert pick(items, learner, ("r1",), after_review=True) == "new"
    assert pick(items, learner, ("r1", "new")) == "r2"
    # with nothing else left, a due item is asked even straight after a review
    assert pick(items, learner, ("r1", "new"), after_review=True) == "r2"


def test_nothing_is_asked_twice_and_none_is_left_at_the_end() -> None:
    items = [Candidate(f"i{n}", ("t",), Parameters(0.0)) for n in range(5)]
    asked: list[str] = []
    for _ in items:
        asked.append(pick(items, asked=tuple(asked)))
    assert sorted(asked) == sorted(c.id for c in items)
    assert choose(items, NEW, asked, random.Random(0)) is None
