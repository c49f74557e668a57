"""Proceedings that turn out to be one once their parties are known to be one.

"Hewlett Packard Enterprise sued Inspur" and "HPE sued Inspur Group" stay two
proceedings while HPE and Hewlett Packard Enterprise are two parties; when a later
document declares them one party (or makes a respondent an affiliate of another),
the two reports must become one proceeding, whatever order the documents came in.

After a party merge or regrouping, :func:`remerge` looks at the proceedings of the
affected groups and merges each pair that the matching rules of
:mod:`patlit.resolve.proceedings` would have merged had the parties been resolved
from the start, unless one document reports both (then they are distinct).
"""
from __future__ import annotations

from collections import defaultdict

from patlit.resolve.proceedings import (
    ATTRIBUTES,
    FILING_EVENT,
    Incoming,
    Stored,
    _dates_agree,
    _norm_case,
    _same_amount,
    _score,
    jurisdiction,
)
from patlit.store.sql import Sql, in_list


def _load(db: Sql, ids: list[int]) -> dict[int, dict]:
    ph, params = in_list("p", ids)
    out: dict[int, dict] = {}
    for pid, kind, forum, date, outcome, case, dispute in db.all(
        f"SELECT id, kind, forum, date, outcome, case_number, dispute_id FROM proceedings WHERE id IN {ph}", params
    ):
        out[pid] = {"kind": kind, "forum": forum, "date": date, "outcome": outcome, "case_number": case,
                    "dispute": dispute, "claimant": {}, "respondent": {}, "patents": set(), "amounts": [],
                    "docs": set()}
    for pid, role, party, group in db.all(
        "SELECT pp.proceeding_id, pp.role, p.id, p.group_id FROM proceeding_parties pp "
        f"JOIN parties p ON p.id = pp.party_id WHERE pp.proceeding_id IN {ph}", params
    ):
        out[pid][role][party] = group
    for pid, pat in db.all(f"SELECT proceeding_id, patent_id FROM proceeding_patents WHERE proceeding_id IN {ph}", params):
        out[pid]["patents"].add(pat)
    for pid, v, cur, role in db.all(
        f"SELECT proceeding_id, value, currency, role FROM amounts WHERE proceeding_id IN {ph}", params
    ):
        out[pid]["amounts"].append((v, cur, role))
    for pid, doc in db.all(
        f"SELECT DISTINCT fact_id, document_id FROM evidence WHERE fact_type = 'proceeding' AND fact_id IN {ph}", params
    ):
        out[pid]["docs"].add(doc)
    return out


def _as_incoming(p: dict) -> Incoming:
    return Incoming(
        kind=p["kind"], claimants=list(p["claimant"]), respondents=list(p["respondent"]),
        claimant_groups=set(p["claimant"].values()), respondent_groups=set(p["respondent"].values()),
        forum=p["forum"], date=p["date"], outcome=p["outcome"], case_number=p["case_number"],
        patents=sorted(p["patents"]), patent_ids=[],
        amounts=[{"value": v, "currency": c, "role": r} for v, c, r in p["amounts"]],
    )


def _as_stored(pid: int, p: dict) -> Stored:
    return Stored(pid, p["forum"], p["date"], p["outcome"], p["case_number"], p["patents"], p["amounts"])


def _same(a: dict, b: dict) -> bool:
    if a["kind"] != b["kind"] or a["docs"] & b["docs"]:
        return False  # one document reporting both says they are two
    if not (set(a["claimant"].values()) & set(b["claimant"].values())):
        return False
    if not (set(a["respondent"].values()) & set(b["respondent"].values())):
        return False
    return _score(_as_incoming(b), _as_stored(0, a)) is not None


def remerge(db: Sql, groups: set[int]) -> set[int]:
    """Merge the proceedings of ``groups`` that are now the same; returns the disputes touched."""
    if not groups:
        return set()
    ph, params = in_list("g", groups)
    ids = sorted(set(db.column(
        "SELECT DISTINCT pp.proceeding_id FROM proceeding_parties pp JOIN parties p ON p.id = pp.party_id "
        f"WHERE p.group_id IN {ph}", params)))
    if len(ids) < 2:
        return set()
    procs = _load(db, ids)
    # two proceedings can match only if they share a kind, a claimant group and a respondent group:
    # compare within those buckets, never all pairs of a large group
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for pid in ids:
        p = procs[pid]
        for cg in set(p["claimant"].values()):
            for rg in set(p["respondent"].values()):
                buckets[(p["kind"], cg, rg)].append(pid)
    touched: set[int] = set()
    gone_ids: set[int] = set()
    seen: set[tuple[int, int]] = set()
    for bucket in buckets.values():
        for i, keep in enumerate(bucket):
            if keep in gone_ids:
                continue
            for gone in bucket[i + 1:]:
                if gone in gone_ids or (keep, gone) in seen:
                    continue
                seen.add((keep, gone))
                if _same(procs[keep], procs[gone]):
                    merge_proceedings(db, keep, gone, procs)
                    gone_ids.add(gone)
                    touched |= {procs[keep]["dispute"], procs[gone]["dispute"]} - {None}
    return touched


