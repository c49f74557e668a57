"""Shared set-up of the web tests: a database ingested from tests/web_fixtures, and what to expect of it.

The fixture documents (written for these tests) tell two disputes: Northwind
Robotics v. Castellan Devices (a suit in E.D. Tex. whose damages two documents
report differently, a PTAB challenge, a second suit reported by a document full
of HTML and script), and Lanxin v. Qiyun (a Beijing IP Court suit, a CNIPA
invalidation request, a withdrawal). They go
through the real path: readers, extraction, resolution, store (``run_ingest``).
Expected values are read back from the query layer, never copied from pages.
"""
from __future__ import annotations

import pytest

import html.parser
import json
import re
from pathlib import Path

FIXTURES = Path(__file__).resolve().parent / "web_fixtures"
HOSTILE_DOC = "hostile"
HOSTILE_MARKERS = ("window.__pwned",)


def build_db(folder: Path) -> str:
    """Ingest the fixture documents into a new SQLite database in ``folder``; its URL."""
    from patlit.ingest_run import run_ingest

    db = folder / "web.db"
    summary = run_ingest([str(p) for p in sorted(FIXTURES.glob("*.txt"))], db=str(db), report=lambda _msg: None)
    if summary.failed or summary.new != len(list(FIXTURES.glob("*.txt"))):
        raise RuntimeError(f"fixture ingest failed: {summary.as_dict()}")
    return f"sqlite:///{db}"


def main_dispute(session) -> dict:
    """The fixture dispute with the most proceedings (Northwind v. Castellan when extraction works)."""
    from patlit.store import queries

    listing = queries.list_disputes(session, sort="proceedings", limit=1, offset=0)
    if not listing["items"]:
        raise RuntimeError("the fixture documents gave no dispute: is extraction broken?")
    return queries.get_dispute(session, listing["items"][0]["id"])


def expected_graph(d: dict) -> tuple[set[str], int]:
    """Nodes (party ids: every party on a side, its affiliates, every claimant and respondent) and edge count."""
    nodes = {str(p["id"]) for side in d["sides"] for p in side}
    nodes |= {str(a["id"]) for side in d["sides"] for p in side for a in p.get("affiliates", [])}
    edges = 0
    for pr in d["proceedings"]:
        nodes |= {str(p["id"]) for p in pr["claimants"] + pr["respondents"]}
        edges += sum(1 for c in pr["claimants"] for r in pr["respondents"] if c["id"] != r["id"])
    return nodes, edges


def script_json(page_html: str, element_id: str):
    """The JSON inside ``<script type="application/json" id=element_id>``."""
    m = re.search(rf'<script type="application/json" id="{re.escape(element_id)}">(.*?)</script>', page_html, re.S)
    if m is None:
        raise AssertionError(f"no JSON block #{element_id} in the page")
    return json.loads(m.group(1))


class ActiveContent(html.parser.HTMLParser):
    """Collects what a browser could run: inline scripts, event-handler attributes, javascript: URLs."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.inline_scripts: list[str] = []
        self.handlers: list[tuple[str, str]] = []
        self.js_urls: list[str] = []
        self._in_script: dict | None = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        for name, value in attrs:
            if name.lower().startswith("on"):
                self.handlers.append((tag, name))
            if name in ("href", "src", "action") and (value or "").strip().lower().startswith("javascript:"):
                self.js_urls.append(value)
        if tag == "script":
            self._in_script = a

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = None

    def handle_data(self, data):
        if self._in_script is not None and "src" not in self._in_script \
                and self._in_script.get("type") != "application/json" and data.strip():
            self.inline_scripts.append(data)


def active_content(page_html: str) -> ActiveContent:
    parser = ActiveContent()
    parser.feed(page_html)
    parser.close()
    return parser


# Module-scoped fixtures for the API and page tests: one database ingested from the
# fixture documents, an app over it (read-only), a client, a session, the main dispute.
@pytest.fixture(scope="module")
def app(tmp_path_factory):
    from patlit.web.app import create_app

    app = create_app(build_db(tmp_path_factory.mktemp("web")), token="")
    yield app
    app.state.db.close()


@pytest.fixture(scope="module")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


@pytest.fixture(scope="module")
def session(app):
    with app.state.db.session() as s:
        yield s


@pytest.fixture(scope="module")
def dispute(session) -> dict:
    return main_dispute(session)
