"""Chinese proceedings grammar: who brought which action against whom, and how it ended.

Triggers, frames, kind cues, outcome wordings and role pairs are data
(``data/proceedings_zh.yaml``). For each trigger the two sides are read from the
party mentions of its sentence (the frames are described in the data file):

* the claimant is the subject: the first party before the trigger that no marker
  makes an object; a clause without a subject continues the previous one
  ("三星对华为发起反诉，在北京…对华为技术有限公司提起…之诉");
* respondents are the parties an object marker introduces (对/向/将/以…为由/针对),
  those right after a verb that takes an object (起诉X), the ones facing it (X遭…),
  else the other parties named before the trigger ("甲认为乙…侵犯其专利权，遂起诉").

Judgments and decisions name the sides by role (上诉人/被上诉人, 原告/被告,
请求人/专利权人); the role pairs give an action anchored at the judgment's case number
of their kind, or when no trigger reports it. Outcomes are found per sentence and set
on an action of a fitting kind in the same sentence (or, for wordings only one kind
can have, on the latest such action shortly before).

What assembly gets (:class:`~patlit.extract.assemble.Action` and ``Outcome``): an
action's span runs from its clause's subject to the trigger, so the forum and date
written between them stay with it; ``mode="reference"`` marks suits named rather than
filed there (a noun phrase, a case name, a restatement, a date only after the verb);
outcomes carry ``only_kind`` (宣告无效 ends invalidations only) and ``loser`` (the
party named in 驳回甲的诉讼请求 / 判令乙赔偿).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from patlit.errors import DataFileError
from patlit.extract.assemble import VALIDITY_FORUMS, Action, Outcome
from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.extract.zh_text import fold, load_yaml, require, string_list
from patlit.extract.parties_zh import role_mentions
from patlit.model import OUTCOMES, PROCEEDING_KINDS, ActionMention, OutcomeMention, Party

DATA = "proceedings_zh.yaml"
FRAMES = ("active", "passive", "adjacent", "verdict", "join", "restate", "roles")
# closing quotes and brackets of an alias between two listed names ("(以下合称“三星”)以及")
_CLOSERS = re.compile(r"\([^()]*\)|[”’\"')]")
# "甲的美国子公司乙", "甲的母公司乙", "甲全资子公司乙" (announcements drop the 的 before 全资/控股)
_SUBSIDIARY_OF = re.compile(r"(?:在[\u4e00-\u9fff]{1,6})?(?:的(?:[\u4e00-\u9fff]{2,4}?)?(?:全资|控股)?|全资|控股)"
                            r"(?:子公司|关联公司|分公司|母公司|控股股东)")
_CJK_ONLY_RE = re.compile(r"[\u3400-\u9fff]+")
_CLAUSE_MARKS = re.compile(r"[(),;:!?。，；：\n]")
_CLAUSE_END = ",;:!?。，；：\n"
# between two triggers of one sentence: a second filing, not the first one restated
_ANOTHER = re.compile(r"再|又|另|随后|此后|之后|后来|\d+\s*月|[一二三四五六七八九十]+月")
_REQUEST_COLON = re.compile(r"(?:请求|要求|诉请)\s*:")
_CASE_LEVEL = re.compile(r"([初终再申])\s*(?:字)?第?\s*\d+\s*号")
_INNER_ROLE = re.compile(r"\(([^()]{2,8})\)")
# a day of a month, as the folded text writes dates
_DATED = re.compile(r"\d{1,2}\s*月\s*\d{1,2}\s*日")
# "及上述子公司", "和前述关联公司": the affiliates named before, as a list's last item
_ABOVE_AFFILIATES = re.compile(r"\s*(?:及|和|以及|、)(?:其)?(?:上述|前述|上列|该等)(?:全资|控股)?(?:子公司|关联公司|公司|被申请人|被告)")
# after a trigger, the rest of a case name that a court decides or hears ("…纠纷两案作出判决")
_DECIDED_CASE = re.compile(r"[^,;:!?。，；：\n]{0,80}?[一二两三四五六七八九十\d]*案(?:件)?(?:作出|进行|公开开庭|开庭|宣判|审结|一审宣判)")
# a clause reporting another suit after a trigger (its own kind cues are its own)
_NEXT_SUIT = re.compile(r"[,;，；][^,;，；。]{0,40}?(?:起诉|提起|诉至|状告|反诉|提告)")
_ALIAS_BRACKET = re.compile(r"\((?:以下|下称|简称|合称|统称|英文)")


@dataclass(frozen=True)
class Trigger:
    id: str
    rx: re.Pattern
    kind: str
    frame: str
    object_after: bool
    opponent_fallback: bool
    outcome: str | None
    examples: tuple[dict, ...]


@dataclass(frozen=True)
class OutcomeRule:
    id: str
    rx: re.Pattern
    outcome: str
    kinds: tuple[str, ...]
    examples: tuple[str, ...]
    names_loser: bool = False
    names_winner: bool = False
    look_back: int = 0


@dataclass(frozen=True)
class Grammar:
    triggers: tuple[Trigger, ...]
    kind_cues: tuple[tuple[str, str], ...]
    object_markers: tuple[str, ...]
    patient_markers: tuple[str, ...]
    conjunctions: tuple[str, ...]
    not_reported: re.Pattern
    hypothetical: re.Pattern
    outcome_not_reported: re.Pattern
    loose_markers: tuple[str, ...]
    respondent_after_cues: tuple[str, ...]
    reference_before: tuple[str, ...]
    reference_after: tuple[str, ...]
    tag_min: int
    tag_mentions: int
    tag_punct: re.Pattern
    role_pairs: tuple[tuple[str, str, str], ...]
    role_pair_examples: tuple[dict, ...]
    outcomes: tuple[OutcomeRule, ...]
    verdict_cues: tuple[str, ...]
    claim_words: tuple[str, ...]
    case_number_kinds: dict[str, str]
    restate_rx: re.Pattern
    patent_in_suit: re.Pattern
    tail_re: re.Pattern
    descriptor_ends: tuple[str, ...]
    statement_kinds: frozenset[str]
    case_backref: re.Pattern
    instance_words: tuple[tuple[str, str], ...]
    role_fallback: dict[str, str]
    claimant_sides: frozenset[str]
    respondent_sides: frozenset[str]
    outcome_reach: int
    lone_kinds: frozenset[str]


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _compile(pattern: object, where: str) -> re.Pattern:
    if not isinstance(pattern, str) or not pattern:
        raise DataFileError(f"{DATA}: {where} needs a non-empty 'pattern'")
    try:
        return re.compile(pattern)
    except re.error as exc:
        raise DataFileError(f"{DATA}: {where} has a bad pattern ({exc})") from exc


def _check_example(ex: object, where: str) -> dict:
    if not isinstance(ex, dict) or not isinstance(ex.get("text"), str) or ex.get("kind") not in PROCEEDING_KINDS:
        raise DataFileError(f"{DATA}: {where}: every example needs 'text' and a valid 'kind'")
    for side in ("claimants", "respondents"):
        if not isinstance(ex.get(side), list) or not ex[side]:
            raise DataFileError(f"{DATA}: {where}: example {ex['text']!r} needs '{side}'")
    return ex


def _case_number_kinds(d: dict) -> dict[str, str]:
    kinds = require(d, "case_number_kinds", dict, DATA)
    if not all(isinstance(k, str) and v in PROCEEDING_KINDS for k, v in kinds.items()):
        raise DataFileError(f"{DATA}: case_number_kinds must map a character to a proceeding kind")
    return kinds


@lru_cache(maxsize=1)
def grammar() -> Grammar:
    """The validated grammar (loaded once)."""
    d = load_yaml(DATA)
    triggers = []
    for i, e in enumerate(require(d, "triggers", list, DATA)):
        where = f"trigger {e.get('id', i)!r}" if isinstance(e, dict) else f"trigger {i}"
        if not isinstance(e, dict) or e.get("kind") not in PROCEEDING_KINDS or e.get("frame") not in FRAMES:
            raise DataFileError(f"{DATA}: {where} needs a kind of {PROCEEDING_KINDS} and a frame of {FRAMES}")
        if e.get("outcome") is not None and e["outcome"] not in OUTCOMES:
            raise DataFileError(f"{DATA}: {where} has an unknown outcome {e['outcome']!r}")
        exs = e.get("examples")
        if not isinstance(exs, list) or not exs:
            raise DataFileError(f"{DATA}: {where} needs examples")
        triggers.append(
            Trigger(
                id=str(e.get("id", i)),
                rx=_compile(e.get("pattern"), where),
                kind=e["kind"],
                frame=e["frame"],
                object_after=bool(e.get("object_after")),
                opponent_fallback=bool(e.get("opponent_fallback")),
                outcome=e.get("outcome"),
                examples=tuple(_check_example(x, where) for x in exs),
            )
        )
    cues = []
    for c in require(d, "kind_cues", list, DATA):
        if not isinstance(c, dict) or not c.get("cue") or c.get("kind") not in PROCEEDING_KINDS:
            raise DataFileError(f"{DATA}: every kind cue needs 'cue' and a valid 'kind'")
        cues.append((str(c["cue"]), c["kind"]))
    outcomes = []
    for i, o in enumerate(require(d, "outcomes", list, DATA)):
        where = f"outcome {o.get('id', i)!r}" if isinstance(o, dict) else f"outcome {i}"
        if not isinstance(o, dict) or o.get("outcome") not in OUTCOMES:
            raise DataFileError(f"{DATA}: {where} needs an outcome of {OUTCOMES}")
        kinds = o.get("kinds") or []
        if not all(k in PROCEEDING_KINDS for k in kinds):
            raise DataFileError(f"{DATA}: {where} lists an unknown kind")
        exs = o.get("examples")
        if not isinstance(exs, list) or not exs or not all(isinstance(x, str) for x in exs):
            raise DataFileError(f"{DATA}: {where} needs example sentences")
        outcomes.append(OutcomeRule(str(o.get("id", i)), _compile(o.get("pattern"), where), o["outcome"], tuple(kinds), tuple(exs),
                                    bool(o.get("names_loser")), bool(o.get("names_winner")), int(o.get("look_back", 0))))
    pairs = []
    for p in require(d, "role_pairs", list, DATA):
        if not isinstance(p, dict) or p.get("kind") not in PROCEEDING_KINDS or not p.get("claimant") or not p.get("respondent"):
            raise DataFileError(f"{DATA}: every role pair needs 'claimant', 'respondent' and a valid 'kind'")
        pairs.append((p["claimant"], p["respondent"], p["kind"]))
    tag = require(d, "tag_line", dict, DATA)
    return Grammar(
        triggers=tuple(triggers),
        kind_cues=tuple(cues),
        object_markers=tuple(sorted(string_list(d, "object_markers", DATA), key=len, reverse=True)),
        patient_markers=tuple(sorted(string_list(d, "patient_markers", DATA), key=len, reverse=True)),
        conjunctions=tuple(sorted(string_list(d, "conjunctions", DATA), key=len, reverse=True)),
        not_reported=re.compile(_alternation(string_list(d, "not_reported", DATA))),
        hypothetical=re.compile(_alternation(string_list(d, "hypothetical", DATA))),
        outcome_not_reported=_compile("|".join(string_list(d, "outcome_not_reported", DATA)), "outcome_not_reported"),
        loose_markers=tuple(string_list(d, "loose_markers", DATA)),
        respondent_after_cues=tuple(string_list(d, "respondent_after_cues", DATA)),
        reference_before=tuple(string_list(d, "reference_before", DATA)),
        reference_after=tuple(string_list(d, "reference_after", DATA)),
        tag_min=int(tag.get("min_length", 24)),
        tag_mentions=int(tag.get("min_mentions", 4)),
        tag_punct=re.compile("[" + re.escape(str(tag.get("punctuation", ""))) + "]"),
        role_pairs=tuple(pairs),
        role_pair_examples=tuple(_check_example(x, "role_pair_examples") for x in require(d, "role_pair_examples", list, DATA)),
        outcomes=tuple(outcomes),
        verdict_cues=tuple(string_list(d, "verdict_cues", DATA)),
        claim_words=tuple(string_list(d, "claim_words", DATA)),
        case_number_kinds=_case_number_kinds(d),
        role_fallback=dict(require(d, "role_fallback", dict, DATA)),
        claimant_sides=frozenset(p[0] for p in pairs),
        respondent_sides=frozenset(p[1] for p in pairs),
        instance_words=tuple((str(w), str(k)) for w, k in require(d, "instance_words", dict, DATA).items()),
        case_backref=re.compile(_alternation(string_list(d, "case_backref", DATA))),
        statement_kinds=frozenset(string_list(d, "statement_kinds", DATA)),
        descriptor_ends=tuple(string_list(d, "descriptor_ends", DATA)),
        tail_re=re.compile(r"(?m)^\s*(?:" + _alternation(string_list(d, "tail_markers", DATA)) + r")\s*[:]?\s*$"),
        patent_in_suit=re.compile(_alternation(string_list(d, "patent_in_suit", DATA))),
        restate_rx=re.compile("|".join(f"(?:{x.rx.pattern})" for x in triggers if x.frame in ("restate", "roles")) or "(?!)"),
        outcome_reach=int(d.get("outcome_reach", 2)),
        lone_kinds=frozenset(string_list(d, "lone_kinds", DATA)),
    )


# ---------------------------------------------------------------- mentions


@dataclass(frozen=True)
class _M:
    start: int
    end: int
    party: str


def _party_mentions(ctx: Context, t: str, parties: list[Party]) -> list[_M]:
    """Name mentions of the parties, plus bare role words ("原告称") standing for a party."""
    from patlit.extract.parties_zh import _role_spans, role_mentions

    out = [_M(m.start, m.end, p.name) for p in parties for m in p.mentions]
    by_side: dict[str, set[str]] = {}
    introduced = set()
    for side, m, rs in role_mentions(ctx, parties):
        by_side.setdefault(side, set()).add(m.party)
        introduced.add(rs)
    for s, e, side in _role_spans(t):
        names = by_side.get(side, set())
        if s not in introduced and len(names) == 1 and not any(x.start <= s < x.end for x in out):
            out.append(_M(s, e, next(iter(names))))
    out.sort(key=lambda m: m.start)
    return _drop_restatements(t, out)


def _drop_restatements(t: str, ms: list[_M]) -> list[_M]:
    """Leave out names inside a bracket that follows a name of the same party:
    "甲公司(Jia Co., Ltd.，以下简称甲)" names one party once."""
    out: list[_M] = []
    for m in ms:
        prev = out[-1] if out else None
        if prev is not None and prev.party == m.party and t.startswith("(", prev.end) and ")" not in t[prev.end:m.start]:
            continue
        out.append(m)
    return out


def _in_alias_bracket(t: str, pos: int) -> bool:
    """Inside "(简称X)" / "(合称X)" after a name: a restatement, not a new argument."""
    open_ = t.rfind("(", max(0, pos - 8), pos)
    return open_ >= 0 and ")" not in t[open_:pos] and bool(_ALIAS_BRACKET.match(t, open_))


# ---------------------------------------------------------------- grammar


def _is_tag_line(g: Grammar, s: str, ms: list[_M]) -> bool:
    """A keyword list ("三星反诉华为华为专利诉讼三星华为专利战…"): long, unpunctuated,
    naming the same party again and again; a long headline names each once."""
    if len(s) < g.tag_min or g.tag_punct.search(s):
        return False
    names = [m.party for m in ms]
    return len(names) >= g.tag_mentions or len(set(names)) < len(names)


@lru_cache(maxsize=8)
def _clause_starts(t: str) -> list[int]:
    """Offsets where a clause begins: after a clause mark outside brackets."""
    out, depth = [0], 0
    for m in _CLAUSE_MARKS.finditer(t):
        c = m.group()
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == "\n" or depth == 0:
            depth = 0
            out.append(m.end())
    return out


def _sentence_start(t: str, pos: int) -> int:
    """Where the sentence holding ``pos`` begins."""
    return max(t.rfind("。", 0, pos), t.rfind("\n", 0, pos)) + 1


def _clause_start(t: str, lo: int, pos: int) -> int:
    """Start of the clause holding ``pos`` (not before ``lo``); bracketed asides
    ("(其专利号:…)") do not end a clause."""
    starts = _clause_starts(t)
    return max(lo, starts[bisect.bisect_right(starts, pos) - 1])


def _not_reported(g: Grammar, t: str, lo: int, ts: int) -> bool:
    """A hypothetical, negated or forecast action: words of its clause, or an example
    or condition opening its sentence ("例如，甲公司起诉乙公司…")."""
    if g.hypothetical.search(t, lo, ts):
        return True
    window = t[_clause_start(t, lo, ts):ts]
    if "为由" in window:
        window = window[window.rindex("为由") + 2:]
    return bool(g.not_reported.search(window))


def _outcome_not_reported(g: Grammar, t: str, lo: int, pos: int) -> bool:
    """A request ("请求判令…", "上诉请求：撤销原判"), a forecast or a condition, not a decision."""
    window = t[max(_clause_start(t, lo, pos), pos - 12):pos]
    # "诉讼请求：1.判令…；2.判令…": the request's colon may stand a few ；-sentences before,
    # up to the last full stop or line break
    start = max(t.rfind("\n", 0, pos), t.rfind("。", 0, pos)) + 1
    return (bool(g.outcome_not_reported.search(window)) or bool(_REQUEST_COLON.search(t, min(lo, start), pos))
            or _under_request_heading(t, pos))


# a numbered section heading on a line of its own ("二、诉讼请求", "三、本次诉讼对公司的影响")
_SECTION_HEADING = re.compile(r"^[一二三四五六七八九十]+、[^\n。]{0,30}$", re.M)


def _under_request_heading(t: str, pos: int) -> bool:
    """In an announcement's section headed "二、诉讼请求" ("1、判令三被告…"), every "判令" is asked for."""
    last = None
    for last in _SECTION_HEADING.finditer(t, 0, pos):
        pass
    return last is not None and "请求" in last.group()


