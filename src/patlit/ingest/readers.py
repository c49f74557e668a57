"""Readers for the inputs of ``patlit extract``: text/Markdown files, JSONL of documents, stdin."""
from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from patlit.errors import InputError
from patlit.model import Document

TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}


def read_inputs(inputs: Iterable[str]) -> Iterator[Document | InputError]:
    for raw in inputs:
        if raw == "-":
            yield from _read_stream(sys.stdin.read(), "-")
            continue
        path = Path(raw)
        if not path.exists():
            yield InputError(raw, "no such file", hint="check the path")
            continue
        if path.is_dir():
            yield InputError(raw, "is a folder", hint="'patlit ingest' reads folders")
            continue
        suffix = path.suffix.lower()
        try:
            data = path.read_bytes()
        except OSError as exc:
            yield InputError(raw, f"cannot be read ({exc.strerror or exc})")
            continue
        if suffix in JSONL_SUFFIXES:
            yield from read_jsonl(_decode(data, raw), raw)
        elif suffix in TEXT_SUFFIXES:
            text = _decode(data, raw)
            if isinstance(text, InputError):
                yield text
            elif not text.strip():
                yield InputError(raw, "is empty")
            else:
                yield Document(doc_id=path.stem, text=text, source=raw)
        else:
            yield InputError(raw, f"unsupported file type {suffix or '(none)'!r}", hint="give .txt, .md or .jsonl")


def _decode(data: bytes, source: str) -> str | InputError:
    if b"\x00" in data[:4096]:
        return InputError(source, "looks binary (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return InputError(source, "is not UTF-8 text")


def _read_stream(text: str, source: str) -> Iterator[Document | InputError]:
    head = text.lstrip()[:1]
    if head == "{":
        yield from read_jsonl(text, source)
    elif text.strip():
        yield Document(doc_id="stdin", text=text, source=source)
    else:
        yield InputError(source, "is empty")


def read_jsonl(text: str | InputError, source: str) -> Iterator[Document | InputError]:
    """Documents from JSON Lines with ``doc_id`` and ``text`` (``published``, ``lang``, ``url``, ``title`` optional)."""
    if isinstance(text, InputError):
        yield text
        return
    for lineno, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        where = f"{source}:{lineno}"
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(where, f"not JSON ({exc.msg})")
            continue
        if not isinstance(rec, dict) or not isinstance(rec.get("text"), str):
            yield InputError(where, "a document needs a 'text' string")
            continue
        doc_id = rec.get("doc_id") or rec.get("id") or f"{Path(source).stem}-{lineno}"
        yield Document(
            doc_id=str(doc_id),
            text=rec["text"],
            published=_opt_str(rec.get("published")),
            lang=_opt_str(rec.get("lang")),
            url=_opt_str(rec.get("url")),
            title=_opt_str(rec.get("title")),
            source=where,
        )


def _opt_str(v: object) -> str | None:
    return str(v) if v not in (None, "") else None
