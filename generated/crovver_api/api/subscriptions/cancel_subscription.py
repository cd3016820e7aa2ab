from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.cancel_subscription_envelope import CancelSubscriptionEnvelope
from ...models.cancel_subscription_request import CancelSubscriptionRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    subscription_id: str,
    *,
    body: CancelSubscriptionRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/public/subscriptions/{subscription_id}/cancel".format(
            subscription_id=quote(str(subscription_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CancelSubscriptionEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = CancelSubscriptionEnvelope.from_dict(response.json())

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
) -> Response[CancelSubscriptionEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    body: CancelSubscriptionRequest,
) -> Response[CancelSubscriptionEnvelope | ErrorEnvelope]:
    """Cancel a subscription

     Recurring billing becomes `pending_cancel` (access until `currentPeriodEnd`); manual billing
    becomes `canceled` at once. 400 `ALREADY_CANCELED` when it is already canceled or pending
    cancellation.

    Args:
        subscription_id (str):
        body (CancelSubscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelSubscriptionEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    body: CancelSubscriptionRequest,
) -> CancelSubscriptionEnvelope | ErrorEnvelope | None:
    """Cancel a subscription

     Recurring billing becomes `pending_cancel` (access until `currentPeriodEnd`); manual billing
    becomes `canceled` at once. 400 `ALREADY_CANCELED` when it is already canceled or pending
    cancellation.

    Args:
        subscription_id (str):
        body (CancelSubscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelSubscriptionEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        subscription_id=subscription_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    body: CancelSubscriptionRequest,
) -> Response[CancelSubscriptionEnvelope | ErrorEnvelope]:
    """Cancel a subscription

     Recurring billing becomes `pending_cancel` (access until `currentPeriodEnd`); manual billing
    becomes `canceled` at once. 400 `ALREADY_CANCELED` when it is already canceled or pending
    cancellation.

    Args:
        subscription_id (str):
        body (CancelSubscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CancelSubscriptionEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        subscription_id=subscription_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    subscription_id: str,
    *,
    client: AuthenticatedClient,
    body: CancelSubscriptionRequest,
) -> CancelSubscriptionEnvelope | ErrorEnvelope | None:
    """Cancel a subscription

     Recurring billing becomes `pending_cancel` (access until `currentPeriodEnd`); manual billing
    becomes `canceled` at once. 400 `ALREADY_CANCELED` when it is already canceled or pending
    cancellation.

    Args:
        subscription_id (str):
        body (CancelSubscriptionRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CancelSubscriptionEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            subscription_id=subscription_id,
            client=client,
            body=body,
        )
    ).parsed
