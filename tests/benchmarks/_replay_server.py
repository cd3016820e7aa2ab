"""``python -m tests.benchmarks._replay_server REPLIES.json``: recorded replies over loopback HTTP.

The loopback rows' server. It answers each (Authorization, path) with the reply the local Crovver
gave once (the bench records them), so its work per request is the HTTP server's alone and the
same for every side: the ratios show what the clients cost, sockets included, instead of being
diluted by the emulator building a 200-plan reply from SQLite (~12 ms) on every call.
Standard library only; prints ``listening on URL`` when ready.
"""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


def serve(replies_file: str) -> None:
    with open(replies_file, encoding="utf-8") as f:
        # {authorization header: {path: [status, headers, body text]}}
        table: dict[str, dict[str, Any]] = json.load(f)
    replies = {
        (auth, path): (status, headers, body.encode())
        for auth, paths in table.items()
        for path, (status, headers, body) in paths.items()
    }

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the local Crovver
        disable_nagle_algorithm = True  # headers and body go out as two writes

        def _answer(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            if length:
                self.rfile.read(length)
            reply = replies.get((self.headers.get("authorization", ""), self.path.partition("?")[0]))
            if reply is None:
                status, headers, body = 404, {"content-type": "application/json"}, b'{"success":false}'
            else:
                status, headers, body = reply
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("content-length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, format: str, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    print(f"listening on http://127.0.0.1:{server.server_address[1]}", flush=True)
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    serve(sys.argv[1])
