"""English proceedings grammar: who did what to whom, and how it ended.

Each sentence is rewritten with its party mentions replaced by placeholders
(``\\ue000N\\ue001``); the frames below then match verb and noun triggers from
``data/proceedings_en.yaml`` around those placeholders:

- direct:   "C sued R", "R was sued by C", "R, which C sued"
- to_court: "C has taken R to court", "R, which C has taken to court"
- noun:     "C filed a lawsuit against R", "the case C brought against R",
            "the requests were lodged by C", "C's invalidity challenges against R"
- request:  "C asked for the claims to be reexamined" (R = the patent owner)
- attack:   "C attacked four R patents"
- appeal:   "C appealed", "its cross-appeal"
- verdicts: "a jury found that R infringed", "the court held that R did not infringe",
            "an exclusion order against R", "a verdict for C and against R",
            "the jury ordered R to pay $N to C", "C won a verdict against R"
- others:   "R faces a lawsuit from C", "C slapped R with a suit", "an appeal by C",
            "C prevailed in its fight with R", "while the two fight over infringement",
            "pending whether the patents are valid" (the defendant's nullity action)
- captions: "C v. R" heading a case note, "two C v R patent cases", "the lawsuit, C v. R"
            (not case law cited as authority: "See KSR v. Teleflex, 550 U.S. 398")

A frame counts only near words about patents (or when it names a party already in a
patent action); intentions ("X said it would appeal") are not filings; outcome cues
(withdrawn, settled, dismissed, won/lost by a side, decided for one kind: "the Board
denied institution") are reported beside the actions for the assembly to place.
Frames are tried only on sentences holding their trigger words, and only where a
party, pronoun or action noun starts.

Roles the sentence leaves open (a pronoun, an unnamed opponent, a patent owner) are
resolved from the sentence and its neighbours; :mod:`.assemble` then attaches forum,
date, patents, amounts and outcome and merges the actions into proceedings.
"""
from __future__ import annotations

import bisect
import re
from operator import itemgetter
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

import yaml

from patlit.errors import DataFileError
from patlit.extract.assemble import Action, Outcome
from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.extract.rx_prefix import with_first_chars
from patlit.model import PROCEEDING_KINDS, ActionMention, OutcomeMention, Party

_DATA = "proceedings_en.yaml"
_FRAMES = {"direct", "to_court", "against", "accuse", "allege", "noun", "request", "attack", "appeal", "withdraw", "hit_with", "face", "appeal_to", "have_noun"}
_MODES = {"filing", "reference"}

ENT = "\ue000\\d+\ue001"


def _split_top(alts: str) -> list[str]:
    """The top-level alternatives of ``a|b(?:c|d)|e``."""
    out, depth, cur = [], 0, []
    i = 0
    while i < len(alts):
        ch = alts[i]
        if ch == "\\":
            cur.append(alts[i:i + 2])
            i += 2
            continue
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        if ch == "|" and depth == 0:
            out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
        i += 1
    out.append("".join(cur))
    return out


def _grouped(alts: str, tail: str = "") -> str:
    """``(?:alts|tail)`` with the alternatives (each starting with a letter) grouped by that
    letter behind a look-ahead: same matches in the same order of preference, as the
    alternatives that can match at one place share their first letter and keep their order
    (Python's engine would otherwise enter each case-insensitive alternative in turn)."""
    groups: dict[str, list[str]] = {}
    for a in _split_top(alts):
        if not a[:1].isalpha():
            raise ValueError(f"alternative {a!r} does not start with a letter")
        groups.setdefault(a[0].lower(), []).append(a)
    look = "(?=[" + "".join(sorted({c for k in groups for c in (k, k.upper())})) + "])"
    body = "|".join(g[0] if len(g) == 1 else "(?:" + "|".join(g) + ")" for g in groups.values())
    return "(?:" + look + "(?:" + body + ")" + ("|" + tail if tail else "") + ")"
_BR1 = r"(?:\s*\([^()]{0,80}\))*"
# "A", "A and B", "A, B and C", "A & B": commas only in a list closed by "and"
# "A and its spin-off B", "A and its U.S. units, B and C": co-parties named with their parent
_AND_ITS = (
    r"(?:\s*,?\s+(?:and|together\s+with|along\s+with|as\s+well\s+as)\s+(?:(?:its|their)\s+(?:[\w\-.]+\s+){0,3}?"
    r"(?:subsidiar\w*|units?|affiliates?|spin-off|parent|partners?|distributors?)|parent(?:\s+company)?)\s*,?\s*)"
)
ELIST = (
    rf"{ENT}{_BR1}(?:(?:\s*,\s*{ENT}{_BR1})*\s*,?\s*(?:\band\b|&|\bas\s+well\s+as\b)\s*{ENT}{_BR1})?"
    rf"(?:{_AND_ITS}{ENT}{_BR1}(?:(?:\s*,\s*{ENT}{_BR1})*\s*,?\s*\band\b\s*{ENT}{_BR1})?,?)?"
)
# "the company", "the chipmaker", "the Korean phone maker": a party named before
_DESCRIPTOR_NOUNS = (
    r"company|firm|chipmaker|chip\s+maker|maker|manufacturer|giant|group|startup|"
    r"vendor|supplier|plaintiff|defendant|patentee|patent\s+owner|patent\s+holder|licensor|licensee|carrier|"
    r"operator|conglomerate|rival|competitor|inventor|university|institute|retailer|automaker|drugmaker|carmaker"
)
_DESCRIPTOR = r"the\s+(?:[\w\-]+\s+){0,2}?" + _grouped(_DESCRIPTOR_NOUNS)
# "the defendants", "the two device makers", "both manufacturers": the other side, named as a group before
_GROUP_NOUNS = r"defendants|makers|manufacturers|accused\s+infringers|suppliers|vendors|generics\s+makers|generic\s+makers|respondents"
_COUNTED_NOUNS = r"companies|firms|groups|rivals|competitors"
_GROUP_NOUN = (
    rf"(?:(?:two\s+|three\s+|four\s+|other\s+)?(?:[\w\-]+\s+)?"
    rf"(?:{_GROUP_NOUNS})"
    # "against the two companies": counted, a plain noun names a group too
    rf"|(?:two|three|four|five)\s+(?:[\w\-]+\s+)?(?:{_COUNTED_NOUNS}))"
)
_GROUP = rf"the\s+{_GROUP_NOUN}|both\s+{_GROUP_NOUN}"
_GROUP_RX = re.compile(_GROUP, re.I)
SUBJ_PRON = rf"\b(?:it|he|she|they|{_DESCRIPTOR}|{_GROUP})\b"
OBJ_PRON = rf"\b(?:{_DESCRIPTOR}|it|them|him|her)\b"
_ADV = _grouped(
    r"also|then|later|recently|subsequently|previously|earlier|already|again|first|further|finally|now|"
    r"reportedly|allegedly|itself|in\s+turn|has|have|had|will|would|could|did|does|do|is|are|was|were|been|"
    r"just|once|too|directly|today|now|formally|officially|"
    r"separately|jointly|ultimately|eventually|originally|initially|since|last\s+(?:week|month|year)|"
    r"on\s+\w+day|in\s+\d{4}|responded\s+by|retaliated\s+by|countered\s+by|reacted\s+by|hit\s+back\s+by",
    tail=r"[a-z]+ly",
)
_BRACKETS = r"(?:\s*\([^()]{0,80}\))*"
_COORD = r"(?-i:\s+[a-z][^,;.\ue000A-Z]{0,40}?,?\s+(?:but|and)\s+(?:then\s+|later\s+|instead\s+|also\s+)?)"
# an appositive between subject and verb may hold a place "City, State" ("X, a company based in Herndon, Virginia, filed")
GAP = rf"{_BRACKETS}(?:\s*,[^,;]{{1,160}}?(?:,\s+[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?(?=,))?,)?,?(?:\s+{_ADV})*(?:{_COORD}|\s+)"
_STOPW = (
    r"for|over|in|on|at|with|after|to|by|from|about|concerning|regarding|and|but|which|that|who|of|claiming|"
    r"alleging|seeking|asking|because|as|before|under|since|while|when|if|was|were|is|are|has|had|have|"
    r"patent|patents|court|suit|lawsuit|complaint"
)
DESC = rf"(?:(?!{_grouped(_STOPW)}\b)[\w\-’']+\s+){{0,4}}?"
_BE = r"(?:was|were|has\s+been|have\s+been|had\s+been|is\s+being|been|being|is|are)"
_VERDICT_V = r"(?:found|finds|find|finding|held|holds|holding|ruled|rules|ruling|determined|declared|concluded|decided|confirmed)"
_JUDGE = r"\b(?:jury|juries|courts?|judges?|commission|ALJ|panel|tribunal|it|they|which)\b"
_INFR = r"(?P<v>infringed|infringes|infringe|infringing)"


# (not the dot of an initial: "the U.S. District Court")
# (the look-behind read after the dot: every branch opens with a literal, which the engine scans for)
_CLAUSE_END = re.compile(r",\s*(?:and|but|while|whereas|which)\b|;|\.(?<!\b[A-Z]\.)\s")
_PATENT_SUIT = with_first_chars(re.compile(r"\bpatents?\s+(?:infringement\s+)?(?:suits?|lawsuits?|cases?|complaints?|actions?)\b", re.I))
_NEG = with_first_chars(re.compile(r"\b(?:not|never)\b", re.I))
_SPACES = re.compile(r"\s+")
_INFRING = re.compile(r"infring", re.I)
# "two suits against A, ... and one against B", "separate suits against A and against B"
_AND_ONE = with_first_chars(re.compile(rf"(?:,\s*|\s+)(?:and|plus)\s+(?:(?:one|another|a\s+[\w\-]+|\w+)\s+)?against\s+{DESC}(?P<r2>{ELIST})", re.I))


_WORDS = re.compile(r"[a-z][a-z\-]*|\d+")
#: the words of _WORDS without the numbers: a sentence's words are only ever compared with the
#: grammar's key words, and when none of those is a number this is the same test, at half the cost
_LETTER_WORDS = re.compile(r"[a-z][a-z\-]*")


@dataclass(frozen=True)
class Frame:
    id: str
    frame: str
    kind: str | None
    mode: str
    regex: re.Pattern
    sub: str  # variant: active / passive / relative / ...
    keys: frozenset[str] = frozenset()  # the frame is tried only on sentences holding one of these words
    anchored: bool = False  # starts at a party placeholder or a pronoun: matched only there
    noun_first: bool = False  # starts at an action noun: matched only there
    needs: frozenset[str] = frozenset()  # words the sentence must also hold (all of them)
    any_of: tuple[str, ...] = ()  # lower-case strings the sentence must hold one of (plain substrings)
    verb: bool = False  # one verb's frame: its verb (starting with one of ``keys``) follows the anchor


@dataclass(frozen=True)
class Grammar:
    frames: tuple[Frame, ...]
    noun_kind: dict[str, str | None]
    kind_cues: tuple[tuple[str, re.Pattern], ...]
    other_cues: re.Pattern
    reexam: re.Pattern
    ptab: re.Pattern
    outcomes: tuple[tuple[str, re.Pattern, frozenset[str], str | None], ...]
    owners: tuple[re.Pattern, ...]
    context: re.Pattern
    verbs: tuple[dict, ...]
    extra: tuple[Frame, ...]
    itc_cue: re.Pattern
    noun_at: re.Pattern  # where an action noun starts
    noun_at_low: re.Pattern | None = None  # noun_at for lower-cased text (see _led)
    other_low: re.Pattern | None = None  # other_cues for lower-cased text
    all_keys: frozenset[str] = frozenset()  # every trigger and cue word of the grammar
    context_words: tuple[str, ...] = ()  # patent_context, lower-cased
    outcome_keys: frozenset[str] = frozenset()  # the keys of every outcome cue
    outcome_index: dict | None = None  # outcome key -> indexes into outcomes
    frame_keys: frozenset[str] = frozenset()  # the words of frame_index
    ptab_words: tuple[tuple[str, ...], ...] = ()  # the words of each PTAB cue (case-sensitive, like the cue)
    kind_any: re.Pattern | None = None  # every kind cue at once, group k<i> for kind_cues[i]
    kind_low: re.Pattern | None = None  # kind_any for lower-cased text, led by literals (see _kinds_low)
    kind_groups: dict | None = None  # group name of kind_low -> index into kind_cues
    all_frames: tuple[Frame, ...] = ()  # verb frames then the others, in grammar order
    frame_index: dict | None = None  # trigger word -> indexes into all_frames
    words_re: re.Pattern = _WORDS  # how a sentence's words are read (see _LETTER_WORDS)
    reexam_words: tuple[str, ...] = ()  # the reexamination cues lower-cased, when all are single words (else empty)


#: trigger words of the frames that are not one verb's (see _extra_patterns)
_EXTRA_KEYS = {
    "enforce_agreement": frozenset({"agreement"}),
    "defence_petition": frozenset({"petition", "request", "challenge"}),
    "found": frozenset({"infringed", "infringes", "infringe", "infringing"}),
    "found_to": frozenset({"found"}),
    "ordered_to_pay": frozenset({"pay"}),
    "must_pay": frozenset({"pay"}),
    "ask_itc": frozenset({"asked", "asking", "asks", "petitioned", "requested", "urged"}),
    "ask_itc_open": frozenset({"asked", "asking", "asks", "petitioned", "requested", "urged"}),
    "verdict_for": frozenset({"verdict"}),
    "won_verdict": frozenset({"won", "wins", "win", "obtained", "obtains", "secured", "secures", "scored", "scores"}),
    "won_relative": frozenset({"won", "obtained", "secured"}),
    "awarded_against": frozenset({"awarded", "awards", "granted"}),
    "counterclaims_that": frozenset({"counterclaims", "counterclaim", "counter-claims", "counter-claim", "countersuits",
                                     "countersuit", "counter-suits", "counter-suit"}),
    "caption_apposition": frozenset({"v", "vs"}),
    "exclusion_order": frozenset({"exclusion"}),
    "appeal_by": frozenset({"appeal", "cross-appeal", "appeals"}),
    "certiorari": frozenset({"certiorari"}),
    "affirmed_then_review": frozenset({"affirmed", "upheld"}),
    "applied_for": frozenset({"applied", "applies", "applying"}),
    "ask_court": frozenset({"asked", "asking", "asks", "petitioned", "petitioning", "requested", "requesting"}),
    "represented_claimant": frozenset({"represented", "representing", "defended", "advised", "counseled", "counselled"}),
    "award_for": frozenset({"secured", "obtained", "won", "achieved"}),
    "two_fight": frozenset({"fight", "fighting", "battle", "battling", "clash", "clashing", "spar", "sparring", "litigate", "litigating"}),
    "prevailed": frozenset({"prevailed", "won"}),
    "validity_pending": frozenset({"valid"}),
    "caption_case": frozenset({"v", "vs"}),
    "caption_head": frozenset({"v", "vs"}),
    "victory_against": frozenset({"victory", "win", "triumph"}),
    "sided_with": frozenset({"sided"}),
    "respondents_were": frozenset({"respondents", "defendants", "respondent", "defendant"}),
    "won_verdict_pron": frozenset({"won", "wins", "obtained", "secured", "scored"}),
    "ask_court_decision": frozenset({"ask", "request", "petition", "asking", "requesting", "petitioning"}),
    "also_named": frozenset({"named", "names", "listed", "lists", "added", "adds"}),
    "itc_imports_by": frozenset({"imports", "import", "importation", "importing"}),
    "injunction_granted_to": frozenset({"granted"}),
}


def _needs(frame: str, sub: str) -> frozenset[str]:
    """Literal words a frame variant cannot match without (a cheap test before the pattern)."""
    if sub in ("relative", "passive_against", "passive_topic") and frame == "noun":
        return frozenset({"against"})
    if sub == "active" and frame in ("against", "withdraw", "have_noun"):
        return frozenset({"against"})
    if frame == "to_court":
        return frozenset({"court"})
    if sub == "passive" or (frame == "face"):
        return frozenset({"by"}) if sub == "passive" else frozenset()
    if frame == "accuse":
        return frozenset({"of"})
    if frame == "hit_with":
        return frozenset({"with"})
    return frozenset()


