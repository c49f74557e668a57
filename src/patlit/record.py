"""The facts record of ``../shared/spec/facts.md``: :class:`~patlit.model.Facts` to JSON.

The spec's fields keep their names and meaning; evidence is added beside them:
every party, amount and proceeding carries ``evidence`` (a list of
``{start, end, text, sentence}``), and ``patent_facts`` gives each identifier's
decoded metadata and evidence, since ``patents`` must stay a list of strings.
"""
from __future__ import annotations

import bisect
from typing import Any

from patlit.model import Facts, Span


def _evidence(facts: Facts, spans: list[Span]) -> list[dict[str, Any]]:
    starts = [s for s, _ in facts.sentences]
    out, seen = [], set()
    for sp in spans:
        if (sp.start, sp.end) in seen:
            continue
        seen.add((sp.start, sp.end))
        i = max(0, bisect.bisect_right(starts, sp.start) - 1)
        s, e = facts.sentences[i] if facts.sentences else (sp.start, sp.end)
        if not (s <= sp.start and sp.end <= max(e, sp.end)):
            s, e = sp.start, sp.end
        out.append(
            {
                "start": sp.start,
                "end": sp.end,
                "text": sp.text,
                "sentence": facts.doc.text[s:max(e, sp.end)],
                "sentence_start": s,
            }
        )
    return out


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 2)


def to_record(facts: Facts) -> dict[str, Any]:
    """The spec's facts record for one document, with evidence and warnings."""
    from patlit.extract.patents import describe  # decoded metadata per identifier

    patent_ids: list[str] = []
    patent_spans: dict[str, list[Span]] = {}
    for p in facts.patents:
        if p.id not in patent_spans:
            patent_ids.append(p.id)
            patent_spans[p.id] = []
        patent_spans[p.id].append(p)

    amounts, seen_amounts = [], set()
    for m in facts.amounts:
        key = (m.value, m.currency, m.role)
        if key in seen_amounts:
            continue
        seen_amounts.add(key)
        same = [x for x in facts.amounts if (x.value, x.currency, x.role) == key]
        amounts.append(
            {"value": _num(m.value), "currency": m.currency, "role": m.role, "evidence": _evidence(facts, same)}
        )

    return {
        "doc_id": facts.doc.doc_id,
        "lang": facts.lang,
        "published": facts.published,
        "parties": [
            {
                "name": p.name,
                "aliases": list(p.aliases),
                "kind": p.kind,
                "affiliate_of": p.affiliate_of,
                "evidence": _evidence(facts, list(p.mentions)),
            }
            for p in facts.parties
        ],
        "patents": patent_ids,
        "proceedings": [
            {
                "kind": pr.kind,
                "claimants": list(pr.claimants),
                "respondents": list(pr.respondents),
                "forum": pr.forum,
                "date": pr.date,
                "patents": list(pr.patents),
                "amounts": [
                    {"value": _num(a.value), "currency": a.currency, "role": a.role} for a in pr.amounts
                ],
                "outcome": pr.outcome,
                "case_number": pr.case_number,
                "evidence": _evidence(facts, pr.evidence),
            }
            for pr in facts.proceedings
        ],
        "amounts": amounts,
        "patent_facts": [
            {**describe(pid), "evidence": _evidence(facts, patent_spans[pid])} for pid in patent_ids
        ],
        "warnings": list(facts.warnings),
        "title": facts.doc.title,
        "url": facts.doc.url,
    }