def _chain(g: Grammar, t: str, ms: list[_M], first: int, hi: int) -> list[_M]:
    """The mention at ``ms[first]`` and those joined to it by conjunctions (up to ``hi``)."""
    out = [ms[first]]
    for m in ms[first + 1:]:
        if m.start >= hi:
            break
        gap = _CLOSERS.sub("", t[out[-1].end:m.start]).strip()
        if gap == "," and any(x.party == m.party for x in out):
            break  # "起诉乙，乙则…": the same party again after a comma starts a new clause
        if gap == "" or gap in g.conjunctions or _in_alias_bracket(t, m.start) or _descriptor_gap(g, gap):
            out.append(m)
        elif _SUBSIDIARY_OF.fullmatch(gap):
            out[-1] = m  # "对甲在大陆的子公司乙提起诉讼": the subsidiary is the one named
        else:
            break
    return out


def _with_named_affiliates(t: str, a: ActionMention, ms: list[_M], before: list[ActionMention]) -> ActionMention:
    """"起诉公司及上述子公司": the affiliates are the co-respondents of the latest action
    before with the same respondent."""
    if not a.respondents:
        return a
    last = next((x for x in reversed(ms) if x.party == a.respondents[-1] and x.start >= a.start), None)
    if last is None or not _ABOVE_AFFILIATES.match(t, last.end):
        return a
    prev = next((b for b in reversed(before) if a.respondents[0] in b.respondents), None)
    if prev is None:
        return a
    return replace(a, respondents=a.respondents + tuple(r for r in prev.respondents if r not in a.respondents))


