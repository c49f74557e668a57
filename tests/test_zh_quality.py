"""Chinese extraction on unseen wording: aliases in quotes, case names that name more
defendants, actions against someone the text does not name. Sentences written for the tests."""
from __future__ import annotations

import pytest

from patlit.extract import parties_zh, proceedings_zh
from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.extract.pipeline import extract_document
from patlit.model import Document


def parties_of(text: str):
    return parties_zh.extract(Context(text=text, lang="zh"), Mentions())


def proceedings_of(text: str):
    """The proceedings the whole pipeline assembles from a Chinese text."""
    return extract_document(Document(doc_id="t", text=text, lang="zh")).proceedings


def actions_of(text: str):
    ctx = Context(text=text, lang="zh")
    return proceedings_zh.find_actions(ctx, parties_zh.extract(ctx, Mentions()), Mentions())[0]


QUOTED_ALIASES = [
    pytest.param("原告晨光照明股份有限公司（以下简称“公司”或“晨光照明”）起诉被告北辰灯具有限公司。",
                 "晨光照明股份有限公司", ["晨光照明"], id="two-quoted-forms-joined-by-or"),
    pytest.param("深圳蓝湖仪器股份有限公司（以下简称“蓝湖仪器”，300999）起诉北辰灯具有限公司侵犯其专利权。",
                 "深圳蓝湖仪器股份有限公司", ["蓝湖仪器"], id="stock-code-after-the-quoted-form"),
    pytest.param("原告青峰机械制造有限公司（简称“青峰”、“青峰机械”）起诉被告北辰灯具有限公司。",
                 "青峰机械制造有限公司", ["青峰", "青峰机械"], id="list-of-quoted-forms"),
    pytest.param("原告青峰机械制造有限公司(以下简称青峰公司)起诉被告北辰灯具有限公司。",
                 "青峰机械制造有限公司", ["青峰公司"], id="unquoted-form"),
]


@pytest.mark.parametrize("text,name,aliases", QUOTED_ALIASES)
def test_quoted_aliases_never_cross_a_quote_mark(text, name, aliases):
    p = next(p for p in parties_of(text) if p.name == name)
    assert [a for a in p.aliases if a in aliases] == aliases
    assert not any(c in a for a in p.aliases for c in "“”\"，,")


def test_traditional_alias_given_twice_is_kept_once():
    text = "華光技術有限公司(簡稱華光)已對北辰燈具有限公司提起專利侵權訴訟。華光表示將繼續維權。"
    p = next(p for p in parties_of(text) if p.name == "華光技術有限公司")
    assert len(p.aliases) == len(set(p.aliases))


def test_case_name_naming_more_defendants_is_kept():
    text = ("青峰科技起诉北辰灯具。苏州市中级人民法院受理了青峰科技有限公司诉北辰灯具有限公司"
            "及其关联公司南湖照明有限公司侵害发明专利权纠纷案。")
    acts = actions_of(text)
    assert any("南湖照明有限公司" in a.respondents and "北辰灯具有限公司" in a.respondents for a in acts), acts


UNNAMED_OBJECT = [pytest.param(e["text"], e["claimant"], id=e["text"][:12])
                  for e in proceedings_zh.load_yaml(proceedings_zh.DATA)["unnamed_object_examples"]]


@pytest.mark.parametrize("sentence,claimant", UNNAMED_OBJECT)
def test_action_against_an_unnamed_company_borrows_no_respondent(sentence, claimant):
    text = "北辰灯具有限公司起诉青禾科技有限公司侵犯其专利权。" + sentence
    acts = actions_of(text)
    assert not any(a.claimants == ("青禾科技有限公司",) for a in acts), [(a.claimants, a.respondents) for a in acts]


@pytest.mark.parametrize("sentence", [
    pytest.param("青松电子有限公司对受诉法院的管辖权提出异议。", id="objection-after-jurisdiction"),
    pytest.param("青松电子有限公司提出管辖权异议。", id="jurisdiction-objection"),
])
def test_jurisdiction_objection_is_no_invalidation(sentence):
    acts = actions_of("白杨照明股份有限公司起诉青松电子有限公司。" + sentence)
    assert [a.kind for a in acts] == ["infringement"], [(a.kind, a.claimants) for a in acts]


