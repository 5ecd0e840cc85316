"""Quiz use cases: start, answer, take a hint, read, finish, browse and item statistics.
No HTTP here."""

from __future__ import annotations

import base64
import hashlib
import hmac
import random
import secrets
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import orjson
from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from service.core.catalogue import CATALOGUE
from service.errors import (
    Conflict,
    Gone,
    NotFound,
    Unauthorized,
    Unprocessable,
    clean_pydantic_error,
)
from service.evaluation.schemas import Graph
from service.evaluation.service import GraphOf, graph
from service.quiz import repository
from service.quiz.bank import Bank, Entry
from service.quiz.core import answers, items
from service.quiz.core.answers import ResponseError
from service.quiz.core.grading import diagnosis, grade, penalised, quotients
from service.quiz.core.items import FunctionRef, Item
from service.quiz.core.statistics import Final, item_figures
from service.quiz.core.taxonomy import TOPICS
from service.quiz.models import Attempt, Quiz, QuizItem
from service.quiz.schemas import (
    AnswerResult,
    AnswerSubmit,
    Evidence,
    HintResult,
    ItemInfo,
    ItemPage,
    ItemState,
    ItemStats,
    MisconceptionCount,
    PublicChoice,
    PublicFunction,
    PublicHint,
    PublicItem,
    QuizCreate,
    QuizCreated,
    QuizDefaults,
    QuizState,
    QuizSummary,
    Quotient,
    Reveal,
    Revealed,
    TopicInfo,
    TopicScore,
)

ANSWER_RETRIES = 5
HINT_RETRIES = 5


def utcnow() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite hands datetimes back without their zone; every stored one is UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


def _digest(value: Any) -> str:
    return hashlib.sha256(orjson.dumps(value, option=orjson.OPT_SORT_KEYS)).hexdigest()


# --- starting -------------------------------------------------------------------------


def _matches(entry: Entry, request: QuizCreate) -> bool:
    return (
        (request.topics is None or any(t in entry.topics for t in request.topics))
        and (request.min_difficulty is None or entry.difficulty >= request.min_difficulty)
        and (request.max_difficulty is None or entry.difficulty <= request.max_difficulty)
        and (request.types is None or entry.type in request.types)
    )


def _public_function(item: Item) -> PublicFunction | None:
    """The catalogue function an item is about, as a frontend plots it."""
    if item.function is None:
        return None
    fn = CATALOGUE[item.function.name]
    return PublicFunction(
        name=fn.name, title=fn.title, formula=fn.formula, params=dict(item.function.params)
    )


def _graph_of(function: FunctionRef | None, of: GraphOf) -> Graph | None:
    if function is None:
        return None
    return graph(function.name, tuple(sorted(function.params.items())), of)


