"""``python -m crovver_ext.testing``: serve until interrupted, print the seed."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONWARNINGS": "error"}


def test_serve_prints_url_and_keys_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    db = tmp_path / "cli.sqlite"
    with subprocess.Popen(
        [sys.executable, "-m", "crovver_ext.testing", "serve", "--port", "0", "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        text=True,
    ) as proc:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        assert first.startswith("Local Crovver listening on http://127.0.0.1:")
        url = first.rsplit(" ", 1)[1].strip()
        keys = proc.stdout.readline() + proc.stdout.readline()
        assert "sk_test_local_secret_key" in keys and "sk_test_local_d2c_secret_key" in keys
        response = httpx.get(f"{url}/api/public/plans", headers={"x-public-key": "pk_test_local_public_key"})
        assert response.status_code == 200
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "stopped" in out and err == ""
    assert db.exists()


def test_sigterm_also_stops_cleanly() -> None:
    with subprocess.Popen(
        [sys.executable, "-m", "crovver_ext.testing", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=_env(),
        text=True,
    ) as proc:
        assert proc.stdout is not None
        proc.stdout.readline()
        proc.send_signal(signal.SIGTERM)
        _, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err


def test_seed_command_prints_the_default_seed() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "crovver_ext.testing", "seed"],
        capture_output=True,
        env=_env(),
        text=True,
        check=True,
    )
    seed = json.loads(result.stdout)
    assert [o["id"] for o in seed["organizations"]] == ["org_demo", "org_d2c"]


def test_serve_refuses_a_non_loopback_host() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "crovver_ext.testing", "serve", "--host", "0.0.0.0"],
        capture_output=True,
        env=_env(),
        text=True,
    )
    assert result.returncode == 2 and "loopback" in result.stderr
