from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.subscription_status_envelope import SubscriptionStatusEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    tenant_id: str,
    product_slug: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["tenantId"] = tenant_id

    params["productSlug"] = product_slug

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/public/subscriptions/status",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SubscriptionStatusEnvelope:
    if response.status_code == 200:
        response_200 = SubscriptionStatusEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | SubscriptionStatusEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    tenant_id: str,
    product_slug: str | Unset = UNSET,
) -> Response[ErrorEnvelope | SubscriptionStatusEnvelope]:
    """A tenant's subscription status, optionally for one product

    Args:
        tenant_id (str):
        product_slug (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SubscriptionStatusEnvelope]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        product_slug=product_slug,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    tenant_id: str,
    product_slug: str | Unset = UNSET,
) -> ErrorEnvelope | SubscriptionStatusEnvelope | None:
    """A tenant's subscription status, optionally for one product

    Args:
        tenant_id (str):
        product_slug (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SubscriptionStatusEnvelope
    """

    return sync_detailed(
        client=client,
        tenant_id=tenant_id,
        product_slug=product_slug,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    tenant_id: str,
    product_slug: str | Unset = UNSET,
) -> Response[ErrorEnvelope | SubscriptionStatusEnvelope]:
    """A tenant's subscription status, optionally for one product

    Args:
        tenant_id (str):
        product_slug (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SubscriptionStatusEnvelope]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        product_slug=product_slug,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    tenant_id: str,
    product_slug: str | Unset = UNSET,
) -> ErrorEnvelope | SubscriptionStatusEnvelope | None:
    """A tenant's subscription status, optionally for one product

    Args:
        tenant_id (str):
        product_slug (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SubscriptionStatusEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            tenant_id=tenant_id,
            product_slug=product_slug,
        )
    ).parsed
