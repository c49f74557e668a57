"""The facts record of ``../shared/spec/facts.md``: :class:`~patlit.model.Facts` to JSON.

The spec's fields keep their names and meaning; evidence is added beside them:
every party, amount and proceeding carries ``evidence`` (a list of
``{start, end, text, sentence}``), and ``patent_facts`` gives each identifier's
decoded metadata and evidence, since ``patents`` must stay a list of strings.
"""
from __future__ import annotations

import bisect
from functools import lru_cache
from typing import Any

from patlit.model import Facts, Span


def _evidence(facts: Facts, spans: list[Span], starts: list[int] | None = None,
              sentence_texts: dict[int, str] | None = None) -> list[dict[str, Any]]:
    """Evidence entries of ``spans`` (``starts``: the sentence starts, and ``sentence_texts``: the
    sentence texts by index, shared by every call of one record)."""
    if starts is None:
        starts = [s for s, _ in facts.sentences]
    if sentence_texts is None:
        sentence_texts = {}
    sentences = facts.sentences
    text = facts.doc.text
    out, seen = [], set()
    for sp in spans:
        start, end = sp.start, sp.end
        key = (start, end)
        if key in seen:
            continue
        seen.add(key)
        s = start
        sentence = None
        if sentences:
            i = bisect.bisect_right(starts, start) - 1
            if i < 0:
                i = 0
            s, e = sentences[i]
            if s > start:  # before the first sentence: the span alone
                s = start
                sentence = text[start:end]
            elif end <= e:
                # one slice per sentence, however many facts it holds
                sentence = sentence_texts.get(i)
                if sentence is None:
                    sentence = sentence_texts[i] = text[s:e]
            else:
                sentence = text[s:end]
        else:
            sentence = text[start:end]
        out.append({"start": start, "end": end, "text": sp.text, "sentence": sentence, "sentence_start": s})
    return out


@lru_cache(maxsize=4096)
def _described(pid: str) -> dict[str, Any]:
    from patlit.extract.patents import describe  # decoded metadata per identifier

    return describe(pid)


def _description(pid: str) -> dict[str, Any]:
    """``describe(pid)``, decoded once per identifier; a fresh copy (its ``links`` too) per call."""
    d = _described(pid)
    return {k: dict(v) if k == "links" else v for k, v in d.items()}


def _num(v: float) -> int | float:
    return int(v) if float(v).is_integer() else round(v, 2)


def to_record(facts: Facts) -> dict[str, Any]:
    """The spec's facts record for one document, with evidence and warnings."""
    starts = [s for s, _ in facts.sentences]
    texts: dict[int, str] = {}  # sentence texts by index, sliced once for the whole record
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
            {"value": _num(m.value), "currency": m.currency, "role": m.role, "evidence": _evidence(facts, same, starts, texts)}
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
                "evidence": _evidence(facts, p.mentions, starts, texts),
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
                "evidence": _evidence(facts, pr.evidence, starts, texts),
            }
            for pr in facts.proceedings
        ],
        "amounts": amounts,
        "patent_facts": [
            {**_description(pid), "evidence": _evidence(facts, patent_spans[pid], starts, texts)} for pid in patent_ids
        ],
        "warnings": list(facts.warnings),
        "title": facts.doc.title,
        "url": facts.doc.url,
    }
