"""One party however it is written: match a document's parties to the stored ones.

The rules (never string similarity):

1. Every name and alias a document gives for one party is folded
   (:func:`patlit.resolve.names.fold`: case, width, punctuation, legal suffixes). A
   stored party whose names/aliases share a folded key with the document's party is
   a candidate. "HP" and "HPE", "Apple" and "Applied Materials" have different keys,
   so they never meet.
2. A key two parties of the *same document* share ("Samsung" for both Samsung
   Electronics and Samsung Display) is contradicted by that document: it becomes
   ambiguous and is never used to match again.
3. A candidate is refused when both sides carry a full name (a document's ``name``,
   not an alias) in the same script that the other side does not know: "Samsung
   Display Co." does not join "Samsung Electronics Co." through a shared short alias
   "Samsung". With nothing contradicting, a shared alias merges (the document says so).
4. When a document's names match two stored parties, the document declares them one
   party and they are merged, unless some stored document names both as distinct
   parties (then the one matching the document's full name is kept).
5. ``affiliate_of`` makes the party an affiliate of its parent (first parent wins);
   affiliates belong to the parent's group, which is what disputes are built on.
6. The curated group file only adds aliases to a party that already matched one of
   its names.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from sqlalchemy import and_, delete, insert, select, update
from sqlalchemy.orm import Session

from patlit.resolve.names import curated_groups, fold, script
from patlit.store.models import (
    AmbiguousKeyRow,
    DocumentPartyRow,
    EvidenceRow,
    PartyAliasRow,
    PartyRow,
    ProceedingPartyRow,
)

P = PartyRow.__table__
A = PartyAliasRow.__table__
AMB = AmbiguousKeyRow.__table__
DP = DocumentPartyRow.__table__
PP = ProceedingPartyRow.__table__
EV = EvidenceRow.__table__


@dataclass
class Resolved:
    """The outcome of resolving one document's parties."""

    by_key: dict[str, int] = field(default_factory=dict)  # folded name/alias -> party id
    created: int = 0
    merged: list[tuple[int, int]] = field(default_factory=list)  # (kept, absorbed)
    regrouped: list[tuple[int, int]] = field(default_factory=list)  # (old group, new group)

    def party(self, name: str) -> int | None:
        return self.by_key.get(fold(name))


def _names(p: dict) -> list[str]:
    out = [p.get("name") or ""]
    out += [a for a in p.get("aliases") or [] if isinstance(a, str)]
    return [n for n in out if fold(n)]


def ambiguous_keys(session: Session, keys: Iterable[str]) -> set[str]:
    keys = list(set(keys))
    if not keys:
        return set()
    return set(session.execute(select(AMB.c.key).where(AMB.c.key.in_(keys))).scalars())


def _aliases_of(session: Session, party_ids: Iterable[int]) -> dict[int, list[tuple[str, bool, str]]]:
    ids = list(set(party_ids))
    out: dict[int, list[tuple[str, bool, str]]] = {i: [] for i in ids}
    if ids:
        for pid, key, is_name, scr in session.execute(
            select(A.c.party_id, A.c.key, A.c.is_name, A.c.script).where(A.c.party_id.in_(ids))
        ):
            out[pid].append((key, bool(is_name), scr))
    return out


def _conflicts(rec_name: str, rec_keys: set[str], stored: list[tuple[str, bool, str]]) -> bool:
    """Rule 3: both carry a same-script full name the other does not know."""
    rk, rs = fold(rec_name), script(rec_name)
    stored_keys = {k for k, _, _ in stored}
    if rk in stored_keys:
        return False
    return any(is_name and scr == rs and k not in rec_keys for k, is_name, scr in stored)


def _co_occur(session: Session, a: int, b: int) -> bool:
    d1, d2 = DP.alias("d1"), DP.alias("d2")
    q = (
        select(d1.c.document_id)
        .join(d2, d1.c.document_id == d2.c.document_id)
        .where(d1.c.party_id == a, d2.c.party_id == b)
        .limit(1)
    )
    return session.execute(q).first() is not None


def create_party(session: Session, name: str, kind: str = "org") -> int:
    pid = session.execute(insert(P).values(name=name, key=fold(name), kind=kind, group_id=0)).inserted_primary_key[0]
    session.execute(update(P).where(P.c.id == pid).values(group_id=pid))
    return pid


