"""From actions to proceedings: attach forum, date, patents, amounts, outcome; merge.

Language-neutral. The grammars (:mod:`.proceedings_en`, :mod:`.proceedings_zh`) give
:class:`~patlit.model.ActionMention` objects (or the richer :class:`Action` defined
here) and :class:`~patlit.model.OutcomeMention` cues; :func:`assemble`

1. completes roles the sentence left open: the opponent of a claimant (or of a
   respondent) from the other actions, else another party of the sentence;
   undirected actions ("X prevailed in its fight with Y") take the direction of
   an action between the same two parties;
2. gives each action the mentions of its clause (the stretch of its sentence from
   its trigger to the next trigger), and those of later sentences that refer back
   to it ("The suit was lodged at ...", "the patent at issue", "Of that sum, ...");
   back-references to patents ("the above-mentioned patents", "the '356 patent",
   "the two patents of X") are resolved; dates only from filing triggers;
3. splits an action filed on two coordinated dates or in two coordinated courts
   into one proceeding per date or court;
4. merges actions that report the same proceeding (same kind, same parties in the
   same roles, compatible forum, date, patents and outcome);
5. applies outcome cues and adds named affiliates of a respondent as co-respondents.

Language-specific cue words live in ``data/assemble.yaml``.
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
from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.extract.rx_prefix import with_first_chars
from patlit.extract.rx_required import lowered
from patlit.model import (
    ActionMention,
    Amount,
    DateMention,
    ForumMention,
    MoneyMention,
    OutcomeMention,
    Party,
    PatentMention,
    Proceeding,
    Span,
)


@dataclass(frozen=True, slots=True)
class Action(ActionMention):
    """An action with what assembly needs beyond the shared :class:`ActionMention`.

    ``mode`` "filing": a date in the clause is the filing date; "reference": the
    action is mentioned again (no date taken). ``undirected``: the two sides are known
    but not who brought it (``winner`` names the side that won). ``scope``: the span
    whose mentions belong to the action (default: its sentence). ``reexam``/``ptab``:
    the clause speaks of a reexamination / an inter partes or post-grant review.
    """

    mode: str = "filing"
    undirected: bool = False
    winner: str | None = None
    scope: tuple[int, int] | None = None
    reexam: bool = False
    ptab: bool = False
    by_defendant: bool = False  # brought by the accused infringer of the latest infringement action
    forum_hint: str | None = None  # the forum the trigger implies ("petitioned for certiorari": scotus)
    date_hint: str | None = None  # the date of a suit told once for several listed cases ("提起三起诉讼：案件一…")
    merge_only: bool = False  # a mention of a proceeding told elsewhere ("X's lawsuit"): never a new one
    definite: bool = False  # "the case, filed by X in 2020": names a proceeding already told


@dataclass(frozen=True, slots=True)
class Outcome(OutcomeMention):
    """An outcome cue; ``winner``/``loser`` name a side, ``reset`` clears an outcome (vacated),
    ``only_kind`` limits the cue to proceedings of one kind ("the patent was invalidated")."""

    winner: str | None = None
    reset: bool = False
    loser: str | None = None
    only_kind: str | None = None
    everywhere: bool = False  # "all pending litigation would be dismissed": every proceeding of the document


#: forum codes of offices and courts that decide validity only
VALIDITY_FORUMS = frozenset({"ptab", "cnipa", "epo", "de-bpatg", "uspto"})
#: forum codes of appeal courts
APPEAL_FORUMS = frozenset({"cafc", "cn-spc", "uk-ewca", "scotus"})
_APPEAL_NAME = re.compile(r"appeal|上诉|高级人民法院|最高", re.I)


@dataclass(frozen=True)
class Cues:
    continuation: re.Pattern
    patents_backref: re.Pattern
    owned_backref: re.Pattern
    filing: re.Pattern
    not_filing_date: re.Pattern
    short_patent: re.Pattern
    kind_nouns: re.Pattern
    patent_words: tuple[str, ...] = ()
    one_patent: re.Pattern | None = None
    same_day: re.Pattern | None = None
    patent_claim: re.Pattern | None = None  # a follow-up claiming infringement of the patents it names
    settle_all: re.Pattern | None = None  # every suit between the sides named ends in a settlement
    date_anaphor: re.Pattern | None = None  # "at that time", 同年: the date told just before
    today: re.Pattern | None = None  # "today": a filing of the document's own date
    judgment_after: re.Pattern | None = None  # right after a date: it is a judgment's date, not the filing's
    case_header: re.Pattern | None = None  # a line opening one case of a numbered list ("案件二：", "Case 2:")


_TOUCH = attrgetter("touch")
_SENTENCES = attrgetter("sentences")
_START_SENTENCE = attrgetter("start", "sentence")
_START = attrgetter("start")

_KEYS = ("continuation", "patents_backref", "owned_backref", "filing", "not_filing_date", "short_patent")
_SUIT_KINDS = ("infringement", "declaratory_judgment", "other", "itc_investigation")


_CUES = "assemble.yaml"


@lru_cache(maxsize=4)
def cues(lang: str) -> Cues:
    """The cue patterns of ``data/assemble.yaml`` for ``lang`` (loaded once per language)."""
    try:
        text = resources.files("patlit.data").joinpath(_CUES).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{_CUES}: cannot be read: {exc}") from exc
    return load_cues(text, lang)


#: the cues given as one pattern each: (key, flags, required, compiled with a first-character scan)
_SINGLE_PATTERNS = (
    ("same_day", re.I, True, True),
    ("one_patent", re.I, True, True),
    ("patent_claim", re.I, False, True),
    ("settle_all", 0, False, False),
    ("date_anaphor", re.I, False, True),
    ("today", re.I, False, True),
    ("judgment_after", 0, False, False),
    ("case_header", re.M, False, False),
)


def load_cues(text: str, lang: str) -> Cues:
    """Validate and compile one language's section of a cue file."""
    name = _CUES
    try:
        raw = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise DataFileError(f"{name}: not valid YAML: {exc}") from exc
    if not isinstance(raw, dict) or lang not in raw:
        if isinstance(raw, dict) and "en" in raw:
            lang = "en"
        else:
            raise DataFileError(f"{name}: no cue section for language {lang!r}")
    sec = raw[lang]
    out = {}
    for k in _KEYS:
        vals = sec.get(k)
        if not isinstance(vals, list) or not vals:
            raise DataFileError(f"{name}: {lang}.{k} must be a non-empty list of patterns")
        try:
            if k == "not_filing_date":
                out[k] = with_first_chars(re.compile(r"(?:" + "|".join(vals) + r")\s*$", re.I))
            else:
                out[k] = with_first_chars(re.compile("|".join(f"(?:{v})" for v in vals), re.I | re.M))
        except re.error as exc:
            raise DataFileError(f"{name}: {lang}.{k}: bad pattern: {exc}") from exc
    kn = sec.get("kind_nouns")
    if not isinstance(kn, dict) or not kn:
        raise DataFileError(f"{name}: {lang}.kind_nouns must map proceeding kinds to patterns")
    try:
        out["kind_nouns"] = with_first_chars(re.compile("|".join(f"(?P<{k}>{v})" for k, v in kn.items()), re.I))
    except re.error as exc:
        raise DataFileError(f"{name}: {lang}.kind_nouns: bad pattern: {exc}") from exc
    pw = sec.get("patent_words")
    if not isinstance(pw, list) or not pw or not all(isinstance(w, str) and w for w in pw):
        raise DataFileError(f"{name}: {lang}.patent_words must be a non-empty list of words")
    out["patent_words"] = tuple(pw)
    for key, flags, required, scan in _SINGLE_PATTERNS:
        pat = sec.get(key)
        if pat is None and not required:
            continue
        if not isinstance(pat, str) or not pat:
            raise DataFileError(f"{name}: {lang}.{key} must be a pattern")
        try:
            rx = re.compile(pat, flags)
        except re.error as exc:
            raise DataFileError(f"{name}: {lang}.{key}: bad pattern: {exc}") from exc
        out[key] = with_first_chars(rx) if scan else rx
    if "d" not in out["short_patent"].groupindex:
        raise DataFileError(f"{name}: {lang}.short_patent needs a group named 'd'")
    return Cues(**out)


@dataclass(slots=True)
class _Draft:
    kind: str
    claimants: list[str]
    respondents: list[str]
    sentence: int
    mode: str
    forum: str | None = None
    date: str | None = None
    patents: list[str] = field(default_factory=list)
    amounts: list[MoneyMention] = field(default_factory=list)
    outcome: str | None = None
    reset: bool = False
    case_number: str | None = None
    evidence: list[Span] = field(default_factory=list)
    sentences: set[int] = field(default_factory=set)
    reexam: bool = False
    ptab: bool = False
    winner: str | None = None
    touch: int = 0
    forum_hint: str | None = None
    apart: int | None = None  # told as "a separate action" in this sentence: not the other one told there


