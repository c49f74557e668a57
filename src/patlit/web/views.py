"""What the pages and the API show, built on the query layer (:mod:`patlit.store.queries`).

The API answers the query layer's dicts as they are. The pages get the same dicts
with a little more for display: links, labels, the timeline lanes and the graph's
nodes and edges (computed here, drawn in the browser by ``timeline.js`` and
``graph.js``). No SQL here.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import quote

from patlit.store import queries
from patlit.web import labels
from patlit.web.render import FACT_TYPES, OTHER_TYPE, evidence_href, format_amount, group_by_sentence

#: timeline marker class of an event kind (see patlit.resolve.proceedings FILING_EVENT / OUTCOME_EVENT)
EVENT_CLASS = {
    "filed": "filing",
    "invalidation_requested": "filing",
    "appealed": "filing",
    "countersued": "filing",
    "decision": "decision",
    "closed": "decision",
    "withdrawn": "withdrawal",
    "settled": "withdrawal",
}
EVENT_WORDS = queries.EVENT_LABELS
SIDE_LABELS = ("Side A (first to sue)", "Side B")


@dataclass(frozen=True, slots=True)
class DisputeFilter:
    party: str | None = None
    jurisdiction: str | None = None
    kind: str | None = None
    year: int | None = None
    since: int | None = None
    outcome: str | None = None
    sort: str = "latest"


def _page(data: dict, limit: int, offset: int) -> dict:
    return {**data, "limit": limit, "offset": offset}


# ---------------------------------------------------------------- lists

def dispute_list(s, flt: DisputeFilter, limit: int, offset: int) -> dict:
    data = queries.list_disputes(
        s, party=flt.party, jurisdiction=flt.jurisdiction, kind=flt.kind,
        since=str(flt.since) if flt.since else None, outcome=flt.outcome, sort=flt.sort,
        limit=limit, offset=offset, year=flt.year,
    )
    return _page(data, limit, offset)


def dispute_rows(data: dict) -> dict:
    """The list page's rows: the query layer's items with display fields filled."""
    rows = []
    for it in data["items"]:
        totals = it.get("totals") or {}
        claimed = [{"currency": c, "value": t.get("asked")} for c, t in sorted(totals.items()) if t.get("asked")]
        rows.append({
            "id": it["id"],
            "title": it.get("title") or f"Dispute {it['id']}",
            "n_proceedings": it.get("proceedings", 0),
            "kinds": it.get("kinds") or [],
            "jurisdictions": it.get("jurisdictions") or [],
            "latest": it.get("latest_date"),
            "claimed": claimed,
            "outcomes": it.get("outcomes") or [],
        })
    return {**data, "items": rows}


JURISDICTIONS = ("CN", "US", "EP", "UPC", "DE", "UK", "JP", "KR")


def choices(s, flt: DisputeFilter) -> dict:
    """The filter menus, each value with the number of disputes it would give with the other filters kept."""
    from dataclasses import replace

    def count(**change) -> int:
        return dispute_list(s, replace(flt, **change), 0, 0)["total"]

    return {
        "jurisdictions": [(j, count(jurisdiction=j)) for j in JURISDICTIONS],
        "kinds": [(k, count(kind=k)) for k in labels.KIND_NAMES],
        "outcomes": [(o, count(outcome=o)) for o in labels.OUTCOME_NAMES if o],
    }


def party_list(s, q: str | None, limit: int, offset: int) -> dict:
    return _page(queries.list_parties(s, q=q, limit=limit, offset=offset), limit, offset)


def patent_list(s, limit: int, offset: int) -> dict:
    return _page(queries.list_patents(s, limit=limit, offset=offset), limit, offset)


def document_list(s, limit: int, offset: int) -> dict:
    return _page(queries.list_documents(s, limit=limit, offset=offset), limit, offset)


def counts(s) -> dict:
    return queries.stats(s)


# ---------------------------------------------------------------- dispute

def dispute_data(s, dispute_id: int) -> dict:
    return queries.get_dispute(s, dispute_id)


def dispute_page(s, dispute_id: int) -> dict:
    return enrich_dispute(queries.get_dispute(s, dispute_id))


def enrich_dispute(d: dict) -> dict:
    """The query layer's dispute with what the page shows besides: labels, links, chart data."""
    docs = {src["doc_id"]: src for src in d.get("sources") or []}
    procs = []
    for p in d.get("proceedings") or []:
        procs.append({
            **p,
            "evidence": group_by_sentence(
                _with_source(ev, docs)
                for ev in [*(p.get("evidence") or []), *(e for a in p.get("amounts") or [] for e in a.get("evidence") or [])]
            ),
            "amounts": [_amount(a) for a in p.get("amounts") or []],
            "jurisdiction": p.get("jurisdiction") or labels.forum_jurisdiction(p.get("forum")),
        })
    sides = [{"label": SIDE_LABELS[min(i, 1)], "parties": side} for i, side in enumerate(d.get("sides") or [])]
    totals = [{"currency": c, **t} for c, t in sorted((d.get("totals") or {}).items())]
    dates = sorted(e["date"] for e in d.get("events") or [] if e.get("date"))
    out = {
        **d,
        "title": d.get("title") or f"Dispute {d['id']}",
        "proceedings": procs,
        "sides": sides,
        "totals": totals,
        "conflicts": [_conflict(c, docs, {p["id"]: p for p in procs}) for c in d.get("conflicts") or []],
        "first_date": dates[0] if dates else d.get("first_date"),
        "last_date": dates[-1] if dates else d.get("latest_date"),
        "jurisdictions": sorted({p["jurisdiction"] for p in procs if p["jurisdiction"]}),
    }
    out["timeline"] = timeline(d.get("events") or [], procs)
    out["graph"] = dispute_graph(sides, procs)
    return out


