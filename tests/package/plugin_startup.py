"""How much the ``crovver`` pytest plugin adds to a pytest run that never uses its fixtures.

``python -m tests.package.plugin_startup [RUNS]`` times ``python -m pytest`` on a one-test
project, alternating runs with the plugin and with ``-p no:crovver`` (so drift in the machine's
load hits both alike), and prints the medians; then, in fresh interpreters that have imported pytest already, what importing
the plugin module itself costs. Not part of the suite: timings are noise under load.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def time_pytest(project: Path, *extra: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *extra],
        cwd=project,
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - started


PLUGIN_IMPORT = """
import time, pytest
started = time.perf_counter()
import crovver_ext.testing.pytest_plugin
print(time.perf_counter() - started)
"""


def time_plugin_import() -> float:
    out = subprocess.run([sys.executable, "-c", PLUGIN_IMPORT], check=True, capture_output=True, text=True)
    return float(out.stdout)


def main(runs: int = 20) -> None:
    with tempfile.TemporaryDirectory() as folder:
        project = Path(folder)
        (project / "test_app.py").write_text("def test_app():\n    assert True\n", encoding="utf-8")
        (project / "pytest.ini").write_text("[pytest]\n", encoding="utf-8")
        samples: dict[str, list[float]] = {"with the plugin": [], "-p no:crovver": []}
        time_pytest(project)  # warm the file cache and the bytecode
        for i in range(runs):
            order = (
                ["with the plugin", "-p no:crovver"] if i % 2 == 0 else ["-p no:crovver", "with the plugin"]
            )
            for label in order:
                extra = ("-p", "no:crovver") if label == "-p no:crovver" else ()
                samples[label].append(time_pytest(project, *extra))
    medians = {label: statistics.median(values) * 1e3 for label, values in samples.items()}
    for label, values in samples.items():
        spread = statistics.quantiles([v * 1e3 for v in values], n=4)
        print(
            f"{label:16} median {medians[label]:6.1f} ms  (quartiles {spread[0]:.1f}-{spread[2]:.1f} ms, {runs} runs)"
        )
    print(f"{'difference':16} {medians['with the plugin'] - medians['-p no:crovver']:+6.1f} ms")
    imports = [time_plugin_import() * 1e3 for _ in range(runs)]
    print(
        f"{'plugin import':16} median {statistics.median(imports):6.2f} ms (after pytest, {runs} fresh interpreters)"
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
