"""/v1 evaluation routes: the function catalogue and batch evaluation."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Path, Request
from starlette.responses import Response

from service.core.catalogue import CATALOGUE, get_function
from service.core.errors import Invalid
from service.evaluation import service, transport
from service.evaluation.schemas import (
    FunctionGraphs,
    FunctionInfo,
    FunctionParamsQuery,
    ReluSubgradientQuery,
    ReluSubgradientRequest,
    SubgradientQuery,
    SubgradientRequest,
    SubgradientResponse,
    ValueQuery,
    ValueRequest,
    ValueResponse,
)
from service.evaluation.service import Kind
from service.http.openapi import (
    RELU_GRAPH,
    RELU_SUBGRADIENT_GRAPH,
    Responses,
    errors,
    example,
    inline_schema,
)
from service.http.query import parse_query, query_doc
from service.http.threads import run_sized
from service.state import state_of

router = APIRouter(prefix="/v1", tags=["evaluation"])
T = TypeVar("T")

FunctionName = Annotated[
    str,
    Path(
        description="a catalogue function",
        examples=["relu"],
        json_schema_extra={"enum": list(CATALOGUE)},
    ),
]

_ERRORS = {
    404: "no such function",
    406: "no acceptable response format",
    413: "the body or the element count is over the limit",
    415: "unsupported body type",
    422: "the body or a parameter cannot be used; errors[] says where",
}


def _body_doc(model: type[Any], query: type[ValueQuery], params: bool = True) -> dict[str, Any]:
    """The body and the query parameters; relu has no parameters of its own to take."""
    parameters = query_doc(query)
    if not params:
        parameters = [p for p in parameters if p["name"] not in FunctionParamsQuery.model_fields]
    return {
        "parameters": parameters,
        "requestBody": {
            "required": True,
            "content": {
                "application/json": {"schema": inline_schema(model)},
                "application/x-npy": {"schema": {"type": "string", "format": "binary"}},
                "application/octet-stream": {"schema": {"type": "string", "format": "binary"}},
            },
        },
    }


def _responses(model: type[Any], named: bool = True) -> Responses:
    """The outputs in each format, and the errors (a relu route names no function: no 404)."""
    binary = {"schema": {"type": "string", "format": "binary"}}
    return {
        200: {
            "model": model,
            # JSON first: the format a client gets when it asks for none.
            "content": {
                "application/json": {},
                "application/x-npy": binary,
                "application/octet-stream": binary,
            },
            "description": "the outputs, in the format the Accept header asks for",
        },
        **errors(_ERRORS, *(s for s in _ERRORS if named or s != 404)),
    }


async def _evaluate(
    request: Request,
    name: str,
    kind: Kind,
    query_model: type[ValueQuery],
    alias: bool = False,
) -> Response:
    state = state_of(request)
    fmt = transport.negotiate(request)
    get_function(name)  # an unknown name is a 404 before the body is read
    query = parse_query(query_model, request)
    x, options, source = await transport.read(request, kind, query, state.settings, alias)
    state.metrics.elements.inc(x.size)

    def run() -> Response:
        try:
            result = service.evaluate(name, x, options, may_overwrite_x=True)
        except Invalid as exc:
            raise source.error(exc) from None
        return transport.write(result, fmt)

    return await run_sized(run, x.size)


# The relu routes come first: they are the busiest, and routes are matched in order.
@router.post(
    "/relu",
    operation_id="reluValue",
    summary="relu(x) = max(0, x) for a batch",
    openapi_extra=_body_doc(ValueRequest, ValueQuery, params=False),
    responses=_responses(ValueResponse, named=False),
    response_class=Response,
)
async def relu_value(request: Request) -> Response:
    """relu(x) = max(0, x) element-wise, for a batch sent as JSON (`{"x": [...]}`, nested for any
    shape), as `.npy` or as raw little-endian bytes with `?dtype=&shape=`. The answer comes in
    the format the Accept header asks for. `emulate` returns what a framework's CPU kernel
    returns, bit for bit."""
    return await _evaluate(request, "relu", "value", ValueQuery)


@router.post(
    "/relu/subgradient",
    operation_id="reluSubgradient",
    summary="ReLU subgradients for a batch; at_zero picks relu'(0)",
    openapi_extra=_body_doc(ReluSubgradientRequest, ReluSubgradientQuery, params=False),
    responses=_responses(SubgradientResponse, named=False),
    response_class=Response,
)
async def relu_subgradient(request: Request) -> Response:
    """A subgradient of ReLU per element. Away from 0 it is the derivative (0 or 1); at 0 any value
    in [0, 1] is one: `at_zero` (alias of `at_kink`) picks it, `convention` names a framework's,
    and `mode=interval` or `mode=one_sided` return the whole subdifferential or the one-sided
    derivatives instead."""
    return await _evaluate(request, "relu", "subgradient", ReluSubgradientQuery, alias=True)


@router.get(
    "/functions",
    operation_id="listFunctions",
    summary="The function catalogue",
    responses=example([service.describe("relu").model_dump(mode="json")]),
)
async def list_functions() -> list[FunctionInfo]:
    """Every catalogue function with its parameters, kinks and what each framework returns at
    them."""
    return service.catalogue()


@router.get(
    "/functions/{name}",
    operation_id="getFunction",
    summary="One function's formula, parameters and kinks",
    openapi_extra={"parameters": query_doc(FunctionParamsQuery)},
    responses=errors(_ERRORS, 404, 422),
)
async def get_function_info(name: FunctionName, request: Request) -> FunctionInfo:
    """One catalogue function: its formula, parameters (with their ranges), kinks with one-sided
    limits and derivatives, and the frameworks' conventions."""
    return _with_query_params(service.describe, name, request)


