"""``LocalCrovver``: the emulator with its optional loopback HTTP server and its transports."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import urlsplit

import httpx

from ._app import Emulator
from ._client import IN_PROCESS_URL, ControlPlane
from ._faults import DEFAULT_LOG_SIZE
from ._server import ServerThread, check_loopback
from ._transport import AsyncInProcessTransport, InProcessTransport


def _check_public_url(url: str) -> str:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        raise ValueError(
            f"public_url must be an http(s) URL with a host and no query or fragment, not {url!r}"
        )
    return url.rstrip("/")


class LocalCrovver:
    """A stateful Crovver emulator for tests and demos.

    Args:
        port: TCP port for :meth:`start` (0 picks a free one).
        db: SQLite file; ``None`` keeps state in memory. A file that already holds an emulator's
            state is reopened as it was (its seed and clock included); ``seed`` then only
            matters for a new file.
        seed: ``None`` (the built-in demo data), a dict, or a ``.json``/``.yaml`` file.
        host: a loopback address to listen on.
        start: where a new emulator's frozen clock starts (default 2026-01-01T00:00:00Z).
        public_url: where the URLs it mints (checkout, portal) point, e.g. a proxy in front of
            it; default: its own server URL once started, :data:`IN_PROCESS_URL` before. Never
            taken from a request's ``Host`` header.
        request_log_size: how many requests the request log keeps (a ring; default 2000).

    The state exists from construction, so the in-process transports work without ever
    calling :meth:`start`. :meth:`stop` (idempotent) shuts everything down for good; a
    :meth:`start` that cannot bind its port stops it too, so no database is left open.
    """

    def __init__(
        self,
        port: int = 0,
        db: str | Path | None = None,
        seed: str | Path | dict[str, Any] | None = None,
        *,
        host: str = "127.0.0.1",
        start: datetime | None = None,
        public_url: str | None = None,
        request_log_size: int = DEFAULT_LOG_SIZE,
    ) -> None:
        self._host = check_loopback(host)
        self._port = port
        self._public_url = None if public_url is None else _check_public_url(public_url)
        self.emulator: Emulator = Emulator(
            db=None if db is None else str(db),
            seed=seed,
            start=start,
            base_url=self._public_url or IN_PROCESS_URL,
            request_log_size=request_log_size,
        )
        """The emulator itself (state, clock, request handling), shared by every transport."""
        self._server: ServerThread | None = None
        self._control: ControlPlane | None = None
        self._stopped = False
        keys = self.emulator.org_keys()
        first = next((k for k in keys if k["type"] == "b2b"), keys[0]) if keys else None
        self.secret_key: str = first["secret_key"] if first else ""
        """The secret key of the seed's first B2B organization (``""`` when the seed has none)."""
        self.public_key: str = first["public_key"] if first else ""
        """That organization's public key (``""`` when the seed has none)."""

    @property
    def base_url(self) -> str:
        """The server's URL once started; before that, the in-process placeholder URL."""
        return self._server.base_url if self._server else IN_PROCESS_URL

    @property
    def running(self) -> bool:
        """Whether the HTTP server is serving."""
        return self._server is not None

    def start(self) -> LocalCrovver:
        """Serve over HTTP on loopback in a background thread (no-op when already serving)."""
        if self._stopped:
            raise RuntimeError("this LocalCrovver was stopped; create a new one")
        if self._server is None:
            try:
                self._server = ServerThread(self.emulator, self._host, self._port)
            except BaseException:
                self.stop()  # e.g. the port is taken: close the database rather than leak it
                raise
            self.emulator.base_url = self._public_url or self._server.base_url
            if self._control is not None:  # re-bind an in-process control plane to HTTP
                self._control.close()
                self._control = None
        return self

    def stop(self) -> None:
        """Stop the server, the webhook worker and close the database (idempotent)."""
        if self._stopped:
            return
        self._stopped = True
        if self._control is not None:
            self._control.close()
        if self._server is not None:
            self._server.stop()
        self.emulator.close()

    @property
    def control(self) -> ControlPlane:
        """A :class:`ControlPlane` for this emulator (over HTTP when serving, else in process)."""
        if self._control is None:
            self._control = ControlPlane(self.base_url) if self._server else ControlPlane.in_process(self)
        return self._control

    def transport(self) -> httpx.BaseTransport:
        """A sync httpx transport into this emulator (no socket)."""
        return InProcessTransport(self.emulator)

    def async_transport(self) -> httpx.AsyncBaseTransport:
        """An async httpx transport into this emulator (no socket)."""
        return AsyncInProcessTransport(self.emulator)

    def __enter__(self) -> LocalCrovver:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
