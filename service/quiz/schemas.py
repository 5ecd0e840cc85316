"""The quiz's public shapes. A learner's item is its own class, with no field that could
carry a key, an explanation, feedback or a hint; keys, explanations, written feedback,
difference quotients and the graph of f' travel only in grading results and item states, and
only when the quiz's reveal policy allows; a hint travels only in the answer to the hint route
that paid for it."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, WithJsonSchema

from service.evaluation.schemas import Graph
from service.quiz.core.grading import Quotient
from service.quiz.core.taxonomy import ANSWER_TYPES, TOPICS, AnswerType
from service.quiz.responses import RESPONSE_REFERENCE, ItemResponse

Reveal = Literal["after_answer", "after_finish", "never"]
Status = Literal["open", "finished", "expired"]


def _known(values: list[str] | None, known: Any, what: str) -> list[str] | None:
    if values is not None:
        unknown = [v for v in values if v not in known]
        if unknown:
            raise ValueError(f"unknown {what} {unknown}; known: {', '.join(known)}")
    return values


# Filters on the item bank, checked alike in a quiz's creation body and in the browsing query.
Topics = Annotated[list[str] | None, AfterValidator(lambda v: _known(v, TOPICS, "topics"))]
Types = Annotated[list[str] | None, AfterValidator(lambda v: _known(v, ANSWER_TYPES, "types"))]
Difficulty = Annotated[int | None, Field(ge=1, le=5)]
ItemId = Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9.-]{2,63}$")]


class ItemFilters(BaseModel):
    """Which items of the bank qualify; every filter left out lets every item through."""

    topics: Topics = Field(None, description="only items with one of these topics")
    min_difficulty: Difficulty = None
    max_difficulty: Difficulty = None
    types: Types = Field(None, description="only items of these answer types")


class QuizCreate(ItemFilters):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"size": 5, "topics": ["subgradients"], "seed": 42, "max_tries": 2},
                {"size": 10, "reveal": "after_finish", "time_limit_s": 900},
                {"item_ids": ["relu-derivative-at-zero", "gen.relu-subgradient-vector"]},
            ]
        },
    )

    size: int = Field(10, ge=1, le=50, description="number of items")
    seed: int | None = Field(
        None,
        ge=0,
        lt=2**63,
        description=(
            "the same seed and filters give the same quiz; in exam mode only the examiner "
            "(the admin key) may set it, and max_tries, reveal, penalty and hint_penalty"
        ),
    )
    max_tries: int = Field(1, ge=1, le=5, description="tries per item")
    reveal: Reveal | None = Field(
        None,
        description=(
            "when keys, explanations and written feedback show: after_answer (once an item is "
            "closed), after_finish, or never; by default after_answer, and after_finish on a "
            "deployment in exam mode (GET /v1/config)"
        ),
    )
    penalty: float = Field(
        1 / 3, ge=0, le=1, description="share of an item's points lost per wrong try before a try"
    )
    hint_penalty: float = Field(
        0.1, ge=0, le=1, description="share of an item's points lost per hint taken before a try"
    )
    time_limit_s: int | None = Field(None, ge=10, le=7 * 86_400, description="seconds to answer")
    learner_id: str | None = Field(
        None,
        max_length=64,
        description="the learner whose quiz this is (POST /v1/learners); send the learner's "
        "token as Authorization: Bearer <token>. Its answers then count for the learner.",
    )
    item_ids: list[ItemId] | None = Field(
        None,
        min_length=1,
        max_length=50,
        description=(
            "exactly these items of the bank, in this order, each at most once (a generated "
            "family draws a new variant); not with size, topics, min_difficulty, max_difficulty "
            "or types"
        ),
    )


class PublicChoice(BaseModel):
    id: str
    text: str


class PublicFunction(BaseModel):
    name: str
    title: str
    formula: str
    params: dict[str, float]


class ItemSummary(BaseModel):
    """What anyone may read of an item: what it asks and about which function."""

    item_id: str
    version: int
    type: AnswerType = Field(description="the answer type: the shape of a response and a key")
    topics: list[str]
    difficulty: int
    stem: str = Field(description="UTF-8 Markdown with LaTeX between $ signs")
    function: PublicFunction | None = Field(description="the catalogue function the item is about")


class PublicItem(ItemSummary):
    """An item as a learner sees it."""

    position: int
    choices: list[PublicChoice]
    graph: Graph | None = Field(
        description="the graph of that function, computed on the server, to draw it"
    )
    points: float
    hints: int = Field(description="how many hints the item offers (POST .../hints)")
    length: int | None = Field(None, description="vector items: how many numbers to give")
    labels: list[str] | None = Field(
        None, description="vector items: what each number is, one plain-text label per number"
    )


class QuizSettings(BaseModel):
    max_tries: int
    reveal: Reveal
    penalty: float = Field(description="share of an item's points lost per wrong try")
    hint_penalty: float = Field(description="share of an item's points lost per hint")


class QuizCreated(QuizSettings):
    id: str
    token: str = Field(description="send as Authorization: Bearer <token> on every quiz call")
    expires_at: datetime
    seed: int | None = Field(
        description="the seed that drew the items; null for a learner's quiz in exam mode"
    )
    items: list[PublicItem]


class AnswerSubmit(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [
                {"position": 1, "response": {"type": "numeric", "dne": True}},
                {"position": 2, "response": {"type": "one_sided_pair", "left": 0, "right": 1}},
                {"position": 3, "response": {"type": "interval", "lower": 0, "upper": 1}},
            ]
        },
    )

    position: int = Field(ge=1, le=50)
    response: Annotated[Any, WithJsonSchema(RESPONSE_REFERENCE)] = Field(
        description="a response of the item's answer type; its `type` may be left out (the "
        "item's own is then taken), and one that differs from the item's is refused"
    )


class Evidence(BaseModel):
    x: float
    quotients: list[Quotient] = Field(
        description="(f(x) - f(x - h)) / h and (f(x + h) - f(x)) / h; null where not finite"
    )


class HintRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"position": 1}]})

    position: int = Field(ge=1, le=50)


class PublicHint(BaseModel):
    number: int = Field(description="1 for the first hint of the item")
    text: str = Field(description="UTF-8 Markdown with LaTeX between $ signs")
    evidence: Evidence | None = None


class HintResult(PublicHint):
    position: int
    hints_used: int
    hints_left: int
    hint_penalty: float = Field(description="what each hint costs, as a share of the points")


class Revealed(BaseModel):
    """What the reveal policy shows once an item is closed (after_answer) or the quiz
    finished (after_finish); never under `never`."""

    explanation: str | None = Field(None, description="when the reveal policy allows")
    key: ItemResponse | None = Field(
        None, description="the item's key, in the shape of a response; when the policy allows"
    )
    evidence: Evidence | None = Field(None, description="when the reveal policy allows")
    subgradient_graph: Graph | None = Field(
        None, description="the graph of f' and the subdifferential, when the policy allows"
    )


CREDIT = "what this response earns before penalties, 0 to 1"
FEEDBACK = (
    "feedback written for this response once the policy reveals; before that, the verdict or "
    "the misconception in general words"
)
MISCONCEPTION_TITLE = "the misconception's title (GET /v1/misconceptions); null when none"


class AnswerResult(Revealed):
    position: int
    correct: bool
    credit: float = Field(description=CREDIT)
    score: float = Field(description="the item's score: its best try after penalties")
    max_score: float
    feedback: str = Field(description=FEEDBACK)
    misconception: str | None
    misconception_title: str | None = Field(description=MISCONCEPTION_TITLE)
    tries_left: int
    hints_used: int


class GradedTry(BaseModel):
    """One try at an item, as its grading showed it; the feedback follows the reveal policy as
    the item and the quiz stand now."""

    number: int = Field(description="1 for the item's first try")
    response: ItemResponse = Field(description="the response, as the server read it")
    correct: bool
    credit: float = Field(description=CREDIT)
    score: float = Field(description="this try's score, after its penalties, times the points")
    feedback: str = Field(description=FEEDBACK)
    misconception: str | None
    misconception_title: str | None = Field(description=MISCONCEPTION_TITLE)


# An item the bank has changed since the quiz began is neither graded nor revealed, and shows
# only what the quiz stored of it: id, version, topics and points.
CHANGED = "null only for an item the bank has changed since the quiz began"


class ItemState(Revealed):
    """An item of a quiz as it stands: what creation showed of it, enough to draw it again,
    its tries so far and, when the reveal policy allows, its key and explanation."""

    position: int
    item_id: str
    version: int
    type: AnswerType | None = Field(description=f"the item's answer type; {CHANGED}")
    topics: list[str]
    difficulty: int | None = Field(description=CHANGED)
    stem: str | None = Field(description=f"UTF-8 Markdown with LaTeX between $ signs; {CHANGED}")
    function: PublicFunction | None = Field(description="the catalogue function the item is about")
    choices: list[PublicChoice] = Field(description="in the order the quiz shows them")
    graph: Graph | None = Field(description="the graph of that function, to draw it")
    points: float
    hints_offered: int = Field(description="how many hints the item offers (POST .../hints)")
    length: int | None = Field(description="vector items: how many numbers to give")
    labels: list[str] | None = Field(description="vector items: what each number is")
    answered: bool
    tries_used: int
    tries_left: int
    correct: bool | None = Field(description="whether the last try was right")
    score: float | None = Field(description="the best try's score after penalties")
    max_score: float
    hints_used: int
    hints: list[PublicHint] = Field(description="the hints taken so far")
    tries: list[GradedTry] = Field(
        description="the tries so far, in order (none shown for an item the bank has changed)"
    )


class QuizState(QuizSettings):
    id: str
    status: Status
    created_at: datetime
    expires_at: datetime
    finished_at: datetime | None
    score: float
    max_score: float
    items: list[ItemState]


class TopicScore(BaseModel):
    topic: str
    score: float
    max_score: float


class QuizSummary(QuizSettings):
    id: str
    total: float
    maximum: float
    fraction: float
    finished_at: datetime
    topics: list[TopicScore]
    items: list[ItemState]


class QuizDefaults(BaseModel):
    size: int
    max_tries: int
    reveal: Reveal
    penalty: float
    hint_penalty: float


class ServiceConfig(BaseModel):
    exam_mode: bool = Field(
        description=(
            "the evaluation routes, the inference protocol and the playground are off, so that "
            "a learner cannot use the service as a calculator during a quiz"
        )
    )
    quiz_defaults: QuizDefaults


class TopicInfo(BaseModel):
    topic: str
    description: str
    items: int


class ItemInfo(ItemSummary):
    """An item of the bank as browsing lists it; a generated family shows its variant with
    seed 0."""

    generated: bool


class ItemPage(BaseModel):
    items: list[ItemInfo]
    next_cursor: str | None


class MisconceptionInfo(BaseModel):
    slug: str = Field(description="as an answer's `misconception` names it")
    title: str = Field(description="the mistaken belief, in a few words")
    description: str = Field(description="the mistake in general words, stating no item's key")


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
