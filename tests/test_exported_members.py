"""The public surface is exactly ``powx_llm.__all__``."""

from __future__ import annotations

import powx_llm


def test_all_names_are_exported() -> None:
    public = {name for name in dir(powx_llm) if not name.startswith("_")}
    submodules = {name for name in public if type(getattr(powx_llm, name)).__name__ == "module"}
    assert public - submodules == set(powx_llm.__all__) - {"__version__"}


def test_all_is_sorted_and_unique() -> None:
    assert len(powx_llm.__all__) == len(set(powx_llm.__all__))
