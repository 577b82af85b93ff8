"""Replaying recordings: answers come from the cassettes given by path, an unrecorded request is one line."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from powx_llm import ConfigError, ReplayMiss
from powx_llm.cli import app
from powx_llm.llm import cassette_files, replay_client
from tests.helpers import CASSETTES, SEED_TEXT

runner = CliRunner()
SEED = str(SEED_TEXT)


def test_replay_takes_the_recordings_path(tmp_path: Path) -> None:
    assert len(cassette_files(CASSETTES)) > 1
    one = cassette_files(CASSETTES)[0]
    assert cassette_files(one) == [one]
    with pytest.raises(ConfigError, match="no recordings at"):
        replay_client(tmp_path / "nowhere")


def test_replay_of_an_unrecorded_article_is_one_line() -> None:
    result = runner.invoke(
        app, ["extract", "-", "--replay", str(CASSETTES)], input="date 2024-01-01 Ten prisoners were exchanged today."
    )
    assert result.exit_code == 2
    assert "no recorded response" in result.output
    assert issubclass(ReplayMiss, ConfigError)
