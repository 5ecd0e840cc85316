"""Examples for the OpenAPI document, so that every operation shows what it answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

Responses = dict[int | str, dict[str, Any]]
PROBLEM: dict[str, Any] = {"application/problem+json": {}}
INFERENCE_ERROR = {"application/json": {"example": {"error": "message"}}}


def example(value: Any, status: int = 200, media_type: str = "application/json") -> Responses:
    """A `responses` entry that adds an example to the generated response."""
    return {status: {"content": {media_type: {"example": value}}}}


def errors(
    descriptions: Mapping[int, str], *statuses: int, content: Mapping[str, Any] = PROBLEM
) -> Responses:
    """`responses` entries for the error statuses given (all of `descriptions` when none is),
    each with its description and the body it comes in: a problem document by default."""
    chosen = statuses or tuple(descriptions)
    return {s: {"description": descriptions[s], "content": dict(content)} for s in chosen}


RELU_GRAPH = {
    "lo": -3.5,
    "hi": 3.5,
    "pieces": [[[-3.5, 0.0], [0.0, 0.0], [3.5, 3.5]]],
    "dots": [],
    "segments": [],
}
RELU_SUBGRADIENT_GRAPH = {
    "lo": -3.5,
    "hi": 3.5,
    "pieces": [[[-3.5, 0.0], [0.0, 0.0]], [[0.0, 1.0], [3.5, 1.0]]],
    "dots": [{"x": 0.0, "y": 0.0, "filled": True}, {"x": 0.0, "y": 1.0, "filled": True}],
    "segments": [{"x": 0.0, "lower": 0.0, "upper": 1.0}],
}
# The examples show an item written for the documentation, not one of the bank: the document
# is public, and the bank's keys, explanations and feedback are not.
QUIZ_ITEM = {
    "position": 1,
    "item_id": "example-relu-derivative-at-two",
    "version": 1,
    "type": "numeric",
    "topics": ["differentiability"],
    "difficulty": 2,
    "stem": 'What is $\\operatorname{relu}\'(2)$? Answer "does not exist" if it does not.',
    "choices": [],
    "function": {
        "name": "relu",
        "title": "Rectified linear unit",
        "formula": "max(0, x)",
        "params": {},
    },
    "graph": RELU_GRAPH,
    "points": 1.0,
    "hints": 1,
    "length": None,
}
ITEM_STATE = {
    "position": 1,
    "item_id": "example-relu-derivative-at-two",
    "type": "numeric",
    "answered": True,
    "tries_used": 2,
    "tries_left": 0,
    "correct": True,
    "score": 0.666667,
    "max_score": 1.0,
    "hints_used": 0,
    "hints": [],
    "explanation": "Near 2, relu(x) = x, whose slope is 1.",
    "key": {"value": 1},
}


def inline_schema(model: Any) -> dict[str, Any]:
    """A pydantic model's JSON schema with its local definitions inlined, for request bodies
    documented by hand (a `#/$defs/...` reference means nothing inside an OpenAPI document)."""
    schema: dict[str, Any] = model.model_json_schema()
    definitions: dict[str, Any] = schema.pop("$defs", {})

    def resolve(node: Any) -> Any:
        if isinstance(node, dict):
            ref = node.get("$ref")
            if isinstance(ref, str) and ref.startswith("#/$defs/"):
                return resolve(definitions[ref.removeprefix("#/$defs/")])
            return {key: resolve(value) for key, value in node.items()}
        if isinstance(node, list):
            return [resolve(item) for item in node]
        return node

    resolved: dict[str, Any] = resolve(schema)
    return resolved
