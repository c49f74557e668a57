"""`patlit extract`: inputs, formats, bad inputs that never stop the batch."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from patlit.cli import app

runner = CliRunner()

ARTICLE = (
    "Published: 2023-03-09\n"
    "Acme Robotics Inc. sued Widget Systems LLC in the U.S. District Court for the District of Delaware "
    "on March 7, 2023, alleging infringement of U.S. Patent No. 9,999,999."
)


def _records(output: str) -> list[dict]:
    return [json.loads(line) for line in output.splitlines() if line.strip().startswith("{")]


def test_text_file_gives_one_record_named_after_the_file(tmp_path: Path) -> None:
    f = tmp_path / "acme-widget.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f)])
    assert result.exit_code == 0, result.output
    (rec,) = _records(result.stdout)
    assert rec["doc_id"] == "acme-widget"
    for key in ("lang", "published", "parties", "patents", "proceedings", "amounts"):
        assert key in rec
    assert rec["lang"] == "en"


def test_bad_inputs_are_reported_and_the_rest_still_processed(tmp_path: Path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("   \n", encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    docs.write_text(json.dumps({"doc_id": "j1", "text": ARTICLE}) + "\nnot json\n", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "missing.txt"), str(empty), str(good), str(docs)])
    assert result.exit_code == 1
    assert [r["doc_id"] for r in _records(result.stdout)] == ["good", "j1"]
    err = result.stderr
    assert "missing.txt: no such file" in err
    assert "empty.txt: is empty" in err
    assert "docs.jsonl:2: not JSON" in err


def test_json_format_is_one_array(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        "".join(json.dumps({"doc_id": f"d{i}", "text": ARTICLE}) + "\n" for i in range(3)), encoding="utf-8"
    )
    result = runner.invoke(app, ["extract", str(docs), "--format", "json"])
    assert result.exit_code == 0
    assert [r["doc_id"] for r in json.loads(result.stdout)] == ["d0", "d1", "d2"]


def test_published_option_fills_documents_without_a_date(tmp_path: Path) -> None:
    docs = tmp_path / "docs.jsonl"
    docs.write_text(
        json.dumps({"doc_id": "a", "text": "Acme sued Widget."}) + "\n"
        + json.dumps({"doc_id": "b", "text": "Acme sued Widget.", "published": "2020-01-02"}) + "\n",
        encoding="utf-8",
    )
    result = runner.invoke(app, ["extract", str(docs), "--published", "2021-05-06"])
    got = {r["doc_id"]: r["published"] for r in _records(result.stdout)}
    assert got == {"a": "2021-05-06", "b": "2020-01-02"}


def test_bad_published_option_is_a_usage_error(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(ARTICLE, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(f), "--published", "yesterday"])
    assert result.exit_code == 2
    assert "YYYY-MM-DD" in result.stderr


def test_stdin_text_and_table_format() -> None:
    result = runner.invoke(app, ["extract", "-", "--format", "table"], input=ARTICLE)
    assert result.exit_code == 0
    assert "stdin" in result.stdout


def test_help_lists_commands_with_short_flag() -> None:
    proc = subprocess.run([sys.executable, "-m", "patlit.cli", "-h"], capture_output=True, text=True, check=False)
    assert proc.returncode == 0
    assert "extract" in proc.stdout
