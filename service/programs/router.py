"""/v1/programs: the autodiff explorer."""

from __future__ import annotations

import orjson
from fastapi import APIRouter
from starlette.responses import Response

from service.http.openapi import errors, example
from service.http.threads import run_sized
from service.programs import service
from service.programs.schemas import ExampleInfo, ProgramRequest, ProgramResult

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
                    "example": orjson.loads(
                        orjson.dumps(service.evaluate(ProgramRequest(**_EXAMPLE)))
                    )
                }
            },
        },
        **errors(_ERRORS),
    },
    openapi_extra={
        "requestBody": {"content": {"application/json": {"example": _EXAMPLE}}, "required": True}
    },
)
async def evaluate_program(body: ProgramRequest) -> Response:
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
    return service.examples()