def assemble(
    ctx: Context,
    actions: list[ActionMention],
    outcomes: list[OutcomeMention],
    mentions: Mentions,
    parties: list[Party],
) -> list[Proceeding]:
    """Proceedings of the document, each with its attributes and evidence spans."""
    if not actions:
        return []
    cue = cues(ctx.lang)
    acts = sorted(actions, key=_START_SENTENCE)
    # in one sentence a settlement comes before the dismissal it leads to ("they had resolved the dispute,
    # and the case was dismissed")
    outcomes = sorted(outcomes, key=lambda o: (o.sentence, o.outcome != "settled"))
    outcomes = _undone_verdicts(ctx, outcomes)
    drafts = _complete_roles(ctx, acts, parties)
    if not drafts:
        return []
    by_sent: dict[int, list[tuple[ActionMention, _Draft]]] = {}
    for a, d in drafts:
        by_sent.setdefault(a.sentence, []).append((a, d))
    all_patents = mentions.patents
    expanded: list[_Draft] = []  # every proceeding so far, merged as it goes (also the back-reference history)
    n_sent = len(ctx.sentences)
    named = _by_sentence(ctx, parties)
    busy = _busy_sentences(ctx, mentions, outcomes, named)
    # outcomes that name their kind, by sentence (what _kind_outcomes can apply)
    kind_cues = {o.sentence for o in outcomes if getattr(o, "only_kind", None) and not getattr(o, "winner", None)}
    # outcomes by sentence (in their order): the steps below read only those of the sentence they handle
    # a subsidiary named with its parent counts as the parent's side
    parent = {p.name: p.affiliate_of for p in parties if p.affiliate_of}
    outs_at: dict[int, list[OutcomeMention]] = {}
    for o in outcomes:
        outs_at.setdefault(o.sentence, []).append(o)
    # only sentences with an action or something a continuation can take do anything
    for si in sorted(i for i in set(by_sent) | busy if 0 <= i < n_sent):
        here = by_sent.get(si, [])
        if here:
            here.sort(key=lambda x: x[0].start)
            if len(here) > 1:
                _separate(ctx.text, ctx.sentences[si][0], here)
            touched: list[_Draft] = []
            for k, (a, d) in enumerate(here):
                lo, hi = _clause(ctx, si, here, k)
                for nd in _attach(ctx, cue, a, d, lo, hi, mentions, expanded, all_patents, parties, outcomes):
                    if getattr(a, "merge_only", False) and not any(_compatible(p, nd) for p in expanded):
                        continue  # a mention of a proceeding the document does not report
                    touched.append(_merge_into(expanded, nd))
            if si in outs_at:
                _sentence_outcomes(outs_at[si], si, _dedupe_ids(touched), expanded)
            # outcomes of another kind than the sentence's actions ("the Board held that X had not
            # shown ..., and X appealed") go to the latest proceeding of their kind
            if si in kind_cues:
                _kind_outcomes(si, outs_at[si], [h for h in expanded if si - max(h.sentences) <= 5 and h not in touched])
        elif expanded and si in busy:  # a sentence with nothing in it cannot continue an action
            _continuation(ctx, cue, si, expanded, mentions, outs_at.get(si, []), all_patents, parties, parent, named)
    _settlements(ctx, outcomes, expanded, parties, set(by_sent))
    _everywhere(outcomes, expanded)
    _settle_all(ctx, cue, expanded, parties)
    if mentions.forums and mentions.forums[0].start < 300:
        _caption_court(ctx.text, expanded, mentions)
    _defaults(expanded, mentions)
    merged = _merge(expanded)
    _inherit_appeal_patents(merged)
    _orphans(merged, mentions)
    _stray_amounts(ctx, merged, mentions, parties, set(by_sent))
    _settled_by_sum(merged)
    _damages_to_the_suit(merged)
    _appeal_by_amounts(merged)
    _award_below(merged)
    merged = _split_cases(ctx, cue, merged, mentions)
    merged = _split_counted(ctx, merged, mentions)
    _add_affiliates(ctx, merged, parties)
    return [_to_proceeding(d) for d in merged if d.claimants and d.respondents]


# --- roles ------------------------------------------------------------------------------


def _complete_roles(ctx: Context, acts: list[ActionMention], parties: list[Party]) -> list[tuple[ActionMention, _Draft]]:
    out: list[tuple[ActionMention, _Draft]] = []
    directed = [a for a in acts if not getattr(a, "undirected", False)]
    sent_parties = _by_sentence(ctx, parties)
    for i, a in enumerate(acts):
        cl, rs = list(a.claimants), list(a.respondents)
        outcome = a.outcome
        if getattr(a, "undirected", False):
            pair = set(cl) | set(rs)
            ref = next((b for b in directed if b.kind == a.kind and pair <= (set(b.claimants) | set(b.respondents))
                        and set(b.claimants) & pair and set(b.respondents) & pair), None)
            if ref is None:
                continue
            cl = [n for n in pair if n in ref.claimants]
            rs = [n for n in pair if n in ref.respondents]
            w = getattr(a, "winner", None)
            if w:
                outcome = "claimant_won" if w in cl else "respondent_won" if w in rs else None
        if getattr(a, "by_defendant", False) and not cl and not rs:
            prior = [b for b in directed[: directed.index(a)] if b.kind == "infringement" and b.claimants and b.respondents]
            if prior:
                cl, rs = list(prior[-1].respondents), list(prior[-1].claimants)
        merge_only = getattr(a, "merge_only", False)
        if cl and not rs:
            rs = _opponent(cl, acts, i) or ([] if merge_only else _others_in_sentence(sent_parties, a, cl))
        elif rs and not cl:
            cl = _opponent(rs, acts, i) or ([] if merge_only else _others_in_sentence(sent_parties, a, rs))
        rs = [r for r in rs if r not in cl]
        if not cl or not rs:
            continue
        hint = getattr(a, "forum_hint", None)
        d = _Draft(
            a.kind, cl, rs, a.sentence, getattr(a, "mode", "filing"),
            forum=hint or None,  # the hinted court: told apart from an appeal to another court
            date=getattr(a, "date_hint", None),
            outcome=outcome, evidence=[Span(a.start, a.end, a.text)], sentences={a.sentence},
            reexam=getattr(a, "reexam", False), ptab=getattr(a, "ptab", False), forum_hint=hint,
        )
        out.append((a, d))
    return out


def _opponent(names: list[str], acts: list[ActionMention], i: int) -> list[str]:
    """The other side of the nearest action (before, then after) involving ``names``."""
    order = list(range(i - 1, -1, -1)) + list(range(i + 1, len(acts)))
    for j in order:
        b = acts[j]
        if set(names) & set(b.claimants) and b.respondents:
            return [n for n in b.respondents if n not in names]
        if set(names) & set(b.respondents) and b.claimants:
            return [n for n in b.claimants if n not in names]
    return []


def _parties_by_sentence(ctx: Context, parties: list[Party]) -> dict[int, list[tuple[int, str]]]:
    out: dict[int, list[tuple[int, str]]] = {}
    starts = ctx._starts  # Context.sentence_index, without the call per mention
    for p in parties:
        name = p.name
        for m in p.mentions:
            i = bisect.bisect_right(starts, m.start) - 1
            out.setdefault(i if i > 0 else 0, []).append((m.start, name))
    for v in out.values():
        v.sort()
    return out


def _others_in_sentence(sent_parties: dict, a: ActionMention, names: list[str]) -> list[str]:
    """The party of the action's sentence nearest to its trigger, other than ``names``."""
    ms = [(min(abs(pos - a.end), abs(pos - a.start)), n) for pos, n in sent_parties.get(a.sentence, []) if n not in names]
    return [min(ms)[1]] if ms else []


# --- attaching mentions -----------------------------------------------------------------


def _clause(ctx: Context, si: int, here: list, k: int) -> tuple[int, int]:
    ss, se = ctx.sentences[si]
    if len(here) == 1:
        return ss, se  # the sentence's only action: all of it
    a = here[k][0]
    starts = sorted({x[0].start for x in here})
    idx = starts.index(a.start)
    lo = ss if idx == 0 else a.start
    hi = starts[idx + 1] if idx + 1 < len(starts) else se
    return lo, hi


def _in(spans, lo: int, hi: int):
    return [m for m in spans if lo <= m.start < hi]


