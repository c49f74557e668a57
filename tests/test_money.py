"""Money extractor: amounts, currencies, conversions and litigation roles (en + zh).

The first half is table-driven from ``data/money.yaml`` (every table's examples);
the second half is sentences written for these tests.
"""
from __future__ import annotations

import re
import subprocess
import sys

import pytest
import yaml

from patlit.errors import DataFileError
from patlit.extract import money
from patlit.extract.context import Context
from patlit.extract.money_data import CUE_CLASSES, DATA_PATH, lexicon, parse
from patlit.model import MoneyMention

LEX = lexicon()


def run(text: str, lang: str | None = None) -> list[MoneyMention]:
    lang = lang or ("zh" if any("\u4e00" <= ch <= "\u9fff" for ch in text) else "en")
    return money.extract(Context(text=text, lang=lang))


def kept(text: str, lang: str | None = None) -> list[tuple[float, str, str]]:
    """What the pipeline keeps: litigation amounts that are not conversions."""
    return [(m.value, m.currency, m.role) for m in run(text, lang) if m.role is not None and not m.converted]


def find(text: str, amount: str, lang: str | None = None) -> MoneyMention:
    mentions = run(text, lang)
    start = text.index(amount)
    hits = [m for m in mentions if m.start <= start < m.end]
    assert hits, f"{amount!r} not found in {text!r}: {mentions}"
    return hits[0]


def _short(text: str, n: int = 40) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


# --------------------------------------------------------------------------- table-driven

CURRENCY_EXAMPLES = [(c.code, ex["text"], ex["value"]) for c in LEX.currencies for ex in c.examples]


@pytest.mark.parametrize("code,text,value", CURRENCY_EXAMPLES, ids=[f"{c}:{t}" for c, t, _ in CURRENCY_EXAMPLES])
def test_currency_examples(code, text, value):
    mentions = run(text)
    assert len(mentions) == 1, mentions
    m = mentions[0]
    assert (m.text, m.currency) == (text, code)
    assert m.value == pytest.approx(value)


SCALE_EN = [(s.word, ex) for s in LEX.scales_en for ex in s.examples]


@pytest.mark.parametrize("word,text", SCALE_EN, ids=[f"{w}:{t}" for w, t in SCALE_EN])
def test_english_scale_examples(word, text):
    scale = next(s for s in LEX.scales_en if s.word == word)
    if text[0].isdigit():  # a bare number: only next to a cue, in a document with a currency before
        text = f"It claimed RMB 2 million and costs of {text}."
    m = find(text, text.split()[-1].rstrip("."))
    digits = float(re.search(r"\d[\d,]*(?:\.\d+)?", m.text).group().replace(",", ""))
    assert m.value == pytest.approx(digits * scale.value)


SCALE_ZH = list(LEX.scale_zh_examples)


@pytest.mark.parametrize("text", SCALE_ZH, ids=SCALE_ZH)
def test_chinese_scale_examples(text):
    mentions = run(text)
    assert [m.text for m in mentions] == [text]
    number = float("".join(ch for ch in text if ch.isdigit() or ch == "."))
    scale = 1
    for ch in text:
        scale *= LEX.scales_zh.get(ch, 1)
    assert mentions[0].value == pytest.approx(number * scale)


CONTEXT_SYMBOLS = [(ex["text"], ex["lang"], ex["currency"]) for c in LEX.context_symbols for ex in c.examples]


@pytest.mark.parametrize("text,lang,currency", CONTEXT_SYMBOLS, ids=[_short(t) for t, _, _ in CONTEXT_SYMBOLS])
def test_context_symbol_examples(text, lang, currency):
    assert [m.currency for m in run(text, lang)] == [currency]


ROLE_EXAMPLES = [
    (lang, name, ex["text"], ex["amount"], ex["role"])
    for lang in ("en", "zh")
    for name in CUE_CLASSES
    for ex in LEX.cues[lang][name].examples
]


@pytest.mark.parametrize(
    "lang,cls,text,amount,role", ROLE_EXAMPLES, ids=[f"{lang}-{c}:{_short(t)}" for lang, c, t, _, _ in ROLE_EXAMPLES]
)
def test_cue_examples(lang, cls, text, amount, role):
    m = find(text, amount, lang)
    assert m.text == amount
    assert m.role == role


