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
    name: str | None = None
    type: str | None = None  #: "b2b" or "d2c"


@attrs.frozen(kw_only=True, slots=False)
class Tenant(_Model):
    """A tenant (a B2B workspace). ``id`` is Crovver's own id; you address it by ``external_tenant_id``."""

    id: str
    external_tenant_id: str = wire("externalTenantId", default=attrs.NOTHING)
    name: str | None = None
    slug: str | None = None
    is_active: bool | None = wire("isActive", "is_active")
    metadata: JSONObject | None = None
    created_at: dt.datetime | None = wire("createdAt", "created_at")
    updated_at: dt.datetime | None = wire("updatedAt", "updated_at")


@attrs.frozen(kw_only=True, slots=False)
class TenantOwner(_Model):
    """The user who owns a newly created tenant."""

    id: str
    external_user_id: str = wire("externalUserId", default=attrs.NOTHING)
    email: str | None = None
    name: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class CreatedTenant(_Result):
    """What ``create_tenant`` returns."""

    tenant: Tenant
    owner: TenantOwner | None = None
    message: str | None = None


@attrs.frozen(kw_only=True, slots=False)
class TenantMember(_Model):
    """A member of a tenant."""

    external_user_id: str = wire("externalUserId", default=attrs.NOTHING)
    email: str | None = None
    name: str | None = None
    role: str | None = None  #: "owner", "admin", "member", ...


@attrs.frozen(kw_only=True, slots=False)
class TenantDetails(_Result):
    """What ``get_tenant`` returns: the tenant, its members and its organization."""

    tenant: Tenant
    members: tuple[TenantMember, ...] = ()
    organization: Organization | None = None


@attrs.frozen(kw_only=True, slots=False)
class TenantList(_Result):
    """What ``list_tenants`` returns."""

    tenants: tuple[Tenant, ...] = ()
    count: int | None = None
