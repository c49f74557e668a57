"""Name utilities shared by the party grammars: legal-suffix folding and alias tests.

- :func:`fold` gives the comparison key of a name (case, punctuation, spacing and
  legal-form suffixes such as "Inc.", "Co., Ltd.", "GmbH", "有限公司" removed); two
  names with the same key are the same party.
- :func:`strip_suffix` removes the legal-form suffix but keeps the writing.
- :func:`is_short_form` and :func:`is_abbreviation` decide whether a shorter form
  used in a document ("Samsung", "HPE", "IntVen", "Am. Tech. Ceramics Corp.") can
  stand for a longer name given there.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: legal-form words folded away at the end of a name (after punctuation is removed)
LEGAL_SUFFIXES: tuple[str, ...] = (
    "股份有限公司", "有限责任公司", "有限公司", "公司",
    "incorporated", "inc", "corporation", "corp", "company", "co", "limited", "ltd",
    "llc", "l l c", "lp", "llp", "plc", "gmbh", "ag", "kg", "sa", "s a", "nv", "bv", "pte",
    "pty", "kk", "oy", "ab", "spa", "srl", "sas", "sarl", "se", "ltda",
    "s r l", "s p a", "s a r l", "s à r l", "a s", "asa", "oyj", "pllc", "bhd", "sdn", "kft", "s l",
)
_LATIN_SUFFIXES = tuple(s for s in LEGAL_SUFFIXES if s.isascii())
_CJK_SUFFIXES = tuple(s for s in LEGAL_SUFFIXES if not s.isascii())
_NON_WORD = re.compile(r"[^\w\u4e00-\u9fff]+")
_SPACES = re.compile(r"\s+")
# a written legal suffix at the end of a name: ", Inc.", " Co., Ltd.", " Pte. Ltd.", " GmbH"
SUFFIX_RE = re.compile(
    r"(?:,?\s*(?:Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LLP|LP|L\.P|PLC|plc|"
    r"GmbH|AG|KG|S\.A|SA|N\.V|NV|B\.V|BV|Pte|Pty|K\.K|KK|Oy|AB|S\.p\.A|SpA|S\.r\.l|SRL|SAS|SARL|SE|"
    r"S\.à\s?r\.l|A/S|ASA|PLLC|Sdn|Bhd|S\.L|e\.V|Kft)\b\.?)+$"
)


_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")
_NON_WORD_ONLY = re.compile(r"[^\w]+")


@lru_cache(maxsize=4096)
def fold(name: str) -> str:
    """Comparison key: lower case, punctuation to spaces, "&" as "and", legal suffixes dropped."""
    s = unicodedata.normalize("NFKC", name or "").lower().replace("&", " and ")
    s = _NON_WORD.sub(" ", s).strip()
    changed = True
    while changed and s:
        changed = False
        for suf in _LATIN_SUFFIXES:
            if s.endswith(" " + suf):
                s = s[: -len(suf)].strip()
                changed = True
        for suf in _CJK_SUFFIXES:
            if s.endswith(suf) and s != suf:
                s = s[: -len(suf)].strip()
                changed = True
    return _SPACES.sub(" ", s)


def squash(name: str) -> str:
    """:func:`fold` without spaces ("Solar World" and "SolarWorld" agree)."""
    return fold(name).replace(" ", "")


@lru_cache(maxsize=8192)
def has_suffix(name: str) -> bool:
    """``name`` ends with a written legal suffix (``SUFFIX_RE`` finds one)."""
    return SUFFIX_RE.search(name) is not None


def strip_suffix(name: str) -> str:
    """The name without its written legal-form suffix ("Kove IO, Inc." -> "Kove IO")."""
    out = SUFFIX_RE.sub("", name).rstrip(" ,")
    return out or name


def words(name: str) -> list[str]:
    """The words of the folded name."""
    return list(_words(name))


@lru_cache(maxsize=8192)
def _words(name: str) -> tuple[str, ...]:
    return tuple(fold(name).split())


@lru_cache(maxsize=8192)
def is_short_form(short: str, long: str) -> bool:
    """``short`` is the leading words of ``long`` ("Samsung" of "Samsung Electronics Co.")."""
    sw, lw = _words(short), _words(long)
    return 0 < len(sw) < len(lw) and lw[: len(sw)] == sw


_CONNECTORS = {"of", "and", "the", "for", "de"}


@lru_cache(maxsize=8192)
def is_abbreviation(short: str, long: str) -> bool:
    """``short`` is made of leading letters of ``long``'s words, in order.

    Covers initials ("HPE" for Hewlett Packard Enterprise, "IV" for Intellectual
    Ventures), clipped compounds ("IntVen") and dotted abbreviations ("Am. Tech.
    Ceramics Corp."). Every significant word of ``long`` must contribute at least
    its first letter; connectors and trailing legal suffixes may be skipped.
    """
    letters = abbreviation_letters(short)
    if len(letters) < 2 or len(letters) > 40:
        return False
    lw = _long_words(long)
    if len(lw) < 2:
        return False
    if squash(short) == squash(long):
        return False
    # trailing legal-suffix words of long are optional
    n_core = len(lw)
    while n_core > 1 and lw[n_core - 1] in _LATIN_SUFFIXES:
        n_core -= 1
    optional = [w in _CONNECTORS or i >= n_core for i, w in enumerate(lw)]
    if sum(1 for o in optional if not o) < 2 and len(letters) < 4:
        return False
    return _cover(letters, tuple(lw), tuple(optional))


def abbreviation_letters(short: str) -> str:
    """The letters :func:`is_abbreviation` reads from a short form ("Am. Tech." -> "amtech")."""
    return _NON_ALNUM.sub("", unicodedata.normalize("NFKC", short)).lower()


@lru_cache(maxsize=8192)
def initials(long: str) -> frozenset[str]:
    """First letters of the words :func:`is_abbreviation` reads from a long name: an
    abbreviation of it starts with one of them."""
    return frozenset(w[0] for w in _long_words(long))


def _long_words(long: str) -> list[str]:
    return _NON_WORD_ONLY.sub(" ", unicodedata.normalize("NFKC", long).lower().replace("&", " and ")).split()


@lru_cache(maxsize=4096)
def _cover(letters: str, lw: tuple[str, ...], optional: tuple[bool, ...]) -> bool:
    # dp over (position in letters, word index)
    n, m = len(letters), len(lw)
    reach = {(0, 0)}
    stack = [(0, 0)]
    while stack:
        i, j = stack.pop()
        if i == n and all(optional[j:]):
            return True
        if j >= m:
            continue
        nxt = []
        if optional[j]:
            nxt.append((i, j + 1))
        w = lw[j]
        k = 0
        while k < len(w) and i + k < n and letters[i + k] == w[k]:
            k += 1
            nxt.append((i + k, j + 1))
        for st in nxt:
            if st not in reach:
                reach.add(st)
                stack.append(st)
    return False


@lru_cache(maxsize=8192)
def similar(a: str, b: str) -> bool:
    """Same party written slightly differently ("NJOY Netherlands BV" / "NJOY Netherland BV")."""
    x, y = squash(a), squash(b)
    if x == y:
        return True
    if len(x) < 8 or len(y) < 8 or abs(len(x) - len(y)) > 1 or x[:4] != y[:4]:
        return False
    # one insertion/deletion/substitution
    if len(x) > len(y):
        x, y = y, x
    i = 0
    while i < len(x) and x[i] == y[i]:
        i += 1
    if len(x) == len(y):
        return x[i + 1:] == y[i + 1:]
    return x[i:] == y[i + 1:]
