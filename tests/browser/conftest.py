"""Real headless Chromium (Debian's /usr/bin/chromium driven by Playwright) against the app on 127.0.0.1.

The app runs under uvicorn in a background thread of the test session, on a free
port, over a database ingested from tests/web_fixtures. Every test here skips,
saying why, when /usr/bin/chromium is not installed (run scripts/install-browser.sh).
"""
from __future__ import annotations

import os
import socket
import sys
import threading
import time
from contextlib import contextmanager
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # tests/: web_support

from web_support import build_db  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
SCREENSHOTS = Path(__file__).resolve().parent.parent.parent / "build" / "screenshots"
STARTUP_DEADLINE_S = 20.0


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def chromium_path() -> str:
    if not os.access(CHROMIUM, os.X_OK):
        pytest.skip(f"{CHROMIUM} is not installed (scripts/install-browser.sh installs Debian's chromium): "
                    "browser tests skipped")
    return CHROMIUM


@contextmanager
def serving(app):
    """Serve ``app`` with uvicorn on a free port of 127.0.0.1 in a thread; yields its base URL."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, name=f"patlit-web-test-{port}", daemon=True)
    thread.start()
    deadline = time.monotonic() + STARTUP_DEADLINE_S
    while not server.started:  # readiness, not timing: returns as soon as uvicorn listens
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)
        app.state.db.close()


@pytest.fixture(scope="session")
def live_app(tmp_path_factory):
    """(base URL, app): the read-only app over the fixture database."""
    from patlit.web.app import create_app

    app = create_app(build_db(tmp_path_factory.mktemp("browser")), token="")
    with serving(app) as base:
        yield base, app


@pytest.fixture(scope="session")
def live_writable_app(tmp_path_factory):
    """(base URL, app, token): an app that ingests from the browser, over its own copy of the fixtures."""
    from patlit.web.app import create_app

    token = "browser-test-token"
    app = create_app(build_db(tmp_path_factory.mktemp("browser-write")), token=token)
    with serving(app) as base:
        yield base, app, token


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, live_app):
    """A fresh page that records script errors, dialogs and every request leaving 127.0.0.1."""
    base, _app = live_app
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.errors, pg.dialogs, pg.foreign = [], [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.on("request", lambda r: None if r.url.startswith((base, "data:", "about:")) else pg.foreign.append(r.url))
    pg.base = base
    yield pg
    context.close()


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
