from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.allocation_status_filter import AllocationStatusFilter
from ...models.error_envelope import ErrorEnvelope
from ...models.seat_allocations_envelope import SeatAllocationsEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    requesting_entity_id: str,
    status: AllocationStatusFilter | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 50,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["requestingEntityId"] = requesting_entity_id

    json_status: str | Unset = UNSET
    if not isinstance(status, Unset):
        json_status = status.value

    params["status"] = json_status

    params["page"] = page

    params["limit"] = limit

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/public/capacity/allocations",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | SeatAllocationsEnvelope:
    if response.status_code == 200:
        response_200 = SeatAllocationsEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | SeatAllocationsEnvelope]:
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
    status: AllocationStatusFilter | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 50,
) -> Response[ErrorEnvelope | SeatAllocationsEnvelope]:
    """Seat allocations, one page at a time

    Args:
        requesting_entity_id (str):
        status (AllocationStatusFilter | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SeatAllocationsEnvelope]
    """

    kwargs = _get_kwargs(
        requesting_entity_id=requesting_entity_id,
        status=status,
        page=page,
        limit=limit,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
    status: AllocationStatusFilter | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 50,
) -> ErrorEnvelope | SeatAllocationsEnvelope | None:
    """Seat allocations, one page at a time

    Args:
        requesting_entity_id (str):
        status (AllocationStatusFilter | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SeatAllocationsEnvelope
    """

    return sync_detailed(
        client=client,
        requesting_entity_id=requesting_entity_id,
        status=status,
        page=page,
        limit=limit,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
    status: AllocationStatusFilter | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 50,
) -> Response[ErrorEnvelope | SeatAllocationsEnvelope]:
    """Seat allocations, one page at a time

    Args:
        requesting_entity_id (str):
        status (AllocationStatusFilter | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | SeatAllocationsEnvelope]
    """

    kwargs = _get_kwargs(
        requesting_entity_id=requesting_entity_id,
        status=status,
        page=page,
        limit=limit,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    requesting_entity_id: str,
    status: AllocationStatusFilter | Unset = UNSET,
    page: int | Unset = 1,
    limit: int | Unset = 50,
) -> ErrorEnvelope | SeatAllocationsEnvelope | None:
    """Seat allocations, one page at a time

    Args:
        requesting_entity_id (str):
        status (AllocationStatusFilter | Unset):
        page (int | Unset):  Default: 1.
        limit (int | Unset):  Default: 50.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | SeatAllocationsEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            requesting_entity_id=requesting_entity_id,
            status=status,
            page=page,
            limit=limit,
        )
    ).parsed
