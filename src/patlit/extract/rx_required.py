"""Cheap exact pre-tests for cue patterns: words every match must contain.

A cue pattern such as ``\\b(?:the|its)\\s+(?:suit|case|action)\\b`` cannot match a
clause that holds none of "suit", "case", "action". :func:`required_words` reads such
a set of words from the parsed pattern (``None`` when it cannot be read exactly), and
:meth:`WordTests.may_match` looks for them in a lower-cased stretch of the document,
far cheaper than the pattern itself for short word lists.
Only a "no" is trusted: when it says yes, the pattern still decides.

Lower-casing equals the engine's IGNORECASE matching for the words kept (ASCII only),
except for the few non-ASCII letters the engine folds onto ASCII ones (Kelvin sign,
dotted capital I, long s, dotless i): :func:`lowered` gives ``None`` for a text holding
one, and every pre-test then says yes.
"""
from __future__ import annotations

import re
from re import _constants as C  # noqa: PLC2701 - the parser's op codes
from re import _parser as P  # noqa: PLC2701 - the standard parser

# words so common that testing for them prunes little: used only when nothing better is required
# a longer list costs about what the pattern costs (measured on the assembly cues)
_MAX_WORDS = 12
_COMMON = frozenset({"the", "this", "that", "these", "those", "its", "their", "of", "to", "and", "on", "in", "a"})


def _run_words(items) -> list[tuple[str, ...]]:
    """Alternative sets of one sequence: its runs of ASCII literals and its mandatory groups."""
    out: list[tuple[str, ...]] = []
    run: list[str] = []

    def close() -> None:
        if run:
            out.append(("".join(run).lower(),))
            run.clear()

    for op, av in items:
        if op is C.LITERAL and av < 128:
            run.append(chr(av))
            continue
        close()
        sub = None
        if op is C.SUBPATTERN:
            sub = _words(av[-1])
        elif op is C.BRANCH:
            alts = [_words(b) for b in av[1]]
            if all(a is not None for a in alts):
                sub = tuple(w for a in alts for w in a)
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) and av[0] >= 1:
            sub = _words(av[2])
        if sub:
            out.append(sub)
    close()
    return out


def _score(ws: tuple[str, ...]) -> tuple[int, int, int]:
    return (min(len(w) for w in ws) >= 3 and not (set(ws) & _COMMON), min(len(w) for w in ws), -len(ws))


def _words(items) -> tuple[str, ...] | None:
    """Words one of which every match of the sequence contains, or ``None``."""
    cands = [ws for ws in _run_words(items.data if hasattr(items, "data") else items) if all(ws)]
    if not cands:
        return None
    return max(cands, key=_score)


def required_words(rx: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which every match of ``rx`` contains, or ``None``."""
    # keyed by identity: hashing a compiled pattern hashes its whole code
    hit = _REQUIRED.get(id(rx))
    if hit is None or hit[0] is not rx:
        hit = _REQUIRED[id(rx)] = (rx, _required_words(rx))
    return hit[1]


_REQUIRED: dict[int, tuple[re.Pattern, tuple[str, ...] | None]] = {}


def _required_words(rx: re.Pattern) -> tuple[str, ...] | None:
    if not isinstance(rx.pattern, str) or rx.flags & re.VERBOSE:
        return None
    try:
        ws = _words(P.parse(rx.pattern, rx.flags))
    except (re.error, RecursionError):
        return None
    if not ws or min(len(w) for w in ws) < 2:
        return None
    # a word containing another is implied by it
    keep = sorted(set(ws), key=len)
    keep = [w for i, w in enumerate(keep) if not any(k in w for k in keep[:i])]
    return tuple(keep) if len(keep) <= _MAX_WORDS else None


#: non-ASCII characters that IGNORECASE matches against an ASCII letter (İ ı ſ and the Kelvin
#: sign; tests/test_rx_required.py checks this against the engine over all of Unicode)
FOLDING_ONTO_ASCII = "\u0130\u0131\u017f\u212a"


def lowered(text: str) -> str | None:
    """``text`` lower-cased offset for offset, or ``None`` when the pre-test would not be exact."""
    # one fast ``in`` per character is cheaper than a character-class scan
    if not text.isascii() and any(c in text for c in FOLDING_ONTO_ASCII):
        return None
    low = text.lower()
    return low if len(low) == len(text) else None


class WordTests:
    """Word pre-tests over one document, on the text lower-cased once where that is exact for
    every stretch, else on the stretch tested, lower-cased alone."""

    __slots__ = ("text", "_low")

    def __init__(self, text: str) -> None:
        self.text = text
        # Σ is the one character whose lower case depends on what follows (ς at a word's end):
        # without it, and with every character lower-casing to one, the whole text lower-cased
        # holds each stretch lower-cased at the same offsets
        self._low = lowered(text) if "\u03a3" not in text else None

    def may_match(self, rx: re.Pattern, lo: int, hi: int) -> bool:
        """False only when ``rx`` cannot match ``text[lo:hi]``."""
        words = required_words(rx)
        if words is None:
            return True
        whole = self._low
        if whole is not None:  # find with lo, hi reads the same stretch as a slice
            for w in words:
                if whole.find(w, lo, hi) >= 0:
                    return True
            return False
        low = lowered(self.text[lo:hi])
        if low is None:
            return True
        for w in words:
            if w in low:
                return True
        return False