DECLARATORY = [pytest.param(e["text"], e["claimants"], e["respondents"], id=f"declaratory-{i}")
               for i, e in enumerate(proceedings_zh.load_yaml(proceedings_zh.DATA)["declaratory_examples"])]


@pytest.mark.parametrize("text,claimants,respondents", DECLARATORY)
def test_suit_to_confirm_non_infringement_is_declaratory(text, claimants, respondents):
    acts = actions_of(text)
    assert [(a.kind, list(a.claimants), list(a.respondents)) for a in acts] == [("declaratory_judgment", claimants, respondents)]


SHORT_COURTS = [pytest.param(text, code, id=text[-12:]) for text, code in
                __import__("patlit.extract.courts_cn", fromlist=["examples"]).examples()
                if code and ("中院" in text or "高院" in text) and "。" in text.rstrip("。")]


@pytest.mark.parametrize("text,code", SHORT_COURTS)
def test_short_court_name_takes_the_full_name_the_document_gives(text, code):
    from patlit.extract import forums
    codes = {f.code for f in forums.extract(Context(text=text, lang="zh"))}
    assert codes == {code}


@pytest.mark.parametrize("sentence", [
    pytest.param("青松电子有限公司表示将积极应诉，并将视情况对涉案专利提出无效宣告请求。", id="depending-on-circumstances"),
    pytest.param("青松电子有限公司称将依法对涉案专利提出无效宣告请求。", id="will-by-law"),
    pytest.param("青松电子有限公司保留对白杨照明股份有限公司提起诉讼的权利。", id="reserves-the-right"),
])
def test_announced_intention_is_no_action(sentence):
    acts = actions_of("白杨照明股份有限公司起诉青松电子有限公司。" + sentence)
    assert [a.kind for a in acts] == ["infringement"], [(a.kind, a.claimants) for a in acts]


@pytest.mark.parametrize("text", [
    pytest.param("青松电子有限公司的美国子公司Northwind Optics LLC向美国国际贸易委员会提出337调查申请，指控白杨照明股份有限公司侵犯其专利。",
                 id="foreign-subsidiary"),
    pytest.param("青松电子有限公司的全资子公司青松光学有限公司向法院提起诉讼，指控白杨照明股份有限公司侵犯其专利。",
                 id="wholly-owned-subsidiary"),
])
def test_parent_named_before_its_subsidiary_takes_no_side(text):
    acts = actions_of(text)
    assert len(acts) == 1 and "青松电子有限公司" not in acts[0].claimants + acts[0].respondents, \
        [(a.kind, a.claimants, a.respondents) for a in acts]
    assert acts[0].respondents == ("白杨照明股份有限公司",)



def test_closing_dismissal_ends_the_one_appeal_told_with_fewer_appellants():
    # one appeal told with both appellants (the role list) and with one of them ("向本院提起上诉"),
    # and "驳回上诉，维持原判" many sentences later: it ends that appeal, told either way
    from patlit.extract.assemble import Action, Outcome

    text = "x" * 200
    both = Action(0, 5, text[0:5], "appeal", ("青松电子有限公司", "青松光学有限公司"), ("白杨照明股份有限公司",), 1)
    one = Action(20, 25, text[20:25], "appeal", ("青松电子有限公司",), ("白杨照明股份有限公司",), 3)
    closing = Outcome(150, 154, "驳回上诉", "respondent_won", 12, only_kind="appeal")
    actions = [both, one]
    proceedings_zh._late_outcomes(proceedings_zh.grammar(), Context(text=text, lang="zh"), actions, [closing])
    assert [a.outcome for a in actions] == ["respondent_won", "respondent_won"]


def test_the_above_subsidiaries_are_the_co_respondents_named_before():
    text = ("Northwind Optics LLC向美国国际贸易委员会提出申请，指控白杨照明股份有限公司及其子公司白杨光电有限公司侵犯其专利。"
            "同日，Northwind Optics LLC还向法院提起诉讼，起诉白杨照明股份有限公司及上述子公司。")
    acts = [a for a in actions_of(text) if a.kind == "infringement"]
    assert acts and set(acts[-1].respondents) == {"白杨照明股份有限公司", "白杨光电有限公司"}, \
        [(a.kind, a.claimants, a.respondents) for a in acts]


