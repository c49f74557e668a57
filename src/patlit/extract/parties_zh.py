"""Chinese parties: who is a party to a proceeding the document reports, with every alias.

Candidates come from five places, all driven by ``data/parties_zh.yaml``:

* organisation names ending in a legal form (有限公司, 株式会社, 集团 ...): the name
  begins after the last word that cannot be part of a name (a role word, a verb, a
  preposition, a descriptor such as 美国企业);
* English names with a Latin legal form (``... LLC``) and brand names used alone
  (华为, 三星); a brand becomes an alias of the fullest form the document gives;
* names after a role word (原告, 被上诉人, 无效宣告请求人 ...), people included;
* ``公司``/``本公司`` in a company announcement, meaning the announcing company;
* short names no lexicon knows, next to a suing verb ("飞利浦在…起诉", "起诉诺基亚，").

Aliases come from brackets (以下简称, 合称, an English name in brackets) and from short
forms of a name that the document uses elsewhere (北京亨通达百货有限公司 ... 亨通达).

A candidate is a party when a role word introduces it or when the Chinese proceedings
grammar finds it bringing or facing an action; companies mentioned for context only
(a list of licensors, a former patent owner) are left out.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from patlit.errors import DataFileError
from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.extract.zh_text import fold, load_yaml, require, string_list
from patlit.model import Party, PartyMention

DATA = "parties_zh.yaml"
ROLE_SIDES = ("claimant", "respondent", "appellant", "appellee", "third_party", "requester", "patentee")
_CJK = r"\u3400-\u4dbf\u4e00-\u9fff"
_NAME_CHAR = re.compile(rf"[{_CJK}A-Za-z0-9()*×·&\-.]")
_LATIN = re.compile(r"[A-Za-z]")
_CJK_RE = re.compile(f"[{_CJK}]")
# "杭州某某科技有限公司(Hangzhou Something Technology Co., Ltd., 以下简称…)"
_LATIN_BRACKET = re.compile(r"\(([A-Za-z][A-Za-z0-9&.,'\- ]{1,80}?)\s*(?:\)|,\s*(?=以下|下称|简称|合称))")
# a Japanese legal form written first ("株式会社岛野"): the name is the characters after it
_PREFIX_FORM = re.compile(r"株式会社[\u4e00-\u9fff]{2,6}?(?=[(（,，。;；:：、\s与和及诉向对的在于]|以下|$)")
_BRACKETED = re.compile(r"\([^()]*\)")
_LIST_SEP = re.compile(r"[、,]")
_LATIN_IN_BRACKETS = re.compile(r"\(([A-Za-z][A-Za-z0-9&.,\- ]{1,60})\)")
_CJK_ONLY = re.compile(f"[{_CJK}]+")
_LATIN_NAME = re.compile(r"[A-Za-z][A-Za-z0-9&\-]*(?: [A-Za-z][A-Za-z0-9&\-]*){0,2}")
_NOT_SELF = "等家个"  # "华为、中兴等公司", "两家公司": companies, not the announcer
_LEADING_JUNK = ")(:,.-&· "
_QUOTES = "\"'“”‘’「」『』"
_MAX_NAME = 30
# after a role word: an ordinal, a bracketed second role, a colon, a copula
# ("被告二:X", "上诉人(原审被告):X", "原告为X")
_AFTER_ROLE = re.compile(r"\s*(?:[一二三四五六七八九十0-9]{1,2}(?=\s*[:(]))?\s*(?:\([^()]{1,12}\))?\s*:?\s*(?:为|是)?")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@dataclass(frozen=True)
class Lexicon:
    roles: dict[str, str]
    role_re: re.Pattern
    stale_re: re.Pattern
    suffix_re: re.Pattern
    latin_name_re: re.Pattern
    boundary_re: re.Pattern
    generic_bodies: frozenset[str]
    generic_starts: tuple[str, ...]
    exclude_words: tuple[str, ...]
    announce_cues: tuple[str, ...]
    self_refs: tuple[str, ...]
    alias_re: re.Pattern
    places: tuple[str, ...]
    industry_words: tuple[str, ...]
    brands: dict[str, tuple[str, ...]]
    brand_re: re.Pattern
    surnames: frozenset[str]
    compound_surnames: tuple[str, ...]
    person_stops: frozenset[str]
    not_person: tuple[str, ...]
    name_initials: frozenset[str]
    anonymous_marks: str
    self_ref_heads: tuple[str, ...]
    generic_tails: tuple[str, ...]
    bare_verb_re: re.Pattern
    bare_subject_stop_re: re.Pattern
    bare_object_stop_re: re.Pattern
    bare_titles: tuple[str, ...]
    bare_not_names: frozenset[str]
    bare_max: int
    bare_object_verbs: frozenset[str]
    pronouns: tuple[str, ...]
    place_re: re.Pattern
    suffix_end_re: re.Pattern
    not_alias: frozenset[str]
    name_inner_chars: frozenset[str]
    lead_re: re.Pattern
    short_form_follows: tuple[str, ...]
    raw: dict = field(repr=False, default_factory=dict)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The validated party lexicon (loaded once)."""
    d = load_yaml(DATA)
    roles: dict[str, str] = {}
    for entry in require(d, "roles", list, DATA):
        if not isinstance(entry, dict) or not isinstance(entry.get("word"), str):
            raise DataFileError(f"{DATA}: every role needs a 'word'")
        if entry.get("side") not in ROLE_SIDES:
            raise DataFileError(f"{DATA}: role {entry['word']!r} has side {entry.get('side')!r}, not one of {ROLE_SIDES}")
        ex = entry.get("example")
        if not isinstance(ex, dict) or entry["word"] not in str(ex.get("text", "")) or not ex.get("party"):
            raise DataFileError(f"{DATA}: role {entry['word']!r} needs an example {{text, party}} using the word")
        roles[entry["word"]] = entry["side"]
    brands_raw = require(d, "brands", dict, DATA)
    brands: dict[str, tuple[str, ...]] = {}
    for brand, fulls in brands_raw.items():
        if not isinstance(brand, str) or not isinstance(fulls, list) or not all(isinstance(f, str) and f for f in fulls):
            raise DataFileError(f"{DATA}: brand {brand!r} must map to a list of full names")
        brands[brand] = tuple(fulls)
    suffixes = string_list(d, "org_suffixes", DATA)
    latin = string_list(d, "latin_suffixes", DATA)
    markers = string_list(d, "alias_markers", DATA)
    # words that lead into a name also end the one before ("…有限公司近日…"), if not single characters
    boundaries = string_list(d, "name_boundaries", DATA) + markers + [w for w in string_list(d, "lead_words", DATA) if len(w) > 1]
    surnames = string_list(d, "surnames", DATA)
    stops = d.get("person_stops")
    if not isinstance(stops, str) or not stops:
        raise DataFileError(f"{DATA}: 'person_stops' must be a non-empty string")
    ann = require(d, "announcement", dict, DATA)
    bare = require(d, "bare_names", dict, DATA)
    latin_alt = _alternation(latin)
    return Lexicon(
        roles=roles,
        role_re=re.compile(_alternation(list(roles))),
        stale_re=re.compile(f"(?:{_alternation(string_list(d, 'stale_role_prefixes', DATA))})$"),
        suffix_re=re.compile(_alternation(suffixes)),
        latin_name_re=re.compile(
            # starts with the capital itself (fast scan), then checks no letter stands before it
            rf"[A-Z](?<![A-Za-z].)[A-Za-z0-9&\-]*(?:\.?,? [A-Z][A-Za-z0-9&\-]*){{0,6}},? (?:\([A-Z][A-Za-z.]*\) )?(?:{latin_alt})(?:,? (?:{latin_alt}))*(?![A-Za-z])"
        ),
        boundary_re=re.compile(_alternation(boundaries)),
        generic_bodies=frozenset(string_list(d, "generic_bodies", DATA)),
        generic_starts=tuple(string_list(d, "generic_starts", DATA)),
        exclude_words=tuple(string_list(d, "exclude_words", DATA)),
        announce_cues=tuple(string_list(ann, "cues", DATA)),
        self_refs=tuple(sorted(string_list(ann, "self_references", DATA), key=len, reverse=True)),
        alias_re=re.compile(
            rf"\((?:[A-Za-z][^()]{{0,80}}?,\s*)?(?:{_alternation(markers)})[:\s]*[{_QUOTES}]?([^()]{{1,40}}?)[{_QUOTES}]?\)"
        ),
        places=tuple(sorted(string_list(d, "places", DATA), key=len, reverse=True)),
        industry_words=tuple(sorted(string_list(d, "industry_words", DATA), key=len, reverse=True)),
        brands=brands,
        brand_re=re.compile(
            _alternation([b for b in brands if not _LATIN.search(b)])
            + "|"
            # Latin brands: first letter, then "no letter before it", then the rest (fast scan)
            + "|".join(
                rf"{re.escape(b[0])}(?<![A-Za-z].){re.escape(b[1:])}(?![A-Za-z])"
                for b in sorted((b for b in brands if _LATIN.search(b)), key=len, reverse=True)
            )
        ),
        surnames=frozenset(s for s in surnames if len(s) == 1),
        compound_surnames=tuple(s for s in surnames if len(s) > 1),
        person_stops=frozenset(stops),
        not_person=tuple(string_list(d, "not_person", DATA)),
        name_initials=frozenset(string_list(d, "name_initials", DATA)),
        anonymous_marks="".join(string_list(d, "anonymous_marks", DATA)),
        self_ref_heads=tuple(r[: -len("公司")] for r in string_list(ann, "self_references", DATA) if r.endswith("公司") and r != "公司"),
        generic_tails=tuple(string_list(d, "generic_tails", DATA)),
        bare_verb_re=re.compile(f"(?:{_alternation(string_list(bare, 'verbs', DATA))})(?![书状人讼])"),
        bare_subject_stop_re=re.compile(_alternation(string_list(bare, "subject_stops", DATA))),
        bare_object_stop_re=re.compile(_alternation(string_list(bare, "object_stops", DATA)) + r"|[,.;:!?。，；：\n()\"“”]"),
        bare_titles=tuple(sorted(string_list(bare, "titles", DATA), key=len, reverse=True)),
        bare_not_names=frozenset(string_list(bare, "not_names", DATA)),
        bare_max=int(bare.get("max_length", 6)),
        bare_object_verbs=frozenset(string_list(bare, "object_verbs", DATA)),
        pronouns=tuple(string_list(bare, "pronouns", DATA)),
        short_form_follows=tuple(string_list(d, "short_form_follows", DATA)),
        lead_re=re.compile(_alternation(string_list(d, "lead_words", DATA))),
        not_alias=frozenset(string_list(d, "not_alias", DATA)),
        name_inner_chars=frozenset(string_list(d, "name_inner_chars", DATA)),
        suffix_end_re=re.compile(f"(?:{_alternation(suffixes)})$"),
        place_re=re.compile(f"(?:{_alternation(string_list(d, 'places', DATA))})[省市区县]*"),
        raw=d,
    )


