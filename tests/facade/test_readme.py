"""The README's quickstart runs, block by block, against the local Crovver; so does `make demo`."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from crovver_ext import demo
from crovver_ext.testing import LocalCrovver

README = Path(__file__).resolve().parents[2] / "README.md"


def quickstart_blocks() -> list[str]:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Quickstart\n", 1)[1].split("\n## ", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, flags=re.DOTALL)


def test_the_quickstart_has_the_seed_sections() -> None:
    code = "\n".join(quickstart_blocks())
    for call in (
        "create_tenant",
        "get_plans",
        "get_subscriptions",
        "can_access",
        "credits.balance",
        "credits.consume",
        "addons.list_available",
        "addons.purchase",
        "addons.get_active",
        "create_checkout_session",
        "get_invoices",
        "capacity.bulk_allocate",
        "except CrovverError",
    ):
        assert call in code, call


def test_the_quickstart_runs(
    local: LocalCrovver, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    local.control.reset()
    monkeypatch.setenv("CROVVER_SECRET_KEY", local.secret_key)
    monkeypatch.setenv("CROVVER_BASE_URL", local.base_url)
    namespace: dict[str, object] = {"__name__": "readme"}
    for block in quickstart_blocks():
        exec(compile(block, str(README), "exec"), namespace)
    out = capsys.readouterr().out
    assert "Pro - $29.0/mo" in out
    assert "TENANT_NOT_FOUND" in out
    assert "pending_cancel" in out
    assert "True" in out  # the async can_access
    assert "('user_0', 'user_1') ('user_2', 'user_3', 'user_4') True" in out  # 3 seats, 1 taken: a 207
    assert "user_456 active" in out
    state = local.control.tenant_state("workspace_abc123")
    assert state["subscriptions"][0]["status"] == "pending_cancel"
    assert len(local.control.ledger("workspace_abc123", "ai_generations")["consumptions"]) == 1


def test_the_demo_walks_the_whole_flow(capsys: pytest.CaptureFixture[str]) -> None:
    assert demo.main() == 0
    out = capsys.readouterr().out
    for line in (
        "Created 'Acme Corp'",
        "Status: trial",
        "advanced_analytics   allowed",
        "already_processed=True",
        "insufficient_credits (blocked)",
        "ai_generations     500 remaining",
        "Status: pending_cancel",
        "NotFoundError",
    ):
        assert line in out, line
