"""The litigation role of each amount, from the words around it in its sentence.

The cue lexicons of ``data/money.yaml`` are matched once per sentence that holds an
amount. For each amount the nearest cue wins; a cue before the amount is preferred,
a cue after it counts only when it follows closely with no comma, semicolon or
conjunction between ("$7 million paid", "161 million yuan in damages"). Distance
grows with the commas, semicolons and other amounts in between, so each amount
takes the cue of its own clause ("losses of RMB 150 million and costs of RMB 1.23
million"). Chinese characters count three times an English character.

Cue classes:

* ``damages``, ``costs``, ``awarded``, ``settlement``, ``other``: the role itself;
  a ``costs`` cue becomes ``awarded`` under a court's decision, and ``damages``
  when joined to a damages cue in one total ("losses and costs totaling ...");
  an award word right after a request is the request ("asks the court to award");
* ``compensation`` ("damages", 赔偿): who speaks decides. The nearest governor
  before the amount: a request (seeking, 要求, 诉请) gives ``damages``, a decision
  (jury, 判决, 裁定) gives ``awarded``; weak decisions ("order", 判令) count only
  when no request stands before them ("asked the court to order ... to pay"); a
  lone weak decision looks at the sentences before (claims listed under 诉讼请求);
* ``payment`` ("pay", 支付): as compensation, but with no governor it is no
  litigation amount ("paid $7.2 billion for the unit");
* ``none``: market value, revenue, R&D, acquisition prices: not a litigation amount.

Some cues count only after the amount ("a $900 million lawsuit", "a $29 billion
company"); "$5 million in damages", "50万元的赔偿" name the amount outright.

An aggregate phrase ("cumulative", 累计) before the amount in its sentence makes it
a total across cases: no role. With no cue, a governor alone decides ("the jury
gave $583M"); with neither, a table row ("$847M Acme Verizon E.D. Tex.") takes the
cue of its table's header ("Amount Awarded ...").
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from patlit.extract.context import Context
from patlit.extract.money_data import CUE_CLASSES, GOVERNOR_KINDS, lexicon

_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")

#: weight of one character of distance, per language
UNIT = {"en": 1.0, "zh": 3.0}
#: a weak cue loses against an equally near strong one
CLASS_PENALTY = {"compensation": 8.0, "payment": 20.0}
#: distance added per other amount, semicolon or comma between cue and amount
AMOUNT_PENALTY = 60.0
CLAUSE_PENALTY = 40.0
COMMA_PENALTY = 8.0
#: farthest a cue may be (weighted)
MAX_SCORE = 100.0
#: cue after the amount: weight, fixed cost, longest gap (characters)
AFTER_FACTOR = 1.5
AFTER_COST = 5.0
AFTER_MAX_GAP = {"en": 30, "zh": 6}
#: a request this close before a decision word makes it part of the request ("asked the jury for")
REQUEST_REACH = {"en": 16, "zh": 4}
#: ... and before an award word ("asks the court to award")
AWARD_REQUEST_REACH = {"en": 24, "zh": 4}
#: sentences looked back over when only a weak decision ("判令") governs (lists of claims)
EARLIER_SENTENCES = 8
#: ... and when nothing governs a damages or costs cue in its own sentence
UNGOVERNED_SENTENCES = 2
#: "the total": how many sentences back the amount it continues may stand
CONTINUATION_SENTENCES = 2
#: farthest a governor may stand when it decides alone, with no cue (weighted)
GOVERNOR_MAX = 120.0
#: ... and a request, which says less on its own ("sued ... ; its shares lost $50 billion")
REQUEST_MAX = 40.0
#: a bare number ("costs of 1 million") needs a cue at most this far (weighted)
CLOSE_CUE = 24.0
#: aggregate phrases count up to this far after the amount (characters)
AGGREGATE_AFTER = 40
#: table rows: how many lines back to look for the header, and its longest length (words)
TABLE_LOOKBACK = 60
TABLE_HEADER_WORDS = 15

#: cue classes whose role the governors decide, and the role when none governs
_GOVERNED_DEFAULT = {"compensation": "damages", "costs": "costs", "payment": None}
_CLAUSE = re.compile(r"[;；]")
_COMMA = re.compile(r"[,，、:：]")
#: "$5 million in damages", "50万元的赔偿": the words after the amount name what it is
_AFTER_NAMES = re.compile(r"\s+in\s+(?:[A-Za-z'-]+\s+)?|\s+as\s+part\s+of\s+(?:an?|the|its|their)\s+|\s*的\s*")
#: what may stand between a damages cue and a costs cue that share one total
_JOINED = re.compile(r"\s*(?:and|plus|as well as|及|和|以及|与|與|、|,|，)\s*(?:the\s+|其他|其|相关|相關|relevant\s+)?(?:维权|維權)?\s*")
_REQUEST_GAP_BREAK = re.compile(r"[,;，；、\d]")
_TOTAL = re.compile(r"共计|合计|總計|总计|合計|共計|总额|總額|\btotal(?:ing|ling|led|ed)?\b|\bin all\b|\baltogether\b", re.IGNORECASE)
#: before an amount that opens a table row: blanks, bullets, a rank ("| 1 | ", "3. ", "• ")
_ROW_PREFIX = re.compile(r"[\s|•·*#\-–\d.)(]*")
#: a table's rule line ("|---|:---:|", "-----")
_TABLE_RULE = re.compile(r"[\s|:\-+=_]+")
_ADJACENT = re.compile(r"[ \u00a0-]?|\s*的\s*")
_AFTER_BLOCK = re.compile(r"[,，;；、:：.。(（]|\b(?:and|or|but|while|whereas)\b|以及|及|和|并|並|但|而")


@dataclass(frozen=True)
class Slot:
    """An amount to decide: its span (``end`` covers a conversion that follows it)."""

    start: int
    end: int
    bare: bool = False
    converted: bool = False


#: Decision.source of a "the total" cue before assign() resolves it
CONTINUE = "continue"


@dataclass(frozen=True)
class Decision:
    role: str | None
    source: str | None = None  # "cue", "governor", "table" or None
    close_cue: bool = False  # a money cue right next to the amount (needed by bare numbers)


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    kind: str
    after_only: bool = False


#: the lexicons matched together in one pass over a sentence
CUES, GOVERNORS, AGGREGATES = 0, 1, 2


@dataclass(frozen=True)
class _Phrase:
    family: int  # CUES, GOVERNORS or AGGREGATES
    kind: str
    after_only: bool
    length: int
    open_end: bool  # English "compensat*": the last word may continue
    head_word: bool  # English: must not continue a word on the left
    tail_word: bool  # English: must not continue on the right


class _Lexer:
    """The phrases of several lexicons, found in one Aho-Corasick pass; leftmost-longest
    within each lexicon (a phrase may be a cue and a governor at once: "seeking", 索赔).

    English phrases match case-insensitively on word boundaries, one space in a
    phrase matching one white-space character; Chinese phrases match as written.
    """

    def __init__(self, entries: list[tuple[str, int, str, bool]], lang: str):
        import ahocorasick

        self.fold = lang == "en"
        self.auto = ahocorasick.Automaton()
        by_key: dict[str, list[_Phrase]] = {}
        for phrase, family, kind, after_only in entries:
            body = phrase.rstrip("*")
            key = body.lower() if self.fold else body
            english = self.fold
            by_key.setdefault(key, []).append(
                _Phrase(
                    family,
                    kind,
                    after_only,
                    len(key),
                    english and phrase.endswith("*"),
                    english and body[0].isalpha(),
                    english and body[-1].isalnum() and not phrase.endswith("*"),
                )
            )
        for key, phrases in by_key.items():
            self.auto.add_word(key, tuple(phrases))
        self.auto.make_automaton()

    def find(self, text: str, start: int, end: int) -> tuple[list[_Match], list[_Match], list[_Match]]:
        """The cues, governors and aggregates of ``text[start:end]``, each list in text order."""
        seg = text[start:end]
        if self.fold:
            low = seg.lower()
            if len(low) != len(seg):
                low = seg
            if _ODD_SPACE.search(low):
                low = low.translate(_ONE_SPACE)
        else:
            low = seg
        n = len(low)
        hits = []
        for last, phrases in self.auto.iter(low):
            ph = phrases[0]
            s, e = last - ph.length + 1, last + 1
            if ph.head_word and s > 0 and _is_letter(low[s - 1]):
                continue
            if ph.tail_word and e < n and _is_letter(low[e]):
                continue
            if ph.open_end:
                while e < n and (low[e].isalnum() or low[e] == "_"):
                    e += 1
            for ph in phrases:
                hits.append((s, e, ph))
        hits.sort(key=lambda h: (h[0], h[0] - h[1]))
        out: tuple[list[_Match], list[_Match], list[_Match]] = ([], [], [])
        reach = [0, 0, 0]
        for s, e, ph in hits:
            if s >= reach[ph.family]:
                out[ph.family].append(_Match(start + s, start + e, ph.kind, ph.after_only))
                reach[ph.family] = e
        return out


_ONE_SPACE = str.maketrans({ch: " " for ch in "\t\n\r\u00a0\u3000"})
_ODD_SPACE = re.compile("[\t\n\r\u00a0\u3000]")


def _is_letter(ch: str) -> bool:
    """Part of an English word: letters, and hyphens joining words ("patent-in-suit")."""
    return ch.isascii() and (ch.isalpha() or ch == "-")


@lru_cache(maxsize=2)
def _grammar(lang: str) -> _Lexer:
    lex = lexicon()
    entries = [(p, CUES, name, False) for name in CUE_CLASSES for p in lex.cues[lang][name].phrases]
    entries += [(p, CUES, name, True) for name in CUE_CLASSES for p in lex.cues[lang][name].after_phrases]
    entries += [(p, GOVERNORS, kind, False) for kind in GOVERNOR_KINDS for p in lex.governors[lang][kind]]
    entries += [(p, AGGREGATES, "aggregate", False) for p in lex.aggregates[lang]]
    return _Lexer(entries, lang)


def _sentence_lang(text: str) -> str:
    """``zh`` when Chinese characters outnumber English words (one CJK char ~ one word)."""
    if not _CJK.search(text):
        return "en"
    return "zh" if len(_CJK.findall(text)) > len(_LATIN_WORD.findall(text)) else "en"


@dataclass
class _Sentence:
    start: int
    end: int
    lang: str
    cues: list[_Match]
    governors: list[_Match]
    aggregates: list[_Match]
    earlier: Callable[[int], list[_Match]]  # governors of the n sentences just before, in text order

    def __post_init__(self) -> None:
        # matches are in text order and do not overlap: starts and ends are both sorted
        self.cue_starts = [c.start for c in self.cues]
        self.cue_ends = [c.end for c in self.cues]
        self.gov_ends = [g.end for g in self.governors]

    def cues_near(self, start: int, end: int, before: int, after: int) -> range:
        """Indexes of the cues that end after ``start - before`` and start before ``end + after``."""
        return range(bisect.bisect_left(self.cue_ends, start - before), bisect.bisect_right(self.cue_starts, end + after))

    def governors_before(self, pos: int) -> list[_Match]:
        return self.governors[: bisect.bisect_right(self.gov_ends, pos)]


def _earlier_governors(ctx: Context, idx: int, lang: str) -> Callable[[int], list[_Match]]:
    def find(n: int) -> list[_Match]:
        lexer = _grammar(lang)
        out: list[_Match] = []
        for j in range(max(0, idx - n), idx):
            s, e = ctx.sentences[j]
            out += lexer.find(ctx.text, s, e)[GOVERNORS]
        return out

    return find


def assign(ctx: Context, slots: list[Slot]) -> list[Decision]:
    """A decision per slot, in order. ``slots`` are sorted by start."""
    text = ctx.text
    index = _Slots(slots)
    sentences: dict[int, _Sentence] = {}
    decisions: list[Decision] = []
    slot_sentences: list[int] = []
    for slot in slots:
        idx = ctx.sentence_index(slot.start)
        if slot.converted:
            decisions.append(Decision(None))
            slot_sentences.append(idx)
            continue
        sent = sentences.get(idx)
        if sent is None:
            s, e = ctx.sentences[idx] if ctx.sentences else (0, len(text))
            s, e = min(s, slot.start), max(e, slot.end)
            lang = _sentence_lang(text[s:e])
            cues, governors, aggregates = _grammar(lang).find(text, s, e)
            sent = _Sentence(s, e, lang, cues, governors, aggregates, _earlier_governors(ctx, idx, lang))
            sentences[idx] = sent
        decision = _decide(text, sent, slot, index)
        if decision.source == CONTINUE:
            role = _continued_role(decisions, slot_sentences, idx, decision.role)
            decision = Decision(role, "cue", decision.close_cue)
        decisions.append(decision)
        slot_sentences.append(idx)
    for i, (slot, d) in enumerate(zip(slots, decisions)):
        if d.source is None and d.role is None and not slot.converted and not slot.bare:
            role = _table_role(text, slot, index)
            if role is not None:
                decisions[i] = Decision(role, "table")
    return decisions


class _Slots:
    """The amounts of the document, for counting those that stand between a cue and an amount."""

    def __init__(self, slots: list[Slot]):
        self.spans = sorted((s.start, s.end) for s in slots if not s.converted)
        self.starts = [s for s, _ in self.spans]
        self.all_starts = sorted(s.start for s in slots)
        self.table_roles: dict[int, str | None] = {}  # line start of a table row -> its role

    def between(self, me: Slot, lo: int, hi: int) -> int:
        """How many other amounts lie wholly inside [lo, hi)?"""
        i = bisect.bisect_left(self.starts, lo)
        n = 0
        while i < len(self.spans) and self.spans[i][0] < hi:
            s, e = self.spans[i]
            if e <= hi and s != me.start:
                n += 1
            i += 1
        return n


def _decide(text: str, sent: _Sentence, slot: Slot, index: _Slots) -> Decision:
    lang, unit = sent.lang, UNIT[sent.lang]
    for a in sent.aggregates:
        if a.end <= slot.start:
            between = text[a.end : slot.start]
            if not _CLAUSE.search(between) and not index.between(slot, a.end, slot.start):
                return Decision(None, "cue")
        elif a.start - slot.end <= AGGREGATE_AFTER:
            return Decision(None, "cue")
    scored: list[tuple[float, int, _Match]] = []
    for i in sent.cues_near(slot.start, slot.end, int(MAX_SCORE / unit) + 1, AFTER_MAX_GAP[lang]):
        cue = sent.cues[i]
        if cue.end <= slot.start and not cue.after_only:
            gap = text[cue.end : slot.start]
            score = len(gap) * unit
            score += CLAUSE_PENALTY * len(_CLAUSE.findall(gap)) + COMMA_PENALTY * len(_COMMA.findall(gap))
            score += AMOUNT_PENALTY * index.between(slot, cue.end, slot.start)
        elif cue.start >= slot.end:
            gap = text[slot.end : cue.start]
            if len(gap) > AFTER_MAX_GAP[lang] or _AFTER_BLOCK.search(gap) or index.between(slot, slot.end, cue.start):
                continue
            if cue.after_only and cue.kind == "none" and not _ADJACENT.fullmatch(gap):
                continue  # "a $29 billion company", not "$583M for the first patent to the company"
            if _AFTER_NAMES.fullmatch(gap):
                score = 0.0
            else:
                score = len(gap) * unit * AFTER_FACTOR + AFTER_COST
        else:
            continue  # the cue overlaps the amount
        score += CLASS_PENALTY.get(cue.kind, 0.0)
        if score <= MAX_SCORE:
            scored.append((score, i, cue))
    scored.sort(key=lambda t: (t[0], t[1]))
    for score, i, cue in scored:
        if cue.kind == "none":
            return Decision(None, "cue")
        close = score <= CLOSE_CUE
        if cue.kind == "costs" and i and _joined(text, sent.cues[i - 1], cue, slot):
            cue = sent.cues[i - 1]  # "losses and costs totaling ...": the whole claim
        if cue.kind in _GOVERNED_DEFAULT:
            role = _governed(sent, slot, _GOVERNED_DEFAULT[cue.kind])
            if role is None:
                continue  # an ungoverned "paid": let the next cue speak ("settled, with Beta paying $12M")
            return Decision(role, "cue", close)
        if cue.kind == "continuation":
            # resolved by assign() from the amounts before; who speaks here is the fallback
            return Decision(_governed(sent, slot, None, GOVERNOR_MAX, REQUEST_MAX), CONTINUE, close)
        if cue.kind == "awarded" and _requested(text, sent, cue):
            return Decision("damages", "cue", close)  # "asks the court to award $5 million"
        return Decision(cue.kind, "cue", close)
    if slot.bare:
        return Decision(None)
    role = _governed(sent, slot, None, GOVERNOR_MAX, REQUEST_MAX)
    return Decision(role, "governor" if role else None)


def _continued_role(decisions: list[Decision], sentences: list[int], idx: int, governed: str | None) -> str | None:
    """ "A total of": the amount before in this sentence, else a court's decision governing this
    sentence ("asked for $9M. The court ordered Y to pay a total of $4M"), else the sentences before."""
    if governed == "awarded" and not (sentences and sentences[-1] == idx and decisions[-1].role is not None):
        return governed
    return _role_before(decisions, sentences, idx) or governed


def _role_before(decisions: list[Decision], sentences: list[int], idx: int) -> str | None:
    """The role of the nearest amount before, in this sentence or the two before ("the total")."""
    for d, si in zip(reversed(decisions), reversed(sentences)):
        if si < idx - CONTINUATION_SENTENCES:
            break
        if d.role is not None:
            return d.role
    return None


def _requested(text: str, sent: _Sentence, cue: _Match) -> bool:
    """Does a request stand right before this award word ("asked the jury to award", 请求法院判赔)?"""
    reach = AWARD_REQUEST_REACH[sent.lang]
    return any(
        g.kind == "request" and cue.start - g.end <= reach and not _REQUEST_GAP_BREAK.search(text, g.end, cue.start)
        for g in sent.governors_before(cue.start)[-3:]
    )


def _joined(text: str, before: _Match, costs: _Match, slot: Slot) -> bool:
    """Do ``before`` (damages-like) and the costs cue share one total ("losses and costs totaling")?"""
    return (
        before.kind in ("damages", "compensation")
        and costs.end <= slot.start
        and bool(_JOINED.fullmatch(text, before.end, costs.start))
        and bool(_TOTAL.search(text, costs.end, slot.start))
    )


def _governed(
    sent: _Sentence, slot: Slot, default: str | None, reach: float | None = None, request_reach: float | None = None
) -> str | None:
    """Request before the amount -> asked (``default`` or damages); decision -> awarded.

    ``reach`` / ``request_reach`` (weighted characters) limit how far back a
    governor / a request may stand (used when the governor decides alone). With
    no governor in the sentence, a damages or costs cue asks the sentences just
    before; with only a weak one (判令), the claims list above it.
    """
    weak = False
    govs = sent.governors_before(slot.start)
    unit = UNIT[sent.lang]
    for i in range(len(govs) - 1, -1, -1):
        g = govs[i]
        distance = (slot.start - g.end) * unit
        if reach is not None and distance > reach:
            break
        if g.kind == "request":
            if request_reach is not None and distance > request_reach:
                continue
            return default or "damages"
        if i and govs[i - 1].kind == "request" and g.start - govs[i - 1].end <= REQUEST_REACH[sent.lang]:
            return default or "damages"  # "asked the jury for", "请求法院判令"
        if g.kind == "decision":
            return "awarded"
        weak = True
    if not weak:
        if default is None or reach is not None:
            return default
        # no governor in the sentence: the one just before tells who speaks ("They added $675 million ...")
        for g in reversed(sent.earlier(UNGOVERNED_SENTENCES)):
            if g.kind == "request":
                return default
            if g.kind == "decision":
                return "awarded"
        return default
    # only a weak decision ("判令 ... 赔偿"): a list of claims under "诉讼请求" or a court's order?
    for g in reversed(sent.earlier(EARLIER_SENTENCES)):
        if g.kind == "request":
            return default or "damages"
        if g.kind == "decision":
            return "awarded"
    return "awarded"


# --------------------------------------------------------------------------- tables


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    s = text.rfind("\n", 0, pos) + 1
    e = text.find("\n", pos)
    return s, (len(text) if e < 0 else e)


def _table_role(text: str, slot: Slot, index: _Slots) -> str | None:
    """A table row's amount takes the role named by its table's header line."""
    line_start, line_end = _line_bounds(text, slot.start)
    if not _is_row(text, line_start, slot.start):
        return None
    if line_start not in index.table_roles:
        index.table_roles[line_start] = _header_role(text, line_start, index)
    return index.table_roles[line_start]


def _is_row(text: str, line_start: int, amount_start: int) -> bool:
    """Does the amount stand in a table row: first in its line (after a rank or bullet), or in a cell?"""
    before = text[line_start:amount_start]
    return bool(_ROW_PREFIX.fullmatch(before) or (before.lstrip().startswith("|") or "\t" in before))


def _row_line(text: str, ls: int, le: int, index: _Slots) -> bool:
    """Is the line [ls, le) a table row (an amount in it placed as in a row)?"""
    i = bisect.bisect_left(index.all_starts, ls)
    while i < len(index.all_starts) and index.all_starts[i] < le:
        if _is_row(text, ls, index.all_starts[i]):
            return True
        i += 1
    return False


def _header_role(text: str, line_start: int, index: _Slots) -> str | None:
    pos = line_start
    for _ in range(TABLE_LOOKBACK):
        if pos == 0:
            return None
        ls, le = _line_bounds(text, pos - 1)
        line = text[ls:le]
        pos = ls
        if not line.strip() or _TABLE_RULE.fullmatch(line):
            continue  # blank lines and "|---|---|" rules
        if _row_line(text, ls, le, index):
            if ls in index.table_roles:
                return index.table_roles[ls]  # the row above already found the header
            continue  # another row
        if len(line.replace("|", " ").split()) > TABLE_HEADER_WORDS:
            return None
        lang = _sentence_lang(line)
        kinds = [c.kind for c in _grammar(lang).find(text, ls, le)[CUES]]
        if not kinds or "none" in kinds:
            return None
        return {"compensation": "damages", "payment": None, "continuation": None}.get(kinds[0], kinds[0])
    return None
