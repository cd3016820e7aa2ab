from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.purchase_addon_envelope import PurchaseAddonEnvelope
from ...models.purchase_addon_request import PurchaseAddonRequest
from ...types import Response


def _get_kwargs(
    tenant_id: str,
    *,
    body: PurchaseAddonRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/public/tenants/{tenant_id}/addons/purchase".format(
            tenant_id=quote(str(tenant_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | PurchaseAddonEnvelope:
    if response.status_code == 200:
        response_200 = PurchaseAddonEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 201:
        response_201 = PurchaseAddonEnvelope.from_dict(response.json())

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

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    if response.status_code == 422:
        response_422 = ErrorEnvelope.from_dict(response.json())

        return response_422

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | PurchaseAddonEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: PurchaseAddonRequest,
) -> Response[ErrorEnvelope | PurchaseAddonEnvelope]:
    """Buy an add-on, exactly once per idempotency key

     The currency must equal the subscription's (else 422 with a string error). A paid add-on
    answers with a checkout URL and grants credits after payment; a free one grants at once.
    A replayed key answers `{purchaseId, checkoutUrl, alreadyProcessed: true}`.

    Args:
        tenant_id (str):
        body (PurchaseAddonRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PurchaseAddonEnvelope]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: PurchaseAddonRequest,
) -> ErrorEnvelope | PurchaseAddonEnvelope | None:
    """Buy an add-on, exactly once per idempotency key

     The currency must equal the subscription's (else 422 with a string error). A paid add-on
    answers with a checkout URL and grants credits after payment; a free one grants at once.
    A replayed key answers `{purchaseId, checkoutUrl, alreadyProcessed: true}`.

    Args:
        tenant_id (str):
        body (PurchaseAddonRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PurchaseAddonEnvelope
    """

    return sync_detailed(
        tenant_id=tenant_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: PurchaseAddonRequest,
) -> Response[ErrorEnvelope | PurchaseAddonEnvelope]:
    """Buy an add-on, exactly once per idempotency key

     The currency must equal the subscription's (else 422 with a string error). A paid add-on
    answers with a checkout URL and grants credits after payment; a free one grants at once.
    A replayed key answers `{purchaseId, checkoutUrl, alreadyProcessed: true}`.

    Args:
        tenant_id (str):
        body (PurchaseAddonRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PurchaseAddonEnvelope]
    """

    kwargs = _get_kwargs(
        tenant_id=tenant_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    tenant_id: str,
    *,
    client: AuthenticatedClient,
    body: PurchaseAddonRequest,
) -> ErrorEnvelope | PurchaseAddonEnvelope | None:
    """Buy an add-on, exactly once per idempotency key

     The currency must equal the subscription's (else 422 with a string error). A paid add-on
    answers with a checkout URL and grants credits after payment; a free one grants at once.
    A replayed key answers `{purchaseId, checkoutUrl, alreadyProcessed: true}`.

    Args:
        tenant_id (str):
        body (PurchaseAddonRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PurchaseAddonEnvelope
    """

    return (
        await asyncio_detailed(
            tenant_id=tenant_id,
            client=client,
            body=body,
        )
    ).parsed
