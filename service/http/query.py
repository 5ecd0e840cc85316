"""Query parameters read into a pydantic model, and documented from the same model.

Parsing is done here rather than by FastAPI's query-model dependency, which costs
more per request than the whole evaluation of a small batch.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel
from starlette.requests import Request

from service.errors import validated

M = TypeVar("M", bound=BaseModel)


def parse_query(model: type[M], request: Request) -> M:
    if not request.scope["query_string"]:  # the common case, without parsing an empty query
        return model()
    return validated(model, dict(request.query_params), "query")


def query_doc(model: type[BaseModel]) -> list[dict[str, Any]]:
    """OpenAPI parameter objects for the model's fields."""
    schema = model.model_json_schema(ref_template="#/components/schemas/{model}")
    parameters = []
    for name, field in schema["properties"].items():
        field = {k: v for k, v in field.items() if k not in ("title", "description", "default")}
        parameters.append(
            {
                "name": name,
                "in": "query",
                "required": False,
                "description": schema["properties"][name].get("description", ""),
                "schema": field,
            }
        )
    return parameters
