"""The learners' tables: a learner (a token's hash and nothing personal), the ability per
topic kept up to date after every graded answer, the review cards of the items to revisit,
and the calibrated parameters of each item. They share the quiz's metadata, so that one set of
migrations covers both; quizzes.learner_id links a quiz or a practice session to its learner."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from service.quiz.models import Base


class Learner(Base):
    __tablename__ = "learners"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    # Raised by every graded answer, under the row's lock: the writers of one learner queue.
    answers: Mapped[int] = mapped_column(Integer, default=0)


class LearnerTopic(Base):
    __tablename__ = "learner_topics"

    learner_id: Mapped[str] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    topic: Mapped[str] = mapped_column(String(64), primary_key=True)
    ability: Mapped[float] = mapped_column(Float)
    error: Mapped[float] = mapped_column(Float)
    answers: Mapped[int] = mapped_column(Integer)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ReviewCard(Base):
    """An item to revisit, scheduled by FSRS; `card` is fsrs.Card.to_dict()."""

    __tablename__ = "review_cards"

    learner_id: Mapped[str] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), primary_key=True
    )
    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    card: Mapped[dict[str, Any]] = mapped_column(JSON)
    due: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    reviews: Mapped[int] = mapped_column(Integer)


class ItemParameter(Base):
    """An item's calibrated difficulty and discrimination (python -m service calibrate)."""

    __tablename__ = "item_parameters"

    item_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    difficulty: Mapped[float] = mapped_column(Float)
    discrimination: Mapped[float] = mapped_column(Float)
    answers: Mapped[int] = mapped_column(Integer)
    fitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
