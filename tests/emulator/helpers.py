"""Helpers for the emulator tests: spec conformance of responses, a webhook receiver."""

from __future__ import annotations

import json
import threading
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

from tests.spec import operations, resolve, response_schema_name, validator_for

#: (operationId, status) -> how many responses were checked against openapi.yaml.
CHECKED: Counter[tuple[str, int]] = Counter()


def _templates() -> list[tuple[str, list[str], dict[str, Any]]]:
    return [(m, p.strip("/").split("/"), op) for m, p, op in operations()]


_TEMPLATES = _templates()


def find_operation(method: str, path: str) -> dict[str, Any] | None:
    """The spec operation for a request."""
    segments = path.strip("/").split("/")
    for m, parts, op in _TEMPLATES:
        if m != method or len(parts) != len(segments):
            continue
        if all(p.startswith("{") or p == s for p, s in zip(parts, segments, strict=True)):
            return op
    return None


def check_conformance(method: str, path: str, status: int, body: bytes) -> str:
    """Assert that one emulator answer matches openapi.yaml; returns the schema it matched."""
    assert status < 500, f"{method} {path} -> {status}: {body[:300]!r}"
    try:
        value = json.loads(body)
    except ValueError as exc:  # pragma: no cover - the assertion message is the point
        raise AssertionError(f"{method} {path} -> {status}: not JSON: {body[:200]!r}") from exc
    op = find_operation(method, path)
    if op is None:
        name = "ErrorEnvelope"
        assert status >= 400, f"{method} {path} answered {status} but is not in openapi.yaml"
    else:
        responses = op["responses"]
        if str(status) not in responses and status < 400:
            raise AssertionError(f"{op['operationId']}: success status {status} not in the spec")
        name = response_schema_name(op, status)
        CHECKED[(op["operationId"], status)] += 1
    errors = sorted(validator_for(name).iter_errors(value), key=lambda e: list(e.path))
    assert not errors, f"{method} {path} -> {status} does not match {name}: " + "; ".join(
        f"{list(e.path)}: {e.message}" for e in errors[:5]
    )
    return name


def conform_hook(response: httpx.Response) -> None:
    """An httpx response hook validating every API answer against openapi.yaml."""
    request = response.request
    if not request.url.path.startswith("/api/public") or request.method == "HEAD":
        return
    response.read()
    check_conformance(request.method, request.url.path, response.status_code, response.content)


def success_statuses(operation_id: str) -> list[int]:
    """The documented 2xx statuses of an operation."""
    for _, _, op in operations():
        if op["operationId"] == operation_id:
            return [int(s) for s in op["responses"] if s.startswith("2")]
    raise KeyError(operation_id)


def request_schema(op: dict[str, Any]) -> dict[str, Any] | None:
    """The resolved request body schema of an operation."""
    body = op.get("requestBody")
    if body is None:
        return None
    return resolve(body["content"]["application/json"]["schema"])


@dataclass
class Received:
    """One webhook POST as the receiver saw it."""

    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class WebhookReceiver:
    """A loopback HTTP server that records webhook POSTs and answers ``status``."""

    status: int = 200
    received: list[Received] = field(default_factory=list)
    _server: ThreadingHTTPServer | None = None
    _thread: threading.Thread | None = None

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                receiver.received.append(Received({k.lower(): v for k, v in self.headers.items()}, body))
                self.send_response(receiver.status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05})
        self._thread.start()
        return self

    @property
    def url(self) -> str:
        assert self._server is not None
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/hooks"

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            assert self._thread is not None
            self._thread.join()
            self._server = None
