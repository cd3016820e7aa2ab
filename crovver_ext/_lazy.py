"""Deferred imports that keep ``import crovver_ext`` light."""

from __future__ import annotations

import importlib
from typing import Any


class LazyModule:
    """Stands in for a module until its first attribute is used, then replaces itself.

    ``adapter = LazyModule("crovver_ext._adapter", globals(), "adapter")`` imports the adapter
    (and, through it, attrs and the models) on the first call instead of at import time; after
    that the importer's global is the real module, so later calls pay nothing extra.
    """

    def __init__(self, name: str, namespace: dict[str, Any], alias: str) -> None:
        self._name = name
        self._namespace = namespace
        self._alias = alias

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self._name)
        self._namespace[self._alias] = module
        return getattr(module, attribute)