#: literal words a frame variant cannot match without, one of which the (lower-cased) sentence must hold
_ANY_OF = {
    ("ask_itc", "ask_itc"): ("itc", "trade commission"),
    ("ask_itc", "ask_itc_open"): ("itc", "trade commission"),
    ("noun", "active"): ("against", "into"),
    ("noun", "active_naming"): ("naming",),
    ("verdict", "found"): ("found", "find", "held", "hold", "rule", "ruling", "determined", "declared", "concluded", "decided", "confirmed"),
    ("allege", "active"): ("infring",),
    ("request", "active"): ("reexamin", "re-examin", "invalidat", "revoke", "revocation", "inter", "post-grant", "ipr", "patent trial", "ptab"),
    ("noun", "ask_court"): ("court", "tribunal"),
    ("noun", "victory_against"): ("against", "over"),
    ("direct", "subject_relative"): ("which", "who"),
    # "R faces a suit from C", "R was hit with a suit by C"
    ("face", "active"): ("from", "by"),
    # where an appeal goes or what it takes up (see _APPEAL_TO, _DECISION)
    ("appeal_to", "active"): ("court", "circuit", "board", "ruling", "finding", "judgment", "judgement", "decision", "verdict", "holding"),
    ("appeal_to", "chain"): ("and then", "and later", "and subsequently", "and eventually", "and finally"),
    # "has a case against": the action nouns (the frame also needs "against")
    ("have_noun", "active"): ("suit", "case", "action", "claim", "complaint", "proceeding", "litigation", "petition", "challenge",
                              "request", "ipr", "review", "opposition", "appeal", "investigation", "offensive", "campaign"),
    ("noun", "respondents_were"): (" were ", " was ", " are ", " is ", " included ", " include "),
    ("noun", "won_verdict_pron"): ("against",),
    ("noun", "ask_court_decision"): ("court", "tribunal"),
    ("noun", "also_named"): ("also", "additionally", "further"),
    ("noun", "injunction_granted_to"): ("injunction",),
    # a party's ("X's", "X’") or "its" / "their"
    ("noun", "possessive"): ("'", "’", "its", "their"),
    ("noun", "possessive_open"): ("'", "’", "its", "their"),
}


def _index_frames(frames: tuple[Frame, ...]) -> dict[str, tuple[int, ...]]:
    index: dict[str, list[int]] = {}
    for i, f in enumerate(frames):
        for k in f.keys:
            index.setdefault(k, []).append(i)
    return {k: tuple(v) for k, v in index.items()}


def _is_anchored(pat: str) -> bool:
    return pat.startswith(("(?P<c>", "(?P<r>", "(?P<w>", "(?:(?P<c>"))


#: where an anchored frame may start: a party placeholder or a pronoun / "the company"
_START_WORDS = 'it|its|he|she|they|their|them|him|her|' + _DESCRIPTOR + '|' + _GROUP
_STARTS = with_first_chars(re.compile("\ue000|" + rf"\b{_grouped(_START_WORDS)}\b", re.I))


_NOT_AFTER_WORD = r"(?<!\w[\s\S])"  # after a pattern's first (word) character: what ``\b`` before it tests


def _led(alts: list[str], before: str = _NOT_AFTER_WORD, after: str = r"\b", cased: bool = False) -> str:
    r"""``before(?:alts)after`` for lower-cased text (no IGNORECASE), as one branch per first
    letter that opens with that letter (``t(?<!\w[\s\S])(?:hey|hem)\b``): the engine then scans
    for those letters itself instead of trying every character. The alternatives of one letter
    keep their order (only they can match at one place): same matches, same preference.
    ``before`` is a look-behind read after the first letter (empty: none); ``cased``: for a
    case-sensitive pattern on the text as it is (upper-case letters allowed)."""
    groups: dict[str, list[str]] = {}
    for a in alts:
        if not (a[:1].isalnum() and (cased or not a[:1].isupper())) or a[1:2] in ("?", "*", "+", "{"):
            raise ValueError(f"alternative {a!r} does not start with a plain lower-case letter")
        groups.setdefault(a[0], []).append(a[1:])
    return "|".join(c + before + (g[0] if len(g) == 1 else "(?:" + "|".join(g) + ")") + after for c, g in groups.items())


def _words_led(words: list[str], before: str = _NOT_AFTER_WORD, after: str = r"\b", cased: bool = False) -> str:
    """:func:`_led` of the words of ``_alt(words)``, lower-cased unless ``cased``, in its order (longest first)."""
    ws = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    alts = list(dict.fromkeys(re.escape(w if cased else w.lower()).replace(r"\ ", r"\s+") for w in ws))
    return _led(alts, before, after, cased)


def _low_search(rx_low: re.Pattern, rx: re.Pattern, s: str) -> re.Match | None:
    """``rx.search(s)`` (IGNORECASE) by its lower-case form when lower-casing keeps the matches (see _ODD_FOLD)."""
    if s.isascii() or not _ODD_FOLD.search(s):
        return rx_low.search(s.lower())
    return rx.search(s)


#: _STARTS on the lower-cased sentence (without IGNORECASE; not for sentences holding _ODD_FOLD letters)
_STARTS_LOW = re.compile("\ue000|" + _led(_split_top(_START_WORDS)))
#: _STARTS_LOW without "the company" and "the defendants", for a sentence where none can start (see _may_name_group)
_PRONOUN_STARTS_LOW = re.compile("\ue000|" + _led(_split_top(_START_WORDS)[:9]))
#: the last word of each noun of _DESCRIPTOR and _GROUP: each starts after a space and ends before a non-word character
_START_NOUNS = tuple(sorted({re.split(r"\\s\+", a)[-1] for a in _split_top(f"{_DESCRIPTOR_NOUNS}|{_GROUP_NOUNS}|{_COUNTED_NOUNS}")}))
_START_NOUN_SET = frozenset(_START_NOUNS)  # (isdisjoint reads the smaller set)


def _may_name_group(st: _Sent) -> bool:
    """Whether "the company" or "the defendants" may start in the sentence: one of _START_NOUNS is
    one of its words, or stands before a hyphen ("the company-wide ...")."""
    if not st.words.isdisjoint(_START_NOUN_SET):
        return True
    low = st.low
    i = low.find("-")
    while i >= 0:
        if low.endswith(_START_NOUNS, 0, i):
            return True
        i = low.find("-", i + 1)
    return False


def _keys(forms: list[str], last: bool = False) -> frozenset[str]:
    """The word of each form a sentence must hold for the frame to be tried."""
    out = set()
    for f in forms:
        ws = _WORDS.findall(str(f).lower())
        if ws:
            out.add(ws[-1] if last else ws[0])
    return frozenset(out)


def _alt(words: list[str]) -> str:
    """One alternative per word, longest first.

    Python's regex engine enters every alternative of a case-insensitive alternation in
    turn, so the words are grouped by their first letter behind a look-ahead on those
    letters: the same matches in the same order of preference (two words that can match at
    one place start with the same letter and keep their order), tried far more cheaply.
    """
    ws = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    groups: dict[str, list[str]] = {}
    for w in ws:
        groups.setdefault(w[0].lower(), []).append(re.escape(w).replace(r"\ ", r"\s+"))
    firsts = {c for w in ws for c in (w[0], w[0].lower(), w[0].upper())}
    look = "(?=[" + "".join(re.escape(c) for c in sorted(firsts)) + "])"
    alts = "|".join(g[0] if len(g) == 1 else "(?:" + "|".join(g) + ")" for g in groups.values())
    return "(?:" + look + "(?:" + alts + "))"


def _need_list(raw: dict, key: str) -> list:
    val = raw.get(key)
    if not isinstance(val, list) or not val:
        raise DataFileError(f"{_DATA}: '{key}' must be a non-empty list")
    return val


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The compiled grammar of ``data/proceedings_en.yaml`` (loaded once)."""
    try:
        text = resources.files("patlit.data").joinpath(_DATA).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{_DATA}: cannot be read: {exc}") from exc
    return compile_grammar(text)


def compile_grammar(text: str) -> Grammar:
    """Validate and compile a grammar file's text; :class:`DataFileError` names the problem."""
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{_DATA}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict):
        raise DataFileError(f"{_DATA}: top level must be a mapping")
    nouns: dict[str, str | None] = {}
    for n in _need_list(raw, "nouns"):
        if not isinstance(n, dict) or not isinstance(n.get("forms"), list):
            raise DataFileError(f"{_DATA}: each noun entry needs 'forms'")
        if n.get("kind") is not None and n["kind"] not in PROCEEDING_KINDS:
            raise DataFileError(f"{_DATA}: noun kind {n['kind']!r} is not a proceeding kind")
        for f in n["forms"]:
            nouns[str(f).lower()] = n.get("kind")
    noun_re = _alt(list(nouns))
    frames: list[Frame] = []
    verbs = _need_list(raw, "verbs")
    for v in verbs:
        if not isinstance(v, dict) or not v.get("forms") or v.get("frame") not in _FRAMES or v.get("mode") not in _MODES:
            raise DataFileError(f"{_DATA}: verb entry {v!r} needs forms, a frame in {sorted(_FRAMES)} and a mode")
        if v.get("kind") is not None and v["kind"] not in PROCEEDING_KINDS:
            raise DataFileError(f"{_DATA}: verb {v['id']!r}: kind {v['kind']!r} is not a proceeding kind")
        if not v.get("examples"):
            raise DataFileError(f"{_DATA}: verb {v['id']!r} has no examples")
        for sub, pat in _frame_patterns(v["frame"], _alt(v["forms"]), noun_re):
            if v.get("only") and sub not in v["only"]:
                continue  # a verb that fits only some variants of its frame ("went to court" needs "against")
            try:
                rx = re.compile(pat, re.I)
                if not _is_anchored(pat) and not pat.startswith(r"\b(?P<n>"):
                    rx = with_first_chars(rx)  # tried with finditer: a quick test on its first letter
            except re.error as exc:
                raise DataFileError(f"{_DATA}: verb {v['id']!r} ({sub}): bad pattern: {exc}") from exc
            frames.append(
                Frame(v["id"], v["frame"], v.get("kind"), v["mode"], rx, sub, _keys(v["forms"]), _is_anchored(pat),
                      pat.startswith(r"\b(?P<n>"), _needs(v["frame"], sub), _ANY_OF.get((v["frame"], sub), ()), True)
            )
    poss = _alt([str(x) for x in _need_list(raw, "possessive_nouns")])
    poss_keys = _keys([str(x) for x in raw["possessive_nouns"]], last=True)
    extra = [
        Frame(fid, fr, kind, mode, re.compile(pat, re.I) if _is_anchored(pat) else with_first_chars(re.compile(pat, re.I)), sub, poss_keys if fid == "possessive" else _EXTRA_KEYS[sub],
              _is_anchored(pat), False, frozenset({"against"}) if sub in ("possessive", "exclusion_order", "won_verdict", "won_relative") else frozenset(),
              _ANY_OF.get((fr, sub), ()))
        for fid, fr, kind, mode, sub, pat in _extra_patterns(noun_re, poss)
    ]
    kc = raw.get("kind_cues") or {}
    if not isinstance(kc, dict) or any(k not in PROCEEDING_KINDS for k in kc):
        raise DataFileError(f"{_DATA}: 'kind_cues' must map proceeding kinds to word lists")
    kind_cues = tuple((k, re.compile(r"(?<![\w])" + _alt(ws) + r"(?![\w])", re.I)) for k, ws in kc.items())
    outcomes = []
    for o in _need_list(raw, "outcome_cues"):
        try:
            keys = frozenset(str(k).lower() for k in o["keys"])
            if o.get("only_kind") is not None and o["only_kind"] not in PROCEEDING_KINDS:
                raise DataFileError(f"{_DATA}: outcome cue {o['re']!r}: only_kind {o['only_kind']!r} is not a proceeding kind")
            rx = with_first_chars(re.compile(o["re"].replace("{W}", rf"(?P<w>{ENT})"), re.I))
            outcomes.append((o["outcome"], rx, keys, o.get("only_kind")))
        except (KeyError, re.error, AttributeError, TypeError) as exc:
            raise DataFileError(f"{_DATA}: outcome cue {o!r}: {exc}") from exc
    owners = []
    for o in _need_list(raw, "owner_phrases"):
        try:
            owners.append(with_first_chars(re.compile(o.replace("{O}", rf"(?P<o>{ELIST})"), re.I)))
        except re.error as exc:
            raise DataFileError(f"{_DATA}: owner phrase {o!r}: {exc}") from exc
    all_keys = frozenset().union(*(f.keys for f in (*frames, *extra)), *(k for _, _, k, _ in outcomes)) | frozenset(
        {"it", "its", "they", "their", "company", "firm", "petition", "request", "challenge", "valid", "valid"}
    )
    needs = frozenset().union(*(f.needs for f in (*frames, *extra)))
    return Grammar(
        frames=tuple(frames),
        noun_kind=nouns,
        kind_cues=kind_cues,
        other_cues=with_first_chars(re.compile(_alt(_need_list(raw, "other_cues")), re.I)),
        reexam=with_first_chars(re.compile(_alt(_need_list(raw, "reexamination_cues")), re.I)),
        reexam_words=() if any(len(str(w).split()) != 1 for w in raw["reexamination_cues"])
        else tuple(str(w).lower() for w in raw["reexamination_cues"]),
        # case-sensitive: \b(?:cues)\b led by the cues' first letters, for the engine's own scan (see _led)
        ptab=re.compile(_words_led([str(w) for w in _need_list(raw, "ptab_cues")], cased=True)),
        outcome_keys=frozenset().union(*(k for _, _, k, _ in outcomes)),
        outcome_index={k: tuple(i for i, o in enumerate(outcomes) if k in o[2]) for k in frozenset().union(*(o[2] for o in outcomes))},
        ptab_words=tuple(tuple(str(w).split()) for w in raw["ptab_cues"]),
        outcomes=tuple(outcomes),
        owners=tuple(owners),
        context=with_first_chars(re.compile(_alt(_need_list(raw, "patent_context")), re.I)),
        context_words=tuple(sorted({str(w).lower() for w in _need_list(raw, "patent_context")})),
        kind_any=with_first_chars(re.compile(
            "|".join(f"(?P<k{i}>(?<![\\w]){_alt(ws)}(?![\\w]))" for i, ws in enumerate(kc.values())), re.I
        )),
        kind_low=re.compile(_kinds_low(list(kc.values()))[0]),
        kind_groups=_kinds_low(list(kc.values()))[1],
        all_frames=tuple((*frames, *extra)),
        frame_index=_index_frames((*frames, *extra)),
        frame_keys=frozenset(_index_frames((*frames, *extra))),
        verbs=tuple(verbs),
        extra=tuple(extra),
        itc_cue=with_first_chars(dict(kind_cues).get("itc_investigation") or re.compile(r"(?!x)x")),
        noun_at=with_first_chars(re.compile(rf"\b{noun_re}\b", re.I)),
        noun_at_low=re.compile(_words_led(list(nouns))),
        other_low=re.compile(_words_led([str(w) for w in raw["other_cues"]], "", "")),
        all_keys=all_keys,
        words_re=_WORDS if any(re.search(r"\d", k) for k in all_keys | needs) else _LETTER_WORDS,
    )


def _kinds_low(cues: list[list[str]]) -> tuple[str, dict[str, int]]:
    """kind_any for lower-cased text: one branch per first letter, opening with that letter (the
    engine then scans for those letters itself), holding a group per kind in kind order with the
    words of _alt in its order. At one place only its letter's branch can match: same matches."""
    by_first: dict[str, list[tuple[int, list[str]]]] = {}
    for i, ws in enumerate(cues):
        ordered = sorted({str(w).strip().lower() for w in ws if str(w).strip()}, key=len, reverse=True)
        mine: dict[str, list[str]] = {}
        for w in ordered:
            mine.setdefault(w[0], []).append(re.escape(w[1:]).replace(r"\ ", r"\s+"))
        for c, rests in mine.items():
            by_first.setdefault(c, []).append((i, rests))
    branches, names = [], {}
    for c, groups in by_first.items():
        alts = []
        for i, rests in groups:
            name = f"k{i}_{len(names)}"
            names[name] = i
            alts.append(f"(?P<{name}>{'|'.join(rests)})(?![\\w])")
        branches.append(f"{re.escape(c)}(?<!\\w[\\s\\S])(?:{'|'.join(alts)})")
    return "|".join(branches), names


