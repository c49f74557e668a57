"""Proceedings grammar: actions (who did what to whom) and outcomes in the text.

Language grammars live beside this module (:mod:`.proceedings_en`,
:mod:`.proceedings_zh`); :mod:`.assemble` turns their actions into proceedings.
"""
from __future__ import annotations

from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.model import ActionMention, OutcomeMention, Party


def find_actions(
    ctx: Context, parties: list[Party], mentions: Mentions
) -> tuple[list[ActionMention], list[OutcomeMention]]:
    if ctx.lang == "zh":
        from patlit.extract import proceedings_zh

        return proceedings_zh.find_actions(ctx, parties, mentions)
    from patlit.extract import proceedings_en

    return proceedings_en.find_actions(ctx, parties, mentions)