def _parent_named(t: str, ms: list[_M], m: _M) -> bool:
    """"甲的美国子公司乙": 甲 only says whose subsidiary 乙 is; it takes no side itself."""
    k = ms.index(m)
    return k + 1 < len(ms) and _SUBSIDIARY_OF.fullmatch(_CLOSERS.sub("", t[m.end:ms[k + 1].start]).strip()) is not None


def _descriptor_gap(g: Grammar, gap: str) -> bool:
    """"及销售商", "及全资子公司", "及公司全资子公司", "、被告": a conjunction and a short description
    of the next party."""
    for c in g.conjunctions:
        if gap.startswith(c):
            rest = gap[len(c):]
            return 0 < len(rest) <= 8 and rest.endswith(g.descriptor_ends) and _CJK_ONLY_RE.fullmatch(rest) is not None
    return False


def _marker_before(t: str, pos: int, words: tuple[str, ...], lo: int) -> str | None:
    j = pos
    while j > lo and t[j - 1] in " 了":
        j -= 1
    return next((w for w in words if j - len(w) >= lo and t.startswith(w, j - len(w))), None)


def _sides(g: Grammar, t: str, trig: Trigger, match: re.Match, ms: list[_M], lo: int, hi: int, inherited: tuple[str, ...]):
    """(claimants, respondents, end of the arguments, first argument) of one trigger."""
    ts, te = match.start(), match.end()
    left = [i for i, m in enumerate(ms) if lo <= m.start and m.end <= ts]
    chains: list[tuple[str, list[_M]]] = []  # object chains with their marker
    subjects: list[_M] = []
    patients = [m for m in ms if t.startswith(g.patient_markers, m.end)]
    marked: set[int] = set()
    for i in left:
        m = ms[i]
        if i in marked or _in_alias_bracket(t, m.start):
            continue
        marker = _marker_before(t, m.start, g.object_markers, lo)
        if marker:
            chain = _chain(g, t, ms, i, ts)
            marked.update(ms.index(x) for x in chain)
            chains.append((marker, chain))
        elif not t.startswith(g.patient_markers, m.end):
            subjects.append(m)
    args_end = te
    right: list[_M] = []
    nominal = t[max(lo, ts - 1):ts] == "的"  # "本公司在…的起诉": a noun, no object follows
    if trig.object_after and not nominal:
        # (not across a clause break: "在甲起诉后，乙反诉甲")
        first_right = next((i for i, m in enumerate(ms) if te <= m.start <= te + 2 and m.start < hi
                            and not any(c in _CLAUSE_END for c in t[te:m.start])), None)
        if first_right is not None:
            right = _chain(g, t, ms, first_right, hi)
            args_end = right[-1].end
    # "就/对 X …针对 Y 提出", "对 X 在…起诉 Y": a loose marker before another object
    # introduces the subject of the clause, not the respondent
    while chains and chains[0][0] in g.loose_markers and (len(chains) > 1 or right):
        subjects = sorted(subjects + chains.pop(0)[1], key=lambda m: m.start)
    objects = [x for _, chain in chains for x in chain] + right
    if "inner" in match.re.groupindex and match.group("inner") is not None:
        objects += [x for x in ms if match.start("inner") <= x.start and x.end <= match.end("inner")]
    claimants: list[_M] = []
    if subjects:
        # the subject of the trigger's own clause, else of the sentence ("甲认为，乙…，遂起诉")
        cs = _clause_start(t, lo, ts)
        first = ms.index(next((m for m in subjects if m.start >= cs), subjects[0]))
        claimants = _chain(g, t, ms, first, ts)
    names_c = tuple(dict.fromkeys(m.party for m in claimants)) or inherited
    resp = [m.party for m in objects]
    if not resp:
        # the other parties named before it ("甲认为乙…侵犯其专利权，遂起诉"), and those
        # accused after it ("X提起诉讼，指控Y…", "X向法院起诉请求：判令Y…")
        resp = [m.party for m in subjects if m not in claimants and not _parent_named(t, ms, m)]
        after = next((i for i, m in enumerate(ms) if m.start >= args_end and m.party not in names_c), None)
        if after is not None and any(c in t[args_end:ms[after].start] for c in g.respondent_after_cues):
            resp += [m.party for m in _chain(g, t, ms, after, hi)]
    if not resp:
        resp = [m.party for m in patients]
    names_r = tuple(dict.fromkeys(r for r in resp if r not in names_c))
    cs = _clause_start(t, lo, ts)
    in_clause = [m.start for m in claimants if cs <= m.start < ts]
    return names_c, names_r, args_end, min(in_clause) if in_clause else None


