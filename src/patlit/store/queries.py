"""The query layer shared by the CLI and the web app.

Every function takes a SQLAlchemy session and returns plain, JSON-serialisable
dicts and lists. Lists are paginated: ``{"total": n, "items": [...]}`` with
``limit``/``offset``. Unknown ids raise :class:`patlit.errors.NotFoundError`.
This interface is stable: add keys, do not rename or remove them.
"""
from __future__ import annotations

import json
from collections import defaultdict
from typing import Any

from sqlalchemy import func, or_, select, union
from sqlalchemy.orm import Session

from patlit.errors import NotFoundError, StoreError
from patlit.resolve.disputes import totals_of
from patlit.resolve.names import fold
from patlit.resolve.proceedings import FILING_EVENT
from patlit.store.models import (
    AmbiguousKeyRow,
    AmountRow,
    DisputeRow,
    DocumentPartyRow,
    DocumentRow,
    EventRow,
    EvidenceRow,
    FactValueRow,
    PartyAliasRow,
    PartyRow,
    PatentRow,
    ProceedingPartyRow,
    ProceedingPatentRow,
    ProceedingRow,
)
from patlit.store.search import backend_for, snippet

D, DOC, P, A = DisputeRow.__table__, DocumentRow.__table__, PartyRow.__table__, PartyAliasRow.__table__
PR, PP, PPAT, PAT = ProceedingRow.__table__, ProceedingPartyRow.__table__, ProceedingPatentRow.__table__, PatentRow.__table__
AM, FV, EVT, EV = AmountRow.__table__, FactValueRow.__table__, EventRow.__table__, EvidenceRow.__table__
DP, AMB = DocumentPartyRow.__table__, AmbiguousKeyRow.__table__

SORTS = ("latest", "amount", "first", "proceedings")
MAX_LIMIT = 500
EVIDENCE_LIMIT = 20  # evidence items per fact in get_dispute (the total is given beside them)

#: human labels of timeline events
EVENT_LABELS = {
    "filed": "suit filed",
    "countersued": "counter-suit filed",
    "invalidation_requested": "invalidation requested",
    "appealed": "appeal filed",
    "withdrawn": "withdrawn",
    "settled": "settled",
    "decision": "decision",
    "closed": "closed",
}
KIND_LABELS = {
    "infringement": "infringement suit",
    "invalidation": "invalidation request",
    "declaratory_judgment": "declaratory judgment action",
    "itc_investigation": "ITC investigation",
    "appeal": "appeal",
    "other": "other action",
}


def _page(limit: int, offset: int) -> tuple[int, int]:
    if not isinstance(limit, int) or not isinstance(offset, int) or limit < 0 or offset < 0:
        raise StoreError(f"bad page: limit={limit!r} offset={offset!r}", hint="give non-negative integers")
    return min(limit, MAX_LIMIT), offset


def _j(s: str | None, default: Any) -> Any:
    return json.loads(s) if s else default


def _in_set_field(column, value: str):
    return column.like(f"%,{value},%")


# --------------------------------------------------------------------------- parties


def find_parties(session: Session, name_or_id: str | int) -> list[int]:
    """Ids of the parties a name (any alias, folded) or an id refers to."""
    if isinstance(name_or_id, int) or (isinstance(name_or_id, str) and name_or_id.isdigit()):
        pid = int(name_or_id)
        return [pid] if session.execute(select(P.c.id).where(P.c.id == pid)).first() else []
    key = fold(str(name_or_id))
    if not key:
        return []
    return sorted(set(session.execute(select(A.c.party_id).where(A.c.key == key)).scalars()))


def _party_brief(session: Session, ids) -> dict[int, dict]:
    ids = list(set(ids))
    if not ids:
        return {}
    return {r.id: {"id": r.id, "name": r.name} for r in session.execute(select(P.c.id, P.c.name).where(P.c.id.in_(ids)))}


# --------------------------------------------------------------------------- disputes


