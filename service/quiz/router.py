"""/v1 quiz routes: start a quiz, answer, read, finish; browse items and misconceptions; item
statistics."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, TypeVar

from fastapi import APIRouter, Depends, Path, Query, Request
from sqlalchemy.orm import Session

from service.core.errors import Invalid
from service.http.auth import (
    ADMIN_KEY,
    LEARNER_TOKEN,
    MaybeAdmin,
    MaybeLearnerToken,
    QuizToken,
    admin,
)
from service.http.openapi import ITEM_STATE, QUIZ_ITEM, RELU_SUBGRADIENT_GRAPH, errors, example
from service.learning import learners
from service.quiz import browsing, quizzes, starting, statistics
from service.quiz.schemas import (
    AnswerResult,
    AnswerSubmit,
    Difficulty,
    HintRequest,
    HintResult,
    ItemFilters,
    ItemPage,
    ItemStats,
    MisconceptionInfo,
    QuizCreate,
    QuizCreated,
    QuizState,
    QuizSummary,
    ServiceConfig,
    TopicInfo,
    Topics,
    Types,
)
from service.state import AppState, state_of

router = APIRouter(prefix="/v1", tags=["quiz"])
T = TypeVar("T")


async def _state(request: Request) -> AppState:
    return state_of(request)


StateDep = Annotated[AppState, Depends(_state)]
QuizId = Annotated[str, Path(max_length=64, description="the quiz's id")]

_ERRORS = {
    400: "the body could not be read as JSON text",
    401: "missing or wrong bearer token",
    404: "no such quiz (or, starting one, no such learner)",
    409: "the item is closed, the quiz is finished, or the item has no hint left",
    410: "the quiz's time limit has passed",
    422: "the body or the query cannot be used; errors[] says where (an unreadable response "
    "uses no try)",
}


async def in_body(state: AppState, work: Callable[[Session], T]) -> T:
    """work as the request's one transaction; input it cannot use is located in the body."""
    try:
        return await state.database.transaction(work)
    except Invalid as exc:
        raise exc.within("body") from None


@router.post(
    "/quizzes",
    status_code=201,
    operation_id="createQuiz",
    # Anyone may start a quiz; the admin key makes the caller an examiner, and a learner's
    # token (with learner_id) makes the quiz the learner's.
    openapi_extra={"security": [{}, {ADMIN_KEY: []}, {LEARNER_TOKEN: []}]},
    summary="Start a quiz: its id, token and items (without keys)",
    responses={
        **example(
            {
                "id": "8adaf830f09dcfab392da9d53a8b1929",
                "token": "13tQG7WfoKw5oqbv8vhdME8hHLg9S9oI1rjDBzzSGeg",
                "expires_at": "2026-12-04T10:03:37Z",
                "seed": 42,
                "max_tries": 1,
                "reveal": "after_answer",
                "penalty": 0.3333333333333333,
                "hint_penalty": 0.1,
                "items": [QUIZ_ITEM],
            },
            status=201,
        ),
        **errors(_ERRORS, 400, 401, 404, 422),
    },
)
async def create_quiz(
    body: QuizCreate, state: StateDep, examiner: MaybeAdmin, bearer: MaybeLearnerToken
) -> QuizCreated:
    """Starts a quiz: its id, the bearer token for the calls on it, its rules and its items without
    keys, drawn by the filters or listed in item_ids. The same seed and filters give the same
    items. With the admin key the caller is an examiner and may set the rules of an exam-mode
    deployment."""
    deployment = starting.Deployment.of(state.settings)

    def work(session: Session) -> QuizCreated:
        if body.learner_id is not None:
            learners.check(session, body.learner_id, bearer)
        return starting.create_quiz(session, state.bank, body, deployment, examiner)

    return await in_body(state, work)


@router.get(
    "/config",
    operation_id="getConfig",
    summary="This deployment: exam mode, and the settings a new quiz gets by default",
    responses=example(
        {
            "exam_mode": False,
            "quiz_defaults": {
                "size": 10,
                "max_tries": 1,
                "reveal": "after_answer",
                "penalty": 0.3333333333333333,
                "hint_penalty": 0.1,
            },
        }
    ),
)
async def get_config(state: StateDep) -> ServiceConfig:
    """The deployment's quiz settings: exam mode, and the defaults and bounds of a quiz's rules."""
    settings = state.settings
    return ServiceConfig(
        exam_mode=settings.exam_mode,
        quiz_defaults=starting.defaults(starting.Deployment.of(settings)),
    )


