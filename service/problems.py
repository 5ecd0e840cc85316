"""GET /problems/{slug}: what each problem `type` URI in an error response means."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path
from pydantic import BaseModel

from service.errors import PROBLEM_TYPES, NotFound, problem_type
from service.http.openapi import example

router = APIRouter(tags=["operations"])


class ProblemType(BaseModel):
    type: str
    title: str
    status: int
    description: str


@router.get(
    "/problems/{slug}",
    operation_id="getProblemType",
    summary="The meaning of a problem type",
    responses={
        **example(
            {
                "type": "/problems/validation-error",
                "title": "Unprocessable content",
                "status": 422,
                "description": "The body or a parameter was read but cannot be used.",
            }
        ),
        404: {"description": "no such problem type"},
    },
)
async def describe_problem(
    slug: Annotated[str, Path(json_schema_extra={"enum": list(PROBLEM_TYPES)})],
) -> ProblemType:
    """What a problem `type` URI of an error response means, with its status."""
    cls = PROBLEM_TYPES.get(slug)
    if cls is None:
        raise NotFound(f"no problem type {slug!r}; known: {', '.join(PROBLEM_TYPES)}")
    return ProblemType(
        type=problem_type(slug),
        title=cls.title,
        status=cls.default_status,
        description=(cls.__doc__ or cls.title).strip(),
    )