# ---------------------------------------------------------------- candidates


@dataclass
class _Cand:
    name: str  # as written (folded text is only used for matching)
    start: int
    kind: str = "org"
    aliases: list[str] = field(default_factory=list)
    role: str | None = None


def _scan_back(t: str, end: int) -> int:
    """Leftmost start of a run of name characters ending at ``end`` (brackets balanced)."""
    i, depth = end, 0
    while i > 0 and end - i < _MAX_NAME:
        c = t[i - 1]
        if c == ")":
            depth += 1
        elif c == "(":
            if depth == 0:
                break
            depth -= 1
        elif c == " ":
            if not (i >= 2 and (_LATIN.match(t[i - 2]) or t[i - 2] in "(.,")):
                break
        elif not _NAME_CHAR.match(c):
            break
        i -= 1
    return i


def _name_start(t: str, lo: int, hi: int, protected: list[tuple[int, int]]) -> int:
    """Where a name ending at ``hi`` begins: after the last boundary word in ``t[lo:hi]``."""
    lex = lexicon()
    cuts, prev_end = [lo], -1
    for m in lex.boundary_re.finditer(t, lo, hi):
        s, e = m.span()
        if any(ps < e and s < pe for ps, pe in protected):
            continue
        if e - s == 1 and s == prev_end and t[s] in lex.name_initials:
            prev_end = e  # "被告以岭…": a name may begin with one of these right after a role word
            continue
        cuts.append(e)
        prev_end = e
    cut = cuts[-1]
    # a one-character word inside a name ("南方韵和科技") would leave only a generic
    # word ("科技"): the name starts at the boundary before it
    if cut < hi and t[cut - 1] in lex.name_inner_chars and not _plausible_body(t[cut:hi]):
        earlier = [c for c in cuts[:-1] if _plausible_body(t[c:hi]) and not lex.boundary_re.match(t, c)]
        if earlier:
            cut = earlier[-1]
    # a name does not run over another name's legal form ("甲有限公司近日收到乙株式会社")
    for m in lex.suffix_re.finditer(t, cut, hi):
        if m.end() < hi:
            cut = m.end()
    return cut


