"""The version of powx_llm (read by the build, the CLI and the journal's keys)."""

__version__ = "0.2.0.dev0"
