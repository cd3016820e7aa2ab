"""``make docs``: the API reference, built with pdoc from the docstrings and type hints.

``python -m tests.docs.build [OUTPUT]`` (default ``site/``) first fails on any undocumented
public name (see :mod:`tests.docs.surface`), then renders the public modules and the clients'
namespaces, failing on any warning pdoc emits.
"""

from __future__ import annotations

import shutil
import sys
import warnings
from pathlib import Path

import pdoc
import pdoc.render

from tests.docs import surface


def build(output: Path) -> None:
    """Render the reference into ``output`` (replaced); any warning is an error."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        warnings.filterwarnings("ignore", surface.TYPEDDICT_KEY_WARNING, UserWarning)
        warnings.filterwarnings("ignore", surface.MODEL_INIT_ANNOTATION_WARNING, UserWarning)
        for name in surface.DOCUMENTED_MODULES:
            surface.load(name)  # resolves the lazily loaded names before pdoc reads the modules
        pdoc.render.configure(docformat="google", show_source=False, search=True)
        if output.exists():
            shutil.rmtree(output)
        pdoc.pdoc(*surface.DOCUMENTED_MODULES, output_directory=output)


def main(argv: list[str]) -> int:
    output = Path(argv[0] if argv else "site")
    if surface.main() != 0:
        return 1
    build(output)
    print(f"API reference: {output / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