def test_announcer_declared_in_a_bracket_brings_the_invalidation_request():
    text = ("远航动力股份有限公司（“本公司”，连同其附属公司统称“本集团”）董事会宣布，本公司收到法院送达的民事起诉状。"
            "原告为石川重工株式会社，被告为本公司。"
            "本公司已就涉案专利向国家知识产权局提出无效宣告请求。")
    acts = actions_of(text)
    assert any(a.kind == "invalidation" and a.claimants == ("远航动力股份有限公司",) and a.respondents == ("石川重工株式会社",)
               for a in acts), [(a.kind, a.claimants, a.respondents) for a in acts]


def test_former_name_in_brackets_is_an_alias():
    text = "远航动力股份有限公司（前称“远航动力机械有限公司”）被石川重工株式会社起诉。"
    p = next(p for p in parties_of(text) if p.name == "远航动力股份有限公司")
    assert "远航动力机械有限公司" in p.aliases


@pytest.mark.parametrize("text,mode", [
    pytest.param("2023年5月10日，杭州市中级人民法院对青松电子有限公司起诉白杨照明股份有限公司侵害发明专利权纠纷一案作出一审判决。",
                 "reference", id="court-decides-the-case"),
    pytest.param("2023年5月10日，杭州市中级人民法院对青松电子有限公司起诉白杨照明股份有限公司侵害专利权纠纷两案公开开庭审理。",
                 "reference", id="court-hears-two-cases"),
    pytest.param("2023年5月10日，青松电子有限公司向杭州市中级人民法院起诉白杨照明股份有限公司侵害其发明专利权。",
                 "filing", id="filing-told"),
])
def test_suit_named_in_a_court_decision_takes_no_filing_date(text, mode):
    acts = actions_of(text)
    assert [a.mode for a in acts] == [mode]


def test_withdrawing_a_suit_is_no_new_suit():
    acts = actions_of("青松电子有限公司于2021年起诉白杨照明股份有限公司。2022年，青松电子有限公司撤回起诉。")
    assert len(acts) == 1, [(a.kind, a.text) for a in acts]


@pytest.mark.parametrize("text,claimant,respondent,outcome", [
    pytest.param("白杨照明股份有限公司与青松电子有限公司专利侵权纠纷案，一审法院判决白杨照明股份有限公司赔偿青松电子有限公司经济损失50万元。",
                 "青松电子有限公司", "白杨照明股份有限公司", "claimant_won", id="loser-pays"),
    pytest.param("青松电子有限公司与白杨照明股份有限公司侵害发明专利权纠纷一案，法院驳回了白杨照明股份有限公司的全部诉讼请求。",
                 "白杨照明股份有限公司", "青松电子有限公司", "respondent_won", id="loser-claims-dismissed"),
])
def test_two_sided_case_name_takes_its_direction_from_the_decision(text, claimant, respondent, outcome):
    acts = actions_of(text)
    assert [(a.claimants, a.respondents, a.outcome) for a in acts] == [((claimant,), (respondent,), outcome)]


def test_two_sided_dispute_without_a_decision_is_no_suit():
    assert actions_of("青松电子有限公司与白杨照明股份有限公司之间的专利纠纷仍在继续。") == []


@pytest.mark.parametrize("text,court", [
    pytest.param("青松电子有限公司起诉白杨照明股份有限公司。杭州市中级人民法院一审认定侵权成立，判赔300万元。",
                 "杭州市中级人民法院", id="court-decides-next-sentence"),
    pytest.param("青松电子有限公司起诉白杨照明股份有限公司。一审中，杭州市中级人民法院判决白杨照明股份有限公司赔偿100万元。",
                 "杭州市中级人民法院", id="first-instance-court"),
])
def test_court_deciding_in_the_next_sentence_is_the_suits_forum(text, court):
    procs = proceedings_of(text)
    assert [(p.kind, p.forum) for p in procs] == [("infringement", "cn-court:" + court)]


def test_office_deciding_validity_is_not_the_suits_forum():
    text = "青松电子有限公司起诉白杨照明股份有限公司。国家知识产权局作出审查决定，维持该专利权有效。"
    procs = proceedings_of(text)
    assert all(p.forum != "cnipa" for p in procs if p.kind == "infringement")


