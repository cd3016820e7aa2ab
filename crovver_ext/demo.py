"""`make demo`: a walkthrough of the SDK against a local Crovver."""

import sys


def main() -> int:
    print("The demo arrives with the facade (CrovverClient); until then there is nothing to walk through.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
