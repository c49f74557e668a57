"""Safety of the web app: hostile document text, the write token, uploads, request limits, headers."""
from __future__ import annotations

import json
import os
import re
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient

from web_support import HOSTILE_DOC, active_content, build_db, script_json

from patlit.web.app import create_app

TOKEN = "s3cret-token"
LIMIT = 4096


@pytest.fixture(scope="module")
def db_url(tmp_path_factory):
    return build_db(tmp_path_factory.mktemp("websec"))


@pytest.fixture(scope="module")
def readonly(db_url):
    app = create_app(db_url, token="")
    with TestClient(app) as c:
        yield c
    app.state.db.close()


@pytest.fixture()
def writable(db_url):
    app = create_app(db_url, token=TOKEN, max_upload_bytes=LIMIT, max_body_bytes=8 * LIMIT)
    with TestClient(app) as c:
        yield c
    app.state.db.close()


def hostile_pages(client) -> dict[str, str]:
    """Every page showing the hostile document's words: the document, its disputes, search, lists."""
    doc = client.get(f"/api/v1/documents/{HOSTILE_DOC}").json()
    pages = {"document": f"/documents/{HOSTILE_DOC}", "document-hl": f"/documents/{HOSTILE_DOC}?hl=0-60",
             "search": "/search?q=pwned", "documents": "/documents", "disputes": "/disputes"}
    for f in doc["facts"]:
        if f.get("dispute_id"):
            pages[f"dispute-{f['dispute_id']}"] = f"/disputes/{f['dispute_id']}"
        if f["type"] == "party":
            pages[f"party-{f['id']}"] = f"/parties/{f['id']}"
    return pages


def test_the_hostile_document_was_ingested_with_its_markup(readonly):
    doc = readonly.get(f"/api/v1/documents/{HOSTILE_DOC}").json()
    assert "<script>" in doc["text"] and "onerror=" in doc["text"] and "onclick=" in doc["text"]


def test_hostile_text_is_escaped_on_every_page(readonly):
    pages = hostile_pages(readonly)
    assert any(k.startswith("dispute-") for k in pages), "the hostile document should feed a dispute page"
    for name, url in pages.items():
        r = readonly.get(url)
        assert r.status_code == 200, name
        found = active_content(r.text)
        assert found.inline_scripts == [], name
        assert found.handlers == [], name
        assert found.js_urls == [], name
        assert "<script>window" not in r.text and "<img src=x" not in r.text, name


def test_hostile_text_shows_as_text_on_the_document_page(readonly):
    r = readonly.get(f"/documents/{HOSTILE_DOC}")
    assert "&lt;script&gt;window.__pwned" in r.text
    assert "&lt;img src=x onerror=" in r.text


def test_json_in_pages_cannot_close_its_script_block(readonly):
    r = readonly.get(f"/documents/{HOSTILE_DOC}")
    block = re.search(r'<script type="application/json" id="facts-data">(.*?)</script>', r.text, re.S).group(1)
    assert "<" not in block  # tojson writes < as \u003c
    facts = script_json(r.text, "facts-data")
    assert isinstance(facts, list)


def test_every_response_carries_a_strict_content_security_policy(readonly):
    for url in ("/disputes", f"/documents/{HOSTILE_DOC}", "/api/v1/disputes", "/static/app.css"):
        csp = readonly.get(url).headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp
        assert "object-src 'none'" in csp


# --------------------------------------------------------------------------- the token

def test_read_only_without_a_token(readonly):
    assert 'href="/ingest"' not in readonly.get("/disputes").text
    assert readonly.get("/ingest").status_code == 403
    assert readonly.post("/ingest", data={"text": "x", "token": ""}).status_code == 403
    r = readonly.post("/api/v1/documents", json={"text": "Acme sued Beta."}, headers={"authorization": "Bearer x"})
    assert r.status_code == 403


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic " + TOKEN, TOKEN],
                         ids=["none", "wrong-token", "basic-scheme", "no-scheme"])
def test_api_write_refused_without_the_right_token(writable, header):
    headers = {"authorization": header} if header else {}
    r = writable.post("/api/v1/documents", json={"text": "Acme Corp. sued Beta LLC."}, headers=headers)
    assert r.status_code == 401


def test_form_write_refused_without_the_right_token(writable):
    r = writable.post("/ingest", data={"text": "Acme Corp. sued Beta LLC.", "token": "nope"})
    assert r.status_code == 401


