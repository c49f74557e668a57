"""Helpers shared by the database tests: a fresh store and a writer for hand-made records.

The ``db`` fixture runs every test on SQLite, and also on PostgreSQL when
``PATLIT_TEST_PG`` names a database that may be wiped (e.g.
``postgresql+psycopg://patlit:patlit@127.0.0.1/patlit_test``).
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from sqlalchemy import text

from patlit.store import open_store
from patlit.store.writer import Writer


PG_ENV = "PATLIT_TEST_PG"


class DB:
    def __init__(self, path: Path | str):
        self.path = path
        self.store = open_store(str(path))
        self.writer = Writer(self.store)
        self.dialect = self.store.dialect

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


def fresh_postgres(url: str) -> str:
    from sqlalchemy import create_engine

    engine = create_engine(url)
    with engine.begin() as c:
        c.execute(text("DROP SCHEMA public CASCADE"))
        c.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request, tmp_path: Path):
    if request.param == "sqlite":
        d = DB(tmp_path / "test.db")
    else:
        url = os.environ.get(PG_ENV)
        if not url:
            pytest.skip(f"set {PG_ENV}=postgresql+psycopg://... to run the database tests on PostgreSQL too")
        d = DB(fresh_postgres(url))
    yield d
    d.store.close()
