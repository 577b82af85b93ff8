"""The pipeline: article -> mentions and cues -> LLM (sides) -> grounded Exchange -> checks -> Extraction."""

from __future__ import annotations

import datetime as dt
import threading
import time
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from tenacity import RetryCallState, Retrying, retry_if_result, stop_after_attempt, stop_any
from tenacity.stop import stop_base

from powx_llm._errors import BackendUnavailable, ConfigError, InputError, LLMError, PowxError
from powx_llm._usage import Usage
from powx_llm.check import Report, Status, check
from powx_llm.extract._answer import Rule
from powx_llm.extract._assemble import assemble
from powx_llm.extract._baseline import baseline_exchange
from powx_llm.extract._focus import FOCUS_CHARS, focus
from powx_llm.extract._prompt import BASELINE_SYSTEM, PROMPT_VERSION, regrounding_message, sides_messages
from powx_llm.extract._rules import ANSWER_RULES
from powx_llm.extract._schema import FlatAnswer, Sides
from powx_llm.extract._sides import Problem, candidates, side_problems
from powx_llm.llm import (
    LLM,
    REPLAY_BASE_URL,
    SYSTEM_CLOCK,
    Answer,
    Backend,
    BackendKind,
    Clock,
    Recordings,
    replace_shared_server,
    replay_client,
    resolve_backend,
    shared_server,
)
from powx_llm.model import SCHEMA_VERSION, Evidence, Exchange, FactValue, as_date, facts, iter_counts
from powx_llm.read import DEFAULT_MAX_CHARS, Article, analyse, identify, read_article

if TYPE_CHECKING:
    import httpx

__all__ = ["Extraction", "Extractor", "Options", "Strategy", "extract_exchange"]


class Strategy(StrEnum):
    CUED = "cued"  # word cues + a small LLM decision (the default)
    BASELINE = "baseline"  # one instructor call with a flat schema, as a user writes by hand


