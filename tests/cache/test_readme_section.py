"""The README's "Entitlement cache: stores and webhooks" code runs as written, on a real Redis."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crovver_ext.testing import ControlPlane, LocalCrovver
from crovver_ext.testing._webhooks import sign
from crovver_ext.webhooks import SIGNATURE_HEADER
from tests.cache.conftest import checks, event_body
from tests.cache.redis_server import RedisServer

README = Path(__file__).resolve().parents[2] / "README.md"


def section_code() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Entitlement cache: stores and webhooks\n", 1)[1].split("\n## ", 1)[0]
    [block] = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    return block


def test_the_webhook_recipe_runs_and_drops_the_tenant(
    local: LocalCrovver, control: ControlPlane, redis_server: RedisServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROVVER_SECRET_KEY", local.secret_key)
    monkeypatch.setenv("CROVVER_BASE_URL", local.base_url)
    monkeypatch.setenv("REDIS_URL", redis_server.url)
    monkeypatch.setenv("CROVVER_WEBHOOK_SECRET", "whsec_readme")
    namespace: dict[str, object] = {"__name__": "readme"}
    exec(compile(section_code(), str(README), "exec"), namespace)
    crovver, store, webhook = namespace["crovver"], namespace["store"], namespace["crovver_webhook"]
    try:
        control.clear_requests()
        assert crovver.can_access("ws_active", "advanced_analytics") is True  # type: ignore[attr-defined]
        assert crovver.can_access("ws_active", "advanced_analytics") is True  # type: ignore[attr-defined]
        assert checks(control) == 1
        body = event_body("subscription.updated", "ws_active")
        assert webhook(body, {SIGNATURE_HEADER: "sha256=" + "0" * 64}) == 400  # type: ignore[operator]
        assert crovver.can_access("ws_active", "advanced_analytics") is True  # type: ignore[attr-defined]
        assert checks(control) == 1  # a forged event drops nothing
        assert webhook(body, {SIGNATURE_HEADER: sign(body, "whsec_readme")}) == 200  # type: ignore[operator]
        assert crovver.can_access("ws_active", "advanced_analytics") is True  # type: ignore[attr-defined]
        assert checks(control) == 2
    finally:
        crovver.close()  # type: ignore[attr-defined]
        store.close()  # type: ignore[attr-defined]
