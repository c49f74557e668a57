"""The ingest run behind ``patlit ingest``: read -> (skip known) -> extract -> resolve and store.

Files come from :func:`patlit.ingest.expand_inputs` and are read one at a time with
:func:`patlit.ingest.read_path`. A document whose normalised text is already stored
is counted as a duplicate before any extraction. Extraction may run in worker
processes (``jobs``); storing stays in this process, one transaction per document.
"""
from __future__ import annotations

import json
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from patlit.errors import InputError
from patlit.model import Document

IN_FLIGHT_PER_WORKER = 32  # documents queued per extraction process (bounded memory)
BATCH = 8  # documents per extraction task: fewer futures, pickles and thread wake-ups in the storing process
AUTO_POOL_MIN_FILES = 50
MANY_DOC_SUFFIXES = (".jsonl", ".ndjson", ".xml", ".rss", ".atom")


@dataclass
class Summary:
    new: int = 0
    duplicate: int = 0
    failed: int = 0
    facts: int = 0
    files: int = 0
    proceedings_new: int = 0
    proceedings_merged: int = 0
    disputes: set[int] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "files": self.files,
            "documents": {"new": self.new, "duplicate": self.duplicate, "failed": self.failed},
            "facts_added": self.facts,
            "proceedings": {"new": self.proceedings_new, "merged": self.proceedings_merged},
            "disputes_touched": len(self.disputes),
            "errors": list(self.errors),
        }

    def lines(self) -> list[str]:
        out = [
            f"documents: {self.new} new, {self.duplicate} duplicate, {self.failed} failed "
            f"(from {self.files} file{'s' if self.files != 1 else ''})",
            f"facts added: {self.facts} ({self.proceedings_new} new proceedings, "
            f"{self.proceedings_merged} merged into stored ones); disputes touched: {len(self.disputes)}",
        ]
        if self.new == 0 and self.duplicate and not self.failed:
            out.append("nothing new: every document was already stored")
        return out


def extract_record(doc: Document) -> dict[str, Any]:
    """The facts record of one document (runs in a worker process when jobs > 1)."""
    from patlit.extract import extract_document
    from patlit.record import to_record

    return to_record(extract_document(doc))


def _safe_extract(doc: Document) -> dict[str, Any] | str:
    try:
        return extract_record(doc)
    except Exception as exc:  # one bad document never stops the batch
        return f"extraction failed ({type(exc).__name__}: {exc})"


def _extract_batch(docs: list[Document]) -> list[tuple[dict[str, Any], str | None] | str]:
    """Per document its record with the record's JSON text (made here, so the storing process need
    not serialise it again), or the reason extraction failed."""
    out: list[tuple[dict[str, Any], str | None] | str] = []
    for doc in docs:
        record = _safe_extract(doc)
        if isinstance(record, str):
            out.append(record)
            continue
        try:
            text = json.dumps(record, ensure_ascii=False)
        except (TypeError, ValueError):  # the writer reports it when it serialises the record itself
            text = None
        out.append((record, text))
    return out


