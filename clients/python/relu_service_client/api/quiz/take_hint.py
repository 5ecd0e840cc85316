from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.hint_request import HintRequest
from ...models.hint_result import HintResult
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    quiz_id: str,
    *,
    body: HintRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/quizzes/{quiz_id}/hints".format(
            quiz_id=quote(str(quiz_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> HintResult | Problem | None:
    if response.status_code == 200:
        response_200 = HintResult.from_dict(response.json())

        return response_200

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

    if response.status_code == 410:
        response_410 = Problem.from_dict(response.json())

        return response_410

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
) -> Response[HintResult | Problem]:
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
    body: HintRequest,
) -> Response[HintResult | Problem]:
    """The item's next hint; each one taken costs hint_penalty on every later try

     The item's next hint; each hint taken lowers every later try's score by the quiz's
    hint_penalty.

    Args:
        quiz_id (str): the quiz's id
        body (HintRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HintResult | Problem]
    """

    kwargs = _get_kwargs(
        quiz_id=quiz_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    quiz_id: str,
    *,
    client: AuthenticatedClient,
    body: HintRequest,
) -> HintResult | Problem | None:
    """The item's next hint; each one taken costs hint_penalty on every later try

     The item's next hint; each hint taken lowers every later try's score by the quiz's
    hint_penalty.

    Args:
        quiz_id (str): the quiz's id
        body (HintRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HintResult | Problem
    """

    return sync_detailed(
        quiz_id=quiz_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    quiz_id: str,
    *,
    client: AuthenticatedClient,
    body: HintRequest,
) -> Response[HintResult | Problem]:
    """The item's next hint; each one taken costs hint_penalty on every later try

     The item's next hint; each hint taken lowers every later try's score by the quiz's
    hint_penalty.

    Args:
        quiz_id (str): the quiz's id
        body (HintRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[HintResult | Problem]
    """

    kwargs = _get_kwargs(
        quiz_id=quiz_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    quiz_id: str,
    *,
    client: AuthenticatedClient,
    body: HintRequest,
) -> HintResult | Problem | None:
    """The item's next hint; each one taken costs hint_penalty on every later try

     The item's next hint; each hint taken lowers every later try's score by the quiz's
    hint_penalty.

    Args:
        quiz_id (str): the quiz's id
        body (HintRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        HintResult | Problem
    """

    return (
        await asyncio_detailed(
            quiz_id=quiz_id,
            client=client,
            body=body,
        )
    ).parsed
