"""Wire helpers: the envelope, API errors, money formats and request-body validation."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any, Final

JSON = Any  # a decoded JSON value; precise recursive types buy nothing here

#: The largest integer a request may carry: keeps every value inside SQLite's 64-bit range.
MAX_INT: Final = 1_000_000_000
#: Bodies larger than this are refused with 413 before they are read.
MAX_BODY: Final = 1024 * 1024
_INT_RE: Final = re.compile(r"-?[0-9]{1,11}")


class ApiError(Exception):
    """An error answer: status, code and message, in the object or the plain-string form."""

    def __init__(
        self,
        status: int,
        code: str,
        message: str,
        *,
        string_form: bool = False,
        headers: list[tuple[str, str]] | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.string_form = string_form
        self.headers = headers or []

    def body(self) -> dict[str, JSON]:
        """The envelope for this error."""
        error: JSON = self.message if self.string_form else {"message": self.message, "code": self.code}
        return {"success": False, "data": None, "error": error}


def missing(*names: str) -> ApiError:
    """400 ``MISSING_REQUIRED_FIELDS`` naming the absent fields."""
    return ApiError(400, "MISSING_REQUIRED_FIELDS", f"Missing required fields: {', '.join(names)}")


def invalid(message: str) -> ApiError:
    """400 ``VALIDATION_ERROR``."""
    return ApiError(400, "VALIDATION_ERROR", message)


def not_found(code: str, message: str) -> ApiError:
    """404 with the given code."""
    return ApiError(404, code, message)


def envelope(data: JSON, meta: Mapping[str, JSON] | None = None) -> dict[str, JSON]:
    """A success envelope."""
    body: dict[str, JSON] = {"success": True, "data": data, "error": None}
    if meta is not None:
        body["meta"] = dict(meta)
    return body


def dumps(value: JSON) -> bytes:
    """Compact UTF-8 JSON."""
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def _reject_constant(name: str) -> JSON:
    raise ValueError(f"{name} is not JSON")


def loads(raw: bytes) -> JSON:
    """Parse a request body strictly; raise ``ValueError`` for anything that is not clean JSON.

    NaN/Infinity, lone surrogates (SQLite cannot store them), absurd nesting and oversized
    integer literals are all refused here, so handlers only ever see storable values.
    """
    try:
        text = raw.decode("utf-8")
        value = json.loads(text, parse_constant=_reject_constant)
        _check_strings(value, 0)
    except (UnicodeError, RecursionError) as exc:
        raise ValueError(str(exc)) from exc
    return value


def parse_object(raw: bytes) -> dict[str, Any]:
    """A request body that must be a JSON object (``{}`` when empty); 400 ``ApiError`` otherwise."""
    if not raw.strip():
        return {}
    try:
        value = loads(raw)
    except ValueError as exc:
        raise ApiError(400, "INVALID_JSON", f"Request body is not valid JSON: {exc}") from exc
    if not isinstance(value, dict):
        raise invalid("Request body must be a JSON object")
    return value


def _check_strings(value: JSON, depth: int) -> None:
    if depth > 64:
        raise ValueError("JSON nested too deeply")
    if isinstance(value, str):
        value.encode("utf-8")  # raises UnicodeEncodeError on a lone surrogate
    elif isinstance(value, list):
        for item in value:
            _check_strings(item, depth + 1)
    elif isinstance(value, dict):
        for key, item in value.items():
            key.encode("utf-8")
            _check_strings(item, depth + 1)


# --- money ---------------------------------------------------------------------------------


def parse_money(value: object, what: str) -> int:
    """Seed money (``29``, ``29.5``, ``"29.00"``) as integer minor units."""
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ValueError(f"{what}: money must be a number or a decimal string")
    try:
        amount = Decimal(str(value))
    except InvalidOperation as exc:
        raise ValueError(f"{what}: {value!r} is not a decimal amount") from exc
    if not amount.is_finite() or amount < 0:
        raise ValueError(f"{what}: {value!r} is not a non-negative amount")
    return int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def money_str(cents: int) -> str:
    """Minor units as the wire's decimal string: 2900 -> ``"29.00"``."""
    sign = "-" if cents < 0 else ""
    return f"{sign}{abs(cents) // 100}.{abs(cents) % 100:02d}"