def public_item(position: int, item: Item, row: QuizItem) -> PublicItem:
    texts = {c.id: c.text for c in item.choices}
    return PublicItem(
        position=position,
        item_id=item.id,
        version=item.version,
        type=item.type,
        topics=list(item.topics),
        difficulty=item.difficulty,
        stem=item.stem,
        choices=[PublicChoice(id=c, text=texts[c]) for c in row.choice_order if c in texts],
        function=_public_function(item),
        graph=_graph_of(item.function, "function"),
        points=item.points,
        hints=len(item.hints),
        length=item.length,
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


def create_quiz(
    session: Session,
    bank: Bank,
    request: QuizCreate,
    deployment: Deployment,
    examiner: bool = False,
) -> QuizCreated:
    """A new quiz. In exam mode a learner chooses only what to be asked (size, topics,
    difficulty, types, time limit); the rules and the seed are the examiner's (the admin key),
    and a seed the server chose is not handed out."""
    learner_in_exam = deployment.exam_mode and not examiner
    chosen = [name for name in EXAM_RULES if name in request.model_fields_set]
    if learner_in_exam and chosen:
        raise Unprocessable.many(
            [
                {
                    "loc": ["body", name],
                    "msg": f"an exam deployment sets {name}; only the examiner may choose it",
                    "type": "exam_rule",
                }
                for name in chosen
            ]
        )
    if (
        request.min_difficulty is not None
        and request.max_difficulty is not None
        and request.min_difficulty > request.max_difficulty
    ):
        raise Unprocessable("min_difficulty is above max_difficulty", ("body", "min_difficulty"))
    pool = [entry for entry in bank.entries if _matches(entry, request)]
    if len(pool) < request.size:
        raise Unprocessable(
            f"only {len(pool)} items match these filters; ask for at most that many",
            ("body", "size"),
        )
    seed = request.seed if request.seed is not None else secrets.randbelow(2**63)
    rng = random.Random(seed)
    token = secrets.token_urlsafe(32)
    now = utcnow()
    ttl = request.time_limit_s if request.time_limit_s is not None else deployment.ttl_s
    reveal = request.reveal or defaults(deployment).reveal
    quiz = dict(
        id=secrets.token_hex(16),
        token_hash=hashlib.sha256(token.encode()).hexdigest(),
        seed=seed,
        size=request.size,
        max_tries=request.max_tries,
        reveal=reveal,
        penalty=request.penalty,
        hint_penalty=request.hint_penalty,
        time_limit_s=request.time_limit_s,
        filters=request.model_dump(
            include={"size", "topics", "min_difficulty", "max_difficulty", "types"}
        ),
        created_at=now,
        expires_at=now + timedelta(seconds=ttl),
        finished_at=None,
    )
    rows, public = [], []
    for position, entry in enumerate(rng.sample(pool, request.size), start=1):
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


# --- access ---------------------------------------------------------------------------


def _check(quiz: Quiz | None, quiz_id: str, token: str) -> Quiz:
    if quiz is None:
        raise NotFound(f"no quiz {quiz_id!r}")
    given = hashlib.sha256(token.encode()).hexdigest()
    if not hmac.compare_digest(given, quiz.token_hash):
        raise Unauthorized("the token does not open this quiz")
    return quiz


def authorized(session: Session, quiz_id: str, token: str) -> Quiz:
    """The quiz with its items, if the token opens it (404 unknown id, 401 wrong token)."""
    return _check(repository.get_quiz(session, quiz_id), quiz_id, token)


def _closed(quiz: Quiz, tries: Sequence[Attempt]) -> bool:
    return bool(tries) and (tries[-1].correct or len(tries) >= quiz.max_tries)


def _may_reveal(quiz: Quiz, closed: bool) -> bool:
    if quiz.reveal == "never":
        return False
    return quiz.finished_at is not None or (quiz.reveal == "after_answer" and closed)


def _item_score(tries: Sequence[Attempt]) -> float:
    """The best try's score; each try's score already has its penalties taken off."""
    return max(a.score for a in tries)


def _quotient_table(source: items.Evidence) -> Evidence:
    table = [Quotient(h=q.h, left=q.left, right=q.right) for q in quotients(source)]
    return Evidence(x=source.x, quotients=table)


def _reveal(target: Revealed, item: Item) -> None:
    """Everything the reveal policy withholds until it allows: key, explanation, the
    difference quotients and the graph of f'."""
    target.explanation = item.explanation
    target.key = answers.to_json(item.key)
    if item.evidence is not None:
        target.evidence = _quotient_table(item.evidence)
    subgradient = _graph_of(item.function, "subgradient")
    if subgradient is not None:
        target.subgradient_graph = subgradient


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
        feedback=last.feedback if revealed else diagnosis(last.correct, last.misconception),
        misconception=last.misconception,
        tries_left=0 if closed else quiz.max_tries - len(tries),
        hints_used=row.hints_used,
    )
    if revealed:
        _reveal(result, item)
    return result


def _open_for_work(quiz: Quiz) -> None:
    """Answers and hints need a quiz that is neither finished nor out of time."""
    if quiz.finished_at is not None:
        raise Conflict("the quiz is finished; it takes no more answers")
    if utcnow() > _aware(quiz.expires_at):
        raise Gone(f"the quiz's time ran out at {_aware(quiz.expires_at).isoformat()}")


def _as_started(bank: Bank, row: QuizItem) -> Item | None:
    """The item as the quiz showed it, or None when the bank has changed it since (another
    version) or dropped it: a changed item is neither graded nor revealed, so that no learner is
    graded against, or shown the key of, a question they were not asked."""
    try:
        item = bank.item(row.item_id, row.variant_seed)
    except KeyError:
        return None
    return item if item.version == row.version else None


