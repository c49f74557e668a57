"""Checks on what the browser sends to be ingested: size, type, names.

An upload's file name is only ever used for its suffix (looked up in
:data:`ALLOWED`) and, cleaned by :func:`safe_label`, as a label; the bytes are
read into memory, never written under a name from the request.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

#: suffix -> content types a browser may declare for it ("" / octet-stream always accepted)
ALLOWED: dict[str, frozenset[str]] = {
    ".txt": frozenset({"text/plain"}),
    ".text": frozenset({"text/plain"}),
    ".md": frozenset({"text/markdown", "text/x-markdown", "text/plain"}),
    ".html": frozenset({"text/html", "application/xhtml+xml"}),
    ".htm": frozenset({"text/html", "application/xhtml+xml"}),
    ".pdf": frozenset({"application/pdf", "application/x-pdf"}),
    ".jsonl": frozenset({"application/jsonl", "application/x-ndjson", "application/json", "text/plain"}),
    ".xml": frozenset({"application/xml", "text/xml", "application/rss+xml", "application/atom+xml"}),
    ".rss": frozenset({"application/rss+xml", "application/xml", "text/xml"}),
    ".atom": frozenset({"application/atom+xml", "application/xml", "text/xml"}),
}
GENERIC_TYPES = frozenset({"", "application/octet-stream"})
BINARY_SUFFIXES = frozenset({".pdf"})
PDF_MAGIC = b"%PDF-"
SNIFF_BYTES = 4096
_LABEL_BAD = re.compile(r"[^\w.\- ]+")
MAX_LABEL = 80


class UploadRejected(Exception):
    """An upload refused before ingestion; ``status`` is the HTTP status to answer."""

    def __init__(self, label: str, reason: str, status: int = 415):
        super().__init__(f"{label}: {reason}")
        self.label = label
        self.reason = reason
        self.status = status


@dataclass(frozen=True, slots=True)
class Upload:
    label: str  # a cleaned name for messages, never a path
    suffix: str  # one of ALLOWED
    data: bytes


def safe_label(filename: str | None) -> str:
    """The last component of a client file name, with anything unusual removed."""
    name = (filename or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = _LABEL_BAD.sub("_", name).strip(" ._") or "upload"
    return name[-MAX_LABEL:]


def suffix_of(filename: str | None) -> str:
    label = safe_label(filename)
    dot = label.rfind(".")
    return label[dot:].lower() if dot > 0 else ""


def accept_attribute() -> str:
    return ",".join(sorted(ALLOWED))


def check_upload(filename: str | None, content_type: str | None, data: bytes, max_bytes: int) -> Upload:
    """The upload, or :class:`UploadRejected` (413 too large, 415 wrong type, 422 empty)."""
    label = safe_label(filename)
    suffix = suffix_of(filename)
    if suffix not in ALLOWED:
        raise UploadRejected(label, f"type {suffix or '(none)'} not accepted (give {accept_attribute()})")
    declared = (content_type or "").split(";", 1)[0].strip().lower()
    if declared not in GENERIC_TYPES and declared not in ALLOWED[suffix]:
        raise UploadRejected(label, f"content type {declared} does not match {suffix}")
    if len(data) > max_bytes:
        raise UploadRejected(label, f"larger than {max_bytes} bytes", status=413)
    if not data.strip():
        raise UploadRejected(label, "is empty", status=422)
    head = data[:SNIFF_BYTES]
    if suffix == ".pdf":
        if not head.startswith(PDF_MAGIC):
            raise UploadRejected(label, "is not a PDF")
    elif b"\x00" in head:
        raise UploadRejected(label, "looks binary, not text")
    return Upload(label, suffix, data)


def check_text(text: str, max_bytes: int) -> str:
    """Pasted text: not empty and within the size limit."""
    if len(text.encode("utf-8")) > max_bytes:
        raise UploadRejected("pasted text", f"larger than {max_bytes} bytes", status=413)
    if not text.strip():
        raise UploadRejected("pasted text", "is empty", status=422)
    return text
