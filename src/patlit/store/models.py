"""The dispute database schema (SQLAlchemy 2 declarative models).

The schema is created and changed only by the Alembic migrations in
``store/migrations``; these models describe it for queries. Portable types only
(no SQLite-only SQL): the same schema runs on PostgreSQL.
"""
from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Float,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class DocumentRow(Base):
    __tablename__ = "documents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    doc_id: Mapped[str] = mapped_column(String(200), unique=True)
    content_hash: Mapped[str] = mapped_column(String(64), unique=True)
    title: Mapped[str | None] = mapped_column(Text)
    url: Mapped[str | None] = mapped_column(Text)
    published: Mapped[str | None] = mapped_column(String(10))
    lang: Mapped[str | None] = mapped_column(String(8))
    text: Mapped[str] = mapped_column(Text)
    source: Mapped[str | None] = mapped_column(Text)
    ingested_at: Mapped[str] = mapped_column(String(32))
    record: Mapped[str | None] = mapped_column(Text)  # the facts record (JSON) extraction gave


class PartyRow(Base):
    __tablename__ = "parties"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[str] = mapped_column(String(10), default="org")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("parties.id"), index=True)
    group_id: Mapped[int] = mapped_column(Integer, index=True)  # root of the parent chain


class PartyAliasRow(Base):
    __tablename__ = "party_aliases"
    __table_args__ = (UniqueConstraint("party_id", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id", ondelete="CASCADE"), index=True)
    alias: Mapped[str] = mapped_column(Text)
    key: Mapped[str] = mapped_column(String(300), index=True)
    is_name: Mapped[bool] = mapped_column(Boolean, default=False)  # a document's fullest name
    script: Mapped[str] = mapped_column(String(8))
    document_id: Mapped[int | None] = mapped_column(ForeignKey("documents.id"))


class AmbiguousKeyRow(Base):
    """A folded name two distinct parties share: never used to match a party."""

    __tablename__ = "ambiguous_keys"

    key: Mapped[str] = mapped_column(String(300), primary_key=True)


class DocumentPartyRow(Base):
    __tablename__ = "document_parties"

    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), primary_key=True, index=True)


class PatentRow(Base):
    __tablename__ = "patents"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    pid: Mapped[str] = mapped_column(String(40), unique=True)
    office: Mapped[str | None] = mapped_column(String(8))
    kind: Mapped[str | None] = mapped_column(String(40))
    filing_year: Mapped[int | None] = mapped_column(Integer)
    check_ok: Mapped[bool | None] = mapped_column(Boolean)
    meta: Mapped[str | None] = mapped_column(Text)  # patlit.extract.patents.describe() as JSON


class DisputeRow(Base):
    __tablename__ = "disputes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    title: Mapped[str] = mapped_column(Text, default="")
    # summary kept current after every document, so listing is one indexed query
    side_a: Mapped[str] = mapped_column(Text, default="[]")  # JSON [{id, name}]
    side_b: Mapped[str] = mapped_column(Text, default="[]")
    jurisdictions: Mapped[str] = mapped_column(String(200), default="")  # ",CN,US,"
    kinds: Mapped[str] = mapped_column(String(200), default="")  # ",infringement,invalidation,"
    outcomes: Mapped[str] = mapped_column(String(200), default="")
    party_ids: Mapped[str] = mapped_column(Text, default="")  # ",1,2,7,"
    first_date: Mapped[str | None] = mapped_column(String(10), index=True)
    latest_date: Mapped[str | None] = mapped_column(String(10), index=True)
    n_proceedings: Mapped[int] = mapped_column(Integer, default=0)
    n_documents: Mapped[int] = mapped_column(Integer, default=0)
    totals: Mapped[str] = mapped_column(Text, default="{}")  # JSON {currency: {asked, awarded}}
    amount_sort: Mapped[float] = mapped_column(Float, default=0.0, index=True)


class DisputePairRow(Base):
    """An unordered pair of party groups opposed in a proceeding of the dispute."""

    __tablename__ = "dispute_pairs"
    __table_args__ = (UniqueConstraint("group_a", "group_b"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    dispute_id: Mapped[int] = mapped_column(ForeignKey("disputes.id"), index=True)
    group_a: Mapped[int] = mapped_column(Integer, index=True)
    group_b: Mapped[int] = mapped_column(Integer, index=True)


class ProceedingRow(Base):
    __tablename__ = "proceedings"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(30), index=True)
    forum: Mapped[str | None] = mapped_column(String(200))
    jurisdiction: Mapped[str | None] = mapped_column(String(8))
    date: Mapped[str | None] = mapped_column(String(10))
    outcome: Mapped[str | None] = mapped_column(String(20))
    case_number: Mapped[str | None] = mapped_column(String(200))
    dispute_id: Mapped[int | None] = mapped_column(ForeignKey("disputes.id"), index=True)


class ProceedingPartyRow(Base):
    __tablename__ = "proceeding_parties"

    proceeding_id: Mapped[int] = mapped_column(ForeignKey("proceedings.id", ondelete="CASCADE"), primary_key=True)
    party_id: Mapped[int] = mapped_column(ForeignKey("parties.id"), primary_key=True, index=True)
    role: Mapped[str] = mapped_column(String(12), primary_key=True)  # claimant | respondent


class ProceedingPatentRow(Base):
    __tablename__ = "proceeding_patents"

    proceeding_id: Mapped[int] = mapped_column(ForeignKey("proceedings.id", ondelete="CASCADE"), primary_key=True)
    patent_id: Mapped[int] = mapped_column(ForeignKey("patents.id"), primary_key=True, index=True)


class AmountRow(Base):
    __tablename__ = "amounts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proceeding_id: Mapped[int] = mapped_column(ForeignKey("proceedings.id", ondelete="CASCADE"), index=True)
    value: Mapped[float] = mapped_column(Float)
    currency: Mapped[str] = mapped_column(String(3))
    role: Mapped[str] = mapped_column(String(12))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    counted: Mapped[bool] = mapped_column(Boolean, default=True)  # False: a conflicting report, not in totals
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)


class FactValueRow(Base):
    """One document's value of one attribute of a proceeding; several distinct values = a conflict."""

    __tablename__ = "fact_values"
    __table_args__ = (Index("ix_fact_values_proc_attr", "proceeding_id", "attribute"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proceeding_id: Mapped[int] = mapped_column(ForeignKey("proceedings.id", ondelete="CASCADE"))
    attribute: Mapped[str] = mapped_column(String(40))  # date | forum | outcome | case_number | amount:ROLE:CUR
    value: Mapped[str] = mapped_column(Text)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))
    conflict: Mapped[bool] = mapped_column(Boolean, default=False)


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (UniqueConstraint("proceeding_id", "kind", "date"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    proceeding_id: Mapped[int] = mapped_column(ForeignKey("proceedings.id", ondelete="CASCADE"), index=True)
    date: Mapped[str | None] = mapped_column(String(10))
    kind: Mapped[str] = mapped_column(String(30))
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id"))


class EvidenceRow(Base):
    __tablename__ = "evidence"
    __table_args__ = (Index("ix_evidence_fact_doc", "fact_type", "fact_id", "document_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("documents.id", ondelete="CASCADE"), index=True)
    fact_type: Mapped[str] = mapped_column(String(12))  # party | patent | proceeding | amount | event
    fact_id: Mapped[int] = mapped_column(Integer)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    sentence: Mapped[str | None] = mapped_column(Text)
    sentence_start: Mapped[int | None] = mapped_column(Integer)
