"""Full-text search over documents behind one interface, one implementation per dialect.

- SQLite: an FTS5 table ``documents_fts`` (unicode61 tokenizer) filled as documents are stored.
- PostgreSQL: a ``tsvector`` column ``documents.search_vector`` (``simple`` configuration)
  with a GIN index.

Chinese has no spaces between words, so both index a *search form* of the text in
which every Han character is a token of its own; a query is turned into the same
form and its words matched as phrases ("网宿科技" -> the phrase "网 宿 科 技").
Snippets are cut from the original text in Python, the same on every dialect.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import text
from sqlalchemy.orm import Session

from patlit.errors import StoreError
from patlit.store.sql import Sql

_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
_TERM = re.compile(r"[\w\u3400-\u9fff]+")
MAX_TERMS = 12


def search_form(s: str) -> str:
    """The text as indexed: each Han character separated by spaces."""
    return _HAN_RUN.sub(_spaced, s or "")


def _spaced(m: re.Match) -> str:
    return " " + " ".join(m.group()) + " "


def query_terms(query: str) -> list[str]:
    """The words of a user query (letters, digits, Han), at most :data:`MAX_TERMS`."""
    return _TERM.findall(query or "")[:MAX_TERMS]


def _phrase(term: str) -> str:
    return " ".join(search_form(term).split())


@dataclass(frozen=True)
class Hits:
    total: int
    ids: list[int]  # documents.id, best first


class SearchBackend(Protocol):
    """``ddl`` creates the index (run by the migration); ``index``/``remove`` run on the write path's
    :class:`~patlit.store.sql.Sql`; ``search`` on a session."""

    def ddl(self) -> list[str]: ...
    def index(self, db: Sql, doc_pk: int, title: str | None, body: str) -> None: ...
    def remove(self, db: Sql, doc_pk: int) -> None: ...
    def search(self, session: Session, query: str, limit: int, offset: int) -> Hits: ...


class SqliteFts5:
    """FTS5 implementation (SQLite)."""

    def ddl(self) -> list[str]:
        return ["CREATE VIRTUAL TABLE IF NOT EXISTS documents_fts USING fts5(title, body, tokenize='unicode61')"]

    def index(self, db: Sql, doc_pk: int, title: str | None, body: str) -> None:
        db.run("INSERT INTO documents_fts(rowid, title, body) VALUES (:id, :title, :body)",
               {"id": doc_pk, "title": search_form(title or ""), "body": search_form(body)})

    def remove(self, db: Sql, doc_pk: int) -> None:
        db.run("DELETE FROM documents_fts WHERE rowid = :id", {"id": doc_pk})

    @staticmethod
    def _match(query: str) -> str | None:
        terms = query_terms(query)
        if not terms:
            return None
        # every term quoted: user input never reaches FTS5 query syntax
        return " AND ".join('"' + _phrase(t).replace('"', "") + '"' for t in terms)

    def search(self, session: Session, query: str, limit: int, offset: int) -> Hits:
        match = self._match(query)
        if match is None:
            return Hits(0, [])
        total = session.execute(
            text("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH :q"), {"q": match}
        ).scalar_one()
        ids = session.execute(
            text("SELECT rowid FROM documents_fts WHERE documents_fts MATCH :q ORDER BY rank LIMIT :l OFFSET :o"),
            {"q": match, "l": limit, "o": offset},
        ).scalars().all()
        return Hits(int(total), [int(i) for i in ids])


class PostgresTsvector:
    """tsvector implementation (PostgreSQL)."""

    def ddl(self) -> list[str]:
        return [
            "ALTER TABLE documents ADD COLUMN IF NOT EXISTS search_vector tsvector",
            "CREATE INDEX IF NOT EXISTS ix_documents_search_vector ON documents USING gin (search_vector)",
        ]

    def index(self, db: Sql, doc_pk: int, title: str | None, body: str) -> None:
        db.run("UPDATE documents SET search_vector = "
               "setweight(to_tsvector('simple', :title), 'A') || to_tsvector('simple', :body) WHERE id = :id",
               {"id": doc_pk, "title": search_form(title or ""), "body": search_form(body)})

    def remove(self, db: Sql, doc_pk: int) -> None:
        db.run("UPDATE documents SET search_vector = NULL WHERE id = :id", {"id": doc_pk})

    def search(self, session: Session, query: str, limit: int, offset: int) -> Hits:
        terms = query_terms(query)
        if not terms:
            return Hits(0, [])
        params = {f"t{i}": _phrase(t) for i, t in enumerate(terms)}
        tsq = " && ".join(f"phraseto_tsquery('simple', :t{i})" for i in range(len(terms)))
        total = session.execute(
            text(f"SELECT count(*) FROM documents WHERE search_vector @@ ({tsq})"), params
        ).scalar_one()
        ids = session.execute(
            text(
                f"SELECT id FROM documents WHERE search_vector @@ ({tsq}) "
                f"ORDER BY ts_rank(search_vector, ({tsq})) DESC, id LIMIT :l OFFSET :o"
            ),
            {**params, "l": limit, "o": offset},
        ).scalars().all()
        return Hits(int(total), [int(i) for i in ids])


_BACKENDS: dict[str, SearchBackend] = {"sqlite": SqliteFts5(), "postgresql": PostgresTsvector()}


def backend_for(dialect: str) -> SearchBackend:
    try:
        return _BACKENDS[dialect]
    except KeyError:
        raise StoreError(f"full-text search is not implemented for {dialect}",
                         hint="use SQLite or PostgreSQL") from None


def snippet(body: str, query: str, width: int = 160) -> dict:
    """A stretch of ``body`` around the first query word, with the offsets of every word found in it."""
    terms = [t.lower() for t in query_terms(query)]
    low = body.lower()
    hits = sorted((i, i + len(t)) for t in terms for i in _find_all(low, t))
    if not hits:
        cut = body[:width]
        return {"text": cut + ("…" if len(body) > width else ""), "highlights": []}
    first = hits[0][0]
    start = max(0, first - width // 3)
    end = min(len(body), start + width)
    prefix = "…" if start else ""
    highlights = [[s - start + len(prefix), e - start + len(prefix)] for s, e in hits if s >= start and e <= end]
    return {"text": prefix + body[start:end] + ("…" if end < len(body) else ""), "highlights": highlights}


def _find_all(hay: str, needle: str, limit: int = 50):
    i = hay.find(needle)
    while i >= 0 and limit:
        yield i
        limit -= 1
        i = hay.find(needle, i + len(needle))