def _answerable(bank: Bank, row: QuizItem) -> Item:
    item = _as_started(bank, row)
    if item is None:
        raise Conflict(
            f"item {row.position} has changed since this quiz began; it takes no answer or hint"
        )
    return item


def _position(quiz: Quiz, row: QuizItem | None, position: int) -> QuizItem:
    if row is None:
        raise Unprocessable(
            f"the quiz has {quiz.size} items; there is no position {position}",
            ("body", "position"),
        )
    return row


# --- answering ------------------------------------------------------------------------


def _answer_once(
    session: Session, bank: Bank, quiz_id: str, token: str, submit: AnswerSubmit
) -> tuple[AnswerResult, bool]:
    found, found_row = repository.get_quiz_and_item(session, quiz_id, submit.position)
    quiz = _check(found, quiz_id, token)
    _open_for_work(quiz)
    row = _position(quiz, found_row, submit.position)
    item = _answerable(bank, row)
    try:
        response = answers.parse(item.type, submit.response, item.choice_ids, item.length)
    except ResponseError as exc:
        raise Unprocessable(
            f"the response could not be read as a {item.type} answer: {exc.message}; "
            "no try was used",
            ("body", "response", *exc.loc),
            "response_invalid",
        ) from None
    canonical = answers.to_json(response)
    digest = _digest(canonical)
    tries = repository.attempts(session, quiz.id, submit.position)
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
    repository.add(session, attempt)
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


# --- hints ----------------------------------------------------------------------------


def _public_hint(number: int, hint: items.Hint) -> PublicHint:
    evidence = _quotient_table(hint.evidence) if hint.evidence is not None else None
    return PublicHint(number=number, text=hint.text, evidence=evidence)


def take_hint(session: Session, bank: Bank, quiz_id: str, token: str, position: int) -> HintResult:
    """The item's next hint, counted against every later try of the item. Only an open item
    gives hints; the count is raised by a conditional update, so that two simultaneous
    requests get two different hints (or one of them is told that none is left)."""
    for _ in range(HINT_RETRIES):
        found, found_row = repository.get_quiz_and_item(session, quiz_id, position)
        quiz = _check(found, quiz_id, token)
        _open_for_work(quiz)
        row = _position(quiz, found_row, position)
        item = _answerable(bank, row)
        if _closed(quiz, repository.attempts(session, quiz.id, position)):
            raise Conflict(f"item {position} is closed; hints are for items still open")
        seen = row.hints_used
        if seen >= len(item.hints):
            raise Conflict(f"item {position} has no hint left ({len(item.hints)} given)")
        if repository.take_hint(session, quiz.id, position, seen):
            hint = _public_hint(seen + 1, item.hints[seen])
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


def _states(session: Session, bank: Bank, quiz: Quiz) -> list[ItemState]:
    by_position: dict[int, list[Attempt]] = defaultdict(list)
    for attempt in repository.attempts(session, quiz.id):
        by_position[attempt.position].append(attempt)
    states = []
    for row in quiz.items:
        item = _as_started(bank, row)
        tries = by_position.get(row.position, [])
        closed = _closed(quiz, tries)
        taken = item.hints[: row.hints_used] if item is not None else ()
        state = ItemState(
            position=row.position,
            item_id=row.item_id,
            type=item.type if item is not None else None,
            answered=bool(tries),
            tries_used=len(tries),
            tries_left=0 if closed else quiz.max_tries - len(tries),
            correct=tries[-1].correct if tries else None,
            score=_item_score(tries) if tries else None,
            max_score=row.points,
            hints_used=row.hints_used,
            hints=[_public_hint(number, hint) for number, hint in enumerate(taken, start=1)],
        )
        if item is not None and _may_reveal(quiz, closed):
            _reveal(state, item)
        states.append(state)
    return states


def _status(quiz: Quiz) -> str:
    if quiz.finished_at is not None:
        return "finished"
    return "expired" if utcnow() > _aware(quiz.expires_at) else "open"