GOVERNOR_EXAMPLES = [(ex["text"], ex["lang"], ex["amount"], ex["role"]) for ex in LEX.governor_examples]


@pytest.mark.parametrize("text,lang,amount,role", GOVERNOR_EXAMPLES, ids=[_short(t) for t, *_ in GOVERNOR_EXAMPLES])
def test_governor_examples(text, lang, amount, role):
    assert find(text, amount, lang).role == role


AGGREGATES = [(ex["text"], ex["lang"], ex["amount"], ex.get("role")) for ex in LEX.aggregate_examples]


@pytest.mark.parametrize("text,lang,amount,role", AGGREGATES, ids=[_short(t) for t, *_ in AGGREGATES])
def test_aggregate_examples(text, lang, amount, role):
    """A total across cases has no role; a total within one claim (role given) keeps its role."""
    assert find(text, amount, lang).role == role


CONVERSIONS = [(ex["text"], ex["lang"], ex["converted"]) for ex in LEX.conversion_examples]


@pytest.mark.parametrize("text,lang,converted", CONVERSIONS, ids=[_short(t) for t, _, _ in CONVERSIONS])
def test_conversion_examples(text, lang, converted):
    mentions = run(text, lang)
    flagged = [m.text for m in mentions if m.converted]
    assert flagged == [converted]
    assert len([m for m in mentions if not m.converted and m.role is not None]) == 1


TABLES = [(ex["text"], ex["lang"], ex["amount"], ex["role"]) for ex in LEX.table_examples]


@pytest.mark.parametrize("text,lang,amount,role", TABLES, ids=[_short(t.split("\n")[1]) for t, *_ in TABLES])
def test_table_examples(text, lang, amount, role):
    assert find(text, amount, lang).role == role


# --------------------------------------------------------------------------- own sentences