def _with_source(ev: dict, docs: dict) -> dict:
    src = docs.get(ev.get("doc_id")) or {}
    return {**ev, "doc_title": src.get("title"), "published": src.get("published")}


def _amount(a: dict) -> dict:
    role = a.get("role") or "other"
    return {**a, "role_class": role if role in ("damages", "costs", "awarded", "settlement") else "other"}


ATTRIBUTE_NAMES = {"date": "filing date", "forum": "forum", "outcome": "outcome", "case_number": "case number"}


def _conflict(c: dict, docs: dict, procs: dict[int, dict]) -> dict:
    """A conflict of the query layer with words for its attribute and values, and its sources.

    An amount's source links to the sentence giving it when the store kept that evidence.
    """
    proc = procs.get(c.get("proceeding_id")) or {}
    attr = c.get("attribute") or ""
    kind, _, rest = attr.partition(":")
    role, _, currency = rest.partition(":")
    field = f"{role} ({currency})" if kind == "amount" else ATTRIBUTE_NAMES.get(attr, attr.replace("_", " "))
    values = []
    for v in c.get("values") or []:
        raw = v.get("value")
        if kind == "amount":
            shown = format_amount(raw, currency)
        elif attr == "forum":
            shown = labels.forum_name(raw)
        elif attr == "outcome":
            shown = labels.outcome_name(raw)
        else:
            shown = raw
        src = docs.get(v.get("doc_id")) or {}
        source = {"doc_id": v.get("doc_id"), "doc_title": src.get("title"), "href": None}
        if kind == "amount":
            for a in proc.get("amounts") or []:
                if a.get("doc_id") == v.get("doc_id") and a.get("role") == role and a.get("evidence"):
                    source["href"] = evidence_href(a["evidence"][0], quote=quote)
                    break
        values.append({**v, "shown": shown, "sources": [source]})
    where = ", ".join(x for x in (proc.get("label") or labels.kind_name(proc.get("kind")).lower(),
                                  labels.forum_name(proc.get("forum")) if proc.get("forum") else "",
                                  proc.get("date") or "") if x)
    return {**c, "field": field, "values": values, "proceeding": where or f"proceeding {c.get('proceeding_id')}"}


