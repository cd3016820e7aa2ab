"""``make bench``: the SDK's cost against hand-written httpx, side by side in one run.

    python -m tests.benchmarks [--quick] [--json [PATH]] [--markdown] [--only ROW,...]
                               [--profile ROW] [--live] [--wall-clock] [--strict]

Per-call rows time single calls of three sides in turn (the SDK, a *lean* hand-written httpx
client, the old *naive* one; see ``_sides``), cycling through every order of the three so none
is always first. All sides get the same replies: the local Crovver's, recorded once, replayed in
process by a mock transport and over loopback by a minimal server (``--live``: the local Crovver
itself). Servers run in their own processes pinned to the last core, the bench on the others, so
server work neither shares our GIL nor migrates onto our core. Fresh-process rows (cold start,
CLI, RSS) alternate whole processes of the two sides. In-process and fresh-process rows are
timed by CPU clocks, which other processes' load leaves alone (``--wall-clock``: wall time).
Every side keeps every sample: the table shows p50 and p99, ``--json`` every summary statistic;
the goals, those of issue 12, compare the SDK with the lean side.

``--profile ROW`` profiles the SDK side of one row with pyinstrument (tracemalloc for ``rss``)
instead of running the table: what the closing note of a MISS row quotes.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import itertools
import json
import math
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from crovver_ext import AsyncCrovverClient, CrovverClient
from tests.benchmarks import _fresh
from tests.benchmarks._sides import (
    BENCH_PLANS,
    BENCH_SECRET_KEY,
    CONSUME_PATH,
    FEATURE,
    PLANS_PATH,
    POOL,
    TENANT,
    Calls,
    Recorded,
    bench_seed,
    lean_calls,
    lean_http,
    naive_calls,
    record_replies,
    replay_transport,
    save_replies,
    sdk_calls,
)

Row = dict[str, Any]
IN_PROCESS_BASE = "http://crovver.local"


@dataclass(frozen=True)
class Counts:
    """How much each row measures: ``full`` for the README's figures, ``quick`` for a look,
    ``smoke`` for the test that checks every row is produced (its figures mean nothing)."""

    warmup: int
    in_process: int  # samples per side, small replies in process
    loopback: int  # samples per side, small replies over loopback
    plans_in_process: int  # samples per side, the 200-plan reply
    plans_loopback: int
    pairs: int  # fresh-process pairs (cold start, CLI)
    rss_calls: int
    rss_pairs: int
    fan_out_total: int
    fan_out_in_flight: int
    fan_out_repeats: int
    cached_calls: int  # per batch; five batches


FULL = Counts(50, 4000, 1500, 200, 150, 20, 20_000, 3, 1000, 50, 2, 200_000)
QUICK = Counts(20, 500, 150, 30, 30, 5, 4000, 1, 200, 50, 1, 50_000)
SMOKE = Counts(2, 5, 5, 3, 3, 1, 200, 1, 20, 10, 1, 1000)


@dataclass(frozen=True)
class Goal:
    """A goal from issue 12's table: ``figure <= limit`` (or ``>=``), the figure named by ``what``."""

    what: str
    op: str
    limit: float
    unit: str = "x"

    def met(self, figure: float) -> bool:
        return figure <= self.limit if self.op == "<=" else figure >= self.limit

    def __str__(self) -> str:
        limit = f"{self.limit / 1e6:g} M" if self.limit >= 1e6 else f"{self.limit:g}"
        return f"{self.what} {self.op} {limit}{self.unit}"


LATENCY = 0.010  # the fan-out row's server latency, seconds

