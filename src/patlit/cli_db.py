"""Database commands of ``patlit``: ingest, disputes, dispute, party, patent, search, export.

Registered on :data:`patlit.cli.app`. Heavy imports (SQLAlchemy, extraction) stay
inside the commands so that ``patlit --help`` answers at once. Query commands print
JSON by default and Rich tables with ``--format table``.
"""
from __future__ import annotations

import sys
from contextlib import contextmanager
from enum import Enum
from typing import Annotated

import typer

from patlit.cli import app, fail, warn

DB_HELP = "Database: a SQLite path or an SQLAlchemy URL (default: $PATLIT_DB, else ./patlit.db)."
DbOpt = Annotated[str | None, typer.Option("--db", help=DB_HELP, show_default=False)]


class OutFormat(str, Enum):
    json = "json"
    table = "table"


FormatOpt = Annotated[OutFormat, typer.Option("--format", "-f", help="json for programs, table for people.")]
LimitOpt = Annotated[int, typer.Option("--limit", "-n", min=0, help="At most this many items.")]
OffsetOpt = Annotated[int, typer.Option("--offset", min=0, help="Skip this many items (paging).")]


@contextmanager
def _session(db: str | None, create: bool = False):
    """A session on the database; library errors become one-line messages with a hint."""
    from patlit.errors import PatlitError
    from patlit.store import open_store

    try:
        store = open_store(db, create=create)
    except PatlitError as exc:
        fail(str(exc), exc.hint)
    try:
        with store.session() as session:
            yield session
    except PatlitError as exc:
        fail(str(exc), exc.hint)
    finally:
        store.close()


def _emit(data, format: OutFormat, table) -> None:
    if format is OutFormat.json:
        import json

        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")
    else:
        from patlit import cli_tables

        table(cli_tables, data)


@app.command(
    epilog="Example: patlit ingest ../shared/corpus/seeds/ news/*.html feed.xml --db disputes.db",
)
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="Files, folders (recursive), glob patterns, or - for stdin.")],
    db: DbOpt = None,
    jobs: Annotated[int, typer.Option("--jobs", "-j", min=0,
                                      help="Extraction processes (1: in this process; 0: automatic, CPUs + 1 for large inputs).")] = 0,
    json_summary: Annotated[bool, typer.Option("--json", help="Print the summary as JSON on stdout.")] = False,
) -> None:
    """Read documents, extract their facts, resolve them across documents and store them.

    Each document is stored once (keyed by the hash of its normalised text) in its own
    transaction; unreadable files are reported with the reason and skipped (exit 1).
    """
    from patlit.errors import PatlitError
    from patlit.ingest_run import run_ingest

    try:
        summary = run_ingest(inputs, db=db, jobs=jobs, report=warn)
    except PatlitError as exc:
        fail(str(exc), exc.hint)
    if json_summary:
        import json

        sys.stdout.write(json.dumps(summary.as_dict(), ensure_ascii=False) + "\n")
    for line in summary.lines():
        warn(line)
    if summary.failed:
        raise typer.Exit(1)


@app.command(
    "disputes",
    epilog="Example: patlit disputes --party Inspur --jurisdiction US --since 2020 --format table",
)
def disputes_cmd(
    party: Annotated[str | None, typer.Option(help="A party name or alias (its affiliates count too).")] = None,
    jurisdiction: Annotated[str | None, typer.Option(help="CN, US, EP, DE, UK, UPC ...")] = None,
    kind: Annotated[str | None, typer.Option(help="infringement, invalidation, appeal, declaratory_judgment, itc_investigation, other.")] = None,
    since: Annotated[str | None, typer.Option(help="Only disputes active in or after this year (YYYY) or date.")] = None,
    outcome: Annotated[str | None, typer.Option(help="withdrawn, settled, dismissed, claimant_won, respondent_won, closed.")] = None,
    year: Annotated[int | None, typer.Option(help="Only disputes with a filing or event dated in this year.")] = None,
    sort: Annotated[str, typer.Option(help="latest (event), amount (claimed), first, proceedings.")] = "latest",
    limit: LimitOpt = 50,
    offset: OffsetOpt = 0,
    format: FormatOpt = OutFormat.json,
    db: DbOpt = None,
) -> None:
    """List disputes: who against whom, where, when, how much."""
    from patlit.store import queries

    with _session(db) as s:
        data = queries.list_disputes(s, party=party, jurisdiction=jurisdiction, kind=kind, since=since,
                                     outcome=outcome, sort=sort, limit=limit, offset=offset, year=year)
    _emit(data, format, lambda t, d: t.disputes_table(d))


