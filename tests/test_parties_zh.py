"""Chinese parties: role words, legal forms, brands, aliases, exclusions.

Table-driven from the examples in ``data/parties_zh.yaml``; every sentence here and
there is written for the tests.
"""
from __future__ import annotations

import pytest

from patlit.errors import DataFileError
from patlit.extract import parties_zh, zh_text
from patlit.extract.context import Context
from patlit.extract.overlaps import Mentions
from patlit.model import Party

LEX = parties_zh.lexicon()


def parties_of(text: str) -> list[Party]:
    return parties_zh.extract(Context(text=text, lang="zh"), Mentions())


def find(parties: list[Party], name: str) -> Party | None:
    return next((p for p in parties if name in p.names()), None)


ROLE_EXAMPLES = [(r["word"], r["example"]) for r in LEX.raw["roles"]]


@pytest.mark.parametrize("word,example", ROLE_EXAMPLES, ids=[w for w, _ in ROLE_EXAMPLES])
def test_role_word_introduces_a_party(word, example):
    got = parties_of(example["text"])
    assert example["party"] in [p.name for p in got], f"{word}: {[p.name for p in got]}"


ALIAS_EXAMPLES = LEX.raw["alias_examples"] + LEX.raw["brand_examples"]


@pytest.mark.parametrize("example", ALIAS_EXAMPLES, ids=[e["party"] + "/" + str(e["alias"]) for e in ALIAS_EXAMPLES])
def test_alias_examples(example):
    got = parties_of(example["text"])
    party = find(got, example["party"])
    assert party is not None and party.name == example["party"], [(p.name, p.aliases) for p in got]
    if example["alias"]:
        assert example["alias"] in party.aliases
    else:
        assert party.aliases == []


BARE_EXAMPLES = LEX.raw["bare_names"]["examples"]


@pytest.mark.parametrize("example", BARE_EXAMPLES, ids=[e["name"] for e in BARE_EXAMPLES])
def test_unknown_short_name_next_to_a_suing_verb(example):
    got = parties_of(example["text"])
    assert example["name"] in [p.name for p in got], [p.name for p in got]


NOT_BARE = [
    ("pronoun", "它用来起诉金鹿机电有限公司的专利来自一家美国企业。"),
    ("time", "青松电子有限公司3月起诉了海鸥精密制造有限公司，7月初再向法院起诉金鹿机电有限公司。"),
    ("noun phrase", "金鹿机电有限公司向法院提起诉讼一事已获受理。"),
    ("ended in", "青松电子有限公司曾起诉海鸥精密制造有限公司，该案以青松电子有限公司撤回起诉告终。"),
    ("time limit", "青松电子有限公司不服决定的，可以自收到本决定之日起三个月内向法院起诉。"),
    ("same patent", "海鸥精密制造有限公司称，同一专利对多名被告提起诉讼会产生多个案号。"),
    ("subsidiaries", "金鹿机电有限公司（连同其附属公司统称“金鹿集团”）宣布，青松电子有限公司已起诉金鹿机电有限公司。"),
    ("connective", "金鹿机电有限公司一方面请求宣告专利无效；另一方面向法院起诉青松电子有限公司。"),
]


@pytest.mark.parametrize("case,text", NOT_BARE, ids=[c for c, _ in NOT_BARE])
def test_no_bare_name_from_fragments(case, text):
    names = [p.name for p in parties_of(text)]
    assert all(n.endswith("有限公司") for n in names), names


LEADS = [
    "记者从青松电子有限公司获悉，该公司已起诉白杨照明股份有限公司。",
    "据青松电子有限公司披露，其已起诉白杨照明股份有限公司。",
    "日前青松电子有限公司起诉了白杨照明股份有限公司。",
]


@pytest.mark.parametrize("text", LEADS, ids=["记者从", "据", "日前"])
def test_reporting_words_do_not_start_a_name(text):
    assert sorted(p.name for p in parties_of(text)) == ["白杨照明股份有限公司", "青松电子有限公司"]


