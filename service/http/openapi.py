"""Examples for the OpenAPI document, so that every operation shows what it answers."""

from __future__ import annotations

from typing import Any


def example(
    value: Any, status: int = 200, media_type: str = "application/json"
) -> dict[int | str, dict[str, Any]]:
    """A `responses` entry that adds an example to the generated response."""
    return {status: {"content": {media_type: {"example": value}}}}


QUIZ_ITEM = {
    "position": 1,
    "item_id": "relu-derivative-at-zero",
    "version": 1,
    "type": "numeric",
    "topics": ["differentiability", "autodiff-conventions"],
    "difficulty": 2,
    "stem": 'What is $\\operatorname{relu}\'(0)$? Answer "does not exist" if it does not.',
    "choices": [],
    "function": {"name": "relu", "params": {}},
    "points": 1.0,
    "length": None,
}
ITEM_STATE = {
    "position": 1,
    "item_id": "relu-derivative-at-zero",
    "answered": True,
    "tries_used": 1,
    "tries_left": 0,
    "correct": False,
    "score": 0.5,
    "max_score": 1.0,
    "explanation": "The one-sided derivatives 0 and 1 differ, so relu'(0) does not exist.",
    "key": {"dne": True},
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
