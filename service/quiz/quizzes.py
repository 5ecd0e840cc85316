"""A quiz's life after its start: answer and take hints, read it, finish it.

Input that cannot be used raises Invalid located in the request body (the router says so);
every other refusal is the service error that names it."""

from __future__ import annotations

import hashlib
import hmac
from collections import defaultdict
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.core.errors import Invalid
from service.errors import Conflict, Gone, NotFound, Unauthorized
from service.quiz import repository, views
from service.quiz.bank import Bank
from service.quiz.core import answers
from service.quiz.core.grading import grade, penalised
from service.quiz.core.items import Item
from service.quiz.models import Attempt, Quiz, QuizItem
from service.quiz.schemas import (
    AnswerResult,
    AnswerSubmit,
    HintResult,
    ItemState,
    QuizState,
    QuizSummary,
    TopicScore,
)

ANSWER_RETRIES = 5
HINT_RETRIES = 5
# Called once per quiz, inside the transaction that finishes it, with its summary (the LTI tool
# records there the score it owes the learner's platform). A hook does no network work.
FINISH_HOOKS: list[Callable[[Session, QuizSummary], None]] = []
# Called after every newly graded try, inside its transaction, with the bank, the quiz, the item
# and the try (a learner's progress is brought up to date there). A hook does no network work.
ANSWER_HOOKS: list[Callable[[Session, Bank, Quiz, Item, Attempt], None]] = []


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; every stored one is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _digest(value: Any) -> str:
    return hashlib.sha256(orjson.dumps(value, option=orjson.OPT_SORT_KEYS)).hexdigest()


# --- access ---------------------------------------------------------------------------


def check(quiz: Quiz | None, quiz_id: str, token: str) -> Quiz:
    if quiz is None:
        raise NotFound(f"no quiz {quiz_id!r}")
    given = hashlib.sha256(token.encode()).hexdigest()
    if not hmac.compare_digest(given, quiz.token_hash):
        raise Unauthorized("the token does not open this quiz")
    return quiz


def _closed(quiz: Quiz, tries: Sequence[Attempt]) -> bool:
    return bool(tries) and (tries[-1].correct or len(tries) >= quiz.max_tries)


def _may_reveal(quiz: Quiz, closed: bool) -> bool:
    if quiz.reveal == "never":
        return False
    return quiz.finished_at is not None or (quiz.reveal == "after_answer" and closed)


def _item_score(tries: Sequence[Attempt]) -> float:
    """The best try's score; each try's score already has its penalties taken off."""
    return max(a.score for a in tries)


def _result(quiz: Quiz, item: Item, row: QuizItem, tries: Sequence[Attempt]) -> AnswerResult:
    last = tries[-1]
    closed = _closed(quiz, tries)
    revealed = _may_reveal(quiz, closed)
    result = AnswerResult(
        position=last.position,
        correct=last.correct,
        credit=last.fraction,
        score=_item_score(tries),
        max_score=last.max_score,
        feedback=views.feedback(last, revealed),
        misconception=last.misconception,
        misconception_title=views.title(last.misconception),
        tries_left=0 if closed else quiz.max_tries - len(tries),
        hints_used=row.hints_used,
    )
    if revealed:
        views.reveal(result, item)
    return result


def open_for_work(quiz: Quiz) -> None:
    """Answers and hints need a quiz that is neither finished nor out of time."""
    if quiz.finished_at is not None:
        raise Conflict("the quiz is finished; it takes no more answers")
    if utcnow() > aware(quiz.expires_at):
        raise Gone(f"the quiz's time ran out at {aware(quiz.expires_at).isoformat()}")


def _as_started(bank: Bank, row: QuizItem) -> Item | None:
    """The item as the quiz showed it, or None when the bank has changed it since (another
    version) or dropped it: a changed item is neither graded nor revealed, so that no learner is
    graded against, or shown the key of, a question they were not asked."""
    try:
        item = bank.item(row.item_id, row.variant_seed)
    except KeyError:
        return None
    return item if item.version == row.version else None


