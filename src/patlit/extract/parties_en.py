"""English parties: candidate names, aliases, affiliates; parties are those in a proceeding.

Steps:

1. candidate names: runs of capitalised words (with "of", "&", legal suffixes and a
   bracketed jurisdiction), trimmed of sentence-initial words, demonyms and
   possessive places; courts, offices, judges, press and analysts are marked as
   institutions (never parties). Title-case headlines and table rows are segmented
   against the names found in running text.
2. aliases: bracketed forms after a name ("(HPE)", '(hereinafter referred to as
   "Wangsu")', "(f/k/a ...)", "(袁弓夷)"), short forms ("Samsung" for "Samsung
   Electronics Co."), abbreviations ("IntVen", "Am. Tech. Ceramics Corp.") and
   spelling variants; affiliates ("X and its subsidiaries A, B and C") stay separate.
3. parties: clusters that take a role in an action found by
   :mod:`patlit.extract.proceedings_en`, their named affiliates, sides of a
   "dispute between X and Y", and table rows naming a plaintiff and a defendant.
"""
from __future__ import annotations

import bisect
import re
from operator import attrgetter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from patlit.errors import DataFileError
from patlit.extract import orgnames
from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.extract.rx_prefix import with_first_chars
from patlit.model import Party, PartyMention

_DATA = "parties_en.yaml"
_LISTS = (
    "leading_stopwords", "demonyms", "places", "institution_words", "non_party_names",
    "affiliate_nouns", "generic_org_words", "person_cues", "us_states",
)


@dataclass(frozen=True)
class Lexicon:
    stop: frozenset[str]
    demonyms: frozenset[str]
    places: frozenset[str]
    institution: frozenset[str]
    institution_multi: tuple[str, ...]
    non_party: frozenset[str]
    affiliate_nouns: tuple[str, ...]
    generic: frozenset[str]
    person_cues: tuple[str, ...]
    examples: dict
    citation_words: frozenset[str] = frozenset()
    product_nouns: frozenset[str] = frozenset()
    form_prefixes: frozenset[str] = frozenset()
    name_heads: dict = field(default_factory=dict)  # next word -> heads written before it
    place_words: frozenset[str] = frozenset()  # the first words of the places, as written
    states: frozenset[str] = frozenset()  # folded US state names: never a party alone (but "University of California")
    state_after: re.Pattern | None = None  # ", Virginia" (a state not leading a longer name) right after a city


def _heads(phrases) -> dict[str, tuple[str, ...]]:
    """``name_heads`` by the word that follows each head ("President and Fellows" -> Fellows: "President and ")."""
    out: dict[str, list[str]] = {}
    for ph in phrases:
        head, _, nxt = ph.rpartition(" ")
        out.setdefault(nxt, []).append(head + " ")
    return {k: tuple(v) for k, v in out.items()}


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    """The word lists of ``data/parties_en.yaml`` (loaded once)."""
    try:
        text = resources.files("patlit.data").joinpath(_DATA).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{_DATA}: cannot be read: {exc}") from exc
    return load_lexicon(text)