def _kind(g: Grammar, trig: Trigger, t: str, ts: int, te: int) -> str:
    if trig.frame in ("verdict", "join"):
        return trig.kind
    span = t[ts:te + 8] if trig.frame == "active" and trig.object_after else t[ts:te]
    stop = t.find("。", ts)
    rest = t[ts:stop if stop >= 0 else len(t)]
    nxt = _NEXT_SUIT.search(rest, te - ts)
    if nxt is not None:  # "甲在德国起诉乙，乙则在重庆起诉甲，请求裁决费率": the cues after belong to that suit
        rest = rest[:nxt.start()]
    if trig.kind == "infringement" and _declaratory_re().search(rest, 0, 40):
        return "declaratory_judgment"  # "提起诉讼，请求确认其未侵害乙的专利权"
    for cue, kind in g.kind_cues:
        if kind == "other" and cue in rest and trig.kind == "infringement":
            return kind  # "起诉高通，指控其滥用市场支配地位": not a patent infringement claim
        if cue in span and kind != trig.kind:
            if kind == "appeal" and trig.kind != "infringement":
                continue
            return kind
    return trig.kind


def _outcome_hits(g: Grammar, t: str) -> list[tuple[OutcomeRule, re.Match]]:
    """Outcome wordings in text order; of two overlapping ones with the same outcome the
    rule listed first (the more specific) is kept."""
    hits = sorted(((k, r, m) for k, r in enumerate(g.outcomes) for m in r.rx.finditer(t)), key=lambda h: (h[0], h[2].start()))
    kept: list[tuple[OutcomeRule, re.Match]] = []
    for _, r, m in hits:
        if any(r2.outcome == r.outcome and m.start() < m2.end() and m2.start() < m.end() for r2, m2 in kept):
            continue
        kept.append((r, m))
    kept.sort(key=lambda h: h[1].start())
    return kept


def _all_hits(g: Grammar, t: str) -> list[tuple[int, int, Trigger, re.Match]]:
    """Every trigger match of the document, in text order (one pass per trigger)."""
    found = [(m.start(), m.end(), trig, m) for trig in g.triggers for m in trig.rx.finditer(t)]
    found.sort(key=lambda h: h[0])
    return found


def _overlaps_words(m: re.Match, s: int, e: int) -> bool:
    """Does a name at [s, e) overlap the trigger's own words? Names may stand inside its
    ``agent`` group ("被X起诉") or ``inner`` group ("请求宣告X的专利无效")."""
    if not (m.start() < e and s < m.end()):
        return False
    for group in ("agent", "inner"):
        if group in m.re.groupindex and m.group(group) is not None and m.start(group) <= s and e <= m.end(group):
            return False
    return True


def _hits(found: list, lo: int, hi: int, taken: list[tuple[int, int]]):
    """The trigger matches of one sentence: the longest of overlapping ones, none inside a name."""
    here = [h for h in found[bisect.bisect_left(found, lo, key=lambda h: h[0]):] if h[0] < hi]
    here = [h for h in here if h[1] <= hi]
    here.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
    kept = []
    for h in here:
        if any(_overlaps_words(h[3], s, e) for s, e in taken) or any(h[0] < k[1] and k[0] < h[1] for k in kept):
            continue
        kept.append(h)
    kept.sort(key=lambda h: h[0])
    return kept


def find_actions(
    ctx: Context, parties: list[Party], mentions: Mentions
) -> tuple[list[ActionMention], list[OutcomeMention]]:
    """Actions (kind, who against whom) and outcomes reported in a Chinese document."""
    actions, outcomes, _ = _analysed(ctx, parties, mentions)
    return actions, outcomes


def involved(ctx: Context, parties: list[Party], mentions: Mentions | None = None) -> set[str]:
    """Names of the parties some reported action involves, on either side.

    Wider than the sides of :func:`find_actions`: a party sued by someone the text
    does not name ("甲公司遭起诉") is a party although it gets no action.
    """
    actions, _, one_sided = _analysed(ctx, parties, mentions or Mentions())
    names = set(one_sided)
    for a in actions:
        names.update(a.claimants)
        names.update(a.respondents)
    return names


_last: list = [None, None, frozenset(), None]  # (context, mentions, party names, analysis) of the latest document


def _analysed(ctx: Context, parties: list[Party], mentions: Mentions):
    """:func:`_analyse`, reused when the same document comes back with fewer parties.

    :func:`patlit.extract.parties_zh.extract` analyses the document with every
    candidate to keep the involved ones; leaving out candidates no action involves
    changes no action, so the pipeline's second call reuses that analysis.
    """
    names = frozenset(p.name for p in parties)
    ctx0, mentions0, names0, result = _last
    if ctx0 is ctx and mentions0 is mentions and names <= names0 and result is not None:
        involved = {n for a in result[0] for n in a.claimants + a.respondents} | result[2]
        if involved <= names:
            return result
    result = _analyse(ctx, parties, mentions)
    _last[:] = [ctx, mentions, names, result]
    return result


def _analyse(ctx: Context, parties: list[Party], mentions: Mentions) -> tuple[list[ActionMention], list[OutcomeMention], set[str]]:
    g = grammar()
    one_sided: set[str] = set()
    may_take_opponent: set[int] = set()
    text = ctx.text
    t = fold(text)
    pms = _party_mentions(ctx, t, parties)
    actions: list[ActionMention] = []
    case_names: list[ActionMention] = []
    outcomes: list[OutcomeMention] = []
    role_at: dict[int, str] = {}
    role_sides: dict[str, list[str]] = {}
    from patlit.extract.parties_zh import lexicon as party_lexicon

    roles = party_lexicon().roles
    for side, rm, rs in role_mentions(ctx, parties):
        role_at[rm.start] = side
        sides_here = [side]
        inner = _INNER_ROLE.search(t, rs, rm.start)  # "上诉人(原审被告)X" is also a defendant
        if inner and inner.group(1) in roles:
            sides_here.append(roles[inner.group(1)])
        for sd in sides_here:
            role_sides.setdefault(sd, [])
            if rm.party not in role_sides[sd]:
                role_sides[sd].append(rm.party)
    found = _all_hits(g, t)
    date_starts = [d.start for d in mentions.dates if not d.relative]
    outcome_hits = _outcome_hits(g, t)
    outcome_starts = [m.start() for _, m in outcome_hits]
    starts = [m.start for m in pms]
    tail = g.tail_re.search(t)  # "相关阅读：" and the list of other stories after it
    end_of_story = tail.start() if tail else len(t)
    for si, (ss, se) in enumerate(ctx.sentences):
        if ss >= end_of_story:
            break
        ms = [m for m in pms[bisect.bisect_left(starts, ss):bisect.bisect_left(starts, se)] if m.end <= se]
        if _is_tag_line(g, t[ss:se], ms):
            continue
        sentence_actions: list[ActionMention] = []
        sentence_cases: list[ActionMention] = []
        if ms or g.restate_rx.search(t, ss, se):
            lo = ss
            inherited: tuple[str, ...] = ()
            for ts, te, trig, m in _hits(found, ss, se, [(x.start, x.end) for x in ms]):
                if _not_reported(g, t, ss, ts):
                    continue
                # join/restate frames refer to the latest action: of this sentence, else before it
                act = _frame(g, t, text, trig, m, ms, ss, se, lo, inherited, si, sentence_actions or actions, role_at)
                if act is None:
                    continue
                action, lo = act
                if action is None:
                    continue
                if isinstance(action, Action) and trig.frame != "adjacent":  # (a case name says itself when it was filed)
                    action = replace(action, mode=_filing_date_mode(action.mode, date_starts, ss, se, action.end))
                if action.claimants and action.respondents:
                    inherited = action.claimants
                    (sentence_cases if trig.frame == "adjacent" else sentence_actions).append(action)
                elif action.claimants and trig.frame in ("active", "passive") and _unnamed_object(t, action.start, ts):
                    inherited = action.claimants
                    one_sided.update(action.claimants)  # "对一家美国企业提起诉讼": not a party named here
                elif action.claimants and trig.frame in ("active", "passive"):
                    inherited = action.claimants
                    sentence_actions.append(action)  # respondents looked for below
                    if trig.opponent_fallback:
                        may_take_opponent.add(action.start)
                elif action.respondents and trig.frame in ("passive", "active"):
                    sentence_actions.append(action)  # "X遭诉", "ITC对X启动337调查": who brought it is looked for below
                else:
                    one_sided.update(action.claimants + action.respondents)
                if sentence_actions and sentence_actions[-1] is action and _also_infringement(trig, action, t, te, se):
                    sentence_actions.append(replace(action, kind="infringement"))
                if sentence_actions and sentence_actions[-1] is action and len(action.respondents) > 1 and "分别" in t[action.start:ts]:
                    # "甲分别起诉乙和丙": a suit against each
                    sentence_actions[-1:] = [replace(action, respondents=(r,)) for r in action.respondents]
        for rule, m in outcome_hits[bisect.bisect_left(outcome_starts, ss):bisect.bisect_left(outcome_starts, se)]:
            if m.end() > se or _outcome_not_reported(g, t, ss, m.start()):
                continue
            # a wording only one kind can have ("宣告…无效") tells assembly so, and so
            # does the instance the sentence speaks of ("一审法院…驳回", "二审改判…")
            only = rule.kinds[0] if len(rule.kinds) == 1 else _instance(g, t, ss, m.start())
            if only is not None and rule.kinds and only not in rule.kinds:
                only = rule.kinds[0]
            lo_named = max(_clause_start(t, ss, m.start()), m.start() - rule.look_back)
            inside = [x.party for x in ms if lo_named <= x.start and x.end <= m.end()]
            # the party closest before a look-back wording ("甲诉乙一案，乙胜诉"), else the first inside it
            named = (inside[-1] if rule.look_back else inside[0]) if inside else None
            loser = named if rule.names_loser else None
            winner = named if rule.names_winner else None
            outcomes.append(Outcome(m.start(), m.end(), text[m.start():m.end()], rule.outcome, si,
                                    only_kind=only, loser=loser, winner=winner))
            for group in (sentence_actions, sentence_cases):
                for k, a in enumerate(group):
                    if a.outcome is None and (not rule.kinds or a.kind in rule.kinds):
                        group[k] = replace(a, outcome=_outcome_for(outcomes[-1], a))
        if ms and actions:
            sentence_actions = [_with_named_affiliates(t, a, ms, actions) for a in sentence_actions]
        actions.extend(sentence_actions)
        case_names.extend(sentence_cases)
    actions = _complete(g, actions, may_take_opponent, one_sided, role_sides, case_names)
    actions = _merge_same_sentence(actions, t)
    actions = _measures_within_suits(actions, mentions)
    for a in case_names:
        # "甲诉乙案…驳回甲的诉讼请求": a case name reports its suit only when nothing else
        # does, but the outcome told with it belongs to that suit
        same = next((k for k, b in enumerate(actions) if _same_sides(a, b)), None)
        if same is None or _fuller_case_name(a, actions[same]) or _court_case_name(ctx, mentions, a, actions[same]):
            actions.append(a)
        elif a.outcome and actions[same].outcome is None:
            actions[same] = replace(actions[same], outcome=a.outcome)
    told = min((a.sentence for a in actions), default=len(ctx.sentences))  # first action a trigger tells
    actions += _role_actions(ctx, t, parties, mentions, actions)
    actions += _appeals_from_outcomes(ctx, actions, outcomes)
    actions += _two_sided_cases(ctx, t, pms, actions, outcomes)
    actions += _deciding_courts(g, ctx, t, mentions, actions)
    actions += _listed_cases(ctx, t, actions, mentions)
    _late_outcomes(g, ctx, actions, outcomes)
    actions += _patent_statements(g, ctx, t, pms, mentions, actions, told)
    actions.sort(key=lambda a: a.start)
    return actions, outcomes, one_sided


