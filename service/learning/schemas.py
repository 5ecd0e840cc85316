"""The learners' public shapes. A learner is an id and a token, nothing personal; progress and
export carry what the service derived from their answers, and never a token or its hash."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from service.learning.core.irt import Mastery
from service.learning.core.selection import Reason
from service.quiz.core.taxonomy import MISCONCEPTIONS
from service.quiz.schemas import PublicItem, QuizSettings, Topics


def _misconceptions(values: list[str] | None) -> list[str] | None:
    unknown = [v for v in values or [] if v not in MISCONCEPTIONS]
    if unknown:
        raise ValueError(f"unknown misconceptions {unknown}; known: {', '.join(MISCONCEPTIONS)}")
    return values


Misconceptions = Annotated[list[str] | None, AfterValidator(_misconceptions)]


class LearnerCreated(BaseModel):
    id: str
    token: str = Field(
        description="send as Authorization: Bearer <token> on the learner's calls; it is "
        "shown once and stored only as a hash"
    )
    created_at: datetime


class PracticeCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {},
                {"topics": ["subgradients"]},
                {"misconceptions": ["subgradient-unique"]},
            ]
        },
    )

    topics: Topics = Field(None, description="practise only these topics (default: all)")
    misconceptions: Misconceptions = Field(
        None, description="practise only items that target these misconceptions"
    )


class PracticeCreated(QuizSettings):
    id: str = Field(description="the session's id: answers and hints go to /v1/quizzes/{id}")
    token: str = Field(description="the session's bearer token, as a quiz's")
    expires_at: datetime
    topics: list[str] | None
    misconceptions: list[str] | None


class PracticeNext(BaseModel):
    item: PublicItem
    reason: Reason = Field(
        description="why this item: a review that is due, a misconception the learner has "
        "shown, a misconception not yet tested (diagnostic), or practice at the learner's level"
    )
    topic: str = Field(description="the topic whose ability chose the item")


class TopicProgress(BaseModel):
    topic: str
    title: str
    ability: float = Field(description="the ability estimate (logits; 0 is an average item)")
    error: float = Field(description="its standard error")
    answers: int = Field(description="first tries counted")
    mastery: Mastery


class MisconceptionProgress(BaseModel):
    slug: str
    title: str
    description: str
    count: int = Field(description="answers that showed it")
    last_seen: datetime
    resolved: bool = Field(
        description="an item that targets it was answered right at the first try after it "
        "was last seen"
    )


class Review(BaseModel):
    item_id: str
    topics: list[str]
    due: datetime
    reviews: int


class Progress(BaseModel):
    learner_id: str
    answers: int = Field(description="graded tries, in quizzes and practice")
    topics: list[TopicProgress]
    misconceptions: list[MisconceptionProgress]
    reviews_due: int = Field(description="how many reviews are due now")
    reviews: list[Review] = Field(description="every scheduled review, soonest first")


class ExportedAttempt(BaseModel):
    position: int
    try_number: int
    item_id: str
    response: dict[str, Any]
    credit: float
    score: float
    max_score: float
    correct: bool
    misconception: str | None
    hints_used: int
    created_at: datetime


class ExportedQuiz(BaseModel):
    id: str
    kind: str
    created_at: datetime
    finished_at: datetime | None
    items: list[str] = Field(description="the item ids, in position order")
    attempts: list[ExportedAttempt]


class LearnerExport(BaseModel):
    id: str
    created_at: datetime
    answers: int
    progress: Progress
    quizzes: list[ExportedQuiz]
