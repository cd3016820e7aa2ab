"""with_options takes every constructor option; transport= and max_connections= shape the pool."""

from __future__ import annotations

import logging

import httpx
import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext.testing import ControlPlane, LocalCrovver

PLANS = "/api/public/plans"


def test_a_client_on_an_in_process_transport_owns_its_pool(
    local: LocalCrovver, control: ControlPlane
) -> None:
    with CrovverClient(local.secret_key, base_url=local.base_url, transport=local.transport()) as client:
        assert client.get_plans().plans
        assert client._owns_http and client._request_headers is None  # headers are the pool's defaults
    assert control.requests(path=PLANS)[-1]["headers"]["user-agent"].startswith("crovver-python/")


def test_http_client_and_transport_together_are_refused(local: LocalCrovver) -> None:
    with pytest.raises(TypeError, match="http_client or transport"):
        CrovverClient(local.secret_key, http_client=httpx.Client(), transport=local.transport())


@pytest.mark.parametrize("bad", [0, -1, 10_001, True, "10"])
def test_max_connections_is_checked(local: LocalCrovver, bad: object) -> None:
    with pytest.raises((TypeError, ValueError), match="max_connections"):
        CrovverClient(local.secret_key, max_connections=bad)  # type: ignore[arg-type]


def test_max_connections_sizes_the_pools(local: LocalCrovver) -> None:
    sync = CrovverClient(local.secret_key, base_url=local.base_url, max_connections=3)
    assert sync._http._transport._pool._max_connections == 3  # type: ignore[attr-defined]
    sync.close()
    async_client = AsyncCrovverClient(local.secret_key, base_url=local.base_url, max_connections=4)
    assert async_client._http._transport._size == 4  # type: ignore[attr-defined]  # its own AsyncPool


def test_with_options_changes_the_cache(local: LocalCrovver, control: ControlPlane) -> None:
    with CrovverClient(local.secret_key, base_url=local.base_url) as client:
        cached = client.with_options(entitlement_cache_ttl=60)
        for _ in range(3):
            assert cached.can_access("ws_business", "advanced_analytics")
        assert len(control.requests(path="/api/public/can-access")) == 1
        uncached = cached.with_options(entitlement_cache_ttl=None)
        uncached.can_access("ws_business", "advanced_analytics")
        assert len(control.requests(path="/api/public/can-access")) == 2
        assert client._cache is None and cached._cache is not None and uncached._cache is None


def test_with_options_can_move_a_copy_to_another_pool(local: LocalCrovver, control: ControlPlane) -> None:
    with CrovverClient(local.secret_key, base_url=local.base_url, max_retries=1) as client:
        moved = client.with_options(transport=local.transport(), timeout=5)
        assert moved._http is not client._http and moved._owns_http
        assert (moved.max_retries, moved.timeout.read) == (1, 5.0)  # the other options carried over
        assert moved.get_plans().plans
        moved.close()
        assert client.get_plans().plans  # the original's pool is still open
        own = httpx.Client(transport=local.transport())
        lent = client.with_options(http_client=own)
        assert lent._http is own and not lent._owns_http
        assert lent.get_plans().plans
        own.close()


def test_with_options_debug_turns_logging_on(local: LocalCrovver, caplog: pytest.LogCaptureFixture) -> None:
    with (
        CrovverClient(local.secret_key, base_url=local.base_url) as client,
        caplog.at_level(logging.DEBUG, "crovver"),
    ):
        client.with_options(debug=True).get_plans()
    assert any("response" in r.getMessage() for r in caplog.records)


def test_a_copy_with_another_timeout_sends_it_on_the_shared_pool(local: LocalCrovver) -> None:
    seen: list[object] = []

    def record(request: httpx.Request) -> httpx.Response:
        seen.append(request.extensions["timeout"]["read"])
        return httpx.Response(200, json={"success": True, "data": {"canAccess": True}})

    with CrovverClient(
        local.secret_key, base_url=local.base_url, timeout=7, transport=httpx.MockTransport(record)
    ) as client:
        client.can_access("t", "f")
        client.with_options(timeout=0.5).can_access("t", "f")
        client.can_access("t", "f", timeout=2)
    assert seen == [7.0, 0.5, 2.0]
