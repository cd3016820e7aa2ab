"""Keys: secret, public, missing, wrong, and a public key where only a secret key will do."""

from __future__ import annotations

import httpx
import pytest

from crovver_ext.testing import D2C_PUBLIC_KEY, LocalCrovver
from tests.emulator.helpers import conform_hook
from tests.emulator.samples import PUBLIC_OPERATIONS, SAMPLES
from tests.spec import operations

OPS = sorted(SAMPLES)


def _send(client: httpx.Client, op: str) -> httpx.Response:
    method, path, body = SAMPLES[op]
    return client.request(method, path, json=body)


def _code(response: httpx.Response) -> str:
    error = response.json()["error"]
    return str(error["code"])


def test_samples_cover_every_operation() -> None:
    assert set(SAMPLES) == {op["operationId"] for _, _, op in operations()}


@pytest.mark.parametrize("op", OPS)
def test_secret_key_may_do_everything(api: httpx.Client, op: str) -> None:
    assert _send(api, op).status_code in (200, 201)


@pytest.mark.parametrize("op", OPS)
def test_public_key_reads_only(public: httpx.Client, op: str) -> None:
    response = _send(public, op)
    if op in PUBLIC_OPERATIONS:
        assert response.status_code in (200, 201), response.text
    else:
        assert response.status_code == 403
        assert _code(response) == "INSUFFICIENT_PERMISSIONS"


@pytest.mark.parametrize("op", OPS)
def test_missing_key(anon: httpx.Client, op: str) -> None:
    response = _send(anon, op)
    if op in PUBLIC_OPERATIONS:
        assert (response.status_code, _code(response)) == (400, "MISSING_PUBLIC_KEY")
    else:
        assert (response.status_code, _code(response)) == (401, "INVALID_SERVICE_KEY")


@pytest.mark.parametrize("op", OPS)
def test_wrong_secret_key(local: LocalCrovver, op: str) -> None:
    with httpx.Client(
        base_url=local.base_url,
        headers={"Authorization": "Bearer sk_test_nope"},
        event_hooks={"response": [conform_hook]},
        verify=False,
    ) as client:
        response = _send(client, op)
    assert (response.status_code, _code(response)) == (401, "INVALID_SERVICE_KEY")


@pytest.mark.parametrize("op", sorted(PUBLIC_OPERATIONS))
def test_wrong_public_key(local: LocalCrovver, op: str) -> None:
    with httpx.Client(
        base_url=local.base_url,
        headers={"x-public-key": "pk_test_nope"},
        event_hooks={"response": [conform_hook]},
        verify=False,
    ) as client:
        response = _send(client, op)
    assert (response.status_code, _code(response)) == (401, "INVALID_PUBLIC_KEY")


def test_public_key_in_the_query(anon: httpx.Client, local: LocalCrovver) -> None:
    response = anon.get(
        "/api/public/credits/balance", params={"tenantId": "ws_active", "publicKey": local.public_key}
    )
    assert response.status_code == 200
    assert response.json()["data"]["ai_generations"]["total"] == 100


@pytest.mark.parametrize("header", ["Basic abc", "Bearer", "sk_test_local_secret_key"])
def test_malformed_authorization_header(anon: httpx.Client, header: str) -> None:
    response = anon.get("/api/public/tenants", headers={"Authorization": header})
    assert (response.status_code, _code(response)) == (401, "INVALID_SERVICE_KEY")


def test_public_key_as_bearer_is_still_a_public_key(anon: httpx.Client, local: LocalCrovver) -> None:
    bearer = {"Authorization": f"Bearer {local.public_key}"}
    assert anon.get("/api/public/plans", headers=bearer).status_code == 200
    response = anon.get("/api/public/tenants", headers=bearer)
    assert (response.status_code, _code(response)) == (403, "INSUFFICIENT_PERMISSIONS")


def test_keys_are_scoped_to_their_organization(anon: httpx.Client) -> None:
    d2c = {"x-public-key": D2C_PUBLIC_KEY}
    response = anon.get("/api/public/credits/balance", params={"tenantId": "ws_active"}, headers=d2c)
    assert (response.status_code, _code(response)) == (404, "TENANT_NOT_FOUND")
    plans = anon.get("/api/public/plans", headers=d2c).json()["data"]
    assert [p["id"] for p in plans["plans"]] == ["plan_d2c_plus"]
    assert plans["organization"]["type"] == "d2c"
