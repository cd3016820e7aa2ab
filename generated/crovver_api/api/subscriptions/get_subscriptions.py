from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.subscriptions_envelope import SubscriptionsEnvelope
from ...types import UNSET, Response


def _get_kwargs(
    *,
    requesting_entity_id: str,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["requestingEntityId"] = requesting_entity_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/public/subscriptions",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SubscriptionsEnvelope:
    if response.status_code == 200:
        response_200 = SubscriptionsEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | SubscriptionsEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
) -> Response[ErrorEnvelope | SubscriptionsEnvelope]:
    """List a tenant's subscriptions

     Subscription fields are snake_case on the wire.

    Args:
        requesting_entity_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SubscriptionsEnvelope]
    """

    kwargs = _get_kwargs(
        requesting_entity_id=requesting_entity_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
) -> ErrorEnvelope | SubscriptionsEnvelope | None:
    """List a tenant's subscriptions

     Subscription fields are snake_case on the wire.

    Args:
        requesting_entity_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SubscriptionsEnvelope
    """

    return sync_detailed(
        client=client,
        requesting_entity_id=requesting_entity_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
) -> Response[ErrorEnvelope | SubscriptionsEnvelope]:
    """List a tenant's subscriptions

     Subscription fields are snake_case on the wire.

    Args:
        requesting_entity_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SubscriptionsEnvelope]
    """

    kwargs = _get_kwargs(
        requesting_entity_id=requesting_entity_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
) -> ErrorEnvelope | SubscriptionsEnvelope | None:
    """List a tenant's subscriptions

     Subscription fields are snake_case on the wire.

    Args:
        requesting_entity_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SubscriptionsEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            requesting_entity_id=requesting_entity_id,
        )
    ).parsed
