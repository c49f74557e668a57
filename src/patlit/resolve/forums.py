"""When two forum codes can name the same court.

Codes are compared as they are, except for one case the extractor cannot settle
alone: a Chinese court written in English ("other:Hangzhou Intermediate People's
Court") and the same court written in Chinese ("cn-court:浙江省杭州市中级人民法院"),
matched by city and tier through ``data/cn_cities.yaml``.
"""
from __future__ import annotations

import re
from functools import cache

from patlit.data import load_yaml
from patlit.errors import DataFileError

_DATA = "cn_cities.yaml"
_ENGLISH_COURT = re.compile(r"^other:(?:the )?([A-Z][A-Za-z']+)(?: Municipal)? (Intermediate|High|Higher) People's Court$")


@cache
def _tables() -> tuple[dict[str, str], dict[str, str]]:
    data = load_yaml(_DATA)
    if not isinstance(data, dict) or not isinstance(data.get("cities"), dict) or not isinstance(data.get("tiers"), dict):
        raise DataFileError(f"data/{_DATA}: needs 'cities' and 'tiers' mappings")
    return {str(k): str(v) for k, v in data["cities"].items()}, {str(k): str(v) for k, v in data["tiers"].items()}


def examples() -> list[tuple[str, str, bool]]:
    return [tuple(x) for x in load_yaml(_DATA).get("examples") or []]


def compatible(a: str | None, b: str | None) -> bool:
    """True when either is unknown or both can be the same court."""
    if not a or not b or a == b:
        return True
    if a.startswith("cn-court:") and b.startswith("cn-court:"):
        return _court_key(a) == _court_key(b)
    return _same_chinese_court(a, b) or _same_chinese_court(b, a)


_PROVINCE = re.compile(r"^(?:[\u4e00-\u9fff]{2,3}(?:省|自治区)|(?:广西|内蒙古|宁夏|新疆|西藏)(?:[\u4e00-\u9fff]{0,4}自治区)?)")


def _court_key(code: str) -> str:
    """A Chinese court name without its province and with short forms written out:
    广东省深圳市中级人民法院, 深圳市中级人民法院 and 深圳中院 give one key."""
    name = _PROVINCE.sub("", code[len("cn-court:"):])
    name = name.replace("中院", "中级人民法院").replace("高院", "高级人民法院")
    return name.replace("市", "")


def _same_chinese_court(english: str, chinese: str) -> bool:
    m = _ENGLISH_COURT.match(english)
    if m is None or not chinese.startswith("cn-court:"):
        return False
    cities, tiers = _tables()
    city, tier = cities.get(m.group(1)), tiers.get(m.group(2))
    if city is None or tier is None:
        return False
    name = chinese[len("cn-court:"):]
    short_tier = {"中级": "中院", "高级": "高院"}[tier]
    if city not in name:
        return False
    # the tier must agree, and the court must be the city's (not another city's in the same province)
    after = name[name.index(city) + len(city):].lstrip("市")
    return after.startswith(tier) or after.startswith(short_tier) or after.startswith("第")