# "甲乙科技有限公司（以下简称“乙科技”）": the short form declared right after a name
_DECLARED_SHORT = re.compile(r"\s*[(（][^()（）]{0,8}?(?:以下简称|以下称|下称|简称)[为:：]?\s*[“\"‘']?([^”\"’')）,，]{2,12})")


def _extend_to_declared_short(t: str, lo: int, start: int, end: int, protected: list[tuple[int, int]]) -> int:
    """Move a name's start back when its declared short form begins before it.

    A boundary character inside a name ("广东美的制冷设备有限公司": 的) cuts it short;
    the short form the text declares for it ("美的制冷") shows where it really begins.
    """
    m = _DECLARED_SHORT.match(t, end)
    if m is None:
        return start
    short = m.group(1)
    pos = t.find(short, lo, end)
    if pos == -1 or not (pos < start < pos + len(short)):
        return start
    return _lead_trimmed(t, _name_start(t, lo, pos, protected), pos)


def _plausible_body(body: str) -> bool:
    lex = lexicon()
    core = body.strip(" ()")
    return len(core) >= 2 and core not in lex.generic_bodies and core not in lex.industry_words and not core.startswith(lex.generic_starts)


def _lead_trimmed(t: str, start: int, body_end: int) -> int:
    """Skip punctuation and words that only lead into a name ("据", "记者从", "日前")."""
    lex = lexicon()
    while start < body_end:
        if t[start] in _LEADING_JUNK:
            start += 1
            continue
        m = lex.lead_re.match(t, start)
        if m is None or body_end - m.end() < 2:
            break
        start = m.end()
    return start


def _valid_body(body: str, name: str) -> bool:
    lex = lexicon()
    if any(w in name for w in lex.exclude_words):
        return False
    core = body.strip(" ()")
    if _LATIN.search(core):
        return len(core) >= 2
    if len(core) < 2 or core in lex.generic_bodies or core.startswith(lex.generic_starts):
        return False
    return not core.isdigit()


