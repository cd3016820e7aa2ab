"""Options are checked at construction (and by ``with_options``), naming the option, so a bad one
never reaches a call: there it failed every request (OverflowError, UnicodeError, a wrong path)."""

from __future__ import annotations

import math
from typing import Any

import httpx
import pytest

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext._cli import main

KEY = "sk_test_options"

BAD_TIMEOUTS: list[Any] = [math.inf, -math.inf, 1e300, math.nan, -1, 0, 0.0, 86_401]


@pytest.mark.parametrize("client_type", [CrovverClient, AsyncCrovverClient])
@pytest.mark.parametrize("timeout", BAD_TIMEOUTS, ids=repr)
def test_a_timeout_that_is_not_positive_and_finite_is_refused(client_type: type[Any], timeout: Any) -> None:
    with pytest.raises(ValueError, match=r"^timeout must be a positive, finite number"):
        client_type(KEY, timeout=timeout)


@pytest.mark.parametrize("part", ["connect", "read", "write", "pool"])
@pytest.mark.parametrize("value", [math.inf, 1e300, math.nan, -1.0, 0.0], ids=repr)
def test_every_part_of_an_httpx_timeout_is_checked(part: str, value: float) -> None:
    parts: dict[str, float | None] = {"connect": 5.0, "read": 5.0, "write": 5.0, "pool": 5.0, part: value}
    with pytest.raises(ValueError, match=rf"^timeout\.{part} must be"):
        CrovverClient(KEY, timeout=httpx.Timeout(**parts))


def test_good_timeouts_are_kept() -> None:
    assert CrovverClient(KEY, timeout=None).timeout == httpx.Timeout(None)
    assert CrovverClient(KEY, timeout=2).timeout == httpx.Timeout(2.0)
    assert CrovverClient(KEY, timeout=86_400).timeout == httpx.Timeout(86_400.0)
    mixed = httpx.Timeout(5.0, connect=None)
    assert CrovverClient(KEY, timeout=mixed).timeout == mixed


@pytest.mark.parametrize(
    ("url", "problem"),
    [
        ("http://a..b", "valid host"),
        ("http://.a", "valid host"),
        ("http://a b", "valid host"),
        ("http://%41.example", "valid host"),
        ("http://" + "a" * 64 + ".example", "valid host"),
        ("http://host/#frag", "query or fragment"),
        ("http://host/#", "query or fragment"),
        ("http://host/api?", "query or fragment"),
        ("http://host/?x=1", "query or fragment"),
        ("http://user:pw@host", "credentials"),
        ("http://host:99999", "port"),
        ("ftp://host", "http"),
        ("host.example", "http"),
        ("http://", "http"),
    ],
)
def test_a_bad_base_url_is_a_value_error_naming_it(url: str, problem: str) -> None:
    with pytest.raises(ValueError, match=r"^base_url ") as info:
        CrovverClient(KEY, base_url=url)
    assert problem in str(info.value) and type(info.value) is ValueError  # not a UnicodeError


@pytest.mark.parametrize(
    "url",
    [
        "https://app.crovver.com",
        "http://127.0.0.1:8787/",
        "http://[::1]:8787",
        "http://crovver-api.internal.",
        "http://my_service:80/prefix",
        "https://ünïcode.example",
    ],
)
def test_good_base_urls_are_kept(url: str) -> None:
    assert CrovverClient(KEY, base_url=url).base_url == url.rstrip("/")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"timeout": math.inf}, "^timeout must be"),
        ({"timeout": httpx.Timeout(1.0, read=math.nan)}, r"^timeout\.read must be"),
        ({"base_url": "http://a..b"}, "^base_url "),
        ({"base_url": "http://host/#frag"}, "^base_url "),
        ({"max_retries": -1}, "^max_retries "),
    ],
)
def test_with_options_checks_as_the_constructor_does(options: dict[str, Any], message: str) -> None:
    client = CrovverClient(KEY)
    with pytest.raises(ValueError, match=message):
        client.with_options(**options)


@pytest.mark.parametrize("timeout", ["inf", "1e300", "nan", "-1", "0", "86401"])
def test_the_cli_refuses_a_bad_timeout_as_a_usage_error(
    timeout: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROVVER_SECRET_KEY", KEY)
    with pytest.raises(SystemExit) as info:
        main(["--timeout", timeout, "plans"])
    assert info.value.code == 2
    [*_, line] = capsys.readouterr().err.splitlines()
    assert "--timeout" in line and "positive number of seconds" in line


@pytest.mark.parametrize("url", ["http://a..b", "http://host/#frag", "http://host:99999"])
def test_the_cli_refuses_a_bad_base_url_as_a_configuration_error(
    url: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("CROVVER_SECRET_KEY", KEY)
    assert main(["--base-url", url, "plans"]) == 3  # the documented status for a bad base URL
    captured = capsys.readouterr()
    [line] = captured.err.splitlines()
    assert line.startswith("crovver: error: base_url ") and captured.out == ""
