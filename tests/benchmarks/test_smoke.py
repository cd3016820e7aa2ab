"""``make bench`` still runs: every row is produced and every figure kept. No timing is asserted.

The bench runs as a subprocess (``--smoke``: minimal counts): it pins itself and its servers to
cores, which must not happen to the test process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.__main__ import ROWS

ROOT = Path(__file__).resolve().parents[2]
STATS = {"n", "min", "p50", "mean", "p90", "p99", "max"}
PER_CALL = [row_id for row_id in ROWS if row_id.startswith(("in-process", "loopback"))]


def bench(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tests.benchmarks", "--smoke", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )


def test_smoke_run_writes_every_row_with_its_figures(tmp_path: Path) -> None:
    out = tmp_path / "bench.json"
    done = bench("--json", str(out), "--markdown")
    assert done.returncode == 0, done.stderr
    report = json.loads(out.read_text())
    rows = {row["id"]: row for row in report["rows"]}
    assert list(rows) == list(ROWS)
    assert "SDK p50 / p99" in done.stdout  # the table was printed
    assert "| row | SDK p50 / p99 |" in done.stdout  # and the README's
    for row_id, row in rows.items():
        assert row["result"] in ("PASS", "MISS", "info"), row_id
        assert (row["goal"] is None) == (row["result"] == "info"), row_id
        assert isinstance(row["figure"], float | int), row_id
        for side, stats in row["sides"].items():
            assert set(stats) == STATS, (row_id, side)
    for row_id in PER_CALL:
        assert set(rows[row_id]["sides"]) == {"sdk", "lean", "naive"}, row_id
        assert set(rows[row_id]["ratios"]) == {
            "p50 SDK/lean",
            "p99 SDK/lean",
            "p50 SDK/naive",
            "p99 SDK/naive",
        }
    for row_id in ("cold-start", "import", "cli", "rss"):
        assert set(rows[row_id]["sides"]) == {"sdk", "lean"}, row_id
    assert rows["in-process-plans200"]["extra"]["reply_bytes"] > 150_000
    assert set(rows["fan-out"]["sides"]) == {"sdk", "sequential"}
    assert report["machine"]["loadavg"] and report["machine"]["loadavg_after"]
    assert report["replies"] == "recorded"


def test_profile_prints_a_pyinstrument_report_for_a_row() -> None:
    done = bench("--profile", "in-process-can_access")
    assert done.returncode == 0, done.stderr
    assert "Samples:" in done.stdout and "No samples were recorded" not in done.stdout
    assert "CrovverClient.can_access" in done.stdout


def test_unknown_rows_are_refused() -> None:
    done = bench("--only", "in-process-can_access,no-such-row")
    assert done.returncode == 2
    assert "no-such-row" in done.stderr