def _frame_patterns(frame: str, V: str, N: str) -> list[tuple[str, str]]:
    C = rf"(?P<c>{ELIST}|{SUBJ_PRON})"
    R = rf"(?P<r>{ELIST}|{OBJ_PRON})"
    Rs = rf"(?P<r>{ELIST}|{SUBJ_PRON})"
    Cb = rf"(?P<c>{ELIST})"
    AUX = r"(?:(?:has|had|have|also|recently|later|already|since|originally|now)\s+)*"
    NP = r"(?P<np>(?:[\w\-’'()]+\s+){0,6}?)"
    TAIL = r"(?P<tail>[^;\ue000]{0,120}?)"
    if frame == "direct":
        return [
            ("active", rf"{C}{GAP}(?P<v>{V})\s+{DESC}{R}"),
            ("passive", rf"{Rs}{GAP}{_BE}\s+(?:[a-z]+ly\s+|also\s+|now\s+)?(?P<v>{V})(?:\s+[^;\ue000]{{0,50}}?)?\s+by\s+{DESC}{Cb}"),
            ("relative", rf"{Rs},?\s+(?:which|who|whom)\s+{Cb}\s+{AUX}(?P<v>{V})\b"),
            # "C, which sued R in 2021, won ...": the subject of a relative clause
            ("subject_relative", rf"{Cb},\s+(?:which|who)\s+{AUX}(?P<v>{V})\s+{DESC}{R}"),
        ]
    if frame == "to_court":
        return [
            ("active", rf"{C}{GAP}(?P<v>{V})\s+{DESC}{R}\s+(?:in)?to\s+court"),
            ("passive", rf"{Rs}{GAP}{_BE}\s+(?P<v>{V})\s+to\s+court\s+by\s+{DESC}{Cb}"),
            ("relative", rf"{Rs},?\s+(?:which|who|whom)\s+{Cb}\s+{AUX}(?P<v>{V})\s+to\s+court"),
        ]
    if frame == "against":
        return [
            ("active", rf"{C}{GAP}(?P<v>{V})\b(?P<pre>[^;\ue000]{{0,80}}?)\bagainst\s+{DESC}{R}{TAIL}"),
            ("intransitive", rf"{C}{GAP}(?P<v>{V})\b(?P<tail>[^;.\ue000]{{0,120}})"),
        ]
    if frame == "accuse":
        return [
            ("active", rf"{C}{GAP}(?P<v>{V})\s+{DESC}{R}(?:['’]s?\s+(?:[\w\-]+\s+){{0,3}}?|\s+and\s+(?:its|their)\s+[\w\s]{{0,30}}?)?\s*of\b(?P<tail>[^;.\ue000]{{0,120}})"),
            # "R has been accused by C of infringing ...": the passive, its agent after "by"
            ("passive", rf"{Rs}{GAP}{_BE}\s+(?:[a-z]+ly\s+|also\s+|now\s+)?(?P<v>{V})\s+by\s+{DESC}{Cb}\s+of\b(?P<tail>[^;.\ue000]{{0,120}})"),
        ]
    if frame == "hit_with":
        return [("active", rf"{C}{GAP}(?P<v>{V})\s+{DESC}{R}\s+with\s+(?:a|an|another|two|three|\d+|new|fresh)?\s*{NP}(?P<n>{N})\b{TAIL}")]
    if frame == "face":
        return [
            (
                "active",
                rf"{Rs}{GAP}(?:{_BE}\s+)?(?P<v>{V})\s+(?:with\s+)?(?:a|an|another|two|three|\d+|new|fresh)?\s*{NP}(?P<n>{N})\b"
                rf"(?P<tail>[^;\ue000]{{0,60}}?)\b(?:from|by|filed\s+by|brought\s+by|lodged\s+by)\s+{DESC}{Cb}",
            )
        ]
    if frame == "allege":
        return [
            (
                "active",
                rf"{C}{GAP}(?P<v>{V})(?:\s+(?:in|on|at)\s+[^,;\ue000]{{0,30}}?)?(?:\s+that)?\s+{DESC}(?P<r>{ELIST}|{SUBJ_PRON})(?:['’]s?\s+(?:[\w\-]+\s+){{0,3}}?)?\s*"
                rf"(?:(?:had|has|have|willfully|also|allegedly)\s+)*(?:infringed|infringes|infringe|is\s+infringing|was\s+infringing)\b{TAIL}",
            )
        ]
    if frame == "noun":
        return [
            ("active", rf"{C}{GAP}(?P<v>{V})\s+{NP}(?P<n>{N})\b{TAIL}\b(?:against|into)\s+{DESC}{R}"),
            ("active_naming", rf"{C}{GAP}(?P<v>{V})\s+{NP}(?P<n>{N})\b{TAIL},?\s+naming\s+{DESC}{R}\s+as\s+(?:co-)?defendants?"),
            ("active_open", rf"{C}{GAP}(?P<v>{V})\s+{NP}(?P<n>{N})\b(?P<tail>[^;]{{0,120}}?)(?=[;.,]|$|\s+(?:and|but|which|while)\b)"),
            # noun-first frames: the words before the noun (its modifiers) are read by _build
            ("relative", rf"\b(?P<n>{N})\s+(?:that\s+|which\s+)?(?P<c>{ELIST}|it|they)\s+{AUX}(?P<v>{V})\b{TAIL}\bagainst\s+{DESC}{R}"),
            ("relative_open", rf"\b(?P<n>{N})\s+(?:that\s+|which\s+)?(?P<c>{ELIST}|it|they)\s+{AUX}(?P<v>{V})\b{TAIL}"),
            ("passive_topic", rf"\b(?P<n>{N}),?\s+against\s+{DESC}{R},?\s+(?:is|was|were|has\s+been|had\s+been|will\s+be|are)\s+(?:being\s+|also\s+)?(?P<v>{V})\b{TAIL}"),
            ("passive_against", rf"\b(?P<n>{N})\s*,?\s+(?:{_BE}\s+|(?:which|that)\s+{_BE}\s+)?(?:[\w\-]+\s+){{0,4}}?(?P<v>{V})\b[^;\ue000]{{0,40}}?\bby\s+{DESC}{Cb}{TAIL}\bagainst\s+{DESC}{R}"),
            ("passive", rf"\b(?P<n>{N})\s*,?\s+(?:{_BE}\s+|(?:which|that)\s+{_BE}\s+)?(?:[\w\-]+\s+){{0,4}}?(?P<v>{V})\b[^;\ue000]{{0,40}}?\bby\s+{DESC}{Cb}{TAIL}"),
        ]
    if frame == "request":
        return [
            (
                "active",
                rf"{C}{GAP}(?P<v>{V})\s+(?:for\s+)?(?P<tail>[^;]{{0,120}}?)\b(?P<n>reexamin\w*|re-examin\w*|invalidat\w*|revo(?:ke|cation)\w*|inter\s+partes\s+review|post-grant\s+review|IPR|Patent\s+Trial\s+and\s+Appeal\s+Board|PTAB)\b",
            )
        ]
    if frame == "attack":
        return [("active", rf"{C}{GAP}(?P<v>{V})\s+(?P<tail>(?:['’]?[\w\-]+\s+){{0,3}}?(?:(?P<o>{ENT})['’]?s?\s+)?(?:[\w\-]+\s+){{0,2}}?patents?)\b")]
    if frame == "appeal":
        return [("active", rf"{C}{GAP}(?P<v>{V})\b{TAIL}")]
    if frame == "have_noun":
        # "C has a parallel case against R": the noun right after a determiner, never a verb's object
        return [("active", rf"{C}{GAP}(?P<v>{V})\s+(?P<np>(?:a|an|another|its|their|two|three|four|several|\d+)\s+(?:[\w\-]+\s+){{0,3}}?)"
                           rf"(?P<n>{N})\b{TAIL}\bagainst\s+{DESC}{R}")]
    if frame == "appeal_to":
        # "C took the case to the Supreme Court", "C challenged that ruling before the Court of Appeal",
        # "C contested the findings": an appeal by C (R from context)
        obj = (rf"(?P<tail>(?:{_APPEAL_OBJ}(?:[\w\-'’,]+\s+){{0,14}}?{_APPEAL_TO}"
               rf"|(?:the|that|this|those|these)\s+(?:[\w\-]+\s+){{0,2}}?{_DECISION}\b))")
        return [
            ("active", rf"{C}{GAP}(?P<v>{V})\s+{obj}"),
            # "C challenged the ruling before the Court of Appeal, which dismissed its appeal, and then took
            # the case to the Supreme Court": the next step of the same party's appeals
            ("chain", rf"{C}[^;\ue000]{{1,160}}?,?\s+and\s+(?:then|later|subsequently|eventually|finally)\s+(?P<v>{V})\s+{obj}"),
        ]
    if frame == "withdraw":
        return [
            ("active", rf"{C}{GAP}(?P<v>{V})\s+(?:its|their|the|his|her)\s+{NP}(?P<n>{N})\b{TAIL}\bagainst\s+{DESC}{R}"),
            ("active_open", rf"{C}{GAP}(?P<v>{V})\s+(?:its|their|the|his|her)\s+{NP}(?P<n>{N})\b{TAIL}"),
        ]
    raise DataFileError(f"{_DATA}: unknown frame {frame!r}")


# what an appeal takes up and where it goes (frame appeal_to)
_APPEAL_OBJ = r"(?:the|that|this|those|these|its|their|his|her)\s+"
_APPEAL_TO = (
    r"(?:to|before|at|in)\s+the\s+(?:[\w.]+\s+){0,2}?(?:Supreme\s+Court|Courts?\s+of\s+Appeals?|Federal\s+Circuit|"
    r"(?:First|Second|Third|Fourth|Fifth|Sixth|Seventh|Eighth|Ninth|Tenth|Eleventh|D\.C\.)\s+Circuit|appeals?\s+court|"
    r"appellate\s+court|Higher\s+Regional\s+Court|Boards?\s+of\s+Appeal|Supreme\s+People['’]s\s+Court)\b"
)
_DECISION = r"(?:ruling|rulings|findings?|judgments?|judgements?|decisions?|verdicts?|holdings?)"


# the trade commission as the one asked, and what it is asked to do about imports
_ITC_NAME = r"(?:U\.?S\.?\s+|United\s+States\s+)?(?:International\s+Trade\s+Commission|ITC)(?:\s*\([^()]{0,20}\))?"
_ITC_ASK = r"(?:investigate|bar|block|ban|halt|stop|exclude|open|launch|begin|start|institute)\b"


