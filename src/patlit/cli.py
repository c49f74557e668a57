"""The ``patlit`` command line.

Heavy modules (extraction tables, SQLAlchemy, FastAPI) are imported inside the
commands, so ``patlit --help`` answers at once. Library errors
(:class:`~patlit.errors.PatlitError`) become one-line messages with a hint.
"""
from __future__ import annotations

import sys
from enum import Enum
from typing import Annotated

import typer

CONTEXT = {"help_option_names": ["-h", "--help"]}

app = typer.Typer(
    name="patlit",
    help="Patent-dispute facts from English and Chinese text, with provenance.",
    context_settings=CONTEXT,
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


@app.callback()
def _root() -> None:
    """Patent-dispute facts from English and Chinese text, with provenance.

    Start with 'patlit extract FILE' for one document's facts, 'patlit ingest PATH'
    to build the dispute database, and 'patlit serve' to browse it.
    """


class ExtractFormat(str, Enum):
    jsonl = "jsonl"
    json = "json"
    table = "table"


def fail(message: str, hint: str = "", code: int = 1) -> None:
    """Print a one-line error (and a hint) on stderr and exit."""
    err = f"patlit: error: {message}"
    if hint:
        err += f" ({hint})"
    print(err, file=sys.stderr)
    raise typer.Exit(code)


def warn(message: str) -> None:
    print(f"patlit: {message}", file=sys.stderr)


@app.command(
    epilog="Example: patlit extract article.txt corpus/docs.jsonl --format table",
)
def extract(
    inputs: Annotated[
        list[str],
        typer.Argument(help="Files (.txt, .md: doc_id is the file stem; .jsonl of documents) or - for stdin."),
    ],
    format: Annotated[ExtractFormat, typer.Option("--format", "-f", help="Output format.")] = ExtractFormat.jsonl,
    published: Annotated[
        str | None,
        typer.Option(help="Publication date YYYY-MM-DD for documents that do not give one (resolves 'last week')."),
    ] = None,
) -> None:
    """Extract the facts record (parties, patents, proceedings, amounts) of each document."""
    import json
    from dataclasses import replace

    from patlit.errors import InputError
    from patlit.extract import extract_document
    from patlit.ingest import read_inputs
    from patlit.record import to_record

    if published is not None:
        from datetime import date

        try:
            date.fromisoformat(published)
        except ValueError:
            fail(f"--published {published!r} is not a date", "write it as YYYY-MM-DD", code=2)

    failed = 0
    records = []
    for item in read_inputs(inputs):
        if isinstance(item, InputError):
            failed += 1
            warn(f"error: {item}")
            continue
        doc = item if item.published or not published else replace(item, published=published)
        try:
            rec = to_record(extract_document(doc))
        except Exception as exc:  # one bad document never stops the batch
            failed += 1
            warn(f"error: {doc.source or doc.doc_id}: extraction failed ({type(exc).__name__}: {exc})")
            continue
        if format is ExtractFormat.jsonl:
            sys.stdout.write(json.dumps(rec, ensure_ascii=False) + "\n")
        else:
            records.append(rec)
    if format is ExtractFormat.json:
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
    elif format is ExtractFormat.table:
        from patlit.tables import print_facts_tables

        print_facts_tables(records)
    if failed:
        raise typer.Exit(1)


def main() -> None:
    from patlit.errors import PatlitError

    try:
        app()
    except PatlitError as exc:  # raised outside Typer's own handling: print and exit here
        err = f"patlit: error: {exc}"
        if exc.hint:
            err += f" ({exc.hint})"
        print(err, file=sys.stderr)
        sys.exit(1)


from patlit import cli_web as _cli_web  # noqa: E402,F401  registers "patlit serve"
from patlit import cli_db as _cli_db  # noqa: E402,F401  registers ingest/disputes/dispute/party/patent/search/export


if __name__ == "__main__":
    main()
