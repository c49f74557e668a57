"""Helpers shared by the database tests: a fresh SQLite store and a writer for hand-made records."""
from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from patlit.store import open_store
from patlit.store.writer import Writer


class DB:
    def __init__(self, path: Path):
        self.path = path
        self.store = open_store(str(path))
        self.writer = Writer(self.store)

    def add(self, pair):
        document, record = pair
        return self.writer.add(document, record)

    def session(self):
        return self.store.session()

    def scalar(self, sql: str, **params):
        with self.session() as s:
            return s.execute(text(sql), params).scalar()

    def rows(self, sql: str, **params):
        with self.session() as s:
            return s.execute(text(sql), params).all()

    def party_id(self, name: str) -> int:
        from patlit.store.queries import find_parties

        with self.session() as s:
            ids = find_parties(s, name)
        assert len(ids) == 1, (name, ids)
        return ids[0]


@pytest.fixture()
def db(tmp_path: Path):
    d = DB(tmp_path / "test.db")
    yield d
    d.store.close()