AMOUNTS = [
    # text, expected kept (value, currency, role) list
    ("Acme sued Beta and is seeking $125 million.", [(125e6, "USD", "damages")]),
    ("The jury awarded Gamma US$1.2 billion on Friday.", [(1.2e9, "USD", "awarded")]),
    ("Delta wants damages of EUR 2.5m from Epsilon.", [(2.5e6, "EUR", "damages")]),
    ("The High Court ordered Zeta to pay £2m in damages.", [(2e6, "GBP", "awarded")]),
    ("Eta claims CNY 10,000 in compensation.", [(10000, "CNY", "damages")]),
    ("Theta asked for JPY 300 million in damages from Iota.", [(3e8, "JPY", "damages")]),
    ("Kappa is demanding KRW 5 billion from Lambda.", [(5e9, "KRW", "damages")]),
    ("The verdict of $315.7M was the fourth largest.", [(315.7e6, "USD", "awarded")]),
    ("Mu settled with Nu for $20 million.", [(20e6, "USD", "settlement")]),
    ("Xi must post a bond of $5 million pending appeal.", [(5e6, "USD", "other")]),
    # the claim and the costs in one sentence, each from its own clause
    (
        "Omicron asked the court to order Pi to compensate economic losses of RMB 30 million and "
        "reasonable rights protection costs of RMB 450,000.",
        [(30e6, "CNY", "damages"), (450000, "CNY", "costs")],
    ),
    # asked and awarded in one sentence
    (
        "Rho had sought $40 million, but the jury awarded only $9 million.",
        [(40e6, "USD", "damages"), (9e6, "USD", "awarded")],
    ),
    # currency inherited by a bare number next to a cost cue
    (
        "Sigma claimed RMB 20 million. Sigma also wants reasonable costs of 2 million.",
        [(20e6, "CNY", "damages"), (2e6, "CNY", "costs")],
    ),
    # ... but not from a conversion
    (
        "Sigma claimed RMB 20 million ($3 million) and reasonable costs of 2 million.",
        [(20e6, "CNY", "damages"), (2e6, "CNY", "costs")],
    ),
    # a bare number with no currency before it in the document: dropped
    ("The firm wants reasonable costs of 2 million.", []),
    # not money, not litigation
    ("HPE holds more than 10,000 patents and an 11.1% share; 27 companies joined.", []),
    ("The company put billions of dollars into R&D.", []),
    ("Tau, valued at $54 billion, was sued by Upsilon.", []),
    ("Phi's revenue was $3.2 billion in 2023.", []),
    ("Chi acquired the unit for $400 million.", []),
    ("The jury gave $58M for the first patent to the company.", [(58e6, "USD", "awarded")]),
    ("After Omega sued Psi over three patents and a trade secret, Psi's business lost $50 million.", []),
    # Chinese
    ("原告请求判令被告赔偿经济损失75万元及维权合理开支11万元。", [(750000, "CNY", "damages"), (110000, "CNY", "costs")]),
    ("甲公司起诉乙公司,索赔 8050 万元。", [(80500000, "CNY", "damages")]),
    ("甲公司向乙公司索赔 8050 万,索赔金额合计 1.61 亿元。", [(80500000, "CNY", "damages"), (161e6, "CNY", "damages")]),
    ("原告要求被告赔偿人民币一百二十三万元。", [(1230000, "CNY", "damages")]),
    ("原告要求被告赔偿壹佰万元。", [(1000000, "CNY", "damages")]),
    ("原告要求被告赔偿两千万元。", [(2e7, "CNY", "damages")]),
    ("原告要求被告赔偿一千二百三十四万五千元。", [(12345000, "CNY", "damages")]),
    ("一审判决被告赔偿三十余万元。", [(300000, "CNY", "awarded")]),
    ("原告索赔五千万。", [(5e7, "CNY", "damages")]),
    ("原告索赔三十。", []),
    ("The court in Munich awarded EUR 5.000.000 to the claimant.", [(5e6, "EUR", "awarded")]),
    (
        "Acme claimed $3 million. It seeks damages for infringement of U.S. Patent No. 8,218,566.",
        [(3e6, "USD", "damages")],
    ),
    ("原告要求赔偿1.5亿。", [(1.5e8, "CNY", "damages")]),
    ("原告在美国起诉,索赔3000万美元。", [(3e7, "USD", "damages")]),
    ("原告索赔US$5000万。", [(5e7, "USD", "damages")]),
    ("原告索赔RMB 1.5亿元。", [(1.5e8, "CNY", "damages")]),
    ("原告向被告索赔港币500万元。", [(5e6, "HKD", "damages")]),
    ("法院判決被告須賠償原告新台幣1200萬元。", [(1.2e7, "TWD", "awarded")]),
    ("一審法院判決被告賠償經濟損失300萬元。", [(3e6, "CNY", "awarded")]),
    ("陪審團裁定被告應賠償2.79億美元(相當於約20億元人民幣)。", [(2.79e8, "USD", "awarded")]),
    ("法院判赔50万元,并判令被告承担合理开支3万元。", [(500000, "CNY", "awarded"), (30000, "CNY", "awarded")]),
    ("双方最终以500万元达成和解。", [(5e6, "CNY", "settlement")]),
    ("法院要求原告提供200万元担保。", [(2e6, "CNY", "other")]),
    ("涉案金额为人民币3550万元。", [(35.5e6, "CNY", "damages")]),
    ("该公司市值 117億美元,员工33,000 多名。", []),
    ("1960年,该公司花费3200萬美元买下一家公司。", []),
    ("两家公司之间的诉讼累计索赔金额已达4.1亿元。", []),
    ("公司估值大约540亿美元。", []),
    ("该公司拥有专利10万件,索赔案件20起。", []),
    ("一次出手便是20亿元。", []),
]


@pytest.mark.parametrize("text,expected", AMOUNTS, ids=[_short(t) for t, _ in AMOUNTS])
def test_amounts_and_roles(text, expected):
    got = kept(text)
    assert len(got) == len(expected), got
    for (v, c, r), (ev, ec, er) in zip(got, expected):
        assert (c, r) == (ec, er)
        assert v == pytest.approx(ev)


