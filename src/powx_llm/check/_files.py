"""Read an exchange from a file: an Exchange JSON, or an eval article's gold (``powx check``)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from powx_llm._errors import InputError
from powx_llm._files import read_json_file
from powx_llm.model import Exchange

__all__ = ["ExchangeFile", "exchange_from_dict", "load_exchange_file", "validation_line"]

_ANNOTATIONS = ("consistency", "inconsistencies")


def validation_line(exc: ValidationError, *, what: str) -> str:
    """Return one line naming the first invalid field of *exc* and what is wrong with it."""
    err = exc.errors()[0]
    where = ".".join(str(p) for p in err["loc"]) or "(top level)"
    more = f" (and {exc.error_count() - 1} more)" if exc.error_count() > 1 else ""
    return f"invalid {what}: {where}: {err['msg']}{more}"


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


def load_exchange_file(path: Path) -> ExchangeFile:
    """Read an Exchange JSON file, or an eval article file (its ``gold`` and ``text``)."""
    data = read_json_file(path)
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
