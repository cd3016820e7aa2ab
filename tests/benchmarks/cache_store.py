"""The entitlement cache's stores: what a cached ``can_access`` costs, and what a fleet saves.

    python -m tests.benchmarks.cache_store [--quick] [--json results.json]

Needs ``redis-server`` on PATH (``apt-get install redis-server``). Starts a local Crovver in its
own process and a redis-server on a free loopback port, then reports:

* the median time of one ``can_access``: uncached (HTTP over loopback), cached in this process's
  memory, cached in Redis (one Lua script round trip over loopback), and cached in the
  near-cache in front of Redis;
* the Crovver requests N processes make for M checks each over T tenants: no cache, a cache per
  process, one cache in Redis.

Timings on a shared, loaded machine are noisy: compare the rows of one run, not runs.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from crovver_ext import CrovverClient
from crovver_ext.redis_store import RedisEntitlementStore
from crovver_ext.testing import ControlPlane
from tests.cache.redis_server import RedisServer

CAN_ACCESS = "/api/public/can-access"
FEATURE = "advanced_analytics"
TENANTS = ["ws_active", "ws_trial", "ws_past_due", "ws_canceled", "ws_manual", "ws_none"]
ROOT = Path(__file__).resolve().parents[2]
Row = dict[str, Any]


@contextmanager
def crovver_process() -> Iterator[tuple[str, str]]:
    """``python -m crovver_ext.testing serve --port 0`` in its own process: (base_url, key)."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "crovver_ext.testing", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert proc.stdout is not None
        base_url = key = ""
        while not (base_url and key):
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("the local Crovver did not start")
            if found := re.search(r"listening on (\S+)", line):
                base_url = found.group(1)
            if found := re.search(r"\(b2b\): secret (\S+)", line):
                key = found.group(1)
        yield base_url, key
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


@contextmanager
def redis_process() -> Iterator[RedisServer]:
    executable = shutil.which("redis-server")
    assert executable is not None
    with tempfile.TemporaryDirectory() as directory:
        server = RedisServer(executable, Path(directory))
        server.start()
        try:
            yield server
        finally:
            server.stop()


def per_call(check: Callable[[], object], calls: int, rounds: int = 5) -> float:
    """Median seconds per call over ``rounds`` batches of ``calls``."""
    check()  # warm: the first call loads the adapter and fills the cache
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        for _ in range(calls):
            check()
        samples.append((time.perf_counter() - start) / calls)
    return statistics.median(samples)


def latency_rows(base_url: str, key: str, redis_url: str, calls: int) -> list[Row]:
    redis_only = RedisEntitlementStore.from_url(redis_url)
    near = RedisEntitlementStore.from_url(redis_url, near_cache_ttl=1.0)
    deadline = time.monotonic() + 5
    while not (near._shared.near is not None and near._shared.near.live):  # subscribed
        if time.monotonic() > deadline:
            raise RuntimeError("the near-cache did not subscribe")
        time.sleep(0.01)
    setups: list[tuple[str, dict[str, Any], int]] = [
        ("uncached (HTTP over loopback)", {}, max(20, calls // 200)),
        ("cached: memory store", {"entitlement_cache_ttl": 3600}, calls),
        (
            "cached: Redis store (loopback)",
            {"entitlement_cache_ttl": 3600, "entitlement_cache_store": redis_only},
            calls // 10,
        ),
        (
            "cached: Redis + near-cache",
            {"entitlement_cache_ttl": 3600, "entitlement_cache_store": near},
            calls,
        ),
    ]
    rows: list[Row] = []
    uncached = 0.0
    for name, options, n in setups:
        with CrovverClient(key, base_url=base_url, **options) as client:
            seconds = per_call(lambda c=client: c.can_access("ws_active", FEATURE), n)  # type: ignore[misc]
        uncached = uncached or seconds
        rows.append(
            {
                "benchmark": f"can_access {name}",
                "us_per_call": round(seconds * 1e6, 2),
                "calls_per_s": round(1 / seconds),
                "vs_uncached": f"{uncached / seconds:.0f}x faster" if seconds != uncached else "1x",
            }
        )
    redis_only.close()
    near.close()
    return rows


def _worker(redis_url: str, base_url: str, key: str, store: str, checks: int) -> subprocess.Popen[str]:
    code = (
        "import json, sys\n"
        "from crovver_ext import CrovverClient\n"
        "from crovver_ext.redis_store import RedisEntitlementStore\n"
        "redis_url, base_url, key, kind, tenants, checks = sys.argv[1:7]\n"
        "options = {}\n"
        "if kind != 'none': options['entitlement_cache_ttl'] = 3600\n"
        "if kind == 'redis': options['entitlement_cache_store'] = RedisEntitlementStore.from_url(redis_url)\n"
        "with CrovverClient(key, base_url=base_url, **options) as client:\n"
        "    print('ready', flush=True); sys.stdin.readline()\n"
        "    names = json.loads(tenants)\n"
        "    for n in range(int(checks)):\n"
        "        client.can_access(names[n % len(names)], 'advanced_analytics')\n"
    )
    return subprocess.Popen(
        [sys.executable, "-c", code, redis_url, base_url, key, store, json.dumps(TENANTS), str(checks)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        cwd=ROOT,
        text=True,
    )


def fleet_rows(base_url: str, key: str, redis_url: str, processes: int, checks: int) -> list[Row]:
    control = ControlPlane(base_url)
    rows: list[Row] = []
    for store in ("none", "memory", "redis"):
        workers = [_worker(redis_url, base_url, key, store, checks) for _ in range(processes)]
        for worker in workers:  # all started and imported before anyone checks
            assert worker.stdout is not None and worker.stdout.readline().strip() == "ready"
        control.clear_requests()
        for worker in workers:
            assert worker.stdin is not None
            worker.stdin.write("go\n")
            worker.stdin.flush()
        for worker in workers:
            worker.communicate(timeout=300)
        requests = len(control.requests(path=CAN_ACCESS))
        rows.append(
            {
                "benchmark": f"{processes} processes x {checks} checks over {len(TENANTS)} tenants: {store} cache",
                "crovver_requests": requests,
                "saved": f"{1 - requests / (processes * checks):.1%}",
            }
        )
    control.close()
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="fewer calls (noisier)")
    parser.add_argument("--json", metavar="FILE", help="also write the rows as JSON")
    args = parser.parse_args(argv)
    calls = 2_000 if args.quick else 20_000
    if shutil.which("redis-server") is None:
        print("cache store benchmarks skipped: redis-server is not installed", file=sys.stderr)
        return 0
    with crovver_process() as (base_url, key), redis_process() as redis:
        rows = latency_rows(base_url, key, redis.url, calls)
        rows += fleet_rows(base_url, key, redis.url, processes=4, checks=60 if args.quick else 300)
    print(f"entitlement cache stores ({os.cpu_count()} cpus; timings are noisy on a loaded machine)")
    for row in rows:
        print(f"  {row['benchmark']}: " + ", ".join(f"{k}={v}" for k, v in row.items() if k != "benchmark"))
    if args.json:
        Path(args.json).write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
