"""``WebhookCollector``: a loopback webhook endpoint that keeps every verified event (for tests)."""

from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from crovver_ext.webhooks import SIGNATURE_HEADER, WebhookError, WebhookEvent, construct_event

from ._client import ControlPlane


class WebhookCollector:
    """A webhook receiver on 127.0.0.1, registered with a local Crovver through ``control``.

    It verifies every delivery with :func:`crovver_ext.webhooks.construct_event` (answering 400
    to anything that does not verify), keeps each event ``id`` once, and answers 200 to repeats.
    Deliveries arrive on a background thread: :attr:`events` waits for the queue to drain first.
    """

    def __init__(self, control: ControlPlane) -> None:
        self._control = control
        self._lock = threading.Lock()
        self._events: dict[str, WebhookEvent] = {}
        self.duplicates: list[str] = []  #: ids delivered again (acknowledged, not kept twice)
        self.rejected: list[str] = []  #: why each request that did not verify was refused
        self.secret: str = ""
        """The endpoint's signing secret (set by :meth:`start`)."""
        self.endpoint_id: str = ""
        """The endpoint's id at the local Crovver (set by :meth:`start`)."""
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def start(self) -> WebhookCollector:
        """Listen on a free loopback port and register the endpoint (a new signing secret)."""
        collector = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status = collector._receive(body, self.headers.get(SIGNATURE_HEADER))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass  # keep test output clean

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="crovver-webhook-collector",
        )
        self._thread.start()
        self.endpoint_id, self.secret = self._control.register_webhook(self.url)
        return self

    @property
    def url(self) -> str:
        """Where the local Crovver posts (``http://127.0.0.1:<port>/webhooks``)."""
        if self._server is None:
            raise RuntimeError("the collector is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/webhooks"

    def _receive(self, body: bytes, signature: str | None) -> int:
        try:
            event = construct_event(body, signature, self.secret)
        except WebhookError as exc:
            with self._lock:
                self.rejected.append(str(exc))
            return 400
        with self._lock:
            if event.id in self._events:
                self.duplicates.append(event.id)
            else:
                self._events[event.id] = event
        return 200

    @property
    def events(self) -> list[WebhookEvent]:
        """Every verified event so far, each id once, in arrival order (after a flush).

        Raises:
            RuntimeError: queued deliveries did not all arrive within 5 seconds.
        """
        if not self._control.flush_webhooks():
            raise RuntimeError("the local Crovver did not deliver its webhooks within 5 seconds")
        with self._lock:
            return list(self._events.values())

    def of_type(self, event_type: str) -> list[WebhookEvent]:
        """The verified events of one type (``"subscription.canceled"``, ...), after a flush."""
        return [e for e in self.events if e.type == event_type]

    def stop(self) -> None:
        """Stop listening (idempotent)."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            if self._thread is not None:
                self._thread.join()
            self._server = None
