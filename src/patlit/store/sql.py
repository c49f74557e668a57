"""The small dialect layer of the write path: plain SQL on the session's DBAPI connection.

Resolution runs dozens of small statements per document; building them as
SQLAlchemy expressions costs ~250 µs each, the DBAPI call ~10 µs. Statements here
are portable SQL (standard joins, ``INSERT ... RETURNING id``, no SQLite-only
syntax) written with ``:name`` parameters; for drivers with the ``pyformat`` style
(psycopg) they are translated once and cached. They run inside the session's
transaction, so a document still commits or rolls back as a whole.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

_NAMED = re.compile(r"(?<![:\w]):([A-Za-z_]\w*)")


class Sql:
    """Run ``:name``-style SQL on the DBAPI connection under ``session`` (or a Core ``Connection``)."""

    def __init__(self, session: Session | Connection):
        conn = session if isinstance(session, Connection) else session.connection()
        self.dialect = conn.dialect.name
        self.raw = conn.connection.driver_connection
        self._pyformat = conn.dialect.paramstyle == "pyformat"
        self._cache: dict[str, str] = {}

    def _prep(self, sql: str) -> str:
        if not self._pyformat:
            return sql
        out = self._cache.get(sql)
        if out is None:
            out = self._cache[sql] = _NAMED.sub(r"%(\1)s", sql.replace("%", "%%"))
        return out

    def _cursor(self, sql: str, params: dict[str, Any] | None):
        cur = self.raw.cursor()
        cur.execute(self._prep(sql), params or {})
        return cur

    def all(self, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
        cur = self._cursor(sql, params)
        try:
            return cur.fetchall()
        finally:
            cur.close()

    def one(self, sql: str, params: dict[str, Any] | None = None) -> tuple | None:
        cur = self._cursor(sql, params)
        try:
            return cur.fetchone()
        finally:
            cur.close()

    def scalar(self, sql: str, params: dict[str, Any] | None = None) -> Any:
        row = self.one(sql, params)
        return row[0] if row else None

    def column(self, sql: str, params: dict[str, Any] | None = None) -> list[Any]:
        return [r[0] for r in self.all(sql, params)]

    def run(self, sql: str, params: dict[str, Any] | None = None) -> None:
        self._cursor(sql, params).close()

    def insert(self, sql: str, params: dict[str, Any]) -> int:
        """An ``INSERT ... RETURNING id``; the new id."""
        cur = self._cursor(sql, params)
        try:
            return int(cur.fetchone()[0])
        finally:
            cur.close()

    def many(self, sql: str, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            cur = self.raw.cursor()
            cur.executemany(self._prep(sql), list(rows))
            cur.close()


_PLACEHOLDERS: dict[tuple[str, int], tuple[str, tuple[str, ...]]] = {}
_PLACEHOLDERS_MAX_LEN = 64  # lists longer than this are rare: not cached


def in_list(name: str, values: Iterable[Any]) -> tuple[str, dict[str, Any]]:
    """Placeholders and parameters for ``IN (...)``: ``("(:k0, :k1)", {"k0": .., "k1": ..})``."""
    vals = list(values)
    if not vals:
        return "(NULL)", {}
    shape = _PLACEHOLDERS.get((name, len(vals)))
    if shape is None:
        keys = tuple(f"{name}{i}" for i in range(len(vals)))
        shape = ("(" + ", ".join(f":{k}" for k in keys) + ")", keys)
        if len(vals) <= _PLACEHOLDERS_MAX_LEN:
            _PLACEHOLDERS[(name, len(vals))] = shape
    return shape[0], dict(zip(shape[1], vals))
