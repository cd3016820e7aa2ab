"""Fixtures for the hardening tests: a raw HTTP server on loopback that answers as told.

Unlike the local Crovver, it can misbehave at the byte level: trickle a response one byte at a
time, or close every connection after one answer.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import pytest

ENVELOPE = b'{"success": true, "data": {"canAccess": true, "requestingEntityId": "ws"}}'


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def response(body: bytes = ENVELOPE, status: str = "200 OK", headers: str = "") -> bytes:
    return (
        f"HTTP/1.1 {status}\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        f"Connection: close\r\n{headers}\r\n"
    ).encode() + body


@dataclass
class RawServer:
    """Answers every connection with ``payload``, sending ``chunk`` bytes every ``interval`` s
    after the first ``head`` bytes (sent at once), then closes it."""

    payload: bytes = field(default_factory=response)
    head: int = 0
    chunk: int = 1
    interval: float = 0.0
    connections: int = 0
    url: str = ""
    _stop: threading.Event = field(default_factory=threading.Event)

    def serve(self, sock: socket.socket) -> None:
        sock.settimeout(0.05)
        while not self._stop.is_set():
            try:
                conn, _ = sock.accept()
            except TimeoutError:
                continue
            self.connections += 1
            threading.Thread(target=self._answer, args=(conn,), daemon=True).start()

    def _answer(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    got = conn.recv(65536)
                    if not got:
                        return
                    data += got
                # Read the body too: closing a socket with unread bytes sends a reset, which can
                # reach the client before it has read the answer (a flaky retry under load).
                head, _, body = data.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(line.split(b":", 1)[1])
                        for line in head.split(b"\r\n")
                        if line.lower().startswith(b"content-length:")
                    ),
                    0,
                )
                while len(body) < length:
                    got = conn.recv(65536)
                    if not got:
                        return
                    body += got
                conn.sendall(self.payload[: self.head])
                for i in range(self.head, len(self.payload), self.chunk):
                    if self._stop.wait(self.interval):
                        return
                    conn.sendall(self.payload[i : i + self.chunk])
            except OSError:  # the client gave up: that is what the deadline tests want
                return


@pytest.fixture
def raw_server() -> Iterator[Callable[..., RawServer]]:
    servers: list[tuple[RawServer, socket.socket, threading.Thread]] = []

    def start(**options: object) -> RawServer:
        server = RawServer(**options)  # type: ignore[arg-type]
        sock = socket.socket()
        sock.bind(("127.0.0.1", 0))
        sock.listen(16)
        server.url = f"http://127.0.0.1:{sock.getsockname()[1]}"
        thread = threading.Thread(target=server.serve, args=(sock,), daemon=True)
        thread.start()
        servers.append((server, sock, thread))
        return server

    yield start
    for server, sock, thread in servers:
        server._stop.set()
        thread.join(2)
        sock.close()


def elapsed(started: float) -> float:
    return time.monotonic() - started
