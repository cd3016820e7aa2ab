"""Installing the SDK registers the ``crovver`` pytest plugin in every pytest run of a project:
registering it must import neither httpx nor the client; its fixtures import on first use."""

from __future__ import annotations

import sys

import pytest

INI = """
[pytest]
addopts = -p no:cacheprovider -p no:hypothesispytest
filterwarnings = error
"""

HEAVY = ("httpx", "httpcore", "attrs", "crovver_ext._client", "crovver_ext._errors", "crovver_api")

USER_TESTS = f"""
import sys

HEAVY = {HEAVY!r}


def test_0_registered_but_nothing_heavy_imported(request):
    plugin = request.config.pluginmanager.get_plugin("crovver")
    assert plugin is not None and plugin.__name__ == "crovver_ext.testing.pytest_plugin"
    assert [name for name in HEAVY if name in sys.modules] == []
    assert "crovver_ext.testing._local" not in sys.modules


def test_1_a_fixture_imports_what_it_needs(crovver_client):
    assert crovver_client.can_access("ws_active", "advanced_analytics")
    assert [name for name in HEAVY if name not in sys.modules] == []
"""


def test_registering_the_plugin_imports_nothing_heavy(pytester: pytest.Pytester) -> None:
    # A subprocess: a new interpreter, so this session's own imports cannot hide the plugin's.
    pytester.makeini(INI)
    pytester.makepyfile(test_user=USER_TESTS)
    result = pytester.runpytest_subprocess("-q")
    result.assert_outcomes(passed=2)


def test_the_plugin_module_alone_stays_light(pytester: pytest.Pytester) -> None:
    # The same from `python -X importtime`: what importing the plugin module costs, module by module.
    result = pytester.run(
        sys.executable,
        "-X",
        "importtime",
        "-c",
        "import crovver_ext.testing.pytest_plugin",
    )
    assert result.ret == 0
    imported = {line.rsplit("|", 1)[1].strip() for line in result.errlines if line.startswith("import time:")}
    assert "crovver_ext.testing.pytest_plugin" in imported
    assert imported.isdisjoint(HEAVY), sorted(imported & set(HEAVY))
