"""Attributes of proceedings (patents, amounts, date, outcome) attached to the right proceeding.

Table-driven: each case is a short text written for this test and the proceedings
expected from it, as (kind, patents, amounts "CUR value:role", date, outcome) tuples
(``...`` = not checked).
"""
from __future__ import annotations

import pytest

from patlit.extract.pipeline import extract_document
from patlit.model import Document


def _run(text: str, lang: str, published: str | None = None):
    return extract_document(Document(doc_id="t", text=text, published=published, lang=lang))


def _row(p, want):
    kind, pats, amts, date, outcome = want
    got = (
        p.kind,
        sorted(p.patents) if pats is not ... else ...,
        sorted(f"{a.currency}{a.value:.0f}:{a.role}" for a in p.amounts) if amts is not ... else ...,
        p.date if date is not ... else ...,
        p.outcome if outcome is not ... else ...,
    )
    return got


CASES = [
    pytest.param(
        "zh",
        "杭州蓝鲸电子科技有限公司(简称“蓝鲸电子”)对苏州青松智能设备有限公司(简称“青松智能”)提起两起专利侵权诉讼,法院已于2022年3月1日受理。具体如下:\n\n"
        "案件一：蓝鲸电子主张青松智能侵犯其专利号为ZL201410123456.1的发明专利权,请求赔偿经济损失人民币800万元。\n\n"
        "案件二：蓝鲸电子主张青松智能侵犯其专利号为ZL201520234567.8的实用新型专利权,请求赔偿经济损失人民币300万元,并承担合理开支人民币10万元。\n\n"
        "上述两案涉案金额合计人民币1110万元。",
        [
            ("infringement", ["CN201410123456.1"], ["CNY8000000:damages"], ..., ...),
            ("infringement", ["CN201520234567.8"], ["CNY100000:costs", "CNY3000000:damages"], ..., ...),
        ],
        id="zh-numbered-case-list-one-proceeding-per-case",
    ),
    pytest.param(
        "zh",
        "宁波银河光学有限公司(简称“银河光学”)起诉广州明川显示技术有限公司(简称“明川显示”)侵害其专利权,法院已立案受理。\n\n"
        "(一)案件一\n涉案专利:专利号ZL201410123456.1\n诉讼请求:判令被告停止侵权;赔偿经济损失人民币600万元。\n\n"
        "(二)案件二\n涉案专利:专利号ZL201520234567.8\n诉讼请求:判令被告停止侵权;赔偿经济损失人民币200万元。\n\n"
        "二、对公司的影响\n公司去年营业收入为人民币30亿元。",
        [
            ("infringement", ["CN201410123456.1"], ["CNY6000000:damages"], ..., ...),
            ("infringement", ["CN201520234567.8"], ["CNY2000000:damages"], ..., ...),
        ],
        id="zh-numbered-case-headers-on-their-own-line",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. filed two patent infringement suits against Verdant Bio Corp. in the District of Delaware on March 2, 2022.\n\n"
        "Case 1: Orchid Labs asserts U.S. Patent No. 9,876,543 and seeks $12 million in damages.\n\n"
        "Case 2: Orchid Labs asserts U.S. Patent No. 10,123,456 and seeks $7 million in damages.\n\n"
        "Orchid Labs reported revenue of $900 million last year.",
        [
            ("infringement", ["US9876543"], ["USD12000000:damages"], ..., None),
            ("infringement", ["US10123456"], ["USD7000000:damages"], ..., None),
        ],
        id="en-numbered-case-list-one-proceeding-per-case",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. filed two patent infringement cases against Verdant Bio Corp. in June 2020. "
        "One case concerned U.S. Patent No. 9,876,543, the other U.S. Patent No. 10,123,456.",
        [
            ("infringement", ["US9876543"], ..., "2020-06", ...),
            ("infringement", ["US10123456"], ..., "2020-06", ...),
        ],
        id="en-two-cases-one-patent-each",
    ),
    pytest.param(
        "zh",
        "杭州蓝鲸电子科技有限公司(简称“蓝鲸电子”)起诉苏州青松智能设备有限公司(简称“青松智能”)侵害发明专利权纠纷两案。"
        "两案分别于2019年4月立案,涉案专利分别为ZL201410123456.1和ZL201520234567.8。",
        [
            ("infringement", ["CN201410123456.1"], ..., "2019-04", ...),
            ("infringement", ["CN201520234567.8"], ..., "2019-04", ...),
        ],
        id="zh-two-cases-patents-respectively",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. sued Verdant Bio Corp. in 2019, asserting U.S. Patent No. 9,876,543 and U.S. Patent No. 10,123,456.",
        [("infringement", ["US10123456", "US9876543"], ..., "2019", ...)],
        id="en-one-suit-two-patents-stays-one",
    ),
    pytest.param(
        "zh",
        "2021年5月20日,苏州市中级人民法院对杭州蓝鲸电子科技有限公司起诉苏州青松智能设备有限公司侵害发明专利权纠纷一案作出一审判决。",
        [("infringement", ..., ..., None, ...)],
        id="zh-judgment-date-is-not-the-filing-date",
    ),
    pytest.param(
        "zh",
        "杭州蓝鲸电子科技有限公司随后在苏州市中级人民法院起诉苏州青松智能设备有限公司侵害其发明专利权,该院于2021年8月判决青松智能侵权。",
        [("infringement", ..., ..., None, ...)],
        id="zh-court-judged-on-a-date-is-not-the-filing-date",
    ),
    pytest.param(
        "zh",
        "近日,苏州市中级人民法院对蓝鲸电子诉青松智能侵害发明专利权纠纷一案作出一审判决,判令青松智能赔偿蓝鲸电子经济损失500万元。\n\n"
        "据了解,杭州蓝鲸电子科技有限公司(简称“蓝鲸电子”)于2020年3月向苏州市中级人民法院起诉苏州青松智能设备有限公司(简称“青松智能”)。"
        "2021年,青松智能向美国国际贸易委员会提出337调查申请,指控蓝鲸电子侵犯其专利。",
        [
            ("infringement", ..., ["CNY5000000:awarded"], "2020-03", ...),
            ("itc_investigation", ..., [], ..., ...),
        ],
        id="zh-verdict-sum-told-before-the-suit-goes-to-the-suit-of-its-court",
    ),
    pytest.param(
        "en",
        "Verdant Bio Corp. will pay Orchid Labs Inc. $40 million to settle all pending litigation. "
        "Orchid Labs had sued Verdant Bio in the District of Delaware in May 2019.",
        [("infringement", ..., ["USD40000000:settlement"], "2019-05", "settled")],
        id="en-settlement-sum-settles-the-only-suit",
    ),
    pytest.param(
        "zh",
        "杭州蓝鲸电子科技有限公司(简称“蓝鲸电子”)与苏州青松智能设备有限公司(简称“青松智能”)宣布,双方已签署专利交叉许可协议,并将撤回针对对方提起的全部诉讼。\n\n"
        "2019年5月,蓝鲸电子向苏州市中级人民法院起诉青松智能侵害其发明专利权。"
        "2020年3月,青松智能在杭州市中级人民法院起诉蓝鲸电子侵害其实用新型专利权。",
        [
            ("infringement", ..., ..., "2019-05", "settled"),
            ("infringement", ..., ..., "2020-03", "settled"),
        ],
        id="zh-withdraw-all-suits-settles-every-suit-between-the-sides",
    ),
    pytest.param(
        "zh",
        "2020年5月,杭州蓝鲸电子科技有限公司(简称“蓝鲸电子”)向苏州市中级人民法院起诉苏州青松智能设备有限公司(简称“青松智能”)侵害其发明专利权。\n\n"
        "青松智能上诉请求:撤销一审判决,驳回蓝鲸电子的全部诉讼请求。",
        [("infringement", ..., ..., "2020-05", None)],
        id="zh-asking-to-revoke-a-judgment-and-reject-all-claims-is-no-settlement",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. sued Verdant Bio Corp. in the District of Delaware in May 2017. "
        "In 2019 a jury awarded Orchid Labs $30 million. "
        "Verdant Bio appealed, and in March 2021 the Federal Circuit vacated the award.",
        [
            ("infringement", ..., ..., "2017-05", ...),
            ("appeal", ..., ..., None, "claimant_won"),
        ],
        id="en-appeal-that-vacates-is-won-by-the-appellant-and-has-no-filing-date",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. sued Verdant Bio Corp. in the District of Delaware in May 2017. "
        "Last month the two companies said they had resolved the dispute, and the case was dismissed.",
        [("infringement", ..., ..., "2017-05", "settled")],
        id="en-resolved-then-dismissed-is-settled",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. filed suit against Verdant Bio Corp. in May 2016 in the District of Delaware. "
        "Orchid Labs alleged that test kits sold by Verdant Bio infringed U.S. Patent Nos. 9,876,543 and 10,123,456. "
        "In 2018 Orchid Labs also sued Kestrel Diagnostics Inc. in the District of Delaware.",
        [("infringement", ["US10123456", "US9876543"], ..., "2016-05", ...), ("infringement", [], ..., "2018", ...)],
        id="en-follow-up-allegation-names-the-patents",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. sued Verdant Bio Corp. in the District of Delaware in May 2017. "
        "In 2019 a jury found that Verdant Bio infringed and awarded Orchid Labs $30 million. "
        "Verdant Bio appealed to the Federal Circuit. In 2021 that court threw out the $30 million verdict.",
        [
            ("infringement", ..., ..., "2017-05", "claimant_won"),
            ("appeal", ..., ..., ..., "claimant_won"),
        ],
        id="en-appeal-court-throwing-out-the-verdict-is-the-appellants-win",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. sued Verdant Bio Corp. in the District of Delaware in May 2017. "
        "In 2019 the judge set a licence fee and ordered Verdant Bio to pay Orchid Labs $20 million. "
        "Orchid Labs appealed. In 2021 the Federal Circuit raised the award to $45 million.",
        [
            ("infringement", ..., ["USD20000000:awarded"], "2017-05", ...),
            ("appeal", ..., ["USD45000000:awarded"], ..., "claimant_won"),
        ],
        id="en-appeal-court-raising-the-award-is-the-claimants-appeal-won",
    ),
    pytest.param(
        "zh",
        "两家公司的纠纷始于2019年12月。当时,杭州蓝鲸电子科技有限公司向苏州市中级人民法院起诉苏州青松智能设备有限公司侵害其发明专利权。",
        [("infringement", ..., ..., "2019-12", ...)],
        id="zh-at-that-time-takes-the-date-told-before",
    ),
    pytest.param(
        "en",
        "The feud between the two companies began in March 2018. "
        "Later that year Orchid Labs Inc. sued Verdant Bio Corp. in the District of Delaware.",
        [("infringement", ..., ..., "2018", ...)],
        id="en-later-that-year-takes-the-year-told-before",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. filed its complaint in the U.S. District Court for the District of Delaware on June 3, 2015, "
        "naming Verdant Bio Corp. as defendant.",
        [("infringement", ..., ..., "2015-06-03", ...)],
        id="en-filed-its-complaint-on-a-date",
    ),
    pytest.param(
        "en",
        "Orchid Labs Inc. sued Verdant Bio Corp. in the District of Delaware in January 2017. "
        "In July 2017 Verdant Bio filed a complaint with the U.S. International Trade Commission, and on the same day it "
        "brought a patent infringement suit against Orchid Labs in the Southern District of California.",
        [
            ("infringement", ..., ..., "2017-01", ...),
            ("infringement", ..., ..., "2017-07", ...),
            ("itc_investigation", ..., ..., "2017-07", ...),
        ],
        id="en-on-the-same-day-takes-the-date-told-before-it-in-the-sentence",
    ),
]


