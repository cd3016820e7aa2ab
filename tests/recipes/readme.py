"""The README's code blocks, for the tests that run or type-check them."""

from __future__ import annotations

import re
from pathlib import Path

README = Path(__file__).resolve().parents[2] / "README.md"


def python_blocks(text: str | None = None) -> list[str]:
    """Every ```python block of the README, in order."""
    text = README.read_text(encoding="utf-8") if text is None else text
    return re.findall(r"^```python\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE)


def recipe(name: str) -> str:
    """The ```python blocks right after each ``<!-- recipe: NAME -->`` marker, joined in order."""
    text = README.read_text(encoding="utf-8")
    blocks = re.findall(
        rf"^<!-- recipe: {re.escape(name)} -->\n```python\n(.*?)^```", text, flags=re.DOTALL | re.MULTILINE
    )
    if not blocks:
        raise LookupError(f"README.md has no recipe {name!r}")
    return "\n".join(blocks)
