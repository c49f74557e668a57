"""The same action reported by several documents becomes one proceeding.

A document's proceeding matches a stored one when it has the same kind, a claimant
group and a respondent group in common (a group = a party and its affiliates), and
nothing contradicts:

- forum: both given and different -> different proceedings;
- date: both given and different at their common precision -> different proceedings
  ("the same kind of action filed on different dates forms one proceeding per date"),
  unless the case numbers agree, or forum and a patent agree and the dates are within
  :data:`DATE_SLACK_DAYS` (then the second date is kept as a flagged conflict);
- patents: both given and disjoint -> different proceedings;
- case numbers: both given and different -> different; equal -> the same whatever else.

Among compatible candidates the one agreeing on most attributes wins. Two proceedings
of one document never merge with each other. Every attribute value is recorded per
document in ``fact_values``; a second, different value is flagged as a conflict and
never overwrites the first (a more precise date consistent with the first refines it).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date as Date

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from patlit.store.models import (
    AmountRow,
    EventRow,
    EvidenceRow,
    FactValueRow,
    PartyRow,
    PatentRow,
    ProceedingPartyRow,
    ProceedingPatentRow,
    ProceedingRow,
)

PR = ProceedingRow.__table__
PP = ProceedingPartyRow.__table__
PPAT = ProceedingPatentRow.__table__
PAT = PatentRow.__table__
P = PartyRow.__table__
AM = AmountRow.__table__
FV = FactValueRow.__table__
EVT = EventRow.__table__
EV = EvidenceRow.__table__

DATE_SLACK_DAYS = 45
AMOUNT_TOLERANCE = 0.005  # same amount when within 0.5 %
ATTRIBUTES = ("forum", "date", "outcome", "case_number")

#: timeline event of a proceeding's filing, by proceeding kind
FILING_EVENT = {
    "infringement": "filed",
    "invalidation": "invalidation_requested",
    "declaratory_judgment": "filed",
    "itc_investigation": "filed",
    "appeal": "appealed",
    "other": "filed",
}
#: timeline event of an outcome
OUTCOME_EVENT = {
    "withdrawn": "withdrawn",
    "settled": "settled",
    "dismissed": "decision",
    "claimant_won": "decision",
    "respondent_won": "decision",
    "closed": "closed",
}
#: jurisdiction of forum codes that are not US federal court ids (courts-db)
FORUM_JURISDICTION = {"ptab": "US", "usitc": "US", "cnipa": "CN", "epo": "EP", "upc": "UPC"}
FORUM_PREFIX_JURISDICTION = {"cn-": "CN", "de-": "DE", "uk-": "UK", "ep-": "EP", "jp-": "JP", "kr-": "KR"}
_COURTS_DB_ID = re.compile(r"^[a-z]{2,8}$")


def jurisdiction(forum: str | None, patent_ids: list[str]) -> str | None:
    """Country/system of a proceeding: from its forum, else from the office of its patents."""
    if forum:
        if forum in FORUM_JURISDICTION:
            return FORUM_JURISDICTION[forum]
        for prefix, j in FORUM_PREFIX_JURISDICTION.items():
            if forum.startswith(prefix):
                return j
        if _COURTS_DB_ID.match(forum):
            return "US"  # courts-db ids: cand, txed, cafc, scotus ...
    offices = {pid[:2] for pid in patent_ids if len(pid) > 2 and pid[:2].isalpha()}
    return offices.pop() if len(offices) == 1 else None


def _norm_case(n: str | None) -> str | None:
    return re.sub(r"\s+", "", n).lower() if n else None


def _dates_agree(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return True
    n = min(len(a), len(b))
    return a[:n] == b[:n]


def _days_apart(a: str, b: str) -> int | None:
    try:
        return abs((Date.fromisoformat(a) - Date.fromisoformat(b)).days)
    except ValueError:
        return None


@dataclass
class Incoming:
    """One proceeding of a document's facts record, with party and patent ids resolved."""

    kind: str
    claimants: list[int]
    respondents: list[int]
    claimant_groups: set[int]
    respondent_groups: set[int]
    forum: str | None
    date: str | None
    outcome: str | None
    case_number: str | None
    patents: list[int]
    patent_ids: list[str]
    amounts: list[dict]
    evidence: list[dict] = field(default_factory=list)


@dataclass
class Stored:
    id: int
    forum: str | None
    date: str | None
    outcome: str | None
    case_number: str | None
    patents: set[int]
    amounts: list[tuple[float, str, str]]


