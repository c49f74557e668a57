"""Exports of the dispute database.

- ``jsonl``: one facts record per dispute, in the shape of the facts spec (parties,
  patents, proceedings, amounts) plus ``dispute_id``, ``title``, ``sides`` and each
  proceeding's sources;
- ``csv``: one CSV per table (a folder, or a ``.zip`` when ``out`` ends so);
- ``graphml``: parties are nodes (with their group), proceedings are edges from each
  claimant to each respondent, readable by networkx and Gephi.
"""
from __future__ import annotations

import csv
import io
import json
import sys
import zipfile
from collections.abc import Iterator
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from sqlalchemy import select
from sqlalchemy.orm import Session

from patlit.errors import StoreError
from patlit.store import queries
from patlit.store.models import Base, DisputeRow, PartyRow, ProceedingPartyRow, ProceedingRow

FORMATS = ("jsonl", "csv", "graphml")
#: tables of the CSV export, in dependency order (documents without their text column)
CSV_TABLES = ("documents", "parties", "party_aliases", "patents", "disputes", "proceedings", "proceeding_parties",
              "proceeding_patents", "amounts", "fact_values", "events", "evidence")
CSV_OMIT = {"documents": {"text", "record"}}


def dispute_records(session: Session) -> Iterator[dict]:
    ids = session.execute(select(DisputeRow.id).order_by(DisputeRow.id)).scalars().all()
    for did in ids:
        d = queries.get_dispute(session, did, evidence_limit=0)
        parties = {}
        for side in d["sides"]:
            for g in side:
                parties[g["id"]] = {"name": g["name"], "affiliate_of": None}
                for a in g["affiliates"]:
                    parties[a["id"]] = {"name": a["name"], "affiliate_of": g["name"]}
        for p in d["proceedings"]:
            for x in p["claimants"] + p["respondents"]:
                parties.setdefault(x["id"], {"name": x["name"], "affiliate_of": None})
        patents = list(dict.fromkeys(pid for p in d["proceedings"] for pid in p["patents"]))
        procs = [
            {
                "id": p["id"], "kind": p["kind"],
                "claimants": [x["name"] for x in p["claimants"]], "respondents": [x["name"] for x in p["respondents"]],
                "forum": p["forum"], "date": p["date"], "patents": p["patents"],
                "amounts": [{"value": a["value"], "currency": a["currency"], "role": a["role"]}
                            for a in p["amounts"] if a["counted"]],
                "outcome": p["outcome"], "case_number": p["case_number"], "conflicts": p["conflicts"],
            }
            for p in d["proceedings"]
        ]
        yield {
            "dispute_id": d["id"],
            "title": d["title"],
            "sides": [[g["name"] for g in side] for side in d["sides"]],
            "parties": list(parties.values()),
            "patents": patents,
            "proceedings": procs,
            "amounts": [a for p in procs for a in p["amounts"]],
            "totals": d["totals"],
            "events": [{"date": e["date"], "kind": e["kind"], "proceeding_id": e["proceeding_id"]} for e in d["events"]],
            "sources": [s["doc_id"] for s in d["sources"]],
        }


def write_jsonl(session: Session, out) -> int:
    n = 0
    for rec in dispute_records(session):
        out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        n += 1
    return n


def _csv_tables(session: Session) -> Iterator[tuple[str, str, int]]:
    for name in CSV_TABLES:
        table = Base.metadata.tables[name]
        cols = [c for c in table.columns if c.name not in CSV_OMIT.get(name, set())]
        buf = io.StringIO()
        w = csv.writer(buf)
        w.writerow([c.name for c in cols])
        n = 0
        for row in session.execute(select(*cols).order_by(*table.primary_key.columns)):
            w.writerow(["" if v is None else v for v in row])
            n += 1
        yield name, buf.getvalue(), n


