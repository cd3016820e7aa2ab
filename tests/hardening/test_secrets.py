"""The key is in no frame's locals an error passes through: what an error tracker records.

Each error path (construction, status errors, invalid responses, connection errors, timeouts) is
rendered the way such trackers do it, ``traceback.TracebackException(..., capture_locals=True)``,
over the whole chain of causes, and the key must appear nowhere.
"""

from __future__ import annotations

import asyncio
import math
import pickle
import traceback
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from crovver_ext import (
    APIConnectionError,
    APITimeoutError,
    AsyncCrovverClient,
    AuthenticationError,
    CrovverClient,
    InternalServerError,
    InvalidResponseError,
)
from crovver_ext._errors import Secret
from crovver_ext.testing import with_test_hooks
from tests.faults.flavors import refused_url
from tests.hardening.conftest import RawServer, response

KEY = "sk_test_SECRET_CANARY_7f3a"


def _rendered(error: BaseException) -> str:
    """The chain with every frame's locals, but the frames of the tests themselves (which hold
    the key as test data)."""
    rendered = traceback.TracebackException(type(error), error, error.__traceback__, capture_locals=True)
    chained: traceback.TracebackException | None = rendered
    while chained is not None:
        frames = [f for f in chained.stack if "/tests/" not in f.filename]
        chained.stack = traceback.StackSummary.from_list(frames)
        chained = chained.__cause__ or chained.__context__
    return "".join(rendered.format())


def _assert_clean(error: BaseException) -> str:
    text = _rendered(error)
    assert KEY not in text and "SECRET_CANARY" not in text, text
    assert "repr() failed" not in text, text  # every local could be shown
    return text


def test_the_secret_object_never_shows_its_value() -> None:
    secret = Secret(KEY)
    for text in (repr(secret), str(secret), f"{secret}", repr([secret]), repr({"k": secret})):
        assert KEY not in text and "[redacted]" in text
    with pytest.raises(TypeError, match="not picklable"):
        pickle.dumps(secret)


CONSTRUCTION: list[tuple[str, Callable[[], Any], type[Exception]]] = [
    ("bad timeout", lambda: CrovverClient(KEY, timeout=math.inf), ValueError),
    ("bad base URL", lambda: CrovverClient(KEY, base_url="http://a..b"), ValueError),
    ("bad max_retries", lambda: AsyncCrovverClient(KEY, max_retries=-1), ValueError),
    ("bad http_client", lambda: CrovverClient(KEY, http_client=object()), TypeError),  # type: ignore[arg-type]
    ("key with a space", lambda: CrovverClient(KEY + " x"), ValueError),
    ("key not ASCII", lambda: CrovverClient(KEY + "é"), ValueError),
    ("a public key", lambda: CrovverClient("pk_test_" + KEY), ValueError),
    (
        "with_options",
        lambda: CrovverClient("sk_test_other").with_options(api_key=KEY, timeout=math.nan),
        ValueError,
    ),
    (
        "with_options key",
        lambda: CrovverClient("sk_test_other").with_options(api_key=KEY + "\n1"),
        ValueError,
    ),
]


@pytest.mark.parametrize(("build", "error"), [pytest.param(*c[1:], id=c[0]) for c in CONSTRUCTION])
def test_construction_errors_leave_no_key_in_any_frame(
    build: Callable[[], Any], error: type[Exception]
) -> None:
    with pytest.raises(error) as info:
        build()
    _assert_clean(info.value)


def test_a_key_from_the_environment_stays_out_of_frames_too(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CROVVER_SECRET_KEY", KEY + " with a space")
    with pytest.raises(ValueError, match="whitespace") as info:
        CrovverClient()
    _assert_clean(info.value)


def test_repr_never_raises_even_for_a_half_built_client() -> None:
    for cls in (CrovverClient, AsyncCrovverClient):
        bare = cls.__new__(cls)
        assert repr(bare).startswith(cls.__name__)
    with pytest.raises(ValueError, match="timeout") as info:
        CrovverClient(KEY, timeout=-1)  # stops inside __init__: `self` is half built
    assert "CrovverClient(base_url=" in _assert_clean(info.value)


def _echo_page(status: str) -> bytes:
    # A proxy that echoes the request's Authorization header into its page.
    return response(f"<html><pre>Authorization: Bearer {KEY}</pre></html>".encode(), status=status)


CALL_ERRORS: list[tuple[str, dict[str, Any], type[Exception]]] = [
    ("a 502 page echoing the key", {"payload": _echo_page("502 Bad Gateway")}, InternalServerError),
    ("a 200 page echoing the key", {"payload": _echo_page("200 OK")}, InvalidResponseError),
    (
        "a 401 envelope echoing the key",
        {
            "payload": response(
                f'{{"success": false, "error": {{"message": "bad key {KEY}", "code": "INVALID_SERVICE_KEY"}}}}'.encode(),
                status="401 Unauthorized",
            )
        },
        AuthenticationError,
    ),
    (
        "a 200 whose unreadable data echoes the key in another field",
        {
            "payload": response(
                b'{"success": true, "data": {"organization": 5, "plans": [{"id": "p", "name": "Bearer '
                + KEY.encode()
                + b'"}]}}'
            )
        },
        InvalidResponseError,
    ),
    ("a trickle: timeout", {"payload": response(), "interval": 0.1}, APITimeoutError),
]


def _get_plans(flavor: str, **options: Any) -> None:
    """``get_plans`` through a new sync or async client; retries do not sleep."""
    if flavor == "sync":
        with with_test_hooks(CrovverClient(KEY, **options), sleep=lambda seconds: None) as client:
            client.get_plans()
        return

    async def nap(seconds: float) -> None:
        pass

    async def run() -> None:
        async with with_test_hooks(AsyncCrovverClient(KEY, **options), sleep=nap) as client:
            await client.get_plans()

    asyncio.run(run())


@pytest.mark.parametrize(("server", "error"), [pytest.param(*c[1:], id=c[0]) for c in CALL_ERRORS])
@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_call_errors_leave_no_key_in_any_frame(
    raw_server: Callable[..., RawServer], server: dict[str, Any], error: type[Exception], flavor: str
) -> None:
    url = raw_server(**server).url
    with pytest.raises(error) as info:
        _get_plans(flavor, base_url=url, max_retries=1, timeout=0.3)
    _assert_clean(info.value)


@pytest.mark.parametrize("flavor", ["sync", "async"])
def test_connection_errors_leave_no_key_in_any_frame(flavor: str) -> None:
    with pytest.raises(APIConnectionError) as info:
        _get_plans(flavor, base_url=refused_url(), max_retries=0)
    _assert_clean(info.value)


def test_errors_through_a_pool_passed_in_leave_no_key_in_any_frame() -> None:
    # A pool passed in gets the Authorization header with every request, not as its default.
    def fail(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    http = httpx.Client(transport=httpx.MockTransport(fail))
    with pytest.raises(APIConnectionError) as info:
        CrovverClient(KEY, http_client=http, max_retries=0).get_plans()
    _assert_clean(info.value)
