"""The app's CSS and JS, read from the package once at start and served from memory.

No request path ever reaches the file system: ``/static/NAME`` looks NAME up in
a dict built from the package's ``static`` folder when the app is created.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from importlib import resources

CONTENT_TYPES = {
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".ico": "image/x-icon",
    ".png": "image/png",
}


@dataclass(frozen=True, slots=True)
class Asset:
    body: bytes
    content_type: str
    etag: str


def load_assets() -> dict[str, Asset]:
    folder = resources.files("patlit.web") / "static"
    assets: dict[str, Asset] = {}
    for entry in folder.iterdir():
        name = entry.name
        suffix = name[name.rfind("."):] if "." in name else ""
        if not entry.is_file() or suffix not in CONTENT_TYPES:
            continue
        body = entry.read_bytes()
        assets[name] = Asset(body, CONTENT_TYPES[suffix], '"' + hashlib.sha256(body).hexdigest()[:16] + '"')
    return assets
