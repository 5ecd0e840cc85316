from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.item_page import ItemPage
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    topic: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    min_difficulty: int | None | Unset = UNSET,
    max_difficulty: int | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_topic: list[str] | None | Unset
    if isinstance(topic, Unset):
        json_topic = UNSET
    elif isinstance(topic, list):
        json_topic = topic

    else:
        json_topic = topic
    params["topic"] = json_topic

    json_type_: list[str] | None | Unset
    if isinstance(type_, Unset):
        json_type_ = UNSET
    elif isinstance(type_, list):
        json_type_ = type_

    else:
        json_type_ = type_
    params["type"] = json_type_

    json_min_difficulty: int | None | Unset
    if isinstance(min_difficulty, Unset):
        json_min_difficulty = UNSET
    else:
        json_min_difficulty = min_difficulty
    params["min_difficulty"] = json_min_difficulty

    json_max_difficulty: int | None | Unset
    if isinstance(max_difficulty, Unset):
        json_max_difficulty = UNSET
    else:
        json_max_difficulty = max_difficulty
    params["max_difficulty"] = json_max_difficulty

    params["limit"] = limit

    json_cursor: None | str | Unset
    if isinstance(cursor, Unset):
        json_cursor = UNSET
    else:
        json_cursor = cursor
    params["cursor"] = json_cursor

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/items",
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ItemPage | Problem | None:
    if response.status_code == 200:
        response_200 = ItemPage.from_dict(response.json())

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ItemPage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    topic: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    min_difficulty: int | None | Unset = UNSET,
    max_difficulty: int | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[ItemPage | Problem]:
    """Browse items: metadata and stems only

     Browses the item bank: metadata and stems only (no keys), filtered by topic, type and
    difficulty, paged with an opaque cursor.

    Args:
        topic (list[str] | None | Unset): any of these topics
        type_ (list[str] | None | Unset): any of these answer types
        min_difficulty (int | None | Unset):
        max_difficulty (int | None | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset): next_cursor of the last page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ItemPage | Problem]
    """

    kwargs = _get_kwargs(
        topic=topic,
        type_=type_,
        min_difficulty=min_difficulty,
        max_difficulty=max_difficulty,
        limit=limit,
        cursor=cursor,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    topic: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    min_difficulty: int | None | Unset = UNSET,
    max_difficulty: int | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> ItemPage | Problem | None:
    """Browse items: metadata and stems only

     Browses the item bank: metadata and stems only (no keys), filtered by topic, type and
    difficulty, paged with an opaque cursor.

    Args:
        topic (list[str] | None | Unset): any of these topics
        type_ (list[str] | None | Unset): any of these answer types
        min_difficulty (int | None | Unset):
        max_difficulty (int | None | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset): next_cursor of the last page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ItemPage | Problem
    """

    return sync_detailed(
        client=client,
        topic=topic,
        type_=type_,
        min_difficulty=min_difficulty,
        max_difficulty=max_difficulty,
        limit=limit,
        cursor=cursor,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    topic: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    min_difficulty: int | None | Unset = UNSET,
    max_difficulty: int | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> Response[ItemPage | Problem]:
    """Browse items: metadata and stems only

     Browses the item bank: metadata and stems only (no keys), filtered by topic, type and
    difficulty, paged with an opaque cursor.

    Args:
        topic (list[str] | None | Unset): any of these topics
        type_ (list[str] | None | Unset): any of these answer types
        min_difficulty (int | None | Unset):
        max_difficulty (int | None | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset): next_cursor of the last page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ItemPage | Problem]
    """

    kwargs = _get_kwargs(
        topic=topic,
        type_=type_,
        min_difficulty=min_difficulty,
        max_difficulty=max_difficulty,
        limit=limit,
        cursor=cursor,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    topic: list[str] | None | Unset = UNSET,
    type_: list[str] | None | Unset = UNSET,
    min_difficulty: int | None | Unset = UNSET,
    max_difficulty: int | None | Unset = UNSET,
    limit: int | Unset = 20,
    cursor: None | str | Unset = UNSET,
) -> ItemPage | Problem | None:
    """Browse items: metadata and stems only

     Browses the item bank: metadata and stems only (no keys), filtered by topic, type and
    difficulty, paged with an opaque cursor.

    Args:
        topic (list[str] | None | Unset): any of these topics
        type_ (list[str] | None | Unset): any of these answer types
        min_difficulty (int | None | Unset):
        max_difficulty (int | None | Unset):
        limit (int | Unset):  Default: 20.
        cursor (None | str | Unset): next_cursor of the last page

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ItemPage | Problem
    """

    return (
        await asyncio_detailed(
            client=client,
            topic=topic,
            type_=type_,
            min_difficulty=min_difficulty,
            max_difficulty=max_difficulty,
            limit=limit,
            cursor=cursor,
        )
    ).parsed
