"""Shared pytest configuration: async tests run on asyncio through anyio's plugin; ``pytester``
(for tests/plugin) is enabled here because ``pytest_plugins`` is only allowed in the top-level
conftest."""

import pytest

pytest_plugins = ["pytester"]


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
