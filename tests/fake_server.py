"""A fake OpenAI-compatible server that injects transport faults, run out of process.

HAND-WRITTEN RESPONSES: every answer of this server is written by hand to simulate a fault or a
well-formed completion. None is a real model output.

    python -m tests.fake_server --log requests.jsonl [--seed N]

prints its port on the first line of stdout, then serves until it is killed. The first path segment
chooses the behaviour, so one server serves every fault: a client with base URL
``http://127.0.0.1:PORT/<fault>/v1`` gets ``<fault>`` on every request:

=========  ==========================================================================================
ok         a well-formed completion (``SIDES`` below: 75 people to Ukraine from Russia)
slow       ok, after 0.1 s
hang       accepts the request and never answers
drip       sends the headers, then one byte of the body every 0.2 s, for ever
429s       HTTP 429 with ``Retry-After: 1`` (seconds)
429d       HTTP 429 with ``Retry-After`` an HTTP date one second ahead
429far     HTTP 429 with ``Retry-After: 3600``
400 401 403 404 500 503   that status with an OpenAI-style error body
echo401 echo500   that status, with an error message that repeats the Authorization header and the path
junk       HTTP 200 with an HTML page
truncated  HTTP 200 whose body stops before its Content-Length
cut        a completion cut at its token limit that llama.cpp reports as finished ("tool_calls",
           completion tokens = max_tokens, arguments not valid JSON)
flaky      503 on the first request of each distinct body, then ok
random     one of the above (except ok-only ones), drawn by ``--seed``, the body and its attempt
=========  ==========================================================================================

Every request is logged when it arrives, as one JSON line: time, fault, the body's hash and its attempt
number (how many requests with this body came so far).
"""

from __future__ import annotations

import argparse
import contextlib
import email.utils
import hashlib
import json
import random
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

SIDES = {
    "kind": "prisoner_exchange",
    "mediators": [],
    "sides": [
        {"received_by": "Ukraine", "released_by": "Russia", "people": 75, "people_words": "75 prisoners"},
    ],
}
RANDOM_FAULTS = (
    *("ok",) * 4,
    *("hang", "drip", "429s", "429d", "429far", "500", "503", "400", "401", "junk", "truncated", "cut", "flaky"),
)


def completion(
    arguments: str,
    *,
    prompt_tokens: int = 300,
    completion_tokens: int = 20,
    finish_reason: str = "tool_calls",
    cached_tokens: int | None = None,
) -> dict[str, Any]:
    """Return a chat completion calling the ``Sides`` tool with *arguments*; with *finish_reason* "stop", one
    whose message content is *arguments* (JSON-schema and grammar modes). *cached_tokens* adds the prompt
    tokens the server says it reused."""
    message: dict[str, Any] = {"role": "assistant", "content": None}
    if finish_reason == "stop":
        message["content"] = arguments
    else:
        message["tool_calls"] = [
            {"id": "call_0", "type": "function", "function": {"name": "Sides", "arguments": arguments}}
        ]
    usage: dict[str, Any] = {
        "prompt_tokens": prompt_tokens,
        "completion_tokens": completion_tokens,
        "total_tokens": prompt_tokens + completion_tokens,
    }
    if cached_tokens is not None:
        usage["prompt_tokens_details"] = {"cached_tokens": cached_tokens}
    return {
        "id": "hand-written",
        "object": "chat.completion",
        "created": 0,
        "model": "fake",
        "choices": [
            {
                "index": 0,
                "finish_reason": finish_reason,
                "message": message,
            }
        ],
        "usage": usage,
    }


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out at once, not 40 ms apart (delayed ACK)

    def log_message(self, format: str, *args: Any) -> None:  # quiet: the JSON log is the record
        return

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("content-length") or 0))
        digest = hashlib.sha256(body).hexdigest()[:16]
        fault = self.path.strip("/").split("/")[0]
        with self.server.lock:
            attempt = self.server.attempts[digest] = self.server.attempts.get(digest, 0) + 1
        if fault == "random":
            fault = random.Random(f"{self.server.seed}/{digest}/{attempt}").choice(RANDOM_FAULTS)
        if fault == "flaky":
            fault = "503" if attempt == 1 else "ok"
        self.server.log(time=time.time(), fault=fault, body=digest, attempt=attempt)
        self._answer(fault, json.loads(body or b"{}"))

    def _answer(self, fault: str, request: dict[str, Any]) -> int:
        if fault in ("ok", "slow"):
            if fault == "slow":
                time.sleep(0.1)
            return self._json(200, completion(json.dumps(SIDES)))
        if fault == "hang":
            time.sleep(3600)
            return 0
        if fault == "drip":
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", "100000")
            self.end_headers()
            try:
                for _ in range(100_000):
                    self.wfile.write(b" ")
                    self.wfile.flush()
                    time.sleep(0.2)
            except OSError:
                pass  # the client gave up
            return 200
        if fault.startswith("echo"):  # a server that reflects what it was sent: the key, the URL
            said = f"rejected key {self.headers.get('authorization')} for {self.path}"
            return self._json(int(fault[4:]), {"error": {"message": said}})
        if fault.startswith("429"):
            after = {
                "429s": "1",
                "429d": email.utils.formatdate(time.time() + 1, usegmt=True),
                "429far": "3600",
            }[fault]
            return self._json(429, {"error": {"message": "slow down"}}, headers={"retry-after": after})
        if fault.isdigit():
            return self._json(int(fault), {"error": {"message": f"hand-written {fault}"}})
        if fault == "junk":
            return self._raw(200, b"<html><body>Please log in</body></html>", "text/html")
        if fault == "truncated":
            self.send_response(200)
            self.send_header("content-type", "application/json")
            self.send_header("content-length", "5000")
            self.end_headers()
            self.wfile.write(b'{"id": "hand-written", "choi')
            self.wfile.flush()
            self.close_connection = True
            return 200
        if fault == "cut":
            limit = int(request.get("max_tokens") or 512)
            return self._json(
                200, completion('{"kind": "prisoner_exchange", "sides": [{"rece', completion_tokens=limit)
            )
        return self._json(400, {"error": {"message": f"unknown fault {fault!r}"}})

    def _json(self, status: int, obj: dict[str, Any], *, headers: dict[str, str] | None = None) -> int:
        return self._raw(status, json.dumps(obj).encode(), "application/json", headers=headers)

    def _raw(self, status: int, data: bytes, kind: str, *, headers: dict[str, str] | None = None) -> int:
        self.send_response(status)
        self.send_header("content-type", kind)
        self.send_header("content-length", str(len(data)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        with contextlib.suppress(OSError):
            self.wfile.write(data)
        return status


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, log_path: str, seed: int) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.seed = seed
        self.lock = threading.Lock()
        self.attempts: dict[str, int] = {}
        self._log = open(log_path, "a", encoding="utf-8")  # noqa: SIM115 - open for the server's life

    def log(self, **fields: Any) -> None:
        with self.lock:
            self._log.write(json.dumps(fields) + "\n")
            self._log.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", required=True)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    server = _Server(args.log, args.seed)
    print(server.server_address[1], flush=True)
    sys.stdout.close()
    server.serve_forever()


if __name__ == "__main__":
    main()
