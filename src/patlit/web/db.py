"""The web app's handle on the dispute database (:mod:`patlit.store`)."""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session


class Database:
    """Opens the store once (migrating it to the latest schema) and hands out sessions."""

    def __init__(self, url: str | None, *, create: bool = True):
        from patlit.store.db import open_store

        self.store = open_store(url, create=create)
        self.url = self.store.url

    @contextmanager
    def session(self) -> Iterator[Session]:
        session = self.store.session()
        try:
            yield session
        finally:
            session.close()

    def close(self) -> None:
        self.store.close()