def _pool(workers: int):
    """Extraction workers forked from a clean server process (no inherited database connections),
    with the extraction modules loaded once there."""
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["patlit.extract", "patlit.record", "patlit.ingest_run"])
    else:
        ctx = mp.get_context("spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=ctx, initializer=_yield_to_writer)


#: niceness of the extraction workers: the single writer process is the bottleneck of an
#: ingest, so when CPUs are scarce the workers give way to it rather than starve it
WORKER_NICENESS = 5


def _yield_to_writer() -> None:
    import os

    try:
        os.nice(WORKER_NICENESS)
    except (AttributeError, OSError):  # not on this platform, or not allowed: run as is
        pass


def auto_jobs(files: list[str]) -> int:
    """Extraction processes when not told: for a large input one per CPU plus one, else extraction in this process.

    A pool costs a few hundred milliseconds to start, worth it only for many documents
    (many files, or JSONL/feeds holding many documents each). The storing process is busy
    only part of the time, so one worker more than CPUs keeps both cores working
    (measured on 2 cores: 2 workers 134 docs/s, 3 workers 157, 4 workers 155).
    """
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    large = len(files) >= AUTO_POOL_MIN_FILES or any(str(f).lower().endswith(MANY_DOC_SUFFIXES) for f in files)
    return cpus + 1 if cpus > 1 and large else 1


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    console = Console(stderr=True)
    return Progress(
        TextColumn("ingesting files"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
        TextColumn("{task.fields[docs]} documents"), TextColumn("{task.fields[name]}", style="dim"),
        console=console, transient=True, disable=not console.is_terminal,
    )


def run_ingest(inputs: Iterable[str], db: str | None = None, jobs: int = 1,
               report: Callable[[str], None] | None = None, store=None) -> Summary:
    """Ingest every document behind ``inputs`` into the database ``db`` (or an open ``store``)."""
    from patlit.ingest import expand_inputs, read_path
    from patlit.store import open_store
    from patlit.store.writer import Writer

    report = report or (lambda msg: print(f"patlit: {msg}", file=sys.stderr))
    own = store is None
    store = store or open_store(db)
    writer = Writer(store)
    writer.open()
    summary = Summary()
    files = expand_inputs(list(inputs))
    summary.files = len(files)
    workers = auto_jobs(files) if jobs == 0 else jobs
    pool = None
    if workers > 1:
        pool = _pool(workers)

    def fail(source: str, reason: str) -> None:
        summary.failed += 1
        summary.errors.append(f"{source}: {reason}")
        report(f"error: {source}: {reason}")

    def documents(task, progress) -> Iterator[Document]:
        for f in files:
            progress.update(task, name=str(f)[-50:])
            for item in read_path(f):
                if isinstance(item, InputError):
                    fail(item.source, item.reason)
                else:
                    yield item
            progress.advance(task)

    def store_one(doc: Document, record: dict | str) -> None:
        if isinstance(record, str):
            fail(doc.source or doc.doc_id, record)
            return
        try:
            res = writer.add(doc, record)
        except Exception as exc:  # a database error on one document: reported, the run goes on
            fail(doc.source or doc.doc_id, f"could not be stored ({type(exc).__name__}: {exc})")
            return
        if res.status == "duplicate":
            summary.duplicate += 1
            return
        summary.new += 1
        summary.facts += res.facts
        summary.proceedings_new += res.proceedings_new
        summary.proceedings_merged += res.proceedings_merged
        summary.disputes |= res.disputes

    try:
        with _progress(len(files)) as progress:
            task = progress.add_task("ingest", total=len(files), name="", docs=0)
            in_flight: deque = deque()  # (documents, future of their results), in reading order
            batch: list[Document] = []

            def store_done(docs: list[Document], results: list) -> None:
                for d, result in zip(docs, results):
                    if isinstance(result, tuple):
                        record, text = result
                        writer.prepared_json(record, text)
                        store_one(d, record)
                    else:
                        store_one(d, result)

            def submit() -> None:
                # extraction runs ahead in the workers while this process stores finished documents
                in_flight.append((list(batch), pool.submit(_extract_batch, list(batch))))
                batch.clear()
                while len(in_flight) * BATCH > IN_FLIGHT_PER_WORKER * workers or (in_flight and in_flight[0][1].done()):
                    docs, fut = in_flight.popleft()
                    store_done(docs, fut.result())

            for n, doc in enumerate(documents(task, progress), 1):
                progress.update(task, docs=n)
                if writer.is_stored(doc.text):
                    summary.duplicate += 1
                    continue
                if pool is None:
                    store_one(doc, _safe_extract(doc))
                    continue
                batch.append(doc)
                if len(batch) >= BATCH:
                    submit()
            if batch:
                submit()
            while in_flight:
                docs, fut = in_flight.popleft()
                store_done(docs, fut.result())
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
        writer.close()
        if own:
            store.close()
    return summary
