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

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from patlit.model import MONEY_ROLES, PROCEEDING_KINDS, Document
from patlit.resolve import disputes as dres
from patlit.resolve import parties as pres
from patlit.resolve import proceedings as prres
from patlit.store.db import Store
from patlit.store.models import DocumentRow, EvidenceRow, PartyRow, PatentRow
from patlit.store.search import backend_for

DOC = DocumentRow.__table__
PAT = PatentRow.__table__
EV = EvidenceRow.__table__
P = PartyRow.__table__
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
        return session.execute(select(DOC.c.id).where(DOC.c.content_hash == content_hash(text))).scalar_one_or_none()

    def add(self, doc: Document, record: dict[str, Any]) -> Stored:
        """Store ``doc`` with its facts record in its own transaction."""
        with self.store.session() as session, session.begin():
            existing = self.known(session, doc.text)
            if existing is not None:
                doc_id = session.execute(select(DOC.c.doc_id).where(DOC.c.id == existing)).scalar_one()
                return Stored("duplicate", doc_id, existing)
            return self._add(session, doc, record)

    def _add(self, session: Session, doc: Document, record: dict[str, Any]) -> Stored:
        h = content_hash(doc.text)
        doc_id = self._free_doc_id(session, doc.doc_id or h[:12], h)
        published = record.get("published") or doc.published
        doc_pk = session.execute(
            insert(DOC).values(
                doc_id=doc_id, content_hash=h, title=doc.title or record.get("title"), url=doc.url or record.get("url"),
                published=published, lang=record.get("lang") or doc.lang, text=doc.text, source=doc.source,
                ingested_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
                record=json.dumps(record, ensure_ascii=False),
            )
        ).inserted_primary_key[0]
        self.search.index(session, doc_pk, doc.title, doc.text)
        out = Stored("new", doc_id, doc_pk)

        resolved = pres.resolve_parties(session, doc_pk, record.get("parties") or [])
        touched: set[int] = set()
        for old, new in resolved.regrouped:
            touched |= dres.regroup(session, old, new)
        patents = self._patents(session, doc_pk, record)
        amount_evidence = {
            (a.get("value"), a.get("currency"), a.get("role")): a.get("evidence") or []
            for a in record.get("amounts") or [] if isinstance(a, dict)
        }
        used: set[int] = set()
        n_procs = 0
        for rp in record.get("proceedings") or []:
            inc = self._incoming(session, doc_pk, rp, resolved, patents)
            if inc is None:
                continue
            pid, created = prres.store(session, doc_pk, published, inc, used)
            used.add(pid)
            n_procs += 1
            out.proceedings_new += created
            out.proceedings_merged += not created
            dispute, gone = dres.assign(session, pid, inc.claimant_groups, inc.respondent_groups, inc.patents)
            touched.add(dispute)
            touched -= gone
            ev = []
            for a in inc.amounts:
                for e in amount_evidence.get((a["value"], a["currency"], a["role"]), []):
                    ev.append(pres.evidence_row(doc_pk, "amount", a["amount_id"], e))
            if ev:
                session.execute(insert(EV), ev)
        for d in sorted(touched):
            dres.summarize(session, d)
        out.disputes = {d for d in touched}
        out.facts = (len(record.get("parties") or []) + len(record.get("patents") or []) + n_procs
                     + len(record.get("amounts") or []))
        return out

    @staticmethod
    def _free_doc_id(session: Session, doc_id: str, h: str) -> str:
        """The document's own id, or ``id~hash`` when another text already has that id."""
        doc_id = doc_id[:180]
        if session.execute(select(DOC.c.id).where(DOC.c.doc_id == doc_id)).first() is None:
            return doc_id
        return f"{doc_id}~{h[:10]}"

    def _patents(self, session: Session, doc_pk: int, record: dict) -> dict[str, int]:
        """patent id string -> patents.id, creating rows with decoded metadata; patent evidence stored."""
        facts = {f.get("id"): f for f in record.get("patent_facts") or [] if isinstance(f, dict)}
        pids = [p for p in dict.fromkeys(record.get("patents") or []) if isinstance(p, str) and p]
        for rp in record.get("proceedings") or []:
            pids += [p for p in rp.get("patents") or [] if isinstance(p, str) and p and p not in pids]
        if not pids:
            return {}
        ids = dict(session.execute(select(PAT.c.pid, PAT.c.id).where(PAT.c.pid.in_(pids))).all())
        for pid in pids:
            if pid not in ids:
                ids[pid] = self.add_patent(session, pid, facts.get(pid))
        ev = [pres.evidence_row(doc_pk, "patent", ids[pid], e)
              for pid, f in facts.items() if pid in ids for e in f.get("evidence") or []]
        if ev:
            session.execute(insert(EV), ev)
        return ids

    @staticmethod
    def add_patent(session: Session, pid: str, fact: dict | None) -> int:
        if fact is None:
            from patlit.extract.patents import describe

            fact = describe(pid)
        meta = {k: v for k, v in (fact or {}).items() if k != "evidence"}
        year = meta.get("filing_year")
        return session.execute(
            insert(PAT).values(
                pid=pid,
                office=meta.get("office") or (pid[:2] if pid[:2].isalpha() else None),
                kind=meta.get("kind") or meta.get("type"),
                filing_year=int(year) if isinstance(year, (int, str)) and str(year).isdigit() else None,
                check_ok=CHECK_DIGIT.get(meta.get("check_digit")),
                meta=json.dumps(meta, ensure_ascii=False, default=str),
            )
        ).inserted_primary_key[0]

    def _incoming(self, session: Session, doc_pk: int, rp: dict, resolved: pres.Resolved,
                  patents: dict[str, int]) -> prres.Incoming | None:
        if not isinstance(rp, dict):
            return None
        kind = rp.get("kind") if rp.get("kind") in PROCEEDING_KINDS else "other"
        claimants = [pres.find_or_create(session, n, doc_pk, resolved) for n in rp.get("claimants") or []
                     if isinstance(n, str) and pres.fold(n)]
        respondents = [pres.find_or_create(session, n, doc_pk, resolved) for n in rp.get("respondents") or []
                       if isinstance(n, str) and pres.fold(n)]
        if not claimants and not respondents:
            return None
        ids = list(dict.fromkeys(claimants + respondents))
        groups = dict(session.execute(select(P.c.id, P.c.group_id).where(P.c.id.in_(ids))).all())
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
