from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.consume_credits_envelope import ConsumeCreditsEnvelope
from ...models.consume_credits_request import ConsumeCreditsRequest
from ...models.error_envelope import ErrorEnvelope
from ...types import Response


def _get_kwargs(
    *,
    body: ConsumeCreditsRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/api/public/credits/consume",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ConsumeCreditsEnvelope | ErrorEnvelope:
    if response.status_code == 200:
        response_200 = ConsumeCreditsEnvelope.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = ErrorEnvelope.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = ErrorEnvelope.from_dict(response.json())

        return response_401

    if response.status_code == 402:
        response_402 = ErrorEnvelope.from_dict(response.json())

        return response_402

    if response.status_code == 403:
        response_403 = ErrorEnvelope.from_dict(response.json())

        return response_403

    if response.status_code == 404:
        response_404 = ErrorEnvelope.from_dict(response.json())

        return response_404

    if response.status_code == 409:
        response_409 = ErrorEnvelope.from_dict(response.json())

        return response_409

    response_default = ErrorEnvelope.from_dict(response.json())

    return response_default


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ConsumeCreditsEnvelope | ErrorEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: ConsumeCreditsRequest,
) -> Response[ConsumeCreditsEnvelope | ErrorEnvelope]:
    """Consume credits, exactly once per idempotency key

     Takes base credits first, then add-on credits, earliest expiry first. A hard pool blocks
    (nothing deducted); a soft pool deducts anyway and answers `warning`. The same
    `idempotencyKey` again returns the original outcome with `alreadyProcessed: true`; the same key
    with a different body is rejected with 409 `IDEMPOTENCY_KEY_REUSED`.

    Args:
        body (ConsumeCreditsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumeCreditsEnvelope | ErrorEnvelope]
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
    body: ConsumeCreditsRequest,
) -> ConsumeCreditsEnvelope | ErrorEnvelope | None:
    """Consume credits, exactly once per idempotency key

     Takes base credits first, then add-on credits, earliest expiry first. A hard pool blocks
    (nothing deducted); a soft pool deducts anyway and answers `warning`. The same
    `idempotencyKey` again returns the original outcome with `alreadyProcessed: true`; the same key
    with a different body is rejected with 409 `IDEMPOTENCY_KEY_REUSED`.

    Args:
        body (ConsumeCreditsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumeCreditsEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: ConsumeCreditsRequest,
) -> Response[ConsumeCreditsEnvelope | ErrorEnvelope]:
    """Consume credits, exactly once per idempotency key

     Takes base credits first, then add-on credits, earliest expiry first. A hard pool blocks
    (nothing deducted); a soft pool deducts anyway and answers `warning`. The same
    `idempotencyKey` again returns the original outcome with `alreadyProcessed: true`; the same key
    with a different body is rejected with 409 `IDEMPOTENCY_KEY_REUSED`.

    Args:
        body (ConsumeCreditsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConsumeCreditsEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    body: ConsumeCreditsRequest,
) -> ConsumeCreditsEnvelope | ErrorEnvelope | None:
    """Consume credits, exactly once per idempotency key

     Takes base credits first, then add-on credits, earliest expiry first. A hard pool blocks
    (nothing deducted); a soft pool deducts anyway and answers `warning`. The same
    `idempotencyKey` again returns the original outcome with `alreadyProcessed: true`; the same key
    with a different body is rejected with 409 `IDEMPOTENCY_KEY_REUSED`.

    Args:
        body (ConsumeCreditsRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConsumeCreditsEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
