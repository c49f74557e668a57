"""Settle overlapping mentions in one place.

Extractors run independently and may claim the same characters: "2019" inside a
case number "(2019)京73民初1234号", a number inside a patent identifier, a court
name inside a longer court name. :func:`settle` keeps a set of non-overlapping
mentions: the longest span wins; on equal length the more specific type wins
(order of :data:`PRIORITY`).
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from operator import attrgetter

from patlit.model import (
    CaseNumberMention,
    DateMention,
    ForumMention,
    MoneyMention,
    PatentMention,
    Span,
)

_START = attrgetter("start")

#: lower index wins a tie between equally long overlapping mentions
PRIORITY: tuple[type, ...] = (PatentMention, CaseNumberMention, MoneyMention, ForumMention, DateMention)


@dataclass
class Mentions:
    """The settled mentions of one document, by type, each list in text order."""

    patents: list[PatentMention] = field(default_factory=list)
    case_numbers: list[CaseNumberMention] = field(default_factory=list)
    money: list[MoneyMention] = field(default_factory=list)
    forums: list[ForumMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)

    def all(self) -> list[Span]:
        out: list[Span] = [*self.patents, *self.case_numbers, *self.money, *self.forums, *self.dates]
        out.sort(key=_START)
        return out


_SLOT = {
    PatentMention: "patents",
    CaseNumberMention: "case_numbers",
    MoneyMention: "money",
    ForumMention: "forums",
    DateMention: "dates",
}


def _rank(m: Span) -> int:
    for i, t in enumerate(PRIORITY):
        if isinstance(m, t):
            return i
    return len(PRIORITY)


#: the rank of each mention type itself (a subclass is ranked by :func:`_rank`)
_RANK = {t: i for i, t in enumerate(PRIORITY)}


def _order(m: Span) -> tuple[int, int, int]:
    rank = _RANK.get(type(m))
    return (m.start - m.end, _rank(m) if rank is None else rank, m.start)


def settle(mentions: list[Span]) -> Mentions:
    """Keep the longest (then highest-priority) of every group of overlapping mentions."""
    ordered = sorted(mentions, key=_order)
    out = Mentions()
    slots = {t: getattr(out, slot) for t, slot in _SLOT.items()}
    kept = _kept_spans(ordered) if all(m.end > m.start for m in ordered) else _kept_spans_plain(ordered)
    for m in kept:
        dest = slots.get(type(m))
        if dest is None:  # a subclass of a mention type
            dest = next((slots[t] for t in _SLOT if isinstance(m, t)), None)
        if dest is not None:
            dest.append(m)
    for dest in slots.values():
        if len(dest) > 1:
            dest.sort(key=_START)
    return out


def _kept_spans(ordered: list[Span]) -> list[Span]:
    """The mentions (longest first) that overlap none kept before them.

    Kept spans are non-empty and disjoint, so in start order their ends rise too: the only
    one that can overlap ``m`` is the last kept span starting before ``m.end``.
    """
    starts: list[int] = []
    ends: list[int] = []
    out: list[Span] = []
    for m in ordered:
        i = bisect.bisect_left(starts, m.end)
        if i and ends[i - 1] > m.start:
            continue
        starts.insert(i, m.start)
        ends.insert(i, m.end)
        out.append(m)
    return out


def _kept_spans_plain(ordered: list[Span]) -> list[Span]:
    """:func:`_kept_spans` for lists holding empty spans: pairwise tests."""
    taken: list[tuple[int, int]] = []
    out: list[Span] = []
    for m in ordered:
        if any(m.start < e and s < m.end for s, e in taken):
            continue
        taken.append((m.start, m.end))
        out.append(m)
    return out