def test_a_name_does_not_run_over_another():
    text = "晨光材料股份有限公司近日收到北斗精密株式会社的民事起诉状，三星显示株式会社也被列为被告。"
    names = sorted(p.name for p in parties_of(text))
    assert names == ["三星显示株式会社", "北斗精密株式会社", "晨光材料股份有限公司"]


def test_japanese_legal_form_written_first():
    text = "株式会社青木(以下简称青木)认为金桥电器有限公司侵害其发明专利权，向法院提起诉讼。"
    got = parties_of(text)
    assert find(got, "株式会社青木") is not None and "青木" in find(got, "株式会社青木").aliases


def test_bare_name_running_into_a_known_name_is_that_name():
    text = "原告金桥电器有限公司(以下简称金桥)起诉被告青松电子有限公司。金桥亦在上海起诉青松电子有限公司。"
    assert sorted(p.name for p in parties_of(text)) == sorted(["青松电子有限公司", "金桥电器有限公司"])


def test_generic_words_in_alias_brackets_are_no_aliases():
    text = ("远航动力股份有限公司(以下简称“公司”)及全资子公司远航动力(香港)有限公司(以下合称“被申请人”)"
            "被北斗精密株式会社起诉。")
    got = parties_of(text)
    assert find(got, "远航动力股份有限公司").aliases == []
    assert find(got, "远航动力(香港)有限公司").aliases == []


def test_one_character_word_inside_a_name_does_not_cut_it():
    text = "华为起诉三星以及深圳市南方韵和科技有限公司侵权。"
    assert find(parties_of(text), "深圳市南方韵和科技有限公司") is not None


def test_verbs_end_a_name():
    text = "云杉软件有限公司请求确认其产品未侵犯北方数据科技有限公司的专利，并向法院起诉。"
    names = [p.name for p in parties_of(text)]
    assert "北方数据科技有限公司" in names


@pytest.mark.parametrize("text,name", [
    ("青禾家居有限公司发现北方数据科技有限公司仿制了其外观设计。", "北方数据科技有限公司"),
    ("法院查明云杉软件有限公司销售了被诉产品。", "云杉软件有限公司"),
    ("请求判令被告共同承担青禾家居有限公司为制止侵权支付的合理开支。", "青禾家居有限公司"),
], ids=["noticed", "court-found", "costs-borne"])
def test_verbs_before_a_name_are_not_part_of_it(text, name):
    names = [p.name for p in parties_zh.candidates(Context(text=text, lang="zh"))]
    assert name in names and not any(n.endswith(name) and n != name for n in names), names


def test_bare_company_after_a_bearing_verb_is_no_party():
    text = "江北机电有限公司（以下简称公司）起诉被告。请求判令被告共同承担公司为制止侵权支付的合理开支。"
    assert not any("承担" in p.name for p in parties_zh.candidates(Context(text=text, lang="zh")))


def test_anonymised_name_has_no_short_form_without_its_tail():
    text = "原告青禾家居有限公司起诉被告苏州某科技有限公司和被告苏州某电子有限公司。苏州某公司称其不侵权。"
    got = parties_of(text)
    assert not any("苏州某公司" in p.aliases for p in got), [(p.name, p.aliases) for p in got]


def test_every_mention_points_at_the_text():
    text = "原告晨星电子有限公司(以下简称晨星)起诉被告鹏程科技股份有限公司，晨星请求赔偿。"
    for p in parties_of(text):
        assert p.mentions
        for m in p.mentions:
            assert text[m.start:m.end] == m.text


def test_short_form_used_elsewhere_is_an_alias():
    text = "青岛澜海百货有限公司被列为被告之一。原告称，澜海销售了侵权产品。原告白鹭电子有限公司起诉澜海。"
    p = find(parties_of(text), "青岛澜海百货有限公司")
    assert p is not None and "澜海" in p.aliases


