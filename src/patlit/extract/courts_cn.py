"""Chinese courts written in Chinese, other than the SPC and the IP courts -> ``cn-court:<name>``.

The name is the court as written, with its province and city prefix
(``cn-court:江苏省苏州市中级人民法院``, ``cn-court:福建泉州中级人民法院``, ``cn-court:深圳中院``).
Triggered by a court word (人民法院, 中院, 知识产权法庭 ...) the scan walks left over Chinese
characters until a stop character (向, 至, 在, punctuation ...); what remains must be a
place once tier words (中级, 高级 ...) are removed. Generic phrases (各级人民法院,
侵权行为地的人民法院, 一审法院) name no court. Tables: ``data/cn_courts.yaml``.
The Supreme People's Court and the four IP courts have their own codes in ``forums.yaml``;
a court starting with 最高 is left to them.
"""
from __future__ import annotations

import re
from functools import cache
from typing import Any

from patlit.errors import DataFileError
from patlit.extract.forum_rules import Candidate, Rule, Scan
from patlit.data import load_yaml

_DATA = "data/cn_courts.yaml"
_CJK = re.compile(r"[\u3400-\u9fff]")
_MAX_NAME = 16


@cache
def tables() -> dict[str, Any]:
    data = load_yaml("cn_courts.yaml")
    if not isinstance(data, dict):
        raise DataFileError(f"{_DATA}: expected a mapping")
    for key in ("heads", "tiers", "not_places"):
        if not (isinstance(data.get(key), list) and all(isinstance(x, str) and x for x in data[key])):
            raise DataFileError(f"{_DATA}: '{key}' must be a list of strings")
    if not isinstance(data.get("stops"), str) or not data["stops"]:
        raise DataFileError(f"{_DATA}: 'stops' must be a string of characters")
    for ex in data.get("examples") or []:
        if not (isinstance(ex, list) and len(ex) == 2 and isinstance(ex[0], str)):
            raise DataFileError(f"{_DATA}: example {ex!r} must be [text, code or null]")
    return data


def examples() -> list[tuple[str, str | None]]:
    return [(a, b) for a, b in tables().get("examples") or []]


def _resolver():
    data = tables()
    stops = frozenset(data["stops"])
    tiers = tuple(sorted(data["tiers"], key=len, reverse=True))
    not_places = frozenset(data["not_places"])

    def resolve(scan: Scan, start: int, end: int) -> Candidate | None:
        text = scan.text
        s = start
        while s > 0 and start - s < _MAX_NAME and text[s - 1] not in stops and _CJK.match(text[s - 1]):
            s -= 1
        place = text[s:start]
        changed = True
        while changed:
            changed = False
            for tier in tiers:
                if place.endswith(tier):
                    place, changed = place[: -len(tier)], True
                    break
        if len(place) < 2 or place in not_places or "最高" in place or place.endswith(("地", "级", "級")):
            return None
        return Candidate(s, end, f"cn-court:{text[s:end]}")

    return resolve


@cache
def rules() -> tuple[tuple[str, Rule], ...]:
    resolve = _resolver()
    return tuple((head, Rule(resolve=resolve, source=_DATA)) for head in tables()["heads"])
