"""`checker claims` end to end: the three formats, --output, standard input, bad input."""
from __future__ import annotations

import csv
import io
import json

from click.testing import CliRunner

from checker.cli import cli

FIELDS = {"source", "line", "column", "start", "end", "text", "kind", "value", "lo", "hi", "lo_inclusive",
          "hi_inclusive", "hedge", "round", "unit", "context", "as_of", "sentence"}


def run(*args, stdin=None):
    return CliRunner().invoke(cli, ["claims", *map(str, args)], input=stdin)


def test_json_has_the_documented_fields_and_points_into_the_files():
    result = run("seeds/", "--format", "json")
    assert result.exit_code == 0
    claims = json.loads(result.stdout)
    assert len(claims) > 50 and all(FIELDS <= set(c) for c in claims)
    texts = {}
    for c in claims:
        if c["source"] not in texts:
            texts[c["source"]] = open(f"seeds/{c['source']}", encoding="utf-8").read()
        assert texts[c["source"]][c["start"]:c["end"]] == c["text"]


def test_csv_and_json_give_the_same_claims():
    rows = list(csv.DictReader(io.StringIO(run("seeds/", "--format", "csv").stdout)))
    claims = json.loads(run("seeds/", "--format", "json").stdout)
    assert [(r["source"], int(r["start"]), r["text"]) for r in rows] == \
           [(c["source"], c["start"], c["text"]) for c in claims]


def test_table_fits_80_columns():
    lines = run("seeds/").stdout.splitlines()
    assert len(lines) > 50 and max(len(line) for line in lines) <= 80  # no wide characters here


def test_output_file_holds_what_stdout_would(tmp_path):
    out = tmp_path / "claims.json"
    result = run("seeds/", "--format", "json", "-o", out)
    assert result.exit_code == 0 and result.stdout == ""
    assert out.read_text(encoding="utf-8") == run("seeds/", "--format", "json").stdout


def test_dash_reads_standard_input():
    result = run("-", "--format", "json", stdin="Nearly 1,000 people fled on Sunday.\n")
    (claim,) = [c for c in json.loads(result.stdout) if c["kind"] == "count"]
    assert claim["source"] == "<stdin>" and claim["hedge"] == "nearly" and claim["hi"] == 1000


def test_bad_input_is_one_line_exit_2_no_traceback(tmp_path):
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    (tmp_path / "blob.txt").write_bytes(b"\x00\x01\x02binary")
    result = run(tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "empty.txt: skipped" in result.output and "blob.txt: skipped (binary" in result.output
    assert result.output.strip().splitlines()[-1].startswith("Error: ") and str(tmp_path) in result.output
