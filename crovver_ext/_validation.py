"""Input checks that run before anything is sent. Each error names the argument."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping, Sequence
from typing import Any

_MAX_ID_LENGTH = 512
#: The longest timeout accepted (a day); ``None`` means no timeout. Beyond it lie values such as
#: 1e300 that the socket layer cannot represent (OverflowError on every call).
MAX_TIMEOUT = 86_400.0
#: Metadata limits: deep enough for any real use, shallow enough that nothing recurses too far.
MAX_METADATA_DEPTH = 32
MAX_METADATA_VALUES = 10_000

_JSON_SCALARS = (str, int, float, bool, type(None))


def has_lone_surrogate(value: str) -> bool:
    # A lone surrogate cannot be encoded as UTF-8, so it could never be sent.
    if value.isascii():
        return False
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_chars(value: str, name: str, *, control: bool) -> None:
    """Refuse what cannot be sent (lone surrogates) and NUL; with ``control``, every control
    character (CR and LF included): ids and single-line text end up in paths, queries, headers."""
    if has_lone_surrogate(value):
        raise ValueError(f"{name} contains a lone surrogate, which is not valid text")
    # isprintable() is the fast check; only a rare non-printable value pays for the exact scan.
    if value.isprintable():
        return
    if "\x00" in value:
        raise ValueError(f"{name} must not contain NUL characters")
    if control and any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError(f"{name} must not contain control characters (such as CR or LF)")


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
    _check_chars(value, name, control=True)
    return value


def optional_identifier(value: object, name: str) -> str | None:
    return None if value is None else identifier(value, name)


def text(value: object, name: str) -> str:
    """A non-empty single-line string (names, reasons, URLs, currencies, keys)."""
    return _text(value, name, control=True)


def free_text(value: object, name: str) -> str:
    """A non-empty string that may span lines (feedback): only NUL and lone surrogates refused."""
    return _text(value, name, control=False)


def _text(value: object, name: str, *, control: bool) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be a str, not {type(value).__name__}")
    if not value.strip():
        raise ValueError(f"{name} must not be empty")
    _check_chars(value, name, control=control)
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


def seconds(value: object, name: str) -> float | None:
    """A timeout: a positive, finite number of seconds up to ``MAX_TIMEOUT``, or None (no timeout)."""
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"{name} must be a number of seconds or None, not {type(value).__name__}")
    if not 0 < value <= MAX_TIMEOUT:  # NaN fails too
        raise ValueError(
            f"{name} must be a positive, finite number of seconds up to {MAX_TIMEOUT:.0f} "
            f"(or None for no timeout), got {value!r}"
        )
    return float(value)


def metadata(value: object, name: str = "metadata") -> dict[str, Any] | None:
    """A mapping with str keys that JSON can encode, as a plain dict (or None).

    Walked with a loop, not recursion, so a structure nested 10,000 deep or one that contains
    itself is a ``ValueError`` naming the place, never a ``RecursionError``.
    """
    if value is None:
        return None
    if not isinstance(value, Mapping):
        raise TypeError(f"{name} must be a mapping, not {type(value).__name__}")
    if not all(isinstance(k, str) for k in value):
        raise TypeError(f"{name} keys must be str")
    plain = dict(value)
    _check_json(plain, name)
    try:
        # allow_nan=False: NaN and Infinity are not JSON, whatever json.dumps does by default.
        json.dumps(plain, allow_nan=False)
    except (TypeError, ValueError) as exc:  # e.g. an int too long to print
        raise TypeError(f"{name} must be JSON-serializable: {exc}") from None
    return plain


def _check_json(root: dict[str, Any], name: str) -> None:
    """Types, depth, size, and text that can be sent, for every value under ``root``."""
    pending: list[tuple[object, str, int]] = [(root, name, 1)]
    count = 0
    while pending:
        value, where, depth = pending.pop()
        count += 1
        if count > MAX_METADATA_VALUES:
            raise ValueError(f"{name} holds more than {MAX_METADATA_VALUES} values")
        if isinstance(value, str):
            _check_chars(value, where, control=False)
        elif isinstance(value, float):
            if not math.isfinite(value):
                raise ValueError(f"{where} must be a finite number, got {value!r}")
        elif isinstance(value, _JSON_SCALARS):
            continue
        elif isinstance(value, (dict, list, tuple)):
            if depth > MAX_METADATA_DEPTH:
                raise ValueError(
                    f"{name} is nested deeper than {MAX_METADATA_DEPTH} levels (or contains itself)"
                )
            if isinstance(value, dict):
                for key, item in value.items():
                    if not isinstance(key, str):
                        raise TypeError(f"{where} keys must be str, got {type(key).__name__}")
                    _check_chars(key, f"{where} key {key[:40]!r}", control=False)
                    pending.append((item, f"{where}.{key[:40]}", depth + 1))
            else:
                pending += [(item, f"{where}[{i}]", depth + 1) for i, item in enumerate(value)]
        else:
            raise TypeError(f"{where} must be JSON-serializable, not {type(value).__name__}")


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