@lru_cache(maxsize=8)
def _gap_pattern(extra: str) -> re.Pattern:
    """What may stand between two coordinated mentions (compiled once per ``extra``)."""
    return re.compile(r"\s*(?:,\s*)?(?:and|&|or|以及|和|及|、|,)?\s*(?:the\s+|in\s+the\s+|at\s+the\s+" + extra + r")?\s*")


def _coordinated(text: str, ms: list[Span], extra: str = "") -> list[list[Span]]:
    """Group mentions written as a coordination ("A and B", "A, B and C")."""
    groups: list[list[Span]] = []
    if len(ms) < 2:
        return [[m] for m in ms]
    gap_rx = _gap_pattern(extra)
    for m in ms:
        if groups:
            gap = text[groups[-1][-1].end:m.start]
            if gap_rx.fullmatch(gap):
                groups[-1].append(m)
                continue
        groups.append([m])
    return groups


_TIMELINE = re.compile(r"\s*[-–—:]\s|\.\s+(?=[A-Z])")  # "January 2022 - X sued", "January 2022. X sued"


def _line_date(ctx: Context, pos: int, mentions: Mentions):
    """A date opening the action's line as a timeline entry ("January 2022 - X sued Y ...")."""
    text = ctx.text
    ls = text.rfind("\n", 0, pos) + 1
    for dm in mentions.dates:
        if dm.start > pos:
            break
        if dm.start - ls <= 2 and dm.start >= ls and _TIMELINE.match(text, dm.end) and not dm.relative:
            return dm
    return None


_OPEN_BRACKET = re.compile(r"\s*[(（]\s*")


def _same_court(text: str, forums: list[ForumMention]) -> list[ForumMention]:
    """A court named twice in a row ("Fuzhou Intermediate People's Court (福州市中级人民法院)") is one court:
    keep the more specific code (not "other:")."""
    out: list[ForumMention] = []
    for f in forums:
        if out and _OPEN_BRACKET.fullmatch(text[out[-1].end:f.start]):
            if out[-1].code.startswith("other:") and not f.code.startswith("other:"):
                out[-1] = f
            continue
        out.append(f)
    return out


_WHEN_AFTER = re.compile(r",?\s+when\b")
#: "in the same court", "in the same Virginia court": the court of the suit told before
_SAME_COURT = re.compile(r"\b(?:in|at|before)\s+the\s+same\s+(?:[A-Z][\w\-]*\s+){0,2}(?:court|district|venue|forum)\b")


def _same_forum(clause: str, history: list[_Draft]) -> str | None:
    if _SAME_COURT.search(clause) is None:
        return None
    for h in reversed(history):
        if h.forum and h.kind in ("infringement", "declaratory_judgment", "other"):
            return h.forum
    return None


_COURT_SUIT = re.compile(r"\b(?:action|suit|lawsuit)s?\s+(?:in|at|before)\b", re.I)


def _forum_ok(kind: str, code: str) -> bool:
    if kind == "itc_investigation":
        return code == "usitc"
    if code in APPEAL_FORUMS and kind not in ("appeal", "other"):
        return False  # a suit is not filed at an appeal court (a case note's caption cites the appeal);
        # an 'other' application (an anti-suit order asked of the Supreme People's Court) may be
    if code == "usitc":
        return False
    if code in VALIDITY_FORUMS:
        return kind in ("invalidation", "appeal")
    return True


# a relative clause set off by commas after a subject, before its verb (", which makes ... in 2015,")
_SUBJECT_RELATIVE = re.compile(r",\s+(?:which|who|whose)\b[^,;]*,")


def _in_subject_relative(text: str, lo: int, dm: Span, verb_start: int) -> bool:
    """Does the date ``dm`` stand inside a relative clause that closes before the verb at ``verb_start``?"""
    return any(m.start() <= dm.start and dm.end <= m.end() for m in _SUBJECT_RELATIVE.finditer(text, lo, verb_start))


def _attach(ctx, cue: Cues, a: ActionMention, d: _Draft, lo: int, hi: int, mentions: Mentions,
            history: list[_Draft], all_patents: list[PatentMention], parties: list[Party],
            outcomes: list[OutcomeMention] = ()) -> list[_Draft]:
    text = ctx.text
    # forums
    clause_forums = _in(mentions.forums, lo, hi)
    forums = _same_court(text, [f for f in clause_forums if _forum_ok(d.kind, f.code)]) if clause_forums else []
    if d.kind == "appeal":
        # "appealed the PTAB decision to the Federal Circuit": the appeal court
        forums = [f for f in forums if f.code in APPEAL_FORUMS or _APPEAL_NAME.search(f.code)] or []
    # dates (filing triggers only)
    dates: list[DateMention] = []
    for dm in _in(mentions.dates, lo, hi):
        before = text[max(lo, dm.start - 25):dm.start]
        if cue.not_filing_date.search(before) and not (dm.end < a.start and _WHEN_AFTER.match(text, dm.end)):
            continue  # ("fighting since May 2019, when X sued": the date of the suit told after it)
        if cue.judgment_after is not None and cue.judgment_after.match(text, dm.end, hi):
            continue  # "On May 2, 2021, the court ruled ...": the judgment's date
        if dm.end <= a.start and _in_subject_relative(text, lo, dm, a.start):
            continue  # "X, which was spun out of a lab in 2015, on Monday sued Y": the date describes X
        # a reference ("X accused Y ...") takes only a date said to be the filing's ("a lawsuit filed Tuesday")
        if d.mode == "filing" or cue.filing.search(before) or _filed_before(ctx, cue, a, lo):
            dates.append(dm)
    wt = ctx.word_tests()  # word pre-tests: skip cue patterns whose words the clause lacks
    s_lo = ctx.sentences[a.sentence][0]  # "In July it filed at the ITC, and on the same day it | sued ...": from the sentence start
    sd = cue.same_day.search(text, s_lo, hi) if d.mode == "filing" and wt.may_match(cue.same_day, s_lo, hi) else None
    if sd is not None:
        # "which X sued on the same day", "On the same day it filed in A, X also sued Y in B": the date
        # told before it in the sentence, else the one of the action told before
        # (the day last named in the two sentences before: "the court ruled on 27 August. The same day, X ...")
        p_lo = ctx.sentences[max(0, a.sentence - 2)][0]
        own = [dm for dm in mentions.dates if p_lo <= dm.start < sd.start() and not dm.relative]
        prev = own[-1].value if own else next((h.date for h in reversed(history) if h.date), None)
        if prev:
            dates = []
            d.date = prev
    if not dates and d.mode == "filing" and d.date is None:
        lead = _line_date(ctx, a.start, mentions)
        if lead is not None:
            dates = [lead]
    if not dates and d.date is None and ctx.published and cue.today is not None:
        _today(ctx, cue, a, d)
    if not dates and d.date is None and d.mode == "filing" and cue.date_anaphor is not None:
        _date_anaphor(ctx, cue, a, d, lo, hi, mentions)
    groups_d = _coordinated(text, dates) if dates else []
    # patents
    pats = _in(mentions.patents, lo, hi)
    d.patents = _dedupe([p.id for p in pats]) if pats else []
    clause = text[lo:hi]
    if not d.patents:
        d.patents = _backref_patents(cue, clause, d, history, all_patents)
    told = getattr(a, "definite", False) and any(set(d.claimants) & set(h.claimants) for h in history)
    bounds = None if told else _before_bounds(ctx, a.sentence, history)
    # (nothing in the unclaimed sentences just before that the action could still take: skip the pattern)
    if (bounds is not None and _can_take_before(bounds, d, forums, mentions, outcomes)
            and wt.may_match(cue.continuation, lo, hi) and cue.continuation.search(clause)):
        # "ZTE filed the invalidation request on ...": what the sentences just before said of it
        b_lo, b_hi = bounds
        if not d.patents:
            d.patents = _dedupe([p.id for p in _in(mentions.patents, b_lo, b_hi)])
        if not forums:
            forums = [f for f in _in(mentions.forums, b_lo, b_hi) if _forum_ok(d.kind, f.code)]
            forums = forums[:1]
        for o in _in(outcomes, b_lo, b_hi):
            if d.outcome is None and _self_evident(o):
                d.outcome = _role_outcome(o, d)
    groups_f = _coordinated(text, forums) if forums else []
    if not forums and d.forum is None and d.kind in ("infringement", "declaratory_judgment", "other") and "same" in clause:
        d.forum = _same_forum(clause, history)
    d.evidence.extend(pats)
    # amounts
    for m in _in(mentions.money, lo, hi):
        if m.role is not None and not m.converted:
            d.amounts.append(m)
            d.evidence.append(m)
    # case numbers
    cns = _in(mentions.case_numbers, lo, hi) if mentions.case_numbers else []
    if cns:
        d.case_number = cns[0].number
        d.evidence.append(cns[0])
        if not forums and cns[0].forum and _forum_ok(d.kind, cns[0].forum):
            d.forum = cns[0].forum
    # one proceeding per coordinated forum, then per coordinated date
    out = [d]
    if d.kind == "infringement":
        # "sued in Delaware and at the ITC": the ITC part is an investigation
        itc = [f for f in clause_forums if f.code == "usitc"]
        if itc and not groups_f:
            d.kind = "itc_investigation"
            groups_f = [itc[:1]]
        elif itc:
            x = _copy(d)
            x.kind = "itc_investigation"
            x.forum = "usitc"
            x.evidence.append(itc[0])
            out.append(x)
    elif d.kind == "itc_investigation" and len(clause_forums) > 1:
        # "filing a complaint with the ITC and, the same day, an infringement action in the Northern
        # District of California": the court suit told with the complaint is a proceeding of its own
        courts = [f for f in clause_forums if f.code != "usitc" and _forum_ok("infringement", f.code)]
        if courts and _COURT_SUIT.search(text, lo, hi):
            x = _copy(d)
            x.kind = "infringement"
            x.forum = courts[0].code
            x.evidence.append(courts[0])
            out.append(x)
    if groups_f:
        # one proceeding per court named in the clause ("in Delaware, at the ITC and in Munich")
        g0 = [f for grp in groups_f for f in grp]
        codes = _dedupe([f.code for f in g0])
        base = d
        out = [x for x in out if x is not d]
        for code in codes:
            nd = _copy(base)
            nd.forum = code
            nd.evidence.extend(f for f in g0 if f.code == code)
            out.append(nd)
    if groups_d:
        g0 = groups_d[0]
        vals = _dedupe([x.value for x in g0])
        res = []
        for nd in out:
            for v in vals:
                x = _copy(nd)
                x.date = v
                x.evidence.extend(dm for dm in g0 if dm.value == v)
                res.append(x)
        out = res
    return out