def list_disputes(
    session: Session,
    party: str | int | None = None,
    jurisdiction: str | None = None,
    kind: str | None = None,
    since: str | int | None = None,
    outcome: str | None = None,
    sort: str = "latest",
    limit: int = 50,
    offset: int = 0,
    year: int | str | None = None,
) -> dict:
    """Disputes matching every filter given; ``sort`` is latest (event), amount (largest asked), first or proceedings.

    ``since``: active in or after (latest event on or after) a year or date; ``year``: a proceeding
    or an event dated in that year.
    """
    limit, offset = _page(limit, offset)
    if sort not in SORTS:
        raise StoreError(f"unknown sort {sort!r}", hint=f"use one of {', '.join(SORTS)}")
    conds = []
    if party is not None and str(party).strip():
        ids = find_parties(session, party)
        if not ids:
            return {"total": 0, "items": []}
        members = _group_members(session, ids)
        conds.append(or_(*[_in_set_field(D.c.party_ids, str(i)) for i in sorted(members)]))
    if jurisdiction:
        conds.append(_in_set_field(D.c.jurisdictions, jurisdiction.upper()))
    if kind:
        conds.append(_in_set_field(D.c.kinds, kind))
    if outcome:
        conds.append(_in_set_field(D.c.outcomes, outcome))
    if since is not None and str(since).strip():
        conds.append(D.c.latest_date >= str(since))
    if year is not None and str(year).strip():
        if not str(year).strip().isdigit():
            raise StoreError(f"year {year!r} is not a year", hint="give four digits, e.g. 2024")
        prefix = f"{int(year):04d}%"
        dated = union(
            select(PR.c.dispute_id).where(PR.c.date.like(prefix)),
            select(PR.c.dispute_id).join(EVT, EVT.c.proceeding_id == PR.c.id).where(EVT.c.date.like(prefix)),
        ).subquery()
        conds.append(D.c.id.in_(select(dated.c[0])))
    total = session.execute(select(func.count()).select_from(D).where(*conds)).scalar_one()
    order = {
        "latest": [D.c.latest_date.is_(None), D.c.latest_date.desc(), D.c.id],
        "first": [D.c.first_date.is_(None), D.c.first_date, D.c.id],
        "amount": [D.c.amount_sort.desc(), D.c.id],
        "proceedings": [D.c.n_proceedings.desc(), D.c.id],
    }[sort]
    rows = session.execute(select(D).where(*conds).order_by(*order).limit(limit).offset(offset)).all()
    return {"total": int(total), "items": [_dispute_item(r) for r in rows]}


def _group_members(session: Session, party_ids: list[int]) -> set[int]:
    """The parties and everything in their groups (parent, affiliates)."""
    groups = set(session.execute(select(P.c.group_id).where(P.c.id.in_(party_ids))).scalars())
    return set(session.execute(select(P.c.id).where(P.c.group_id.in_(groups))).scalars()) | set(party_ids)


def _set_values(s: str) -> list[str]:
    return [x for x in (s or "").split(",") if x]


def _dispute_item(r) -> dict:
    return {
        "id": r.id,
        "title": r.title,
        "sides": [_j(r.side_a, []), _j(r.side_b, [])],
        "jurisdictions": _set_values(r.jurisdictions),
        "kinds": _set_values(r.kinds),
        "outcomes": _set_values(r.outcomes),
        "first_date": r.first_date,
        "latest_date": r.latest_date,
        "proceedings": r.n_proceedings,
        "documents": r.n_documents,
        "totals": _j(r.totals, {}),
    }


