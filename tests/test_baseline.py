"""Baseline files: stable, diff-friendly, keyed by finding id, and strict about what they read."""
import json
import os

import pytest

from checker.baseline import baseline_text, read_baseline
from checker.reportdir import write_file
from checker.errors import CheckerError
from checker.extract import extract_claims
from checker.models import Finding
from checker.sources import read_sources

SEEDS = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "seeds")


@pytest.fixture(scope="module")
def findings():
    sources = read_sources([SEEDS], on_notice=lambda m: None)
    claims = {(c.source[:3], c.line, c.text): c for s in sources for c in extract_claims(s)}
    return [
        Finding(id="year:b-war-end", rule="year-mismatch", severity="error",
                message="War end: 2022 (line 21)\nvs 2020 " + "x" * 200,
                claims=[claims["000", 21, "the summer of 2022"], claims["002", 11, "2020"]]),
        Finding(id="count:a-peacekeepers", rule="count-mismatch", severity="warning",
                message="about 2,000 vs more than 2,000 peacekeepers",
                claims=[claims["002", 11, "more than 2,000"], claims["000", 21, "about 2,000"]]),
    ]


def test_one_finding_a_line_sorted_by_id(findings):
    text = baseline_text(findings)
    lines = text.splitlines()
    assert lines[0] == '{"format": "checker-baseline", "version": 1, "findings": ['
    assert lines[-1] == "]}"
    body = [json.loads(line.rstrip(",")) for line in lines[1:-1]]
    assert [e["id"] for e in body] == ["count:a-peacekeepers", "year:b-war-end"]
    assert body[0] == {"id": "count:a-peacekeepers", "rule": "count-mismatch", "severity": "warning",
                       "sources": ["000_f1544da85298896f.txt", "002_eaa1d8c9a6033192.txt"],
                       "summary": "about 2,000 vs more than 2,000 peacekeepers"}
    assert len(body[1]["summary"]) == 120 and "\n" not in body[1]["summary"]
    assert "line" not in body[0] and "claims" not in body[0]
    assert baseline_text(list(reversed(findings))) == text
    assert json.loads(text)["findings"] == body


def test_round_trip_and_duplicates(tmp_path, findings):
    path = tmp_path / "b.json"
    write_file(str(path), baseline_text(findings + findings))
    assert sorted(read_baseline(str(path))) == ["count:a-peacekeepers", "year:b-war-end"]
    assert os.listdir(tmp_path) == ["b.json"]  # no temp file left behind


def test_empty_baseline(tmp_path):
    path = tmp_path / "b.json"
    path.write_text(baseline_text([]))
    assert path.read_text() == '{"format": "checker-baseline", "version": 1, "findings": []}\n'
    assert read_baseline(str(path)) == {}


def test_bad_baselines_name_the_file(tmp_path):
    with pytest.raises(CheckerError, match=r"nope.json: baseline not found"):
        read_baseline(str(tmp_path / "nope.json"))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "checker-baseline", "findings": [\n{"id": "a"},\n{"id": \n]}\n')
    with pytest.raises(CheckerError, match=r"bad.json:4: not a checker baseline"):
        read_baseline(str(bad))
    other = tmp_path / "other.json"
    other.write_text('{"version": "2.1.0", "runs": []}')
    with pytest.raises(CheckerError, match=r"other.json: not a checker baseline"):
        read_baseline(str(other))
    noid = tmp_path / "noid.json"
    noid.write_text('{"format": "checker-baseline", "findings": [{"rule": "x"}]}')
    with pytest.raises(CheckerError, match=r"noid.json: finding 1 has no \"id\""):
        read_baseline(str(noid))


def test_writing_into_a_missing_folder_is_a_user_error(tmp_path):
    with pytest.raises(CheckerError, match="does not exist"):
        write_file(str(tmp_path / "no" / "b.json"), "x")