@pytest.mark.parametrize("text,mode", [
    pytest.param("青松电子有限公司（下称“青松”）诉白杨照明股份有限公司（Baiyang Lighting Co., Ltd.，下称“白杨”）侵害发明专利权纠纷一案已于2016年4月正式立案。",
                 "filing", id="case-filed-on"),
    pytest.param("青松电子有限公司诉白杨照明股份有限公司侵害发明专利权纠纷一案将于下月开庭。", "reference", id="case-to-be-heard"),
])
def test_case_name_dated_by_its_filing(text, mode):
    assert [a.mode for a in actions_of(text)] == [mode]


def test_patent_statement_naming_a_kind_restates_only_that_kind():
    text = ("国家知识产权局近日作出无效宣告请求审查决定，维持青松电子有限公司的发明专利（专利号：ZL201410000001.2）有效。"
            "该无效宣告请求由白杨照明股份有限公司于2020年11月提出。"
            "2012年6月，青松电子有限公司在杭州市中级人民法院起诉白杨商贸有限公司。"
            "2020年8月，青松电子有限公司向浙江省高级人民法院起诉白杨商贸有限公司、白杨照明股份有限公司。")
    procs = proceedings_of(text)
    first = next(p for p in procs if p.kind == "infringement" and p.date == "2012-06")
    assert first.respondents == ["白杨商贸有限公司"]


@pytest.mark.parametrize("text", [
    pytest.param("比亚青诉北京某车企案一审获赔。北京某新能源汽车股份有限公司被比亚青股份有限公司起诉。", id="anonymised-description"),
    pytest.param("原告诉称被告侵犯其专利权，本案已审结。", id="plaintiff-states"),
])
def test_case_name_between_short_names_needs_real_names(text):
    names = [p.name for p in parties_of(text)]
    assert not any("某" in n and "有限公司" not in n for n in names) and "原告" not in names and "被告" not in names, names


def test_listed_cases_are_suits_of_their_own():
    text = ("青禾光电股份有限公司（以下简称“公司”）就白岭影像有限公司侵害公司专利权事宜，向杭州市中级人民法院提起诉讼。具体如下：\n"
            "（一）案件一\n"
            "涉案专利：发明专利，专利号ZL201310000001.2\n"
            "诉讼请求：判令被告停止侵权，赔偿经济损失人民币800万元。\n"
            "（二）案件二\n"
            "涉案专利：实用新型专利，专利号ZL201620000002.5\n"
            "诉讼请求：判令被告停止侵权，赔偿经济损失人民币300万元。\n")
    procs = proceedings_of(text)
    suits = sorted((p for p in procs if p.kind == "infringement"), key=lambda p: p.patents)
    assert len(suits) == 2, [(p.patents, p.forum) for p in procs]
    assert [len(p.patents) for p in suits] == [1, 1] and suits[0].patents != suits[1].patents
    assert {p.forum for p in suits} == {"cn-court:杭州市中级人民法院"}


@pytest.mark.parametrize("sentence,outcomes", [
    pytest.param("法院判决被告不侵权。", [], id="not-infringing"),
    pytest.param("法院判决白杨照明股份有限公司侵权。", ["claimant_won"], id="infringing"),
    pytest.param("青松电子有限公司提起确认不侵权之诉。", [], id="declaratory-suit"),
])
def test_judged_infringing_wording(sentence, outcomes):
    ctx = Context(text=sentence, lang="zh")
    found = proceedings_zh.find_actions(ctx, parties_zh.extract(ctx, Mentions()), Mentions())[1]
    assert [o.outcome for o in found if o.outcome == "claimant_won"] == outcomes


def test_appeal_court_deciding_a_case_name_is_not_a_second_suit():
    text = ("浙江省高级人民法院对青松电子有限公司诉白杨照明股份有限公司侵害发明专利权纠纷上诉案作出二审判决，驳回上诉，维持原判。"
            "2019年5月，青松电子有限公司向杭州市中级人民法院起诉白杨照明股份有限公司。"
            "一审判决后，白杨照明股份有限公司不服，向浙江省高级人民法院提起上诉。")
    procs = proceedings_of(text)
    suits = [p for p in procs if p.kind == "infringement"]
    assert [p.forum for p in suits] == ["cn-court:杭州市中级人民法院"], [(p.kind, p.forum) for p in procs]
    assert [p.forum for p in procs if p.kind == "appeal"] == ["cn-court:浙江省高级人民法院"]