# interim measures asked for inside a pending suit (not anti-suit injunctions, which are cases of their own)
_INTERIM_MEASURE = re.compile(r"行为保全|诉前禁令|诉中禁令|临时禁令")


def _measures_within_suits(actions: list[ActionMention], mentions: Mentions) -> list[ActionMention]:
    """"同时，公司向法院申请行为保全，请求责令乙停止销售": an interim measure that the claimant
    of a suit told before asks against its own defendant, from no court named anew, is a step
    of that suit; it restates it (so a bond or an order told with it stays with the suit)."""
    out: list[ActionMention] = []
    for a in actions:
        if a.kind == "other" and _INTERIM_MEASURE.search(a.text):
            suit = next((b for b in reversed(out) if b.kind == "infringement" and b.claimants == a.claimants
                         and set(a.respondents) <= set(b.respondents)), None)
            if suit is not None and not any(a.start <= f.start < a.end for f in mentions.forums):
                a = replace(a, kind=suit.kind, respondents=suit.respondents, mode="reference")
        out.append(a)
    return out


# a suit that also accuses the other side of infringing ("…起诉乙，一方面指控乙侵犯其专利，另一方面请求裁决许可费率")
_ACCUSES_INFRINGEMENT = re.compile(r"(?:指控|认为|主张|诉称)[^。;；]{0,40}?侵(?:犯|害)[^。;；]{0,20}?专利")


def _also_infringement(trig: Trigger, action: ActionMention, t: str, te: int, se: int) -> bool:
    """A suit whose kind a licensing or rate cue made "other" and that also claims infringement
    is two proceedings: the infringement claim and the licensing one."""
    return action.kind == "other" and trig.kind == "infringement" and _ACCUSES_INFRINGEMENT.search(t, te, se) is not None


# a case name whose filing the clause dates: "…纠纷一案已于2016年4月正式立案", "…一案于3月被受理"
_CASE_FILED = re.compile(r"(?:\([^()]{0,40}\)|[^,;:!?。，；：\n()]){0,100}?案\s*(?:已|已经)?于[^,;:!?。，；：\n]{2,16}?(?:正式)?(?:被)?(?:立案|受理)")
# "案件一：…", "(二)案件二", "案件2:": an announcement listing the suits it reports one by one
_CASE_HEADING = re.compile(r"(?m)^[ \t]*(?:\(?[一二三四五六七八九十]+[)、.]\s*|\d+\s*[、.]\s*)?案件\s*(?:[一二三四五六七八九十]+|\d+)\s*(?=[:)\s]|$)")


def _listed_cases(ctx: Context, t: str, actions: list[ActionMention], mentions: Mentions) -> list[ActionMention]:
    """Each listed case (案件一, 案件二 …) after a suit told once ("就…提起诉讼。具体如下：")
    is a suit of its own between the same sides, told at the first patent its block names
    (so each gets its own patent), else at its heading."""
    if "案件" not in t:
        return []
    heads = list(_CASE_HEADING.finditer(t))
    if len(heads) < 2:
        return []
    told = [a for a in actions if a.end <= heads[0].start() and a.claimants and a.respondents]
    if not told:
        return []
    prev = told[-1]
    ps, pe = ctx.sentences[prev.sentence]
    court = next((f.code for f in mentions.forums if ps <= f.start < pe and f.code not in VALIDITY_FORUMS), None)
    # "2019年11月，甲…提起三起诉讼，具体如下": the date of the suits told once, when it is the only one
    told_dates = {d.value for d in mentions.dates if ps <= d.start < pe and not d.relative}
    when = told_dates.pop() if len(told_dates) == 1 else None
    out = []
    for k, h in enumerate(heads):
        end = heads[k + 1].start() if k + 1 < len(heads) else min(len(t), h.end() + 400)
        # each sentence of the block naming a patent or a sum (涉案专利：…, 诉讼请求：…赔偿…万元)
        spans = sorted({ctx.sentence_index(m.start): (m.start, m.end) for m in [*mentions.patents, *mentions.money]
                        if h.start() <= m.start < end}.values()) or [(h.start(), h.end())]
        for s, e in spans:
            a = _act(ctx.text, s, e, prev.kind, prev.claimants, prev.respondents, ctx.sentence_index(s), mode="reference")
            out.append(replace(a, forum_hint=court, date_hint=when))
    return out


# a court as the subject of a decision ("杭州中院一审认定…", "二审法院浙江省高级人民法院判决…")
_COURT_DECIDES = re.compile(r"\s*(?:于[^,;:!?。，；：\n]{0,14}?)?(?:一审|二审|终审|再审|审理后|经审理)?\s*(?:认定|判决|判令|裁定|作出|驳回|维持|改判)")


