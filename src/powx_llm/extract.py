"""The pipeline: article -> mentions and cues -> LLM (sides) -> grounded Exchange -> checks -> Extraction."""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tenacity import RetryCallState, Retrying, retry_if_result, stop_after_attempt, stop_any
from tenacity.stop import stop_base

from powx_llm._errors import BackendUnavailable, ConfigError
from powx_llm.analysis import analyse
from powx_llm.article import DEFAULT_MAX_CHARS, Article, read_article
from powx_llm.assemble import assemble
from powx_llm.backend import Backend, BackendKind, resolve_backend
from powx_llm.baseline import baseline_exchange
from powx_llm.checks import Report, Status, check
from powx_llm.facts import FactValue, facts, iter_counts
from powx_llm.language import identify
from powx_llm.llm import LLM, Answer, Usage
from powx_llm.model import SCHEMA_VERSION, Evidence, Exchange
from powx_llm.prompt import BASELINE_SYSTEM, PROMPT_VERSION, regrounding_message, sides_messages
from powx_llm.schema import FlatAnswer, Sides
from powx_llm.sides import Problem, candidates, side_problems

if TYPE_CHECKING:
    import httpx

__all__ = ["Extraction", "Extractor", "Options", "Strategy", "extract_exchange"]


class Strategy(StrEnum):
    CUED = "cued"  # word cues + a small LLM decision (the default)
    BASELINE = "baseline"  # one instructor call with a flat schema, as a user writes by hand


@dataclass(frozen=True, slots=True)
class Options:
    """How hard to try: the strategy, input size limit and LLM budget."""

    strategy: Strategy = Strategy.CUED
    max_chars: int = DEFAULT_MAX_CHARS
    html: bool = False  # read HTML pages, reduced to their text (else an HTML input is an InputError)
    max_calls: int = 2  # LLM completions per article, validation retries and re-asks included
    max_tokens: int = 512  # per completion
    reasks: int = 1  # re-asks when the model's numbers are not stated by the text (0 disables)
    hints: bool = True  # list the numbers that may be totals after the article


@dataclass(frozen=True)
class Extraction:
    """One article's result: the Exchange, its checks, its evidence, and what it cost."""

    exchange: Exchange
    report: Report
    usage: Usage
    model: str
    backend: str
    strategy: Strategy
    prompt_version: str
    raw: str
    seconds: float
    dropped: tuple[str, ...] = ()
    published: dt.date | None = None
    text: str = ""  # the article as read: every evidence span indexes it
    language: str = ""  # the article's language, identified (ISO 639-1)

    @property
    def facts(self) -> dict[str, FactValue]:
        """Return the flat facts of the exchange (docs/facts.md)."""
        return facts(self.exchange)

    @property
    def llm_calls(self) -> int:
        """Return the number of LLM completions this extraction made."""
        return self.usage.calls

    @property
    def evidence(self) -> dict[str, Evidence]:
        """Return the span of text stating each number, by facts-style path."""
        return {path: v.evidence for path, v in iter_counts(self.exchange) if v.evidence is not None}

    @property
    def status(self) -> str:
        """Return ``"mismatch"`` when the article's figures contradict each other, else ``"ok"``."""
        return self.report.status

    @property
    def ungrounded(self) -> int:
        """Return how many output numbers the text does not state."""
        return len(self.report.by_status(Status.UNGROUNDED))

    def to_dict(self) -> dict[str, Any]:
        """Return JSON-ready data: status, exchange, facts, evidence, findings and cost (docs/cli.md)."""
        return {
            "schema_version": SCHEMA_VERSION,
            "status": self.status,
            "exchange": self.exchange.to_json_dict(),
            "facts": self.facts,
            "evidence": {key: ev.model_dump(mode="json") for key, ev in self.evidence.items()},
            "checks": self.report.to_dict(),
            "dropped": list(self.dropped),
            "language": self.language,
            "usage": {
                "prompt_tokens": self.usage.prompt_tokens,
                "completion_tokens": self.usage.completion_tokens,
                "llm_calls": self.usage.calls,
            },
            "model": self.model,
            "backend": self.backend,
            "strategy": self.strategy.value,
            "prompt_version": self.prompt_version,
            "seconds": round(self.seconds, 2),
        }


