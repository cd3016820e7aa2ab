"""Through a whole client: a proxy's error page is the status error for its status, retried as
such, honouring Retry-After; a wait longer than the cap is not retried sooner."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from crovver_ext import APIStatusError, CrovverClient, InternalServerError, RateLimitError
from crovver_ext.testing import with_test_hooks

ENVELOPE = b'{"success": true, "data": {"canAccess": true, "requestingEntityId": "ws"}}'
HTML = {"content-type": "text/html"}


def _client(answers: Iterator[httpx.Response], sleeps: list[float]) -> CrovverClient:
    transport = httpx.MockTransport(lambda request: next(answers))
    return with_test_hooks(
        CrovverClient("sk_test_x", http_client=httpx.Client(transport=transport)), sleep=sleeps.append
    )


def test_a_gateway_429_page_is_a_rate_limit_error_that_honours_retry_after() -> None:
    sleeps: list[float] = []
    page = httpx.Response(
        429, content=b"<html>Too Many Requests</html>", headers={**HTML, "Retry-After": "2"}
    )
    client = _client(iter([page, httpx.Response(200, content=ENVELOPE)]), sleeps)
    assert client.can_access("ws", "feature") is True
    assert sleeps == [2.0]


@pytest.mark.parametrize(
    ("status", "cls"), [(502, InternalServerError), (520, InternalServerError), (429, RateLimitError)]
)
def test_a_proxy_page_that_persists_raises_its_status_error(status: int, cls: type[APIStatusError]) -> None:
    sleeps: list[float] = []
    pages = (
        httpx.Response(status, content=b"<html>down</html>", headers={**HTML, "X-Request-Id": "req_9"})
        for _ in range(9)
    )
    with pytest.raises(cls) as info:
        _client(pages, sleeps).can_access("ws", "feature")
    assert len(sleeps) == 3 and info.value.status_code == status
    assert info.value.headers["x-request-id"] == "req_9" and info.value.body == "<html>down</html>"


def test_a_wait_longer_than_the_cap_is_not_retried_sooner() -> None:
    sleeps: list[float] = []
    page = httpx.Response(429, content=b"", headers={"Retry-After": "120"})
    with pytest.raises(RateLimitError) as info:
        _client(iter([page]), sleeps).can_access("ws", "feature")
    assert sleeps == [] and info.value.headers["retry-after"] == "120"
    assert info.value.message == "HTTP 429 Too Many Requests" and info.value.body is None