def _extra_patterns(N: str, PN: str) -> list[tuple[str, str, str | None, str, str, str]]:
    """Frames that are not one verb's: possessive nouns, verdicts, orders, captions."""
    NP = r"(?P<np>(?:[\w\-]+\s+){0,4}?)"
    Rl = rf"(?P<r>{ELIST}|{SUBJ_PRON})"
    return [
        ("possessive", "noun", None, "reference", "possessive",
         rf"(?:(?P<c>{ENT})['’]s?|(?P<c2>\bits|\btheir))\s+(?:own\s+)?{NP}(?P<n>{PN})\b(?P<tail>[^;\ue000]{{0,60}}?)\bagainst\s+{DESC}(?P<r>{ELIST})"),
        ("possessive", "noun", None, "reference", "possessive_open",
         rf"(?:(?P<c>{ENT})['’]s?|(?P<c2>\bits|\btheir))\s+(?:own\s+)?{NP}(?P<n>{PN})\b(?P<tail>[^;\ue000]{{0,60}})"),
        ("verdict", "verdict", "infringement", "reference", "found",
         rf"{_JUDGE}[^;]{{0,80}}?\b{_VERDICT_V}\s+(?:on\s+\w+\s+)?(?:that\s+)?{DESC}{Rl}(?:['’]s?\s+(?:[\w\-]+\s+){{0,3}}?)?\s*"
         rf",?\s*(?P<neg>(?:(?:had|has|have|did|does|do|was|were|also|each|willfully|wilfully|not|never|indeed)\s+)*){_INFR}\b"),
        ("verdict", "verdict", "infringement", "reference", "ordered_to_pay",
         rf"{_JUDGE}[^;]{{0,80}}?\b(?:ordered|directed|told)\s+{DESC}(?P<r>{ELIST})\s+to\s+pay\b(?:\s+(?P<c3>{ENT})(?!['’])|[^;\ue000]{{0,60}}?\bto\s+{DESC}(?P<c>{ELIST}))?"),
        # "R must pay C $X for infringing ...", "R was ordered to pay $X to C after a jury found ...": a
        # payment the court imposed on R, told with R as the subject (a sum owed for infringement)
        ("verdict", "verdict", "infringement", "reference", "must_pay",
         rf"(?P<r>{ELIST})\s+(?:must|will\s+have\s+to|has\s+to|had\s+to|(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+"
         rf"(?:ordered|directed|told)\s+to)\s+pay\s+(?:(?P<c3>{ENT})(?!['’])|[^;\ue000]{{0,60}}?\bto\s+{DESC}(?P<c>{ELIST}))"
         rf"(?=[^;\ue000]{{0,100}}?\b(?:infring|patents?\b|verdict|damages|jury|judge))"),
        ("verdict", "verdict", "infringement", "reference", "found_to",
         rf"(?P<r>{ELIST})(?:['’]s?\s+(?:[\w\-]+\s+){{0,3}}?)?\s+(?:was|were|had\s+been|has\s+been)\s+found\s+(?P<neg>not\s+)?to\s+{_INFR}\b"),
        ("verdict", "verdict", "infringement", "reference", "verdict_for",
         rf"\bverdict\s+(?:of\s+\S+\s+)?(?:for|in\s+favou?r\s+of)\s+(?P<c>{ELIST})(?:\s*\([^()]*\))*[^;]{{0,80}}?\band\s+against\s+(?P<r>{ELIST})"),
        ("won", "verdict", "infringement", "reference", "won_verdict",
         rf"(?P<c>{ELIST})\s+(?:has\s+|had\s+)?(?:won|wins|win|obtained|obtains|secured|secures|scored|scores)\s+(?:(?:a|an|the)\s+)?(?:[\w\-$.]+\s+){{0,4}}?(?P<n>verdict|judgment|judgement|ruling|order|injunction|decision|cases?|suits?|lawsuits?|trial|award)\s+(?:for\s+(?:our\s+client\s+|its\s+client\s+)?(?P<c2>{ELIST})\s+)?against\s+{DESC}(?P<r>{ELIST})"),
        # "a jury awarded C $1.05 billion against R": a verdict for C in its suit against R
        ("verdict", "verdict", "infringement", "reference", "awarded_against",
         rf"{_JUDGE}[^;]{{0,80}}?\b(?:awarded|awards|granted)\s+(?P<c>{ELIST})\s+(?:[^;\ue000]{{0,60}}?\s)?(?:against|from)\s+{DESC}(?P<r>{ELIST})"),
        # "R's counterclaims that C infringed R's own patents": R's suit against C
        ("claims_that", "noun", "infringement", "reference", "counterclaims_that",
         rf"(?P<c>{ENT})['’]s?\s+(?:own\s+)?(?P<n>counterclaims?|counter-claims?|countersuits?|counter-suits?)\s+(?:that|alleging\s+that)\s+{DESC}(?P<r>{ELIST})\s+(?:had\s+|has\s+|have\s+)?(?:\w+ly\s+)?infring"),
        # "reversed a judgment of $1.2 billion that C had won against R": the verdict C won in its suit
        ("won", "verdict", "infringement", "reference", "won_relative",
         rf"\b(?P<n>verdicts?|judgments?|judgements?|awards?)\b[^;\ue000]{{0,60}}?\b(?:that|which)\s+(?P<c>{ELIST})\s+(?:had\s+|has\s+)?(?:won|obtained|secured)\s+against\s+{DESC}(?P<r>{ELIST})"),
        ("won", "verdict", "infringement", "reference", "award_for",
         rf"\b(?:secured|obtained|won|achieved)\s+(?:a|an|the)\s+(?:[\w\-$.]+\s+){{0,5}}?(?P<n>verdict|award|judgment)\s+for\s+(?:our\s+client\s+|its\s+client\s+|client\s+)?(?P<c>{ELIST})\s+against\s+{DESC}(?P<r>{ELIST})"),
        ("appeal_by", "noun", "appeal", "reference", "appeal_by",
         rf"\b(?P<n>appeal|cross-appeal|appeals)\s+(?:lodged\s+|filed\s+|brought\s+)?(?:by|from)\s+{DESC}(?P<c>{ELIST})(?P<tail>[^;\ue000]{{0,60}}?)(?:\bagainst\s+{DESC}(?P<r>{ELIST}))?"),
        ("represented", "noun", None, "reference", "represented_claimant",
         rf"\b(?:represented|representing|defended|advised|counseled|counselled)\s+(?:[\w\-]+\s+){{0,3}}?(?P<c>{ELIST})\s+(?:as\s+(?:the\s+)?(?:complainant|plaintiff|petitioner|claimant|patent\s+owner|patentee)\s+)?in\s+(?:a|an|the|its|their|his|her)\s+(?P<np>(?:[\w\-]+\s+){{0,4}}?)(?P<n>{N})\b(?P<tail>[^;\ue000]{{0,80}}?)\bagainst\s+{DESC}(?P<r>{ELIST})"),
        ("ask_court", "noun", None, "filing", "ask_court",
         rf"(?P<c>{ELIST}|{SUBJ_PRON}){GAP}(?P<v>asked|asking|asks|petitioned|petitioning|requested|requesting)\s+(?:the\s+|a\s+)?(?P<np>(?:[\w\-'’.]+\s+){{0,8}}?)(?P<n>court|tribunal)(?:\s*\([^()]{{0,40}}\))?\s+to\s+(?P<tail>(?:set|determine|fix|declare|rule|decide)\b[^;\ue000]{{0,80}})"),
        # "C's decision last month to ask the High Court to set the terms of a licence": C's own action
        ("ask_court", "noun", None, "filing", "ask_court_decision",
         rf"(?P<c>{ENT})['’]s?\s+(?:own\s+)?(?:decision|move|bid|request|application|attempt|choice|plan)\s+(?:[\w\-]+\s+){{0,3}}?to\s+"
         rf"(?P<v>ask|request|petition|asking|requesting|petitioning)\s+(?:the\s+|a\s+)?(?P<np>(?:[\w\-'’.]+\s+){{0,8}}?)(?P<n>court|tribunal)"
         rf"(?:\s+of\s+[A-Z][\w\s]{{0,30}}?)?(?:\s*\([^()]{{0,40}}\))?\s+to\s+(?P<tail>(?:set|determine|fix|declare|rule|decide)\b[^;\ue000]{{0,80}})"),
        # "C asked the ITC to investigate imports of sensors made by R", "... to bar imports of R's cameras":
        # a complaint under Section 337 (the respondents named after the imports, else found from context)
        ("ask_itc", "ask_itc", "itc_investigation", "filing", "ask_itc",
         rf"(?P<c>{ELIST}|{SUBJ_PRON}){GAP}(?P<v>asked|asking|asks|petitioned|requested|urged)\s+(?:the\s+)?{_ITC_NAME}"
         rf"\s+to\s+(?P<tail>{_ITC_ASK}[^;\ue000]{{0,100}}?)\b(?:(?:made|produced|manufactured|sold|imported|supplied)\s+by|imports?\s+of)\s+{DESC}(?P<r>{ELIST})"),
        ("ask_itc", "ask_itc", "itc_investigation", "filing", "ask_itc_open",
         rf"(?P<c>{ELIST}|{SUBJ_PRON}){GAP}(?P<v>asked|asking|asks|petitioned|requested|urged)\s+(?:the\s+)?{_ITC_NAME}"
         rf"\s+to\s+(?P<tail>{_ITC_ASK}[^;\ue000]{{0,100}})"),
        ("certiorari", "noun", "appeal", "filing", "certiorari",
         rf"(?P<c>{ELIST})\s+(?:has\s+|had\s+|then\s+|later\s+)*(?P<v>petitioned|sought|asked|filed\s+a\s+petition)\s+(?:[\w\s]{{0,30}}?)\bfor\s+(?:a\s+writ\s+of\s+)?(?P<n>certiorari)"),
        # "X applied to the Munich local division for a provisional injunction against R"
        ("applied", "noun", "infringement", "filing", "applied_for",
         rf"(?P<c>{ELIST}|{SUBJ_PRON}){GAP}(?:has\s+|had\s+|then\s+|also\s+)*(?P<v>applied|applies|applying)\s+(?:to\s+(?:the\s+)?[^;\ue000]{{0,60}}?\b(?:court|division|tribunal)\s+(?:[^;\ue000]{{0,30}}?\s+)?)?for\s+(?:a|an)\s+(?P<np>(?:[\w\-]+\s+){{0,3}}?)(?P<n>injunction|injunctions)\b(?P<tail>[^;\ue000]{{0,60}}?)(?:\bagainst\s+{DESC}(?P<r>{ELIST}))?"),
        # "The Federal Circuit affirmed, and X petitioned for certiorari": X lost the appeal it had brought
        ("affirmed", "noun", "appeal", "reference", "affirmed_then_review",
         rf"\b(?P<n>Federal\s+Circuit|CAFC)\s+(?:summarily\s+)?(?P<v>affirmed|upheld)\b[^;\ue000]{{0,40}}?,?\s+and\s+(?:then\s+)?(?P<c>{ELIST})\s+(?:has\s+|then\s+|later\s+)*(?:petitioned|sought|asked|filed\s+a\s+petition)\s+(?:[\w\s]{{0,30}}?)\bfor\s+(?:a\s+writ\s+of\s+)?certiorari"),
        ("exclusion", "verdict", "itc_investigation", "reference", "exclusion_order",
         rf"\b(?:ITC|USITC|commission)\b[^;\ue000]{{0,40}}?\b(?:entered|issued|imposed|granted)\b[^;\ue000]{{0,80}}?\bexclusion\s+order\b[^;\ue000]{{0,80}}?\bagainst\s+{DESC}(?P<r>{ELIST})"),
        ("prevailed", "pair", "infringement", "reference", "prevailed",
         rf"(?P<w>{ENT})\s+(?:has\s+|had\s+)?(?:prevailed|won)\b(?:[^;\ue000]{{0,80}}?\b(?:fight|dispute|case|battle|litigation|suit|proceedings?)\s+(?:with|against)|\s+against)\s+(?P<o>{ENT})"),
        ("pair_two", "pair", "infringement", "reference", "two_fight",
         r"\b(?:the\s+two|both)\s+(?:companies\s+|sides\s+|firms\s+|rivals\s+)?(?:are\s+)?(?:fight|fighting|battle|battling|clash|clashing|spar|sparring|litigate|litigating)\s+over\s+(?:[\w\-]+\s+){0,3}?infring"),
        ("caption", "caption", "infringement", "reference", "caption_apposition",
         rf"\b(?P<n>lawsuit|suit|case|complaint|action|litigation),?\s+(?P<c>{ENT})\s+v(?:s)?\.?\s+(?P<r>{ENT})"),
        ("agreement", "noun", "other", "reference", "enforce_agreement",
         rf"(?P<c>{ENT})[^;\ue000]{{0,40}}?\bto\s+(?:have|enforce)\s+(?:its|their|the)\s+(?P<n>(?:settlement|licen[cs]e|licensing)\s+agreement)\s+with\s+{DESC}(?P<r>{ELIST})"),
        ("defence", "by_defendant", "invalidation", "filing", "defence_petition",
         rf"\b(?:drafting|filing|lodging|submitting|preparing|brought|filed|lodged)\s+(?:a|an)\s+(?P<n>petition|request|challenge)\b(?P<tail>[^;\ue000]{{0,100}}?)\b(?:inter\s+partes\s+review|IPR|post-grant\s+review|reexamination|invalidation)"),
        ("nullity", "by_defendant", "invalidation", "filing", "validity_pending",
         r"\b(?P<n>so\s+that|until|pending|while)\s+(?:the\s+)?[^;\ue000]{0,50}?\b(?:could|can|would|will|to)\s+(?:decide|rule|determine)\s+(?:on\s+)?(?:whether\s+)?(?:the\s+)?(?:\w+\s+)?patents?\s+(?:is|are|were|was)\s+valid"),
        # "The company won a jury verdict of $2 million against R": a suit of the company named before
        ("won", "noun", "infringement", "reference", "won_verdict_pron",
         rf"(?P<c>{SUBJ_PRON})\s+(?:(?:has|had|previously|also|earlier|recently|already)\s+)*(?:won|wins|obtained|secured|scored)\s+"
         rf"(?:(?:a|an|the)\s+)?(?P<np>(?:[\w\-]+\s+){{0,3}}?)(?P<n>verdict|judgment|judgement|award)\b(?P<tail>[^;\ue000]{{0,40}}?)\s*\bagainst\s+{DESC}(?P<r>{ELIST})"),
        # "A jury sided with C against R": a verdict for C in C's suit against R
        ("verdict", "verdict", "infringement", "reference", "sided_with",
         rf"\b(?:jury|juries|judge|ALJ)\b[^;]{{0,80}}?\bsided\s+(?:\w+ly\s+)?with\s+(?P<c>{ELIST})\s+(?:and\s+)?against\s+{DESC}(?P<r>{ELIST})"),
        # "The respondents were R1, R2 and R3": the defendants of the suit just told (claimant from the story)
        ("respondents_were", "noun", None, "reference", "respondents_were",
         rf"\b(?:the|its|their)\s+(?:named\s+)?(?P<n>respondents?|defendants?)\s+(?:were|was|are|is|included|include)\s+(?:(?:the|both)\s+)?(?P<r>{ELIST})"),
        # "C has held on to its victory against R", "C's trial win over R": a suit C brought against R
        ("victory", "noun", None, "reference", "victory_against",
         rf"(?:(?P<c>{ENT})['’]s?|(?P<c2>\bits|\btheir))\s+(?:[\w\-]+\s+){{0,3}}?(?P<n>victory|win|triumph)\s+(?:against|over)\s+{DESC}(?P<r>{ELIST})"),
        # "The complaint, lodged in Texas, also named R1 and R2": more defendants of the suit just told
        ("also_named", "noun", None, "reference", "also_named",
         rf"\b(?P<n>{N})\b(?P<tail>[^;]{{0,80}}?)\b(?:also|additionally|further)\s+(?:named|names|listed|lists|added|adds)\s+"
         rf"(?:as\s+(?:co-)?defendants?\s+)?{DESC}(?P<r>{ELIST})"),
        # "the preliminary injunction that the Munich court had granted to C against R": C's suit against R
        ("injunction", "noun", "infringement", "reference", "injunction_granted_to",
         rf"\b(?P<n>injunction|injunctions)\b[^;\ue000]{{0,80}}?\b(?P<v>granted)\s+(?:to\s+)?(?P<c>{ELIST}(?:\s+and\s+the\s+{ENT})?)\s+against\s+{DESC}(?P<r>{ELIST})"),
        # "C filed a complaint with the ITC asking it to open an investigation into imports of cells made by R1 and R2"
        ("file", "noun", "itc_investigation", "filing", "itc_imports_by",
         rf"(?P<c>{ELIST}|{SUBJ_PRON}){GAP}(?:(?:has|had|also)\s+)*(?P<v>filed|lodged|submitted|brought)\s+(?:a|an)\s+(?P<np>(?:[\w\-]+\s+){{0,3}}?)"
         rf"(?P<n>complaint|petition)\b(?P<tail>[^;\ue000]{{0,160}}?)\bimport(?:s|ation|ing)?\s+(?:of\s+)?[^;\ue000]{{0,60}}?\b"
         rf"(?:made|manufactured|produced|sold|imported|supplied)\s+by\s+{DESC}(?P<r>{ELIST})"),
        ("caption", "caption", "infringement", "reference", "caption_case",
         rf"(?P<c>{ENT})\s+v(?:s)?\.?\s+(?P<r>{ENT})\s+(?:[\w\-]+\s+){{0,2}}?(?P<n>cases?|suits?|litigation|dispute|actions?|proceedings?)\b"),
        ("caption", "caption", "infringement", "reference", "caption_head",
         rf"^(?:\d+\.\s+)?(?P<c>{ENT})\s+v(?:s)?\.?\s+(?P<r>{ENT})(?=\s*[,:(]|\s*$)"),
    ]


_PAIR_RE = with_first_chars(re.compile(
    rf"\b(?:disputes?|battles?|fights?|contests?|wars?|feuds?|litigation|cases?|conflicts?|investigations?|rivalry|"
    rf"requests?|petitions?|suits?|IPRs?|proceedings)[\w\-,()\s]{{0,24}}?"
    rf"\b(?:between|involving|pitting)\s+(?P<a>{ELIST})",
    re.I,
))
_PAIR_WORDS = ("between", "involving", "pitting")  # _PAIR_RE holds one of them
#: letters that re.IGNORECASE folds onto ASCII letters but str.lower() does not (İ ı ſ K): a sentence
#: holding one is never skipped on a plain lower-case substring test
_ODD_CHARS = "\u0130\u0131\u017f\u212a"
_ODD_FOLD = re.compile(f"[{_ODD_CHARS}]")
_ENT_ID = re.compile("\ue000(\\d+)\ue001")


# --- the abstracted sentence -----------------------------------------------------------


@dataclass
class _Sent:
    index: int
    start: int
    text: str  # abstracted
    ents: list[tuple[int, int, str]]  # doc spans and party names, in order
    cuts: list[int]  # abstracted offsets where segments start
    docs: list[int]  # doc offsets of those segments
    is_ent: list[int]  # entity index per segment or -1
    words: frozenset[str] = frozenset()  # lower-case words, to skip frames and cues quickly
    low: str = ""  # the abstracted text lower-cased, for substring tests
    odd: bool = False  # holds a letter that case-folds unlike str.lower(): substring tests do not apply
    at: dict[int, int] | None = None  # doc start of each party mention -> its placeholder's abstracted offset
    owned: list[str] | None = None  # the owners its owner phrases name (see _owners), once read

    def doc_offset(self, i: int) -> int:
        k = bisect.bisect_right(self.cuts, i) - 1
        if k < 0:
            return self.start
        if self.is_ent[k] >= 0:
            return self.docs[k]
        return self.docs[k] + (i - self.cuts[k])

    def doc_end(self, i: int) -> int:
        """Doc offset of the end of abstracted position ``i`` (exclusive)."""
        k = bisect.bisect_right(self.cuts, i - 1) - 1
        if k >= 0 and self.is_ent[k] >= 0:
            return self.ents[self.is_ent[k]][1]
        return self.doc_offset(i - 1) + 1 if i > 0 else self.start

    def names(self, s: str) -> list[str]:
        out = []
        for m in _ENT_ID.finditer(s):
            n = self.ents[int(m.group(1))][2]
            if n not in out:
                out.append(n)
        return out


def _abstract(ctx: Context, si: int, spans: list[tuple[int, int, str]], words_re: re.Pattern = _WORDS,
              plain: tuple[str, frozenset[str]] | None = None) -> _Sent:
    """The sentence with its party mentions as placeholders; ``plain`` is the lower-cased text and
    words of a sentence naming no party, when already read."""
    ss, se = ctx.sentences[si]
    text = ctx.text
    parts: list[str] = []
    cuts, docs, is_ent = [], [], []
    pos = ss
    ents: list[tuple[int, int, str]] = []
    at: dict[int, int] = {}
    alen = 0
    for s, e, name in spans:
        if s < pos or e > se:
            continue
        if s > pos:
            cuts.append(alen)
            docs.append(pos)
            is_ent.append(-1)
            parts.append(text[pos:s])
            alen += s - pos
        tok = f"\ue000{len(ents)}\ue001"
        cuts.append(alen)
        docs.append(s)
        is_ent.append(len(ents))
        at[s] = alen
        ents.append((s, e, name))
        parts.append(tok)
        alen += len(tok)
        pos = e
    if pos < se:
        cuts.append(alen)
        docs.append(pos)
        is_ent.append(-1)
        parts.append(text[pos:se])
    abst = "".join(parts)
    if plain is not None and not ents:
        low, words = plain
    else:
        low = abst.lower()
        words = frozenset(words_re.findall(low))
    odd = getattr(ctx, _ODD_SEEN, None)
    if odd is None:
        odd = not text.isascii() and any(c in text for c in _ODD_CHARS)  # four quick scans beat one class scan
        setattr(ctx, _ODD_SEEN, odd)
    if odd:
        odd = bool(_ODD_FOLD.search(abst))
    return _Sent(si, ss, abst, ents, cuts, docs, is_ent, words, low, odd, at)


_ODD_SEEN = "_patlit_en_odd"


def _sentence_spans(ctx: Context, parties: list[Party]) -> list[list[tuple[int, int, str]]]:
    per: list[list[tuple[int, int, str]]] = [[] for _ in ctx.sentences]
    allm = [(m.start, m.end, p.name) for p in parties for m in p.mentions]
    # by start, the longest first, else in mention order: two stable sorts on C keys (no Python key calls)
    allm.sort(key=itemgetter(1), reverse=True)
    allm.sort(key=itemgetter(0))
    if not ctx.sentences:
        return per
    starts = [s for s, _ in ctx.sentences]
    last_end = -1
    for s, e, n in allm:
        if s < last_end:
            continue
        last_end = e
        per[max(0, bisect.bisect_right(starts, s) - 1)].append((s, e, n))  # ctx.sentence_index(s)
    return per


# --- the grammar run --------------------------------------------------------------------


@dataclass
class _Found:
    actions: list[Action]
    outcomes: list[Outcome]
    pairs: list[tuple[str, ...]]
    table: list[str]


def find_actions(ctx: Context, parties: list[Party], mentions: Mentions) -> tuple[list[ActionMention], list[OutcomeMention]]:
    """Actions (who did what to whom) and outcome cues of an English document."""
    cached = getattr(ctx, _CACHE, None)
    if cached is not None and cached[0] == tuple(id(p) for p in parties):
        found = cached[1]  # the run that chose these parties (see select_parties)
    else:
        found = _run(ctx, parties, mentions)
    return _appellate_rulings(ctx, _two_sides(list(found.actions), parties)), list(found.outcomes)


