"""What an article cost: tokens, LLM calls and seconds (on results and on errors alike)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Usage"]


@dataclass
class Usage:
    """Tokens spent, summed over every completion (failed attempts included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
    cached_tokens: int = 0  # of the prompt tokens, those the server took from its cache (a shared prefix)
    calls: int = 0
    seconds: float = 0.0  # wall time spent waiting for the LLM

    @property
    def total_tokens(self) -> int:
        """Return prompt plus completion tokens."""
        return self.prompt_tokens + self.completion_tokens

    def add(self, other: Usage) -> None:
        """Add *other*'s counts to these."""
        self.prompt_tokens += other.prompt_tokens
        self.completion_tokens += other.completion_tokens
        self.cached_tokens += other.cached_tokens
        self.calls += other.calls
        self.seconds += other.seconds

    def to_dict(self) -> dict[str, int | float]:
        """Return the JSON form of usage, the one every output uses (docs/cli.md)."""
        return {
            "prompt_tokens": self.prompt_tokens,
            "completion_tokens": self.completion_tokens,
            "cached_tokens": self.cached_tokens,
            "llm_calls": self.calls,
            "seconds": round(self.seconds, 3),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> Usage:
        """Return the Usage that ``to_dict`` gave *data* (missing fields are 0); raise ValueError if a field is
        not a number."""
        data = data or {}
        try:
            return cls(
                prompt_tokens=int(data.get("prompt_tokens", 0)),
                completion_tokens=int(data.get("completion_tokens", 0)),
                cached_tokens=int(data.get("cached_tokens", 0)),
                calls=int(data.get("llm_calls", 0)),
                seconds=float(data.get("seconds", 0.0)),
            )
        except TypeError as exc:
            raise ValueError(f"usage is not a set of numbers: {exc}") from exc

    def describe(self) -> str:
        """Return the cost in words: "2 LLM calls, 1,812 tokens"."""
        calls = "1 LLM call" if self.calls == 1 else f"{self.calls} LLM calls"
        return f"{calls}, {self.total_tokens:,} tokens"