@router.get(
    "/quizzes/{quiz_id}",
    operation_id="getQuiz",
    summary="A quiz's status and, per item, its grading so far",
    responses={
        **example(
            {
                "id": "8adaf830f09dcfab392da9d53a8b1929",
                "status": "open",
                "created_at": "2026-11-27T10:03:37Z",
                "expires_at": "2026-12-04T10:03:37Z",
                "finished_at": None,
                "max_tries": 2,
                "reveal": "after_answer",
                "penalty": 0.3333333333333333,
                "hint_penalty": 0.1,
                "score": 0.666667,
                "max_score": 1.0,
                "items": [ITEM_STATE],
            }
        ),
        **errors(_ERRORS, 401, 404),
    },
)
async def get_quiz(quiz_id: QuizId, token: QuizToken, state: StateDep) -> QuizState:
    """The quiz's status and score, and each item as the quiz shows it (enough to draw the quiz
    again) with its tries, hints taken and, when the reveal policy allows, its key and
    explanation."""
    return await in_body(state, lambda session: quizzes.state(session, state.bank, quiz_id, token))


@router.post(
    "/quizzes/{quiz_id}/answers",
    operation_id="answerItem",
    summary="Answer one item: graded on the server, with feedback",
    response_model_exclude_unset=True,
    responses={
        **example(
            {
                "position": 1,
                "correct": True,
                "credit": 1.0,
                "score": 0.666667,
                "max_score": 1.0,
                "feedback": "Correct.",
                "misconception": None,
                "misconception_title": None,
                "tries_left": 0,
                "hints_used": 0,
                "explanation": "Near 2, relu(x) = x, whose slope is 1.",
                "key": {"type": "numeric", "value": 1},
                "subgradient_graph": RELU_SUBGRADIENT_GRAPH,
            }
        ),
        **errors(_ERRORS, 400, 401, 404, 409, 410, 422),
    },
)
async def answer_item(
    quiz_id: QuizId, body: AnswerSubmit, token: QuizToken, state: StateDep
) -> AnswerResult:
    """Grades one response on the server. A response that cannot be read as the item's type is a
    422 and uses no try; a wrong answer's feedback names the misconception. Sending the same
    response again to a closed item returns the stored grading."""
    result, graded_now = await in_body(
        state, lambda session: quizzes.answer(session, state.bank, quiz_id, token, body)
    )
    if graded_now:
        state.metrics.answers.labels(str(result.correct).lower()).inc()
    return result


@router.post(
    "/quizzes/{quiz_id}/hints",
    operation_id="takeHint",
    summary="The item's next hint; each one taken costs hint_penalty on every later try",
    responses={
        **example(
            {
                "number": 1,
                "text": "Look at the one-sided difference quotients at $x = 2$ as $h$ shrinks:",
                "evidence": {
                    "x": 2.0,
                    "quotients": [
                        {"h": 0.1, "left": 1.0, "right": 1.0},
                        {"h": 0.001, "left": 1.0, "right": 1.0},
                        {"h": 1e-06, "left": 1.0, "right": 1.0},
                    ],
                },
                "position": 1,
                "hints_used": 1,
                "hints_left": 0,
                "hint_penalty": 0.1,
            }
        ),
        **errors(_ERRORS, 400, 401, 404, 409, 410, 422),
    },
)
async def take_hint(
    quiz_id: QuizId, body: HintRequest, token: QuizToken, state: StateDep
) -> HintResult:
    """The item's next hint; each hint taken lowers every later try's score by the quiz's
    hint_penalty."""
    return await in_body(
        state,
        lambda session: quizzes.take_hint(session, state.bank, quiz_id, token, body.position),
    )