def timeline(events: list[dict], procs: list[dict]) -> dict:
    """Lanes (one per forum and country, in order of first event) and markers for ``timeline.js``."""
    by_id = {p.get("id"): p for p in procs}
    lanes: list[dict] = []
    lane_of: dict[Any, int] = {}
    out = []
    for e in events:  # the query layer gives them in date order, undated last
        proc = by_id.get(e.get("proceeding_id")) or {}
        forum = e.get("forum")
        juris = e.get("jurisdiction") or proc.get("jurisdiction") or labels.forum_jurisdiction(forum)
        key = (forum, juris)
        if key not in lane_of:
            lane_of[key] = len(lanes)
            lanes.append({"label": labels.forum_name(forum), "sub": juris or ""})
        kind = e.get("kind") or ""
        word = EVENT_WORDS.get(kind, kind.replace("_", " "))
        out.append({
            "date": e.get("date"),
            "approx": bool(e.get("date")) and len(e["date"]) < 10,
            "kind": kind,
            "cls": EVENT_CLASS.get(kind, "other"),
            "label": e.get("label") or word,
            "short": word[:1].upper() + word[1:],
            "lane": lane_of[key],
            "proceeding_id": e.get("proceeding_id"),
            "forum_name": labels.forum_name(forum),
            "href": f"#proc-{e['proceeding_id']}" if e.get("proceeding_id") is not None else None,
        })
    return {"lanes": lanes, "events": out}


def dispute_graph(sides: list[dict], procs: list[dict]) -> dict:
    """Nodes: every party on a side (with affiliates) or in a proceeding; edges: claimant -> respondent."""
    nodes: dict[int, dict] = {}

    def add(p: dict, side: int | None) -> None:
        if p["id"] in nodes:
            return
        nodes[p["id"]] = {"id": str(p["id"]), "name": p["name"], "side": side, "href": f"/parties/{p['id']}"}

    for i, side in enumerate(sides[:2]):
        for p in side["parties"]:
            add(p, i)
            for a in p.get("affiliates") or []:
                add(a, i)
    edges = []
    for pr in procs:
        for c in pr.get("claimants") or []:
            add(c, None)
        for r in pr.get("respondents") or []:
            add(r, None)
        label = " · ".join(x for x in (labels.kind_name(pr.get("kind")), labels.forum_name(pr.get("forum")),
                                       pr.get("date") or "") if x)
        for c in pr.get("claimants") or []:
            for r in pr.get("respondents") or []:
                if c["id"] != r["id"]:
                    edges.append({"source": str(c["id"]), "target": str(r["id"]), "kind": pr.get("kind") or "other",
                                  "proceeding_id": pr.get("id"), "label": label})
    return {"nodes": list(nodes.values()), "edges": edges}


# ---------------------------------------------------------------- party, patent

def party_data(s, party_id: int) -> dict:
    return queries.get_party(s, party_id)


def party_page(s, party_id: int) -> dict:
    p = queries.get_party(s, party_id)
    as_c, as_r = p.get("disputes_as_claimant") or [], p.get("disputes_as_respondent") or []
    me = {"id": str(p["id"]), "name": p["name"], "side": None, "focus": True, "href": f"/parties/{p['id']}"}
    nodes = {me["id"]: me}
    edges = []
    for first_to_sue, disputes in ((True, as_c), (False, as_r)):
        for d in disputes:
            sides = d.get("sides") or [[], []]
            opponents = sides[1] if first_to_sue else sides[0]
            for o in opponents:
                oid = str(o["id"])
                if oid == me["id"]:
                    continue
                nodes.setdefault(oid, {"id": oid, "name": o["name"], "side": None, "href": f"/parties/{o['id']}"})
                src, dst = (me["id"], oid) if first_to_sue else (oid, me["id"])
                edges.append({"source": src, "target": dst, "kind": (d.get("kinds") or ["other"])[0],
                              "label": d.get("title") or "", "proceeding_id": None})
    return {**p, "as_claimant": as_c, "as_respondent": as_r,
            "graph": {"nodes": list(nodes.values()), "edges": edges}}


