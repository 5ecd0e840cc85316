from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.inference_error import InferenceError
from ...models.model_version_ready_name import ModelVersionReadyName
from ...models.model_version_ready_response_modelversionready import ModelVersionReadyResponseModelversionready
from ...models.model_version_ready_version import ModelVersionReadyVersion
from ...types import Response


def _get_kwargs(
    name: ModelVersionReadyName,
    version: ModelVersionReadyVersion,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/models/{name}/versions/{version}/ready".format(
            name=quote(str(name), safe=""),
            version=quote(str(version), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> InferenceError | ModelVersionReadyResponseModelversionready | None:
    if response.status_code == 200:
        response_200 = ModelVersionReadyResponseModelversionready.from_dict(response.json())

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
) -> Response[InferenceError | ModelVersionReadyResponseModelversionready]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    name: ModelVersionReadyName,
    version: ModelVersionReadyVersion,
    *,
    client: AuthenticatedClient | Client,
) -> Response[InferenceError | ModelVersionReadyResponseModelversionready]:
    """Model readiness, one version

    Args:
        name (ModelVersionReadyName): a catalogue function
        version (ModelVersionReadyVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InferenceError | ModelVersionReadyResponseModelversionready]
    """

    kwargs = _get_kwargs(
        name=name,
        version=version,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    name: ModelVersionReadyName,
    version: ModelVersionReadyVersion,
    *,
    client: AuthenticatedClient | Client,
) -> InferenceError | ModelVersionReadyResponseModelversionready | None:
    """Model readiness, one version

    Args:
        name (ModelVersionReadyName): a catalogue function
        version (ModelVersionReadyVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InferenceError | ModelVersionReadyResponseModelversionready
    """

    return sync_detailed(
        name=name,
        version=version,
        client=client,
    ).parsed


async def asyncio_detailed(
    name: ModelVersionReadyName,
    version: ModelVersionReadyVersion,
    *,
    client: AuthenticatedClient | Client,
) -> Response[InferenceError | ModelVersionReadyResponseModelversionready]:
    """Model readiness, one version

    Args:
        name (ModelVersionReadyName): a catalogue function
        version (ModelVersionReadyVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[InferenceError | ModelVersionReadyResponseModelversionready]
    """

    kwargs = _get_kwargs(
        name=name,
        version=version,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    name: ModelVersionReadyName,
    version: ModelVersionReadyVersion,
    *,
    client: AuthenticatedClient | Client,
) -> InferenceError | ModelVersionReadyResponseModelversionready | None:
    """Model readiness, one version

    Args:
        name (ModelVersionReadyName): a catalogue function
        version (ModelVersionReadyVersion):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        InferenceError | ModelVersionReadyResponseModelversionready
    """

    return (
        await asyncio_detailed(
            name=name,
            version=version,
            client=client,
        )
    ).parsed