#: every "today" cue holds one of these (a quick test before the pattern)
_TODAY_WORDS = {"en": ("oday", "morning", "filing", "being"), "zh": ("今天", "今日")}


#: how many sentences back the date of "at that time", 同年 may stand
ANAPHOR_SENTENCES = 6
#: every date anaphor holds one of these (a quick test before the pattern)
_ANAPHOR_WORDS = {"en": (" year", " month", " time"),
                  "zh": ("同年", "当年", "當年", "当时", "當時", "彼时", "彼時", "同月", "当月", "當月")}


def _date_anaphor(ctx: Context, cue: Cues, a: ActionMention, d: _Draft, lo: int, hi: int, mentions: Mentions) -> None:
    """ "The feud began in May 2019. At that time X sued ...", "同年,X起诉Y": the date told just
    before (in the sentences just before the clause), to its year or month."""
    text = ctx.text
    ss = ctx.sentences[a.sentence][0]
    if not _has_word(text, _ANAPHOR_WORDS.get(ctx.lang, _ANAPHOR_WORDS["en"]), ss, hi):
        return
    m = cue.date_anaphor.search(text, ss, hi)
    if m is None:
        return
    first = ctx.sentences[max(0, a.sentence - ANAPHOR_SENTENCES)][0]
    prev = [dm for dm in mentions.dates if first <= dm.start < m.start() and not dm.relative]
    if not prev:
        return
    v = prev[-1].value
    d.date = v[:4] if m.group("y") else v[:7]
    d.evidence.append(prev[-1])


def _filed_before(ctx: Context, cue: Cues, a: ActionMention, lo: int) -> bool:
    """ "Apple filed | its complaint in ... on April 15, 2011": a mention cut from the filing verb
    just before it (same sentence) is that filing."""
    ss = ctx.sentences[a.sentence][0]
    return lo > ss and bool(cue.filing.search(ctx.text[max(ss, lo - 20):lo]))


def _today(ctx: Context, cue: Cues, a: ActionMention, d: _Draft) -> None:
    """ "X today announced that it has filed ...", "X is filing suit": the filing is of the document's date."""
    ss, se = ctx.sentences[a.sentence]
    text = ctx.text
    if not _has_word(text, _TODAY_WORDS.get(ctx.lang, _TODAY_WORDS["en"]), ss, se):
        return
    for m in cue.today.finditer(text, ss, se):
        # a mention of a proceeding: "today" must lead to a filing verb ("today announced that it has filed")
        if d.mode == "filing" or cue.filing.search(text, m.start(), min(se, m.end() + 40)):
            d.date = ctx.published
            return


def _copy(d: _Draft) -> _Draft:
    return _Draft(
        d.kind, list(d.claimants), list(d.respondents), d.sentence, d.mode, d.forum, d.date, list(d.patents),
        list(d.amounts), d.outcome, d.reset, d.case_number, list(d.evidence), set(d.sentences), d.reexam, d.ptab,
        d.winner, d.touch, d.forum_hint, d.apart,
    )


def _has_word(text: str, words, lo: int, hi: int) -> bool:
    """Does ``text[lo:hi]`` hold one of ``words``?"""
    for w in words:
        if text.find(w, lo, hi) >= 0:
            return True
    return False


def _dedupe(xs):
    return list(dict.fromkeys(xs))


_NON_DIGITS = re.compile(r"\D")


def _backref_patents(cue: Cues, clause: str, d: _Draft, history: list[_Draft], all_patents) -> list[str]:
    # (a document naming no patent: every back-reference leads to one of its patents, none)
    if not all_patents or not _has_word(clause, cue.patent_words, 0, len(clause)):
        return []
    out: list[str] = []
    ids = _dedupe([p.id for p in all_patents])
    if len(ids) == 1 and cue.one_patent.search(clause):
        return ids  # "the patent" in a document that names one
    for m in cue.short_patent.finditer(clause):
        digits = m.group("d")
        for p in all_patents:
            core = _NON_DIGITS.sub("", p.id.split(".")[0])
            if core.endswith(digits) and p.id not in out:
                out.append(p.id)
    if out:
        return out
    if not any(h.patents for h in history):
        return []  # nothing told before to refer back to (the patterns below could only lead there)
    backref = None
    if cue.owned_backref.search(clause) or (backref := cue.patents_backref.search(clause)):
        # patents of the respondent (an invalidation) or of the claimant, named before
        owners = d.respondents if d.kind == "invalidation" else d.claimants
        for h in reversed(history):
            if h.patents and h.kind != "invalidation" and set(owners) & set(h.claimants):
                return list(h.patents)
        if backref is None:
            backref = cue.patents_backref.search(clause)
        if backref:
            for h in reversed(history):
                if h.patents:
                    return list(h.patents)
    return []


def _before_bounds(ctx: Context, si: int, history: list[_Draft]) -> tuple[int, int] | None:
    """The text of the two sentences before ``si`` that no earlier action has claimed (None: none)."""
    last = max(map(max, map(_SENTENCES, history)), default=-1)
    lo_s = max(last + 1, si - 2)
    if lo_s >= si:
        return None
    return ctx.sentences[lo_s][0], ctx.sentences[si][0]


def _can_take_before(bounds: tuple[int, int], d: _Draft, forums: list[ForumMention], mentions: Mentions,
                     outcomes: list[OutcomeMention]) -> bool:
    """Could the sentences just before (``bounds``) still give ``d`` patents, a forum or an outcome?"""
    lo, hi = bounds
    if not d.patents and any(lo <= p.start < hi for p in mentions.patents):
        return True
    if not forums and any(lo <= f.start < hi and _forum_ok(d.kind, f.code) for f in mentions.forums):
        return True
    return d.outcome is None and any(lo <= o.start < hi and _self_evident(o) for o in outcomes)


def _by_sentence(ctx: Context, parties: list[Party]) -> dict[int, list[tuple[int, str]]]:
    cached = getattr(ctx, "_patlit_party_sentences", None)
    if cached is None or cached[0] is not parties:
        cached = (parties, _parties_by_sentence(ctx, parties))
        setattr(ctx, "_patlit_party_sentences", cached)
    return cached[1]


