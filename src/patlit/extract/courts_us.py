"""US federal courts as courts-db ids (the ids CourtListener uses: ``cand``, ``txed``, ``cafc``).

The index is built once, lazily, from the DATA of the installed ``courts_db`` package
(``courts_db/data/courts.json`` and ``states.json``); its ``find_court`` is not used (slow,
and it maps short district names to bankruptcy courts). Selected are the *active federal
district courts* (federal, not bankruptcy, not the old circuit courts, a current date
range, a district citation "N.D. Cal." / "D. Del.") and the federal courts of appeals.
Bankruptcy courts are never produced.

Surface forms generated per district: "Northern District of California" (extended over a
preceding "United States / U.S. District Court(s) for the"), the citation with any spacing
("N.D. Cal.", "N.D.Cal", "D.  Del."), the compact form ("NDCA", "EDTX"), and Chinese names
built from two small tables (state names, 东区/西区 ...) in ``data/us_places.yaml``.

Places. A state with one district gives that district when the text uses the state as a
forum: "a federal court in Delaware", "Delaware federal court", "sued ... in Portland,
Oregon", "the Oregon patent infringement case". A state with several districts gives a
forum only with the district named. Courthouse cities (table in ``us_places.yaml``) give
their district ONLY when the text ties the city to a federal court or jury explicitly:
"a federal jury in Waco, Texas", "美国德克萨斯州韦科市联邦陪审团" -> ``txwd``; "the judge
who oversaw the trial in Sherman, Texas" gives nothing. This keeps the corpus convention
(a court city in a multi-district state is not a forum by itself) while not throwing away
the explicit "federal jury in CITY" statements, which name one courthouse of one district.
As patent cases are federal, "the Waco jury" / "a Delaware jury" count as federal too.
A bare "the Eastern District" takes the one Eastern district the document names in full
(resolved when mentions are settled, :func:`resolve_deferred`), else nothing.
"""
from __future__ import annotations

import itertools
import json
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from patlit.errors import DataFileError
from patlit.extract.forum_rules import CONDITIONAL, Candidate, Rule, Scan, extend_left
from patlit.extract.rx_prefix import with_first_chars
from patlit.data import load_yaml

_DIRECTIONS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle", "C": "Central"}
_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth", "Ninth", "Tenth", "Eleventh")
_SHORT_ORDINALS = (("1st",), ("2d", "2nd"), ("3d", "3rd"), ("4th",), ("5th",), ("6th",), ("7th",), ("8th",), ("9th",), ("10th",), ("11th",))
_DISTRICT_CITE = re.compile(r"^(?:([NSEWMC])\.\s?)?D\.\s?(.*)$")
_CITE_TOKEN = re.compile(r"[A-Za-z]+\.?")

