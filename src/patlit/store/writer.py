"""Store one document and its facts record, resolving it against the database.

Each document is one transaction: the document row, its full-text entry, parties,
patents, proceedings, amounts, events, evidence and the refreshed dispute summaries
commit together or not at all, so an interrupted ingest leaves a consistent
database and re-running it finishes the job (stored documents are recognised by the
hash of their normalised text and skipped).
"""
from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.orm import Session

from patlit.model import MONEY_ROLES, PROCEEDING_KINDS, Document
from patlit.resolve import disputes as dres
from patlit.resolve import parties as pres
from patlit.resolve import proceedings as prres
from patlit.resolve.remerge import remerge
from patlit.store.db import Store
from patlit.store.search import backend_for
from patlit.store.sql import Sql, in_list

_WS = re.compile(r"\s+")
UNSTORED_MAX = 4096
#: describe()'s check_digit status -> patents.check_ok
CHECK_DIGIT = {"ok": True, "bad": False}


def normalise(text: str) -> str:
    """The text as hashed: NFKC, whitespace runs collapsed, ends stripped."""
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip()


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


@dataclass
class Stored:
    status: str  # "new" | "duplicate"
    doc_id: str
    document_pk: int
    facts: int = 0
    disputes: set[int] = field(default_factory=set)
    proceedings_new: int = 0
    proceedings_merged: int = 0