def state(session: Session, bank: Bank, quiz_id: str, token: str) -> QuizState:
    quiz = authorized(session, quiz_id, token)
    items = _states(session, bank, quiz)
    return QuizState(
        id=quiz.id,
        status=_status(quiz),
        created_at=_aware(quiz.created_at),
        expires_at=_aware(quiz.expires_at),
        finished_at=_aware(quiz.finished_at) if quiz.finished_at else None,
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
    quiz = _check(repository.get_quiz(session, quiz_id, for_update=True), quiz_id, token)
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
    return QuizSummary(
        id=quiz.id,
        reveal=quiz.reveal,
        max_tries=quiz.max_tries,
        penalty=quiz.penalty,
        hint_penalty=quiz.hint_penalty,
        total=total,
        maximum=maximum,
        fraction=total / maximum if maximum else 0.0,
        finished_at=_aware(quiz.finished_at),
        topics=[
            TopicScore(topic=topic, score=score, max_score=most)
            for topic, (score, most) in sorted(per_topic.items())
        ],
        items=items,
    )


# --- browsing and statistics ----------------------------------------------------------


def topics(bank: Bank) -> list[TopicInfo]:
    counts = Counter(topic for entry in bank.entries for topic in entry.topics)
    return [
        TopicInfo(topic=topic, description=description, items=counts[topic])
        for topic, description in TOPICS.items()
    ]


def _cursor(after: str) -> str:
    return base64.urlsafe_b64encode(after.encode()).decode().rstrip("=")


def _after(cursor: str) -> str:
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        return base64.b64decode(padded, altchars=b"-_", validate=True).decode()
    except (ValueError, UnicodeDecodeError):
        raise Unprocessable(
            "the cursor is not one this service gave", ("query", "cursor")
        ) from None


def browse_filters(
    topics: list[str] | None,
    types: list[str] | None,
    min_difficulty: int | None,
    max_difficulty: int | None,
) -> QuizCreate:
    """Browsing filters, validated like a quiz's (errors located in the query)."""
    try:
        return QuizCreate(
            topics=topics, types=types, min_difficulty=min_difficulty, max_difficulty=max_difficulty
        )
    except ValidationError as exc:
        names = {"topics": "topic", "types": "type"}
        errors = [
            {**clean_pydantic_error(e), "loc": ["query", names.get(str(e["loc"][0]), e["loc"][0])]}
            for e in exc.errors(include_url=False)
        ]
        raise Unprocessable.many(errors) from None


def browse(bank: Bank, filters: QuizCreate, limit: int, cursor: str | None) -> ItemPage:
    after = _after(cursor) if cursor else ""
    matching = [e for e in bank.entries if e.id > after and _matches(e, filters)]
    page = matching[:limit]
    infos = []
    for entry in page:
        item = bank.item(entry.id, 0)
        infos.append(
            ItemInfo(
                item_id=entry.id,
                version=entry.version,
                type=entry.type,
                topics=list(entry.topics),
                difficulty=entry.difficulty,
                stem=item.stem,
                generated=entry.generated,
                function=_public_function(item),
            )
        )
    more = len(matching) > limit
    return ItemPage(items=infos, next_cursor=_cursor(page[-1].id) if more and page else None)


def item_stats(session: Session) -> list[ItemStats]:
    attempts = repository.all_attempts(session)
    finals: dict[tuple[str, int], Attempt] = {}
    answers_per_item: Counter[str] = Counter()
    for attempt in attempts:
        best = finals.get((attempt.quiz_id, attempt.position))
        if best is None or attempt.score > best.score:
            finals[(attempt.quiz_id, attempt.position)] = attempt  # an item scores its best try
        answers_per_item[attempt.item_id] += 1
    figures = item_figures(
        Final(a.quiz_id, a.item_id, a.score, a.max_score) for a in finals.values()
    )
    misconceptions: dict[str, list[MisconceptionCount]] = defaultdict(list)
    for item_id, misconception, count in sorted(
        repository.misconception_counts(session), key=lambda row: (-row[2], row[1])
    ):
        misconceptions[item_id].append(MisconceptionCount(misconception=misconception, count=count))
    return [
        ItemStats(
            item_id=item_id,
            answers=answers_per_item[item_id],
            quizzes=figures[item_id].quizzes,
            facility=figures[item_id].facility,
            discrimination=figures[item_id].discrimination,
            misconceptions=misconceptions[item_id][:3],
        )
        for item_id in sorted(figures)
    ]
