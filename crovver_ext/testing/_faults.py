"""Fault injection and the request log (both in memory; the control plane manages them)."""

from __future__ import annotations

import itertools
import re
import threading
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from ._wire import JSON, dumps, loads

ACTIONS = ("status", "reset_before", "reset_after", "delay")
_HEADER_NAME = re.compile(r"[!#$%&'*+.^_`|~0-9A-Za-z-]+")
_REDACTED = "[REDACTED]"
_SECRET_HEADERS = ("authorization", "x-public-key")


@dataclass
class Fault:
    """One injected fault: which requests it hits, how many more times, and what it does."""

    id: str
    method: str
    path: str
    times: int
    action: str
    status: int | None = None
    body: bytes = b""
    content_type: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0

    def matches(self, method: str, path: str) -> bool:
        """Whether a request with this method and raw path is hit by the fault."""
        if self.method != "*" and self.method != method.upper():
            return False
        if self.path.endswith("*"):
            return path.startswith(self.path[:-1])
        return path == self.path

    @property
    def responds(self) -> bool:
        """Whether it answers with its own canned response instead of the real one."""
        return self.status is not None and self.action in ("status", "delay")

    def response_headers(self) -> list[tuple[str, str]]:
        """The canned response's headers."""
        out = [(k, v) for k, v in self.headers.items()]
        if self.content_type and not any(k.lower() == "content-type" for k, _ in out):
            out.append(("Content-Type", self.content_type))
        return out

    def describe(self) -> dict[str, JSON]:
        """The fault as JSON, for listing."""
        return {
            "id": self.id,
            "method": self.method,
            "path": self.path,
            "times": self.times,
            "action": self.action,
            "status": self.status,
            "delay": self.delay,
        }


def parse_fault(spec: dict[str, JSON], fault_id: str) -> Fault:
    """Build a fault from its JSON spec; ``ValueError`` says what is wrong."""
    action = spec.get("action", "status")
    if action not in ACTIONS:
        raise ValueError(f"action must be one of {', '.join(ACTIONS)}")
    method = spec.get("method", "*")
    path = spec.get("path")
    if not isinstance(method, str) or not method:
        raise ValueError("method must be an HTTP method or '*'")
    if not isinstance(path, str) or not path.startswith("/"):
        raise ValueError("path must be a string starting with '/' (a prefix may end in '*')")
    times = spec.get("times", 1)
    if isinstance(times, bool) or not isinstance(times, int) or not 1 <= times <= 1_000_000:
        raise ValueError("times must be an integer from 1 to 1000000")
    status = spec.get("status")
    if status is None and action == "status":
        status = 500
    if status is not None and (
        isinstance(status, bool) or not isinstance(status, int) or not 200 <= status <= 599
    ):
        raise ValueError("status must be an integer from 200 to 599")
    delay = spec.get("delay") or 0.0
    if isinstance(delay, bool) or not isinstance(delay, int | float) or not 0 <= delay <= 60:
        raise ValueError("delay must be a number of seconds from 0 to 60")
    headers = spec.get("headers") or {}
    if not isinstance(headers, dict) or not all(
        isinstance(k, str)
        and _HEADER_NAME.fullmatch(k)
        and isinstance(v, str)
        and "\r" not in v
        and "\n" not in v
        for k, v in headers.items()
    ):
        raise ValueError("headers must map header names to single-line strings")
    raw_body = spec.get("body")
    content_type = spec.get("content_type")
    if content_type is not None and (
        not isinstance(content_type, str) or "\r" in content_type or "\n" in content_type
    ):
        raise ValueError("content_type must be a single-line string")
    if raw_body is None:
        body = b""
    elif isinstance(raw_body, str):
        body = raw_body.encode("utf-8")
        content_type = content_type or "text/plain; charset=utf-8"
    else:
        body = dumps(raw_body)
        content_type = content_type or "application/json"
    return Fault(
        id=fault_id,
        method=method.upper(),
        path=path,
        times=times,
        action=action,
        status=status,
        body=body,
        content_type=content_type,
        headers=dict(headers),
        delay=float(delay),
    )


