"""Queries the web app needs that the query layer lacks (SQLAlchemy expressions, bound parameters only).

- :func:`disputes_in_year`: the disputes list filtered by year (a proceeding or an
  event of the dispute dated that year), with the other filters of
  :func:`patlit.store.queries.list_disputes`. The query layer has ``since`` only.
"""
from __future__ import annotations

from sqlalchemy import func, or_, select, union
from sqlalchemy.orm import Session

from patlit.store import queries as q


def _year_disputes(year: int):
    """Ids of the disputes with a proceeding or an event dated in ``year`` (a bound LIKE prefix)."""
    prefix = f"{int(year):04d}%"
    by_proc = select(q.PR.c.dispute_id).where(q.PR.c.date.like(prefix), q.PR.c.dispute_id.is_not(None))
    by_event = (select(q.PR.c.dispute_id).join(q.EVT, q.EVT.c.proceeding_id == q.PR.c.id)
                .where(q.EVT.c.date.like(prefix), q.PR.c.dispute_id.is_not(None)))
    return union(by_proc, by_event)


def disputes_in_year(session: Session, flt, limit: int, offset: int) -> dict:
    """Like ``list_disputes(party, jurisdiction, kind, since, outcome, sort)`` plus ``flt.year``."""
    limit, offset = q._page(limit, offset)
    D = q.D
    conds = [D.c.id.in_(select(_year_disputes(flt.year).subquery().c[0]))]
    if flt.party and str(flt.party).strip():
        ids = q.find_parties(session, flt.party)
        if not ids:
            return {"total": 0, "items": []}
        members = q._group_members(session, ids)
        conds.append(or_(*[q._in_set_field(D.c.party_ids, str(i)) for i in sorted(members)]))
    if flt.jurisdiction:
        conds.append(q._in_set_field(D.c.jurisdictions, flt.jurisdiction.upper()))
    if flt.kind:
        conds.append(q._in_set_field(D.c.kinds, flt.kind))
    if flt.outcome:
        conds.append(q._in_set_field(D.c.outcomes, flt.outcome))
    if flt.since:
        conds.append(D.c.latest_date >= str(flt.since))
    total = session.execute(select(func.count()).select_from(D).where(*conds)).scalar_one()
    order = {  # as list_disputes orders them
        "latest": [D.c.latest_date.is_(None), D.c.latest_date.desc(), D.c.id],
        "first": [D.c.first_date.is_(None), D.c.first_date, D.c.id],
        "amount": [D.c.amount_sort.desc(), D.c.id],
        "proceedings": [D.c.n_proceedings.desc(), D.c.id],
    }.get(flt.sort) or [D.c.latest_date.is_(None), D.c.latest_date.desc(), D.c.id]
    rows = session.execute(select(D).where(*conds).order_by(*order).limit(limit).offset(offset)).all()
    return {"total": int(total), "items": [q._dispute_item(r) for r in rows]}