def _suffix_orgs(text: str, t: str, protected: list[tuple[int, int]]) -> tuple[list[_Cand], list[int]]:
    """Organisation names ending in a legal form; also offsets of bare self-references (公司)."""
    lex = lexicon()
    out: list[_Cand] = []
    bare: list[int] = []
    for m in lex.suffix_re.finditer(t):
        s, e = m.span()
        lo = _scan_back(t, s)
        start = _lead_trimmed(t, _name_start(t, lo, s, protected), s)
        start = _extend_to_declared_short(t, lo, start, e, protected)
        body = t[start:s]
        name = text[start:e]
        if not body or (body + m.group()) in lex.self_refs or body.endswith(lex.self_ref_heads):
            if not (s and t[s - 1] in _NOT_SELF):
                bare.append(s)  # "公司", "本公司", "包括本公司": the announcing company
            continue
        if body.endswith(lex.generic_starts) or body.endswith(lex.generic_tails):
            continue  # "该公司", "其子公司": a reference, not a name
        if _valid_body(body, name):
            out.append(_Cand(name=name, start=start))
    return out, bare


def _latin_orgs(text: str, t: str) -> list[_Cand]:
    return [_Cand(name=text[m.start():m.end()], start=m.start()) for m in lexicon().latin_name_re.finditer(t)]


def _person_after(text: str, t: str, pos: int) -> str | None:
    """A person's name starting at ``pos`` (after a role word), or None."""
    lex = lexicon()
    if t.startswith(lex.not_person, pos):
        return None
    if t.startswith(lex.compound_surnames, pos):
        first = 2
    elif pos < len(t) and t[pos] in lex.surnames:
        first = 1
    else:
        return None
    end = pos + first
    while end < len(t) and end - pos < first + 2 and t[end] not in lex.person_stops and _CJK_RE.match(t[end]):
        end += 1
    if end - pos < 2 or end - pos == first:
        return None
    return text[pos:end]


@lru_cache(maxsize=8)
def _role_spans(t: str) -> list[tuple[int, int, str]]:
    """(start, end, side) of every role word not about a former owner."""
    lex = lexicon()
    out = []
    for m in lex.role_re.finditer(t):
        if lex.stale_re.search(t, max(0, m.start() - 4), m.start()):
            continue
        out.append((m.start(), m.end(), lex.roles[m.group()]))
    return out


def _after_role(t: str, end: int) -> int:
    """Skip a bracketed second role and a colon after a role word: "上诉人(原审被告):X"."""
    m = _AFTER_ROLE.match(t, end)
    return m.end() if m else end


# ---------------------------------------------------------------- aliases


@lru_cache(maxsize=4096)
def _strip_place(body: str) -> str:
    """``body`` without the place names it starts with ("深圳市大疆创新" -> "大疆创新")."""
    rx = lexicon().place_re
    while True:
        m = rx.match(body)
        if m is None or len(body) - m.end() < 2:
            return body
        body = body[m.end():]


def _short_keys(cand: _Cand) -> list[str]:
    """Short forms a document may use for an organisation name (longest first)."""
    lex = lexicon()
    t = fold(cand.name)
    m = None
    for m in lex.suffix_re.finditer(t):
        pass
    if m is None or m.end() != len(t):
        return []
    body = _BRACKETED.sub("", t[: m.start()])
    if any(c in body for c in lexicon().anonymous_marks):
        # "辽宁某电器公司": an anonymised name has no short form of its own but the one without
        # its industry words and legal form ("苏州某电器科技有限公司" ... "苏州某电器公司"),
        # as long as something follows the mark
        return [k + "公司" for k in _industry_cores(body, lex.industry_words)
                if k + "公司" != t and k[-1] not in lex.anonymous_marks]
    keys = []
    if t.endswith("公司") and m.group() != "公司":
        keys.append(body + "公司")
    stripped = _strip_place(body)
    keys += [body + "公司"] if m.group() == "公司" else []
    keys.append(stripped)
    keys += _industry_cores(stripped, lex.industry_words)[1:]
    # the first characters of the name ("奥克斯空调" ... "奥克斯")
    if _CJK_ONLY.fullmatch(stripped):
        keys += [stripped[:n] for n in range(len(stripped) - 1, 1, -1)]
    ok = [k for k in dict.fromkeys(keys) if len(k) >= 2 and k != t and k not in lex.generic_bodies and k not in lex.places
          and k not in lex.industry_words]
    return sorted(ok, key=len, reverse=True)


def _industry_cores(body: str, industry_words) -> list[str]:
    """``body``, then ``body`` without each industry word it ends with, one at a time
    ("大疆创新科技" -> "大疆创新科技", "大疆创新")."""
    cores = [body]
    changed = True
    while changed:
        changed = False
        for w in industry_words:
            if body.endswith(w) and len(body) - len(w) >= 2:
                body = body[: -len(w)]
                cores.append(body)
                changed = True
                break
    return cores


# ---------------------------------------------------------------- extraction


