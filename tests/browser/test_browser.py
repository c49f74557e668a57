"""The pages in real headless Chromium: charts drawn, evidence followed, search, hostile text inert."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from web_support import HOSTILE_DOC, expected_graph, main_dispute

from patlit.store import queries

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def dispute(live_app) -> dict:
    _base, app = live_app
    with app.state.db.session() as s:
        return main_dispute(s)


def open_page(page, path: str):
    response = page.goto(page.base + path)
    assert response is not None and response.status == 200, path
    return response


def test_dispute_page_draws_the_timeline_and_the_graph(page, dispute, screenshots):
    open_page(page, f"/disputes/{dispute['id']}")
    markers = page.locator("#timeline svg .tl-event")
    assert markers.count() == len(dispute["events"]) > 0
    lanes = {(e["forum"], e["jurisdiction"]) for e in dispute["events"]}
    assert page.locator("#timeline svg .tl-lane-label").count() == len(lanes)
    nodes, edges = expected_graph(dispute)
    assert page.locator("#graph svg .g-node").count() == len(nodes)
    assert page.locator("#graph svg .g-edge").count() == edges
    for party in dispute["sides"][0]:
        assert page.locator(f'#graph .g-node[data-party="{party["id"]}"]').count() == 1
    box = page.locator("#timeline svg").bounding_box()
    assert box and box["width"] > 500 and box["height"] > 50
    assert page.errors == [] and page.foreign == []
    page.screenshot(path=str(screenshots / "dispute-desktop.png"), full_page=True)


def test_dispute_page_on_a_phone(browser, live_app, dispute, screenshots):
    base, _app = live_app
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(f"{base}/disputes/{dispute['id']}")
    assert page.locator("#timeline svg .tl-event").count() == len(dispute["events"])
    nodes, _ = expected_graph(dispute)
    assert page.locator("#graph svg .g-node").count() == len(nodes)
    # the page itself does not scroll sideways; only the timeline's own box may
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"] + 1
    graph = page.locator("#graph svg").bounding_box()
    assert graph and graph["width"] <= PHONE["width"]
    assert errors == []
    page.screenshot(path=str(screenshots / "dispute-phone.png"), full_page=True)
    context.close()


def test_evidence_click_lands_on_the_highlighted_sentence(page, dispute, screenshots):
    open_page(page, f"/disputes/{dispute['id']}")
    link = page.locator("a.ev-link").first
    href = link.get_attribute("href")
    doc_id = href.split("?", 1)[0].removeprefix("/documents/")
    start, end = map(int, href.split("hl=", 1)[1].split("#", 1)[0].split("-"))
    link.locator("mark").first.click()  # the highlighted words, as a reader would
    page.wait_for_url(lambda url: url.endswith(f"/documents/{doc_id}?hl={start}-{end}#span-{start}"))
    hl = page.locator(".hl")
    assert hl.count() == 1
    doc = page.request.get(f"{page.base}/api/v1/documents/{doc_id}").json()
    assert hl.inner_text() == doc["text"][start:end]
    assert any(hl.inner_text() == ev["sentence"] for p in dispute["proceedings"] for ev in p["evidence"])
    assert hl.is_visible()
    assert page.evaluate("(() => { const r = document.querySelector('.hl').getBoundingClientRect();"
                         " return r.top >= 0 && r.bottom <= window.innerHeight; })()")
    assert page.locator(".hl mark.fact").count() >= 1
    page.screenshot(path=str(screenshots / "document-highlight.png"))


def test_clicking_a_highlight_shows_its_fact(page, dispute):
    doc_id = dispute["sources"][0]["doc_id"]
    open_page(page, f"/documents/{quote(doc_id, safe='')}")
    doc = page.request.get(f"{page.base}/api/v1/documents/{quote(doc_id, safe='')}").json()
    marks = page.locator("#doctext mark.fact")
    assert marks.count() >= len({(f["start"], f["end"]) for f in doc["facts"]}) > 0
    panel = page.locator("#factpanel")
    assert panel.is_hidden()
    first = marks.first
    index = int(first.get_attribute("data-facts").split()[0])
    first.click()
    assert panel.is_visible()
    assert doc["facts"][index]["text"] in panel.inner_text()
    assert page.locator("#doctext mark.selected").count() >= 1


def test_search_from_the_header(page, live_app):
    _base, app = live_app
    open_page(page, "/disputes")
    page.fill("header input[name=q]", "invalidation")
    page.press("header input[name=q]", "Enter")
    page.wait_for_url(lambda url: url.endswith("/search?q=invalidation"))
    with app.state.db.session() as s:
        want = queries.search(s, "invalidation", limit=20)
    results = page.locator("li.result")
    assert results.count() == len(want["items"]) > 0
    assert page.locator("li.result .snippet mark").first.inner_text().lower() == "invalidation"
    results.first.locator("a").first.click()
    page.wait_for_url(lambda url: "/documents/" in url)
    assert page.locator("#doctext").is_visible()


def test_hostile_document_runs_nothing(page, live_app):
    _base, app = live_app
    with app.state.db.session() as s:
        doc = queries.get_document(s, HOSTILE_DOC)
    paths = [f"/documents/{HOSTILE_DOC}", f"/documents/{HOSTILE_DOC}?hl=0-80", "/search?q=pwned"]
    paths += sorted({f"/disputes/{f['dispute_id']}" for f in doc["facts"] if f.get("dispute_id")})
    assert len(paths) > 3, "the hostile document should feed a dispute"
    for path in paths:
        open_page(page, path)
        page.locator("body").click(position={"x": 5, "y": 5})
        for m in page.locator("#doctext mark:visible").all():  # the hostile words themselves, clicked
            m.click()
        assert page.evaluate("typeof window.__pwned") == "undefined", path
        assert page.dialogs == [], path
        assert page.locator("img, svg[onload], b[onclick]").evaluate_all(
            "els => els.filter(e => e.getAttribute('onerror') || e.getAttribute('onload') || e.getAttribute('onclick')).length"
        ) == 0
    open_page(page, f"/documents/{HOSTILE_DOC}")
    shown = page.locator("#doctext").inner_text()
    assert '<script>window.__pwned = "script";</script>' in shown
    assert "onerror=\"window.__pwned='onerror'\"" in shown
    assert page.errors == []


def test_api_docs_work_offline(page):
    open_page(page, "/api/v1/docs")
    ops = page.locator("#apidocs details.op")
    ops.first.wait_for()
    assert ops.count() >= 9
    op = page.locator("#apidocs details.op", has_text="/api/v1/disputes").first
    op.locator("summary").click()
    op.locator("button", has_text="Try it").click()
    out = op.locator("pre")
    out.wait_for()
    page.wait_for_function("el => el.textContent.includes('200')", arg=out.element_handle())
    assert '"total"' in out.inner_text()
    assert page.foreign == [] and page.errors == []


def test_ingest_from_the_browser_with_the_token(browser, live_writable_app, tmp_path):
    base, app, token = live_writable_app
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{base}/ingest")
    note = tmp_path / "omicron-note.txt"
    note.write_text("On 2 February 2024, Omicron Sensors Inc. sued Pi Vision Ltd. in the District of Delaware, "
                    "alleging infringement of U.S. Patent No. 9,345,678.", encoding="utf-8")
    page.fill("textarea[name=text]", "Rho Medical Corp. sued Sigma Implants Inc. over U.S. Patent No. 8,123,987 "
                                     "on 5 May 2021 in the Central District of California.")
    page.set_input_files("input[type=file]", str(note))
    page.fill("input[name=token]", token)
    page.click("form.ingest button[type=submit]")
    result = page.locator("#ingest-result")
    result.wait_for()
    assert "2 new, 0 duplicate, 0 failed" in result.inner_text()
    result.locator("a", has_text="omicron-note").click()
    page.wait_for_url(lambda url: "/documents/omicron-note" in url)
    assert "Omicron Sensors" in page.locator("#doctext").inner_text()
    with app.state.db.session() as s:
        assert queries.get_document(s, "omicron-note")["text"] == note.read_text(encoding="utf-8")
    context.close()