def patent_data(s, pid: str) -> dict:
    return queries.get_patent(s, pid)


CHECK_DIGIT_WORDS = {"ok": "valid", "bad": "WRONG: the identifier may be mistyped", None: "not applicable"}


def patent_page(s, pid: str) -> dict:
    p = queries.get_patent(s, pid)
    meta_src = p.get("metadata") or {}
    office = meta_src.get("office") or p.get("office")
    meta = [("Office", office or "unknown"),
            ("Type", meta_src.get("kind") or p.get("type") or "unknown"),
            ("Filing year", meta_src.get("filing_year") or p.get("filing_year") or "not encoded in the number")]
    check = meta_src.get("check_digit")
    if check is None and p.get("check_ok") is not None:
        check = "ok" if p["check_ok"] else "bad"
    meta.append(("Check digit", CHECK_DIGIT_WORDS.get(check, str(check))))
    if meta_src.get("pct"):
        meta.append(("PCT", "entered the national phase from a PCT application"))
    links = []
    given = meta_src.get("links") or {}
    if given.get("google_patents"):
        links.append(("Google Patents", given["google_patents"]))
    if given.get("office"):
        links.append((f"{office} office", given["office"]))
    if not links:
        links = labels.office_links(p["id"], office)
    return {**p, "meta": meta, "links": [(t, u) for t, u in links if _http(u)]}


def _http(url: Any) -> bool:
    return isinstance(url, str) and url.startswith(("https://", "http://"))


# ---------------------------------------------------------------- document, search

def document_data(s, doc_id: str) -> dict:
    return queries.get_document(s, doc_id)


def document_page(s, doc_id: str) -> dict:
    d = queries.get_document(s, doc_id)
    facts = []
    for f in d.get("facts") or []:
        ftype = f.get("type") if f.get("type") in FACT_TYPES else OTHER_TYPE
        facts.append({"type": ftype, "label": f.get("label") or "", "start": f.get("start"), "end": f.get("end"),
                      "text": f.get("text"), **_fact_href(ftype, f)})
    types = [(t, FACT_TYPES.get(t, t)) for t in sorted({f["type"] for f in facts})]
    return {**d, "facts": facts, "types": types}


def _fact_href(ftype: str, f: dict) -> dict:
    if ftype == "party" and f.get("id") is not None:
        return {"href": f"/parties/{f['id']}", "link_label": "party page"}
    if ftype == "patent" and f.get("patent"):
        from urllib.parse import quote

        return {"href": f"/patents/{quote(f['patent'], safe='')}", "link_label": "patent page"}
    if ftype == "proceeding" and f.get("dispute_id") is not None:
        return {"href": f"/disputes/{f['dispute_id']}#proc-{f.get('id')}", "link_label": "the dispute"}
    return {}


def search_data(s, q: str, limit: int, offset: int) -> dict:
    return _page(queries.search(s, q, limit=limit, offset=offset), limit, offset)


def search_page(s, q: str, limit: int, offset: int) -> dict:
    from markupsafe import Markup, escape

    data = search_data(s, q, limit, offset)
    items = []
    for r in data["items"]:
        snip = r.get("snippet") or {}
        text, marks = (snip.get("text", ""), snip.get("highlights") or []) if isinstance(snip, dict) else (str(snip), [])
        parts, pos = [], 0
        for a, b in sorted(marks):
            if a < pos or b > len(text):
                continue
            parts.append(str(escape(text[pos:a])) + "<mark>" + str(escape(text[a:b])) + "</mark>")
            pos = b
        parts.append(str(escape(text[pos:])))
        items.append({**r, "snippet_html": Markup("".join(parts))})
    return {**data, "items": items}


