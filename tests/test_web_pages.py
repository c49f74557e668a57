"""Server-rendered pages against a database ingested from the fixture documents (TestClient)."""
from __future__ import annotations

import html
import html.parser
import re
from urllib.parse import parse_qs, quote, urlsplit

import pytest

from web_support import app, client, dispute, expected_graph, script_json, session  # noqa: F401  (fixtures)

from patlit.model import PROCEEDING_KINDS
from patlit.store import queries




@pytest.fixture(scope="module")
def dispute_html(client, dispute) -> str:
    r = client.get(f"/disputes/{dispute['id']}")
    assert r.status_code == 200
    return r.text


def text_of(fragment: str) -> str:
    """The text a browser shows for an HTML fragment (tags dropped, entities decoded)."""
    return html.unescape(re.sub(r"<[^>]+>", "", fragment))


def test_home_counts(client, session):
    r = client.get("/")
    stats = queries.stats(session)
    assert f"{stats['disputes']} disputes" in r.text
    assert f"{stats['documents']} documents" in r.text


def test_disputes_page_lists_each_dispute_with_its_link(client, session):
    r = client.get("/disputes")
    assert r.status_code == 200
    listing = queries.list_disputes(session)
    assert f'<small class="count">{listing["total"]}</small>' in r.text
    for d in listing["items"]:
        assert f'href="/disputes/{d["id"]}"' in r.text
        assert html.escape(d["title"], quote=False) in r.text


def test_disputes_page_filters_and_keeps_them_in_the_form(client, session, dispute):
    juris = sorted(dispute["jurisdictions"])[0]
    r = client.get("/disputes", params={"jurisdiction": juris, "sort": "amount", "kind": "", "outcome": ""})
    assert r.status_code == 200
    assert f'<option value="{juris}" selected>' in r.text
    want = queries.list_disputes(session, jurisdiction=juris, sort="amount")
    assert len(re.findall(r'<tr class="dispute-row">', r.text)) == len(want["items"])


def test_disputes_page_counts_what_each_filter_value_gives(client, session):
    r = client.get("/disputes")
    for value, n in re.findall(r'<option value="([A-Z]+)" >[A-Z]+ \((\d+)\)</option>', r.text):
        assert int(n) == queries.list_disputes(session, jurisdiction=value)["total"], value
    for value, n in re.findall(r'<option value="([a-z_]+)" >[^<]+ \((\d+)\)</option>', r.text):
        field = "kind" if value in PROCEEDING_KINDS else "outcome"
        assert int(n) == queries.list_disputes(session, **{field: value})["total"], value
    assert re.search(r'<option value="CN" >CN \([1-9]\d*\)</option>', r.text)


def test_disputes_page_ignores_unknown_filter_values(client, session):
    r = client.get("/disputes", params={"kind": "<b>", "jurisdiction": "%", "year": "abc"})
    assert r.status_code == 200
    assert len(re.findall(r'<tr class="dispute-row">', r.text)) == queries.list_disputes(session)["total"]


def test_dispute_page_shows_parties_by_side_with_affiliates(dispute, dispute_html):
    for side in dispute["sides"]:
        for p in side:
            assert f'href="/parties/{p["id"]}"' in dispute_html
            for a in p["affiliates"]:
                assert f'href="/parties/{a["id"]}"' in dispute_html


def test_dispute_page_has_one_row_per_proceeding(dispute, dispute_html):
    rows = re.findall(r'<tr id="proc-(\d+)"', dispute_html)
    assert [int(x) for x in rows] == [p["id"] for p in dispute["proceedings"]]


def test_dispute_page_totals_per_currency(dispute, dispute_html):
    for currency, t in dispute["totals"].items():
        assert f"<td>{currency}</td>" in dispute_html
        assert f"{int(t['asked']):,}" in dispute_html


def test_conflicting_facts_are_flagged_with_their_sources(dispute, dispute_html):
    assert dispute["conflicts"], "the fixtures give two different damages figures for the E.D. Tex. suit"
    section = re.search(r'<section aria-labelledby="h-conf" class="conflicts">(.*?)</section>', dispute_html, re.S)
    assert section
    for c in dispute["conflicts"]:
        assert f'href="#proc-{c["proceeding_id"]}"' in section.group(1)
        assert re.search(rf'<tr id="proc-{c["proceeding_id"]}" class="conflict">', dispute_html)
        for v in c["values"]:
            assert f'href="/documents/{quote(v["doc_id"], safe="")}' in section.group(1)


def test_timeline_data_has_every_event_in_a_lane(dispute, dispute_html):
    data = script_json(dispute_html, "timeline-data")
    assert len(data["events"]) == len(dispute["events"]) > 0
    assert [e["date"] for e in data["events"]] == [e["date"] for e in dispute["events"]]
    forums = {(e["forum"], e["jurisdiction"]) for e in dispute["events"]}
    assert len(data["lanes"]) == len(forums)
    assert all(0 <= e["lane"] < len(data["lanes"]) for e in data["events"])


