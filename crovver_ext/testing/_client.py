"""``ControlPlane``: a small client for the emulator's ``/_emulator/`` endpoints."""

from __future__ import annotations

from datetime import datetime
from types import TracebackType
from typing import TYPE_CHECKING, Any

import httpx

from ._clock import parse_iso

if TYPE_CHECKING:
    from ._local import LocalCrovver

#: The base URL used with the in-process transports (any host works; this one is obvious).
IN_PROCESS_URL = "http://local.crovver"


class EmulatorError(RuntimeError):
    """A control-plane call failed; ``status`` and ``code`` say why."""

    def __init__(self, status: int, code: str | None, message: str) -> None:
        super().__init__(f"{status} {code or ''}: {message}".strip())
        self.status = status
        """The HTTP status the control plane answered with."""
        self.code = code
        """The emulator's error code, when it sent one."""
        self.message = message
        """What went wrong, as the emulator said."""


class ControlPlane:
    """Drive a local Crovver: checkouts, clock, faults, request log, ledger, webhooks."""

    def __init__(
        self, base_url: str = "http://127.0.0.1:8787", http_client: httpx.Client | None = None
    ) -> None:
        self._base = base_url.rstrip("/")
        self._own = http_client is None
        self._client = http_client or httpx.Client(timeout=30.0, trust_env=False)

    @classmethod
    def in_process(cls, local: LocalCrovver) -> ControlPlane:
        """A control plane that talks to ``local`` through its in-process transport."""
        control = cls(IN_PROCESS_URL, httpx.Client(transport=local.transport()))
        control._own = True
        return control

    def close(self) -> None:
        """Close the HTTP client if this object created it."""
        if self._own:
            self._client.close()

    def __enter__(self) -> ControlPlane:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def _call(self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None) -> Any:
        response = self._client.request(
            method,
            f"{self._base}/_emulator/{path}",
            json=json,
            params={k: v for k, v in (params or {}).items() if v is not None} or None,
        )
        try:
            body = response.json()
        except ValueError:  # not the control plane answering (a proxy, the wrong port, ...)
            raise EmulatorError(
                response.status_code, None, f"not a control-plane answer: {response.text[:200]!r}"
            ) from None
        if response.status_code >= 400:
            error = body.get("error") if isinstance(body, dict) else None
            error = error if isinstance(error, dict) else {}
            raise EmulatorError(
                response.status_code, error.get("code"), str(error.get("message", response.text))
            )
        return body

    # --- checkouts and clock -----------------------------------------------------------------

    def complete_checkout(self, session_id: str, outcome: str = "paid") -> dict[str, Any]:
        """Finish a checkout session (plan, add-on or seats) as ``paid`` or ``failed``."""
        result: dict[str, Any] = self._call(
            "POST", f"checkouts/{session_id}/complete", json={"outcome": outcome}
        )
        return result

    def advance_clock(self, days: float = 0, seconds: float = 0) -> datetime:
        """Move the emulator's clock forward, running renewals and expiries; the new time."""
        return parse_iso(self._call("POST", "clock/advance", json={"days": days, "seconds": seconds})["now"])

    def now(self) -> datetime:
        """The emulator's current time."""
        return parse_iso(self._call("GET", "clock")["now"])

    # --- faults and the request log ----------------------------------------------------------

    def inject_fault(
        self,
        path: str,
        *,
        method: str = "*",
        action: str = "status",
        status: int | None = None,
        body: Any = None,
        content_type: str | None = None,
        headers: dict[str, str] | None = None,
        delay: float | None = None,
        times: int = 1,
    ) -> str:
        """Make the next ``times`` matching requests fail; returns the fault id."""
        spec: dict[str, Any] = {"path": path, "method": method, "action": action, "times": times}
        for key, value in (
            ("status", status),
            ("body", body),
            ("content_type", content_type),
            ("headers", headers),
            ("delay", delay),
        ):
            if value is not None:
                spec[key] = value
        return str(self._call("POST", "faults", json=spec)["id"])

    def clear_faults(self) -> None:
        """Remove every fault."""
        self._call("DELETE", "faults")

    def requests(self, method: str | None = None, path: str | None = None) -> list[dict[str, Any]]:
        """The request log (oldest first), optionally filtered."""
        result: list[dict[str, Any]] = self._call("GET", "requests", params={"method": method, "path": path})
        return result

    def clear_requests(self) -> None:
        """Empty the request log."""
        self._call("DELETE", "requests")

    def reset(self) -> None:
        """Back to the seed: state, clock, faults, log and webhooks."""
        self._call("POST", "reset")

    # --- state inspection --------------------------------------------------------------------

    def ledger(self, tenant_id: str, pool_key: str | None = None) -> dict[str, Any]:
        """The tenant's grants and consumptions as stored."""
        result: dict[str, Any] = self._call(
            "GET", "ledger", params={"tenantId": tenant_id, "poolKey": pool_key}
        )
        return result

    def tenant_state(self, tenant_id: str) -> dict[str, Any]:
        """The tenant, its members, subscriptions, allocations, purchases and invoices."""
        result: dict[str, Any] = self._call("GET", f"tenants/{tenant_id}")
        return result

    # --- webhooks ----------------------------------------------------------------------------

    def register_webhook(self, url: str, secret: str | None = None) -> tuple[str, str]:
        """Add a webhook endpoint; returns ``(id, signing secret)``."""
        body = self._call("POST", "webhooks/endpoints", json={"url": url, "secret": secret})
        return str(body["id"]), str(body["secret"])

    def webhook_deliveries(self) -> list[dict[str, Any]]:
        """Every webhook delivery so far."""
        result: list[dict[str, Any]] = self._call("GET", "webhooks/deliveries")
        return result

    def resend_webhook(self, delivery_id: str) -> None:
        """Send a delivery again: the same bytes, the same event id."""
        self._call("POST", f"webhooks/deliveries/{delivery_id}/resend")

    def send_test_webhook(self) -> str:
        """Queue a ``webhook.test`` event; returns its event id."""
        return str(self._call("POST", "webhooks/test")["eventId"])

    def flush_webhooks(self, timeout: float = 5.0) -> bool:
        """Wait until every queued webhook was delivered; ``False`` on timeout."""
        return bool(self._call("POST", "webhooks/flush", params={"timeout": timeout})["flushed"])