TODAY = [
    pytest.param(
        "Orchid Labs Inc. today announced that it has filed a patent infringement lawsuit against Verdant Bio Corp. "
        "in the U.S. District Court for the District of Delaware.",
        "2021-05-04", id="today-announced-it-has-filed",
    ),
    pytest.param(
        "Orchid Labs Inc. is filing a patent infringement suit against Verdant Bio Corp. in the District of Delaware.",
        "2021-05-04", id="is-filing",
    ),
    pytest.param(
        "Orchid Labs Inc. sued Verdant Bio Corp. in the District of Delaware in March 2019. "
        "Today the jury found that Verdant Bio Corp. infringed.",
        "2019-03", id="today-of-a-verdict-is-not-the-filing",
    ),
]


@pytest.mark.parametrize("text,date", TODAY)
def test_filing_today_takes_the_document_date(text, date):
    facts = _run(text, "en", published="2021-05-04")
    assert [p.date for p in facts.proceedings] == [date], [(p.kind, p.date) for p in facts.proceedings]


@pytest.mark.parametrize("lang,text,expected", CASES)
def test_attributes(lang, text, expected):
    facts = _run(text, lang)
    procs = sorted(facts.proceedings, key=lambda p: (p.kind, sorted(p.patents)))
    got = [_row(p, w) for p, w in zip(procs, sorted(expected, key=lambda w: (w[0], w[1] if w[1] is not ... else [])))]
    assert len(procs) == len(expected) and got == sorted(expected, key=lambda w: (w[0], w[1] if w[1] is not ... else [])), [
        (p.kind, p.claimants, p.respondents, p.patents, [(a.value, a.role) for a in p.amounts], p.date, p.outcome) for p in procs]