ROLES = [
    ('The Federal Circuit affirmed a $20 million damages award against Cisco.', ['awarded']),
    ('Last year, a Texas jury hit Apple with a $300 million verdict in the Optis case.', ['awarded']),
    ('Optis had asked jurors for roughly $400 million in damages.', ['damages']),
    ('The patents were bought from Ericsson in a $100 million transaction in 2019.', [None]),
    ('After a retrial, the damages were reduced to $109 million.', ['awarded']),
    ('Judge Albright later awarded $75 million in enhanced damages.', ['awarded']),
    ("The defendant also seeks attorneys' fees of about $1.2 million under Section 285.", ['costs']),
    ("The court awarded attorneys' fees of $4.9 million to the prevailing party.", ['awarded']),
    ('The startup raised $30 million in a Series B round led by Sequoia.', [None]),
    ('原告在诉状中请求法院判令被告赔偿其经济损失人民币5,000万元。', ['damages']),
    ('法院最终判定被告赔偿原告经济损失共计人民币850万元。', ['awarded']),
    ('涉案专利权人提出的索赔总额高达2.3亿元。', ['damages']),
    ('據該公司年報,其2022年營業額為250億新台幣。', [None]),
    ('台灣智慧財產法院判決被告應賠償原告新台幣1.2億元。', ['awarded']),
    ('原告向法院提出的訴訟請求包括:賠償經濟損失人民幣3000萬元。', ['damages']),
    ('判决生效后,被告已向原告支付判赔款100万元。', ['awarded']),
    ('In its complaint, Nokia asks for unspecified damages and an injunction, and values its claim at more than EUR 100 million.', ['damages']),
    ('A Delaware jury on Thursday returned a verdict ordering Gilead to pay Idenix $2.54 billion.', ['awarded']),
    ('The judge tripled the damages to $1.2 billion after finding willful infringement.', ['awarded']),
    ('Qualcomm, which earns about $6 billion a year from licensing, denied wrongdoing.', [None]),
    ('Masimo is seeking more than $3 billion in lost profits and royalties.', ['damages']),
    ('Under the agreement, Samsung will pay Ericsson a lump sum of $650 million.', ['settlement']),
    ("The court granted VirnetX's motion and entered judgment for $502.8 million.", ['awarded']),
    ('原告诉至法院,请求判令被告赔偿经济损失2000万元。', ['damages']),
    ('经审理,法院判决被告赔偿原告经济损失及合理支出共计120万元。', ['awarded']),
    ('该公司公告称,本次诉讼的标的金额为人民币1.08亿元。', ['damages']),
    ('该公司上半年实现营业收入12.5亿元,同比增长18%。', [None]),
    ('二审法院维持了一审判决,被告须赔偿原告300万元。', ['awarded']),
    ('双方于2023年达成和解,被告一次性支付原告800万元。', ['settlement']),
    ('法院裁定申请人提供担保金额人民币100万元后,准许其诉前禁令申请。', ['other']),
    ('高通在起诉书中要求苹果赔偿至少10亿美元。', ['damages']),
    ('美国联邦陪审团裁定,三星需向Netlist赔偿3.03亿美元。', ['awarded']),
    ('据统计,2022年全国法院审结的专利案件判赔总额超过10亿元,累计案件数超过3万件。', [None]),
    ('华为在深圳中院起诉三星,索赔金额为8000万元人民币,另索赔合理开支50万元。', ['damages', 'costs']),
    ('华为公司诉三星公司侵害发明专利权纠纷案一审判决三星赔偿华为8000万元,创下国内专利侵权赔偿的新纪录。', ['awarded']),
    ('根据判决,苹果需向高通支付3100万美元赔偿。', ['awarded']),
    ('此前一审法院判赔500万元,二审改判为1000万元。', ['awarded', 'awarded']),
    ('截至目前,华为已累计向苹果收取专利费超过10亿元。', [None]),
    ('华为2023年专利许可收入约5.6亿美元。', [None]),
    ('该案判决生效后,被告履行了赔偿义务,支付了全部款项300万元。', ['awarded']),
    ('原告的诉讼请求金额共计约人民币1.2亿元。', ['damages']),
    ('公司作为被告涉及的诉讼金额合计为5,000万元。', ['damages']),
    ('原告申请诉前保全,保全金额1000万元。', ['other']),
    ('Apple agreed to a $113 million settlement with the patent holder.', ['settlement']),
    ('The award includes $200 million in prejudgment interest.', ['awarded']),
    ('Masimo sought $1.8 billion from Apple.', ['damages']),
    ('It was the third-largest patent verdict ever, behind $2.5 billion against Gilead.', ['awarded']),
    ('袁弓夷起诉小米,索赔5000万元人民币。', ['damages']),
    ('美國陪審團裁定,大疆須向德事隆支付2.79億美元。', ['awarded']),
    ('德事隆在美國起訴大疆,索償3.67億美元。', ['damages']),
    ('德事隆市值約117億美元,員工逾33,000名。', [None]),
    ('Apple was ordered to pay $1.1 billion to Caltech.', ['awarded']),
    ('A federal jury in Texas on Friday ordered Apple to pay $308.5 million for infringing a patent.', ['awarded']),
    ('The verdict, which totaled $506 million, was the largest this year.', ['awarded']),
    ('VLSI had sought as much as $7.1 billion in damages.', ['damages']),
    ('Qualcomm agreed to pay Apple $4.5 billion to settle the dispute.', ['settlement']),
    ('Ericsson will receive a one-time payment of $400 million as part of the settlement.', ['settlement']),
    ('The jury found Samsung liable and awarded $539 million in damages to Apple.', ['awarded']),
    ('The Federal Circuit affirmed the $85 million judgment.', ['awarded']),
    ('The company, which generated $2.3 billion in revenue last year, denied the claims.', [None]),
    ("Netlist's damages expert asked the jury for $1.3 billion.", ['damages']),
    ('The district court later reduced the award to $300 million.', ['awarded']),
    ('The court granted a preliminary injunction and required a bond of €1 million.', ['other']),
    ('The ITC investigation involves products worth $5 billion in annual imports.', [None]),
    ('The settlement reportedly exceeds $100 million.', ['settlement']),
    ('The plaintiff seeks damages of more than $10 million.', ['damages']),
    ('In 2019 Apple paid Qualcomm about $4.5 billion as part of a settlement.', ['settlement']),
    ('Wang is asking for 5 million yuan ($770,000) in compensation.', ['damages']),
    ('The court awarded the plaintiff RMB 3 million ($460,000) in damages.', ['awarded']),
    ('Huawei filed a 100 million yuan lawsuit against Samsung.', ['damages']),
    ('The complaint seeks damages in excess of $75,000.', ['damages']),
    ('The jury awarded $2.1 million, and the judge later added $500,000 in attorney fees.', ['awarded', 'awarded']),
    ("Apple's market capitalization topped $3 trillion.", [None]),
    ('VLSI Technology LLC won a $2.18 billion verdict against Intel.', ['awarded']),
    ('Samsung must pay $191 million, the court said.', ['awarded']),
    ('It is the largest patent verdict in history at $2.5 billion.', ['awarded']),
    ('PanOptis seeks to recover at least $20 million.', ['damages']),
    ('Xiaomi raised $4.7 billion in its IPO.', [None]),
    ('A jury returned a $2.5-million verdict for the inventor.', ['awarded']),
    ('Jurors handed down the $1.6 billion patent infringement verdict on Tuesday.', ['awarded']),
    ('The suit asks $5 million from the distributor.', ['damages']),
    ('Nokia is claiming EUR 7.4 million from Oppo.', ['damages']),
    ('It seeks 7.4 million euros.', ['damages']),
    ('The lawsuit demands RMB1.5bn in compensation.', ['damages']),
    ('The parties settled, with Beta paying $12 million to Acme.', ['settlement']),
    ('Judge Gilstrap entered final judgment of $1.2 billion including interest.', ['awarded']),
    ("Samsung's net profit was 10 trillion won.", [None]),
    ('Samsung sued Huawei for 161 million yuan.', ['damages']),
    ('最高人民法院二审判决被告赔偿原告经济损失及合理开支共计500万元。', ['awarded']),
    ('原告诉请判令被告停止侵权并赔偿经济损失1000万元。', ['damages']),
    ('华为起诉三星,要求赔偿8000万元人民币。', ['damages']),
    ('法院一审判决三星赔偿华为8000余万元。', ['awarded']),
    ('双方以2000万元和解。', ['settlement']),
    ('此案索赔金额高达10亿元。', ['damages']),
    ('公司2022年营业收入为35.6亿元。', [None]),
    ('判决被告赔偿原告经济损失100万元,驳回原告其他诉讼请求。', ['awarded']),
    ('原告请求判令被告赔偿经济损失人民币500万元及合理开支人民币20万元。', ['damages', 'costs']),
    ('法院判令被告赔偿原告经济损失300万元及维权合理开支10万元。', ['awarded', 'awarded']),
    ('该案标的额高达1.5亿元。', ['damages']),
    ('小米2023年研发投入191亿元。', [None]),
    ('苹果公司向高通支付了45亿美元和解费。', ['settlement']),
    ('法院判決被告須賠償原告新台幣1200萬元。', ['awarded']),
    ('该案索赔金额为1亿元,是迄今为止国内索赔额最高的专利案件。', ['damages']),
    ('华为获赔8000万元。', ['awarded']),
    ('三星被判赔偿华为8000万元。', ['awarded']),
    ('法院驳回了原告1亿元的索赔请求。', ['damages']),
    ('二审改判被告赔偿原告300万元。', ['awarded']),
    ('最高法维持一审判决,赔偿额为500万元。', ['awarded']),
    ('法院判处罚金100万元。', ['other']),
    ('赔偿金额为1,000万元。', ['damages']),
    ('原告要求赔偿人民币 1.5 亿元。', ['damages']),
    ('被告被处以罚款 50 万元。', ['other']),
    ('原告主张按照每件100元计算。', [None]),
    ('华为在深圳起诉三星,索赔8000万元,三星随后反诉。', ['damages']),
    ('小米被诉侵权,对方索赔金额为5000万元人民币。', ['damages']),
    ('法院最终判决小米赔偿对方500万元。', ['awarded']),
    ('原告请求法院判令被告赔偿其经济损失300万元、合理开支5万元。', ['damages', 'costs']),
    ('该公司以3亿美元收购了一家芯片企业。', [None]),
    ('陪审团认定被告侵权,判定其赔偿2.5亿美元。', ['awarded']),
]


