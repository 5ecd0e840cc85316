"""/v1/programs: the autodiff explorer."""

from __future__ import annotations

import orjson
from fastapi import APIRouter, Request
from starlette.responses import Response

from service.errors import validated
from service.http import structure
from service.http.body import BodyReader
from service.http.openapi import errors, example, inline_schema, keep_nulls
from service.http.structure import JsonLimits
from service.http.threads import run_sized
from service.programs import service
from service.programs.schemas import ExampleInfo, ProgramRequest, ProgramResult
from service.state import state_of

router = APIRouter(prefix="/v1/programs", tags=["programs"])

_ERRORS = {
    400: "the body could not be read as JSON text",
    413: "the body is over the limit for evaluation bodies",
    422: "the program cannot be parsed or is too large (the detail names the column), or the "
    "body cannot be used; errors[] says where",
}
_EXAMPLE = {"program": "max(x, 0)", "x": [-1, 0, 1], "dtype": "float64"}


@router.post(
    "/evaluate",
    operation_id="evaluateProgram",
    summary="A program's true one-sided derivatives and each framework's autodiff derivative",
    response_class=Response,
    responses={
        200: {
            "model": ProgramResult,
            "description": "the true derivatives and each framework's autodiff, per point",
            "content": {
                "application/json": {
                    "example": keep_nulls(
                        orjson.loads(orjson.dumps(service.evaluate(ProgramRequest(**_EXAMPLE))))
                    )
                }
            },
        },
        **errors(_ERRORS),
    },
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": inline_schema(ProgramRequest), "example": _EXAMPLE}
            },
        }
    },
)
async def evaluate_program(request: Request) -> Response:
    """Evaluates a one-expression program in x (numbers, + - * /, integer powers, where(cond, a,
    b), relu, max, abs, ...) at each point: its value, its true one-sided derivatives and Clarke
    subdifferential, and, per framework, the derivative its reverse-mode autodiff returns and
    whether that lies in the subdifferential. The program is parsed, never evaluated as code; a
    422 names the offending column."""
    # Read as the evaluation routes read JSON (bounded, scanned, orjson), not through
    # FastAPI's body machinery, which costs more than a 10-point program does.
    raw = await BodyReader(request).read_rest()
    data = structure.loads(raw.data, JsonLimits(state_of(request).settings.max_json_containers))
    body = validated(ProgramRequest, data, "body")

    def run() -> Response:
        return Response(orjson.dumps(service.evaluate(body)), media_type="application/json")

    return await run_sized(run, len(body.x) * 50)  # a program costs tens of array ops per point


@router.get(
    "/examples",
    operation_id="listProgramExamples",
    summary="Programs worth running through autodiff, and what each shows",
    responses=example([service.examples()[0].model_dump()]),
)
async def list_examples() -> list[ExampleInfo]:
    """Programs worth running through autodiff, each with what it shows: the identity written with
    relu, abs as relu(x) + relu(-x), max written three ways, logaddexp with max and abs, Kakade
    and Lee's examples."""
    return service.examples()
