"""The same action reported by several documents becomes one proceeding.

A document's proceeding matches a stored one when it has the same kind, a claimant
group and a respondent group in common (a group = a party and its affiliates), and
nothing contradicts:

- forum: both given and not the same court (:func:`patlit.resolve.forums.compatible`)
  -> different proceedings;
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

from patlit.resolve.forums import compatible as forums_compatible
from patlit.resolve.parties import EVIDENCE_INSERT, evidence_row
from patlit.store.sql import Sql, in_list

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
    if not forums_compatible(inc.forum, s.forum):
        return None
    if inc.patents and s.patents and not (set(inc.patents) & s.patents):
        return None
    score = 0
    if not _dates_agree(inc.date, s.date):
        apart = _days_apart(inc.date, s.date)
        same_forum = inc.forum and s.forum and forums_compatible(inc.forum, s.forum)
        if not (same_forum and set(inc.patents) & s.patents and apart is not None and apart <= DATE_SLACK_DAYS):
            return None
        score -= 1
    elif inc.date and s.date:
        score += 3
    if inc.forum and s.forum and forums_compatible(inc.forum, s.forum):
        score += 2
    score += 2 * len(set(inc.patents) & s.patents)
    for v, cur, role in ((a["value"], a["currency"], a["role"]) for a in inc.amounts):
        for sv, scur, srole in s.amounts:
            if (cur, role) == (scur, srole):
                score += 2 if _same_amount(v, sv) else -1
    return score


def _same_amount(a: float, b: float) -> bool:
    return abs(a - b) <= AMOUNT_TOLERANCE * max(abs(a), abs(b), 1.0)


def find_match(db: Sql, inc: Incoming, exclude: set[int]) -> int | None:
    """The stored proceeding this one reports again, or None."""
    if not inc.claimant_groups or not inc.respondent_groups:
        return None
    ph1, p1 = in_list("c", inc.claimant_groups)
    ph2, p2 = in_list("r", inc.respondent_groups)
    # driven from the claimant groups' own proceedings (indexed), never from all proceedings of a kind
    rows = db.all(
        "SELECT pr.id, pr.forum, pr.date, pr.outcome, pr.case_number FROM "
        "(SELECT DISTINCT c.proceeding_id AS pid FROM parties pc JOIN proceeding_parties c ON c.party_id = pc.id "
        f"WHERE pc.group_id IN {ph1} AND c.role = 'claimant') cp "
        "JOIN proceedings pr ON pr.id = cp.pid "
        "WHERE pr.kind = :kind AND EXISTS (SELECT 1 FROM proceeding_parties r JOIN parties prr ON prr.id = r.party_id "
        f"WHERE r.proceeding_id = pr.id AND r.role = 'respondent' AND prr.group_id IN {ph2}) ORDER BY pr.id",
        {**p1, **p2, "kind": inc.kind})
    rows = [row for row in rows if row[0] not in exclude]
    if not rows:
        return None
    ph, params = in_list("p", [row[0] for row in rows])
    patents: dict[int, set[int]] = {row[0]: set() for row in rows}
    for pid, pat in db.all(f"SELECT proceeding_id, patent_id FROM proceeding_patents WHERE proceeding_id IN {ph}", params):
        patents[pid].add(pat)
    amounts: dict[int, list] = {row[0]: [] for row in rows}
    for pid, v, cur, role in db.all(
        f"SELECT proceeding_id, value, currency, role FROM amounts WHERE proceeding_id IN {ph}", params
    ):
        amounts[pid].append((v, cur, role))
    best, best_score = None, None
    for pid, forum, date, outcome, case_number in rows:
        sc = _score(inc, Stored(pid, forum, date, outcome, case_number, patents[pid], amounts[pid]))
        if sc is not None and (best_score is None or sc > best_score):
            best, best_score = pid, sc
    return best


def store(db: Sql, doc_pk: int, published: str | None, inc: Incoming, exclude: set[int]) -> tuple[int, bool]:
    """Match or create the proceeding, then add this document's parties, patents, amounts, values, events, evidence."""
    match = find_match(db, inc, exclude)
    created = match is None
    if created:
        pid = db.insert(
            "INSERT INTO proceedings (kind, forum, jurisdiction, date, outcome, case_number) "
            "VALUES (:kind, :forum, :j, :date, :outcome, :case) RETURNING id",
            {"kind": inc.kind, "forum": inc.forum, "j": jurisdiction(inc.forum, inc.patent_ids), "date": inc.date,
             "outcome": inc.outcome, "case": inc.case_number})
        current = {"forum": None, "date": None, "outcome": None, "case_number": None}
    else:
        pid = match
        row = db.one("SELECT forum, date, outcome, case_number FROM proceedings WHERE id = :id", {"id": pid})
        current = dict(zip(ATTRIBUTES, row))
    forum_set = _record_values(db, pid, doc_pk, inc, current, created)
    _add_parties(db, pid, inc)
    patents_added = _add_patents(db, pid, inc.patents)
    _add_amounts(db, pid, doc_pk, inc.amounts)
    _add_events(db, pid, doc_pk, published, inc.kind, current["date"], current["outcome"])
    db.many(EVIDENCE_INSERT, [evidence_row(doc_pk, "proceeding", pid, e) for e in inc.evidence])
    if not created and (forum_set or patents_added):
        forum = current["forum"]
        pats = db.column("SELECT pt.pid FROM patents pt JOIN proceeding_patents pp ON pp.patent_id = pt.id "
                         "WHERE pp.proceeding_id = :id", {"id": pid})
        db.run("UPDATE proceedings SET jurisdiction = :j WHERE id = :id", {"j": jurisdiction(forum, pats), "id": pid})
    return pid, created


