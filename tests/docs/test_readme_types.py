"""Every ```python block of the README passes ``mypy --strict`` and ``pyright`` in strict mode,
as a user would check it: the Quickstart as one program (its blocks run in order), every other
block as a module of its own."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.recipes.readme import README, python_blocks

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent

pytestmark = pytest.mark.slow


def readme_modules() -> dict[str, str]:
    """File name -> source: ``readme_quickstart.py`` and ``readme_<n>_<section>.py``."""
    text = README.read_text(encoding="utf-8")
    start = text.index("\n## Quickstart\n")
    end = text.index("\n## ", start + 1)
    modules = {"readme_quickstart.py": "\n".join(python_blocks(text[start:end]))}
    heading = ""
    number = 0
    for match in re.finditer(
        r"^(#{2,3} [^\n]*)$|^```python\n(.*?)^```", text, flags=re.MULTILINE | re.DOTALL
    ):
        if match.group(1):
            heading = match.group(1)
        elif not start <= match.start() < end:  # the Quickstart's blocks are checked as one program
            number += 1
            slug = re.sub(r"\W+", "_", heading.lstrip("# ").lower()).strip("_")
            modules[f"readme_{number:02d}_{slug}.py"] = match.group(2)
    return modules


@pytest.fixture(scope="module")
def checked(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("readme")
    for name, source in readme_modules().items():
        (folder / name).write_text(source, encoding="utf-8")
    return folder


def test_the_readme_has_the_blocks_it_should() -> None:
    modules = readme_modules()
    assert "crovver.create_tenant(" in modules["readme_quickstart.py"]
    assert sum("construct_event" in source for source in modules.values()) >= 3  # webhooks, both recipes
    assert len(modules) >= 8


def test_mypy_strict(checked: Path) -> None:
    config = checked / "mypy.ini"
    config.write_text(
        "[mypy]\nstrict = True\npython_version = 3.11\nwarn_unreachable = True\n"
        f"mypy_path = {ROOT}:{ROOT / 'generated'}\n"
        "[mypy-crovver_api.*]\nignore_errors = True\n",
        encoding="utf-8",
    )
    run = subprocess.run(
        [
            str(BIN / "mypy"),
            "--config-file",
            str(config),
            "--cache-dir",
            str(ROOT / ".mypy_cache" / "readme"),
            *sorted(str(p) for p in checked.glob("readme_*.py")),
        ],
        cwd=checked,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr


def test_pyright_strict(checked: Path) -> None:
    config = checked / "pyrightconfig.json"
    config.write_text(
        json.dumps(
            {
                "include": ["."],
                "exclude": ["mypy.ini"],
                "typeCheckingMode": "strict",
                "pythonVersion": "3.11",
                "extraPaths": [str(ROOT), str(ROOT / "generated")],
            }
        ),
        encoding="utf-8",
    )
    run = subprocess.run(
        [str(BIN / "pyright"), "--pythonpath", sys.executable, "--project", str(config)],
        cwd=checked,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout + run.stderr
