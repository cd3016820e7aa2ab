"""Input checks that run before anything is sent. Each error names the argument."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

_MAX_ID_LENGTH = 512


def identifier(value: object, name: str) -> str:
    """A non-empty string id that cannot change the URL path (``.`` and ``..`` would)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    if value in (".", ".."):
        raise ValueError(f"{name} must not be {value!r}: it would change the request path")
    if len(value) > _MAX_ID_LENGTH:
        raise ValueError(f"{name} is longer than {_MAX_ID_LENGTH} characters")
    # isprintable() is the fast check; only a rare non-printable id pays for the exact scan.
    if not value.isprintable() and any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError(f"{name} must not contain control characters")
    return value


def optional_identifier(value: object, name: str) -> str | None:
    return None if value is None else identifier(value, name)


def text(value: object, name: str) -> str:
    """A non-empty string (names, reasons, URLs, currencies)."""
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    return value


def optional_text(value: object, name: str) -> str | None:
    return None if value is None else text(value, name)


def positive_int(value: object, name: str) -> int:
    # bool is an int subclass; True credits is a bug, not 1.
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer, got {value}")
    return value


def non_negative_int(value: object, name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 0:
        raise ValueError(f"{name} must not be negative, got {value}")
    return value


def optional_bool(value: object, name: str) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def metadata(value: object, name: str = "metadata") -> dict[str, Any] | None:
    """A mapping with str keys that JSON can encode, as a plain dict (or None)."""
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping, not {type(value).__name__}")
    if not all(isinstance(k, str) for k in value):
        raise TypeError(f"{name} keys must be str")
    try:
        # allow_nan=False: NaN and Infinity are not JSON, whatever json.dumps does by default.
        json.dumps(value, allow_nan=False)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"{name} must be JSON-serializable: {exc}") from None
    return dict(value)


def seat_users(value: object, name: str = "users") -> list[tuple[str, str | None, str | None]]:
    """1-100 users with unique ``external_user_id``s; returns ``(external_user_id, email, name)``."""
    if isinstance(value, (str, bytes)) or not isinstance(value, Sequence):
        raise TypeError(f"{name} must be a list of users")
    if not 1 <= len(value) <= 100:
        raise ValueError(f"{name} must hold 1 to 100 users, got {len(value)}")
    users: list[tuple[str, str | None, str | None]] = []
    seen: set[str] = set()
    for i, user in enumerate(value):
        where = f"{name}[{i}]"
        if not isinstance(user, Mapping):
            raise TypeError(f"{where} must be a mapping with external_user_id (and optional email, name)")
        unknown = set(user) - {"external_user_id", "email", "name"}
        if unknown:
            raise ValueError(f"{where} has unknown keys {sorted(unknown)}")
        user_id = identifier(user.get("external_user_id"), f"{where}.external_user_id")
        if user_id in seen:
            raise ValueError(f"{name} has a duplicate external_user_id {user_id!r}")
        seen.add(user_id)
        email = optional_text(user.get("email"), f"{where}.email")
        user_name = optional_text(user.get("name"), f"{where}.name")
        users.append((user_id, email, user_name))
    return users