def _busy_sentences(ctx: Context, mentions: Mentions, outcomes: list[OutcomeMention],
                    named: dict[int, list[tuple[int, str]]]) -> set[int]:
    """Sentences naming a party or holding an outcome cue or a mention (money, forum, patent,
    date): the only ones :func:`_continuation` can take something from."""
    busy = {si for si, v in named.items() if v}
    busy.update(o.sentence for o in outcomes)
    sentences = ctx.sentences
    starts = ctx._starts  # Context.sentence_index, without the call per mention
    for spans in (mentions.money, mentions.forums, mentions.patents, mentions.dates):
        for m in spans:
            i = bisect.bisect_right(starts, m.start) - 1
            if i >= 0 and m.start < sentences[i][1]:
                busy.add(i)
    return busy


def _continuation(ctx: Context, cue: Cues, si: int, history: list[_Draft], mentions: Mentions,
                  outcomes: list[OutcomeMention], all_patents, parties: list[Party],
                  parent: dict[str, str] | None = None,
                  named_all: dict[int, list[tuple[int, str]]] | None = None) -> None:
    """A sentence without an action of its own that speaks of the latest one (``si`` is one of
    :func:`_busy_sentences`: it names a party or holds an outcome cue or a mention; ``outcomes``:
    at least those of ``si``)."""
    if not history:
        return
    ss, se = ctx.sentences[si]
    named = (_by_sentence(ctx, parties) if named_all is None else named_all).get(si, [])
    # (the caller passes only sentences of _busy_sentences: each has something to give)
    sent = ctx.text[ss:se]
    names = {n for _, n in named}
    # a follow-up naming its parties may come later than one that only refers back
    reach = 15 if named else 5
    recent = sorted([h for h in history if si - max(h.sentences) <= reach], key=_TOUCH)
    if not recent:
        return
    if names:
        # a subsidiary named with its parent counts as the parent's side
        if parent is None:
            parent = {p.name: p.affiliate_of for p in parties if p.affiliate_of}
        if parent:
            names = {parent.get(n, n) if parent.get(n) else n for n in names}
        # only an action whose sides include every party the sentence names
        recent = [h for h in recent if names <= set(h.claimants) | set(h.respondents)]
        if not recent:
            return
    cur = recent[-1]
    wt = ctx.word_tests()  # word pre-tests: skip cue patterns whose words the sentence lacks
    if len(recent) == 1 and _alone_in_sentence(history, cur):
        km = None  # (one proceeding to follow, told alone in its sentence: a kind noun would change nothing)
    else:
        km = cue.kind_nouns.search(sent) if wt.may_match(cue.kind_nouns, ss, se) else None
    noun_kind = next((k for k, v in km.groupdict().items() if v), None) if km else None
    if noun_kind:
        same = [h for h in recent if h.kind == noun_kind or (noun_kind == "infringement" and h.kind in _SUIT_KINDS)]
        if named:
            # "Motorola said the present suit ...": the named party's own suit
            mine = [h for h in same if named[0][1] in h.claimants]
            same = mine or same
        cur = same[-1] if same else cur
    if not named and si - max(cur.sentences) > 3:
        return
    # (``cur`` is one of ``recent``: its sides hold every party the sentence names)
    if names and not _may_give(cue, sent, ss, se, mentions, all_patents):
        refers = False  # (with parties named, referring back only decides what the sentence gives: nothing)
    else:
        refers = wt.may_match(cue.continuation, ss, se) and bool(cue.continuation.search(sent))
    if not refers and not names:
        # a bare follow-up ("Of that sum ...", "The parties later settled.") only right after the action
        if si - max(cur.sentences) > 1:
            return
        has_money = any(m.role for m in _in(mentions.money, ss, se))
        has_outcome = any(o.sentence == si and _self_evident(o) for o in outcomes)
        if not has_money and not has_outcome:
            return
        bare = True
        # an outcome sentence names the patents it decided ("the Board found claims of Patent X unpatentable")
        refers = has_outcome and bool(_in(mentions.patents, ss, se))
    else:
        bare = False
    if outcomes:
        _kind_outcomes(si, outcomes, recent)
    # all proceedings touched by the latest action's sentence share the follow-up
    cur_last = max(cur.sentences)
    latest = [h for h in history if max(h.sentences) == cur_last and h.kind == cur.kind] if not km else [cur]
    forums = _same_court(ctx.text, _in(mentions.forums, ss, se)) if refers else []
    # "Caltech alleged that Y's chips infringed U.S. Patent Nos. ...": the sides' claim names the patents
    claims = refers or (bool(names) and _claims_patents(cue, sent, mentions, ss, se))
    pats = _in(mentions.patents, ss, se) if claims else []
    pids = (_dedupe([p.id for p in pats]) or _backref_patents(cue, sent, cur, history, all_patents)) if claims else []
    money = [m for m in _in(mentions.money, ss, se) if m.role is not None and not m.converted]
    dates = [dm for dm in _in(mentions.dates, ss, se) if not dm.relative] if refers else []
    if dates and not (wt.may_match(cue.filing, ss, se) and cue.filing.search(sent)):
        dates = []  # only a filing's date (the pattern tested last: most follow-ups hold no date)
    f_groups = _coordinated(ctx.text, [f for f in forums if _forum_ok(cur.kind, f.code)])
    codes = _dedupe([f.code for f in f_groups[0]]) if f_groups else []
    if len(codes) > 1 and len(latest) == 1 and latest[0].forum is None:
        # "the present suit was brought in A and B": one proceeding per court
        base = latest[0]
        base.forum = codes[0]
        for code in codes[1:]:
            nd = _copy(base)
            nd.forum = code
            history.append(nd)
            latest.append(nd)
    for h in latest:
        h.sentences.add(si)
        if h.forum is None and codes:
            h.forum = codes[0]
            h.evidence.extend(f for f in f_groups[0] if f.code == codes[0])
        for f in f_groups[0] if f_groups else []:
            if f.code == h.forum:
                h.evidence.append(f)
        if not h.patents and pids:
            h.patents = list(pids)
            h.evidence.extend(pats)
        for m in money:
            h.amounts.append(m)
            h.evidence.append(m)
        if h.date is None and dates and h.mode == "filing":
            h.date = dates[0].value
            h.evidence.append(dates[0])
        for o in outcomes:
            if o.sentence != si or (bare and not _self_evident(o)):
                continue
            only = getattr(o, "only_kind", None)
            if only and h.kind != only:
                continue
            if getattr(o, "reset", False):
                if h.kind != "appeal":
                    h.reset = True  # an appeal court vacating is the appellant's win, not a reset
                continue
            if h.outcome is None:
                h.outcome = _role_outcome(o, h)


def _alone_in_sentence(history: list[_Draft], cur: _Draft) -> bool:
    """Is ``cur`` the only proceeding of its kind whose latest sentence is its own latest one?"""
    last = max(cur.sentences)
    return sum(1 for h in history if h.kind == cur.kind and max(h.sentences) == last) == 1


def _may_give(cue: Cues, sent: str, ss: int, se: int, mentions: Mentions, all_patents) -> bool:
    """Could a follow-up sentence that refers back give its action a forum, patents or a date?"""
    for spans in (mentions.forums, mentions.patents, mentions.dates):
        for m in spans:
            if ss <= m.start < se:
                return True
    # patents it refers back to ("the patents at issue")
    return bool(all_patents) and _has_word(sent, cue.patent_words, 0, len(sent))


#: every settle_all cue holds one of these (a quick test before the pattern)
_SETTLE_ALL_WORDS = ("全部", "所有", "一切", "各项", "各項")
#: a settle_all cue with one of these, in a sentence with none of _AGREEMENT_WORDS, is a withdrawal
_WITHDRAW_WORDS = ("撤回", "撤诉", "撤訴")
_AGREEMENT_WORDS = ("和解", "协议", "協議", "许可", "許可", "达成", "達成")
_WITHDRAWABLE = ("infringement", "declaratory_judgment", "other")


def _settle_all(ctx: Context, cue: Cues, drafts: list[_Draft], parties: list[Party]) -> None:
    """ "双方签署许可协议,并将撤回针对对方提起的全部诉讼": every open proceeding between the sides
    the sentence names (two at least) is settled."""
    pat = cue.settle_all
    text = ctx.text
    if pat is None or not drafts or not any(w in text for w in _SETTLE_ALL_WORDS):
        return
    named = _by_sentence(ctx, parties)
    starts = ctx._starts
    for m in pat.finditer(text):
        si = max(0, bisect.bisect_right(starts, m.start()) - 1)
        names = {n for _, n in named.get(si, [])}
        if len(names) < 2:
            continue
        ss, se = ctx.sentences[si]
        withdrawn = any(w in m.group() for w in _WITHDRAW_WORDS) and not any(w in text[ss:se] for w in _AGREEMENT_WORDS)
        for d in drafts:
            if d.outcome is None and names & set(d.claimants) and names & set(d.respondents):
                if withdrawn and d.kind not in _WITHDRAWABLE:
                    continue  # "撤回…全部起诉": the suits, not the validity requests between the two
                d.outcome = "withdrawn" if withdrawn else "settled"
                d.evidence.append(Span(m.start(), m.end(), m.group()))


