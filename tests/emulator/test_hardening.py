"""The local Crovver under hostile or unlucky input: odd methods, broken framing, a forged Host,
a long run, and a port it cannot bind. Every answer is a JSON envelope; no connection is dropped
without one and nothing is logged as an internal error."""

from __future__ import annotations

import gc
import json
import socket
import sqlite3
import tracemalloc
from typing import Any

import httpx
import pytest

from crovver_ext.testing import IN_PROCESS_URL, LocalCrovver
from crovver_ext.testing._faults import DEFAULT_LOG_SIZE, RequestLog
from tests.emulator.helpers import check_conformance


def _raw(local: LocalCrovver, data: bytes) -> bytes:
    host, port = local.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(data)
        sock.shutdown(socket.SHUT_WR)  # the request ends here, complete or not
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def _split(raw: bytes) -> tuple[int, dict[str, str], dict[str, Any]]:
    head, _, body = raw.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.lower(): v.strip() for k, _, v in (line.partition(":") for line in lines[1:])}
    return status, headers, json.loads(body)


def _auth(local: LocalCrovver) -> bytes:
    return f"Authorization: Bearer {local.secret_key}\r\n".encode()


# ---- methods -------------------------------------------------------------------------------------


@pytest.mark.parametrize("method", ["TRACE", "CONNECT", "FROB", "PROPFIND"])
def test_unknown_methods_get_a_405_envelope_with_allow(local: LocalCrovver, method: str) -> None:
    errors = local.emulator.internal_errors
    for path, allow in (("/api/public/can-access", "GET, POST"), ("/api/public/credits/consume", "POST")):
        raw = _raw(local, f"{method} {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
        status, headers, body = _split(raw)
        assert (status, headers["allow"], headers["content-type"]) == (
            405,
            allow,
            "application/json; charset=utf-8",
        )
        assert body["success"] is False and body["error"] == {
            "message": f"Method {method!r} is not supported",
            "code": "METHOD_NOT_ALLOWED",
        }
    assert local.emulator.internal_errors == errors


def test_unknown_methods_in_process_too(local: LocalCrovver) -> None:
    with httpx.Client(transport=local.transport(), base_url=IN_PROCESS_URL) as client:
        response = client.request("TRACE", "/api/public/plans")
    assert (response.status_code, response.headers["allow"]) == (405, "GET")
    check_conformance("TRACE", "/api/public/plans", 405, response.content)


def test_a_known_method_on_the_wrong_path_names_the_right_ones(api: httpx.Client) -> None:
    response = api.delete("/api/public/can-access")
    assert (response.status_code, response.headers["allow"]) == (405, "GET, POST")


# ---- framing ---------------------------------------------------------------------------------


POST = b"POST /api/public/can-access HTTP/1.1\r\nHost: x\r\n"
BAD_FRAMING = {
    "negative chunk size": b"Transfer-Encoding: chunked\r\n\r\n-5\r\nhello\r\n0\r\n\r\n",
    "0x chunk size": b"Transfer-Encoding: chunked\r\n\r\n0x5\r\nhello\r\n0\r\n\r\n",
    "signed chunk size": b"Transfer-Encoding: chunked\r\n\r\n+5\r\nhello\r\n0\r\n\r\n",
    "huge chunk size line": b"Transfer-Encoding: chunked\r\n\r\n" + b"f" * 2000 + b"\r\n",
    "chunk longer than its size": b"Transfer-Encoding: chunked\r\n\r\n2\r\nhello\r\n0\r\n\r\n",
    "chunk cut short": b"Transfer-Encoding: chunked\r\n\r\n9\r\nhello",
    "no size line": b"Transfer-Encoding: chunked\r\n\r\n",
    "gzip transfer coding": b"Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n",
    "chunked and a length": b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n",
    "negative length": b"Content-Length: -1\r\n\r\n",
    "signed length": b"Content-Length: +2\r\n\r\n{}",
    "two lengths": b"Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
    "hex length": b"Content-Length: 0x2\r\n\r\n{}",
    "huge length": b"Content-Length: 99999999999999999999999\r\n\r\n",
}


@pytest.mark.parametrize("tail", BAD_FRAMING.values(), ids=BAD_FRAMING.keys())
def test_malformed_framing_gets_a_400_envelope(local: LocalCrovver, tail: bytes) -> None:
    errors = local.emulator.internal_errors
    status, headers, body = _split(_raw(local, POST + _auth(local) + tail))
    assert (status, headers["connection"]) == (400, "close")
    assert body == {
        "success": False,
        "data": None,
        "error": {"message": body["error"]["message"], "code": "VALIDATION_ERROR"},
    }
    assert local.emulator.internal_errors == errors


@pytest.mark.parametrize(
    "request_line",
    [b"GET\r\n", b"GET /api/public/plans HTTP/9.9\r\n", b"GET /api/public/plans HTTP/1.1 extra\r\n"],
)
def test_a_broken_request_line_gets_an_envelope(local: LocalCrovver, request_line: bytes) -> None:
    status, _, body = _split(_raw(local, request_line + b"Host: x\r\n\r\n"))
    assert 400 <= status < 600 and body["success"] is False


def test_good_chunked_framing_still_works(local: LocalCrovver) -> None:
    payload = b'{"requestingEntityId":"ws_active","featureKey":"sso"}'
    half = len(payload) // 2
    chunks = b"%x;ext=1\r\n%s\r\n%x\r\n%s\r\n0\r\nX-Trailer: 1\r\n\r\n" % (
        half,
        payload[:half],
        len(payload) - half,
        payload[half:],
    )
    raw = _raw(
        local, POST + _auth(local) + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n" + chunks
    )
    status, _, body = _split(raw)
    assert status == 200 and body["data"]["canAccess"] is False


# ---- URLs it mints -----------------------------------------------------------------------------


def test_minted_urls_ignore_the_host_header(local: LocalCrovver) -> None:
    body = b'{"planId":"plan_pro","externalTenantId":"ws_none"}'
    request = (
        b"POST /api/public/checkout HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
        + _auth(local)
        + b"Content-Type: application/json\r\nContent-Length: %d\r\nConnection: close\r\n\r\n%s"
        % (len(body), body)
    )
    status, _, reply = _split(_raw(local, request))
    assert status == 201
    assert reply["data"]["checkoutUrl"].startswith(f"{local.base_url}/checkout/cs_")
    assert "evil" not in json.dumps(reply)


def test_minted_urls_use_the_configured_public_url() -> None:
    with LocalCrovver(public_url="https://billing.test/crovver/") as local:
        with httpx.Client(
            base_url=local.base_url, headers={"x-public-key": local.public_key, "Host": "evil.example"}
        ) as c:
            token = c.post(
                "/api/public/auth/portal-token",
                json={"externalTenantId": "ws_active", "returnUrl": "https://a.test"},
            ).json()
        assert token["meta"]["portalUrl"].startswith("https://billing.test/crovver/portal?token=")


def test_in_process_urls_use_the_placeholder_until_started() -> None:
    local = LocalCrovver()
    try:
        with httpx.Client(transport=local.transport(), base_url="http://evil.example") as client:
            reply = client.post(
                "/api/public/checkout",
                json={"planId": "plan_pro", "externalTenantId": "ws_none"},
                headers={"Authorization": f"Bearer {local.secret_key}"},
            ).json()
        assert reply["data"]["checkoutUrl"].startswith(f"{IN_PROCESS_URL}/checkout/")
    finally:
        local.stop()


@pytest.mark.parametrize(
    "url", ["ftp://x.test", "https://", "https://x.test/?a=1", "https://x.test/#f", "x.test"]
)
def test_a_bad_public_url_is_refused(url: str) -> None:
    with pytest.raises(ValueError, match="public_url"):
        LocalCrovver(public_url=url)


# ---- the request log is a ring --------------------------------------------------------------------


def test_the_request_log_keeps_the_last_entries_only() -> None:
    log = RequestLog(3)
    for i in range(10):
        log.start("POST", f"/p{i}", {}, {}, b'{"n": %d}' % i, None, "t")
    entries = log.list()
    assert [e["path"] for e in entries] == ["/p7", "/p8", "/p9"]
    assert [e["id"] for e in entries] == [8, 9, 10]  # ids keep counting
    assert log.size == 3 and RequestLog().size == DEFAULT_LOG_SIZE


@pytest.mark.parametrize("size", [0, -1, True, 2.5])
def test_a_bad_log_size_is_refused(size: object) -> None:
    with pytest.raises(ValueError, match="request_log_size"):
        LocalCrovver(request_log_size=size)  # type: ignore[arg-type]


def test_the_request_log_does_not_grow_with_large_bodies() -> None:
    local = LocalCrovver(request_log_size=50)
    padding = "x" * 100_000
    try:
        with httpx.Client(
            transport=local.transport(),
            base_url=IN_PROCESS_URL,
            headers={"Authorization": f"Bearer {local.secret_key}"},
        ) as client:

            def burst(n: int) -> None:
                for i in range(n):
                    client.post(
                        "/api/public/record-usage",
                        json={"requestingEntityId": "nope", "metric": padding, "i": i},
                    )

            tracemalloc.start()  # before the ring fills, so the entries it drops were traced
            try:
                burst(60)  # fill the ring
                gc.collect()
                before = tracemalloc.take_snapshot()
                burst(300)  # 30 MB of bodies
                gc.collect()
                after = tracemalloc.take_snapshot()
            finally:
                tracemalloc.stop()
        grown = sum(s.size_diff for s in after.compare_to(before, "filename"))
        assert grown < 2_000_000, f"the log grew by {grown} bytes"
        assert len(local.control.requests()) == 50
    finally:
        local.stop()


# ---- a port it cannot bind ------------------------------------------------------------------------


def test_a_local_crovver_that_cannot_bind_closes_its_database() -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        local = LocalCrovver(port=busy.getsockname()[1])
        with pytest.raises(OSError, match="in use"):
            local.start()
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        local.emulator.store.conn.execute("SELECT 1")
    with pytest.raises(RuntimeError, match="stopped"):
        local.start()
