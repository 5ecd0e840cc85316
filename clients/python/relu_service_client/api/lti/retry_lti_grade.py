from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.grade import Grade
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    quiz_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/lti/grades/{quiz_id}/retry".format(
            quiz_id=quote(str(quiz_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Grade | Problem | None:
    if response.status_code == 202:
        response_202 = Grade.from_dict(response.json())

        return response_202

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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())

        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Grade | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    quiz_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Grade | Problem]:
    """Send a quiz's score again, now

    Args:
        quiz_id (str): the quiz's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Grade | Problem]
    """

    kwargs = _get_kwargs(
        quiz_id=quiz_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    quiz_id: str,
    *,
    client: AuthenticatedClient,
) -> Grade | Problem | None:
    """Send a quiz's score again, now

    Args:
        quiz_id (str): the quiz's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Grade | Problem
    """

    return sync_detailed(
        quiz_id=quiz_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    quiz_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[Grade | Problem]:
    """Send a quiz's score again, now

    Args:
        quiz_id (str): the quiz's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Grade | Problem]
    """

    kwargs = _get_kwargs(
        quiz_id=quiz_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    quiz_id: str,
    *,
    client: AuthenticatedClient,
) -> Grade | Problem | None:
    """Send a quiz's score again, now

    Args:
        quiz_id (str): the quiz's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Grade | Problem
    """

    return (
        await asyncio_detailed(
            quiz_id=quiz_id,
            client=client,
        )
    ).parsed
