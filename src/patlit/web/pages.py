"""Server-rendered pages: disputes, dispute, party, patent, document, search, ingest."""
from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import HTMLResponse, Response

from patlit.model import OUTCOMES, PROCEEDING_KINDS
from patlit.web import views
from patlit.web.api import Limit, Offset, IdText, session
from patlit.web.render import highlight_document, parse_hl

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)
Session = Annotated[Any, Depends(session)]


def page(request: Request, template: str, status_code: int = 200, **context: Any) -> Response:
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status_code)


@router.get("/static/{name}")
def static(request: Request, name: Annotated[str, Path(max_length=80)]) -> Response:
    asset = request.app.state.assets.get(name)  # a dict lookup: the request never names a file
    if asset is None:
        raise HTTPException(404, "no such asset")
    if request.headers.get("if-none-match") == asset.etag:
        return Response(status_code=304, headers={"etag": asset.etag})
    return Response(asset.body, media_type=asset.content_type,
                    headers={"etag": asset.etag, "cache-control": "public, max-age=86400"})


@router.get("/")
def home(request: Request, s: Session) -> Response:
    return page(request, "home.html", counts=views.counts(s))


@router.get("/disputes")
def disputes(
    request: Request,
    s: Session,
    party: Annotated[str | None, Query(max_length=200)] = None,
    jurisdiction: Annotated[str | None, Query(max_length=10)] = None,
    kind: Annotated[str | None, Query(max_length=40)] = None,
    year: Annotated[str | None, Query(max_length=4)] = None,
    outcome: Annotated[str | None, Query(max_length=20)] = None,
    sort: Annotated[str, Query(pattern="^(latest|amount)$")] = "latest",
    limit: Limit = 50,
    offset: Offset = 0,
) -> Response:
    # the form sends "" for "any"; values outside the known sets are ignored rather than refused
    year_n = int(year) if year and year.isdigit() and 1900 <= int(year) <= 2100 else None
    jurisdiction = jurisdiction.upper() if jurisdiction and jurisdiction.isalpha() and len(jurisdiction) <= 5 else None
    kind = kind if kind in PROCEEDING_KINDS else None
    outcome = outcome if outcome in OUTCOMES else None
    flt = views.DisputeFilter(party or None, jurisdiction, kind, year_n, None, outcome, sort)
    data = views.dispute_list(s, flt, limit, offset)
    params = {"party": party, "jurisdiction": jurisdiction, "kind": kind, "year": year_n, "outcome": outcome,
              "sort": sort, "limit": limit if limit != 50 else None}
    return page(request, "disputes.html", page=views.dispute_rows(data), params=params, choices=views.choices(s, flt))


@router.get("/disputes/{dispute_id}")
def dispute(request: Request, s: Session, dispute_id: Annotated[int, Path(ge=1)]) -> Response:
    return page(request, "dispute.html", d=views.dispute_page(s, dispute_id))


@router.get("/parties")
def parties(request: Request, s: Session, q: Annotated[str | None, Query(max_length=200)] = None,
            limit: Limit = 60, offset: Offset = 0) -> Response:
    return page(request, "parties.html", page=views.party_list(s, q, limit, offset), params={"q": q})


@router.get("/parties/{party_id}")
def party(request: Request, s: Session, party_id: Annotated[int, Path(ge=1)]) -> Response:
    return page(request, "party.html", p=views.party_page(s, party_id))


@router.get("/patents")
def patents(request: Request, s: Session, limit: Limit = 60, offset: Offset = 0) -> Response:
    return page(request, "patents.html", page=views.patent_list(s, limit, offset), params={})


@router.get("/patents/{pid}")
def patent(request: Request, s: Session, pid: IdText) -> Response:
    return page(request, "patent.html", p=views.patent_page(s, pid))


@router.get("/documents")
def documents(request: Request, s: Session, limit: Limit = 60, offset: Offset = 0) -> Response:
    return page(request, "documents.html", page=views.document_list(s, limit, offset), params={})


@router.get("/documents/{doc_id:path}")
def document(request: Request, s: Session, doc_id: IdText,
             hl: Annotated[str | None, Query(max_length=24)] = None) -> Response:
    doc = views.document_page(s, doc_id)
    span = parse_hl(hl, len(doc["text"]))
    doc["html"] = highlight_document(doc["text"], doc["facts"], span)
    return page(request, "document.html", doc=doc)


@router.get("/search")
def search(request: Request, s: Session, q: Annotated[str | None, Query(max_length=300)] = None,
           limit: Limit = 20, offset: Offset = 0) -> Response:
    data = views.search_page(s, q, limit, offset) if q and q.strip() else {"total": 0, "items": [], "limit": limit,
                                                                           "offset": offset}
    return page(request, "search.html", page=data, params={"q": q}, search_q=q or "")


@router.get("/ingest")
def ingest_form(request: Request) -> Response:
    if not request.app.state.writes.enabled:
        raise HTTPException(403, "this server is read-only: start it with PATLIT_TOKEN set to ingest from the browser")
    from patlit.web.ingest import form_context

    return page(request, "ingest.html", **form_context(request.app), result=None)


@router.post("/ingest")
async def ingest_submit(request: Request) -> Response:
    writes = request.app.state.writes
    if not writes.enabled:
        raise HTTPException(403, "this server is read-only: start it with PATLIT_TOKEN set to ingest from the browser")
    from patlit.web.ingest import form_context, ingest_form_data

    form = await request.form(max_files=20, max_fields=20, max_part_size=request.app.state.max_body)
    try:
        token = form.get("token")
        status = writes.check(token if isinstance(token, str) else None)
        if status:
            raise HTTPException(status, "wrong or missing token")
        result = await ingest_form_data(request.app, form)
    finally:
        await form.close()
    code = 200 if not result["failed"] else (422 if not (result["new"] or result["duplicate"]) else 200)
    return page(request, "ingest.html", status_code=code, **form_context(request.app), result=result)


