"""Hand-written facts records for database tests (no extraction involved).

``doc(...)`` builds a :class:`~patlit.model.Document` and its facts record with
evidence spans found in the text, so tests of storage and resolution do not depend
on extraction quality.
"""
from __future__ import annotations

import re
from typing import Any

from patlit.model import Document


def _spans(text: str, needle: str) -> list[dict[str, Any]]:
    out = []
    for m in re.finditer(re.escape(needle), text):
        s = text.rfind(". ", 0, m.start())
        s = 0 if s < 0 else s + 2
        e = text.find(". ", m.end())
        e = len(text) if e < 0 else e + 1
        out.append({"start": m.start(), "end": m.end(), "text": needle, "sentence": text[s:e], "sentence_start": s})
    return out


def party(name: str, *aliases: str, affiliate_of: str | None = None, kind: str = "org") -> dict[str, Any]:
    return {"name": name, "aliases": list(aliases), "kind": kind, "affiliate_of": affiliate_of}


def proc(kind: str, claimants: list[str], respondents: list[str], *, forum: str | None = None,
         date: str | None = None, patents: list[str] | None = None, amounts: list[tuple] | None = None,
         outcome: str | None = None, case_number: str | None = None, trigger: str | None = None) -> dict[str, Any]:
    return {
        "kind": kind, "claimants": claimants, "respondents": respondents, "forum": forum, "date": date,
        "patents": patents or [], "outcome": outcome, "case_number": case_number,
        "amounts": [{"value": v, "currency": c, "role": r} for v, c, r in amounts or []],
        "trigger": trigger,
    }


def doc(doc_id: str, text: str, parties: list[dict], proceedings: list[dict], *, published: str | None = None,
        lang: str = "en", amount_texts: dict[tuple, str] | None = None) -> tuple[Document, dict[str, Any]]:
    """A document and its facts record; evidence is every occurrence of each name / trigger / amount text."""
    recs = []
    for p in parties:
        ev = [e for n in [p["name"], *p["aliases"]] for e in _spans(text, n)]
        recs.append({**p, "evidence": ev})
    procs = []
    patents: list[str] = []
    amounts: list[dict] = []
    for pr in proceedings:
        trigger = pr.get("trigger")
        procs.append({k: v for k, v in pr.items() if k != "trigger"} | {"evidence": _spans(text, trigger) if trigger else []})
        patents += [x for x in pr["patents"] if x not in patents]
        for a in pr["amounts"]:
            key = (a["value"], a["currency"], a["role"])
            if key not in [(x["value"], x["currency"], x["role"]) for x in amounts]:
                written = (amount_texts or {}).get(key)
                amounts.append({**a, "evidence": _spans(text, written) if written else []})
    record = {
        "doc_id": doc_id, "lang": lang, "published": published, "parties": recs, "patents": patents,
        "proceedings": procs, "amounts": amounts,
        "patent_facts": [{"id": pid, "office": pid[:2], "evidence": _spans(text, pid)} for pid in patents],
        "warnings": [], "title": None, "url": None,
    }
    return Document(doc_id=doc_id, text=text, published=published, lang=lang, source=f"{doc_id}.txt"), record