@router.post(
    "/quizzes/{quiz_id}/finish",
    operation_id="finishQuiz",
    summary="Finish the quiz: total, maximum and per-topic breakdown (idempotent)",
    responses={
        **example(
            {
                "max_tries": 2,
                "reveal": "after_answer",
                "penalty": 0.3333333333333333,
                "hint_penalty": 0.1,
                "id": "8adaf830f09dcfab392da9d53a8b1929",
                "total": 0.666667,
                "maximum": 1.0,
                "fraction": 0.666667,
                "finished_at": "2026-11-27T10:09:12Z",
                "topics": [{"topic": "differentiability", "score": 0.666667, "max_score": 1.0}],
                "items": [ITEM_STATE],
            }
        ),
        **errors(_ERRORS, 401, 404),
    },
)
async def finish_quiz(quiz_id: QuizId, token: QuizToken, state: StateDep) -> QuizSummary:
    """Finishes the quiz (idempotent): the total, the maximum, a per-topic breakdown and each
    item's state."""
    return await in_body(state, lambda session: quizzes.finish(session, state.bank, quiz_id, token))


@router.get(
    "/topics",
    operation_id="listTopics",
    summary="Topics with their item counts",
    responses=example(
        [
            {
                "topic": "subgradients",
                "description": "Subgradients and the subdifferential at a kink",
                "items": 26,
            }
        ]
    ),
)
async def list_topics(state: StateDep) -> list[TopicInfo]:
    """The topics with the number of items in each."""
    return browsing.topics(state.bank)


@router.get(
    "/misconceptions",
    operation_id="listMisconceptions",
    summary="The misconceptions a grading can name: slug, title and description",
    responses=example(
        [
            {
                "slug": "subdifferential-open",
                "title": "The subdifferential is open",
                "description": "A subdifferential contains its endpoints: it is a closed set.",
            }
        ]
    ),
)
async def list_misconceptions() -> list[MisconceptionInfo]:
    """Every misconception an answer's grading can name, with its title and its description in
    general words (which state no item's key)."""
    return browsing.misconceptions()


@router.get(
    "/items",
    operation_id="listItems",
    summary="Browse items: metadata and stems only",
    responses={
        **example(
            {
                "items": [
                    {
                        "item_id": "relu-derivative-at-zero",
                        "version": 1,
                        "type": "numeric",
                        "topics": ["differentiability", "autodiff-conventions"],
                        "difficulty": 2,
                        "stem": "What is $\\operatorname{relu}'(0)$?",
                        "generated": False,
                        "function": {
                            "name": "relu",
                            "title": "Rectified linear unit",
                            "formula": "max(0, x)",
                            "params": {},
                        },
                    }
                ],
                "next_cursor": "cmVsdS1kZXJpdmF0aXZlLWF0LXplcm8",
            }
        ),
        **errors(_ERRORS, 422),
    },
)
async def list_items(
    state: StateDep,
    topic: Annotated[Topics, Query(description="any of these topics")] = None,
    type: Annotated[Types, Query(description="any of these answer types")] = None,
    min_difficulty: Annotated[Difficulty, Query()] = None,
    max_difficulty: Annotated[Difficulty, Query()] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[
        str | None, Query(max_length=200, description="next_cursor of the last page")
    ] = None,
) -> ItemPage:
    """Browses the item bank: metadata and stems only (no keys), filtered by topic, type and
    difficulty, paged with an opaque cursor."""
    filters = ItemFilters(
        topics=topic, types=type, min_difficulty=min_difficulty, max_difficulty=max_difficulty
    )
    try:
        return browsing.browse(state.bank, filters, limit, cursor)
    except Invalid as exc:
        raise exc.within("query") from None


@router.get(
    "/stats/items",
    operation_id="itemStats",
    summary="Per item: answers, facility, discrimination and frequent misconceptions",
    dependencies=[Depends(admin)],
    responses={
        **example(
            [
                {
                    "item_id": "relu-derivative-at-zero",
                    "answers": 120,
                    "quizzes": 96,
                    "facility": 0.41,
                    "discrimination": 0.37,
                    "misconceptions": [{"misconception": "convention-as-truth", "count": 51}],
                }
            ]
        ),
        **errors(_ERRORS, 401),
    },
)
async def item_stats(state: StateDep) -> list[ItemStats]:
    """Per item, from the attempts stored: answers, facility, discrimination and the most frequent
    misconceptions. Admin key only."""
    return await state.database.transaction(statistics.item_stats)
