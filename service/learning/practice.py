"""Practice: an open-ended session of one learner, item after item. A session is a quiz of
kind "practice" whose items are appended one at a time, each chosen when it is asked for, so
that answers, hints, penalties, reading and finishing are the quiz's own routes."""

from __future__ import annotations

import hashlib
import random
import secrets
from datetime import timedelta
from typing import Any, cast

from sqlalchemy.orm import Session

from service.errors import Conflict, NotFound
from service.learning import items, learners, repository
from service.learning.core.irt import Ability
from service.learning.core.selection import Learner as LearnerState
from service.learning.core.selection import Reason, choose
from service.learning.schemas import PracticeCreate, PracticeCreated, PracticeNext
from service.quiz import quizzes, starting
from service.quiz.bank import Bank
from service.quiz.models import QuizItem
from service.quiz.quizzes import aware, utcnow
from service.quiz.repository import add_item, attempts, get_quiz, insert_quiz

# A practice session's rules: a second try, after the feedback on the first.
MAX_TRIES = 2


def start(
    session: Session,
    request: PracticeCreate,
    learner_id: str,
    token: str | None,
    deployment: starting.Deployment,
) -> PracticeCreated:
    learner = learners.check(session, learner_id, token)
    rules = starting.defaults(deployment)
    secret = secrets.token_urlsafe(32)
    now = utcnow()
    quiz: dict[str, Any] = dict(
        id=secrets.token_hex(16),
        token_hash=hashlib.sha256(secret.encode()).hexdigest(),
        seed=secrets.randbelow(2**63),
        size=0,
        max_tries=MAX_TRIES,
        reveal=rules.reveal,
        penalty=rules.penalty,
        hint_penalty=rules.hint_penalty,
        time_limit_s=None,
        filters={**request.model_dump(), "reasons": {}},
        created_at=now,
        expires_at=now + timedelta(seconds=deployment.ttl_s),
        finished_at=None,
        kind="practice",
        learner_id=learner.id,
    )
    insert_quiz(session, quiz, [])
    return PracticeCreated(
        id=quiz["id"],
        token=secret,
        expires_at=quiz["expires_at"],
        max_tries=MAX_TRIES,
        reveal=rules.reveal,
        penalty=rules.penalty,
        hint_penalty=rules.hint_penalty,
        topics=request.topics,
        misconceptions=request.misconceptions,
    )


def _state(session: Session, bank: Bank, learner_id: str) -> LearnerState:
    """What the choice needs to know of the learner."""
    now = utcnow()
    history = list(repository.attempts(session, learner_id))
    targets = bank.targets
    seen = learners.misconceptions(history, targets)
    tested = {m for a, _ in history for m in targets.get(a.item_id, ())}
    return LearnerState(
        abilities={
            row.topic: Ability(row.ability, row.error, row.answers)
            for row in repository.topics(session, learner_id)
        },
        shown=frozenset(m.slug for m in seen if not m.resolved),
        tested=frozenset(tested),
        due=[
            (c.item_id, aware(c.due))
            for c in repository.cards(session, learner_id)
            if aware(c.due) <= now
        ],
    )


def next_item(session: Session, bank: Bank, practice_id: str, token: str) -> PracticeNext:
    """The session's next item. While the last item has no try it is the next item again (a
    reload shows it rather than skipping it)."""
    quiz = quizzes.check(get_quiz(session, practice_id, for_update=True), practice_id, token)
    if quiz.kind != "practice" or quiz.learner_id is None:
        raise NotFound(f"no practice session {practice_id!r}")
    quizzes.open_for_work(quiz)
    reasons = cast(dict[str, list[str]], quiz.filters.get("reasons", {}))
    if quiz.items and not attempts(session, quiz.id, quiz.size):
        row = quiz.items[-1]
        reason, topic = reasons[str(row.position)]
        return _shown(bank, row, cast(Reason, reason), topic)
    params = items.parameters(session, bank)
    pool = items.candidates(
        bank, params, quiz.filters.get("topics"), quiz.filters.get("misconceptions")
    )
    rng = random.Random(f"{quiz.seed}:{quiz.size}")
    asked = [row.item_id for row in quiz.items]
    last = reasons.get(str(quiz.size))
    learner = _state(session, bank, quiz.learner_id)
    choice = choose(
        pool, learner, asked, rng, after_review=last is not None and last[0] == "review"
    )
    if choice is None:
        raise Conflict("this session has asked every item it may; start a new one")
    entry = bank.by_id[choice.id]
    variant_seed = rng.randrange(2**31) if entry.generated else None
    item = bank.item(entry.id, variant_seed)
    row = QuizItem(
        quiz_id=quiz.id,
        position=quiz.size + 1,
        item_id=item.id,
        version=item.version,
        variant_seed=variant_seed,
        choice_order=rng.sample(item.choice_ids, len(item.choice_ids)),
        points=item.points,
        topics=list(item.topics),
        hints_used=0,
    )
    add_item(session, quiz, row)
    quiz.filters = {
        **quiz.filters,
        "reasons": {**reasons, str(row.position): [choice.reason, choice.topic]},
    }
    session.flush()
    return _shown(bank, row, choice.reason, choice.topic)


def _shown(bank: Bank, row: QuizItem, reason: Reason, topic: str) -> PracticeNext:
    item = bank.item(row.item_id, row.variant_seed)
    return PracticeNext(
        item=starting.public_item(row.position, item, row), reason=reason, topic=topic
    )
