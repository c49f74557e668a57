"""The dispute database: schema (:mod:`.models`), engine and migrations (:mod:`.db`),
full-text search (:mod:`.search`), writing documents (:mod:`.writer`) and the
query layer (:mod:`.queries`) shared by the CLI and the web app."""
from __future__ import annotations

from patlit.store.db import Store, open_store, resolve_url

__all__ = ["Store", "open_store", "resolve_url"]