def test_graph_data_has_every_party_and_one_edge_per_claimant_respondent_pair(dispute, dispute_html):
    data = script_json(dispute_html, "graph-data")
    nodes, edges = expected_graph(dispute)
    assert {n["id"] for n in data["nodes"]} == nodes
    assert len(data["edges"]) == edges
    for e in data["edges"]:
        assert e["source"] in nodes and e["target"] in nodes


def test_evidence_links_point_at_the_sentence_in_the_document(client, dispute, dispute_html):
    links = re.findall(r'<a class="ev-link" href="([^"]+)"><q>(.*?)</q></a>', dispute_html, re.S)
    assert links
    for href, quoted in links:
        parts = urlsplit(html.unescape(href))
        doc_id = parts.path.removeprefix("/documents/")
        start, end = map(int, parse_qs(parts.query)["hl"][0].split("-"))
        assert parts.fragment == f"span-{start}"
        doc = client.get(f"/api/v1/documents/{doc_id}").json()
        assert doc["text"][start:end] == text_of(quoted)
        assert "<mark>" in quoted


def test_document_page_wraps_the_hl_span_and_marks_every_fact(client, session, dispute):
    ev = dispute["proceedings"][0]["evidence"][0]
    s0, s1 = ev["sentence_start"], ev["sentence_start"] + len(ev["sentence"])
    r = client.get(f"/documents/{quote(ev['doc_id'], safe='')}", params={"hl": f"{s0}-{s1}"})
    assert r.status_code == 200
    m = re.search(rf'<span class="hl" id="span-{s0}">(.*?)</span>', r.text, re.S)
    assert m and text_of(m.group(1)) == ev["sentence"]
    doc = queries.get_document(session, ev["doc_id"])
    marked = {int(i) for ids in re.findall(r'data-facts="([\d ]+)"', r.text) for i in ids.split()}
    assert marked == set(range(len(doc["facts"])))
    assert script_json(r.text, "facts-data")[0]["text"] == doc["facts"][0]["text"]
    article = re.search(r'<article class="doctext"[^>]*>(.*?)</article>', r.text, re.S).group(1)
    assert text_of(article) == doc["text"]


@pytest.mark.parametrize("hl", ["x", "5-2", "1-99999999", "-3-4", "1-2-3"], ids=["word", "backwards", "past-end",
                                                                              "negative", "three-parts"])
def test_document_page_survives_odd_hl_values(client, dispute, hl):
    doc_id = dispute["sources"][0]["doc_id"]
    r = client.get(f"/documents/{quote(doc_id, safe='')}", params={"hl": hl})
    assert r.status_code == 200


def test_party_page(client, session, dispute):
    p = dispute["sides"][0][0]
    r = client.get(f"/parties/{p['id']}")
    assert r.status_code == 200
    assert html.escape(p["name"], quote=False) in r.text
    assert f'href="/disputes/{dispute["id"]}"' in r.text
    graph = script_json(r.text, "graph-data")
    opponents = {str(o["id"]) for o in dispute["sides"][1]}
    assert opponents <= {n["id"] for n in graph["nodes"]}


def test_patent_page_shows_decoded_metadata_and_links_out(client, session, dispute):
    pid = next(p for pr in dispute["proceedings"] for p in pr["patents"])
    r = client.get(f"/patents/{quote(pid, safe='')}")
    assert r.status_code == 200
    patent = queries.get_patent(session, pid)
    assert f"<dd>{patent['metadata']['office']}</dd>" in r.text
    assert "Check digit" in r.text and "Filing year" in r.text
    assert 'href="https://patents.google.com/' in r.text
    assert f'href="/disputes/{dispute["id"]}#proc-' in r.text


def test_search_page_marks_the_words(client, session):
    r = client.get("/search", params={"q": "patent"})
    assert r.status_code == 200
    total = queries.search(session, "patent")["total"]
    assert f"{total} document" in r.text
    assert "<mark>" in r.text


def test_lists_of_parties_patents_documents(client, session):
    for path, fn in (("/parties", queries.list_parties), ("/patents", queries.list_patents),
                     ("/documents", queries.list_documents)):
        r = client.get(path)
        assert r.status_code == 200
        assert f'<small class="count">{fn(session)["total"]}</small>' in r.text


def test_unknown_dispute_is_a_404_page(client):
    r = client.get("/disputes/999999")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")


def test_pages_are_made_for_phones_too(client):
    r = client.get("/disputes")
    assert '<meta name="viewport" content="width=device-width, initial-scale=1">' in r.text
    css = client.get("/static/app.css")
    assert css.status_code == 200 and "@media (max-width" in css.text


