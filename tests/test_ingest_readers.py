"""patlit.ingest: every input type, every encoding, and every kind of bad file with its reason."""
from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

from patlit.errors import InputError
from patlit.ingest import DEFAULT_MAX_BYTES, expand_inputs, read_inputs, read_path
from patlit.ingest.encoding import common_share, decode
from patlit.ingest.feed_dates import examples as date_examples
from patlit.ingest.feed_dates import parse_date
from patlit.ingest.html import html_to_text
from patlit.model import Document

# --- sample texts written for these tests ------------------------------------------------

EN_ARTICLE = (
    "Published: 2024-04-18\n"
    "Northwind Devices Inc. sued Harbor Optics LLC in the District of Delaware, "
    "alleging that its cameras infringe U.S. Patent No. 10,123,456."
)
ZH_SIMPLIFIED = (
    "发布时间：2024年4月18日\n"
    "深圳某通信设备公司近日向北京知识产权法院提起诉讼，称被告生产销售的路由器产品侵犯其发明专利权，"
    "请求法院判令被告立即停止侵权，并赔偿经济损失及合理开支共计三百万元。被告方面表示将积极应诉。"
)
ZH_TRADITIONAL = (
    "台灣某半導體公司今日宣布，已向智慧財產及商業法院對競爭對手提起專利侵權訴訟，"
    "主張對方製造販售的晶片產品侵害其發明專利，請求法院判決被告停止侵權並賠償損失。"
)


def make_pdf(lines: list[str]) -> bytes:
    """A minimal one-page PDF whose content stream shows ``lines`` in Helvetica."""

    def esc(s: str) -> str:
        return s.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")

    ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td", *(f"({esc(line)}) Tj T*" for line in lines), "ET"]
    stream = "\n".join(ops).encode("latin-1")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


HTML_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Harbor Optics countersues | Example IP Wire</title>
<meta property="article:published_time" content="2024-05-02T08:00:00Z">
<link rel="canonical" href="https://news.example.org/harbor-countersues">
</head><body><nav><a href="/">Home</a> <a href="/about">About</a></nav>
<article><h1>Harbor Optics countersues Northwind Devices</h1>
<p>Harbor Optics LLC answered the Delaware complaint on Wednesday with counterclaims of its own,
accusing Northwind Devices Inc. of infringing two Harbor patents on lens coatings.</p>
<p>Harbor also said it would ask the Patent Trial and Appeal Board to review the validity of the
Northwind patent at the heart of the original suit.</p></article>
<footer>Example IP Wire, all rights reserved</footer></body></html>"""

FEED = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>IP wire</title><link>https://news.example.org/</link>
<item><title>Northwind sues Harbor</title><link>https://news.example.org/1</link>
<description>&lt;p&gt;Northwind Devices &lt;b&gt;sued&lt;/b&gt; Harbor Optics in Delaware.&lt;/p&gt;</description>
<pubDate>Thu, 18 Apr 2024 09:30:00 GMT</pubDate></item>
<item><title>华为就专利纠纷起诉</title><link>https://news.example.org/2</link>
<description>华为公司向法院提起专利侵权诉讼。</description>
<pubDate>2024年4月19日</pubDate></item>
<item><title>Klage eingereicht</title><link>https://news.example.org/3</link>
<description>Eine Klage wegen Patentverletzung wurde eingereicht.</description>
<pubDate>Do, 18 Apr 2024 10:00:00 +0200</pubDate></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom wire</title><id>urn:x</id><updated>2024-04-20T00:00:00Z</updated>
<entry><title>Settlement reached</title><id>urn:x:1</id><link href="https://news.example.org/a1"/>
<published>2024-04-20T10:00:00+02:00</published><updated>2024-04-21T10:00:00+02:00</updated>
<content type="html">&lt;p&gt;The parties settled all claims.&lt;/p&gt;</content></entry>
</feed>"""


def _split(items: list[Document | InputError]) -> tuple[list[Document], list[InputError]]:
    docs = [i for i in items if isinstance(i, Document)]
    errors = [i for i in items if isinstance(i, InputError)]
    return docs, errors


def _read(path: Path | str, **kw) -> tuple[list[Document], list[InputError]]:
    return _split(list(read_inputs([str(path)], **kw)))


# --- encodings ------------------------------------------------------------------------------

