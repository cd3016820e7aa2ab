"""Routing primitives shared by the endpoint modules: the request context, replies and routes."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from urllib.parse import parse_qs, unquote

from ._lifecycle import Event
from ._store import Row
from ._wire import JSON, Fields, dumps, invalid

#: Who may call a route: ``"public"`` (public or secret key) or ``"secret"`` (secret key only).
Access = str


@dataclass
class Ctx:
    """Everything one API request's handler may use; ``events`` are sent after commit."""

    conn: sqlite3.Connection
    org: Row
    now: datetime
    params: list[str]
    query: Fields
    body: Fields
    base_url: str
    events: list[Event] = field(default_factory=list)

    @property
    def org_id(self) -> str:
        """The calling organisation's id."""
        return str(self.org["id"])


@dataclass
class Reply:
    """A successful answer: enveloped ``data`` (and ``meta``) with a status."""

    data: JSON
    status: int = 200
    meta: dict[str, Any] | None = None


Handler = Callable[[Ctx], Reply]


@dataclass(frozen=True)
class Route:
    """One endpoint: method, path pattern (``{param}`` segments), handler, and who may call it."""

    method: str
    pattern: str
    handler: Handler
    access: Access
    json_body: bool = True
    operation_id: str = ""

    def match(self, segments: list[str]) -> list[str] | None:
        """Path parameters when ``segments`` fit the pattern, else ``None``."""
        parts = self.pattern.strip("/").split("/")
        if len(parts) != len(segments):
            return None
        params: list[str] = []
        for part, segment in zip(parts, segments, strict=True):
            if part.startswith("{"):
                if not segment:
                    return None
                params.append(segment)
            elif part != segment:
                return None
        return params


def split_path(raw_path: str) -> list[str]:
    """Percent-decode each segment separately, so an encoded ``/`` stays inside its id."""
    return [unquote(seg, errors="replace") for seg in raw_path.strip("/").split("/")]


ResponseTuple = tuple[int, list[tuple[str, str]], bytes]
_JSON_HEADERS = [("Content-Type", "application/json; charset=utf-8")]


def json_response(status: int, value: JSON, extra: list[tuple[str, str]] | None = None) -> ResponseTuple:
    """A JSON answer."""
    return status, [*_JSON_HEADERS, *(extra or [])], dumps(value)


def parse_query(query: str) -> dict[str, str]:
    """The first value of each query parameter (undecodable bytes become U+FFFD)."""
    try:
        parsed = parse_qs(query, keep_blank_values=True, errors="replace", max_num_fields=200)
    except ValueError as exc:
        raise invalid(f"bad query string: {exc}") from exc
    return {k: v[0] for k, v in parsed.items()}
