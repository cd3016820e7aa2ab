"""``python -m crovver_ext``: the ``crovver`` command."""

import sys

from crovver_ext._cli import main

if __name__ == "__main__":
    sys.exit(main())
