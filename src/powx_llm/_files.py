"""Reading and writing the files users hand us and the files we write: UTF-8 text and JSON read with one
clear line on failure; every output file written atomically (a reader never sees half a file)."""

from __future__ import annotations

import json
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from powx_llm._errors import InputError

__all__ = ["decode_text", "read_bytes_file", "read_json_file", "read_text_file", "write_atomic", "write_text_atomic"]


def read_bytes_file(path: Path) -> bytes:
    """Return the bytes of *path*, or raise InputError with one line saying why not."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc


def read_text_file(path: Path) -> str:
    """Return the UTF-8 text of *path*, or raise InputError with one line saying why not."""
    return decode_text(read_bytes_file(path), what=str(path))


def decode_text(data: bytes, *, what: str) -> str:
    """Return *data* decoded as UTF-8 (a leading byte-order mark, as Excel and Notepad write, left out: it would
    hide a date line or a CSV header), or raise InputError naming *what* and the first bad byte."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first, e.g. with iconv"
        ) from exc


def read_json_file(path: Path) -> Any:
    raw = read_text_file(path)
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    except RecursionError as exc:
        raise InputError(f"{path} is JSON nested too deeply to be read") from exc
    except ValueError as exc:  # Python refuses integers of over 4,300 digits
        raise InputError(f"{path} holds a number with too many digits to be a count") from exc


def write_atomic(target: Path, write: Callable[[Path], object]) -> None:
    """Write *target* through ``write(path)`` into a temporary file beside it, then rename it into place:
    a reader sees the old file or the new one, never half of one; on any failure the old file stays. Only a
    regular file is ever replaced: a symlink, a FIFO, a device or a folder at *target* is an InputError."""
    try:
        mode = target.lstat().st_mode
    except FileNotFoundError:
        mode = None
    if mode is not None and not stat.S_ISREG(mode):
        raise InputError(f"{target} exists and is not a regular file; give another output path")
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(fd)
    try:
        write(Path(name))
        os.chmod(name, 0o666 & ~_umask())  # mkstemp's file is private; an output is as shareable as any file
        os.replace(name, target)
    except BaseException:
        Path(name).unlink(missing_ok=True)
        raise


def write_text_atomic(target: Path, text: str) -> None:
    """Write *text* (UTF-8) to *target* atomically (``write_atomic``)."""
    write_atomic(target, lambda path: path.write_text(text, encoding="utf-8"))


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
