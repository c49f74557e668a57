"""The Jinja2 environment of the pages: autoescape always on, the helpers templates use."""
from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from fastapi import FastAPI
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader

from patlit.web import labels
from patlit.web.render import evidence_href, format_amount, mark_in_sentence


def path_quote(value: Any) -> str:
    """One URL path segment (an id) with everything but unreserved characters escaped."""
    return quote(str(value), safe="")


def safe_url(value: Any) -> str:
    """An http(s) URL from the data, or "" (never javascript:, data: or a relative path)."""
    if isinstance(value, str) and value.strip().lower().startswith(("https://", "http://")):
        return value.strip()
    return ""


def make_templates(app: FastAPI) -> Jinja2Templates:
    env = Environment(
        loader=PackageLoader("patlit.web", "templates"),
        autoescape=True,  # every template, whatever its name
        trim_blocks=True,
        lstrip_blocks=True,
    )
    assets = app.state.assets

    def static(name: str) -> str:
        asset = assets.get(name)
        version = asset.etag.strip('"') if asset else "missing"
        return f"/static/{path_quote(name)}?v={version}"

    def query(params: dict[str, Any], **changes: Any) -> str:
        merged = {**params, **changes}
        return "?" + urlencode({k: v for k, v in merged.items() if v not in (None, "")})

    env.globals.update(static=static, query=query, labels=labels, writes_enabled=app.state.writes.enabled)
    env.filters.update(
        money=format_amount,
        safe_url=safe_url,
        q=path_quote,
        mark_fact=mark_in_sentence,
        evidence_href=lambda ev: evidence_href(ev, quote=quote),
        forum=labels.forum_name,
        kind=labels.kind_name,
        outcome=labels.outcome_name,
    )
    return Jinja2Templates(env=env)