def test_appeal_takes_a_named_appeal_court_before_a_loose_one():
    from types import SimpleNamespace

    from patlit.extract import assemble
    from patlit.model import ForumMention

    loose = ForumMention(0, 20, "Notes\n\nCourt of Appeal", "other:Notes\n\nCourt of Appeal")
    named = ForumMention(40, 76, "Court of Appeal of England and Wales", "uk-ewca")
    d = assemble._Draft("appeal", ["Orchid Labs"], ["Verdant Bio"], 0, "filing")
    assemble._defaults([d], SimpleNamespace(forums=[loose, named]))
    assert d.forum == "uk-ewca"


SAME_COURT = [
    ("same_state_court", "Halvard Sensors Inc. sued Quillon Networks Ltd. in the Eastern District of Virginia in 2022. "
     "Later Quillon Networks Ltd. countersued Halvard Sensors Inc. in the same Virginia court.", "vaed"),
    ("same_two_word_place_court", "Halvard Sensors Inc. sued Quillon Networks Ltd. in the Southern District of California in 2022. "
     "Later Quillon Networks Ltd. sued Halvard Sensors Inc. for patent infringement in the same San Diego court.", "casd"),
    ("same_court", "Halvard Sensors Inc. sued Quillon Networks Ltd. in the District of Delaware in 2022. "
     "Quillon Networks Ltd. then filed its own patent suit against Halvard Sensors Inc. before the same court.", "ded"),
]


