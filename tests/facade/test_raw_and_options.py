"""Request ids on results, ``with_raw_response``, and per-call options, over loopback (sync and async)."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient, PlanList
from crovver_ext._options import RawResponse, async_raw_method, raw_method
from crovver_ext.testing import ControlPlane, LocalCrovver

PLANS = "/api/public/plans"
CONSUME = "/api/public/credits/consume"


def _request_ids(control: ControlPlane, path: str) -> list[str]:
    return [r["headers"].get("x-request-id", "") for r in control.requests(path=path)]


def test_every_result_carries_the_request_id_of_its_call(client: Any, control: ControlPlane) -> None:
    plans = client.get_plans()
    balance = client.credits.balance(tenant_id="ws_business")
    addons = client.addons.list_available("ws_business")
    for result in (plans, balance, addons):
        assert result.request_id is not None and result.request_id.startswith("req_")
    assert len({plans.request_id, balance.request_id, addons.request_id}) == 3
    # Nested objects are read from the same reply; the id belongs to the call's result.
    assert not hasattr(plans.plans[0], "request_id")
    assert "request_id" not in plans.to_dict()  # metadata of the call, not data of the reply


def test_raw_response_gives_status_headers_and_the_usual_result(client: Any, control: ControlPlane) -> None:
    raw = client.with_raw_response.get_plans()
    assert isinstance(raw, RawResponse)
    assert raw.status_code == 200
    assert raw.headers["content-type"].startswith("application/json")
    assert raw.request_id is not None and raw.request_id == raw.headers["x-request-id"]
    assert isinstance(raw.elapsed, dt.timedelta) and raw.elapsed.total_seconds() >= 0
    assert raw.retries_taken == 0
    parsed = raw.parse()
    assert isinstance(parsed, PlanList) and parsed.request_id == raw.request_id
    assert parsed.plans == client.get_plans().plans
    with pytest.raises(TypeError):
        raw.headers["x-extra"] = "no"  # read-only
    assert len(control.requests(path=PLANS)) == 2  # one request each: no second request for .parse()


def test_raw_response_on_namespaces_and_counts_retries(client: Any, control: ControlPlane) -> None:
    control.inject_fault(CONSUME, status=503, body={"success": False, "error": "busy"}, times=2)
    key = str(uuid.uuid4())
    raw = client.with_raw_response.credits.consume(
        tenant_id="ws_business", pool_key="ai_generations", amount=1, idempotency_key=key
    )
    assert raw.retries_taken == 2 and raw.status_code == 200
    assert raw.parse().result == "success"
    bodies = [r["body"] for r in control.requests(path=CONSUME)]
    assert len(bodies) == 3 and all(b["idempotencyKey"] == key for b in bodies)  # same key each attempt


def test_raw_can_access_is_a_real_request_even_with_a_cache(
    local: LocalCrovver, control: ControlPlane
) -> None:
    with CrovverClient(local.secret_key, base_url=local.base_url, entitlement_cache_ttl=60) as client:
        assert client.can_access("ws_business", "advanced_analytics") is True
        raw = client.with_raw_response.can_access("ws_business", "advanced_analytics")
        assert raw.parse() is True and raw.status_code == 200
        assert client.can_access("ws_business", "advanced_analytics") is True  # from the cache
    assert len(control.requests(path="/api/public/can-access")) == 2


def test_per_call_timeout_and_headers_reach_the_request(client: Any, control: ControlPlane) -> None:
    client.get_plans(timeout=5, extra_headers={"X-Trace": "abc-123"})
    client.get_plans()
    first, second = control.requests(path=PLANS)
    assert first["headers"]["x-trace"] == "abc-123"
    assert "x-trace" not in second["headers"]  # per call, not sticky


def test_per_call_max_retries_overrides_the_client(client: Any, control: ControlPlane) -> None:
    control.inject_fault(PLANS, status=503, body={"success": False, "error": "down"}, times=5)
    with pytest.raises(Exception, match="down"):
        client.get_plans(max_retries=1)
    assert len(control.requests(path=PLANS)) == 2


@pytest.mark.parametrize(
    ("options", "error", "message"),
    [
        ({"extra_headers": {"Authorization": "Bearer sk_test_other"}}, ValueError, "Authorization"),
        ({"extra_headers": {"x-public-key": "pk_test_x"}}, ValueError, "x-public-key"),
        ({"extra_headers": {"Idempotency-Key": "k"}}, ValueError, "Idempotency-Key"),
        ({"extra_headers": {"X-Ok": "a\r\nInjected: yes"}}, ValueError, "CR, LF"),
        ({"extra_headers": {"X-Ok": 5}}, TypeError, "str to str"),
        ({"extra_headers": ["X-Ok"]}, TypeError, "mapping"),
        ({"timeout": -1}, ValueError, "timeout"),
        ({"max_retries": -1}, ValueError, "max_retries"),
        ({"timout": 5}, TypeError, "timout"),
    ],
)
def test_bad_per_call_options_are_refused_before_anything_is_sent(
    client: Any, control: ControlPlane, options: dict[str, Any], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        client.get_plans(**options)
    assert control.requests(path=PLANS) == []


def test_max_retries_is_refused_where_a_call_is_never_retried(client: Any, control: ControlPlane) -> None:
    with pytest.raises(TypeError, match="never retried"):
        client.create_checkout_session(plan_id="plan_pro", external_tenant_id="ws_business", max_retries=2)
    with pytest.raises(TypeError, match="never retried"):
        client.capacity.bulk_allocate("ws_business", [{"external_user_id": "u1"}], max_retries=2)
    assert control.requests() == []


def test_raw_views_mirror_every_method() -> None:
    """Each single-request method has its raw twin, sync and async, on the client and namespaces."""
    from crovver_ext import _client, _namespaces

    def public(cls: type) -> set[str]:
        kinds = (raw_method, async_raw_method)
        return {
            n for n, v in vars(cls).items() if not n.startswith("_") and (callable(v) or isinstance(v, kinds))
        }

    request_methods = {
        n
        for n in public(CrovverClient)
        if n not in {"close", "with_options", "invalidate", "apply_event", "with_raw_response"}
    }
    assert set(vars(_client.RawResponses)) >= request_methods
    assert set(vars(_client.AsyncRawResponses)) >= public(AsyncCrovverClient) - {
        "aclose",
        "with_options",
        "invalidate",
        "apply_event",
        "with_raw_response",
    }
    for name in ("Credits", "Addons", "Capacity"):
        sync_ns, async_ns = getattr(_namespaces, name), getattr(_namespaces, "Async" + name)
        paged = {"iter_allocations"}
        assert public(getattr(_namespaces, "Raw" + name)) == public(sync_ns) - paged
        assert public(getattr(_namespaces, "AsyncRaw" + name)) == public(async_ns) - paged


@pytest.mark.anyio
async def test_async_raw_response(local: LocalCrovver, control: ControlPlane) -> None:
    async with AsyncCrovverClient(local.secret_key, base_url=local.base_url) as client:
        raw = await client.with_raw_response.credits.balance(tenant_id="ws_business")
        assert raw.status_code == 200 and raw.parse().pool("ai_generations") is not None
        assert raw.parse().request_id == raw.request_id
