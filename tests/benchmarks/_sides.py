"""The three sides every per-call row compares, and the organization they call.

- **sdk**: ``CrovverClient``, as a user calls it.
- **lean**: what a careful engineer writes by hand with httpx: one ``httpx.Client`` with the
  headers set once, each URL built once (an ``httpx.URL``), ``json.loads`` of the body and the
  envelope check the SDK makes (status 2xx, ``success`` true, ``data`` present). The goals are
  against this side.
- **naive**: the first hand-written baseline ``make bench`` had: headers merged and an f-string
  URL parsed on every call, ``raise_for_status``, no envelope check. Kept for comparison.

Only httpx and the standard library are imported here, so a fresh plain-httpx process (the RSS
row) can use the very same lean code without loading the SDK.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import httpx

if TYPE_CHECKING:
    from crovver_ext import CrovverClient

TENANT = "ws_active"
FEATURE = "advanced_analytics"
POOL = "api_calls"
CAN_ACCESS_PATH = "/api/public/can-access"
CONSUME_PATH = "/api/public/credits/consume"
PLANS_PATH = "/api/public/plans"

# The organization the bench adds to the built-in seed: only plans, for the large get_plans reply.
BENCH_ORG = "org_bench"
BENCH_SECRET_KEY = "sk_test_local_bench_secret_key"
BENCH_PLANS = 200

Calls = dict[str, Callable[[], object]]
OPERATIONS = ("can_access", "consume", "get_plans")


def bench_seed(plans: int = BENCH_PLANS) -> dict[str, Any]:
    """The built-in seed plus ``org_bench``: ``plans`` plans cycling through the demo org's four."""
    from crovver_ext.testing import default_seed

    seed = default_seed()
    demo = seed["organizations"][0]
    product_ids = {p["id"]: f"{p['id']}_bench" for p in demo["products"]}
    templates = demo["plans"]
    seed["organizations"].append(
        {
            "id": BENCH_ORG,
            "name": "Bench Many Plans Ltd.",
            "type": "b2b",
            "secretKey": BENCH_SECRET_KEY,
            "publicKey": "pk_test_local_bench_public_key",
            "paymentProviders": [
                {"id": "pp_stripe_bench", "type": "stripe", "name": "Stripe", "isActive": True}
            ],
            "products": [
                {**p, "id": product_ids[p["id"]], "slug": f"{p['slug']}-bench"} for p in demo["products"]
            ],
            "plans": [
                {
                    **templates[i % len(templates)],
                    "id": f"plan_bench_{i:03d}",
                    "name": f"Bench plan {i}",
                    "productId": product_ids[templates[i % len(templates)]["productId"]],
                }
                for i in range(plans)
            ],
            "addons": [],
            "tenants": [],
        }
    )
    return seed


def _consume_body() -> dict[str, Any]:
    return {"tenantId": TENANT, "poolKey": POOL, "amount": 1, "idempotencyKey": str(uuid.uuid4())}


CAN_ACCESS_BODY = {"requestingEntityId": TENANT, "featureKey": FEATURE}


def naive_calls(http: httpx.Client, base_url: str, key: str) -> Calls:
    """The old baseline: per-call header merge and URL parse, ``raise_for_status``, no envelope check."""
    headers = {"Authorization": f"Bearer {key}"}

    def can_access() -> object:
        r = http.post(f"{base_url}{CAN_ACCESS_PATH}", json=CAN_ACCESS_BODY, headers=headers)
        r.raise_for_status()
        return json.loads(r.content)["data"]["canAccess"]

    def consume() -> object:
        r = http.post(f"{base_url}{CONSUME_PATH}", json=_consume_body(), headers=headers)
        r.raise_for_status()
        return json.loads(r.content)["data"]

    def get_plans() -> object:
        r = http.get(f"{base_url}{PLANS_PATH}", headers=headers)
        r.raise_for_status()
        return json.loads(r.content)["data"]["plans"]

    return {"can_access": can_access, "consume": consume, "get_plans": get_plans}


