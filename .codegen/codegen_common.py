"""What the .codegen scripts share: the operations of openapi.yaml and the command line."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

HTTP_METHODS = ("get", "put", "post", "delete", "patch", "head", "options", "trace")


class SpecError(Exception):
    """openapi.yaml says something a generated table cannot hold."""


def spec_operations(spec: Any) -> Iterator[tuple[str, str, Any]]:
    """(METHOD, path, operation) in the order of `paths` and of the methods inside each path."""
    for path, item in spec["paths"].items():
        for method, op in item.items():
            if method in HTTP_METHODS:
                yield method.upper(), str(path), op


def main(argv: list[str], usage: str, render: Callable[[Any], str]) -> int:
    """``script openapi.yaml OUT_FILE``: write ``render(spec)``; exit 1 with the reason on a SpecError."""
    if len(argv) != 3:
        print(usage, file=sys.stderr)
        return 2
    from ruamel.yaml import YAML  # here, so the tests can import the scripts without ruamel

    spec = YAML(typ="safe", pure=True).load(Path(argv[1]).read_text(encoding="utf-8"))
    try:
        text = render(spec)
    except SpecError as exc:
        print(f"{argv[1]}: {exc}", file=sys.stderr)
        return 1
    Path(argv[2]).write_text(text, encoding="utf-8")
    return 0
