"""Replay recorded LLM traffic offline: an httpx transport over vcrpy-format cassettes.

The test suite records cassettes with pytest-recording (vcrpy); this transport answers from the same
files without patching anything, so ``powx extract --replay DIR``, ``powx eval --replay DIR`` and the
example notebooks run with no network and no key. Requests match on method, path and JSON body.

The recordings are data the caller brings: a folder of cassettes (searched recursively), one cassette
file, or a list of files. The library never assumes where a checkout keeps them.
"""

from __future__ import annotations

import functools
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import httpx
import yaml

from powx_llm._errors import ConfigError, ReplayMiss
from powx_llm.llm._embedded import DEFAULT_PORT

__all__ = ["REPLAY_BASE_URL", "Recordings", "ReplayTransport", "cassette_files", "replay_client"]

REPLAY_BASE_URL = f"http://127.0.0.1:{DEFAULT_PORT}/v1"  # the recording server's URL; only the path is matched
Recordings = str | os.PathLike[str] | Iterable[str | os.PathLike[str]]  # a folder, a cassette file, or files


def _body_key(body: bytes | str | None) -> str:
    if not body:
        return ""
    text = body.decode("utf-8", "replace") if isinstance(body, bytes) else body
    try:
        return json.dumps(json.loads(text), sort_keys=True, ensure_ascii=False)
    except json.JSONDecodeError:
        return text


def _key(method: str, url: str, body: bytes | str | None) -> tuple[str, str, str]:
    return method.upper(), httpx.URL(url).path, _body_key(body)


def _as_bytes(value: Any) -> bytes:
    if value is None:
        return b""
    return value if isinstance(value, bytes) else str(value).encode("utf-8")


class ReplayTransport(httpx.BaseTransport):
    """Answer requests from recorded cassettes; an unrecorded request raises ReplayMiss."""

    def __init__(self, cassettes: Iterable[Path]) -> None:
        self._responses: dict[tuple[str, str, str], dict[str, Any]] = {}
        self.files = [Path(p) for p in cassettes]
        for path in self.files:
            self._load(path)
        if not self._responses:
            raise ConfigError("no recorded responses found in: " + ", ".join(str(p) for p in self.files))

    def _load(self, path: Path) -> None:
        try:
            stat = path.stat()
            recorded = _recorded(str(path), stat.st_mtime_ns, stat.st_size)
        except (OSError, yaml.YAMLError, KeyError, TypeError, AttributeError) as exc:
            raise ConfigError(f"cannot read cassette {path}: {exc}") from exc
        for key, response in recorded:
            self._responses.setdefault(key, response)

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        """Return the recorded response for *request*."""
        recorded = self._responses.get(_key(request.method, str(request.url), request.read()))
        if recorded is None:
            raise ReplayMiss(
                f"no recorded response for this {request.method} {request.url.path} request "
                "(the prompt, model or article differ from the recording); re-record: see CONTRIBUTING.md"
            )
        headers = [
            (k, v)
            for k, values in (recorded.get("headers") or {}).items()
            for v in values
            if k.lower() not in ("content-encoding", "transfer-encoding", "content-length")
        ]
        return httpx.Response(
            recorded["status"]["code"], headers=headers, content=_as_bytes(recorded["body"]["string"])
        )


@functools.lru_cache(maxsize=4096)
def _recorded(path: str, mtime_ns: int, size: int) -> tuple[tuple[tuple[str, str, str], dict[str, Any]], ...]:
    """Return the (request key, response) pairs of one cassette file, parsed once per version of the file."""
    text = Path(path).read_text(encoding="utf-8")
    data = yaml.load(text, Loader=_LOADER) or {}
    return tuple(
        (_key(i["request"]["method"], i["request"]["uri"], i["request"].get("body")), i["response"])
        for i in data.get("interactions", [])
    )


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: several times faster


def cassette_files(recordings: Recordings) -> list[Path]:
    """Return the cassette files of *recordings*: a folder (searched recursively), a file, or a list of files."""
    if isinstance(recordings, (str, os.PathLike)):
        path = Path(recordings)
        if path.is_dir():
            return sorted(path.rglob("*.yaml"))
        if path.is_file():
            return [path]
        raise ConfigError(f"no recordings at {path}: give a folder of cassettes (*.yaml) or a cassette file")
    return [Path(p) for p in recordings]


def replay_client(recordings: Recordings) -> httpx.Client:
    """Return an httpx client that answers from the cassettes in *recordings* (a folder, a file, or files)."""
    return httpx.Client(transport=ReplayTransport(cassette_files(recordings)))