def get_dispute(session: Session, dispute_id: int, evidence_limit: int = EVIDENCE_LIMIT) -> dict:
    """Everything about one dispute: sides with affiliates, proceedings, timeline, totals, conflicts, sources."""
    try:
        did = int(dispute_id)
    except (TypeError, ValueError):
        raise NotFoundError(f"no dispute {dispute_id!r}", hint="a dispute id is a number: see 'patlit disputes'") from None
    row = session.execute(select(D).where(D.c.id == did)).first()
    if row is None:
        raise NotFoundError(f"no dispute {dispute_id}")
    item = _dispute_item(row)
    procs = session.execute(select(PR).where(PR.c.dispute_id == row.id).order_by(
        PR.c.date.is_(None), PR.c.date, PR.c.id)).all()
    proc_ids = [p.id for p in procs]
    details = _proceeding_details(session, proc_ids, evidence_limit)

    side_of_group = {g["id"]: 0 for g in item["sides"][0]} | {g["id"]: 1 for g in item["sides"][1]}
    sides = []
    for s in item["sides"]:
        out = []
        for g in s:
            affiliates = [
                {"id": r.id, "name": r.name}
                for r in session.execute(select(P.c.id, P.c.name).where(P.c.group_id == g["id"], P.c.id != g["id"])
                                         .order_by(P.c.id))
            ]
            out.append({**g, "affiliates": affiliates})
        sides.append(out)

    proceedings = []
    for p in procs:
        d = details[p.id]
        proceedings.append({
            "id": p.id,
            "kind": p.kind,
            "label": KIND_LABELS.get(p.kind, p.kind),
            "forum": p.forum,
            "jurisdiction": p.jurisdiction,
            "date": p.date,
            "outcome": p.outcome,
            "case_number": p.case_number,
            **d,
        })

    by_id = {p["id"]: p for p in proceedings}
    events = []
    ev_rows = session.execute(
        select(EVT.c.id, EVT.c.proceeding_id, EVT.c.date, EVT.c.kind, EVT.c.document_id)
        .where(EVT.c.proceeding_id.in_(proc_ids))
    ).all() if proc_ids else []
    doc_ids = _doc_ids(session, {e.document_id for e in ev_rows})
    for e in ev_rows:
        p = by_id[e.proceeding_id]
        kind = e.kind
        if kind == FILING_EVENT["infringement"] and p["kind"] == "infringement" and _claimants_on_side(p, side_of_group, 1):
            kind = "countersued"
        claimants = _short_names(p["claimants"])
        respondents = _short_names(p["respondents"])
        events.append({
            "id": e.id,
            "date": e.date,
            "kind": kind,
            "label": f"{EVENT_LABELS.get(kind, kind)}: {claimants or '?'} v. {respondents or '?'}"
                     + (f" ({p['forum']})" if p["forum"] else ""),
            "proceeding_id": e.proceeding_id,
            # a filing is dated by the filing date; an outcome by the date of the document reporting it
            "dated_by": "filing" if e.kind in FILING_EVENT.values() else "report",
            "forum": p["forum"],
            "jurisdiction": p["jurisdiction"],
            "doc_id": doc_ids.get(e.document_id),
            "evidence": p["evidence"][:1],
        })
    events.sort(key=lambda e: (e["date"] is None, e["date"] or "", e["id"]))

    amounts = [(a["value"], a["currency"], a["role"], p["id"]) for p in proceedings for a in p["amounts"] if a["counted"]]
    conflicts = [{"proceeding_id": p["id"], **c} for p in proceedings for c in p["conflicts"]]
    sources = _sources(session, proc_ids)
    return {
        **item,
        "sides": sides,
        "proceedings": proceedings,
        "events": events,
        "totals": totals_of(amounts),
        "conflicts": conflicts,
        "sources": sources,
    }


def _short_names(parties: list[dict], most: int = 2) -> str:
    """'A, B et al.' for an event label."""
    names = [p["name"] for p in parties]
    return ", ".join(names[:most]) + (" et al." if len(names) > most else "")


def _claimants_on_side(p: dict, side_of_group: dict[int, int], side: int) -> bool:
    return any(side_of_group.get(c["group_id"]) == side for c in p["claimants"])


def _doc_ids(session: Session, pks) -> dict[int, str]:
    pks = list({p for p in pks if p is not None})
    if not pks:
        return {}
    return dict(session.execute(select(DOC.c.id, DOC.c.doc_id).where(DOC.c.id.in_(pks))).all())


