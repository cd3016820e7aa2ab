"""Unit tests: pure functions and client logic over ``httpx.MockTransport`` (no sockets)."""

from __future__ import annotations

import pytest


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
