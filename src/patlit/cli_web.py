"""``patlit serve``: the web app and JSON API over the dispute database (uvicorn)."""
from __future__ import annotations

from typing import Annotated

import typer

from patlit.cli import app


@app.command(epilog="Example: PATLIT_TOKEN=secret patlit serve --db build/demo.db --port 8000")
def serve(
    db: Annotated[str | None, typer.Option("--db", help="Database URL or SQLite path (default: $PATLIT_DB, else ./patlit.db).")] = None,
    host: Annotated[str, typer.Option(help="Address to listen on; 127.0.0.1 keeps it on this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="TCP port.")] = 8000,
) -> None:
    """Browse the disputes in a web browser: timelines, who-sues-whom graphs, evidence; JSON API under /api/v1.

    Ingesting from the browser needs a token: set PATLIT_TOKEN before starting, otherwise the app is read-only.
    """
    import os

    import uvicorn

    from patlit.web.app import create_app

    from patlit.cli import fail
    from patlit.errors import StoreError

    try:
        # read-only with no database yet would only show an empty app: say how to build one instead
        web = create_app(db_url=db, create=bool(os.environ.get("PATLIT_TOKEN")))
    except StoreError as exc:
        fail(str(exc), exc.hint)
    mode = "ingest enabled (token set)" if web.state.writes.enabled else "read-only (set PATLIT_TOKEN to ingest)"
    shown = "localhost" if host in ("127.0.0.1", "::1") else host
    typer.echo(f"patlit: serving {web.state.db.url} at http://{shown}:{port}/ — {mode}; Ctrl-C stops", err=True)
    if host not in ("127.0.0.1", "localhost", "::1") and not os.environ.get("PATLIT_TOKEN"):
        typer.echo("patlit: note: listening beyond this machine; the app is read-only without PATLIT_TOKEN", err=True)
    uvicorn.run(web, host=host, port=port, log_level="warning", proxy_headers=False, server_header=False)
