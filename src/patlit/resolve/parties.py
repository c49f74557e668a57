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

from patlit.resolve.names import curated_groups, fold, script
from patlit.store.sql import Sql, in_list


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
    name = p.get("name")
    aliases = p.get("aliases")
    out = [name] if isinstance(name, str) else []
    out += [a for a in aliases if isinstance(a, str)] if isinstance(aliases, list) else []
    return [n for n in out if fold(n)]


def ambiguous_keys(db: Sql, keys: Iterable[str]) -> set[str]:
    keys = set(keys)
    if not keys:
        return set()
    ph, params = in_list("k", keys)
    return set(db.column(f"SELECT key FROM ambiguous_keys WHERE key IN {ph}", params))


def _aliases_of(db: Sql, party_ids: Iterable[int]) -> dict[int, list[tuple[str, bool, str]]]:
    ids = set(party_ids)
    out: dict[int, list[tuple[str, bool, str]]] = {i: [] for i in ids}
    if ids:
        ph, params = in_list("p", ids)
        for pid, key, is_name, scr in db.all(
            f"SELECT party_id, key, is_name, script FROM party_aliases WHERE party_id IN {ph}", params
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


def _co_occur(db: Sql, a: int, b: int) -> bool:
    return db.one(
        "SELECT d1.document_id FROM document_parties d1 JOIN document_parties d2 ON d1.document_id = d2.document_id "
        "WHERE d1.party_id = :a AND d2.party_id = :b LIMIT 1", {"a": a, "b": b}) is not None


def create_party(db: Sql, name: str, kind: str = "org") -> int:
    pid = db.insert("INSERT INTO parties (name, key, kind, group_id) VALUES (:n, :k, :kind, 0) RETURNING id",
                    {"n": name, "k": fold(name), "kind": kind})
    db.run("UPDATE parties SET group_id = :id WHERE id = :id", {"id": pid})
    return pid


def add_aliases(db: Sql, party_id: int, names: list[tuple[str, bool]], doc_pk: int | None,
                known: dict[str, bool]) -> None:
    """Add each (name, is_name) whose key the party does not have yet; ``known`` (key -> is_name) is updated."""
    rows = []
    for n, is_name in names:
        k = fold(n)
        if not k:
            continue
        if k not in known:
            known[k] = is_name
            rows.append({"party_id": party_id, "alias": n, "key": k, "is_name": is_name,
                         "script": script(n), "document_id": doc_pk})
        elif is_name and not known[k]:
            known[k] = True
            db.run("UPDATE party_aliases SET is_name = :t WHERE party_id = :p AND key = :k",
                   {"t": True, "p": party_id, "k": k})
    db.many("INSERT INTO party_aliases (party_id, alias, key, is_name, script, document_id) "
            "VALUES (:party_id, :alias, :key, :is_name, :script, :document_id)", rows)


PARTY_KINDS = ("org", "person")
EVIDENCE_INSERT = ("INSERT INTO evidence (document_id, fact_type, fact_id, start, \"end\", text, sentence, sentence_start) "
                   "VALUES (:document_id, :fact_type, :fact_id, :start, :end, :text, :sentence, :sentence_start)")


def resolve_parties(db: Sql, doc_pk: int, parties: list[dict]) -> Resolved:
    """Match or create every party of one document's facts record; store aliases, links and evidence."""
    res = Resolved()
    recs = _dedupe([p for p in parties if isinstance(p, dict) and _names(p)])
    keysets = [{fold(n) for n in _names(p)} for p in recs]

    # rule 2: keys shared by two parties of this document are ambiguous from now on
    seen: dict[str, int] = {}
    doc_ambiguous: set[str] = set()
    for i, ks in enumerate(keysets):
        for k in ks:
            if k in seen and seen[k] != i:
                doc_ambiguous.add(k)
            seen[k] = i
    all_keys = set().union(*keysets) if keysets else set()
    stored_amb = ambiguous_keys(db, all_keys)
    db.many("INSERT INTO ambiguous_keys (key) VALUES (:key)", [{"key": k} for k in sorted(doc_ambiguous - stored_amb)])
    blocked = stored_amb | doc_ambiguous

    hits: dict[str, set[int]] = {}
    usable_all = all_keys - blocked
    if usable_all:
        ph, params = in_list("k", usable_all)
        for pid, key in db.all(f"SELECT party_id, key FROM party_aliases WHERE key IN {ph}", params):
            hits.setdefault(key, set()).add(pid)

    chosen: list[int] = []
    curated = curated_groups()
    for rec, keys in zip(recs, keysets):
        name = _names(rec)[0]
        usable = keys - blocked
        cands = set().union(*(hits.get(k, set()) for k in usable)) if usable else set()
        cands -= set(chosen)
        stored = _aliases_of(db, cands)
        cands = {c for c in cands if not _conflicts(name, keys, stored[c])}
        name_key = fold(name)
        if not cands:
            target = create_party(db, name, rec.get("kind") if rec.get("kind") in PARTY_KINDS else "org")
            res.created += 1
            known: dict[str, bool] = {}
        else:
            by_name = sorted(c for c in cands if any(k == name_key for k, _, _ in stored[c]))
            target = by_name[0] if by_name else min(cands)
            for other in sorted(cands - {target}):
                if _co_occur(db, target, other):
                    continue
                merge_parties(db, target, other, res)
                stored[target] = stored[target] + stored.pop(other, [])
            known = {}
            for k, is_name, _ in stored[target]:
                known[k] = known.get(k, False) or is_name
            _prefer_fuller_name(db, target, name, keys - {name_key})
        names = [(name, True)] + [(a, False) for a in _names(rec) if a != name]
        add_aliases(db, target, names, doc_pk, known)
        extra = [(n, False) for k in keys if k in curated for n in curated[k]]
        if extra:
            add_aliases(db, target, extra, None, known)
        chosen.append(target)
        for k in keys:
            if k not in doc_ambiguous:
                res.by_key[k] = target
        for k in keys & doc_ambiguous:  # an ambiguous key still names its own party inside this document
            res.by_key.setdefault(k, target)

    db.many("INSERT INTO document_parties (document_id, party_id) VALUES (:d, :p)",
            [{"d": doc_pk, "p": pid} for pid in sorted(set(chosen))])
    db.many(EVIDENCE_INSERT, [evidence_row(doc_pk, "party", pid, e)
                              for rec, pid in zip(recs, chosen) for e in rec.get("evidence") or []])

    # rule 5: affiliates join their parent's group
    for rec, pid in zip(recs, chosen):
        parent_name = rec.get("affiliate_of")
        if not isinstance(parent_name, str) or not fold(parent_name):
            continue
        parent = res.by_key.get(fold(parent_name))
        if parent is None:
            parent = find_or_create(db, parent_name, doc_pk, res)
        set_parent(db, pid, parent, res)
    return res


def _dedupe(recs: list[dict]) -> list[dict]:
    """One entry per party: a party listed twice by a document is one party, not a contradiction.

    Entries with the same full name are one; so is an entry whose full name another entry
    gives as its alias ("Inspur" beside "Inspur Group (Inspur)").
    """
    merged = _dedupe_names(recs)
    alias_of: dict[str, int] = {}
    for i, p in enumerate(merged):
        for a in p["aliases"]:
            alias_of.setdefault(fold(a), i)
    out: list[dict] = []
    into: dict[int, dict] = {}
    for i, p in enumerate(merged):
        j = alias_of.get(fold(p["name"]))
        if j is not None and j != i and fold(merged[j]["name"]) != fold(p["name"]):
            target = into.setdefault(j, merged[j])
            target["evidence"] = target["evidence"] + p["evidence"]
            target["aliases"] += [a for a in p["aliases"] if a not in target["aliases"] and a != target["name"]]
            target["affiliate_of"] = target.get("affiliate_of") or p.get("affiliate_of")
            continue
        out.append(into.setdefault(i, p))
    return out


def _dedupe_names(recs: list[dict]) -> list[dict]:
    """Entries with the same full name, folded, become one."""
    out: dict[str, dict] = {}
    for p in recs:
        key = fold(_names(p)[0])
        aliases = [n for n in _names(p)[1:] if n != p.get("name")]
        evidence = [e for e in p.get("evidence") or [] if isinstance(e, dict)] if isinstance(p.get("evidence"), list) else []
        if key not in out:
            out[key] = {**p, "name": _names(p)[0], "aliases": aliases, "evidence": evidence}
            continue
        kept = out[key]
        kept["aliases"] += [a for a in aliases if a not in kept["aliases"]]
        kept["evidence"] += evidence
        kept["affiliate_of"] = kept.get("affiliate_of") or p.get("affiliate_of")
    return list(out.values())


def _int(v) -> int | None:
    return v if isinstance(v, int) and not isinstance(v, bool) else None


def evidence_row(doc_pk: int, fact_type: str, fact_id: int, e: dict) -> dict:
    text, sentence = e.get("text"), e.get("sentence")
    return {
        "document_id": doc_pk,
        "fact_type": fact_type,
        "fact_id": fact_id,
        "start": _int(e.get("start")) or 0,
        "end": _int(e.get("end")) or 0,
        "text": text if isinstance(text, str) else "",
        "sentence": sentence if isinstance(sentence, str) else None,
        "sentence_start": _int(e.get("sentence_start")),
    }


def find_or_create(db: Sql, name: str, doc_pk: int, res: Resolved) -> int:
    """The party a bare name (a claimant not listed among the parties) refers to, created if new."""
    key = fold(name)
    if key in res.by_key:
        return res.by_key[key]
    pid = None
    if not ambiguous_keys(db, [key]):
        pid = db.scalar("SELECT min(party_id) FROM party_aliases WHERE key = :k", {"k": key})
    if pid is None:
        pid = create_party(db, name)
        res.created += 1
        add_aliases(db, pid, [(name, True)], doc_pk, {})
    if db.one("SELECT 1 FROM document_parties WHERE document_id = :d AND party_id = :p", {"d": doc_pk, "p": pid}) is None:
        db.run("INSERT INTO document_parties (document_id, party_id) VALUES (:d, :p)", {"d": doc_pk, "p": pid})
    res.by_key[key] = pid
    return pid


def group_of(db: Sql, party_id: int) -> int:
    return db.scalar("SELECT group_id FROM parties WHERE id = :id", {"id": party_id})


def set_parent(db: Sql, child: int, parent: int, res: Resolved) -> None:
    """Make ``child`` an affiliate of ``parent`` unless it has a parent already or a cycle would form."""
    if child == parent:
        return
    parent_id, group = db.one("SELECT parent_id, group_id FROM parties WHERE id = :id", {"id": child})
    if parent_id is not None:
        return
    parent_group = group_of(db, parent)
    if parent_group == group:  # parent already below child: no cycle
        return
    db.run("UPDATE parties SET parent_id = :p WHERE id = :c", {"p": parent, "c": child})
    db.run("UPDATE parties SET group_id = :new WHERE group_id = :old", {"new": parent_group, "old": group})
    res.regrouped.append((group, parent_group))


def merge_parties(db: Sql, keep: int, gone: int, res: Resolved) -> None:
    """Fold party ``gone`` into ``keep``: aliases, document and proceeding links, evidence, affiliates."""
    ids = {"keep": keep, "gone": gone}
    db.run("DELETE FROM party_aliases WHERE party_id = :gone AND key IN "
           "(SELECT key FROM party_aliases WHERE party_id = :keep)", ids)
    db.run("UPDATE party_aliases SET party_id = :keep WHERE party_id = :gone", ids)
    db.run("DELETE FROM document_parties WHERE party_id = :gone AND document_id IN "
           "(SELECT document_id FROM document_parties WHERE party_id = :keep)", ids)
    db.run("UPDATE document_parties SET party_id = :keep WHERE party_id = :gone", ids)
    for proc, role in db.all("SELECT proceeding_id, role FROM proceeding_parties WHERE party_id = :gone", ids):
        if db.one("SELECT 1 FROM proceeding_parties WHERE proceeding_id = :p AND role = :r AND party_id = :keep",
                  {**ids, "p": proc, "r": role}):
            db.run("DELETE FROM proceeding_parties WHERE proceeding_id = :p AND role = :r AND party_id = :gone",
                   {**ids, "p": proc, "r": role})
    db.run("UPDATE proceeding_parties SET party_id = :keep WHERE party_id = :gone", ids)
    db.run("UPDATE evidence SET fact_id = :keep WHERE fact_type = 'party' AND fact_id = :gone", ids)

    k_parent, k_group = db.one("SELECT parent_id, group_id FROM parties WHERE id = :keep", ids)
    g_parent, g_group = db.one("SELECT parent_id, group_id FROM parties WHERE id = :gone", ids)
    db.run("UPDATE parties SET parent_id = :keep WHERE parent_id = :gone", ids)
    if k_parent is None and g_parent is not None and g_group != k_group:
        db.run("UPDATE parties SET parent_id = :p WHERE id = :keep", {**ids, "p": g_parent})
    db.run("DELETE FROM parties WHERE id = :gone", ids)
    new_root = root_of(db, keep)
    for old in sorted({k_group, g_group} - {new_root}):
        db.run("UPDATE parties SET group_id = :new WHERE group_id = :old", {"new": new_root, "old": old})
        res.regrouped.append((old, new_root))
    res.merged.append((keep, gone))


def _prefer_fuller_name(db: Sql, party_id: int, name: str, alias_keys: set[str]) -> None:
    """A document giving the stored name as an alias of a fuller one ("Inspur Group (Inspur)") renames the party."""
    if not alias_keys:  # no alias the stored name could be
        return
    current = db.scalar("SELECT key FROM parties WHERE id = :id", {"id": party_id})
    if current in alias_keys and fold(name) != current:
        db.run("UPDATE parties SET name = :n, key = :k WHERE id = :id", {"n": name, "k": fold(name), "id": party_id})


def root_of(db: Sql, party_id: int) -> int:
    """The top of the parent chain (a cycle, which set_parent prevents, stops the walk)."""
    seen = {party_id}
    cur = party_id
    while True:
        parent = db.scalar("SELECT parent_id FROM parties WHERE id = :id", {"id": cur})
        if parent is None or parent in seen:
            return cur
        seen.add(parent)
        cur = parent
