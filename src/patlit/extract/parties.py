"""Parties: who is a party to a proceeding the document reports, with every alias.

Language grammars live beside this module (:mod:`.parties_en`, :mod:`.parties_zh`);
this module picks one per document.
"""
from __future__ import annotations

from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.model import Party


def extract(ctx: Context, mentions: Mentions) -> list[Party]:
    if ctx.lang == "zh":
        from patlit.extract import parties_zh

        return parties_zh.extract(ctx, mentions)
    from patlit.extract import parties_en

    return parties_en.extract(ctx, mentions)