def _claims_patents(cue: Cues, sent: str, mentions: Mentions, ss: int, se: int) -> bool:
    """Does a follow-up sentence claim infringement of patents it names ("X alleged that ... infringed
    U.S. Patent No. ...", "X asserts patents ...")?"""
    pat = cue.patent_claim
    # (the cheap test first: most follow-ups name no patent)
    return pat is not None and any(ss <= p.start < se for p in mentions.patents) and bool(pat.search(sent))


#: what a court throws out when it undoes a decision below ("threw out the $2 billion verdict")
_UNDONE = re.compile(r"\s+(?:the\s+|that\s+|a\s+)?(?:[$€£¥]?[\d.,]+\s*(?:million|billion|m|bn)?\s+)?(?:jury\s+)?"
                     r"(?:verdict|judgment|judgement|award|damages\s+award|damages|ruling)\b", re.I)


def _undone_verdicts(ctx: Context, outcomes: list[OutcomeMention]) -> list[OutcomeMention]:
    """ "That court threw out the $2.18 billion verdict": not a dismissal but the win of an appeal."""
    out = []
    for o in outcomes:
        if o.outcome == "dismissed" and isinstance(o, Outcome) and not o.only_kind and _UNDONE.match(ctx.text, o.end):
            o = Outcome(o.start, o.end, o.text, "claimant_won", o.sentence, only_kind="appeal")
        out.append(o)
    return out


def _everywhere(outcomes: list[OutcomeMention], drafts: list[_Draft]) -> None:
    """ "All pending litigation would be dismissed": every open proceeding of the document ends."""
    for o in outcomes:
        if not getattr(o, "everywhere", False):
            continue
        for d in drafts:
            if d.outcome is None:
                d.outcome = o.outcome
                d.evidence.append(Span(o.start, o.end, o.text))


def _settlements(ctx: Context, outcomes: list[OutcomeMention], drafts: list[_Draft], parties: list[Party],
                 action_sentences: set[int]) -> None:
    """ "X and Y have settled" (a headline or lead before the suits are told): every open
    proceeding between the two sides is settled."""
    named = _by_sentence(ctx, parties)
    for o in outcomes:
        if o.outcome != "settled" or o.sentence in action_sentences:
            continue
        names = {n for _, n in named.get(o.sentence, [])}
        if len(names) < 2:
            continue
        for d in drafts:
            if d.outcome is None and names & set(d.claimants) and names & set(d.respondents):
                d.outcome = "settled"
                d.evidence.append(Span(o.start, o.end, o.text))


def _kind_outcomes(si: int, outcomes: list[OutcomeMention], recent: list[_Draft]) -> None:
    """Outcomes that name their kind ("the Board denied institution", "the Federal Circuit
    affirmed") go to the latest open proceeding of that kind."""
    for o in outcomes:
        only = getattr(o, "only_kind", None)
        if o.sentence != si or not only or getattr(o, "winner", None):
            continue
        of_kind = [h for h in recent if h.kind == only]
        if of_kind and of_kind[-1].outcome is None:
            of_kind[-1].outcome = o.outcome
            of_kind[-1].evidence.append(Span(o.start, o.end, o.text))


def _self_evident(o: OutcomeMention) -> bool:
    """An outcome that a sentence naming nobody can still give ("The parties settled.")."""
    return (
        o.outcome in ("settled", "withdrawn", "dismissed", "closed")
        or bool(getattr(o, "winner", None) or getattr(o, "loser", None) or getattr(o, "only_kind", None))
        or bool(getattr(o, "reset", False))
    )


def _role_outcome(o: OutcomeMention, d: _Draft) -> str | None:
    only = getattr(o, "only_kind", None)
    if only and d.kind != only:
        return None
    lo = getattr(o, "loser", None)
    if lo:
        if lo in d.claimants:
            return "respondent_won"
        if lo in d.respondents:
            return "claimant_won"
        return None
    w = getattr(o, "winner", None)
    if w:
        if w in d.claimants:
            return "claimant_won"
        if w in d.respondents:
            return "respondent_won"
        return None
    return o.outcome


def _sentence_outcomes(outcomes: list[OutcomeMention], si: int, here: list[_Draft], all_drafts: list[_Draft]) -> None:
    for o in outcomes:
        if o.sentence != si:
            continue
        if getattr(o, "reset", False):
            for d in here:
                if d.kind != "appeal":
                    d.reset = True
                elif d.outcome is None:
                    d.outcome = "claimant_won"  # "X appealed, and the court vacated the award": the appellant won
            continue
        targets = here
        w = getattr(o, "winner", None)
        appeals = [d for d in here if d.kind == "appeal"]
        if appeals and (w or o.outcome == "claimant_won"):
            # "appealed the judgment, which had awarded X ...": the judgment below
            sides = set(appeals[0].claimants) | set(appeals[0].respondents)
            lower = [d for d in all_drafts if d.kind != "appeal" and sides & set(d.claimants) and sides & set(d.respondents)]
            lower = [d for d in lower if d.kind in _SUIT_KINDS] or lower
            targets = lower[-1:]
        for d in targets:
            if d.outcome is None:
                oc = _role_outcome(o, d)
                if oc:
                    d.outcome = oc
                    d.evidence.append(Span(o.start, o.end, o.text))


# --- defaults and merging ---------------------------------------------------------------


#: a court paper's caption: "IN THE UNITED STATES DISTRICT COURT FOR THE DISTRICT OF DELAWARE"
_CAPTION = re.compile(r"\s*IN\s+THE\s+[A-Z][A-Z .,']*COURT\b")


def _caption_court(text: str, drafts: list[_Draft], mentions: Mentions) -> None:
    """A paper opening with its court's caption: the suits it tells with no court are that court's."""
    m = _CAPTION.match(text, text.find("IN THE", 0, 200)) if "IN THE" in text[:200] else None
    if m is None:
        return
    f = mentions.forums[0]
    if f.start > m.end() + 80 or f.code in APPEAL_FORUMS:
        return
    for d in drafts:
        if d.forum is None and d.kind in ("infringement", "declaratory_judgment") and _forum_ok(d.kind, f.code):
            d.forum = f.code


def _defaults(drafts: list[_Draft], mentions: Mentions) -> None:
    codes: list[str] = []
    appeal_codes: list[str] = []
    # (the document's courts serve only a proceeding left without one)
    if mentions.forums and any(d.forum is None or d.forum == "uspto" for d in drafts):
        codes = _dedupe([f.code for f in mentions.forums])
        appeal_codes = [f.code for f in mentions.forums if f.code in APPEAL_FORUMS or _APPEAL_NAME.search(f.code)]
        # a named appeal court before a loosely read one ("other:...Court of Appeal")
        appeal_codes.sort(key=lambda c: c.startswith("other:"))
    for d in drafts:
        if d.forum == "uspto":
            d.forum = "ptab" if d.kind == "invalidation" and not d.reexam else None
        if d.forum is None and d.forum_hint:
            d.forum = d.forum_hint
        if d.forum is None:
            if d.kind == "itc_investigation":
                d.forum = "usitc"
            elif d.kind == "appeal" and appeal_codes:
                d.forum = appeal_codes[0]
            elif d.kind == "invalidation" and d.ptab and not d.reexam:
                d.forum = "ptab"
            elif d.reexam:
                pass
            else:
                # an article about one court (named more than once) gives it to every action fit for it
                ok = [c for c in codes if _forum_ok(d.kind, c) and c != "uspto" and c not in APPEAL_FORUMS]
                if len(ok) == 1 and len(codes) == 1 and len(mentions.forums) >= 2:
                    d.forum = ok[0]
        if d.reset:
            d.outcome = None


#: "..., and a separate infringement action it brought ...", "filed another suit": a proceeding apart
_SEPARATE_BEFORE = re.compile(
    r"\b(?:separate|second|another|distinct)\s+(?:[\w\-]+\s+){0,2}?(?:action|suit|lawsuit|case|complaint)s?\s+(?:that\s+|which\s+)?(?:\w+\s+){0,2}$", re.I)
_SEPARATE_AFTER = re.compile(r"\s+(?:a\s+separate|a\s+second|another)\s", re.I)


def _separate(text: str, s_lo: int, here: list) -> None:
    """Mark the actions of one sentence told as a separate action (not the other one of the sentence)."""
    for a, d in here[1:]:
        if _SEPARATE_BEFORE.search(text, max(s_lo, a.start - 60), a.start) or _SEPARATE_AFTER.match(text, a.end):
            d.apart = a.sentence