#: "The Federal Circuit reversed the ruling that the patent was infringed": an appeal told only by
#: the appellate court's decision (the court must be named: an appeal court, not any court)
_APPELLATE_RULING = re.compile(
    r"\b(?P<court>Federal\s+Circuit|CAFC|Court\s+of\s+Appeal(?:s\s+for\s+the\s+Federal\s+Circuit)?)\b[^;.]{0,60}?"
    r"\b(?P<v>affirmed|upheld|reversed|overturned|vacated|set\s+aside)\s+(?:the|a|an|its|that|this)\s+(?:[\w\-'$,.]+\s+){0,3}?"
    r"(?P<noun>ruling|judgment|judgement|decision|verdict|finding|holding|award)s?\b(?P<tail>[^;]{0,200})"
)
#: "The Federal Circuit affirmed in February 2021 and ...": the appellate court affirming with no object
_APPELLATE_BARE = re.compile(r"\b(?P<court>Federal\s+Circuit|CAFC)\s+(?:summarily\s+)?(?P<v>affirmed)(?=\s+(?:in|on|last|and|without)\b|\s*[,.;])")
_TAIL_END = re.compile(r"(?<!\b[A-Z])\.\s+[A-Z]")  # the ruling's sentence ends (not at "U.S. Patent")
#: what the ruling held, so who lost it: the patent owner (first) or the accused infringer
_LOST_BY_OWNER = re.compile(r"\b(?:not\s+infring|non-?infring|no\s+infringement|(?<!not\s)invalid|unpatentab|(?<!not\s)obvious|anticipat|unenforceab|revok|not\s+enabled|lack\s+of\s+enablement|patent-ineligible)", re.I)
_LOST_BY_ACCUSED = re.compile(r"\b(?:infring|valid|not\s+(?:invalid|obvious)|damages|award|injunction)", re.I)
_APPELLATE_WORDS = ("Circuit", "CAFC", "Court of Appeal")


def _appellate_rulings(ctx: Context, actions: list[Action]) -> list[Action]:
    """An appellate court's decision on a ruling in a suit told before, with no appeal told near it:
    the appeal of the side that lost the ruling (affirmed: it lost again; reversed/vacated: it won)."""
    text = ctx.text
    if not actions or not any(map(text.__contains__, _APPELLATE_WORDS)):
        return actions
    out = list(actions)
    bare = [m for m in _APPELLATE_BARE.finditer(text)] if "ffirmed" in text else []
    for m in [*_cased_finditer(_APPELLATE_RULING, text), *bare]:
        i = ctx.sentence_index(m.start())
        if any(a.kind == "appeal" and i - 2 <= a.sentence <= i for a in out):
            continue  # the appeal is told: the decision is its outcome
        below = [a for a in actions if a.kind in ("infringement", "invalidation") and a.claimants and a.respondents and a.sentence < i]
        if below:
            b = below[-1]
        elif "tail" in m.groupdict():
            b = _told_after(actions, i)
            if b is None:
                continue
        else:
            continue
        if "tail" not in m.groupdict():
            # "The Federal Circuit affirmed in 2021": the ruling affirmed is the one told just before
            tail = text[ctx.sentences[i - 1][0]:m.start()] if i > 0 else ""
            if not _LOST_BY_OWNER.search(tail):
                continue
        elif m.group("noun") == "award":
            tail = "award"
        else:
            tail = m.group("tail")
            end = _TAIL_END.search(tail)
            if end and (_LOST_BY_OWNER.search(tail, 0, end.start()) or _LOST_BY_ACCUSED.search(tail, 0, end.start())):
                tail = tail[:end.start()]  # the ruling's own sentence says what it held
            else:
                tail = tail[:100]
        owner = b.claimants if b.kind == "infringement" else b.respondents
        accused = b.respondents if b.kind == "infringement" else b.claimants
        if _LOST_BY_OWNER.search(tail):
            cl, rs = owner, accused
        elif _LOST_BY_ACCUSED.search(tail):
            cl, rs = accused, owner
        else:
            continue
        won = "respondent_won" if m.group("v").lower() in ("affirmed", "upheld") else "claimant_won"
        court = m.group("court").lower()
        hint = "cafc" if "circuit" in court or court == "cafc" else None
        ss, se = ctx.sentences[i]
        out.append(Action(m.start("v"), m.end("v"), m.group("v"), "appeal", tuple(cl), tuple(rs), i, won,
                          mode="reference", scope=(ss, se), forum_hint=hint))
    if len(out) > len(actions):
        out.sort(key=lambda a: a.start)
    return out


def _told_after(actions: list[Action], i: int) -> Action | None:
    """A news lead telling the appellate decision first ("The Federal Circuit vacated the award ...")
    and the suit after it: the first two-sided suit or challenge told later, when no appeal is told."""
    if any(a.kind == "appeal" for a in actions):
        return None
    return next((a for a in actions if a.kind in ("infringement", "invalidation") and a.claimants and a.respondents and a.sentence > i), None)


def _family(name: str) -> str:
    """The first word of a party's name: "Acme Corp." and "Acme Europe GmbH" are one side."""
    return name.split(None, 1)[0].lower().rstrip(",.") if name.strip() else ""


def _two_sides(actions: list[Action], parties: list[Party]) -> list[Action]:
    """A one-sided action ("X appealed", "a jury ordered R to pay") whose side no two-sided action
    of the document involves: its other side is the document's only other company family, if any."""
    if not actions or len(parties) < 2 or all(a.claimants and a.respondents for a in actions):
        return actions
    two_sided = [set(b.claimants) | set(b.respondents) for b in actions if b.claimants and b.respondents]
    out = []
    for a in actions:
        side = a.claimants or a.respondents
        if side and not (a.claimants and a.respondents) and not getattr(a, "undirected", False) and not any(set(side) & b for b in two_sided):
            fams = {_family(n) for n in side}
            others = [p.name for p in parties if _family(p.name) not in fams]
            if others and len({_family(n) for n in others}) == 1:
                a = replace(a, respondents=tuple(others)) if a.claimants else replace(a, claimants=tuple(others))
        elif a.kind == "declaratory_judgment" and a.claimants and not a.respondents:
            # "X filed a complaint seeking a declaratory judgment": against whoever sued X
            suers = {b.claimants for b in actions if b.kind == "infringement" and b.respondents and set(a.claimants) & set(b.respondents)}
            if len(suers) == 1:
                a = replace(a, respondents=next(iter(suers)))
        out.append(a)
    return out


def select_parties(ctx: Context, parties: list[Party], mentions: Mentions) -> list[Party]:
    """Keep the candidate parties that take part in a proceeding (or a named dispute)."""
    found = _run(ctx, _not_modifiers(ctx, parties), mentions)
    keep: set[str] = set(found.table)
    for a in found.actions:
        keep.update(a.claimants)
        keep.update(a.respondents)
        if bool(a.claimants) != bool(a.respondents):
            # one side open and no other action gives this side an opponent:
            # the assembly will take the other party of the sentence
            side = set(a.claimants) | set(a.respondents)
            opp = [
                b for b in found.actions
                if b is not a and b.claimants and b.respondents and side & (set(b.claimants) | set(b.respondents))
            ]
            if not opp:
                keep.update(_sentence_others(ctx, parties, a, side))
    for pr in found.pairs:
        if len(pr) >= 2:
            keep.update(pr)
    _keep_listed(ctx, parties, found, keep)
    _keep_opponents(ctx, parties, keep)
    by_name = {p.name: p for p in parties}
    changed = True
    while changed:
        changed = False
        for p in parties:
            if p.name not in keep and p.affiliate_of in keep and p.affiliate_of in by_name:
                keep.add(p.name)
                changed = True
    kept = [p for p in parties if p.name in keep]
    # find_actions on exactly these parties reuses this run: its roles are what chose them
    setattr(ctx, _CACHE, (tuple(id(p) for p in kept), found))
    return kept


_CACHE = "_patlit_en_actions"

# what may stand between two names of one list: a comma, "and", "as well as", "&", each
# after an optional remark in brackets ("X Ltd. (better known as Y), Z Inc. and W GmbH")
_LIST_GAP = re.compile(
    r"[ \u00a0]*(?:\([^()]{0,80}\)[ \u00a0]*)?(?:,[ \u00a0]*(?:and[ \u00a0]+|as[ \u00a0]+well[ \u00a0]+as[ \u00a0]+)?"
    r"|(?:and|&|as[ \u00a0]+well[ \u00a0]+as)[ \u00a0]+)"
    # then what the next one is: "and a local retailer, Y Ltd.", "through subsidiaries including Y Inc."
    r"(?:(?:through[ \u00a0]+|via[ \u00a0]+)?(?:its[ \u00a0]+|their[ \u00a0]+)?"
    r"(?:subsidiar(?:y|ies)|affiliates?|units?)(?:[ \u00a0]+(?:including|such[ \u00a0]+as))?,?[ \u00a0]+"
    r"|(?:an?|the|its|their)[ \u00a0]+(?:[\w\-]+[ \u00a0]+){0,3}[a-z][\w\-]*,[ \u00a0]+)?"
)


# a name that only qualifies the kind of suit brought ("filed Hatch-Waxman suits", "brought
# ANDA cases") is no party: read as one it hides the action's verb from its object
_MODIFIER = re.compile(
    r"(?:brought|filed|launched|initiated|commenced|bring|file|launch|initiate)[ \u00a0]+(?:a[ \u00a0]+|two[ \u00a0]+|several[ \u00a0]+)?$"
)
_MODIFIED = re.compile(r"[ \u00a0]+(?:suits?|lawsuits?|litigations?|actions|cases|proceedings|complaints)\b")


def _not_modifiers(ctx: Context, parties: list[Party]) -> list[Party]:
    text = ctx.text
    out = []
    for p in parties:
        ms = p.mentions
        if ms and all(
            _MODIFIED.match(text, m.end) and _MODIFIER.search(text[max(0, m.start - 24):m.start]) for m in ms
        ):
            continue
        out.append(p)
    return out if len(out) != len(parties) else parties


# "X ... in their dispute with Y": Y is the other side of a kept party's dispute
_OPPONENT = re.compile(
    r"\b(?:their|its|his|her)[ \u00a0]+(?:[a-z\-]+[ \u00a0]+){0,2}?(?:disputes?|battles?|fights?|feuds?|litigation|wars?|rivalry|conflicts?)"
    r"[ \u00a0]+(?:with|against)[ \u00a0]+$"
)


def _keep_opponents(ctx: Context, parties: list[Party], keep: set[str]) -> None:
    text = ctx.text
    kept_sents = None
    for p in parties:
        if p.name in keep:
            continue
        for m in p.mentions:
            if next(_cased_finditer(_OPPONENT, text[max(0, m.start - 48):m.start]), None) is None:
                continue
            if kept_sents is None:
                kept_sents = {ctx.sentence_index(x.start) for q in parties if q.name in keep for x in q.mentions}
            if ctx.sentence_index(m.start) in kept_sents:
                keep.add(p.name)
                break


_ACCUSED = re.compile(r"\b(?:accus(?:ing|ed|es)|went[ \u00a0]+after|going[ \u00a0]+after|(?:sued|suing)[ \u00a0]+(?:them|all))\b")
_LIST_REACH = 1  # sentences between a list of companies and the action whose side it names


@lru_cache(maxsize=1)
def _legal_end() -> re.Pattern:
    from patlit.extract import parties_en

    words = f"{parties_en._SUFFIX_WORDS}|{parties_en._MORE_SUFFIX_WORDS}"
    return re.compile(rf"(?:^|[\s,])(?:{words})\.?$")


def _keep_listed(ctx: Context, parties: list[Party], found: _Found, keep: set[str]) -> None:
    """A company with a legal form named in one list with a kept party ("against A Inc., B GmbH
    and C B.V.") is a party too, on the side of that party in the actions of the sentence."""
    legal = _legal_end()
    loose = [p for p in parties if p.name not in keep and legal.search(p.name)]
    if not loose or not keep:
        return
    text = ctx.text
    ms = sorted((m.start, m.end, p.name) for p in parties for m in p.mentions)
    added: dict[int, list[tuple[str, str]]] = {}  # sentence -> (new party, kept party of its list)
    loose_names = {p.name for p in loose}
    at = {m[0]: k for k, m in enumerate(ms)}
    seen: set[int] = set()
    for i in range(len(ms)):
        if i in seen:
            continue
        si = ctx.sentence_index(ms[i][0])
        chain, j = [i], i
        while True:
            # the gap may hold a remark in brackets, even one naming the party again
            g = _LIST_GAP.match(text, ms[j][1])
            k = at.get(g.end()) if g else None
            if k is None or k <= j or ctx.sentence_index(ms[k][0]) != si:
                break
            chain.append(k)
            seen.add(k)
            j = k
        if len(chain) > 1:
            run = [ms[k][2] for k in chain]
            anchor = next((n for n in run if n in keep), None)
            if anchor is not None:
                for i, n in enumerate(run):
                    if n in loose_names and n not in keep:
                        keep.add(n)
                        # "A and B and its subsidiary C": C stands with B, its parent, not with A
                        own = i and "its" in text[ms[chain[i - 1]][1]:ms[chain[i]][0]].split() and run[i - 1] in keep
                        added.setdefault(si, []).append((n, run[i - 1] if own else anchor))
            elif len(set(run)) >= 3 and all(n in loose_names for n in run):
                # three or more companies accused together: "went after A Ltd., B Corp. and C Inc.,
                # accusing them of ..." (no action frame names them, the accusation does)
                ss, se = ctx.sentences[si]
                if _ACCUSED.search(text, ss, se):
                    keep.update(run)
    if not added:
        return
    from dataclasses import replace

    for k, a in enumerate(found.actions):
        # the list names the parties of an action told in its sentence or close by
        new = [x for d in range(-_LIST_REACH, _LIST_REACH + 1) for x in added.get(a.sentence + d, ())]
        if not new:
            continue
        cl, rs = list(a.claimants), list(a.respondents)
        for n, anchor in new:
            if anchor in cl and n not in cl and n not in rs:
                cl.append(n)
            elif anchor in rs and n not in rs and n not in cl:
                rs.append(n)
        if len(cl) != len(a.claimants) or len(rs) != len(a.respondents):
            found.actions[k] = replace(a, claimants=tuple(cl), respondents=tuple(rs))


def _sentence_others(ctx: Context, parties: list[Party], a: Action, side: set[str]) -> list[str]:
    ss, se = ctx.sentences[a.sentence]
    ms = [(min(abs(m.start - a.end), abs(m.start - a.start)), p.name)
          for p in parties for m in p.mentions if ss <= m.start < se and p.name not in side]
    return [min(ms)[1]] if ms else []


def _context_flags(ctx: Context, g: Grammar) -> list[bool]:
    """Which sentences speak of patents (plain substring search of the lower-cased text)."""
    text = ctx.text
    low = text.lower()
    if len(low) != len(text):
        return [bool(g.context.search(text, s, e)) for s, e in ctx.sentences]
    sentences = ctx.sentences
    flags = [False] * len(sentences)
    n = len(low)
    for w in g.context_words:
        short = len(w) <= 4 and w.isascii()
        i = low.find(w)
        while i >= 0:
            if not short or ((i == 0 or not low[i - 1].isalnum()) and (i + len(w) >= n or not low[i + len(w)].isalnum())):
                k = ctx.sentence_index(i)
                flags[k] = True
                # more hits in this sentence change nothing: go on from the next one
                i = low.find(w, max(i + len(w), sentences[k + 1][0])) if k + 1 < len(sentences) else -1
                continue
            i = low.find(w, i + len(w))
    return flags


class _Sents:
    """Abstracted sentences, made on first use (most sentences are never looked at)."""

    def __init__(self, ctx: Context, per: list[list[tuple[int, int, str]]], words_re: re.Pattern = _WORDS):
        self.ctx, self.per, self.words_re = ctx, per, words_re
        self.done: dict[int, _Sent] = {}
        self.plain: dict[int, tuple[str, frozenset[str]]] = {}  # sentence -> its lower-cased text and words

    def __len__(self) -> int:
        return len(self.per)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        st = self.done.get(i)
        if st is None:
            st = self.done[i] = _abstract(self.ctx, i, self.per[i], self.words_re, self.plain.get(i))
        return st