# Every row, in table order: id -> (title, goal or None for an informational row).
ROWS: dict[str, tuple[str, Goal | None]] = {
    "in-process-can_access": ("can_access, in process", Goal("p50 SDK/lean", "<=", 1.15)),
    "in-process-consume": ("consume, in process", Goal("p50 SDK/lean", "<=", 1.15)),
    "loopback-can_access": ("can_access, loopback", Goal("p50 SDK/lean", "<=", 1.05)),
    "loopback-consume": ("consume, loopback", Goal("p50 SDK/lean", "<=", 1.05)),
    "in-process-plans200": (f"get_plans, {BENCH_PLANS} plans, in process", Goal("p50 SDK/lean", "<=", 2.0)),
    "loopback-plans200": (f"get_plans, {BENCH_PLANS} plans, loopback", Goal("p50 SDK/lean", "<=", 1.5)),
    "in-process-plans4": ("get_plans, the seeded 4 plans, in process", None),
    "loopback-plans4": ("get_plans, the seeded 4 plans, loopback", None),
    "cold-start": (
        "cold start: fresh process, import, client, one can_access",
        Goal("p50 SDK/httpx", "<=", 1.4),
    ),
    "import": ("  its import (inside those processes)", None),
    "cli": ("CLI: crovver can-access", Goal("p50 SDK/httpx", "<=", 1.5)),
    "p99-in-process-can_access": ("p99 of can_access, in process", Goal("p99 SDK/lean", "<=", 1.3)),
    "p99-in-process-consume": ("p99 of consume, in process", Goal("p99 SDK/lean", "<=", 1.3)),
    "rss": ("RSS after N calls, fresh process", Goal("SDK - httpx", "<=", 3.0, " MiB")),
    "fan-out": ("async fan-out of consumes, 10 ms server latency", Goal("sequential/async", ">=", 8.0)),
    "cached": ("cached can_access, one core", Goal("checks/s", ">=", 1e6, "")),
}

# The row that measures what a p99 row reads.
P99_OF = {
    "p99-in-process-can_access": "in-process-can_access",
    "p99-in-process-consume": "in-process-consume",
}


# ---- statistics ------------------------------------------------------------------------------


def summary(samples: list[float], scale: float) -> dict[str, float]:
    """Summary statistics of raw samples (seconds), scaled to the row's unit."""
    ordered = sorted(samples)
    n = len(ordered)

    def pick(q: float) -> float:  # nearest rank: a real sample, defined for any n
        return ordered[max(0, math.ceil(q * n - 1e-9) - 1)]  # (the epsilon: 0.9 * 10 > 9 in floats)

    return {
        "n": n,
        "min": round(ordered[0] * scale, 3),
        "p50": round(statistics.median(ordered) * scale, 3),
        "mean": round(statistics.fmean(ordered) * scale, 3),
        "p90": round(pick(0.90) * scale, 3),
        "p99": round(pick(0.99) * scale, 3),
        "max": round(ordered[-1] * scale, 3),
    }


def ratio(a: float, b: float) -> float | None:
    return round(a / b, 3) if b else None


def make_row(
    row_id: str,
    sides: dict[str, dict[str, float]],
    unit: str,
    figure: float,
    extra: dict[str, Any] | None = None,
) -> Row:
    title, goal = ROWS[row_id]
    ratios = {}
    sdk = sides.get("sdk")
    for other in ("lean", "naive"):
        if sdk and other in sides:
            ratios[f"p50 SDK/{other}"] = ratio(sdk["p50"], sides[other]["p50"])
            ratios[f"p99 SDK/{other}"] = ratio(sdk["p99"], sides[other]["p99"])
    return {
        "id": row_id,
        "title": title,
        "unit": unit,
        "sides": sides,
        "ratios": ratios,
        "goal": str(goal) if goal else None,
        "figure": round(figure, 3),
        "result": "info" if goal is None else "PASS" if goal.met(figure) else "MISS",
        **({"extra": extra} if extra else {}),
    }


# ---- the servers, in their own processes ------------------------------------------------------