def test_api_write_with_the_token_stores_the_document(writable):
    text = "On May 2, 2024, Gamma Optics Inc. sued Delta Lenses LLC for infringing U.S. Patent No. 8,765,432."
    r = writable.post("/api/v1/documents", json={"text": text, "title": "Gamma <i>v.</i> Delta"},
                      headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["new"] + body["duplicate"] == 1 and not body["failed"]
    doc = writable.get(f"/api/v1/documents/{quote(body['documents'][0], safe='')}").json()
    assert doc["text"] == text
    page = writable.get(f"/documents/{quote(body['documents'][0], safe='')}").text
    assert "Gamma &lt;i&gt;v.&lt;/i&gt; Delta" in page


def test_form_shows_and_ingests_with_the_token(writable):
    assert 'href="/ingest"' in writable.get("/disputes").text
    form = writable.get("/ingest")
    assert form.status_code == 200 and 'type="file"' in form.text
    text = "Epsilon Audio Ltd. filed a patent infringement suit against Zeta Sound Inc. on 3 March 2024."
    r = writable.post("/ingest", data={"token": TOKEN, "text": text},
                      files={"files": ("note.txt", b"Eta Labs sued Theta Works over U.S. Patent No. 7,654,321.",
                                       "text/plain")})
    assert r.status_code == 200
    assert re.search(r"\d+ new, \d+ duplicate, 0 failed", r.text)


# --------------------------------------------------------------------------- uploads

UPLOAD_CASES = [
    ("evil.exe", b"MZ\x90\x00binary", "application/octet-stream", "not accepted"),
    ("report.txt", b"\x00\x01\x02binary", "text/plain", "binary"),
    ("paper.pdf", b"not really a pdf", "application/pdf", "not a PDF"),
    ("page.html", b"<p>hello</p>", "application/x-msdownload", "does not match"),
    ("big.txt", b"a" * (LIMIT + 10), "text/plain", "larger than"),
    ("empty.md", b"   \n", "text/markdown", "empty"),
]


@pytest.mark.parametrize("name,data,ctype,reason", UPLOAD_CASES, ids=[c[0] for c in UPLOAD_CASES])
def test_uploads_are_checked_before_anything_is_stored(writable, name, data, ctype, reason):
    before = writable.get("/api/v1/documents").json()["total"]
    r = writable.post("/ingest", data={"token": TOKEN}, files={"files": (name, data, ctype)})
    assert r.status_code == 422
    assert reason in r.text
    assert writable.get("/api/v1/documents").json()["total"] == before


def test_upload_file_names_are_never_paths(writable, tmp_path):
    name = "../../../tmp/owned-by-upload.txt"
    r = writable.post("/ingest", data={"token": TOKEN},
                      files={"files": (name, b"Iota Chips Inc. sued Kappa Fab Ltd. in 2021.", "text/plain")})
    assert r.status_code == 200
    stored = [d for d in writable.get("/api/v1/documents", params={"limit": 200}).json()["items"]
              if "owned-by-upload" in (d["doc_id"] or "")]
    assert stored and all("/" not in d["doc_id"] and ".." not in d["doc_id"] for d in stored)
    assert not os.path.exists("/tmp/owned-by-upload.txt")


def test_request_bodies_over_the_limit_are_refused_before_parsing(writable):
    r = writable.post("/api/v1/documents", content=b"x" * (8 * LIMIT + 1),
                      headers={"authorization": f"Bearer {TOKEN}", "content-type": "application/json"})
    assert r.status_code == 413


def test_pasted_text_over_the_limit_is_refused(writable):
    r = writable.post("/api/v1/documents", json={"text": "word " * LIMIT},
                      headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 413


# --------------------------------------------------------------------------- requests that try to reach elsewhere

@pytest.mark.parametrize("path", ["/static/../app.py", "/static/..%2Fapp.py", "/static/%2e%2e%2fviews.py",
                                  "/static/templates%2Fbase.html", "/static//etc/passwd"],
                         ids=["dotdot", "encoded-slash", "encoded-dots", "template", "absolute"])
def test_no_request_path_reaches_the_file_system(readonly, path):
    r = readonly.get(path)
    assert r.status_code == 404
    assert "def " not in r.text and "root:" not in r.text


@pytest.mark.parametrize("value", ["x' OR '1'='1", "%", "_", "\"; DROP TABLE disputes; --", "\\"],
                         ids=["quote-or", "percent", "underscore", "drop-table", "backslash"])
def test_filter_values_are_data_not_sql(readonly, value):
    before = readonly.get("/api/v1/disputes").json()["total"]
    r = readonly.get("/api/v1/disputes", params={"party": value})
    assert r.status_code == 200 and r.json()["total"] == 0
    assert readonly.get("/api/v1/parties", params={"q": value}).status_code == 200
    assert readonly.get("/api/v1/search", params={"q": value}).status_code == 200
    assert readonly.get("/api/v1/disputes").json()["total"] == before


def test_unknown_document_ids_with_slashes_are_404(readonly):
    assert readonly.get("/documents/..%2F..%2Fetc%2Fpasswd").status_code == 404


def test_api_uploads_need_the_token_and_check_each_file(writable):
    files = [("files", ("ok.md", b"Lambda Tools GmbH sued Mu Parts AG over EP 1 234 567 in 2020.", "text/markdown")),
             ("files", ("bad.exe", b"MZ\x00\x00", "application/octet-stream"))]
    assert writable.post("/api/v1/uploads", files=files).status_code == 401
    r = writable.post("/api/v1/uploads", files=files, headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200
    body = r.json()
    assert body["new"] + body["duplicate"] == 1
    assert [f["source"] for f in body["failed"]] == ["bad.exe"]


def test_api_uploads_refused_when_read_only(readonly):
    r = readonly.post("/api/v1/uploads", files={"files": ("a.txt", b"text", "text/plain")},
                      headers={"authorization": "Bearer anything"})
    assert r.status_code == 403


def test_document_ids_with_slashes_have_working_pages(writable):
    """Folder ingests give ids like ``en/article``: their pages and evidence links must work."""
    record = {"doc_id": "folder/sub/report-7", "text": "On 9 June 2023, Nu Devices Inc. sued Xi Systems LLC over "
                                                        "U.S. Patent No. 9,111,222 in the District of Delaware."}
    r = writable.post("/api/v1/uploads", files={"files": ("batch.jsonl", json.dumps(record).encode(),
                                                          "application/x-ndjson")},
                      headers={"authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 200, r.text
    assert r.json()["documents"] == ["folder/sub/report-7"]
    for url in ("/documents/folder%2Fsub%2Freport-7", "/documents/folder/sub/report-7",
                "/api/v1/documents/folder%2Fsub%2Freport-7"):
        got = writable.get(url)
        assert got.status_code == 200, url
        assert "Nu Devices" in got.text


def test_pasted_text_over_the_limit_in_the_form_is_reported(writable):
    r = writable.post("/ingest", data={"token": TOKEN, "text": "long " * (LIMIT // 3)})  # over LIMIT, under the body limit
    assert r.status_code == 422
    assert "larger than" in r.text
