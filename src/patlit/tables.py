"""Rich tables of facts records for ``--format table``."""
from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table


def _amount(a: dict[str, Any]) -> str:
    return f"{a['currency']} {a['value']:,} ({a['role']})"


def print_facts_tables(records: list[dict[str, Any]], console: Console | None = None) -> None:
    console = console or Console()
    for rec in records:
        console.rule(f"[bold]{rec['doc_id']}[/] · {rec['lang']} · published {rec.get('published') or '-'}")
        parties = Table("party", "aliases", title="Parties", title_justify="left")
        for p in rec["parties"]:
            parties.add_row(p["name"], ", ".join(p["aliases"]))
        console.print(parties)
        procs = Table("kind", "claimants", "respondents", "forum", "date", "patents", "amounts", "outcome",
                      title="Proceedings", title_justify="left")
        for pr in rec["proceedings"]:
            procs.add_row(
                pr["kind"], "; ".join(pr["claimants"]), "; ".join(pr["respondents"]), pr["forum"] or "-",
                pr["date"] or "-", ", ".join(pr["patents"]) or "-",
                "; ".join(_amount(a) for a in pr["amounts"]) or "-", pr["outcome"] or "-",
            )
        console.print(procs)
        if rec["patents"]:
            console.print("[bold]Patents:[/] " + ", ".join(rec["patents"]))
        if rec["amounts"]:
            console.print("[bold]Amounts:[/] " + "; ".join(_amount(a) for a in rec["amounts"]))
        for w in rec.get("warnings") or []:
            console.print(f"[yellow]warning:[/] {w}")
