from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.quiz_create import QuizCreate
from ...models.quiz_created import QuizCreated
from ...types import Response


def _get_kwargs(
    *,
    body: QuizCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/quizzes",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | QuizCreated | None:
    if response.status_code == 201:
        response_201 = QuizCreated.from_dict(response.json())

        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
) -> Response[Problem | QuizCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: QuizCreate,
) -> Response[Problem | QuizCreated]:
    """Start a quiz: its id, token and items (without keys)

     Starts a quiz: its id, the bearer token for the calls on it, its rules and its items without
    keys, drawn by the filters or listed in item_ids. The same seed and filters give the same
    items. With the admin key the caller is an examiner and may set the rules of an exam-mode
    deployment.

    Args:
        body (QuizCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuizCreated]
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
    client: AuthenticatedClient,
    body: QuizCreate,
) -> Problem | QuizCreated | None:
    """Start a quiz: its id, token and items (without keys)

     Starts a quiz: its id, the bearer token for the calls on it, its rules and its items without
    keys, drawn by the filters or listed in item_ids. The same seed and filters give the same
    items. With the admin key the caller is an examiner and may set the rules of an exam-mode
    deployment.

    Args:
        body (QuizCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuizCreated
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: QuizCreate,
) -> Response[Problem | QuizCreated]:
    """Start a quiz: its id, token and items (without keys)

     Starts a quiz: its id, the bearer token for the calls on it, its rules and its items without
    keys, drawn by the filters or listed in item_ids. The same seed and filters give the same
    items. With the admin key the caller is an examiner and may set the rules of an exam-mode
    deployment.

    Args:
        body (QuizCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | QuizCreated]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: QuizCreate,
) -> Problem | QuizCreated | None:
    """Start a quiz: its id, token and items (without keys)

     Starts a quiz: its id, the bearer token for the calls on it, its rules and its items without
    keys, drawn by the filters or listed in item_ids. The same seed and filters give the same
    items. With the admin key the caller is an examiner and may set the rules of an exam-mode
    deployment.

    Args:
        body (QuizCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | QuizCreated
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