def _open_item(
    session: Session, bank: Bank, quiz_id: str, token: str, position: int
) -> tuple[Quiz, QuizItem, Item, list[Attempt]]:
    """The quiz, locked, its item at `position` and the item's tries, when quiz and item take
    an answer or a hint."""
    found, row, tries = repository.open_item(session, quiz_id, position)
    quiz = check(found, quiz_id, token)
    open_for_work(quiz)
    if row is None:
        raise Invalid(
            f"the quiz has {quiz.size} items; there is no position {position}", ("position",)
        )
    item = _as_started(bank, row)
    if item is None:
        raise Conflict(
            f"item {position} has changed since this quiz began; it takes no answer or hint"
        )
    return quiz, row, item, tries


# --- answering ------------------------------------------------------------------------


def _answer_once(
    session: Session, bank: Bank, quiz_id: str, token: str, submit: AnswerSubmit
) -> tuple[AnswerResult, bool]:
    quiz, row, item, tries = _open_item(session, bank, quiz_id, token, submit.position)
    try:
        response = answers.parse(item.type, submit.response, item.choice_ids, item.length)
    except Invalid as exc:
        raise Invalid(
            f"the response could not be read as a {item.type} answer: {exc.message}; "
            "no try was used",
            ("response", *exc.loc),
            "response_invalid",
        ) from None
    canonical = answers.to_json(response)
    digest = _digest(canonical)
    if _closed(quiz, tries):
        if tries[-1].response_digest == digest:
            # the same answer again: a safe retry
            return _result(quiz, item, row, tries), False
        raise Conflict(f"item {submit.position} is closed; it takes no other answer")
    graded = grade(item, response)
    try_number = len(tries) + 1
    score = penalised(graded.credit, try_number, row.hints_used, quiz.penalty, quiz.hint_penalty)
    attempt = Attempt(
        quiz_id=quiz.id,
        position=submit.position,
        try_number=try_number,
        item_id=item.id,
        response=canonical,
        response_digest=digest,
        fraction=graded.credit,
        hints_used=row.hints_used,
        score=round(score * item.points, 6),
        max_score=item.points,
        correct=graded.correct,
        misconception=graded.misconception,
        feedback=graded.feedback,
        created_at=utcnow(),
    )
    repository.insert_attempt(session, attempt)
    for hook in ANSWER_HOOKS:
        hook(session, bank, quiz, item, attempt)
    return _result(quiz, item, row, [*tries, attempt]), True


def answer(
    session: Session, bank: Bank, quiz_id: str, token: str, submit: AnswerSubmit
) -> tuple[AnswerResult, bool]:
    """Grade one response; the flag says whether it was graded now (False: the stored
    grading of the same response). The unique (quiz, position, try) key decides between
    simultaneous submissions: the loser starts over and sees the winner's attempt."""
    for _ in range(ANSWER_RETRIES):
        try:
            return _answer_once(session, bank, quiz_id, token, submit)
        except IntegrityError:
            session.rollback()
    raise Conflict("the item is being answered by another request; try again")


def take_hint(session: Session, bank: Bank, quiz_id: str, token: str, position: int) -> HintResult:
    """The item's next hint, counted against every later try of the item. Only an open item
    gives hints; the count is raised by a conditional update, so that two simultaneous
    requests get two different hints (or one of them is told that none is left)."""
    for _ in range(HINT_RETRIES):
        quiz, row, item, tries = _open_item(session, bank, quiz_id, token, position)
        if _closed(quiz, tries):
            raise Conflict(f"item {position} is closed; hints are for items still open")
        seen = row.hints_used
        if seen >= len(item.hints):
            raise Conflict(f"item {position} has no hint left ({len(item.hints)} given)")
        if repository.take_hint(session, quiz.id, position, seen):
            hint = views.hint(seen + 1, item.hints[seen])
            return HintResult(
                **hint.model_dump(),
                position=position,
                hints_used=seen + 1,
                hints_left=len(item.hints) - seen - 1,
                hint_penalty=quiz.hint_penalty,
            )
        session.rollback()
        session.expire_all()
    raise Conflict("hints for this item are being taken by another request; try again")


