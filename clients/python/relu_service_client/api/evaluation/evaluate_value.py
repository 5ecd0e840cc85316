from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.evaluate_value_dtype_type_0 import EvaluateValueDtypeType0
from ...models.evaluate_value_emulate_type_0 import EvaluateValueEmulateType0
from ...models.evaluate_value_json_value_request import EvaluateValueJsonValueRequest
from ...models.evaluate_value_name import EvaluateValueName
from ...models.problem import Problem
from ...models.value_response import ValueResponse
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    name: EvaluateValueName,
    *,
    body: EvaluateValueJsonValueRequest | File | Unset = UNSET,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
    dtype: EvaluateValueDtypeType0 | None | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: EvaluateValueEmulateType0 | None | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

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
        "url": "/v1/functions/{name}/value".format(
            name=quote(str(name), safe=""),
        ),
        "params": params,
    }

    if isinstance(body, EvaluateValueJsonValueRequest):
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

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())

        return response_404

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
    name: EvaluateValueName,
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateValueJsonValueRequest | File | Unset = UNSET,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
    dtype: EvaluateValueDtypeType0 | None | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: EvaluateValueEmulateType0 | None | Unset = UNSET,
) -> Response[Problem | ValueResponse]:
    """f(x) for a batch

     The named function's values for a batch, in JSON, `.npy` or raw bytes; the function's
    parameters go in the body's `params` or the query.

    Args:
        name (EvaluateValueName): a catalogue function
        negative_slope (float | None | Unset):
        min_val (float | None | Unset):
        max_val (float | None | Unset):
        beta (float | None | Unset):
        dtype (EvaluateValueDtypeType0 | None | Unset):
        shape (None | str | Unset):
        emulate (EvaluateValueEmulateType0 | None | Unset):
        body (EvaluateValueJsonValueRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValueResponse]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
        negative_slope=negative_slope,
        min_val=min_val,
        max_val=max_val,
        beta=beta,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: EvaluateValueName,
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateValueJsonValueRequest | File | Unset = UNSET,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
    dtype: EvaluateValueDtypeType0 | None | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: EvaluateValueEmulateType0 | None | Unset = UNSET,
) -> Problem | ValueResponse | None:
    """f(x) for a batch

     The named function's values for a batch, in JSON, `.npy` or raw bytes; the function's
    parameters go in the body's `params` or the query.

    Args:
        name (EvaluateValueName): a catalogue function
        negative_slope (float | None | Unset):
        min_val (float | None | Unset):
        max_val (float | None | Unset):
        beta (float | None | Unset):
        dtype (EvaluateValueDtypeType0 | None | Unset):
        shape (None | str | Unset):
        emulate (EvaluateValueEmulateType0 | None | Unset):
        body (EvaluateValueJsonValueRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValueResponse
    """

    return sync_detailed(
        name=name,
        client=client,
        body=body,
        negative_slope=negative_slope,
        min_val=min_val,
        max_val=max_val,
        beta=beta,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
    ).parsed


async def asyncio_detailed(
    name: EvaluateValueName,
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateValueJsonValueRequest | File | Unset = UNSET,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
    dtype: EvaluateValueDtypeType0 | None | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: EvaluateValueEmulateType0 | None | Unset = UNSET,
) -> Response[Problem | ValueResponse]:
    """f(x) for a batch

     The named function's values for a batch, in JSON, `.npy` or raw bytes; the function's
    parameters go in the body's `params` or the query.

    Args:
        name (EvaluateValueName): a catalogue function
        negative_slope (float | None | Unset):
        min_val (float | None | Unset):
        max_val (float | None | Unset):
        beta (float | None | Unset):
        dtype (EvaluateValueDtypeType0 | None | Unset):
        shape (None | str | Unset):
        emulate (EvaluateValueEmulateType0 | None | Unset):
        body (EvaluateValueJsonValueRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | ValueResponse]
    """

    kwargs = _get_kwargs(
        name=name,
        body=body,
        negative_slope=negative_slope,
        min_val=min_val,
        max_val=max_val,
        beta=beta,
        dtype=dtype,
        shape=shape,
        emulate=emulate,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: EvaluateValueName,
    *,
    client: AuthenticatedClient | Client,
    body: EvaluateValueJsonValueRequest | File | Unset = UNSET,
    negative_slope: float | None | Unset = UNSET,
    min_val: float | None | Unset = UNSET,
    max_val: float | None | Unset = UNSET,
    beta: float | None | Unset = UNSET,
    dtype: EvaluateValueDtypeType0 | None | Unset = UNSET,
    shape: None | str | Unset = UNSET,
    emulate: EvaluateValueEmulateType0 | None | Unset = UNSET,
) -> Problem | ValueResponse | None:
    """f(x) for a batch

     The named function's values for a batch, in JSON, `.npy` or raw bytes; the function's
    parameters go in the body's `params` or the query.

    Args:
        name (EvaluateValueName): a catalogue function
        negative_slope (float | None | Unset):
        min_val (float | None | Unset):
        max_val (float | None | Unset):
        beta (float | None | Unset):
        dtype (EvaluateValueDtypeType0 | None | Unset):
        shape (None | str | Unset):
        emulate (EvaluateValueEmulateType0 | None | Unset):
        body (EvaluateValueJsonValueRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | ValueResponse
    """

    return (
        await asyncio_detailed(
            name=name,
            client=client,
            body=body,
            negative_slope=negative_slope,
            min_val=min_val,
            max_val=max_val,
            beta=beta,
            dtype=dtype,
            shape=shape,
            emulate=emulate,
        )
    ).parsed
