"""The HTTP/1.1 server: a ``ThreadingHTTPServer`` on loopback around :class:`Emulator`.

Keep-alive with exact ``Content-Length``; one daemon thread per connection. Stopping closes every
open connection first, so keep-alive clients never hold up shutdown. A reset fault closes the
socket with ``SO_LINGER`` 0, which makes the kernel send a TCP RST instead of a FIN.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
import re
import socket
import struct
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from ._app import Emulator
from ._routing import json_response
from ._wire import MAX_BODY, ApiError

#: Oversized bodies up to this size are read and discarded so the 413 reaches the client.
_DRAIN_LIMIT = 16 * MAX_BODY
_DIGITS = re.compile(r"[0-9]{1,18}")
#: A chunk size line: 1-8 hex digits (no sign, no 0x), optional extensions, CRLF (or LF).
_CHUNK_SIZE = re.compile(rb"([0-9A-Fa-f]{1,8})[ \t]*(?:;[^\r\n]*)?\r?\n")
_log = logging.getLogger("crovver_ext.testing")


def check_loopback(host: str) -> str:
    """``host`` if it is an IPv4 loopback address (``localhost`` becomes 127.0.0.1)."""
    if host == "localhost":
        return "127.0.0.1"
    try:
        if ipaddress.IPv4Address(host).is_loopback:
            return host
    except ValueError:
        pass
    raise ValueError(f"the local Crovver only listens on loopback (127.0.0.0/8), not {host!r}")


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "LocalCrovver/1.0"
    server: EmulatorServer

    def setup(self) -> None:
        super().setup()
        # No Nagle: headers and body go out as separate writes, and waiting for the peer's
        # delayed ACK would add 40 ms to every keep-alive response.
        self.connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self.server.track(self.connection, add=True)

    def finish(self) -> None:
        try:
            super().finish()
        finally:
            self.server.track(self.connection, add=False)

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the emulator's request log is the record."""

    def do_GET(self) -> None:
        self._serve()

    do_POST = do_PUT = do_PATCH = do_DELETE = do_OPTIONS = do_GET

    def do_HEAD(self) -> None:
        self._serve(head=True)

    def __getattr__(self, name: str) -> Any:
        # BaseHTTPRequestHandler answers a method without a do_<METHOD> with a 501 HTML page;
        # every method goes to the emulator instead, which answers an unknown one with a 405.
        if name.startswith("do_"):
            return self.do_GET
        raise AttributeError(name)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """The stdlib's own errors (bad request line, oversized headers...) as JSON envelopes."""
        self._error(code, "VALIDATION_ERROR", message or "Bad request")

    def _serve(self, head: bool = False) -> None:
        emulator = self.server.emulator
        body = self._read_body()
        if body is None:
            return
        path, _, query = self.path.partition("?")
        headers: dict[str, str] = {}
        for name, value in self.headers.items():
            key = name.lower()
            headers[key] = f"{headers[key]}, {value}" if key in headers else value
        adm = emulator.admit(self.command, path, query, headers, body)
        if adm.delay:
            time.sleep(adm.delay)
        outcome = emulator.complete(adm)
        if outcome.reset:
            self._reset()
            return
        self._respond(outcome.status, outcome.headers, outcome.body, head=head)

    def _respond(self, status: int, headers: list[tuple[str, str]], body: bytes, head: bool = False) -> None:
        self.send_response(status)
        for name, value in headers:
            if name.lower() not in ("content-length", "connection", "transfer-encoding"):
                self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        if not head:
            self.wfile.write(body)

    def _error(self, status: int, code: str, message: str) -> None:
        self.close_connection = True
        _, headers, body = json_response(status, ApiError(status, code, message).body())
        if self.request_version == "HTTP/0.9":
            self.request_version = "HTTP/1.0"  # an answer with a status line and headers
        with contextlib.suppress(OSError):
            self._respond(status, headers, body, head=self.command == "HEAD")

    def _framing_error(self, message: str) -> None:
        self._error(400, "VALIDATION_ERROR", message)

    def _read_body(self) -> bytes | None:
        """The request body, or ``None`` after answering a framing error or 413 ourselves."""
        encodings = self.headers.get_all("Transfer-Encoding") or []
        lengths = self.headers.get_all("Content-Length") or []
        if encodings:
            # Only plain chunked, and never beside a Content-Length (request smuggling).
            if [e.strip().lower() for e in ",".join(encodings).split(",")] != ["chunked"] or lengths:
                self._framing_error("Unsupported Transfer-Encoding (only chunked, without Content-Length)")
                return None
            return self._read_chunked()
        if not lengths:
            return b""
        if len(set(lengths)) != 1 or not _DIGITS.fullmatch(lengths[0].strip()):
            self._framing_error("Invalid Content-Length")
            return None
        length = int(lengths[0])
        if length > MAX_BODY:
            if length <= _DRAIN_LIMIT:
                self._discard(length)
            else:
                self.close_connection = True
            self._payload_too_large()
            return None
        return self.rfile.read(length)

    def _read_chunked(self) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            match = _CHUNK_SIZE.fullmatch(self.rfile.readline(1024))
            if match is None:
                self._framing_error("Malformed chunked body: bad chunk size line")
                return None
            n = int(match[1], 16)
            if n == 0:
                for _ in range(100):  # trailer fields, then the empty line
                    if self.rfile.readline(1024) in (b"\r\n", b"\n"):
                        break
                else:
                    self._framing_error("Malformed chunked body: bad trailer")
                    return None
                break
            size += n
            if size > _DRAIN_LIMIT:
                self.close_connection = True
                self._payload_too_large()
                return None
            chunk = self.rfile.read(n)
            if len(chunk) != n or self.rfile.readline(3) not in (b"\r\n", b"\n"):
                self._framing_error("Malformed chunked body: chunk data does not match its size")
                return None
            if size <= MAX_BODY:
                chunks.append(chunk)
        if size > MAX_BODY:
            self._payload_too_large()
            return None
        return b"".join(chunks)

    def _discard(self, length: int) -> None:
        while length > 0:
            data = self.rfile.read(min(length, 65536))
            if not data:
                self.close_connection = True
                return
            length -= len(data)

    def _payload_too_large(self) -> None:
        message = f"Request body exceeds {MAX_BODY} bytes"
        _, headers, body = json_response(413, ApiError(413, "PAYLOAD_TOO_LARGE", message).body())
        self._respond(413, headers, body)

    def _reset(self) -> None:
        # SO_LINGER with a zero timeout: close() sends RST; the server skips its graceful
        # shutdown(SHUT_WR) for this socket (see EmulatorServer.shutdown_request).
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.server.mark_reset(self.connection)
        self.close_connection = True