def test_first_characters_of_a_name_are_its_short_form():
    text = "原告奥克斯空调股份有限公司起诉被告美菱电器有限公司。奥克斯表示，美菱的产品侵犯了其专利。"
    got = parties_of(text)
    assert "奥克斯" in find(got, "奥克斯空调股份有限公司").aliases
    assert "美菱" in find(got, "美菱电器有限公司").aliases
    assert len(got) == 2


def test_unknown_short_name_inside_a_full_name_is_an_alias():
    text = "2022年，飞利浦在杜塞尔多夫起诉了晨星电子有限公司。原告皇家飞利浦有限公司称其专利被侵犯。"
    got = parties_of(text)
    philips = find(got, "飞利浦")
    assert philips is not None and philips.name == "皇家飞利浦有限公司"


def test_two_character_prefix_needs_a_word_boundary():
    text = "原告北方数据科技有限公司起诉被告南湖电子有限公司。北方地区的用户较多。"
    assert find(parties_of(text), "北方数据科技有限公司").aliases == []


def test_brand_is_an_alias_of_the_full_name_it_stands_for():
    text = "华为技术有限公司起诉了一家手机厂商。此前，三星对华为提起诉讼。"
    got = parties_of(text)
    huawei = find(got, "华为")
    assert huawei is not None and huawei.name == "华为技术有限公司"
    assert find(got, "三星").name == "三星"


def test_brand_goes_to_the_company_named_for_it():
    text = "苹果公司起诉OPPO。苹果公司和苹果电脑贸易(上海)有限公司向法院对广东欧珀移动通信有限公司提起诉讼，苹果表示…"
    got = parties_of(text)
    assert sorted(p.name for p in got) == sorted(["苹果公司", "苹果电脑贸易(上海)有限公司", "广东欧珀移动通信有限公司"])
    assert "苹果" in find(got, "苹果公司").aliases
    assert "OPPO" in find(got, "广东欧珀移动通信有限公司").aliases


def test_brand_full_name_listed_in_the_lexicon_without_legal_form():
    text = "中兴通讯向德国法院起诉了一家美国公司旗下的飞鹰通信有限公司。"
    got = parties_of(text)
    assert find(got, "中兴通讯") is not None


def test_anonymised_names_are_kept_as_written():
    text = "上诉人宁波**有限公司因与被上诉人温州某照明公司侵害外观设计专利权纠纷一案，不服一审判决。"
    names = [p.name for p in parties_of(text)]
    assert "宁波**有限公司" in names and "温州某照明公司" in names


def test_person_after_role_word():
    text = "原告欧阳明远诉称，被告青禾家居有限公司仿制了其外观设计。"
    got = parties_of(text)
    person = find(got, "欧阳明远")
    assert person is not None and person.kind == "person"


def test_announcing_company_is_the_one_called_company():
    example = LEX.raw["announcement"]["example"]
    got = parties_of(example["text"])
    assert example["party"] in [p.name for p in got]
    assert all(p.name != "公司" for p in got)


def test_traditional_characters_are_read_like_simplified():
    text = "原告華光電器有限公司起訴被告遠東貿易有限公司侵犯其專利權。"
    names = [p.name for p in parties_of(text)]
    assert names == ["華光電器有限公司", "遠東貿易有限公司"]


EXCLUDED = [
    ("court", "原告明德机械有限公司向江苏省无锡市中级人民法院起诉被告华茂纺织有限公司。", "江苏省无锡市中级人民法院"),
    ("law firm", "原告明德机械有限公司起诉被告华茂纺织有限公司。委托诉讼代理人：周文，北京恒信律师事务所律师。", "北京恒信律师事务所"),
    ("agent", "原告明德机械有限公司起诉被告华茂纺织有限公司。委托诉讼代理人：周文，北京恒信律师事务所律师。", "周文"),
    ("legal representative", "被告华茂纺织有限公司，法定代表人：吴海涛。原告明德机械有限公司起诉华茂纺织有限公司。", "吴海涛"),
    ("patent agency", "原告明德机械有限公司起诉被告华茂纺织有限公司，代理机构为上海智联专利代理有限公司。", "上海智联专利代理有限公司"),
    ("former owner", "涉案专利此前的专利权人为海港技术有限公司，后转让给原告明德机械有限公司，原告起诉了华茂纺织有限公司。", "海港技术有限公司"),
    ("context company", "小米需要使用高通、诺基亚等公司的专利。原告明德机械有限公司起诉华茂纺织有限公司。", "高通"),
    ("list with 等", "原告明德机械有限公司起诉被告华茂纺织有限公司、远山贸易等公司。", "远山贸易等公司"),
    ("media", "据新华财经日报报道，原告明德机械有限公司起诉被告华茂纺织有限公司。", "新华财经日报"),
    ("joint liability", "原告明德机械有限公司起诉被告华茂纺织有限公司，请求判令两被告连带赔偿损失50万元。", "连带赔"),
]


