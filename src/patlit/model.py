"""Data types shared by every stage: documents, extracted mentions, assembled facts.

Every mention is a small frozen dataclass that keeps ``start``/``end`` offsets into
the document text and the matched ``text`` itself, so that any fact can be traced
back to the words it came from (``doc.text[m.start:m.end] == m.text``).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["en", "zh"]

#: proceeding kinds of the facts spec
PROCEEDING_KINDS = (
    "infringement",
    "invalidation",
    "declaratory_judgment",
    "itc_investigation",
    "appeal",
    "other",
)
#: outcomes of the facts spec (None means pending/unknown)
OUTCOMES = ("withdrawn", "settled", "dismissed", "claimant_won", "respondent_won", "closed")
#: roles of a litigation amount
MONEY_ROLES = ("damages", "costs", "awarded", "settlement", "other")


@dataclass(frozen=True, slots=True)
class Document:
    """One input document, as read by :mod:`patlit.ingest`."""

    doc_id: str
    text: str
    published: str | None = None  # ISO date given by the input record, if any
    lang: str | None = None  # given by the input record, else detected
    url: str | None = None
    title: str | None = None
    source: str | None = None  # file path or "-" it was read from


@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of document text: ``text == doc.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class PatentMention(Span):
    id: str  # canonical identifier, e.g. "CN201310147926.9", "US8218566"
    office: str  # "CN", "US", "EP", "WO", "JP", "KR", "GB", ...
    check_ok: bool | None = None  # CN check digit valid? None when not applicable


@dataclass(frozen=True, slots=True)
class MoneyMention(Span):
    value: float  # whole units of the currency
    currency: str  # ISO 4217
    role: str | None  # one of MONEY_ROLES, or None when not a litigation amount
    converted: bool = False  # a bracketed conversion of another amount


@dataclass(frozen=True, slots=True)
class DateMention(Span):
    value: str  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    relative: bool = False  # resolved against the published date


@dataclass(frozen=True, slots=True)
class ForumMention(Span):
    code: str  # canonical forum code of the spec ("cand", "cnipa", "cn-court:...", "other:...")


@dataclass(frozen=True, slots=True)
class CaseNumberMention(Span):
    number: str  # as written, normalised spacing
    forum: str | None = None  # forum implied by the number, e.g. 最高法 -> cn-spc


@dataclass(frozen=True, slots=True)
class PartyMention(Span):
    party: str  # the canonical name of the party this mention refers to


@dataclass
class Party:
    """A party of the document: its fullest name, the other forms used, where it occurs."""

    name: str
    aliases: list[str] = field(default_factory=list)
    kind: str = "org"  # "org" or "person"
    mentions: list[PartyMention] = field(default_factory=list)
    affiliate_of: str | None = None  # parent named with it ("Inspur and its subsidiaries")

    def names(self) -> list[str]:
        return [self.name, *self.aliases]


@dataclass(frozen=True, slots=True)
class ActionMention(Span):
    """A trigger phrase reporting a legal action, with who did it to whom.

    Produced by the language grammars; :mod:`patlit.extract.assemble` turns actions
    into proceedings by attaching forum, date, patents, amounts and outcome.
    ``text`` is the trigger (e.g. "sued", "提起诉讼").
    """

    kind: str  # one of PROCEEDING_KINDS
    claimants: tuple[str, ...]  # canonical party names
    respondents: tuple[str, ...]
    sentence: int  # index of the sentence in Context.sentences
    outcome: str | None = None


@dataclass(frozen=True, slots=True)
class OutcomeMention(Span):
    outcome: str  # one of OUTCOMES
    sentence: int


@dataclass
class Amount:
    value: float
    currency: str
    role: str
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Proceeding:
    kind: str
    claimants: list[str]
    respondents: list[str]
    forum: str | None = None
    date: str | None = None
    patents: list[str] = field(default_factory=list)
    amounts: list[Amount] = field(default_factory=list)
    outcome: str | None = None
    case_number: str | None = None
    evidence: list[Span] = field(default_factory=list)


@dataclass
class Facts:
    """Everything extracted from one document; :func:`patlit.record.to_record` makes the spec's JSON."""

    doc: Document
    lang: str
    published: str | None
    parties: list[Party]
    patents: list[PatentMention]
    amounts: list[MoneyMention]
    proceedings: list[Proceeding]
    dates: list[DateMention] = field(default_factory=list)
    forums: list[ForumMention] = field(default_factory=list)
    case_numbers: list[CaseNumberMention] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)