@pytest.mark.parametrize("text,roles", ROLES, ids=[_short(t) for t, _ in ROLES])
def test_roles_in_context(text, roles):
    """The role of each amount (conversions left out) in sentences of news and judgment style."""
    assert [m.role for m in run(text) if not m.converted] == roles


DOCUMENTS = {
    "zh-case-report": (
        "【案情】原告诉称被告未经许可制造、销售侵权产品,请求法院判令被告停止侵权,赔偿经济损失及维权合理开支共计300万元。"
        "被告辩称,原告主张的赔偿数额过高,涉案产品销售额仅为20万元。\n"
        "【裁判】法院经审理认为,被告构成侵权。综合考虑专利类型、侵权情节等因素,酌定被告赔偿原告经济损失50万元,合理开支3万元。\n",
        {(3e6, "CNY", "damages"), (5e5, "CNY", "awarded"), (3e4, "CNY", "awarded")},
    ),
    "en-licence-settlement": (
        "Omega and Psi settle patent dispute\n"
        "Omega said it had signed a multi-year licensing deal with Psi. Omega expects licensing revenues of SEK 6-7 billion "
        "this quarter, including the settlement. Psi had earlier sued Omega, while Omega sought damages at the ITC.\n",
        set(),
    ),
    "zh-announcement": (
        "甲科技股份有限公司关于公司涉及诉讼的公告\n"
        "一、本次诉讼的基本情况\n"
        "公司于2023年3月1日收到广州知识产权法院送达的起诉状。原告乙公司以公司侵害其发明专利权为由提起诉讼。\n"
        "二、诉讼请求\n"
        "1、判令被告立即停止侵权;\n"
        "2、判令被告赔偿原告经济损失人民币1,000万元;\n"
        "3、判令被告赔偿原告为制止侵权所支付的合理开支人民币20万元;\n"
        "4、判令被告承担本案全部诉讼费用。\n"
        "三、其他说明\n"
        "公司2022年度经审计的净资产为15.3亿元,本次诉讼涉案金额占公司净资产的0.67%。\n",
        {(1e7, "CNY", "damages"), (2e5, "CNY", "costs")},
    ),
    "zh-judgment": (
        "丙公司认为丁公司侵犯其专利权,遂诉至法院,请求判令丁公司停止侵权、赔偿经济损失200万元及合理开支5万元。\n"
        "一审法院认为被诉侵权产品落入保护范围,判决丁公司赔偿丙公司经济损失80万元及合理开支3万元。\n"
        "丁公司不服,提起上诉。二审判决驳回上诉,维持原判。\n",
        {(2e6, "CNY", "damages"), (5e4, "CNY", "costs"), (8e5, "CNY", "awarded"), (3e4, "CNY", "awarded")},
    ),
    "en-chinese-case": (
        "Beijing court orders Xinyi to pay RMB 12 million in patent case\n"
        "The Beijing IP Court has ordered Xinyi to pay RMB 12 million (about $1.7 million) to Hongda for infringing two patents.\n"
        "Hongda had asked for RMB 30 million in damages plus reasonable expenses of RMB 500,000.\n"
        "Hongda reported revenue of RMB 5.6 billion in 2022, while Xinyi is valued at around $800 million.\n",
        {(12e6, "CNY", "awarded"), (30e6, "CNY", "damages"), (5e5, "CNY", "costs")},
    ),
    "en-market": (
        "The global smartphone market was worth $480 billion in 2023. Apple shipped 234 million units, and Samsung's "
        "revenue from phones was $100 billion.\nQualcomm's licensing arm earned $5.3 billion last year.\n",
        set(),
    ),
    "en-verdict": (
        "A jury in Waco, Texas, found on Tuesday that Intel infringed two patents owned by VLSI and ordered the chipmaker "
        "to pay $2.18 billion. VLSI had sought more than $7 billion. The jury awarded $1.5 billion for one patent and "
        "$675 million for the other.\nIntel, which had revenue of $77.9 billion in 2020, will appeal. Intel also faces a "
        "separate $3.1 billion lawsuit from VLSI in Delaware.\n",
        {(2.18e9, "USD", "awarded"), (7e9, "USD", "damages"), (1.5e9, "USD", "awarded"), (675e6, "USD", "awarded"),
         (3.1e9, "USD", "damages")},
    ),
}