@router.get(
    "/functions/{name}/graph",
    operation_id="getFunctionGraph",
    summary="Graphs of f and of its subgradient, as a plot draws them",
    openapi_extra={"parameters": query_doc(FunctionParamsQuery)},
    responses={
        **example({"function": RELU_GRAPH, "subgradient": RELU_SUBGRADIENT_GRAPH}),
        **errors(_ERRORS, 404, 422),
    },
)
async def get_function_graph(name: FunctionName, request: Request) -> FunctionGraphs:
    """The function's graph and its subgradient's, as pieces, dots and vertical segments ready to
    draw, computed on the server."""
    return _with_query_params(service.function_graphs, name, request)


def _with_query_params(
    answer: Callable[[str, dict[str, float]], T], name: str, request: Request
) -> T:
    """answer(name, the function's parameters from the query), a bad parameter a 422."""
    given = parse_query(FunctionParamsQuery, request).given()
    try:
        return answer(name, given)
    except Invalid as exc:  # located in params, which the query holds at its top level
        raise exc.relocated(lambda loc: ("query", *loc[1:])) from None


@router.post(
    "/functions/{name}/value",
    operation_id="evaluateValue",
    summary="f(x) for a batch",
    openapi_extra=_body_doc(ValueRequest, ValueQuery),
    responses=_responses(ValueResponse),
    response_class=Response,
)
async def function_value(name: FunctionName, request: Request) -> Response:
    """The named function's values for a batch, in JSON, `.npy` or raw bytes; the function's
    parameters go in the body's `params` or the query."""
    return await _evaluate(request, name, "value", ValueQuery)


@router.post(
    "/functions/{name}/subgradient",
    operation_id="evaluateSubgradient",
    summary="Subgradients, subdifferentials or one-sided derivatives for a batch",
    openapi_extra=_body_doc(SubgradientRequest, SubgradientQuery),
    responses=_responses(SubgradientResponse),
    response_class=Response,
)
async def function_subgradient(name: FunctionName, request: Request) -> Response:
    """The named function's subgradients for a batch: one value per element (`mode=point`, with a
    convention or `at_kink`), the subdifferential (`mode=interval`) or the one-sided derivatives
    (`mode=one_sided`)."""
    return await _evaluate(request, name, "subgradient", SubgradientQuery)
