"""The web in: pages and feeds fetched over HTTP(S) within bounds (``Fetcher``), and RSS/Atom feeds read into
their entries (``read_feed``). A page becomes an article's text in ``powx_llm.read.read_page``."""

from powx_llm.read import is_address  # where the web room takes it from: a page's address is read there too
from powx_llm.web._feeds import FeedEntry, read_feed
from powx_llm.web._fetch import USER_AGENT, Fetched, Fetcher, Limits

__all__ = ["USER_AGENT", "FeedEntry", "Fetched", "Fetcher", "Limits", "is_address", "read_feed"]
