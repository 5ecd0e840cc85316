from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.practice_create import PracticeCreate
from ...models.practice_created import PracticeCreated
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    learner_id: str,
    *,
    body: PracticeCreate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/learners/{learner_id}/practice".format(
            learner_id=quote(str(learner_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> PracticeCreated | Problem | None:
    if response.status_code == 201:
        response_201 = PracticeCreated.from_dict(response.json())

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
) -> Response[PracticeCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    learner_id: str,
    *,
    client: AuthenticatedClient,
    body: PracticeCreate,
) -> Response[PracticeCreated | Problem]:
    """Start an open-ended practice session for the learner

     Starts a practice session: POST /v1/practice/{id}/next asks for each item, chosen for
    the learner; answers and hints go to /v1/quizzes/{id}/... with the session's token, as a
    quiz's do.

    Args:
        learner_id (str): the learner's id
        body (PracticeCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PracticeCreated | Problem]
    """

    kwargs = _get_kwargs(
        learner_id=learner_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    learner_id: str,
    *,
    client: AuthenticatedClient,
    body: PracticeCreate,
) -> PracticeCreated | Problem | None:
    """Start an open-ended practice session for the learner

     Starts a practice session: POST /v1/practice/{id}/next asks for each item, chosen for
    the learner; answers and hints go to /v1/quizzes/{id}/... with the session's token, as a
    quiz's do.

    Args:
        learner_id (str): the learner's id
        body (PracticeCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PracticeCreated | Problem
    """

    return sync_detailed(
        learner_id=learner_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    learner_id: str,
    *,
    client: AuthenticatedClient,
    body: PracticeCreate,
) -> Response[PracticeCreated | Problem]:
    """Start an open-ended practice session for the learner

     Starts a practice session: POST /v1/practice/{id}/next asks for each item, chosen for
    the learner; answers and hints go to /v1/quizzes/{id}/... with the session's token, as a
    quiz's do.

    Args:
        learner_id (str): the learner's id
        body (PracticeCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PracticeCreated | Problem]
    """

    kwargs = _get_kwargs(
        learner_id=learner_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    learner_id: str,
    *,
    client: AuthenticatedClient,
    body: PracticeCreate,
) -> PracticeCreated | Problem | None:
    """Start an open-ended practice session for the learner

     Starts a practice session: POST /v1/practice/{id}/next asks for each item, chosen for
    the learner; answers and hints go to /v1/quizzes/{id}/... with the session's token, as a
    quiz's do.

    Args:
        learner_id (str): the learner's id
        body (PracticeCreate):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PracticeCreated | Problem
    """

    return (
        await asyncio_detailed(
            learner_id=learner_id,
            client=client,
            body=body,
        )
    ).parsed
