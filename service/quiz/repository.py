"""Every query of the quiz, in one place."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any, cast

from sqlalchemy import CursorResult, Table, bindparam, case, func, insert, select, update
from sqlalchemy.orm import Session, selectinload

from service.quiz.core.statistics import Moments
from service.quiz.models import Attempt, Quiz, QuizItem

# Ids are 128 random bits in hex; anything else names no quiz and is not sent to the database
# (PostgreSQL refuses a NUL in a string, for one).
QUIZ_ID = re.compile(r"[0-9a-f]{32}")


def get_quiz(session: Session, quiz_id: str, for_update: bool = False) -> Quiz | None:
    """The quiz with its items; `for_update` locks its row for the transaction (finishing
    takes that lock, as every answer and hint does, so none slips in after a finish)."""
    if not QUIZ_ID.fullmatch(quiz_id):
        return None
    query = select(Quiz).where(Quiz.id == quiz_id).options(selectinload(Quiz.items))
    if for_update:
        query = query.with_for_update(of=Quiz)
    return session.scalars(query).one_or_none()


# The answer path's statement is built once: building one costs more than running it.
_OPEN_ITEM = (
    select(Quiz, QuizItem, Attempt)
    .outerjoin(
        QuizItem, (QuizItem.quiz_id == Quiz.id) & (QuizItem.position == bindparam("position"))
    )
    .outerjoin(Attempt, (Attempt.quiz_id == Quiz.id) & (Attempt.position == bindparam("position")))
    .where(Quiz.id == bindparam("quiz_id"))
    .order_by(Attempt.try_number)
    # The quiz's row is locked until the transaction ends: an answer or a hint and a finish
    # of the same quiz never overlap, on one instance or several (SQLite: BEGIN IMMEDIATE).
    .with_for_update(of=Quiz)
)


def open_item(
    session: Session, quiz_id: str, position: int
) -> tuple[Quiz | None, QuizItem | None, list[Attempt]]:
    """The quiz, locked, its item at this position and the item's tries in order, in one
    query (one round trip: an answer or a hint needs all three); quiz and item may be
    missing."""
    if not QUIZ_ID.fullmatch(quiz_id):
        return None, None, []
    rows = session.execute(_OPEN_ITEM, {"quiz_id": quiz_id, "position": position}).all()
    if not rows:
        return None, None, []
    quiz, item = rows[0][0], rows[0][1]
    return quiz, item, [row[2] for row in rows if row[2] is not None]


_QUIZZES, _ITEMS = cast(Table, Quiz.__table__), cast(Table, QuizItem.__table__)
_ITEM_COLUMNS = tuple(c.key for c in _ITEMS.columns)


def insert_quiz(session: Session, quiz: dict[str, Any], items: Sequence[QuizItem]) -> None:
    """A new quiz and its items, as two inserts of the tables' own (Core, not the ORM's bulk
    insert, which costs more than the statements here and returns nothing used)."""
    session.execute(insert(_QUIZZES), [quiz])
    if items:
        rows = [{key: getattr(row, key) for key in _ITEM_COLUMNS} for row in items]
        session.execute(insert(_ITEMS), rows)


def add_item(session: Session, quiz: Quiz, row: QuizItem) -> None:
    """One more item at the end of a quiz (a practice session grows one item at a time; the
    caller holds the quiz's lock)."""
    quiz.items.append(row)
    quiz.size = row.position
    session.flush()


_ATTEMPTS = cast(Table, Attempt.__table__)
_ATTEMPT_COLUMNS = tuple(c.key for c in _ATTEMPTS.columns if c.key != "id")
_INSERT_ATTEMPT = insert(_ATTEMPTS)


def insert_attempt(session: Session, attempt: Attempt) -> None:
    """A graded try, as one insert (Core: the ORM's unit of work costs more than the statement
    and nothing reads the new row's id). A second try with the same (quiz, position, try)
    raises IntegrityError here, as a flush would."""
    session.execute(_INSERT_ATTEMPT, {key: getattr(attempt, key) for key in _ATTEMPT_COLUMNS})


def attempts(session: Session, quiz_id: str, position: int | None = None) -> Sequence[Attempt]:
    """A quiz's attempts (at one position, when given) in order of position and try."""
    query = select(Attempt).where(Attempt.quiz_id == quiz_id)
    if position is not None:
        query = query.where(Attempt.position == position)
    return session.scalars(query.order_by(Attempt.position, Attempt.try_number)).all()


def item_moments(session: Session) -> dict[str, Moments]:
    """Per item, the sums its statistics need, aggregated in the database: an item's final
    grading in a quiz is its best try, and the rest of that quiz is every other item's."""
    finals = (
        select(
            Attempt.quiz_id,
            Attempt.item_id,
            func.count().label("tries"),
            func.max(Attempt.score).label("score"),
            func.max(Attempt.max_score).label("max_score"),
        )
        .group_by(Attempt.quiz_id, Attempt.position, Attempt.item_id)
        .subquery()
    )
    totals = (
        select(
            finals.c.quiz_id,
            func.sum(finals.c.score).label("score"),
            func.sum(finals.c.max_score).label("max_score"),
        )
        .group_by(finals.c.quiz_id)
        .subquery()
    )
    x = finals.c.score / finals.c.max_score
    rest = totals.c.max_score - finals.c.max_score
    has_rest = rest > 0
    y = (totals.c.score - finals.c.score) / rest

    def paired(value: Any) -> Any:
        return func.sum(case((has_rest, value), else_=0.0))

    rows = session.execute(
        select(
            finals.c.item_id,
            func.sum(finals.c.tries),
            func.count(),
            func.sum(x),
            func.sum(case((has_rest, 1), else_=0)),
            paired(x),
            paired(y),
            paired(x * x),
            paired(y * y),
            paired(x * y),
        )
        .join(totals, totals.c.quiz_id == finals.c.quiz_id)
        .group_by(finals.c.item_id)
    ).all()
    return {
        item_id: Moments(int(answers), int(quizzes), float(sum_x), int(pairs), *map(float, sums))
        for item_id, answers, quizzes, sum_x, pairs, *sums in rows
    }


def misconception_counts(session: Session) -> Sequence[tuple[str, str, int]]:
    """(item, misconception, how many attempts were diagnosed with it)."""
    rows = session.execute(
        select(Attempt.item_id, Attempt.misconception, func.count())
        .where(Attempt.misconception.is_not(None))
        .group_by(Attempt.item_id, Attempt.misconception)
    ).all()
    return [(item_id, str(misconception), count) for item_id, misconception, count in rows]


def take_hint(session: Session, quiz_id: str, position: int, seen: int) -> bool:
    """Counts one more hint taken, if the count is still the one read (False: another request
    took a hint in between, and the caller reads again)."""
    result = session.execute(
        update(QuizItem)
        .where(
            QuizItem.quiz_id == quiz_id,
            QuizItem.position == position,
            QuizItem.hints_used == seen,
        )
        .values(hints_used=seen + 1)
        .execution_options(synchronize_session=False)
    )
    return cast(CursorResult[Any], result).rowcount == 1