def _deciding_courts(g: Grammar, ctx: Context, t: str, mentions: Mentions, actions: list[ActionMention]) -> list[ActionMention]:
    """"甲起诉乙。杭州中院一审认定侵权成立": a sentence with no action of its own whose subject
    is a court deciding is about the latest action of the kind its instance word names (else
    the latest), told up to two sentences before; it restates that action there so the court
    counts for it."""
    out: list[ActionMention] = []
    told = {a.sentence for a in actions}
    for f in mentions.forums:
        si = ctx.sentence_index(f.start)
        if si in told or f.code in VALIDITY_FORUMS or not _COURT_DECIDES.match(t, f.end):
            continue  # (an office deciding on validity is the invalidation's own forum)
        ss = ctx.sentences[si][0]
        kind = _instance(g, t, ss, f.end + 12)
        before = [a for a in actions if 0 < si - a.sentence <= 2 and a.claimants and a.respondents
                  and (kind is None or a.kind == kind)]
        if not before:
            continue
        prev = max(before, key=lambda a: a.start)
        out.append(_act(ctx.text, f.start, f.end, prev.kind, prev.claimants, prev.respondents, si, mode="reference"))
        told.add(si)
    return out


# "甲与乙(之间的)…专利…纠纷(一)案": a case named by its two sides, not saying who sued
_TWO_SIDED_AFTER = re.compile(r"[^,;:!?。，；：\n]{0,30}?纠纷[一二两三四五六七八九十\d]*(?:一)?案")


def _two_sided_cases(ctx: Context, t: str, pms: list[_M], actions: list[ActionMention],
                     outcomes: list[OutcomeMention]) -> list[ActionMention]:
    """"甲与乙专利侵权纠纷案，法院判决甲赔偿乙…" when nothing else tells the suit: the
    decision's named loser gives the direction (判令甲赔偿: 甲 was sued; 驳回甲的诉讼请求:
    甲 sued)."""
    out: list[ActionMention] = []
    for o in outcomes:
        loser = getattr(o, "loser", None)
        if loser is None or o.outcome not in ("claimant_won", "respondent_won") or getattr(o, "only_kind", None) not in (None, "infringement"):
            continue
        ss = ctx.sentences[o.sentence][0]
        here = [m for m in pms if ss <= m.start and m.end <= o.start]
        for a, b in zip(here, here[1:]):
            if a.party == b.party or loser not in (a.party, b.party):
                continue
            if _CLOSERS.sub("", t[a.end:b.start]).strip() not in ("与", "和", "同") or not _TWO_SIDED_AFTER.match(t, b.end):
                continue
            pair = {a.party, b.party}
            if any(pair <= set(x.claimants) | set(x.respondents) for x in actions + out):
                break
            other = (pair - {loser}).pop()
            cl, rs = ([other], [loser]) if o.outcome == "claimant_won" else ([loser], [other])
            kind = "declaratory_judgment" if "确认不侵" in t[b.end:o.start] else "infringement"
            out.append(_act(ctx.text, a.start, b.end, kind, cl, rs, o.sentence, o.outcome, mode="reference"))
            break
    return out


def _appeals_from_outcomes(ctx: Context, actions: list[ActionMention], outcomes: list[OutcomeMention]) -> list[ActionMention]:
    """"驳回甲的上诉" names an appeal by 甲 that no trigger reported: against 甲's opponent
    in the suit below, with the outcome the wording gives."""
    if any(a.kind == "appeal" for a in actions):
        return []
    out: list[ActionMention] = []
    for o in outcomes:
        appellant = getattr(o, "loser", None) if getattr(o, "only_kind", None) == "appeal" else None
        if appellant is None or "上诉" not in o.text:
            continue
        below = next((a for a in actions if a.kind != "appeal" and appellant in set(a.claimants) | set(a.respondents)), None)
        if below is None:
            continue
        other = below.respondents if appellant in below.claimants else below.claimants
        out.append(_act(ctx.text, o.start, o.end, "appeal", [appellant], other, o.sentence, o.outcome, mode="reference"))
        break
    return out


def _patent_statements(g: Grammar, ctx: Context, t: str, pms: list[_M], mentions: Mentions,
                       actions: list[ActionMention], first: int) -> list[ActionMention]:
    """Background sentences before the first action a trigger tells that name the patent in suit
    without reporting an action ("丹阳公司是专利号为201611245881.9的专利权人",
    "涉案专利为…") restate, as a reference, every action of the party they name (or
    every action when they say 涉案专利): the patent belongs to the first-instance suit,
    the appeal and the invalidation request alike. Sentences after an action are left
    to assembly, which reads follow-ups."""
    if not actions or not mentions.patents:
        return []
    busy = {a.sentence for a in actions}
    money = {ctx.sentence_index(m.start) for m in mentions.money if m.role is not None}
    out: list[ActionMention] = []
    seen: set[int] = set()
    for p in mentions.patents:
        si = ctx.sentence_index(p.start)
        if si in busy or si in money or si in seen or si >= first:
            continue  # after an action, assembly's follow-up sentences take the patents
        seen.add(si)
        ss, se = ctx.sentences[si]
        if g.case_backref.search(t, ss, se):
            continue  # "该案涉及…专利": a follow-up of the case told before, for assembly
        named = {m.party for m in pms if ss <= m.start < se}
        if named:
            targets = [a for a in actions if named & (set(a.claimants) | set(a.respondents))]
        elif g.patent_in_suit.search(t, ss, se):
            targets = list(actions)
        else:
            continue
        # the suit below only: assembly gives an appeal the patents of the judgment below
        targets = [a for a in targets if a.kind in g.statement_kinds]
        # "作出无效宣告请求审查决定，维持…专利(专利号…)有效": the kind the sentence names
        named_kinds = {k for cue, k in g.kind_cues if cue in t[ss:se]}
        targets = [a for a in targets if a.kind in named_kinds] or targets
        for key in dict.fromkeys((a.kind, a.claimants, a.respondents) for a in targets):
            out.append(_act(ctx.text, p.start, p.end, key[0], key[1], key[2], si, mode="reference"))
    return out


def _act(text: str, start: int, end: int, kind: str, claimants, respondents, si: int,
         outcome: str | None = None, mode: str = "filing") -> Action:
    """An action; a party is never on both sides (it stays a claimant)."""
    respondents = tuple(r for r in dict.fromkeys(respondents) if r not in claimants)
    return Action(start, end, text[start:end], kind, tuple(dict.fromkeys(claimants)), respondents, si, outcome, mode=mode)


def _mode(g: Grammar, t: str, lo: int, ts: int, te: int) -> str:
    """"reference" when the trigger names a suit already filed ("提起的诉讼", "…起诉一事")."""
    if "的" in t[ts:te] or t[max(lo, ts - 1):ts] == "的" or t.startswith(g.reference_after, te):
        return "reference"
    if _DECIDED_CASE.match(t, te):
        return "reference"  # "法院对甲起诉乙…纠纷两案作出一审判决": a case named, its date the judgment's
    return "reference" if any(w in t[_clause_start(t, lo, ts):ts] for w in g.reference_before) else "filing"


def _filing_date_mode(mode: str, date_starts: list[int], ss: int, se: int, te: int) -> str:
    """"reference" when the sentence dates something only after the trigger.

    A Chinese filing date stands before the verb ("X于2022年5月向…起诉"); a date after
    it belongs to a later event ("…请求宣告无效，但国家知识产权局于2023年4月作出决定").
    """
    if mode != "filing":
        return mode
    before = bisect.bisect_left(date_starts, ss) < bisect.bisect_left(date_starts, te)
    after = bisect.bisect_left(date_starts, te) < bisect.bisect_left(date_starts, se)
    return "reference" if after and not before else mode


