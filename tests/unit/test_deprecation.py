"""Deprecated operations: the runtime warning (sync and async), the spec, and type checkers."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from crovver_ext import APIConnectionError, AsyncCrovverClient, CrovverClient, CrovverDeprecationWarning
from crovver_ext._deprecation import REMOVED_IN, deprecated_operations, message
from crovver_ext.testing import IN_PROCESS_URL, LocalCrovver
from tests.spec import ROOT, operations

REPLACEMENTS = [("record_usage", "credits.consume"), ("check_usage_limit", "credits.balance")]


@pytest.fixture
def local() -> Iterator[LocalCrovver]:
    emulator = LocalCrovver()  # in process: no socket
    yield emulator
    emulator.stop()


def test_deprecated_operations_are_the_specs() -> None:
    in_spec = {op["operationId"] for _, _, op in operations() if op.get("deprecated") is True}
    assert in_spec, "openapi.yaml marks no operation deprecated"
    assert set(deprecated_operations()) == in_spec
    assert dict(REPLACEMENTS) == dict(deprecated_operations())


@pytest.mark.parametrize(("operation", "replacement"), REPLACEMENTS)
def test_message_names_the_replacement_and_the_removal(operation: str, replacement: str) -> None:
    text = message(operation)
    assert f"{operation}()" in text and f"{replacement}()" in text and REMOVED_IN in text


def test_the_warning_is_a_deprecation_warning() -> None:
    assert issubclass(CrovverDeprecationWarning, DeprecationWarning)


def _check(record: pytest.WarningsRecorder, operation: str, line: int) -> None:
    assert len(record) == 1, [str(w.message) for w in record]
    warning = record[0]
    assert warning.category is CrovverDeprecationWarning
    assert str(warning.message) == message(operation)
    assert deprecated_operations()[operation] in str(warning.message)
    # It points at the caller's line, not at the SDK.
    assert warning.filename == __file__
    assert warning.lineno == line


def _here() -> int:
    """The caller's line number (read on the same line as the deprecated call)."""
    return sys._getframe(1).f_lineno


def test_record_usage_warns_at_the_callers_line(local: LocalCrovver) -> None:
    with (
        httpx.Client(transport=local.transport()) as http,
        CrovverClient(local.secret_key, base_url=IN_PROCESS_URL, http_client=http) as client,
    ):
        with pytest.warns(CrovverDeprecationWarning) as record:
            recorded, line = client.record_usage("ws_active", "api_calls", 2), _here()
        _check(record, "record_usage", line)
        assert recorded.recorded_value == 2


def test_check_usage_limit_warns_at_the_callers_line(local: LocalCrovver) -> None:
    with (
        httpx.Client(transport=local.transport()) as http,
        CrovverClient(local.secret_key, base_url=IN_PROCESS_URL, http_client=http) as client,
    ):
        with pytest.warns(CrovverDeprecationWarning) as record:
            limit, line = client.check_usage_limit("ws_active", "api_calls"), _here()
        _check(record, "check_usage_limit", line)
        assert limit.limit == 1000


@pytest.mark.anyio
async def test_async_record_usage_warns_at_the_callers_line(local: LocalCrovver) -> None:
    async with (
        httpx.AsyncClient(transport=local.async_transport()) as http,
        AsyncCrovverClient(local.secret_key, base_url=IN_PROCESS_URL, http_client=http) as client,
    ):
        with pytest.warns(CrovverDeprecationWarning) as record:
            recorded, line = await client.record_usage("ws_active", "api_calls", 3), _here()
        _check(record, "record_usage", line)
        assert recorded.recorded_value == 3


@pytest.mark.anyio
async def test_async_check_usage_limit_warns_at_the_callers_line(local: LocalCrovver) -> None:
    async with (
        httpx.AsyncClient(transport=local.async_transport()) as http,
        AsyncCrovverClient(local.secret_key, base_url=IN_PROCESS_URL, http_client=http) as client,
    ):
        with pytest.warns(CrovverDeprecationWarning) as record:
            limit, line = await client.check_usage_limit("ws_active", "api_calls"), _here()
        _check(record, "check_usage_limit", line)
        assert limit.limit == 1000


def _refused(client: CrovverClient) -> APIConnectionError:
    with pytest.raises(APIConnectionError) as info:
        client.record_usage("ws_active", "api_calls")
    return info.value


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("refused", request=request)


def test_the_warning_comes_before_any_request() -> None:
    # A call that fails (the connection is refused) has warned all the same.
    with (
        httpx.Client(transport=httpx.MockTransport(_refuse)) as http,
        CrovverClient("sk_test_x", base_url="http://crovver.test", http_client=http, max_retries=0) as client,
    ):
        with pytest.warns(CrovverDeprecationWarning) as record:
            error = _refused(client)
        assert error.code == "NETWORK_ERROR"
        _check(record, "record_usage", _refused.__code__.co_firstlineno + 2)


# ---- type checkers (PEP 702) -------------------------------------------------------------------

SNIPPET = """\
from crovver_ext import AsyncCrovverClient, CrovverClient


def use(client: CrovverClient) -> None:
    client.record_usage("ws", "metric")
    client.check_usage_limit("ws", "metric")
    client.get_plans()
    client.credits.consume(tenant_id="ws", pool_key="p", amount=1, idempotency_key="k")


async def use_async(client: AsyncCrovverClient) -> None:
    await client.record_usage("ws", "metric")
    await client.check_usage_limit("ws", "metric")
    await client.get_plans()
"""
REPORTED = re.compile(r"^snippet\.py:(\d+): error: .*?\.(\w+) is deprecated: (.*?)\s+\[deprecated\]$")


def test_mypy_reports_the_deprecated_methods(tmp_path: Path) -> None:
    mypy = Path(sys.executable).with_name("mypy")
    if not mypy.exists():
        pytest.skip("mypy is not installed next to this Python (install the dev extra)")
    (tmp_path / "snippet.py").write_text(SNIPPET)
    # The editable install is an import hook mypy cannot follow: point it at the sources.
    env = {**os.environ, "MYPYPATH": os.pathsep.join([str(ROOT), str(ROOT / "generated")])}
    done = subprocess.run(
        [
            str(mypy),
            "--config-file=",
            "--cache-dir",
            str(tmp_path / "mypy-cache"),
            "--enable-error-code",
            "deprecated",
            "--follow-imports=silent",
            "--no-error-summary",
            "--show-error-codes",
            "snippet.py",
        ],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    lines = done.stdout.splitlines()
    found = {(int(m[1]), m[2], m[3]) for line in lines if (m := REPORTED.match(line))}
    assert found == {
        (5, "record_usage", message("record_usage")),
        (6, "check_usage_limit", message("check_usage_limit")),
        (12, "record_usage", message("record_usage")),
        (13, "check_usage_limit", message("check_usage_limit")),
    }, done.stdout + done.stderr
    # Nothing else: the snippet is otherwise clean, so only the four deprecations fail it.
    assert len(lines) == 4, done.stdout + done.stderr
    assert textwrap.dedent(SNIPPET).count("\n") == 14
