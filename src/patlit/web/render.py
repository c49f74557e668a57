"""Safe HTML pieces for the pages: highlighted document text, evidence sentences, numbers.

Document text is hostile input. Every function here builds its HTML from pieces
passed through :func:`markupsafe.escape`; only the tags written in this module are
markup. Class names and labels that come from data are looked up in
:data:`FACT_TYPES` and never copied through.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from markupsafe import Markup, escape

#: fact types the document page knows, with the label shown on a highlight
FACT_TYPES: dict[str, str] = {
    "party": "party",
    "patent": "patent",
    "proceeding": "proceeding",
    "action": "action",
    "amount": "amount",
    "money": "amount",
    "date": "date",
    "forum": "forum",
    "case_number": "case no.",
    "outcome": "outcome",
}
OTHER_TYPE = "other"

#: how a highlight range is written in a URL: ?hl=START-END
HL_SEPARATOR = "-"


def fact_type(raw: Any) -> str:
    """The CSS-safe type name of a fact (unknown types become ``other``)."""
    return raw if isinstance(raw, str) and raw in FACT_TYPES else OTHER_TYPE


def parse_hl(raw: str | None, length: int) -> tuple[int, int] | None:
    """``"12-40"`` -> ``(12, 40)`` clamped to the text; anything malformed -> None."""
    if not raw:
        return None
    start_s, sep, end_s = raw.partition(HL_SEPARATOR)
    if not sep or not start_s.isdigit() or not end_s.isdigit() or len(raw) > 24:
        return None
    start, end = int(start_s), int(end_s)
    start, end = max(0, min(start, length)), max(0, min(end, length))
    return (start, end) if start < end else None


def highlight_document(text: str, facts: Iterable[Mapping[str, Any]], hl: tuple[int, int] | None = None) -> Markup:
    """The document text with every fact in a ``<mark>`` and the ``hl`` range wrapped.

    Overlapping facts are cut at every boundary, so the marks never cross each
    other or the ``hl`` wrapper: each elementary stretch is one ``<mark>`` naming,
    in ``data-facts``, the indexes (into ``facts``) of every fact covering it. The
    stretch where a fact starts carries ``data-label`` (its type) and, the first
    time that offset is seen, ``id="span-START"`` so that links can jump to it.
    """
    n = len(text)
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    bounds = {0, n}
    kinds: list[str] = []
    for i, f in enumerate(facts):
        kinds.append(fact_type(f.get("type")))
        s, e = f.get("start"), f.get("end")
        if not isinstance(s, int) or not isinstance(e, int) or not 0 <= s < e <= n:
            continue
        starts.setdefault(s, []).append(i)
        ends.setdefault(e, []).append(i)
        bounds.update((s, e))
    if hl:
        bounds.update(hl)
    order = sorted(bounds)
    out: list[str] = []
    active: set[int] = set()
    used_ids: set[int] = set()
    if hl:
        used_ids.add(hl[0])
    for a, b in zip(order, order[1:]):
        for i in ends.get(a, ()):
            active.discard(i)
        opened = starts.get(a, [])
        active.update(opened)
        if hl and a == hl[0]:
            out.append(f'<span class="hl" id="span-{a}">')
        piece = str(escape(text[a:b]))
        if active:
            ids = sorted(active)
            inner = max(ids, key=lambda i: (i in opened, i))
            attrs = [f'class="fact t-{kinds[inner]}"', f'data-facts="{" ".join(map(str, ids))}"', 'tabindex="0"']
            if opened:
                attrs.append(f'data-label="{FACT_TYPES.get(kinds[inner], OTHER_TYPE)}"')  # inner: one that opens here
                if a not in used_ids:
                    used_ids.add(a)
                    attrs.append(f'id="span-{a}"')
            out.append(f"<mark {' '.join(attrs)}>{piece}</mark>")
        else:
            out.append(piece)
        if hl and b == hl[1]:
            out.append("</span>")
    return Markup("".join(out))


def sentence_span(ev: Mapping[str, Any]) -> tuple[int, int]:
    """Where an evidence item's sentence lies in its document (falls back to the fact)."""
    start, end = ev.get("start", 0), ev.get("end", 0)
    sentence, fact = ev.get("sentence") or "", ev.get("text") or ""
    s0 = ev.get("sentence_start")
    if isinstance(s0, int):
        return s0, s0 + len(sentence)
    i = sentence.find(fact) if fact else -1
    if i < 0 or not isinstance(start, int):
        return start, end
    return start - i, start - i + len(sentence)


def evidence_href(ev: Mapping[str, Any], *, quote) -> str:
    """The document page URL showing an evidence item's sentence highlighted."""
    s, e = sentence_span(ev)
    return f"/documents/{quote(str(ev.get('doc_id', '')), safe='')}?hl={s}{HL_SEPARATOR}{e}#span-{s}"


def mark_in_sentence(ev: Mapping[str, Any]) -> Markup:
    """An evidence sentence with its fact(s) in ``<mark>`` (every piece escaped).

    ``ev["marks"]`` (absolute ``[start, end]`` offsets, as ``start``/``end``) lists
    several facts of one sentence; without it the item's own ``start``/``end`` is marked.
    """
    sentence, fact = ev.get("sentence") or "", ev.get("text") or ""
    if not sentence:
        return Markup("<mark>{}</mark>").format(fact)
    s0, _ = sentence_span(ev)
    spans = ev.get("marks") or [(ev.get("start"), ev.get("end"))]
    local = []
    for start, end in spans:
        if isinstance(start, int) and isinstance(end, int) and 0 <= start - s0 < end - s0 <= len(sentence):
            local.append((start - s0, end - s0))
    if not local and fact and fact in sentence:  # offsets disagree with the sentence: find the words instead
        i = sentence.find(fact)
        local = [(i, i + len(fact))]
    out, pos = [], 0
    for a, b in sorted(local):
        if a < pos:
            continue
        out += (escape(sentence[pos:a]), "<mark>", escape(sentence[a:b]), "</mark>")
        pos = b
    out.append(escape(sentence[pos:]))
    return Markup("".join(out))


def group_by_sentence(items: Iterable[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """Evidence items of one sentence merged into one item marking each of their facts."""
    groups: dict[tuple, dict[str, Any]] = {}
    for ev in items:
        s0, s1 = sentence_span(ev)
        key = (ev.get("doc_id"), s0, s1)
        if key not in groups:
            groups[key] = {**ev, "marks": []}
        mark = (ev.get("start"), ev.get("end"))
        if mark not in groups[key]["marks"]:
            groups[key]["marks"].append(mark)
    return list(groups.values())


def format_amount(value: Any, currency: str | None = None) -> str:
    """``410000000, "CNY"`` -> ``"CNY 410,000,000"``."""
    if value is None:
        return "–"
    try:
        num = float(value)
    except (TypeError, ValueError):
        return str(value)
    text = f"{int(num):,}" if num.is_integer() else f"{num:,.2f}"
    return f"{currency} {text}" if currency else text