@pytest.mark.parametrize(("text", "code"), [r[1:] for r in SAME_COURT], ids=[r[0] for r in SAME_COURT])
def test_same_court_is_the_court_of_the_suit_told_before(text, code):
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    back = [p for p in facts.proceedings if p.claimants == ["Quillon Networks Ltd."]]
    assert back and back[0].forum == code, [(p.claimants, p.forum) for p in facts.proceedings]


SEPARATE_ACTIONS = [
    ("separate_action_relative", "Halvard Sensors Inc. first sued Quillon Networks Ltd. in 2017, and a separate infringement "
     "action it brought against the router maker is pending in Delaware."),
    ("filed_another_suit", "Halvard Sensors Inc. sued Quillon Networks Ltd. in 2017 and later filed another patent suit "
     "against Quillon Networks Ltd. in the District of Delaware."),
]


@pytest.mark.parametrize("text", [r[1] for r in SEPARATE_ACTIONS], ids=[r[0] for r in SEPARATE_ACTIONS])
def test_separate_action_in_the_same_sentence_stays_apart(text):
    """'a separate action', 'another suit' beside a suit told in the same sentence: two proceedings."""
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    got = sorted((p.forum or "", p.date or "") for p in facts.proceedings if p.kind == "infringement")
    assert got == [("", "2017"), ("ded", "")], got