def _run(ctx: Context, parties: list[Party], mentions: Mentions) -> _Found:
    g = grammar()
    from patlit.extract import parties_en

    per = _sentence_spans(ctx, parties)
    sents = _Sents(ctx, per, g.words_re)
    actions: list[Action] = []
    sents.found = actions  # the actions told so far ("the defendants" of the suit just told)
    outcomes: list[Outcome] = []
    pairs: list[tuple[str, ...]] = []
    table: list[str] = []
    name_of = {}
    for p in parties:
        for m in p.mentions:
            name_of[(m.start, m.end)] = p.name
    # table rows
    for row in parties_en.table_rows(ctx, mentions):
        cl = [name_of.get(sp) for sp in row.plaintiffs]
        rs = [name_of.get(sp) for sp in row.defendants]
        cl = [c for c in cl if c]
        rs = [r for r in rs if r]
        table.extend(cl + rs)
        if cl and rs:
            ss, se = ctx.sentences[row.sentence]
            actions.append(
                Action(
                    ss, se, ctx.text[ss:se], "infringement", tuple(dict.fromkeys(cl)), tuple(dict.fromkeys(rs)),
                    row.sentence, "claimant_won" if row.awarded else None, mode="reference", scope=(ss, se),
                )
            )
    topic: list[str] = []
    has_ctx = _context_flags(ctx, g)
    for f in mentions.forums:
        # a suit brought before a named court speaks of litigation even without the word "patent"
        if not f.code.startswith("other:"):
            has_ctx[ctx.sentence_index(f.start)] = True
    text = ctx.text
    deferred: list[int] = []
    for i, (ss, se) in enumerate(ctx.sentences):
        if not any(has_ctx[max(0, i - 2):i + 3]):
            if per[i]:
                deferred.append(i)
            continue  # far from any word about patents
        if not per[i]:
            low = text[ss:se].lower()
            words = frozenset(g.words_re.findall(low))
            if not (words & g.all_keys):
                continue  # nothing that could report an action or an outcome
            sents.plain[i] = (low, words)
        st = sents[i]
        outcomes.extend(_outcomes(ctx, st, g))
        agentless = not st.ents and not _has_pronoun(st)
        if agentless and not (_AGENTLESS.search(st.text) if st.odd else _AGENTLESS_LOW.search(st.low)):
            continue
        found = _match_sentence(ctx, st, sents, g, topic, agentless)
        actions.extend(found)
        for m in (_PAIR_RE.finditer(st.text) if st.odd or any(map(st.low.__contains__, _PAIR_WORDS)) else ()):
            pairs.append(tuple(st.names(m.group("a"))))
        if found:
            topic = list(found[-1].claimants) or topic
        elif st.ents and (not topic or _abs_pos(st, st.ents[0][0]) <= 12):
            # "Qualcomm struck back on several fronts. In July it filed ...": the subject is the topic
            topic = [st.ents[0][2]]
    # far from patent words, a sentence still counts when it names a patent litigant:
    # "Meanwhile, Goodix also filed suits against Apple and LG in Texas."
    litigants = {n for a in actions for n in (*a.claimants, *a.respondents)}
    for i in deferred:
        if not litigants & {n for _, _, n in per[i]}:
            continue
        st = sents[i]
        outcomes.extend(_outcomes(ctx, st, g))
        actions.extend(_match_sentence(ctx, st, sents, g, topic, False))
    if deferred:
        actions.sort(key=lambda a: a.start)
        outcomes.sort(key=lambda o: o.start)
    return _Found(actions, outcomes, pairs, table)


def _has_context(ctx: Context, sents: list[_Sent], i: int, g: Grammar) -> bool:
    lo, hi = max(0, i - 2), min(len(sents), i + 3)
    s = ctx.sentences[lo][0]
    e = ctx.sentences[hi - 1][1]
    return bool(g.context.search(ctx.text, s, e))


_NP_BEFORE = re.compile(r"(?:[\w\-]+\s+){1,4}$")
_PRONOUN_WORDS = r"it|its|they|their|the company|the firm|" + _GROUP
_PRONOUN = with_first_chars(re.compile(r"\b(?:" + _PRONOUN_WORDS + r")\b", re.I))
_AGENTLESS = with_first_chars(re.compile(r"\b(?:petition|request|challenge|valid)", re.I))
# the same for the lower-cased sentence (see _led)
_PRONOUN_LOW = re.compile(_led(_split_top(_PRONOUN_WORDS)))
_IT_THEY_LOW = re.compile(_led(_split_top(_PRONOUN_WORDS)[:4]))  # its pronouns only


def _has_pronoun(st: _Sent) -> bool:
    """Whether the sentence holds a pronoun, "the company" or "the defendants" (_PRONOUN)."""
    if st.odd:
        return bool(_PRONOUN.search(st.text))
    # without a noun of "the company" or "the defendants" (see _may_name_group), only a pronoun can match
    return bool((_PRONOUN_LOW if _may_name_group(st) else _IT_THEY_LOW).search(st.low))
_AGENTLESS_LOW = re.compile(_led(["petition", "request", "challenge", "valid"], after=""))


def _match_sentence(ctx: Context, st: _Sent, sents: list[_Sent], g: Grammar, topic: list[str], agentless: bool = False) -> list[Action]:
    out: list[Action] = []
    cands: list[tuple[int, int, int, Frame, re.Match]] = []
    words = st.words
    if agentless:
        frames = [f for f in g.extra if f.frame == "by_defendant"]
    else:
        # the frames whose trigger words the sentence holds, in grammar order
        picked: set[int] = set()
        index = g.frame_index
        for w in words & g.frame_keys:
            picked.update(index[w])
        frames = [g.all_frames[i] for i in sorted(picked)]
    text = st.text
    starts: _Places | None = None
    noun_starts: _Places | None = None
    lasts: dict[frozenset[str], int] = {}  # trigger words -> where the last one starts
    holds: dict[int, bool] = {}  # id of an any_of tuple (frames share them) -> whether the sentence holds one
    for order, fr in enumerate(frames):
        if not (fr.needs <= words):
            continue
        if fr.any_of and not st.odd:
            ok = holds.get(id(fr.any_of))
            if ok is None:
                ok = holds[id(fr.any_of)] = any(map(st.low.__contains__, fr.any_of))  # (map: no generator frame)
            if not ok:
                continue
        rx = fr.regex
        if fr.anchored or fr.noun_first:
            if fr.anchored:
                if starts is None:
                    starts = _Places(_STARTS.finditer(text) if st.odd else (
                        _STARTS_LOW if _may_name_group(st) else _PRONOUN_STARTS_LOW).finditer(st.low))
            elif noun_starts is None:
                noun_starts = _Places(g.noun_at.finditer(text) if st.odd else g.noun_at_low.finditer(st.low))
            found = []
            # a verb frame's verb follows its anchor: starts after the last trigger word cannot match
            if fr.verb and fr.keys and not st.odd:
                last = lasts.get(fr.keys)
                if last is None:
                    m_last = _last_key_rx(fr.keys).match(st.low)
                    last = lasts[fr.keys] = m_last.end() if m_last is not None else -1
            else:
                last = len(text)
            # the scans are costly: read only up to the last place this frame can start at
            places = (starts if fr.anchored else noun_starts).upto(last)
            for p in places:
                if p > last:
                    break
                m = rx.match(text, p)
                if m is not None:
                    found.append(m)
        else:
            low_found = None if st.odd else _low_finditer(rx, text, st.low)
            if low_found is not None:
                # found on the lower-cased sentence, read again at the same places on the sentence (same matches)
                found = [rx.match(text, m.start()) for m in low_found]
            else:
                first = 0 if st.odd else _first_place(rx, st.low)
                found = list(rx.finditer(text, first)) if first >= 0 else []
        has_v = "v" in rx.groupindex
        for m in found:
            trig = m.start("v") if has_v and m.group("v") else m.start()
            cands.append((trig, m.start() - m.end(), order, fr, m))
    # one action per trigger: the longest match at each trigger wins
    cands.sort(key=lambda x: (x[0], x[1], x[2]))
    used_triggers: set[int] = set()
    for trig, _neg, _order, fr, m in cands:
        if trig in used_triggers:
            continue
        a = _build(ctx, st, sents, g, fr, m, topic, out)
        if a is None:
            continue
        used_triggers.add(trig)
        out.extend(a)
    return out


def _first_place(rx: re.Pattern, low: str) -> int:
    """Where in ``low`` (a lower-cased text without _ODD_FOLD letters) the first character a match
    of ``rx`` (ignoring case) can start with first occurs, -1 if none does: ``rx`` cannot match
    before it (its search from there is the same), nor at all if -1. 0 when unknown."""
    firsts = _FIRSTS.get(id(rx))
    if firsts is None or firsts[0] is not rx:
        firsts = _FIRSTS[id(rx)] = (rx, _first_chars(rx))
    chars = firsts[1]
    if chars is None:
        return 0
    at = -1
    for c in chars:
        i = low.find(c)
        if i >= 0 and (at < 0 or i < at):
            at = i
    return at


_FIRSTS: dict[int, tuple[re.Pattern, tuple[str, ...] | None]] = {}  # keyed by identity (hashing a pattern hashes its code)


def _first_chars(rx: re.Pattern) -> tuple[str, ...] | None:
    """The lower-cased characters a match of ``rx`` can start with (see rx_prefix), when known
    and few (else None: a search from the first of many would save little)."""
    from re import _parser

    from patlit.extract import rx_prefix

    try:
        chars, nullable = rx_prefix._first_seq(_parser.parse(rx.pattern, rx.flags).data)
    except (rx_prefix._Unknown, re.error, RecursionError):
        return None
    if nullable or not chars or not all(isinstance(c, int) for c in chars):
        return None
    low = {chr(c).lower() for c in chars}
    # ASCII only: no other character folds onto one of them (but the _ODD_FOLD letters, which the caller rules out)
    if len(low) > 4 or not all(c.isascii() or c == "\ue000" for c in low):
        return None
    return tuple(sorted(low))


@lru_cache(maxsize=None)
def _last_key_rx(keys: frozenset[str]) -> re.Pattern:
    """Matches up to where the last of ``keys`` starts (``max(map(low.rfind, keys))`` in one pass:
    the greedy ``.*`` gives back one character at a time from the end until a key follows)."""
    by_first: dict[str, list[str]] = {}
    for k in sorted(keys):
        by_first.setdefault(k[0], []).append(re.escape(k[1:]))
    # one branch per first letter (the engine skips a branch whose first literal differs at once)
    alts = "|".join(re.escape(c) + "(?:" + "|".join(rest) + ")" for c, rest in by_first.items())
    return re.compile("(?s:.*)(?=" + alts + ")")


class _Places:
    """The starts of a ``finditer``, read only as far as asked (a party, pronoun or action noun
    after the last trigger word of every frame tried is never needed, so the scan stops early)."""

    __slots__ = ("it", "got")

    def __init__(self, it):
        self.it, self.got = it, []

    def upto(self, last: int) -> list[int]:
        """The starts read so far, extended until one lies beyond ``last`` (or none is left)."""
        got = self.got
        if self.it is not None and (not got or got[-1] <= last):
            for m in self.it:
                got.append(m.start())
                if got[-1] > last:
                    break
            else:
                self.it = None
        return got


def _resolve(st: _Sent, sents: list[_Sent], grp: str, pos: int, topic: list[str], exclude: tuple[str, ...] = (),
             prior: list | None = None) -> list[str]:
    """Names in a slot; pronouns and "the company" resolved from the sentence or before."""
    names = st.names(grp)
    if names:
        return names
    low = grp.lower()
    if prior and low in ("it", "they", "he", "she", "their"):
        # "It sued A in Texas, and it has filed suits against B": the same subject
        same = [n for n in prior[-1].claimants if n not in exclude]
        if same:
            return same
    if low in ("its", "their") and not any(_abs_pos(st, s) < pos for s, e, n in st.ents):
        # "In its petitions, X argues ...": the possessor named right after
        after = [n for s, e, n in st.ents if n not in exclude]
        if after:
            return after[:1]
    if _GROUP_RX.fullmatch(low):
        return _named_group(st, sents, pos, topic, exclude) or _sued_before(
            prior or [a for a in getattr(sents, "found", ()) if st.index - 2 <= a.sentence < st.index], low, exclude)  # never one party named nearby
    if low.startswith("the ") or low in ("it", "he", "she", "they", "its", "their", "them", "him", "her"):
        # nearest name before the pronoun in this sentence, not excluded
        for s, e, n in reversed(st.ents):
            if _abs_pos(st, s) < pos and n not in exclude:
                return [n]
        for t in topic:
            if t not in exclude:
                return [t]
        for prev in reversed(sents[max(0, st.index - 3):st.index]):
            for s, e, n in prev.ents:
                if n not in exclude:
                    return [n]
    return []


def _abs_pos(st: _Sent, doc_start: int) -> int:
    if st.at is not None:
        return st.at.get(doc_start, 0)  # mentions never share a start: one placeholder each
    for k, d in enumerate(st.docs):
        if d == doc_start and st.is_ent[k] >= 0:
            return st.cuts[k]
    return 0


def _kind(g: Grammar, default: str | None, *texts: str) -> str | None:
    """The first kind (in kind_cues order) whose cue words occur in ``texts`` (one pass)."""
    blob = " ".join(t for t in texts if t)
    if "Appeal" in blob:
        blob = _APPEAL_BOARD.sub("Board", blob)  # "Patent Trial and Appeal Board" names an office, not an appeal
    if blob.isascii() or not _ODD_FOLD.search(blob):
        # lower-cased, the text matches the cues as it does ignoring case (see _ODD_FOLD)
        names = g.kind_groups
        seen = {names[m.lastgroup] for m in g.kind_low.finditer(blob.lower())}
    else:
        seen = {int(m.lastgroup[1:]) for m in g.kind_any.finditer(blob)}
    if not seen:
        return default
    return g.kind_cues[min(seen)][0]


_APPEAL_BOARD = re.compile(r"\bTrial\s+(?:and|&)\s+Appeals?\s+Board\b|\bBoard\s+of\s+Patent\s+Appeals\b")
_OWNER_WORDS = ("patent", "owned", "held", "belong", "owner", "assigned")


def _owners(st: _Sent, g: Grammar, text: str) -> list[str]:
    if "\ue000" not in text:
        return []  # every owner phrase names its owner ({O}: a party placeholder)
    low = text.lower()
    if not any(map(low.__contains__, _OWNER_WORDS)):
        return []
    exact = not st.odd and len(low) == len(text)  # the text is cut from the sentence
    for rx in g.owners:
        found = _low_finditer(rx, text, low) if exact else None
        m = rx.search(text) if found is None else next(found, None)
        if m:
            return st.names(text[m.start("o"):m.end("o")])
    return []


def _lower_form(rx: re.Pattern) -> tuple[re.Pattern, bool] | None:
    """``rx`` (ignoring case) for the text lower-cased (no _ODD_FOLD letter, offset for offset), when
    it reads the same there: no upper-case letter, inline flag or cased non-ASCII character in it.
    Read without IGNORECASE (and without the look-ahead of with_first_chars) the engine scans for
    its first characters itself instead of trying every place. With it: whether a match must also
    start a word (``rx`` opens with ``\\b``, left out so that the form opens with its letters).
    None when it would not be exact or faster."""
    hit = _LOWER_FORMS.get(id(rx))
    if hit is None or hit[0] is not rx:
        hit = _LOWER_FORMS[id(rx)] = (rx, _make_lower_form(rx))
    return hit[1]


def _low_finditer(rx: re.Pattern, text: str, low: str):
    """``rx.finditer(text)`` read on ``low`` (``text`` lower-cased offset for offset, without
    _ODD_FOLD letters) by its lower-case form: the same places and groups; None without one."""
    form = _lower_form(rx)
    if form is None:
        return None
    rx_low, bounded = form
    return _word_starts(rx_low, text, low) if bounded else rx_low.finditer(low)


def _word_starts(rx_low: re.Pattern, text: str, low: str):
    """The matches of ``\\b`` + ``rx_low`` (whose matches open with a letter): those not after a word character."""
    pos = 0
    while True:
        m = rx_low.search(low, pos)
        if m is None:
            return
        p = m.start()
        if p and (text[p - 1].isalnum() or text[p - 1] == "_"):  # \w: no word boundary here
            pos = p + 1
            continue
        yield m
        pos = m.end()


_LOWER_FORMS: dict[int, tuple[re.Pattern, tuple[re.Pattern, bool] | None]] = {}  # keyed by identity (hashing a pattern hashes its code)
_FIRST_CHARS_WRAP = re.compile(r"\(\?=\[[^\]]*\]\)\(\?:(.*)\)", re.S)  # what with_first_chars puts around a pattern


def _word_start_rest(pat: str, flags: int) -> str | None:
    """``pat`` without the "\b" that opens it (or each of its choices), when every match opens with a
    letter (so "\b" there is "no word character before"); else None."""
    from re import _constants, _parser

    from patlit.extract import rx_prefix

    items = _parser.parse(pat, flags).data
    if not (pat.startswith("\\b") and items[0] == (_constants.AT, _constants.AT_BOUNDARY)):
        return None
    alts = _split_top(pat)
    if len(alts) > 1:
        # "\ba|\bb": the parser took the "\b" out of the choices; each piece must be one of them
        # (and compile: a piece cut at a "|" inside a class would not)
        if not (len(items) == 2 and items[1][0] is _constants.BRANCH and len(items[1][1][1]) == len(alts)
                and all(a.startswith("\\b") and re.compile(a, flags) for a in alts)):
            return None
        rest = "|".join(a[2:] for a in alts)
    else:
        rest = pat[2:]
    firsts, nullable = rx_prefix._first_seq(_parser.parse(rest, flags).data)
    if nullable or not all(isinstance(c, int) and chr(c).isascii() and chr(c).isalpha() for c in firsts):
        return None
    return rest


