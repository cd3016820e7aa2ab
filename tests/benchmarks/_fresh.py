"""The rows that need a fresh interpreter: cold start, the CLI, and resident memory.

Each child is a whole new process, as a serverless function or a shell user starts one; the
parent times it from spawn to exit. The two sides alternate (which one goes first alternates
too) so that both see the same machine, and the figures are medians.

The cold-start and CLI children are standalone scripts (what a user would run), not modules of
this package: importing ``tests.benchmarks`` would add its own cost to both sides.
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tests.benchmarks._sides import FEATURE, TENANT

ROOT = Path(__file__).resolve().parents[2]
CLI_ARGS = ["can-access", TENANT, FEATURE]

# Both cold-start children report, after their work, how long the import and the call took, by
# the wall clock and by their CPU time (inside figures; the row's figure is measured by the
# parent), and what they had loaded.
_REPORT = """
import json, sys
print(json.dumps({
    "import_ms": (imported[0] - started[0]) * 1e3,
    "call_ms": (done[0] - imported[0]) * 1e3,
    "import_cpu_ms": (imported[1] - started[1]) * 1e3,
    "call_cpu_ms": (done[1] - imported[1]) * 1e3,
    "modules": len(sys.modules),
    "generated_modules": sum(name.startswith("crovver_api") for name in sys.modules),
}))
"""

SDK_COLD_START = (
    f"""
import time
started = time.perf_counter(), time.process_time()
from crovver_ext import CrovverClient
imported = time.perf_counter(), time.process_time()
with CrovverClient() as client:
    allowed = client.can_access({TENANT!r}, {FEATURE!r})
done = time.perf_counter(), time.process_time()
assert allowed is True
"""
    + _REPORT
)

# One can_access with plain httpx: the client, one request, the envelope check, the answer.
_HTTPX_CAN_ACCESS = f"""
with httpx.Client(headers={{"Authorization": "Bearer " + os.environ["CROVVER_SECRET_KEY"]}}) as http:
    r = http.post(
        os.environ["CROVVER_BASE_URL"] + "/api/public/can-access",
        json={{"requestingEntityId": {TENANT!r}, "featureKey": {FEATURE!r}}},
    )
envelope = json.loads(r.content)
if not (200 <= r.status_code < 300 and envelope.get("success") is True and "data" in envelope):
    raise SystemExit(f"error: HTTP {{r.status_code}}: {{r.text[:200]}}")
allowed = envelope["data"]["canAccess"]
"""

HTTPX_COLD_START = (
    """
import time
started = time.perf_counter(), time.process_time()
import json, os
import httpx
imported = time.perf_counter(), time.process_time()
"""
    + _HTTPX_CAN_ACCESS
    + """
done = time.perf_counter(), time.process_time()
assert allowed is True
"""
    + _REPORT
)

# What `crovver can-access` prints, done with plain httpx (argv parsing aside).
HTTPX_CLI = (
    "import json, os\nimport httpx\n"
    + _HTTPX_CAN_ACCESS
    + f"""print(("allowed" if allowed else "denied") + ": tenant {TENANT}, feature {FEATURE}")\n"""
)


# The CLI, run as its console script runs it (for its profile).
SDK_CLI = f"""
import sys
from crovver_ext._cli import main
sys.argv = ["crovver", *{CLI_ARGS!r}]
status = main()
if status:
    raise SystemExit(status)
