"""From one document to its :class:`~patlit.model.Facts`.

Stages: language and published date; mention extractors (patents, money, dates,
forums, case numbers), overlaps settled in :mod:`.overlaps`; parties; actions and
outcomes from the language grammar; proceedings assembled by :mod:`.assemble`.
"""
from __future__ import annotations

from patlit.extract import assemble, case_numbers, dates, forums, money, parties, patents, proceedings
from patlit.extract.context import Context, detect_language
from patlit.extract.overlaps import settle
from patlit.model import Document, Facts


def extract_document(doc: Document) -> Facts:
    """Extract every fact of ``doc``; never raises on odd text."""
    text = doc.text
    lang = doc.lang if doc.lang in ("en", "zh") else detect_language(text)
    published = doc.published or dates.find_published(text, lang)
    ctx = Context(text=text, lang=lang, published=published)

    found = settle(
        [
            *patents.extract(ctx),
            *case_numbers.extract(ctx),
            *money.extract(ctx),
            *forums.extract(ctx),
            *dates.extract(ctx),
        ]
    )
    found.money = money.merge_rounded(found.money)  # "$89.7 million" restating "$89,712,069": one amount
    party_list = parties.extract(ctx, found)
    actions, outcomes = proceedings.find_actions(ctx, party_list, found)
    procs = assemble.assemble(ctx, actions, outcomes, found, party_list)

    warnings = [
        f"{p.text!r} at {p.start}: check digit does not match ({p.id})"
        for p in found.patents
        if p.check_ok is False
    ]
    return Facts(
        doc=doc,
        lang=lang,
        published=published,
        parties=party_list,
        patents=found.patents,
        amounts=[m for m in found.money if m.role is not None and not m.converted],
        proceedings=procs,
        dates=found.dates,
        forums=found.forums,
        case_numbers=found.case_numbers,
        warnings=warnings,
        sentences=ctx.sentences,
    )