FV_INSERT = ("INSERT INTO fact_values (proceeding_id, attribute, value, document_id, conflict) "
             "VALUES (:proceeding_id, :attribute, :value, :document_id, :conflict)")


def _record_values(db: Sql, pid: int, doc_pk: int, inc: Incoming, current: dict, created: bool) -> bool:
    """Record this document's attribute values; fill the empty ones. True when the forum was filled.

    ``current`` (the stored row's attributes) is brought up to date with what was filled."""
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
            db.run("UPDATE fact_values SET conflict = :t WHERE proceeding_id = :p AND attribute = :a",
                   {"t": True, "p": pid, "a": attr})
    db.many(FV_INSERT, rows)
    current.update(changes)
    if changes and not created:
        sets = ", ".join(f"{attr} = :{attr}" for attr in changes)  # attribute names from ATTRIBUTES only
        db.run(f"UPDATE proceedings SET {sets} WHERE id = :id", {**changes, "id": pid})
        if "date" in changes:
            db.run("UPDATE events SET date = :d WHERE proceeding_id = :p AND kind = :k",
                   {"d": changes["date"], "p": pid, "k": FILING_EVENT.get(inc.kind, "filed")})
    return "forum" in changes


def _add_parties(db: Sql, pid: int, inc: Incoming) -> None:
    have = set(db.all("SELECT party_id, role FROM proceeding_parties WHERE proceeding_id = :p", {"p": pid}))
    rows = []
    for role, ids in (("claimant", inc.claimants), ("respondent", inc.respondents)):
        for party in dict.fromkeys(ids):
            if (party, role) not in have:
                have.add((party, role))
                rows.append({"p": pid, "party": party, "role": role})
    db.many("INSERT INTO proceeding_parties (proceeding_id, party_id, role) VALUES (:p, :party, :role)", rows)


def _add_patents(db: Sql, pid: int, patent_ids: list[int]) -> bool:
    """Link the patents the proceeding does not have yet; True when any was added."""
    if not patent_ids:
        return False
    have = set(db.column("SELECT patent_id FROM proceeding_patents WHERE proceeding_id = :p", {"p": pid}))
    rows = [{"p": pid, "pat": p} for p in dict.fromkeys(patent_ids) if p not in have]
    db.many("INSERT INTO proceeding_patents (proceeding_id, patent_id) VALUES (:p, :pat)", rows)
    return bool(rows)


def _add_amounts(db: Sql, pid: int, doc_pk: int, amounts: list[dict]) -> None:
    if not amounts:
        return
    stored = db.all("SELECT id, value, currency, role, document_id, counted FROM amounts WHERE proceeding_id = :p",
                    {"p": pid})
    for a in amounts:
        same = [s for s in stored if (s[2], s[3]) == (a["currency"], a["role"])]
        hit = next((s for s in same if _same_amount(s[1], a["value"])), None)
        if hit is not None:
            a["amount_id"] = hit[0]
            continue
        other_docs = [s for s in same if s[4] != doc_pk and s[5]]
        conflict = bool(other_docs)
        aid = db.insert(
            "INSERT INTO amounts (proceeding_id, value, currency, role, document_id, counted, conflict) "
            "VALUES (:p, :v, :c, :r, :d, :counted, :conflict) RETURNING id",
            {"p": pid, "v": a["value"], "c": a["currency"], "r": a["role"], "d": doc_pk, "counted": not conflict,
             "conflict": conflict})
        stored.append((aid, a["value"], a["currency"], a["role"], doc_pk, not conflict))
        a["amount_id"] = aid
        attribute = f"amount:{a['role']}:{a['currency']}"
        if conflict:
            ph, params = in_list("a", [s[0] for s in other_docs])
            db.run(f"UPDATE amounts SET conflict = :t WHERE id IN {ph}", {**params, "t": True})
            db.run("UPDATE fact_values SET conflict = :t WHERE proceeding_id = :p AND attribute = :a",
                   {"t": True, "p": pid, "a": attribute})
        db.run(FV_INSERT, {"proceeding_id": pid, "attribute": attribute, "value": json.dumps(_num(a["value"])),
                           "document_id": doc_pk, "conflict": conflict})


def _add_events(db: Sql, pid: int, doc_pk: int, published: str | None, kind: str, date: str | None,
                outcome: str | None) -> None:
    """The filing event (dated as the proceeding), and the outcome's event (dated as the document)."""
    wanted = [(FILING_EVENT.get(kind, "filed"), date)]
    if outcome in OUTCOME_EVENT:
        wanted.append((OUTCOME_EVENT[outcome], published))
    have = db.all("SELECT kind, date FROM events WHERE proceeding_id = :p", {"p": pid})
    have_kinds = {k for k, _ in have}
    for ev_kind, when in wanted:
        if ev_kind in have_kinds:
            if when and (ev_kind, None) in have:
                db.run("UPDATE events SET date = :d, document_id = :doc WHERE proceeding_id = :p AND kind = :k "
                       "AND date IS NULL", {"d": when, "doc": doc_pk, "p": pid, "k": ev_kind})
            continue
        db.run("INSERT INTO events (proceeding_id, kind, date, document_id) VALUES (:p, :k, :d, :doc)",
               {"p": pid, "k": ev_kind, "d": when, "doc": doc_pk})


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 2)
