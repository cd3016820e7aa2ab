"""Crovver's documented replies (tests/corpus/replies) are the test of truth for openapi.yaml."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest

from tests.contract.test_generated import assert_parses_without_loss
from tests.corpus import CORPUS, KINDS, Reply, load_replies, webhooks
from tests.spec import load_spec, operations, ref_name, resolve, response_schema_name, validator_for

REPLIES = load_replies()
PARSED = [r for r in REPLIES if r.body is not None]
ANSWERS = [r for r in PARSED if r.kind in ("reply", "envelope") and r.status is not None and r.status < 300]

# The operations the docs give no reply example for; their schemas come from the clients' types.
UNDOCUMENTED_OPERATIONS = {"get_subscriptions", "get_invoices", "get_supported_providers"}

# What a documented reply cannot do without: removing any other key keeps it valid. These are the
# envelope, ids, and each reply's answer (see the `required` lists of openapi.yaml).
ESSENTIAL_KEYS = {
    "success",
    "data",
    # ids
    "id",
    "externalTenantId",
    "externalUserId",
    "subscriptionId",
    "purchaseId",
    "prorationId",
    "poolKey",
    "pool_key",
    "provider_type",
    # the answers
    "tenant",
    "tenants",
    "plans",
    "allocations",
    "canAccess",
    "active",
    "status",
    "result",
    "total",
    "addon_remaining",
    "token",
    "allowed",
    "activeCount",
    "requiresPayment",
    "allocated",
    "skipped",
    "rejected",
    # money is meaningless without its currency; a proration quote is its amount
    "currency",
    "amount",
}


def _ids(replies: list[Reply]) -> list[str]:
    return [r.id for r in replies]


def _operation(operation_id: str) -> dict[str, Any]:
    for _, _, op in operations():
        if op["operationId"] == operation_id:
            return op
    for item in load_spec()["webhooks"].values():
        if item["post"]["operationId"] == operation_id:
            return dict(item["post"])
    raise KeyError(operation_id)


def schema_of(reply: Reply) -> str:
    """The component schema the reply (or its checked part) must match."""
    if reply.schema is not None:
        return reply.schema
    assert reply.operation_id is not None
    op = _operation(reply.operation_id)
    if reply.kind == "webhook":
        return ref_name(op["requestBody"]["content"]["application/json"]["schema"])
    assert reply.status is not None
    return response_schema_name(op, reply.status)


@pytest.mark.parametrize("reply", PARSED, ids=_ids(PARSED))
def test_every_documented_reply_validates_against_the_spec(reply: Reply) -> None:
    errors = sorted(
        validator_for(schema_of(reply)).iter_errors(reply.checked_value), key=lambda e: list(e.path)
    )
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors]


@pytest.mark.parametrize("reply", PARSED, ids=_ids(PARSED))
def test_every_documented_field_is_declared_and_read_with_its_type(reply: Reply) -> None:
    # The generated model reads every key of the reply into a declared, correctly typed field.
    assert_parses_without_loss(schema_of(reply), reply.checked_value)


def _statused(replies: list[Reply]) -> list[Reply]:
    return [r for r in replies if r.operation_id is not None and r.status is not None]


@pytest.mark.parametrize("reply", _statused(PARSED), ids=_ids(_statused(PARSED)))
def test_every_documented_status_is_declared_with_the_right_error_form(reply: Reply) -> None:
    assert reply.operation_id is not None
    responses = _operation(reply.operation_id)["responses"]
    assert str(reply.status) in responses, "a documented status must not fall through to `default`"
    error = reply.body.get("error") if reply.status is not None and reply.status >= 400 else None
    if isinstance(error, str):
        # The response's description must warn of the plain-string form.
        assert ref_name(responses[str(reply.status)]).endswith("String")


def _refs(node: Any) -> Iterator[str]:
    """Every component name a schema reaches."""
    if isinstance(node, dict):
        if "$ref" in node:
            yield ref_name(node)
            yield from _refs(resolve(node))
            return
        for value in node.values():
            yield from _refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from _refs(value)


@pytest.mark.parametrize("reply", [r for r in PARSED if r.schema], ids=_ids([r for r in PARSED if r.schema]))
def test_a_part_is_checked_against_a_schema_its_operation_uses(reply: Reply) -> None:
    if reply.operation_id is None:  # the overview's templates stand for every operation
        for _, _, op in operations():
            assert ref_name(op["responses"]["default"]) == "Error"
            assert reply.schema == response_schema_name(op, 599)
        return
    assert reply.status is not None
    envelope = response_schema_name(_operation(reply.operation_id), reply.status)
    assert reply.schema in set(_refs({"$ref": f"#/components/schemas/{envelope}"}))


def test_the_docs_document_every_operation_but_three() -> None:
    documented = {r.operation_id for r in REPLIES if r.kind == "reply"}
    every = {op["operationId"] for _, _, op in operations()}
    assert documented == every - UNDOCUMENTED_OPERATIONS


def test_the_corpus_has_the_webhook_event_of_the_guide() -> None:
    [event] = webhooks()
    assert event.page == "guides/outgoing-webhooks.mdx"
    assert schema_of(event) == "WebhookEvent"


def test_sources_json_counts_the_committed_records() -> None:
    sources = json.loads((CORPUS / "sources.json").read_text(encoding="utf-8"))
    assert sources["records"] == len(REPLIES)
    assert sum(sources["by_kind"].values()) == len(REPLIES)
    for kind, count in sources["by_kind"].items():
        assert count == sum(1 for r in REPLIES if r.kind == kind), kind
    pages: dict[str, dict[str, int]] = {}
    for r in REPLIES:
        status = "-" if r.status is None else str(r.status)
        pages.setdefault(r.page, {}).setdefault(status, 0)
        pages[r.page][status] += 1
    assert sources["pages"] == pages


def test_records_are_well_formed() -> None:
    assert len({r.id for r in REPLIES}) == len(REPLIES)
    for r in REPLIES:
        assert r.kind in KINDS
        assert r.source.startswith(r.page + " ```json"), r.id
        assert (r.body is None) == (r.raw is not None), r.id
        if r.raw is not None:
            assert r.note and "not valid json" in r.note.lower(), r.id
        if r.kind in ("reply", "envelope", "partial", "fragment"):
            assert r.operation_id is not None and isinstance(r.status, int), r.id
        if r.part is not None:
            assert r.schema is not None and isinstance(r.body, dict) and r.part in r.body, r.id
    # One reply per <ResponseExample> fence of the API reference (see README.md, "Completeness").
    assert sum(1 for r in REPLIES if r.kind == "reply") == 50


def _without_each_key(
    value: Any, path: tuple[str | int, ...] = ()
) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """(path of the removed key, a copy of `value` without it) for every object key, at any depth."""
    if isinstance(value, dict):
        for key in value:
            trimmed = dict(value)
            del trimmed[key]
            yield (*path, key), trimmed
            for inner_path, inner in _without_each_key(value[key], (*path, key)):
                yield inner_path, {**value, key: inner}
    elif isinstance(value, list):
        for i, item in enumerate(value):
            for inner_path, inner in _without_each_key(item, (*path, i)):
                yield inner_path, [*value[:i], inner, *value[i + 1 :]]


@pytest.mark.parametrize("reply", ANSWERS, ids=_ids(ANSWERS))
def test_only_ids_and_answers_are_required(reply: Reply) -> None:
    validator = validator_for(schema_of(reply))
    needed = {
        path
        for path, trimmed in _without_each_key(copy.deepcopy(reply.body))
        if not validator.is_valid(trimmed)
    }
    assert {path[-1] for path in needed} <= ESSENTIAL_KEYS, sorted(needed, key=str)


def test_every_essential_key_is_needed_by_some_documented_reply() -> None:
    # ESSENTIAL_KEYS lists nothing the spec does not actually require.
    needed: set[str | int] = set()
    for reply in ANSWERS:
        validator = validator_for(schema_of(reply))
        needed |= {
            path[-1] for path, trimmed in _without_each_key(reply.body) if not validator.is_valid(trimmed)
        }
    assert needed == ESSENTIAL_KEYS


def _closed_objects(node: Any, where: str) -> Iterator[str]:
    if isinstance(node, dict):
        for key in ("additionalProperties", "unevaluatedProperties"):
            if node.get(key) is False:
                yield where
        for key, value in node.items():
            yield from _closed_objects(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from _closed_objects(value, f"{where}/{i}")


def test_no_schema_refuses_unknown_properties() -> None:
    assert not list(_closed_objects(load_spec(), "#"))