@pytest.mark.parametrize("name", list(DOCUMENTS))
def test_documents(name):
    text, expected = DOCUMENTS[name]
    assert set(kept(text)) == expected


def test_spans_slice_back():
    text = "Acme seeks RMB 50 million ($7.5 million). 原告索赔 8050 万元及合理开支 20万元。"
    for m in run(text, "en") + run(text, "zh"):
        assert text[m.start : m.end] == m.text


def test_conversion_is_flagged_and_takes_the_role():
    text = "Samsung's suit seeks 161 million Chinese yuan ($24.1 million) in damages."
    mentions = run(text)
    assert [(m.text, m.converted, m.role) for m in mentions] == [
        ("161 million Chinese yuan", False, "damages"),
        ("$24.1 million", True, "damages"),
    ]


def test_same_currency_in_brackets_is_not_a_conversion():
    mentions = run("The jury awarded $847M ($583M and $264M for the two patents).")
    assert not any(m.converted for m in mentions)


def test_table_rows_take_the_header_role():
    text = "Top verdicts\nAmount Awarded Plaintiff Defendant Court\n$90M Acme Inc. Beta Corp. D. Del.\n$45.5M Gamma LLC Delta Inc. E.D. Tex.\n"
    assert kept(text) == [(90e6, "USD", "awarded"), (45.5e6, "USD", "awarded")]