# the patterns searched in a window before or around a hit go through with_first_chars: the
# engine then skips the positions where they cannot start instead of trying them in full
# "United States District Court for the", "U.S. District Courts for the" before a district
_DISTRICT_PREFIX = with_first_chars(re.compile(
    r"(?:(?:United\s+States|U\.\s?S\.|US|[Ff]ederal)\s+)?[Dd]istrict\s+[Cc]ourts?\s+(?:for|of|in)\s+(?:the\s+)?$"
))
# "U.S. Court of Appeals for the" before a circuit
_APPEALS_PREFIX = with_first_chars(re.compile(
    r"(?:(?:United\s+States|U\.\s?S\.|US)\s+)?[Cc]ourt\s+of\s+[Aa]ppeals\s+(?:for\s+)?(?:the\s+)?$"
))
# a state used as a forum
_COURT_IN = with_first_chars(re.compile(
    r"(?:(?:[Ff]ederal|[Dd]istrict|U\.S\.)\s+(?:[Dd]istrict\s+)?[Cc]ourt|[Ff]ederal\s+(?:jury|judge)|\bcourt)\s+(?:in|of|for)\s+"
    r"(?:the\s+(?:[Ss]tate|[Dd]istrict)\s+of\s+)?(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?$"
))
_IN_PLACE = with_first_chars(re.compile(r"\bin\s+((?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s+)?)$"))
_LITIGATION_CUE = with_first_chars(re.compile(r"\b(?:su(?:e|ed|es|ing|it|its)|lawsuits?|complaints?|filed|litigation|trial|jury|infring\w*)\b", re.I))
_NOT_FORUM = with_first_chars(re.compile(
    r"\b(?:incorporated|headquartered|based|located|organi[sz]ed|registered|offices?|plants?|factory|facility|lives?|resides?|born|operat\w+|bankruptcy|chapter\s+11)\b[^.;]*$",
    re.I,
))
_STATE_COURT_AFTER = re.compile(r"\s+(?:Chancery|Superior|Supreme|[Ss]tate\s+[Cc]ourt|Court\s+of|Bankruptcy|[Bb]ankruptcy)")
_FEDERAL_COURT_AFTER = re.compile(r"\s+(?:[Ff]ederal(?:\s+[Dd]istrict)?|[Dd]istrict)\s+(?:[Cc]ourt|[Jj]ury|[Jj]udge)\b")
# after a single-district state: patent cases are federal, so "a Delaware jury" is D. Del.
_COURT_AFTER = re.compile(r"\s+(?:(?:[Ff]ederal|[Dd]istrict)\s+)*(?:[Cc]ourt|[Jj]ury|[Jj]udge)\b")
_NAME_GOES_ON = re.compile(r"[\s-]+[A-Z][a-z]")
# patent cases are federal: "the Waco jury" sat in the federal courthouse of Waco
_JURY_AFTER = re.compile(r"\s+(?:[Ff]ederal\s+)?[Jj]ury\b")
_CASE_AFTER = re.compile(r"(?:\s+patent)?(?:\s+infringement)?\s+(?:case|suit|lawsuit|action|litigation)\b")
_CITY_COURT_BEFORE = with_first_chars(re.compile(
    r"(?:[Ff]ederal|[Dd]istrict|U\.S\.)\s+(?:[Dd]istrict\s+)?(?:[Cc]ourt(?:house)?|[Jj]ury|[Jj]udge)\s+(?:in|at|sitting\s+in)\s+$"
))
_ZH_US = re.compile(r"(?:美国|美國)$")
_ZH_COURT_AFTER = re.compile(r"(?:联邦|聯邦)?(?:地区|地區|地方)?(?:法院|陪审团|陪審團)")
_ZH_CITY_COURT_AFTER = re.compile(r"市?的?(?:联邦|聯邦)(?:地区|地區)?(?:法院|陪审团|陪審團)")


@dataclass(frozen=True)
class District:
    id: str
    state: str
    direction: str  # "N", "S", "E", "W", "M", "C" or "" for a whole-state district
    citation: str


def _courts_db_json(name: str) -> Any:
    try:
        return json.loads(resources.files("courts_db").joinpath("data", name).read_text(encoding="utf-8"))
    except (OSError, ValueError, ModuleNotFoundError) as exc:
        raise DataFileError(f"courts_db data/{name}: cannot be loaded ({exc})") from exc


@cache
def places() -> dict[str, Any]:
    """``data/us_places.yaml``, validated."""
    data = load_yaml("us_places.yaml")
    if not isinstance(data, dict):
        raise DataFileError("data/us_places.yaml: expected a mapping")
    for key in ("state_abbreviations", "location_aliases", "regions", "cities", "zh_states", "zh_directions", "court_names"):
        if not isinstance(data.get(key), dict):
            raise DataFileError(f"data/us_places.yaml: '{key}' must be a mapping")
    for name, city in data["cities"].items():
        if not (isinstance(city, dict) and {"state", "court", "needs_state"} <= city.keys()):
            raise DataFileError(f"data/us_places.yaml: city {name!r} needs state, court and needs_state")
    for name, region in (data.get("zh_regions") or {}).items():
        if not (isinstance(region, dict) and isinstance(region.get("court"), str)):
            raise DataFileError(f"data/us_places.yaml: zh_regions {name!r} needs a court")
    for key in ("examples", "court_examples"):
        for ex in data.get(key) or []:
            if not (isinstance(ex, list) and len(ex) == 2 and isinstance(ex[0], str)):
                raise DataFileError(f"data/us_places.yaml: {key} entry {ex!r} must be [text, code or null]")
    return data


