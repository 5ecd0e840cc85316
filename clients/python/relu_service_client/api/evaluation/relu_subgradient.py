from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.relu_subgradient_convention_type_0 import (
    ReluSubgradientConventionType0,
)
from ...models.relu_subgradient_dtype_type_0 import ReluSubgradientDtypeType0
from ...models.relu_subgradient_emulate_type_0 import ReluSubgradientEmulateType0
from ...models.relu_subgradient_json_relu_subgradient_request import ReluSubgradientJsonReluSubgradientRequest
from ...models.relu_subgradient_mode_type_0 import ReluSubgradientModeType0
from ...models.subgradient_response import SubgradientResponse
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: ReluSubgradientJsonReluSubgradientRequest | File | Unset = UNSET,
    dtype: None | ReluSubgradientDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluSubgradientEmulateType0 | Unset = UNSET,
    mode: None | ReluSubgradientModeType0 | Unset = UNSET,
    convention: None | ReluSubgradientConventionType0 | Unset = UNSET,
    at_kink: float | None | Unset = UNSET,
    at_zero: float | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    params: dict[str, Any] = {}

    json_dtype: None | str | Unset
    if isinstance(dtype, Unset):
        json_dtype = UNSET
    elif isinstance(dtype, str):
        json_dtype = dtype
    else:
        json_dtype = dtype
    params["dtype"] = json_dtype

    json_shape: None | str | Unset
    if isinstance(shape, Unset):
        json_shape = UNSET
    else:
        json_shape = shape
    params["shape"] = json_shape

    json_emulate: None | str | Unset
    if isinstance(emulate, Unset):
        json_emulate = UNSET
    elif isinstance(emulate, str):
        json_emulate = emulate
    else:
        json_emulate = emulate
    params["emulate"] = json_emulate

    json_mode: None | str | Unset
    if isinstance(mode, Unset):
        json_mode = UNSET
    elif isinstance(mode, str):
        json_mode = mode
    else:
        json_mode = mode
    params["mode"] = json_mode

    json_convention: None | str | Unset
    if isinstance(convention, Unset):
        json_convention = UNSET
    elif isinstance(convention, str):
        json_convention = convention
    else:
        json_convention = convention
    params["convention"] = json_convention

    json_at_kink: float | None | Unset
    if isinstance(at_kink, Unset):
        json_at_kink = UNSET
    else:
        json_at_kink = at_kink
    params["at_kink"] = json_at_kink

    json_at_zero: float | None | Unset
    if isinstance(at_zero, Unset):
        json_at_zero = UNSET
    else:
        json_at_zero = at_zero
    params["at_zero"] = json_at_zero

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/relu/subgradient",
        "params": params,
    }

    if isinstance(body, ReluSubgradientJsonReluSubgradientRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | SubgradientResponse | None:
    if response.status_code == 200:
        response_200 = SubgradientResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())

        return response_400

    if response.status_code == 406:
        response_406 = Problem.from_dict(response.json())

        return response_406

    if response.status_code == 408:
        response_408 = Problem.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())

        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())

        return response_415

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
) -> Response[Problem | SubgradientResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReluSubgradientJsonReluSubgradientRequest | File | Unset = UNSET,
    dtype: None | ReluSubgradientDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluSubgradientEmulateType0 | Unset = UNSET,
    mode: None | ReluSubgradientModeType0 | Unset = UNSET,
    convention: None | ReluSubgradientConventionType0 | Unset = UNSET,
    at_kink: float | None | Unset = UNSET,
    at_zero: float | None | Unset = UNSET,
) -> Response[Problem | SubgradientResponse]:
    """ReLU subgradients for a batch; at_zero picks relu'(0)

     A subgradient of ReLU per element. Away from 0 it is the derivative (0 or 1); at 0 any value
    in [0, 1] is one: `at_zero` (alias of `at_kink`) picks it, `convention` names a framework's,
    and `mode=interval` or `mode=one_sided` return the whole subdifferential or the one-sided
    derivatives instead.

    Args:
        dtype (None | ReluSubgradientDtypeType0 | Unset):
        shape (None | str | Unset):
        emulate (None | ReluSubgradientEmulateType0 | Unset):
        mode (None | ReluSubgradientModeType0 | Unset):
        convention (None | ReluSubgradientConventionType0 | Unset):
        at_kink (float | None | Unset):
        at_zero (float | None | Unset):
        body (ReluSubgradientJsonReluSubgradientRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubgradientResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
        mode=mode,
        convention=convention,
        at_kink=at_kink,
        at_zero=at_zero,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ReluSubgradientJsonReluSubgradientRequest | File | Unset = UNSET,
    dtype: None | ReluSubgradientDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluSubgradientEmulateType0 | Unset = UNSET,
    mode: None | ReluSubgradientModeType0 | Unset = UNSET,
    convention: None | ReluSubgradientConventionType0 | Unset = UNSET,
    at_kink: float | None | Unset = UNSET,
    at_zero: float | None | Unset = UNSET,
) -> Problem | SubgradientResponse | None:
    """ReLU subgradients for a batch; at_zero picks relu'(0)

     A subgradient of ReLU per element. Away from 0 it is the derivative (0 or 1); at 0 any value
    in [0, 1] is one: `at_zero` (alias of `at_kink`) picks it, `convention` names a framework's,
    and `mode=interval` or `mode=one_sided` return the whole subdifferential or the one-sided
    derivatives instead.

    Args:
        dtype (None | ReluSubgradientDtypeType0 | Unset):
        shape (None | str | Unset):
        emulate (None | ReluSubgradientEmulateType0 | Unset):
        mode (None | ReluSubgradientModeType0 | Unset):
        convention (None | ReluSubgradientConventionType0 | Unset):
        at_kink (float | None | Unset):
        at_zero (float | None | Unset):
        body (ReluSubgradientJsonReluSubgradientRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubgradientResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
        mode=mode,
        convention=convention,
        at_kink=at_kink,
        at_zero=at_zero,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReluSubgradientJsonReluSubgradientRequest | File | Unset = UNSET,
    dtype: None | ReluSubgradientDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluSubgradientEmulateType0 | Unset = UNSET,
    mode: None | ReluSubgradientModeType0 | Unset = UNSET,
    convention: None | ReluSubgradientConventionType0 | Unset = UNSET,
    at_kink: float | None | Unset = UNSET,
    at_zero: float | None | Unset = UNSET,
) -> Response[Problem | SubgradientResponse]:
    """ReLU subgradients for a batch; at_zero picks relu'(0)

     A subgradient of ReLU per element. Away from 0 it is the derivative (0 or 1); at 0 any value
    in [0, 1] is one: `at_zero` (alias of `at_kink`) picks it, `convention` names a framework's,
    and `mode=interval` or `mode=one_sided` return the whole subdifferential or the one-sided
    derivatives instead.

    Args:
        dtype (None | ReluSubgradientDtypeType0 | Unset):
        shape (None | str | Unset):
        emulate (None | ReluSubgradientEmulateType0 | Unset):
        mode (None | ReluSubgradientModeType0 | Unset):
        convention (None | ReluSubgradientConventionType0 | Unset):
        at_kink (float | None | Unset):
        at_zero (float | None | Unset):
        body (ReluSubgradientJsonReluSubgradientRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SubgradientResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
        mode=mode,
        convention=convention,
        at_kink=at_kink,
        at_zero=at_zero,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ReluSubgradientJsonReluSubgradientRequest | File | Unset = UNSET,
    dtype: None | ReluSubgradientDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluSubgradientEmulateType0 | Unset = UNSET,
    mode: None | ReluSubgradientModeType0 | Unset = UNSET,
    convention: None | ReluSubgradientConventionType0 | Unset = UNSET,
    at_kink: float | None | Unset = UNSET,
    at_zero: float | None | Unset = UNSET,
) -> Problem | SubgradientResponse | None:
    """ReLU subgradients for a batch; at_zero picks relu'(0)

     A subgradient of ReLU per element. Away from 0 it is the derivative (0 or 1); at 0 any value
    in [0, 1] is one: `at_zero` (alias of `at_kink`) picks it, `convention` names a framework's,
    and `mode=interval` or `mode=one_sided` return the whole subdifferential or the one-sided
    derivatives instead.

    Args:
        dtype (None | ReluSubgradientDtypeType0 | Unset):
        shape (None | str | Unset):
        emulate (None | ReluSubgradientEmulateType0 | Unset):
        mode (None | ReluSubgradientModeType0 | Unset):
        convention (None | ReluSubgradientConventionType0 | Unset):
        at_kink (float | None | Unset):
        at_zero (float | None | Unset):
        body (ReluSubgradientJsonReluSubgradientRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SubgradientResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dtype=dtype,
            shape=shape,
            emulate=emulate,
            mode=mode,
            convention=convention,
            at_kink=at_kink,
            at_zero=at_zero,
        )
    ).parsed
