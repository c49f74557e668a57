"""Reading documents from files, folders, globs, feeds and streams.

Every reader yields :class:`~patlit.model.Document` objects or, for a document
that cannot be read, an :class:`~patlit.errors.InputError` whose ``source`` names
the file (``path``, ``path:LINE`` for a JSONL record, ``path#N`` for a feed entry)
and whose ``reason`` says why. Nothing raises for a bad input, so one bad file
never stops a batch.

API
---
``read_inputs(inputs, *, max_bytes=DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]``
    Everything behind the command line's inputs. Used by ``patlit extract``.
``expand_inputs(inputs) -> list[InputFile]``
    The files behind the inputs, for callers that show progress per file
    (``patlit ingest``): paths as given, folders read recursively (hidden files
    and README/LICENSE-like notes about the folder skipped), glob patterns (``**`` allowed), and ``-`` for stdin. Inputs keep their
    order, each folder/glob is sorted, a file reached twice is listed once, and a
    missing path is kept so that reading it reports it. An :class:`InputFile` is a
    ``str`` (the path) that also carries the ``doc_id`` of its document: the file
    stem, or the path relative to the folder/glob root without suffix
    (``en/hpe-inspur``) so that names in different subfolders stay distinct.
``read_path(path, *, max_bytes=DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]``
    The document(s) of one file: one for text, HTML and PDF, one per entry for a
    feed (doc_id ``NAME#N``), one per record for JSONL. Typical use::

        files = expand_inputs(paths)
        for f in track(files):
            for item in read_path(f):
                ...

``read_bytes(data, name, *, doc_id=None, max_bytes=DEFAULT_MAX_BYTES) -> Iterator[Document | InputError]``
    The same for bytes held in memory (a browser upload), typed by the suffix of
    ``name``, with the same checks (size, type, binary, empty).

Types, chosen by suffix (a stream on stdin is sniffed)
------------------------------------------------------
* ``.txt``, ``.md``, ``.markdown``, ``.text``: the text as it is;
* ``.html``, ``.htm``, ``.xhtml``: main text, title, URL and the date in the page's
  metadata via trafilatura, a plain tag strip when it finds no main text
  (:mod:`patlit.ingest.html`);
* ``.pdf``: the text of all pages via pypdf (:mod:`patlit.ingest.pdf`);
* ``.xml``, ``.rss``, ``.atom``: RSS/Atom feeds, one document per entry, dates
  re-parsed in several languages (:mod:`patlit.ingest.feeds`,
  :mod:`patlit.ingest.feed_dates`);
* ``.jsonl``, ``.ndjson``: one document per line with ``doc_id`` and ``text``
  (``published``, ``lang``, ``url``, ``title`` optional), the format of
  ``corpus/*/docs.jsonl``.

Text encodings are detected from the bytes, not the suffix
(:mod:`patlit.ingest.encoding`): BOMs, a charset the page declares, UTF-8,
GB18030/GBK versus Big5 by the share of common Chinese characters, Windows-1252,
then charset-normalizer.

Refused, with the reason: missing files, unreadable files (permissions), files
over ``max_bytes`` (default 20 MB), empty or whitespace-only documents, binary
files, undecodable text, damaged, encrypted or image-only PDFs, XML that is not a
feed, and unsupported suffixes (the message lists the supported ones).
"""
from __future__ import annotations

from patlit.ingest.readers import (
    DEFAULT_MAX_BYTES,
    SUPPORTED_SUFFIXES,
    InputFile,
    expand_inputs,
    read_inputs,
    read_bytes,
    read_jsonl,
    read_path,
)

__all__ = [
    "DEFAULT_MAX_BYTES",
    "SUPPORTED_SUFFIXES",
    "InputFile",
    "expand_inputs",
    "read_inputs",
    "read_bytes",
    "read_jsonl",
    "read_path",
]