def _cased_finditer(rx: re.Pattern, text: str):
    """``rx.finditer(text)`` for a case-sensitive ``rx``: without the "\b" that opens it, when the
    engine can then scan for its first letters itself (see _word_start_rest, _word_starts)."""
    hit = _WORD_START_FORMS.get(id(rx))
    if hit is None or hit[0] is not rx:
        hit = _WORD_START_FORMS[id(rx)] = (rx, _make_word_start_form(rx))
    return rx.finditer(text) if hit[1] is None else _word_starts(hit[1], text, text)


_WORD_START_FORMS: dict[int, tuple[re.Pattern, re.Pattern | None]] = {}  # keyed by identity


def _make_word_start_form(rx: re.Pattern) -> re.Pattern | None:
    from re import _parser

    from patlit.extract import rx_prefix

    if not isinstance(rx.pattern, str) or rx.flags & re.IGNORECASE:
        return None
    try:
        rest = _word_start_rest(rx.pattern, rx.flags)
        if rest is None or not rx_prefix._engine_scans(_parser.parse(rest, rx.flags).data):
            return None
        out = re.compile(rest, rx.flags)
    except (re.error, rx_prefix._Unknown, RecursionError):
        return None
    return out if out.groupindex == rx.groupindex else None


def _make_lower_form(rx: re.Pattern) -> tuple[re.Pattern, bool] | None:
    if not isinstance(rx.pattern, str) or not rx.flags & re.IGNORECASE:
        return None
    wrapped = _FIRST_CHARS_WRAP.fullmatch(rx.pattern)
    pat = wrapped.group(1) if wrapped else rx.pattern
    # escapes (\s, \W, \b ...) and group names keep their meaning
    bare = re.sub(r"\(\?P<\w+>", "(", re.sub(r"\\.", "", pat))
    if re.search(r"[A-Z]|\(\?[a-zA-Z-]", bare) or any(not c.isascii() and c.lower() != c.upper() for c in bare):
        return None
    from re import _parser

    from patlit.extract import rx_prefix

    flags = rx.flags & ~re.IGNORECASE
    try:
        if wrapped and with_first_chars(re.compile(pat, rx.flags)).pattern != rx.pattern:
            return None  # the look-ahead was not with_first_chars' own
        rest = _word_start_rest(pat, flags)
        bounded = rest is not None
        if bounded:
            pat = rest
        if not rx_prefix._engine_scans(_parser.parse(pat, flags).data):
            return None  # tried at every place either way: no faster
        out = re.compile(pat, flags)
    except (re.error, rx_prefix._Unknown, RecursionError):
        return None
    return (out, bounded) if out.groupindex == rx.groupindex else None


# a reporter citation after a caption ("550 U.S. 398", "415 F.3d 1303") and citation signals before it
_REPORTER = re.compile(r",?\s*(?:\d+\s+(?:U\.\s?S\.|F\.(?:\s?\d?d|\s?Supp\.?(?:\s?\d?d)?)|S\.\s?Ct\.|USPQ|L\.\s?Ed\.)|\[\d{4}\]\s+[A-Z])")
_SIGNAL = re.compile(r"\b(?:see(?:\s+also)?|cf\.?|citing|quoting|under|accord|e\.g\.,?)\s*$", re.I)
_DECLARE_NONINF = re.compile(r"declar\w*\s+(?:that\s+)?[^;]{0,60}?\b(?:not|non-?)\s*infring|invalid", re.I)
_ASKED_WORDS = r"seek\w*|sought|request\w*|ask\w*\s+for|asks?|wants?|to\s+obtain|moved\s+for|motion\s+for|hopes?\s+to|would|will|could|may(?<!in may)(?<!last may)(?<!of may)(?!\s+\d)"
_ASKED = with_first_chars(re.compile(r"\b(?:" + _ASKED_WORDS + r")\b[^.;]{0,120}$", re.I))
_ASKED_LOW = re.compile(_led(_split_top(_ASKED_WORDS), after=r"\b[^.;]{0,120}$"))  # for the lower-cased sentence
_DEFINITE = re.compile(r"\b(?:the|this|that)\s+(?:[\w\-]+\s+)?$", re.I)
_NO_FILING = re.compile(r"\s*(?:no|none|neither|never)\b", re.I)
_REPORTED_WORDS = ["said", "says", "announced", "stated", "noted", "added", "confirmed", "revealed", "disclosed"]
_REPORTED = with_first_chars(re.compile(r"\b(?:" + "|".join(_REPORTED_WORDS) + r")\s+(?:that\s+)?$", re.I))
_REPORTED_LOW = re.compile(_led(_REPORTED_WORDS, after=r"\s+(?:that\s+)?$"))  # for the lower-cased sentence
_INTENT = with_first_chars(re.compile(
    r"\b(?:would|will|could|may|might|plans?\s+to|planning\s+to|intends?\s+to|threatened\s+to|threatens\s+to|vowed\s+to|"
    r"vows\s+to|is\s+considering|considers|expects?\s+to|wants?\s+to|refused\s+to|declined\s+to|did\s+not|does\s+not|has\s+not|never)\b",
    re.I,
))


def _build(ctx, st: _Sent, sents, g: Grammar, fr: Frame, m: re.Match, topic, prior) -> list[Action] | None:
    gd = m.groupdict()
    text = st.text
    if gd.get("np") and _NO_FILING.match(gd["np"]):
        return None  # "filed no affidavit", "brought no claim"
    if fr.anchored and gd.get("v") and fr.frame not in ("verdict", "pair", "caption"):
        # "X said it would appeal", "X plans to sue Y": an intention, not a filing
        slot = "c" if gd.get("c") and m.start("c") < m.start("v") else ("r" if gd.get("r") and m.start("r") < m.start("v") else None)
        if slot:
            gap = text[m.end(slot):m.start("v")]
            cut = max(gap.rfind(" but "), gap.rfind(" and "))
            if _INTENT.search(gap[cut + 1:] if cut >= 0 else gap):
                return None
    v_start = m.start("v") if gd.get("v") else m.start()
    v_end = m.end("v") if gd.get("v") else m.end()
    np = (gd.get("np") or "") + " " + (gd.get("n") or "")
    if gd.get("n") and "np" not in m.re.groupindex:
        # up to four modifier words before a noun-first frame's noun
        before = _NP_BEFORE.search(text, max(0, m.start("n") - 60), m.start("n"))
        np = (before.group() if before else "") + " " + gd["n"]
    tail = gd.get("tail") or ""
    rest = text[m.end(): m.end() + 200]
    outcome = None
    undirected = False
    kind = fr.kind
    mode = fr.mode
    claimants: list[str] = []
    respondents: list[str] = []

    if fr.frame in ("verdict",):
        r_grp = gd.get("r") or ""
        # "ordered X to pay Y ... after finding that the networking giant infringed": a descriptor is
        # not the party this sentence already has paid
        paid = tuple(n for a in prior for n in a.claimants if a.sentence == st.index)
        respondents = _resolve(st, sents, r_grp, m.start("r"), topic, exclude=paid)
        if gd.get("c") or gd.get("c3"):
            claimants = st.names(gd.get("c") or gd["c3"])  # "... to pay C ..." / "to pay $X to C"
        else:
            claimants = [n for n in _owners(st, g, text[m.start():]) if n not in respondents]
        neg = gd.get("neg") or ""
        if kind == "infringement" and g.itc_cue.search(text):
            kind = "itc_investigation"  # "In that ITC investigation, the commission found that ..."
        if fr.sub in ("found", "found_to"):
            outcome = "respondent_won" if _NEG.search(neg) else "claimant_won"
        elif fr.sub == "won_verdict" and gd.get("c2"):
            claimants = st.names(gd["c2"])  # "X won a verdict for its client C against R"
            outcome = "claimant_won"
        elif fr.sub == "won_verdict" and (gd.get("n") or "").lower() in ("order", "injunction", "decision"):
            outcome = None  # an interim order or injunction does not end the case
        else:
            outcome = "claimant_won"
        if not respondents:
            return None
    elif fr.frame == "pair" and fr.sub == "two_fight":
        # "... while the two fight over SEP infringement": the last two parties named before
        before = []
        for s0, e0, n0 in reversed(st.ents):
            if _abs_pos(st, s0) < m.start() and n0 not in before:
                before.append(n0)
        if len(before) < 2:
            return None
        s_doc, e_doc = st.doc_offset(m.start()), st.doc_end(m.end())
        return [
            Action(s_doc, e_doc, ctx.text[s_doc:e_doc], "infringement", (before[1],), (before[0],), st.index, None,
                   mode="reference", undirected=True, scope=_scope(ctx, st))
        ]
    elif fr.frame == "pair":
        w, o = st.names(gd["w"]), st.names(gd["o"])
        if not w or not o:
            return None
        a = Action(
            st.doc_offset(m.start()), st.doc_end(m.end()), ctx.text[st.doc_offset(m.start()):st.doc_end(m.end())],
            kind or "infringement", tuple(o), tuple(w), st.index, None, mode="reference", undirected=True,
            winner=w[0], scope=_scope(ctx, st),
        )
        return [a]
    elif fr.frame == "by_defendant":
        # "drafting a petition for inter partes review ...": the accused infringer's, named before
        s_doc, e_doc = st.doc_offset(m.start("n")), st.doc_end(m.end())
        return [
            Action(
                s_doc, e_doc, ctx.text[s_doc:e_doc], "invalidation", (), (), st.index, None, mode="filing",
                scope=_scope(ctx, st), by_defendant=True, reexam=bool(g.reexam.search(m.group())),
                ptab=bool(g.ptab.search(m.group())),
            )
        ]
    elif fr.frame == "caption":
        if _REPORTER.match(text, m.end()) or _SIGNAL.search(text, max(0, m.start() - 12), m.start()):
            return None  # case law cited as authority: "See Phillips v. AWH Corp., 415 F.3d 1303"
        if fr.sub == "caption_head" and st.start > 0 and ctx.text[st.start - 1] != "\n":
            return None  # a heading caption opens a line
        claimants, respondents = st.names(gd["c"]), st.names(gd["r"])
        kind = _kind(g, "infringement", gd.get("n") or "", text)
        if kind == "appeal":
            kind = "infringement"
        if fr.sub == "caption_head" and _PTAB_NUMBER.match(text, m.end()):
            kind = "invalidation"  # "Petitioner v. Patent Owner, IPR2023-00123": the trial itself, petitioner first
    else:
        c_grp = gd.get("c") or gd.get("c2") or ""
        c_pos = m.start("c") if gd.get("c") else (m.start("c2") if gd.get("c2") else m.start())
        # "It sued Apple": a subject pronoun is not the party first named after it in its sentence
        later = () if c_grp.lower() in ("its", "their") else _named_after(st, c_pos)
        claimants = _company_term(sents, st, c_grp, _resolve(st, sents, c_grp, c_pos, topic, exclude=later, prior=prior))
        if fr.sub in ("passive_topic", "also_named", "respondents_were"):
            # "A second suit, against Y, is being filed in ...": the claimant of the story
            claimants = [t for t in (prior[-1].claimants if prior else topic) if t not in st.names(gd.get("r") or "")]
        if gd.get("r"):
            respondents = _company_term(sents, st, gd["r"], _resolve(st, sents, gd["r"], m.start("r"), topic, exclude=tuple(claimants)),
                                        text[m.end("r"):m.end("r") + 120])
        if gd.get("o"):
            respondents = st.names(gd["o"])
        if fr.sub == "also_named":
            respondents = _also_named(st, sents, claimants, respondents)
        if fr.frame == "accuse" and (gd.get("r") or "").lower() == "them" and len(claimants) > 1 and gd.get("c") \
                and _JUST_COMMA.fullmatch(text, m.end("c"), m.start("v")) \
                and (gd["c"].rstrip().endswith(",") or "," in text[m.end("c"):m.start("v")]):
            # "X went after A, B and C, accusing them of ...": "them" are the companies just listed
            respondents = claimants
            before = [n for s0, _, n in st.ents if _abs_pos(st, s0) < m.start("c") and n not in respondents]
            claimants = before[:1] or [t for t in (prior[-1].claimants if prior else topic) if t not in respondents]
        # kind
        if fr.sub in ("ask_court", "ask_court_decision"):
            kind = "declaratory_judgment" if _DECLARE_NONINF.search(tail) else "other"
            if not _low_search(g.other_low, g.other_cues, tail) and kind == "other" and not re.search(r"rate|terms|licen", tail, re.I):
                return None
        elif fr.frame in ("noun", "withdraw", "hit_with", "face", "have_noun"):
            nk = g.noun_kind.get(_SPACES.sub(" ", (gd.get("n") or "").lower()))
            kind = _kind(g, None, np, tail) or nk or fr.kind
            if kind is None:
                # the sentence's cue words, from the last full stop before the trigger (the splitter
                # keeps "... patents. eVolt has also filed ..." together)
                kind = _kind(g, None, text[_clause_start(text, m.start()):]) or "infringement"
                if kind == "appeal":
                    kind = "infringement"
                # "the case X brought against Y" in a report on ITC investigations (a lawsuit is a court's)
                if kind == "infringement" and (gd.get("n") or "").lower() in ("case", "cases", "proceeding", "proceedings", "matter"):
                    near = _raw_window(ctx, st.index, 2, 0)
                    if g.itc_cue.search(near):
                        kind = "itc_investigation"
            if _SIMILAR.search(np) and (gd.get("n") or "").lower() in _GENERIC_ACTION_NOUNS and not _kind(g, None, np):
                # "SAP filed a similar action against DataTern": the kind of the action just told
                # (a "parallel suit" beside an ITC complaint is still a court suit)
                told = [a for a in getattr(sents, "found", ()) if a.kind not in ("appeal", "itc_investigation") and a.sentence < st.index]
                kind = told[-1].kind if told else kind
        elif fr.frame == "request":
            kind = "invalidation"
        elif fr.frame in ("against", "accuse", "allege", "direct", "to_court"):
            kind = _kind(g, None, np, tail) if fr.frame in ("accuse", "against") else kind
            kind = kind or fr.kind
        # non-patent actions joined to a patent fight
        if kind in ("infringement", "declaratory_judgment") and not _INFRING.search(np) and not _PATENT_SUIT.search(np) and not (
            kind == "infringement" and (_INFRING.search(tail) or _INFRING.search(text[m.end():m.end() + 120]))
        ):
            clause_rest = _CLAUSE_END.split(rest[:120], maxsplit=1)[0]
            window = np + " " + tail + " " + clause_rest if kind == "infringement" else text
            if _low_search(g.other_low, g.other_cues, window):
                kind = "other"
        if fr.sub == "affirmed_then_review":
            outcome = "respondent_won"
        if fr.frame == "withdraw":
            outcome = "withdrawn"
            if kind is None:
                return None
        if kind in ("invalidation",) and not respondents:
            respondents = [n for n in _owners(st, g, text[v_start:]) if n not in claimants]
            if not respondents and st.index > 0:
                prev = sents[st.index - 1]
                if prev.owned is None:
                    prev.owned = _owners(prev, g, prev.text)
                respondents = [n for n in prev.owned if n not in claimants]
        if fr.frame == "attack" and not respondents and not re.search(r"\bthe\s+patents?\b|nullity|revocation|invalid|inter\s+partes|\bIPR|\bPTAB\b", text[v_start:], re.I):
            return None
        if fr.frame in ("noun",) and fr.sub in ("active_open", "relative_open", "passive") and not respondents and kind != "invalidation":
            # "filed a patent lawsuit ..., on the ground that R infringed": the other party named after
            after = _named_before_tribunal(st, text, v_end, claimants)
            if after and fr.mode == "filing" and fr.sub == "active_open":
                respondents = _listed_with_first(st, text, v_end, claimants) or after[:1]
            elif fr.sub == "active_open" and gd.get("tail") and "against" in gd["tail"]:
                # "filed ten actions against the carmaker in March": the open match ran past a descriptor
                ag = _AGAINST_DESC.search(gd["tail"])
                if ag is not None:
                    respondents = _resolve(st, sents, ag.group("r"), m.start("tail") + ag.start("r"), topic,
                                           exclude=tuple(claimants), prior=prior)
    if gd.get("c") and gd.get("v") and prior and claimants and _AND_THEN.search(text, m.end("c"), m.start("v")):
        # "X sued Y in 2017 and later filed ...": Y is the object of the verb before, X the subject of both
        before = [a for a in prior if a.sentence == st.index and a.claimants and set(a.respondents) == set(claimants)]
        if before:
            respondents = [r for r in respondents if r not in before[-1].claimants]
            claimants = list(before[-1].claimants)
    if fr.id == "possessive" and gd.get("c2") and _FILED_BEFORE.search(text, max(0, m.start() - 30), m.start()):
        return None  # "it filed its own lawsuit in ...": the filing verb's frame reads the noun
    if fr.id == "possessive" and gd.get("c2") and _RESPONDED_WITH.search(text, max(0, m.start() - 60), m.start()):
        mode = "filing"  # "X responded in June 2020 with its own action against Y": the filing, dated
    if gd.get("c") and _AS_DEFENDANTS.match(text, m.end("c")):
        return None  # "naming A and B as defendants and asserting ...": A and B are not the ones asserting
    if not claimants and not (fr.frame == "verdict" and respondents):
        return None
    if set(claimants) & set(respondents):
        respondents = [r for r in respondents if r not in claimants]
    if gd.get("c") and gd.get("v") and gd["v"].lower().endswith("ing") and m.end("c") <= m.start("v"):
        # "X opened new fronts in its dispute with Y, filing suits ...": the participle's subject is X
        if "," in text[m.end("c"):m.start("v")] and st.ents and st.ents[0][2] not in claimants:
            first = st.ents[0][2]
            if _abs_pos(st, st.ents[0][0]) < m.start("c"):
                respondents = [r for r in (respondents or claimants) if r != first] or respondents
                claimants = [first]
    if mode == "filing" and gd.get("c") and (_REPORTED.search(text, 0, m.start("c")) if st.odd else _REPORTED_LOW.search(st.low, 0, m.start("c"))) and not st.names(gd["c"]):
        # "At a news conference on May 11, X said it had lodged ...": the date is the saying's
        mode = "reference"
    s_doc = st.doc_offset(v_start)
    e_doc = st.doc_end(v_end)
    acts = [
        Action(
            s_doc, e_doc, ctx.text[s_doc:e_doc], kind, tuple(claimants), tuple(respondents), st.index, outcome,
            mode=mode, undirected=undirected, scope=_scope(ctx, st),
            forum_hint="scotus" if fr.sub == "certiorari" else "cafc" if fr.sub == "affirmed_then_review" else None,
            definite=fr.frame == "noun" and fr.sub in ("passive", "passive_against") and bool(gd.get("n"))
            and bool(_DEFINITE.search(text, max(0, m.start("n") - 12), m.start("n"))),
            # a heading caption only confirms a suit told in the text (its order may be appellant v. appellee)
            merge_only=(fr.sub == "possessive_open" and kind not in ("appeal", "invalidation")) or (fr.sub == "caption_head" and kind != "invalidation"),
            reexam=_may_reexam(st, g) and (bool(g.reexam.search(np + " " + tail)) or bool(g.reexam.search(text[v_start:v_start + 160]))),
            ptab=_ptab_possible(ctx, g) and (_ptab_near(ctx, g, st.index) or (_may_ptab(st, g) and bool(g.ptab.search(np + " " + tail)))),
        )
    ]
    if fr.sub == "won_relative" and claimants and respondents:
        # "the Federal Circuit reversed a judgment ... that C had won against R": R's appeal, decided
        rev = _APPEAL_DECIDED.search(text, 0, m.start())
        if rev is not None:
            won = "respondent_won" if rev.group("v").lower() in ("affirmed", "upheld") else "claimant_won"
            acts.append(Action(s_doc, e_doc, ctx.text[s_doc:e_doc], "appeal", tuple(respondents), tuple(claimants), st.index, won,
                               mode="reference", scope=_scope(ctx, st), forum_hint="cafc" if "ederal" in rev.group("c") else None))
    # "two suits against A, ... and one against B": a second respondent group
    if respondents and fr.sub in ("active",) and fr.frame in ("noun",):
        for mm in _AND_ONE.finditer(text, m.end()):
            more = [n for n in st.names(mm.group("r2")) if n not in claimants]
            if more:
                acts.append(Action(s_doc, e_doc, ctx.text[s_doc:e_doc], kind, tuple(claimants), tuple(more), st.index, outcome, mode=mode, scope=_scope(ctx, st)))
    return acts


