from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.function_graphs import FunctionGraphs
from ...models.get_function_graph_name import GetFunctionGraphName
from ...models.problem import Problem
from ...types import UNSET, Response, Unset


def _get_kwargs(
    name: GetFunctionGraphName,
    *,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    json_negative_slope: float | None | Unset
    if isinstance(negative_slope, Unset):
        json_negative_slope = UNSET
    else:
        json_negative_slope = negative_slope
    params["negative_slope"] = json_negative_slope

    json_min_val: float | None | Unset
    if isinstance(min_val, Unset):
        json_min_val = UNSET
    else:
        json_min_val = min_val
    params["min_val"] = json_min_val

    json_max_val: float | None | Unset
    if isinstance(max_val, Unset):
        json_max_val = UNSET
    else:
        json_max_val = max_val
    params["max_val"] = json_max_val

    json_beta: float | None | Unset
    if isinstance(beta, Unset):
        json_beta = UNSET
    else:
        json_beta = beta
    params["beta"] = json_beta

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/functions/{name}/graph".format(
            name=quote(str(name), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> FunctionGraphs | Problem | None:
    if response.status_code == 200:
        response_200 = FunctionGraphs.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

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
) -> Response[FunctionGraphs | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: GetFunctionGraphName,
    *,
    client: AuthenticatedClient | Client,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
) -> Response[FunctionGraphs | Problem]:
    """Graphs of f and of its subgradient, as a plot draws them

     The function's graph and its subgradient's, as pieces, dots and vertical segments ready to
    draw, computed on the server.

    Args:
        name (GetFunctionGraphName): a catalogue function
        negative_slope (float | None | Unset):
        min_val (float | None | Unset):
        max_val (float | None | Unset):
        beta (float | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FunctionGraphs | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        negative_slope=negative_slope,
        min_val=min_val,
        max_val=max_val,
        beta=beta,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: GetFunctionGraphName,
    *,
    client: AuthenticatedClient | Client,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
) -> FunctionGraphs | Problem | None:
    """Graphs of f and of its subgradient, as a plot draws them

     The function's graph and its subgradient's, as pieces, dots and vertical segments ready to
    draw, computed on the server.

    Args:
        name (GetFunctionGraphName): a catalogue function
        negative_slope (float | None | Unset):
        min_val (float | None | Unset):
        max_val (float | None | Unset):
        beta (float | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FunctionGraphs | Problem
    """

    return sync_detailed(
        name=name,
        client=client,
        negative_slope=negative_slope,
        min_val=min_val,
        max_val=max_val,
        beta=beta,
    ).parsed


async def asyncio_detailed(
    name: GetFunctionGraphName,
    *,
    client: AuthenticatedClient | Client,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
) -> Response[FunctionGraphs | Problem]:
    """Graphs of f and of its subgradient, as a plot draws them

     The function's graph and its subgradient's, as pieces, dots and vertical segments ready to
    draw, computed on the server.

    Args:
        name (GetFunctionGraphName): a catalogue function
        negative_slope (float | None | Unset):
        min_val (float | None | Unset):
        max_val (float | None | Unset):
        beta (float | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[FunctionGraphs | Problem]
    """

    kwargs = _get_kwargs(
        name=name,
        negative_slope=negative_slope,
        min_val=min_val,
        max_val=max_val,
        beta=beta,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: GetFunctionGraphName,
    *,
    client: AuthenticatedClient | Client,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
) -> FunctionGraphs | Problem | None:
    """Graphs of f and of its subgradient, as a plot draws them

     The function's graph and its subgradient's, as pieces, dots and vertical segments ready to
    draw, computed on the server.

    Args:
        name (GetFunctionGraphName): a catalogue function
        negative_slope (float | None | Unset):
        min_val (float | None | Unset):
        max_val (float | None | Unset):
        beta (float | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        FunctionGraphs | Problem
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            negative_slope=negative_slope,
            min_val=min_val,
            max_val=max_val,
            beta=beta,
        )
    ).parsed
