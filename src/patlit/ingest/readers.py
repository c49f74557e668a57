"""From paths, folders, globs and ``-`` to documents: expansion, checks and dispatch by type.

:func:`expand_inputs` turns the command line's inputs into a sorted list of
:class:`InputFile` (a path string that also knows the ``doc_id`` its document
gets); :func:`read_path` reads one of them; :func:`read_inputs` does both.
Nothing here raises for a bad input: each unreadable document is yielded as an
:class:`~patlit.errors.InputError` naming the path and the reason.
"""
from __future__ import annotations

import glob
import json
import re
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from patlit.errors import InputError
from patlit.ingest.encoding import decode
from patlit.model import Document

TEXT_SUFFIXES = frozenset({".txt", ".md", ".markdown", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
PDF_SUFFIXES = frozenset({".pdf"})
FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | PDF_SUFFIXES | FEED_SUFFIXES | JSONL_SUFFIXES
#: files larger than this are refused (pass ``max_bytes`` to change it)
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
STDIN = "-"
STDIN_DOC_ID = "stdin"

_MAGIC = re.compile(r"[*?[]")
_URL = re.compile(r"^(?:https?|ftp)://", re.I)
#: how many leading bytes are looked at to tell a binary file or a stream's type
_SNIFF_BYTES = 4096
_SUPPORTED_LIST = ", ".join(sorted(SUPPORTED_SUFFIXES))


class InputFile(str):
    """A path to read (the object *is* the path string) with the ``doc_id`` its document gets.

    A file named on the command line gets its stem; a file found in a folder or by a
    glob gets its path relative to that folder (or to the glob's fixed prefix)
    without the suffix, e.g. ``en/hpe-inspur``, so that equal names in different
    subfolders stay distinct. Feeds and JSONL files hold several documents; their
    doc_ids come from the entries (``NAME#3``) or the records.
    """

    doc_id: str

    def __new__(cls, path: str, doc_id: str | None = None) -> InputFile:
        obj = super().__new__(cls, path)
        obj.doc_id = doc_id or Path(path).stem
        return obj


def _doc_id(path: Path, root: Path | None) -> str:
    if root is not None:
        try:
            return path.relative_to(root).with_suffix("").as_posix()
        except ValueError:
            pass
    return path.stem


#: file stems a folder walk leaves out: they describe the folder, they are not its documents
FOLDER_NOTES = frozenset({"readme", "license", "licence", "changelog", "notice"})


def _skipped(path: Path, root: Path) -> bool:
    hidden = any(part.startswith(".") for part in path.relative_to(root).parts)
    return hidden or path.stem.lower() in FOLDER_NOTES


def _walk(root: Path) -> list[Path]:
    """Every document file under ``root``, sorted: hidden files/folders and README-like notes skipped."""
    return sorted(p for p in root.rglob("*") if p.is_file() and not _skipped(p, root))


def _glob_root(pattern: str) -> Path:
    """The folder a glob pattern's matches are named relative to: its fixed leading part."""
    fixed: list[str] = []
    for part in Path(pattern).parts[:-1]:
        if _MAGIC.search(part):
            break
        fixed.append(part)
    return Path(*fixed) if fixed else Path(".")


def expand_inputs(inputs: Iterable[str]) -> list[InputFile]:
    """The files behind ``inputs`` (paths, folders read recursively, globs, ``-``), in order.

    Inputs keep their order; the files of one folder or glob are sorted. A file
    reached twice is listed once. A path that does not exist or a glob without
    matches is kept as it is, so that :func:`read_path` reports it.
    """
    out: list[InputFile] = []
    seen: set[str] = set()

    def add(path: Path, root: Path | None) -> None:
        key = str(path.resolve())
        if key not in seen:
            seen.add(key)
            out.append(InputFile(str(path), _doc_id(path, root)))

    for raw in inputs:
        raw = str(raw)
        if raw == STDIN:
            out.append(InputFile(STDIN, STDIN_DOC_ID))
            continue
        path = Path(raw)
        if path.is_dir():
            for f in _walk(path):
                add(f, path)
        elif path.exists() or not _MAGIC.search(raw):
            add(path, None)
        else:
            matches = sorted(Path(m) for m in glob.glob(raw, recursive=True))
            if not matches:
                out.append(InputFile(raw, path.stem))
            root = _glob_root(raw)
            for m in matches:
                if m.is_dir():
                    for f in _walk(m):
                        add(f, root)
                else:
                    add(m, root)
    return out


def read_inputs(inputs: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """Every document behind ``inputs`` (see :func:`expand_inputs`), or an InputError per bad one."""
    for item in expand_inputs(inputs):
        yield from read_path(item, max_bytes=max_bytes)


def read_path(path: str, *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]:
    """The document(s) of one file (or ``-``, or a folder), or an InputError saying why not.

    ``path`` is best an :class:`InputFile` from :func:`expand_inputs` (it carries
    the doc_id); a plain string gets its stem as doc_id.
    """
    source = str(path)
    doc_id = getattr(path, "doc_id", None)
    if source == STDIN:
        yield from _read_stdin(max_bytes, doc_id or STDIN_DOC_ID)
        return
    p = Path(source)
    if not p.exists():
        if _URL.match(source):
            yield InputError(source, "is a web address; patlit reads files, it does not fetch pages",
                             hint="save the page as .html (or the feed as .xml) and give that file")
        elif _MAGIC.search(source):
            yield InputError(source, "no file matches this pattern")
        else:
            yield InputError(source, "no such file", hint="check the path")
        return
    if p.is_dir():
        yield from read_inputs([source], max_bytes=max_bytes)
        return
    doc_id = doc_id or p.stem
    suffix = p.suffix.lower()
    try:
        size = p.stat().st_size
        if size > max_bytes:
            yield InputError(source, f"is too large ({_mb(size)} MB; the limit is {_mb(max_bytes)} MB)")
            return
        data = _read_bytes(p, _SNIFF_BYTES if suffix not in SUPPORTED_SUFFIXES else max_bytes + 1)
    except OSError as exc:
        yield InputError(source, f"cannot be read ({(exc.strerror or str(exc)).lower()})")
        return
    yield from read_bytes(data, source, doc_id=doc_id, max_bytes=max_bytes)


def read_bytes(
    data: bytes, name: str, *, doc_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Document | InputError]:
    """The document(s) in ``data`` held in memory (an upload), typed by the suffix of ``name``.

    The same checks as for a file: size, supported type, binary, empty. ``name`` is
    the source named in errors; ``doc_id`` defaults to its stem.
    """
    suffix = Path(name).suffix.lower()
    doc_id = doc_id or Path(name).stem
    if len(data) > max_bytes:
        yield InputError(name, f"is too large (more than {_mb(max_bytes)} MB)")
    elif suffix not in SUPPORTED_SUFFIXES:
        kind = "a binary file" if b"\x00" in data[:_SNIFF_BYTES] else f"an unsupported file type ({suffix or 'no suffix'})"
        yield InputError(name, f"is {kind}; supported: {_SUPPORTED_LIST}")
    elif not data.strip():
        yield InputError(name, "is empty")
    else:
        try:
            yield from _dispatch(data, suffix, name, doc_id)
        except Exception as exc:  # noqa: BLE001 - the contract: a bad file never stops the batch
            yield InputError(name, f"could not be read ({type(exc).__name__}: {exc})")


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f}".removesuffix(".0")


def _read_bytes(path: Path, limit: int) -> bytes:
    with path.open("rb") as fh:
        return fh.read(limit)


def _dispatch(data: bytes, suffix: str, source: str, doc_id: str) -> Iterator[Document | InputError]:
    if suffix in PDF_SUFFIXES:
        from patlit.ingest.pdf import read_pdf

        yield read_pdf(data, source, doc_id)
    elif suffix in FEED_SUFFIXES:
        from patlit.ingest.feeds import read_feed

        yield from read_feed(data, source, doc_id)
    else:
        text = decode(data, source)
        if isinstance(text, InputError):
            yield text
        elif not text.strip():
            yield InputError(source, "is empty (only whitespace)")
        elif suffix in HTML_SUFFIXES:
            from patlit.ingest.html import read_html

            yield read_html(text, source, doc_id)
        elif suffix in JSONL_SUFFIXES:
            yield from read_jsonl(text, source)
        else:
            yield Document(doc_id=doc_id, text=text, source=source)


def _stream_suffix(data: bytes) -> str:
    """The type of a stream, from its first bytes: PDF, feed, HTML, JSONL or text."""
    head = data[:_SNIFF_BYTES].lstrip(b"\xef\xbb\xbf \t\r\n")
    lower = head.lower()
    if head.startswith(b"%PDF-"):
        return ".pdf"
    from patlit.ingest.feeds import is_feed

    if is_feed(head):
        return ".xml"
    if lower.startswith((b"<!doctype html", b"<html")) or b"<html" in lower[:512]:
        return ".html"
    if head.startswith(b"{"):
        return ".jsonl"
    return ".txt"


def _read_stdin(max_bytes: int, doc_id: str) -> Iterator[Document | InputError]:
    stream = getattr(sys.stdin, "buffer", None)
    data = stream.read(max_bytes + 1) if stream is not None else sys.stdin.read().encode("utf-8")
    if len(data) > max_bytes:
        yield InputError(STDIN, f"is too large (more than {_mb(max_bytes)} MB)")
    elif not data.strip():
        yield InputError(STDIN, "is empty")
    else:
        yield from _dispatch(data, _stream_suffix(data), STDIN, doc_id)


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
        if not rec["text"].strip():
            yield InputError(where, "is empty")
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