def candidates(ctx: Context) -> list[Party]:
    """Every organisation or person the document names that could be a party."""
    text = ctx.text
    t = fold(text)
    lex = lexicon()

    brand_hits = [(m.start(), m.end(), m.group()) for m in lex.brand_re.finditer(t)]
    protected = [(s, e) for s, e, _ in brand_hits]
    orgs, bare = _suffix_orgs(text, t, protected)
    orgs += _latin_orgs(text, t)
    orgs += [_Cand(name=text[m.start():m.end()], start=m.start()) for m in _PREFIX_FORM.finditer(t)
             if not any(c.start <= m.start() < c.start + len(c.name) for c in orgs)]

    # names after role words (organisations found above, else people)
    roles = _role_spans(t)
    by_start = {c.start: c for c in orgs}
    people: list[_Cand] = []
    for s, e, side in roles:
        pos = _after_role(t, e)
        if pos in by_start:
            by_start[pos].role = by_start[pos].role or side
            continue
        brand = next((b for bs, _, b in brand_hits if bs == pos), None)
        if brand:
            continue
        name = _person_after(text, t, pos)
        if name:
            people.append(_Cand(name=name, start=pos, kind="person", role=side))

    # "美国专利运营公司Northwind Wireless LLC": a description standing right before a name
    starts = {c.start for c in orgs} | {s for s, _, _ in brand_hits}
    orgs = [c for c in orgs if not (c.start + len(c.name) in starts and _descriptive(c.name))]
    taken = [(c.start, c.start + len(c.name)) for c in orgs + people] + protected + [(s, e) for s, e, _ in roles]
    bare_cands = _bare_names(text, t, taken)
    known = [fold(c.name) for c in orgs + people]
    # "奥克斯亦…": a bare name that starts with a known name (or its short form) is that name
    bare_cands = [c for c in bare_cands if not any(fold(c.name).startswith(k[:max(2, len(k))]) and fold(c.name) != k
                                                  for k in known + _bracket_alias_forms(t))]
    cands = _merge(orgs + people + bare_cands)
    _bracket_aliases(text, t, cands)
    parties = _link_brands(text, t, cands, brand_hits)
    _short_aliases(text, t, cands, parties)
    parties = _dedupe(parties)
    _latin_bracket_aliases(text, t, parties)
    for p in parties:
        _unique_aliases(p)
    announcer = _announcer(t, bare, parties)
    _attach_mentions(text, t, parties, announcer, bare)
    return parties


def _bracket_alias_forms(t: str) -> list[str]:
    """Short forms a document defines in brackets (以下简称X), folded."""
    out = []
    for m in lexicon().alias_re.finditer(t):
        out += [a.strip(_QUOTES + " ") for a in _alias_items(t, t, m.start(1), m.end(1)) if len(a.strip(_QUOTES + " ")) >= 2]
    return out


def _bare_names(text: str, t: str, taken: list[tuple[int, int]]) -> list[_Cand]:
    """Unknown short names next to a suing verb: "飞利浦在…起诉", "起诉诺基亚，"."""
    lex = lexicon()
    out: list[_Cand] = []

    def add(s: int, e: int) -> None:
        s = _lead_trimmed(t, s, e)
        while s < e and t.startswith(lex.bare_titles, s):
            s += len(next(x for x in lex.bare_titles if t.startswith(x, s)))
        name = t[s:e].strip()
        s = t.index(name, s) if name else s
        if not (2 <= len(name) <= lex.bare_max) or name in lex.bare_not_names or name in lex.places:
            return
        if lex.lead_re.fullmatch(name):
            return  # "另一方面向法院起诉…": a word that only leads into a clause is no name
        if name.startswith(lex.generic_starts) or name.startswith(lex.pronouns) or (s and t[s - 1].isdigit()):
            return  # "它用来…", "7月初再…"
        if not (_CJK_ONLY.fullmatch(name) or _LATIN_NAME.fullmatch(name)) or any(a < s + len(name) and s < b for a, b in taken):
            return
        if any(w in name for w in lex.exclude_words) or lex.suffix_re.search(name):
            return  # names with a legal form come from the legal-form scan
        person = len(name) <= 3 and (name[0] in lex.surnames or name.startswith(lex.compound_surnames))
        out.append(_Cand(name=text[s:s + len(name)], start=s, kind="person" if person else "org"))

    # "格力诉奥克斯专利侵权案": a case name between two short names
    for m in _CASE_NAME_SUES.finditer(t):
        stop = lex.bare_object_stop_re.search(t, m.end(), min(len(t), m.end() + lex.bare_max + 1))
        if stop is None or not _CASE_AFTER.match(t, stop.start()):
            continue
        cs = max(t.rfind(c, 0, m.start()) for c in ",;:!?。，；：\n ") + 1
        if any(c in lex.anonymous_marks for c in t[cs:stop.start()]):
            continue  # "比亚迪诉北京某车企案": an anonymised description, named in full elsewhere
        sub = lex.bare_subject_stop_re.search(t, cs, m.start())
        add(cs, sub.start() if sub else m.start())
        add(m.end(), stop.start())
    for m in lex.bare_verb_re.finditer(t):
        cs = max(t.rfind(c, 0, m.start()) for c in ",;:!?。，；：\n ") + 1
        stop = lex.bare_subject_stop_re.search(t, cs, m.start())
        add(cs, stop.start() if stop else m.start())
        if m.group() not in lex.bare_object_verbs:
            continue
        stop = lex.bare_object_stop_re.search(t, m.end(), min(len(t), m.end() + lex.bare_max + 1))
        if stop is not None:
            add(m.end(), stop.start())
    return out