def _compatible(a: _Draft, b: _Draft) -> bool:
    if a.kind != b.kind:
        return False
    if (a.apart is not None and a.apart in b.sentences) or (b.apart is not None and b.apart in a.sentences):
        return False
    if set(a.claimants).isdisjoint(b.claimants) or set(a.respondents).isdisjoint(b.respondents):
        return False
    if a.forum and b.forum and a.forum != b.forum:
        return False
    if a.date and b.date and not (a.date.startswith(b.date) or b.date.startswith(a.date)):
        return False
    if a.patents and b.patents and set(a.patents).isdisjoint(b.patents):
        return False
    if a.outcome and b.outcome and a.outcome != b.outcome:
        return False
    return True


def _dedupe_ids(ds: list[_Draft]) -> list[_Draft]:
    out, seen = [], set()
    for d in ds:
        if id(d) not in seen:
            seen.add(id(d))
            out.append(d)
    return out


def _merge_into(drafts: list[_Draft], d: _Draft) -> _Draft:
    """Merge ``d`` into the latest compatible proceeding (or append it); return the one kept.

    ``touch`` orders proceedings by when an action last spoke of them.
    """
    stamp = max(map(_TOUCH, drafts), default=0) + 1
    for p in sorted(drafts, key=_TOUCH, reverse=True):
        if _compatible(p, d):
            _absorb(p, d)
            p.touch = stamp
            return p
    d.touch = stamp
    drafts.append(d)
    return d


def _absorb(target: _Draft, d: _Draft) -> None:
    target.claimants = _dedupe(target.claimants + d.claimants)
    target.respondents = _dedupe(target.respondents + d.respondents)
    target.forum = target.forum or d.forum
    if d.date and (not target.date or len(d.date) > len(target.date)):
        target.date = d.date
    target.patents = _dedupe(target.patents + d.patents)
    target.amounts.extend(d.amounts)
    target.outcome = target.outcome or d.outcome
    target.reset = target.reset or d.reset
    target.case_number = target.case_number or d.case_number
    target.evidence.extend(d.evidence)
    target.sentences |= d.sentences
    target.reexam = target.reexam or d.reexam
    target.ptab = target.ptab or d.ptab


def _orphans(drafts: list[_Draft], mentions: Mentions) -> None:
    """A document reporting one suit: its unattached patents and sums belong to that suit."""
    live = [d for d in drafts if d.claimants and d.respondents]
    suits = [d for d in live if d.kind in _SUIT_KINDS]
    if len(live) == 1 and mentions.patents:
        live[0].patents = _dedupe(live[0].patents + [p.id for p in mentions.patents])
        live[0].evidence.extend(mentions.patents)
    if len(suits) == 1:
        used = {(m.start, m.end) for d in drafts for m in d.amounts}
        for m in mentions.money:
            if m.role in ("damages", "costs", "awarded", "settlement") and not m.converted and (m.start, m.end) not in used:
                suits[0].amounts.append(m)
                suits[0].evidence.append(m)


_BLANK_LINE = re.compile(r"\n[ \t]*\n")
#: every case header holds one of these (a quick test before the pattern)
#: (the list's first header: "案件一", "Case 1")
_CASE_WORDS = {"zh": ("案件一", "案件1", "第一起", "第一案"), "en": ("Case 1", "Case One")}


def _case_sections(ctx: Context, cue: Cues) -> list[tuple[int, int]]:
    """The cases of a numbered list ("案件一：... 案件二：...", "Case 1: ... Case 2: ..."): each runs
    from its header to the next header, the last one to the end of its paragraph."""
    pat = cue.case_header
    text = ctx.text
    if pat is None or not any(w in text for w in _CASE_WORDS.get(ctx.lang, _CASE_WORDS["en"])):
        return []
    heads = [m.start() for m in pat.finditer(text)]
    if len(heads) < 2:
        return []
    out = []
    for k, h in enumerate(heads):
        if k + 1 < len(heads):
            out.append((h, heads[k + 1]))
        else:
            nl = text.find("\n", h)
            blank = _BLANK_LINE.search(text, nl if nl >= 0 else h)
            out.append((h, blank.start() if blank else len(text)))
    return out


def _split_cases(ctx: Context, cue: Cues, drafts: list[_Draft], mentions: Mentions) -> list[_Draft]:
    """A proceeding whose patents or sums come from two cases of a numbered list is one
    proceeding per case, each with the patents and sums of its own case (sums outside the
    cases, such as their total, belong to none)."""
    if not any(len(d.patents) + len(d.amounts) >= 2 for d in drafts if d.kind in _SUIT_KINDS):
        return drafts  # nothing a list of cases could share out
    sections = _case_sections(ctx, cue)
    if not sections:
        return drafts

    def where(pos: int) -> int:
        return next((k for k, (s, e) in enumerate(sections) if s <= pos < e), -1)

    pat_secs: dict[str, set[int]] = {}
    for p in mentions.patents:
        k = where(p.start)
        if k >= 0:
            pat_secs.setdefault(p.id, set()).add(k)
    out: list[_Draft] = []
    for d in drafts:
        hit = {k for pid in d.patents for k in pat_secs.get(pid, ())} | {where(m.start) for m in d.amounts}
        hit.discard(-1)
        if len(hit) == 1 and d.kind in _SUIT_KINDS:
            # already one case (the grammar split the list): sums outside every case are not its own
            (k,) = hit
            d.amounts = [m for m in d.amounts if where(m.start) in (k, -1) and not _outside(m.start, sections)]
        if len(hit) < 2 or d.kind not in _SUIT_KINDS:
            out.append(d)
            continue
        for k in sorted(hit):
            x = _copy(d)
            x.patents = ([pid for pid in d.patents if k in pat_secs.get(pid, ())]
                         or [pid for pid in d.patents if pid not in pat_secs]
                         or [pid for pid, ks in pat_secs.items() if k in ks])
            x.amounts = [m for m in d.amounts if where(m.start) == k]
            out.append(x)
    return out


def _outside(pos: int, sections: list[tuple[int, int]]) -> bool:
    """``pos`` lies after the first case header and in none of the cases (a total told after the list)."""
    return pos >= sections[0][0] and not any(s <= pos < e for s, e in sections)


#: "two cases", "两案", "两起诉讼": a counted group of suits (group "n": how many)
_COUNTED_SUITS = with_first_chars(re.compile(
    r"\b(?P<n>two|three|four|five|[2-5])\s+(?:[\w\-]+\s+){0,3}?(?:cases|suits|lawsuits|actions|complaints)\b"
    r"|(?P<nz>[两二三四五兩])(?:起|件|个|個)?(?:案件|案|诉讼|訴訟)", re.I))
#: the patents given one to each ("respectively", 分别, "one case ..., the other ...")
_DISTRIBUTIVE = with_first_chars(re.compile(r"分别|分別|\brespectively\b|\bone\s+(?:case|suit|lawsuit|action)\b(?:[^.;。；]|\.(?=\S)|(?<=\bNo)\.|(?<=\b[A-Z])\.){0,80}\bthe\s+other\b", re.I))
#: every counted group holds one of these, lower-cased (a quick test before the pattern)
_COUNTED_NOUNS = ("case", "suit", "action", "complaint", "案", "诉讼", "訴訟")
_COUNT_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "两": 2, "兩": 2, "二": 2, "三": 3, "四": 4, "五": 5}


def _may_count(text: str, ss: int, se: int) -> bool:
    """False only when :data:`_COUNTED_SUITS` cannot match in ``text[ss:se]``."""
    low = lowered(text[ss:se])
    return low is None or _has_word(low, _COUNTED_NOUNS, 0, len(low))


def _split_counted(ctx: Context, drafts: list[_Draft], mentions: Mentions) -> list[_Draft]:
    """ "Two cases ... the patents in suit are X and Y respectively" (两案 ... 涉案专利分别为 X 和 Y): a
    counted group of suits whose patents are given one to each case is one proceeding per patent."""
    text = ctx.text
    if not any(2 <= len(d.patents) <= 5 for d in drafts):
        return drafts
    out: list[_Draft] = []
    for d in drafts:
        n = len(d.patents)
        if n < 2 or n > 5 or d.kind not in _SUIT_KINDS:
            out.append(d)
            continue
        # the count in the action's sentences, the one-to-each in those or in those naming its patents
        counted = False
        for si in d.sentences:
            ss, se = ctx.sentences[si]
            if not _may_count(text, ss, se):
                continue
            for m in _COUNTED_SUITS.finditer(text, ss, se):
                w = (m.group("n") or m.group("nz")).lower()
                counted = counted or _COUNT_WORDS.get(w, int(w) if w.isdigit() else 0) == n
        distributed = False
        if counted:
            own = set(d.patents)
            sents = set(d.sentences) | {ctx.sentence_index(p.start) for p in mentions.patents if p.id in own}
            distributed = any(_DISTRIBUTIVE.search(text, *ctx.sentences[si]) for si in sents)
        if not (counted and distributed):
            out.append(d)
            continue
        for pid in d.patents:
            x = _copy(d)
            x.patents = [pid]
            x.amounts = []  # a sum told of the group belongs to no one case
            out.append(x)
    return out


