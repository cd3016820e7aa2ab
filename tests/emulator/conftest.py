"""Fixtures for the local Crovver tests.

One emulator serves all of tests/emulator over loopback; each test starts from the seed
(``control.reset()``). ``api``/``public``/``anon`` clients validate every API answer they get
against openapi.yaml; ``raw`` does not (for fault tests whose answers are deliberately not API
answers).
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from crovver_ext.testing import ControlPlane, LocalCrovver
from tests.emulator.helpers import WebhookReceiver, conform_hook


@pytest.fixture(scope="package")
def server() -> Iterator[LocalCrovver]:
    # Package scope: the server (and its threads) is gone before other test packages run.
    with LocalCrovver() as local:
        yield local


@pytest.fixture
def local(server: LocalCrovver) -> LocalCrovver:
    server.control.reset()
    return server


@pytest.fixture
def control(local: LocalCrovver) -> ControlPlane:
    return local.control


def _client(local: LocalCrovver, headers: dict[str, str], *, validate: bool = True) -> httpx.Client:
    hooks = {"response": [conform_hook]} if validate else {}
    # verify=False: plain-HTTP loopback only, and it skips building a TLS context (30 ms each).
    return httpx.Client(
        base_url=local.base_url, headers=headers, event_hooks=hooks, trust_env=False, verify=False
    )


@pytest.fixture
def api(local: LocalCrovver) -> Iterator[httpx.Client]:
    """The demo org's secret key."""
    with _client(local, {"Authorization": f"Bearer {local.secret_key}"}) as client:
        yield client


@pytest.fixture
def public(local: LocalCrovver) -> Iterator[httpx.Client]:
    """The demo org's public key (x-public-key)."""
    with _client(local, {"x-public-key": local.public_key}) as client:
        yield client


@pytest.fixture
def anon(local: LocalCrovver) -> Iterator[httpx.Client]:
    """No credentials."""
    with _client(local, {}) as client:
        yield client


@pytest.fixture
def raw(local: LocalCrovver) -> Iterator[httpx.Client]:
    """The secret key, without spec validation (fault tests)."""
    with _client(local, {"Authorization": f"Bearer {local.secret_key}"}, validate=False) as client:
        yield client


@pytest.fixture
def receiver() -> Iterator[WebhookReceiver]:
    hook = WebhookReceiver().start()
    yield hook
    hook.stop()
