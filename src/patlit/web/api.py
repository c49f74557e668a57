"""The JSON API under ``/api/v1``: one endpoint per page, paginated lists, token-guarded writes.

Read endpoints answer the query layer's dicts (:mod:`patlit.store.queries`) as
they are; lists are ``{"total", "items", "limit", "offset"}``.
"""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, Field

from patlit.model import OUTCOMES, PROCEEDING_KINDS
from patlit.web import views
from patlit.web.security import bearer
from patlit.web.uploads import UploadRejected

router = APIRouter(tags=["read"])

MAX_LIMIT = 200
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="page size")]
Offset = Annotated[int, Query(ge=0, le=10_000_000, description="items to skip")]
KIND_PATTERN = "^(" + "|".join(PROCEEDING_KINDS) + ")$"
OUTCOME_PATTERN = "^(" + "|".join(OUTCOMES) + ")$"
IdText = Annotated[str, Path(min_length=1, max_length=200)]


def session(request: Request):
    with request.app.state.db.session() as s:
        yield s


Session = Annotated[Any, Depends(session)]


@router.get("/stats", summary="How many documents, parties, patents, proceedings and disputes are stored")
def stats(s: Session) -> dict:
    return views.counts(s)


@router.get("/disputes", summary="Disputes, filtered and sorted")
def disputes(
    s: Session,
    party: Annotated[str | None, Query(max_length=200, description="party name or alias")] = None,
    jurisdiction: Annotated[str | None, Query(pattern="^[A-Za-z]{2,5}$", description="CN, US, EP, DE, UK, ...")] = None,
    kind: Annotated[str | None, Query(pattern=KIND_PATTERN, description="proceeding kind")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100, description="a proceeding dated that year")] = None,
    since: Annotated[int | None, Query(ge=1900, le=2100, description="a proceeding dated that year or later")] = None,
    outcome: Annotated[str | None, Query(pattern=OUTCOME_PATTERN)] = None,
    sort: Annotated[str, Query(pattern="^(latest|amount|first|proceedings)$",
                               description="latest event, amount claimed, first event, number of proceedings")] = "latest",
    limit: Limit = 50,
    offset: Offset = 0,
) -> dict:
    return views.dispute_list(s, views.DisputeFilter(party, jurisdiction, kind, year, since, outcome, sort), limit, offset)


@router.get("/disputes/{dispute_id}", summary="One dispute: sides, events, proceedings, totals, evidence")
def dispute(s: Session, dispute_id: Annotated[int, Path(ge=1)]) -> dict:
    return views.dispute_data(s, dispute_id)


@router.get("/parties", summary="Parties")
def parties(s: Session, q: Annotated[str | None, Query(max_length=200)] = None, limit: Limit = 50, offset: Offset = 0) -> dict:
    return views.party_list(s, q, limit, offset)


@router.get("/parties/{party_id}", summary="One party: aliases, affiliates, disputes on each side")
def party(s: Session, party_id: Annotated[int, Path(ge=1)]) -> dict:
    return views.party_data(s, party_id)


@router.get("/patents", summary="Patents")
def patents(s: Session, limit: Limit = 50, offset: Offset = 0) -> dict:
    return views.patent_list(s, limit, offset)


@router.get("/patents/{pid}", summary="One patent: decoded metadata and every proceeding")
def patent(s: Session, pid: IdText) -> dict:
    return views.patent_data(s, pid)


@router.get("/documents", summary="Documents")
def documents(s: Session, limit: Limit = 50, offset: Offset = 0) -> dict:
    return views.document_list(s, limit, offset)


@router.get("/documents/{doc_id:path}", summary="One document: text and extracted facts with their spans")
def document(s: Session, doc_id: IdText) -> dict:
    return views.document_data(s, doc_id)


@router.get("/search", summary="Full-text search with snippets")
def search(s: Session, q: Annotated[str, Query(min_length=1, max_length=300)], limit: Limit = 20, offset: Offset = 0) -> dict:
    return views.search_data(s, q, limit, offset)


class NewDocument(BaseModel):
    text: str = Field(min_length=1, description="the document text")
    title: str | None = Field(default=None, max_length=300)
    published: str | None = Field(default=None, pattern=r"^\d{4}-\d{2}-\d{2}$")
    url: str | None = Field(default=None, max_length=2000)
    lang: str | None = Field(default=None, pattern="^(en|zh)$")


@router.post(
    "/documents",
    tags=["write"],
    summary="Ingest one document (needs Authorization: Bearer TOKEN)",
    responses={401: {"description": "wrong or missing token"}, 403: {"description": "the app is read-only"},
               413: {"description": "too large"}},
)
def add_document(request: Request, body: NewDocument) -> dict:
    status = request.app.state.writes.check(bearer(request.headers.get("authorization")))
    if status:
        raise HTTPException(status, "read-only: no token configured" if status == 403 else "wrong or missing token")
    from patlit.web.ingest import ingest_text

    try:
        return ingest_text(request.app, body.text, title=body.title, published=body.published, url=body.url,
                           lang=body.lang)
    except UploadRejected as exc:
        raise HTTPException(exc.status, str(exc)) from None


UPLOAD_BODY = {
    "requestBody": {
        "required": True,
        "content": {"multipart/form-data": {"schema": {
            "type": "object",
            "properties": {
                "files": {"type": "array", "items": {"type": "string", "format": "binary"},
                          "description": "documents: .txt .md .html .htm .pdf .jsonl .xml .rss .atom"},
                "text": {"type": "string", "description": "pasted text (optional)"},
                "title": {"type": "string"},
            },
        }}},
    }
}


@router.post(
    "/uploads",
    tags=["write"],
    summary="Ingest uploaded files (multipart field 'files'; needs Authorization: Bearer TOKEN)",
    responses={401: {"description": "wrong or missing token"}, 403: {"description": "the app is read-only"},
               413: {"description": "too large"}, 422: {"description": "nothing could be ingested"}},
    openapi_extra=UPLOAD_BODY,
)
async def add_uploads(request: Request) -> JSONResponse:
    status = request.app.state.writes.check(bearer(request.headers.get("authorization")))
    if status:
        raise HTTPException(status, "read-only: no token configured" if status == 403 else "wrong or missing token")
    from patlit.web.ingest import MAX_FILES, ingest_form_data

    form = await request.form(max_files=MAX_FILES, max_fields=10, max_part_size=request.app.state.max_body)
    try:
        result = await ingest_form_data(request.app, form)
    finally:
        await form.close()
    stored = result["new"] + result["duplicate"]
    return JSONResponse(result, status_code=200 if stored else 422)


@router.get("/docs", include_in_schema=False, response_class=HTMLResponse)
def api_docs(request: Request):
    return request.app.state.templates.TemplateResponse(request, "apidocs.html", {"spec_url": request.app.openapi_url})