def _score(inc: Incoming, s: Stored) -> int | None:
    """How well a stored proceeding agrees with an incoming one; None when they cannot be the same."""
    ci, cs = _norm_case(inc.case_number), _norm_case(s.case_number)
    if ci and cs:
        return 100 if ci == cs else None
    if inc.forum and s.forum and inc.forum != s.forum:
        return None
    if inc.patents and s.patents and not (set(inc.patents) & s.patents):
        return None
    score = 0
    if not _dates_agree(inc.date, s.date):
        apart = _days_apart(inc.date, s.date)
        same_forum = inc.forum and inc.forum == s.forum
        if not (same_forum and set(inc.patents) & s.patents and apart is not None and apart <= DATE_SLACK_DAYS):
            return None
        score -= 1
    elif inc.date and s.date:
        score += 3
    if inc.forum and inc.forum == s.forum:
        score += 2
    score += 2 * len(set(inc.patents) & s.patents)
    for v, cur, role in ((a["value"], a["currency"], a["role"]) for a in inc.amounts):
        for sv, scur, srole in s.amounts:
            if (cur, role) == (scur, srole):
                score += 2 if _same_amount(v, sv) else -1
    return score


def _same_amount(a: float, b: float) -> bool:
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b), 1.0)


def find_match(session: Session, inc: Incoming, exclude: set[int]) -> int | None:
    """The stored proceeding this one reports again, or None."""
    if not inc.claimant_groups or not inc.respondent_groups:
        return None
    c, r = PP.alias("c"), PP.alias("r")
    pc, pr_ = P.alias("pc"), P.alias("pr")
    q = (
        select(PR.c.id, PR.c.forum, PR.c.date, PR.c.outcome, PR.c.case_number)
        .join(c, (c.c.proceeding_id == PR.c.id) & (c.c.role == "claimant"))
        .join(pc, pc.c.id == c.c.party_id)
        .join(r, (r.c.proceeding_id == PR.c.id) & (r.c.role == "respondent"))
        .join(pr_, pr_.c.id == r.c.party_id)
        .where(PR.c.kind == inc.kind, pc.c.group_id.in_(inc.claimant_groups), pr_.c.group_id.in_(inc.respondent_groups))
        .distinct()
    )
    rows = [row for row in session.execute(q).all() if row.id not in exclude]
    if not rows:
        return None
    ids = [row.id for row in rows]
    patents: dict[int, set[int]] = {i: set() for i in ids}
    for pid, pat in session.execute(select(PPAT.c.proceeding_id, PPAT.c.patent_id).where(PPAT.c.proceeding_id.in_(ids))):
        patents[pid].add(pat)
    amounts: dict[int, list] = {i: [] for i in ids}
    for pid, v, cur, role in session.execute(
        select(AM.c.proceeding_id, AM.c.value, AM.c.currency, AM.c.role).where(AM.c.proceeding_id.in_(ids))
    ):
        amounts[pid].append((v, cur, role))
    best, best_score = None, None
    for row in rows:
        s = Stored(row.id, row.forum, row.date, row.outcome, row.case_number, patents[row.id], amounts[row.id])
        sc = _score(inc, s)
        if sc is not None and (best_score is None or sc > best_score):
            best, best_score = row.id, sc
    return best


def store(session: Session, doc_pk: int, published: str | None, inc: Incoming, exclude: set[int]) -> tuple[int, bool]:
    """Match or create the proceeding, then add this document's parties, patents, amounts, values, events, evidence."""
    match = find_match(session, inc, exclude)
    created = match is None
    if created:
        pid = session.execute(
            insert(PR).values(
                kind=inc.kind, forum=inc.forum, date=inc.date, outcome=inc.outcome, case_number=inc.case_number,
                jurisdiction=jurisdiction(inc.forum, inc.patent_ids),
            )
        ).inserted_primary_key[0]
        current = {"forum": None, "date": None, "outcome": None, "case_number": None}
    else:
        pid = match
        row = session.execute(
            select(PR.c.forum, PR.c.date, PR.c.outcome, PR.c.case_number).where(PR.c.id == pid)
        ).one()
        current = dict(row._mapping)
    _record_values(session, pid, doc_pk, inc, current, created)
    _add_parties(session, pid, inc)
    _add_patents(session, pid, inc.patents)
    _add_amounts(session, pid, doc_pk, inc.amounts)
    _add_events(session, pid, doc_pk, published, inc.kind)
    if inc.evidence:
        session.execute(insert(EV), [_ev(doc_pk, "proceeding", pid, e) for e in inc.evidence])
    if not created and (inc.forum or inc.patent_ids):
        forum = session.execute(select(PR.c.forum).where(PR.c.id == pid)).scalar_one()
        pats = list(session.execute(
            select(PAT.c.pid).join(PPAT, PPAT.c.patent_id == PAT.c.id).where(PPAT.c.proceeding_id == pid)
        ).scalars())
        session.execute(update(PR).where(PR.c.id == pid).values(jurisdiction=jurisdiction(forum, pats)))
    return pid, created


def _ev(doc_pk: int, fact_type: str, fact_id: int, e: dict) -> dict:
    from patlit.resolve.parties import evidence_row

    return evidence_row(doc_pk, fact_type, fact_id, e)


