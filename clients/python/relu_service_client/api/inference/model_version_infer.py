from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inference_error import InferenceError
from ...models.model_version_infer_json_inference_request import ModelVersionInferJsonInferenceRequest
from ...models.model_version_infer_name import ModelVersionInferName
from ...models.model_version_infer_version import ModelVersionInferVersion
from ...types import UNSET, File, Response


def _get_kwargs(
    name: ModelVersionInferName,
    version: ModelVersionInferVersion,
    *,
    body: ModelVersionInferJsonInferenceRequest | File | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/models/{name}/versions/{version}/infer".format(
            name=quote(str(name), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    if isinstance(body, ModelVersionInferJsonInferenceRequest):
        _kwargs["json"] = body.to_dict()

        headers["Content-Type"] = "application/json"
    if isinstance(body, File):
        _kwargs["content"] = body.payload
        headers["Content-Type"] = "application/octet-stream"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | InferenceError | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = InferenceError.from_dict(response.json())

        return response_400

    if response.status_code == 404:
        response_404 = InferenceError.from_dict(response.json())

        return response_404

    if response.status_code == 408:
        response_408 = InferenceError.from_dict(response.json())

        return response_408

    if response.status_code == 413:
        response_413 = InferenceError.from_dict(response.json())

        return response_413

    if response.status_code == 422:
        response_422 = InferenceError.from_dict(response.json())

        return response_422

    if response.status_code == 429:
        response_429 = InferenceError.from_dict(response.json())

        return response_429

    if response.status_code == 431:
        response_431 = InferenceError.from_dict(response.json())

        return response_431

    if response.status_code == 500:
        response_500 = InferenceError.from_dict(response.json())

        return response_500

    if response.status_code == 503:
        response_503 = InferenceError.from_dict(response.json())

        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | InferenceError]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: ModelVersionInferName,
    version: ModelVersionInferVersion,
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionInferJsonInferenceRequest | File | Unset = UNSET,
) -> Response[Any | InferenceError]:
    """Inference: value, subgradient, lower, upper, left, right, one version

    Args:
        name (ModelVersionInferName): a catalogue function
        version (ModelVersionInferVersion):
        body (ModelVersionInferJsonInferenceRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InferenceError]
    """

    kwargs = _get_kwargs(
        name=name,
        version=version,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: ModelVersionInferName,
    version: ModelVersionInferVersion,
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionInferJsonInferenceRequest | File | Unset = UNSET,
) -> Any | InferenceError | None:
    """Inference: value, subgradient, lower, upper, left, right, one version

    Args:
        name (ModelVersionInferName): a catalogue function
        version (ModelVersionInferVersion):
        body (ModelVersionInferJsonInferenceRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InferenceError
    """

    return sync_detailed(
        name=name,
        version=version,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    name: ModelVersionInferName,
    version: ModelVersionInferVersion,
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionInferJsonInferenceRequest | File | Unset = UNSET,
) -> Response[Any | InferenceError]:
    """Inference: value, subgradient, lower, upper, left, right, one version

    Args:
        name (ModelVersionInferName): a catalogue function
        version (ModelVersionInferVersion):
        body (ModelVersionInferJsonInferenceRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | InferenceError]
    """

    kwargs = _get_kwargs(
        name=name,
        version=version,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: ModelVersionInferName,
    version: ModelVersionInferVersion,
    *,
    client: AuthenticatedClient | Client,
    body: ModelVersionInferJsonInferenceRequest | File | Unset = UNSET,
) -> Any | InferenceError | None:
    """Inference: value, subgradient, lower, upper, left, right, one version

    Args:
        name (ModelVersionInferName): a catalogue function
        version (ModelVersionInferVersion):
        body (ModelVersionInferJsonInferenceRequest):
        body (File):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | InferenceError
    """

    return (
        await asyncio_detailed(
            name=name,
            version=version,
            client=client,
            body=body,
        )
    ).parsed
