"""Findings as table, JSON, CSV and Markdown: sorted, evidence-first, byte-stable."""
from __future__ import annotations

import csv
import dataclasses
import io
import json

from checker.formats.findings import (findings_csv, findings_json, findings_markdown, findings_table,
                                      md_escape, quote, sort_findings, summary_line)
from checker.models import Finding

from .conftest import pick


def test_sort_puts_worst_first_whatever_the_input_order(evidence):
    assert [f.id for f in sort_findings(evidence.findings)] == ["f-err", "f-warn", "f-info"]
    assert [f.id for f in sort_findings(reversed(evidence.findings))] == ["f-err", "f-warn", "f-info"]


def test_quote_widens_a_bare_figure_with_its_sentence(seed_claims):
    c = pick(seed_claims, "001", "1,050")
    q = quote(c)
    assert "1,050 people" in q
    assert q.startswith("…") and q.endswith("…")  # the sentence goes on both sides
    assert len(q) >= 24


def test_quote_keeps_a_long_enough_text_as_is(seed_claims):
    c = pick(seed_claims, "000", "more than a third")
    assert quote(c, min_chars=10) == "more than a third"


def test_quote_at_sentence_start_has_no_leading_ellipsis(seed_claims):
    q = quote(pick(seed_claims, "002", "At least 200"))
    assert q.startswith("At least 200 people") and not q.startswith("…")


def test_quote_falls_back_to_the_text_when_the_sentence_spells_it_differently(seed_claims):
    c = dataclasses.replace(pick(seed_claims, "001", "1,050"), sentence="A sentence without the figure.")
    assert quote(c) == "1,050"


def test_summary_line_counts_each_severity(evidence):
    line = summary_line(evidence.findings, sources=5, claims=84, groups=12)
    assert line == "3 findings: 1 error, 1 warning, 1 info in 5 sources, 84 claims, 12 aligned quantities"


def test_summary_line_plurals_and_empty_and_hidden(evidence):
    warn = [f for f in evidence.findings if f.severity == "warning"] * 2
    assert summary_line(warn, sources=1, claims=1, groups=1) == \
        "2 findings: 2 warnings in 1 source, 1 claim, 1 aligned quantity"
    assert summary_line([], sources=5, claims=84, groups=0, hidden=2) == \
        "no findings in 5 sources, 84 claims, 0 aligned quantities (2 dismissed in review not shown; --all shows them)"


def test_table_shows_each_side_place_and_quote_on_one_line(evidence):
    table = findings_table(evidence.findings)
    lines = table.splitlines()
    assert lines[0].split() == ["severity", "rule", "where", "quote", "message"]
    row = next(line for line in lines if "002_eaa1d8c9a6033192.txt:5" in line)
    assert "At least 200 people" in row  # place and quote side by side
    assert table.index("count-mismatch") < table.index("as-of-differs") < table.index("hedge-differs")
    assert "more than 200 against" in table
    assert max(len(line) for line in lines) <= 125


def test_table_marks_reviewed_findings_and_handles_none(evidence):
    f = evidence.findings[1]
    f.review = {"decision": "confirmed", "reviewer": "Ana", "note": ""}
    assert "(confirmed)" in findings_table([f])
    assert findings_table([]) == "no findings"


def test_json_has_version_sorted_findings_full_claims_and_groups(evidence):
    evidence.findings[0].review = {"decision": "needs-source", "reviewer": "Bo", "note": "ask"}
    doc = json.loads(findings_json(evidence.findings, evidence.groups))
    assert doc["version"] == 1
    assert [f["id"] for f in doc["findings"]] == ["f-err", "f-warn", "f-info"]
    err = doc["findings"][0]
    assert set(err) == {"id", "rule", "severity", "message", "group", "claims"}  # unreviewed: no review key
    assert err["claims"][0] == evidence.findings[1].claims[0].to_dict()
    assert doc["findings"][2]["review"] == {"decision": "needs-source", "reviewer": "Bo", "note": "ask"}
    assert [g["id"] for g in doc["groups"]] == ["g-keepers", "g-residents", "g-toll"]


def test_json_is_byte_identical_whatever_the_input_order(evidence):
    a = findings_json(evidence.findings, evidence.groups)
    b = findings_json(list(reversed(evidence.findings)), list(reversed(evidence.groups)))
    assert a == b and a.endswith("\n")


def _plain_json(findings, groups):
    from checker.formats.findings import sort_findings
    doc = {"version": 1, "findings": [f.to_dict() for f in sort_findings(findings)],
           "groups": [g.to_dict() for g in sorted(groups, key=lambda g: g.id)]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def test_json_claims_encoded_once_give_the_bytes_of_a_plain_dump(evidence):
    assert findings_json(evidence.findings, evidence.groups) == _plain_json(evidence.findings, evidence.groups)


def test_json_with_a_marker_lookalike_in_the_text_stays_exact(evidence):
    claim = evidence.findings[0].claims[0]
    odd = dataclasses.replace(claim, sentence=f"x \x00{id(claim)}\x00 and \x001\x00")
    findings = [dataclasses.replace(evidence.findings[0], message="\x007\x00", claims=[odd, claim])]
    text = findings_json(findings, evidence.groups)
    assert text == _plain_json(findings, evidence.groups)
    assert json.loads(text)["findings"][0]["claims"][0]["sentence"] == odd.sentence


def test_csv_is_one_flat_row_per_finding(evidence):
    rows = list(csv.DictReader(io.StringIO(findings_csv(evidence.findings))))
    assert [r["id"] for r in rows] == ["f-err", "f-warn", "f-info"]
    err = rows[0]
    assert (err["source_1"], err["line_1"], err["column_1"]) == ("001_371c06971a596525.txt", "21", "14")
    assert "more than 200" in err["quote_1"]
    assert (err["source_2"], err["line_2"]) == ("002_eaa1d8c9a6033192.txt", "5")
    assert "source_3" not in err


def test_csv_widens_to_the_largest_finding_and_leaves_others_blank(evidence):
    three = Finding(id="f-3", rule="count-mismatch", severity="warning", message="three sides",
                    claims=evidence.groups[1].claims, group="g-keepers")
    rows = list(csv.DictReader(io.StringIO(findings_csv(evidence.findings + [three]))))
    by_id = {r["id"]: r for r in rows}
    assert by_id["f-3"]["source_3"] == "002_eaa1d8c9a6033192.txt"
    assert by_id["f-err"]["source_3"] == "" and by_id["f-err"]["quote_3"] == ""


def test_markdown_gives_outlet_place_quote_and_bolded_sentence(evidence):
    outlets = {s.name: s.outlet for s in evidence.sources}
    md = findings_markdown(evidence.findings, outlets=outlets)
    assert "### 1. error: count-mismatch" in md
    assert "- `002_eaa1d8c9a6033192.txt:5`, Financial Times: “At least 200 people were…”" in md
    assert "  > **At least 200** people were killed" in md
    assert "against about 2,000 \\| undated" in md  # a pipe in a message cannot break the layout
    assert findings_markdown([]).endswith("No findings.\n")


def test_md_escape_leaves_file_names_and_escapes_markup():
    assert md_escape("000_f1544da85298896f.txt") == "000_f1544da85298896f.txt"
    assert md_escape("a | b *c* _d_") == "a \\| b \\*c\\* \\_d\\_"
    assert md_escape("two\nlines") == "two lines"
