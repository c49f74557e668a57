"""HTML pages: main text, title, published date and URL via trafilatura.

trafilatura finds the article body and the page metadata (title, canonical URL,
the date the page declares: ``article:published_time``, JSON-LD ``datePublished``,
``<time>``, a marked-up byline...). Its date search runs without htmldate's
"extensive" mode, which would guess from any date in the text: a page without a
declared date gets none (the extractors look for a byline in the text). When trafilatura
finds no main text (short pages, unusual layouts) but the page has text, a plain
tag strip of the body is used instead.
"""
from __future__ import annotations

import html as html_lib
import re

from patlit.errors import InputError
from patlit.model import Document

#: where a line ends when markup is flattened to text
_BLOCK_END = re.compile(r"<\s*(?:br|hr)\b[^>]*>|</\s*(?:p|div|li|h[1-6]|tr|blockquote|pre|section|article|table|ul|ol|dd|dt|header|footer)\s*>", re.I)
_INVISIBLE = re.compile(r"<(script|style|noscript|template|head|svg)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]*>")
_SPACES = re.compile(r"[ \t\r\f\v\u00a0]+")
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
#: metadata-only date search: no guessing from the text or the URL
_DATE_PARAMS = {"extensive_search": False, "original_date": True}
#: how far into the text the title is looked for before it is put in front
_TITLE_WINDOW = 400


def html_to_text(markup: str) -> str:
    """Visible text of an HTML fragment or page: one line per block (no blank lines), entities decoded."""
    text = _INVISIBLE.sub(" ", markup)
    text = _BLOCK_END.sub("\n", text)
    text = html_lib.unescape(_TAG.sub(" ", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)


def _fallback_title(markup: str) -> str | None:
    m = _TITLE.search(markup)
    title = html_to_text(m.group(1)) if m else ""
    return title or None


def read_html(markup: str, source: str, doc_id: str) -> Document | InputError:
    """One :class:`Document` from the (already decoded) HTML of a page."""
    import trafilatura  # slow import: only when a page is read

    try:
        result = trafilatura.bare_extraction(
            markup,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            date_extraction_params=_DATE_PARAMS,
        )
    except Exception:  # noqa: BLE001 - trafilatura/lxml raise many types on broken markup
        result = None
    text = (getattr(result, "text", None) or "").strip()
    title = getattr(result, "title", None) or _fallback_title(markup)
    if not text:
        text = html_to_text(markup)
    if not text:
        return InputError(source, "is an HTML page without text")
    if title and title not in text[:_TITLE_WINDOW]:
        text = f"{title}\n\n{text}"
    return Document(
        doc_id=doc_id,
        text=text,
        published=getattr(result, "date", None) or None,
        url=getattr(result, "url", None) or None,
        title=title,
        source=source,
    )
