"""Every query of the learners, in one place."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from service.learning.models import ItemParameter, Learner, LearnerTopic, ReviewCard
from service.quiz.models import Attempt, Quiz, QuizItem

LEARNER_ID = re.compile(r"[0-9a-f]{32}")


def get_learner(session: Session, learner_id: str, for_update: bool = False) -> Learner | None:
    """The learner; `for_update` locks the row, so that the updates of one learner (from any
    instance) queue instead of overwriting each other."""
    if not LEARNER_ID.fullmatch(learner_id):
        return None
    query = select(Learner).where(Learner.id == learner_id)
    if for_update:
        query = query.with_for_update()
    return session.scalars(query).one_or_none()


def add(session: Session, row: Learner | LearnerTopic | ReviewCard | ItemParameter) -> None:
    session.add(row)
    session.flush()


def topics(session: Session, learner_id: str) -> Sequence[LearnerTopic]:
    return session.scalars(select(LearnerTopic).where(LearnerTopic.learner_id == learner_id)).all()


def cards(session: Session, learner_id: str) -> Sequence[ReviewCard]:
    return session.scalars(
        select(ReviewCard).where(ReviewCard.learner_id == learner_id).order_by(ReviewCard.due)
    ).all()


def card(session: Session, learner_id: str, item_id: str) -> ReviewCard | None:
    return session.get(ReviewCard, (learner_id, item_id))


def attempts(session: Session, learner_id: str) -> Sequence[tuple[Attempt, list[str]]]:
    """The learner's attempts, oldest first, each with its item's topics."""
    rows = session.execute(
        select(Attempt, QuizItem.topics)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .join(
            QuizItem,
            (QuizItem.quiz_id == Attempt.quiz_id) & (QuizItem.position == Attempt.position),
        )
        .where(Quiz.learner_id == learner_id)
        .order_by(Attempt.created_at, Attempt.id)
    ).all()
    return [(attempt, list(item_topics)) for attempt, item_topics in rows]


def quizzes(session: Session, learner_id: str) -> Sequence[Quiz]:
    return session.scalars(
        select(Quiz).where(Quiz.learner_id == learner_id).order_by(Quiz.created_at)
    ).all()


def quiz_attempts(session: Session, quiz_id: str) -> Sequence[Attempt]:
    return session.scalars(
        select(Attempt)
        .where(Attempt.quiz_id == quiz_id)
        .order_by(Attempt.position, Attempt.try_number)
    ).all()


def forget(session: Session, learner_id: str) -> bool:
    """Deletes the learner and what is stored about them; their quizzes and attempts stay, with
    no link to anyone, for the items' statistics."""
    session.execute(update(Quiz).where(Quiz.learner_id == learner_id).values(learner_id=None))
    session.execute(delete(LearnerTopic).where(LearnerTopic.learner_id == learner_id))
    session.execute(delete(ReviewCard).where(ReviewCard.learner_id == learner_id))
    deleted = session.execute(delete(Learner).where(Learner.id == learner_id))
    return bool(getattr(deleted, "rowcount", 0))


def parameters(session: Session) -> Sequence[ItemParameter]:
    return session.scalars(select(ItemParameter)).all()


def first_tries(session: Session) -> Sequence[tuple[str, str, float]]:
    """(respondent, item, credit) of every first try: the respondent is the learner, or the
    quiz when it has none."""
    rows = session.execute(
        select(Quiz.learner_id, Attempt.quiz_id, Attempt.item_id, Attempt.fraction)
        .join(Quiz, Quiz.id == Attempt.quiz_id)
        .where(Attempt.try_number == 1)
        .order_by(Attempt.id)
    ).all()
    return [(learner or quiz, item, credit) for learner, quiz, item, credit in rows]


def store_parameters(session: Session, fitted: dict[str, dict[str, Any]], at: datetime) -> None:
    """Replaces every item's parameters in one transaction: readers see the old set or the
    new one, never a mixture."""
    session.execute(delete(ItemParameter))
    session.add_all(
        ItemParameter(item_id=i, fitted_at=at, **values) for i, values in fitted.items()
    )
    session.flush()