@cache
def state_names() -> dict[str, str]:
    """Postal code -> state name ("TX" -> "Texas"), from courts-db's states.json."""
    raw = _courts_db_json("states.json")
    out = {}
    for code, name in raw.items():
        if len(code) == 2:
            out[code] = " ".join(w if w in ("of",) else w.capitalize() for w in name.lower().split())
    return out


def _active(court: dict) -> bool:
    return any(not d.get("end") for d in court.get("dates") or [{}])  # courts-db writes None or ""


@cache
def districts() -> tuple[District, ...]:
    """Current federal district courts from courts-db (never bankruptcy courts).

    A court whose dates all ended is dropped when its state has a current one (the old
    "D. Tex." before Texas was split); it is kept when it is its state's only district
    court (courts-db closes ``njd`` in 1801, yet it is the District of New Jersey's id).
    """
    states = set(state_names().values())
    aliases = places()["location_aliases"]
    found: list[tuple[District, bool]] = []
    for court in _courts_db_json("courts.json"):
        if court.get("system") != "federal" or court.get("type") == "bankruptcy":
            continue
        if court.get("parent") not in (None, "usdistct"):
            continue
        name = court.get("name") or ""
        if "District Court" not in name or "Bankruptcy" in name:
            continue
        m = _DISTRICT_CITE.match(court.get("citation_string") or "")
        if not m:
            continue
        loc = court.get("location") or ""
        state = aliases.get(loc, loc)
        if state not in states:
            continue
        found.append((District(court["id"], state, m.group(1) or "", court["citation_string"]), _active(court)))
    current_states = {d.state for d, active in found if active}
    out = tuple(d for d, active in found if active or d.state not in current_states)
    if not out:
        raise DataFileError("courts_db data/courts.json: no federal district courts found")
    return out


def _cite_variants(tokens: list[str]) -> set[str]:
    """Spellings of a citation: tokens joined by "", " " or "  ", last dot optional."""
    out = set()
    for seps in itertools.product(("", " ", "  "), repeat=len(tokens) - 1):
        s = tokens[0] + "".join(sep + tok for sep, tok in zip(seps, tokens[1:]))
        out.add(s)
        if s.endswith("."):
            out.add(s[:-1])
    return out


def _citation_tokens(d: District, state_abbrev: str) -> list[str]:
    head = [f"{d.direction}.", "D."] if d.direction else ["D."]
    return head + _CITE_TOKEN.findall(state_abbrev)


def _single_district_states() -> dict[str, District]:
    by_state: dict[str, list[District]] = {}
    for d in districts():
        by_state.setdefault(d.state, []).append(d)
    return {s: ds[0] for s, ds in by_state.items() if len(ds) == 1}


def _by_state_direction() -> dict[tuple[str, str], District]:
    return {(d.state, d.direction): d for d in districts()}


# ---------------------------------------------------------------- resolvers


#: a string every match of a prefix pattern holds (tested before the pattern is searched)
_PREFIX_NEEDS = {_DISTRICT_PREFIX: "istrict", _APPEALS_PREFIX: "ppeals"}


def _fixed(code: str, prefix: re.Pattern[str] | None = None):
    needs = _PREFIX_NEEDS.get(prefix, "") if prefix is not None else ""

    def resolve(scan: Scan, start: int, end: int) -> Candidate:
        s = extend_left(scan, start, prefix, needs=needs) if prefix is not None else start
        return Candidate(s, end, code, us=True)

    return resolve


def _state_as_forum(district: District):
    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        text = scan.text
        if _STATE_COURT_AFTER.match(text, end):
            return None  # "Delaware Chancery Court", "Delaware Supreme Court"
        r = _COURT_AFTER.match(text, end)
        if r:
            return Candidate(start, r.end(), district.id, us=True)
        if _NAME_GOES_ON.match(text, end):
            return None  # "Kansas City", "Nevada Power"
        left = scan.left(start)
        m = _COURT_IN.search(left)
        if m:
            return Candidate(start - len(left) + m.start(), end, district.id, us=True)
        if _CASE_AFTER.match(text, end):
            return Candidate(start, end, district.id, us=True)
        m = _IN_PLACE.search(left)
        if m:
            clause = left[max(left.rfind(". "), left.rfind("\n"), 0) :]
            if _LITIGATION_CUE.search(clause) and not _NOT_FORUM.search(clause):
                return Candidate(start - len(m.group(1)), end, district.id, us=True)
        return None

    return resolve


