"""Rebuild (or check) the corpus from a checkout of Crovver's docs repository.

    python -m tests.corpus.extract DOCS_DIR           # rewrite tests/corpus/replies and sources.json
    python -m tests.corpus.extract DOCS_DIR --check   # exit 1 if the corpus differs from the docs

DOCS_DIR is a work tree of `crovver/docs` (for the bare mirror: `git -C MIRROR archive HEAD | tar x`).
The tests never run this: they read the committed JSON files, because CI has no copy of the docs.

Every ```json fence of every page is accounted for: a fence inside `<ResponseExample>` on an API
reference page becomes a `reply` record (its operation comes from the page's `api:` front matter);
every other fence must be listed in `OTHER_FENCES`, as a record or as skipped with the reason. A
fence this script does not know about is an error, so a docs update cannot slip past `--check`.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

CORPUS = Path(__file__).resolve().parent
REPLIES = CORPUS / "replies"
SOURCES = CORPUS / "sources.json"
SPEC = CORPUS.parent.parent / "openapi.yaml"

_FENCE = re.compile(r"^(?P<indent>\s*)```(?P<lang>[A-Za-z]*)[ \t]*(?P<label>.*?)\s*$")
_STATUS = re.compile(r"^(?P<status>[1-5][0-9][0-9])\b\s*(?P<label>.*)$")

# The Mintlify starter pages (theme settings, navigation): their JSON is docs.json configuration.
TEMPLATE_FOLDERS = ("essentials/",)

# Every ```json fence outside a <ResponseExample>, by (page, n-th json fence of the page, from 1).
# A dict is a record (kind, operation_id, status, note, and for a part of a reply `schema` + `part`);
# a string is the reason the fence is not a reply.
OTHER_FENCES: dict[tuple[str, int], dict[str, Any] | str] = {
    ("api-reference/overview.mdx", 1): {
        "kind": "generic",
        "operation_id": None,
        "status": None,
        "note": "The envelope template of every reply, with `{ ... }` placeholders.",
    },
    ("api-reference/overview.mdx", 2): {
        "kind": "generic",
        "operation_id": None,
        "status": None,
        "schema": "ErrorEnvelope",
        "note": "The error envelope template of every operation.",
    },
    ("concepts/credits.mdx", 1): {
        "kind": "envelope",
        "operation_id": "get_credit_balance",
        "status": 200,
        "note": "Shown after `GET /api/public/credits/balance?tenantId=workspace_123`.",
    },
    ("concepts/credits.mdx", 2): {
        "kind": "partial",
        "operation_id": "check_usage_limit",
        "status": 200,
        "schema": "CheckUsageLimitData",
        "part": "data",
        "note": (
            "Shown after a check-usage-limit request that sends `metricKey`: no `success` and no "
            "`metric`. Only its `data` is checked, against the operation's data schema."
        ),
    },
    ("concepts/entitlements.mdx", 1): {
        "kind": "envelope",
        "operation_id": "can_access",
        "status": 200,
        "note": "Shown after the GET form `GET /api/public/can-access?publicKey=...`; the SDK POSTs.",
    },
    ("concepts/plans.mdx", 1): {
        "kind": "fragment",
        "operation_id": "get_plans",
        "status": 200,
        "schema": "PlanFeatures",
        "part": "features",
        "note": "A plan's `features` map, shown alone.",
    },
    ("concepts/plans.mdx", 2): {
        "kind": "fragment",
        "operation_id": "get_plans",
        "status": 200,
        "schema": "PlanLimits",
        "part": "limits",
        "note": "A plan's `limits` map, shown alone.",
    },
    ("concepts/subscriptions.mdx", 1): {
        "kind": "fragment",
        "operation_id": "get_subscription_status",
        "status": 200,
        "schema": "StatusSubscription",
        "note": (
            "'Subscription Fields': a flat camelCase subscription, the shape of the status reply's "
            "`data.subscription` with more fields."
        ),
    },
    ("guides/checkout-flow.mdx", 1): {
        "kind": "envelope",
        "operation_id": "create_checkout_token",
        "status": 201,
        "note": "The guide shows no status and no `meta`; 201 is the API reference page's.",
    },
    ("guides/outgoing-webhooks.mdx", 1): {
        "kind": "webhook",
        "operation_id": "receive_subscription_event",
        "status": None,
        "note": "'Event Envelope': the body Crovver POSTs to the user's endpoint.",
    },
    ("concepts/addons.mdx", 1): "a row of the `addon_pricing` table (dashboard data), not a reply",
    ("concepts/subscriptions.mdx", 2): "a row of the `subscription_events` audit table, not a reply",
    ("concepts/tenants.mdx", 1): "tenant columns with `//` comments (not JSON), not a reply",
    ("concepts/tenants.mdx", 2): "tenant owner columns, not a reply",
    (
        "guides/seat-based-billing.mdx",
        1,
    ): "a seat-based plan's dashboard settings with `//` comments, not a reply",
    ("quickstart.mdx", 1): "the dashboard's plan form (price_amount, trial_days), not a reply",
}


@dataclass
class Fence:
    page: str
    line: int
    ordinal: int  # n-th json fence of the page
    label: str  # the text after ```json
    text: str
    in_response_example: bool


def json_fences(page: str, content: str) -> list[Fence]:
    fences: list[Fence] = []
    lines = content.split("\n")
    in_example = False
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<ResponseExample>" in line:
            in_example = True
        if "</ResponseExample>" in line:
            in_example = False
        match = _FENCE.match(line)
        if match is None:
            i += 1
            continue
        end = i + 1
        while end < len(lines) and not re.match(r"^\s*```\s*$", lines[end]):
            end += 1
        if match["lang"].lower() == "json":
            text = textwrap.dedent("\n".join(lines[i + 1 : end]))
            fences.append(Fence(page, i + 1, len(fences) + 1, match["label"], text, in_example))
        i = end + 1
    return fences


def _front_matter_api(content: str) -> tuple[str, str] | None:
    match = re.search(r"^api:\s*(GET|POST|PUT|PATCH|DELETE)\s+(\S+)\s*$", content, re.MULTILINE)
    return None if match is None else (match[1].lower(), match[2])


def _operation_ids() -> dict[tuple[str, str], str]:
    spec = yaml.safe_load(SPEC.read_text(encoding="utf-8"))
    return {
        (method, path): op["operationId"]
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def _with_body(record: dict[str, Any], text: str) -> dict[str, Any]:
    try:
        record["body"] = json.loads(text)
    except json.JSONDecodeError as e:
        record["body"] = None
        record["raw"] = text
        record["note"] = (record.get("note", "") + f" Not valid JSON ({e.msg}): kept as raw text.").strip()
    return record


def build(docs: Path) -> tuple[dict[str, dict[str, Any]], dict[str, Any]]:
    """(file name under replies/ -> record, sources.json content)."""
    operations = _operation_ids()
    records: dict[str, dict[str, Any]] = {}
    skipped: list[dict[str, Any]] = []
    template_fences = 0
    unknown: list[str] = []
    for path in sorted(docs.rglob("*.mdx")):
        page = path.relative_to(docs).as_posix()
        content = path.read_text(encoding="utf-8")
        fences = json_fences(page, content)
        if page.startswith(TEMPLATE_FOLDERS):
            template_fences += len(fences)
            continue
        api = _front_matter_api(content)
        for fence in fences:
            stem = f"{page.removesuffix('.mdx')}/{fence.ordinal}"
            if fence.in_response_example and page.startswith("api-reference/"):
                match = _STATUS.match(fence.label)
                if match is None or api is None:
                    unknown.append(f"{page}:{fence.line} (no status in {fence.label!r} or no api: line)")
                    continue
                status, label = int(match["status"]), match["label"]
                record: dict[str, Any] = {
                    "source": f"{page} ```json {fence.label}",
                    "page": page,
                    "line": fence.line,
                    "kind": "reply",
                    "operation_id": operations[api],
                    "status": status,
                    "label": label,
                }
                name = f"{stem}-{status}" + (f"-{_slug(label)}" if label else "")
                records[name] = _with_body(record, fence.text)
                continue
            known = OTHER_FENCES.get((page, fence.ordinal))
            if known is None:
                unknown.append(f"{page}:{fence.line} (json fence #{fence.ordinal}, not in OTHER_FENCES)")
            elif isinstance(known, str):
                skipped.append({"page": page, "line": fence.line, "reason": known})
            else:
                record = {
                    "source": f"{page} ```json"
                    + (f" {fence.label}" if fence.label else "")
                    + f" (#{fence.ordinal})",
                    "page": page,
                    "line": fence.line,
                    "kind": known["kind"],
                    "operation_id": known["operation_id"],
                    "status": known["status"],
                    "label": fence.label,
                }
                for key in ("schema", "part", "note"):
                    if key in known:
                        record[key] = known[key]
                name = f"{stem}-{known['kind']}" + (f"-{known['status']}" if known["status"] else "")
                records[name] = _with_body(record, fence.text)
    if unknown:
        raise SystemExit("json fences this script does not know about:\n  " + "\n  ".join(unknown))
    return records, _sources(docs, records, skipped, template_fences)


def _sources(
    docs: Path, records: dict[str, dict[str, Any]], skipped: list[dict[str, Any]], template_fences: int
) -> dict[str, Any]:
    by_kind: dict[str, int] = {}
    by_page: dict[str, dict[str, int]] = {}
    for record in records.values():
        by_kind[record["kind"]] = by_kind.get(record["kind"], 0) + 1
        statuses = by_page.setdefault(record["page"], {})
        status = "-" if record["status"] is None else str(record["status"])
        statuses[status] = statuses.get(status, 0) + 1
    return {
        "docs_repository": "crovver/docs",
        "docs_commit": _commit(docs),
        "records": len(records),
        "by_kind": dict(sorted(by_kind.items())),
        "pages": dict(sorted(by_page.items())),
        "skipped_fences": skipped,
        "template_fences_ignored": {"folders": list(TEMPLATE_FOLDERS), "count": template_fences},
    }


def _commit(docs: Path) -> str | None:
    marker = docs / ".docs-commit"  # written next to an archive extract, which has no .git
    if marker.exists():
        return marker.read_text().strip()
    try:
        out = subprocess.run(["git", "-C", str(docs), "rev-parse", "HEAD"], capture_output=True, text=True)
    except OSError:
        return None
    return out.stdout.strip() or None


def _dump(value: Any) -> str:
    return json.dumps(value, indent=2, ensure_ascii=False) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("docs", type=Path, help="a work tree of crovver/docs")
    parser.add_argument("--check", action="store_true", help="compare instead of writing")
    args = parser.parse_args(argv)
    records, sources = build(args.docs)
    wanted = {f"{name}.json": _dump(record) for name, record in records.items()}
    have = {p.relative_to(REPLIES).as_posix(): p.read_text(encoding="utf-8") for p in REPLIES.rglob("*.json")}
    if args.check:
        problems = [f"missing {n}" for n in sorted(set(wanted) - set(have))]
        problems += [f"not in the docs {n}" for n in sorted(set(have) - set(wanted))]
        problems += [f"differs {n}" for n in sorted(set(wanted) & set(have)) if wanted[n] != have[n]]
        committed = json.loads(SOURCES.read_text(encoding="utf-8")) if SOURCES.exists() else None
        if committed != sources:
            problems.append("sources.json differs")
        print("\n".join(problems) or f"corpus matches the docs: {len(wanted)} records")
        return 1 if problems else 0
    for name in set(have) - set(wanted):
        (REPLIES / name).unlink()
    for name, text in wanted.items():
        target = REPLIES / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
    SOURCES.write_text(_dump(sources), encoding="utf-8")
    print(f"wrote {len(wanted)} records from {len(sources['pages'])} pages")
    return 0


if __name__ == "__main__":
    sys.exit(main())
