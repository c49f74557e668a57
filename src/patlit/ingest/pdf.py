"""PDF files: the text of every page via pypdf, with layout line wraps undone.

A PDF that cannot be opened (damaged, truncated, not a PDF at all), one that
needs a password, and one whose pages carry no text (scanned images) each give an
:class:`~patlit.errors.InputError` with that reason.
"""
from __future__ import annotations

import io
import logging

from patlit.errors import InputError
from patlit.ingest.reflow import reflow
from patlit.model import Document

#: pypdf logs every repair it makes to a damaged file; patlit reports its own reasons
logging.getLogger("pypdf").setLevel(logging.ERROR)

PDF_MAGIC = b"%PDF-"
#: the header may follow a little junk, as PDF readers allow
_MAGIC_WINDOW = 1024
PAGE_SEPARATOR = "\n\n"


def read_pdf(data: bytes, source: str, doc_id: str) -> Document | InputError:
    """One :class:`Document` with the text of all pages of the PDF in ``data``."""
    if PDF_MAGIC not in data[:_MAGIC_WINDOW]:
        return InputError(source, "is not a PDF (no %PDF- header)")
    from pypdf import PdfReader
    from pypdf.errors import FileNotDecryptedError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            return InputError(source, "is an encrypted PDF that needs a password")
        pages = [page.extract_text() or "" for page in reader.pages]
        title = _title(reader)
    except FileNotDecryptedError:
        return InputError(source, "is an encrypted PDF that needs a password")
    except Exception as exc:  # noqa: BLE001 - pypdf's parser fails in many ways on damaged files
        return InputError(source, f"is a damaged PDF ({_describe(exc)})")
    if not pages:
        return InputError(source, "is a PDF without pages")
    text = PAGE_SEPARATOR.join(reflow(p) for p in pages).strip()
    if not text:
        return InputError(source, f"is a PDF without a text layer ({len(pages)} page(s) of images?); run OCR first")
    return Document(doc_id=doc_id, text=text, title=title, source=source)


#: longest exception detail quoted in a reason
_DETAIL_MAX = 120


def _describe(exc: Exception) -> str:
    detail = " ".join(str(exc).split())[:_DETAIL_MAX]
    return f"{type(exc).__name__}: {detail}" if detail else type(exc).__name__


def _title(reader) -> str | None:
    try:
        meta = reader.metadata
    except Exception:  # noqa: BLE001 - a damaged info dictionary only loses the title
        return None
    title = getattr(meta, "title", None) if meta else None
    return str(title).strip() or None if title is not None else None
