"""An action server for fault tests: passes every action call on to a service's own webhook,
optionally after a delay, on a chosen port (a stand-in for `rasa run actions` elsewhere)."""

from __future__ import annotations

import http.server
import threading
import time
import urllib.request


class ActionProxy(http.server.ThreadingHTTPServer):
    def __init__(self, target: str, delay: float = 0.0, port: int = 0) -> None:
        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                time.sleep(delay)
                request = urllib.request.Request(
                    target, data=body, headers={"Content-Type": "application/json"}
                )
                with urllib.request.urlopen(request, timeout=30) as answer:
                    payload = answer.read()
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *_: object) -> None:
                pass

        super().__init__(("127.0.0.1", port), Handler)
        threading.Thread(target=self.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/webhook"