def _state_spellings(state: str) -> list[str]:
    """"Texas", "Tex.", "Tx." ...: the name, the citation abbreviations, the yaml's extras."""
    forms = {state, *places()["state_abbreviations"].get(state, [])}
    for d in districts():
        if d.state == state:
            m = _DISTRICT_CITE.match(d.citation)
            if m and m.group(2).strip():
                forms.add(m.group(2).strip())
    return sorted(forms, key=len, reverse=True)


def _city_as_forum(city: str, info: dict, court: str):
    alternatives = "|".join(re.escape(a) + ("" if a.endswith(".") else r"\b") for a in _state_spellings(info["state"]))
    state_after = re.compile(r",?\s+(?:" + alternatives + ")")

    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        m = state_after.match(scan.text, end)
        if info["needs_state"] and not m:
            return None
        stop = m.end() if m else end
        s = extend_left(scan, start, _CITY_COURT_BEFORE)
        if s < start:
            return Candidate(s, stop, court, us=True)
        after = stop + (1 if scan.text[stop : stop + 1] == "," else 0)
        r = _FEDERAL_COURT_AFTER.match(scan.text, after) or _JURY_AFTER.match(scan.text, after)
        if r:
            return Candidate(start, r.end(), court, us=True)
        return None

    return resolve


def _zh_state(state: str, short: bool):
    by_sd = _by_state_direction()
    single = _single_district_states()
    dirs = places()["zh_directions"]
    dir_words = sorted(((w, k) for k, ws in dirs.items() for w in ws), key=lambda x: -len(x[0]))

    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        text = scan.text
        direction, stop = None, end
        for word, key in dir_words:
            if text.startswith(word, end):
                direction, stop = key, end + len(word)
                break
        court = _ZH_COURT_AFTER.match(text, stop)
        if court:
            stop = court.end()
        has_us = _ZH_US.search(text, max(0, start - 2), start)
        s = has_us.start() if has_us else start
        if direction is None:
            if not court or (short and not has_us) or state not in single:
                return None
            return Candidate(s, stop, single[state].id, us=True)
        for letter in ("C", "M") if direction == "CM" else (direction,):
            d = by_sd.get((state, letter))
            if d is not None:
                return Candidate(s, stop, d.id, us=True)
        return None

    return resolve


def _zh_city(court: str, zh_state_names: list[str]):
    before = re.compile(r"(?:(?:美国|美國)?(?:" + "|".join(map(re.escape, zh_state_names)) + r")|美国|美國)$")

    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        m = _ZH_CITY_COURT_AFTER.match(scan.text, end)
        if not m:
            return None
        return Candidate(extend_left(scan, start, before, 12), m.end(), court, us=True)

    return resolve


_OF_AFTER = re.compile(r"\s+of\b")
#: prefix of the provisional code of a bare "the Eastern District" (see :func:`resolve_deferred`)
DEFERRED = "@district:"


def _bare_district(letter: str):
    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        if _OF_AFTER.match(scan.text, end):
            return None
        return Candidate(start, end, DEFERRED + letter, CONDITIONAL, ("us",), us=True)

    return resolve


def resolve_deferred(code: str, found: set[str]) -> str | None:
    """The district a bare "the Eastern District" refers to: the one Eastern district the
    document names in full (``found``: the codes found), else ``None``."""
    letter = code[len(DEFERRED) :]
    by_id = {d.id: d for d in districts()}
    hits = {c for c in found if c in by_id and by_id[c].direction == letter}
    return hits.pop() if len(hits) == 1 else None


def _zh_region(court: str, alone: bool):
    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        m = _ZH_COURT_AFTER.match(scan.text, end)
        if not m and not alone:
            return None
        has_us = _ZH_US.search(scan.text, max(0, start - 2), start)
        return Candidate(has_us.start() if has_us else start, m.end() if m else end, court, us=True)

    return resolve


# ---------------------------------------------------------------- the index


def _district_words(d: District) -> str:
    """"Northern District of California", "District of Delaware", "District of Columbia"."""
    if d.state.startswith("District of"):
        return d.state
    return f"{_DIRECTIONS[d.direction]} District of {d.state}" if d.direction else f"District of {d.state}"