def test_rows_without_header_cue_have_no_role():
    text = "Companies\nName Country\n$90M Acme Inc. US\n"
    assert kept(text) == []


def test_yen_sign_is_yuan_in_chinese_text():
    assert kept("法院判决被告赔偿￥50万元。") == [(500000, "CNY", "awarded")]


@pytest.mark.parametrize(
    "text",
    [
        "2019年5月30日,甲公司起诉乙公司。",
        "专利号为201611245881.9,案号(2022)最高法知民终1165号。",
        "U.S. Patent No. 8,218,566 was filed on May 30, 2019.",
        "",
        "$",
        "万元",
    ],
)
def test_no_money_here(text):
    assert run(text) == []


SPELLED = [(ex["text"], ex["value"]) for ex in LEX.number_word_examples]


@pytest.mark.parametrize("text,value", SPELLED, ids=[t for t, _ in SPELLED])
def test_spelled_out_examples(text, value):
    mentions = run(f"The jury awarded {text} to the inventor.")
    assert [(m.text, m.value, m.role) for m in mentions] == [(text, pytest.approx(value), "awarded")]


def test_two_spelled_out_sums_in_one_sentence():
    got = kept("Acme asked for two million dollars and the jury awarded three million dollars.")
    assert got == [(2e6, "USD", "damages"), (3e6, "USD", "awarded")]


