"""The quiz's public shapes. A learner's item is its own class, with no field that could
carry a key, an explanation or feedback; those travel only in grading results, and only
when the quiz's reveal policy allows."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from service.quiz.core.taxonomy import ANSWER_TYPES, TOPICS

Reveal = Literal["after_answer", "after_finish", "never"]
Status = Literal["open", "finished", "expired"]


def _known(values: list[str] | None, known: Any, what: str) -> list[str] | None:
    if values is not None:
        unknown = [v for v in values if v not in known]
        if unknown:
            raise ValueError(f"unknown {what} {unknown}; known: {', '.join(known)}")
    return values


class QuizCreate(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"size": 5, "topics": ["subgradients"], "seed": 42, "max_tries": 2},
                {"size": 10, "reveal": "after_finish", "time_limit_s": 900},
            ]
        },
    )

    size: int = Field(10, ge=1, le=50, description="number of items")
    topics: list[str] | None = Field(None, description="only items with one of these topics")
    min_difficulty: int | None = Field(None, ge=1, le=5)
    max_difficulty: int | None = Field(None, ge=1, le=5)
    types: list[str] | None = Field(None, description="only items of these answer types")
    seed: int | None = Field(
        None, ge=0, lt=2**63, description="the same seed and filters give the same quiz"
    )
    max_tries: int = Field(1, ge=1, le=5, description="tries per item")
    reveal: Reveal = Field(
        "after_answer",
        description=(
            "when keys and explanations show: after_answer (once an item is closed), "
            "after_finish, or never"
        ),
    )
    time_limit_s: int | None = Field(None, ge=10, le=7 * 86_400, description="seconds to answer")

    @field_validator("topics")
    @classmethod
    def _topics(cls, value: list[str] | None) -> list[str] | None:
        return _known(value, TOPICS, "topics")

    @field_validator("types")
    @classmethod
    def _types(cls, value: list[str] | None) -> list[str] | None:
        return _known(value, ANSWER_TYPES, "types")


class PublicChoice(BaseModel):
    id: str
    text: str


class PublicFunction(BaseModel):
    name: str
    params: dict[str, float]


class PublicItem(BaseModel):
    """An item as a learner sees it."""

    position: int
    item_id: str
    version: int
    type: str
    topics: list[str]
    difficulty: int
    stem: str = Field(description="UTF-8 Markdown with LaTeX between $ signs")
    choices: list[PublicChoice]
    function: PublicFunction | None = Field(
        description="the catalogue function the item is about, to plot it"
    )
    points: float
    length: int | None = Field(None, description="vector items: how many numbers to give")


class QuizCreated(BaseModel):
    id: str
    token: str = Field(description="send as Authorization: Bearer <token> on every quiz call")
    expires_at: datetime
    seed: int
    max_tries: int
    reveal: Reveal
    items: list[PublicItem]


class AnswerSubmit(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"position": 1, "response": {"dne": True}},
                {"position": 2, "response": {"left": 0, "right": 1}},
                {"position": 3, "response": {"lower": 0, "upper": 1}},
            ]
        },
    )

    position: int = Field(ge=1, le=50)
    response: Any = Field(description="a response of the item's type (see the README)")


class Quotient(BaseModel):
    h: float
    left: float | None
    right: float | None


class Evidence(BaseModel):
    x: float
    quotients: list[Quotient] = Field(
        description="(f(x) - f(x - h)) / h and (f(x + h) - f(x)) / h; null where not finite"
    )


class AnswerResult(BaseModel):
    position: int
    correct: bool
    score: float
    max_score: float
    feedback: str
    misconception: str | None
    tries_left: int
    evidence: Evidence | None = None
    explanation: str | None = Field(None, description="when the reveal policy allows")
    key: dict[str, Any] | None = Field(None, description="when the reveal policy allows")


class ItemState(BaseModel):
    position: int
    item_id: str
    answered: bool
    tries_used: int
    tries_left: int
    correct: bool | None
    score: float | None
    max_score: float
    explanation: str | None = None
    key: dict[str, Any] | None = None


class QuizState(BaseModel):
    id: str
    status: Status
    created_at: datetime
    expires_at: datetime
    finished_at: datetime | None
    reveal: Reveal
    max_tries: int
    score: float
    max_score: float
    items: list[ItemState]


class TopicScore(BaseModel):
    topic: str
    score: float
    max_score: float


class QuizSummary(BaseModel):
    id: str
    total: float
    maximum: float
    fraction: float
    finished_at: datetime
    topics: list[TopicScore]
    items: list[ItemState]


class TopicInfo(BaseModel):
    topic: str
    description: str
    items: int


class ItemInfo(BaseModel):
    item_id: str
    version: int
    type: str
    topics: list[str]
    difficulty: int
    stem: str = Field(description="for a generated family, the stem of its variant with seed 0")
    generated: bool
    function: PublicFunction | None


class ItemPage(BaseModel):
    items: list[ItemInfo]
    next_cursor: str | None


class MisconceptionCount(BaseModel):
    misconception: str
    count: int


class ItemStats(BaseModel):
    item_id: str
    answers: int
    quizzes: int
    facility: float | None = Field(description="mean score fraction of the items' final answers")
    discrimination: float | None = Field(
        description=(
            "correlation of the item's score with the rest of the quiz's; null under 3 quizzes"
        )
    )
    misconceptions: list[MisconceptionCount]