ENCODED = [
    ("utf-8", EN_ARTICLE, "utf-8"),
    ("utf-8-bom", ZH_SIMPLIFIED, "utf-8-sig"),
    ("utf-16-bom-zh", ZH_SIMPLIFIED, "utf-16"),
    ("utf-16-bom-en", EN_ARTICLE, "utf-16"),
    ("utf-16le-no-bom", EN_ARTICLE, "utf-16-le"),
    ("gbk", ZH_SIMPLIFIED, "gbk"),
    ("gb18030", ZH_SIMPLIFIED, "gb18030"),
    ("gbk-traditional", ZH_TRADITIONAL, "gbk"),
    ("big5", ZH_TRADITIONAL, "big5"),
    ("cp950", ZH_TRADITIONAL, "cp950"),
    ("windows-1252", "Der Kläger verlangt Schadenersatz wegen der Verletzung des Patents – „sofort“.", "cp1252"),
]


@pytest.mark.parametrize(("text", "encoding"), [e[1:] for e in ENCODED], ids=[e[0] for e in ENCODED])
def test_text_files_are_decoded_by_detection_not_by_name(tmp_path: Path, text: str, encoding: str) -> None:
    f = tmp_path / "article.txt"
    f.write_bytes(text.encode(encoding))
    docs, errors = _read(f)
    assert errors == []
    assert [d.text for d in docs] == [text]


def test_big_endian_utf16_with_bom(tmp_path: Path) -> None:
    f = tmp_path / "be.txt"
    f.write_bytes(b"\xfe\xff" + ZH_TRADITIONAL.encode("utf-16-be"))
    docs, _ = _read(f)
    assert docs[0].text == ZH_TRADITIONAL


SHORT_CHINESE = [("gbk-2-chars", "专利", "gbk"), ("big5-2-chars", "華為", "cp950"), ("big5-court", "法院判決", "big5")]


@pytest.mark.parametrize(("text", "encoding"), [s[1:] for s in SHORT_CHINESE], ids=[s[0] for s in SHORT_CHINESE])
def test_short_chinese_strings_are_decoded(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "x") == text


def test_right_decoding_is_mostly_common_characters_and_wrong_one_is_not() -> None:
    """The measurement behind GB18030-versus-Big5: the share of common characters."""
    gbk = ZH_SIMPLIFIED.encode("gbk")
    big5 = ZH_TRADITIONAL.encode("big5")
    right_gbk, _ = common_share(gbk.decode("gb18030"))
    right_big5, _ = common_share(big5.decode("cp950"))
    wrong_big5_as_gbk, _ = common_share(big5.decode("gb18030"))
    assert right_gbk > 0.9 and right_big5 > 0.9
    assert wrong_big5_as_gbk < 0.3
    try:
        wrong_gbk_as_big5, _ = common_share(gbk.decode("cp950"))
    except UnicodeDecodeError:  # many GBK byte pairs are not Big5 at all
        wrong_gbk_as_big5 = 0.0
    assert wrong_gbk_as_big5 < 0.3


def test_html_meta_charset_is_respected(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="gb2312"').replace(
        "<h1>Harbor Optics countersues Northwind Devices</h1>", "<h1>海港光学反诉北风设备</h1>"
    )
    f = tmp_path / "page.html"
    f.write_bytes(page.encode("gb18030"))
    (doc,) = _read(f)[0]
    assert "海港光学反诉北风设备" in doc.text


# --- types ------------------------------------------------------------------------------------


