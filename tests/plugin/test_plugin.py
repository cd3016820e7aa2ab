"""The ``crovver`` pytest plugin, seen from a user's project (pytest's own ``pytester``)."""

from __future__ import annotations

import importlib.metadata
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from crovver_ext.testing import default_seed

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = Path(__file__).with_name("test_readme_example.py")

# Warnings are errors in these projects. Hypothesis is installed here but unused by them: its
# plugin is skipped to keep the inner runs fast.
STRICT_INI = """
[pytest]
addopts = -p no:cacheprovider -p no:hypothesispytest
filterwarnings = error
"""

# A user's test file: nothing runs before a fixture is used; then every fixture, and the reset
# between tests (the first test spends what the second must find again).
USER_TESTS = """
import sys
import threading

import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient


def test_0_nothing_started_before_a_fixture_is_used(request):
    plugin = request.config.pluginmanager.get_plugin("crovver")  # loaded by its entry point
    assert plugin is not None and plugin.__name__ == "crovver_ext.testing.pytest_plugin"
    assert [t.name for t in threading.enumerate()] == ["MainThread"]
    assert "crovver_ext.testing._collector" not in sys.modules


def test_1_spends_credits(crovver_client, crovver_local):
    assert isinstance(crovver_client, CrovverClient)
    assert crovver_client.base_url == crovver_local.base_url.rstrip("/")
    assert crovver_local.base_url.startswith("http://127.0.0.1:")
    crovver_client.credits.consume(
        tenant_id="ws_active", pool_key="ai_generations", amount=40, idempotency_key="k1"
    )
    assert crovver_client.credits.balance(tenant_id="ws_active").pool("ai_generations").remaining == 60


def test_2_starts_from_the_seed_again(crovver_client, crovver_control):
    assert crovver_client.credits.balance(tenant_id="ws_active").pool("ai_generations").remaining == 100
    assert [r["path"] for r in crovver_control.requests()] == ["/api/public/credits/balance"]


def test_3_retries_do_not_sleep(crovver_client, crovver_control, monkeypatch):
    import time

    monkeypatch.setattr(time, "sleep", lambda s: pytest.fail("slept"))
    crovver_control.inject_fault("/api/public/plans", status=503, times=3)
    assert crovver_client.get_plans().plans
    assert len(crovver_control.requests(path="/api/public/plans")) == 4


@pytest.mark.anyio
async def test_4_async_client(crovver_async_client, crovver_control):
    assert isinstance(crovver_async_client, AsyncCrovverClient)
    crovver_control.inject_fault("/api/public/can-access", status=502)
    for _ in range(3):
        assert await crovver_async_client.can_access("ws_active", "advanced_analytics")
    assert not await crovver_async_client.can_access("ws_none", "advanced_analytics")


def test_5_webhooks(crovver_client, crovver_webhooks):
    sub = crovver_client.get_subscriptions("ws_manual").subscriptions[0]
    crovver_client.cancel_subscription(sub.id, "ws_manual", "other")
    [event] = crovver_webhooks.of_type("subscription.canceled")
    assert (event.data.id, event.data.status) == (sub.id, "canceled")
    assert crovver_webhooks.rejected == [] and crovver_webhooks.duplicates == []


def test_6_webhook_endpoints_do_not_leak_between_tests(crovver_control, crovver_webhooks):
    crovver_control.send_test_webhook()
    assert [e.type for e in crovver_webhooks.events] == ["webhook.test"]
"""


def test_the_entry_point_is_registered() -> None:
    [entry] = [e for e in importlib.metadata.entry_points(group="pytest11") if e.name == "crovver"]
    assert entry.value == "crovver_ext.testing.pytest_plugin"


def test_a_fresh_project_gets_working_fixtures(pytester: pytest.Pytester) -> None:
    # A new interpreter, warnings as errors: the plugin loads from its entry point alone, and
    # nothing it opens (servers, sockets, event loops) is left behind.
    pytester.makeini(STRICT_INI)
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest_subprocess("-q")
    result.assert_outcomes(passed=7)


def test_the_plugin_module_imports_only_what_it_needs() -> None:
    code = textwrap.dedent(
        """
        import sys, threading
        import crovver_ext.testing.pytest_plugin as plugin
        loaded = [m for m in ("crovver_ext.testing._collector", "crovver_ext._cli", "crovver_api")
                  if m in sys.modules]
        print(loaded, threading.active_count(), plugin.WebhookCollector.__name__)
        """
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    # WebhookCollector is loaded on first use (here: by the print), not by the import.
    assert out.stdout.split() == ["[]", "1", "WebhookCollector"]


def test_the_plugin_can_be_disabled(pytester: pytest.Pytester) -> None:
    pytester.makeini(STRICT_INI)
    pytester.makepyfile("def test_uses_it(crovver_client):\n    pass\n")
    result = pytester.runpytest("-p", "no:crovver")
    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*fixture 'crovver_client' not found*"])


def test_a_project_can_bring_its_own_seed(pytester: pytest.Pytester) -> None:
    # In a subprocess: pytester drops the modules an in-process run imports first, and this
    # session has not imported httpx's transport yet (the SDK loads it on first use); a dropped
    # and re-imported httpcore would leave two copies of its exception classes behind.
    seed = default_seed()
    [org] = [o for o in seed["organizations"] if o["id"] == "org_demo"]
    org["tenants"] = [t for t in org["tenants"] if t["externalTenantId"] == "ws_active"]
    pytester.makefile(".json", my_seed=json.dumps(seed))
    pytester.makeini(STRICT_INI)
    pytester.makeconftest(
        """
        import pathlib
        import pytest

        @pytest.fixture(scope="session")
        def crovver_seed():
            return pathlib.Path(__file__).with_name("my_seed.json")
        """
    )
    pytester.makepyfile(
        """
        import pytest
        from crovver_ext.testing import EmulatorError

        def test_only_the_seeded_tenant_exists(crovver_control):
            assert crovver_control.tenant_state("ws_active")["tenant"]["name"] == "Active Workspace"
            with pytest.raises(EmulatorError):
                crovver_control.tenant_state("ws_none")
        """
    )
    pytester.runpytest_subprocess().assert_outcomes(passed=1)


def test_the_readme_embeds_the_example_verbatim() -> None:
    example = EXAMPLE.read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    heading = "### Testing your app against the local Crovver\n"
    assert heading in readme
    section = readme.split(heading, 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)
    assert example in blocks
