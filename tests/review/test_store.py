"""The decision store: a diff-friendly CSV that never loses a decision."""
from __future__ import annotations

import pytest

from checker.errors import CheckerError
from checker.extract import extract_claims
from checker.models import Finding
from checker.review.store import (Decision, apply_decisions, default_store_path, load_decisions,
                                  mark_stale, normalize_decision, save_decisions)
from checker.sources import read_sources


@pytest.fixture(scope="module")
def seed_claims():
    sources = read_sources(["seeds/"], on_notice=lambda m: None)
    return [c for s in sources for c in extract_claims(s)]


def _findings(claims):
    """Three findings over real seed claims, as a rule would build them."""
    counts = [c for c in claims if c.kind == "count"]
    return [Finding(id=f"f{i}", rule="count-mismatch", severity="warning",
                    message=f"{a.text} vs {b.text}", claims=[a, b])
            for i, (a, b) in enumerate(zip(counts[:3], counts[3:6]))]


def test_save_is_sorted_fixed_columns_and_round_trips(tmp_path):
    path = tmp_path / "reviews.csv"
    decisions = {
        "zz": Decision("zz", "dismissed", "Ana", 'N/A, "quoted"\nsecond line', "r", "s"),
        "aa": Decision("aa", "confirmed", "Bo", "null", stale=True),
    }
    save_decisions(path, decisions)
    data = path.read_bytes()
    assert b"\r" not in data
    assert data.startswith(b"id,decision,reviewer,note,rule,summary,stale\naa,confirmed,Bo,null,,,true\n")
    assert load_decisions(path) == decisions
    save_decisions(path, load_decisions(path))
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["reviews.csv"]  # no temp file left


def test_missing_store_is_empty(tmp_path):
    assert load_decisions(tmp_path / "reviews.csv") == {}


@pytest.mark.parametrize("body, where, what", [
    ("id,decision\nx,maybe\n", ":2:", "unknown decision 'maybe'"),
    ("id,verdict,reviewer,note\n", ":1:", "lacks column(s) decision"),
    ('id,decision,reviewer,note\nx,confirmed,a,"two\nlines"\ny,dismissed,b,c,d,e\n', ":4:", "fields"),
    ("id,decision,reviewer,note\nx,confirmed,,\nx,dismissed,,\n", ":3:", "appears twice"),
    ("id,decision,reviewer,note,rule,summary,stale\nx,confirmed,,,,,perhaps\n", ":2:", "stale"),
])
def test_malformed_store_names_path_and_line(tmp_path, body, where, what):
    path = tmp_path / "reviews.csv"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(CheckerError) as err:
        load_decisions(path)
    assert str(path) + where in err.value.message and what in err.value.message


def test_decision_values_are_forgiving_about_case_and_spaces():
    assert normalize_decision("  Dismissed ") == "dismissed"
    assert normalize_decision("NEEDS SOURCE") == "needs-source"
    assert normalize_decision("") == "unreviewed"
    assert normalize_decision("maybe") is None


def test_apply_hides_dismissed_marks_confirmed_keeps_needs_source(seed_claims):
    findings = _findings(seed_claims)
    decisions = {"f0": Decision("f0", "dismissed", "Ana", "same event, rounding"),
                 "f1": Decision("f1", "confirmed", "Bo", "checked"),
                 "f2": Decision("f2", "needs-source", "Cy", "")}
    shown = apply_decisions(findings, decisions)
    assert [f.id for f in shown] == ["f1", "f2"]
    assert shown[0].review == {"decision": "confirmed", "reviewer": "Bo", "note": "checked"}
    assert shown[1].review["decision"] == "needs-source"
    everything = apply_decisions(_findings(seed_claims), decisions, show_all=True)
    assert [f.review["decision"] for f in everything] == ["dismissed", "confirmed", "needs-source"]
    untouched = apply_decisions(_findings(seed_claims), {})
    assert [f.review for f in untouched] == [None, None, None]


def test_stale_marks_and_unmarks():
    decisions = {"a": Decision("a", "confirmed", "", ""), "b": Decision("b", "dismissed", "", "")}
    assert [d.id for d in mark_stale(decisions, ["a"])] == ["b"]
    assert decisions["b"].stale and not decisions["a"].stale
    assert mark_stale(decisions, ["a", "b"]) == [] and not decisions["b"].stale


def test_default_store_path(tmp_path):
    (tmp_path / "src").mkdir()
    (tmp_path / "a.txt").write_text("x")
    assert default_store_path([str(tmp_path / "a.txt"), str(tmp_path / "src")]) == tmp_path / "src" / "reviews.csv"
    assert default_store_path([str(tmp_path / "a.txt")]) == tmp_path / "reviews.csv"
    assert default_store_path([]) is None