@app.command("dispute", epilog="Example: patlit dispute 1 --format table")
def dispute_cmd(
    dispute_id: Annotated[int, typer.Argument(help="The dispute's id (see 'patlit disputes').")],
    format: FormatOpt = OutFormat.json,
    db: DbOpt = None,
) -> None:
    """One dispute: parties by side, timeline, proceedings, totals asked and awarded, sources."""
    from patlit.store import queries

    with _session(db) as s:
        data = queries.get_dispute(s, dispute_id)
    _emit(data, format, lambda t, d: t.dispute_tables(d))


@app.command("party", epilog='Example: patlit party "Hewlett Packard Enterprise" --format table')
def party_cmd(
    name: Annotated[str, typer.Argument(help="A name or alias of the party (or its numeric id).")],
    format: FormatOpt = OutFormat.json,
    db: DbOpt = None,
) -> None:
    """A party: aliases, parent and affiliates, disputes on each side."""
    from patlit.store import queries

    with _session(db) as s:
        data = queries.get_party(s, name)
    _emit(data, format, lambda t, d: t.party_tables(d))


@app.command("patent", epilog="Example: patlit patent CN201680022610.9 --format table")
def patent_cmd(
    pid: Annotated[str, typer.Argument(help="A patent identifier in canonical form (US8218566, CN201310147926.9).")],
    format: FormatOpt = OutFormat.json,
    db: DbOpt = None,
) -> None:
    """A patent: decoded metadata and every proceeding it appears in."""
    from patlit.store import queries

    with _session(db) as s:
        data = queries.get_patent(s, pid)
    _emit(data, format, lambda t, d: t.patent_tables(d))


@app.command("search", epilog='Example: patlit search "invalidation Inspur" --limit 5 --format table')
def search_cmd(
    query: Annotated[str, typer.Argument(help="Words that must all occur (English or Chinese).")],
    limit: LimitOpt = 20,
    offset: OffsetOpt = 0,
    format: FormatOpt = OutFormat.json,
    db: DbOpt = None,
) -> None:
    """Full-text search over the stored documents, with snippets."""
    from patlit.store import queries

    with _session(db) as s:
        data = queries.search(s, query, limit=limit, offset=offset)
    _emit(data, format, lambda t, d: t.search_table(d))


class ExportFormat(str, Enum):
    jsonl = "jsonl"
    csv = "csv"
    graphml = "graphml"


@app.command(
    "export",
    epilog="Example: patlit export --format graphml --out disputes.graphml   (csv: --out tables/ or --out tables.zip)",
)
def export_cmd(
    format: Annotated[ExportFormat, typer.Option("--format", "-f", help="jsonl: a facts record per dispute; "
                                                 "csv: one CSV per table; graphml: parties and proceedings.")] = ExportFormat.jsonl,
    out: Annotated[str | None, typer.Option("--out", "-o", help="Output file (csv: a folder, or a .zip). "
                                            "Default: stdout for jsonl and graphml.")] = None,
    db: DbOpt = None,
) -> None:
    """Export the database: facts records per dispute, CSV tables, or a GraphML who-sues-whom graph."""
    from patlit import export
    from patlit.errors import PatlitError

    if format is ExportFormat.csv and not out:
        fail("--format csv needs --out", "give a folder (tables/) or a zip file (tables.zip)", code=2)
    with _session(db) as s:
        try:
            n = export.export(s, format.value, out)
        except PatlitError as exc:
            fail(str(exc), exc.hint)
    if out:
        warn(f"exported {n} {'disputes' if format is ExportFormat.jsonl else 'rows' if format is ExportFormat.csv else 'edges'} to {out}")
