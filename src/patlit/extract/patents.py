"""Patent and application identifiers: find them in text, canonicalise, decode.

The written forms live in ``data/patents.yaml`` (one regex per form, each with
examples); this module compiles them once and adds what a regex cannot do:
canonical ids (spec table of ``facts.md``), the CN check digit, numbers announced
by a cue ("U.S. Patent Nos. 8,419,307; 8,177,449 and 9,180,194", "专利号为…"),
bare US numbers standing in brackets in a sentence about patents, and metadata
of an id (:func:`decode_cn`, :func:`describe`).

Spans cover the whole identifier (office prefix, ZL, kind code) so that the
overlap settler prefers them to the dates and sums hidden inside.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Callable
from urllib.parse import quote

from patlit.data import load_yaml
from patlit.errors import DataFileError, PatlitError
from patlit.model import PatentMention

_DATA_FILE = "patents.yaml"
_FLAGS = re.VERBOSE


class PatentIdError(PatlitError, ValueError):
    """A string that is not a patent identifier of the asked kind."""

    hint = "write a Chinese application number like CN201310147926.9 or ZL201310147926.9"


# --------------------------------------------------------------------------- data


@dataclass(frozen=True)
class _Form:
    name: str
    office: str
    regex: re.Pattern[str]
    normalize: Callable[[dict[str, str | None]], tuple[str, bool | None] | None]
    examples: tuple[dict[str, Any], ...]
    gate: tuple[str, ...]  # the text must hold one of these for the form to be tried


@dataclass(frozen=True)
class _Grammar:
    forms: tuple[_Form, ...]
    cues: dict[str, tuple[re.Pattern[str], re.Pattern[str]]]  # lang -> (core, before)
    cue_offices: tuple[tuple[str, str], ...]  # (word, office), longest words first
    number_cue: re.Pattern[str]
    items: re.Pattern[str]
    separator: re.Pattern[str]
    item_note: re.Pattern[str]
    bare_us: re.Pattern[str]
    bare_not_before: str
    context_words: tuple[str, ...]
    context_chars: int
    determiners: frozenset[str]
    short_form_after: re.Pattern[str]
    kind_after: re.Pattern[str]
    list_before: re.Pattern[str]
    list_after: re.Pattern[str]
    weights_new: tuple[int, ...]
    weights_old: tuple[int, ...]
    cn_types: dict[str, str]
    pct_types: frozenset[str]
    old_years: tuple[int, int]
    new_years: tuple[int, int]
    publication_kinds: dict[str, str]
    links: dict[str, Any]
    raw: dict[str, Any]


def _fail(problem: str) -> DataFileError:
    return DataFileError(f"{_DATA_FILE}: {problem}")


def _compile(pattern: Any, where: str) -> re.Pattern[str]:
    if not isinstance(pattern, str) or not pattern.strip():
        raise _fail(f"{where}: pattern missing")
    try:
        return re.compile(pattern, _FLAGS)
    except re.error as exc:
        raise _fail(f"{where}: bad regex ({exc})") from exc


def _check_examples(examples: Any, where: str) -> tuple[dict[str, Any], ...]:
    if not isinstance(examples, list) or not examples:
        raise _fail(f"{where}: needs a non-empty list of examples")
    for ex in examples:
        if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or not isinstance(ex.get("ids"), list):
            raise _fail(f"{where}: each example needs 'text' and 'ids' (got {ex!r})")
    return tuple(examples)


def load_grammar() -> _Grammar:
    """The compiled grammar (loaded and validated once per process)."""
    return _grammar()


@lru_cache(maxsize=1)
def _grammar() -> _Grammar:
    raw = load_yaml(_DATA_FILE)
    if not isinstance(raw, dict):
        raise _fail("top level must be a mapping")
    for key in ("cn", "forms", "cues", "cue_offices", "items", "separator", "bare_us", "links"):
        if key not in raw:
            raise _fail(f"missing section '{key}'")
    cn = raw["cn"]
    if len(cn.get("weights_new", [])) != 12 or len(cn.get("weights_old", [])) != 8:
        raise _fail("cn.weights_new needs 12 weights and cn.weights_old 8")
    forms = []
    seen = set()
    for i, f in enumerate(raw["forms"]):
        where = f"forms[{i}]"
        if not isinstance(f, dict) or not isinstance(f.get("name"), str):
            raise _fail(f"{where}: needs a name")
        name = f["name"]
        if name in seen:
            raise _fail(f"{where}: duplicate form name {name!r}")
        seen.add(name)
        norm = _NORMALIZERS.get(f.get("normalize", ""))
        if norm is None:
            raise _fail(f"{where} ({name}): unknown normaliser {f.get('normalize')!r}")
        gate = f.get("gate")
        if not isinstance(gate, list) or not gate or not all(isinstance(x, str) and x for x in gate):
            raise _fail(f"{where} ({name}): gate must be a non-empty list of strings")
        forms.append(
            _Form(
                name=name,
                office=str(f.get("office", "")),
                regex=_compile(f.get("pattern"), f"{where} ({name})"),
                normalize=norm,
                examples=_check_examples(f.get("examples"), f"{where} ({name})"),
                gate=tuple(gate),
            )
        )
    cue_offices = sorted(
        ((str(w), str(office)) for office, words in raw["cue_offices"].items() for w in words),
        key=lambda t: -len(t[0]),
    )
    office_alt = "|".join(r"\s+".join(re.escape(part) for part in w.split()) for w, _ in cue_offices)
    cues = {}
    for lang in ("en", "zh"):
        spec = raw["cues"].get(lang)
        if not isinstance(spec, dict) or not isinstance(spec.get("before"), str):
            raise _fail(f"cues.{lang} needs 'core' and 'before'")
        before = spec["before"].replace("{OFFICE}", office_alt)
        cues[lang] = (_compile(spec.get("core"), f"cues.{lang}.core"), _compile(before, f"cues.{lang}.before"))
    bare = raw["bare_us"]
    _check_examples(bare.get("examples"), "bare_us")
    tl = raw.get("trailing_list")
    if not isinstance(tl, dict) or not all(isinstance(tl.get(k), str) for k in ("number", "before", "after")):
        raise _fail("trailing_list needs 'number', 'before' and 'after'")
    _check_examples(tl.get("examples"), "trailing_list")
    _check_examples(raw.get("number_cue_examples"), "number_cue_examples")
    _check_examples(raw.get("cue_examples"), "cue_examples")
    for key in ("google_patents", "google_search", "office"):
        if key not in raw["links"]:
            raise _fail(f"links.{key} missing")
    return _Grammar(
        forms=tuple(forms),
        cues=cues,
        cue_offices=tuple(cue_offices),
        number_cue=_compile(raw.get("number_cue"), "number_cue"),
        items=_compile(raw["items"], "items"),
        separator=_compile(raw["separator"], "separator"),
        item_note=_compile(raw.get("item_note"), "item_note"),
        bare_us=_compile(bare.get("pattern"), "bare_us"),
        bare_not_before=str(bare.get("not_before", "")),
        context_words=tuple(bare.get("context_words") or ()),
        context_chars=int(bare.get("context_chars", 160)),
        determiners=frozenset(str(w).lower() for w in bare.get("determiners") or ()),
        short_form_after=_compile(bare.get("short_form_after"), "bare_us.short_form_after"),
        kind_after=_compile(bare.get("kind_after"), "bare_us.kind_after"),
        list_before=_compile(tl["before"].replace("{N}", tl["number"]), "trailing_list.before"),
        list_after=_compile(tl["after"].replace("{N}", tl["number"]), "trailing_list.after"),
        weights_new=tuple(cn["weights_new"]),
        weights_old=tuple(cn["weights_old"]),
        cn_types={str(k): v for k, v in cn["types"].items()},
        pct_types=frozenset(str(t) for t in cn["pct_types"]),
        old_years=(int(cn["old_years"]["first"]), int(cn["old_years"]["last"])),
        new_years=(int(cn["new_years"]["first"]), int(cn["new_years"]["last"])),
        publication_kinds=dict(cn["publication_kinds"]),
        links=raw["links"],
        raw=raw,
    )


# ------------------------------------------------------------------ CN numbers


def cn_check_digit(number: str) -> str:
    """Check digit of a CN application number (12 or 8 digits, no check digit).

    >>> cn_check_digit("201310147926")
    '9'
    """
    g = _grammar()
    if not number.isdigit() or len(number) not in (8, 12):
        raise PatentIdError(f"{number!r}: a CN application number has 8 or 12 digits before its check digit")
    weights = g.weights_new if len(number) == 12 else g.weights_old
    r = sum(int(d) * w for d, w in zip(number, weights)) % 11
    return "X" if r == 10 else str(r)


def _cn_year(number: str) -> int | None:
    g = _grammar()
    if len(number) == 12:
        y = int(number[:4])
        return y if g.new_years[0] <= y <= g.new_years[1] else None
    yy = int(number[:2])
    first, last = g.old_years
    if yy >= first:
        return 1900 + yy
    if yy <= last:
        return 2000 + yy
    return None


@dataclass(frozen=True, slots=True)
class CNApplication:
    """A decoded Chinese application number."""

    id: str  # canonical, e.g. "CN201310147926.9"
    number: str  # the digits before the check digit
    check: str  # the check digit as written ("0"-"9" or "X")
    filing_year: int
    type_code: str  # the digit after the year
    kind: str  # "invention", "utility_model" or "design"
    pct: bool  # a PCT application entering the national phase (type 8 or 9)
    serial: str
    check_ok: bool


_CN_TEXT = re.compile(r"^\s*(?:ZL|CN)?\s*(\d{12}|\d{8})\s*[.．·]?\s*([0-9X])\s*$", re.IGNORECASE)


def decode_cn(text: str) -> CNApplication:
    """Decode a CN application number written as ``CN…``, ``ZL…`` or bare, dotted or not.

    Raises :class:`PatentIdError` when ``text`` is not one.
    """
    m = _CN_TEXT.match(text or "")
    if not m:
        raise PatentIdError(f"{text!r} is not a Chinese application number")
    number, check = m.group(1), m.group(2).upper()
    year = _cn_year(number)
    type_code = number[4] if len(number) == 12 else number[2]
    g = _grammar()
    if year is None or type_code not in g.cn_types:
        raise PatentIdError(f"{text!r}: no valid filing year and type in {number}")
    return CNApplication(
        id=f"CN{number}.{check}",
        number=number,
        check=check,
        filing_year=year,
        type_code=type_code,
        kind=g.cn_types[type_code],
        pct=type_code in g.pct_types,
        serial=number[5:] if len(number) == 12 else number[3:],
        check_ok=cn_check_digit(number) == check,
    )


# ----------------------------------------------------------------- normalisers

Groups = dict[str, "str | None"]
_NON_DIGIT = re.compile(r"\D")


def _digits(s: str | None) -> str:
    return _NON_DIGIT.sub("", s or "")


def _norm_cn_application(g: Groups) -> tuple[str, bool | None] | None:
    num = _digits(g.get("num"))
    chk = (g.get("chk") or "").upper()
    if len(num) == 8 and not g.get("dot") and not g.get("zl"):
        return None  # 9 digits with no dot are an 8-digit number plus check digit only after ZL
    try:
        app = decode_cn(num + "." + chk)
    except PatentIdError:
        return None
    return app.id, app.check_ok


def _norm_cn_publication(g: Groups) -> tuple[str, bool | None] | None:
    num, kind = _digits(g.get("num")), (g.get("kind") or "")
    if len(num) == 7 and not kind:
        return None
    return f"CN{num}{kind}", None


def _norm_us_grant(g: Groups) -> tuple[str, bool | None] | None:
    num = _digits(g.get("num"))
    return (f"US{num}", None) if 6 <= len(num) <= 8 else None


def _norm_us_design(g: Groups) -> tuple[str, bool | None] | None:
    return f"USD{_digits(g.get('num') or g.get('num2'))}", None


def _norm_us_reissue(g: Groups) -> tuple[str, bool | None] | None:
    return f"USRE{_digits(g.get('num') or g.get('num2'))}", None


def _norm_us_plant(g: Groups) -> tuple[str, bool | None] | None:
    return f"USPP{_digits(g.get('num'))}", None


def _norm_us_publication(g: Groups) -> tuple[str, bool | None] | None:
    return f"US{g.get('year')}{g.get('serial')}", None


def _norm_ep(g: Groups) -> tuple[str, bool | None] | None:
    num = _digits(g.get("num"))
    return (f"EP{num}", None) if len(num) == 7 else None


def _norm_wo(g: Groups) -> tuple[str, bool | None] | None:
    if g.get("year"):
        return f"WO{g['year']}{g['serial']}", None
    yy = int(g.get("yy") or 0)
    century = "19" if yy >= 50 else "20"
    return f"WO{century}{yy:02d}0{g.get('serial5')}", None


def _norm_jp(g: Groups) -> tuple[str, bool | None] | None:
    year, serial = g.get("year"), g.get("serial")
    if year and serial:
        return f"JP{year}{serial}", None
    num = g.get("num") or g.get("num2")
    if g.get("num") and not g.get("kind"):
        return None  # "JP 1234567" without a kind code is too weak
    return (f"JP{num}", None) if num else None


def _norm_kr(g: Groups) -> tuple[str, bool | None] | None:
    if g.get("year"):
        return f"KR10{g['year']}{g['serial']}", None
    return f"KR10{g.get('num')}", None


def _norm_gb(g: Groups) -> tuple[str, bool | None] | None:
    num = _digits(g.get("num"))
    return (f"GB{num}", None) if len(num) == 7 else None


def _norm_tw(g: Groups) -> tuple[str, bool | None] | None:
    return f"TW{g.get('num')}", None


def _norm_de(g: Groups) -> tuple[str, bool | None] | None:
    num = _digits(g.get("num") or g.get("old"))
    return (f"DE{num}", None) if num else None


_NORMALIZERS: dict[str, Callable[[Groups], tuple[str, bool | None] | None]] = {
    "cn_application": _norm_cn_application,
    "cn_publication": _norm_cn_publication,
    "us_grant": _norm_us_grant,
    "us_design": _norm_us_design,
    "us_reissue": _norm_us_reissue,
    "us_plant": _norm_us_plant,
    "us_publication": _norm_us_publication,
    "ep": _norm_ep,
    "wo": _norm_wo,
    "jp": _norm_jp,
    "kr": _norm_kr,
    "gb": _norm_gb,
    "de": _norm_de,
    "tw": _norm_tw,
}


# ------------------------------------------------------------------ extraction


@dataclass(frozen=True, slots=True)
class _Hit:
    start: int
    end: int
    id: str
    office: str
    check_ok: bool | None


def _office_of(pid: str) -> str:
    m = re.match(r"[A-Z]{2}", pid)
    return m.group(0) if m else ""


@lru_cache(maxsize=1)
def _gate_scan() -> re.Pattern[str]:
    """One regex for every gate of two characters or more, longest first."""
    gates = {gate for form in _grammar().forms for gate in form.gate if len(gate) > 1}
    return re.compile("|".join(re.escape(g) for g in sorted(gates, key=lambda g: (-len(g), g))))


def _gates_found(text: str) -> list[str]:
    """The longest gate starting at each position of ``text`` where one starts.

    One scan instead of a substring search per gate. Restarting one character after
    each hit visits every position, so a gate is in the text exactly when it is a prefix
    (thus a substring) of one of these.
    """
    rx = _gate_scan()
    found: list[str] = []
    m = rx.search(text)
    while m is not None:
        found.append(m.group())
        m = rx.search(text, m.start() + 1)
    return found


#: a bare CN application "201310147926.9" is a dot between a digit and a check digit; the
#: form opens with the class [.．], which the regex engine scans for slowly (every sentence
#: has a dot), while a literal "." with the digit tests scans fast: the form is tried only
#: where this finds something (or a full-width dot is in the text)
_BARE_CN_OPENING = "(?P<dot>[.．])\n(?<=(?<![A-Za-z0-9.．/-])(?P<num>(?:19[89]\\d|20\\d\\d)[12389]\\d{7})[.．])\n(?P<chk>[0-9Xx])"
_BARE_CN_DOT = re.compile(r"\.(?<=\d\.)[0-9Xx]")


def _may_match(form: _Form, text: str) -> bool:
    """False when ``form`` surely finds nothing in ``text`` (beyond its gate)."""
    if form.regex.pattern.startswith(_BARE_CN_OPENING):
        return "．" in text or _BARE_CN_DOT.search(text) is not None
    return True


def _form_hits(text: str) -> list[_Hit]:
    out: list[_Hit] = []
    found: str | None = None  # the gates found, joined by NUL (which no gate holds)
    present: dict[str, bool] = {}  # gate string -> in text (forms share gates: test each once)
    for form in _grammar().forms:
        for gate in form.gate:
            hit = present.get(gate)
            if hit is None:
                if len(gate) == 1:  # one character: str.find is fast
                    hit = gate in text
                else:
                    if found is None:  # one substring test then answers "in one of them"
                        found = "\0".join(set(_gates_found(text)))
                    hit = gate in found
                present[gate] = hit
            if hit:
                break
        else:
            continue
        if not _may_match(form, text):
            continue
        for m in form.regex.finditer(text):
            groups = m.groupdict()
            res = form.normalize(groups)
            if res is None:
                continue
            # a form may read part of its number in a lookbehind: the span starts there
            start = min([m.start()] + [m.start(k) for k, v in groups.items() if v is not None and k in m.re.groupindex])
            out.append(_Hit(start, m.end(), res[0], form.office, res[1]))
    return out


def _cue_office(cue_text: str) -> str | None:
    for word, office in _grammar().cue_offices:
        if word in cue_text:
            return office
    return None


def _item_id(kind: str, raw: str, office: str | None, lang: str) -> tuple[str, bool | None] | None:
    digits = _digits(raw)
    if kind == "cn":
        if office not in (None, "CN"):
            return None
        try:
            app = decode_cn("".join(raw.split()))
        except PatentIdError:
            return None
        return app.id, app.check_ok
    if kind == "jp_app":
        return (f"JP{digits}", None) if office == "JP" else None
    if kind == "long":  # 9-12 digits: only for offices that number so
        if office == "JP" and len(digits) == 10:
            return f"JP{digits}", None
        return (f"{office}{digits}", None) if office is not None and office not in _OWN_FORMS else None
    if kind == "design":
        return (f"USD{digits}", None) if office in (None, "US") else None
    if kind == "reissue":
        return (f"USRE{digits}", None) if office in (None, "US") else None
    if kind == "us_publication":
        return (f"US{digits}", None) if office in (None, "US") and lang == "en" or office == "US" else None
    if kind == "kr":
        return (f"KR{digits}", None) if office == "KR" else None
    # grouped / plain digits: the office decides
    if office is None:
        office = "US" if ("," in raw or lang == "en") else None
    if office == "US" and 6 <= len(digits) <= 8:
        return f"US{digits}", None
    if office in ("EP", "GB", "JP") and len(digits) == 7:
        return f"{office}{digits}", None
    if office == "KR" and len(digits) == 7:
        return f"KR10{digits}", None
    if office == "CN" and len(digits) == 13:
        return _norm_cn_application({"num": digits[:12], "chk": digits[12], "dot": None})
    if office is not None and office not in _OWN_FORMS and len(digits) >= 5:
        return f"{office}{digits}", None
    return None


#: offices whose numbers have forms of their own (others: letters + digits)
_OWN_FORMS = frozenset({"US", "EP", "GB", "JP", "KR", "CN", "WO", "DE"})


def _cue_hits(text: str, lang: str, form_starts: dict[int, _Hit]) -> list[_Hit]:
    g = _grammar()
    core, before = g.cues["zh" if lang == "zh" else "en"]
    out: list[_Hit] = []
    for cue in _cue_matches(core, text):
        b = before.search(text, max(0, cue.start() - 28), cue.start())
        office = _cue_office(b.group("office")) if b and b.group("office") else None
        if office is None and b and b.group("kind") and lang == "en":
            office = "US" if b.group("kind").lower().startswith(("design", "reissue")) else None
        _read_list(text, cue.end(), office, lang, form_starts, out)
    if lang != "zh" and "No" in text:
        for cue in g.number_cue.finditer(text):
            if _in_patent_sentence(text, cue.start()):
                _read_list(text, cue.end(), None, lang, form_starts, out)
    return out


#: the head of the English cue pattern: a P (not inside a word) and one of these tails; with
#: this head, the places to try the cue are found with str.find on the tails (a C substring
#: search) instead of the engine testing [Pp] at every character
_EN_CUE_HEAD = r"[Pp](?<![A-Za-z][Pp])(?:atents?(?:-in-suit)?|ATENTS?|at\.|AT\.|ub\.|ublications?)"
_EN_CUE_TAILS = ("atent", "ATENT", "at.", "AT.", "ub.", "ublication")


def _cue_matches(core: re.Pattern[str], text: str):
    """The matches of ``core`` in ``text``, as ``core.finditer(text)`` gives them."""
    if not core.pattern.startswith(_EN_CUE_HEAD):
        return core.finditer(text)
    starts = set()
    for tail in _EN_CUE_TAILS:
        i = text.find(tail, 1)
        while i >= 0:
            if text[i - 1] in "Pp":
                starts.add(i - 1)
            i = text.find(tail, i + 1)
    out = []
    done = 0  # finditer goes on after the end of each match: no overlaps
    for p in sorted(starts):
        if p >= done:
            m = core.match(text, p)
            if m:
                out.append(m)
                done = m.end()  # the pattern cannot match empty (it starts with a P)
    return out


def _read_list(text: str, pos: int, office: str | None, lang: str, form_starts: dict[int, _Hit], out: list[_Hit]) -> None:
    """Read the numbers of a list starting at ``pos`` into ``out``."""
    g = _grammar()
    while True:
        hit = form_starts.get(pos)
        if hit is not None:  # a prefixed id inside the list: keep going after it
            end = hit.end
        else:
            m = g.items.match(text, pos)
            if not m or (m.end() < len(text) and text[m.end()].isdigit()):
                return
            res = _item_id(m.lastgroup or "", m.group(0), office, lang)
            if res is None:
                return
            out.append(_Hit(m.start(), m.end(), res[0], _office_of(res[0]), res[1]))
            end = m.end()
        note = g.item_note.match(text, end)
        sep = g.separator.match(text, note.end() if note else end)
        if not sep:
            return
        pos = sep.end()


def _in_patent_sentence(text: str, start: int) -> bool:
    """Does a patent word stand before ``start`` in the same sentence (and near)?"""
    g = _grammar()
    window = text[max(0, start - g.context_chars):start]
    cut = max(window.rfind("\n"), window.rfind(". "), window.rfind("。"))
    if cut >= 0:
        window = window[cut + 1:]
    return any(w in window for w in g.context_words)


def _has_context(text: str, start: int, end: int) -> str | None:
    """Why a bare number at [start, end) is a US patent: "word" ("the N patent",
    "the N and M patents"), "bracket" (first of a bracketed list in a patent
    sentence), or None."""
    g = _grammar()
    after = text[end:end + 24].lstrip()
    if after[:6].lower() == "patent" and not after[6:7].isalpha():  # "the 8,218,566 patent"
        words = text[max(0, start - 8):start].split()
        if words and words[-1].lower() in g.determiners and not after[6:].lstrip().startswith("appl"):
            return "word"
        return None
    # "the 7,230,931 and 9,426,794 patents"
    if g.list_after.match(text[end:end + 160]) and g.list_before.search(text[max(0, start - 160):start]):
        return "word"
    if g.kind_after.match(text, end, min(len(text), end + 4)):
        return "word"
    short = g.short_form_after.match(text, end, min(len(text), end + 40))
    if short and short.group("tail") == _digits(text[start:end])[-3:]:
        return "word"
    before = text[max(0, start - 3):start].rstrip()
    if not (before.endswith(("(", "（", "[")) and after.startswith((")", "）", "]", ",", ";", "，", "；"))):
        return None
    return "bracket" if _in_patent_sentence(text, start) else None


def _bare_hits(text: str) -> list[_Hit]:
    g = _grammar()
    out = []
    for m in g.bare_us.finditer(text):
        start = m.start() - 1  # the digit before the first comma is there (lookbehind)
        if start > 0 and text[start - 1].isdigit():
            start -= 1
        if start > 0 and text[start - 1] in g.bare_not_before:
            continue
        why = _has_context(text, start, m.end())
        if why == "word":
            out.append(_Hit(start, m.end(), f"US{_digits(text[start:m.end()])}", "US", None))
        elif why == "bracket":  # "(8,218,566; 7,634,671 and 9,229,737)": the whole list
            _read_list(text, start, "US", "en", {}, out)
    return out


def find_ids(text: str, lang: str = "en") -> list[_Hit]:
    """Every identifier in ``text``: non-overlapping hits in text order."""
    forms = _form_hits(text)
    by_start: dict[int, _Hit] = {}
    for h in forms:
        if h.start not in by_start or h.end > by_start[h.start].end:
            by_start[h.start] = h
    hits = forms + _cue_hits(text, lang, by_start)
    if "," in text:
        hits += _bare_hits(text)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    kept: list[_Hit] = []
    last_end = -1
    for h in hits:
        if h.start >= last_end:
            kept.append(h)
            last_end = h.end
    return kept


def extract(ctx: Any) -> list[PatentMention]:
    """Patent mentions of the document, in text order (an id may occur several times)."""
    text = ctx.text
    return [
        PatentMention(start=h.start, end=h.end, text=text[h.start:h.end], id=h.id, office=h.office, check_ok=h.check_ok)
        for h in find_ids(text, ctx.lang)
    ]


def canonical(written: str, lang: str = "en") -> str | None:
    """The canonical id of one written identifier ("ZL 201310147926.9" -> "CN201310147926.9")."""
    hits = find_ids(written, lang) or find_ids("patent No. " + written, lang)
    return hits[0].id if hits else None


# -------------------------------------------------------------------- describe

_CANON = re.compile(
    r"""^(?:
      CN(?P<cn_app>\d{12}|\d{8})\.(?P<cn_chk>[0-9X])
    | CN(?P<cn_pub>\d{7,9})(?P<cn_kind>[A-Z]\d?)?
    | US(?P<us_d>D)\d+ | US(?P<us_re>RE)\d+ | US(?P<us_pp>PP)\d+
    | US(?P<us_app>(?:19|20)\d{9})
    | US(?P<us>\d{6,8})
    | EP(?P<ep>\d{7})
    | WO(?P<wo>\d{10})
    | JP(?P<jp_app>\d{10}) | JP(?P<jp>\d{7})
    | KR(?P<kr_app>10\d{11}) | KR(?P<kr>10\d{7})
    | GB(?P<gb>\d{7})
    | TW(?P<tw_i>I)\d{6} | TW(?P<tw_m>M)\d{6} | TW(?P<tw_d>D)\d{6} | TW(?P<tw_app>\d{9})
    | DE(?P<de_um>20\d{10}) | DE(?P<de>10\d{10}|\d{7,8})
    )$""",
    re.VERBOSE,
)

_KIND_BY_GROUP = {
    "us_d": "design",
    "us_re": "reissue",
    "us_pp": "plant",
    "us_app": "application",
    "us": "invention",
    "ep": "publication",
    "wo": "application",
    "jp_app": "application",
    "jp": "invention",
    "kr_app": "application",
    "kr": "invention",
    "gb": "publication",
    "de_um": "utility_model",
    "tw_i": "invention",
    "tw_m": "utility_model",
    "tw_d": "design",
    "tw_app": "application",
    "de": "publication",
}


def describe(pid: str) -> dict[str, Any]:
    """Metadata of a canonical id for records and the web app; never raises.

    Keys: ``id``, ``office``, ``kind``, ``filing_year`` (CN applications),
    ``check_digit`` ("ok", "bad" or None), ``pct`` (CN: a PCT national phase entry),
    ``links`` (``google_patents`` and, where the office has a stable public page,
    ``office``); CN applications also give ``type_code`` and ``serial``.
    """
    pid = str(pid or "").strip()
    out: dict[str, Any] = {
        "id": pid,
        "office": _office_of(pid) or None,
        "kind": None,
        "filing_year": None,
        "check_digit": None,
        "pct": None,
        "links": {},
    }
    try:
        g = _grammar()
        m = _CANON.match(pid)
        if not m:
            return out
        links = g.links
        num = pid[2:]
        if m.group("cn_app"):
            app = decode_cn(pid)
            out.update(
                kind=app.kind,
                filing_year=app.filing_year,
                check_digit="ok" if app.check_ok else "bad",
                pct=app.pct,
                type_code=app.type_code,
                serial=app.serial,
            )
            out["links"]["google_patents"] = links["google_search"].format(query=quote(f'"{m.group("cn_app")}"'))
            return out
        if m.group("cn_pub"):
            kind = m.group("cn_kind") or ""
            out["kind"] = g.publication_kinds.get(kind[:1], "publication")
        else:
            for grp, kind in _KIND_BY_GROUP.items():
                if m.group(grp):
                    out["kind"] = kind
                    break
        out["links"]["google_patents"] = links["google_patents"].format(id=pid)
        office_tpl = links["office"].get(out["office"])
        if office_tpl and (out["office"] != "US" or m.group("us")):
            out["links"]["office"] = office_tpl.format(id=pid, num=num)
    except Exception:  # describe is total: odd ids give what could be worked out
        return out
    return out
