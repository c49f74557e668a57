"""PLACEHOLDER until the patents extractor lands (owned by the extraction helper)."""
from __future__ import annotations

def extract(ctx):
    return []

def describe(pid: str) -> dict:
    return {"id": pid}
