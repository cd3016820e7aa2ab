"""Outgoing webhooks: registered endpoints, signed deliveries on a background worker.

Events are queued only after their transaction commits and are sent by one worker thread, never
while the database lock is held. Each (event, endpoint) pair is one delivery record; a resend
posts the very same bytes again, so the event ``id`` is unchanged and receivers can deduplicate.
"""

from __future__ import annotations

import collections
import hashlib
import hmac
import itertools
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Any

import httpx

from ._clock import iso
from ._lifecycle import Event
from ._wire import JSON, dumps

TIMEOUT = 5.0
USER_AGENT = "Crovver-Webhook/1.0"


def sign(body: bytes, secret: str) -> str:
    """The ``X-Crovver-Signature`` value: ``sha256=`` + hex HMAC-SHA256 of the raw body."""
    return "sha256=" + hmac.new(secret.encode("utf-8"), body, hashlib.sha256).hexdigest()


@dataclass
class _Endpoint:
    id: str
    url: str
    secret: str


@dataclass
class _Delivery:
    id: str
    event_id: str
    type: str
    endpoint_id: str
    url: str
    secret: str
    body: bytes
    status_code: int | None = None
    error: str | None = None
    attempts: int = 0

    def as_json(self) -> dict[str, JSON]:
        return {
            "id": self.id,
            "event_id": self.event_id,
            "type": self.type,
            "endpoint_id": self.endpoint_id,
            "url": self.url,
            "status_code": self.status_code,
            "error": self.error,
            "attempts": self.attempts,
            "body": self.body.decode("utf-8"),
        }


class Webhooks:
    """Endpoint registry, delivery queue and the worker that drains it."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._endpoints: dict[str, _Endpoint] = {}
        self._deliveries: dict[str, _Delivery] = {}
        self._queue: collections.deque[str] = collections.deque()
        self._busy = 0
        self._generation = 0
        self._ids = itertools.count(1)
        self._thread: threading.Thread | None = None
        self._closed = False

    def register(self, url: str, secret: str | None = None) -> tuple[str, str]:
        """Add an endpoint; returns ``(id, secret)`` (a ``whsec_`` secret when none is given)."""
        if not url.startswith(("http://", "https://")):
            raise ValueError("url must be an http:// or https:// URL")
        with self._cond:
            endpoint = _Endpoint(f"we_{next(self._ids)}", url, secret or f"whsec_{secrets.token_hex(16)}")
            self._endpoints[endpoint.id] = endpoint
            return endpoint.id, endpoint.secret

    def endpoints(self) -> list[dict[str, JSON]]:
        """Registered endpoints (secrets included: this is a test tool)."""
        with self._cond:
            return [{"id": e.id, "url": e.url, "secret": e.secret} for e in self._endpoints.values()]

    def publish(self, events: list[Event]) -> None:
        """Queue committed events for every registered endpoint."""
        for event in events:
            self._enqueue(event.type, event.data, iso(event.at), event.org_id)

    def send_test(self, org_id: str, at: str) -> str:
        """Queue a ``webhook.test`` event; returns its id."""
        data = {
            "id": "sub_test",
            "status": "active",
            "plan_id": "plan_test",
            "billing_mode": "recurring",
            "external_tenant_id": "ws_test",
            "tenant_name": "Webhook Test",
            "current_period_start": at,
            "current_period_end": at,
            "capacity_units": None,
            "created_at": at,
            "updated_at": at,
        }
        return self._enqueue("webhook.test", data, at, org_id)

    def _enqueue(self, kind: str, data: dict[str, Any], at: str, org_id: str) -> str:
        event_id = f"evt_{secrets.token_hex(12)}"
        body = dumps({"id": event_id, "type": kind, "created_at": at, "org_id": org_id, "data": data})
        with self._cond:
            for endpoint in self._endpoints.values():
                delivery = _Delivery(
                    f"whd_{next(self._ids)}", event_id, kind, endpoint.id, endpoint.url, endpoint.secret, body
                )
                self._deliveries[delivery.id] = delivery
                self._queue.append(delivery.id)
            self._start_worker()
            self._cond.notify_all()
        return event_id

    def resend(self, delivery_id: str) -> bool:
        """Queue the same delivery (same bytes, same event id) again; ``False`` if unknown."""
        with self._cond:
            if delivery_id not in self._deliveries:
                return False
            self._queue.append(delivery_id)
            self._start_worker()
            self._cond.notify_all()
            return True

    def deliveries(self) -> list[dict[str, JSON]]:
        """Every delivery so far, oldest first."""
        with self._cond:
            return [d.as_json() for d in self._deliveries.values()]

    def flush(self, timeout: float = 5.0) -> bool:
        """Block until the queue is drained and nothing is in flight (``False`` on timeout)."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue or self._busy:
                left = deadline - time.monotonic()
                if left <= 0 or self._closed:
                    return False
                self._cond.wait(left)
            return True

    def reset(self) -> None:
        """Forget endpoints, deliveries and queued work (an in-flight result is discarded)."""
        with self._cond:
            self._endpoints.clear()
            self._deliveries.clear()
            self._queue.clear()
            self._generation += 1
            self._cond.notify_all()

    def close(self) -> None:
        """Stop the worker (it finishes the delivery in flight) and wait for it."""
        with self._cond:
            self._closed = True
            self._cond.notify_all()
            thread = self._thread
        if thread is not None:
            thread.join()

    def _start_worker(self) -> None:
        if self._thread is None and not self._closed:
            self._thread = threading.Thread(target=self._run, name="crovver-webhooks", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        with httpx.Client(timeout=TIMEOUT, trust_env=False) as client:
            while True:
                with self._cond:
                    while not self._queue and not self._closed:
                        self._cond.wait()
                    if self._closed:
                        return
                    delivery = self._deliveries[self._queue.popleft()]
                    generation = self._generation
                    self._busy += 1
                try:
                    status, error = self._post(client, delivery)
                finally:
                    with self._cond:
                        self._busy -= 1
                        if generation == self._generation:
                            delivery.attempts += 1
                            delivery.status_code, delivery.error = status, error
                        self._cond.notify_all()

    @staticmethod
    def _post(client: httpx.Client, delivery: _Delivery) -> tuple[int | None, str | None]:
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            "X-Crovver-Event": delivery.type,
            "X-Crovver-Signature": sign(delivery.body, delivery.secret),
        }
        try:
            response = client.post(delivery.url, content=delivery.body, headers=headers)
        except httpx.HTTPError as exc:
            return None, f"{type(exc).__name__}: {exc}"
        return response.status_code, None