"""

# argv[1]: a program to run under pyinstrument (imported first: its own imports are not the
# program's), the report to stdout.
PROFILED = """
import sys
from pyinstrument import Profiler
profiler = Profiler(interval=0.0001)
profiler.start()
exec(compile(sys.argv[1], "<program>", "exec"), {"__name__": "__main__"})
profiler.stop()
print(profiler.output_text(color=False))
"""


def cli_command() -> list[str]:
    """The installed ``crovver`` console script next to this interpreter, else ``-m crovver_ext``."""
    script = Path(sys.executable).with_name("crovver")
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "crovver_ext"]


def child_env(base_url: str, key: str, pycache: Path) -> dict[str, str]:
    """The environment of every fresh process: the key and URL, and bytecode caching on.

    With ``PYTHONDONTWRITEBYTECODE`` set (as on this project's machines), an editable install
    recompiles the SDK (generated/ included) on every start while pip-installed httpx loads
    its .pyc: unfair, and not what an installed SDK does. So the children cache bytecode, all of
    it (stdlib, httpx, the SDK) under one fresh ``PYTHONPYCACHEPREFIX``: every side starts from
    .pyc files written by the warm-up run, and nothing is written into the source tree.
    """
    env = {k: v for k, v in os.environ.items() if not k.startswith("CROVVER_")}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env.update(CROVVER_SECRET_KEY=key, CROVVER_BASE_URL=base_url, PYTHONPYCACHEPREFIX=str(pycache))
    return env


def run_child(argv: Sequence[str], env: Mapping[str, str]) -> tuple[float, float, str]:
    """Wall seconds from spawn to exit, the child's CPU seconds (user + system), its stdout.

    A failing child stops the bench."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, env=env, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} ... exited {done.returncode}: {done.stderr.strip()[-800:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, done.stdout


@dataclass
class Runs:
    """Every recorded run of each side: wall and CPU seconds, and what it printed."""

    wall: dict[str, list[float]] = field(default_factory=dict)
    cpu: dict[str, list[float]] = field(default_factory=dict)
    outputs: dict[str, list[str]] = field(default_factory=dict)


def alternate(sides: Mapping[str, Sequence[str]], env: Mapping[str, str], pairs: int) -> Runs:
    """``pairs`` fresh runs of each side, alternating (ABBA...); one unrecorded run of each first
    (it writes the bytecode caches and warms the page cache, which every later start finds)."""
    names = list(sides)
    for name in names:
        run_child(sides[name], env)
    runs = Runs()
    for i in range(pairs):
        for name in names if i % 2 == 0 else reversed(names):
            wall, cpu, out = run_child(sides[name], env)
            runs.wall.setdefault(name, []).append(wall)
            runs.cpu.setdefault(name, []).append(cpu)
            runs.outputs.setdefault(name, []).append(out)
    return runs


def reports(outputs: list[str]) -> list[dict[str, Any]]:
    """What the cold-start children reported about themselves, one dict per run."""
    return [json.loads(out) for out in outputs]


# ---- resident memory ---------------------------------------------------------------------------

# argv: side (sdk|lean), number of calls, the replies file, and "trace" to add a second line: what
# tracemalloc saw allocated and still alive, in bytes per source folder.
# Both sides share the bench's replay transport and lean code; only the side's own work differs.
RSS_CHILD = """
import sys
trace = sys.argv[4:] == ["trace"]
if trace:
    import tracemalloc
    tracemalloc.start()
import gc, json
import httpx
from tests.benchmarks import _sides
side, calls = sys.argv[1], int(sys.argv[2])
transport = _sides.replay_transport(_sides.load_replies(sys.argv[3]))
base = "http://crovver.local"
if side == "sdk":
    from crovver_ext import CrovverClient
    client = CrovverClient(_sides.BENCH_SECRET_KEY, base_url=base, transport=transport)
    ops = _sides.sdk_calls(client)
else:
    ops = _sides.lean_calls(_sides.lean_http(_sides.BENCH_SECRET_KEY, transport), base)
can_access, consume = ops["can_access"], ops["consume"]
for i in range(calls // 2):
    can_access()
    consume()
gc.collect()
with open("/proc/self/status") as f:
    status = dict(line.split(":", 1) for line in f)
kib = lambda key: int(status[key].split()[0])
print(json.dumps({"rss_kib": kib("VmRSS"), "peak_kib": kib("VmHWM"), "modules": len(sys.modules)}))
if trace:
    import os
    traced = {}
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        name = stat.traceback[0].filename
        folder = os.path.dirname(name) or name  # <frozen importlib._bootstrap...>: code being loaded
        traced[folder] = traced.get(folder, 0) + stat.size
    print(json.dumps(traced))
"""


def rss_argv(side: str, calls: int, replies: Path, trace: bool = False) -> list[str]:
    return [sys.executable, "-c", RSS_CHILD, side, str(calls), str(replies), *(["trace"] if trace else [])]