# 诉 alone as "v." in a case name (not 起诉, 上诉, 诉讼, 诉称 ...)
_CASE_NAME_SUES = re.compile(r"(?<![起上被胜败投反申公应撤控告追起])诉(?![书状人讼称请至求讼前诸])")
# what closes a case name after the second name: "专利侵权案", "一案", "标准必要专利纠纷案"
_CASE_AFTER = re.compile(r"[^,;:!?。，；：\n]{0,14}?案")


def _descriptive(name: str) -> bool:
    """A bare "…公司" (no legal form such as 有限公司) that describes rather than names."""
    m = lexicon().suffix_end_re.search(fold(name))
    return m is not None and m.group() == "公司"


def _merge(cands: list[_Cand]) -> list[_Cand]:
    seen: dict[str, _Cand] = {}
    for c in sorted(cands, key=lambda c: c.start):
        key = fold(c.name)
        if key in seen:
            seen[key].role = seen[key].role or c.role
        else:
            seen[key] = c
    return list(seen.values())


def _positions(t: str, word: str) -> list[int]:
    """Every start of ``word`` in ``t`` (str.find: no regex to compile per document)."""
    out, i = [], t.find(word)
    while i >= 0 and word:
        out.append(i)
        i = t.find(word, i + 1)
    return out


def _find_all(t: str, words) -> list[tuple[int, int, str]]:
    """Occurrences of ``words`` in ``t``, longest first where they overlap, in text order."""
    hits = sorted(((i, i + len(w), w) for w in set(words) if w for i in _positions(t, w)), key=lambda h: (h[0], -h[1]))
    out: list[tuple[int, int, str]] = []
    for h in hits:
        if out and h[0] < out[-1][1]:
            continue
        out.append(h)
    return out


def _occurrences(t: str, cands: list[_Cand]) -> list[tuple[int, int, _Cand]]:
    """Every occurrence of every candidate's name (longest first, no overlaps), in text order."""
    by_form = {fold(c.name): c for c in cands}
    return [(s, e, by_form[w]) for s, e, w in _find_all(t, by_form)]


def _generic_alias(alias: str) -> bool:
    """"以下简称“公司”", "合称“被申请人”", "或“本公司”": words, not names (the announcing
    company is found as such; roles are roles)."""
    lex = lexicon()
    a = fold(alias)
    return a in lex.self_refs or a in lex.roles or lex.suffix_end_re.fullmatch(a) is not None or a in lex.generic_bodies or a in lex.not_alias


# a quoted short form: "以下简称“甲”或“乙”", "简称“甲”，600000" (a stock code after it)
_QUOTED = re.compile(r"“([^“”]{1,30})”|\"([^\"]{1,30})\"|「([^「」]{1,30})」|『([^『』]{1,30})』|‘([^‘’]{1,30})’")


def _alias_items(text: str, t: str, s: int, e: int) -> list[str]:
    """The short forms declared in a bracket between ``s`` and ``e``: the quoted ones when the
    bracket quotes them (an alias never crosses a quote mark), else the list items."""
    qs = s - 1 if s and t[s - 1] in _QUOTES else s
    qe = e + 1 if e < len(t) and t[e] in _QUOTES else e
    if any(c in _QUOTES for c in t[qs:qe]):
        items = [text[m.start(i):m.end(i)] for m in _QUOTED.finditer(t, qs, qe) for i in range(1, 6) if m.group(i)]
        if items:
            return items
    return _LIST_SEP.split(text[s:e])


def _bracket_aliases(text: str, t: str, cands: list[_Cand]) -> None:
    """``X(以下简称Y)``, ``X、Z(合称Y)`` and ``X(English name)`` after a name."""
    lex = lexicon()
    occ = _occurrences(t, cands)
    for m in lex.alias_re.finditer(t):
        before = [o for o in occ if o[1] <= m.start() and m.start() - o[1] <= 1]
        if not before:
            continue
        owner = before[-1]
        # a joint alias (合称) belongs to the first name of the list it closes
        chain = owner
        while True:
            prev = [o for o in occ if o[1] <= chain[0] and t[o[1]:chain[0]] in ("、", ",", "和", "及", "与")]
            if not prev:
                break
            chain = prev[-1]
        target = (chain if "合称" in m.group() or "统称" in m.group() else owner)[2]
        for alias in _alias_items(text, t, m.start(1), m.end(1)):
            alias = alias.strip(_QUOTES + " ")
            if alias and alias not in target.aliases and alias != target.name and not _generic_alias(alias):
                target.aliases.append(alias)
    for c in cands:
        # an English name in brackets inside or right after a Chinese name
        outside = _BRACKETED.sub("", fold(c.name))
        for m in _LATIN_IN_BRACKETS.finditer(fold(c.name) if _CJK_RE.search(outside) else ""):
            latin = c.name[m.start(1):m.end(1)].strip()
            plain = c.name[: m.start()] + c.name[m.end():]
            if m.end() < len(c.name) and plain not in (c.name,):
                c.aliases.append(c.name)
                c.name = plain
            c.aliases.append(latin)
    for _, end, c in occ:
        m = _LATIN_BRACKET.match(t, end)
        if m and c.kind == "org":
            latin = text[m.start(1):m.end(1)].strip(" ,")
            if latin not in c.aliases:
                c.aliases.append(latin)


