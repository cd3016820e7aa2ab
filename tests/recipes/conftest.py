"""One local Crovver for the recipe tests (reset before each), and a helper that puts a tenant on
the free plan: an active subscription whose plan lacks ``advanced_analytics``."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crovver_ext import CrovverClient
from crovver_ext.testing import LocalCrovver

WEBHOOK_SECRET = "whsec_recipe_tests"


@pytest.fixture(scope="package")
def local() -> Iterator[LocalCrovver]:
    with LocalCrovver().start() as crovver:
        yield crovver


@pytest.fixture
def crovver_env(local: LocalCrovver, monkeypatch: pytest.MonkeyPatch) -> LocalCrovver:
    """The local Crovver reset to its seed, and the environment the recipes read."""
    local.control.reset()
    monkeypatch.setenv("CROVVER_SECRET_KEY", local.secret_key)
    monkeypatch.setenv("CROVVER_BASE_URL", local.base_url)
    monkeypatch.setenv("CROVVER_WEBHOOK_SECRET", WEBHOOK_SECRET)
    return local


@pytest.fixture
def free_tenant(crovver_env: LocalCrovver) -> str:
    with CrovverClient(crovver_env.secret_key, base_url=crovver_env.base_url) as crovver:
        crovver.create_tenant(external_tenant_id="ws_free", name="Free Workspace", external_user_id="u1")
        session = crovver.create_checkout_session(external_tenant_id="ws_free", plan_id="plan_free")
        crovver_env.control.complete_checkout(session.session_id)
        assert [s.status for s in crovver.get_subscriptions("ws_free").subscriptions] == ["active"]
        assert crovver.can_access("ws_free", product_slug="app")
        assert not crovver.can_access("ws_free", "advanced_analytics", "app")
    return "ws_free"
