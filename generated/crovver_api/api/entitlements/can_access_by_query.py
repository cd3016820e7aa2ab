from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.can_access_envelope import CanAccessEnvelope
from ...models.error_envelope import ErrorEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    requesting_entity_id: str,
    feature_key: str,
    product_slug: str | Unset = UNSET,
    amount: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["requestingEntityId"] = requesting_entity_id

    params["featureKey"] = feature_key

    params["productSlug"] = product_slug

    params["amount"] = amount

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/public/can-access",
        "params": params,
    }

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
    requesting_entity_id: str,
    feature_key: str,
    product_slug: str | Unset = UNSET,
    amount: int | Unset = UNSET,
) -> Response[CanAccessEnvelope | ErrorEnvelope]:
    """The query-string form of can-access (what crovver-react sends)

     The same decision as `POST /api/public/can-access`, with the fields in the query string.
    crovver-react (`src/api.ts`, `checkFeatureAccess`) calls it with `publicKey`, `featureKey` and
    `requestingEntityId` as query parameters. The Python SDK sends the POST form.

    Args:
        requesting_entity_id (str):
        feature_key (str):
        product_slug (str | Unset):
        amount (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CanAccessEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        requesting_entity_id=requesting_entity_id,
        feature_key=feature_key,
        product_slug=product_slug,
        amount=amount,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
    feature_key: str,
    product_slug: str | Unset = UNSET,
    amount: int | Unset = UNSET,
) -> CanAccessEnvelope | ErrorEnvelope | None:
    """The query-string form of can-access (what crovver-react sends)

     The same decision as `POST /api/public/can-access`, with the fields in the query string.
    crovver-react (`src/api.ts`, `checkFeatureAccess`) calls it with `publicKey`, `featureKey` and
    `requestingEntityId` as query parameters. The Python SDK sends the POST form.

    Args:
        requesting_entity_id (str):
        feature_key (str):
        product_slug (str | Unset):
        amount (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CanAccessEnvelope | ErrorEnvelope
    """

    return sync_detailed(
        client=client,
        requesting_entity_id=requesting_entity_id,
        feature_key=feature_key,
        product_slug=product_slug,
        amount=amount,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
    feature_key: str,
    product_slug: str | Unset = UNSET,
    amount: int | Unset = UNSET,
) -> Response[CanAccessEnvelope | ErrorEnvelope]:
    """The query-string form of can-access (what crovver-react sends)

     The same decision as `POST /api/public/can-access`, with the fields in the query string.
    crovver-react (`src/api.ts`, `checkFeatureAccess`) calls it with `publicKey`, `featureKey` and
    `requestingEntityId` as query parameters. The Python SDK sends the POST form.

    Args:
        requesting_entity_id (str):
        feature_key (str):
        product_slug (str | Unset):
        amount (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[CanAccessEnvelope | ErrorEnvelope]
    """

    kwargs = _get_kwargs(
        requesting_entity_id=requesting_entity_id,
        feature_key=feature_key,
        product_slug=product_slug,
        amount=amount,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
    feature_key: str,
    product_slug: str | Unset = UNSET,
    amount: int | Unset = UNSET,
) -> CanAccessEnvelope | ErrorEnvelope | None:
    """The query-string form of can-access (what crovver-react sends)

     The same decision as `POST /api/public/can-access`, with the fields in the query string.
    crovver-react (`src/api.ts`, `checkFeatureAccess`) calls it with `publicKey`, `featureKey` and
    `requestingEntityId` as query parameters. The Python SDK sends the POST form.

    Args:
        requesting_entity_id (str):
        feature_key (str):
        product_slug (str | Unset):
        amount (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        CanAccessEnvelope | ErrorEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            requesting_entity_id=requesting_entity_id,
            feature_key=feature_key,
            product_slug=product_slug,
            amount=amount,
        )
    ).parsed
