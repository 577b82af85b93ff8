"""Jupyter shows a result as its report. Registered here, on the report's side: a result never imports
its renderer (the report is a function over a result)."""

from __future__ import annotations

import sys
from typing import Any

from powx_llm.extract import Extraction
from powx_llm.report._html import article_fragment

__all__ = ["show_in_jupyter"]


def show_in_jupyter(shell: Any = None) -> bool:
    """Make IPython (Jupyter) display an ``Extraction`` as its HTML report; return whether a shell was found.

    Called when ``powx_llm`` is imported inside IPython; call it yourself with *shell* if IPython started later.
    """
    if shell is None:
        ipython = sys.modules.get("IPython")
        shell = ipython.get_ipython() if ipython is not None else None
    if shell is None:
        return False
    shell.display_formatter.formatters["text/html"].for_type(Extraction, article_fragment)
    return True


show_in_jupyter()