@pytest.mark.parametrize("case,text,name", EXCLUDED, ids=[c for c, _, _ in EXCLUDED])
def test_not_a_party(case, text, name):
    got = parties_of(text)
    assert find(got, name) is None, [p.name for p in got]
    assert find(got, "明德机械有限公司") is not None


def test_hypothetical_you_and_them_are_not_parties():
    text = "如果你的专利被他人侵犯，你可以向被告住所地的人民法院起诉对方，要求对方赔偿损失。"
    assert parties_of(text) == []


@pytest.mark.xfail(strict=True, reason="a name split across a line break is not joined")
def test_name_broken_by_a_line():
    text = "原告长风光电\n科技有限公司起诉被告华茂纺织有限公司。"
    assert find(parties_of(text), "长风光电科技有限公司") is not None


def test_bad_data_file_is_reported(monkeypatch):
    monkeypatch.setattr(parties_zh, "load_yaml", lambda name: {"roles": [{"word": "原告", "side": "plaintiff"}]})
    parties_zh.lexicon.cache_clear()
    try:
        with pytest.raises(DataFileError, match="parties_zh.yaml"):
            parties_zh.lexicon()
    finally:
        monkeypatch.undo()
        parties_zh.lexicon.cache_clear()


def test_fold_keeps_offsets():
    text = "華為（深圳）訴訟"
    folded = zh_text.fold(text)
    assert len(folded) == len(text) and folded == "华为(深圳)诉讼"


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_PIECES = [
    "原告", "被告", "上诉人", "(原审原告)", "以下简称", "(", ")", "“", "”", "合称", "、", "，", "。", "：",
    "青松", "电子", "有限公司", "股份", "公司", "本公司", "华为", "三星", "OPPO", "Acme Devices Inc.", "某",
    "**", "起诉", "诉", "对", "向", "法院", "律师事务所", "王", "立新", "公告", "董事会", "等", "\n", "華為",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PIECES), max_size=40))
def test_any_text_gives_parties_with_valid_mentions(pieces):
    text = "".join(pieces)
    for p in parties_of(text):
        assert p.name and p.name not in p.aliases
        for m in p.mentions:
            assert text[m.start:m.end] == m.text and m.party == p.name


def test_bad_variant_table_is_reported(monkeypatch):
    monkeypatch.setattr(zh_text, "load_yaml", lambda name: {"pairs": ["訴诉訟"]})
    zh_text._fold_table.cache_clear()
    try:
        with pytest.raises(DataFileError, match="zh_variants.yaml"):
            zh_text._fold_table()
    finally:
        monkeypatch.undo()
        zh_text._fold_table.cache_clear()
        zh_text.fold.cache_clear()


def test_declared_short_form_shows_where_a_cut_name_begins():
    # 的 ends names ("X的产品"), but here it is inside one; the declared short form spans it
    text = "调查发现，广东鹿的精工设备有限公司（以下简称“鹿的精工”）销售的产品落入保护范围。青松电子有限公司遂起诉鹿的精工。"
    names = {p.name: p.aliases for p in parties_of(text)}
    assert "广东鹿的精工设备有限公司" in names, names
    assert "鹿的精工" in names["广东鹿的精工设备有限公司"]