def test_same_day_is_the_day_named_just_before_and_a_supreme_court_application_keeps_its_court():
    text = ("2018年4月，青松电子有限公司向德国杜塞尔多夫地区法院起诉白杨照明股份有限公司。"
            "2020年8月27日，杜塞尔多夫法院作出一审判决，认定白杨照明股份有限公司构成侵权。"
            "同日，白杨照明股份有限公司向最高人民法院提出行为保全申请，请求禁止青松电子有限公司申请执行德国判决。")
    procs = proceedings_of(text)
    other = [p for p in procs if p.claimants == ["白杨照明股份有限公司"]]
    assert [(p.forum, p.date) for p in other] == [("cn-spc", "2020-08-27")], [(p.kind, p.forum, p.date) for p in procs]


def test_judgment_award_after_an_invalidation_paragraph_goes_to_the_suit():
    text = ("原告青松电子有限公司与被告白杨照明股份有限公司侵害实用新型专利权纠纷一案，本院于2020年5月12日立案。\n"
            "白杨照明股份有限公司辩称：其已于2020年7月向国家知识产权局提出无效宣告请求。\n"
            "国家知识产权局作出审查决定，维持涉案专利权有效。\n"
            "判决如下：被告白杨照明股份有限公司于本判决生效之日起十日内赔偿原告青松电子有限公司经济损失人民币40万元。\n")
    procs = proceedings_of(text)
    by_kind = {p.kind: [(a.value, a.role) for a in p.amounts] for p in procs}
    assert by_kind.get("invalidation") == [] and (400000, "awarded") in by_kind.get("infringement", []), by_kind


def test_parent_named_after_a_possessive_is_the_one_acting():
    text = ("2024年3月2日，白杨照明股份有限公司（以下简称“白杨照明”）起诉青松电子有限公司（以下简称“青松”）。"
            "2024年4月8日，青松的母公司Northwind Lighting, Inc.向美国国际贸易委员会提交337调查申请，"
            "指控白杨照明及白杨照明全资子公司白杨照明（美国）有限公司侵犯其美国专利。")
    itc = [p for p in proceedings_of(text) if p.kind == "itc_investigation"]
    assert [(p.claimants, p.respondents) for p in itc] == [
        (["Northwind Lighting, Inc."], ["白杨照明股份有限公司", "白杨照明（美国）有限公司"])], itc


@pytest.mark.parametrize("first,docketed,count,date", [
    ("2024年4月8日，青松电子有限公司向美国国际贸易委员会提交337调查申请，指控白杨照明股份有限公司侵权。",
     "ITC已于2024年5月9日决定立案调查。", 1, "2024-04-08"),
    ("青松电子有限公司向杭州市中级人民法院起诉白杨照明股份有限公司。", "法院已于2024年5月9日立案受理。", 1, "2024-05-09"),
    ("2018年1月11日，杭州市中级人民法院对青松电子有限公司起诉白杨照明股份有限公司一案作出一审判决。",
     "该案于2016年5月立案。", 1, "2016-05"),
], ids=["filing-dated-before-institution", "undated-filing-takes-docket-date", "judgment-date-is-no-filing-date"])
def test_docketing_restates_the_suit_told_before(first, docketed, count, date):
    procs = proceedings_of(first + docketed)
    assert [p.date for p in procs] == [date] * count, [(p.kind, p.date) for p in procs]


@pytest.mark.parametrize("measure,separate", [
    ("同时，青松电子有限公司向法院申请行为保全，请求责令白杨照明股份有限公司停止销售，并提供了80万元的担保金。", False),
    ("随后，青松电子有限公司向最高人民法院申请行为保全，请求责令白杨照明股份有限公司停止在德国申请禁令。", True),
    ("随后，青松电子有限公司申请禁诉令，要求白杨照明股份有限公司不得在德国申请执行。", True),
], ids=["measure-inside-the-suit", "measure-before-another-court", "anti-suit-injunction"])
def test_interim_measure_in_a_pending_suit_is_part_of_it(measure, separate):
    text = "2024年3月2日，青松电子有限公司向杭州市中级人民法院起诉白杨照明股份有限公司侵害其发明专利权。" + measure
    procs = proceedings_of(text)
    assert len(procs) == (2 if separate else 1), [(p.kind, p.forum, [(a.value, a.role) for a in p.amounts]) for p in procs]
    if not separate:
        assert (800000, "other") in [(a.value, a.role) for a in procs[0].amounts]