def load_lexicon(text: str) -> Lexicon:
    """Validate a lexicon file's text (every scalar read as a string: 'No', 'On' stay words)."""
    try:
        raw = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds no objects
    except yaml.YAMLError as exc:
        raise DataFileError(f"{_DATA}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise DataFileError(f"{_DATA}: top level must be a mapping")
    for key in _LISTS:
        val = raw.get(key)
        if not isinstance(val, list) or not all(isinstance(x, str) and x.strip() for x in val):
            raise DataFileError(f"{_DATA}: '{key}' must be a list of non-empty strings")
    inst = raw["institution_words"]
    return Lexicon(
        stop=frozenset(raw["leading_stopwords"]),
        demonyms=frozenset(raw["demonyms"]),
        places=frozenset(orgnames.fold(p) for p in raw["places"]),
        institution=frozenset(w for w in inst if " " not in w),
        institution_multi=tuple(w for w in inst if " " in w),
        non_party=frozenset(orgnames.fold(n) for n in raw["non_party_names"]),
        states=frozenset(orgnames.fold(n) for n in raw["us_states"]),
        affiliate_nouns=tuple(raw["affiliate_nouns"]),
        generic=frozenset(raw["generic_org_words"]),
        person_cues=tuple(raw["person_cues"]),
        examples=raw.get("examples") or {},
        citation_words=frozenset(raw.get("citation_words") or ()),
        product_nouns=frozenset(raw.get("product_nouns") or ()),
        form_prefixes=frozenset(raw.get("form_prefixes") or ()),
        name_heads=_heads(raw.get("name_heads") or ()),
        place_words=frozenset(p.split()[0] for p in raw["places"]),
        state_after=re.compile(r",\s+(?:" + "|".join(re.escape(x) for x in sorted(raw["us_states"], key=len, reverse=True))
                               + r")\b(?![ \t]+[A-Z])"),
    )


# --- candidate names -------------------------------------------------------------------

_SUFFIX_WORDS = (
    r"Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|LLP|LP|L\.P|PLC|plc|GmbH|AG|KG|"
    r"S\.A|SA|N\.V|NV|B\.V|BV|Pte|Pty|K\.K|KK|Oy|AB|S\.p\.A|SpA|S\.r\.l|SRL|SAS|SARL|SE|Ltda|Private\s+Limited|Pvt\.?\s+Ltd"
    r"|e\.V"
)
# legal forms that the name run reads as words of the name ("Sdn. Bhd.", "PLLC", "A/S" with
# :data:`_FORM_REST`) but that end a name all the same (:func:`_ends_on_suffix`)
_MORE_SUFFIX_WORDS = r"A/S|ASA|PLLC|Sdn|Bhd|S\.L|Kft|S\.A\.S|S\.A\.U|r\.l"
# the rest of a legal form written with dots or a slash after its first capital, which a
# name run ends on ("Meril Italy S" + ".r.l.", "Novo Nordisk A" + "/S")
_FORM_REST = re.compile(r"\.r\.l\b\.?|\.p\.A\b\.?|\.à\.?[ \u00a0]?r\.l\b\.?|/S\b")
_UP = "A-ZÀ-ÖØ-Þ\u0100-\u024f"  # capitals (Latin-1 and Latin Extended: "Comércio", "Škoda")
_AL = "A-Za-zÀ-ÖØ-öø-ÿ\u0100-\u024f0-9"
_TOKEN = (
    r"(?:(?:[A-Z]\.){2,}"  # dotted acronym: U.S.
    rf"|[{_UP}][a-zà-öø-ÿ]{{1,3}}\.(?=\s+[{_UP}])"  # clipped word: Am. Tech.
    rf"|[{_UP}][{_AL}]*(?:[\-'’&][{_AL}]+)*(?:\.(?:com|net|org|io)\b|\+(?=[ \u00a0]))?"  # Samsung, AT&T, Hewlett-Packard, Amazon.com, G+
    rf"|[0-9]+[A-Za-z][{_AL}]*)"  # 3M
)
# joins inside a name: spaces, "&", "of (the)", and a bracketed place ("Samsung (China) Investment")
_JOIN = (
    r"(?:[ \u00a0]+\((?:[A-Z][A-Za-z]+(?:[ \u00a0]+[A-Z][A-Za-z]+){0,2})\)[ \u00a0]+"
    r"|[ \u00a0]+|[ \u00a0]*&[ \u00a0]*|[ \u00a0]+(?:of[ \u00a0]+the|of|de|der|van|von|du|la|and[ \u00a0]+the)[ \u00a0]+"
    # "Sloan Kettering Institute for Cancer Research": "for" joins only after an institution's head word
    # (the literal "for" first, so the look-behinds run only when it is there)
    r"|[ \u00a0]for[ \u00a0](?:(?<=Institute\sfor\s)|(?<=Center\sfor\s)|(?<=Centre\sfor\s)|(?<=Foundation\sfor\s)"
    r"|(?<=Society\sfor\s)|(?<=Association\sfor\s)|(?<=Alliance\sfor\s)))"
)
_SUFFIX_TAIL = rf"(?:\.?,?[ \u00a0]*(?:\([A-Z][a-z]+(?:[ \u00a0]+[A-Z][a-z]+)?\),?[ \u00a0]*)?(?:{_SUFFIX_WORDS})\b\.?)*"
NAME_RE = re.compile(rf"(?<![\w'’\-]){_TOKEN}(?:{_JOIN}{_TOKEN})*{_SUFFIX_TAIL}")
# "iRobot Corp.", "vivo Mobile Communication Co., Ltd.": a lower-case start needs a legal suffix
LOWER_NAME_RE = re.compile(
    rf"(?<![\w'’\-])(?:[a-z]+[A-Z][A-Za-z0-9]*|vivo|iQOO|realme|eero)(?:{_JOIN}{_TOKEN})*(?:\.?,?[ \u00a0]*(?:{_SUFFIX_WORDS})\b\.?)+"
)
# every LOWER_NAME_RE match holds one of these (a lower-case letter before a capital, or a brand): a cheap test first
_LOWER_HINT = re.compile(r"[a-z](?:[A-Z]|(?<=v)ivo|(?<=r)ealme|(?<=e)ero)")
_TICKER = re.compile(r"\b(?:NASDAQ|Nasdaq|NYSE|OTC|TSX|SIX|HKEX|SZSE|SSE|KRX|TYO|LSE)\s*:\s*$")
_POSSESSIVE = re.compile(r"['’]s?$")
_CJK = re.compile(r"[\u3400-\u9fff]")


@dataclass(slots=True)
class Cand:
    start: int
    end: int
    text: str
    blocked: bool = False  # an institution/press/place: never a party
    headline: bool = False


_START = attrgetter("start")  # sort key of candidates


def _is_headline(s: str) -> bool:
    """A title-case line (no closing full stop): its capitals say nothing about names."""
    if s.rstrip().endswith("."):
        return False
    ws = s.split()  # the runs of non-space characters
    # caps >= 0.7 * n fails once the long words without a capital pass 0.3 of all the words
    # (n counts only some of them): most prose lines stop early
    most_low = 0.3 * len(ws)
    n = caps = 0  # words of four letters or more, and those of them with a capital
    for w in ws:
        if len(w.strip("\"'“”‘’:,.()")) >= 4:
            n += 1
            if w.strip("\"'“”‘’(")[:1].isupper():
                caps += 1
            elif n - caps > most_low:
                return False
    if n < 4:
        return False
    return caps >= 0.7 * n


def _trim(text: str, start: int, lex: Lexicon, pair: bool = False) -> list[tuple[int, int]]:
    """Split a raw capitalised run into candidate (start, end) spans, trimming stop words."""
    if lex is not lexicon():
        return [(start + a, start + b) for a, b in _trim_rel(text, lex, pair)]
    return [(start + a, start + b) for a, b in _trim_cached(text, pair)]


@lru_cache(maxsize=8192)
def _trim_cached(text: str, pair: bool) -> tuple[tuple[int, int], ...]:
    """:func:`_trim_rel` with the packaged lexicon (names recur: one split per distinct run)."""
    return tuple(_trim_rel(text, lexicon(), pair))


def _trim_rel(text: str, lex: Lexicon, pair: bool = False) -> list[tuple[int, int]]:
    """:func:`_trim` relative to the start of ``text``."""
    start = 0
    if " " not in text and "'" not in text and "’" not in text and "&" not in text and "-" not in text:
        # one word: the common case
        w = text.rstrip(",.")
        if w in lex.stop or w in _MONTHS or w in _DAYS or w in lex.demonyms:
            return []
        return [(start, start + len(text))]
    out: list[tuple[int, int]] = []
    # possessives split a run: "China’s Huawei Technologies" -> "China", "Huawei Technologies"
    pieces: list[tuple[int, int]] = []
    pos = 0
    if "'" in text or "’" in text:
        for m in _POSS_SPLIT.finditer(text):
            if _possessive_in_name(text, m.end(), lex):
                continue  # "Dr. Reddy's Laboratories", "Lowe's Companies": the name owns the possessive
            pieces.append((pos, m.start()))
            pos = m.end()
    pieces.append((pos, len(text)))
    if "." in text:
        pieces = _split_after_suffix(text, pieces)
    cut = _HELD.search(text) if "-" in text else None
    if cut and cut.group() == "-based":  # "Stuttgart-based Daimler AG": a place, the name after it
        after = len(text) - len(text[cut.end():].lstrip())
        pieces = [(max(a, after), b) for a, b in pieces if b > after]
    elif cut:  # "HPE-held Chinese patents": the name ends at the hyphen
        pieces = [(a, min(b, cut.start())) for a, b in pieces if a < cut.start()]
    for ps, pe in pieces:
        seg = text[ps:pe]
        # "Sony & Tessera" are two names, "Wangsu Science & Technology Co." is one
        parts: list[tuple[int, int]] = []
        last = 0
        for am in (_AMP.finditer(seg) if "&" in seg else ()):
            nxt = seg[am.end():].split(" ", 1)[0].strip(",.")
            if am.group() == "&":
                continue  # AT&T
            if nxt in lex.generic or _CO_WORD.match(nxt):
                continue
            if not pair:
                continue  # "Johnson & Johnson", "Procter & Gamble": one name unless two sides are meant
            parts.append((last, am.start()))
            last = am.end()
        parts.append((last, len(seg)))
        for a, b in parts:
            sub = seg[a:b]
            toks = [(m.start(), m.end()) for m in _NONSPACE.finditer(sub)]
            # drop leading stop words, demonyms, months; keep from the first real token
            i = 0
            while i < len(toks):
                w = sub[toks[i][0]:toks[i][1]].rstrip(",.")
                if w in lex.stop or w in _MONTHS or w in _DAYS or (w.lower() in _CONNECT and i == 0):
                    if w in _NAME_TITLES and sub[toks[i][1] - 1:toks[i][1]] == "." and _ends_on_suffix(sub):
                        break  # "Dr. Falk Pharma GmbH": a title opening a company's name is part of it
                    i += 1
                    continue
                break
            j = len(toks)
            while j > i:
                w = sub[toks[j - 1][0]:toks[j - 1][1]].rstrip(",")
                if (
                    w in _MONTHS or w in _DAYS or w.lower() in _CONNECT or w in ("The", "A", "An")
                    or (j - 1 > i and (orgnames.fold(w) in lex.non_party or any(ch.isdigit() for ch in w)))
                ):
                    j -= 1
                    continue
                break
            if i >= j:
                continue
            # a lone demonym ("Chinese smartphone maker") is not a name; "American Technical ..." is
            if all(sub[toks[x][0]:toks[x][1]].rstrip(",.") in lex.demonyms for x in range(i, j)):
                continue
            s = start + ps + a + toks[i][0]
            e = start + ps + a + toks[j - 1][1]
            out.append((s, e))
    return out


# a legal suffix with its full stop followed by another capitalised word that is no legal
# form: the sentence ended there ("... against Omega Inc. Zeta said"), so the run splits
_SUFFIX_STOP = re.compile(rf"\b(?:Inc|Corp|Ltd|LLC|Plc|PLC)\.(?=[ \u00a0]+[A-Z])(?![ \u00a0]+(?:{_SUFFIX_WORDS})\b)")


def _split_after_suffix(text: str, pieces: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out = []
    for a, b in pieces:
        for m in _SUFFIX_STOP.finditer(text, a, b):
            out.append((a, m.end()))
            a = m.end() + 1
        out.append((a, b))
    return out


_NAME_TITLES = {"Dr", "St"}  # titles that open company names ("Dr. Reddy's Laboratories Ltd.")
# words that go on a name after a possessive that belongs to it ("Reddy's Laboratories", "Lowe's Companies")
_AFTER_NAME_POSSESSIVE = {"Companies", "Company", "Corporation", "Inc", "Incorporated", "Group", "Pharmaceuticals"}


def _possessive_in_name(text: str, end: int, lex: Lexicon) -> bool:
    """The possessive ending at ``end`` is part of the name: an organisation word follows it."""
    nxt = text[end:end + 40].split(None, 1)
    if not nxt:
        return False
    w = nxt[0].rstrip(",.")
    return w in _AFTER_NAME_POSSESSIVE or w in lex.generic


# "(involving Sony & Tessera)", "between X & Y": the ampersand joins two sides
_PAIR_BEFORE = re.compile(r"\b(?:involving|between|pitting|v\.?|vs\.?|and)\s*[(\[]?\s*$", re.I)
_CO_WORD = re.compile(r"(?:Co|Company|Sons|Partners)\b")
_SUFFIX_ONLY = re.compile(rf"(?:{_SUFFIX_WORDS}|{_MORE_SUFFIX_WORDS}|Limited|Company|Corporation|Incorporated)(?:[.,\s]+(?:{_SUFFIX_WORDS}|{_MORE_SUFFIX_WORDS}))*", re.I)
_NUMERIC = re.compile(r"[\d\W]+")
_AWARD = re.compile(r"award|verdict|damages", re.I)
_PROSE = re.compile(r"[.!?]\s+[A-Z][a-z]+\s+[a-z]")
_LEAD_SUM = re.compile(r"\s*[$€£¥]?[\d.,]+\s*(?:[MBK]|million|billion|m|bn)?\b")
_TAIL_COURT = re.compile(r"(?:[A-Z]\.[\s\u00a0]*){1,3}[A-Z][a-z]+\.?$|[A-Z][a-z]{1,4}\.$")
_SUFFIX_W = re.compile(rf"(?:{_SUFFIX_WORDS}|{_MORE_SUFFIX_WORDS})\.?,?")
_SUFFIX_END = re.compile(rf"(?:{_SUFFIX_WORDS})\.?$")
_CO_SPLIT = re.compile(r";\s*|,\s+(?!(?:" + _SUFFIX_WORDS + r")\b)(?=[A-Z])")
_ET_AL = re.compile(r",?\s+et\s+al\.?\s*$")
_SUBSID = re.compile(r"subsidiar|affiliat|\b(?:arm|unit|division)s?\b", re.I)
_CJK_PUNCT = re.compile(r"[，。；]")
_NOT_ALIAS = re.compile(r"patent|\d{3}", re.I)
_LIST_SEP = re.compile(r"[\s,]*(?:and\s+|&\s+|or\s+)?")
_POSS_SPLIT = re.compile(r"['’]s?(?=[ \u00a0])|['’]s?$")
_AMP = re.compile(r"[ \u00a0]*&[ \u00a0]*")
_NONSPACE = re.compile(r"\S+")
_HELD = re.compile(r"-(?:held|owned|based|branded|made|backed|led|controlled)\b")
_ALPHA_TOK = re.compile(r"[A-Za-z][\w\-]*")
_MONTHS = {
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
    "Sept", "Oct", "Nov", "Dec",
}
_DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}
_CONNECT = {"of", "de", "der", "van", "von", "du", "la", "and", "the"}
_GENERIC_ALIAS = {
    "company", "plaintiff", "plaintiffs", "defendant", "defendants", "petitioner", "appellant",
    "appellee", "respondent", "complainant", "patent owner", "parties", "group", "the company",
}


def _blocked(name: str, lex: Lexicon) -> bool:
    return _blocked_cached(name)


_STATUTE_AFTER = re.compile(r"(?:\s+(?:and|of|for)\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+){0,3})?\s+Act\b")
#: words a court order writes in capitals, never in a party's name
_ORDER_WORDS = frozenset({"IS", "ARE", "HEREBY", "ORDERED", "ADJUDGED", "DECREED", "GRANTED", "DENIED", "DISMISSED",
                          "PREJUDICE", "MOOT", "AFFIRMED", "REVERSED", "VACATED", "REMANDED"})


@lru_cache(maxsize=8192)
def _blocked_cached(name: str) -> bool:
    lex = lexicon()
    k = orgnames.fold(name)
    if not k or k in lex.places or k in lex.non_party or k in lex.states:
        return True
    toks = _ALPHA_TOK.findall(name)
    if any(t in lex.institution for t in toks):
        return True
    if any(m in name for m in lex.institution_multi):
        return True
    if len(toks) >= 2 and toks[-1] in lex.citation_words:
        return True  # "U.S. Patent Nos"
    if all(t in lex.stop or t in _MONTHS or t in _DAYS or orgnames.fold(t) in lex.places or t.lower() in _CONNECT for t in toks):
        return True
    if _NUMERIC.fullmatch(name) or (len(toks) <= 1 and " " not in name and any(ch.isdigit() for ch in name)):
        return True
    if _SUFFIX_ONLY.fullmatch(name.strip(" ,.")):
        return True  # "Limited", "Inc." alone
    if "-" in name and " " not in name and all(w in lex.demonyms for w in name.rstrip(",.").split("-")):
        return True  # "German-Korean", "Sino-American": demonyms joined
    if len(toks) >= 2 and toks[-1] == "Act":
        return True  # "Innovation Act", "Lanham Act": a statute
    if name.isupper() and not _ORDER_WORDS.isdisjoint(toks):
        return True  # "IT IS HEREBY ORDERED", "DISMISSED WITH PREJUDICE": a court order's capitals
    if len(toks) == 2 and toks[1] in ("J", "LJ", "JJ", "MR", "CJ") and toks[0][:1].isupper() and toks[0][1:].islower():
        return True  # "Richards J", "Arnold LJ": an English judge's style, not a party
    return False


# every NAME_RE match starts with a capital or a digit: the pattern is tried only there
_NAME_START = re.compile(rf"[{_UP}0-9]")


# a capital right after a lower-case letter ("iRobot"): the capital is rarer than the
# letter, so the engine scans for it quickly and checks the letter behind
_CAMEL_HINT = re.compile(r"[A-Z](?<=[a-z][A-Z])")
_LOWER_BRANDS = ("vivo", "realme", "eero")  # the other starts of _LOWER_HINT


def _hint_starts(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of every _LOWER_HINT occurrence in ``text[lo:hi]``, overlapping ones included."""
    hi = len(text) if hi is None else hi
    out = [(m.start() - 1, m.end()) for m in _CAMEL_HINT.finditer(text, lo + 1, hi)]
    for b in _LOWER_BRANDS:
        i = text.find(b, lo, hi)
        while i >= 0:
            out.append((i, i + len(b)))
            i = text.find(b, i + 1, hi)
    return out


def _word_start_hint(sent: str, p: int, lo: int = 0) -> bool:
    """The run of lower-case letters holding ``sent[p]`` starts a word (``lo``: start of the sentence)."""
    while p > lo and "a" <= sent[p - 1] <= "z":
        p -= 1
    if p == lo:
        return True
    c = sent[p - 1]
    return not (c.isalnum() or c in "_'’-")


def _lower_start(sent: str) -> bool:
    """Whether ``sent`` may hold a LOWER_NAME_RE match: a hint whose run of lower-case
    letters starts a word (nothing of a word, an apostrophe or a hyphen before it).

    Every hint is looked at (not only the non-overlapping ones of ``_LOWER_HINT.finditer``):
    a hint hidden inside another lies in the same run of lower-case letters, so the answer
    is the same."""
    return any(_word_start_hint(sent, p) for p, _ in _hint_starts(sent))


def _lower_sentences(text: str, sentences: list[tuple[int, int]]) -> set[int]:
    """Indexes of the sentences for which :func:`_lower_start` holds (one scan of the text)."""
    hints = _hint_starts(text)
    if not hints:
        return set()
    hints.sort()
    starts = [ss for ss, _ in sentences]
    out = set()
    for p, q in hints:
        si = bisect.bisect_right(starts, p) - 1
        if si < 0 or si in out:
            continue
        ss, se = sentences[si]
        if q <= se and _word_start_hint(text, p, ss):
            out.add(si)
    return out


def _names_in(sent: str) -> list[re.Match]:
    """``NAME_RE.finditer(sent)``, tried only where a capital or a digit stands (same matches)."""
    out = []
    last = 0
    for c in _NAME_START.finditer(sent):
        p = c.start()
        if p < last:
            continue
        m = NAME_RE.match(sent, p)
        if m is not None:
            out.append(m)
            last = m.end()
    return out


_LOOKBEHIND_REFUSES = re.compile(r"[\w'’\-]")  # what NAME_RE's look-behind refuses before a name


# NAME_RE written to start with a character class, so that the engine scans quickly for
# a capital or a digit (a pattern starting with a look-behind is tried at every position).
# Same matches: the first character is read, the look-behind then tests the character
# before it, and each branch of the first token checks the class its first character had.
_FIRST_TOKEN = (
    rf"[{_UP}0-9](?<![\w'’\-][\s\S])"
    r"(?:(?<=[A-Z])\.(?:[A-Z]\.)+"
    rf"|(?<=[{_UP}])[a-zà-öø-ÿ]{{1,3}}\.(?=\s+[{_UP}])"
    rf"|(?<=[{_UP}])[{_AL}]*(?:[\-'’&][{_AL}]+)*(?:\.(?:com|net|org|io)\b|\+(?=[ \u00a0]))?"
    rf"|(?<=[0-9])[0-9]*[A-Za-z][{_AL}]*)"
)
_NAME_FIND = re.compile(rf"{_FIRST_TOKEN}(?:{_JOIN}{_TOKEN})*{_SUFFIX_TAIL}")


def _name_spans(text: str, ss: int, se: int) -> list[tuple[int, int]]:
    """Spans of ``_names_in(text[ss:se])``, in text offsets, matched in place (no slice).

    Searching ``text`` between ``ss`` and ``se`` equals searching the sentence alone (the
    end is cut at ``se``) except that NAME_RE's look-behind sees the character before
    ``ss``: when that one would refuse a name, the sentence is searched on its own.
    """
    if ss > 0 and _LOOKBEHIND_REFUSES.match(text, ss - 1):
        return [(ss + m.start(), ss + m.end()) for m in _NAME_FIND.finditer(text[ss:se])]
    return [m.span() for m in _NAME_FIND.finditer(text, ss, se)]


@lru_cache(maxsize=8192)
def _run_pieces(run: str, pair: bool) -> tuple[tuple[int, int, int, str, bool, bool], ...] | None:
    """What :func:`find_candidates` keeps of a raw capitalised run, relative to its start.

    ``None``: the run is a non-party name (kept whole, blocked). Otherwise, per trimmed
    span: (start, trimmed end, candidate end, candidate text, blocked, may_extend);
    ``may_extend``: the span ends on a legal suffix, so the text after the run must be
    read (:func:`_extend_suffix`) and the piece redone there.
    """
    lex = lexicon()
    if orgnames.fold(run) in lex.non_party:
        return None
    out = []
    for s, e in _trim_cached(run, pair):
        t, e2 = _piece_text(run, s, e)
        out.append((s, e, e2, t, _blocked(t, lex) if t else True, _ends_on_suffix(run[s:e])))
    return tuple(out)


def _ends_on_suffix(t: str) -> bool:
    """The last word of ``t`` is a legal suffix (the test :func:`_extend_suffix` starts with)."""
    ws = t.split()
    return bool(ws) and _SUFFIX_W.fullmatch(ws[-1].rstrip(",")) is not None


def _piece_text(text: str, s: int, e: int) -> tuple[str, int]:
    """The candidate text of ``text[s:e]`` (trailing spaces, commas and a sentence's full stop dropped)."""
    t = text[s:e].rstrip(" ,")
    if t.endswith(".") and t[:-1].split()[-1:] and t[:-1].split()[-1] not in _DOTTED and "." not in t[:-1].split()[-1]:
        t = t[:-1]  # the sentence's full stop, not an abbreviation ("... (Hong Kong) Company.")
    return t, s + len(t)


def find_candidates(ctx: Context, skip: set[int] | None = None) -> list[Cand]:
    """Candidate names in running text, sentence by sentence (``skip``: sentence indexes)."""
    lex = lexicon()
    text = ctx.text
    out: list[Cand] = []
    brands: set[str] = set()
    lower_sents = _lower_sentences(text, ctx.sentences)
    for si, (ss, se) in enumerate(ctx.sentences):
        if skip and si in skip:
            continue
        names = _name_spans(text, ss, se)
        if not names and si not in lower_sents:
            continue
        sent = text[ss:se]
        head = _is_headline(sent)
        lower_spans: list[tuple[int, int]] = []
        if si in lower_sents:
            lower_spans = _lower_names(sent, ss, head, lex, out, brands)
        colon = ":" in sent
        form_end = -1
        for a, b in names:
            if a < form_end:
                continue  # the "S" of "A/S"
            if b < se and text[b] in "./" and text[b - 2:b - 1] == " ":
                fm = _FORM_REST.match(text, b)
                if fm is not None:
                    b = form_end = fm.end()  # "Meril Italy S.r.l.", "Novo Nordisk A/S"
            if colon and sent.find(":", max(0, a - ss - 10), a - ss) >= 0 and _TICKER.search(sent, max(0, a - ss - 10), a - ss):
                continue  # "(NASDAQ: IRBT)"
            if lower_spans and any(x <= a < y for x, y in lower_spans):
                continue  # the "Corp." of "iRobot Corp."
            run = text[a:b]
            pair = "&" in run and bool(_PAIR_BEFORE.search(sent, 0, a - ss))
            pieces = _run_pieces(run, pair)
            if pieces is None:
                out.append(Cand(a, b, run, blocked=True, headline=head))
                continue
            for s, e, e2, t, blocked, ext in pieces:
                if ext:  # a legal suffix may go on past the sentence's end: read the text
                    s += a
                    t, e = _piece_text(text, s, _extend_suffix(text, s, a + e))
                    if not t:
                        continue
                    out.append(Cand(s, e, t, blocked=_blocked(t, lex), headline=head))
                elif t:
                    out.append(Cand(a + s, a + e2, t, blocked, head))
    listed = _listed_lower_brands(text, out) if lower_sents else None
    if listed:
        out.extend(listed)
        out.sort(key=_START)
    if brands:
        # the brand alone later on ("iRobot Corp." ... "iRobot says")
        taken = [(c.start, c.end) for c in out]
        rx = re.compile(r"(?<![\w'’\-])(?:" + "|".join(re.escape(b) for b in sorted(brands)) + r")(?![\w\-])")
        for m in rx.finditer(text):
            if not any(s0 <= m.start() < e0 for s0, e0 in taken):
                out.append(Cand(m.start(), m.end(), m.group(), headline=_is_headline(ctx.text[slice(*ctx.sentence_span(m.start()))])))
        out.sort(key=_START)
    return out


# a lower-case brand listed with capitalised names: "Oppo, OnePlus and realme", "vivo and Xiaomi"
_LIST_BEFORE = re.compile(r"[A-Z][\w\-.]*(?:,|,?[ \u00a0]+(?:and|or|&))[ \u00a0]+$")
_LIST_AFTER = re.compile(r"(?:,|,?[ \u00a0]+(?:and|or|&))[ \u00a0]+[A-Z]")
_NOT_BRAND_BEFORE = ("in ", "ex ", "In ", "Ex ")  # "in vivo"


def _listed_lower_brands(text: str, out: list[Cand]) -> list[Cand]:
    """Lower-case brands (``_LOWER_BRANDS``) written alone in a list of names."""
    found = []
    for b in _LOWER_BRANDS:
        i = text.find(b)
        while i >= 0:
            j = i + len(b)
            if (
                (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_'’-"))
                and (j == len(text) or not (text[j].isalnum() or text[j] in "_-"))
                and not text[max(0, i - 3):i].endswith(_NOT_BRAND_BEFORE)
                and (_LIST_BEFORE.search(text, max(0, i - 40), i) or _LIST_AFTER.match(text, j))
                and not any(c.start <= i < c.end for c in out)
            ):
                found.append(Cand(i, j, b))
            i = text.find(b, j)
    return found


def _lower_names(sent: str, ss: int, head: bool, lex: Lexicon, out: list[Cand], brands: set[str]) -> list[tuple[int, int]]:
    """Names with a lower-case start in one sentence ("iRobot Corp."), appended to ``out``;
    returns the spans of those that start lower-case (names inside them are not read again)."""
    spans = []
    for m in LOWER_NAME_RE.finditer(sent):
        t = m.group().rstrip(" ,")
        if not _blocked(t, lex):
            out.append(Cand(ss + m.start(), ss + m.start() + len(t), t, headline=head))
            brands.add(t.split()[0].rstrip(","))
            if t[:1].islower():
                spans.append((ss + m.start(), ss + m.start() + len(t)))
    return spans


# --- table rows ("Amount  Plaintiff  Defendant  District") ------------------------------

_PLAINTIFF_COL = r"(?:plaintiffs?|patent\s+owners?|patentees?|claimants?|complainants?|petitioners?)"
_DEFENDANT_COL = r"(?:defendants?|accused\s+infringers?|respondents?|accused\s+parties)"
_HEADER_WORDS = ("plaintiff", "patent owner", "patentee", "claimant", "complainant", "petitioner")
_HEADER = with_first_chars(re.compile(rf"\b{_PLAINTIFF_COL}\b.*\b{_DEFENDANT_COL}\b", re.I))
_PLAINTIFF_CELL = re.compile(_PLAINTIFF_COL, re.I)
_DEFENDANT_CELL = re.compile(_DEFENDANT_COL, re.I)


@dataclass
class TableRow:
    sentence: int
    plaintiffs: list[tuple[int, int]]
    defendants: list[tuple[int, int]]
    awarded: bool


def table_rows(ctx: Context, mentions: Mentions) -> list[TableRow]:
    """Rows of a plain-text table whose header names Plaintiff and Defendant columns."""
    cached = getattr(ctx, "_patlit_en_rows", None)
    if cached is not None:
        return cached
    rows = _table_rows(ctx, mentions)
    setattr(ctx, "_patlit_en_rows", rows)
    return rows


def _table_rows(ctx: Context, mentions: Mentions) -> list[TableRow]:
    rows: list[TableRow] = []
    text = ctx.text
    header_i = None
    awarded = False
    cols: list[str] = []
    # the document test (header words anywhere, a header match in the text) is read only
    # when the first header line turns up: before it the loop does nothing, so it is the
    # same as testing first, and most documents have no short line with both column words
    gate: bool | None = None
    for si, (ss, se) in enumerate(ctx.sentences):
        line = text[ss:se]
        if header_i is None:
            # the cheap tests first: a header is a short line without a full stop inside
            if len(line) < 120 and "." not in line.rstrip(".") and _HEADER.search(line):
                if gate is None:
                    gate = _has_header_words(text)
                if not gate:
                    return rows
                header_i = si
                awarded = bool(_AWARD.search(line))
                cols = _columns(line)
            continue
        # a row lies on one line and carries a money or forum mention
        if "\n\n" in text[ctx.sentences[si - 1][1]:ss] or not _row_like(line):
            header_i = None
            continue
        row = _parse_cells(ctx, si, cols) or _parse_row(ctx, si, mentions)
        if row is None:
            header_i = None
            continue
        row.awarded = awarded
        rows.append(row)
    return rows


def _has_header_words(text: str) -> bool:
    """The document names a plaintiff-side column word and holds a header somewhere."""
    low = text.lower()
    return any(w in low for w in _HEADER_WORDS) and _HEADER.search(text) is not None


def _row_like(line: str) -> bool:
    return len(line) < 200 and not _PROSE.search(line)


_CELL_SEP = re.compile(r"\t+|\s*\|\s*|[ \u00a0]{2,}")


def _columns(header: str) -> list[str]:
    """Column roles of a header with cell separators (tabs, pipes, runs of spaces)."""
    cells = [c.strip().lower() for c in _CELL_SEP.split(header.strip().strip("|"))]
    if len(cells) < 3:
        return []
    return ["plaintiff" if _PLAINTIFF_CELL.search(c) else "defendant" if _DEFENDANT_CELL.search(c) else "" for c in cells]


def _parse_cells(ctx: Context, si: int, cols: list[str]) -> TableRow | None:
    """A row whose cells are separated like its header's: the named columns give the sides."""
    if not cols:
        return None
    ss, se = ctx.sentences[si]
    line = ctx.text[ss:se]
    lead = len(line) - len(line.lstrip().lstrip("|"))
    spans, pos = [], ss + lead
    for m in _CELL_SEP.finditer(ctx.text, ss + lead, se):
        spans.append((pos, m.start()))
        pos = m.end()
    spans.append((pos, se))
    spans = [(a, b) for a, b in spans if b > a]
    if len(spans) != len(cols):
        return None
    pl = [sp for sp, c in zip(spans, cols) if c == "plaintiff"]
    df = [sp for sp, c in zip(spans, cols) if c == "defendant"]
    if not pl or not df:
        return None
    return TableRow(si, _co_names(ctx.text, pl[0]), _co_names(ctx.text, df[0]), False)


def _parse_row(ctx: Context, si: int, mentions: Mentions) -> TableRow | None:
    ss, se = ctx.sentences[si]
    lo, hi = ss, se
    money = [m for m in mentions.money if ss <= m.start < se]
    forums = [f for f in mentions.forums if ss <= f.start < se]
    if money and money[0].start - ss < 3:
        lo = money[-1].end if money[-1].start < ss + 20 else money[0].end
    else:
        lead = _LEAD_SUM.match(ctx.text[ss:se])
        if lead:
            lo = ss + lead.end()
    if forums and forums[-1].end >= se - 2:
        hi = forums[-1].start
    else:
        tail = _TAIL_COURT.search(ctx.text[ss:se])
        if tail:
            hi = ss + tail.start()
    if hi - lo < 3:
        return None
    split = _split_names(ctx.text, lo, hi)
    if split is None:
        return None
    left, right = split
    return TableRow(si, _co_names(ctx.text, left), _co_names(ctx.text, right), False)


def _split_names(text: str, lo: int, hi: int) -> tuple[tuple[int, int], tuple[int, int]] | None:
    """Split "Netlist Micron Technology" into plaintiff and defendant names."""
    lex = lexicon()
    seg = text[lo:hi]
    # word spans outside brackets; a legal suffix sticks to the word before it
    words: list[tuple[int, int]] = []
    depth = 0
    for m in _NONSPACE.finditer(seg):
        w = m.group()
        opened = depth > 0
        depth += w.count("(") - w.count(")")
        if opened or w.startswith("(") or _SUFFIX_W.fullmatch(w):
            if words:
                words[-1] = (words[-1][0], m.end())
                continue
        words.append((m.start(), m.end()))
    if len(words) < 2:
        return None
    best, best_score = None, -99.0
    for i in range(1, len(words)):
        left = seg[words[0][0]:words[i - 1][1]].strip(" ,")
        right = seg[words[i][0]:words[-1][1]].strip(" ,")
        lw = seg[words[i - 1][0]:words[i - 1][1]]
        rfirst = seg[words[i][0]:words[i][1]].strip(",")
        rwords = right.split()
        if lw.endswith(","):
            continue
        if not rfirst[:1].isupper() and not rfirst[:1].isdigit():
            continue
        if len(rwords) == 1 and rwords[0] in lex.generic:
            continue
        score = 0.0
        last = lw.strip(",").rstrip(".")
        if lw.endswith(")") or _SUFFIX_END.search(lw):
            score += 3
        elif last in lex.generic:
            score += 2
        elif orgnames.fold(last) in lex.places:
            score += 1
        if rfirst in lex.generic:
            score -= 3
        if rfirst.lower() in _CONNECT:
            score -= 5
        # prefer balanced splits slightly
        score -= 0.01 * abs(len(left.split()) - len(rwords))
        if score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    a = (lo + words[0][0], lo + words[best - 1][1])
    b = (lo + words[best][0], lo + words[-1][1])
    return a, b


def _co_names(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """Comma-separated co-parties of a table cell (a legal suffix after a comma stays)."""
    s, e = span
    out = []
    pos = s
    tail = _ET_AL.search(text, s, e)
    if tail:
        e = tail.start()
    for m in _CO_SPLIT.finditer(text[s:e]):
        if "(" in text[pos:s + m.start()] and ")" not in text[pos:s + m.start()]:
            continue
        out.append((pos, s + m.start()))
        pos = s + m.end()
    out.append((pos, e))
    res = []
    for a, b in out:
        t = text[a:b]
        # drop a trailing bracket ("(f/k/a ...)") from the main span; aliases read it later
        k = t.find(" (")
        if k > 0:
            b = a + k
        while b > a and text[b - 1] in " ,":
            b -= 1
        if b > a:
            res.append((a, b))
    return res


# --- aliases and affiliates -------------------------------------------------------------

# a bracket after a name, one nested bracket allowed: "(索尼移动通信产品(中国)有限公司, "Sony China")"
_PAREN = re.compile(r"[ \u00a0]*[(（]((?:[^()（）]|[(（][^()（）]{0,20}[)）]){1,100})[)）]")
_PAREN_AHEAD = re.compile(r"[ \u00a0]*[(（]")  # every _PAREN match starts so: a quick test first
_PAREN_LEAD = (" ", "\u00a0", "(", "（")  # the first character of a _PAREN_AHEAD match
_ALIAS_LEAD = re.compile(
    r"^(?:(?:collectively|together|jointly)\s*,?\s*(?:the\s+)?|hereinafter(?:\s+referred\s+to\s+as|\s+called)?|also\s+known\s+as|a/k/a|aka|the|(?:better|commonly|widely)\s+known\s+as|known\s+as|trading\s+as|doing\s+business\s+as|t/a)\s*[:,]?\s*",
    re.I,
)
_FORMER = re.compile(r"^(?:f/k/a|formerly(?:\s+known\s+as)?|previously|d/b/a|now)\s+", re.I)
_QUOTES = "\"'“”‘’「」"
_QUOTED = re.compile(r"[\"“'‘]([^\"”'’]{1,40})[\"”'’]")
_COLLECTIVE = re.compile(r"^\s*(?:collectively|together|jointly|all)\b", re.I)


def _paren_aliases(text: str, end: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, int]], int]:
    """Bracketed forms right after a name: (aliases, affiliate-list spans, end of the brackets)."""
    aliases: list[tuple[int, int, str]] = []
    affiliates: list[tuple[int, int]] = []
    pos = end
    for _ in range(3):
        m = _PAREN.match(text, pos)
        if not m:
            break
        inner = m.group(1)
        s0 = m.start(1)
        pos = m.end()
        if _SUBSID.search(inner):
            affiliates.append((s0, m.end(1)))
            continue
        if _CJK.search(inner):
            # "(华为技术有限公司, "Huawei")": each part is a form of the name
            pos = 0
            for part in re.split(r"[,，、;；]", inner):
                at = inner.find(part, pos)
                pos = at + len(part)
                core = part.strip().strip(_QUOTES).strip()
                if not core or len(core) > 30:
                    continue
                k0 = s0 + inner.find(core, at)
                if _CJK.search(core) or core[:1].isupper():
                    aliases.append((k0, k0 + len(core), "cjk" if _CJK.search(core) else "alias"))
            continue
        if ":" in inner and not _CJK.search(inner):
            continue  # a ticker: "(NASDAQ: IRBT)"
        quoted = list(_QUOTED.finditer(inner))
        if len(quoted) >= 2:
            # '(collectively "InterDigital" or "IDC")': every quoted form
            how = "group" if _COLLECTIVE.match(inner) else "alias"
            for q in quoted:
                if q.group(1)[:1].isupper() and q.group(1).lower() not in _GENERIC_ALIAS:
                    aliases.append((s0 + q.start(1), s0 + q.end(1), how))
            continue
        body = inner
        lead = _ALIAS_LEAD.match(body) or _FORMER.match(body)
        off = lead.end() if lead else 0
        body2 = body[off:]
        stripped = body2.strip().strip(_QUOTES).strip()
        if not stripped or _NOT_ALIAS.search(stripped):
            continue
        if not (stripped[0].isupper() or stripped[0].isdigit()):
            continue
        if len(stripped.split()) > 6 or stripped.lower() in _GENERIC_ALIAS:
            continue
        k = s0 + off + body2.find(stripped)
        how = "former" if _FORMER.match(body) else "group" if _COLLECTIVE.match(body) else "alias"
        aliases.append((k, k + len(stripped), how))
    return aliases, affiliates, pos


_HEREINAFTER = re.compile(
    r",?\s*(?:hereinafter|hereafter)(?:\s+referred\s+to\s+as|\s+called)?\s*[\"“‘']([^\"”’']{1,40})[\"”’']", re.I
)


# --- clustering -------------------------------------------------------------------------


class _UF:
    def __init__(self) -> None:
        self.p: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.p[rb] = ra


@dataclass(slots=True)
class _Surface:
    key: str
    text: str
    first: int
    spans: list[tuple[int, int, str]] = field(default_factory=list)
    blocked: bool = False
    headline_only: bool = True
    affiliate_of: str | None = None  # key of the parent
    person: bool = False
    first_body: int = 1 << 30  # first mention outside headlines


def _join_tail_forms(surf: dict, uf: _UF, keys, blocked_keys: set[str], affil_parent: dict) -> None:
    """ "Q CELLS" of "Hanwha Q CELLS GmbH": a name of two or more words that ends a longer name
    (the group's name dropped) is its short form, when no other name ends so."""
    multi = [k for k in keys if " " in k and k not in blocked_keys]
    if len(multi) < 2:
        return
    roots: dict[str, int] = {}
    for o in keys:
        r = uf.find(o)
        roots[r] = roots.get(r, 0) + 1
    for k in multi:
        if roots.get(k) != 1 or uf.find(k) != k or orgnames.has_suffix(surf[k].text):
            continue  # (a name joined to others already has its forms)
        tail = " " + k
        longer = [l for l in multi if l != k and l.endswith(tail) and l not in affil_parent and surf[l].first < surf[k].first]
        if len({uf.find(l) for l in longer}) == 1:
            uf.union(longer[0], k)


def _join_group_aliases(surf: dict, uf: _UF, keys, group_alias: dict[str, str], blocked_keys: set[str]) -> None:
    """A group name no short-form rule placed ('R.J. Reynolds Vapor Company, ... (together, "Reynolds")'):
    the earliest name written before it that holds it as a word."""
    for ga, member in group_alias.items():
        if ga in blocked_keys or any(uf.find(k) == uf.find(ga) for k in keys if k != ga):
            continue
        word = re.compile(r"(?<![\w.])" + re.escape(surf[ga].text) + r"(?!\w)")
        holders = [k for k in keys if k != ga and k not in blocked_keys and surf[k].first <= surf[member].first
                   and word.search(surf[k].text)]
        if holders:
            uf.union(min(holders, key=lambda k: surf[k].first), ga)


_DOTTED = {"Inc", "Corp", "Co", "Ltd", "Pte", "Pty", "Mfg", "Bros", "Intl", "Ltda", "Assoc", "Tech", "Am", "Sdn", "Bhd"}
_SUFFIX_SET = {"Inc", "Corp", "Co", "Ltd", "Pte", "Pty", "Plc", "Llc"}
_SUFFIX_EXT = re.compile(rf"(?:\.?,?[ \u00a0]*(?:{_SUFFIX_WORDS}|{_MORE_SUFFIX_WORDS})\b)*\.?")


def _extend_suffix(text: str, s: int, e: int) -> int:
    """Carry a name over a legal suffix cut off by the sentence splitter ("Pte. Ltd.")."""
    last = text[s:e].split()[-1].rstrip(",") if text[s:e].split() else ""
    if not _SUFFIX_W.fullmatch(last):
        return e
    m = _SUFFIX_EXT.match(text, e)
    return m.end() if m else e


_NON_ALNUM = re.compile(r"[^A-Za-z0-9]")
_CLIPPED = re.compile(r"[A-Z][a-z]{1,3}\.")
_CAMEL = re.compile(r"(?:[A-Z][a-z]{1,4}){2,3}")


@lru_cache(maxsize=4096)
def _acronym_like(t: str) -> bool:
    core = _NON_ALNUM.sub("", t)
    if len(core) < 2:
        return False
    if t.isupper() and len(core) <= 8:
        return True
    clipped = [w for w in t.split() if _CLIPPED.fullmatch(w) and w.rstrip(".") not in _SUFFIX_SET]
    if clipped and len(t.split()) >= 2:  # "Am. Tech. Ceramics Corp."
        return True
    # camel-case clip "IntVen"
    return bool(_CAMEL.fullmatch(t))


def extract(ctx: Context, mentions: Mentions) -> list[Party]:
    """Parties of the English document ``ctx`` with their aliases and mentions."""
    parties = candidate_parties(ctx, mentions)
    if not parties:
        return []
    from patlit.extract import proceedings_en

    return proceedings_en.select_parties(ctx, parties, mentions)


@lru_cache(maxsize=1)
def _person_re() -> re.Pattern:
    """Any person cue of the lexicon, as a plain substring (one search instead of one per cue)."""
    return re.compile("|".join(re.escape(p) for p in lexicon().person_cues))


def _cue_spans(text: str) -> list[tuple[int, int]]:
    """Every occurrence of a person cue in ``text``, overlapping ones included.

    ``_person_re().search(text[a:b])`` holds exactly when one of them lies inside ``[a, b)``.
    """
    out = []
    for cue in lexicon().person_cues:
        i = text.find(cue)
        while i >= 0:
            out.append((i, i + len(cue)))
            i = text.find(cue, i + 1)
    return out


def _cue_before(cues: list[tuple[int, int]], start: int) -> bool:
    """A person cue within the 30 characters before ``start``."""
    lo = max(0, start - 30)
    return any(lo <= a and b <= start for a, b in cues)


_CITY_LEAD = re.compile(r"\b(?:in|of|near|from|at)\s+$")


def candidate_parties(ctx: Context, mentions: Mentions) -> list[Party]:
    """Every clustered name of the document that could be a party (before role filtering)."""
    lex = lexicon()
    text = ctx.text
    rows = table_rows(ctx, mentions)
    row_sents = {r.sentence for r in rows}
    cands = find_candidates(ctx, skip=row_sents)
    # forum mentions are never parties
    fspans = [(f.start, f.end) for f in mentions.forums]
    if fspans:
        # a name inside a court's name is no party mention ("Beijing Intellectual Property Court");
        # the name itself may still be a party elsewhere
        fspans.sort()
        fstarts = [s for s, _ in fspans]
        kept = []
        for c in cands:
            k = bisect.bisect_left(fstarts, c.end)  # forums starting before the name ends
            # one of the last three of them ends after the name's start (written out: no call per name)
            if k and (
                fspans[k - 1][1] > c.start
                or (k > 1 and fspans[k - 2][1] > c.start)
                or (k > 2 and fspans[k - 3][1] > c.start)
            ):
                continue
            kept.append(c)
        cands = kept
    for r in rows:
        for s, e in (*r.plaintiffs, *r.defendants):
            t = text[s:e]
            cands.append(Cand(s, e, t, blocked=_blocked(t, lex)))
    cands.sort(key=_START)

    surf: dict[str, _Surface] = {}
    uf = _UF()
    blocked_keys: set[str] = set()
    affil_parent: dict[str, str] = {}

    def add(s: int, e: int, t: str, blocked: bool, headline: bool) -> str | None:
        k = orgnames.fold(t)
        if not k:
            return None
        sf = surf.get(k)
        if sf is not None and t != sf.text and not _same_form(t, sf.text):
            k = _form_key(k, t)  # "Broadcom Corporation" beside "Broadcom Limited": two companies
            sf = surf.get(k)
        if sf is None:
            sf = surf[k] = _Surface(k, t, s)
            uf.p.setdefault(k, k)  # a new set in the union-find
        elif len(t) > len(sf.text):
            sf.text = t  # the longest writing of the key names the surface
        sf.spans.append((s, e, t))
        sf.blocked |= blocked
        if not headline:
            sf.headline_only = False
            if s < sf.first_body:
                sf.first_body = s
        return k

    cands = _unglue(cands, lex)
    if lex.name_heads and any(w in text for w in lex.name_heads):
        cands = _join_heads(text, cands, lex)
    after_blocked = -10  # end of the last blocked name
    said_no_party = "not a party" in text or "not party" in text
    cues = _cue_spans(text)
    body = [c for c in cands if not c.headline]
    heads = [c for c in cands if c.headline]
    group_alias: dict[str, str] = {}  # '(together, "Reynolds")' -> the last member's key
    for c in body:
        if (
            not c.blocked and text[c.start - 2:c.start] in _PRODUCT_TAILS and text[c.end:c.end + 1] == " "
            and _product_mention(text, c.start, c.end, lex)
        ):
            continue  # "Zeta's Nimbus platform": a product of a company, not a company
        if not c.blocked and 0 <= c.start - after_blocked <= 5 and text[after_blocked:c.start] in _NAME_AND:
            c.blocked = True  # "Superintendencia de Industria y Comercio": the rest of an office's name
        if (not c.blocked and text[c.end:c.end + 1] == "," and _CITY_LEAD.search(text, max(0, c.start - 12), c.start)
                and " " not in c.text and lex.state_after.match(text, c.end)):
            c.blocked = True  # "a company based in Herndon, Virginia": a city, not a company
        if not c.blocked and text[c.end:c.end + 1] == " " and _STATUTE_AFTER.match(text, c.end):
            c.blocked = True  # "the Biologics Price Competition and Innovation Act": a statute's name
        if said_no_party and not c.blocked and text.startswith(_NOT_A_PARTY, c.end):
            c.blocked = True  # "Zeta, which is not a party, declined to comment"
        if c.blocked:
            after_blocked = c.end
        k = add(c.start, c.end, c.text, c.blocked, False)
        if k is None:
            continue
        if c.blocked:
            blocked_keys.add(k)
        # bracketed aliases / affiliates right after the name
        # (a bracket needs a space or the bracket itself right after the name: a cheap test first)
        if text[c.end:c.end + 1] in _PAREN_LEAD and _PAREN_AHEAD.match(text, c.end):
            als, affs, _ = _paren_aliases(text, c.end)
        else:
            als, affs = (), ()
        for a, b, how in als:
            at = text[a:b]
            ab = c.blocked or _blocked(at, lex) and how != "cjk"
            ak = add(a, b, at, ab, False)
            if ab and not c.blocked:
                continue  # "Kappa Co., Ltd. (Japan)": a place or an office in brackets is no form of the name
            if ak and ak != k and how != "group":
                # a group name ('(collectively "Apple")') joins its member by the short-form rule, not the last name
                if c.blocked:
                    blocked_keys.add(ak)
                uf.union(k, ak)
            elif ak and ak != k:
                group_alias.setdefault(ak, k)
        for a, b in affs:
            for m in NAME_RE.finditer(text, a, b):
                for s2, e2 in _trim(m.group(), m.start(), lex):
                    t2 = text[s2:e2]
                    if _blocked(t2, lex):
                        continue
                    k2 = add(s2, e2, t2, False, False)
                    if k2 and k2 != k:
                        affil_parent[k2] = k
        hm = _HEREINAFTER.match(text, c.end)
        if hm:
            ak = add(hm.start(1), hm.end(1), hm.group(1), c.blocked, False)
            if ak and ak != k:
                uf.union(k, ak)
        # person cue right before the name
        if cues and _cue_before(cues, c.start):
            surf[k].person = True
    # headline runs: segment into names known from the body (most documents have none)
    if heads:
        known = {k for k, s in surf.items()}
        usable = [surf[q].text for q in known if not surf[q].blocked]
        prefixes = set()
        for t0 in usable:
            ws = orgnames.words(t0)
            for i in range(1, len(ws)):
                prefixes.add(" ".join(ws[:i]))
        for c in heads:
            toks = [(m.start(), m.end()) for m in _NONSPACE.finditer(c.text)]
            i = 0
            while i < len(toks):
                hit = None
                for j in range(len(toks), i, -1):
                    s = c.start + toks[i][0]
                    e = c.start + toks[j - 1][1]
                    t = text[s:e].rstrip(",:;")
                    t = _POSSESSIVE.sub("", t)
                    k = orgnames.fold(t)
                    if k and (
                        k in known
                        or (k in prefixes and len(k) >= 3 and k.split()[0] not in _GENERIC_LOWER)
                        or (_acronym_like(t) and any(orgnames.is_abbreviation(t, u) for u in usable))
                    ):
                        hit = (s, s + len(t), t, j)
                        break
                if hit:
                    add(hit[0], hit[1], hit[2], _blocked(hit[2], lex), True)
                    i = hit[3]
                else:
                    i += 1
    _affiliate_phrases(ctx, surf, affil_parent, add)

    keys = list(surf)
    for k in keys:
        if surf[k].blocked:
            blocked_keys.add(k)
    # spelling variants and squashed forms
    by_squash: dict[str, str] = {}
    for k in keys:
        q = k.replace(" ", "")
        if q in by_squash:
            uf.union(by_squash[q], k)
        else:
            by_squash[q] = k
    by_first: dict[str, list[str]] = {}
    for k in keys:
        if k not in blocked_keys:
            by_first.setdefault(k.split()[0], []).append(k)
    for group in by_first.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                if orgnames.similar(surf[a].text, surf[b].text) and _same_form(surf[a].text, surf[b].text):
                    if affil_parent.get(a) != b and affil_parent.get(b) != a:
                        uf.union(a, b)
    # abbreviations: "HPE", "IntVen", "ATC" (also of institutions, to block "ITC")
    longs = sorted(keys, key=lambda k: surf[k].first)
    long_inits: list[tuple[str, str, frozenset[str]]] | None = None  # (key, text, word initials), when needed
    for k in keys:
        t = surf[k].text
        if not _acronym_like(t):
            continue
        if long_inits is None:
            long_inits = [(l, surf[l].text, orgnames.initials(surf[l].text)) for l in longs]
        # an abbreviation starts with the first letter of one of the long name's words
        first = orgnames.abbreviation_letters(t)[:1]
        hits = [
            l for l, lt, inits in long_inits
            if first in inits and l != k and len(lt) > len(t) and orgnames.is_abbreviation(t, lt)
        ]
        if hits:
            # nearest name written before the first use of the short form
            before = [l for l in hits if surf[l].first <= surf[k].first] or hits
            best = max(before, key=lambda l: surf[l].first) if before is not hits else hits[0]
            uf.union(best, k)
            if best in blocked_keys:
                blocked_keys.add(k)
    # names led by a place ("China IWNCOMM Co., Ltd.") also shorten without it ("IWNCOMM")
    placed = {}
    for l in keys:
        ws = surf[l].text.split()
        if len(ws) > 2 and orgnames.fold(ws[0]) in lex.places and l not in blocked_keys:
            placed[l] = " ".join(ws[1:])
        elif len(ws) >= 2 and ws[0] in lex.form_prefixes and l not in blocked_keys:
            # "Telefonaktiebolaget LM Ericsson" is also "Ericsson": the legal form and its letters go
            rest = [w for w in ws[1:] if not (w.isupper() and len(w) <= 3)]
            if rest:
                placed[l] = " ".join(rest)
    # short forms: "Samsung" of "Samsung Electronics Co."
    for k in keys:
        if k in blocked_keys or k.split()[0] in _GENERIC_LOWER or len(k) < 3:
            continue
        if orgnames.has_suffix(surf[k].text):
            continue  # "Apple Inc.", "BioNTech SE" are full names, not short forms of longer ones
        longer = [
            l for l in by_first.get(k.split()[0], ())
            if l != k and l not in affil_parent
            and orgnames.is_short_form(surf[k].text, surf[l].text) and _expands(surf[k], surf[l], lex)
        ] or [
            l for l, rest in placed.items()
            if l != k and l not in affil_parent and orgnames.words(rest)[:1] == k.split()[:1]
            and (orgnames.fold(rest) == k or orgnames.is_short_form(surf[k].text, rest)) and not surf[k].blocked
        ]
        if not longer:
            continue
        # a parent is not the short form of its own subsidiary
        longer = [l for l in longer if affil_parent.get(l) not in (k, uf.find(k))]
        if not longer:
            continue
        roots = {uf.find(l) for l in longer}
        if len(roots) == 1 or k not in affil_parent:
            # the fullest form that adds least: "Apple" is "Apple Inc.", not "Apple Retail UK Limited"
            best = min(longer, key=lambda l: (len(orgnames.words(surf[l].text)), surf[l].first))
            if k in affil_parent and uf.find(affil_parent[k]) == uf.find(best):
                continue
            uf.union(best, k)
    if group_alias:
        _join_group_aliases(surf, uf, keys, group_alias, blocked_keys)
    _join_tail_forms(surf, uf, keys, blocked_keys, affil_parent)

    clusters: dict[str, list[str]] = {}
    for k in keys:
        clusters.setdefault(uf.find(k), []).append(k)
    parties: list[Party] = []
    key_party: dict[str, Party] = {}
    for root, ks in clusters.items():
        if not blocked_keys.isdisjoint(ks):
            continue
        if all(surf[k].headline_only for k in ks):
            continue
        if len(ks) == 1:  # most names have no other form
            name = surf[ks[0]].text
            aliases = []
            spans = sorted(set(surf[ks[0]].spans))
        else:
            forms = sorted(ks, key=lambda k: (_acronym_like(surf[k].text), -len(surf[k].text), surf[k].first))
            name = surf[forms[0]].text
            aliases = []
            for k in sorted(ks, key=lambda k: surf[k].first):
                if k != forms[0]:
                    aliases.append(surf[k].text)
            spans = sorted({sp for k in ks for sp in surf[k].spans})
        p = Party(
            name=name,
            aliases=aliases,
            kind="person" if any(surf[k].person for k in ks) else "org",
            mentions=[PartyMention(s, e, t, name) for s, e, t in spans],
        )
        parties.append(p)
        for k in ks:
            key_party[k] = p
    for child, parent in affil_parent.items():
        cp, pp = key_party.get(child), key_party.get(uf.find(parent)) or key_party.get(parent)
        if cp is not None and pp is not None and cp is not pp:
            cp.affiliate_of = pp.name
    parties.sort(key=lambda p: p.mentions[0].start if p.mentions else 0)
    return parties


# written legal forms that are one form: "Corp." is "Corporation", "Co., Ltd." is "Company Limited"
_FORM_WORDS = {
    "corp": "corporation", "co": "company", "ltd": "limited", "inc": "incorporated",
    "l": "", "c": "", "p": "", "s": "", "a": "", "r": "", "v": "", "b": "", "n": "", "k": "",
}
_FORM_SPLIT = re.compile(r"[^a-z0-9]+")


@lru_cache(maxsize=4096)
def _legal_form(t: str) -> tuple[str, ...]:
    """The written legal form at the end of ``t``, in full words ("Co., Ltd." -> company limited)."""
    m = orgnames.SUFFIX_RE.search(t)
    if m is None:
        return ()
    ws = [w for w in _FORM_SPLIT.split(m.group().lower()) if w]
    out = []
    for w in ws:
        w = _FORM_WORDS.get(w, w)
        if w:
            out.append(w)
    if not out:  # dotted forms: "S.r.l.", "N.V.", "L.L.C."
        out = ["".join(ws)]
    return tuple(out)


@lru_cache(maxsize=4096)
def _same_form(a: str, b: str) -> bool:
    """``a`` and ``b`` may name the same company: a legal form missing on one, or one form
    the start of the other ("Co." / "Co., Ltd."); "Limited" and "Corporation" differ."""
    fa, fb = _legal_form(a), _legal_form(b)
    if not fa or not fb:
        return True
    n = min(len(fa), len(fb))
    return fa[:n] == fb[:n]


def _form_key(k: str, t: str) -> str:
    """Key of a name whose folded words another legal form already holds."""
    return k + " #" + "".join(_legal_form(t))


def _join_heads(text: str, cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Names that open with "X and" ("President and Fellows of Harvard College"): the run
    found starts after the "and"; the head before it (``name_heads``) joins it (and the
    head's words stop being a name of their own)."""
    joined: list[tuple[int, int]] = []
    for c in cands:
        if c.blocked or " " not in c.text:
            continue
        heads = lex.name_heads.get(c.text.split(" ", 1)[0])
        if not heads:
            continue
        for h in heads:
            if text.endswith(h, max(0, c.start - len(h)), c.start):
                c.start -= len(h)
                c.text = text[c.start:c.end]
                joined.append((c.start, c.end))
                break
    if not joined:
        return cands
    return [c for c in cands if not any(a <= c.start and c.end <= b and (a, b) != (c.start, c.end) for a, b in joined)]


def _unglue(cands: list[Cand], lex: Lexicon) -> list[Cand]:
    """Names glued to another known name: a place before it ("in London Acme asked": "Acme")
    and two names joined by a hyphen ("the Acme-Zeta fight": "Acme", "Zeta").

    "Known" is a name written on its own, the same way, elsewhere in the document (another candidate)."""
    pw = lex.place_words  # the quick part of _unglue_one's tests: a place word first, or one hyphenated word
    glued = [c for c in cands if not c.blocked and (c.text.partition(" ")[0] in pw if " " in c.text else "-" in c.text)]
    if not glued:
        return cands
    known = {c.text for c in cands if not c.blocked}  # as written: no folding of every name
    out: list[Cand] | None = None
    for c in glued:
        new = _unglue_one(c, known, lex)
        if new is None:
            continue
        if out is None:
            out = list(cands)
        i = out.index(c)
        out[i:i + 1] = new
    return cands if out is None else out


def _unglue_one(c: Cand, known: set[str], lex: Lexicon) -> list[Cand] | None:
    t = c.text
    if " " in t:
        first, rest = t.split(" ", 1)
        if (
            orgnames.fold(first) in lex.places and not orgnames.has_suffix(t)
            and rest in known and rest[:1].isupper()
        ):
            off = len(t) - len(rest)
            return [Cand(c.start + off, c.end, rest, False, c.headline)]
        return None
    parts = t.split("-")
    if len(parts) == 2 and all(p[:1].isupper() and len(p) > 1 and p in known for p in parts):
        a, b = parts
        return [Cand(c.start, c.start + len(a), a, False, c.headline), Cand(c.end - len(b), c.end, b, False, c.headline)]
    return None


def _product_mention(text: str, s: int, e: int, lex: Lexicon) -> bool:
    """A name read as a product: a product noun after it and a possessive or article before
    it ("Zeta's Nimbus platform", "the Nimbus system")."""
    if not text.endswith(_PRODUCT_BEFORE, max(0, s - 6), s):
        return False
    m = _NEXT_WORD.match(text, e + 1)
    return m is not None and m.group() in lex.product_nouns and not orgnames.has_suffix(text[s:e])


_PRODUCT_BEFORE = ("'s ", "’s ", "s' ", "the ", "its ", "their ")
_PRODUCT_TAILS = {w[-2:] for w in _PRODUCT_BEFORE}  # a quick test of the two characters before


_NEXT_WORD = re.compile(r"[a-z]+")
# a name the writer says is no party
_NOT_A_PARTY = (
    ", which is not a party", ", which was not a party", ", which is not party", ", who is not a party",
    ", not a party", " (not a party", " (which is not a party", " is not a party", " was not a party",
)
_NAME_AND = {" y ", " e ", " et ", " und ", " en "}  # "and" inside a foreign office's name


def _expands(short: _Surface, long: _Surface, lex: Lexicon) -> bool:
    """``long`` is a fuller name of ``short``, not a product or a unit named after it.

    "Samsung Electronics Co." and "Motorola Mobility" expand "Samsung" and "Motorola";
    "Apple Watches" and "Xiaomi 5X" do not: the extra words must be legal suffixes,
    generic organisation words or places, or the name a person's.
    """
    if long.person or short.person:
        return True
    extra = long.text.split()[len(short.text.split()):]
    if any(ch.isdigit() for w in extra for ch in w):
        return False  # "Xiaomi 5X", "Inspur NF5280M5": a product
    if orgnames.has_suffix(long.text) or long.first_body < short.first_body:
        # the full name first, the short form after: "Optis Cellular Technology LLC" ... "Optis"
        return True
    for w in extra:
        w = w.strip(",.()")
        if not w or w in lex.generic or orgnames.fold(w) in lex.places or w in _SUFFIX_SET:
            continue
        if _SUFFIX_W.fullmatch(w) or w.lower() in _CONNECT or w == "&":
            continue
        return False
    return True


_GENERIC_LOWER = {
    "technology", "technologies", "group", "general", "western", "eastern", "northern", "southern",
    "university", "international", "global", "national", "american", "united", "first", "new",
    "great", "royal", "central", "federal", "state", "city",
}


@lru_cache(maxsize=1)
def _affiliate_res() -> tuple[re.Pattern, re.Pattern]:
    nouns = "|".join(re.escape(n) for n in lexicon().affiliate_nouns)
    # "\band|['’]s?|\bof" written as branches that start with a letter or a quote, so the
    # engine scans for those quickly: "a(?<!\w[\s\S])" is "\ba" (the look-behind tests the
    # character before the "a" once it is read)
    pat_list = re.compile(
        rf"(?:a(?<!\w[\s\S])nd\s+its|'s?|’s?|o(?<!\w[\s\S])f\s+its|w(?<!\w[\s\S])ith\s+its)"
        rf"\s+(?:[\w\-.]+\s+){{0,3}}?(?:{nouns})\b,?\s*(?:including|such\s+as|namely|like)?:?\s*"
    )
    pat_of = re.compile(rf",\s+(?:a|an|the)\s+(?:[\w\-]+\s+){{0,2}}?(?:{nouns})\s+of\s+")
    return pat_list, with_first_chars(pat_of)


_WORD_CHAR = re.compile(r"\w")


def _has_affiliate_noun(text: str) -> bool:
    """An affiliate noun after white space and before a word boundary (``\\s(?:nouns)\\b``):
    both affiliate patterns need one, so without it there is nothing to read."""
    for n in lexicon().affiliate_nouns:
        i = text.find(n, 1)
        while i >= 0:
            j = i + len(n)
            if text[i - 1].isspace() and (j == len(text) or not _WORD_CHAR.match(text, j)):
                return True
            i = text.find(n, i + 1)
    return False


def _affiliate_phrases(ctx: Context, surf: dict, affil_parent: dict, add) -> None:
    """ "X and its subsidiaries, including A, B and C", "A, a subsidiary of X"."""
    text = ctx.text
    if not surf or not _has_affiliate_noun(text):
        return
    spans = sorted(((s, e, k) for k, sf in surf.items() for s, e, _ in sf.spans), key=lambda x: x[0])
    if not spans:
        return
    pat_list, pat_of = _affiliate_res()
    for m in pat_list.finditer(text):
        # parent: the name right before
        parent = None
        for s, e, k in spans:
            if e <= m.start() and m.start() - e <= 12:
                parent = k
        if parent is None:
            # "several of Inspur’s subsidiaries": the name right before the possessive
            continue
        # children: the names listed after, up to the end of the list
        pos = m.end()
        sent_end = ctx.sentence_span(m.start())[1]
        upward = "parent" in m.group()  # "Omega's parent, Omega Holdings": the name before is the child
        for s, e, k in spans:
            if s < pos:
                continue
            if s - pos > 6 or s >= sent_end:
                break
            if upward:
                if k != parent and not surf[k].blocked:
                    affil_parent[parent] = k
                break
            if k != parent and not surf[k].blocked:
                affil_parent[k] = parent
            tail = _LIST_SEP.match(text, e, e + 8)
            pos = tail.end() if tail else e
    for m in pat_of.finditer(text):
        child = parent = None
        for s, e, k in spans:
            if e <= m.start() and m.start() - e <= 2:
                child = k
            if s == m.end() or (s > m.end() and s - m.end() <= 12 and parent is None):
                parent = k
        if child and parent and child != parent:
            affil_parent[child] = parent
