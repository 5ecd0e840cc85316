from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.practice_next import PracticeNext
from ...models.problem import Problem
from ...types import Response


def _get_kwargs(
    practice_id: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/practice/{practice_id}/next".format(
            practice_id=quote(str(practice_id), safe=""),
        ),
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PracticeNext | Problem | None:
    if response.status_code == 200:
        response_200 = PracticeNext.from_dict(response.json())

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
) -> Response[PracticeNext | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    practice_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[PracticeNext | Problem]:
    """The session's next item, chosen for the learner

     The next item: a review that is due, else the item most worth asking (near the learner's
    ability, aiming at about 70 % success, in the weakest topic, on a misconception the learner
    has shown or not yet been tested on). While the last item has no try, it is returned again.

    Args:
        practice_id (str): the practice session's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PracticeNext | Problem]
    """

    kwargs = _get_kwargs(
        practice_id=practice_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    practice_id: str,
    *,
    client: AuthenticatedClient,
) -> PracticeNext | Problem | None:
    """The session's next item, chosen for the learner

     The next item: a review that is due, else the item most worth asking (near the learner's
    ability, aiming at about 70 % success, in the weakest topic, on a misconception the learner
    has shown or not yet been tested on). While the last item has no try, it is returned again.

    Args:
        practice_id (str): the practice session's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PracticeNext | Problem
    """

    return sync_detailed(
        practice_id=practice_id,
        client=client,
    ).parsed


async def asyncio_detailed(
    practice_id: str,
    *,
    client: AuthenticatedClient,
) -> Response[PracticeNext | Problem]:
    """The session's next item, chosen for the learner

     The next item: a review that is due, else the item most worth asking (near the learner's
    ability, aiming at about 70 % success, in the weakest topic, on a misconception the learner
    has shown or not yet been tested on). While the last item has no try, it is returned again.

    Args:
        practice_id (str): the practice session's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PracticeNext | Problem]
    """

    kwargs = _get_kwargs(
        practice_id=practice_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    practice_id: str,
    *,
    client: AuthenticatedClient,
) -> PracticeNext | Problem | None:
    """The session's next item, chosen for the learner

     The next item: a review that is due, else the item most worth asking (near the learner's
    ability, aiming at about 70 % success, in the weakest topic, on a misconception the learner
    has shown or not yet been tested on). While the last item has no try, it is returned again.

    Args:
        practice_id (str): the practice session's id

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PracticeNext | Problem
    """

    return (
        await asyncio_detailed(
            practice_id=practice_id,
            client=client,
        )
    ).parsed
