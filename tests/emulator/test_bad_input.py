"""Bad input at the HTTP layer gets a 4xx envelope with a code, never a 500 or a traceback."""

from __future__ import annotations

import dataclasses
import socket
from typing import Any

import httpx
import pytest

from crovver_ext.testing import IN_PROCESS_URL, LocalCrovver, _app
from tests.emulator.samples import SAMPLES

POSTS = sorted(op for op, (method, _, _) in SAMPLES.items() if method == "POST")


def _code(response: httpx.Response) -> Any:
    body = response.json()
    assert body["success"] is False and body["data"] is None
    return body["error"]["code"] if isinstance(body["error"], dict) else body["error"]


@pytest.mark.parametrize("op", POSTS)
def test_empty_object_is_missing_fields(api: httpx.Client, op: str) -> None:
    _, path, _ = SAMPLES[op]
    response = api.post(path, json={})
    assert (response.status_code, _code(response)) == (400, "MISSING_REQUIRED_FIELDS")


@pytest.mark.parametrize("op", POSTS)
@pytest.mark.parametrize(
    ("body", "code"),
    [
        (b"{not json", "INVALID_JSON"),
        (b'{"a": NaN}', "INVALID_JSON"),
        (b'{"a": "\\ud800"}', "INVALID_JSON"),
        (b"\xff\xfe", "INVALID_JSON"),
        (b"[" * 5000 + b"]" * 5000, "INVALID_JSON"),
        (b'{"a": 1' + b"0" * 5000 + b"}", "INVALID_JSON"),
        (b"[]", "VALIDATION_ERROR"),
        (b'"text"', "VALIDATION_ERROR"),
        (b"42", "VALIDATION_ERROR"),
        (b"null", "VALIDATION_ERROR"),
    ],
    ids=["broken", "nan", "surrogate", "not-utf8", "deep", "huge-int", "list", "string", "number", "null"],
)
def test_bodies_that_are_not_json_objects(api: httpx.Client, op: str, body: bytes, code: str) -> None:
    _, path, _ = SAMPLES[op]
    response = api.post(path, content=body, headers={"Content-Type": "application/json"})
    assert (response.status_code, _code(response)) == (400, code)


def test_wrong_field_types(api: httpx.Client) -> None:
    cases: list[tuple[str, dict[str, Any]]] = [
        (
            "/api/public/credits/consume",
            {"tenantId": ["ws_active"], "poolKey": "ai_generations", "amount": 1, "idempotencyKey": "k"},
        ),
        (
            "/api/public/credits/consume",
            {"tenantId": "ws_active", "poolKey": "ai_generations", "amount": 1, "idempotencyKey": 5},
        ),
        (
            "/api/public/credits/consume",
            {
                "tenantId": "ws_active",
                "poolKey": "ai_generations",
                "amount": 1,
                "idempotencyKey": "k",
                "metadata": 3,
            },
        ),
        ("/api/public/can-access", {"requestingEntityId": {"id": 1}, "featureKey": "x"}),
        (
            "/api/public/capacity/allocate",
            {"requestingEntityId": "ws_business", "externalUserId": "u", "confirmProration": "yes"},
        ),
        ("/api/public/tenants", {"externalTenantId": "x" * 1001, "name": "n", "externalUserId": "u"}),
    ]
    for path, body in cases:
        response = api.post(path, json=body)
        assert (response.status_code, _code(response)) == (400, "VALIDATION_ERROR"), body


@pytest.mark.parametrize("size", [1024 * 1024 + 1, 3 * 1024 * 1024])
def test_oversized_bodies_are_413(api: httpx.Client, size: int) -> None:
    response = api.post("/api/public/credits/consume", content=b"x" * size)
    assert (response.status_code, _code(response)) == (413, "PAYLOAD_TOO_LARGE")
    assert api.get("/api/public/plans").status_code == 200, "the connection is still usable"


def test_oversized_bodies_in_process(local: LocalCrovver) -> None:
    with httpx.Client(transport=local.transport(), base_url=IN_PROCESS_URL) as client:
        response = client.post("/api/public/credits/consume", content=b"x" * (1024 * 1024 + 1))
    assert (response.status_code, _code(response)) == (413, "PAYLOAD_TOO_LARGE")


def test_unknown_routes_and_methods(api: httpx.Client) -> None:
    for path in (
        "/",
        "/api",
        "/api/public/nope",
        "/api/public/tenants/ws_active/addons",
        "/api/public/tenants/ws_active/addons/x/y",
    ):
        response = api.get(path)
        assert (response.status_code, _code(response)) == (404, "NOT_FOUND"), path
    wrong = api.delete("/api/public/tenants")
    assert (wrong.status_code, _code(wrong)) == (405, "METHOD_NOT_ALLOWED")
    assert wrong.headers["allow"] == "GET, POST"
    assert api.put("/api/public/credits/consume", json={}).headers["allow"] == "POST"
    head = api.head("/api/public/plans")
    assert head.status_code == 405 and head.content == b""


