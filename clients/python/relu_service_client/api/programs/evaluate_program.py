from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evaluate_program_program_request import EvaluateProgramProgramRequest
from ...models.problem import Problem
from ...models.program_result import ProgramResult
from ...types import Response


def _get_kwargs(
    *,
    body: EvaluateProgramProgramRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/programs/evaluate",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ProgramResult | None:
    if response.status_code == 200:
        response_200 = ProgramResult.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = Problem.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Problem | ProgramResult]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateProgramProgramRequest,
) -> Response[Problem | ProgramResult]:
    """A program's true one-sided derivatives and each framework's autodiff derivative

     Evaluates a one-expression program in x (numbers, + - * /, integer powers, where(cond, a,
    b), relu, max, abs, ...) at each point: its value, its true one-sided derivatives and Clarke
    subdifferential, and, per framework, the derivative its reverse-mode autodiff returns and
    whether that lies in the subdifferential. The program is parsed, never evaluated as code; a
    422 names the offending column.

    Args:
        body (EvaluateProgramProgramRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgramResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateProgramProgramRequest,
) -> Problem | ProgramResult | None:
    """A program's true one-sided derivatives and each framework's autodiff derivative

     Evaluates a one-expression program in x (numbers, + - * /, integer powers, where(cond, a,
    b), relu, max, abs, ...) at each point: its value, its true one-sided derivatives and Clarke
    subdifferential, and, per framework, the derivative its reverse-mode autodiff returns and
    whether that lies in the subdifferential. The program is parsed, never evaluated as code; a
    422 names the offending column.

    Args:
        body (EvaluateProgramProgramRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgramResult
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateProgramProgramRequest,
) -> Response[Problem | ProgramResult]:
    """A program's true one-sided derivatives and each framework's autodiff derivative

     Evaluates a one-expression program in x (numbers, + - * /, integer powers, where(cond, a,
    b), relu, max, abs, ...) at each point: its value, its true one-sided derivatives and Clarke
    subdifferential, and, per framework, the derivative its reverse-mode autodiff returns and
    whether that lies in the subdifferential. The program is parsed, never evaluated as code; a
    422 names the offending column.

    Args:
        body (EvaluateProgramProgramRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ProgramResult]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateProgramProgramRequest,
) -> Problem | ProgramResult | None:
    """A program's true one-sided derivatives and each framework's autodiff derivative

     Evaluates a one-expression program in x (numbers, + - * /, integer powers, where(cond, a,
    b), relu, max, abs, ...) at each point: its value, its true one-sided derivatives and Clarke
    subdifferential, and, per framework, the derivative its reverse-mode autodiff returns and
    whether that lies in the subdifferential. The program is parsed, never evaluated as code; a
    422 names the offending column.

    Args:
        body (EvaluateProgramProgramRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ProgramResult
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