def test_same_suit_told_twice_in_a_sentence_is_one():
    """Without a 'separate' cue, two mentions in one sentence are one suit."""
    facts = extract_document(Document(doc_id="t", text="Halvard Sensors Inc. sued Quillon Networks Ltd. over a router patent in 2017, and the "
                                      "suit Halvard Sensors Inc. brought against Quillon Networks Ltd. is pending in the District of Delaware.", lang="en"))
    assert len(facts.proceedings) == 1, [(p.forum, p.date) for p in facts.proceedings]


def test_court_paper_caption_gives_its_court_to_the_suit():
    """A memorandum opening with its court's caption: 'filed this action' is a suit in that court."""
    text = ("IN THE UNITED STATES DISTRICT COURT\nFOR THE DISTRICT OF DELAWARE\n\nHALVARD SENSORS INC., Plaintiff,\nv.\n"
            "QUILLON NETWORKS LTD., Defendant.\n\nMEMORANDUM ORDER\n\nPlaintiff Halvard Sensors Inc. filed this action on "
            "May 2, 2023, alleging that Defendant Quillon Networks Ltd. infringes U.S. Patent No. 9,876,543.")
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    assert [(p.kind, p.forum) for p in facts.proceedings] == [("infringement", "ded")]


def test_caption_court_not_given_without_a_caption():
    text = ("Patent news. Halvard Sensors Inc. filed a patent action on May 2, 2023, alleging that Quillon Networks Ltd. "
            "infringes U.S. Patent No. 9,876,543. Quillon Networks Ltd. won a case in the District of Delaware last year.")
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    assert all(p.forum != "ded" for p in facts.proceedings if p.date == "2023-05-02")


WHEN_DATES = [
    ("dates_back_to_when", "The dispute dates back to March 2021, when Halvard Sensors Inc. sued Quillon Networks Ltd. over a router patent.", "2021-03"),
    ("fighting_since_when", "The two have been fighting since May 4, 2020, when Halvard Sensors Inc. sued Quillon Networks Ltd. over a patent.", "2020-05-04"),
]


@pytest.mark.parametrize(("text", "date"), [r[1:] for r in WHEN_DATES], ids=[r[0] for r in WHEN_DATES])
def test_date_before_when_is_the_filing_date(text, date):
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    assert [p.date for p in facts.proceedings] == [date]


def test_since_without_when_is_no_filing_date():
    facts = extract_document(Document(doc_id="t", text="Since March 2021 Halvard Sensors Inc. has sued Quillon Networks Ltd. over a router patent.", lang="en"))
    assert [p.date for p in facts.proceedings] == [None]


ASSERTED_BACKREFS = [
    ("each_of_the_asserted", "Halvard Sensors Inc. sued Quillon Networks Ltd. over U.S. Patent Nos. 9,111,222 and 9,333,444 in 2021. "
     "Quillon Networks Ltd. has filed petitions with the PTAB seeking inter partes review of each of the two asserted patents."),
    ("patents_in_suit", "Halvard Sensors Inc. sued Quillon Networks Ltd. over U.S. Patent Nos. 9,111,222 and 9,333,444 in 2021. "
     "Quillon Networks Ltd. then asked the PTAB for inter partes review of the patents-in-suit."),
]


@pytest.mark.parametrize("text", [r[1] for r in ASSERTED_BACKREFS], ids=[r[0] for r in ASSERTED_BACKREFS])
def test_asserted_patents_point_back_to_the_suit(text):
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    inv = [p for p in facts.proceedings if p.kind == "invalidation"]
    assert inv and sorted(inv[0].patents) == ["US9111222", "US9333444"], [(p.kind, p.patents) for p in facts.proceedings]


def test_award_reviewed_on_appeal_belongs_to_the_suit():
    """'The Federal Circuit vacated the $X award a jury had returned for C': the award is the suit's."""
    text = ("The Federal Circuit on Monday vacated the $4,500,000 damages award that a jury had returned for Halvard Sensors Inc. "
            "against Quillon Networks Ltd. in its router case. Halvard Sensors Inc. sued Quillon Networks Ltd. in 2019 over a router patent.")
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    got = {p.kind: [(a.value, a.role) for a in p.amounts] for p in facts.proceedings}
    assert got.get("infringement") == [(4500000, "awarded")] and got.get("appeal") == [], got


