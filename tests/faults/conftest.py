"""Fixtures for the fault tests: one local Crovver on loopback for the session, reset per test.

Every test runs twice, through ``CrovverClient`` and ``AsyncCrovverClient`` (the ``flavor``
fixture), so each scenario is written once. Clients get a ``_sleep`` that records the delays
instead of waiting, and a frozen ``_clock`` (for HTTP-date ``Retry-After``).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from crovver_ext.testing import LocalCrovver
from tests.faults.flavors import FLAVORS, Flavor, settle


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(scope="session")
def server() -> Iterator[LocalCrovver]:
    with LocalCrovver() as local:
        yield local


@pytest.fixture
def local(server: LocalCrovver) -> Iterator[LocalCrovver]:
    server.control.reset()
    yield server
    # A request held up by a delay fault is still being handled after the client gave up; let it
    # finish so that it cannot land in the next test's state.
    settle(server.control)


@pytest.fixture(params=FLAVORS, ids=lambda f: f.name)
def flavor(request: pytest.FixtureRequest) -> Flavor:
    value: Flavor = request.param
    return value