def _frame(g, t, text, trig, m, ms, ss, se, lo, inherited, si, actions, role_at):
    """The action of one trigger hit: (action or None, new left bound) or None to skip it.

    An action's span runs from the first party of its clause to the end of the
    trigger ("大唐于2025年6月向德国慕尼黑地方法院起诉"): in Chinese the forum and the
    date stand between the subject and the verb, and assembly reads an action's
    forum, date and amounts from its span onwards.
    """
    ts, te = m.start(), m.end()
    kind = _kind(g, trig, t, ts, te)
    if trig.frame == "passive":
        agent = [x for x in ms if m.start("agent") <= x.start and x.end <= m.end("agent")] if m.group("agent") else []
        before = [x for x in ms if lo <= x.start and x.end <= ts]
        if not before:
            # "在被X起诉两个月后，Y开始反击": the one facing it is the next subject
            before = [x for x in ms if x.start >= te and x.party not in {a.party for a in agent}][:1]
        if not before:
            if not agent:
                return None
            # "该无效宣告请求由甲于…提出": who faces it is found below (the patent's owner)
            return _act(text, ts, te, kind, [agent[0].party], [], si, mode=_mode(g, t, lo, ts, te)), te
        # the list that is the clause's subject ("甲及其子公司乙被丙起诉"), else the last name before
        cs = _clause_start(t, lo, ts)
        first = next((i for i, x in enumerate(ms) if x in before and x.start >= cs), None)
        facing = _chain(g, t, ms, first, ts) if first is not None else before[-1:]
        start = min(facing[0].start, ts)
        return _act(text, start, te, kind, [x.party for x in agent[:1]], [x.party for x in facing], si, mode=_mode(g, t, lo, ts, te)), te
    if trig.frame == "adjacent":
        left = [x for x in ms if x.end == ts or (x.end < ts and ts - x.end <= 20 and not _CLOSERS.sub("", t[x.end:ts]).strip())]
        left = left[-1:]  # "甲(简称“甲”)诉乙": the name just before
        first_right = next((i for i, x in enumerate(ms) if x.start == te), None)
        if not left or first_right is None:
            return None
        right = [x.party for x in _chain(g, t, ms, first_right, se) if x.party != left[0].party]
        if not right:
            return None
        mode = "filing" if _CASE_FILED.match(t, te) else "reference"  # "甲诉乙…一案已于2016年4月立案"
        return _act(text, left[0].start, te, kind, [left[0].party], right, si, mode=mode), te
    if trig.frame == "verdict":
        # a court's or jury's finding, not a party's claim that a court should find so
        if not any(c in t[ss:ts] for c in g.verdict_cues) or any(c in t[ss:ts] for c in g.claim_words):
            return None
        left = [x for x in ms if lo <= x.start and x.end <= ts and ts - x.end <= 12]
        right = [x for x in ms if te <= x.start <= te + 10]
        if not left or not right or left[-1].party == right[0].party:
            return None
        act = _act(text, left[-1].start, te, kind, [right[0].party], [left[-1].party], si, trig.outcome, mode="reference")
        return act, right[0].end
    if trig.frame == "join":
        joined = [x for x in ms if lo <= x.start and x.end <= ts]
        if not joined or not actions:
            return None
        prev = actions[-1]
        extra = tuple(x.party for x in joined if x.party not in prev.respondents and x.party not in prev.claimants)
        actions[-1] = replace(prev, respondents=prev.respondents + extra)
        # the sentence restates the action before, so its amounts belong there
        return _act(text, joined[0].start, te, prev.kind, prev.claimants, actions[-1].respondents, si, mode="reference"), te
    if trig.frame == "roles":
        if not ms and actions:
            # "法院已于2020年3月16日立案受理": the suit told just before, and its filing date,
            # unless that filing was told with its day ("10月15日向ITC提交337调查申请。ITC已于
            # 11月14日决定立案调查": the institution comes later; "2023年11月…提起诉讼。该案已于
            # 2023年11月20日立案": the docket gives the day)
            prev = actions[-1]
            told_filed = prev.mode == "filing" and _DATED.search(t, _sentence_start(t, prev.start), prev.end)
            mode = "reference" if told_filed else "filing"
            return _act(text, _clause_start(t, lo, ts), te, prev.kind, prev.claimants, prev.respondents, si, mode=mode), te
        # "原告甲与被告乙…纠纷一案，本院于…立案": the sides are the role words'
        here = [(role_at[x.start], x) for x in ms if x.start in role_at and x.start < ts]
        cl = [x for side, x in here if side in g.claimant_sides]
        rs = [x for side, x in here if side in g.respondent_sides]
        if not cl or not rs:
            return None
        sides = {side for side, _ in here}
        kind = next((k for c, r, k in g.role_pairs if c in sides and r in sides), trig.kind)
        kind = next((k for cue, k in g.kind_cues if cue in t[ss:ts] and k != "appeal"), kind)
        return _act(text, cl[0].start, te, kind, [x.party for x in cl], [x.party for x in rs], si), te
    if trig.frame == "restate":
        if not actions:
            return None
        prev = actions[-1]
        return _act(text, _clause_start(t, lo, ts), te, prev.kind, prev.claimants, prev.respondents, si, mode="reference"), te
    claimants, respondents, args_end, first_arg = _sides(g, t, trig, m, ms, lo, se, inherited)
    if kind == "appeal":
        claimants, respondents = _appeal_sides(claimants, respondents, role_at, ms)
    if not claimants and not respondents:
        return None
    # from the subject of the clause; a clause without one ("并在…法院对乙提起诉讼")
    # starts the span itself, so its forum and date stay with this action
    start = min(first_arg, ts) if first_arg is not None else _clause_start(t, lo, ts)
    return _act(text, start, te, kind, claimants, respondents, si, mode=_mode(g, t, lo, ts, te)), args_end


def _appeal_sides(claimants: tuple[str, ...], respondents: tuple[str, ...], role_at: dict[int, str], ms: list[_M]):
    """An appeal is between 上诉人 and 被上诉人: co-defendants named with them (原审被告)
    who did not appeal are on neither side."""
    appellants = tuple(dict.fromkeys(x.party for x in ms if role_at.get(x.start) == "appellant"))
    appellees = tuple(dict.fromkeys(x.party for x in ms if role_at.get(x.start) == "appellee"))
    if appellees:
        respondents = tuple(r for r in respondents if r in appellees) or appellees
    if appellants and not set(claimants) & set(appellants):
        claimants = appellants
    return claimants, respondents


def _complete(g: Grammar, actions: list[ActionMention], may_take_opponent: set[int], one_sided: set[str],
              role_sides: dict[str, list[str]], case_names: list[ActionMention]) -> list[ActionMention]:
    """Find the respondents of actions whose sentence does not name them.

    "X向ITC提起337调查申请，并…对Y提起诉讼": a later action of the same claimant in
    the sentence shares its respondents. "X不服一审判决，提起上诉" / "X提出无效宣告请求"
    (when the trigger allows it): the opponent of X in the nearest action that names both.
    """
    # case names ("甲诉乙案") tell who is whose opponent too
    done = sorted([a for a in actions if a.respondents and a.claimants] + case_names, key=lambda a: a.start)
    out = []
    for a in actions:
        if a.respondents and a.claimants:
            out.append(a)
            continue
        if a.respondents:
            # "X遭诉…，原告为Y": the claimant named by role, else X's opponent elsewhere
            cl = tuple(n for n in role_sides.get("claimant", ()) if n not in a.respondents)
            if not cl:
                near = sorted(done, key=lambda b: (b.start > a.start, abs(b.start - a.start)))
                cl = next((b.claimants for b in near if set(a.respondents) & set(b.respondents)), ())
            if cl:
                # told again without who brought it: a reference, its sentence dates nothing
                out.append(replace(a, claimants=cl, mode="reference") if isinstance(a, Action) else replace(a, claimants=cl))
                # "收到…起诉状。原告为乙" now names both sides: later requests find their opponent there
                done = sorted(done + [out[-1]], key=lambda b: b.start)
            else:
                one_sided.update(a.respondents)
            continue
        same = sorted(
            (b for b in done if b.sentence == a.sentence and b.claimants == a.claimants),
            key=lambda b: (b.start < a.start, abs(b.start - a.start)),
        )
        resp: tuple[str, ...] = same[0].respondents if same else ()
        if not resp and a.kind == "appeal" and role_sides.get("appellee"):
            resp = tuple(role_sides["appellee"])  # a judgment names the 被上诉人
        if not resp:
            near = sorted(done, key=lambda b: (b.start > a.start, abs(b.start - a.start)))
            for b in near:
                if set(a.claimants) & set(b.respondents):
                    resp = b.claimants
                elif (a.kind == "appeal" or a.kind == b.kind) and set(a.claimants) & set(b.claimants):
                    resp = b.respondents  # "甲于2022年3月提起诉讼": the suit 甲诉乙 told elsewhere
                if resp:
                    break
        if not resp and a.kind in g.role_fallback:
            # "请求人…提出了无效宣告请求" in a decision naming the 专利权人
            resp = tuple(role_sides.get(g.role_fallback[a.kind], ()))
        resp = tuple(r for r in resp if r not in a.claimants)
        if resp:
            out.append(replace(a, respondents=resp))
        else:
            one_sided.update(a.claimants)
    return out


