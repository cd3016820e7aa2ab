"""Every operation the spec marks `x-crovver-invalidates: tenant` clears that tenant's cached
entitlements through the client, even when the call fails; no other operation does."""

from __future__ import annotations

import contextlib
import warnings
from typing import Any

import pytest

from crovver_api.operations import OPERATIONS
from crovver_ext import CrovverClient, CrovverDeprecationWarning, CrovverError
from crovver_ext.testing import LocalCrovver
from tests.corpus.test_facade import CALLS

CAN_ACCESS = "/api/public/can-access"
# The corpus calls use workspace_123 as the tenant: cache an answer for it, then call.
TENANT = "workspace_123"


def _requests_after(local: LocalCrovver, operation: str, tenant: str) -> int:
    local.control.reset()
    with CrovverClient(
        local.secret_key, base_url=local.base_url, entitlement_cache_ttl=3600, max_retries=0
    ) as client:
        client.can_access(tenant, "advanced_analytics")
        client.can_access(tenant, "advanced_analytics")  # from the cache
        assert len(local.control.requests(path=CAN_ACCESS)) == 1
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", CrovverDeprecationWarning)
            # A failed call may still have changed the tenant: it invalidates too.
            with contextlib.suppress(CrovverError):
                CALLS[operation](_for_tenant(client, tenant))
        client.can_access(tenant, "advanced_analytics")
        return len(local.control.requests(path=CAN_ACCESS))


class _for_tenant:
    def __init__(self, client: Any, tenant: str) -> None:
        self._client, self._tenant = client, tenant

    def __getattr__(self, name: str) -> Any:
        target = getattr(self._client, name)
        if name in ("credits", "addons", "capacity"):
            return _for_tenant(target, self._tenant)

        def call(*args: Any, **kwargs: Any) -> Any:
            args = tuple(self._tenant if a == TENANT else a for a in args)
            kwargs = {k: self._tenant if v == TENANT else v for k, v in kwargs.items()}
            return target(*args, **kwargs)

        return call


OPERATIONS_CALLED = sorted(op for op in OPERATIONS if op in CALLS)


@pytest.mark.parametrize("operation", OPERATIONS_CALLED)
def test_an_operation_invalidates_exactly_when_the_spec_says(local: LocalCrovver, operation: str) -> None:
    invalidates = OPERATIONS[operation].invalidates == "tenant"
    requests = _requests_after(local, operation, "ws_business")
    assert requests == (2 if invalidates else 1)


def test_the_table_marks_the_calls_that_change_entitlements() -> None:
    invalidating = {op for op, row in OPERATIONS.items() if row.invalidates == "tenant"}
    assert invalidating <= set(OPERATIONS_CALLED)  # none is skipped by the test above
    # The independent oracle: the calls after which an entitlement may have changed.
    assert invalidating == {
        "consume_credits",
        "purchase_addon",
        "create_checkout_session",
        "cancel_subscription",
        "create_proration_checkout",
    }