CPUS = sorted(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else []
PIN = len(CPUS) >= 2  # servers on the last core, the bench (and the processes it starts) on the rest


@contextmanager
def pinned_bench() -> Iterator[None]:
    if PIN:
        os.sched_setaffinity(0, set(CPUS[:-1]))
    try:
        yield
    finally:
        if PIN:
            os.sched_setaffinity(0, set(CPUS))


@contextmanager
def server_process(argv: list[str], until: str) -> Iterator[list[str]]:
    """Run ``argv`` on the server core; yield its stdout lines up to one that contains ``until``."""
    proc = subprocess.Popen(
        argv,
        stdout=subprocess.PIPE,
        text=True,
        cwd=_fresh.ROOT,
        preexec_fn=(lambda: os.sched_setaffinity(0, {CPUS[-1]})) if PIN else None,
    )
    try:
        assert proc.stdout is not None
        lines: list[str] = []
        while not lines or until not in lines[-1]:
            line = proc.stdout.readline()
            if not line:
                raise RuntimeError(f"{' '.join(argv[:3])} ... did not start")
            lines.append(line)
        yield lines
    finally:
        proc.terminate()
        proc.wait(10)
        if proc.stdout is not None:
            proc.stdout.close()


@dataclass
class Server:
    base_url: str
    key: str  # org_demo: the seeded tenants, can_access, consume, the 4-plan reply
    bench_key: str  # org_bench: the 200-plan reply


@contextmanager
def local_crovver(seed_file: Path) -> Iterator[Server]:
    """``python -m crovver_ext.testing serve --port 0 --seed FILE``: the seed plus org_bench."""
    argv = [sys.executable, "-m", "crovver_ext.testing", "serve", "--port", "0", "--seed", str(seed_file)]
    with server_process(argv, "control plane") as lines:
        text = "".join(lines)
        base_url = re.search(r"listening on (\S+)", text)
        keys = dict(re.findall(r"(\w+) \(\w+\): secret (\S+)", text))
        if base_url is None or "org_demo" not in keys or keys.get("org_bench") != BENCH_SECRET_KEY:
            raise RuntimeError(f"unexpected start-up lines from the local Crovver: {text!r}")
        yield Server(base_url.group(1), keys["org_demo"], keys["org_bench"])


@contextmanager
def replay_server(replies: dict[str, Recorded], tmp: Path) -> Iterator[str]:
    """The recorded replies served over loopback (see ``_replay_server``); yields its base URL."""
    table = {
        f"Bearer {key}": {
            path: [status, headers, body.decode()] for path, (status, headers, body) in paths.items()
        }
        for key, paths in replies.items()
    }
    replies_file = tmp / "replay.json"
    replies_file.write_text(json.dumps(table), encoding="utf-8")
    argv = [sys.executable, "-m", "tests.benchmarks._replay_server", str(replies_file)]
    with server_process(argv, "listening on") as lines:
        yield lines[-1].split("listening on ", 1)[1].strip()


# ---- per-call rows -----------------------------------------------------------------------------


def interleaved(
    sides: dict[str, Callable[[], object]], n: int, warmup: int, clock: Callable[[], float]
) -> dict[str, list[float]]:
    """``n`` single-call samples (seconds) per side, the order cycling through every permutation.

    Alternating single calls gives every side the same server state and machine conditions; the
    garbage collector stays on, so each side pays for the collections its own allocations cause.
    What reading ``clock`` itself costs (the median of empty intervals) is taken off every sample.
    """
    for _ in range(warmup):
        for fn in sides.values():
            fn()
    overhead = statistics.median(-clock() + clock() for _ in range(1000))
    gc.collect()
    orders = list(itertools.permutations(sides.items()))
    samples: dict[str, list[float]] = {name: [] for name in sides}
    for i in range(n):
        for name, fn in orders[i % len(orders)]:
            start = clock()
            fn()
            samples[name].append(clock() - start - overhead)
    return samples


class Bench:
    """What the rows share: the server, the recorded replies, the clients of every side."""

    def __init__(self, server: Server, stack: ExitStack, tmp: Path, *, live: bool, wall_clock: bool) -> None:
        self.server = server
        self.tmp = tmp
        self.live = live
        self.wall_clock = wall_clock
        self.replies: dict[str, Recorded] = {
            server.key: record_replies(server.base_url, server.key),
            server.bench_key: record_replies(server.base_url, server.bench_key, (PLANS_PATH,)),
        }
        self.plans200_bytes = len(self.replies[server.bench_key][PLANS_PATH][2])
        self.plans4_bytes = len(self.replies[server.key][PLANS_PATH][2])
        self._stack = stack
        self._local: Any = None
        self._loopback_url = server.base_url if live else ""
        self._sides: dict[tuple[str, str], dict[str, Calls]] = {}

    def child_env(self) -> dict[str, str]:
        return _fresh.child_env(self.server.base_url, self.server.key, self.tmp / "pycache")

    def _transport(self, key: str) -> httpx.BaseTransport:
        if not self.live:
            return replay_transport(self.replies[key])
        if self._local is None:  # the local Crovver itself, in this process (emulator work included)
            from crovver_ext.testing import LocalCrovver

            self._local = LocalCrovver(seed=bench_seed())
            self._stack.callback(self._local.stop)
        transport: httpx.BaseTransport = self._local.transport()
        return transport

    def _loopback(self) -> str:
        if not self._loopback_url:
            self._loopback_url = self._stack.enter_context(replay_server(self.replies, self.tmp))
        return self._loopback_url

    def sides(self, where: str, key: str) -> dict[str, Calls]:
        """{side: {operation: call}} for ``where`` (in-process|loopback) and an org's key."""
        if (where, key) not in self._sides:
            enter = self._stack.enter_context
            if where == "loopback":
                base = self._loopback()
                sdk = enter(CrovverClient(key, base_url=base))
                lean = enter(lean_http(key))
                naive = enter(httpx.Client())
            else:
                base = IN_PROCESS_BASE
                transport = self._transport(key)
                # The SDK owns its pool on the same transport, as lean owns its client.
                sdk = enter(CrovverClient(key, base_url=base, transport=transport))
                lean = enter(lean_http(key, transport))
                naive = enter(httpx.Client(transport=transport))
            self._sides[where, key] = {
                "sdk": sdk_calls(sdk),
                "lean": lean_calls(lean, base),
                "naive": naive_calls(naive, base, key),
            }
        return self._sides[where, key]

    def per_call(self, row_id: str, counts: Counts) -> Row:
        where, operation, key, n = self.per_call_spec(row_id, counts)
        calls = self.sides(where, key)
        # In process every side only computes: its thread's CPU clock leaves out the time other
        # processes hold our core, which on a loaded machine would otherwise land mostly on the
        # longer calls. Over loopback the wait for the server is part of the cost: wall clock.
        cpu = where == "in-process" and not self.wall_clock
        clock = time.thread_time if cpu else time.perf_counter
        samples = interleaved({side: ops[operation] for side, ops in calls.items()}, n, counts.warmup, clock)
        sides = {side: summary(s, 1e6) for side, s in samples.items()}
        figure = sides["sdk"]["p50"] / sides["lean"]["p50"]
        extra: dict[str, Any] = {"clock": "thread CPU" if cpu else "wall"}
        if "plans200" in row_id:
            extra["reply_bytes"] = self.plans200_bytes
        return make_row(row_id, sides, "us", figure, extra)

    def per_call_spec(self, row_id: str, counts: Counts) -> tuple[str, str, str, int]:
        """(where, operation, key, samples) of a per-call row."""
        where = "loopback" if row_id.startswith("loopback") else "in-process"
        local = where == "in-process"
        if row_id.endswith("plans200"):
            return (
                where,
                "get_plans",
                self.server.bench_key,
                counts.plans_in_process if local else counts.plans_loopback,
            )
        operation = "get_plans" if row_id.endswith("plans4") else row_id.rsplit("-", 1)[1]
        return where, operation, self.server.key, counts.in_process if local else counts.loopback


def p99_row(row_id: str, measured: Row) -> Row:
    """A p99 goal read off the samples its in-process row already took."""
    sides = measured["sides"]
    return make_row(row_id, sides, "us", sides["sdk"]["p99"] / sides["lean"]["p99"])


# ---- fresh-process rows ------------------------------------------------------------------------


def fresh_sides(bench: Bench, runs: _fresh.Runs) -> tuple[dict[str, dict[str, float]], dict[str, Any]]:
    """The sides of a fresh-process row, in ms: the children's CPU time (user + system), which a
    loaded machine leaves alone, or with ``--wall-clock`` spawn-to-exit; the other one as extra."""
    wall = {side: summary(t, 1e3) for side, t in runs.wall.items()}
    cpu = {side: summary(t, 1e3) for side, t in runs.cpu.items()}
    if bench.wall_clock:
        return wall, {"clock": "wall", "cpu_ms": cpu}
    return cpu, {"clock": "child CPU (user + system)", "wall_ms": wall}


def bench_cold_start(bench: Bench, counts: Counts) -> list[Row]:
    argv = {
        "sdk": [sys.executable, "-c", _fresh.SDK_COLD_START],
        "lean": [sys.executable, "-c", _fresh.HTTPX_COLD_START],
    }
    runs = _fresh.alternate(argv, bench.child_env(), counts.pairs)
    sides, clocks = fresh_sides(bench, runs)
    inside = {side: _fresh.reports(out) for side, out in runs.outputs.items()}
    loaded = {
        side: {"modules": reports[-1]["modules"], "generated_modules": reports[-1]["generated_modules"]}
        for side, reports in inside.items()
    }
    cold = make_row(
        "cold-start", sides, "ms", sides["sdk"]["p50"] / sides["lean"]["p50"], {**clocks, "loaded": loaded}
    )
    clock = "" if bench.wall_clock else "_cpu"
    imports = {
        side: summary([r[f"import{clock}_ms"] for r in reports], 1.0) for side, reports in inside.items()
    }
    calls = {side: summary([r[f"call{clock}_ms"] for r in reports], 1.0) for side, reports in inside.items()}
    imported = make_row(
        "import",
        imports,
        "ms",
        imports["sdk"]["p50"] / imports["lean"]["p50"],
        {
            "what": "import crovver_ext vs import httpx, json, os, timed by the cold-start children themselves",
            "clock": clocks["clock"],
            "first_call_ms": calls,
        },
    )
    return [cold, imported]


def bench_cli(bench: Bench, counts: Counts) -> Row:
    argv = {
        "sdk": [*_fresh.cli_command(), *_fresh.CLI_ARGS],
        "lean": [sys.executable, "-c", _fresh.HTTPX_CLI],
    }
    sides, clocks = fresh_sides(bench, _fresh.alternate(argv, bench.child_env(), counts.pairs))
    figure = sides["sdk"]["p50"] / sides["lean"]["p50"]
    return make_row("cli", sides, "ms", figure, {**clocks, "command": _fresh.cli_command()})


def bench_rss(bench: Bench, counts: Counts) -> Row:
    replies = bench.tmp / "replies.json"
    save_replies(bench.replies[bench.server.key], replies)
    argv = {side: _fresh.rss_argv(side, counts.rss_calls, replies) for side in ("sdk", "lean")}
    runs = _fresh.alternate(argv, bench.child_env(), counts.rss_pairs)
    readings = {side: _fresh.reports(out) for side, out in runs.outputs.items()}
    mib = {side: [r["rss_kib"] / 1024 for r in rs] for side, rs in readings.items()}
    sides = {side: summary(values, 1.0) for side, values in mib.items()}
    return make_row(
        "rss",
        sides,
        "MiB",
        sides["sdk"]["p50"] - sides["lean"]["p50"],
        {
            "calls": counts.rss_calls,
            "peak_mib": {
                s: round(statistics.median(r["peak_kib"] for r in rs) / 1024, 2) for s, rs in readings.items()
            },
            "modules": {s: rs[-1]["modules"] for s, rs in readings.items()},
        },
    )


# ---- async fan-out and the cache -------------------------------------------------------------


def _consume_kwargs() -> dict[str, Any]:
    return {"tenant_id": TENANT, "pool_key": POOL, "amount": 1, "idempotency_key": str(uuid.uuid4())}


def _clocks() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def _since(start: tuple[float, float]) -> tuple[float, float]:
    wall, cpu = _clocks()
    return wall - start[0], cpu - start[1]


def fan_out_runs(
    server: Server, total: int, in_flight: int
) -> tuple[Callable[[], tuple[float, float]], Callable[[], tuple[float, float]]]:
    """(sequential, fan_out): each runs ``total`` consumes once and returns the wall seconds they
    took and the CPU seconds this process spent meanwhile (near the wall time: the client's CPU
    is what limits it)."""

    def add_latency() -> None:
        from crovver_ext.testing import ControlPlane

        with ControlPlane(base_url=server.base_url) as control:
            control.clear_faults()
            control.inject_fault(CONSUME_PATH, action="delay", delay=LATENCY, times=10 * total)

    def sequential() -> tuple[float, float]:
        with CrovverClient(server.key, base_url=server.base_url) as client:
            client.can_access(TENANT, FEATURE)  # connect first, as the async side does
            add_latency()
            start = _clocks()
            for _ in range(total):
                client.credits.consume(**_consume_kwargs())
            return _since(start)

    async def fan_out() -> tuple[float, float]:
        async with AsyncCrovverClient(server.key, base_url=server.base_url) as client:
            await asyncio.gather(*(client.can_access(TENANT, FEATURE) for _ in range(in_flight)))
            add_latency()
            gate = asyncio.Semaphore(in_flight)

            async def one() -> None:
                async with gate:
                    await client.credits.consume(**_consume_kwargs())

            start = _clocks()
            await asyncio.gather(*(one() for _ in range(total)))
            return _since(start)

    return sequential, lambda: asyncio.run(fan_out())


def bench_fan_out(server: Server, counts: Counts) -> Row:
    sequential, fan_out = fan_out_runs(server, counts.fan_out_total, counts.fan_out_in_flight)
    times: dict[str, list[float]] = {"sdk": [], "sequential": []}
    cpu: dict[str, list[float]] = {"sdk": [], "sequential": []}
    try:
        for i in range(counts.fan_out_repeats):
            for name, run in [("sdk", fan_out), ("sequential", sequential)][:: 1 if i % 2 == 0 else -1]:
                wall, spent = run()
                times[name].append(wall)
                cpu[name].append(spent)
    finally:
        from crovver_ext.testing import ControlPlane

        with ControlPlane(base_url=server.base_url) as control:
            control.clear_faults()
    sides = {side: summary(t, 1e3) for side, t in times.items()}
    return make_row(
        "fan-out",
        sides,
        "ms",
        sides["sequential"]["p50"] / sides["sdk"]["p50"],
        {
            "consumes": counts.fan_out_total,
            "in_flight": counts.fan_out_in_flight,
            "latency_ms": LATENCY * 1e3,
            "client_cpu_ms": {side: summary(t, 1e3) for side, t in cpu.items()},
        },
    )


def cached_loop(server: Server, calls: int) -> Callable[[], float]:
    client = CrovverClient(server.key, base_url=server.base_url, entitlement_cache_ttl=3600)
    client.can_access(TENANT, FEATURE)

    def batch() -> float:
        start = time.perf_counter()
        for _ in range(calls):
            client.can_access(TENANT, FEATURE)
        return (time.perf_counter() - start) / calls

    return batch


def bench_cached(server: Server, counts: Counts) -> Row:
    batch = cached_loop(server, counts.cached_calls)
    per_check = [batch() for _ in range(5)]
    sides = {"sdk": summary(per_check, 1e6)}
    return make_row(
        "cached", sides, "us", 1e6 / sides["sdk"]["p50"], {"checks_per_batch": counts.cached_calls}
    )


# ---- running, printing -------------------------------------------------------------------------


def run_rows(bench: Bench, wanted: list[str], counts: Counts) -> list[Row]:
    done: dict[str, Row] = {}
    for row_id in wanted:
        if row_id in done:
            continue
        print(f"  {row_id} ...", file=sys.stderr, flush=True)
        if row_id.startswith(("in-process", "loopback")):
            done[row_id] = bench.per_call(row_id, counts)
        elif row_id in P99_OF:
            source = P99_OF[row_id]
            if source not in done:
                done[source] = bench.per_call(source, counts)
            done[row_id] = p99_row(row_id, done[source])
        elif row_id in ("cold-start", "import"):
            cold, imported = bench_cold_start(bench, counts)
            done.update({"cold-start": cold, "import": imported})
        elif row_id == "cli":
            done[row_id] = bench_cli(bench, counts)
        elif row_id == "rss":
            done[row_id] = bench_rss(bench, counts)
        elif row_id == "fan-out":
            done[row_id] = bench_fan_out(bench.server, counts)
        elif row_id == "cached":
            done[row_id] = bench_cached(bench.server, counts)
    return [done[row_id] for row_id in ROWS if row_id in done]


def _title(row: Row) -> str:
    extra = row.get("extra", {})
    if row["id"] == "rss":
        return row["title"].replace("N calls", f"{extra['calls']:,} calls")
    if row["id"] == "fan-out":
        return f"async fan-out: {extra['consumes']:,} consumes, {extra['in_flight']} in flight, 10 ms latency"
    return str(row["title"])


def _num(x: float) -> str:
    return f"{x:.0f}" if x >= 100 else f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def _pair(stats: dict[str, float] | None) -> str:
    return f"{_num(stats['p50'])} / {_num(stats['p99'])}" if stats else ""


def _figure(row: Row) -> str:
    if row["id"] == "rss":
        return f"{row['figure']:+.1f} MiB"
    if row["id"] == "cached":
        return f"{row['figure'] / 1e6:.2f} M/s"
    return f"{row['figure']:.2f}x"


def print_table(rows: list[Row]) -> None:
    headers = (
        "row",
        "unit",
        "SDK p50 / p99",
        "baseline p50 / p99",
        "naive p50 / p99",
        "SDK/naive",
        "SDK/lean",
        "goal",
        "figure",
        "",
    )
    lines = []
    for r in rows:
        sides = r["sides"]
        baseline = sides.get("lean") or sides.get("sequential")
        ratios = r["ratios"]
        lines.append(
            (
                _title(r),
                r["unit"],
                _pair(sides.get("sdk")),
                _pair(baseline),
                _pair(sides.get("naive")),
                f"{ratios['p50 SDK/naive']:.2f}x" if "p50 SDK/naive" in ratios else "",
                f"{ratios['p50 SDK/lean']:.2f}x" if "p50 SDK/lean" in ratios else "",
                r["goal"] or "(info)",
                _figure(r),
                r["result"] if r["goal"] else "",
            )
        )
    widths = [max(len(h), *(len(line[i]) for line in lines)) for i, h in enumerate(headers)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for line in lines:
        print("  ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)).rstrip())
    print(
        "\nbaseline: the lean hand-written httpx client (plain httpx in fresh processes; sequential "
        "sync consumes for the fan-out).\nSDK/naive, SDK/lean: ratios of medians. Goals: issue 12."
    )


def _times(text: str) -> str:
    return text[:-1] + "\N{MULTIPLICATION SIGN}" if text.endswith("x") else text


def markdown_table(rows: list[Row]) -> str:
    """The README's table: row, both sides' p50 / p99, goal, figure, result."""
    unit = {"us": "µs"}
    lines = ["| row | SDK p50 / p99 | baseline p50 / p99 | goal | figure | |", "|---|---|---|---|---|---|"]
    for r in rows:
        sides = r["sides"]
        baseline = sides.get("lean") or sides.get("sequential")
        u = " " + unit.get(r["unit"], r["unit"])
        goal = _times((r["goal"] or "").replace("<=", "≤").replace(">=", "≥"))
        cells = [
            _title(r).strip(),
            _pair(sides.get("sdk")) + u,
            _pair(baseline) + u if baseline else "",
            goal,
            _times(_figure(r)),
            r["result"] if r["goal"] else "",
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def machine() -> dict[str, Any]:
    return {
        "python": sys.version.split()[0],
        "httpx": httpx.__version__,
        "cpus": os.cpu_count(),
        "loadavg": [round(x, 2) for x in os.getloadavg()],
        "time": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
    }


# ---- profiles ----------------------------------------------------------------------------------


PROFILE_INTERVAL = 0.0001  # seconds between samples: calls are tens of microseconds


def print_memory_profile(reports: dict[str, list[dict[str, Any]]]) -> None:
    """RSS of both sides, then where the memory still alive was allocated, largest difference first."""
    (sdk, sdk_traced), (lean, lean_traced) = reports["sdk"], reports["lean"]
    mib = 2**20
    print(f"RSS: SDK {sdk['rss_kib'] / 1024:.1f} MiB ({sdk['modules']} modules), ", end="")
    print(f"plain httpx {lean['rss_kib'] / 1024:.1f} MiB ({lean['modules']} modules)")
    total_sdk, total_lean = sum(sdk_traced.values()), sum(lean_traced.values())
    print(f"tracemalloc, alive at the end: SDK {total_sdk / mib:.1f} MiB, httpx {total_lean / mib:.1f} MiB")
    print(f"{'SDK MiB':>8} {'httpx MiB':>9} {'diff':>7}  allocated in")
    folders = sorted(
        set(sdk_traced) | set(lean_traced), key=lambda f: lean_traced.get(f, 0) - sdk_traced.get(f, 0)
    )
    for folder in folders[:20]:
        a, b = sdk_traced.get(folder, 0) / mib, lean_traced.get(folder, 0) / mib
        print(f"{a:8.2f} {b:9.2f} {a - b:+7.2f}  {folder}")


def profile(bench: Bench, row_id: str, counts: Counts, side: str = "sdk") -> None:
    """Print where ``side`` (the SDK by default) spends the time of ``row_id`` (for ``rss``, its memory)."""
    server = bench.server
    env = bench.child_env()
    if row_id in ("cold-start", "import", "cli"):
        program = _fresh.SDK_COLD_START if row_id != "cli" else _fresh.SDK_CLI
        _fresh.run_child([sys.executable, "-c", program], env)  # the bytecode cache, as in the row
        quiet = {**env, "PYINSTRUMENT_IGNORE_OVERHEAD_WARNING": "1"}  # a loaded machine's slow timer
        subprocess.run([sys.executable, "-c", _fresh.PROFILED, program], env=quiet, check=True)
        return
    if row_id == "rss":
        replies = bench.tmp / "replies.json"
        save_replies(bench.replies[server.key], replies)
        argv = {
            side: _fresh.rss_argv(side, counts.rss_calls, replies, trace=True) for side in ("sdk", "lean")
        }
        runs = _fresh.alternate(argv, env, 1)
        print_memory_profile(
            {side: _fresh.reports(out[0].splitlines()) for side, out in runs.outputs.items()}
        )
        return

    from pyinstrument import Profiler

    if row_id == "fan-out":
        fan_out_runs(server, 10, 10)[1]()  # the first async call's imports are not the row's cost
        work: Callable[[], object] = fan_out_runs(server, counts.fan_out_total, counts.fan_out_in_flight)[1]
    elif row_id == "cached":
        work = cached_loop(server, counts.cached_calls)
    else:
        where, operation, key, n = bench.per_call_spec(P99_OF.get(row_id, row_id), counts)
        call = bench.sides(where, key)[side][operation]
        for _ in range(counts.warmup):
            call()

        def work() -> None:
            for _ in range(max(n, 200)):  # enough samples even from a --smoke count
                call()

    profiler = Profiler(interval=PROFILE_INTERVAL, async_mode="enabled")
    profiler.start()
    work()
    profiler.stop()
    print(profiler.output_text(unicode=True, color=False, show_all=False))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__.split("\n\n")[0])
    size = parser.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_true", help="a short run (about a tenth; noisier)")
    size.add_argument(
        "--smoke", action="store_true", help="every row once, minimal counts (the test suite's run)"
    )
    parser.add_argument(
        "--json",
        nargs="?",
        const="bench.json",
        metavar="PATH",
        help="also write every figure (summary statistics of every side of every row) as JSON to PATH "
        "(default bench.json)",
    )
    parser.add_argument("--only", metavar="ROW,...", help="run only these rows: " + ", ".join(ROWS))
    parser.add_argument(
        "--profile", metavar="ROW", choices=list(ROWS), help="profile the SDK side of ROW instead"
    )
    parser.add_argument(
        "--side",
        choices=("sdk", "lean", "naive"),
        default="sdk",
        help="the side --profile profiles, for a per-call row (default sdk)",
    )
    parser.add_argument(
        "--live",
        action="store_true",
        help="per-call rows against the local Crovver itself (in process: its in-process transport; "
        "loopback: its server), its emulator work added to every side; default: its recorded replies, "
        "replayed, so that only the clients' work differs",
    )
    parser.add_argument(
        "--wall-clock",
        action="store_true",
        help="time in-process and fresh-process rows by the wall clock too (default: CPU time, of the "
        "bench's thread or of the child process, which other processes' load leaves out)",
    )
    parser.add_argument(
        "--markdown", action="store_true", help="also print the table as Markdown (the README's)"
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 if any row misses its goal")
    args = parser.parse_args(argv)
    counts = SMOKE if args.smoke else QUICK if args.quick else FULL
    wanted = list(ROWS)
    if args.only:
        wanted = [name.strip() for name in args.only.split(",")]
        unknown = sorted(set(wanted) - set(ROWS))
        if unknown:
            parser.error(f"unknown row(s) {', '.join(unknown)}; rows: {', '.join(ROWS)}")

    started = time.perf_counter()
    before = machine()
    with tempfile.TemporaryDirectory(prefix="crovver-bench-") as tmp, ExitStack() as stack:
        seed_file = Path(tmp) / "seed.json"
        seed_file.write_text(json.dumps(bench_seed()), encoding="utf-8")
        stack.enter_context(pinned_bench())
        server = stack.enter_context(local_crovver(seed_file))
        bench = Bench(server, stack, Path(tmp), live=args.live, wall_clock=args.wall_clock)
        if args.profile:
            profile(bench, args.profile, counts, args.side)
            return 0
        print(
            f"bench: {len(wanted)} rows; the {BENCH_PLANS}-plan reply is {bench.plans200_bytes / 1000:.0f} kB, "
            f"the seeded 4-plan one {bench.plans4_bytes / 1000:.1f} kB; load average {before['loadavg']}",
            file=sys.stderr,
        )
        rows = run_rows(bench, wanted, counts)
    after = machine()
    print()
    print_table(rows)
    if args.markdown:
        print("\n" + markdown_table(rows) + "\n")
    elapsed = time.perf_counter() - started
    print(
        f"Python {before['python']}, httpx {before['httpx']}, {before['cpus']} cpus; "
        f"load average {before['loadavg']} before, {after['loadavg']} after; {elapsed:.0f} s"
    )
    if args.json:
        report = {
            "machine": {**before, "loadavg_after": after["loadavg"], "seconds": round(elapsed, 1)},
            "counts": counts.__dict__,
            "replies": "live" if args.live else "recorded",
            "rows": rows,
        }
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 1 if args.strict and any(r["result"] == "MISS" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
