"""A loopback webhook endpoint that hands each delivery from the local Crovver to an app under
test (through its framework's test client) and answers with the app's status."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType
from typing import Any

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
