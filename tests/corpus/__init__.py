"""Crovver's documented replies, verbatim, as test data (see README.md beside this file).

Each file under `replies/` is one ```json fence of Crovver's docs (`crovver/docs`), with where it
came from and which operation and status it answers. `extract.py` rebuilt them from the docs; the
tests read only these files.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

CORPUS = Path(__file__).resolve().parent
REPLIES = CORPUS / "replies"

# reply: a <ResponseExample> fence of an API reference page; envelope: a full reply on another page;
# partial: a reply shown without part of its envelope; fragment: an object that sits inside a reply;
# generic: the envelope templates of the API overview; webhook: an event Crovver POSTs to the user.
KINDS = ("reply", "envelope", "partial", "fragment", "generic", "webhook")


@dataclass(frozen=True)
class Reply:
    id: str  # the file's path under replies/, without .json; usable as a pytest id
    source: str  # docs page and fence label
    page: str
    line: int
    kind: str
    operation_id: str | None  # None only for the generic templates
    status: int | None  # None for webhooks and the generic templates
    label: str
    body: Any  # the parsed JSON; None when the fence is not valid JSON (see raw)
    raw: str | None = None
    note: str | None = None
    schema: str | None = None  # the component a partial, fragment or generic record is checked against
    part: str | None = None  # the key of `body` that is checked, when not the whole body

    @property
    def checked_value(self) -> Any:
        """The value the spec must accept: the body, or its `part`."""
        return self.body if self.part is None else self.body[self.part]


@functools.cache
def load_replies() -> tuple[Reply, ...]:
    replies = []
    for path in sorted(REPLIES.rglob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        reply = Reply(id=path.relative_to(REPLIES).with_suffix("").as_posix(), **record)
        if reply.kind not in KINDS:
            raise ValueError(f"{path}: unknown kind {reply.kind!r}")
        replies.append(reply)
    return tuple(replies)


def webhooks() -> tuple[Reply, ...]:
    """The outgoing webhook events shown in the guides."""
    return tuple(r for r in load_replies() if r.kind == "webhook")
