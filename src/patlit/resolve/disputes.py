"""Disputes: connected components of proceedings over the party groups they oppose.

A proceeding opposes every claimant group to every respondent group (a group is a
party with its affiliates). Each unordered pair of opposed groups belongs to one
dispute (table ``dispute_pairs``), so a suit, the counter-suit, invalidation
requests both ways and appeals between the same two groups land in one dispute
whatever the forum or direction. A proceeding whose pairs belong to two disputes
merges them. A proceeding naming only one side joins the dispute of a proceeding
about one of its patents that involves its party, else gets a dispute of its own.

The dispute row also keeps a summary (sides, title, jurisdictions, dates, totals)
refreshed after each document, so listing disputes is one indexed query.
"""
from __future__ import annotations

import json
from collections import defaultdict

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from patlit.store.models import (
    AmountRow,
    DisputePairRow,
    DisputeRow,
    EventRow,
    EvidenceRow,
    PartyRow,
    ProceedingPartyRow,
    ProceedingPatentRow,
    ProceedingRow,
)

D = DisputeRow.__table__
DPAIR = DisputePairRow.__table__
PR = ProceedingRow.__table__
PP = ProceedingPartyRow.__table__
PPAT = ProceedingPatentRow.__table__
P = PartyRow.__table__
AM = AmountRow.__table__
EVT = EventRow.__table__
EV = EvidenceRow.__table__

ASKED_ROLES = ("damages", "costs")
TITLE_NAMES = 2  # names per side in a dispute title before "et al."


def pairs_of(claimant_groups: set[int], respondent_groups: set[int]) -> set[tuple[int, int]]:
    return {(min(a, b), max(a, b)) for a in claimant_groups for b in respondent_groups if a != b}


def _merge_disputes(session: Session, keep: int, others: set[int]) -> None:
    if not others:
        return
    ids = list(others)
    session.execute(update(PR).where(PR.c.dispute_id.in_(ids)).values(dispute_id=keep))
    session.execute(update(DPAIR).where(DPAIR.c.dispute_id.in_(ids)).values(dispute_id=keep))
    session.execute(delete(D).where(D.c.id.in_(ids)))


def assign(session: Session, proceeding_id: int, claimant_groups: set[int], respondent_groups: set[int],
           patent_ids: list[int]) -> tuple[int, set[int]]:
    """Put the proceeding in its dispute; returns (dispute id, disputes merged away)."""
    current = session.execute(select(PR.c.dispute_id).where(PR.c.id == proceeding_id)).scalar_one()
    pairs = pairs_of(claimant_groups, respondent_groups)
    found: dict[tuple[int, int], int] = {}
    for a, b, d in _pair_rows(session, pairs):
        found[(a, b)] = d
    disputes = set(found.values()) | ({current} if current else set())
    if not disputes and not pairs:
        d = _dispute_by_patents(session, proceeding_id, claimant_groups | respondent_groups, patent_ids)
        if d:
            disputes = {d}
    if disputes:
        keep = min(disputes)
    else:
        keep = session.execute(insert(D).values(title="")).inserted_primary_key[0]
    _merge_disputes(session, keep, disputes - {keep})
    missing = [{"dispute_id": keep, "group_a": a, "group_b": b} for a, b in sorted(pairs - set(found))]
    if missing:
        session.execute(insert(DPAIR), missing)
    if current != keep:
        session.execute(update(PR).where(PR.c.id == proceeding_id).values(dispute_id=keep))
    return keep, disputes - {keep}


def _pair_rows(session: Session, pairs: set[tuple[int, int]]):
    if not pairs:
        return []
    groups = {g for p in pairs for g in p}
    rows = session.execute(
        select(DPAIR.c.group_a, DPAIR.c.group_b, DPAIR.c.dispute_id).where(
            DPAIR.c.group_a.in_(groups), DPAIR.c.group_b.in_(groups)
        )
    ).all()
    return [r for r in rows if (r.group_a, r.group_b) in pairs]