class EmulatorServer(ThreadingHTTPServer):
    """A threading HTTP server that can reset connections and close them all at stop."""

    daemon_threads = True
    request_queue_size = 1024  # 200 clients connecting at once must not overflow the backlog

    def __init__(self, host: str, port: int, emulator: Emulator) -> None:
        self.emulator = emulator
        self._lock = threading.Lock()
        self._open: set[socket.socket] = set()
        self._resets: set[socket.socket] = set()
        super().__init__((check_loopback(host), port), _Handler)

    def track(self, sock: socket.socket, *, add: bool) -> None:
        """Remember open connections so :meth:`close_connections` can end them."""
        with self._lock:
            if add:
                self._open.add(sock)
            else:
                self._open.discard(sock)

    def mark_reset(self, sock: socket.socket) -> None:
        """Close this connection abruptly when its handler is done."""
        with self._lock:
            self._resets.add(sock)

    def shutdown_request(self, request: Any) -> None:
        with self._lock:
            abrupt = request in self._resets
            self._resets.discard(request)
        if abrupt:
            self.close_request(request)
        else:
            super().shutdown_request(request)

    def close_connections(self) -> None:
        """Wake every connection thread blocked on a keep-alive read."""
        with self._lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """Clients going away mid-request are normal here; anything else is logged."""
        if not isinstance(sys.exc_info()[1], OSError):
            _log.exception("local Crovver: error serving %s", client_address)


class ServerThread:
    """Runs an :class:`EmulatorServer` in a daemon thread; :meth:`stop` is idempotent."""

    def __init__(self, emulator: Emulator, host: str = "127.0.0.1", port: int = 0) -> None:
        self.server = EmulatorServer(host, port, emulator)
        host_, port_ = self.server.server_address[:2]
        self.base_url = f"http://{host_!s}:{port_}"
        self._thread = threading.Thread(
            target=self.server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="local-crovver",
            daemon=True,
        )
        self._thread.start()
        self._stopped = False

    def stop(self) -> None:
        """Stop accepting, end open connections, wait for handler threads, close the socket."""
        if self._stopped:
            return
        self._stopped = True
        self.server.shutdown()
        self._thread.join()
        self.server.close_connections()
        self.server.server_close()
