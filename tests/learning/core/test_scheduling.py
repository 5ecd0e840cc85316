from __future__ import annotations

from datetime import UTC, datetime, timedelta

from fsrs import Rating

from service.learning.core import scheduling

NOON = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)


def test_only_a_wrong_partly_right_or_misconceived_answer_makes_a_card() -> None:
    assert scheduling.needs_card(0.0, None)
    assert scheduling.needs_card(0.5, None)
    assert scheduling.needs_card(1.0, "convention-as-truth")
    assert not scheduling.needs_card(1.0, None)


def test_ratings() -> None:
    assert scheduling.rating(0.0, None) == Rating.Again
    assert scheduling.rating(1.0, "sign-error") == Rating.Again
    assert scheduling.rating(0.5, None) == Rating.Hard
    assert scheduling.rating(1.0, None) == Rating.Good


def test_a_wrong_answer_comes_back_in_ten_minutes_then_further_apart() -> None:
    card = scheduling.review(None, 0.0, "convention-as-truth", NOON)
    assert scheduling.due(card) == NOON + timedelta(minutes=10)
    first = scheduling.due(card)
    card = scheduling.review(card, 1.0, None, first)
    second = scheduling.due(card)
    assert second - first >= timedelta(days=1)
    card = scheduling.review(card, 1.0, None, second)
    third = scheduling.due(card)
    assert third - second > second - first


def test_a_wrong_review_brings_the_card_back_soon() -> None:
    card = scheduling.review(None, 0.0, None, NOON)
    card = scheduling.review(card, 1.0, None, scheduling.due(card))
    card = scheduling.review(card, 1.0, None, scheduling.due(card))
    lapse = scheduling.due(card)
    card = scheduling.review(card, 0.0, None, lapse)
    assert scheduling.due(card) - lapse <= timedelta(minutes=10)


def test_the_schedule_follows_from_the_answers_alone() -> None:
    one = scheduling.review(None, 0.5, None, NOON)
    two = scheduling.review(None, 0.5, None, NOON)
    assert one == two
