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
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from sqlalchemy.orm import Session

from patlit.model import MONEY_ROLES, PROCEEDING_KINDS, Document
from patlit.resolve import disputes as dres
from patlit.resolve import parties as pres
from patlit.resolve import proceedings as prres
from patlit.store.db import Store
from patlit.store.search import backend_for
from patlit.store.sql import Sql, in_list

_WS = re.compile(r"\s+")
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
    """Stores documents into one database; keeps the dialect's search backend."""

    def __init__(self, store: Store):
        self.store = store
        self.search = backend_for(store.dialect)

    def known(self, session: Session, text: str) -> int | None:
        """The stored document with this normalised text, if any."""
        return Sql(session).scalar("SELECT id FROM documents WHERE content_hash = :h", {"h": content_hash(text)})

    def add(self, doc: Document, record: dict[str, Any]) -> Stored:
        """Store ``doc`` with its facts record in its own transaction."""
        with self.store.session() as session, session.begin():
            db = Sql(session)
            h = content_hash(doc.text)
            existing = db.one("SELECT id, doc_id FROM documents WHERE content_hash = :h", {"h": h})
            if existing is not None:
                return Stored("duplicate", existing[1], existing[0])
            return self._add(session, db, doc, record, h)

    def _add(self, session: Session, db: Sql, doc: Document, record: dict[str, Any], h: str) -> Stored:
        doc_id = self._free_doc_id(db, doc.doc_id or h[:12], h)
        published = record.get("published") or doc.published
        doc_pk = db.insert(
            "INSERT INTO documents (doc_id, content_hash, title, url, published, lang, text, source, ingested_at, "
            "record) VALUES (:doc_id, :h, :title, :url, :published, :lang, :text, :source, :at, :record) RETURNING id",
            {"doc_id": doc_id, "h": h, "title": doc.title or record.get("title"), "url": doc.url or record.get("url"),
             "published": published, "lang": record.get("lang") or doc.lang, "text": doc.text, "source": doc.source,
             "at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
             "record": json.dumps(record, ensure_ascii=False)},
        )
        self.search.index(db, doc_pk, doc.title, doc.text)
        out = Stored("new", doc_id, doc_pk)

        resolved = pres.resolve_parties(db, doc_pk, record.get("parties") or [])
        touched: set[int] = set()
        for old, new in resolved.regrouped:
            touched |= dres.regroup(db, old, new)
        patents = self._patents(db, doc_pk, record)
        amount_evidence = {
            (a.get("value"), a.get("currency"), a.get("role")): a.get("evidence") or []
            for a in record.get("amounts") or [] if isinstance(a, dict)
        }
        used: set[int] = set()
        n_procs = 0
        for rp in record.get("proceedings") or []:
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
        out.facts = (len(record.get("parties") or []) + len(record.get("patents") or []) + n_procs
                     + len(record.get("amounts") or []))
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
        facts = {f.get("id"): f for f in record.get("patent_facts") or [] if isinstance(f, dict)}
        pids = [p for p in dict.fromkeys(record.get("patents") or []) if isinstance(p, str) and p]
        for rp in record.get("proceedings") or []:
            if isinstance(rp, dict):
                pids += [p for p in rp.get("patents") or [] if isinstance(p, str) and p and p not in pids]
        if not pids:
            return {}
        ph, params = in_list("p", pids)
        ids = dict(db.all(f"SELECT pid, id FROM patents WHERE pid IN {ph}", params))
        for pid in pids:
            if pid not in ids:
                ids[pid] = self.add_patent(db, pid, facts.get(pid))
        db.many(pres.EVIDENCE_INSERT, [pres.evidence_row(doc_pk, "patent", ids[pid], e)
                                       for pid, f in facts.items() if pid in ids for e in f.get("evidence") or []])
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
        claimants = [pres.find_or_create(db, n, doc_pk, resolved) for n in rp.get("claimants") or []
                     if isinstance(n, str) and pres.fold(n)]
        respondents = [pres.find_or_create(db, n, doc_pk, resolved) for n in rp.get("respondents") or []
                       if isinstance(n, str) and pres.fold(n)]
        if not claimants and not respondents:
            return None
        ph, params = in_list("p", set(claimants + respondents))
        groups = dict(db.all(f"SELECT id, group_id FROM parties WHERE id IN {ph}", params))
        pids = [p for p in dict.fromkeys(rp.get("patents") or []) if p in patents]
        amounts = [
            {"value": float(a["value"]), "currency": str(a["currency"]),
             "role": a.get("role") if a.get("role") in MONEY_ROLES else "other"}
            for a in rp.get("amounts") or []
            if isinstance(a, dict) and isinstance(a.get("value"), (int, float)) and a.get("currency")
        ]
        return prres.Incoming(
            kind=kind,
            claimants=claimants,
            respondents=respondents,
            claimant_groups={groups[c] for c in claimants},
            respondent_groups={groups[r] for r in respondents},
            forum=rp.get("forum") or None,
            date=rp.get("date") or None,
            outcome=rp.get("outcome") or None,
            case_number=rp.get("case_number") or None,
            patents=[patents[p] for p in pids],
            patent_ids=pids,
            amounts=amounts,
            evidence=[e for e in rp.get("evidence") or [] if isinstance(e, dict)],
        )
