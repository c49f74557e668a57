"""Ingest from the browser and the API: pasted text or uploaded files, through the real pipeline.

Uploads are checked (:mod:`patlit.web.uploads`) and read in memory; their bytes go
to the same readers as ``patlit ingest`` (by the allow-listed suffix), then
extraction, then the store's writer, one transaction per document.
"""
from __future__ import annotations

import hashlib
from typing import Any

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData, UploadFile

from patlit.errors import InputError
from patlit.model import Document
from patlit.web.uploads import UploadRejected, accept_attribute, check_text, check_upload

PASTED_PREFIX = "pasted-"
MAX_FILES = 20


def form_context(app: FastAPI) -> dict[str, Any]:
    return {"accept": accept_attribute(), "max_mb": round(app.state.max_upload / 1_048_576, 1)}


def _store_documents(app: FastAPI, docs: list[Document]) -> dict[str, Any]:
    from patlit.ingest_run import extract_record
    from patlit.store.writer import Writer

    writer = Writer(app.state.db.store)
    result: dict[str, Any] = {"new": 0, "duplicate": 0, "failed": [], "documents": []}
    for doc in docs:
        try:
            stored = writer.add(doc, extract_record(doc))
        except Exception as exc:  # one bad document never stops the others
            result["failed"].append({"source": doc.source or doc.doc_id,
                                     "reason": f"could not be stored ({type(exc).__name__})"})
            continue
        result[stored.status] += 1
        result["documents"].append(stored.doc_id)
    return result


def _pasted(text: str, title: str | None, published: str | None, url: str | None, lang: str | None) -> Document:
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]
    return Document(doc_id=PASTED_PREFIX + digest, text=text, published=published or None, lang=lang or None,
                    url=url or None, title=title or None, source="pasted text")


def ingest_text(app: FastAPI, text: str, *, title: str | None = None, published: str | None = None,
                url: str | None = None, lang: str | None = None) -> dict[str, Any]:
    """Store one pasted document (raises :class:`UploadRejected` when empty or too large)."""
    check_text(text, app.state.max_upload)
    return _store_documents(app, [_pasted(text, title, published, url, lang)])


def _read_upload(label: str, data: bytes, limit: int) -> list[Document | InputError]:
    from patlit.ingest.readers import read_bytes  # the readers of 'patlit ingest', on bytes in memory

    return list(read_bytes(data, label, max_bytes=limit))


async def ingest_form_data(app: FastAPI, form: FormData) -> dict[str, Any]:
    """The browser form: a pasted text and/or files, each checked before anything is stored."""
    docs: list[Document] = []
    failed: list[dict[str, str]] = []
    limit = app.state.max_upload
    text = form.get("text")
    if isinstance(text, str) and text.strip():
        title, published = form.get("title"), form.get("published")
        try:
            check_text(text, limit)
            docs.append(_pasted(text, title if isinstance(title, str) else None,
                                published if isinstance(published, str) and len(published) == 10 else None,
                                None, None))
        except UploadRejected as exc:
            failed.append({"source": exc.label, "reason": exc.reason})
    files = [f for f in form.getlist("files") if isinstance(f, UploadFile) and f.filename][:MAX_FILES]
    for f in files:
        data = await f.read(limit + 1)  # never more than the limit (+1 to tell it was exceeded)
        try:
            up = check_upload(f.filename, f.content_type, data, limit)
        except UploadRejected as exc:
            failed.append({"source": exc.label, "reason": exc.reason})
            continue
        for item in await run_in_threadpool(_read_upload, up.label, up.data, limit):
            if isinstance(item, InputError):
                failed.append({"source": up.label, "reason": item.reason})
            else:
                docs.append(item)
    if not docs and not failed:
        failed.append({"source": "form", "reason": "nothing to ingest: paste a text or choose files"})
    result = await run_in_threadpool(_store_documents, app, docs) if docs else \
        {"new": 0, "duplicate": 0, "failed": [], "documents": []}
    result["failed"] = failed + result["failed"]
    return result