def _record_values(session: Session, pid: int, doc_pk: int, inc: Incoming, current: dict, created: bool) -> None:
    rows, changes = [], {}
    for attr in ATTRIBUTES:
        value = getattr(inc, attr)
        if not value:
            continue
        have = current.get(attr)
        conflict = False
        if have is None:
            changes[attr] = value
        elif attr == "date" and _dates_agree(have, value):
            if len(value) > len(have):
                changes[attr] = value  # "2024-04" refined to "2024-04-15"
        elif attr == "case_number" and _norm_case(have) == _norm_case(value):
            pass
        elif have != value:
            conflict = True
        rows.append({"proceeding_id": pid, "attribute": attr, "value": value, "document_id": doc_pk,
                     "conflict": conflict})
        if conflict:
            session.execute(update(FV).where(FV.c.proceeding_id == pid, FV.c.attribute == attr).values(conflict=True))
    if rows:
        session.execute(insert(FV), rows)
    if changes and not created:
        session.execute(update(PR).where(PR.c.id == pid).values(**changes))
        if "date" in changes:
            kind = session.execute(select(PR.c.kind).where(PR.c.id == pid)).scalar_one()
            session.execute(update(EVT).where(EVT.c.proceeding_id == pid, EVT.c.kind == FILING_EVENT.get(kind, "filed"))
                            .values(date=changes["date"]))


def _add_parties(session: Session, pid: int, inc: Incoming) -> None:
    have = set(session.execute(select(PP.c.party_id, PP.c.role).where(PP.c.proceeding_id == pid)).all())
    rows = []
    for role, ids in (("claimant", inc.claimants), ("respondent", inc.respondents)):
        for party in dict.fromkeys(ids):
            if (party, role) not in have:
                have.add((party, role))
                rows.append({"proceeding_id": pid, "party_id": party, "role": role})
    if rows:
        session.execute(insert(PP), rows)


def _add_patents(session: Session, pid: int, patent_ids: list[int]) -> None:
    if not patent_ids:
        return
    have = set(session.execute(select(PPAT.c.patent_id).where(PPAT.c.proceeding_id == pid)).scalars())
    rows = [{"proceeding_id": pid, "patent_id": p} for p in dict.fromkeys(patent_ids) if p not in have]
    if rows:
        session.execute(insert(PPAT), rows)


def _add_amounts(session: Session, pid: int, doc_pk: int, amounts: list[dict]) -> None:
    if not amounts:
        return
    stored = session.execute(
        select(AM.c.id, AM.c.value, AM.c.currency, AM.c.role, AM.c.document_id, AM.c.counted)
        .where(AM.c.proceeding_id == pid)
    ).all()
    for a in amounts:
        same = [s for s in stored if (s.currency, s.role) == (a["currency"], a["role"])]
        if any(_same_amount(s.value, a["value"]) for s in same):
            a["amount_id"] = next(s.id for s in same if _same_amount(s.value, a["value"]))
            continue
        other_docs = [s for s in same if s.document_id != doc_pk and s.counted]
        conflict = bool(other_docs)
        aid = session.execute(
            insert(AM).values(proceeding_id=pid, value=a["value"], currency=a["currency"], role=a["role"],
                              document_id=doc_pk, counted=not conflict, conflict=conflict)
        ).inserted_primary_key[0]
        a["amount_id"] = aid
        attribute = f"amount:{a['role']}:{a['currency']}"
        if conflict:
            session.execute(update(AM).where(AM.c.id.in_([s.id for s in other_docs])).values(conflict=True))
            session.execute(update(FV).where(FV.c.proceeding_id == pid, FV.c.attribute == attribute)
                            .values(conflict=True))
        session.execute(insert(FV).values(proceeding_id=pid, attribute=attribute, value=json.dumps(_num(a["value"])),
                                          document_id=doc_pk, conflict=conflict))


def _add_events(session: Session, pid: int, doc_pk: int, published: str | None, kind: str) -> None:
    row = session.execute(select(PR.c.date, PR.c.outcome).where(PR.c.id == pid)).one()
    wanted = [(FILING_EVENT.get(kind, "filed"), row.date)]
    if row.outcome in OUTCOME_EVENT:
        wanted.append((OUTCOME_EVENT[row.outcome], published))
    have = session.execute(select(EVT.c.kind, EVT.c.date).where(EVT.c.proceeding_id == pid)).all()
    have_kinds = {k for k, _ in have}
    for ev_kind, when in wanted:
        if ev_kind in have_kinds:
            if when and (ev_kind, None) in have:
                session.execute(update(EVT).where(EVT.c.proceeding_id == pid, EVT.c.kind == ev_kind,
                                                  EVT.c.date.is_(None)).values(date=when, document_id=doc_pk))
            continue
        session.execute(insert(EVT).values(proceeding_id=pid, kind=ev_kind, date=when, document_id=doc_pk))


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 2)
