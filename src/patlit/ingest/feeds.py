"""RSS and Atom feeds: one :class:`~patlit.model.Document` per entry.

Each entry gives its title, its link (as ``url``), its content or summary with the
HTML stripped (the title is put in front as the first line) and its published
date. The date is re-parsed from the entry's raw string with
:func:`patlit.ingest.feed_dates.parse_date`, because feedparser only understands
English month names; feedparser's own parse is the fallback.
"""
from __future__ import annotations

import io
import re
from collections.abc import Iterator
from datetime import date

from patlit.errors import InputError
from patlit.ingest.encoding import decode
from patlit.ingest.feed_dates import parse_date
from patlit.ingest.html import html_to_text
from patlit.model import Document

#: the encoding named in the XML declaration, replaced once the text is decoded
_XML_ENCODING = re.compile(r"""(<\?xml[^>]*?encoding\s*=\s*["'])[^"']*(["'])""")
#: entry fields that may carry the entry's date, most specific first
_DATE_FIELDS = ("published", "issued", "created", "dc_date", "updated")


def is_feed(head: bytes) -> bool:
    """Do the first bytes look like an RSS/Atom/RDF document?"""
    head = head[:2048].lower()
    return b"<rss" in head or b"<feed" in head or b"<rdf:rdf" in head


def read_feed(data: bytes, source: str, doc_id: str) -> Iterator[Document | InputError]:
    """The entries of the feed in ``data``; ``doc_id`` is suffixed with the entry's number."""
    import feedparser  # only when a feed is read

    text = decode(data, source)  # our detection (GBK/Big5 included), not feedparser's guess
    if isinstance(text, InputError):
        yield text
        return
    utf8 = _XML_ENCODING.sub(r"\1utf-8\2", text, count=1).encode("utf-8")
    parsed = feedparser.parse(io.BytesIO(utf8))  # a stream: a string would be fetched as a URL
    if not parsed.get("version") and not parsed.entries:
        reason = getattr(parsed.get("bozo_exception"), "getMessage", lambda: "")() or "no <rss> or <feed> element"
        yield InputError(source, f"is not an RSS/Atom feed ({reason})")
        return
    if not parsed.entries:
        yield InputError(source, "is a feed without entries")
        return
    for number, entry in enumerate(parsed.entries, 1):
        where = f"{source}#{number}"
        title = html_to_text(entry.get("title") or "") or None
        body = html_to_text(_body(entry))
        if not body and not title:
            yield InputError(where, "is a feed entry without text")
            continue
        text = body if not title or body.startswith(title) else f"{title}\n\n{body}".strip()
        yield Document(
            doc_id=f"{doc_id}#{number}",
            text=text,
            published=_entry_date(entry),
            url=entry.get("link") or None,
            title=title,
            source=where,
        )


def _body(entry) -> str:
    contents = [c.get("value", "") for c in entry.get("content") or []]
    summary = entry.get("summary") or ""
    best = max(contents, key=len, default="")
    return best if len(best) >= len(summary) else summary


def _entry_date(entry) -> str | None:
    for field in _DATE_FIELDS:
        iso = parse_date(entry.get(field))
        if iso:
            return iso
    for field in _DATE_FIELDS:
        parsed = entry.get(f"{field}_parsed")
        if parsed:
            return date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday).isoformat()
    return None