def _dispute_by_patents(session: Session, proceeding_id: int, groups: set[int], patent_ids: list[int]) -> int | None:
    if not patent_ids or not groups:
        return None
    q = (
        select(PR.c.dispute_id)
        .join(PPAT, PPAT.c.proceeding_id == PR.c.id)
        .join(PP, PP.c.proceeding_id == PR.c.id)
        .join(P, P.c.id == PP.c.party_id)
        .where(PPAT.c.patent_id.in_(patent_ids), P.c.group_id.in_(groups), PR.c.id != proceeding_id,
               PR.c.dispute_id.is_not(None))
        .order_by(PR.c.dispute_id)
        .limit(1)
    )
    return session.execute(q).scalar_one_or_none()


def regroup(session: Session, old_group: int, new_group: int) -> set[int]:
    """Re-key the pairs of a group that joined another (party merge or new parent); merges disputes that now coincide."""
    touched: set[int] = set()
    rows = session.execute(
        select(DPAIR.c.id, DPAIR.c.group_a, DPAIR.c.group_b, DPAIR.c.dispute_id).where(
            (DPAIR.c.group_a == old_group) | (DPAIR.c.group_b == old_group)
        )
    ).all()
    for row in rows:
        a = new_group if row.group_a == old_group else row.group_a
        b = new_group if row.group_b == old_group else row.group_b
        touched.add(row.dispute_id)
        session.execute(delete(DPAIR).where(DPAIR.c.id == row.id))
        if a == b:
            continue
        a, b = min(a, b), max(a, b)
        existing = session.execute(
            select(DPAIR.c.dispute_id).where(DPAIR.c.group_a == a, DPAIR.c.group_b == b)
        ).scalar_one_or_none()
        if existing is None:
            session.execute(insert(DPAIR).values(dispute_id=row.dispute_id, group_a=a, group_b=b))
        elif existing != row.dispute_id:
            keep, gone = min(existing, row.dispute_id), max(existing, row.dispute_id)
            _merge_disputes(session, keep, {gone})
            touched.discard(gone)
            touched.add(keep)
    return {d for d in touched if session.execute(select(D.c.id).where(D.c.id == d)).first()}


def summarize(session: Session, dispute_id: int) -> None:
    """Refresh the dispute's summary row from its proceedings."""
    procs = session.execute(
        select(PR.c.id, PR.c.kind, PR.c.date, PR.c.jurisdiction, PR.c.outcome)
        .where(PR.c.dispute_id == dispute_id)
    ).all()
    if not procs:
        session.execute(delete(DPAIR).where(DPAIR.c.dispute_id == dispute_id))
        session.execute(delete(D).where(D.c.id == dispute_id))
        return
    ids = [p.id for p in procs]
    roles = session.execute(
        select(PP.c.proceeding_id, PP.c.role, P.c.id, P.c.group_id).join(P, P.c.id == PP.c.party_id)
        .where(PP.c.proceeding_id.in_(ids))
    ).all()
    sides = sides_of(procs, roles)
    group_ids = sorted(set(sides["a"]) | set(sides["b"]))
    names = dict(session.execute(select(P.c.id, P.c.name).where(P.c.id.in_(group_ids))).all()) if group_ids else {}
    side_a = [{"id": g, "name": names.get(g, "?")} for g in sides["a"]]
    side_b = [{"id": g, "name": names.get(g, "?")} for g in sides["b"]]

    event_dates = [d for d in session.execute(select(EVT.c.date).where(EVT.c.proceeding_id.in_(ids))).scalars() if d]
    dates = sorted(event_dates + [p.date for p in procs if p.date])
    n_docs = session.execute(
        select(func.count(func.distinct(EV.c.document_id))).where(EV.c.fact_type == "proceeding", EV.c.fact_id.in_(ids))
    ).scalar_one()
    totals = totals_of(session.execute(
        select(AM.c.value, AM.c.currency, AM.c.role).where(AM.c.proceeding_id.in_(ids), AM.c.counted.is_(True))
    ).all())
    session.execute(
        update(D).where(D.c.id == dispute_id).values(
            title=title_of(side_a, side_b),
            side_a=json.dumps(side_a, ensure_ascii=False),
            side_b=json.dumps(side_b, ensure_ascii=False),
            jurisdictions=_set_field(p.jurisdiction for p in procs),
            kinds=_set_field(p.kind for p in procs),
            outcomes=_set_field(p.outcome for p in procs),
            party_ids=_set_field(str(r.id) for r in roles) if roles else "",
            first_date=dates[0] if dates else None,
            latest_date=dates[-1] if dates else None,
            n_proceedings=len(procs),
            n_documents=int(n_docs),
            totals=json.dumps(totals, sort_keys=True),
            amount_sort=max((t["asked"] for t in totals.values()), default=0.0),
        )
    )