JURY_FOUND = [
    ("found_infringement", "Halvard Sensors Inc. sued Quillon Networks Ltd. in 2020 over a thermostat patent, and a jury found infringement in 2022.", "claimant_won"),
    ("found_willful_infringement", "Halvard Sensors Inc. sued Quillon Networks Ltd. in 2020 over a router patent, and in 2022 the jury found willful infringement.", "claimant_won"),
    ("month_may_is_no_modal", "Halvard Sensors Inc. sued Quillon Networks Ltd. in 2020 over a router patent, and last May the jury found willful infringement.", "claimant_won"),
    ("modal_may_is_asked", "Halvard Sensors Inc. sued Quillon Networks Ltd. in 2020 over a router patent, and a jury may find willful infringement.", None),
    ("found_no_infringement", "Halvard Sensors Inc. sued Quillon Networks Ltd. in 2020 over a thermostat patent, and a jury found no infringement in 2022.", None),
]


@pytest.mark.parametrize(("text", "outcome"), [r[1:] for r in JURY_FOUND], ids=[r[0] for r in JURY_FOUND])
def test_jury_found_infringement(text, outcome):
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    assert [p.outcome for p in facts.proceedings] == [outcome]


TIMELINE_DATES = [
    ("dash", "A timeline:\n\nMarch 2021 - Halvard Sensors Inc. sued Quillon Networks Ltd. over a router patent.", "2021-03"),
    ("full_stop", "A timeline:\n\nMarch 2021. Halvard Sensors Inc. sued Quillon Networks Ltd. over a router patent.", "2021-03"),
    ("full_stop_next_sentence", "A timeline:\n\nMarch 2021. Halvard Sensors Inc. hit back. It sued Quillon Networks Ltd. over a router patent.", "2021-03"),
]


@pytest.mark.parametrize(("text", "date"), [r[1:] for r in TIMELINE_DATES], ids=[r[0] for r in TIMELINE_DATES])
def test_timeline_entry_date(text, date):
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    assert [p.date for p in facts.proceedings] == [date]


def test_award_on_the_patent_owners_appeal_stays_there():
    """The owner lost below and won on appeal, which awarded damages: the sum is the appeal court's."""
    text = ("Halvard Sensors Inc. sued Quillon Networks Ltd. over a router patent in Ohio in 2019 and lost. Halvard Sensors Inc. "
            "appealed, and in 2021 the Federal Circuit reversed and awarded Halvard Sensors Inc. $3,000,000 in damages.")
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    inf = [p for p in facts.proceedings if p.kind == "infringement"]
    assert inf and not any(a.role == "awarded" for a in inf[0].amounts), [(p.kind, p.amounts) for p in facts.proceedings]


SUBJECT_RELATIVE_DATES = [
    ("relative_clause_date_is_the_subjects",
     "Halvard Sensors Inc., which was spun out of a university lab in 2015, sued Quillon Networks Ltd. over router "
     "patents in March 2022.", "2022-03"),
    ("no_other_date_leaves_none",
     "Halvard Sensors Inc., which was founded in 2015, sued Quillon Networks Ltd. over router patents.", None),
    ("date_inside_the_filing_clause_stays",
     "Halvard Sensors Inc., which makes routers, sued Quillon Networks Ltd. over router patents in 2019.", "2019"),
]


@pytest.mark.parametrize(("text", "date"), [r[1:] for r in SUBJECT_RELATIVE_DATES], ids=[r[0] for r in SUBJECT_RELATIVE_DATES])
def test_date_in_a_relative_clause_on_the_subject_is_no_filing_date(text, date):
    facts = extract_document(Document(doc_id="t", text=text, lang="en"))
    assert [p.date for p in facts.proceedings] == [date], [(p.kind, p.date) for p in facts.proceedings]
