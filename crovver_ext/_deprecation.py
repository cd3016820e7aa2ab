"""Deprecated operations and the warning they raise."""

from __future__ import annotations

import warnings
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, TypeVar

F = TypeVar("F", bound=Callable[..., object])

# operationId in openapi.yaml -> the replacement; a test checks this equals the spec's deprecated set.
DEPRECATED_OPERATIONS: Mapping[str, str] = {
    "record_usage": "credits.consume",
    "check_usage_limit": "credits.balance",
}
REMOVED_IN = "1.0"


class CrovverDeprecationWarning(DeprecationWarning):
    """A Crovver SDK method you call is deprecated; the message names its replacement."""


def message(operation: str) -> str:
    return (
        f"{operation}() is deprecated and will be removed in crovver {REMOVED_IN}: "
        f"use {DEPRECATED_OPERATIONS[operation]}() instead."
    )


def warn(operation: str) -> None:
    # stacklevel 3: warn() <- the deprecated method <- the caller's line.
    warnings.warn(message(operation), CrovverDeprecationWarning, stacklevel=3)


if TYPE_CHECKING:
    from typing_extensions import deprecated as deprecated
else:

    def deprecated(msg: str) -> Callable[[F], F]:
        """Marks a method for type checkers only (PEP 702); the runtime warning is ``warn``."""

        def mark(func: F) -> F:
            return func

        return mark
