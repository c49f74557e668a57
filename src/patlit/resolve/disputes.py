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

from patlit.store.sql import Sql, in_list

ASKED_ROLES = ("damages", "costs")
TITLE_NAMES = 2  # names per side in a dispute title before "et al."


def pairs_of(claimant_groups: set[int], respondent_groups: set[int]) -> set[tuple[int, int]]:
    return {(min(a, b), max(a, b)) for a in claimant_groups for b in respondent_groups if a != b}


def _merge_disputes(db: Sql, keep: int, others: set[int]) -> None:
    if not others:
        return
    ph, params = in_list("d", others)
    params["keep"] = keep
    db.run(f"UPDATE proceedings SET dispute_id = :keep WHERE dispute_id IN {ph}", params)
    db.run(f"UPDATE dispute_pairs SET dispute_id = :keep WHERE dispute_id IN {ph}", params)
    db.run(f"DELETE FROM disputes WHERE id IN {ph}", params)


def new_dispute(db: Sql) -> int:
    return db.insert(
        "INSERT INTO disputes (title, side_a, side_b, jurisdictions, kinds, outcomes, party_ids, n_proceedings, "
        "n_documents, totals, amount_sort) VALUES ('', '[]', '[]', '', '', '', '', 0, 0, '{}', 0) RETURNING id", {})


def assign(db: Sql, proceeding_id: int, claimant_groups: set[int], respondent_groups: set[int],
           patent_ids: list[int]) -> tuple[int, set[int]]:
    """Put the proceeding in its dispute; returns (dispute id, disputes merged away)."""
    current = db.scalar("SELECT dispute_id FROM proceedings WHERE id = :id", {"id": proceeding_id})
    pairs = pairs_of(claimant_groups, respondent_groups)
    found: dict[tuple[int, int], int] = {}
    for a, b, d in _pair_rows(db, pairs):
        found[(a, b)] = d
    disputes = set(found.values()) | ({current} if current else set())
    if not disputes and not pairs:
        d = _dispute_by_patents(db, proceeding_id, claimant_groups | respondent_groups, patent_ids)
        if d:
            disputes = {d}
    keep = min(disputes) if disputes else new_dispute(db)
    _merge_disputes(db, keep, disputes - {keep})
    db.many("INSERT INTO dispute_pairs (dispute_id, group_a, group_b) VALUES (:d, :a, :b)",
            [{"d": keep, "a": a, "b": b} for a, b in sorted(pairs - set(found))])
    if current != keep:
        db.run("UPDATE proceedings SET dispute_id = :d WHERE id = :id", {"d": keep, "id": proceeding_id})
    return keep, disputes - {keep}


def _pair_rows(db: Sql, pairs: set[tuple[int, int]]) -> list[tuple[int, int, int]]:
    if not pairs:
        return []
    ph, params = in_list("g", {g for p in pairs for g in p})
    rows = db.all(f"SELECT group_a, group_b, dispute_id FROM dispute_pairs WHERE group_a IN {ph}", params)
    return [r for r in rows if (r[0], r[1]) in pairs]


def _dispute_by_patents(db: Sql, proceeding_id: int, groups: set[int], patent_ids: list[int]) -> int | None:
    if not patent_ids or not groups:
        return None
    ph1, p1 = in_list("pt", patent_ids)
    ph2, p2 = in_list("g", groups)
    return db.scalar(
        "SELECT min(pr.dispute_id) FROM proceedings pr "
        "JOIN proceeding_patents pp ON pp.proceeding_id = pr.id "
        "JOIN proceeding_parties ppa ON ppa.proceeding_id = pr.id "
        "JOIN parties p ON p.id = ppa.party_id "
        f"WHERE pp.patent_id IN {ph1} AND p.group_id IN {ph2} AND pr.id <> :me AND pr.dispute_id IS NOT NULL",
        {**p1, **p2, "me": proceeding_id})


def regroup(db: Sql, old_group: int, new_group: int) -> set[int]:
    """Re-key the pairs of a group that joined another (party merge or new parent); merges disputes that now coincide."""
    touched: set[int] = set()
    rows = db.all("SELECT id, group_a, group_b, dispute_id FROM dispute_pairs WHERE group_a = :g OR group_b = :g",
                  {"g": old_group})
    for row_id, ga, gb, dispute in rows:
        a = new_group if ga == old_group else ga
        b = new_group if gb == old_group else gb
        touched.add(dispute)
        db.run("DELETE FROM dispute_pairs WHERE id = :id", {"id": row_id})
        if a == b:
            continue
        a, b = min(a, b), max(a, b)
        existing = db.scalar("SELECT dispute_id FROM dispute_pairs WHERE group_a = :a AND group_b = :b", {"a": a, "b": b})
        if existing is None:
            db.run("INSERT INTO dispute_pairs (dispute_id, group_a, group_b) VALUES (:d, :a, :b)",
                   {"d": dispute, "a": a, "b": b})
        elif existing != dispute:
            keep, gone = min(existing, dispute), max(existing, dispute)
            _merge_disputes(db, keep, {gone})
            touched.discard(gone)
            touched.add(keep)
    return {d for d in touched if db.one("SELECT 1 FROM disputes WHERE id = :id", {"id": d})}