def _link_brands(text: str, t: str, cands: list[_Cand], brand_hits: list[tuple[int, int, str]]) -> list[Party]:
    """Parties from candidates; each brand becomes an alias of the fullest form given."""
    lex = lexicon()
    parties: list[Party] = []
    by_key: dict[str, Party] = {}
    for c in cands:
        p = Party(name=c.name, aliases=list(dict.fromkeys(c.aliases)), kind=c.kind)
        p.mentions = []
        parties.append(p)
        by_key[fold(c.name)] = p
    covered = [(c.start, c.start + len(c.name)) for c in cands]
    for brand in dict.fromkeys(b for _, _, b in brand_hits):
        # the brand's fullest form in the document: a name with a legal form first
        # ("北京小米移动软件有限公司" before "小米公司"), in text order
        mine = [p for p in parties if p.kind == "org" and p.name
                and (_strip_place(fold(p.name)).startswith(brand) or fold(p.name) in lex.brands[brand])]
        # "苹果公司" named as such is the brand's own company (Apple Inc. beside its Chinese
        # subsidiary); else a name with a legal form comes first
        mine.sort(key=lambda p: (fold(p.name) != brand + "公司", _descriptive(p.name)))
        owner = mine[0] if mine else None
        listed = [f for f in lex.brands[brand] if f in t and not _is_org_name(f)]
        if owner is None and listed:
            full = max(listed, key=len)
            at = t.find(full)
            owner = Party(name=text[at:at + len(full)], aliases=[], kind="org")
            parties.append(owner)
        free = any(not any(cs <= s and e <= ce for cs, ce in covered) for s, e, b in brand_hits if b == brand)
        if owner is None:
            if free:
                parties.append(Party(name=brand, aliases=[], kind="org"))
            continue
        for form in [brand, *listed]:
            if fold(form) != fold(owner.name) and form not in owner.aliases and (form != brand or free):
                owner.aliases.append(_written(text, t, form))
    return parties  # folded-in ones keep an empty name until _short_aliases drops them


def _written(text: str, t: str, folded: str) -> str:
    """A lexicon or derived form as the document writes it (traditional characters too)."""
    at = t.find(folded)
    return text[at:at + len(folded)] if at >= 0 else folded


def _is_org_name(name: str) -> bool:
    """Does ``name`` end in a legal form (有限公司, 株式会社 ...)?"""
    return bool(lexicon().suffix_end_re.search(name))


def _short_aliases(text: str, t: str, cands: list[_Cand], parties: list[Party]) -> None:
    """Short forms of an organisation's name used elsewhere in the document."""
    names = {fold(n) for p in parties for n in p.names()}
    covered = _covered(t, names)
    for c, p in zip(cands, parties):
        if c.kind != "org" or not p.name:
            continue
        for key in _short_keys(c):
            if key in names:
                # a short form that is itself another candidate: fold that one in
                other = next((q for q in parties if q is not p and q.name and fold(q.name) == key), None)
                if other is not None:
                    if key not in {fold(a) for a in p.aliases}:
                        p.aliases.append(other.name)
                    p.aliases.extend(a for a in other.aliases if a not in p.aliases)
                    other.name = ""
                continue
            if _occurs_outside(t, key, covered, strict=len(key) < 3) and key not in names:
                p.aliases.append(_written(text, t, key))
                names.add(key)
                covered += [(i, i + len(key)) for i in _positions(t, key)]  # "三星显示" hides "三星显"
    parties[:] = [p for p in parties if p.name]


def _covered(t: str, names: set[str]) -> list[tuple[int, int]]:
    """Spans of every occurrence of the given names."""
    return [(i, i + len(n)) for n in names if n for i in _positions(t, n)]


def _occurs_outside(t: str, key: str, covered: list[tuple[int, int]], strict: bool = False) -> bool:
    """Does ``key`` occur somewhere other than inside a longer name?

    ``strict`` (two-character forms, which may be ordinary words): only where a word
    boundary follows it ("…，迈瑞表示", "迈瑞的产品", "起诉迈瑞").
    """
    for i in _positions(t, key):
        if any(s <= i and i + len(key) <= e and e - s > len(key) for s, e in covered):
            continue
        if not strict or i + len(key) == len(t) or t.startswith(lexicon().short_form_follows, i + len(key)):
            return True
    return False


