"""Undoing the hard line wraps of text taken from a PDF page.

A PDF keeps one line of text per printed line, so a sentence is cut wherever the
page was full. patlit's sentence splitter treats every line break as a boundary
(headlines, list items), so wrapped lines are joined back into paragraphs first:

* a line at least :data:`FULL_LINE` of the page's typical full line length
  (its 90th-percentile length) was wrapped, and is joined to the next line,
  unless the next line starts a list item or a numbered heading;
* English words hyphenated across lines are rejoined ("infring-" + "ement");
* between Chinese characters the join adds no space, elsewhere one space;
* short lines (a paragraph's last line, headings, signatures) keep their break,
  and so does a Chinese line ending in 。！？：； unless it is completely full
  (Chinese lines hold the same number of characters, so only the last line of a
  paragraph falls short).
"""
from __future__ import annotations

import re

#: a line this long relative to the page's full line length was wrapped by the layout
FULL_LINE = 0.8
#: a Chinese line ending a sentence is a wrap only when it is this full
FULL_CJK_STOP = 0.97
#: pages with fewer lines than this are left alone (too little to tell a full line)
MIN_LINES = 3

_CJK_END = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]$")
_CJK_START = re.compile(r"^[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
_CJK_STOP = re.compile(r"[。！？：；]$")
_HYPHENATED = re.compile(r"[A-Za-z]-$")
_NEW_ITEM = re.compile(
    r"^(?:[-•*·▪●]\s|\(?\d{1,3}[.)、]\s?|\(?[a-z]\)\s|[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|第[一二三四五六七八九十百\d]+[条章节])"
)


def _full_width(lines: list[str]) -> int:
    lengths = sorted(len(line) for line in lines if line)
    return lengths[int(0.9 * (len(lengths) - 1))] if lengths else 0


def _join(prev: str, line: str) -> str:
    if _HYPHENATED.search(prev) and line[0].islower():
        return prev[:-1] + line
    if _CJK_END.search(prev) and _CJK_START.match(line):
        return prev + line
    return f"{prev} {line}"


def reflow(text: str) -> str:
    """``text`` with layout line wraps joined back into paragraphs (see the module doc)."""
    lines = [line.strip() for line in text.split("\n")]
    if sum(1 for line in lines if line) < MIN_LINES:
        return "\n".join(lines).strip()
    width = _full_width(lines)
    full, full_stop = width * FULL_LINE, width * FULL_CJK_STOP
    paragraphs: list[str] = []
    wrapped = False  # the previous line was full, so this one continues its paragraph
    for line in lines:
        if wrapped and line and not _NEW_ITEM.match(line):
            paragraphs[-1] = _join(paragraphs[-1], line)
        else:
            paragraphs.append(line)
        wrapped = bool(line) and len(line) >= (full_stop if _CJK_STOP.search(line) else full)
    return "\n".join(paragraphs).strip()
