"""The default install stays small: three runtime dependencies, and Redis only for those who ask."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys


def _name(requirement: str) -> str:
    return re.split(r"[\s<>=!~;\[]", requirement, maxsplit=1)[0].lower()


def test_the_default_install_has_exactly_three_runtime_dependencies() -> None:
    requires = importlib.metadata.requires("crovver") or []
    runtime = sorted(_name(r) for r in requires if "extra ==" not in r)
    assert runtime == ["attrs", "httpx", "python-dateutil"]
    redis_extra = [_name(r) for r in requires if re.search(r"extra\s*==\s*['\"]redis['\"]", r)]
    assert redis_extra == ["redis"]


def test_using_the_cache_and_webhooks_does_not_import_redis() -> None:
    code = (
        "import sys, asyncio, crovver_ext, crovver_ext.webhooks\n"
        "c = crovver_ext.CrovverClient('sk_test_x', entitlement_cache_ttl=5)\n"
        "c.invalidate('t'); c.close()\n"
        "a = crovver_ext.AsyncCrovverClient('sk_test_x', entitlement_cache_ttl=5)\n"
        "asyncio.run(a.invalidate('t')); asyncio.run(a.aclose())\n"
        "print(','.join(m for m in sys.modules if m == 'redis' or m.startswith('redis.')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == ""
