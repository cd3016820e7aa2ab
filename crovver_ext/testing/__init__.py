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

import datetime as _dt
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # for type checkers; the `X as X` form marks each as exported
    from ._client import ControlPlane as ControlPlane
    from ._client import EmulatorError as EmulatorError
    from ._hooks import with_test_hooks as with_test_hooks
    from ._local import LocalCrovver as LocalCrovver
    from ._seed import default_seed as default_seed
    from ._webhooks import sign as sign_webhook  # noqa: F401 - exported by __all__

# The constants are declared here (for type checkers and the API reference, which reads these
# docstrings) and, like everything else, loaded on first use by __getattr__ below.
SECRET_KEY: str
"""The demo seed's B2B organization's secret key (``sk_test_local_secret_key``)."""
PUBLIC_KEY: str
"""The demo seed's B2B organization's public key."""
D2C_SECRET_KEY: str
"""The demo seed's D2C (consumer) organization's secret key."""
D2C_PUBLIC_KEY: str
"""The demo seed's D2C organization's public key."""
DEFAULT_START: _dt.datetime
"""Where a new emulator's frozen clock starts: 2026-01-01T00:00:00Z."""
IN_PROCESS_URL: str
"""The placeholder base URL of the in-process transports (no socket behind it)."""

# The one list of exports (loaded on first use: pytest imports this package for the plugin in
# every session of a project that has the SDK installed, and most never start a local Crovver).
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
    "with_test_hooks": ("._hooks", "with_test_hooks"),
}
__all__ = sorted(_EXPORTS)


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
