"""Starting a quiz: items drawn from the bank by seed, and the rules this deployment allows.

Input that cannot be used raises Invalid located in the creation body."""

from __future__ import annotations

import hashlib
import random
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy.orm import Session

from service.core.errors import Invalid, Problem
from service.quiz import repository, views
from service.quiz.bank import Bank, Entry
from service.quiz.browsing import check_range, matches
from service.quiz.core.items import Item
from service.quiz.models import QuizItem
from service.quiz.quizzes import utcnow
from service.quiz.schemas import PublicItem, QuizCreate, QuizCreated, QuizDefaults, Reveal
from service.settings import Settings


def public_item(position: int, item: Item, row: QuizItem) -> PublicItem:
    return PublicItem(
        **views.shown(item, row.choice_order), position=position, hints=len(item.hints)
    )


# What an exam deployment decides for its learners: who may choose these could start a quiz
# whose answers show early, or a second quiz with the same items to read the keys from.
EXAM_RULES = ("seed", "max_tries", "reveal", "penalty", "hint_penalty")


@dataclass(frozen=True)
class Deployment:
    """The settings of this deployment that shape a new quiz."""

    ttl_s: int
    exam_mode: bool = False
    exam_reveal: Reveal = "after_finish"

    @classmethod
    def of(cls, settings: Settings) -> Deployment:
        return cls(settings.quiz_ttl_s, settings.exam_mode, settings.exam_reveal)


def defaults(deployment: Deployment) -> QuizDefaults:
    """What a quiz gets when its creation request leaves a setting out."""
    fields = QuizCreate.model_fields
    return QuizDefaults(
        size=fields["size"].default,
        max_tries=fields["max_tries"].default,
        reveal=deployment.exam_reveal if deployment.exam_mode else "after_answer",
        penalty=fields["penalty"].default,
        hint_penalty=fields["hint_penalty"].default,
    )


# How a request chooses its items when it does not list them.
SELECTION = ("size", "topics", "min_difficulty", "max_difficulty", "types")


def _listed(bank: Bank, request: QuizCreate) -> list[Entry]:
    """The items a request lists, in its order; Invalid at each id the bank does not have or
    the list repeats, and at each of the other ways of choosing given beside them."""
    ids = request.item_ids or []
    problems = [
        Problem((name,), f"item_ids lists the items; {name} cannot be given beside it")
        for name in SELECTION
        if name in request.model_fields_set and getattr(request, name) is not None
    ]
    for index, item_id in enumerate(ids):
        if item_id not in bank.by_id:
            problems.append(Problem(("item_ids", index), f"the bank has no item {item_id!r}"))
        elif item_id in ids[:index]:
            problems.append(Problem(("item_ids", index), f"{item_id!r} is listed twice"))
    if problems:
        raise Invalid.of(problems)
    return [bank.by_id[item_id] for item_id in ids]


def _chosen(bank: Bank, request: QuizCreate, rng: random.Random) -> list[Entry]:
    """The quiz's items: those the request lists, or `size` drawn from those that pass its
    filters."""
    if request.item_ids is not None:
        return _listed(bank, request)
    check_range(request)
    pool = [entry for entry in bank.entries if matches(entry, request)]
    if len(pool) < request.size:
        raise Invalid(
            f"only {len(pool)} items match these filters; ask for at most that many", ("size",)
        )
    return rng.sample(pool, request.size)


def create_quiz(
    session: Session,
    bank: Bank,
    request: QuizCreate,
    deployment: Deployment,
    examiner: bool = False,
) -> QuizCreated:
    """A new quiz. In exam mode a learner chooses only what to be asked (size, topics,
    difficulty and types, or the items by id, and a time limit); the rules and the seed are
    the examiner's (the admin key), and a seed the server chose is not handed out."""
    learner_in_exam = deployment.exam_mode and not examiner
    chosen = [name for name in EXAM_RULES if name in request.model_fields_set]
    if learner_in_exam and chosen:
        raise Invalid.of(
            [
                Problem(
                    (name,),
                    f"an exam deployment sets {name}; only the examiner may choose it",
                    "exam_rule",
                )
                for name in chosen
            ]
        )
    seed = request.seed if request.seed is not None else secrets.randbelow(2**63)
    rng = random.Random(seed)
    entries = _chosen(bank, request, rng)
    token = secrets.token_urlsafe(32)
    now = utcnow()
    ttl = request.time_limit_s if request.time_limit_s is not None else deployment.ttl_s
    reveal = request.reveal or defaults(deployment).reveal
    quiz = dict(
        id=secrets.token_hex(16),
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        seed=seed,
        size=len(entries),
        max_tries=request.max_tries,
        reveal=reveal,
        penalty=request.penalty,
        hint_penalty=request.hint_penalty,
        time_limit_s=request.time_limit_s,
        filters={**request.model_dump(include={*SELECTION, "item_ids"}), "size": len(entries)},
        created_at=now,
        expires_at=now + timedelta(seconds=ttl),
        finished_at=None,
        kind="quiz",
        learner_id=request.learner_id,  # the caller has checked the learner's token
    )
    rows, public = [], []
    for position, entry in enumerate(entries, start=1):
        variant_seed = rng.randrange(2**31) if entry.generated else None
        item = bank.item(entry.id, variant_seed)
        order = rng.sample(item.choice_ids, len(item.choice_ids))
        row = QuizItem(
            quiz_id=quiz["id"],
            position=position,
            item_id=item.id,
            version=item.version,
            variant_seed=variant_seed,
            choice_order=order,
            points=item.points,
            topics=list(item.topics),
            hints_used=0,
        )
        rows.append(row)
        public.append(public_item(position, item, row))
    repository.insert_quiz(session, quiz, rows)
    return QuizCreated(
        id=quiz["id"],
        token=token,
        expires_at=quiz["expires_at"],
        seed=None if learner_in_exam else seed,
        max_tries=request.max_tries,
        reveal=reveal,
        penalty=request.penalty,
        hint_penalty=request.hint_penalty,
        items=public,
    )
