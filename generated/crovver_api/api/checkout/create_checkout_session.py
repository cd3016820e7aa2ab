from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.checkout_session_envelope import CheckoutSessionEnvelope
from ...models.create_checkout_request import CreateCheckoutRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: CreateCheckoutRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/public/checkout",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> CheckoutSessionEnvelope | ErrorEnvelope:
    if response.status_code == 201:
        response_201 = CheckoutSessionEnvelope.from_dict(response.json())

        return response_201

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

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[CheckoutSessionEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCheckoutRequest,
) -> Response[CheckoutSessionEnvelope | ErrorEnvelope]:
    """Start a hosted checkout (never retried by the SDK)

     Creates a `pending` subscription that becomes `active` (or `trial`) once paid. Seat-based plans
    take the seat count as `totalCapacityUnits` (the reference page misspells it
    `totalCapcityUnits`; the Node SDK sends `quantity`). 422 `CURRENCY_NOT_SUPPORTED` when the
    plan has no price in `currency`.

    Args:
        body (CreateCheckoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckoutSessionEnvelope | ErrorEnvelope]
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
    body: CreateCheckoutRequest,
) -> CheckoutSessionEnvelope | ErrorEnvelope | None:
    """Start a hosted checkout (never retried by the SDK)

     Creates a `pending` subscription that becomes `active` (or `trial`) once paid. Seat-based plans
    take the seat count as `totalCapacityUnits` (the reference page misspells it
    `totalCapcityUnits`; the Node SDK sends `quantity`). 422 `CURRENCY_NOT_SUPPORTED` when the
    plan has no price in `currency`.

    Args:
        body (CreateCheckoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckoutSessionEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateCheckoutRequest,
) -> Response[CheckoutSessionEnvelope | ErrorEnvelope]:
    """Start a hosted checkout (never retried by the SDK)

     Creates a `pending` subscription that becomes `active` (or `trial`) once paid. Seat-based plans
    take the seat count as `totalCapacityUnits` (the reference page misspells it
    `totalCapcityUnits`; the Node SDK sends `quantity`). 422 `CURRENCY_NOT_SUPPORTED` when the
    plan has no price in `currency`.

    Args:
        body (CreateCheckoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CheckoutSessionEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateCheckoutRequest,
) -> CheckoutSessionEnvelope | ErrorEnvelope | None:
    """Start a hosted checkout (never retried by the SDK)

     Creates a `pending` subscription that becomes `active` (or `trial`) once paid. Seat-based plans
    take the seat count as `totalCapacityUnits` (the reference page misspells it
    `totalCapcityUnits`; the Node SDK sends `quantity`). 422 `CURRENCY_NOT_SUPPORTED` when the
    plan has no price in `currency`.

    Args:
        body (CreateCheckoutRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CheckoutSessionEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
