"""Request validation by the spec: openapi.yaml's request schemas (generated into
``crovver_api.request_schemas``), checked with jsonschema before any handler runs.

So the local Crovver refuses exactly what the spec calls invalid: a required field absent (or
``null``/``""``) is 400 ``MISSING_REQUIRED_FIELDS``, anything else the schema rejects is 400
``VALIDATION_ERROR``. Query strings arrive as text, so integer and boolean parameters are read
from their text first (``"5"`` is 5, ``"true"`` is true; anything else stays text and fails).
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Mapping
from typing import Any, Protocol

from crovver_api.request_schemas import REQUEST_SCHEMAS

from ._wire import ApiError, invalid, missing

_QUERY_INT = re.compile(r"-?[0-9]{1,19}")
_MESSAGE_LIMIT = 200


class _SchemaError(Protocol):
    validator: str
    message: str
    absolute_path: Iterable[str | int]


class _Validator(Protocol):
    def iter_errors(self, instance: Any) -> Iterable[_SchemaError]: ...


def _compile(schema: Mapping[str, Any]) -> _Validator:
    try:
        from jsonschema import Draft202012Validator  # type: ignore[import-untyped]
    except ImportError as exc:  # pragma: no cover - the local extra installs it
        raise RuntimeError(
            "the local Crovver validates requests with jsonschema: pip install 'crovver[local]'"
        ) from exc
    validator: _Validator = Draft202012Validator(schema)
    return validator


class RequestValidator:
    """Validators for every operation's body, query and path, compiled on first use."""

    def __init__(self) -> None:
        _compile({})  # fail at construction, not on the first request, when jsonschema is missing
        self._lock = threading.Lock()
        self._compiled: dict[tuple[str, str], _Validator] = {}

    def _validator(self, operation_id: str, part: str) -> _Validator | None:
        schema = REQUEST_SCHEMAS[operation_id][part]
        if schema is None:
            return None
        key = (operation_id, part)
        with self._lock:
            found = self._compiled.get(key)
            if found is None:
                found = self._compiled[key] = _compile(schema)
        return found

    def check(
        self,
        operation_id: str,
        params: list[str],
        query: Mapping[str, str],
        body: Mapping[str, Any] | None,
    ) -> None:
        """Raise the API's 400 ``ApiError`` for a request the spec does not allow."""
        schemas = REQUEST_SCHEMAS[operation_id]
        path_values = dict(zip(schemas["path_names"], params, strict=True))
        self._check_part(operation_id, "path", path_values)
        declared = schemas["query"]["properties"]
        query_values = {
            name: _from_text(value, declared[name]) for name, value in query.items() if name in declared
        }
        self._check_part(operation_id, "query", query_values)
        if body is not None:
            self._check_part(operation_id, "body", body)

    def _check_part(self, operation_id: str, part: str, value: Mapping[str, Any]) -> None:
        validator = self._validator(operation_id, part)
        if validator is None:
            return
        schema = REQUEST_SCHEMAS[operation_id][part]
        # Absent, null and "" are all "missing" for a required field (the API's own wording).
        absent = [name for name in schema.get("required", []) if value.get(name) in (None, "")]
        if absent:
            raise missing(*absent)
        errors = sorted(validator.iter_errors(value), key=lambda e: [str(p) for p in e.absolute_path])
        if not errors:
            return
        first = errors[0]
        if first.validator == "required" and not list(first.absolute_path):  # a conditional one (if/then)
            names = [
                m for e in errors if e.validator == "required" for m in re.findall(r"'([^']*)'", e.message)
            ]
            raise missing(*dict.fromkeys(names[:1] or ["?"]))
        raise _invalid_at(part, list(first.absolute_path), first.message)


def _from_text(text: str, schema: Mapping[str, Any]) -> Any:
    """A query value as the JSON type its schema wants, when the text spells one."""
    kind = schema.get("type")
    if kind == "integer" and _QUERY_INT.fullmatch(text):
        return int(text)
    if kind == "boolean" and text in ("true", "false"):
        return text == "true"
    return text


def _invalid_at(part: str, path: list[str | int], message: str) -> ApiError:
    """``VALIDATION_ERROR`` naming the place, e.g. ``body.users[0].externalUserId: ...``."""
    location = part + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in path)
    if len(message) > _MESSAGE_LIMIT:
        message = message[: _MESSAGE_LIMIT - 3] + "..."
    return invalid(f"{location}: {message}")