def _evidence(session: Session, fact_type: str, ids: list[int], limit: int) -> tuple[dict[int, list], dict[int, int]]:
    """Evidence items per fact id (at most ``limit`` each, oldest documents first) and the total per fact."""
    out: dict[int, list] = defaultdict(list)
    counts: dict[int, int] = defaultdict(int)
    if not ids:
        return out, counts
    for fid, n in session.execute(
        select(EV.c.fact_id, func.count()).where(EV.c.fact_type == fact_type, EV.c.fact_id.in_(ids)).group_by(EV.c.fact_id)
    ):
        counts[fid] = int(n)
    if limit <= 0:
        return out, counts
    # rank on the narrow index (fact, id ~ ingestion order), then fetch the chosen rows' text
    rn = func.row_number().over(partition_by=EV.c.fact_id, order_by=EV.c.id)
    ranked = (
        select(EV.c.id.label("eid"), rn.label("rn"))
        .where(EV.c.fact_type == fact_type, EV.c.fact_id.in_(ids))
        .subquery()
    )
    rows = session.execute(
        select(EV.c.fact_id, EV.c.start, EV.c.end, EV.c.text, EV.c.sentence, EV.c.sentence_start, DOC.c.doc_id)
        .join(ranked, ranked.c.eid == EV.c.id)
        .join(DOC, DOC.c.id == EV.c.document_id)
        .where(ranked.c.rn <= limit).order_by(EV.c.fact_id, ranked.c.rn)
    )
    for r in rows:
        out[r.fact_id].append({"doc_id": r.doc_id, "start": r.start, "end": r.end, "text": r.text,
                               "sentence": r.sentence, "sentence_start": r.sentence_start})
    return out, counts


def _proceeding_details(session: Session, ids: list[int], evidence_limit: int) -> dict[int, dict]:
    out: dict[int, dict] = {i: {"claimants": [], "respondents": [], "patents": [], "amounts": [], "conflicts": [],
                                "evidence": [], "evidence_total": 0} for i in ids}
    if not ids:
        return out
    for r in session.execute(
        select(PP.c.proceeding_id, PP.c.role, P.c.id, P.c.name, P.c.group_id).join(P, P.c.id == PP.c.party_id)
        .where(PP.c.proceeding_id.in_(ids)).order_by(P.c.id)
    ):
        out[r.proceeding_id]["claimants" if r.role == "claimant" else "respondents"].append(
            {"id": r.id, "name": r.name, "group_id": r.group_id})
    for r in session.execute(
        select(PPAT.c.proceeding_id, PAT.c.pid).join(PAT, PAT.c.id == PPAT.c.patent_id)
        .where(PPAT.c.proceeding_id.in_(ids)).order_by(PAT.c.pid)
    ):
        out[r.proceeding_id]["patents"].append(r.pid)
    amount_rows = session.execute(
        select(AM.c.id, AM.c.proceeding_id, AM.c.value, AM.c.currency, AM.c.role, AM.c.counted, AM.c.conflict,
               AM.c.document_id).where(AM.c.proceeding_id.in_(ids)).order_by(AM.c.id)
    ).all()
    amount_ev, _ = _evidence(session, "amount", [a.id for a in amount_rows], evidence_limit)
    doc_ids = _doc_ids(session, [a.document_id for a in amount_rows])
    for a in amount_rows:
        out[a.proceeding_id]["amounts"].append({
            "id": a.id, "value": _num(a.value), "currency": a.currency, "role": a.role, "counted": bool(a.counted),
            "conflict": bool(a.conflict), "doc_id": doc_ids.get(a.document_id), "evidence": amount_ev.get(a.id, []),
        })
    fv = session.execute(
        select(FV.c.proceeding_id, FV.c.attribute, FV.c.value, FV.c.document_id, DOC.c.doc_id)
        .join(DOC, DOC.c.id == FV.c.document_id)
        .where(FV.c.proceeding_id.in_(ids), FV.c.conflict.is_(True)).order_by(FV.c.id)
    ).all()
    grouped: dict[tuple[int, str], list] = defaultdict(list)
    for r in fv:
        grouped[(r.proceeding_id, r.attribute)].append({"value": r.value, "doc_id": r.doc_id})
    for (pid, attr), values in grouped.items():
        out[pid]["conflicts"].append({"attribute": attr, "values": values})
    ev, counts = _evidence(session, "proceeding", ids, evidence_limit)
    for i in ids:
        out[i]["evidence"] = ev.get(i, [])
        out[i]["evidence_total"] = counts.get(i, 0)
    return out


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 2)