def summarize(db: Sql, dispute_id: int) -> None:
    """Refresh the dispute's summary row from its proceedings."""
    procs = db.all("SELECT id, kind, date, jurisdiction, outcome FROM proceedings WHERE dispute_id = :d",
                   {"d": dispute_id})
    if not procs:
        db.run("DELETE FROM dispute_pairs WHERE dispute_id = :d", {"d": dispute_id})
        db.run("DELETE FROM disputes WHERE id = :d", {"d": dispute_id})
        return
    ph, params = in_list("p", [p[0] for p in procs])
    roles = db.all(
        "SELECT pp.proceeding_id, pp.role, p.id, p.group_id FROM proceeding_parties pp "
        f"JOIN parties p ON p.id = pp.party_id WHERE pp.proceeding_id IN {ph}", params)
    sides = sides_of(procs, roles)
    group_ids = set(sides["a"]) | set(sides["b"])
    names: dict[int, str] = {}
    if group_ids:
        gph, gparams = in_list("g", group_ids)
        names = dict(db.all(f"SELECT id, name FROM parties WHERE id IN {gph}", gparams))
    side_a = [{"id": g, "name": names.get(g, "?")} for g in sides["a"]]
    side_b = [{"id": g, "name": names.get(g, "?")} for g in sides["b"]]

    event_dates = [d for d in db.column(f"SELECT date FROM events WHERE proceeding_id IN {ph}", params) if d]
    dates = sorted(event_dates + [p[2] for p in procs if p[2]])
    n_docs = db.scalar(
        f"SELECT count(DISTINCT document_id) FROM evidence WHERE fact_type = 'proceeding' AND fact_id IN {ph}", params)
    totals = totals_of(db.all(
        f"SELECT value, currency, role, proceeding_id FROM amounts WHERE proceeding_id IN {ph} AND counted = :t",
        {**params, "t": True}))
    db.run(
        "UPDATE disputes SET title = :title, side_a = :side_a, side_b = :side_b, jurisdictions = :j, kinds = :k, "
        "outcomes = :o, party_ids = :parties, first_date = :first, latest_date = :latest, n_proceedings = :np, "
        "n_documents = :nd, totals = :totals, amount_sort = :sort WHERE id = :id",
        {
            "id": dispute_id,
            "title": title_of(side_a, side_b),
            "side_a": json.dumps(side_a, ensure_ascii=False),
            "side_b": json.dumps(side_b, ensure_ascii=False),
            "j": _set_field(p[3] for p in procs),
            "k": _set_field(p[1] for p in procs),
            "o": _set_field(p[4] for p in procs),
            "parties": _set_field(str(r[2]) for r in roles),
            "first": dates[0] if dates else None,
            "latest": dates[-1] if dates else None,
            "np": len(procs),
            "nd": int(n_docs or 0),
            "totals": json.dumps(totals, sort_keys=True),
            "sort": float(max((t["asked"] for t in totals.values()), default=0.0)),
        },
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
    """Per currency: asked (damages + costs), awarded, and each role's sum.

    ``amounts``: rows (value, currency, role, proceeding id). Within one proceeding the
    largest sum of a role stands for that role: a report that gives "$2.18 billion" and then
    its parts ("$1.5 billion for one patent, $675 million for the other"), or a claim later
    raised, must not be added up. Sums of different proceedings add up.
    """
    largest: dict[tuple, float] = {}
    for value, currency, role, proceeding in amounts:
        key = (proceeding, currency, role)
        largest[key] = max(largest.get(key, 0.0), value)
    out: dict[str, dict[str, float]] = {}
    for (_proceeding, currency, role), value in largest.items():
        t = out.setdefault(currency, {"asked": 0.0, "awarded": 0.0})
        t[role] = t.get(role, 0.0) + value  # "awarded" is its own role's sum
        if role in ASKED_ROLES:
            t["asked"] += value
    return {c: {k: _num(v) for k, v in t.items()} for c, t in out.items()}


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 2)


def sides_of(procs, roles) -> dict[str, list[int]]:
    """Two-colour the party groups: the earliest proceeding's claimants are side ``a``.

    ``procs``: rows (id, kind, date, ...); ``roles``: rows (proceeding id, role, party id, group id).
    """
    by_proc: dict[int, dict[str, set[int]]] = defaultdict(lambda: {"claimant": set(), "respondent": set()})
    for proc_id, role, _pid, group in roles:
        by_proc[proc_id][role].add(group)
    order = sorted(procs, key=lambda p: (p[2] is None, p[2] or "", p[0]))
    everyone = {g for v in by_proc.values() for s in v.values() for g in s}
    colour: dict[int, str] = {}
    while len(colour) < len(everyone):
        changed = False
        for p in order:
            c, r = by_proc[p[0]]["claimant"], by_proc[p[0]]["respondent"]
            known = [colour[g] for g in c if g in colour] + [_other(colour[g]) for g in r if g in colour]
            if not known:
                continue
            side = known[0]
            for g in c - colour.keys():
                colour[g] = side
                changed = True
            for g in r - colour.keys():
                colour[g] = _other(side)
                changed = True
        if not changed:
            # the first proceeding not yet coloured starts a component: its claimants are side a
            p = next(p for p in order if (by_proc[p[0]]["claimant"] | by_proc[p[0]]["respondent"]) - colour.keys())
            for g in by_proc[p[0]]["claimant"] - colour.keys():
                colour[g] = "a"
            for g in by_proc[p[0]]["respondent"] - colour.keys():
                colour[g] = "b"
    return {
        "a": sorted(g for g, s in colour.items() if s == "a"),
        "b": sorted(g for g, s in colour.items() if s == "b"),
    }


def _other(side: str) -> str:
    return "b" if side == "a" else "a"