def test_spelled_out_numbers_need_a_currency_word():
    assert run("The firm sold two million phones and one billion chips.") == []


def test_colloquial_ge_yi():
    assert kept("法院判赔20个亿。") == [(2e9, "CNY", "awarded")]
    assert kept("一次出手,便是20個億人民幣。") == []  # a sum, but no litigation cue
    assert [m.value for m in run("一次出手,便是20個億人民幣。")] == [2e9]
    assert run("他买了20个苹果。") == []


@pytest.mark.xfail(strict=True, reason="a price word (价格) outweighs the settlement word after it")
def test_settled_at_a_price():
    assert kept("双方最终以3.5亿美元的价格和解。") == [(3.5e8, "USD", "settlement")]


@pytest.mark.xfail(strict=True, reason="decimal Chinese numerals (二点五亿) are not read")
def test_decimal_chinese_numerals():
    assert kept("原告索赔二点五亿元。") == [(2.5e8, "CNY", "damages")]


# --------------------------------------------------------------------------- data file


def test_data_file_validation_names_the_problem():
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    data["cues"]["en"]["bogus"] = {"phrases": ["x"], "examples": []}
    with pytest.raises(DataFileError, match="money.yaml.*bogus"):
        parse(data)
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    data["currencies"][0]["code"] = "dollar"
    with pytest.raises(DataFileError, match="ISO 4217"):
        parse(data)
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    data["cues"]["zh"]["costs"]["examples"][0]["role"] = "fees"
    with pytest.raises(DataFileError, match="unknown role"):
        parse(data)
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    data["cues"]["en"]["none"]["phrases"].append("Settlement")
    with pytest.raises(DataFileError, match="'Settlement' is listed under both settlement and none"):
        parse(data)
    data = yaml.safe_load(DATA_PATH.read_text(encoding="utf-8"))
    data["cues"]["en"]["awarded"]["examples"][0]["amount"] = "$1 trillion"
    with pytest.raises(DataFileError, match="not in its text"):
        parse(data)


def test_english_documents_do_not_import_cn2an():
    code = (
        "import sys\n"
        "from patlit.extract import money\n"
        "from patlit.extract.context import Context\n"
        "money.extract(Context(text='The jury awarded $5 million. 原告索赔500万元。', lang='en'))\n"
        "assert 'cn2an' not in sys.modules\n"
        "money.extract(Context(text='原告索赔五百万元。', lang='zh'))\n"
        "assert 'cn2an' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.corpus
def test_corpus_amounts(corpus_docs, corpus_gold):
    """Every gold amount of the corpus is found with its role, and nothing else is kept."""
    missed, extra = [], []
    for doc in corpus_docs:
        gold = {(a["value"], a["currency"], a["role"]) for a in corpus_gold[doc["doc_id"]]["amounts"]}
        got = set(kept(doc["text"], doc["lang"]))
        missed += [(doc["doc_id"], g) for g in gold if not any(_same(g, x) for x in got)]
        extra += [(doc["doc_id"], x) for x in got if not any(_same(g, x) for g in gold)]
    assert not missed and not extra, (missed, extra)


def _same(a, b) -> bool:
    return a[1:] == b[1:] and abs(a[0] - b[0]) <= 0.005 * max(abs(a[0]), 1)


def test_rounded_restatement_takes_the_exact_value():
    from patlit.extract.pipeline import extract_document
    from patlit.model import Document

    facts = extract_document(Document(doc_id="t", lang="en", text=(
        "A jury in Delaware found that Quillon Networks Ltd. infringed a Halvard Sensors Inc. patent and owes "
        "$89,712,069 in damages. The $89.7 million verdict was upheld. Halvard had asked for $90 million.")))
    values = sorted({(m.value, m.role) for m in facts.amounts})
    assert (89712069, "awarded") in values and (89700000, "awarded") not in values, values
    assert (90000000, "damages") in values  # another role, not a restatement