# --- reading and finishing ------------------------------------------------------------


def _shown(item: Item | None, row: QuizItem) -> dict[str, Any]:
    """What the quiz showed of the item, or of a changed item what the quiz stored."""
    if item is not None:
        return {**views.shown(item, row.choice_order), "hints_offered": len(item.hints)}
    return {
        "item_id": row.item_id,
        "version": row.version,
        "type": None,
        "topics": row.topics,
        "difficulty": None,
        "stem": None,
        "function": None,
        "choices": [],
        "graph": None,
        "points": row.points,
        "hints_offered": 0,
        "length": None,
        "labels": None,
    }


def _states(session: Session, bank: Bank, quiz: Quiz) -> list[ItemState]:
    by_position: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in repository.attempts(session, quiz.id):
        by_position[attempt.position].append(attempt)
    states = []
    for row in quiz.items:
        item = _as_started(bank, row)
        tries = by_position.get(row.position, [])
        closed = _closed(quiz, tries)
        revealed = item is not None and _may_reveal(quiz, closed)
        taken = item.hints[: row.hints_used] if item is not None else ()
        state = ItemState(
            **_shown(item, row),
            position=row.position,
            answered=bool(tries),
            tries_used=len(tries),
            tries_left=0 if closed else quiz.max_tries - len(tries),
            correct=tries[-1].correct if tries else None,
            score=_item_score(tries) if tries else None,
            max_score=row.points,
            hints_used=row.hints_used,
            hints=[views.hint(number, hint) for number, hint in enumerate(taken, start=1)],
            tries=[views.graded_try(t, item, revealed) for t in tries] if item is not None else [],
        )
        if item is not None and revealed:
            views.reveal(state, item)
        states.append(state)
    return states


def _status(quiz: Quiz) -> str:
    if quiz.finished_at is not None:
        return "finished"
    return "expired" if utcnow() > aware(quiz.expires_at) else "open"


def state(session: Session, bank: Bank, quiz_id: str, token: str) -> QuizState:
    quiz = check(repository.get_quiz(session, quiz_id), quiz_id, token)
    items = _states(session, bank, quiz)
    return QuizState(
        id=quiz.id,
        status=_status(quiz),
        created_at=aware(quiz.created_at),
        expires_at=aware(quiz.expires_at),
        finished_at=aware(quiz.finished_at) if quiz.finished_at else None,
        reveal=quiz.reveal,
        max_tries=quiz.max_tries,
        penalty=quiz.penalty,
        hint_penalty=quiz.hint_penalty,
        score=sum(s.score or 0 for s in items),
        max_score=sum(s.max_score for s in items),
        items=items,
    )


def finish(session: Session, bank: Bank, quiz_id: str, token: str) -> QuizSummary:
    """Close the quiz (once; finishing again returns the same summary). The quiz's row is
    locked first, so that an answer in flight is either in the summary or refused."""
    quiz = check(repository.get_quiz(session, quiz_id, for_update=True), quiz_id, token)
    finishing = quiz.finished_at is None
    if quiz.finished_at is None:
        quiz.finished_at = utcnow()
        session.flush()
    items = _states(session, bank, quiz)
    per_topic: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0])
    for row, item_state in zip(quiz.items, items, strict=True):
        for topic in row.topics:
            per_topic[topic][0] += item_state.score or 0
            per_topic[topic][1] += item_state.max_score
    total = sum(s.score or 0 for s in items)
    maximum = sum(s.max_score for s in items)
    summary = QuizSummary(
        id=quiz.id,
        reveal=quiz.reveal,
        max_tries=quiz.max_tries,
        penalty=quiz.penalty,
        hint_penalty=quiz.hint_penalty,
        total=total,
        maximum=maximum,
        fraction=total / maximum if maximum else 0.0,
        finished_at=aware(quiz.finished_at),
        topics=[
            TopicScore(topic=topic, score=score, max_score=most)
            for topic, (score, most) in sorted(per_topic.items())
        ],
        items=items,
    )
    if finishing:
        for hook in FINISH_HOOKS:
            hook(session, summary)
    return summary
