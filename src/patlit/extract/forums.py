"""Forum mentions: courts and offices named in the text, with their canonical forum code.

``extract(ctx) -> list[ForumMention]``. Codes follow the facts spec: courts-db ids for US
federal courts (:mod:`.courts_us`), ``ptab``, ``usitc``, ``cnipa``, ``cn-spc``,
``cn-bjipc``..., ``cn-court:<Chinese name as written>`` (:mod:`.courts_cn`), ``epo``,
``upc``, German and UK codes, and ``other:<name as written>``. The USPTO itself gives
``uspto``, which is not a spec code: the proceeding assembler maps it to ``ptab`` for IPR
petitions and to null for ex parte reexamination.

How: every surface form (``data/forums.yaml``, the courts-db index, the Chinese court
triggers) is a key of an Aho-Corasick automaton run once over a folded copy of the text
(lower case, curly quotes and odd spaces made plain, offsets unchanged; text that cannot
hold a Chinese key runs a smaller automaton without them). Each hit is
checked (whole word, exact case for acronyms, ``unless_after``) and resolved into a
candidate span that covers the whole court phrase as written. Candidates are settled in
three rounds: specific names (longest first), names valid only next to another forum
(``requires``: "the Commission" only where the ITC is named), then generic heads
("Delhi High Court" -> ``other:Delhi High Court``) where nothing more specific overlaps.
Vague references ("a court in Shenzhen", "the district court", 一审法院) give nothing.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any, NamedTuple

import ahocorasick

from patlit.data import load_yaml
from patlit.errors import DataFileError
from patlit.extract import courts_cn, courts_us
from patlit.extract.context import Context
from patlit.extract.rx_prefix import with_first_chars
from patlit.extract.forum_rules import (
    CONDITIONAL,
    GENERIC,
    SPECIFIC,
    Candidate,
    Rule,
    Scan,
    bounded,
    extend_left,
    fold,
)
from patlit.model import ForumMention

_DATA = "data/forums.yaml"
_CJK = re.compile(r"[\u3400-\u9fff]")
_CJK_ANY = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")  # Context.has_cjk's characters
# searched in a window ending at a hit: with_first_chars makes the engine skip the
# positions where they cannot start instead of trying them in full
_PLACE_LEFT = with_first_chars(re.compile(r"(?:[A-ZÀ-Þ][\w'’\-]*(?:,\s+|\s+and\s+|\s+)){1,5}$"))
_ZH_PLACE_LEFT = re.compile(r"[\u3400-\u9fff]{1,8}$")
_QUALIFIER_LEFT = with_first_chars(re.compile(r"(?:[A-ZÀ-Þ][\w'’.\-]*\s+){1,4}$"))
_OF_RIGHT = re.compile(r"\s+of\s+(?:[Tt]he\s+)?[A-ZÀ-Þ][\w'’\-]*(?:\s+(?:and\s+)?[A-ZÀ-Þ][\w'’\-]*){0,3}")
_ZH_STOPS = set("向在至到于於被由诉訴称稱据據赴往对對的是为為从從与與及或并並其该該了已审審请請给給交将將，。、；：,;:（）()“”《》 \n")
_WORD = re.compile(r"\S+")
_LEADING_STOP = {"The", "A", "An", "In", "At", "By", "From", "To", "Before"}


def _load() -> dict[str, Any]:
    data = load_yaml("forums.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("forums"), list):
        raise DataFileError(f"{_DATA}: expected a mapping with a 'forums' list")
    for i, entry in enumerate(data["forums"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("code"), str):
            raise DataFileError(f"{_DATA}: forums[{i}] needs a string 'code'")
        if not any(entry.get(k) for k in ("en", "acronyms", "zh")):
            raise DataFileError(f"{_DATA}: forums[{i}] ({entry['code']}) names nothing (en/acronyms/zh)")
        for key in ("en", "acronyms", "zh", "requires", "unless_after", "unless_before"):
            val = entry.get(key)
            if val is not None and not (isinstance(val, list) and all(isinstance(x, str) and x for x in val)):
                raise DataFileError(f"{_DATA}: forums[{i}] ({entry['code']}) '{key}' must be a list of strings")
        if entry.get("left") not in (None, "place", "zh_place"):
            raise DataFileError(f"{_DATA}: forums[{i}] ({entry['code']}) 'left' must be place or zh_place")
        if not entry.get("examples"):
            raise DataFileError(f"{_DATA}: forums[{i}] ({entry['code']}) carries no examples")
    for i, g in enumerate(data.get("generic") or []):
        if not isinstance(g, dict) or not isinstance(g.get("head"), str) or not g.get("examples"):
            raise DataFileError(f"{_DATA}: generic[{i}] needs a 'head' and examples")
    for key in ("contexts",):
        if not isinstance(data.get(key), dict):
            raise DataFileError(f"{_DATA}: '{key}' must be a mapping")
    for group in ("forums", "generic"):
        for entry in data.get(group) or []:
            for ex in entry.get("examples") or []:
                if not (isinstance(ex, list) and len(ex) == 2 and isinstance(ex[0], str)):
                    raise DataFileError(f"{_DATA}: example {ex!r} of {entry.get('code') or entry.get('head')} must be [text, code]")
    return data


@cache
def lexicon() -> dict[str, Any]:
    """The validated ``data/forums.yaml``."""
    return _load()


@cache
def _contexts() -> dict[str, re.Pattern[str]]:
    try:
        return {f"ctx:{k}": re.compile(v) for k, v in lexicon()["contexts"].items()}
    except re.error as exc:
        raise DataFileError(f"{_DATA}: bad context regex ({exc})") from exc


def examples() -> list[tuple[str, str | None]]:
    """Every ``[sentence, code]`` example of forums.yaml (for table-driven tests)."""
    data = lexicon()
    return [(ex[0], ex[1]) for group in ("forums", "generic") for e in data.get(group) or [] for ex in e["examples"]]


def describe(code: str) -> str:
    """A readable name for a forum code (for display): "cand" -> the court's courts-db name,
    "cnipa" -> "China National Intellectual Property Administration", "other:X" -> "X"."""
    if ":" in code:
        return code.split(":", 1)[1]
    us = courts_us.court_name(code)
    if us:
        return us
    for entry in lexicon()["forums"]:
        if entry["code"] == code and entry.get("en"):
            return entry["en"][0]
    return code


# ---------------------------------------------------------------- resolvers from the yaml


def _guarded(code: str, after: tuple[str, ...], before: tuple[str, ...], left: str | None):
    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        if after and any(scan.text.startswith(a, end) for a in after):
            return None
        if before and any(scan.text.endswith(b, 0, start) for b in before):
            return None
        s = start
        if left == "place":
            s = extend_left(scan, start, _PLACE_LEFT, 80)
            s = _trim_leading_stops(scan.text, s, start)
        elif left == "zh_place":
            s = _zh_qualifier_start(scan.text, start)
        return Candidate(s, end, code)

    return resolve


def _trim_leading_stops(text: str, s: int, limit: int) -> int:
    while s < limit:
        word = text[s:limit].split(None, 1)[0]
        if word not in _LEADING_STOP:
            break
        s += len(word)
        while s < limit and text[s].isspace():
            s += 1
    return s


def _zh_qualifier_start(text: str, start: int, width: int = 10) -> int:
    s = start
    while s > 0 and start - s < width and text[s - 1] not in _ZH_STOPS and _CJK.match(text[s - 1]):
        s -= 1
    return s


def _generic(head: str, bare: dict | None, stop_words: frozenset[str], us_words: frozenset[str]):
    zh = bool(_CJK.search(head))
    bare_code = (bare or {}).get("code")
    bare_requires = tuple((bare or {}).get("requires") or ())

    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        text = scan.text
        if zh:
            s = _zh_qualifier_start(text, start)
            qual = text[s:start]
            if len(qual) < 2:
                return None
            if any(w in qual for w in us_words if _CJK.match(w)):
                return None  # 美国联邦地区法院 without its district names no forum
            return Candidate(s, end, f"other:{text[s:end]}", GENERIC)
        s0 = extend_left(scan, start, _QUALIFIER_LEFT, 60)
        words = [(m.start(), m.group()) for m in _WORD.finditer(text, s0, start)]
        while words and words[0][1] in stop_words:
            words.pop(0)
        s = words[0][0] if words else start
        words = [w for _, w in words]
        e = end
        of = _OF_RIGHT.match(text, end)
        if of and not words:
            e = of.end()
        if words and all(w.rstrip(",") in us_words for w in words):
            return None
        if not words and e == end:
            if bare_code is None:
                return None
            return Candidate(start, end, bare_code, CONDITIONAL, bare_requires)
        return Candidate(s, e, f"other:{text[s:e]}", GENERIC)

    return resolve


def _yaml_rules() -> list[tuple[str, Rule]]:
    data = lexicon()
    out: list[tuple[str, Rule]] = []
    for entry in data["forums"]:
        code = entry["code"]
        requires = tuple(entry.get("requires") or ())
        tier = CONDITIONAL if requires else SPECIFIC
        resolve = _guarded(code, tuple(entry.get("unless_after") or ()), tuple(entry.get("unless_before") or ()), entry.get("left"))
        for name in [*(entry.get("en") or []), *(entry.get("zh") or [])]:
            out.append((fold(name), Rule(code=code, resolve=resolve, tier=tier, requires=requires, source=_DATA)))
        for name in entry.get("acronyms") or []:
            out.append((fold(name), Rule(code=code, resolve=resolve, exact=name, tier=tier, requires=requires, source=_DATA)))
    stop = frozenset(data.get("generic_stop_words") or ())
    us = frozenset(data.get("generic_us_words") or ())
    for g in data.get("generic") or []:
        head = g["head"]
        out.append((fold(head), Rule(resolve=_generic(head, g.get("bare"), stop, us), exact=head, tier=GENERIC, source=_DATA)))
    return out


# ---------------------------------------------------------------- the automaton


#: keys holding a character from here on (CJK, full-width) are "wide"
_WIDE = 0x2E80


class _Automata(NamedTuple):
    every: ahocorasick.Automaton  # every key
    narrow: ahocorasick.Automaton  # the keys without a wide character
    wide_first: re.Pattern[str] | None  # the first characters of the wide keys


#: characters from the most to the least common in English text
_RANK = {ch: i for i, ch in enumerate(" etaoinsrhldcumfpgwybv,.k0-x1j2q9z85346')(7\"/")}


@cache
def _automata() -> _Automata:
    """All keys of all recognisers in one automaton, and the narrow keys (Latin, digits)
    alone in a second one (built once, on first use).

    An automaton's cost per character of text grows with the number of first characters
    of its keys (the Chinese keys bring hundreds): text that holds no first character
    of a wide key runs the narrow automaton, which finds the same hits in the same order.
    """
    table: dict[str, list[Rule]] = {}
    for key, rule in [*_yaml_rules(), *courts_us.rules(), *courts_cn.rules()]:
        table.setdefault(key, []).append(rule)
    every, narrow = ahocorasick.Automaton(), ahocorasick.Automaton()
    firsts: set[str] = set()
    # a trie node looks its children up one by one in the order they were added: adding the
    # keys in order of how common their characters are in English puts common ones first
    # (the same keys, so the same hits in the same order)
    for key, rules in sorted(table.items(), key=lambda kv: [_RANK.get(ch, len(_RANK)) for ch in kv[0]]):
        every.add_word(key, (len(key), tuple(rules)))
        if all(ord(ch) < _WIDE for ch in key):
            narrow.add_word(key, (len(key), tuple(rules)))
        else:
            firsts.add(key[0])
    every.make_automaton()
    narrow.make_automaton()
    wide_first = re.compile("[" + "".join(re.escape(ch) for ch in sorted(firsts)) + "]") if firsts else None
    if not all(_CJK_ANY.match(ch) for ch in firsts):  # _automaton_for relies on it
        raise ValueError("a forum key with a wide character must start with a Chinese character")
    return _Automata(every, narrow, wide_first)


def warm_up() -> None:
    """Build the automata now (they are otherwise built on the first document)."""
    _automata()


def _automaton_for(low: str, lang: str, cjk: bool | None = None) -> ahocorasick.Automaton:
    """The automaton to run over ``low``: the narrow one when no wide key can be there.

    ``cjk`` False: the text is known to hold no Chinese character, and every wide key
    starts with one (checked in :func:`_automata`), so no wide key can be there."""
    auto = _automata()
    if lang != "zh" and cjk is False:
        return auto.narrow
    if lang == "zh" or (auto.wide_first is not None and not low.isascii() and auto.wide_first.search(low)):
        return auto.every
    return auto.narrow


def candidates(text: str, lang: str = "en", cjk: bool | None = None) -> list[Candidate]:
    """Every candidate forum span of ``text`` before settling (for tests and debugging);
    ``cjk``: whether ``text`` holds a Chinese character, when already known."""
    low = fold(text)
    scan = Scan(text=text, low=low, lang=lang)
    out: list[Candidate] = []
    for last, (length, rules) in _automaton_for(low, lang, cjk).iter(low):
        start, end = last - length + 1, last + 1
        for rule in rules:
            if rule.exact is not None and text[start:end] != rule.exact and text[start:end].replace("\u00a0", " ") != rule.exact:
                continue
            if not _CJK.match(low[start]) and not bounded(low, start, end):
                continue
            if rule.resolve is not None:
                cand = rule.resolve(scan, start, end)
            else:
                cand = Candidate(start, end, rule.code or "", rule.tier, rule.requires, rule.us)
            if cand is not None:
                if rule.requires:
                    cand = cand._replace(tier=CONDITIONAL, requires=rule.requires)
                if rule.us and not cand.us:
                    cand = cand._replace(us=True)
                out.append(cand)
    return out


def _satisfied(requires: tuple[str, ...], tokens: set[str]) -> bool:
    """One positive token found (if any is asked for) and no "!token" found."""
    positive = [t for t in requires if not t.startswith("!")]
    if any(t[1:] in tokens for t in requires if t.startswith("!")):
        return False
    return not positive or any(t in tokens for t in positive)


def _union(kept: Candidate, other: Candidate) -> Candidate:
    """``kept`` stretched over ``other`` when both overlap and name the same forum."""
    if kept.code == other.code and other.start < kept.end and kept.start < other.end:
        return kept._replace(start=min(kept.start, other.start), end=max(kept.end, other.end))
    return kept


def _settle(cands: list[Candidate], text: str) -> list[Candidate]:
    kept: list[Candidate] = []

    def free(c: Candidate) -> bool:
        for k in kept:  # a plain loop: cheaper than any() over a generator for a few items
            if c.start < k.end and k.start < c.end:
                return False
        return True

    def by_length(cs: list[Candidate]) -> list[Candidate]:
        return sorted(cs, key=lambda c: (c.start - c.end, c.start))

    for c in by_length([c for c in cands if c.tier == SPECIFIC]):
        if free(c):
            kept.append(c)
        else:  # the same court named by two overlapping keys ("UK High Court" + "High Court in London")
            for i, k in enumerate(kept):
                if k.code != c.code:
                    continue  # _union keeps k as it is
                u = _union(k, c)
                if u is not k and not any(u.start < o.end and o.start < u.end for o in kept if o is not k):
                    kept[i] = u
    tokens = {c.code for c in kept} | ({"us"} if any(c.us for c in kept) else set())
    conditional = [c for c in cands if c.tier == CONDITIONAL]
    if conditional:
        ctx_tokens = {t for c in conditional for t in c.requires if t.startswith("ctx:")}
        contexts = _contexts()
        tokens |= {t for t in ctx_tokens if t in contexts and contexts[t].search(text)}
        for c in by_length(conditional):
            if c.code.startswith(courts_us.DEFERRED):
                code = courts_us.resolve_deferred(c.code, tokens)
                c = c._replace(code=code or "")
            if c.code and _satisfied(c.requires, tokens) and free(c):
                kept.append(c)
    for c in by_length([c for c in cands if c.tier == GENERIC]):
        if free(c):
            kept.append(c)
    kept.sort(key=lambda c: c.start)
    return kept


_CITY = r"[A-Z][a-zäöüé]+"
#: one court head shared by a list of places: "the regional courts of Munich, Mannheim and Düsseldorf",
#: "the Munich, Mannheim and Düsseldorf regional courts"
_SHARED_HEAD = re.compile(
    rf"\b(?P<h>[Rr]egional|[Dd]istrict)\s+courts\s+(?:of|in)\s+(?P<l>{_CITY}(?:,\s+{_CITY})*,?\s+and\s+{_CITY})\b"
    rf"|\b(?P<l2>{_CITY}(?:,\s+{_CITY})*,?\s+and\s+{_CITY})\s+(?P<h2>[Rr]egional|[Dd]istrict)\s+courts\b")
_CITY_RX = re.compile(_CITY)


def _shared_head(text: str, lang: str, kept: list[Candidate]) -> list[Candidate]:
    """Each place of a list sharing one plural court head is that place's court, when the
    lexicon knows "<place> Regional Court" (or District Court) as a specific forum."""
    out = []
    for m in _SHARED_HEAD.finditer(text):
        head = (m.group("h") or m.group("h2")).capitalize()
        g = "l" if m.group("l") else "l2"
        for c in _CITY_RX.finditer(text, m.start(g), m.end(g)):
            if c.group() == "And" or any(c.start() < k.end and k.start < c.end() for k in kept):
                continue
            name = f"{c.group()} {head} Court"
            found = [x for x in candidates(name, lang, False) if x.tier == SPECIFIC and x.start == 0 and x.end == len(name)]
            if found:
                out.append(found[0]._replace(start=c.start(), end=c.end()))
    return out


def extract(ctx: Context) -> list[ForumMention]:
    """Forum mentions of the document, in text order, none overlapping another."""
    text = ctx.text
    if not text:
        return []
    kept = _settle(candidates(text, ctx.lang, ctx.has_cjk()), text)
    if ctx.lang == "en" and ("egional courts" in text or "istrict courts" in text):
        more = _shared_head(text, ctx.lang, kept)
        if more:
            kept = sorted(kept + more, key=lambda c: c.start)
    return [ForumMention(start=c.start, end=c.end, text=text[c.start : c.end], code=c.code) for c in kept]
