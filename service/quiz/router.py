"""/v1 quiz routes: start a quiz, answer, read, finish; browse items; item statistics."""

from __future__ import annotations

import hmac
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Path, Query, Request

from service.db import transaction
from service.dependencies import settings_of
from service.errors import Unauthorized
from service.http.openapi import ITEM_STATE, QUIZ_ITEM, RELU_SUBGRADIENT_GRAPH, example
from service.quiz import service
from service.quiz.bank import Bank
from service.quiz.schemas import (
    AnswerResult,
    AnswerSubmit,
    HintRequest,
    HintResult,
    ItemPage,
    ItemStats,
    QuizCreate,
    QuizCreated,
    QuizState,
    QuizSummary,
    ServiceConfig,
    TopicInfo,
)
from service.settings import Settings

router = APIRouter(prefix="/v1", tags=["quiz"])


async def _bank(request: Request) -> Bank:
    bank: Bank = request.app.state.bank
    return bank


async def _token(
    authorization: Annotated[
        str | None, Header(description="Bearer <token> from the quiz's creation")
    ] = None,
) -> str:
    scheme, _, token = (authorization or "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise Unauthorized("send the quiz's token as Authorization: Bearer <token>")
    return token.strip()


async def _settings(request: Request) -> Settings:
    return settings_of(request)


BankDep = Annotated[Bank, Depends(_bank)]
TokenDep = Annotated[str, Depends(_token)]
SettingsDep = Annotated[Settings, Depends(_settings)]
QuizId = Annotated[str, Path(max_length=64, description="the quiz's id")]

_PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}


def _errors(*statuses: int) -> dict[int | str, dict[str, Any]]:
    descriptions = {
        400: "the body could not be read as JSON text",
        401: "missing or wrong bearer token",
        404: "no such quiz",
        409: "the item is closed, the quiz is finished, or the item has no hint left",
        410: "the quiz's time limit has passed",
        422: "the body cannot be used; errors[] says where (an unreadable response uses no try)",
    }
    return {status: {"description": descriptions[status], **_PROBLEM} for status in statuses}


@router.post(
    "/quizzes",
    status_code=201,
    operation_id="createQuiz",
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
        **_errors(400, 422),
    },
)
async def create_quiz(
    body: QuizCreate,
    request: Request,
    bank: BankDep,
    settings: SettingsDep,
    authorization: Annotated[
        str | None,
        Header(description="Bearer <admin API key>: an examiner, who may set an exam's rules"),
    ] = None,
) -> QuizCreated:
    deployment, examiner = _deployment(settings), _is_admin(settings, authorization)
    return await transaction(
        request,
        lambda session: service.create_quiz(session, bank, body, deployment, examiner),
    )


def _deployment(settings: Settings) -> service.Deployment:
    return service.Deployment(settings.quiz_ttl_s, settings.exam_mode, settings.exam_reveal)


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
async def get_config(settings: SettingsDep) -> ServiceConfig:
    return ServiceConfig(
        exam_mode=settings.exam_mode, quiz_defaults=service.defaults(_deployment(settings))
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
        **_errors(401, 404),
    },
)
async def get_quiz(quiz_id: QuizId, token: TokenDep, request: Request, bank: BankDep) -> QuizState:
    return await transaction(request, lambda session: service.state(session, bank, quiz_id, token))


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
                "tries_left": 0,
                "hints_used": 0,
                "explanation": "Near 2, relu(x) = x, whose slope is 1.",
                "key": {"value": 1},
                "subgradient_graph": RELU_SUBGRADIENT_GRAPH,
            }
        ),
        **_errors(400, 401, 404, 409, 410, 422),
    },
)
async def answer_item(
    quiz_id: QuizId, body: AnswerSubmit, token: TokenDep, request: Request, bank: BankDep
) -> AnswerResult:
    result, graded_now = await transaction(
        request, lambda session: service.answer(session, bank, quiz_id, token, body)
    )
    if graded_now:
        request.app.state.metrics.answers.labels(str(result.correct).lower()).inc()
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
        **_errors(400, 401, 404, 409, 410, 422),
    },
)
async def take_hint(
    quiz_id: QuizId, body: HintRequest, token: TokenDep, request: Request, bank: BankDep
) -> HintResult:
    return await transaction(
        request,
        lambda session: service.take_hint(session, bank, quiz_id, token, body.position),
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
        **_errors(401, 404),
    },
)
async def finish_quiz(
    quiz_id: QuizId, token: TokenDep, request: Request, bank: BankDep
) -> QuizSummary:
    return await transaction(request, lambda session: service.finish(session, bank, quiz_id, token))


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
async def list_topics(bank: BankDep) -> list[TopicInfo]:
    return service.topics(bank)


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
        **_errors(422),
    },
)
async def list_items(
    bank: BankDep,
    topic: Annotated[list[str] | None, Query(description="any of these topics")] = None,
    type: Annotated[list[str] | None, Query(description="any of these answer types")] = None,
    min_difficulty: Annotated[int | None, Query(ge=1, le=5)] = None,
    max_difficulty: Annotated[int | None, Query(ge=1, le=5)] = None,
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
    cursor: Annotated[
        str | None, Query(max_length=200, description="next_cursor of the last page")
    ] = None,
) -> ItemPage:
    filters = service.browse_filters(topic, type, min_difficulty, max_difficulty)
    return service.browse(bank, filters, limit, cursor)


def _is_admin(settings: Settings, authorization: str | None) -> bool:
    key = settings.admin_api_key
    scheme, _, given = (authorization or "").partition(" ")
    return (
        key is not None
        and bool(key.get_secret_value())
        and scheme.lower() == "bearer"
        and hmac.compare_digest(given.strip().encode(), key.get_secret_value().encode())
    )


async def _admin(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <admin API key>")] = None,
) -> None:
    if not _is_admin(settings_of(request), authorization):
        raise Unauthorized("send the admin API key as Authorization: Bearer <key>")


@router.get(
    "/stats/items",
    operation_id="itemStats",
    summary="Per item: answers, facility, discrimination and frequent misconceptions",
    dependencies=[Depends(_admin)],
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
        **_errors(401),
    },
)
async def item_stats(request: Request) -> list[ItemStats]:
    return await transaction(request, service.item_stats)
