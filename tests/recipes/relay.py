"""A loopback webhook endpoint that hands each delivery from the local Crovver to an app under
test (through its framework's test client) and answers with the app's status."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

from crovver_ext import CrovverClient
from crovver_ext.testing import ControlPlane
from crovver_ext.webhooks import SIGNATURE_HEADER

#: (raw body, X-Crovver-Signature or None) -> the app's HTTP status
Forward = Callable[[bytes, "str | None"], int]


class DeliveryRelay:
    def __init__(self, forward: Forward) -> None:
        self.statuses: list[int] = []  #: the app's answer to each delivery, in order
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status = forward(body, self.headers.get(SIGNATURE_HEADER))
                relay.statuses.append(status)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, name="recipe-relay"
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/webhooks/crovver"

    def __enter__(self) -> DeliveryRelay:
        self._thread.start()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()


def cancel_through(control: ControlPlane, relay: DeliveryRelay, secret: str, tenant_id: str) -> None:
    """Register the relay and cancel the tenant's subscription: Crovver sends it
    ``subscription.canceled`` (waited for)."""
    control.register_webhook(relay.url, secret=secret)
    with CrovverClient() as crovver:  # from CROVVER_SECRET_KEY / CROVVER_BASE_URL
        subscription = crovver.get_subscriptions(tenant_id).subscriptions[0]
        crovver.cancel_subscription(subscription.id, tenant_id, "too_expensive")
    assert control.flush_webhooks()


def cancel_and_redeliver(control: ControlPlane, relay: DeliveryRelay, secret: str) -> None:
    """Cancel ``ws_active``'s subscription through the relay, then have Crovver deliver that
    event a second time, as it does when a delivery is retried: the same bytes, the same id."""
    cancel_through(control, relay, secret, "ws_active")
    [delivery] = [d for d in control.webhook_deliveries() if d["type"] == "subscription.canceled"]
    control.resend_webhook(delivery["id"])
    assert control.flush_webhooks()
