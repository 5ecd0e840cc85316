from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.problem import Problem
from ...models.relu_value_dtype_type_0 import ReluValueDtypeType0
from ...models.relu_value_emulate_type_0 import ReluValueEmulateType0
from ...models.relu_value_json_value_request import ReluValueJsonValueRequest
from ...models.value_response import ValueResponse
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    *,
    body: ReluValueJsonValueRequest | File | Unset = UNSET,
    dtype: None | ReluValueDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluValueEmulateType0 | Unset = UNSET,
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

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/relu",
        "params": params,
    }

    if isinstance(body, ReluValueJsonValueRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Problem | ValueResponse | None:
    if response.status_code == 200:
        response_200 = ValueResponse.from_dict(response.json())

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
) -> Response[Problem | ValueResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReluValueJsonValueRequest | File | Unset = UNSET,
    dtype: None | ReluValueDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluValueEmulateType0 | Unset = UNSET,
) -> Response[Problem | ValueResponse]:
    """relu(x) = max(0, x) for a batch

     relu(x) = max(0, x) element-wise, for a batch sent as JSON (`{"x": [...]}`, nested for any
    shape), as `.npy` or as raw little-endian bytes with `?dtype=&shape=`. The answer comes in
    the format the Accept header asks for. `emulate` returns what a framework's CPU kernel
    returns, bit for bit.

    Args:
        dtype (None | ReluValueDtypeType0 | Unset):
        shape (None | str | Unset):
        emulate (None | ReluValueEmulateType0 | Unset):
        body (ReluValueJsonValueRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValueResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: ReluValueJsonValueRequest | File | Unset = UNSET,
    dtype: None | ReluValueDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluValueEmulateType0 | Unset = UNSET,
) -> Problem | ValueResponse | None:
    """relu(x) = max(0, x) for a batch

     relu(x) = max(0, x) element-wise, for a batch sent as JSON (`{"x": [...]}`, nested for any
    shape), as `.npy` or as raw little-endian bytes with `?dtype=&shape=`. The answer comes in
    the format the Accept header asks for. `emulate` returns what a framework's CPU kernel
    returns, bit for bit.

    Args:
        dtype (None | ReluValueDtypeType0 | Unset):
        shape (None | str | Unset):
        emulate (None | ReluValueEmulateType0 | Unset):
        body (ReluValueJsonValueRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValueResponse
    """

    return sync_detailed(
        client=client,
        body=body,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: ReluValueJsonValueRequest | File | Unset = UNSET,
    dtype: None | ReluValueDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluValueEmulateType0 | Unset = UNSET,
) -> Response[Problem | ValueResponse]:
    """relu(x) = max(0, x) for a batch

     relu(x) = max(0, x) element-wise, for a batch sent as JSON (`{"x": [...]}`, nested for any
    shape), as `.npy` or as raw little-endian bytes with `?dtype=&shape=`. The answer comes in
    the format the Accept header asks for. `emulate` returns what a framework's CPU kernel
    returns, bit for bit.

    Args:
        dtype (None | ReluValueDtypeType0 | Unset):
        shape (None | str | Unset):
        emulate (None | ReluValueEmulateType0 | Unset):
        body (ReluValueJsonValueRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValueResponse]
    """

    kwargs = _get_kwargs(
        body=body,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: ReluValueJsonValueRequest | File | Unset = UNSET,
    dtype: None | ReluValueDtypeType0 | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: None | ReluValueEmulateType0 | Unset = UNSET,
) -> Problem | ValueResponse | None:
    """relu(x) = max(0, x) for a batch

     relu(x) = max(0, x) element-wise, for a batch sent as JSON (`{"x": [...]}`, nested for any
    shape), as `.npy` or as raw little-endian bytes with `?dtype=&shape=`. The answer comes in
    the format the Accept header asks for. `emulate` returns what a framework's CPU kernel
    returns, bit for bit.

    Args:
        dtype (None | ReluValueDtypeType0 | Unset):
        shape (None | str | Unset):
        emulate (None | ReluValueEmulateType0 | Unset):
        body (ReluValueJsonValueRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValueResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
            dtype=dtype,
            shape=shape,
            emulate=emulate,
        )
    ).parsed