def add_aliases(session: Session, party_id: int, names: list[tuple[str, bool]], doc_pk: int | None,
                known: set[str]) -> None:
    """Add each (name, is_name) whose key the party does not have yet; ``known`` is updated."""
    rows = []
    for n, is_name in names:
        k = fold(n)
        if k and k not in known:
            known.add(k)
            rows.append({"party_id": party_id, "alias": n, "key": k, "is_name": is_name,
                         "script": script(n), "document_id": doc_pk})
        elif k and is_name:
            session.execute(update(A).where(A.c.party_id == party_id, A.c.key == k, A.c.is_name.is_(False))
                            .values(is_name=True))
    if rows:
        session.execute(insert(A), rows)


def resolve_parties(session: Session, doc_pk: int, parties: list[dict]) -> Resolved:
    """Match or create every party of one document's facts record; store aliases, links and evidence."""
    res = Resolved()
    recs = [p for p in parties if isinstance(p, dict) and _names(p)]
    keysets = [{fold(n) for n in _names(p)} for p in recs]

    # rule 2: keys shared by two parties of this document are ambiguous from now on
    seen: dict[str, int] = {}
    doc_ambiguous: set[str] = set()
    for i, ks in enumerate(keysets):
        for k in ks:
            if k in seen and seen[k] != i:
                doc_ambiguous.add(k)
            seen[k] = i
    new_amb = doc_ambiguous - ambiguous_keys(session, doc_ambiguous)
    if new_amb:
        session.execute(insert(AMB), [{"key": k} for k in sorted(new_amb)])
    all_keys = set().union(*keysets) if keysets else set()
    blocked = ambiguous_keys(session, all_keys) | doc_ambiguous

    hits: dict[str, set[int]] = {}
    usable_all = list(all_keys - blocked)
    if usable_all:
        for pid, key in session.execute(select(A.c.party_id, A.c.key).where(A.c.key.in_(usable_all))):
            hits.setdefault(key, set()).add(pid)

    chosen: list[int] = []
    for rec, keys in zip(recs, keysets):
        name = rec.get("name") or _names(rec)[0]
        usable = keys - blocked
        cands = set().union(*(hits.get(k, set()) for k in usable)) if usable else set()
        cands -= set(chosen)
        stored = _aliases_of(session, cands)
        cands = {c for c in cands if not _conflicts(name, keys, stored[c])}
        name_key = fold(name)
        if not cands:
            target = create_party(session, name, rec.get("kind") or "org")
            res.created += 1
            known: set[str] = set()
        else:
            by_name = sorted(c for c in cands if any(k == name_key for k, _, _ in stored[c]))
            target = by_name[0] if by_name else min(cands)
            for other in sorted(cands - {target}):
                if _co_occur(session, target, other):
                    continue
                merge_parties(session, target, other, res)
                stored[target] = stored[target] + stored.pop(other, [])
            known = {k for k, _, _ in stored[target]}
            _prefer_fuller_name(session, target, name, keys - {name_key})
        names = [(name, True)] + [(a, False) for a in _names(rec) if a != name]
        add_aliases(session, target, names, doc_pk, known)
        curated = curated_groups()
        extra = [(n, False) for k in keys if k in curated for n in curated[k]]
        if extra:
            add_aliases(session, target, extra, None, known)
        chosen.append(target)
        for k in keys:
            if k not in doc_ambiguous:
                res.by_key[k] = target
        for k in keys & doc_ambiguous:  # an ambiguous key still names its own party inside this document
            res.by_key.setdefault(k, target)

    for pid in set(chosen):
        session.execute(insert(DP).values(document_id=doc_pk, party_id=pid))
    ev_rows = []
    for rec, pid in zip(recs, chosen):
        for e in rec.get("evidence") or []:
            ev_rows.append(evidence_row(doc_pk, "party", pid, e))
    if ev_rows:
        session.execute(insert(EV), ev_rows)

    # rule 5: affiliates join their parent's group
    for rec, pid in zip(recs, chosen):
        parent_name = rec.get("affiliate_of")
        if not parent_name or not fold(parent_name):
            continue
        parent = res.by_key.get(fold(parent_name))
        if parent is None:
            parent = find_or_create(session, parent_name, doc_pk, res)
        set_parent(session, pid, parent, res)
    return res


def evidence_row(doc_pk: int, fact_type: str, fact_id: int, e: dict) -> dict:
    return {
        "document_id": doc_pk,
        "fact_type": fact_type,
        "fact_id": fact_id,
        "start": int(e.get("start") or 0),
        "end": int(e.get("end") or 0),
        "text": e.get("text") or "",
        "sentence": e.get("sentence"),
        "sentence_start": e.get("sentence_start"),
    }


