"""The ``crovver`` command, run as a user runs it: ``python -m crovver_ext ...`` in a subprocess,
against a local Crovver served on loopback by this test process.

Interpreter start-up dominates (~0.3 s a run), so the commands that only read are started
together and checked one by one. Details that need no subprocess (every ``--help``, argument
errors) call ``main()`` in process.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from crovver_ext._cli import main
from crovver_ext.testing import ControlPlane, LocalCrovver


@dataclass
class Run:
    args: list[str]
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> Any:
        return json.loads(self.stdout)


# Bytecode for the subprocesses goes to one temporary folder (never into the repository), so
# that only the first run compiles the SDK even where PYTHONDONTWRITEBYTECODE is set.
_PYCACHE: dict[str, str] = {}


@pytest.fixture(scope="module", autouse=True)
def _bytecode_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    _PYCACHE["dir"] = str(tmp_path_factory.mktemp("pycache"))


def _env(local: LocalCrovver | None) -> dict[str, str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith("CROVVER_") and k != "PYTHONDONTWRITEBYTECODE"
    }
    env["PYTHONPYCACHEPREFIX"] = _PYCACHE["dir"]
    if local is not None:
        env["CROVVER_SECRET_KEY"] = local.secret_key
        env["CROVVER_BASE_URL"] = local.base_url
    return env


def _start(args: list[str], env: dict[str, str], command: list[str] | None = None) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [*(command or [sys.executable, "-m", "crovver_ext"]), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str], args: list[str]) -> Run:
    stdout, stderr = process.communicate(timeout=60)
    return Run(args, process.returncode, stdout, stderr)


def run(local: LocalCrovver | None, *args: str) -> Run:
    return _finish(_start(list(args), _env(local)), list(args))


def assert_one_line_error(result: Run, status: int, *fragments: str) -> None:
    assert result.returncode == status, result
    assert result.stdout == ""
    assert "Traceback" not in result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith("crovver: error: ")
    for fragment in fragments:
        assert fragment in line


@pytest.fixture(scope="module")
def local() -> Iterator[LocalCrovver]:
    with LocalCrovver() as server:
        server.control.reset()
        yield server


@pytest.fixture(scope="module")
def control(local: LocalCrovver) -> ControlPlane:
    return local.control


@pytest.fixture(scope="module")
def runs(local: LocalCrovver, control: ControlPlane) -> dict[str, Run]:
    """Every read-only command, started at once against the seed (plus one paid checkout)."""
    with httpx.Client(
        base_url=local.base_url, headers={"Authorization": f"Bearer {local.secret_key}"}
    ) as api:
        session = api.post("/api/public/checkout", json={"planId": "plan_pro", "externalTenantId": "ws_none"})
        control.complete_checkout(session.json()["data"]["sessionId"])  # ws_none: one invoice
    env, keyless = _env(local), _env(None)
    flags = ["--api-key", local.secret_key, "--base-url", local.base_url]
    commands: dict[str, tuple[list[str], dict[str, str], list[str] | None]] = {
        "plans": (["plans", *flags], keyless, None),
        "plans_json": (["plans", "--json"], env, None),
        "tenant": (["tenant", "ws_business"], env, None),
        "subscriptions": (["subscriptions", "ws_business"], env, None),
        "can_access": (["can-access", "ws_active", "advanced_analytics"], env, None),
        "denied": (["can-access", "ws_none", "--product", "reports"], env, None),
        "balance": (["balance", "ws_active"], env, None),
        "invoices": (["invoices", "ws_none"], env, None),
        "not_found": (["tenant", "no_such_workspace", "--max-retries", "0"], env, None),
        "missing_key": (["plans"], keyless, None),
        "bad_usage": (["consume", "ws_active", "ai_generations", "lots"], env, None),
        "console_script": (["--version"], env, [str(Path(sys.executable).with_name("crovver"))]),
    }
    warm_up = "plans"  # alone first: it fills the bytecode cache the others then read
    runs = {warm_up: _finish(_start(commands[warm_up][0], commands[warm_up][1]), commands[warm_up][0])}
    started = {
        name: (_start(args, e, cmd), args) for name, (args, e, cmd) in commands.items() if name != warm_up
    }
    return runs | {name: _finish(process, args) for name, (process, args) in started.items()}


def _columns(table: str) -> tuple[str, list[str]]:
    header, *rows = table.strip().splitlines()
    return header, rows


# ---- every subcommand ------------------------------------------------------------------------


def test_plans(runs: dict[str, Run]) -> None:
    result = runs["plans"]
    assert (result.returncode, result.stderr) == (0, "")
    title, _, table = result.stdout.partition("\n\n")
    assert title == "Demo Software Inc. (org_demo, b2b): 4 plans"
    header, rows = _columns(table)
    assert header.split() == ["ID", "NAME", "PRODUCT", "PRICE", "INTERVAL", "SEATS", "TRIAL"]
    [pro] = [r for r in rows if r.startswith("plan_pro ")]
    assert pro.index("Pro") == header.index("NAME")  # aligned columns
    assert re.search(r"\b29(\.00)? USD\b", pro) and "14 days" in pro
    [business] = [r for r in rows if r.startswith("plan_business ")]
    assert "5 incl." in business


def test_plans_json(runs: dict[str, Run]) -> None:
    data = runs["plans_json"].json()
    assert data["organization"]["id"] == "org_demo"
    pro = next(p for p in data["plans"] if p["id"] == "plan_pro")
    assert pro["price_amount"] == 2900
    assert isinstance(pro["price"], str) and float(pro["price"]) == 29  # Decimal as a string
    assert dt.datetime.fromisoformat(pro["created_at"]).tzinfo is not None  # datetime as ISO 8601


def test_tenant(runs: dict[str, Run]) -> None:
    result = runs["tenant"]
    assert result.returncode == 0
    details, _, members = result.stdout.partition("\n\n")
    assert details.splitlines()[0].split() == ["Tenant", "ws_business"]
    assert "Organization  Demo Software Inc. (org_demo, b2b)" in details
    header, rows = _columns(members)
    assert header.split() == ["MEMBER", "ROLE", "EMAIL", "NAME"]
    assert rows[0].split()[:2] == ["user_ws_business", "owner"]


def test_subscriptions(runs: dict[str, Run]) -> None:
    header, rows = _columns(runs["subscriptions"].stdout)
    assert header.split() == ["ID", "STATUS", "PLAN", "PRODUCT", "PERIOD", "END", "SEATS"]
    by_id = {r.split()[0]: r for r in rows}
    assert set(by_id) == {"sub_ws_business", "sub_ws_business_reports"}
    assert by_id["sub_ws_business"].split()[1] == "active" and by_id["sub_ws_business"].endswith(" 5")


def test_can_access(runs: dict[str, Run]) -> None:
    assert runs["can_access"].stdout == "allowed: tenant ws_active, feature advanced_analytics\n"
    denied = runs["denied"]
    assert (denied.returncode, denied.stdout) == (0, "denied: tenant ws_none, product reports\n")  # an answer


def test_balance(runs: dict[str, Run]) -> None:
    header, rows = _columns(runs["balance"].stdout)
    assert header.split() == ["POOL", "REMAINING", "BASE", "ADD-ON", "LIMIT", "BEHAVIOR", "NEXT", "EXPIRY"]
    ai = next(r for r in rows if r.startswith("ai_generations"))
    assert ai.split()[1:6] == ["100", "100", "0", "100", "hard"]
    assert ai.index("100") + 3 == header.index("REMAINING") + len("REMAINING")  # numbers right-aligned


def test_invoices(runs: dict[str, Run]) -> None:
    header, [row] = _columns(runs["invoices"].stdout)
    assert header.split() == ["INVOICE", "TYPE", "STATUS", "TOTAL", "ISSUED", "PAID", "PLAN"]
    assert row.split() == [
        "INV-000001",
        "subscription",
        "paid",
        "0.00",
        "USD",
        "2026-01-01",
        "00:00",
        "2026-01-01",
        "00:00",
        "Pro",
    ]
    assert row.index("USD") + 3 == header.index("TOTAL") + len("TOTAL")  # a trial's first invoice: 0.00


def test_consume_prints_its_key_and_a_replay_charges_once(local: LocalCrovver, control: ControlPlane) -> None:
    first = run(local, "consume", "ws_trial", "ai_generations", "3", "--metadata", '{"source": "cli"}')
    assert (first.returncode, first.stderr) == (0, "")
    assert first.stdout.startswith("success (allowed): 3 consumed, 97 ai_generations remaining\n")
    match = re.search(r"idempotency key: ([0-9a-f-]{36})", first.stdout)
    assert match is not None
    key = str(uuid.UUID(match.group(1)))

    again = run(local, "--json", "consume", "ws_trial", "ai_generations", "3", "--idempotency-key", key)
    data = again.json()
    assert (data["already_processed"], data["remaining"], data["idempotency_key"]) == (True, 97, key)
    [consumption] = control.ledger("ws_trial", "ai_generations")["consumptions"]
    assert (consumption["idempotency_key"], consumption["metadata"]) == (key, {"source": "cli"})


# ---- failures: one line on stderr, documented exit status ------------------------------------


def test_api_error_exits_1(runs: dict[str, Run]) -> None:
    assert_one_line_error(runs["not_found"], 1, "404", "TENANT_NOT_FOUND", "no_such_workspace")


def test_missing_key_exits_3(runs: dict[str, Run]) -> None:
    assert_one_line_error(runs["missing_key"], 3, "--api-key", "CROVVER_SECRET_KEY")


def test_bad_usage_exits_2(runs: dict[str, Run]) -> None:
    result = runs["bad_usage"]
    assert result.returncode == 2 and result.stdout == "" and "Traceback" not in result.stderr
    assert result.stderr.startswith("usage: crovver consume")
    assert (
        result.stderr.splitlines()[-1] == "crovver consume: error: argument amount: invalid int value: 'lots'"
    )


def test_the_console_script(runs: dict[str, Run]) -> None:
    from crovver_ext import __version__

    assert (runs["console_script"].returncode, runs["console_script"].stdout) == (
        0,
        f"crovver {__version__}\n",
    )


# ---- local serve -----------------------------------------------------------------------------


def test_local_serve_answers_then_stops_cleanly(tmp_path: Path) -> None:
    db = tmp_path / "state.sqlite"
    env = {**_env(None), "PYTHONUNBUFFERED": "1"}
    process = _start(["local", "serve", "--port", "0", "--db", str(db)], env)
    lines: queue.Queue[str] = queue.Queue()
    assert process.stdout is not None
    stdout = process.stdout
    reader = threading.Thread(target=lambda: [lines.put(line) for line in stdout], daemon=True)
    reader.start()
    try:
        seen: list[str] = []
        while not any("control plane" in line for line in seen):
            seen.append(lines.get(timeout=20))
        url_match = re.search(r"listening on (http://127\.0\.0\.1:\d+)", "".join(seen))
        key_match = re.search(r"secret (sk_test_\S+)", "".join(seen))
        assert url_match and key_match, seen
        deadline = time.monotonic() + 10
        while True:  # poll until it answers
            try:
                response = httpx.get(
                    url_match.group(1) + "/api/public/plans",
                    headers={"Authorization": f"Bearer {key_match.group(1)}"},
                )
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "the local Crovver did not answer"
                time.sleep(0.05)
        assert response.status_code == 200 and response.json()["data"]["plans"]
    finally:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=20)
        reader.join(timeout=5)
        assert process.stderr is not None
        stderr = process.stderr.read()
        process.stdout.close()
        process.stderr.close()
    rest = []
    while not lines.empty():
        rest.append(lines.get())
    assert process.returncode == 0, stderr
    assert "stopped\n" in rest and "Traceback" not in stderr
    assert db.exists() and db.stat().st_size > 0


# ---- in process: help, argument checks --------------------------------------------------------


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["plans"],
        ["tenant"],
        ["subscriptions"],
        ["can-access"],
        ["balance"],
        ["consume"],
        ["invoices"],
        ["local"],
        ["local", "serve"],
    ],
    ids=lambda c: " ".join(c) or "crovver",
)
def test_every_command_has_help(command: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*command, "--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith(f"usage: crovver {' '.join(command)}".rstrip())
    assert "exit status:" in out and "3    configuration error" in out


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@pytest.mark.parametrize(
    ("argv", "status", "fragment"),
    [
        (["--api-key", "pk_test_public", "plans"], 3, "public key"),
        (["--api-key", "sk_test_x", "--base-url", "ftp://example.test", "plans"], 3, "base_url"),
        (["consume", "ws", "pool", "0"], 2, "amount must be a positive integer"),
        (["consume", "ws", "pool", "1", "--idempotency-key", ""], 2, "idempotency_key"),
        (["can-access", "ws"], 2, "feature_key"),
        (["tenant", ".."], 2, "external_tenant_id"),
    ],
    ids=["public-key", "bad-base-url", "zero-amount", "empty-key", "nothing-to-check", "dot-dot-id"],
)
def test_refused_before_sending(
    argv: list[str],
    status: int,
    fragment: str,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CROVVER_SECRET_KEY", "sk_test_x")
    monkeypatch.setenv("CROVVER_BASE_URL", f"http://127.0.0.1:{_free_port()}")  # nothing listens
    assert main(argv) == status
    captured = capsys.readouterr()
    assert captured.out == ""
    [line] = captured.err.splitlines()
    assert line.startswith("crovver: error: ") and fragment in line


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["nope"],
        ["plans", "--timeout", "0"],
        ["plans", "--max-retries", "-1"],
        ["consume", "ws", "pool", "1", "--metadata", "[1]"],
        ["consume", "ws", "pool", "1", "--metadata", "{bad"],
        ["local", "serve", "--port", "70000"],
    ],
    ids=[
        "no-command",
        "unknown-command",
        "zero-timeout",
        "negative-retries",
        "metadata-list",
        "metadata-json",
        "port",
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    assert capsys.readouterr().err.splitlines()[-1].startswith("crovver")


def test_local_serve_on_a_busy_port_exits_3(capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        assert main(["local", "serve", "--port", str(busy.getsockname()[1])]) == 3
    assert capsys.readouterr().err.startswith("error: ")


def test_unreachable_server_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["--api-key", "sk_test_x", "--base-url", f"http://127.0.0.1:{_free_port()}", "--max-retries", "0"]
    assert main([*argv, "plans"]) == 1
    [line] = capsys.readouterr().err.splitlines()
    assert line.startswith("crovver: error: ") and "NETWORK_ERROR" in line


def test_no_credit_pools_and_no_subscriptions_say_so(
    local: LocalCrovver, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROVVER_SECRET_KEY", local.secret_key)
    monkeypatch.setenv("CROVVER_BASE_URL", local.base_url)
    assert main(["balance", "ws_canceled"]) == 0
    assert main(["subscriptions", "ws_no_such"]) == 1
    assert main(["invoices", "ws_active"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["No credit pools for ws_canceled (no active subscription).", "No invoices for ws_active."]


def test_json_output_of_every_api_command(
    local: LocalCrovver,
    runs: dict[str, Run],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # In process: the same code as the subprocess runs above, once per command with --json.
    monkeypatch.setenv("CROVVER_SECRET_KEY", local.secret_key)
    monkeypatch.setenv("CROVVER_BASE_URL", local.base_url)

    def as_json(*argv: str) -> Any:
        assert main(list(argv)) == 0
        return json.loads(capsys.readouterr().out)

    tenant = as_json("--json", "tenant", "ws_business")  # before the command name works too
    assert (tenant["tenant"]["external_tenant_id"], tenant["members"][0]["role"]) == ("ws_business", "owner")
    subscriptions = as_json("subscriptions", "ws_business", "--json")["subscriptions"]
    assert {(s["id"], s["capacity_units"]) for s in subscriptions} == {
        ("sub_ws_business", 5),
        ("sub_ws_business_reports", None),
    }
    assert as_json("can-access", "ws_active", "ai_generations", "--amount", "5", "--json") == {
        "tenant_id": "ws_active",
        "feature_key": "ai_generations",
        "product_slug": None,
        "amount": 5,
        "can_access": True,
    }
    pools = as_json("balance", "ws_active", "--json")["pools"]
    assert {p["pool_key"]: p["remaining"] for p in pools} == {"ai_generations": 100, "api_calls": 1000}
    assert all(dt.datetime.fromisoformat(p["next_expiry"]) for p in pools)
    [invoice] = as_json("invoices", "ws_none", "--json")["invoices"]
    assert (invoice["status"], invoice["total_amount"], invoice["currency"]) == ("paid", "0.00", "USD")