@pytest.mark.parametrize(
    "tenant",
    ["a%2Fb", "%2E%2E", "..%2F..%2Fetc", "caf%C3%A9", "%F0%9F%98%80", "%00", "%FF", "a b", "x" * 500],
)
def test_odd_path_ids(api: httpx.Client, public: httpx.Client, tenant: str) -> None:
    for client, method, suffix in (
        (public, "GET", "available"),
        (public, "GET", "active"),
        (api, "POST", "purchase"),
    ):
        body = (
            {"addonId": "addon_ai_500", "currency": "USD", "idempotencyKey": f"k-{suffix}"}
            if method == "POST"
            else None
        )
        response = client.request(method, f"/api/public/tenants/{tenant}/addons/{suffix}", json=body)
        assert (response.status_code, _code(response)) == (404, "TENANT_NOT_FOUND"), (tenant, suffix)
    cancel = api.post(
        f"/api/public/subscriptions/{tenant}/cancel", json={"externalTenantId": "ws_active", "reason": "x"}
    )
    assert (cancel.status_code, _code(cancel)) == (404, "SUBSCRIPTION_NOT_FOUND")


def test_odd_query_values(api: httpx.Client) -> None:
    for params in ({"tenantId": "ws_active\x00"}, {"tenantId": "%ZZ"}, {"tenantId": "é"}, {"tenantId": ""}):
        response = api.get("/api/public/credits/balance", params=params)
        assert response.status_code in (400, 404) and _code(response) in (
            "TENANT_NOT_FOUND",
            "MISSING_REQUIRED_FIELDS",
        )
    many = "&".join(f"k{i}=v" for i in range(300))
    response = api.get(f"/api/public/credits/balance?{many}")
    assert (response.status_code, _code(response)) == (400, "VALIDATION_ERROR")


def _raw_request(local: LocalCrovver, data: bytes) -> bytes:
    host, port = local.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        sock.sendall(data)
        chunks = []
        while chunk := sock.recv(65536):
            chunks.append(chunk)
    return b"".join(chunks)


def test_raw_dot_segments_and_framing(local: LocalCrovver) -> None:
    auth = f"Authorization: Bearer {local.secret_key}\r\n".encode()
    dots = _raw_request(
        local,
        b"GET /api/public/tenants/../addons/active HTTP/1.1\r\nHost: x\r\n"
        + auth
        + b"Connection: close\r\n\r\n",
    )
    assert dots.startswith(b"HTTP/1.1 404") and b"TENANT_NOT_FOUND" in dots
    bad_length = _raw_request(
        local, b"POST /api/public/credits/consume HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n"
    )
    assert bad_length.startswith(b"HTTP/1.1 400") and b"VALIDATION_ERROR" in bad_length
    chunked = _raw_request(
        local,
        b"POST /api/public/can-access HTTP/1.1\r\nHost: x\r\n"
        + auth
        + b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
        + b"1c\r\n"
        + b'{"requestingEntityId":"ws_ac'
        + b"\r\n"
        + b"15\r\n"
        + b'tive","productSlug":"'
        + b"\r\n"
        + b"5\r\n"
        + b'app"}'
        + b"\r\n0\r\n\r\n",
    )
    assert chunked.startswith(b"HTTP/1.1 200") and b'"canAccess":true' in chunked
    garbage = _raw_request(
        local, b"POST /api/public/can-access HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n"
    )
    assert garbage.startswith(b"HTTP/1.1 400")


def test_keep_alive_and_content_length(local: LocalCrovver) -> None:
    request = (
        f"GET /api/public/plans HTTP/1.1\r\nHost: x\r\nx-public-key: {local.public_key}\r\n\r\n".encode()
    )
    host, port = local.base_url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=5) as sock:
        reader = sock.makefile("rb")
        for _ in range(3):  # three requests on one connection
            sock.sendall(request)
            status = reader.readline()
            headers = {}
            while (line := reader.readline()) != b"\r\n":
                name, _, value = line.decode().partition(":")
                headers[name.lower()] = value.strip()
            body = reader.read(int(headers["content-length"]))
            assert status.startswith(b"HTTP/1.1 200") and body.startswith(b'{"success":true')
        reader.close()


def test_an_unexpected_error_is_a_500_envelope_without_a_traceback(
    api: httpx.Client, local: LocalCrovver, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def boom(ctx: object) -> Any:
        raise KeyError("deliberate")

    routes = tuple(
        dataclasses.replace(route, handler=boom) if route.pattern.endswith("supported-providers") else route
        for route in _app.ROUTES
    )
    monkeypatch.setattr(_app, "ROUTES", routes)
    before = local.emulator.internal_errors
    with httpx.Client(base_url=local.base_url, headers=api.headers, verify=False) as client:
        response = client.get("/api/public/supported-providers")
    assert response.status_code == 500
    assert response.json() == {
        "success": False,
        "data": None,
        "error": {"message": "Internal server error", "code": "INTERNAL_ERROR"},
    }
    assert "Traceback" not in response.text and "deliberate" not in response.text
    assert local.emulator.internal_errors == before + 1
    assert "deliberate" in caplog.text, "the traceback goes to the log instead"
