"""/v1 learner routes: create a learner, practise, read progress, export and delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response

from service.http.auth import LearnerToken, QuizToken
from service.http.openapi import QUIZ_ITEM, errors, example
from service.learning import learners, practice
from service.learning.schemas import (
    LearnerCreated,
    LearnerExport,
    PracticeCreate,
    PracticeCreated,
    PracticeNext,
    Progress,
)
from service.quiz import quizzes, starting
from service.quiz.router import StateDep, in_body

router = APIRouter(prefix="/v1", tags=["learners"])
if learners.record not in quizzes.ANSWER_HOOKS:
    quizzes.ANSWER_HOOKS.append(learners.record)


LearnerId = Annotated[str, Path(max_length=64, description="the learner's id")]
PracticeId = Annotated[str, Path(max_length=64, description="the practice session's id")]

_ERRORS = {
    400: "the body could not be read as JSON text",
    401: "missing or wrong bearer token",
    404: "no such learner, or no such practice session",
    409: "the session has asked every item it may",
    410: "the session's time has run out",
    422: "the body cannot be used; errors[] says where",
}
LEARNER_ID = "5f0c6d1e9a8b47c3b2a1908f7e6d5c4b"
TOPIC = {
    "topic": "subgradients",
    "title": "Subgradients and the subdifferential at a kink",
    "ability": -0.42,
    "error": 0.61,
    "answers": 4,
    "mastery": "practising",
}
MISCONCEPTION = {
    "slug": "subgradient-unique",
    "title": "One subgradient at a kink",
    "description": "At a kink a convex function can have a whole interval of subgradients, "
    "not a single one.",
    "count": 2,
    "last_seen": "2026-11-28T09:12:40Z",
    "resolved": False,
}
PROGRESS = {
    "learner_id": LEARNER_ID,
    "answers": 9,
    "topics": [TOPIC],
    "misconceptions": [MISCONCEPTION],
    "reviews_due": 1,
    "reviews": [
        {
            "item_id": "relu-subdifferential-at-zero",
            "topics": ["subgradients"],
            "due": "2026-11-28T09:22:40Z",
            "reviews": 1,
        }
    ],
}


@router.post(
    "/learners",
    status_code=201,
    operation_id="createLearner",
    summary="A new anonymous learner: its id and token",
    responses={
        **example(
            {
                "id": LEARNER_ID,
                "token": "Jd0b8oZ0ZxkQkq2yM4wq2Hk6m1qGm3nA5xV7cT9eR1s",
                "created_at": "2026-11-28T09:00:00Z",
            },
            status=201,
        ),
    },
)
async def create_learner(state: StateDep) -> LearnerCreated:
    """Creates a learner who stays anonymous: no personal data, only the token's hash. Quizzes
    started with the learner's id and token, and practice sessions, count for the learner."""
    return await state.database.transaction(learners.create)


@router.post(
    "/learners/{learner_id}/practice",
    status_code=201,
    operation_id="startPractice",
    summary="Start an open-ended practice session for the learner",
    responses={
        **example(
            {
                "id": "c0ffee0123456789abcdef0123456789",
                "token": "3GmQ3wWbq6YkKX0sPZf2o7lq9hQ2yGz1nB4tV8cR6dE",
                "expires_at": "2026-12-05T09:00:00Z",
                "max_tries": 2,
                "reveal": "after_answer",
                "penalty": 0.3333333333333333,
                "hint_penalty": 0.1,
                "topics": ["subgradients"],
                "misconceptions": None,
            },
            status=201,
        ),
        **errors(_ERRORS, 400, 401, 404, 422),
    },
)
async def start_practice(
    learner_id: LearnerId, body: PracticeCreate, token: LearnerToken, state: StateDep
) -> PracticeCreated:
    """Starts a practice session: POST /v1/practice/{id}/next asks for each item, chosen for
    the learner; answers and hints go to /v1/quizzes/{id}/... with the session's token, as a
    quiz's do."""
    deployment = starting.Deployment.of(state.settings)
    return await in_body(
        state, lambda session: practice.start(session, body, learner_id, token, deployment)
    )


@router.post(
    "/practice/{practice_id}/next",
    operation_id="nextPracticeItem",
    summary="The session's next item, chosen for the learner",
    responses={
        **example({"item": QUIZ_ITEM, "reason": "practice", "topic": "differentiability"}),
        **errors(_ERRORS, 401, 404, 409, 410),
    },
)
async def next_item(practice_id: PracticeId, token: QuizToken, state: StateDep) -> PracticeNext:
    """The next item: a review that is due, else the item most worth asking (near the learner's
    ability, aiming at about 70 % success, in the weakest topic, on a misconception the learner
    has shown or not yet been tested on). While the last item has no try, it is returned again."""
    return await state.database.transaction(
        lambda session: practice.next_item(session, state.bank, practice_id, token)
    )


@router.get(
    "/learners/{learner_id}/progress",
    operation_id="getProgress",
    summary="Ability and mastery per topic, misconceptions seen, reviews due",
    responses={**example(PROGRESS), **errors(_ERRORS, 401, 404)},
)
async def get_progress(learner_id: LearnerId, token: LearnerToken, state: StateDep) -> Progress:
    """Per topic the ability, its standard error and the mastery level; the misconceptions the
    learner's answers showed (count, last seen, resolved or not); the reviews scheduled."""
    return await state.database.transaction(
        lambda session: learners.progress(
            session, state.bank, learners.check(session, learner_id, token)
        )
    )


@router.get(
    "/learners/{learner_id}/export",
    operation_id="exportLearner",
    summary="Everything stored about the learner",
    responses={
        **example(
            {
                "id": LEARNER_ID,
                "created_at": "2026-11-28T09:00:00Z",
                "answers": 9,
                "progress": PROGRESS,
                "quizzes": [],
            }
        ),
        **errors(_ERRORS, 401, 404),
    },
)
async def export_learner(
    learner_id: LearnerId, token: LearnerToken, state: StateDep
) -> LearnerExport:
    """Everything the service stores about the learner: progress, review cards, and every quiz
    and practice session with each try."""
    return await state.database.transaction(
        lambda session: learners.export(
            session, state.bank, learners.check(session, learner_id, token)
        )
    )


@router.delete(
    "/learners/{learner_id}",
    status_code=204,
    operation_id="deleteLearner",
    summary="Forget the learner",
    responses=errors(_ERRORS, 401, 404),
)
async def delete_learner(learner_id: LearnerId, token: LearnerToken, state: StateDep) -> Response:
    """Deletes the learner, their abilities and review cards. Their quizzes' attempts stay,
    linked to no one, for the items' statistics."""
    await state.database.transaction(lambda session: learners.forget(session, learner_id, token))
    return Response(status_code=204)
