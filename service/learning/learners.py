"""Learners: created anonymous, their progress kept up to date after every graded answer (the
quiz's answer hook), read, exported and forgotten.

A learner's state is derived from their attempts under a lock on the learner's row, so that
two instances grading two answers of one learner at once queue rather than lose an update."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from collections import defaultdict
from datetime import datetime

from sqlalchemy.orm import Session

from service.errors import NotFound, Unauthorized
from service.learning import items, repository
from service.learning.core import irt, scheduling
from service.learning.core.irt import Ability
from service.learning.models import Learner, LearnerTopic, ReviewCard
from service.learning.schemas import (
    ExportedAttempt,
    ExportedQuiz,
    LearnerCreated,
    LearnerExport,
    MisconceptionProgress,
    Progress,
    Review,
    TopicProgress,
)
from service.quiz.bank import Bank
from service.quiz.core.items import Item
from service.quiz.core.taxonomy import MISCONCEPTION_TITLES, MISCONCEPTIONS, TOPICS
from service.quiz.models import Attempt, Quiz
from service.quiz.quizzes import aware, utcnow


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(session: Session) -> LearnerCreated:
    token = secrets.token_urlsafe(32)
    learner = Learner(
        id=secrets.token_hex(16), token_hash=_hash(token), created_at=utcnow(), answers=0
    )
    repository.add(session, learner)
    return LearnerCreated(id=learner.id, token=token, created_at=learner.created_at)


def check(session: Session, learner_id: str, token: str | None, lock: bool = False) -> Learner:
    """The learner whose token this is; 404 for an unknown learner, 401 for a wrong token."""
    learner = repository.get_learner(session, learner_id, for_update=lock)
    if learner is None:
        raise NotFound(f"no learner {learner_id!r}")
    if token is None or not hmac.compare_digest(_hash(token), learner.token_hash):
        raise Unauthorized("the token does not open this learner")
    return learner


# --- after every graded answer ----------------------------------------------------------------


def _first_tries(history: list[tuple[Attempt, list[str]]]) -> list[tuple[Attempt, list[str]]]:
    return [(a, t) for a, t in history if a.try_number == 1]


def abilities(
    history: list[tuple[Attempt, list[str]]], params: dict[str, irt.Parameters]
) -> dict[str, Ability]:
    """The ability on each topic from the first try at each item asked (its credit)."""
    answered: dict[str, list[tuple[irt.Parameters, float]]] = defaultdict(list)
    for attempt, item_topics in _first_tries(history):
        if attempt.item_id in params:
            for topic in item_topics:
                answered[topic].append((params[attempt.item_id], attempt.fraction))
    return {topic: irt.estimate(pairs) for topic, pairs in answered.items()}


def record(session: Session, bank: Bank, quiz: Quiz, item: Item, attempt: Attempt) -> None:
    """The learner's abilities on the item's topics, and the item's review card, after a graded
    try of one of their quizzes (the answer's transaction; its learner's row locked)."""
    if quiz.learner_id is None:
        return
    learner = repository.get_learner(session, quiz.learner_id, for_update=True)
    if learner is None:
        return
    learner.answers += 1
    now = attempt.created_at
    if attempt.try_number == 1:
        _review(session, learner.id, attempt, now)
    history = list(repository.attempts(session, learner.id))
    estimates = abilities(history, items.parameters(session, bank))
    stored = {row.topic: row for row in repository.topics(session, learner.id)}
    for topic in item.topics:
        ability = estimates.get(topic, irt.UNKNOWN)
        row = stored.get(topic)
        if row is None:
            row = LearnerTopic(learner_id=learner.id, topic=topic)
            session.add(row)
        row.ability, row.error, row.answers = ability.theta, ability.error, ability.answers
        row.updated_at = now
    session.flush()


def _review(session: Session, learner_id: str, attempt: Attempt, now: datetime) -> None:
    row = repository.card(session, learner_id, attempt.item_id)
    if row is None and not scheduling.needs_card(attempt.fraction, attempt.misconception):
        return
    card = scheduling.review(
        row.card if row is not None else None, attempt.fraction, attempt.misconception, now
    )
    if row is None:
        row = ReviewCard(learner_id=learner_id, item_id=attempt.item_id, reviews=0)
        session.add(row)
    row.card, row.due, row.reviews = card, scheduling.due(card), row.reviews + 1


# --- reading -----------------------------------------------------------------------------------


def misconceptions(
    history: list[tuple[Attempt, list[str]]], targets: dict[str, frozenset[str]]
) -> list[MisconceptionProgress]:
    """Each misconception the learner's answers showed; resolved once an item that targets it
    was answered right at the first try after it was last seen (a second try corrected after
    the feedback does not count)."""
    seen: dict[str, list[datetime]] = defaultdict(list)
    for attempt, _ in history:
        if attempt.misconception is not None:
            seen[attempt.misconception].append(aware(attempt.created_at))
    out = []
    for slug, moments in seen.items():
        last = max(moments)
        resolved = any(
            a.try_number == 1
            and a.correct
            and slug in targets.get(a.item_id, ())
            and aware(a.created_at) > last
            for a, _ in history
        )
        out.append(
            MisconceptionProgress(
                slug=slug,
                title=MISCONCEPTION_TITLES[slug],
                description=MISCONCEPTIONS[slug],
                count=len(moments),
                last_seen=last,
                resolved=resolved,
            )
        )
    return sorted(out, key=lambda m: (m.resolved, -m.count, m.slug))


def progress(session: Session, bank: Bank, learner: Learner) -> Progress:
    stored = {row.topic: row for row in repository.topics(session, learner.id)}
    topics = []
    for topic, title in TOPICS.items():
        row = stored.get(topic)
        ability = Ability(row.ability, row.error, row.answers) if row else irt.UNKNOWN
        topics.append(
            TopicProgress(
                topic=topic,
                title=title,
                ability=ability.theta,
                error=ability.error,
                answers=ability.answers,
                mastery=ability.mastery,
            )
        )
    now = utcnow()
    topics_of = {e.id: list(e.topics) for e in bank.entries}
    reviews = [
        Review(
            item_id=c.item_id,
            topics=topics_of.get(c.item_id, []),
            due=aware(c.due),
            reviews=c.reviews,
        )
        for c in repository.cards(session, learner.id)
    ]
    history = list(repository.attempts(session, learner.id))
    return Progress(
        learner_id=learner.id,
        answers=learner.answers,
        topics=topics,
        misconceptions=misconceptions(history, bank.targets),
        reviews_due=sum(r.due <= now for r in reviews),
        reviews=reviews,
    )


def export(session: Session, bank: Bank, learner: Learner) -> LearnerExport:
    """Everything stored about the learner."""
    quizzes = []
    for quiz in repository.quizzes(session, learner.id):
        quizzes.append(
            ExportedQuiz(
                id=quiz.id,
                kind=quiz.kind,
                created_at=aware(quiz.created_at),
                finished_at=aware(quiz.finished_at) if quiz.finished_at else None,
                items=[row.item_id for row in quiz.items],
                attempts=[
                    ExportedAttempt(
                        position=a.position,
                        try_number=a.try_number,
                        item_id=a.item_id,
                        response=a.response,
                        credit=a.fraction,
                        score=a.score,
                        max_score=a.max_score,
                        correct=a.correct,
                        misconception=a.misconception,
                        hints_used=a.hints_used,
                        created_at=aware(a.created_at),
                    )
                    for a in repository.quiz_attempts(session, quiz.id)
                ],
            )
        )
    return LearnerExport(
        id=learner.id,
        created_at=aware(learner.created_at),
        answers=learner.answers,
        progress=progress(session, bank, learner),
        quizzes=quizzes,
    )


def forget(session: Session, learner_id: str, token: str | None) -> None:
    check(session, learner_id, token, lock=True)
    repository.forget(session, learner_id)