def write_csv(session: Session, out: str) -> int:
    path = Path(out)
    total = 0
    if path.suffix.lower() == ".zip":
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as z:
            for name, data, n in _csv_tables(session):
                z.writestr(f"{name}.csv", data)
                total += n
        return total
    if path.exists() and not path.is_dir():
        raise StoreError(f"{out} exists and is not a folder", hint="give a folder or a .zip file for CSV")
    path.mkdir(parents=True, exist_ok=True)
    for name, data, n in _csv_tables(session):
        (path / f"{name}.csv").write_text(data, encoding="utf-8", newline="")
        total += n
    return total


def write_graphml(session: Session, out) -> int:
    P, PR, PP = PartyRow.__table__, ProceedingRow.__table__, ProceedingPartyRow.__table__
    titles = dict(session.execute(select(DisputeRow.id, DisputeRow.title)).all())
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
              '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
              '  <key id="group" for="node" attr.name="group" attr.type="int"/>\n'
              '  <key id="parent" for="node" attr.name="parent" attr.type="string"/>\n'
              '  <key id="kind" for="edge" attr.name="kind" attr.type="string"/>\n'
              '  <key id="forum" for="edge" attr.name="forum" attr.type="string"/>\n'
              '  <key id="date" for="edge" attr.name="date" attr.type="string"/>\n'
              '  <key id="outcome" for="edge" attr.name="outcome" attr.type="string"/>\n'
              '  <key id="proceeding" for="edge" attr.name="proceeding" attr.type="int"/>\n'
              '  <key id="dispute" for="edge" attr.name="dispute" attr.type="int"/>\n'
              '  <key id="dispute_title" for="edge" attr.name="dispute_title" attr.type="string"/>\n'
              '  <graph id="patlit" edgedefault="directed">\n')
    for r in session.execute(select(P.c.id, P.c.name, P.c.group_id, P.c.parent_id).order_by(P.c.id)):
        out.write(f'    <node id="p{r.id}"><data key="name">{escape(r.name)}</data>'
                  f'<data key="group">{r.group_id}</data>'
                  + (f'<data key="parent">p{r.parent_id}</data>' if r.parent_id else "") + "</node>\n")
    roles: dict[int, dict[str, list[int]]] = {}
    for pid, party, role in session.execute(select(PP.c.proceeding_id, PP.c.party_id, PP.c.role)):
        roles.setdefault(pid, {"claimant": [], "respondent": []})[role].append(party)
    n = 0
    for p in session.execute(select(PR).order_by(PR.c.id)):
        r = roles.get(p.id, {"claimant": [], "respondent": []})
        for c in sorted(r["claimant"]):
            for d in sorted(r["respondent"]):
                n += 1
                data = {"kind": p.kind, "forum": p.forum, "date": p.date, "outcome": p.outcome,
                        "proceeding": p.id, "dispute": p.dispute_id, "dispute_title": titles.get(p.dispute_id)}
                attrs = "".join(f"<data key={quoteattr(k)}>{escape(str(v))}</data>" for k, v in data.items()
                                if v is not None)
                out.write(f'    <edge id="e{n}" source="p{c}" target="p{d}">{attrs}</edge>\n')
    out.write("  </graph>\n</graphml>\n")
    return n


def export(session: Session, fmt: str, out: str | None) -> int:
    """Write the export ``fmt`` to ``out`` (stdout when None, except csv); returns the number of items."""
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}", hint=f"use one of {', '.join(FORMATS)}")
    if fmt == "csv":
        if not out:
            raise StoreError("the CSV export needs an output folder or .zip file")
        return write_csv(session, out)
    writer = write_jsonl if fmt == "jsonl" else write_graphml
    if not out or out == "-":
        return writer(session, sys.stdout)
    try:
        with open(out, "w", encoding="utf-8") as f:
            return writer(session, f)
    except OSError as exc:
        raise StoreError(f"cannot write {out}: {exc.strerror or exc}") from exc