def test_text_and_markdown_files_keep_their_text_and_stem(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(EN_ARTICLE, encoding="utf-8")
    (tmp_path / "two.md").write_text("# Heading\n\n" + EN_ARTICLE, encoding="utf-8")
    docs, errors = _split(list(read_inputs([str(tmp_path / "one.txt"), str(tmp_path / "two.md")])))
    assert errors == []
    assert [(d.doc_id, d.text) for d in docs] == [("one", EN_ARTICLE), ("two", "# Heading\n\n" + EN_ARTICLE)]
    assert docs[0].source == str(tmp_path / "one.txt")


def test_html_gives_main_text_title_date_and_url(tmp_path: Path) -> None:
    f = tmp_path / "harbor.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    (doc,) = _read(f)[0]
    assert doc.doc_id == "harbor"
    assert "accusing Northwind Devices Inc. of infringing two Harbor patents" in doc.text
    assert "Home" not in doc.text and "all rights reserved" not in doc.text
    assert doc.title and "Harbor Optics countersues" in doc.title
    assert doc.published == "2024-05-02"
    assert doc.url == "https://news.example.org/harbor-countersues"


def test_html_without_a_main_text_falls_back_to_a_plain_strip(tmp_path: Path) -> None:
    f = tmp_path / "short.htm"
    f.write_text("<html><head><title>Short</title></head><body><div>Acme sued Beta.</div></body></html>", "utf-8")
    (doc,) = _read(f)[0]
    assert "Acme sued Beta." in doc.text
    assert doc.published is None


def test_html_date_is_not_guessed_from_the_text(tmp_path: Path) -> None:
    f = tmp_path / "nodate.html"
    f.write_text(HTML_PAGE.replace('<meta property="article:published_time" content="2024-05-02T08:00:00Z">', ""), "utf-8")
    (doc,) = _read(f)[0]
    assert doc.published is None


def test_html_to_text_keeps_blocks_apart_and_decodes_entities() -> None:
    got = html_to_text("<p>A&amp;B <b>sued</b></p><p>C</p><script>var x=1;</script><br>D")
    assert got == "A&B sued\nC\nD"


def test_pdf_text_of_all_pages(tmp_path: Path) -> None:
    f = tmp_path / "complaint.pdf"
    f.write_bytes(make_pdf(["Northwind Devices Inc. v. Harbor Optics LLC", "U.S. Patent No. 10,123,456"]))
    (doc,) = _read(f)[0]
    assert doc.doc_id == "complaint"
    assert "Northwind Devices Inc. v. Harbor Optics LLC" in doc.text
    assert "10,123,456" in doc.text


def test_rss_entries_are_documents_with_dates_in_any_language(tmp_path: Path) -> None:
    f = tmp_path / "wire.rss"
    f.write_text(FEED, encoding="utf-8")
    docs, errors = _read(f)
    assert errors == []
    assert [(d.doc_id, d.published, d.url) for d in docs] == [
        ("wire#1", "2024-04-18", "https://news.example.org/1"),
        ("wire#2", "2024-04-19", "https://news.example.org/2"),
        ("wire#3", "2024-04-18", "https://news.example.org/3"),
    ]
    assert docs[0].text == "Northwind sues Harbor\n\nNorthwind Devices sued Harbor Optics in Delaware."
    assert docs[1].title == "华为就专利纠纷起诉"
    assert docs[0].source == f"{f}#1"


def test_atom_entry_uses_content_and_published_not_updated(tmp_path: Path) -> None:
    f = tmp_path / "wire.atom"
    f.write_text(ATOM, encoding="utf-8")
    (doc,) = _read(f)[0]
    assert doc.published == "2024-04-20"
    assert doc.url == "https://news.example.org/a1"
    assert doc.text.endswith("The parties settled all claims.")


def test_jsonl_documents_keep_their_fields(tmp_path: Path) -> None:
    f = tmp_path / "docs.jsonl"
    recs = [
        {"doc_id": "a", "text": EN_ARTICLE, "published": "2024-04-18", "lang": "en", "url": "u", "title": "t"},
        {"doc_id": "b", "text": ZH_SIMPLIFIED},
    ]
    f.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in recs) + "\n", encoding="utf-8")
    docs, errors = _read(f)
    assert errors == []
    assert [(d.doc_id, d.published, d.lang, d.url, d.title) for d in docs] == [
        ("a", "2024-04-18", "en", "u", "t"),
        ("b", None, None, None, None),
    ]
    assert docs[1].text == ZH_SIMPLIFIED


