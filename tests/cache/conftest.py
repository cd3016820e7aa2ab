"""Fixtures for the cache tests: a local Crovver on loopback, a real redis-server on a free
loopback port (no persistence, in a temp dir), and a webhook receiver that calls ``apply_event``.

Without ``redis-server`` the Redis tests are skipped, except in CI (``CI=true``), where ``.ci/run``
installs it and a missing server is a failure.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from crovver_ext.testing import ControlPlane, LocalCrovver
from crovver_ext.webhooks import SIGNATURE_HEADER, WebhookError, WebhookEvent, construct_event

CAN_ACCESS = "/api/public/can-access"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


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


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class RedisServer:
    """A real redis-server process on 127.0.0.1 that a test may kill and start again."""

    def __init__(self, executable: str, directory: Path) -> None:
        self.executable = executable
        self.directory = directory
        self.port = _free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        assert self.process is None
        log = open(self.directory / "redis.log", "ab")  # noqa: SIM115  # closed with the process
        self.process = subprocess.Popen(
            [
                self.executable,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.directory),
                "--daemonize",
                "no",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
        log.close()
        deadline = time.monotonic() + 10
        while not self._answers():  # the only wait: until the server accepts connections
            if self.process.poll() is not None or time.monotonic() > deadline:
                log_text = (self.directory / "redis.log").read_text(errors="replace")[-2000:]
                self.stop()
                raise RuntimeError(f"redis-server did not start:\n{log_text}")
            time.sleep(0.005)

    def _answers(self) -> bool:
        try:
            with socket.create_connection(("127.0.0.1", self.port), timeout=0.5) as sock:
                sock.sendall(b"PING\r\n")
                return sock.recv(16).startswith(b"+PONG")
        except OSError:
            return False

    def kill(self) -> None:
        """SIGKILL: no goodbye to the clients."""
        if self.process is not None:
            self.process.kill()
            self.process.wait()
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None


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
