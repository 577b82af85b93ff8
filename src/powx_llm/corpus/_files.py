"""Read the files users hand us: exchange JSON, eval article JSON, article text."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from powx_llm._errors import InputError
from powx_llm.model import Exchange

__all__ = [
    "EvalArticle",
    "ExchangeFile",
    "decode_text",
    "exchange_from_dict",
    "load_eval_article",
    "load_exchange_file",
    "read_text_file",
    "validation_line",
]

_ANNOTATIONS = ("consistency", "inconsistencies")


def validation_line(exc: ValidationError, *, what: str) -> str:
    """Return one line naming the first invalid field of *exc* and what is wrong with it."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"invalid {what}: {where}: {err['msg']}{more}"


def read_text_file(path: Path) -> str:
    """Return the UTF-8 text of *path*, or raise InputError with one line saying why not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read {path}: {exc.strerror or exc}") from exc
    return decode_text(data, what=str(path))


def decode_text(data: bytes, *, what: str) -> str:
    """Return *data* decoded as UTF-8, or raise InputError naming *what* and the first bad byte."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            f"{what} is not UTF-8 text (byte 0x{data[exc.start]:02x} at offset {exc.start}); "
            "convert it to UTF-8 first, e.g. with iconv"
        ) from exc


def _read_json(path: Path) -> Any:
    raw = read_text_file(path)
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise InputError(f"{path} is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
    except RecursionError as exc:
        raise InputError(f"{path} is JSON nested too deeply to be an exchange") from exc
    except ValueError as exc:  # Python refuses integers of over 4,300 digits
        raise InputError(f"{path} holds a number with too many digits to be a count") from exc


def exchange_from_dict(data: Any, *, what: str) -> Exchange:
    """Validate an Exchange from JSON data (annotation lists of eval files dropped)."""
    if not isinstance(data, dict):
        raise InputError(f"invalid {what}: expected a JSON object")
    data = {k: v for k, v in data.items() if k not in _ANNOTATIONS}
    try:
        return Exchange.model_validate(data)
    except ValidationError as exc:
        raise InputError(validation_line(exc, what=what)) from exc


@dataclass(frozen=True, slots=True)
class ExchangeFile:
    """An exchange read from disk, with the article text and date when the file carries them."""

    exchange: Exchange
    text: str | None
    published: str | None


@dataclass(frozen=True, slots=True)
class EvalArticle:
    """One evaluation article: its text, date, gold facts (and the gold Exchange)."""

    id: str
    text: str
    published: str | None
    language: str | None
    facts: dict[str, Any]
    gold: Exchange


def load_exchange_file(path: Path) -> ExchangeFile:
    """Read an Exchange JSON file, or an eval article file (its ``gold`` and ``text``)."""
    data = _read_json(path)
    if isinstance(data, dict) and "gold" in data:
        for key in ("text", "published"):
            if data.get(key) is not None and not isinstance(data[key], str):
                raise InputError(f"{path}: '{key}' must be a string, not {type(data[key]).__name__}")
        return ExchangeFile(
            exchange=exchange_from_dict(data["gold"], what=f"gold exchange in {path}"),
            text=data.get("text"),
            published=data.get("published"),
        )
    return ExchangeFile(exchange=exchange_from_dict(data, what=f"exchange in {path}"), text=None, published=None)


def load_eval_article(path: Path) -> EvalArticle:
    """Read one eval article file (format of ``seeds/eval``)."""
    data = _read_json(path)
    if not isinstance(data, dict) or not isinstance(data.get("text"), str) or "facts" not in data:
        raise InputError(f"{path} is not an eval article (needs 'text', 'facts' and 'gold')")
    return EvalArticle(
        id=str(data.get("id") or path.stem),
        text=data["text"],
        published=data.get("published"),
        language=data.get("language"),
        facts=dict(data["facts"]),
        gold=exchange_from_dict(data.get("gold") or {}, what=f"gold exchange in {path}"),
    )
