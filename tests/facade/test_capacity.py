"""Seats (the ``capacity`` namespace), proration checkout and browser tokens, sync and async,
against the local Crovver. ``ws_business`` is seeded on a seat-based plan with 5 seats, 3 in use
(plus one removed user); 5 seats are included in the plan's base price, each extra costs 10.00.
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

import httpx
import pytest

from crovver_ext import (
    AsyncCrovverClient,
    BadRequestError,
    BulkAllocation,
    CrovverClient,
    CrovverError,
    NotFoundError,
    SeatAllocation,
)
from crovver_ext.testing import ControlPlane, LocalCrovver, with_test_hooks
from tests.facade.conftest import Blocking, no_async_sleep, session_id

ALLOCATIONS = "/api/public/capacity/allocations"
BULK = "/api/public/capacity/bulk-allocate"
SEEDED_ACTIVE = ["user_ws_business", "user_ws_business_2", "user_ws_business_3"]


def _users(prefix: str, count: int) -> list[dict[str, Any]]:
    return [
        {"external_user_id": f"{prefix}{i:03d}", "email": f"{prefix}{i}@example.test"} for i in range(count)
    ]


def _seat_tenant(client: Any, control: ControlPlane, seats: int) -> str:
    """``ws_none`` on the seat-based plan with ``seats`` seats and nobody seated yet."""
    session = client.create_checkout_session(
        plan_id="plan_business", external_tenant_id="ws_none", total_capacity_units=seats
    )
    control.complete_checkout(session.session_id)
    return "ws_none"


def _iterate(client: Any, tenant: str, **kwargs: Any) -> list[SeatAllocation]:
    """``iter_allocations`` to the end: a plain iterator (sync) or ``async for`` (async)."""
    if isinstance(client, Blocking):
        target: AsyncCrovverClient = client._target

        async def collect() -> list[SeatAllocation]:
            return [a async for a in target.capacity.iter_allocations(tenant, **kwargs)]

        result: list[SeatAllocation] = client._portal.call(collect)
        return result
    return list(client.capacity.iter_allocations(tenant, **kwargs))


# ---- count and allocate ----------------------------------------------------------------------


def test_count(client: Any) -> None:
    count = client.capacity.count("ws_business")
    assert (count.active_count, count.capacity_units, count.exceeded) == (3, 5, False)
    assert count.utilization_percentage == 60.0
    assert count.billing_mode == "recurring"


def test_count_without_a_seat_based_subscription_is_not_found(client: Any) -> None:
    with pytest.raises(NotFoundError) as info:
        client.capacity.count("ws_active")  # subscribed, but not on a seat-based plan
    assert info.value.code is None  # this endpoint's 404 uses the plain-string error form
    assert "seat-based" in info.value.message


def test_allocate_is_idempotent_per_user(client: Any, control: ControlPlane) -> None:
    first = client.capacity.allocate(
        "ws_business", "new_user", email="new@example.test", name="New User", metadata={"team": "red"}
    )
    assert first.allocated and not first.requires_proration and not first.requires_checkout
    assert first.capacity is not None
    assert (first.capacity.active_count, first.capacity.capacity_units) == (4, 5)
    sent = control.requests(path="/api/public/capacity/allocate")[-1]["body"]
    assert sent == {
        "requestingEntityId": "ws_business",
        "externalUserId": "new_user",
        "email": "new@example.test",
        "name": "New User",
        "metadata": {"team": "red"},
    }

    again = client.capacity.allocate("ws_business", "new_user")
    assert again.allocated and again.capacity is not None and again.capacity.active_count == 4
    seated = [
        a for a in control.tenant_state("ws_business")["allocations"] if a["external_user_id"] == "new_user"
    ]
    assert len(seated) == 1 and seated[0]["status"] == "active"
    assert client.capacity.count("ws_business").active_count == 4


def test_allocate_is_retried_and_a_replay_seats_once(client: Any, control: ControlPlane) -> None:
    control.inject_fault("/api/public/capacity/allocate", status=503, times=2)
    result = client.capacity.allocate("ws_business", "flaky_user")
    assert result.allocated
    attempts = control.requests(path="/api/public/capacity/allocate")
    assert [a["status"] for a in attempts] == [503, 503, 200]
    assert client.capacity.count("ws_business").active_count == 4


def test_at_capacity_allocate_quotes_a_proration_then_a_checkout_seats_the_user(
    client: Any, control: ControlPlane
) -> None:
    client.capacity.allocate("ws_business", "fourth")
    client.capacity.allocate("ws_business", "fifth")

    quote = client.capacity.allocate("ws_business", "sixth")
    assert not quote.allocated and quote.requires_proration and not quote.requires_checkout
    assert quote.proration is not None
    p = quote.proration
    assert (p.currency, p.current_seats, p.new_seats) == ("USD", 5, 6)
    assert p.total_days_in_period is not None and p.days_remaining is not None
    assert 0 < p.days_remaining <= p.total_days_in_period
    # One extra seat (10.00 a month) for the rest of the period.
    expected = (Decimal("10.00") * p.days_remaining / p.total_days_in_period).quantize(Decimal("0.01"))
    assert p.amount == expected and p.description
    assert client.capacity.count("ws_business").active_count == 5  # nothing changed

    confirmed = client.capacity.allocate("ws_business", "sixth", confirm_proration=True)
    assert confirmed.requires_checkout and not confirmed.allocated and not confirmed.requires_proration
    assert confirmed.checkout_url and confirmed.proration_id
    assert client.capacity.count("ws_business").capacity_units == 5  # unpaid yet

    control.complete_checkout(session_id(confirmed.checkout_url))
    count = client.capacity.count("ws_business")
    assert (count.active_count, count.capacity_units) == (6, 6)
    assert "sixth" in [
        a.external_user_id for a in client.capacity.list_allocations("ws_business").allocations
    ]


# ---- bulk allocate ---------------------------------------------------------------------------


def test_bulk_allocate_all_fit(client: Any, control: ControlPlane) -> None:
    result = client.capacity.bulk_allocate(
        "ws_business",
        [
            {"external_user_id": "user_ws_business"},
            {"external_user_id": "b1", "email": "b1@x.test", "name": "B One"},
        ],
        metadata={"source": "scim"},
    )
    assert isinstance(result, BulkAllocation)
    assert (result.allocated, result.skipped, result.rejected, result.partial) == (
        ("b1",),
        ("user_ws_business",),
        (),
        False,
    )
    assert (result.capacity.active_count, result.capacity.capacity_units) == (4, 5)
    [request] = control.requests(path=BULK)
    assert request["status"] == 200
    assert request["body"]["users"] == [
        {"externalUserId": "user_ws_business"},
        {"externalUserId": "b1", "email": "b1@x.test", "name": "B One"},
    ]


def test_bulk_allocate_partial_207_is_data_not_an_error(client: Any, control: ControlPlane) -> None:
    result = client.capacity.bulk_allocate("ws_business", _users("p", 4))
    assert result.partial
    assert (result.allocated, result.rejected, result.skipped) == (("p000", "p001"), ("p002", "p003"), ())
    assert result.message and "rejected" in result.message
    assert (result.capacity.active_count, result.capacity.capacity_units) == (5, 5)
    assert [r["status"] for r in control.requests(path=BULK)] == [207]


def test_bulk_allocate_accepts_exactly_100_users(client: Any, control: ControlPlane) -> None:
    result = client.capacity.bulk_allocate("ws_business", _users("h", 100))
    assert (len(result.allocated), len(result.rejected), result.partial) == (2, 98, True)


@pytest.mark.parametrize(
    ("users", "error", "message"),
    [
        ([], ValueError, "1 to 100 users, got 0"),
        (_users("x", 101), ValueError, "1 to 100 users, got 101"),
        (
            [{"external_user_id": "u"}, {"external_user_id": "v"}, {"external_user_id": "u"}],
            ValueError,
            "duplicate",
        ),
        ([{"external_user_id": ""}], ValueError, "external_user_id"),
        ([{"externalUserId": "u"}], ValueError, "unknown keys"),
        ("u1", TypeError, "list of users"),
    ],
    ids=["none", "101", "duplicate", "empty-id", "camel-case-key", "string"],
)
def test_bulk_allocate_checks_users_before_sending(
    client: Any, control: ControlPlane, users: Any, error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=message):
        client.capacity.bulk_allocate("ws_business", users)
    assert control.requests(path=BULK) == []


def test_bulk_allocate_is_never_retried(client: Any, control: ControlPlane) -> None:
    control.inject_fault(BULK, status=503, times=3)
    with pytest.raises(CrovverError) as info:
        client.capacity.bulk_allocate("ws_business", _users("r", 1))
    assert (info.value.status_code, info.value.is_retryable) == (503, True)  # retryable, yet not retried
    assert len(control.requests(path=BULK)) == 1


# ---- listing and paging ----------------------------------------------------------------------


def test_list_allocations_one_page_at_a_time(client: Any) -> None:
    first = client.capacity.list_allocations("ws_business", limit=2)
    assert [a.external_user_id for a in first.allocations] == SEEDED_ACTIVE[:2]
    assert (first.total, first.page, first.total_pages, first.has_next_page, first.has_previous_page) == (
        3,
        1,
        2,
        True,
        False,
    )
    assert first.capacity is not None and first.capacity.utilization_percentage == 60.0
    owner = first.allocations[0]
    assert (owner.email, owner.name, owner.status) == ("owner@ws-business.example", "Bea Business", "active")
    assert owner.allocated_at is not None and owner.allocated_at.tzinfo == dt.UTC and owner.removed_at is None

    second = client.capacity.list_allocations("ws_business", page=2, limit=2)
    assert [a.external_user_id for a in second.allocations] == SEEDED_ACTIVE[2:]
    assert (second.page, second.has_next_page, second.has_previous_page) == (2, False, True)

    beyond = client.capacity.list_allocations("ws_business", page=9, limit=2)
    assert beyond.allocations == () and not beyond.has_next_page

    removed = client.capacity.list_allocations("ws_business", status="removed")
    [left] = removed.allocations
    assert (left.external_user_id, left.status) == ("user_ws_business_left", "removed")
    assert left.removed_at is not None
    assert client.capacity.list_allocations("ws_business", status="all").total == 4


@pytest.mark.parametrize(
    ("seated", "page_size", "pages"),
    [(0, 3, 1), (1, 3, 1), (3, 3, 1), (7, 3, 3), (6, 2, 3), (12, 5, 3)],
    ids=["empty", "one", "exactly-one-page", "partial-last-page", "exact-pages", "twelve-by-five"],
)
def test_iter_allocations_pages_through_everything_once(
    client: Any, control: ControlPlane, seated: int, page_size: int, pages: int
) -> None:
    tenant = _seat_tenant(client, control, seats=max(seated, 1))
    users = _users("it", seated)
    if users:
        assert client.capacity.bulk_allocate(tenant, users).allocated == tuple(
            u["external_user_id"] for u in users
        )
    assert control.requests(path=ALLOCATIONS) == []

    seen = [a.external_user_id for a in _iterate(client, tenant, page_size=page_size)]

    assert seen == [u["external_user_id"] for u in users]  # each exactly once, in allocation order
    requests = control.requests(path=ALLOCATIONS)
    assert len(requests) == pages == max(1, math.ceil(seated / page_size))
    assert [(r["query"]["page"], r["query"]["limit"]) for r in requests] == [
        (str(n), str(page_size)) for n in range(1, pages + 1)
    ]


def test_iter_allocations_by_status(client: Any) -> None:
    assert [a.external_user_id for a in _iterate(client, "ws_business", status="removed")] == [
        "user_ws_business_left"
    ]
    everyone = _iterate(client, "ws_business", status="all", page_size=3)
    assert sorted(a.external_user_id for a in everyone) == sorted([*SEEDED_ACTIVE, "user_ws_business_left"])


def test_iter_allocations_is_lazy(local: LocalCrovver, control: ControlPlane) -> None:
    with CrovverClient(local.secret_key, base_url=local.base_url) as client:
        tenant = _seat_tenant(client, control, seats=7)
        client.capacity.bulk_allocate(tenant, _users("lz", 7))
        iterator = client.capacity.iter_allocations(tenant, page_size=3)
        assert control.requests(path=ALLOCATIONS) == []  # nothing is sent until you iterate
        taken = [next(iterator).external_user_id for _ in range(4)]
        assert taken == ["lz000", "lz001", "lz002", "lz003"]
        assert len(control.requests(path=ALLOCATIONS)) == 2  # the third page is never fetched


@pytest.mark.anyio
async def test_async_iter_allocations_across_pages(local: LocalCrovver, control: ControlPlane) -> None:
    async with with_test_hooks(
        AsyncCrovverClient(local.secret_key, base_url=local.base_url), sleep=no_async_sleep
    ) as client:
        session = await client.create_checkout_session(
            plan_id="plan_business", external_tenant_id="ws_none", total_capacity_units=8
        )
        control.complete_checkout(session.session_id)
        await client.capacity.bulk_allocate("ws_none", _users("as", 8))
        control.inject_fault(ALLOCATIONS, status=502)  # a flaky page is retried, not skipped
        seen = [a.external_user_id async for a in client.capacity.iter_allocations("ws_none", page_size=3)]
    assert seen == [f"as{i:03d}" for i in range(8)]
    assert [r["status"] for r in control.requests(path=ALLOCATIONS)] == [502, 200, 200, 200]


# ---- proration checkout ----------------------------------------------------------------------


def test_proration_checkout_must_add_seats(client: Any, control: ControlPlane) -> None:
    for capacity in (5, 4):
        with pytest.raises(BadRequestError) as info:
            client.create_proration_checkout("ws_business", capacity)
        assert info.value.code == "INVALID_CAPACITY"
    assert len(control.requests(path="/api/public/capacity/proration-checkout")) == 2


def test_proration_checkout_is_never_retried(client: Any, control: ControlPlane) -> None:
    control.inject_fault("/api/public/capacity/proration-checkout", status=503, times=3)
    with pytest.raises(CrovverError) as info:
        client.create_proration_checkout("ws_business", 7)
    assert (info.value.status_code, info.value.is_retryable) == (503, True)
    assert len(control.requests(path="/api/public/capacity/proration-checkout")) == 1
    assert client.capacity.count("ws_business").capacity_units == 5


def test_proration_checkout_paid_raises_capacity(client: Any, control: ControlPlane) -> None:
    result = client.create_proration_checkout(
        "ws_business",
        7,
        plan_id="plan_business",
        success_url="https://app.test/ok",
        cancel_url="https://app.test/no",
    )
    assert result.requires_payment and result.checkout_url and result.proration_id
    assert result.proration_amount is not None and result.proration_amount > 0
    assert result.proration_details is not None and result.proration_details.new_seats == 7
    assert client.capacity.count("ws_business").capacity_units == 5
    sent = control.requests(path="/api/public/capacity/proration-checkout")[-1]["body"]
    assert sent == {
        "externalTenantId": "ws_business",
        "newCapacity": 7,
        "planId": "plan_business",
        "successUrl": "https://app.test/ok",
        "cancelUrl": "https://app.test/no",
    }
    control.complete_checkout(session_id(result.checkout_url))
    assert client.capacity.count("ws_business").capacity_units == 7


def test_proration_checkout_within_included_seats_is_free_and_immediate(
    client: Any, control: ControlPlane
) -> None:
    tenant = _seat_tenant(client, control, seats=2)
    result = client.create_proration_checkout(tenant, 4)
    assert (result.requires_payment, result.checkout_url, result.proration_amount) == (
        False,
        None,
        Decimal("0.00"),
    )
    assert client.capacity.count(tenant).capacity_units == 4


# ---- browser tokens --------------------------------------------------------------------------


def test_checkout_token(client: Any, control: ControlPlane) -> None:
    token = client.create_checkout_token(
        "ws_none", "https://app.test/back", plan_id="plan_pro", external_user_id="u1", user_email="u1@x.test"
    )
    assert token.token and token.url and token.url.endswith(token.token)
    assert token.expires_in == 600
    assert token.expires_at == control.now() + dt.timedelta(seconds=600)
    assert control.requests(path="/api/public/auth/checkout-token")[-1]["body"] == {
        "externalTenantId": "ws_none",
        "returnUrl": "https://app.test/back",
        "planId": "plan_pro",
        "externalUserId": "u1",
        "userEmail": "u1@x.test",
    }


def test_portal_token(client: Any, control: ControlPlane) -> None:
    token = client.create_portal_token("ws_active", "https://app.test/settings")
    assert token.token and token.url and "portal" in token.url and token.url.endswith(token.token)
    assert token.expires_in == 600 and token.expires_at > control.now()
    other = client.create_portal_token("ws_active", "https://app.test/settings")
    assert other.token != token.token


# ---- paging against a server that misreports pages ---------------------------------------------


def _page_server(pages: list[list[str]], *, echo_page: int | None = None, always_more: bool = False) -> Any:
    """A canned allocations endpoint; ``requested`` records the page numbers asked for."""
    requested: list[int] = []

    def handle(request: httpx.Request) -> httpx.Response:
        page = int(request.url.params["page"])
        requested.append(page)
        users = pages[page - 1] if page <= len(pages) else []
        data = {
            "allocations": [{"externalUserId": u, "status": "active"} for u in users],
            "pagination": {
                "total": sum(map(len, pages)),
                "page": page if echo_page is None else echo_page,
                "totalPages": len(pages),
                "hasNextPage": always_more or page < len(pages),
                "hasPreviousPage": page > 1,
            },
        }
        return httpx.Response(200, json={"success": True, "data": data, "error": None})

    handle.requested = requested  # type: ignore[attr-defined]
    return handle


@pytest.mark.parametrize(
    ("options", "expected_requests"),
    [
        ({"echo_page": 1}, [1, 2, 3]),  # the server echoes page 1 every time: ask for the next one anyway
        ({"always_more": True}, [1, 2, 3, 4]),  # "more" after the last page: an empty page ends it
    ],
    ids=["wrong-page-echo", "endless-has-next"],
)
def test_iter_allocations_terminates_when_the_server_misreports_pages(
    options: dict[str, Any], expected_requests: list[int]
) -> None:
    handler = _page_server([["a", "b"], ["c", "d"], ["e"]], **options)
    http = httpx.Client(transport=httpx.MockTransport(handler))
    with CrovverClient("sk_test_x", http_client=http, max_retries=0) as client, http:
        seen = [a.external_user_id for a in client.capacity.iter_allocations("ws", page_size=2)]
    assert seen == ["a", "b", "c", "d", "e"]
    assert handler.requested == expected_requests


@pytest.mark.anyio
async def test_async_iter_allocations_terminates_when_the_server_misreports_pages() -> None:
    handler = _page_server([["a", "b"], ["c"]], echo_page=1, always_more=True)
    http = httpx.AsyncClient(transport=httpx.MockTransport(handler))
    async with AsyncCrovverClient("sk_test_x", http_client=http, max_retries=0) as client, http:
        seen = [a.external_user_id async for a in client.capacity.iter_allocations("ws", page_size=2)]
    assert seen == ["a", "b", "c"]
    assert handler.requested == [1, 2, 3]
