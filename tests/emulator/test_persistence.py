"""A file database survives restarts: nothing that was answered is lost."""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest

from crovver_ext.testing import LocalCrovver, default_seed

CONSUME = "/api/public/credits/consume"


def _client(local: LocalCrovver) -> httpx.Client:
    return httpx.Client(
        base_url=local.base_url, headers={"Authorization": f"Bearer {local.secret_key}"}, verify=False
    )


def test_restart_keeps_state_and_idempotency(tmp_path: Path) -> None:
    db = tmp_path / "crovver.sqlite"
    body = {"tenantId": "ws_active", "poolKey": "ai_generations", "amount": 7, "idempotencyKey": "persist"}
    with LocalCrovver(db=db) as first, _client(first) as client:
        assert client.post(CONSUME, json=body).json()["data"]["remaining"] == 93
        client.post(
            "/api/public/tenants", json={"externalTenantId": "kept", "name": "Kept", "externalUserId": "u"}
        )
        first.control.advance_clock(days=2)
    with LocalCrovver(db=db) as second, _client(second) as client:
        balance = client.get("/api/public/credits/balance", params={"tenantId": "ws_active"}).json()["data"]
        assert balance["ai_generations"]["total"] == 93
        replay = client.post(CONSUME, json=body).json()["data"]
        assert replay == {
            "result": "allowed",
            "remaining": 93,
            "alreadyProcessed": True,
            "poolKey": "ai_generations",
        }
        assert client.get("/api/public/tenants", params={"externalTenantId": "kept"}).status_code == 200
        assert second.control.now() == datetime(2026, 1, 3, tzinfo=UTC), "the clock resumes where it stopped"
        second.control.reset()
        assert client.get("/api/public/tenants", params={"externalTenantId": "kept"}).status_code == 404


def test_an_existing_file_keeps_its_own_seed(tmp_path: Path) -> None:
    db = tmp_path / "crovver.sqlite"
    seed = default_seed()
    seed["organizations"][0]["tenants"] = seed["organizations"][0]["tenants"][:1]
    LocalCrovver(db=db, seed=seed).stop()
    reopened = LocalCrovver(db=db)  # no seed given: the file's own seed and state stay
    try:
        assert [t["externalTenantId"] for t in _tenants(reopened)] == ["ws_active"]
        reopened.control.reset()
        assert [t["externalTenantId"] for t in _tenants(reopened)] == ["ws_active"]
    finally:
        reopened.stop()


def _tenants(local: LocalCrovver) -> list[dict[str, str]]:
    from crovver_ext.testing import IN_PROCESS_URL

    with httpx.Client(transport=local.transport(), base_url=IN_PROCESS_URL) as client:
        data: list[dict[str, str]] = client.get(
            "/api/public/tenants", headers={"Authorization": f"Bearer {local.secret_key}"}
        ).json()["data"]["tenants"]
        return data


def test_seed_files_json_and_yaml(tmp_path: Path) -> None:
    seed = default_seed()
    seed["organizations"][0]["tenants"] = seed["organizations"][0]["tenants"][1:2]
    as_json = tmp_path / "seed.json"
    as_json.write_text(json.dumps(seed))
    yaml = pytest.importorskip("yaml")
    as_yaml = tmp_path / "seed.yaml"
    as_yaml.write_text(yaml.safe_dump(seed))
    for path in (as_json, as_yaml):
        local = LocalCrovver(seed=path)
        try:
            assert [t["externalTenantId"] for t in _tenants(local)] == ["ws_trial"]
        finally:
            local.stop()


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (lambda s: s["organizations"][0].pop("secretKey"), "secretKey is required"),
        (lambda s: s["organizations"][0]["plans"][0].update(interval="weekly"), "interval"),
        (lambda s: s["organizations"][0]["tenants"][0]["subscriptions"][0].update(planId="nope"), "planId"),
        (lambda s: s["organizations"][0]["addons"][0].update(expiryType="soon"), "expiryType"),
        (lambda s: s.update(organizations="x"), "wrong type"),
        (lambda s: s["organizations"][0]["tenants"].append(7), "must be an object"),
    ],
)
def test_bad_seeds_say_what_is_wrong(mutate: object, message: str) -> None:
    seed = default_seed()
    assert callable(mutate)
    mutate(seed)
    with pytest.raises(ValueError, match=message):
        LocalCrovver(seed=seed)


def test_lifecycle_errors() -> None:
    local = LocalCrovver()
    local.stop()
    local.stop()  # idempotent
    with pytest.raises(RuntimeError):
        local.start()
    with pytest.raises(ValueError, match="loopback"):
        LocalCrovver(host="0.0.0.0")


def test_a_yaml_seed_without_pyyaml_says_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "seed.yml"
    path.write_text("organizations: []\n")
    monkeypatch.setitem(sys.modules, "yaml", None)  # import yaml now raises ImportError
    with pytest.raises(RuntimeError, match="needs PyYAML"):
        LocalCrovver(seed=path)