@dataclass
class Extractor:
    """A connected extractor: one backend and LLM client, reused across articles."""

    backend: Backend
    llm: LLM
    options: Options = field(default_factory=Options)
    _server: Any = None

    @classmethod
    def connect(
        cls,
        *,
        client: Any = None,
        base_url: str | None = None,
        api_key: str | None = None,
        model: str | None = None,
        mode: str | None = None,
        http_client: httpx.Client | None = None,
        http_retries: int = 2,
        options: Options | None = None,
    ) -> Extractor:
        """Return an Extractor on the first usable backend (client > base URL > OPENAI_API_KEY > embedded)."""
        backend = resolve_backend(
            base_url=base_url, api_key=api_key, model=model, mode=mode, client_given=client is not None
        )
        server = None
        if backend.kind is BackendKind.EMBEDDED and http_client is None:
            from powx_llm.local import shared_server

            server = shared_server()
            backend = replace(backend, base_url=server.base_url)
        elif backend.kind is BackendKind.EMBEDDED:
            backend = replace(backend, base_url="http://127.0.0.1:8765/v1")  # replayed: no server is started
        llm = LLM(backend, client=client, http_client=http_client, http_retries=http_retries)
        return cls(backend=backend, llm=llm, options=options or Options(), _server=server)

    def extract(self, text: object, *, published: dt.date | str | None = None) -> Extraction:
        """Return the checked Extraction of one article."""
        return self.extract_article(
            read_article(text, published=published, max_chars=self.options.max_chars, html=self.options.html)
        )

    def extract_article(self, article: Article) -> Extraction:
        """Return the checked Extraction of an article already read (see ``read_article``)."""
        started = time.perf_counter()
        try:
            if self.options.strategy is Strategy.BASELINE:
                exchange, dropped, usage, raw = self._baseline(article)
            else:
                exchange, dropped, usage, raw = self._cued(article)
        except BackendUnavailable as exc:
            if self._server is not None and not self._server.alive():
                raise BackendUnavailable(
                    f"the embedded model server stopped (exit code {self._server.exit_code()}) during the "
                    "request; run again to restart it"
                ) from exc
            raise
        language = article.language or identify(article.text)
        report = check(exchange, text=article.text, published=article.date, language=language)
        return Extraction(
            exchange=exchange,
            report=report,
            usage=usage,
            model=self.backend.model,
            backend=self.backend.kind.value,
            strategy=self.options.strategy,
            prompt_version=PROMPT_VERSION,
            raw=raw,
            seconds=time.perf_counter() - started,
            dropped=dropped,
            published=article.date,
            text=article.text,
            language=language,
        )

    def _cued(self, article: Article) -> tuple[Exchange, tuple[str, ...], Usage, str]:
        analysis = analyse(article)
        messages = sides_messages(article.text, candidates=candidates(analysis) if self.options.hints else None)
        usage = Usage()
        answers: list[Answer[Sides]] = []

        def ask() -> list[Problem]:
            """Ask (or, after a first answer, re-ask with its exact problems); return what is still wrong."""
            if answers:
                problems = side_problems(analysis, answers[-1].parsed)
                follow = [
                    *messages,
                    {"role": "assistant", "content": answers[-1].raw},
                    regrounding_message([p.message for p in problems]),
                ]
                answer = self.llm.ask(follow, Sides, max_tokens=self.options.max_tokens, validation_retries=0)
            else:
                retries = max(0, min(1, self.options.max_calls - 1))
                answer = self.llm.ask(messages, Sides, max_tokens=self.options.max_tokens, validation_retries=retries)
            usage.add(answer.usage)
            answers.append(answer)
            return side_problems(analysis, answer.parsed)

        # Re-ask while numbers are ungrounded, within the re-ask and call budgets; keep the last answer.
        Retrying(
            stop=stop_any(stop_after_attempt(1 + self.options.reasks), _CallBudget(usage, self.options.max_calls)),
            retry=retry_if_result(bool),
            retry_error_callback=lambda state: state.outcome.result() if state.outcome else None,
        )(ask)
        exchange, dropped = assemble(analysis, answers[-1].parsed)
        return exchange, dropped, usage, answers[-1].raw

    def _baseline(self, article: Article) -> tuple[Exchange, tuple[str, ...], Usage, str]:
        messages = [{"role": "system", "content": BASELINE_SYSTEM}, {"role": "user", "content": article.text}]
        answer = self.llm.ask(messages, FlatAnswer, max_tokens=self.options.max_tokens, validation_retries=2)
        return baseline_exchange(answer.parsed), (), answer.usage, answer.raw


class _CallBudget(stop_base):
    """Stop re-asking once the article's LLM calls reach the budget."""

    def __init__(self, usage: Usage, limit: int) -> None:
        self.usage, self.limit = usage, limit

    def __call__(self, retry_state: RetryCallState) -> bool:
        return self.usage.calls >= self.limit


def extract_exchange(
    text: object,
    *,
    published: dt.date | str | None = None,
    client: Any = None,
    base_url: str | None = None,
    model: str | None = None,
    options: Options | None = None,
    extractor: Extractor | None = None,
) -> Extraction:
    """Return the typed, grounded, checked Exchange of one article.

    Uses *extractor* if given, else connects: an explicit OpenAI *client*, else *base_url*, else
    ``OPENAI_API_KEY``, else the embedded offline model.
    """
    chosen = extractor.options if extractor is not None else options or Options()
    # Read (and reject unusable input) before starting a server or spending a call.
    article = read_article(text, published=published, max_chars=chosen.max_chars, html=chosen.html)
    if extractor is None:
        if client is not None and base_url is not None:
            raise ConfigError("pass either client or base_url, not both")
        extractor = Extractor.connect(client=client, base_url=base_url, model=model, options=options)
    return extractor.extract_article(article)