@cache
def rules() -> tuple[tuple[str, Rule], ...]:
    """(folded key, rule) pairs of every US court surface form; built once."""
    out: list[tuple[str, Rule]] = []
    data = places()
    postal = {v: k for k, v in state_names().items()}
    abbrevs = data["state_abbreviations"]

    def add(form: str, rule: Rule) -> None:
        out.append((form.lower(), rule))

    for d in districts():
        code = d.id
        words = _district_words(d)
        add(words, Rule(resolve=_fixed(code, _DISTRICT_PREFIX), us=True, source="courts-db"))
        m = _DISTRICT_CITE.match(d.citation)
        state_forms = {m.group(2).strip(), d.state, *abbrevs.get(d.state, [])} - {""}
        for st in state_forms:
            for form in _cite_variants(_citation_tokens(d, st)):
                add(form, Rule(resolve=_fixed(code), exact=form, us=True, source="courts-db citation"))
        if d.direction and d.state in postal:
            compact = f"{d.direction}D{postal[d.state]}"
            add(compact, Rule(resolve=_fixed(code), exact=compact, us=True, source="compact"))
    for state, d in _single_district_states().items():
        if state in ("District of Columbia",):
            continue  # "in Washington" is not a forum
        add(state, Rule(resolve=_state_as_forum(d), exact=state, us=True, source="single-district state"))
    for region, code in data["regions"].items():
        add(region, Rule(resolve=_fixed(code), exact=region, us=True, source="region"))
    for city, info in data["cities"].items():
        add(city, Rule(resolve=_city_as_forum(city, info, info["court"]), exact=city, us=True, source="city"))
    zh_states = data["zh_states"]
    for state, names in zh_states.items():
        for name in names:
            add(name, Rule(resolve=_zh_state(state, len(name) <= 2), us=True, source="zh state"))
    for name, info in (data.get("zh_regions") or {}).items():
        add(name, Rule(resolve=_zh_region(info["court"], bool(info.get("alone"))), us=True, source="zh region"))
    for city, info in data["cities"].items():
        for name in info.get("zh") or []:
            add(name, Rule(resolve=_zh_city(info["court"], zh_states.get(info["state"], [])), us=True, source="zh city"))
    for letter, word in _DIRECTIONS.items():
        add(f"{word} District", Rule(resolve=_bare_district(letter), exact=f"{word} District", us=True, source="bare district"))
    # courts of appeals
    for i, (word, shorts) in enumerate(zip(_ORDINALS, _SHORT_ORDINALS), start=1):
        code = f"ca{i}"
        add(f"{word} Circuit", Rule(resolve=_fixed(code, _APPEALS_PREFIX), exact=f"{word} Circuit", us=True))
        for short in shorts:
            for form in (f"{short} Cir.", f"{short} Circuit"):
                add(form, Rule(resolve=_fixed(code, _APPEALS_PREFIX), exact=form, us=True))
    for code, names in data["court_names"].items():
        prefix = _APPEALS_PREFIX if code in ("cafc", "cadc") else None
        for name in names.get("en") or []:
            add(name, Rule(resolve=_fixed(code, prefix), us=True, source="court_names"))
        for name in names.get("acronyms") or []:
            add(name, Rule(resolve=_fixed(code, prefix), exact=name, us=True, source="court_names"))
        for name in names.get("zh") or []:
            add(name, Rule(resolve=_fixed(code), us=True, source="court_names"))
    return tuple(out)


def is_us_court(code: str) -> bool:
    """True for a courts-db id this module produces."""
    return code in _us_codes()


@cache
def _us_codes() -> frozenset[str]:
    return frozenset({d.id for d in districts()} | {f"ca{i}" for i in range(1, 12)} | set(places()["court_names"]))


@cache
def _names() -> dict[str, str]:
    wanted = _us_codes()
    return {c["id"]: c.get("name") or c["id"] for c in _courts_db_json("courts.json") if c.get("id") in wanted}


def court_name(code: str) -> str | None:
    """courts-db's name of a court this module produces ("cafc" -> "Court of Appeals for the Federal Circuit")."""
    return _names().get(code) if is_us_court(code) else None