def find_or_create(session: Session, name: str, doc_pk: int, res: Resolved) -> int:
    """The party a bare name (a claimant not listed among the parties) refers to, created if new."""
    key = fold(name)
    if key in res.by_key:
        return res.by_key[key]
    pid = None
    if key not in ambiguous_keys(session, [key]):
        ids = sorted(set(session.execute(select(A.c.party_id).where(A.c.key == key)).scalars()))
        pid = ids[0] if ids else None
    if pid is None:
        pid = create_party(session, name)
        res.created += 1
        add_aliases(session, pid, [(name, True)], doc_pk, set())
    if not session.execute(select(DP.c.party_id).where(DP.c.document_id == doc_pk, DP.c.party_id == pid)).first():
        session.execute(insert(DP).values(document_id=doc_pk, party_id=pid))
    res.by_key[key] = pid
    return pid


def group_of(session: Session, party_id: int) -> int:
    return session.execute(select(P.c.group_id).where(P.c.id == party_id)).scalar_one()


def set_parent(session: Session, child: int, parent: int, res: Resolved) -> None:
    """Make ``child`` an affiliate of ``parent`` unless it has a parent already or a cycle would form."""
    if child == parent:
        return
    row = session.execute(select(P.c.parent_id, P.c.group_id).where(P.c.id == child)).one()
    if row.parent_id is not None:
        return
    parent_group = group_of(session, parent)
    if parent_group == row.group_id:  # parent already below child: no cycle
        return
    session.execute(update(P).where(P.c.id == child).values(parent_id=parent))
    session.execute(update(P).where(P.c.group_id == row.group_id).values(group_id=parent_group))
    res.regrouped.append((row.group_id, parent_group))


def merge_parties(session: Session, keep: int, gone: int, res: Resolved) -> None:
    """Fold party ``gone`` into ``keep``: aliases, document and proceeding links, evidence, affiliates."""
    keep_keys = set(session.execute(select(A.c.key).where(A.c.party_id == keep)).scalars())
    session.execute(delete(A).where(A.c.party_id == gone, A.c.key.in_(keep_keys)))
    session.execute(update(A).where(A.c.party_id == gone).values(party_id=keep))

    keep_docs = set(session.execute(select(DP.c.document_id).where(DP.c.party_id == keep)).scalars())
    session.execute(delete(DP).where(DP.c.party_id == gone, DP.c.document_id.in_(keep_docs)))
    session.execute(update(DP).where(DP.c.party_id == gone).values(party_id=keep))

    keep_roles = set(session.execute(select(PP.c.proceeding_id, PP.c.role).where(PP.c.party_id == keep)).all())
    for proc, role in session.execute(select(PP.c.proceeding_id, PP.c.role).where(PP.c.party_id == gone)).all():
        if (proc, role) in keep_roles:
            session.execute(delete(PP).where(and_(PP.c.proceeding_id == proc, PP.c.role == role, PP.c.party_id == gone)))
    session.execute(update(PP).where(PP.c.party_id == gone).values(party_id=keep))
    session.execute(update(EV).where(EV.c.fact_type == "party", EV.c.fact_id == gone).values(fact_id=keep))

    k = session.execute(select(P.c.parent_id, P.c.group_id).where(P.c.id == keep)).one()
    g = session.execute(select(P.c.parent_id, P.c.group_id).where(P.c.id == gone)).one()
    session.execute(update(P).where(P.c.parent_id == gone).values(parent_id=keep))
    if k.parent_id is None and g.parent_id is not None and g.group_id != k.group_id:
        session.execute(update(P).where(P.c.id == keep).values(parent_id=g.parent_id))
    session.execute(delete(P).where(P.c.id == gone))
    new_root = root_of(session, keep)
    for old in sorted({k.group_id, g.group_id} - {new_root}):
        session.execute(update(P).where(P.c.group_id == old).values(group_id=new_root))
        res.regrouped.append((old, new_root))
    res.merged.append((keep, gone))


def root_of(session: Session, party_id: int) -> int:
    """The top of the parent chain (a cycle, which set_parent prevents, stops the walk)."""
    seen = {party_id}
    cur = party_id
    while True:
        parent = session.execute(select(P.c.parent_id).where(P.c.id == cur)).scalar_one_or_none()
        if parent is None or parent in seen:
            return cur
        seen.add(parent)
        cur = parent


def _prefer_fuller_name(session: Session, party_id: int, name: str, alias_keys: set[str]) -> None:
    """A document giving the stored name as an alias of a fuller one ("Inspur Group (Inspur)") renames the party."""
    current = session.execute(select(P.c.key).where(P.c.id == party_id)).scalar_one()
    if current in alias_keys and fold(name) != current:
        session.execute(update(P).where(P.c.id == party_id).values(name=name, key=fold(name)))