def _latin_bracket_aliases(text: str, t: str, parties: list[Party]) -> None:
    """"高通(Qualcomm)": an English name in brackets after any form of a party's name."""
    forms = {fold(n): p for p in parties for n in p.names() if p.kind == "org"}
    if not forms:
        return
    for _, end, w in _find_all(t, forms):
        b = _LATIN_BRACKET.match(t, end)
        if b:
            p = forms[w]
            latin = text[b.start(1):b.end(1)].strip(" ,")
            if latin not in p.names():
                p.aliases.append(latin)


def _dedupe(parties: list[Party]) -> list[Party]:
    """One party per name: a candidate whose name is another's name or alias is folded into it."""
    out: list[Party] = []
    known = {fold(n) for p in parties for n in p.names()}
    legal = [p for p in parties if _is_org_name(fold(p.name))]
    for p in parties:
        if p.kind == "org" and not _is_org_name(fold(p.name)):
            # "飞利浦" where the document also names "皇家飞利浦有限公司": one party
            hosts = [q for q in legal if q is not p and fold(p.name) in _strip_place(fold(q.name))]
            if len(hosts) == 1:
                host = hosts[0]
                host.aliases.extend(n for n in p.names() if n not in host.names())
                continue
        keys = {fold(n) for n in p.names()}
        head = fold(p.name)
        if not p.aliases and any(head.endswith(k) and len(k) < len(head) for k in known):
            continue  # "判令澜海公司" where "澜海公司" is a name already known: a verb ran into it
        same = next((q for q in out if fold(p.name) in {fold(n) for n in q.names()} or fold(q.name) in keys), None)
        if same is None:
            out.append(p)
            continue
        for n in p.names():
            if fold(n) not in {fold(x) for x in same.names()}:
                same.aliases.append(n)
        if same.kind != p.kind and p.kind == "org":
            same.kind = "org"
        _fullest_first(same)
    return out


def _unique_aliases(p: Party) -> None:
    """Each alias once ("華為" added as a brand and as a short form), never the name itself."""
    seen = {fold(p.name)}
    out = []
    for a in p.aliases:
        if fold(a) not in seen:
            seen.add(fold(a))
            out.append(a)
    p.aliases = out


def _fullest_first(p: Party) -> None:
    """Make the fullest form the name: one with a legal form, else the longest."""
    best = max(p.names(), key=lambda n: (_is_org_name(fold(n)), len(n)))
    if best != p.name:
        p.aliases = [n for n in [p.name, *p.aliases] if n != best]
        p.name = best


def _announcer(t: str, bare: list[int], parties: list[Party]) -> Party | None:
    """The company whose announcement this is, when the text refers to it as 公司/本公司."""
    lex = lexicon()
    if not bare:
        return None
    for p in parties:
        if p.kind != "org":
            continue
        n = fold(p.name)
        for i in _positions(t, n):
            if t.startswith(lex.announce_cues, i + len(n)) or _SELF_DECLARED.match(t, i + len(n)):
                return p
    return None


# "甲股份有限公司（“本公司”，连同其附属公司统称“本集团”）": the name the announcement calls itself
_SELF_DECLARED = re.compile(r"\s*\((?:以下简称|以下称|下称|简称)?[:\s]*[“\"]?(?:本公司|我公司|公司)[”\"]?[,)]")


def _attach_mentions(text: str, t: str, parties: list[Party], announcer: Party | None, bare: list[int]) -> None:
    """Every occurrence of a party's names (longest first, no overlaps), self-references too."""
    forms: dict[str, Party] = {}
    for p in parties:
        for n in p.names():
            forms.setdefault(fold(n), p)
    if not forms:
        return
    taken: list[tuple[int, int]] = []
    for s, e, w in _find_all(t, forms):
        p = forms[w]
        p.mentions.append(PartyMention(s, e, text[s:e], p.name))
        taken.append((s, e))
    if announcer is not None:
        lex = lexicon()
        for s in bare:
            start = s
            for ref in lex.self_refs:
                if t.startswith(ref, s - len(ref) + 2) and ref.endswith("公司"):
                    start = s - len(ref) + 2
                    break
            if any(a < s + 2 and start < b for a, b in taken):
                continue
            announcer.mentions.append(PartyMention(start, s + 2, text[start:s + 2], announcer.name))
    for p in parties:
        p.mentions.sort(key=lambda m: m.start)


def role_mentions(ctx: Context, parties: list[Party]) -> list[tuple[str, PartyMention, int]]:
    """(side, mention, role-word start) for each party mention introduced by a role word."""
    t = fold(ctx.text)
    starts = {m.start: m for p in parties for m in p.mentions}
    out = []
    for s, e, side in _role_spans(t):
        m = starts.get(_after_role(t, e))
        if m is not None:
            out.append((side, m, s))
    return out


def extract(ctx: Context, mentions: Mentions) -> list[Party]:
    """The document's parties: candidates that a role word introduces or that an action involves."""
    from patlit.extract import proceedings_zh

    cands = candidates(ctx)
    if not cands:
        return []
    keep = {m.party for _, m, _ in role_mentions(ctx, cands)} | proceedings_zh.involved(ctx, cands, mentions)
    return [p for p in cands if p.name in keep]
