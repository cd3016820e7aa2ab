"""Result classes: tenants."""

from __future__ import annotations

import datetime as dt

import attrs

from crovver_ext._models._base import (
    JSONObject,
    _Model,
    _Result,
    wire,
)


@attrs.frozen(kw_only=True, slots=False)
class Organization(_Model):
    """The organization (your Crovver account) a reply belongs to."""

    id: str
    """Id (wire ``id``); always present."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    type: str | None = None
    """Type (wire ``type``): "b2b" or "d2c"; None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class Tenant(_Model):
    """A tenant (a B2B workspace). ``id`` is Crovver's own id; you address it by ``external_tenant_id``."""

    id: str
    """Id (wire ``id``); always present."""
    external_tenant_id: str = wire("externalTenantId", default=attrs.NOTHING)
    """External tenant id (wire ``externalTenantId``); always present."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    slug: str | None = None
    """Slug (wire ``slug``); None when Crovver leaves it out."""
    is_active: bool | None = wire("isActive", "is_active")
    """Whether it is active (wire ``isActive`` or ``is_active``); None when Crovver leaves it out."""
    metadata: JSONObject | None = None
    """Metadata (wire ``metadata``); None when Crovver leaves it out."""
    created_at: dt.datetime | None = wire("createdAt", "created_at")
    """Created at (wire ``createdAt`` or ``created_at``); None when Crovver leaves it out."""
    updated_at: dt.datetime | None = wire("updatedAt", "updated_at")
    """Updated at (wire ``updatedAt`` or ``updated_at``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class TenantOwner(_Model):
    """The user who owns a newly created tenant."""

    id: str
    """Id (wire ``id``); always present."""
    external_user_id: str = wire("externalUserId", default=attrs.NOTHING)
    """External user id (wire ``externalUserId``); always present."""
    email: str | None = None
    """Email (wire ``email``); None when Crovver leaves it out."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class CreatedTenant(_Result):
    """What ``create_tenant`` returns."""

    tenant: Tenant
    """Tenant (wire ``tenant``); always present."""
    owner: TenantOwner | None = None
    """Owner (wire ``owner``); None when Crovver leaves it out."""
    message: str | None = None
    """Message (wire ``message``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class TenantMember(_Model):
    """A member of a tenant."""

    external_user_id: str = wire("externalUserId", default=attrs.NOTHING)
    """External user id (wire ``externalUserId``); always present."""
    email: str | None = None
    """Email (wire ``email``); None when Crovver leaves it out."""
    name: str | None = None
    """Name (wire ``name``); None when Crovver leaves it out."""
    role: str | None = None
    """Role (wire ``role``): "owner", "admin", "member", ...; None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class TenantDetails(_Result):
    """What ``get_tenant`` returns: the tenant, its members and its organization."""

    tenant: Tenant
    """Tenant (wire ``tenant``); always present."""
    members: tuple[TenantMember, ...] = ()
    """Members (wire ``members``); empty when Crovver leaves it out."""
    organization: Organization | None = None
    """Organization (wire ``organization``); None when Crovver leaves it out."""


@attrs.frozen(kw_only=True, slots=False)
class TenantList(_Result):
    """What ``list_tenants`` returns."""

    tenants: tuple[Tenant, ...] = ()
    """Tenants (wire ``tenants``); empty when Crovver leaves it out."""
    count: int | None = None
    """Count (wire ``count``); None when Crovver leaves it out."""
