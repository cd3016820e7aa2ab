"""The local Crovver: a stateful emulator of the Crovver billing API for tests and demos.

```python
from crovver_ext.testing import LocalCrovver

with LocalCrovver() as local:            # serves on 127.0.0.1, a free port
    local.base_url, local.secret_key     # point any Crovver client here
    local.control.advance_clock(days=31) # renewals, expiries, trial ends
```

Or in process, no socket: ``httpx.Client(transport=local.transport(), base_url=...)``.
From a shell: ``python -m crovver_ext.testing serve --port 8787``.
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._client import IN_PROCESS_URL, ControlPlane, EmulatorError
    from ._clock import DEFAULT_START
    from ._local import LocalCrovver
    from ._seed import D2C_PUBLIC_KEY, D2C_SECRET_KEY, PUBLIC_KEY, SECRET_KEY, default_seed
    from ._webhooks import sign as sign_webhook

__all__ = [
    "D2C_PUBLIC_KEY",
    "D2C_SECRET_KEY",
    "DEFAULT_START",
    "IN_PROCESS_URL",
    "PUBLIC_KEY",
    "SECRET_KEY",
    "ControlPlane",
    "EmulatorError",
    "LocalCrovver",
    "default_seed",
    "sign_webhook",
]

# Loaded on first use: pytest imports this package for the plugin in every session of a project
# that has the SDK installed, and most sessions never start a local Crovver.
_EXPORTS = {
    "IN_PROCESS_URL": ("._client", "IN_PROCESS_URL"),
    "ControlPlane": ("._client", "ControlPlane"),
    "EmulatorError": ("._client", "EmulatorError"),
    "DEFAULT_START": ("._clock", "DEFAULT_START"),
    "LocalCrovver": ("._local", "LocalCrovver"),
    "D2C_PUBLIC_KEY": ("._seed", "D2C_PUBLIC_KEY"),
    "D2C_SECRET_KEY": ("._seed", "D2C_SECRET_KEY"),
    "PUBLIC_KEY": ("._seed", "PUBLIC_KEY"),
    "SECRET_KEY": ("._seed", "SECRET_KEY"),
    "default_seed": ("._seed", "default_seed"),
    "sign_webhook": ("._webhooks", "sign"),
}


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    import importlib

    module, attribute = _EXPORTS[name]
    value = getattr(importlib.import_module(module, __name__), attribute)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