#: "against the carmaker", "against the two rivals" in the tail of an open noun frame
_AGAINST_DESC = re.compile(rf"^[^,;]{{0,40}}?\bagainst\s+(?P<r>{_DESCRIPTOR}|{_GROUP})\b", re.I)
#: a coordination between a slot's name and its verb: the name is the object of the verb before
_AND_THEN = re.compile(r"\s(?:and|but)\s+(?:then\s+|later\s+|also\s+|subsequently\s+)?$")
_RESPONDED_WITH = re.compile(r"\b(?:responded|retaliated|countered|answered|replied|hit\s+back|struck\s+back)\b[^.;\ue000]{0,40}?\bwith\s+$")
#: a filing verb right before "its"/"their" + action noun
_FILED_BEFORE = re.compile(r"\b(?:filed|files|brought|brings|launched|lodged|started|commenced|initiated|submitted)\s+$", re.I)
#: a PTAB trial number right after a heading caption
_PTAB_NUMBER = re.compile(r"\s*,?\s*(?:IPR|PGR|CBM)\s?\d{4}\s?-\s?\d{5,6}\b")
# an appeal court deciding on a judgment named after it
_APPEAL_DECIDED = re.compile(
    r"(?P<c>Federal\s+Circuit|Courts?\s+of\s+Appeals?|appeals?\s+court|appellate\s+court)\b[^;\ue000]{0,40}?\b"
    r"(?P<v>reversed|vacated|overturned|set\s+aside|wiped\s+out|threw\s+out|affirmed|upheld)\b", re.I)
_THE_COMPANY = re.compile(r"\b[Tt]he\s+Company\b")  # capitalised mid-sentence: a term the document defined
_COMPANY_DEFINED = re.compile(r"\(\s*(?:the\s+)?[\"“]Company[\"”]")


def _defined_company(sents: _Sents) -> str | None:
    """The party a filing defines as the "Company" ('BeiGene, Ltd. (the "Company")'), read once."""
    if "company" not in sents.__dict__:
        name = None
        text = sents.ctx.text
        m = _COMPANY_DEFINED.search(text) if "Company" in text else None
        if m is not None:
            for spans in sents.per:
                for _s, e, n in spans:
                    if e <= m.start() and m.start() - e <= 3:
                        name = n
        sents.company = name
    return sents.company


def _company_term(sents: _Sents, st: _Sent, grp: str, resolved: list[str], after: str = "") -> list[str]:
    """"against the Company and its subsidiary, X" in an announcement: the defined Company, then
    the names the slot holds or its subsidiaries named right after it (never the nearest name
    before, which a plain "the company" takes)."""
    if "Company" not in grp or not _THE_COMPANY.search(grp):
        return resolved
    company = _defined_company(sents)
    if company is None:
        return resolved
    more = st.names(grp)
    units = _ITS_UNITS.match(after)
    if units is not None:
        more += st.names(units.group("r"))
    return list(dict.fromkeys([company] + more))


# ", and its wholly-owned subsidiary, X": affiliates named right after a slot
_ITS_UNITS = re.compile(
    r"\s*,?\s+(?:and|together\s+with)\s+its\s+(?:[\w\-]+\s+){0,3}?(?:subsidiar\w*|units?|affiliates?)\s*,?\s*"
    rf"(?P<r>{ENT}(?:\s*,\s*{ENT})*(?:\s*,?\s*and\s+{ENT})?)"
)


_GENERIC_ACTION_NOUNS = frozenset({"action", "actions", "complaint", "complaints", "case", "cases", "proceeding", "proceedings",
                                   "claim", "claims", "petition", "petitions", "request", "requests", "challenge", "challenges"})
_SIMILAR = re.compile(r"\b(?:similar|parallel|identical|mirror(?:-image)?|comparable|same kind of)\b", re.I)
_JUST_COMMA = re.compile(r"\s*,?\s*(?:(?:also|then|later)\s+)?")


_GROUP_SRC = re.compile(rf"\b(?:against|sued|sues|suing|accused|accuses)\s+{DESC}(?P<r>{ELIST})", re.I)


def _sued_before(prior: list | None, low: str, exclude: tuple[str, ...]) -> list[str]:
    """"The defendants answered with a counterclaim": the respondents of the action just told."""
    if not prior or not ("defendants" in low or "respondents" in low):
        return []
    return [n for n in prior[-1].respondents if n not in exclude]


def _named_group(st: _Sent, sents, pos: int, topic: list[str], exclude: tuple[str, ...]) -> list[str]:
    """"The two device makers appealed": the latest list of two or more parties sued or acted against
    ("sued A and B", "against A and B") in this sentence before ``pos`` or up to three sentences before,
    besides the story's claimants."""
    skip = set(topic) | set(exclude)
    for p, end in [(st, pos)] + [(p, len(p.text)) for p in reversed(sents[max(0, st.index - 3):st.index])]:
        for m in reversed(list(_GROUP_SRC.finditer(p.text, 0, end))):
            group = [n for n in p.names(m.group("r")) if n not in skip]
            if len(group) >= 2:
                return group
    return []


def _named_after(st: _Sent, pos: int) -> tuple[str, ...]:
    """The first party a sentence names after position ``pos`` (and not before it): the object of the verb."""
    at = st.at
    if at is None:
        before = {n for s, _e, n in st.ents if _abs_pos(st, s) < pos}
        after = [n for s, _e, n in st.ents if n not in before and _abs_pos(st, s) > pos]
        return tuple(after[:1])
    before = {n for s, _e, n in st.ents if at[s] < pos}
    for s, _e, n in st.ents:
        if at[s] > pos and n not in before:
            return (n,)
    return ()


def _also_named(st: _Sent, sents, claimants: list[str], named: list[str]) -> list[str]:
    """"The complaint also named R2": the defendants of the sentence before come first (the suit just told)."""
    if st.index == 0:
        return named
    before = [n for _, _, n in sents[st.index - 1].ents if n not in claimants and n not in named]
    return list(dict.fromkeys(before + named))


def _named_before_tribunal(st: _Sent, text: str, v_end: int, claimants: list[str]) -> list[str]:
    """The parties named after the verb, up to the first one that is a tribunal ("before the <agency>"),
    without places ("in Peru")."""
    out = []
    for s, _e, n in st.ents:
        p = _abs_pos(st, s)
        if p <= v_end or n in claimants:
            continue
        if _BEFORE_TRIBUNAL.search(text, max(0, p - 12), p):
            break
        if _IN_PLACE.search(text, max(0, p - 4), p):
            continue  # "launched actions in Peru": a place
        if _PART_OF.search(text, max(0, p - 12), p):
            continue  # "imports of phones built with Intel modems": a supplier of a part
        out.append(n)
    return out


_LIST_JOIN = re.compile(r"\s*(?:\([^()]{0,80}\)\s*)?(?:,\s*(?:and\s+)?|,?\s*\band\s+)")
_IN_BRACKET = re.compile(r"\s*\([^()]{0,80}")


def _listed_with_first(st: _Sent, text: str, v_end: int, claimants: list[str]) -> list[str]:
    """The first party named after the verb and those listed with it ("A, B (together, "B") and C")."""
    out: list[str] = []
    last = -1
    for s, _e, n in st.ents:
        p = _abs_pos(st, s)
        if p <= v_end or n in claimants:
            continue
        if out and _IN_BRACKET.fullmatch(text, last, p):
            continue  # a form of the name in brackets after it
        if out and not (last >= 0 and _LIST_JOIN.fullmatch(text, last, p)):
            break
        if not out and (_BEFORE_TRIBUNAL.search(text, max(0, p - 12), p) or _IN_PLACE.search(text, max(0, p - 4), p)
                        or _PART_OF.search(text, max(0, p - 12), p)):
            return []
        if n not in out:
            out.append(n)
        last = text.find("\ue001", p) + 1
    return out


# "launched actions in Colombia, before the <agency>": a name right after "before the" is a tribunal
_BEFORE_TRIBUNAL = re.compile(r"\bbefore\s+(?:the\s+)?$", re.I)
_IN_PLACE = re.compile(r"\bin\s+$")
_PART_OF = re.compile(r"\b(?:with|using|containing|featuring)\s+$")
_AS_DEFENDANTS = re.compile(r"\s+as\s+(?:co-)?(?:defendants?|respondents?)\b", re.I)


def _clause_start(text: str, pos: int) -> int:
    """Start of the clause holding ``pos``: after the last full stop or ", and"/";" before it."""
    cut = text.rfind(". ", 0, pos) + 1
    for m in _CLAUSE_END.finditer(text, cut, pos):
        cut = m.end()
    return cut


_PTAB_SEEN = "_patlit_en_ptab"


def _ptab_possible(ctx: Context, g: Grammar) -> bool:
    """Whether every word of some PTAB cue occurs in the document (else no text cut from it holds one)."""
    seen = getattr(ctx, _PTAB_SEEN, None)
    if seen is None:
        text = ctx.text
        seen = any(all(map(text.__contains__, cue)) for cue in g.ptab_words)
        setattr(ctx, _PTAB_SEEN, seen)
    return seen


def _may_reexam(st: _Sent, g: Grammar) -> bool:
    """Whether the sentence may hold a reexamination cue (the texts _build tests are cut from it,
    and a one-word cue cannot span the space joining two of them)."""
    return st.odd or not g.reexam_words or any(map(st.low.__contains__, g.reexam_words))


def _may_ptab(st: _Sent, g: Grammar) -> bool:
    """Whether the sentence holds every word of some PTAB cue (a cue found in texts cut from it
    and joined by a space has each of its words inside one of them)."""
    text = st.text
    return any(all(map(text.__contains__, cue)) for cue in g.ptab_words)


def _ptab_near(ctx: Context, g: Grammar, i: int) -> bool:
    """A PTAB cue within two sentences of sentence ``i`` (once per sentence and document)."""
    near = getattr(ctx, _PTAB_NEAR, None)
    if near is None:
        near = {}
        setattr(ctx, _PTAB_NEAR, near)
    hit = near.get(i)
    if hit is None:
        hit = near[i] = bool(g.ptab.search(_raw_window(ctx, i, 2, 2)))
    return hit


_PTAB_NEAR = "_patlit_en_ptab_near"


def _raw_window(ctx: Context, i: int, before: int, after: int) -> str:
    """The document text from ``before`` sentences before sentence ``i`` to ``after`` after it."""
    lo = ctx.sentences[max(0, i - before)][0]
    hi = ctx.sentences[min(len(ctx.sentences) - 1, i + after)][1]
    return ctx.text[lo:hi]


def _scope(ctx: Context, st: _Sent) -> tuple[int, int]:
    return ctx.sentences[st.index]


def _outcomes(ctx: Context, st: _Sent, g: Grammar) -> list[Outcome]:
    out = _outcome_cues(ctx, st, g)
    glob = [o for o in out if o.everywhere]
    if glob:
        # "all pending litigation would be dismissed": the global reading, not a plain dismissal
        out = [o for o in out if o.everywhere or not any(x.start <= o.start and o.end <= x.end for x in glob)]
    return out


def _outcome_cues(ctx: Context, st: _Sent, g: Grammar) -> list[Outcome]:
    out = []
    hit = st.words & g.outcome_keys
    if not hit:
        return out
    # the cues holding one of the sentence's words, in grammar order
    index = g.outcome_index
    picked = sorted({i for w in hit for i in index[w]}) if len(hit) > 1 else index[next(iter(hit))]
    for i in picked:
        kind, rx, keys, only = g.outcomes[i]
        # the same matches (places, and placeholders in the groups) on the lower-cased sentence
        matches = None if st.odd else _low_finditer(rx, st.text, st.low)
        if matches is None:
            first = 0 if st.odd else _first_place(rx, st.low)
            if first < 0:
                continue  # no character a cue can start with
            matches = rx.finditer(st.text, first)
        for m in matches:
            lo = max(_clause_start(st.text, m.start()), m.start() - 140)
            if kind != "reset" and (_ASKED.search(st.text, lo, m.start()) if st.odd else _ASKED_LOW.search(st.low, lo, m.start())):
                continue  # "is seeking an exclusion order": asked for, not obtained
            w = st.names(m.group("w")) if "w" in rx.groupindex and m.group("w") else []
            s = st.doc_offset(m.start())
            e = st.doc_end(m.end())
            oc = kind
            if kind == "global_settled":
                oc = "settled"
            if kind in ("won_by", "lost_by"):
                if not w:
                    continue
                oc = "claimant_won"  # decided against the proceeding's roles in assembly
            out.append(
                Outcome(s, e, ctx.text[s:e], "claimant_won" if kind == "invalid" else oc, st.index,
                        winner=w[0] if w and kind != "lost_by" else None, loser=w[0] if w and kind == "lost_by" else None,
                        reset=(kind == "reset"), only_kind="invalidation" if kind == "invalid" else only,
                        everywhere=(kind == "global_settled"))
            )
    return out
