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
        return Candidate(s, end, f"cn-court:{_written_out(text, text[s:end], stops)}")

    return resolve


# "深圳中院", "重庆一中院", "广东高院": a short form of a court the document may name in full
_SHORT = re.compile(r"(.{2,8}?)市?(?:第?([一二三四五六七八九]))?(中院|高院|中級法院|中级法院|高级法院|高級法院)")
_FULL_TIER = {"中院": "中级", "中级法院": "中级", "中級法院": "中级", "高院": "高级", "高级法院": "高级", "高級法院": "高级"}


def _written_out(text: str, name: str, stops: frozenset[str]) -> str:
    """A short court name as the document writes it in full elsewhere ("重庆一中院" ->
    "重庆市第一中级人民法院", "深圳中院" -> "广东省深圳市中级人民法院"), else as written, so
    one court gets one code within a document."""
    m = _SHORT.fullmatch(name)
    if m is None:
        return name
    place, nth, head = m.groups()
    tier = _FULL_TIER[head]
    for k in range(len(place) - 1):  # "此后重庆一中院": the place is the end of what the scan took
        full = re.compile(rf"(?:[\u4e00-\u9fff]{{2,3}}省)?{re.escape(place[k:])}[省市]?{'第' + nth if nth else ''}{tier}人民法院")
        f = full.search(text)
        if f is not None:
            found = f.group()
            i = 0
            while i < len(found) - 4 and found[i] in stops:
                i += 1
            return found[i:]
    return name


@cache
def rules() -> tuple[tuple[str, Rule], ...]:
    resolve = _resolver()
    return tuple((head, Rule(resolve=resolve, source=_DATA)) for head in tables()["heads"])
