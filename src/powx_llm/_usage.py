"""What an article cost: tokens, LLM calls and seconds (on results and on errors alike)."""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["Usage"]


@dataclass
class Usage:
    """Tokens spent, summed over every completion (failed attempts included)."""

    prompt_tokens: int = 0
    completion_tokens: int = 0
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
        self.calls += other.calls
        self.seconds += other.seconds

    def describe(self) -> str:
        """Return the cost in words: "2 LLM calls, 1,812 tokens"."""
        calls = "1 LLM call" if self.calls == 1 else f"{self.calls} LLM calls"
        return f"{calls}, {self.total_tokens:,} tokens"