def _set_field(values) -> str:
    vals = sorted({v for v in values if v})
    return ("," + ",".join(vals) + ",") if vals else ""


def title_of(side_a: list[dict], side_b: list[dict]) -> str:
    def side(s: list[dict]) -> str:
        names = [p["name"] for p in s[:TITLE_NAMES]]
        more = " et al." if len(s) > TITLE_NAMES else ""
        return (", ".join(names) + more) if names else "(unknown)"

    return f"{side(side_a)} v. {side(side_b)}"


def totals_of(amounts) -> dict[str, dict[str, float]]:
    """Per currency: asked (damages + costs), awarded, and each role's sum."""
    out: dict[str, dict[str, float]] = {}
    for value, currency, role in amounts:
        t = out.setdefault(currency, {"asked": 0.0, "awarded": 0.0})
        t[role] = t.get(role, 0.0) + value
        if role in ASKED_ROLES:
            t["asked"] += value
        elif role == "awarded":
            t["awarded"] += value
    return {c: {k: _num(v) for k, v in t.items()} for c, t in out.items()}


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 2)


def sides_of(procs, roles) -> dict[str, list[int]]:
    """Two-colour the party groups: the earliest proceeding's claimants are side ``a``."""
    by_proc: dict[int, dict[str, set[int]]] = defaultdict(lambda: {"claimant": set(), "respondent": set()})
    for proc_id, role, _pid, group in roles:
        by_proc[proc_id][role].add(group)
    order = sorted(procs, key=lambda p: (p.date is None, p.date or "", p.id))
    colour: dict[int, str] = {}
    changed = True
    while changed:
        changed = False
        for p in order:
            c, r = by_proc[p.id]["claimant"], by_proc[p.id]["respondent"]
            known = [colour[g] for g in c if g in colour] + [_other(colour[g]) for g in r if g in colour]
            if not known:
                if colour or not (c or r):
                    continue
                known = ["a"]
            side = known[0]
            for g in c:
                if g not in colour:
                    colour[g] = side
                    changed = True
            for g in r:
                if g not in colour:
                    colour[g] = _other(side)
                    changed = True
        if not changed and len(colour) < len({g for v in by_proc.values() for s in v.values() for g in s}):
            # a component not linked to the first one (one-sided proceedings): colour its claimants ``a``
            for p in order:
                if any(g not in colour for g in by_proc[p.id]["claimant"] | by_proc[p.id]["respondent"]):
                    for g in by_proc[p.id]["claimant"]:
                        colour.setdefault(g, "a")
                    for g in by_proc[p.id]["respondent"]:
                        colour.setdefault(g, "b")
                    changed = True
                    break
    return {
        "a": sorted(g for g, s in colour.items() if s == "a"),
        "b": sorted(g for g, s in colour.items() if s == "b"),
    }


def _other(side: str) -> str:
    return "b" if side == "a" else "a"