class Writer:
    """Stores documents into one database; keeps the dialect's search backend.

    Each :meth:`add` runs in its own transaction on a Core connection: a new one per call,
    or the one held between :meth:`open` and :meth:`close` for a run of many documents
    (an ORM session per document cost more than many of the statements it ran).
    """

    def __init__(self, store: Store):
        self.store = store
        self.search = backend_for(store.dialect)
        self._conn: Connection | None = None
        self._db: Sql | None = None
        # texts is_stored() found new, with their hash: add() then neither hashes nor looks them up again
        self._unstored: dict[str, str] = {}
        self._json: tuple[dict | None, str | None] = (None, None)  # a record's JSON text made elsewhere

    def open(self) -> None:
        """Hold one connection for the following documents (until :meth:`close`)."""
        if self._conn is None:
            self._conn = self.store.engine.connect()
            self._db = Sql(self._conn)

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = self._db = None

    @contextmanager
    def _connection(self) -> Iterator[tuple[Connection, Sql]]:
        if self._conn is not None:
            yield self._conn, self._db
            return
        with self.store.engine.connect() as conn:
            yield conn, Sql(conn)

    def prepared_json(self, record: dict[str, Any], text: str | None) -> None:
        """``text`` is ``json.dumps(record, ensure_ascii=False)``, made by an extraction worker: stored as is."""
        self._json = (record, text)

    def _record_json(self, record: dict[str, Any]) -> str:
        if self._json[0] is record and self._json[1] is not None:
            return self._json[1]
        return json.dumps(record, ensure_ascii=False)

    def known(self, session: Session, text: str) -> int | None:
        """The stored document with this normalised text, if any."""
        return Sql(session).scalar("SELECT id FROM documents WHERE content_hash = :h", {"h": content_hash(text)})

    def is_stored(self, text: str) -> bool:
        """Whether a document with this normalised text is stored (read outside any transaction)."""
        h = content_hash(text)
        with self._connection() as (_conn, db):
            if self._existing(db, h) is not None:
                return True
        if len(self._unstored) >= UNSTORED_MAX:  # texts checked but never added (failed extraction)
            self._unstored.clear()
        self._unstored[text] = h
        return False

    @staticmethod
    def _existing(db: Sql, h: str) -> tuple | None:
        row = db.one("SELECT id, doc_id FROM documents WHERE content_hash = :h", {"h": h})
        db.raw.rollback()  # no snapshot (PostgreSQL: no open transaction) held after a lone read
        return row

    def add(self, doc: Document, record: dict[str, Any]) -> Stored:
        """Store ``doc`` with its facts record in its own transaction."""
        h = self._unstored.pop(doc.text, None)
        checked = h is not None  # (stored meanwhile after all: the unique hash refuses the insert, see below)
        h = h or content_hash(doc.text)
        with self._connection() as (conn, db):
            try:
                with conn.begin():
                    existing = None if checked else db.one("SELECT id, doc_id FROM documents WHERE content_hash = :h",
                                                           {"h": h})
                    if existing is not None:
                        return Stored("duplicate", existing[1], existing[0])
                    return self._add(conn, db, doc, record, h)
            except Exception:
                # another writer (the web app, a second ingest) may have stored the same text meanwhile
                existing = self._existing(db, h)
                if existing is None:
                    raise
                return Stored("duplicate", existing[1], existing[0])

    def _add(self, session: Session | Connection, db: Sql, doc: Document, record: dict[str, Any], h: str) -> Stored:
        doc_id = self._free_doc_id(db, doc.doc_id or h[:12], h)
        published = _opt_str(record.get("published")) or doc.published
        doc_pk = db.insert(
            "INSERT INTO documents (doc_id, content_hash, title, url, published, lang, text, source, ingested_at, "
            "record) VALUES (:doc_id, :h, :title, :url, :published, :lang, :text, :source, :at, :record) RETURNING id",
            {"doc_id": doc_id, "h": h, "title": doc.title or _opt_str(record.get("title")),
             "url": doc.url or _opt_str(record.get("url")),
             "published": published, "lang": _opt_str(record.get("lang")) or doc.lang, "text": doc.text, "source": doc.source,
             "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
             "record": self._record_json(record)},
        )
        self.search.index(db, doc_pk, doc.title, doc.text)
        out = Stored("new", doc_id, doc_pk)

        resolved = pres.resolve_parties(db, doc_pk, _dicts(record.get("parties")))
        touched: set[int] = set()
        for old, new in resolved.regrouped:
            touched |= dres.regroup(db, old, new)
        if resolved.merged or resolved.regrouped:
            affected = {new for _, new in resolved.regrouped}
            affected |= {pres.group_of(db, keep) for keep, _ in resolved.merged}
            touched |= remerge(db, affected)
        patents = self._patents(db, doc_pk, record)
        amount_evidence = {
            (a.get("value"), a.get("currency"), a.get("role")): a.get("evidence") or []
            for a in _dicts(record.get("amounts"))
        }
        used: set[int] = set()
        n_procs = 0
        for rp in _dicts(record.get("proceedings")):
            inc = self._incoming(db, doc_pk, rp, resolved, patents)
            if inc is None:
                continue
            pid, created = prres.store(db, doc_pk, published, inc, used)
            used.add(pid)
            n_procs += 1
            out.proceedings_new += created
            out.proceedings_merged += not created
            dispute, gone = dres.assign(db, pid, inc.claimant_groups, inc.respondent_groups, inc.patents)
            touched.add(dispute)
            touched -= gone
            db.many(pres.EVIDENCE_INSERT, [
                pres.evidence_row(doc_pk, "amount", a["amount_id"], e)
                for a in inc.amounts for e in amount_evidence.get((a["value"], a["currency"], a["role"]), [])
            ])
        for d in sorted(touched):
            dres.summarize(db, d)
        out.disputes = set(touched)
        out.facts = (len(_dicts(record.get("parties"))) + len(_strings(record.get("patents"))) + n_procs
                     + len(_dicts(record.get("amounts"))))
        return out

    @staticmethod
    def _free_doc_id(db: Sql, doc_id: str, h: str) -> str:
        """The document's own id, or ``id~hash`` when another text already has that id."""
        doc_id = doc_id[:180]
        if db.one("SELECT 1 FROM documents WHERE doc_id = :d", {"d": doc_id}) is None:
            return doc_id
        return f"{doc_id}~{h[:10]}"

    def _patents(self, db: Sql, doc_pk: int, record: dict) -> dict[str, int]:
        """patent id string -> patents.id, creating rows with decoded metadata; patent evidence stored."""
        facts = {f.get("id"): f for f in _dicts(record.get("patent_facts"))}
        pids = list(dict.fromkeys(_strings(record.get("patents"))))
        for rp in _dicts(record.get("proceedings")):
            pids += [p for p in _strings(rp.get("patents")) if p not in pids]
        if not pids:
            return {}
        ph, params = in_list("p", pids)
        ids = dict(db.all(f"SELECT pid, id FROM patents WHERE pid IN {ph}", params))
        for pid in pids:
            if pid not in ids:
                ids[pid] = self.add_patent(db, pid, facts.get(pid))
        db.many(pres.EVIDENCE_INSERT, [pres.evidence_row(doc_pk, "patent", ids[pid], e)
                                       for pid, f in facts.items() if pid in ids for e in _dicts(f.get("evidence"))])
        return ids

    @staticmethod
    def add_patent(db: Sql, pid: str, fact: dict | None) -> int:
        if fact is None:
            from patlit.extract.patents import describe

            fact = describe(pid)
        meta = {k: v for k, v in (fact or {}).items() if k != "evidence"}
        year = meta.get("filing_year")
        return db.insert(
            "INSERT INTO patents (pid, office, kind, filing_year, check_ok, meta) "
            "VALUES (:pid, :office, :kind, :year, :check, :meta) RETURNING id",
            {"pid": pid, "office": meta.get("office") or (pid[:2] if pid[:2].isalpha() else None),
             "kind": meta.get("kind") or meta.get("type"),
             "year": int(year) if isinstance(year, (int, str)) and str(year).isdigit() else None,
             "check": CHECK_DIGIT.get(meta.get("check_digit")),
             "meta": json.dumps(meta, ensure_ascii=False, default=str)},
        )

    def _incoming(self, db: Sql, doc_pk: int, rp: dict, resolved: pres.Resolved,
                  patents: dict[str, int]) -> prres.Incoming | None:
        if not isinstance(rp, dict):
            return None
        kind = rp.get("kind") if rp.get("kind") in PROCEEDING_KINDS else "other"
        claimants = [pres.find_or_create(db, n, doc_pk, resolved) for n in _strings(rp.get("claimants"))]
        respondents = [pres.find_or_create(db, n, doc_pk, resolved) for n in _strings(rp.get("respondents"))]
        if not claimants and not respondents:
            return None
        ph, params = in_list("p", set(claimants + respondents))
        groups = dict(db.all(f"SELECT id, group_id FROM parties WHERE id IN {ph}", params))
        pids = [p for p in dict.fromkeys(_strings(rp.get("patents"))) if p in patents]
        amounts = [
            {"value": float(a["value"]), "currency": str(a["currency"]),
             "role": a.get("role") if a.get("role") in MONEY_ROLES else "other"}
            for a in _dicts(rp.get("amounts"))
            if isinstance(a.get("value"), (int, float)) and not isinstance(a.get("value"), bool)
            and isinstance(a.get("currency"), str) and a.get("currency")
        ]
        return prres.Incoming(
            kind=kind,
            claimants=claimants,
            respondents=respondents,
            claimant_groups={groups[c] for c in claimants},
            respondent_groups={groups[r] for r in respondents},
            forum=_opt_str(rp.get("forum")),
            date=_opt_str(rp.get("date")),
            outcome=_opt_str(rp.get("outcome")),
            case_number=_opt_str(rp.get("case_number")),
            patents=[patents[p] for p in pids],
            patent_ids=pids,
            amounts=amounts,
            evidence=_dicts(rp.get("evidence")),
        )


def _dicts(value: Any) -> list[dict]:
    """The dict items of a record field that should be a list of objects (anything else is ignored)."""
    return [x for x in value if isinstance(x, dict)] if isinstance(value, list) else []


def _strings(value: Any) -> list[str]:
    """The non-blank strings of a record field that should be a list of strings."""
    return [x for x in value if isinstance(x, str) and x.strip()] if isinstance(value, list) else []


def _opt_str(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
