"""Fixtures for the cache tests: a local Crovver on loopback, a real redis-server on a free
loopback port (no persistence, in a temp dir), and a webhook receiver that calls ``apply_event``.

Without ``redis-server`` the Redis tests are skipped, except in CI (``CI=true``), where ``.ci/run``
installs it and a missing server is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from crovver_ext.testing import ControlPlane, LocalCrovver
from crovver_ext.testing._webhooks import sign
from crovver_ext.webhooks import SIGNATURE_HEADER, WebhookError, WebhookEvent, construct_event
from tests.cache.redis_server import RedisServer

CAN_ACCESS = "/api/public/can-access"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


EVENT_SECRET = "whsec_test"


def event_body(
    kind: str, tenant: str | None, event_id: str = "evt_1", created: str = "2026-01-01T00:00:00Z"
) -> bytes:
    """The raw body of a subscription webhook event about ``tenant`` (None: no subscription data)."""
    data = None if tenant is None else {"id": "sub_x", "status": "canceled", "external_tenant_id": tenant}
    return json.dumps({"id": event_id, "type": kind, "created_at": created, "data": data}).encode()


def signed_event(kind: str, tenant: str | None, **fields: str) -> WebhookEvent:
    """A verified event, as a webhook handler gets it from ``construct_event``."""
    body = event_body(kind, tenant, **fields)
    return construct_event(body, sign(body, EVENT_SECRET), EVENT_SECRET)


def checks(control: ControlPlane, tenant: str | None = None) -> int:
    """How many can-access requests reached the local Crovver (for one tenant, or all)."""
    return sum(
        1
        for r in control.requests(path=CAN_ACCESS)
        if tenant is None or r["body"].get("requestingEntityId") == tenant
    )


@pytest.fixture(scope="session")
def local() -> Iterator[LocalCrovver]:
    with LocalCrovver() as server:
        yield server


@pytest.fixture
def control(local: LocalCrovver) -> ControlPlane:
    local.control.reset()
    return local.control


# ---- redis-server ------------------------------------------------------------------------------


def _redis_executable() -> str:
    executable = shutil.which("redis-server")
    if executable is None:
        if os.environ.get("CI") == "true":
            pytest.fail("redis-server is missing in CI: .ci/run should have installed it")
        pytest.skip("redis-server is not installed (apt-get install redis-server; .ci/run does it in CI)")
    return executable


@pytest.fixture
def make_redis(tmp_path: Path) -> Iterator[Callable[[], RedisServer]]:
    """Start redis-servers of this test's own (for tests that kill or restart them)."""
    started: list[RedisServer] = []

    def make() -> RedisServer:
        server = RedisServer(_redis_executable(), tmp_path / f"redis{len(started)}")
        server.directory.mkdir()
        started.append(server)
        server.start()
        return server

    yield make
    for server in started:
        server.stop()


@pytest.fixture(scope="session")
def shared_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    server = RedisServer(_redis_executable(), tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def redis_server(shared_redis: RedisServer) -> RedisServer:
    """The session's redis-server, emptied for this test."""
    if shared_redis.process is None:
        shared_redis.start()
    import redis

    with redis.Redis.from_url(shared_redis.url, socket_timeout=5) as admin:
        admin.flushall()
    return shared_redis


# ---- a webhook receiver ------------------------------------------------------------------------


class Receiver:
    """A webhook endpoint as an SDK user writes it: verify, then hand the event to ``on_event``."""

    def __init__(self) -> None:
        self.secret = ""
        self.on_event: Callable[[WebhookEvent], Any] = lambda event: None
        self.handled: list[WebhookEvent] = []
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                try:
                    event = construct_event(body, self.headers.get(SIGNATURE_HEADER), receiver.secret)
                except WebhookError:
                    status = 400
                else:
                    receiver.on_event(event)
                    receiver.handled.append(event)
                    status = 200
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
        return f"http://{host!s}:{port}/webhooks/crovver"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


@pytest.fixture
def receiver(control: ControlPlane) -> Iterator[Receiver]:
    hook = Receiver()
    _, hook.secret = control.register_webhook(hook.url)
    yield hook
    hook.stop()