_STRAY_ROLES = frozenset({"damages", "costs", "awarded", "settlement"})


def _stray_amounts(ctx: Context, drafts: list[_Draft], mentions: Mentions, parties: list[Party],
                   action_sentences: set[int]) -> None:
    """A sum in a sentence that tells no action of its own ("The Shenzhen court ordered Y to pay X
    RMB 30 million", a lead before the suits are told) belongs to the one proceeding whose two sides
    the sentence names (and whose court, when it names one)."""
    if len(drafts) < 2:
        return
    money = [m for m in mentions.money if m.role in _STRAY_ROLES and not m.converted]
    if not money:
        return
    used = {(m.start, m.end) for d in drafts for m in d.amounts}
    named = _by_sentence(ctx, parties)
    starts = ctx._starts
    for m in money:
        if (m.start, m.end) in used:
            continue
        si = max(0, bisect.bisect_right(starts, m.start) - 1)
        if si in action_sentences:
            continue
        names = {n for _, n in named.get(si, [])}
        if len(names) < 2:
            continue
        cands = [d for d in drafts if d.kind in _SUIT_KINDS and d.claimants and d.respondents
                 and names & set(d.claimants) and names & set(d.respondents)]
        if len(cands) > 1:
            ss, se = ctx.sentences[si]
            codes = {f.code for f in mentions.forums if ss <= f.start < se}
            cands = [d for d in cands if d.forum in codes] if codes else cands
        if len(cands) == 1:
            cands[0].amounts.append(m)
            cands[0].evidence.append(m)
            used.add((m.start, m.end))


def _damages_to_the_suit(drafts: list[_Draft]) -> None:
    """A validity proceeding awards no damages: a sum asked or awarded that landed on one (the
    judgment's "判决如下" after a paragraph on the invalidation request) belongs to the suit between
    the same two sides (its claimant is the patent owner the request was against)."""
    for d in drafts:
        if d.kind != "invalidation":
            continue
        money = [m for m in d.amounts if m.role in ("awarded", "damages")]
        if not money:
            continue
        suits = [p for p in drafts if p.kind == "infringement" and set(p.claimants) & set(d.respondents)
                 and set(p.respondents) & set(d.claimants)]
        if len(suits) != 1:
            continue
        d.amounts = [m for m in d.amounts if m not in money]
        d.evidence = [e for e in d.evidence if e not in money]
        have = {(m.value, m.currency, m.role) for m in suits[0].amounts}
        for m in money:
            if (m.value, m.currency, m.role) not in have:
                suits[0].amounts.append(m)
                suits[0].evidence.append(m)


def _appeal_by_amounts(drafts: list[_Draft]) -> None:
    """An appeal court that raised (or cut) the sum awarded below decided for the side that wanted
    it so: the claimant below appealing and the award going up is the appellant's win."""
    for d in drafts:
        if d.kind != "appeal" or d.outcome is not None or d.reset or not d.claimants:
            continue
        up = [m for m in d.amounts if m.role == "awarded"]
        if not up:
            continue
        sides = set(d.claimants) | set(d.respondents)
        first = min(d.sentences)
        # the suit told last before the appeal
        below = [p for p in drafts if p.kind in _SUIT_KINDS and sides & set(p.claimants) and sides & set(p.respondents)
                 and min(p.sentences) < first]
        below = sorted(below, key=lambda p: max(s for s in p.sentences if s < first))[-1:]
        if not below:
            continue
        cur = up[0].currency
        was = [m.value for m in below[0].amounts if m.role == "awarded" and m.currency == cur]
        now = [m.value for m in up if m.currency == cur]
        if not was or not now or max(now) == max(was):
            continue
        raised, appellants = max(now) > max(was), set(d.claimants)
        if appellants <= set(below[0].claimants):
            d.outcome = "claimant_won" if raised else "respondent_won"
        elif appellants <= set(below[0].respondents):
            d.outcome = "respondent_won" if raised else "claimant_won"


def _award_below(drafts: list[_Draft]) -> None:
    """ "The Federal Circuit vacated the $20 million award a jury had returned for C": a sum awarded
    that landed on the accused infringer's appeal, when the suit below between the same sides has no
    award of its own, is that suit's (the appeal reviewed it)."""
    for d in drafts:
        if d.kind != "appeal":
            continue
        money = [m for m in d.amounts if m.role == "awarded"]
        if not money:
            continue
        sides = set(d.claimants) | set(d.respondents)
        suits = [p for p in drafts if p.kind == "infringement" and sides & set(p.claimants) and sides & set(p.respondents)]
        if len(suits) != 1 or any(m.role == "awarded" for m in suits[0].amounts):
            continue
        if not set(d.claimants) & set(suits[0].respondents):
            continue  # the patent owner's appeal: a sum awarded there is the appeal court's own
        d.amounts = [m for m in d.amounts if m not in money]
        d.evidence = [e for e in d.evidence if e not in money]
        suits[0].amounts.extend(money)
        suits[0].evidence.extend(money)


def _settled_by_sum(drafts: list[_Draft]) -> None:
    """A proceeding with a settlement sum ("will pay X $175 million to settle the suit") is settled."""
    for d in drafts:
        if d.outcome is None and not d.reset and any(m.role == "settlement" for m in d.amounts):
            d.outcome = "settled"


def _inherit_appeal_patents(drafts: list[_Draft]) -> None:
    """An appeal is about the patents of the judgment below (same two sides), and back."""
    for d in drafts:
        if d.kind != "appeal":
            continue
        sides = set(d.claimants) | set(d.respondents)
        below = [p for p in drafts if p.kind != "appeal" and sides & set(p.claimants) and sides & set(p.respondents)]
        if not d.patents:
            for p in below:
                if p.patents:
                    d.patents = list(p.patents)
                    break
        elif len(below) == 1 and not below[0].patents:
            below[0].patents = list(d.patents)


def _merge(drafts: list[_Draft]) -> list[_Draft]:
    out: list[_Draft] = []
    for d in drafts:
        target = None
        for p in reversed(out):
            if _compatible(p, d):
                target = p
                break
        if target is None:
            out.append(d)
            continue
        _absorb(target, d)
    for d in out:
        if d.reset:
            d.outcome = None
    return out


def _add_affiliates(ctx: Context, drafts: list[_Draft], parties: list[Party]) -> None:
    """Affiliates named with a respondent near the proceeding's sentences join as co-respondents."""
    kids: dict[str, list[Party]] = {}
    for p in parties:
        if p.affiliate_of:
            kids.setdefault(p.affiliate_of, []).append(p)
    if not kids:
        return
    for d in drafts:
        for r in list(d.respondents):
            for k in kids.get(r, []):
                near = any(abs(ctx.sentence_index(m.start) - s) <= 2 for m in k.mentions for s in d.sentences)
                if near and k.name not in d.respondents and k.name not in d.claimants:
                    d.respondents.append(k.name)


def _to_proceeding(d: _Draft) -> Proceeding:
    amounts: list[Amount] = []
    seen = {}
    for m in d.amounts:
        key = (m.value, m.currency, m.role)
        if key in seen:
            seen[key].evidence.append(m)
            continue
        am = Amount(m.value, m.currency, m.role, [m])
        seen[key] = am
        amounts.append(am)
    ev, keys = [], set()
    for sp in sorted(d.evidence, key=_START):
        k = (sp.start, sp.end)
        if k not in keys:
            keys.add(k)
            # a plain Span is immutable: kept as it is instead of copied
            ev.append(sp if type(sp) is Span else Span(sp.start, sp.end, sp.text))
    return Proceeding(
        kind=d.kind,
        claimants=list(d.claimants),
        respondents=list(d.respondents),
        forum=d.forum if d.forum != "uspto" else None,
        date=d.date,
        patents=list(d.patents),
        amounts=amounts,
        outcome=d.outcome,
        case_number=d.case_number,
        evidence=ev,
    )