def _sources(session: Session, proc_ids: list[int]) -> list[dict]:
    if not proc_ids:
        return []
    rows = session.execute(
        select(DOC.c.id, DOC.c.doc_id, DOC.c.title, DOC.c.url, DOC.c.published, DOC.c.lang)
        .where(DOC.c.id.in_(select(EV.c.document_id).where(EV.c.fact_type == "proceeding", EV.c.fact_id.in_(proc_ids))))
        .order_by(DOC.c.published.is_(None), DOC.c.published, DOC.c.id)
    ).all()
    return [{"doc_id": r.doc_id, "title": r.title, "url": r.url, "published": r.published, "lang": r.lang} for r in rows]


# --------------------------------------------------------------------------- parties


def list_parties(session: Session, q: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    """Parties (optionally those with a name or alias containing ``q``), with their proceeding count."""
    limit, offset = _page(limit, offset)
    conds = []
    if q and q.strip():
        key = fold(q)
        conds.append(P.c.id.in_(select(A.c.party_id).where(A.c.key.like(f"%{_escape_like(key)}%", escape="\\"))))
    total = session.execute(select(func.count()).select_from(P).where(*conds)).scalar_one()
    n = select(func.count(func.distinct(PP.c.proceeding_id))).where(PP.c.party_id == P.c.id).scalar_subquery()
    rows = session.execute(
        select(P.c.id, P.c.name, P.c.kind, P.c.parent_id, n.label("n")).where(*conds)
        .order_by(n.desc(), P.c.name).limit(limit).offset(offset)
    ).all()
    return {"total": int(total), "items": [
        {"id": r.id, "name": r.name, "kind": r.kind, "parent_id": r.parent_id, "proceedings": int(r.n)} for r in rows]}


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def get_party(session: Session, name_or_id: str | int) -> dict:
    """A party by id or any of its names: aliases, parent, affiliates, disputes on each side."""
    ids = find_parties(session, name_or_id)
    if not ids:
        raise NotFoundError(f"no party named {name_or_id!r}", hint="list parties with 'patlit disputes' or search")
    pid = ids[0]
    r = session.execute(select(P).where(P.c.id == pid)).one()
    aliases = [a for a in session.execute(select(A.c.alias).where(A.c.party_id == pid).order_by(A.c.id)).scalars()
               if a != r.name]
    parent = _party_brief(session, [r.parent_id]).get(r.parent_id) if r.parent_id else None
    affiliates = [{"id": x.id, "name": x.name} for x in
                  session.execute(select(P.c.id, P.c.name).where(P.c.parent_id == pid).order_by(P.c.id))]
    group = r.group_id
    as_claimant, as_respondent = [], []
    drows = session.execute(select(D).where(_in_set_field(D.c.party_ids, str(pid)) | D.c.id.in_(
        select(PR.c.dispute_id).join(PP, PP.c.proceeding_id == PR.c.id).join(P, P.c.id == PP.c.party_id)
        .where(P.c.group_id == group))).order_by(D.c.latest_date.desc(), D.c.id)).all()
    for d in drows:
        item = _dispute_item(d)
        side_a_ids = {g["id"] for g in item["sides"][0]}
        (as_claimant if group in side_a_ids else as_respondent).append(item)
    others = [{"id": i, **_party_brief(session, [i]).get(i, {})} for i in ids[1:]]
    return {
        "id": pid,
        "name": r.name,
        "kind": r.kind,
        "aliases": aliases,
        "parent": parent,
        "group_id": group,
        "affiliates": affiliates,
        "disputes_as_claimant": as_claimant,
        "disputes_as_respondent": as_respondent,
        "also_named": others,
    }


# --------------------------------------------------------------------------- patents


def list_patents(session: Session, office: str | None = None, limit: int = 50, offset: int = 0) -> dict:
    limit, offset = _page(limit, offset)
    conds = [PAT.c.office == office.upper()] if office else []
    total = session.execute(select(func.count()).select_from(PAT).where(*conds)).scalar_one()
    n = select(func.count()).where(PPAT.c.patent_id == PAT.c.id).scalar_subquery()
    rows = session.execute(
        select(PAT.c.pid, PAT.c.office, PAT.c.kind, PAT.c.filing_year, PAT.c.check_ok, n.label("n")).where(*conds)
        .order_by(PAT.c.pid).limit(limit).offset(offset)
    ).all()
    return {"total": int(total), "items": [
        {"id": r.pid, "office": r.office, "type": r.kind, "filing_year": r.filing_year, "check_ok": r.check_ok,
         "proceedings": int(r.n)} for r in rows]}


def get_patent(session: Session, pid: str) -> dict:
    """A patent's decoded metadata and every proceeding it appears in."""
    key = "".join(str(pid).split()).upper().replace(",", "")
    r = session.execute(select(PAT).where(PAT.c.pid == key)).first()
    if r is None:
        raise NotFoundError(f"no patent {pid!r} in the database", hint="write it canonically, e.g. US8218566")
    try:
        from patlit.extract.patents import describe

        meta = describe(r.pid)
    except Exception:  # the stored metadata stands in when the decoder is unavailable
        meta = _j(r.meta, {})
    procs = session.execute(
        select(PR).join(PPAT, PPAT.c.proceeding_id == PR.c.id).where(PPAT.c.patent_id == r.id)
        .order_by(PR.c.date.is_(None), PR.c.date, PR.c.id)
    ).all()
    details = _proceeding_details(session, [p.id for p in procs], 3)
    titles = dict(session.execute(select(D.c.id, D.c.title).where(D.c.id.in_({p.dispute_id for p in procs}))).all())
    return {
        "id": r.pid,
        "office": r.office,
        "type": r.kind,
        "filing_year": r.filing_year,
        "check_ok": r.check_ok,
        "metadata": meta,
        "proceedings": [
            {"id": p.id, "kind": p.kind, "forum": p.forum, "jurisdiction": p.jurisdiction, "date": p.date,
             "outcome": p.outcome, "dispute_id": p.dispute_id, "dispute": titles.get(p.dispute_id),
             "claimants": details[p.id]["claimants"], "respondents": details[p.id]["respondents"]}
            for p in procs
        ],
    }


# --------------------------------------------------------------------------- documents


def list_documents(session: Session, limit: int = 50, offset: int = 0) -> dict:
    limit, offset = _page(limit, offset)
    total = session.execute(select(func.count()).select_from(DOC)).scalar_one()
    rows = session.execute(
        select(DOC.c.doc_id, DOC.c.title, DOC.c.url, DOC.c.published, DOC.c.lang, DOC.c.source, DOC.c.ingested_at)
        .order_by(DOC.c.id.desc()).limit(limit).offset(offset)
    ).all()
    return {"total": int(total), "items": [dict(r._mapping) for r in rows]}


def get_document(session: Session, doc_id: str) -> dict:
    """A document's text and metadata, and every stored fact's span in it (for highlighting)."""
    r = session.execute(select(DOC).where(DOC.c.doc_id == str(doc_id))).first()
    if r is None:
        raise NotFoundError(f"no document {doc_id!r}")
    ev = session.execute(
        select(EV.c.fact_type, EV.c.fact_id, EV.c.start, EV.c.end, EV.c.text)
        .where(EV.c.document_id == r.id).order_by(EV.c.start, EV.c.end)
    ).all()
    labels = _fact_labels(session, ev)
    facts, seen = [], set()
    for e in ev:
        k = (e.fact_type, e.fact_id, e.start, e.end)
        if k in seen:
            continue
        seen.add(k)
        facts.append({"type": e.fact_type, "id": e.fact_id, "start": e.start, "end": e.end, "text": e.text,
                      "label": labels.get((e.fact_type, e.fact_id), e.text), **_fact_link(e.fact_type, e.fact_id, labels)})
    return {
        "doc_id": r.doc_id, "title": r.title, "url": r.url, "published": r.published, "lang": r.lang,
        "source": r.source, "ingested_at": r.ingested_at, "text": r.text, "facts": facts,
        "record": _j(r.record, None),
    }


def _fact_labels(session: Session, ev) -> dict[tuple[str, int], str]:
    ids: dict[str, set[int]] = defaultdict(set)
    for e in ev:
        ids[e.fact_type].add(e.fact_id)
    labels: dict[tuple[str, int], str] = {}
    if ids["party"]:
        for i, n in session.execute(select(P.c.id, P.c.name).where(P.c.id.in_(ids["party"]))):
            labels[("party", i)] = f"party: {n}"
    if ids["patent"]:
        for i, n in session.execute(select(PAT.c.id, PAT.c.pid).where(PAT.c.id.in_(ids["patent"]))):
            labels[("patent", i)] = f"patent: {n}"
            labels[("patent_pid", i)] = n
    if ids["amount"]:
        for i, v, c, role in session.execute(select(AM.c.id, AM.c.value, AM.c.currency, AM.c.role).where(AM.c.id.in_(ids["amount"]))):
            labels[("amount", i)] = f"{role}: {c} {_num(v):,}"
    if ids["proceeding"]:
        for i, k, f, d, disp in session.execute(select(PR.c.id, PR.c.kind, PR.c.forum, PR.c.date, PR.c.dispute_id)
                                                 .where(PR.c.id.in_(ids["proceeding"]))):
            labels[("proceeding", i)] = f"{KIND_LABELS.get(k, k)}" + (f" ({f})" if f else "") + (f", {d}" if d else "")
            labels[("proceeding_dispute", i)] = disp
    return labels


def _fact_link(fact_type: str, fact_id: int, labels: dict) -> dict:
    if fact_type == "patent":
        return {"patent": labels.get(("patent_pid", fact_id))}
    if fact_type == "proceeding":
        return {"dispute_id": labels.get(("proceeding_dispute", fact_id))}
    return {}


# --------------------------------------------------------------------------- search


def search(session: Session, query: str, limit: int = 20, offset: int = 0) -> dict:
    """Documents matching every word of ``query`` (best first), each with a snippet and highlight offsets."""
    limit, offset = _page(limit, offset)
    hits = backend_for(session.get_bind().dialect.name).search(session, query, limit, offset)
    if not hits.ids:
        return {"total": hits.total, "items": []}
    rows = {r.id: r for r in session.execute(
        select(DOC.c.id, DOC.c.doc_id, DOC.c.title, DOC.c.url, DOC.c.published, DOC.c.lang, DOC.c.text)
        .where(DOC.c.id.in_(hits.ids)))}
    items = []
    for i in hits.ids:
        r = rows.get(i)
        if r is None:
            continue
        items.append({"doc_id": r.doc_id, "title": r.title, "url": r.url, "published": r.published, "lang": r.lang,
                      "snippet": snippet(r.text, query)})
    return {"total": hits.total, "items": items}


def stats(session: Session) -> dict:
    """Row counts of the main tables."""
    count = lambda t: int(session.execute(select(func.count()).select_from(t)).scalar_one())  # noqa: E731
    return {"documents": count(DOC), "parties": count(P), "patents": count(PAT), "proceedings": count(PR),
            "disputes": count(D), "evidence": count(EV), "ambiguous_names": count(AMB)}
