"""Webhooks end to end: the local Crovver signs and POSTs real deliveries to a receiver on loopback.

The receiver below is what an SDK user writes: it verifies the raw body with ``construct_event``,
answers 400 to anything that does not verify, and deduplicates by event ``id``.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest

from crovver_ext import CrovverClient
from crovver_ext.testing import ControlPlane, LocalCrovver
from crovver_ext.webhooks import SIGNATURE_HEADER, WebhookError, WebhookEvent, construct_event


class Receiver:
    """A webhook endpoint: verifies, deduplicates by id, keeps what it handled."""

    def __init__(self) -> None:
        self.secret = ""
        self.lock = threading.Lock()
        self.events: dict[str, WebhookEvent] = {}  # handled, by id, in arrival order
        self.bodies: dict[str, list[bytes]] = {}  # every verified body, by event id
        self.duplicates: list[str] = []
        self.rejected: list[str] = []  # why each unverifiable request was refused
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                status = receiver.handle(body, self.headers.get(SIGNATURE_HEADER))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05})
        self.thread.start()

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host!s}:{port}/crovver/webhooks"

    def handle(self, body: bytes, signature: str | None) -> int:
        try:
            event = construct_event(body, signature, self.secret)
        except WebhookError as exc:
            with self.lock:
                self.rejected.append(str(exc))
            return 400
        with self.lock:
            self.bodies.setdefault(event.id, []).append(body)
            if event.id in self.events:
                self.duplicates.append(event.id)  # acknowledged, not handled twice
            else:
                self.events[event.id] = event
        return 200

    def types(self) -> list[str]:
        with self.lock:
            return [e.type for e in self.events.values()]

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture(scope="module")
def local() -> Iterator[LocalCrovver]:
    with LocalCrovver() as server:
        yield server


@pytest.fixture
def control(local: LocalCrovver) -> ControlPlane:
    local.control.reset()
    return local.control


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    hook = Receiver()
    yield hook
    hook.stop()


@pytest.fixture
def client(local: LocalCrovver, control: ControlPlane) -> Iterator[CrovverClient]:
    with CrovverClient(local.secret_key, base_url=local.base_url, max_retries=0) as sdk:
        yield sdk


def _session_id(checkout_url: str) -> str:
    return checkout_url.rstrip("/").rsplit("/", 1)[-1]


def test_lifecycle_events_arrive_signed_and_are_deduplicated(
    client: CrovverClient, control: ControlPlane, receiver: Receiver
) -> None:
    endpoint_id, receiver.secret = control.register_webhook(receiver.url)
    # A second endpoint on the same receiver whose secret the receiver does not know: every
    # delivery to it must be refused, as a forgery would be.
    other_id, _ = control.register_webhook(receiver.url + "?misconfigured", secret="whsec_not_the_receivers")
    start = control.now()

    # checkout -> subscription.created (pending); paying -> subscription.activated (trial)
    session = client.create_checkout_session(plan_id="plan_pro", external_tenant_id="ws_none")
    control.complete_checkout(session.session_id)
    # more seats for the seat-based tenant -> subscription.updated
    seats = client.create_proration_checkout("ws_business", 7)
    assert seats.checkout_url is not None
    control.complete_checkout(_session_id(seats.checkout_url))
    # cancel -> subscription.canceled (pending_cancel)
    sub_id = client.get_subscriptions("ws_manual").subscriptions[0].id
    client.cancel_subscription(sub_id, "ws_manual", "switching_provider")
    # a month later: renewals, trial ends, pending cancellations end
    control.advance_clock(days=31)
    test_event_id = control.send_test_webhook()
    assert control.flush_webhooks()

    deliveries = control.webhook_deliveries()
    ours = [d for d in deliveries if d["endpoint_id"] == endpoint_id]
    theirs = [d for d in deliveries if d["endpoint_id"] == other_id]
    assert ours and len(ours) == len(theirs)
    assert {d["status_code"] for d in ours} == {200}
    assert {d["status_code"] for d in theirs} == {400}
    assert len(receiver.rejected) == len(theirs)
    assert all("does not match" in reason for reason in receiver.rejected)

    # Every delivered event was handled exactly once, with the very bytes Crovver signed.
    assert list(receiver.events) == [d["event_id"] for d in ours]
    assert receiver.duplicates == []
    for d in ours:
        assert receiver.bodies[d["event_id"]] == [d["body"].encode("utf-8")]
    assert set(receiver.types()) == {
        "subscription.created",
        "subscription.activated",
        "subscription.updated",
        "subscription.canceled",
        "subscription.renewed",
        "webhook.test",
    }

    def first(kind: str, tenant: str) -> WebhookEvent:
        return next(
            e
            for e in receiver.events.values()
            if e.type == kind and e.data is not None and e.data.external_tenant_id == tenant
        )

    created = first("subscription.created", "ws_none")
    assert created.data is not None and created.org_id == "org_demo"
    assert (created.data.id, created.data.status, created.data.plan_id) == (
        session.subscription_id,
        "pending",
        "plan_pro",
    )
    assert created.created_at == start and created.created_at.tzinfo is not None
    activated = first("subscription.activated", "ws_none")
    assert activated.data is not None and activated.data.status == "trial"
    updated = first("subscription.updated", "ws_business")
    assert updated.data is not None and updated.data.capacity_units == 7
    canceled = first("subscription.canceled", "ws_manual")
    assert canceled.data is not None and (canceled.data.id, canceled.data.status) == (sub_id, "canceled")
    renewed = first("subscription.renewed", "ws_business")
    assert renewed.data is not None and renewed.created_at > start
    assert renewed.data.current_period_start == renewed.created_at
    assert receiver.events[test_event_id].type == "webhook.test"

    # A manual retry re-sends the same id and the same bytes: verified again, handled once.
    handled = len(receiver.events)
    [test_delivery] = [d for d in ours if d["event_id"] == test_event_id]
    control.resend_webhook(test_delivery["id"])
    assert control.flush_webhooks()
    assert receiver.duplicates == [test_event_id]
    assert len(receiver.events) == handled
    first_body, second_body = receiver.bodies[test_event_id]
    assert first_body == second_body
    [again] = [d for d in control.webhook_deliveries() if d["id"] == test_delivery["id"]]
    assert (again["attempts"], again["status_code"]) == (2, 200)


def test_a_receiver_with_the_wrong_secret_refuses_every_delivery(
    control: ControlPlane, receiver: Receiver
) -> None:
    control.register_webhook(receiver.url)  # the endpoint gets its own random secret...
    receiver.secret = "whsec_guessed"  # ...which the receiver does not have
    control.send_test_webhook()
    assert control.flush_webhooks()
    assert receiver.events == {}
    assert len(receiver.rejected) == 1
    [delivery] = control.webhook_deliveries()
    assert delivery["status_code"] == 400
