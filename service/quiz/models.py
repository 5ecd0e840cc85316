"""The quiz's tables. A quiz stores its seed, choices and penalties; items are rebuilt from
the bank."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


class Base(DeclarativeBase):
    pass


class Quiz(Base):
    __tablename__ = "quizzes"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64))
    seed: Mapped[int] = mapped_column(BigInteger)
    size: Mapped[int] = mapped_column(Integer)
    max_tries: Mapped[int] = mapped_column(Integer)
    reveal: Mapped[str] = mapped_column(String(16))
    penalty: Mapped[float] = mapped_column(Float)
    hint_penalty: Mapped[float] = mapped_column(Float)
    time_limit_s: Mapped[int | None] = mapped_column(Integer)
    filters: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finished_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # "quiz", or "practice": an open-ended session whose items are chosen one at a time.
    kind: Mapped[str] = mapped_column(String(16), default="quiz", server_default="quiz")
    # The learner whose quiz this is, if any; deleting the learner keeps its attempts, anonymous.
    learner_id: Mapped[str | None] = mapped_column(
        ForeignKey("learners.id", ondelete="SET NULL", name="fk_quizzes_learner_id"), index=True
    )

    items: Mapped[list[QuizItem]] = relationship(
        back_populates="quiz", order_by="QuizItem.position", cascade="all, delete-orphan"
    )


class QuizItem(Base):
    __tablename__ = "quiz_items"

    quiz_id: Mapped[str] = mapped_column(
        ForeignKey("quizzes.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    item_id: Mapped[str] = mapped_column(String(64), index=True)
    version: Mapped[int] = mapped_column(Integer)
    variant_seed: Mapped[int | None] = mapped_column(BigInteger)
    choice_order: Mapped[list[str]] = mapped_column(JSON)
    points: Mapped[float] = mapped_column(Float)
    topics: Mapped[list[str]] = mapped_column(JSON)
    # Hints taken; raised only from the value read (a conditional update), so that two
    # simultaneous requests cannot hand out the same hint twice or skip one.
    hints_used: Mapped[int] = mapped_column(Integer, default=0)

    quiz: Mapped[Quiz] = relationship(back_populates="items")


class Attempt(Base):
    """One graded try. (quiz, position, try_number) is unique: of two simultaneous
    submissions of the same try, the database accepts exactly one."""

    __tablename__ = "attempts"
    __table_args__ = (
        UniqueConstraint("quiz_id", "position", "try_number", name="uq_attempt_try"),
        ForeignKeyConstraint(
            ["quiz_id", "position"],
            ["quiz_items.quiz_id", "quiz_items.position"],
            ondelete="CASCADE",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    quiz_id: Mapped[str] = mapped_column(String(32), index=True)
    position: Mapped[int] = mapped_column(Integer)
    try_number: Mapped[int] = mapped_column(Integer)
    item_id: Mapped[str] = mapped_column(String(64), index=True)
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    response_digest: Mapped[str] = mapped_column(String(64))
    fraction: Mapped[float] = mapped_column(Float)  # the response's credit, before penalties
    hints_used: Mapped[int] = mapped_column(Integer)  # hints taken before this try
    score: Mapped[float] = mapped_column(Float)  # after the penalties for earlier tries and hints
    max_score: Mapped[float] = mapped_column(Float)
    correct: Mapped[bool] = mapped_column(Boolean)
    misconception: Mapped[str | None] = mapped_column(String(64))
    feedback: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
