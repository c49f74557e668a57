"""Folded keys of party names: case, width, punctuation and legal-form suffixes removed.

``fold("Wangsu Science & Technology Co., Ltd.") == "wangsu science and technology"``.
The suffix lists live in ``data/legal_suffixes.yaml`` (loaded once, validated); the
curated group names in ``data/party_groups.yaml``.
"""
from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache

from patlit.data import load_yaml
from patlit.errors import DataFileError

_NON_WORD = re.compile(r"[^\w\u3400-\u9fff]+")
_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN = re.compile(r"[a-z]")


def _words(name: str) -> str:
    s = unicodedata.normalize("NFKC", name or "").lower().replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", s).split())


@cache
def _suffixes() -> tuple[tuple[str, ...], tuple[str, ...]]:
    data = load_yaml("legal_suffixes.yaml")
    if not isinstance(data, dict):
        raise DataFileError("data/legal_suffixes.yaml: expected a mapping with 'latin', 'chinese', 'examples'")
    latin, chinese = data.get("latin"), data.get("chinese")
    for key, items in (("latin", latin), ("chinese", chinese)):
        if not isinstance(items, list) or not items or not all(isinstance(x, str) and x.strip() for x in items):
            raise DataFileError(f"data/legal_suffixes.yaml: '{key}' must be a non-empty list of strings")
    for ex in data.get("examples") or []:
        if not (isinstance(ex, list) and len(ex) == 2 and all(isinstance(x, str) for x in ex)):
            raise DataFileError(f"data/legal_suffixes.yaml: example {ex!r} must be [name, folded]")
    # longest first, so "and co" is tried before "co" and 股份有限公司 before 公司
    lat = tuple(sorted({_words(x) for x in latin}, key=len, reverse=True))
    zh = tuple(sorted(set(chinese), key=len, reverse=True))
    return lat, zh


def suffix_examples() -> list[tuple[str, str]]:
    """The ``[name, folded]`` examples carried by the suffix table (for table-driven tests)."""
    _suffixes()
    return [tuple(ex) for ex in load_yaml("legal_suffixes.yaml").get("examples") or []]


@lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """The comparison key of a party name; ``""`` for a name with no letters (cached: names recur)."""
    s = _words(name)
    if s.startswith("the ") and len(s) > 4:
        s = s[4:]
    latin, chinese = _suffixes()
    changed = True
    while changed and s:
        changed = False
        for suf in latin:
            if s.endswith(" " + suf):
                s = s[: -len(suf) - 1].rstrip()
                changed = True
                break
        for suf in chinese:
            if s.endswith(suf) and len(s) > len(suf):
                s = s[: -len(suf)].rstrip()
                changed = True
                break
    return s


@lru_cache(maxsize=1 << 16)
def script(name: str) -> str:
    """``"han"`` when the name has Chinese characters, ``"latin"`` when it has Latin letters, else ``"other"``."""
    if _HAN.search(name):
        return "han"
    if _LATIN.search(_words(name)):
        return "latin"
    return "other"


@cache
def curated_groups() -> dict[str, tuple[str, ...]]:
    """Folded key -> every name of its curated group (from ``data/party_groups.yaml``)."""
    data = load_yaml("party_groups.yaml")
    groups = data.get("groups") if isinstance(data, dict) else None
    if not isinstance(groups, list):
        raise DataFileError("data/party_groups.yaml: expected 'groups', a list")
    out: dict[str, tuple[str, ...]] = {}
    for i, g in enumerate(groups):
        names = g.get("names") if isinstance(g, dict) else None
        if not (isinstance(names, list) and len(names) >= 2 and all(isinstance(n, str) and fold(n) for n in names)):
            raise DataFileError(f"data/party_groups.yaml: group {i} needs 'names', two or more names")
        if not (isinstance(g.get("source"), str) and g["source"].strip()):
            raise DataFileError(f"data/party_groups.yaml: group {i} ({names[0]}) needs a 'source'")
        for n in names:
            key = fold(n)
            if key in out:
                raise DataFileError(f"data/party_groups.yaml: {n!r} is listed in two groups")
            out[key] = tuple(names)
    return out
