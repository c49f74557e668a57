"""Faster case-insensitive searches: a leading look-ahead on the possible first characters.

Python's regex engine scans quickly for a pattern's first character only when the pattern
starts with a literal or a character class it can read (never under ``re.IGNORECASE``
with cased letters, nor after ``\\b`` or a look-behind): ``\\b(?:the|this|its)\\s+suit`` is
then tried in full at every position.
:func:`with_first_chars` reads the set of characters any match can start with from the
parsed pattern and puts ``(?=[...])`` in front, which fails at once almost everywhere.
Matches, groups and group names stay the same (the look-ahead consumes nothing and holds
no group); a pattern whose first characters cannot be read exactly is returned unchanged.
"""
from __future__ import annotations

import re
from re import _constants as C  # noqa: PLC2701 - the parser's op codes
from re import _parser as P  # noqa: PLC2701 - the standard parser

_MAX_CHARS = 400  # a class larger than this would not help


#: category escapes a first character may be read as (written as they are into the look-ahead);
#: \d only: \w and \s hold most characters of a text, a look-ahead on them would not help
_CATEGORIES = {C.CATEGORY_DIGIT: "\\d"}


class _Unknown(Exception):
    """The pattern's first characters cannot be read exactly."""


def _first_seq(items) -> tuple[set[int], bool]:
    """First characters of a sequence of parsed items, and whether it can match empty."""
    acc: set[int] = set()
    for op, av in items:
        chars, nullable = _first_op(op, av)
        acc |= chars
        if len(acc) > _MAX_CHARS:
            raise _Unknown
        if not nullable:
            return acc, False
    return acc, True


def _first_op(op, av) -> tuple[set[int], bool]:
    if op is C.LITERAL:
        return {av}, False
    if op is C.AT:
        return set(), True  # \b, ^, $: zero width
    if op in (C.ASSERT, C.ASSERT_NOT):
        return set(), True  # look-around: zero width (the look-ahead we add stays a superset)
    if op is C.IN:
        chars: set = set()
        for iop, iav in av:
            if iop is C.LITERAL:
                chars.add(iav)
            elif iop is C.RANGE and iav[1] - iav[0] <= _MAX_CHARS:
                chars.update(range(iav[0], iav[1] + 1))
            elif iop is C.CATEGORY and iav in _CATEGORIES:
                chars.add(_CATEGORIES[iav])  # kept as the escape: same flags, same meaning
            else:
                raise _Unknown  # negated classes, other categories, big ranges
        return chars, False
    if op is C.BRANCH:
        acc: set[int] = set()
        nullable = False
        for branch in av[1]:
            chars, null = _first_seq(branch.data if hasattr(branch, "data") else branch)
            acc |= chars
            nullable |= null
        return acc, nullable
    if op is C.SUBPATTERN:
        if av[1] & (re.IGNORECASE | re.ASCII | re.LOCALE):
            raise _Unknown  # (?i:...) and the like: the look-ahead would read another case or class
        return _first_seq(av[-1].data if hasattr(av[-1], "data") else av[-1])
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
        lo, _hi, body = av
        chars, null = _first_seq(body.data if hasattr(body, "data") else body)
        return chars, null or lo == 0
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _first_seq(av.data if hasattr(av, "data") else av)
    raise _Unknown  # ANY, NOT_LITERAL, GROUPREF, conditionals, ...


def _engine_scans(items) -> bool:
    """The engine finds this pattern's starts itself: it opens with a literal or a class
    (or a choice of literals), read without IGNORECASE."""
    while items and items[0][0] is C.SUBPATTERN:
        items = items[0][1][-1].data
    if not items:
        return False
    op, av = items[0]
    if op in (C.LITERAL, C.IN):
        return True
    if op is C.BRANCH:
        return all(b.data and b.data[0][0] is C.LITERAL for b in av[1])
    return False


def with_first_chars(rx: re.Pattern) -> re.Pattern:
    """``rx`` with a look-ahead on its possible first characters when that can speed it up."""
    if not isinstance(rx.pattern, str):
        return rx
    try:
        parsed = P.parse(rx.pattern, rx.flags)
        chars, nullable = _first_seq(parsed.data)
    except (_Unknown, re.error, RecursionError):
        return rx
    if nullable or not chars:
        return rx  # empty matches
    if rx.flags & re.IGNORECASE:
        if not any(isinstance(c, int) and chr(c).lower() != chr(c).upper() for c in chars):
            return rx  # uncased starts: the engine scans for them itself
    elif _engine_scans(parsed.data):
        return rx
    cls = "".join(f"\\U{c:08x}" for c in sorted(c for c in chars if isinstance(c, int)))
    cls += "".join(sorted(c for c in chars if isinstance(c, str)))
    try:
        out = re.compile(f"(?=[{cls}])(?:{rx.pattern})", rx.flags)
    except re.error:
        return rx  # e.g. global inline flags that must open the pattern
    if out.groupindex != rx.groupindex or out.groups != rx.groups:
        return rx
    return out


def _required_seq(items, out: list[str]) -> None:
    for op, av in items:
        if op is C.LITERAL:
            out.append(chr(av))
        elif op is C.SUBPATTERN:
            if not av[1] & re.IGNORECASE:  # (?i:...) matches other cases too
                _required_seq(av[-1].data if hasattr(av[-1], "data") else av[-1], out)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            _required_seq(av[2].data if hasattr(av[2], "data") else av[2], out)
        # anything else (choices, classes, look-arounds, optional parts) requires nothing sure


def required_chars(rx: re.Pattern) -> str:
    """Characters every match of ``rx`` holds (between its start and end), in pattern
    order; "" when none is sure (or the pattern ignores case)."""
    if not isinstance(rx.pattern, str) or rx.flags & re.IGNORECASE:
        return ""
    try:
        parsed = P.parse(rx.pattern, rx.flags)
    except (re.error, RecursionError):
        return ""
    out: list[str] = []
    _required_seq(parsed.data, out)
    return "".join(dict.fromkeys(out))


def _runs_seq(items, out: list[str]) -> None:
    run: list[str] = []
    for op, av in items:
        if op is C.LITERAL:
            run.append(chr(av))
            continue
        if run:
            out.append("".join(run))
            run = []
        if op is C.SUBPATTERN:
            if not av[1] & re.IGNORECASE:
                _runs_seq(av[-1].data if hasattr(av[-1], "data") else av[-1], out)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            _runs_seq(av[2].data if hasattr(av[2], "data") else av[2], out)
        # choices, classes, look-arounds, optional parts: no sure run
    if run:
        out.append("".join(run))


def required_runs(rx: re.Pattern) -> list[str]:
    """Strings every match of ``rx`` holds (runs of consecutive literals), in pattern order;
    [] when none is sure (or the pattern ignores case)."""
    if not isinstance(rx.pattern, str) or rx.flags & re.IGNORECASE:
        return []
    try:
        parsed = P.parse(rx.pattern, rx.flags)
    except (re.error, RecursionError):
        return []
    out: list[str] = []
    _runs_seq(parsed.data, out)
    return out
