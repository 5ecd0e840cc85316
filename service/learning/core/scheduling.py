"""Spaced review with FSRS (the `fsrs` package): an item answered wrongly, or with a named
misconception, becomes a card; every later first try of it is a review that moves the card's
due date. Fuzzing is off, so that a due date follows from the answers alone."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from fsrs import Card, Rating, Scheduler

SCHEDULER = Scheduler(
    learning_steps=(timedelta(minutes=10),),
    relearning_steps=(timedelta(minutes=10),),
    enable_fuzzing=False,
)


def rating(credit: float, misconception: str | None) -> Rating:
    """The review's rating from a first try: wrong or misconceived is Again, partly right is
    Hard, right is Good."""
    if misconception is not None or credit <= 0.0:
        return Rating.Again
    if credit < 1.0:
        return Rating.Hard
    return Rating.Good


def needs_card(credit: float, misconception: str | None) -> bool:
    return misconception is not None or credit < 1.0


def review(
    card: dict[str, Any] | None, credit: float, misconception: str | None, moment: datetime
) -> dict[str, Any]:
    """The card after a first try at `moment` (a new card when `card` is None), as stored."""
    current = Card.from_dict(card) if card is not None else Card(card_id=0, due=moment)  # type: ignore[arg-type]
    updated, _ = SCHEDULER.review_card(current, rating(credit, misconception), moment)
    return dict(updated.to_dict())


def due(card: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(card["due"])