def money_number(cents: int) -> int | float:
    """Minor units as the wire's JSON number: 2900 -> ``29``, 2950 -> ``29.5``."""
    return cents // 100 if cents % 100 == 0 else cents / 100


def percent(part: float, whole: float, *, cap: bool = True) -> float | int:
    """``part / whole`` as a percentage (0-100 unless ``cap=False``), two decimals."""
    if whole <= 0:
        return 100 if part > 0 else 0
    value = max(0.0, part * 100.0 / whole)
    value = round(min(100.0, value) if cap else value, 2)
    return int(value) if value.is_integer() else value


# --- request bodies ------------------------------------------------------------------------


class Fields:
    """Typed, validated access to a JSON object body or a query string.

    Absent, ``null`` and ``""`` count as missing; a present value of the wrong type is a
    ``VALIDATION_ERROR``. Query strings arrive as text, so ``from_query`` parses numbers and
    booleans from it.
    """

    def __init__(self, values: Mapping[str, JSON], *, from_query: bool = False) -> None:
        self.values = values
        self.from_query = from_query

    def present(self, name: str) -> bool:
        """Whether ``name`` has a value (not absent, null or empty)."""
        value = self.values.get(name)
        return value is not None and value != ""

    def require(self, *names: str) -> None:
        """Raise ``MISSING_REQUIRED_FIELDS`` listing every absent name."""
        absent = [name for name in names if not self.present(name)]
        if absent:
            raise missing(*absent)

    def req_str(self, name: str) -> str:
        """A required string."""
        self.require(name)
        value = self.opt_str(name)
        assert value is not None
        return value

    def opt_str(self, name: str) -> str | None:
        """An optional string."""
        if not self.present(name):
            return None
        value = self.values[name]
        if not isinstance(value, str):
            raise invalid(f"{name} must be a string")
        if len(value) > 1000:
            raise invalid(f"{name} is too long (1000 characters at most)")
        return value

    def req_int(self, name: str, *, minimum: int = 0) -> int:
        """A required integer ``>= minimum``."""
        self.require(name)
        value = self.opt_int(name, minimum=minimum)
        assert value is not None
        return value

    def opt_int(self, name: str, *, minimum: int = 0) -> int | None:
        """An optional integer ``>= minimum`` (booleans and fractions are refused)."""
        if not self.present(name):
            return None
        value = self.values[name]
        if self.from_query and isinstance(value, str):
            value = _query_int(value)
        if isinstance(value, float) and value.is_integer() and not self.from_query:
            value = int(value)  # JSON 5.0 is the integer 5
        if isinstance(value, bool) or not isinstance(value, int):
            raise invalid(f"{name} must be an integer")
        if value < minimum or value > MAX_INT:
            raise invalid(f"{name} must be an integer between {minimum} and {MAX_INT}")
        return value

    def opt_bool(self, name: str) -> bool | None:
        """An optional boolean (``true``/``false`` in a query)."""
        if not self.present(name):
            return None
        value = self.values[name]
        if self.from_query and isinstance(value, str):
            lowered = value.lower()
            if lowered in ("true", "1"):
                return True
            if lowered in ("false", "0"):
                return False
        if not isinstance(value, bool):
            raise invalid(f"{name} must be a boolean")
        return value

    def opt_obj(self, name: str) -> dict[str, JSON] | None:
        """An optional JSON object (metadata)."""
        value = self.values.get(name)
        if value is None:
            return None
        if not isinstance(value, dict):
            raise invalid(f"{name} must be an object")
        return value

    def opt_list(self, name: str) -> list[JSON] | None:
        """An optional JSON array."""
        value = self.values.get(name)
        if value is None:
            return None
        if not isinstance(value, list):
            raise invalid(f"{name} must be an array")
        return value


def _query_int(text: str) -> int | str:
    stripped = text.strip()
    if _INT_RE.fullmatch(stripped):
        return int(stripped)
    return text