@lru_cache(maxsize=1)
def _declaratory_re() -> re.Pattern:
    return re.compile("|".join(string_list(load_yaml(DATA), "declaratory_claims", DATA)))


@lru_cache(maxsize=1)
def _unnamed_object_re() -> re.Pattern:
    d = load_yaml(DATA)
    markers = string_list(d, "object_markers", DATA)
    return re.compile(f"(?:{_alternation(markers)})(?:{_alternation(string_list(d, 'unnamed_objects', DATA))})")


def _unnamed_object(t: str, start: int, ts: int) -> bool:
    """"甲在美国对一家北美企业提起诉讼": the action's object is someone the text does not name,
    so no party named elsewhere is its respondent."""
    return _unnamed_object_re().search(t, start, ts) is not None


_CASE_WORD = re.compile(r"案|[。；;\n]")
_APPEAL_WORDS = ("上诉", "二审", "再审")


def _appeal_case(text: str, end: int) -> bool:
    """The case name ending after ``end`` is the appeal of the suit: "…纠纷上诉案", "…一案二审",
    "…一案日前二审宣判" (a few words of time may stand between)."""
    m = _CASE_WORD.search(text, end, end + 120)
    if m is None or m.group() != "案":
        return False
    after = _CLAUSE_MARKS.search(text, m.end(), m.end() + 6)
    around = text[m.start() - 2:after.start() if after else m.end() + 6]
    return any(w in around for w in _APPEAL_WORDS)


def _court_case_name(ctx: Context, mentions: Mentions, case: ActionMention, told: ActionMention) -> bool:
    """"北京知识产权法院对甲诉乙…一案作出判决" / "…法院受理了甲诉乙…案": a court named before
    the case name in its sentence decides or takes that suit; the case name is kept (assembly
    merges it with the filing told elsewhere) so the court and patents of its sentence count."""
    if case.sentence == told.sentence or _appeal_case(ctx.text, case.end):
        return False  # "…纠纷上诉案作出二审判决": the court decides the appeal, not the suit
    ss = ctx.sentences[case.sentence][0]
    return any(ss <= f.start and f.end <= case.start for f in mentions.forums)


def _fuller_case_name(case: ActionMention, told: ActionMention) -> bool:
    """"甲诉乙及丙…纠纷案" in another sentence than the "甲起诉乙" it restates (a headline):
    it names more defendants, so assembly gets it too (with the court and patents of its
    sentence) and merges the two."""
    return case.sentence != told.sentence and bool(set(case.respondents) - set(told.respondents))


def _same_sides(a: ActionMention, b: ActionMention) -> bool:
    return a.kind == b.kind and set(a.claimants) == set(b.claimants) and bool(set(a.respondents) & set(b.respondents))


def _merge_same_sentence(actions: list[ActionMention], text: str) -> list[ActionMention]:
    """One action per event: same sentence, kind and claimants, overlapping respondents."""
    out: list[ActionMention] = []
    for a in actions:
        prev = next((b for b in out if b.sentence == a.sentence and _same_sides(a, b)), None)
        if prev is not None and _ANOTHER.search(text, prev.end, a.end):
            prev = None  # "…提起诉讼，7月初再向…状告": told as a second filing
        if prev is None:
            out.append(a)
            continue
        k = out.index(prev)
        merged = prev.respondents + tuple(r for r in a.respondents if r not in prev.respondents)
        out[k] = replace(prev, respondents=merged, outcome=prev.outcome or a.outcome)
    return out


def _role_word_at(t: str, pos: int) -> str:
    from patlit.extract.parties_zh import lexicon

    m = lexicon().role_re.match(t, pos)
    return m.group() if m else t[pos:pos + 1]


def _level(number: str) -> str | None:
    """The instance a Chinese case number belongs to: the character before its serial (初, 终, 再)."""
    m = _CASE_LEVEL.search(number)
    return m.group(1) if m else None


def _instance(g: Grammar, t: str, lo: int, pos: int) -> str | None:
    """The proceeding kind the nearest instance word before ``pos`` names (一审 → the suit,
    二审/改判 → the appeal), or None."""
    best, kind = -1, None
    for word, k in g.instance_words:
        i = t.rfind(word, lo, pos + len(word) if word in ("改判",) else pos)
        if i > best:
            best, kind = i, k
    return kind


def _outcome_for(o: OutcomeMention, a: ActionMention) -> str | None:
    """The outcome ``o`` gives action ``a``: from its side when the wording names who lost or won."""
    loser, winner = getattr(o, "loser", None), getattr(o, "winner", None)
    if loser is None and winner is None:
        return o.outcome
    if loser in a.claimants or winner in a.respondents:
        return "respondent_won"
    if loser in a.respondents or winner in a.claimants:
        return "claimant_won"
    return None


def _late_outcomes(g: Grammar, ctx: Context, actions: list[ActionMention], outcomes: list[OutcomeMention]) -> None:
    """An outcome only one kind can have ("宣告…无效") ends the latest such action shortly before it."""
    rules = {r.id: r for r in g.outcomes}
    for o in outcomes:
        rule = next((r for r in rules.values() if r.outcome == o.outcome and r.kinds and r.rx.fullmatch(fold(o.text))), None)
        if rule is None:
            continue
        of_kind = [k for k, a in enumerate(actions) if a.kind in rule.kinds]
        # "判决如下：驳回上诉，维持原判" far from the one appeal a judgment is about, or a
        # headline's "驳回上诉" before the appeal is told
        # (one appeal told by its case number with the 上诉人 list and by "向本院提起上诉" with one of them)
        lone = bool(of_kind) and all(_same_parties(actions[k], actions[of_kind[0]]) for k in of_kind) and all(
            actions[k].kind in g.lone_kinds for k in of_kind)
        prev = [k for k in of_kind if lone or 0 <= o.sentence - actions[k].sentence <= g.outcome_reach and actions[k].start < o.start]
        for k in prev if lone else [max(prev, key=lambda k: actions[k].start)] if prev else []:
            if actions[k].outcome is None:
                actions[k] = replace(actions[k], outcome=_outcome_for(o, actions[k]))


def _same_parties(a: ActionMention, b: ActionMention) -> bool:
    """Both sides overlap: one proceeding told twice, once with fewer co-parties."""
    return bool(set(a.claimants) & set(b.claimants)) and bool(set(a.respondents) & set(b.respondents))


def _role_actions(ctx: Context, t: str, parties: list[Party], mentions: Mentions, actions: list[ActionMention]) -> list[ActionMention]:
    """Actions from role words (上诉人 → 被上诉人 ...): anchored at the judgment's case number
    of their kind when there is one, else only when no trigger reported them."""
    from patlit.extract.parties_zh import lexicon, role_mentions

    g = grammar()
    roles = lexicon().roles
    sides: dict[str, list[tuple[str, int]]] = {}
    for side, m, rs in role_mentions(ctx, parties):
        sides.setdefault(side, []).append((m.party, rs))
        # "上诉人(原审被告)X": the bracket gives the side in the first instance
        inner = _INNER_ROLE.search(t, rs, m.start)
        if inner and inner.group(1) in roles:
            sides.setdefault(roles[inner.group(1)], []).append((m.party, rs))
    out = []
    for c_side, r_side, kind in g.role_pairs:
        cl = list(dict.fromkeys(n for n, _ in sides.get(c_side, [])))
        rs_ = list(dict.fromkeys(n for n, _ in sides.get(r_side, []) if n not in cl))
        if not cl or not rs_:
            continue
        anchor = next((c for c in mentions.case_numbers if g.case_number_kinds.get(_level(c.number)) == kind), None)
        if anchor is not None:
            # a judgment's case number names the proceeding its role words belong to
            # (also when a trigger reports it: the number is kept on the proceeding)
            out.append(_act(ctx.text, anchor.start, anchor.end, kind, cl, rs_, ctx.sentence_index(anchor.start), mode="reference"))
            continue
        if any(a.kind == kind and set(a.claimants) & set(cl) for a in actions + out):
            continue
        first = min(pos for n, pos in sides[c_side])
        word = _role_word_at(t, first)
        out.append(_act(ctx.text, first, first + len(word), kind, cl, rs_, ctx.sentence_index(first), mode="reference"))
    return out
