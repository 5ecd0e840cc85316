"""The shape of a response and of a key, one per answer type, told apart by `type`.

A learner's response and an item's key have the same shape. The server reads responses itself
(service/quiz/core/answers.py), to locate each fault; these models are that shape as the
OpenAPI document and the revealed keys show it.
"""

from __future__ import annotations

from typing import Annotated, Literal, get_args

from pydantic import BaseModel, Field, TypeAdapter


class SingleChoiceResponse(BaseModel):
    type: Literal["single_choice"]
    choice: str = Field(description="the id of one of the item's choices")


class MultipleChoiceResponse(BaseModel):
    type: Literal["multiple_choice"]
    choices: list[str] = Field(description="ids of the item's choices, each at most once")


class TrueFalseResponse(BaseModel):
    type: Literal["true_false"]
    value: bool


class NumericResponse(BaseModel):
    type: Literal["numeric"]
    value: float | None = Field(None, description="a finite number; omit it with dne")
    dne: bool | None = Field(None, description='true: "does not exist" (then no value)')


class IntervalResponse(BaseModel):
    type: Literal["interval"]
    lower: float
    upper: float = Field(description="at least lower")
    lower_closed: bool = True
    upper_closed: bool = True


class PointSetResponse(BaseModel):
    type: Literal["point_set"]
    values: list[float] = Field(max_length=50, description="the points, in any order")


class OneSidedPairResponse(BaseModel):
    type: Literal["one_sided_pair"]
    left: float | None = Field(description="the left-hand value; null: does not exist")
    right: float | None = Field(description="the right-hand value; null: does not exist")


class VectorResponse(BaseModel):
    type: Literal["vector"]
    values: list[float] = Field(description="as many numbers as the item's length")


RESPONSE_MODELS: tuple[type[BaseModel], ...] = (
    SingleChoiceResponse,
    MultipleChoiceResponse,
    TrueFalseResponse,
    NumericResponse,
    IntervalResponse,
    PointSetResponse,
    OneSidedPairResponse,
    VectorResponse,
)
ItemResponse = Annotated[
    SingleChoiceResponse
    | MultipleChoiceResponse
    | TrueFalseResponse
    | NumericResponse
    | IntervalResponse
    | PointSetResponse
    | OneSidedPairResponse
    | VectorResponse,
    Field(discriminator="type"),
]
ITEM_RESPONSE: TypeAdapter[ItemResponse] = TypeAdapter(ItemResponse)
# The same union by reference, for the answer body, whose response the server reads itself.
RESPONSE_REFERENCE = {
    "oneOf": [{"$ref": f"#/components/schemas/{m.__name__}"} for m in RESPONSE_MODELS],
    "discriminator": {
        "propertyName": "type",
        "mapping": {
            get_args(m.model_fields["type"].annotation)[0]: f"#/components/schemas/{m.__name__}"
            for m in RESPONSE_MODELS
        },
    },
}
