"""Schemathesis against the local Crovver over loopback: every check, a bounded number of cases.

``python -m tests.emulator.fuzz [--examples N] [--seed S] [--max-time SECONDS]`` (``make fuzz``
runs a long one; tests/emulator/test_fuzz.py a short one inside ``make test``). Exit status 0
when schemathesis found nothing.

Two documented behaviours of Crovver's API are told to schemathesis rather than "fixed":

- A public-key operation called without any key answers 400 ``MISSING_PUBLIC_KEY`` (docs:
  api-reference/overview.mdx, error codes), not the 401/403 schemathesis's ``ignored_auth``
  expects: that check is off for the public-key operations (from the operation table).
- A schema-valid request may still be refused for the state it meets (a plan not offered in that
  currency: 422; no subscription: 402; already canceled: 400...). ``positive_data_acceptance``
  accepts the statuses the spec documents for that; tests/emulator/fuzz_hooks.py then fails any
  such 400 that is a schema complaint rather than one of the listed business rules.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from crovver_api.operations import OPERATIONS
from crovver_ext.testing import LocalCrovver
from tests.spec import ROOT, SPEC_PATH

#: What a schema-valid request may get: success, no such thing, a conflict, or a business refusal.
POSITIVE_STATUSES = ("2xx", "400", "401", "402", "403", "404", "409", "422", "429")


@dataclass
class Result:
    """One schemathesis run: its exit status, the cases it ran and the failures it found."""

    exit_code: int
    cases: int
    failures: int
    output: str


def config_toml() -> str:
    """The schemathesis configuration (TOML), derived from the operation table."""
    lines = [
        "[checks]",
        "enabled = true  # every check (the --checks option would override the per-operation lines)",
        "",
        "[checks.positive_data_acceptance]",
        "expected-statuses = [" + ", ".join(f'"{s}"' for s in POSITIVE_STATUSES) + "]",
    ]
    for op in OPERATIONS.values():
        if "public" in op.credentials:
            lines += [
                "",
                "[[operations]]",
                f'include-operation-id = "{op.operation_id}"',
                "checks.ignored_auth.enabled = false",
            ]
    return "\n".join(lines) + "\n"


def run(
    examples: int,
    seed: int = 1,
    max_time: float | None = None,
    workers: int = 1,
    operation_ids: tuple[str, ...] = (),
) -> Result:
    """Run schemathesis once against a fresh local Crovver on 127.0.0.1 (all operations, or these)."""
    with LocalCrovver() as local, tempfile.TemporaryDirectory(prefix="crovver-fuzz-") as tmp:
        config = Path(tmp) / "schemathesis.toml"
        config.write_text(config_toml(), encoding="utf-8")
        report = Path(tmp) / "report.json"
        command = [
            sys.executable,
            "-m",
            "schemathesis.cli",
            "--config-file",
            str(config),
            "--no-color",
            "run",
            str(SPEC_PATH),
            "--url",
            local.base_url,
            "--header",
            f"Authorization: Bearer {local.secret_key}",
            "--max-examples",
            str(examples),
            "--seed",
            str(seed),
            "--workers",
            str(workers),
            "--generation-database",
            "none",
            "--report",
            "json",
            "--report-json-path",
            str(report),
        ]
        if max_time is not None:
            command += ["--max-time", str(int(max_time))]
        for operation_id in operation_ids:
            command += ["--include-operation-id", operation_id]
        env = {**os.environ, "SCHEMATHESIS_HOOKS": "tests.emulator.fuzz_hooks", "PYTHONPATH": str(ROOT)}
        done = subprocess.run(command, cwd=tmp, env=env, capture_output=True, text=True, check=False)
        cases, failures = _counts(report)
        return Result(done.returncode, cases, failures, done.stdout + done.stderr)


def _counts(report: Path) -> tuple[int, int]:
    if not report.exists():
        return 0, -1
    data = json.loads(report.read_text(encoding="utf-8"))
    cases = data["test_cases"]
    return int(cases["generated"]), int(cases["unique_failures"])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.emulator.fuzz", description=__doc__.splitlines()[0]
    )
    parser.add_argument("--examples", type=int, default=100, help="cases per operation and phase (100)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--max-time",
        type=float,
        default=None,
        help="seconds; fuzzing and stateful phases repeat until it is spent",
    )
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    result = run(args.examples, args.seed, args.max_time, args.workers)
    print(result.output)
    print(f"fuzz: {result.cases} cases, {result.failures} failures, exit {result.exit_code}")
    return result.exit_code


if __name__ == "__main__":
    sys.exit(main())
