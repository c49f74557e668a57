"""Rich tables for the database commands' ``--format table``."""
from __future__ import annotations

import sys
from typing import Any

from rich.console import Console
from rich.table import Table

PIPE_WIDTH = 160  # columns when the output is not a terminal (files, pipes)


class _Out:
    """Prints to the current stdout; wide enough not to wrap names when piped."""

    def print(self, *args: Any) -> None:
        Console(width=None if sys.stdout.isatty() else PIPE_WIDTH).print(*args)

    def rule(self, title: str) -> None:
        Console(width=None if sys.stdout.isatty() else PIPE_WIDTH).rule(title)


_console = _Out()


def _names(parties: list[dict]) -> str:
    return ", ".join(p["name"] for p in parties) or "-"


def _totals(totals: dict[str, dict]) -> str:
    parts = []
    for cur, t in sorted(totals.items()):
        bits = [f"{label} {t[key]:,}" for key, label in (("asked", "asked"), ("awarded", "awarded")) if t.get(key)]
        bits += [f"{role} {v:,}" for role, v in sorted(t.items()) if role in ("settlement", "other") and v]
        if bits:
            parts.append(f"{cur} " + ", ".join(bits))
    return "; ".join(parts) or "-"


def disputes_table(data: dict[str, Any]) -> None:
    t = Table("id", "dispute", "where", "kinds", "first", "latest", "proc.", "docs", "totals",
              title=f"{data['total']} disputes", title_justify="left")
    for d in data["items"]:
        t.add_row(str(d["id"]), d["title"], ", ".join(d["jurisdictions"]) or "-", ", ".join(d["kinds"]),
                  d["first_date"] or "-", d["latest_date"] or "-", str(d["proceedings"]), str(d["documents"]),
                  _totals(d["totals"]))
    _console.print(t)


def dispute_tables(d: dict[str, Any]) -> None:
    _console.rule(f"[bold]Dispute {d['id']}[/]: {d['title']}")
    sides = Table("side", "party", "affiliates", title="Parties", title_justify="left")
    for label, side in zip(("A", "B"), d["sides"]):
        for p in side:
            sides.add_row(label, p["name"], _names(p.get("affiliates", [])))
    _console.print(sides)
    tl = Table("date", "event", "forum", title="Timeline", title_justify="left")
    for e in d["events"]:
        tl.add_row(e["date"] or "(undated)", e["label"], e["forum"] or "-")
    _console.print(tl)
    procs = Table("id", "kind", "forum", "date", "claimants", "respondents", "patents", "amounts", "outcome",
                  "case no.", title="Proceedings", title_justify="left")
    for p in d["proceedings"]:
        amounts = "; ".join(f"{a['currency']} {a['value']:,} {a['role']}" + (" (conflict)" if a["conflict"] else "")
                            for a in p["amounts"])
        procs.add_row(str(p["id"]), p["kind"], p["forum"] or "-", p["date"] or "-", _names(p["claimants"]),
                      _names(p["respondents"]), ", ".join(p["patents"]) or "-", amounts or "-", p["outcome"] or "-",
                      p["case_number"] or "-")
    _console.print(procs)
    _console.print(f"[bold]Totals:[/] {_totals(d['totals'])}")
    for c in d["conflicts"]:
        vals = "; ".join(f"{v['value']} ({v['doc_id']})" for v in c["values"])
        _console.print(f"[yellow]conflict[/] proceeding {c['proceeding_id']} {c['attribute']}: {vals}")
    src = Table("doc", "published", "title", "url", title="Sources", title_justify="left")
    for s in d["sources"]:
        src.add_row(s["doc_id"], s["published"] or "-", s["title"] or "-", s["url"] or "-")
    _console.print(src)


def party_tables(p: dict[str, Any]) -> None:
    _console.rule(f"[bold]{p['name']}[/] (party {p['id']})")
    _console.print(f"aliases: {', '.join(p['aliases']) or '-'}")
    if p["parent"]:
        _console.print(f"affiliate of: {p['parent']['name']}")
    _console.print(f"affiliates: {_names(p['affiliates'])}")
    for label, key in (("as claimant side", "disputes_as_claimant"), ("as respondent side", "disputes_as_respondent")):
        disputes_table({"total": len(p[key]), "items": p[key]}) if p[key] else _console.print(f"disputes {label}: -")


def patent_tables(p: dict[str, Any]) -> None:
    _console.rule(f"[bold]{p['id']}[/]")
    meta = p.get("metadata") or {}
    for k in ("office", "kind", "filing_year", "check_digit", "pct"):
        if meta.get(k) is not None:
            _console.print(f"{k}: {meta[k]}")
    t = Table("id", "kind", "forum", "date", "claimants", "respondents", "outcome", "dispute",
              title="Proceedings", title_justify="left")
    for r in p["proceedings"]:
        t.add_row(str(r["id"]), r["kind"], r["forum"] or "-", r["date"] or "-", _names(r["claimants"]),
                  _names(r["respondents"]), r["outcome"] or "-", f"{r['dispute_id']}: {r['dispute'] or ''}")
    _console.print(t)


def search_table(data: dict[str, Any]) -> None:
    t = Table("doc", "published", "snippet", title=f"{data['total']} documents", title_justify="left")
    for it in data["items"]:
        t.add_row(it["doc_id"], it["published"] or "-", it["snippet"]["text"].replace("\n", " "))
    _console.print(t)