def test_corpus_jsonl_reads_completely(corpus_dir: Path) -> None:
    path = corpus_dir / "dev" / "docs.jsonl"
    n_lines = sum(1 for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
    docs, errors = _read(path)
    assert errors == []
    assert len(docs) == n_lines


@pytest.mark.parametrize(
    ("payload", "expect"),
    [
        (EN_ARTICLE.encode("utf-8"), "text"),
        (ZH_SIMPLIFIED.encode("gbk"), "text"),
        (FEED.encode("utf-8"), "feed"),
        (HTML_PAGE.encode("utf-8"), "html"),
        (json.dumps({"doc_id": "s1", "text": EN_ARTICLE}).encode() + b"\n", "jsonl"),
    ],
    ids=["text", "gbk-text", "rss", "html", "jsonl"],
)
def test_stdin_is_sniffed(monkeypatch: pytest.MonkeyPatch, payload: bytes, expect: str) -> None:
    fake = io.TextIOWrapper(io.BytesIO(payload))
    monkeypatch.setattr(sys, "stdin", fake)
    docs, errors = _split(list(read_inputs(["-"])))
    assert errors == []
    ids = [d.doc_id for d in docs]
    expected_ids = {"text": ["stdin"], "feed": ["stdin#1", "stdin#2", "stdin#3"], "html": ["stdin"], "jsonl": ["s1"]}
    assert ids == expected_ids[expect]
    if expect == "text":
        assert docs[0].text in (EN_ARTICLE, ZH_SIMPLIFIED)
    if expect == "html":
        assert docs[0].published == "2024-05-02"


# --- feed dates: the data file's own examples -----------------------------------------------

DATE_EXAMPLES = sorted(date_examples().items())


@pytest.mark.parametrize(("raw", "iso"), DATE_EXAMPLES, ids=[raw for raw, _ in DATE_EXAMPLES])
def test_feed_date_examples(raw: str, iso: str) -> None:
    assert parse_date(raw) == iso


@pytest.mark.parametrize("raw", ["", "   ", "soon", "Thu, 18 Apr", "2024-13-45", "31 Feb 2024"])
def test_feed_dates_without_a_full_date_give_none(raw: str) -> None:
    assert parse_date(raw) is None


# --- bad files ---------------------------------------------------------------------------------

BAD_FILES = [
    ("empty", "empty.txt", b"", "is empty"),
    ("whitespace", "blank.md", b"  \n\t\n", "is empty"),
    ("utf16-whitespace", "blank16.txt", "   \n".encode("utf-16"), "is empty"),
    ("nul-bytes", "blob.txt", b"PK\x03\x04\x00\x00\x08\x00binary\x00data", "binary"),
    ("control-chars", "ctrl.txt", bytes(range(1, 9)) * 50, "binary"),
    ("binary-unknown-type", "image.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("unsupported-type", "letter.docx", b"some text", "unsupported file type (.docx)"),
    ("no-suffix", "README", b"some text", "unsupported file type (no suffix)"),
    ("not-a-pdf", "fake.pdf", b"just some text pretending", "not a PDF"),
    ("truncated-pdf", "cut.pdf", make_pdf(["Some text here"])[:150], "damaged PDF"),
    ("pdf-without-text", "scan.pdf", make_pdf([]), "without a text layer"),
    ("xml-not-a-feed", "data.xml", b"<?xml version='1.0'?><catalog><book>x</book></catalog>", "not an RSS/Atom feed"),
    ("feed-without-entries", "quiet.rss", b"<rss version='2.0'><channel><title>x</title></channel></rss>", "without entries"),
    ("html-without-text", "blank.html", b"<html><head><title></title></head><body><div> </div></body></html>", "without text"),
]


@pytest.mark.parametrize(("name", "data", "reason"), [b[1:] for b in BAD_FILES], ids=[b[0] for b in BAD_FILES])
def test_bad_files_are_reported_with_path_and_reason(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    f = tmp_path / name
    f.write_bytes(data)
    docs, errors = _read(f)
    assert docs == []
    (err,) = errors
    assert err.source == str(f)
    assert reason in err.reason
    assert str(err).startswith(f"{f}: ")


def test_unsupported_type_lists_the_supported_ones(tmp_path: Path) -> None:
    f = tmp_path / "x.docx"
    f.write_bytes(b"text")
    (err,) = _read(f)[1]
    for suffix in (".txt", ".md", ".html", ".pdf", ".xml", ".rss", ".atom", ".jsonl"):
        assert suffix in err.reason


def test_encrypted_pdf_is_reported(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["secret text"]))))
    writer.encrypt("a-password")
    buf = io.BytesIO()
    writer.write(buf)
    f = tmp_path / "locked.pdf"
    f.write_bytes(buf.getvalue())
    (err,) = _read(f)[1]
    assert "encrypted" in err.reason and "password" in err.reason


def test_pdf_encrypted_with_an_empty_user_password_is_read(tmp_path: Path) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(["owner protected text"]))))
    writer.encrypt(user_password="", owner_password="owner")
    buf = io.BytesIO()
    writer.write(buf)
    f = tmp_path / "owner.pdf"
    f.write_bytes(buf.getvalue())
    (doc,) = _read(f)[0]
    assert "owner protected text" in doc.text


def test_too_large_files_are_refused_at_a_configurable_limit(tmp_path: Path) -> None:
    f = tmp_path / "big.txt"
    f.write_text("a patent dispute " * 100, encoding="utf-8")
    assert _read(f)[0]  # far below the default limit
    docs, (err,) = _read(f, max_bytes=1000)
    assert docs == []
    assert "too large" in err.reason and "limit" in err.reason
    assert DEFAULT_MAX_BYTES >= 10 * 1024 * 1024


def test_missing_file_unmatched_glob_and_url(tmp_path: Path) -> None:
    inputs = [str(tmp_path / "gone.txt"), str(tmp_path / "*.nothing"), "https://news.example.org/a?id=1"]
    docs, errors = _split(list(read_inputs(inputs)))
    assert docs == []
    assert [e.reason for e in errors] == [
        "no such file",
        "no file matches this pattern",
        "is a web address; patlit reads files, it does not fetch pages",
    ]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_is_reported(tmp_path: Path) -> None:
    f = tmp_path / "locked.txt"
    f.write_text(EN_ARTICLE, encoding="utf-8")
    f.chmod(0)
    try:
        (err,) = _read(f)[1]
    finally:
        f.chmod(0o644)
    assert "cannot be read" in err.reason and "permission" in err.reason