def test_case_decided_on_appeal_some_days_ago_is_the_appeal():
    text = ("记者从浙江省高级人民法院获悉，青松电子有限公司诉白杨照明股份有限公司侵害发明专利权纠纷一案日前二审宣判。"
            "2019年5月，青松电子有限公司向杭州市中级人民法院起诉白杨照明股份有限公司。"
            "一审判决后，白杨照明股份有限公司不服，向浙江省高级人民法院提起上诉。")
    procs = proceedings_of(text)
    assert [p.forum for p in procs if p.kind == "infringement"] == ["cn-court:杭州市中级人民法院"], \
        [(p.kind, p.forum) for p in procs]


def test_awards_spoken_of_in_general_decide_no_suit():
    text = ("白杨照明股份有限公司也曾在宁波市中级人民法院对青松电子有限公司提起诉讼，该案尚无结果。"
            "业内人士认为，高额判赔将促使企业重视研发。")
    assert [p.outcome for p in proceedings_of(text)] == [None]


def test_orders_listed_under_a_claims_heading_are_asked_for():
    text = ("一、本次诉讼的基本情况\n"
            "青松电子有限公司就白杨照明股份有限公司侵害公司发明专利权事宜，向杭州市中级人民法院提起诉讼，该院已于2024年2月26日立案受理。\n"
            "二、诉讼请求\n"
            "（一）案件一（涉案专利：ZL202010563218.3）\n"
            "1、判令三被告立即停止侵权；2、判令三被告连带赔偿原告经济损失人民币500万元。\n"
            "三、本次诉讼对公司的影响\n"
            "本次诉讼不会对公司日常经营产生不利影响。\n")
    procs = proceedings_of(text)
    assert [(p.kind, p.outcome) for p in procs] == [("infringement", None)]
    assert [(a.value, a.role) for a in procs[0].amounts] == [(5000000, "damages")]


def test_docketing_day_completes_a_filing_told_by_its_month():
    text = ("2023年11月，青松电子有限公司向苏州市中级人民法院起诉白杨照明股份有限公司侵害其发明专利权。"
            "该案已于2023年11月20日立案，目前尚未开庭审理。")
    assert [p.date for p in proceedings_of(text)] == ["2023-11-20"]


def test_cases_listed_by_number_are_suits_of_their_own_and_all_withdrawn():
    text = ("2019年11月，青松电子有限公司以白杨照明股份有限公司侵害其实用新型专利权为由，向北京知识产权法院提起两起诉讼，具体如下：\n"
            "1、案件一：涉案专利号为ZL201520128736.7，请求赔偿经济损失人民币300万元；\n"
            "2、案件二：涉案专利号为ZL201620541372.X，请求赔偿经济损失人民币200万元。\n"
            "2019年12月，白杨照明股份有限公司就上述两项专利向国家知识产权局提出无效宣告请求。\n"
            "近日，青松电子有限公司已向法院申请撤回对白杨照明股份有限公司的全部两起起诉，法院裁定准许撤诉。\n")
    procs = proceedings_of(text)
    suits = [p for p in procs if p.kind == "infringement"]
    assert [(p.date, p.forum, p.outcome, [a.value for a in p.amounts]) for p in suits] == [
        ("2019-11", "cn-bjipc", "withdrawn", [3000000]), ("2019-11", "cn-bjipc", "withdrawn", [2000000])], suits
    assert [p.outcome for p in procs if p.kind == "invalidation"] == [None]


def test_withdrawing_every_suit_under_an_agreement_is_a_settlement():
    text = ("青松电子有限公司向杭州市中级人民法院起诉白杨照明股份有限公司侵害其发明专利权。"
            "双方达成和解协议，青松电子有限公司撤回针对白杨照明股份有限公司的全部诉讼。")
    assert [p.outcome for p in proceedings_of(text)] == ["settled"]
