from http import HTTPStatus
from typing import Any

import httpx

from ...client import AuthenticatedClient, Client
from ...models.error_envelope import ErrorEnvelope
from ...models.get_tenants_envelope import GetTenantsEnvelope
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    external_tenant_id: str | Unset = UNSET,
    external_user_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["externalTenantId"] = external_tenant_id

    params["externalUserId"] = external_user_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/api/public/tenants",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ErrorEnvelope | GetTenantsEnvelope:
    if response.status_code == 200:
        response_200 = GetTenantsEnvelope.from_dict(response.json())

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
) -> Response[ErrorEnvelope | GetTenantsEnvelope]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    external_tenant_id: str | Unset = UNSET,
    external_user_id: str | Unset = UNSET,
) -> Response[ErrorEnvelope | GetTenantsEnvelope]:
    """Look up one tenant, a user's tenants, or all tenants

     Three modes. With `externalTenantId`: that tenant with its members and organization
    (`TenantLookupData`). With `externalUserId`: the tenants that user belongs to
    (`TenantListData`). With neither: all tenants of the organization (`TenantListData`).
    (Node SDK 1.3 sends the tenant id under `externalUserId`; that is a bug this SDK does not copy.)

    Args:
        external_tenant_id (str | Unset):
        external_user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetTenantsEnvelope]
    """

    kwargs = _get_kwargs(
        external_tenant_id=external_tenant_id,
        external_user_id=external_user_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient,
    external_tenant_id: str | Unset = UNSET,
    external_user_id: str | Unset = UNSET,
) -> ErrorEnvelope | GetTenantsEnvelope | None:
    """Look up one tenant, a user's tenants, or all tenants

     Three modes. With `externalTenantId`: that tenant with its members and organization
    (`TenantLookupData`). With `externalUserId`: the tenants that user belongs to
    (`TenantListData`). With neither: all tenants of the organization (`TenantListData`).
    (Node SDK 1.3 sends the tenant id under `externalUserId`; that is a bug this SDK does not copy.)

    Args:
        external_tenant_id (str | Unset):
        external_user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetTenantsEnvelope
    """

    return sync_detailed(
        client=client,
        external_tenant_id=external_tenant_id,
        external_user_id=external_user_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    external_tenant_id: str | Unset = UNSET,
    external_user_id: str | Unset = UNSET,
) -> Response[ErrorEnvelope | GetTenantsEnvelope]:
    """Look up one tenant, a user's tenants, or all tenants

     Three modes. With `externalTenantId`: that tenant with its members and organization
    (`TenantLookupData`). With `externalUserId`: the tenants that user belongs to
    (`TenantListData`). With neither: all tenants of the organization (`TenantListData`).
    (Node SDK 1.3 sends the tenant id under `externalUserId`; that is a bug this SDK does not copy.)

    Args:
        external_tenant_id (str | Unset):
        external_user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ErrorEnvelope | GetTenantsEnvelope]
    """

    kwargs = _get_kwargs(
        external_tenant_id=external_tenant_id,
        external_user_id=external_user_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient,
    external_tenant_id: str | Unset = UNSET,
    external_user_id: str | Unset = UNSET,
) -> ErrorEnvelope | GetTenantsEnvelope | None:
    """Look up one tenant, a user's tenants, or all tenants

     Three modes. With `externalTenantId`: that tenant with its members and organization
    (`TenantLookupData`). With `externalUserId`: the tenants that user belongs to
    (`TenantListData`). With neither: all tenants of the organization (`TenantListData`).
    (Node SDK 1.3 sends the tenant id under `externalUserId`; that is a bug this SDK does not copy.)

    Args:
        external_tenant_id (str | Unset):
        external_user_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ErrorEnvelope | GetTenantsEnvelope
    """

    return (
        await asyncio_detailed(
            client=client,
            external_tenant_id=external_tenant_id,
            external_user_id=external_user_id,
        )
    ).parsed