def test_a_reader_that_fails_unexpectedly_gives_an_input_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import patlit.ingest.html as html_reader

    def broken(*args: object) -> None:
        raise RuntimeError("parser blew up")

    monkeypatch.setattr(html_reader, "read_html", broken)
    f = tmp_path / "page.html"
    f.write_text(HTML_PAGE, encoding="utf-8")
    g = tmp_path / "ok.txt"
    g.write_text(EN_ARTICLE, encoding="utf-8")
    docs, errors = _split(list(read_inputs([str(f), str(g)])))
    assert [d.doc_id for d in docs] == ["ok"]
    assert [e.reason for e in errors] == ["could not be read (RuntimeError: parser blew up)"]


def test_os_error_while_reading_is_reported(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.txt"
    f.write_text(EN_ARTICLE, encoding="utf-8")

    def refuse(self: Path, *args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    (err,) = _read(f)[1]
    assert err.reason == "cannot be read (permission denied)"


# --- folders and globs -----------------------------------------------------------------------


def _mixed_folder(root: Path) -> None:
    (root / "news" / "zh").mkdir(parents=True)
    (root / "news" / "en").mkdir(parents=True)
    (root / "news" / "en" / "suit.txt").write_text(EN_ARTICLE, encoding="utf-8")
    (root / "news" / "zh" / "suit.txt").write_bytes(ZH_SIMPLIFIED.encode("gbk"))
    (root / "news" / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (root / "complaint.pdf").write_bytes(make_pdf(["Northwind Devices Inc. v. Harbor Optics LLC"]))
    (root / "broken.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catal")
    (root / "payload.bin").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00")
    (root / "empty.txt").write_bytes(b"")
    (root / ".hidden.txt").write_text("not read", encoding="utf-8")
    (root / "news" / "README.md").write_text("What this folder holds: not a document.", encoding="utf-8")


def test_folder_mixing_good_and_bad_files(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    docs, errors = _split(list(read_inputs([str(tmp_path)])))
    assert sorted(d.doc_id for d in docs) == ["complaint", "news/en/suit", "news/page", "news/zh/suit"]
    by_id = {d.doc_id: d for d in docs}
    assert by_id["news/zh/suit"].text == ZH_SIMPLIFIED
    assert by_id["news/page"].published == "2024-05-02"
    reasons = {Path(e.source).name: e.reason for e in errors}
    assert set(reasons) == {"broken.pdf", "payload.bin", "empty.txt"}
    assert "damaged PDF" in reasons["broken.pdf"]
    assert "binary" in reasons["payload.bin"]
    assert reasons["empty.txt"] == "is empty"


def test_expand_inputs_sorts_dedupes_and_names_by_relative_path(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    files = expand_inputs([str(tmp_path / "news"), str(tmp_path / "news" / "page.html"), str(tmp_path / "empty.txt")])
    assert [(Path(f).relative_to(tmp_path).as_posix(), f.doc_id) for f in files] == [
        ("news/en/suit.txt", "en/suit"),
        ("news/page.html", "page"),
        ("news/zh/suit.txt", "zh/suit"),
        ("empty.txt", "empty"),
    ]
    assert all(isinstance(f, str) for f in files)


def test_globs_are_expanded_recursively_and_named_from_their_fixed_part(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    files = expand_inputs([str(tmp_path / "**" / "*.txt")])
    assert [f.doc_id for f in files] == ["empty", "news/en/suit", "news/zh/suit"]
    files = expand_inputs([str(tmp_path / "news" / "*" / "suit.txt")])
    assert [f.doc_id for f in files] == ["en/suit", "zh/suit"]


def test_read_path_reads_one_expanded_file_at_a_time(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    results = [(f.doc_id, list(read_path(f))) for f in expand_inputs([str(tmp_path)])]
    assert all(len(items) == 1 for _, items in results)
    assert [doc_id for doc_id, _ in results] == sorted(doc_id for doc_id, _ in results)
    ok = {doc_id for doc_id, items in results if isinstance(items[0], Document)}
    assert ok == {"complaint", "news/en/suit", "news/page", "news/zh/suit"}


def test_input_files_survive_pickling_for_worker_processes(tmp_path: Path) -> None:
    import pickle

    _mixed_folder(tmp_path)
    files = expand_inputs([str(tmp_path)])
    again = pickle.loads(pickle.dumps(files))
    assert again == files and [f.doc_id for f in again] == [f.doc_id for f in files]


def test_a_readme_named_explicitly_is_read(tmp_path: Path) -> None:
    _mixed_folder(tmp_path)
    (doc,) = _read(tmp_path / "news" / "README.md")[0]
    assert doc.doc_id == "README"


def test_a_plain_string_path_gets_its_stem(tmp_path: Path) -> None:
    f = tmp_path / "plain.txt"
    f.write_text(EN_ARTICLE, encoding="utf-8")
    (doc,) = list(read_path(str(f)))
    assert doc.doc_id == "plain"


# --- data files are validated on load ---------------------------------------------------------

_TWELVE = [[f"m{i}"] for i in range(1, 13)]
BAD_MONTH_TABLES = [
    ("not-a-mapping", ["jan"], "'months' mapping"),
    ("eleven-months", {"months": {"xx": _TWELVE[:11]}}, "exactly twelve"),
    ("empty-month", {"months": {"xx": [*_TWELVE[:11], []]}}, "month 12"),
    ("clash", {"months": {"xx": _TWELVE, "yy": [["m2"], *_TWELVE[1:]]}}, "'m2' is month 2 and month 1"),
    ("bad-examples", {"months": {"xx": _TWELVE}, "examples": ["a"]}, "'examples'"),
]


@pytest.mark.parametrize(("data", "problem"), [b[1:] for b in BAD_MONTH_TABLES], ids=[b[0] for b in BAD_MONTH_TABLES])
def test_bad_month_tables_are_refused_with_the_problem(data: object, problem: str) -> None:
    from patlit.errors import DataFileError
    from patlit.ingest.feed_dates import parse_month_table

    with pytest.raises(DataFileError, match=problem) as info:
        parse_month_table(data, "months.yaml")
    assert str(info.value).startswith("months.yaml: ")


_MANY_HAN = "".join(chr(0x4E00 + i) for i in range(400))
BAD_HANZI_TABLES = [
    ("missing-key", {"simplified": _MANY_HAN}, "exactly the keys"),
    ("not-a-string", {"simplified": _MANY_HAN, "traditional": ["x"]}, "string of characters"),
    ("latin-letters", {"simplified": _MANY_HAN + "abc", "traditional": _MANY_HAN}, "non-Han"),
    ("too-short", {"simplified": "的一是", "traditional": _MANY_HAN}, "too few"),
]


@pytest.mark.parametrize(("data", "problem"), [b[1:] for b in BAD_HANZI_TABLES], ids=[b[0] for b in BAD_HANZI_TABLES])
def test_bad_hanzi_tables_are_refused_with_the_problem(data: object, problem: str) -> None:
    from patlit.errors import DataFileError
    from patlit.ingest.encoding import parse_hanzi_table

    with pytest.raises(DataFileError, match=problem):
        parse_hanzi_table(data, "hanzi.yaml")


def test_latin1_text_is_not_mistaken_for_chinese() -> None:
    text = "Le tribunal a condamné la société à payer des dommages-intérêts; l'arrêt est définitif."
    assert decode(text.encode("latin-1"), "x") == text


def test_extract_command_reads_every_type(tmp_path: Path) -> None:
    """`patlit extract` goes through read_inputs, so it takes the new types too."""
    from typer.testing import CliRunner

    from patlit.cli import app

    (tmp_path / "page.html").write_text(HTML_PAGE, encoding="utf-8")
    (tmp_path / "complaint.pdf").write_bytes(make_pdf(["Northwind Devices Inc. sued Harbor Optics LLC."]))
    (tmp_path / "wire.xml").write_text(FEED, encoding="utf-8")
    (tmp_path / "zh.txt").write_bytes(ZH_SIMPLIFIED.encode("gbk"))
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 broken")
    result = CliRunner().invoke(app, ["extract", str(tmp_path)])
    ids = [json.loads(line)["doc_id"] for line in result.stdout.splitlines() if line.startswith("{")]
    assert ids == ["complaint", "page", "wire#1", "wire#2", "wire#3", "zh"]
    assert "broken.pdf: is a damaged PDF" in result.stderr
    assert result.exit_code == 1


UPLOADS = [
    ("text", "note.txt", ZH_SIMPLIFIED.encode("gbk"), "note", None),
    ("html", "page.HTML", HTML_PAGE.encode("utf-8"), "page", None),
    ("pdf", "complaint.pdf", make_pdf(["Harbor Optics LLC"]), "complaint", None),
    ("unsupported", "sheet.xlsx", b"PK\x03\x04\x00\x00", None, "binary file"),
    ("empty", "blank.txt", b"\n\n", None, "is empty"),
    ("too-large", "big.txt", b"x" * 2048, None, "too large"),
]


@pytest.mark.parametrize(("name", "data", "doc_id", "reason"), [u[1:] for u in UPLOADS], ids=[u[0] for u in UPLOADS])
def test_read_bytes_checks_uploads_like_files(name: str, data: bytes, doc_id: str | None, reason: str | None) -> None:
    from patlit.ingest import read_bytes

    (item,) = list(read_bytes(data, name, max_bytes=1024 if name == "big.txt" else DEFAULT_MAX_BYTES))
    if reason is None:
        assert isinstance(item, Document) and item.doc_id == doc_id and item.source == name
    else:
        assert isinstance(item, InputError) and item.source == name and reason in item.reason


@pytest.mark.parametrize(
    ("declaration", "encoding"),
    [('<?xml version="1.0" encoding="gb2312"?>', "gb18030"), ('<?xml version="1.0"?>', "gbk"), ("", "big5")],
    ids=["declared-gb2312", "undeclared-gbk", "undeclared-big5"],
)
def test_feeds_in_legacy_chinese_encodings(tmp_path: Path, declaration: str, encoding: str) -> None:
    body = ZH_SIMPLIFIED if encoding != "big5" else ZH_TRADITIONAL
    feed = (
        f"{declaration}<rss version='2.0'><channel><title>x</title>"
        f"<item><title>专利新闻</title><description>{body}</description><pubDate>2024年4月18日</pubDate></item>"
        "</channel></rss>"
    ).replace("专利新闻", "專利新聞" if encoding == "big5" else "专利新闻")
    f = tmp_path / "cn.xml"
    f.write_bytes(feed.encode(encoding))
    (doc,) = _read(f)[0]
    assert doc.text.endswith(body)
    assert doc.published == "2024-04-18"


def test_page_that_is_valid_utf8_is_utf8_whatever_it_declares(tmp_path: Path) -> None:
    page = HTML_PAGE.replace('charset="utf-8"', 'charset="gbk"').replace("Harbor Optics countersues Northwind", "海港光学反诉北风")
    f = tmp_path / "mislabelled.html"
    f.write_bytes(page.encode("utf-8"))
    (doc,) = _read(f)[0]
    assert "海港光学反诉北风" in doc.text


# --- detection measured over more text, and never raising on arbitrary bytes --------------------

CHINESE_LINES = [
    ("judgment", "本院认为，被诉侵权产品的技术方案落入涉案专利权利要求的保护范围，一审判决认定事实清楚，适用法律正确。"),
    ("announcement", "本公司董事会近日收到法院送达的起诉状，原告请求判令本公司停止侵权并赔偿经济损失二千万元。"),
    ("invalidation", "请求人认为该实用新型专利不具备新颖性和创造性，请求宣告其全部无效，专利权人提交了意见陈述书。"),
    ("market", "今年第一季度，国内智能手机出货量同比增长百分之八，多家厂商加大了在海外市场的专利布局。"),
    ("short-title", "华为起诉小米专利侵权"),
    ("with-english", "Apple公司与Samsung公司的专利纠纷持续多年，双方最终在美国法院达成和解。"),
]
TRADITIONAL_LINES = [
    ("tw-court", "智慧財產及商業法院審理後認為，被告產品確實侵害原告的發明專利，判決被告應賠償新臺幣三千萬元。"),
    ("hk-news", "該公司發言人表示，將就法院的判決提出上訴，並會繼續與對方進行授權談判。"),
    ("tw-short", "專利侵權訴訟"),
]


@pytest.mark.parametrize(("text", "encoding"), [
    *((text, enc) for _, text in CHINESE_LINES for enc in ("gbk", "gb18030")),
    *((text, enc) for _, text in TRADITIONAL_LINES for enc in ("big5", "cp950", "gbk")),
], ids=[
    *(f"{name}-{enc}" for name, _ in CHINESE_LINES for enc in ("gbk", "gb18030")),
    *(f"{name}-{enc}" for name, _ in TRADITIONAL_LINES for enc in ("big5", "cp950", "gbk")),
])
def test_chinese_detection_over_varied_text(text: str, encoding: str) -> None:
    assert decode(text.encode(encoding), "x") == text


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=200, deadline=None)
@given(data=st.binary(max_size=600), suffix=st.sampled_from([".txt", ".html", ".pdf", ".xml", ".jsonl", ".bin"]))
def test_reading_arbitrary_bytes_never_raises(data: bytes, suffix: str) -> None:
    from patlit.ingest import read_bytes

    for item in read_bytes(data, "blob" + suffix):
        assert isinstance(item, (Document, InputError))
        if isinstance(item, Document):
            assert item.text.strip()


@settings(max_examples=200, deadline=None)
# NUL is left out: UTF-8 text with NULs at every other byte *is* BOM-less UTF-16 by our rule
@given(
    text=st.text(alphabet=st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)), max_size=300),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "utf-32"]),
)
def test_any_text_round_trips_through_utf_encodings(text: str, encoding: str) -> None:
    result = decode(text.encode(encoding), "x")
    if isinstance(result, InputError):  # only text with control characters may be refused, as binary
        assert "binary" in result.reason
        assert any(ord(c) < 32 and c not in "\t\n\r\x0c" or c == "\x7f" for c in text)
    else:
        assert result == text


@pytest.mark.parametrize("encoding", ["gbk", "big5"])
def test_long_legacy_files_are_scored_on_a_prefix_and_decoded_whole(encoding: str) -> None:
    from patlit.ingest.encoding import SCORE_BYTES

    text = (ZH_SIMPLIFIED if encoding == "gbk" else ZH_TRADITIONAL) * 2
    data = text.encode(encoding)
    repeats = SCORE_BYTES // len(data) + 3
    long_text = "\n".join([text] * repeats)
    assert len(long_text.encode(encoding)) > SCORE_BYTES
    assert decode(long_text.encode(encoding), "x") == long_text


PAGE_DATES = [
    ("article-published-time", '<meta property="article:published_time" content="2024-04-18T10:00:00+08:00">'),
    ("pubdate", '<meta name="PubDate" content="2024-04-18 10:00">'),
    ("json-ld", '<script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2024-04-18"}</script>'),
    ("dublin-core", '<meta name="DC.date.issued" content="2024-04-18">'),
]


@pytest.mark.parametrize("head", [p[1] for p in PAGE_DATES], ids=[p[0] for p in PAGE_DATES])
def test_chinese_page_dates_from_metadata(tmp_path: Path, head: str) -> None:
    paragraph = "深圳某通信设备公司近日向北京知识产权法院提起诉讼，称被告侵犯其发明专利权，请求赔偿经济损失。"
    page = (
        f"<html><head><meta charset='gbk'><title>专利纠纷</title>{head}</head><body>"
        f"<div class='article'><h1>通信公司起诉竞争对手</h1><p>{paragraph * 3}</p></div></body></html>"
    )
    f = tmp_path / "cn.html"
    f.write_bytes(page.encode("gbk"))
    (doc,) = _read(f)[0]
    assert doc.published == "2024-04-18"
    assert paragraph in doc.text


# --- PDF line wraps ----------------------------------------------------------------------------

WRAPPED_EN = [
    "Judgment in Northwind Devices Inc. v. Harbor Optics LLC",
    "",
    "After a five-day trial the jury found that Harbor Optics LLC directly infring-",
    "ed claims 1 and 5 of U.S. Patent No. 10,123,456 and awarded Northwind Devices",
    "Inc. the sum of $12 million as a reasonable royalty for the period from 2019",
    "to 2023.",
    "The court will hear the post-trial motions of both parties in May.",
    "1. Harbor Optics LLC shall pay the award within thirty days of the entry of",
    "the judgment, together with interest.",
    "2. Each party bears its own costs.",
]
WRAPPED_ZH = [
    "上诉人杭州澜海网络科技有限公司因与被上诉人深圳市锐鸿通信技术",
    "有限公司侵害发明专利权纠纷一案，不服浙江省杭州市中级人民法院",
    "（2020）浙01民初1187号民事判决，向本院提起上诉。",
    "判决如下：",
    "驳回上诉，维持原判。",
]


def test_reflow_joins_wrapped_lines_and_keeps_paragraphs() -> None:
    from patlit.ingest.reflow import reflow

    assert reflow("\n".join(WRAPPED_EN)).split("\n") == [
        "Judgment in Northwind Devices Inc. v. Harbor Optics LLC",
        "",
        "After a five-day trial the jury found that Harbor Optics LLC directly infringed claims 1 and 5 of "
        "U.S. Patent No. 10,123,456 and awarded Northwind Devices Inc. the sum of $12 million as a reasonable "
        "royalty for the period from 2019 to 2023.",
        "The court will hear the post-trial motions of both parties in May.",
        "1. Harbor Optics LLC shall pay the award within thirty days of the entry of the judgment, together "
        "with interest.",
        "2. Each party bears its own costs.",
    ]
    assert reflow("\n".join(WRAPPED_ZH)).split("\n") == [
        "上诉人杭州澜海网络科技有限公司因与被上诉人深圳市锐鸿通信技术有限公司侵害发明专利权纠纷一案，"
        "不服浙江省杭州市中级人民法院（2020）浙01民初1187号民事判决，向本院提起上诉。",
        "判决如下：",
        "驳回上诉，维持原判。",
    ]


def test_pdf_text_comes_back_as_paragraphs(tmp_path: Path) -> None:
    f = tmp_path / "judgment.pdf"
    f.write_bytes(make_pdf([line for line in WRAPPED_EN if line]))
    (doc,) = _read(f)[0]
    assert "directly infringed claims 1 and 5 of U.S. Patent No. 10,123,456 and awarded" in doc.text