class BadEnvelope(Exception):
    """The lean side's answer to a reply the SDK would also refuse."""


def envelope_data(response: httpx.Response) -> Any:
    """The SDK's envelope check, written the short way: 2xx, ``success`` true, ``data`` present."""
    envelope = json.loads(response.content)
    if not (
        200 <= response.status_code < 300
        and isinstance(envelope, dict)
        and envelope.get("success") is True
        and "data" in envelope
    ):
        raise BadEnvelope(f"HTTP {response.status_code}: {response.content[:200]!r}")
    return envelope["data"]


def lean_http(key: str, transport: httpx.BaseTransport | None = None) -> httpx.Client:
    """The lean side's client: the auth header set once, on the client."""
    return httpx.Client(headers={"Authorization": f"Bearer {key}"}, transport=transport)


def lean_calls(http: httpx.Client, base_url: str) -> Calls:
    """Careful hand-written calls: URLs built once, the client's headers, one parse, the envelope check."""
    can_access_url = httpx.URL(base_url + CAN_ACCESS_PATH)
    consume_url = httpx.URL(base_url + CONSUME_PATH)
    plans_url = httpx.URL(base_url + PLANS_PATH)

    def can_access() -> object:
        return envelope_data(http.post(can_access_url, json=CAN_ACCESS_BODY))["canAccess"]

    def consume() -> object:
        return envelope_data(http.post(consume_url, json=_consume_body()))

    def get_plans() -> object:
        return envelope_data(http.get(plans_url))["plans"]

    return {"can_access": can_access, "consume": consume, "get_plans": get_plans}


def sdk_calls(client: CrovverClient) -> Calls:
    return {
        "can_access": lambda: client.can_access(TENANT, FEATURE),
        "consume": lambda: client.credits.consume(
            tenant_id=TENANT, pool_key=POOL, amount=1, idempotency_key=str(uuid.uuid4())
        ),
        "get_plans": client.get_plans,
    }


# ---- in process: the local Crovver's replies, replayed ----------------------------------------

Recorded = dict[str, tuple[int, dict[str, str], bytes]]
KEPT_HEADERS = ("content-type", "x-request-id")


def record_replies(
    base_url: str, key: str, paths: tuple[str, ...] = (CAN_ACCESS_PATH, CONSUME_PATH, PLANS_PATH)
) -> Recorded:
    """One real reply per path from the running local Crovver (status, headers, body)."""
    bodies = {CAN_ACCESS_PATH: CAN_ACCESS_BODY, CONSUME_PATH: _consume_body()}
    recorded: Recorded = {}
    with lean_http(key) as http:
        for path in paths:
            body = bodies.get(path)
            r = http.post(base_url + path, json=body) if body else http.get(base_url + path)
            envelope_data(r)  # a bench on top of an error reply would measure nothing useful
            headers = {k: v for k, v in r.headers.items() if k in KEPT_HEADERS}
            recorded[path] = (r.status_code, headers, r.content)
    return recorded


def replay_transport(recorded: Recorded) -> httpx.MockTransport:
    """An in-process transport answering each path with its recorded reply: no server work at all,
    so the two sides differ only in what the client does."""

    def handler(request: httpx.Request) -> httpx.Response:
        status, headers, content = recorded[request.url.path]
        return httpx.Response(status, headers=headers, content=content)

    return httpx.MockTransport(handler)


def save_replies(recorded: Recorded, path: Path) -> None:
    """Write replies for a fresh process (the bodies are JSON text, so they travel as text)."""
    data = {p: [status, headers, body.decode()] for p, (status, headers, body) in recorded.items()}
    path.write_text(json.dumps(data), encoding="utf-8")


def load_replies(path: str | Path) -> Recorded:
    data = json.loads(Path(path).read_text(encoding="utf-8"))
    return {p: (status, headers, body.encode()) for p, (status, headers, body) in data.items()}