@pytest.mark.parametrize("name", ["timeline.js", "graph.js", "docview.js", "common.js", "apidocs.js", "app.css"])
def test_assets_are_served_from_the_package(client, name):
    r = client.get(f"/static/{name}")
    assert r.status_code == 200
    body = r.text.replace("http://www.w3.org/2000/svg", "")  # the SVG namespace is a name, not a fetch
    assert "http://" not in body and "https://" not in body  # nothing loaded from elsewhere
    again = client.get(f"/static/{name}", headers={"if-none-match": r.headers["etag"]})
    assert again.status_code == 304


def test_serve_command_is_registered():
    from typer.testing import CliRunner

    from patlit.cli import app as cli

    r = CliRunner().invoke(cli, ["serve", "--help"])
    assert r.exit_code == 0
    for option in ("--db", "--host", "--port"):
        assert option in r.output


def test_serve_read_only_refuses_a_missing_database(tmp_path, monkeypatch):
    from typer.testing import CliRunner

    from patlit.cli import app as cli

    monkeypatch.delenv("PATLIT_TOKEN", raising=False)
    missing = tmp_path / "none.db"
    r = CliRunner().invoke(cli, ["serve", "--db", str(missing), "--port", "1"])
    assert r.exit_code == 1
    assert "no database" in r.output
    assert not missing.exists()


# --------------------------------------------------------------------------- highlighting, piece by piece

HIGHLIGHT_CASES = [
    # (text, facts as (type, start, end), hl)
    ("Acme Corp sued Beta Ltd", [("party", 0, 9), ("proceeding", 10, 14), ("party", 15, 23)], None),
    ("Acme Corp sued Beta Ltd", [("party", 0, 9), ("proceeding", 0, 14)], None),  # nested
    ("Acme Corp sued Beta Ltd", [("party", 0, 9), ("date", 5, 14)], (3, 12)),  # crossing, hl across both
    ("<b>x</b> & <script>", [("party", 0, 8), ("nonsense-type", 11, 19)], (0, 3)),
    ("short", [("party", 2, 99), ("party", -1, 2), ("party", 3, 3)], (1, 4)),  # bad offsets ignored
    ("日本語の文 and more", [("party", 0, 3), ("amount", 4, 9)], (0, 5)),
]


class _Balance(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.errors = [], []

    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)

    def handle_endtag(self, tag):
        if not self.stack or self.stack.pop() != tag:
            self.errors.append(tag)


@pytest.mark.parametrize("text,facts,hl", HIGHLIGHT_CASES, ids=["three-facts", "nested", "crossing", "hostile",
                                                                 "bad-offsets", "chinese"])
def test_highlight_keeps_the_text_and_nests_its_tags(text, facts, hl):
    from patlit.web.render import highlight_document

    out = str(highlight_document(text, [{"type": t, "start": s, "end": e} for t, s, e in facts], hl))
    assert text_of(out) == text
    parser = _Balance()
    parser.feed(out)
    assert parser.errors == [] and parser.stack == []
    assert "<script>" not in out and "<b>" not in out
    if hl:
        m = re.search(r'<span class="hl" id="span-(\d+)">(.*?)</span>', out, re.S)
        assert int(m.group(1)) == hl[0] and text_of(m.group(2)) == text[hl[0]:hl[1]]
    valid = [i for i, (_t, s, e) in enumerate(facts) if 0 <= s < e <= len(text)]
    marked = {int(i) for ids in re.findall(r'data-facts="([\d ]+)"', out) for i in ids.split()}
    assert marked == set(valid)
    for t in re.findall(r'class="fact t-([^"]+)"', out):
        assert t in ("party", "proceeding", "date", "amount", "other")


@pytest.mark.parametrize("raw,length,want", [("3-9", 20, (3, 9)), ("3-99", 20, (3, 20)), ("9-3", 20, None),
                                             ("a-b", 20, None), ("", 20, None), ("4-4", 20, None),
                                             ("1" * 30 + "-2", 20, None)],
                         ids=["plain", "clamped", "backwards", "letters", "empty", "empty-span", "too-long"])
def test_parse_hl(raw, length, want):
    from patlit.web.render import parse_hl

    assert parse_hl(raw, length) == want


def test_evidence_sentence_marks_every_fact_and_escapes_the_rest():
    from patlit.web.render import group_by_sentence, mark_in_sentence

    sentence = "On <i>May 1</i>, Acme sued Beta."
    base = {"doc_id": "d", "sentence": sentence, "sentence_start": 100}
    items = [{**base, "start": 100 + sentence.index("Acme"), "end": 100 + sentence.index("Acme") + 4, "text": "Acme"},
             {**base, "start": 100 + sentence.index("sued"), "end": 100 + sentence.index("sued") + 4, "text": "sued"}]
    (merged,) = group_by_sentence(items)
    out = str(mark_in_sentence(merged))
    assert out.count("<mark>") == 2 and "<mark>Acme</mark>" in out and "<mark>sued</mark>" in out
    assert "&lt;i&gt;May 1&lt;/i&gt;" in out and text_of(out) == sentence
