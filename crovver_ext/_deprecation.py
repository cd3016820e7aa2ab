"""Deprecated operations and the warning they raise."""

from __future__ import annotations

import functools
import warnings
from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import TYPE_CHECKING, TypeVar

F = TypeVar("F", bound=Callable[..., object])

REMOVED_IN = "1.0"


@functools.cache
def deprecated_operations() -> Mapping[str, str]:
    """operationId -> the facade method replacing it: openapi.yaml's ``deprecated: true`` operations
    and their ``x-crovver-replacement``, read from the generated operation table."""
    # Imported on first use: crovver_api loads the generated client, which `import crovver_ext` defers.
    from crovver_api.operations import OPERATIONS

    return MappingProxyType(
        {op.operation_id: op.replacement for op in OPERATIONS.values() if op.replacement is not None}
    )


class CrovverDeprecationWarning(DeprecationWarning):
    """A Crovver SDK method you call is deprecated; the message names its replacement."""


def message(operation: str) -> str:
    return (
        f"{operation}() is deprecated and will be removed in crovver {REMOVED_IN}: "
        f"use {deprecated_operations()[operation]}() instead."
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