@dataclass(frozen=True, slots=True)
class Options:
    """How hard to try: the strategy, input size limit, LLM budget and the deadline per article."""

    strategy: Strategy = Strategy.CUED
    max_chars: int = DEFAULT_MAX_CHARS
    html: bool = False  # read HTML pages, reduced to their article (else an HTML input is an InputError)
    max_calls: int = 2  # LLM completions per article, validation retries and re-asks included
    max_tokens: int = 512  # per completion
    reasks: int = 1  # re-asks when the model's numbers are not stated by the text (0 disables)
    hints: bool = True  # list the numbers that may be totals after the article
    focus_chars: int | None = FOCUS_CHARS  # a longer article: the model reads its lead and figures (None: all)
    deadline: float = 300.0  # seconds per article: every call, retry, wait and re-ask included

    def __post_init__(self) -> None:
        if not self.deadline > 0:
            raise InputError(f"the deadline must be a positive number of seconds, not {self.deadline!r}")
        if self.focus_chars is not None and self.focus_chars < 500:
            raise InputError(f"focus_chars must be at least 500 characters (or None), not {self.focus_chars!r}")


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
    title: str | None = None  # a web page's title
    url: str | None = None  # a web page's canonical address

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

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, text: str) -> Extraction:
        """Return the Extraction that ``to_dict`` gave *data*, for the article *text* (a batch journal).

        ``raw`` and ``published`` are read when *data* has them (``to_dict`` leaves them out).
        """
        return cls(
            exchange=Exchange.model_validate(data["exchange"]),
            report=Report.from_dict(data["checks"]),
            usage=Usage.from_dict(data.get("usage")),
            model=data["model"],
            backend=data["backend"],
            strategy=Strategy(data["strategy"]),
            prompt_version=data["prompt_version"],
            raw=data.get("raw", ""),
            seconds=float(data.get("seconds", 0.0)),
            dropped=tuple(data.get("dropped", ())),
            published=as_date(data.get("published")),
            text=text,
            language=data.get("language", ""),
            title=data.get("title"),
            url=data.get("url"),
        )

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
            **({"title": self.title, "url": self.url} if self.title or self.url else {}),
            "usage": self.usage.to_dict(),
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
    rules: tuple[Rule, ...] = ANSWER_RULES  # the answer rules, in order (extract._rules)
    recordings: Recordings | None = None  # the recordings it answers from, when it replays
    _server: Any = None
    _replacing: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

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
        deadline: float | None = None,
        clock: Clock | None = None,
        rules: tuple[Rule, ...] = ANSWER_RULES,
        replay: Recordings | None = None,
    ) -> Extractor:
        """Return an Extractor on the first usable backend (client > base URL > OPENAI_API_KEY > embedded).

        *deadline* (seconds per article) overrides ``options.deadline``; *clock* is where time is read
        and waited for (tests and simulations inject one; ``SYSTEM_CLOCK`` otherwise); *rules* are the
        answer rules applied, in order; *replay* answers from recorded responses (a folder of cassettes,
        a cassette file, or a list of files) instead of a model: nothing is sent anywhere.
        """
        if replay is not None:
            if client is not None or http_client is not None:
                raise ConfigError("pass replay, or client or http_client, not both")
            http_client, http_retries = replay_client(replay), 0
        options = options or Options()
        if deadline is not None:
            options = replace(options, deadline=deadline)
        backend = resolve_backend(
            base_url=base_url,
            api_key=api_key,
            model=model,
            mode=mode,
            client_given=client is not None,
            replaying=replay is not None,
        )
        server = None
        if backend.kind is BackendKind.EMBEDDED and http_client is None:
            server = shared_server()
            backend = replace(backend, base_url=server.base_url)
        elif backend.kind is BackendKind.EMBEDDED:
            backend = replace(backend, base_url=REPLAY_BASE_URL)  # an injected transport: no server is started
        llm = LLM(
            backend, client=client, http_client=http_client, http_retries=http_retries, clock=clock or SYSTEM_CLOCK
        )
        return cls(backend=backend, llm=llm, options=options, rules=rules, recordings=replay, _server=server)

    def extract(self, text: object, *, published: dt.date | str | None = None) -> Extraction:
        """Return the checked Extraction of one article."""
        return self.extract_article(
            read_article(text, published=published, max_chars=self.options.max_chars, html=self.options.html)
        )

    def extract_article(self, article: Article) -> Extraction:
        """Return the checked Extraction of an article already read (see ``read_article``)."""
        started = time.perf_counter()
        deadline = self.llm.clock.monotonic() + self.options.deadline
        try:
            exchange, dropped, usage, raw = self._ask(article, deadline=deadline)
        except BackendUnavailable as exc:
            if self._server is None or self._server.alive():
                raise
            # The machine's embedded server died (its supervisor crashed or was killed): replace it once, and
            # ask again within the article's deadline.
            if self.llm.clock.monotonic() >= deadline or not self._replace_server(exc):
                stopped = BackendUnavailable(
                    "the embedded model server stopped during the request and could not be restarted in time; run again"
                )
                stopped.usage = exc.usage
                raise stopped from exc
            exchange, dropped, usage, raw = self._ask(article, deadline=deadline)
            if exc.usage is not None:
                usage.add(exc.usage)  # what the failed attempt spent is counted too
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
            title=article.title,
            url=article.url,
        )

    def _ask(self, article: Article, *, deadline: float) -> tuple[Exchange, tuple[str, ...], Usage, str]:
        if self.options.strategy is Strategy.BASELINE:
            return self._baseline(article, deadline=deadline)
        return self._cued(article, deadline=deadline)

    def _replace_server(self, failure: BackendUnavailable) -> bool:
        """Point this extractor at a new embedded server in place of its dead one; return whether it could
        (threads that see the same death share one replacement)."""
        with self._replacing:
            dead = self._server
            try:
                server = replace_shared_server(dead)
            except PowxError:
                return False
            if server is not dead:
                backend = replace(self.backend, base_url=server.base_url)
                self.llm = LLM(
                    backend, timeout=self.llm.timeout, http_retries=self.llm.http_retries, clock=self.llm.clock
                )
                self.backend, self._server = backend, server
            return server.alive()

    def _cued(self, article: Article, *, deadline: float) -> tuple[Exchange, tuple[str, ...], Usage, str]:
        analysis = analyse(article)
        shown = focus(analysis, limit=self.options.focus_chars) if self.options.focus_chars else article.text
        messages = sides_messages(shown, candidates=candidates(analysis) if self.options.hints else None)
        usage = Usage()
        answers: list[Answer[Sides]] = []
        notes: list[str] = []

        def ask() -> list[Problem]:
            """Ask (or, after a first answer, re-ask with its exact problems); return what is still wrong."""
            if answers:
                problems = side_problems(analysis, answers[-1].parsed)
                follow = [
                    *messages,
                    {"role": "assistant", "content": answers[-1].raw},
                    regrounding_message([p.message for p in problems]),
                ]
                try:
                    answer = self.llm.ask(
                        follow, Sides, max_tokens=self.options.max_tokens, validation_retries=0, deadline=deadline
                    )
                except LLMError as exc:  # the first answer stands; its unstated numbers are dropped below
                    usage.add(exc.usage or Usage())
                    notes.append(f"re-ask failed, the first answer is kept: {exc}")
                    return []
            else:
                retries = max(0, min(1, self.options.max_calls - 1))
                try:
                    answer = self.llm.ask(
                        messages,
                        Sides,
                        max_tokens=self.options.max_tokens,
                        validation_retries=retries,
                        deadline=deadline,
                    )
                except LLMError as exc:
                    usage.add(exc.usage or Usage())
                    exc.usage = usage
                    raise
            usage.add(answer.usage)
            answers.append(answer)
            return side_problems(analysis, answer.parsed)

        # Re-ask while numbers are ungrounded, within the re-ask and call budgets; keep the last answer.
        Retrying(
            stop=stop_any(stop_after_attempt(1 + self.options.reasks), _CallBudget(usage, self.options.max_calls)),
            retry=retry_if_result(bool),
            retry_error_callback=lambda state: state.outcome.result() if state.outcome else None,
        )(ask)
        exchange, dropped = assemble(analysis, answers[-1].parsed, rules=self.rules)
        return exchange, (*notes, *dropped), usage, answers[-1].raw

    def _baseline(self, article: Article, *, deadline: float) -> tuple[Exchange, tuple[str, ...], Usage, str]:
        messages = [{"role": "system", "content": BASELINE_SYSTEM}, {"role": "user", "content": article.text}]
        answer = self.llm.ask(
            messages, FlatAnswer, max_tokens=self.options.max_tokens, validation_retries=2, deadline=deadline
        )
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
    deadline: float | None = None,
    html: bool | None = None,
    url: str | None = None,
) -> Extraction:
    """Return the typed, grounded, checked Exchange of one article.

    With *html* (default ``Options.html``), *text* is a web page (str, or bytes decoded by the charset it
    declares) reduced to its article; the page's date stands in for *published* and its canonical address
    (else *url*, where it was read from) is the Extraction's ``url``.

    Uses *extractor* if given, else connects: an explicit OpenAI *client*, else *base_url*, else
    ``OPENAI_API_KEY``, else the embedded offline model. *deadline* bounds the seconds this article may
    take, every call, retry and wait included (default ``Options.deadline``, 5 minutes).
    """
    chosen = extractor.options if extractor is not None else options or Options()
    if deadline is not None:
        chosen = replace(chosen, deadline=deadline)
    if html is not None:
        chosen = replace(chosen, html=html)
    # Read (and reject unusable input) before starting a server or spending a call.
    article = read_article(text, published=published, max_chars=chosen.max_chars, html=chosen.html, url=url)
    if extractor is None:
        if client is not None and base_url is not None:
            raise ConfigError("pass either client or base_url, not both")
        extractor = Extractor.connect(client=client, base_url=base_url, model=model, options=chosen)
    elif chosen is not extractor.options:
        extractor = replace(extractor, options=chosen)
    return extractor.extract_article(article)
