"""Backend selection happens in one place, in a fixed order, and says why."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from powx_llm import ConfigError
from powx_llm.cli import app
from powx_llm.llm import MODEL_ALIAS, BackendKind, Mode, resolve_backend


@pytest.mark.parametrize(
    ("kwargs", "env", "kind", "model"),
    [
        ({"base_url": "http://h/v1"}, {"OPENAI_API_KEY": "sk-x"}, BackendKind.BASE_URL, MODEL_ALIAS),
        ({}, {"OPENAI_API_KEY": "sk-x"}, BackendKind.OPENAI, "gpt-4o-mini"),
        ({}, {"POWX_BASE_URL": "http://h/v1", "POWX_MODEL": "llama3"}, BackendKind.BASE_URL, "llama3"),
        ({"client_given": True, "base_url": "http://h/v1"}, {}, BackendKind.CLIENT, MODEL_ALIAS),
        ({}, {}, BackendKind.EMBEDDED, MODEL_ALIAS),
    ],
)
def test_backend_order(
    monkeypatch: pytest.MonkeyPatch, kwargs: dict[str, object], env: dict[str, str], kind: BackendKind, model: str
) -> None:
    monkeypatch.setattr("powx_llm.llm._backend.runtime_available", lambda: True)
    backend = resolve_backend(env=env, **kwargs)  # type: ignore[arg-type]
    mode = Mode.GRAMMAR if kind is BackendKind.EMBEDDED else Mode.TOOLS  # llama.cpp's grammar; tools elsewhere
    assert (backend.kind, backend.model, backend.mode) == (kind, model, mode)
    assert "sk-x" not in backend.describe()


@pytest.mark.parametrize(
    ("kwargs", "kind"),
    [({}, BackendKind.EMBEDDED), ({"base_url": "http://h/v1"}, BackendKind.BASE_URL)],
)
def test_replaying_is_the_embedded_model_unless_a_base_url_is_given(kwargs: dict[str, str], kind: BackendKind) -> None:
    env = {"OPENAI_API_KEY": "sk-x", "POWX_MODEL": "gpt-4o", "POWX_MODE": "json"}  # ignored when replaying
    backend = resolve_backend(replaying=True, env=env, base_url=kwargs.get("base_url"))
    assert backend.kind is kind
    if kind is BackendKind.EMBEDDED:
        assert (backend.model, backend.mode) == (MODEL_ALIAS, Mode.GRAMMAR)


def test_mode_is_overridable_and_checked() -> None:
    assert resolve_backend(base_url="http://h/v1", mode="json", env={}).mode is Mode.JSON
    with pytest.raises(ConfigError, match="unknown mode"):
        resolve_backend(base_url="http://h/v1", mode="yaml", env={})


def test_no_backend_is_one_clear_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("powx_llm.llm._backend.runtime_available", lambda: False)
    with pytest.raises(ConfigError, match="no LLM backend"):
        resolve_backend(env={})


def test_cli_extract_without_backend_exits_2_with_one_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("powx_llm.llm._backend.runtime_available", lambda: False)
    result = CliRunner().invoke(app, ["extract", "seeds/seed-ua-2024-05-31-75.txt"])
    assert result.exit_code == 2
    assert "no LLM backend" in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_cli_models_explains_the_choice(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("powx_llm.llm._backend.runtime_available", lambda: True)
    result = CliRunner().invoke(app, ["models"])
    assert result.exit_code == 0
    assert "embedded" in result.output
    assert MODEL_ALIAS in result.output


PLANTED = "sk-planted-0123456789abcdef"


@pytest.mark.parametrize("url", ["http://127.0.0.1:8765/v1", "https://proxy.example.com/v1", "http://evil.example/v1"])
def test_the_openai_key_is_never_sent_to_another_server(url: str) -> None:
    backend = resolve_backend(base_url=url, env={"OPENAI_API_KEY": PLANTED})
    assert backend.api_key != PLANTED
    assert PLANTED not in repr(backend)


def test_a_base_url_takes_its_own_key() -> None:
    backend = resolve_backend(base_url="https://proxy.example.com/v1", env={"POWX_API_KEY": PLANTED})
    assert backend.api_key == PLANTED
    assert PLANTED not in repr(backend)
    assert PLANTED not in backend.describe()


def test_the_openai_key_goes_to_openai_over_https_only() -> None:
    assert resolve_backend(env={"OPENAI_API_KEY": PLANTED}).api_key == PLANTED
    assert resolve_backend(base_url="https://api.openai.com/v1", env={"OPENAI_API_KEY": PLANTED}).api_key == PLANTED
    with pytest.raises(ConfigError, match="https"):
        resolve_backend(env={"OPENAI_API_KEY": PLANTED, "OPENAI_BASE_URL": "http://proxy.example.com/v1"})
    assert PLANTED not in repr(resolve_backend(env={"OPENAI_API_KEY": PLANTED}))


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("https://user:pw0rd@proxy.example.com/v1", "pw0rd"),
        ("http://h/v1?api-key=s3cr3t&x=1", "s3cr3t"),
        (f"the server said: bad key {PLANTED}", PLANTED),
    ],
)
def test_redact_removes_credentials(text: str, secret: str) -> None:
    from powx_llm.llm import redact

    assert secret not in redact(text)


def test_a_url_with_credentials_is_described_without_them() -> None:
    backend = resolve_backend(base_url="https://user:pw0rd@proxy.example.com/v1", env={})
    assert "pw0rd" not in backend.describe()
    assert "pw0rd" not in repr(backend)
