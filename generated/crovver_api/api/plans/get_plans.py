from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.plans_envelope import PlansEnvelope
from ...types import Response


def _get_kwargs() -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/public/plans",
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ErrorEnvelope | PlansEnvelope:
    if response.status_code == 200:
        response_200 = PlansEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ErrorEnvelope | PlansEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | PlansEnvelope]:
    """List the organization's plans

     Money in `pricing` and `prices` may arrive as a JSON number or as a decimal string. The docs'
    plans carry `paymentProviders`; crovver-php reads `payment_providers`, `created_at`,
    `updated_at`: both spellings are declared.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PlansEnvelope]
    """

    kwargs = _get_kwargs()

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | PlansEnvelope | None:
    """List the organization's plans

     Money in `pricing` and `prices` may arrive as a JSON number or as a decimal string. The docs'
    plans carry `paymentProviders`; crovver-php reads `payment_providers`, `created_at`,
    `updated_at`: both spellings are declared.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PlansEnvelope
    """

    return sync_detailed(
        client=client,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
) -> Response[ErrorEnvelope | PlansEnvelope]:
    """List the organization's plans

     Money in `pricing` and `prices` may arrive as a JSON number or as a decimal string. The docs'
    plans carry `paymentProviders`; crovver-php reads `payment_providers`, `created_at`,
    `updated_at`: both spellings are declared.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | PlansEnvelope]
    """

    kwargs = _get_kwargs()

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
) -> ErrorEnvelope | PlansEnvelope | None:
    """List the organization's plans

     Money in `pricing` and `prices` may arrive as a JSON number or as a decimal string. The docs'
    plans carry `paymentProviders`; crovver-php reads `payment_providers`, `created_at`,
    `updated_at`: both spellings are declared.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | PlansEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
        )
    ).parsed
