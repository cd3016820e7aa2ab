"""``make bench``: the SDK's cost against a hand-written httpx baseline, side by side in one run.

    python -m tests.benchmarks [--quick] [--json results.json]

Every comparison runs facade and baseline interleaved (alternating batches, alternating which
goes first) in the same process, against the same server, and reports medians and their ratio.
The local Crovver runs in a separate process so its work does not share our GIL.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import re
import statistics
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import httpx

from crovver_ext import AsyncCrovverClient, CrovverClient
from crovver_ext.testing import ControlPlane

TENANT = "ws_active"
CONSUME_PATH = "/api/public/credits/consume"
Row = dict[str, Any]


# ---- the local Crovver in its own process ----------------------------------------------------


@contextmanager
def local_crovver() -> Iterator[tuple[str, str]]:
    """Start ``python -m crovver_ext.testing serve --port 0``; yield (base_url, secret_key)."""
    cpus = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
    pin = len(cpus) >= 2  # server and client on their own cores: less noise from migrations
    proc = subprocess.Popen(
        [sys.executable, "-m", "crovver_ext.testing", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
        preexec_fn=(lambda: os.sched_setaffinity(0, {cpus[-1]})) if pin else None,
    )
    if pin:
        os.sched_setaffinity(0, set(cpus[:-1]))
    try:
        assert proc.stdout is not None
        base_url = key = ""
        while not (base_url and key):
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError("the local Crovver did not start")
            if m := re.search(r"listening on (\S+)", line):
                base_url = m.group(1)
            if m := re.search(r"org_demo \(b2b\): secret (\S+)", line):
                key = m.group(1)
        yield base_url, key
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


# ---- measuring -------------------------------------------------------------------------------


def interleaved(
    facade: Callable[[], object], baseline: Callable[[], object], *, rounds: int, batch: int, warmup: int = 30
) -> tuple[float, float]:
    """Median seconds per call of each side, timing calls one by one in alternation (ABBA...).

    Alternating single calls gives both sides the same server state and machine conditions; the
    median of many single calls shrugs off GC pauses and scheduler hiccups.
    """
    for _ in range(warmup):
        facade()
        baseline()
    samples: dict[str, list[float]] = {"facade": [], "baseline": []}
    pair = [("facade", facade), ("baseline", baseline)]
    clock = time.perf_counter
    for i in range(rounds * batch):
        for name, fn in pair if i % 2 == 0 else reversed(pair):
            start = clock()
            fn()
            samples[name].append(clock() - start)
    return statistics.median(samples["facade"]), statistics.median(samples["baseline"])


def row(name: str, facade: float, baseline: float, target: str, ok: bool, unit: str = "us") -> Row:
    scale = 1e6 if unit == "us" else 1e3 if unit == "ms" else 1
    return {
        "benchmark": name,
        "facade": round(facade * scale, 2),
        "baseline": round(baseline * scale, 2),
        "unit": unit,
        "ratio": round(facade / baseline, 3) if baseline else None,
        "target": target,
        "ok": ok,
    }


def _raw_calls(http: httpx.Client, base_url: str, key: str) -> dict[str, Callable[[], object]]:
    """What a user would write by hand with httpx and json."""
    headers = {"Authorization": f"Bearer {key}"}

    def can_access() -> object:
        r = http.post(
            f"{base_url}/api/public/can-access",
            json={"requestingEntityId": TENANT, "featureKey": "advanced_analytics"},
            headers=headers,
        )
        r.raise_for_status()
        return json.loads(r.content)["data"]["canAccess"]

    def consume() -> object:
        r = http.post(
            f"{base_url}/api/public/credits/consume",
            json={
                "tenantId": TENANT,
                "poolKey": "api_calls",
                "amount": 1,
                "idempotencyKey": str(uuid.uuid4()),
            },
            headers=headers,
        )
        r.raise_for_status()
        return json.loads(r.content)["data"]

    def get_plans() -> object:
        r = http.get(f"{base_url}/api/public/plans", headers=headers)
        r.raise_for_status()
        return json.loads(r.content)["data"]["plans"]

    return {"can_access": can_access, "consume": consume, "get_plans": get_plans}


def _facade_calls(client: CrovverClient) -> dict[str, Callable[[], object]]:
    return {
        "can_access": lambda: client.can_access(TENANT, "advanced_analytics"),
        "consume": lambda: client.credits.consume(
            tenant_id=TENANT, pool_key="api_calls", amount=1, idempotency_key=str(uuid.uuid4())
        ),
        "get_plans": lambda: client.get_plans(),
    }


LOOPBACK_TARGETS = {"can_access": 1.10, "consume": 1.10, "get_plans": 1.25}
IN_PROCESS_TARGETS = {"can_access": 1.5, "consume": 1.5, "get_plans": None}


def bench_loopback(base_url: str, key: str, rounds: int, batch: int) -> tuple[list[Row], float]:
    rows = []
    with httpx.Client() as http, CrovverClient(key, base_url=base_url) as client:
        raw, facade = _raw_calls(http, base_url, key), _facade_calls(client)
        for name, target in LOOPBACK_TARGETS.items():
            f, b = interleaved(facade[name], raw[name], rounds=rounds, batch=batch)
            rows.append(row(f"loopback {name}", f, b, f"<= {target}", f / b <= target))
            if name == "can_access":
                uncached = f
    return rows, uncached


def bench_in_process(base_url: str, key: str, rounds: int, batch: int) -> list[Row]:
    """Both sides get the same canned bytes from an in-process transport: only client cost remains."""
    canned: dict[str, bytes] = {}
    with httpx.Client() as http:
        headers = {"Authorization": f"Bearer {key}"}
        canned["/api/public/can-access"] = http.post(
            f"{base_url}/api/public/can-access",
            json={"requestingEntityId": TENANT, "featureKey": "advanced_analytics"},
            headers=headers,
        ).content
        canned["/api/public/credits/consume"] = http.post(
            f"{base_url}/api/public/credits/consume",
            json={"tenantId": TENANT, "poolKey": "api_calls", "amount": 1, "idempotencyKey": "bench"},
            headers=headers,
        ).content
        canned["/api/public/plans"] = http.get(f"{base_url}/api/public/plans", headers=headers).content

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(
            200, content=canned[request.url.path], headers={"content-type": "application/json"}
        )

    rows = []
    base = "http://crovver.local"
    with (
        httpx.Client(transport=httpx.MockTransport(handler)) as http,
        CrovverClient(
            key, base_url=base, http_client=httpx.Client(transport=httpx.MockTransport(handler))
        ) as client,
    ):
        raw, facade = _raw_calls(http, base, key), _facade_calls(client)
        for name, target in IN_PROCESS_TARGETS.items():
            f, b = interleaved(facade[name], raw[name], rounds=rounds, batch=batch * 10)
            ok = target is None or f / b <= target
            rows.append(row(f"in-process {name}", f, b, f"<= {target}" if target else "(info)", ok))
        client._http.close()
    return rows


def bench_cache(base_url: str, key: str, uncached: float, calls: int) -> list[Row]:
    with CrovverClient(key, base_url=base_url, entitlement_cache_ttl=3600) as client:
        client.can_access(TENANT, "advanced_analytics")
        samples = []
        for _ in range(5):
            start = time.perf_counter()
            for _ in range(calls):
                client.can_access(TENANT, "advanced_analytics")
            samples.append((time.perf_counter() - start) / calls)
        cached = statistics.median(samples)
    speedup = uncached / cached
    return [
        {
            **row(
                "can_access cached vs uncached (loopback)",
                cached,
                uncached,
                ">= 1000x faster",
                speedup >= 1000,
            ),
            "speedup": round(speedup),
        },
        {
            "benchmark": "can_access cached: checks per second (one core)",
            "facade": round(1 / cached),
            "baseline": None,
            "unit": "calls/s",
            "ratio": None,
            "target": ">= 500000",
            "ok": 1 / cached >= 500_000,
        },
    ]


def bench_fan_out(base_url: str, key: str, total: int, in_flight: int, repeats: int, latency: float) -> Row:
    """Sequential sync consumes vs async ones with ``in_flight`` at a time.

    ``latency``: seconds the server waits before each consume (an injected delay fault), standing
    in for the network and database time a real Crovver takes; 0 is bare loopback.
    """

    def add_latency() -> None:
        if latency:
            with ControlPlane(base_url=base_url) as control:
                control.clear_faults()
                control.inject_fault(CONSUME_PATH, action="delay", delay=latency, times=10 * total)

    def sequential() -> float:
        with CrovverClient(key, base_url=base_url) as client:
            client.can_access(TENANT, "advanced_analytics")  # connect first, as the async side does
            add_latency()
            start = time.perf_counter()
            for _ in range(total):
                client.credits.consume(
                    tenant_id=TENANT, pool_key="api_calls", amount=1, idempotency_key=str(uuid.uuid4())
                )
            return time.perf_counter() - start

    async def fan_out() -> float:
        async with AsyncCrovverClient(key, base_url=base_url) as client:
            await asyncio.gather(*(client.can_access(TENANT, "advanced_analytics") for _ in range(in_flight)))
            add_latency()
            gate = asyncio.Semaphore(in_flight)

            async def one() -> None:
                async with gate:
                    await client.credits.consume(
                        tenant_id=TENANT, pool_key="api_calls", amount=1, idempotency_key=str(uuid.uuid4())
                    )

            start = time.perf_counter()
            await asyncio.gather(*(one() for _ in range(total)))
            return time.perf_counter() - start

    sync_times, async_times = [], []
    for _ in range(repeats):
        sync_times.append(sequential())
        async_times.append(asyncio.run(fan_out()))
    with ControlPlane(base_url=base_url) as control:
        control.clear_faults()
    s, a = statistics.median(sync_times), statistics.median(async_times)
    where = f"{latency * 1000:g} ms server latency" if latency else "bare loopback"
    result = row(
        f"{total} consumes, async {in_flight} in flight vs sequential ({where})",
        a,
        s,
        ">= 2x faster",
        s / a >= 2,
        "ms",
    )
    result["speedup"] = round(s / a, 2)
    return result


IMPORT_SNIPPET = "import time; t = time.perf_counter(); import {module}; print(time.perf_counter() - t)"


def bench_import(runs: int) -> list[Row]:
    """Import time measured inside fresh interpreters (start-up excluded), interleaved."""
    samples: dict[str, list[float]] = {"crovver_ext": [], "httpx": []}
    env = {**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}
    for i in range(runs):
        for module in ("crovver_ext", "httpx") if i % 2 == 0 else ("httpx", "crovver_ext"):
            out = subprocess.run(
                [sys.executable, "-c", IMPORT_SNIPPET.format(module=module)],
                capture_output=True,
                text=True,
                check=True,
                env=env,
            ).stdout
            samples[module].append(float(out))
    c, h = statistics.median(samples["crovver_ext"]), statistics.median(samples["httpx"])
    first_call = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t = time.perf_counter()\n"
            "import httpx\nfrom crovver_ext import CrovverClient\n"
            "ok = lambda r: httpx.Response(200, json={'success': True, 'data': {'canAccess': True, 'requestingEntityId': 't'}})\n"
            "c = CrovverClient('sk_test_x', http_client=httpx.Client(transport=httpx.MockTransport(ok)))\n"
            "c.can_access('t', 'f'); print(time.perf_counter() - t)",
        ],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    ).stdout
    return [
        row("import crovver_ext vs import httpx", c, h, "<= 1.5", c / h <= 1.5, "ms"),
        {
            "benchmark": "import + first can_access (in-process), once",
            "facade": round(float(first_call) * 1e3, 1),
            "baseline": None,
            "unit": "ms",
            "ratio": None,
            "target": "(info: the models and generated client load on the first call)",
            "ok": True,
        },
    ]


def _rss_kib() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 1024


def bench_memory(small: int, large: int) -> Row:
    body = json.dumps({"success": True, "data": {"canAccess": True, "requestingEntityId": TENANT}}).encode()
    consumed = json.dumps(
        {
            "success": True,
            "data": {"result": "allowed", "remaining": 5, "alreadyProcessed": False, "poolKey": "p"},
        }
    ).encode()

    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=consumed if request.url.path.endswith("consume") else body)

    readings = {}
    with CrovverClient(
        "sk_test_x", http_client=httpx.Client(transport=httpx.MockTransport(handler))
    ) as client:
        done = 0
        for mark in (small, large):
            while done < mark:
                client.can_access(TENANT, "advanced_analytics")
                client.credits.consume(
                    tenant_id=TENANT, pool_key="p", amount=1, idempotency_key=str(uuid.uuid4())
                )
                done += 2
            gc.collect()
            readings[mark] = _rss_kib()
        client._http.close()
    growth = readings[large] - readings[small]
    return {
        "benchmark": f"RSS after {small} vs {large} calls",
        "facade": readings[large],
        "baseline": readings[small],
        "unit": "KiB",
        "ratio": round(readings[large] / readings[small], 4),
        "target": "growth < 1024 KiB",
        "ok": growth < 1024,
    }


def print_table(rows: list[Row]) -> None:
    headers = ("benchmark", "SDK", "baseline", "unit", "SDK/baseline", "target", "ok")
    lines = [
        (
            r["benchmark"],
            "" if r["facade"] is None else str(r["facade"]),
            "" if r["baseline"] is None else str(r["baseline"]),
            r["unit"],
            f"{r['speedup']}x faster"
            if "speedup" in r
            else ""
            if r["ratio"] is None
            else f"{r['ratio']:.3f}",
            r["target"],
            "yes" if r["ok"] else "NO",
        )
        for r in rows
    ]
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)))
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer rounds (a smoke run, noisier)")
    parser.add_argument("--json", metavar="PATH", help="also write the results as JSON")
    args = parser.parse_args(argv)
    rounds, batch = (8, 10) if args.quick else (30, 20)
    rows: list[Row] = []
    with local_crovver() as (base_url, key):
        loopback, uncached = bench_loopback(base_url, key, rounds, batch)
        rows += loopback
        rows += bench_in_process(base_url, key, rounds, batch)
        rows += bench_cache(base_url, key, uncached, 20_000 if args.quick else 200_000)
        for latency in (0.0, 0.010):
            rows.append(bench_fan_out(base_url, key, 1000, 50, 1 if args.quick else 3, latency))
    rows += bench_import(10 if args.quick else 30)
    rows.append(bench_memory(1_000, 20_000))
    print_table(rows)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"python": sys.version, "httpx": httpx.__version__, "results": rows}, f, indent=2)
        print(f"\nwrote {args.json}")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
