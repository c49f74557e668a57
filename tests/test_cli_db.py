"""`patlit ingest` and the query commands, with a stand-in extractor (storage is under test, not extraction)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from patlit import ingest_run
from patlit.cli import app

runner = CliRunner()
SUED = re.compile(r"([A-Z][\w]*(?: [A-Z][\w.]*)*) sued ([A-Z][\w]*(?: [A-Z][\w.]*)*)")


def fake_record(doc) -> dict:
    """A facts record from 'X sued Y' sentences: enough structure to exercise the database."""
    parties, procs = {}, []
    for m in SUED.finditer(doc.text):
        for g in (1, 2):
            parties.setdefault(m.group(g), {"name": m.group(g), "aliases": [], "kind": "org", "affiliate_of": None,
                                             "evidence": [{"start": m.start(g), "end": m.end(g), "text": m.group(g),
                                                           "sentence": m.group(0), "sentence_start": m.start()}]})
        procs.append({"kind": "infringement", "claimants": [m.group(1)], "respondents": [m.group(2)], "forum": None,
                      "date": None, "patents": [], "amounts": [], "outcome": None, "case_number": None,
                      "evidence": [{"start": m.start(), "end": m.end(), "text": m.group(0), "sentence": m.group(0),
                                    "sentence_start": m.start()}]})
    return {"doc_id": doc.doc_id, "lang": "en", "published": doc.published, "parties": list(parties.values()),
            "patents": [], "proceedings": procs, "amounts": [], "patent_facts": [], "warnings": []}


@pytest.fixture(autouse=True)
def stand_in_extractor(monkeypatch):
    monkeypatch.setattr(ingest_run, "extract_record", fake_record)


def ingest(*args: str):
    return runner.invoke(app, ["ingest", *args, "--json"])


def summary(result) -> dict:
    line = next(l for l in result.stdout.splitlines() if l.startswith("{"))
    return json.loads(line)


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    (d / "sub").mkdir(parents=True)
    (d / "alpha.txt").write_text("Alpha Robotics sued Beta Systems in Delaware over a gripper patent.", encoding="utf-8")
    (d / "sub" / "gamma.md").write_text("# News\n\nGamma Labs sued Alpha Robotics in Texas.", encoding="utf-8")
    (d / "page.html").write_text(
        "<html><head><title>Delta v Beta</title></head><body><article><h1>Delta v Beta</h1>"
        "<p>Delta Devices sued Beta Systems over a battery patent, the complaint says, and asked for an injunction "
        "against the sale of the accused products in the United States.</p></article></body></html>",
        encoding="utf-8")
    (d / "zh-gbk.txt").write_bytes("网宿科技起诉白山云科技侵犯其发明专利权，请求法院判令停止侵权并赔偿经济损失。".encode("gbk"))
    return d


def add_bad_files(d: Path) -> list[str]:
    (d / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >>\nthis is not really a pdf\n")
    (d / "blob.txt").write_bytes(bytes(range(256)) * 8)
    (d / "empty.txt").write_bytes(b"")
    return ["broken.pdf", "blob.txt", "empty.txt"]


def test_ingest_stores_good_files_and_reports_each_bad_one(corpus: Path, tmp_path: Path) -> None:
    bad = add_bad_files(corpus)
    db = str(tmp_path / "t.db")
    result = ingest(str(corpus), "--db", db)
    assert result.exit_code == 1
    s = summary(result)
    assert s["documents"] == {"new": 4, "duplicate": 0, "failed": 3}
    for name in bad:
        assert any(name in e for e in s["errors"]), name
        assert name in result.stderr
    assert "documents: 4 new, 0 duplicate, 3 failed" in result.stderr
    assert s["disputes_touched"] == 3  # Alpha v Beta, Gamma v Alpha, Delta v Beta: three different pairs

    out = runner.invoke(app, ["search", "网宿科技", "--db", db])
    assert out.exit_code == 0, out.output
    (hit,) = json.loads(out.stdout)["items"]
    assert "白山云" in hit["snippet"]["text"]  # the GBK file was decoded, not mangled


def test_second_ingest_adds_nothing_and_says_so(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    assert ingest(str(corpus), "--db", db).exit_code == 0
    again = ingest(str(corpus), "--db", db)
    assert again.exit_code == 0
    assert summary(again)["documents"] == {"new": 0, "duplicate": 4, "failed": 0}
    assert "nothing new" in again.stderr


def test_globs_and_stdin(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    r = ingest(str(corpus / "*.txt"), "--db", db)
    assert summary(r)["documents"]["new"] == 2
    r = runner.invoke(app, ["ingest", "-", "--db", db, "--json"], input="Omega Inc sued Alpha Robotics yesterday.")
    assert summary(r)["documents"]["new"] == 1


def test_interrupted_ingest_leaves_a_consistent_database_and_rerun_finishes(corpus: Path, tmp_path: Path,
                                                                            monkeypatch) -> None:
    from patlit.store.writer import Writer

    db = str(tmp_path / "t.db")
    real_add = Writer.add
    calls = {"n": 0}

    def add_then_die(self, doc, record):
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt  # as if killed while storing the third document
        return real_add(self, doc, record)

    monkeypatch.setattr(Writer, "add", add_then_die)
    runner.invoke(app, ["ingest", str(corpus), "--db", db])
    monkeypatch.setattr(Writer, "add", real_add)
    from patlit.store import open_store, queries

    store = open_store(db)
    with store.session() as s:
        assert queries.stats(s)["documents"] == 2
        for d in queries.list_disputes(s)["items"]:
            assert queries.get_dispute(s, d["id"])["proceedings"]
    store.close()
    r = ingest(str(corpus), "--db", db)
    assert summary(r)["documents"] == {"new": 2, "duplicate": 2, "failed": 0}


@pytest.fixture()
def filled(corpus: Path, tmp_path: Path) -> str:
    db = str(tmp_path / "t.db")
    assert ingest(str(corpus), "--db", db).exit_code == 0
    return db


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result


def test_disputes_command_json_and_table(filled: str) -> None:
    data = json.loads(run("disputes", "--db", filled).stdout)
    assert data["total"] == len(data["items"]) >= 1
    by_party = json.loads(run("disputes", "--party", "Gamma Labs", "--db", filled).stdout)
    assert by_party["total"] == 1
    table = run("disputes", "--db", filled, "--format", "table").stdout
    assert "Alpha Robotics" in table


def test_dispute_party_search_commands(filled: str, monkeypatch) -> None:
    monkeypatch.setenv("PATLIT_DB", filled)
    d = json.loads(run("dispute", "1").stdout)
    assert d["proceedings"] and d["events"] and d["sources"]
    assert "Timeline" in run("dispute", "1", "--format", "table").stdout
    p = json.loads(run("party", "Alpha Robotics").stdout)
    assert p["disputes_as_claimant"] or p["disputes_as_respondent"]
    assert json.loads(run("search", "gripper").stdout)["total"] == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [(["dispute", "999"], "no dispute 999"), (["party", "Nobody At All"], "no party"),
     (["patent", "US1234"], "no patent"), (["disputes", "--sort", "sideways"], "unknown sort")],
    ids=["dispute", "party", "patent", "sort"],
)
def test_errors_are_one_line_with_a_hint(filled: str, args, message) -> None:
    result = runner.invoke(app, [*args, "--db", filled])
    assert result.exit_code == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("patlit: error: ") and message in line and "(" in line


def test_querying_a_missing_database_says_how_to_make_one(tmp_path: Path) -> None:
    result = runner.invoke(app, ["disputes", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 1
    assert "patlit ingest" in result.stderr


@pytest.mark.parametrize("command", ["ingest", "disputes", "dispute", "party", "patent", "search", "export"])
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = runner.invoke(app, [command, "-h"])
    assert result.exit_code == 0
    assert "Example: patlit " + command in result.stdout


def test_the_same_text_twice_in_flight_is_stored_once(tmp_path: Path) -> None:
    """Two copies whose texts normalise alike, both extracted before either is stored: the second is a duplicate."""
    text = "Delta Devices sued Beta Systems over a battery patent."
    f = tmp_path / "twice.jsonl"
    f.write_text("".join(json.dumps({"doc_id": f"d{i}", "text": t}) + "\n"
                         for i, t in enumerate([text, text.replace(" ", "  ")])), encoding="utf-8")
    s = ingest_run.run_ingest([str(f)], db=str(tmp_path / "t.db"), jobs=2, report=lambda _m: None)
    assert (s.new, s.duplicate, s.failed) == (1, 1, 0), s.errors
