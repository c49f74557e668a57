"""Building blocks shared by the forum recognisers (:mod:`.forums`, :mod:`.courts_us`, :mod:`.courts_cn`).

Every recogniser contributes *keys* (lower-cased literal strings) to one Aho-Corasick
automaton that :mod:`.forums` runs once over the document. A key carries :class:`Rule`\\ s;
a rule either yields a fixed forum code or calls a resolver that looks around the hit
(extends the span over "United States District Court for the", checks that a state name
is used as a forum, reads the place name before 人民法院 ...) and returns a
:class:`Candidate` or ``None``.

Candidates are settled in :func:`patlit.extract.forums.extract`: specific names first
(longest wins), then names that need another forum in the document (``requires``), then
generic court heads ("... High Court") only where nothing more specific was found.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Callable, NamedTuple

from patlit.errors import DataFileError

#: tiers of candidates: lower tiers are settled first and block later ones
SPECIFIC, CONDITIONAL, GENERIC = 0, 1, 2

_FOLD = (("\u2019", "'"), ("\u2018", "'"), ("\u00a0", " "), ("\u2009", " "), ("\u202f", " "), ("\u3000", " "))


def fold(text: str) -> str:
    """Lower-case ``text`` keeping every offset (one character in, one character out)."""
    folded = text
    for ch, plain in _FOLD:  # str.replace is much faster than str.translate with a table
        if ch in folded:
            folded = folded.replace(ch, plain)
    low = folded.lower()
    if len(low) != len(text):  # a few characters lower-case to two ("İ"): keep those as they are
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in folded)
    return low


class Candidate(NamedTuple):
    start: int
    end: int
    code: str
    tier: int = SPECIFIC
    requires: tuple[str, ...] = ()  # tokens of which one must be found elsewhere ("usitc", "us", "ctx:uk")
    us: bool = False  # a US federal court (satisfies the token "us")


@dataclass
class Scan:
    """One document being scanned: its text, the folded copy, and caches for resolvers."""

    text: str
    low: str
    lang: str

    def left(self, start: int, width: int = 120) -> str:
        return self.text[max(0, start - width) : start]

    def right(self, end: int, width: int = 80) -> str:
        return self.text[end : end + width]


Resolver = Callable[[Scan, int, int], "Candidate | None"]


@dataclass(frozen=True)
class Rule:
    """What a key means: a fixed ``code`` or a ``resolve`` function looking around the hit."""

    code: str | None = None
    resolve: Resolver | None = None
    exact: str | None = None  # the hit must read exactly so in the text (acronyms, "East Texas")
    tier: int = SPECIFIC
    requires: tuple[str, ...] = ()
    us: bool = False
    source: str = ""  # where the rule comes from, for error messages and debugging


def is_word_char(ch: str) -> bool:
    return ch.isalnum() and ord(ch) < 0x2E80  # CJK characters do not bound Latin words


def bounded(low: str, start: int, end: int) -> bool:
    """True when a Latin key at ``low[start:end]`` is not part of a longer word."""
    # the character outside the key first: most often white space, which settles the side
    if start > 0 and is_word_char(low[start - 1]) and is_word_char(low[start]):
        return False
    if end < len(low) and is_word_char(low[end]) and is_word_char(low[end - 1]):
        return False
    return True


def extend_left(scan: Scan, start: int, pattern: re.Pattern[str], width: int = 120, needs: str = "") -> int:
    """Start of a match of ``pattern`` (anchored with ``$``) right before ``start``, else ``start``.

    ``needs``: a string every match holds; the window is searched only when it is there
    (a substring test is far cheaper than trying the pattern at every position)."""
    lo = max(0, start - width)
    if needs and scan.text.find(needs, lo, start) < 0:
        return start
    m = pattern.search(scan.text, lo, start)
    return m.start() if m else start


def extend_right(scan: Scan, end: int, pattern: re.Pattern[str], width: int = 80) -> int:
    """End of a match of ``pattern`` (anchored at ``end``), else ``end``."""
    m = pattern.match(scan.text, end, min(len(scan.text), end + width))
    return m.end() if m else end


