"""One "process of a fleet" for the multi-process cache tests: a client on a shared Redis store,
driven by JSON lines on stdin, answering with JSON lines on stdout.

    python -m tests.cache.worker REDIS_URL BASE_URL SECRET_KEY
    ["check", tenant, feature]  -> answer (true/false)
    ["invalidate", tenant]      -> null
    ["quit"]
"""

from __future__ import annotations

import json
import sys

from crovver_ext import CrovverClient
from crovver_ext.redis_store import RedisEntitlementStore


def main() -> None:
    redis_url, base_url, secret_key = sys.argv[1:4]
    store = RedisEntitlementStore.from_url(redis_url)
    with CrovverClient(
        secret_key,
        base_url=base_url,
        max_retries=0,
        entitlement_cache_ttl=3600,
        entitlement_cache_store=store,
    ) as client:
        print(json.dumps("ready"), flush=True)
        for line in sys.stdin:
            command = json.loads(line)
            if command[0] == "quit":
                break
            if command[0] == "check":
                answer: object = client.can_access(command[1], command[2])
            elif command[0] == "invalidate":
                answer = client.invalidate(command[1])
            else:
                answer = f"unknown command {command[0]!r}"
            print(json.dumps(answer), flush=True)
    store.close()


if __name__ == "__main__":
    main()
