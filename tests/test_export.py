"""Exports: facts records per dispute (jsonl), CSV tables (folder or zip), GraphML (networkx or XML)."""
from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from conftest_db import db  # noqa: F401  (fixture)
from records import doc, party, proc
from typer.testing import CliRunner

from patlit.cli import app
from patlit.errors import StoreError
from patlit.export import CSV_TABLES, export

runner = CliRunner()
GRAPHML = "{http://graphml.graphdrawing.org/xmlns}"


@pytest.fixture()
def filled(db):
    parties = [party("Wangsu Science & Technology Co., Ltd.", "Wangsu"), party("Guizhou BaishanCloud Technology Co., Ltd.", "BaishanCloud")]
    db.add(doc("a", "Wangsu sued BaishanCloud for RMB 150 million.", parties, [
        proc("infringement", ["Wangsu"], ["BaishanCloud"], date="2019-05-30", patents=["CN201310147926.9"],
             amounts=[(150_000_000, "CNY", "damages")], trigger="sued")]))
    db.add(doc("b", "BaishanCloud & <Co> challenged the patent.", parties, [
        proc("invalidation", ["BaishanCloud"], ["Wangsu"], forum="cnipa", date="2019-07-02", trigger="challenged")]))
    db.add(doc("c", "Alpha Corp. sued Beta Ltd.", [party("Alpha Corp."), party("Beta Ltd. <& Sons>")], [
        proc("infringement", ["Alpha Corp."], ["Beta Ltd. <& Sons>"], forum="ded", trigger="sued")]))
    return db


def test_jsonl_gives_one_facts_record_per_dispute(filled, tmp_path: Path) -> None:
    out = tmp_path / "d.jsonl"
    with filled.session() as s:
        assert export(s, "jsonl", str(out)) == 2
    recs = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    wangsu = next(r for r in recs if "Wangsu" in r["title"])
    assert {p["kind"] for p in wangsu["proceedings"]} == {"infringement", "invalidation"}
    assert wangsu["patents"] == ["CN201310147926.9"]
    assert wangsu["amounts"] == [{"value": 150_000_000, "currency": "CNY", "role": "damages"}]
    assert set(wangsu["sources"]) == {"a", "b"}
    for key in ("parties", "patents", "proceedings", "amounts"):
        assert key in wangsu


@pytest.mark.parametrize("target", ["tables", "tables.zip"], ids=["folder", "zip"])
def test_csv_writes_every_table(filled, tmp_path: Path, target: str) -> None:
    out = tmp_path / target
    with filled.session() as s:
        export(s, "csv", str(out))
    if target.endswith(".zip"):
        with zipfile.ZipFile(out) as z:
            files = {n: z.read(n).decode("utf-8") for n in z.namelist()}
    else:
        files = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    assert set(files) == {f"{t}.csv" for t in CSV_TABLES}
    procs = list(csv.DictReader(io.StringIO(files["proceedings.csv"])))
    assert len(procs) == 3 and {p["kind"] for p in procs} == {"infringement", "invalidation"}
    docs = list(csv.DictReader(io.StringIO(files["documents.csv"])))
    assert "text" not in docs[0] and {d["doc_id"] for d in docs} == {"a", "b", "c"}


def test_graphml_has_parties_as_nodes_and_proceedings_as_edges(filled, tmp_path: Path) -> None:
    out = tmp_path / "g.graphml"
    with filled.session() as s:
        assert export(s, "graphml", str(out)) == 3
    try:
        import networkx as nx
    except ImportError:
        root = ET.parse(out).getroot()
        graph = root.find(f"{GRAPHML}graph")
        names = {d.text for n in graph.findall(f"{GRAPHML}node") for d in n.findall(f"{GRAPHML}data") if d.get("key") == "name"}
        edges = graph.findall(f"{GRAPHML}edge")
        assert len(edges) == 3
    else:
        g = nx.read_graphml(out)
        names = {d["name"] for _, d in g.nodes(data=True)}
        assert g.number_of_edges() == 3
        kinds = sorted(d["kind"] for *_, d in g.edges(data=True))
        assert kinds == ["infringement", "infringement", "invalidation"]
    assert "Beta Ltd. <& Sons>" in names  # escaped in the XML, intact when read back
    assert len(names) == 4


def test_unknown_format_and_csv_without_target_are_refused(filled) -> None:
    with filled.session() as s:
        with pytest.raises(StoreError):
            export(s, "xlsx", None)
        with pytest.raises(StoreError):
            export(s, "csv", None)


def test_export_command_to_stdout_and_file(filled, tmp_path: Path) -> None:
    db = str(filled.path)
    r = runner.invoke(app, ["export", "--db", db])
    assert r.exit_code == 0, r.output
    assert len([l for l in r.stdout.splitlines() if l.startswith("{")]) == 2
    out = tmp_path / "x.graphml"
    r = runner.invoke(app, ["export", "--format", "graphml", "--out", str(out), "--db", db])
    assert r.exit_code == 0 and ET.parse(out).getroot().tag == f"{GRAPHML}graphml"
    r = runner.invoke(app, ["export", "--format", "csv", "--db", db])
    assert r.exit_code == 2 and "--out" in r.stderr
