"""``python -m crovver_ext.testing serve|seed``: run the local Crovver from a shell."""

from __future__ import annotations

import argparse
import json
import signal
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from types import FrameType

from ._clock import parse_iso
from ._local import LocalCrovver
from ._seed import default_seed


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point; returns the exit status."""
    parser = argparse.ArgumentParser(
        prog="python -m crovver_ext.testing", description="The local Crovver billing API emulator."
    )
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="serve the emulator on loopback until Ctrl-C")
    serve.add_argument("--host", default="127.0.0.1", help="loopback address (127.0.0.1)")
    serve.add_argument("--port", type=int, default=8787, help="TCP port (8787; 0 = any free)")
    serve.add_argument("--db", help="SQLite file to keep state in (default: memory)")
    serve.add_argument("--seed", help="JSON or YAML seed file (default: the built-in demo)")
    serve.add_argument("--start", help="ISO time the clock starts at (default 2026-01-01)")
    serve.add_argument(
        "--public-url", help="base of the URLs it mints, e.g. behind a proxy (default: its own)"
    )
    sub.add_parser("seed", help="print the built-in seed as JSON (a template for --seed)")
    args = parser.parse_args(argv)
    if args.command == "seed":
        json.dump(default_seed(), sys.stdout, indent=2)
        print()
        return 0
    start: datetime | None = parse_iso(args.start) if args.start else None
    try:
        local = LocalCrovver(
            port=args.port,
            db=args.db,
            seed=args.seed,
            host=args.host,
            start=start,
            public_url=args.public_url,
        ).start()
    except (OSError, ValueError, RuntimeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    done = threading.Event()

    def _stop(signum: int, frame: FrameType | None) -> None:
        done.set()

    signal.signal(signal.SIGTERM, _stop)
    print(f"Local Crovver listening on {local.base_url}")
    for key in local.emulator.org_keys():
        print(f"  {key['org_id']} ({key['type']}): secret {key['secret_key']}  public {key['public_key']}")
    print(f"  control plane: {local.base_url}/_emulator/   (Ctrl-C to stop)", flush=True)
    try:
        while not done.wait(0.5):
            pass
    except KeyboardInterrupt:
        pass
    finally:
        local.stop()
    print("stopped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
