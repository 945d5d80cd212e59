"""SARIF 2.1.0 output: valid against the official schema, one location per claim, stable ids."""
import json
import os

import pytest
from jsonschema.validators import validator_for

from checker.extract import extract_claims
from checker.formats.sarif import FINGERPRINT, sarif_report
from checker.gate import build_result, rule_catalog
from checker.models import Finding
from checker.review.store import Decision
from checker.sources import read_sources

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "seeds")
SCHEMA = os.path.join(ROOT, "tests", "data", "sarif-schema-2.1.0.json")


@pytest.fixture(scope="module")
def validator():
    with open(SCHEMA, encoding="utf-8") as fh:
        schema = json.load(fh)
    cls = validator_for(schema)  # the schema's own $schema (draft-04) picks the validator
    cls.check_schema(schema)
    return cls(schema)


@pytest.fixture(scope="module")
def seeds():
    sources = read_sources([SEEDS], on_notice=lambda m: None)
    claims = {(c.source[:3], c.line, c.text): c for s in sources for c in extract_claims(s)}
    findings = [
        Finding(id="year:war-end", rule="year-mismatch", severity="error",
                message="The war ended in 2022 per one source, 2020 per two others",
                claims=[claims["000", 21, "the summer of 2022"], claims["002", 11, "2020"],
                        claims["003", 31, "2020"]], group="g-war-end"),
        Finding(id="count:peacekeepers", rule="count-mismatch", severity="warning",
                message="about 2,000 vs more than 2,000 peacekeepers",
                claims=[claims["000", 21, "about 2,000"], claims["002", 11, "more than 2,000"]]),
        Finding(id="info:round", rule="round-figure", severity="info", message="round figure",
                claims=[claims["001", 27, "2,000"]]),
    ]
    return sources, findings


def test_run_with_findings_validates_and_carries_every_claim(seeds, validator):
    sources, findings = seeds
    decisions = {"info:round": Decision("info:round", "dismissed", "ana", "style, not fact")}
    result = build_result(findings, sources, root=ROOT, decisions=decisions, baseline={"count:peacekeepers"})
    log = json.loads(sarif_report(result))
    validator.validate(log)
    run = log["runs"][0]
    assert run["tool"]["driver"]["name"] == "checker"
    assert [(r["id"], r["defaultConfiguration"]["level"]) for r in run["tool"]["driver"]["rules"]] == [
        ("count-mismatch", "warning"), ("round-figure", "note"), ("year-mismatch", "error")]
    assert [r["properties"]["status"] for r in run["results"]] == ["new", "reviewed", "baseline"]
    war, rounded, peace = run["results"]
    assert (war["ruleId"], war["level"], war["baselineState"]) == ("year-mismatch", "error", "new")
    assert war["partialFingerprints"] == {FINGERPRINT: "year:war-end"}
    assert run["tool"]["driver"]["rules"][war["ruleIndex"]]["id"] == "year-mismatch"
    places = [(loc["physicalLocation"]["artifactLocation"]["uri"], loc["physicalLocation"]["region"])
              for loc in war["locations"]]
    assert places[0] == ("seeds/000_f1544da85298896f.txt",
                         {"startLine": 21, "startColumn": 135, "endLine": 21, "endColumn": 153,
                          "snippet": {"text": "the summer of 2022"}})
    assert [p[0] for p in places[1:]] == ["seeds/002_eaa1d8c9a6033192.txt", "seeds/003_bad527a6dbefebb3.txt"]
    # the region really is the quoted text in the file
    with open(os.path.join(ROOT, places[0][0]), encoding="utf-8") as fh:
        line = fh.read().split("\n")[20]
    assert line[135 - 1:153 - 1] == "the summer of 2022"
    assert peace["baselineState"] == "unchanged" and "suppressions" not in peace
    assert rounded["level"] == "note" and rounded["baselineState"] == "unchanged"
    assert rounded["suppressions"] == [{"kind": "external", "status": "accepted", "justification": "style, not fact"}]


def test_run_without_findings_validates_and_lists_the_rulebook(seeds, validator):
    sources, _ = seeds
    log = json.loads(sarif_report(build_result([], sources, root=ROOT)))
    validator.validate(log)
    assert log["runs"][0]["results"] == [] and log["runs"][0]["tool"]["driver"]["rules"] == []
    catalog = rule_catalog(None)
    log = json.loads(sarif_report(build_result([], sources, root=ROOT, rules=catalog)))
    validator.validate(log)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == sorted(catalog)
    disagree = next(r for r in rules if r["id"] == "count-disagreement")
    assert disagree["shortDescription"]["text"].startswith("Sources give incompatible figures")
    assert disagree["shortDescription"]["text"].endswith(".")
    assert disagree["defaultConfiguration"]["level"] == "error"


def test_same_input_same_bytes_and_no_absolute_paths(seeds):
    sources, findings = seeds
    a = sarif_report(build_result(findings, sources, root=ROOT))
    b = sarif_report(build_result(list(reversed(findings)), sources, root=ROOT))
    assert a == b
    assert ROOT not in a
