from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.can_access_envelope import CanAccessEnvelope
from ...models.can_access_request import CanAccessRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: CanAccessRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/public/can-access",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CanAccessEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = CanAccessEnvelope.from_dict(response.json())

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
) -> Response[CanAccessEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CanAccessRequest,
) -> Response[CanAccessEnvelope | ErrorEnvelope]:
    """May this tenant use this feature (or this product)?

     Give `featureKey`, `productSlug`, or both. Without `featureKey` it is a subscription-existence
    check for the product. `amount` asks whether a credit-backed feature has that many credits.
    Active, trial and pending_cancel subscriptions grant access; past_due, canceled, expired and
    none do not.

    Args:
        body (CanAccessRequest): At least one of `featureKey` and `productSlug` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CanAccessEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    body: CanAccessRequest,
) -> CanAccessEnvelope | ErrorEnvelope | None:
    """May this tenant use this feature (or this product)?

     Give `featureKey`, `productSlug`, or both. Without `featureKey` it is a subscription-existence
    check for the product. `amount` asks whether a credit-backed feature has that many credits.
    Active, trial and pending_cancel subscriptions grant access; past_due, canceled, expired and
    none do not.

    Args:
        body (CanAccessRequest): At least one of `featureKey` and `productSlug` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CanAccessEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CanAccessRequest,
) -> Response[CanAccessEnvelope | ErrorEnvelope]:
    """May this tenant use this feature (or this product)?

     Give `featureKey`, `productSlug`, or both. Without `featureKey` it is a subscription-existence
    check for the product. `amount` asks whether a credit-backed feature has that many credits.
    Active, trial and pending_cancel subscriptions grant access; past_due, canceled, expired and
    none do not.

    Args:
        body (CanAccessRequest): At least one of `featureKey` and `productSlug` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CanAccessEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CanAccessRequest,
) -> CanAccessEnvelope | ErrorEnvelope | None:
    """May this tenant use this feature (or this product)?

     Give `featureKey`, `productSlug`, or both. Without `featureKey` it is a subscription-existence
    check for the product. `amount` asks whether a credit-backed feature has that many credits.
    Active, trial and pending_cancel subscriptions grant access; past_due, canceled, expired and
    none do not.

    Args:
        body (CanAccessRequest): At least one of `featureKey` and `productSlug` is required.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CanAccessEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