def merge_proceedings(db: Sql, keep: int, gone: int, procs: dict[int, dict]) -> None:
    """Fold proceeding ``gone`` into ``keep``: parties, patents, amounts, values, events, evidence."""
    k, g = procs[keep], procs[gone]
    ids = {"keep": keep, "gone": gone}
    for role in ("claimant", "respondent"):
        for party in g[role]:
            if party not in k[role]:
                db.run("INSERT INTO proceeding_parties (proceeding_id, party_id, role) VALUES (:keep, :p, :r)",
                       {**ids, "p": party, "r": role})
                k[role][party] = g[role][party]
    db.run("DELETE FROM proceeding_parties WHERE proceeding_id = :gone", ids)
    for pat in g["patents"] - k["patents"]:
        db.run("INSERT INTO proceeding_patents (proceeding_id, patent_id) VALUES (:keep, :p)", {**ids, "p": pat})
    k["patents"] |= g["patents"]
    db.run("DELETE FROM proceeding_patents WHERE proceeding_id = :gone", ids)
    _merge_amounts(db, keep, gone)
    db.run("UPDATE fact_values SET proceeding_id = :keep WHERE proceeding_id = :gone", ids)
    _merge_attributes(db, keep, k, g)
    _merge_events(db, keep, gone)
    if k["date"]:
        db.run("UPDATE events SET date = :d WHERE proceeding_id = :keep AND kind = :kind",
               {**ids, "d": k["date"], "kind": FILING_EVENT.get(k["kind"], "filed")})
    db.run("UPDATE evidence SET fact_id = :keep WHERE fact_type = 'proceeding' AND fact_id = :gone", ids)
    k["docs"] |= g["docs"]
    if g["dispute"] is not None and g["dispute"] != k["dispute"]:
        db.run("UPDATE proceedings SET dispute_id = :d WHERE id = :gone", {**ids, "d": k["dispute"]})
    db.run("DELETE FROM proceedings WHERE id = :gone", ids)
    pats = db.column("SELECT pt.pid FROM patents pt JOIN proceeding_patents pp ON pp.patent_id = pt.id "
                     "WHERE pp.proceeding_id = :keep", ids)
    db.run("UPDATE proceedings SET jurisdiction = :j WHERE id = :keep", {**ids, "j": jurisdiction(k["forum"], pats)})


def _merge_amounts(db: Sql, keep: int, gone: int) -> None:
    kept = db.all("SELECT id, value, currency, role, document_id, counted FROM amounts WHERE proceeding_id = :p",
                  {"p": keep})
    for aid, value, cur, role, doc, _counted in db.all(
        "SELECT id, value, currency, role, document_id, counted FROM amounts WHERE proceeding_id = :p", {"p": gone}
    ):
        same = [a for a in kept if (a[2], a[3]) == (cur, role)]
        hit = next((a for a in same if _same_amount(a[1], value)), None)
        if hit is not None:  # the same sum: its evidence now points at the kept row
            db.run("UPDATE evidence SET fact_id = :k WHERE fact_type = 'amount' AND fact_id = :g", {"k": hit[0], "g": aid})
            db.run("DELETE FROM amounts WHERE id = :g", {"g": aid})
            continue
        conflict = any(a[4] != doc and a[5] for a in same)
        db.run("UPDATE amounts SET proceeding_id = :k, counted = :c, conflict = :x WHERE id = :g",
               {"k": keep, "g": aid, "c": not conflict, "x": conflict})
        if conflict:
            ph, params = in_list("a", [a[0] for a in same])
            db.run(f"UPDATE amounts SET conflict = :t WHERE id IN {ph}", {**params, "t": True})
            db.run("UPDATE fact_values SET conflict = :t WHERE proceeding_id = :p AND attribute = :a",
                   {"t": True, "p": keep, "a": f"amount:{role}:{cur}"})
        kept.append((aid, value, cur, role, doc, not conflict))


def _merge_attributes(db: Sql, keep: int, k: dict, g: dict) -> None:
    changes = {}
    for attr in ATTRIBUTES:
        have, other = k[attr], g[attr]
        if other is None:
            continue
        if have is None:
            changes[attr] = other
        elif attr == "date" and _dates_agree(have, other):
            if len(other) > len(have):
                changes[attr] = other
        elif attr == "case_number" and _norm_case(have) == _norm_case(other):
            continue
        elif have != other:
            db.run("UPDATE fact_values SET conflict = :t WHERE proceeding_id = :p AND attribute = :a",
                   {"t": True, "p": keep, "a": attr})
    if changes:
        sets = ", ".join(f"{attr} = :{attr}" for attr in changes)  # names from ATTRIBUTES only
        db.run(f"UPDATE proceedings SET {sets} WHERE id = :id", {**changes, "id": keep})
        k.update(changes)


def _merge_events(db: Sql, keep: int, gone: int) -> None:
    kept = {kind: date for kind, date in db.all("SELECT kind, date FROM events WHERE proceeding_id = :p", {"p": keep})}
    for eid, kind, date in db.all("SELECT id, kind, date FROM events WHERE proceeding_id = :p", {"p": gone}):
        if kind not in kept:
            db.run("UPDATE events SET proceeding_id = :k WHERE id = :e", {"k": keep, "e": eid})
            kept[kind] = date
            continue
        if kept[kind] is None and date is not None:
            db.run("UPDATE events SET date = :d WHERE proceeding_id = :k AND kind = :kind",
                   {"d": date, "k": keep, "kind": kind})
            kept[kind] = date
        db.run("DELETE FROM events WHERE id = :e", {"e": eid})