class Faults:
    """The active faults, consumed in the order they were added."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._faults: list[Fault] = []
        self._ids = itertools.count(1)

    def add(self, spec: dict[str, JSON]) -> Fault:
        """Validate and register a fault."""
        with self._lock:
            fault = parse_fault(spec, f"fault_{next(self._ids)}")
            self._faults.append(fault)
            return fault

    def take(self, method: str, path: str) -> Fault | None:
        """The first fault hitting this request, using up one of its ``times``."""
        with self._lock:
            for fault in self._faults:
                if fault.matches(method, path):
                    fault.times -= 1
                    if fault.times == 0:
                        self._faults.remove(fault)
                    return fault
            return None

    def list(self) -> list[dict[str, JSON]]:
        """The faults still active."""
        with self._lock:
            return [f.describe() for f in self._faults]

    def clear(self) -> None:
        """Drop every fault."""
        with self._lock:
            self._faults.clear()


@dataclass
class LogEntry:
    """One API request as it arrived, and the status it got (``None`` when reset)."""

    id: int
    method: str
    path: str
    query: dict[str, Any]
    headers: dict[str, str]
    body: JSON
    fault: str | None
    time: str
    status: int | None = None

    def as_json(self) -> dict[str, JSON]:
        """The entry for ``GET /_emulator/requests``."""
        return {
            "id": self.id,
            "method": self.method,
            "path": self.path,
            "query": self.query,
            "headers": self.headers,
            "body": self.body,
            "status": self.status,
            "fault": self.fault,
            "time": self.time,
        }


def _body_for_log(body: bytes) -> JSON:
    if not body:
        return None
    try:
        return loads(body)
    except ValueError:
        return body.decode("utf-8", errors="replace")


#: How many requests the log keeps by default: enough for any test, bounded for long runs.
DEFAULT_LOG_SIZE = 2000


class RequestLog:
    """The last ``size`` API requests in arrival order (control-plane calls are never logged).

    A ring: a local Crovver serving for days keeps a bounded log, the oldest entries go first.
    """

    def __init__(self, size: int = DEFAULT_LOG_SIZE) -> None:
        if isinstance(size, bool) or not isinstance(size, int) or size < 1:
            raise ValueError(f"request_log_size must be a positive integer, not {size!r}")
        self._lock = threading.Lock()
        self._entries: deque[LogEntry] = deque(maxlen=size)
        self._ids = itertools.count(1)

    @property
    def size(self) -> int:
        """The most entries kept."""
        assert self._entries.maxlen is not None
        return self._entries.maxlen

    def start(
        self,
        method: str,
        path: str,
        query: dict[str, Any],
        headers: dict[str, str],
        body: bytes | None,
        fault: str | None,
        time: str,
    ) -> LogEntry:
        """Record an arriving request (secrets redacted)."""
        shown = {k: (_REDACTED if k.lower() in _SECRET_HEADERS else v) for k, v in headers.items()}
        shown_query = {k: (_REDACTED if k == "publicKey" else v) for k, v in query.items()}
        with self._lock:
            entry = LogEntry(
                next(self._ids),
                method,
                path,
                shown_query,
                shown,
                None if body is None else _body_for_log(body),
                fault,
                time,
            )
            self._entries.append(entry)
            return entry

    def finish(self, entry: LogEntry, status: int | None) -> None:
        """Record the status a request got."""
        with self._lock:
            entry.status = status

    def list(self, method: str | None = None, path: str | None = None) -> list[dict[str, JSON]]:
        """Entries, optionally filtered by method and path (a path ending in ``*`` is a prefix)."""
        with self._lock:
            entries = list(self._entries)
        out = []
        for e in entries:
            if method and e.method != method.upper():
                continue
            if path and not (e.path.startswith(path[:-1]) if path.endswith("*") else e.path == path):
                continue
            out.append(e.as_json())
        return out

    def clear(self) -> None:
        """Forget every entry."""
        with self._lock:
            self._entries.clear()
