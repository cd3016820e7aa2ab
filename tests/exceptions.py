"""Test helpers about exceptions."""

from __future__ import annotations


def exception_chain(error: BaseException) -> list[BaseException]:
    """``error`` and every exception reachable through ``__cause__``/``__context__``, once each."""
    seen: list[BaseException] = []
    pending: list[BaseException | None] = [error]
    while pending:
        exc = pending.pop()
        if exc is None or any(exc is s for s in seen):
            continue
        seen.append(exc)
        pending += [exc.__cause__, exc.__context__]
    return seen
