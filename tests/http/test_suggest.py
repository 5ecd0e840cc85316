"""Suggestions from an OpenAPI document's paths: parameters filled from the request."""

from __future__ import annotations

from typing import Any

from service.http.suggest import nearest

PATHS: dict[str, dict[str, Any]] = {
    "/v1/relu": {"post": {}},
    "/v1/functions/{name}/value": {
        "post": {
            "parameters": [
                {"name": "name", "in": "path", "schema": {"enum": ["relu", "leaky_relu"]}}
            ]
        }
    },
    "/v1/quizzes/{quiz_id}": {
        "get": {"parameters": [{"name": "quiz_id", "in": "path", "schema": {}}]}
    },
}


def test_a_parameter_with_allowed_values_is_filled_by_one_of_them() -> None:
    assert nearest(PATHS, "POST", "/v1/leaky_relu")[0] == "POST /v1/functions/leaky_relu/value"


def test_a_free_parameter_is_filled_by_the_segment_at_its_place() -> None:
    assert nearest(PATHS, "GET", "/v1/quiz/abc") == ["GET /v1/quizzes/abc"]


def test_nothing_is_suggested_below_the_cutoff() -> None:
    assert nearest(PATHS, "GET", "/metrics/x") == []
