"""The engine end to end on the seeds and on edited copies of them."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from checker.engine import load_rulebook, run_rules, sort_findings
from checker.extract import extract_claims
from checker.fingerprint import claim_key, finding_id
from checker.pipeline import CheckResult, default_rules_dir, run_check
from checker.sources import read_sources

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
QUIET = {"on_notice": lambda msg: None}


def _copy(tmp_path: Path) -> Path:
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder)
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = next(folder.glob(name + "*.txt"))
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _dump(result: CheckResult) -> str:
    return json.dumps({"groups": [g.to_dict() for g in result.groups],
                       "findings": [f.to_dict() for f in result.findings]}, sort_keys=True)


@pytest.fixture(scope="module")
def seeds():
    return run_check([str(SEEDS)], **QUIET)


def test_run_check_returns_every_stage(seeds):
    assert len(seeds.sources) == 5 and len(seeds.claims) > 50
    assert seeds.groups and seeds.findings
    assert default_rules_dir().name == "rules" and (default_rules_dir() / "aliases.yaml").is_file()


def test_same_input_same_bytes(seeds):
    assert _dump(seeds) == _dump(run_check([str(SEEDS)], **QUIET))


def test_findings_sorted_by_severity_rule_place(seeds):
    assert seeds.findings == sort_findings(list(reversed(seeds.findings)))
    order = {"error": 0, "warning": 1, "info": 2}
    assert [order[f.severity] for f in seeds.findings] == sorted(order[f.severity] for f in seeds.findings)


def test_headline_message_names_the_odd_source_and_the_others(seeds):
    dated = [f for f in seeds.findings if f.rule == "event-date-disagreement"]
    assert len(dated) == 1
    assert dated[0].severity == "error"
    assert dated[0].message.startswith("000_f1544da85298896f.txt dates the end of the war to summer 2022;")
    assert "other sources say 2020" in dated[0].message


def test_ids_survive_moved_lines_and_a_fixed_typo(tmp_path, seeds):
    folder = _copy(tmp_path)
    _edit(folder, "000", "Refugees from the", "Updated at noon.\nRefugees from the")
    _edit(folder, "001", "Armenians in Nagorno-Karabakh began", "\n\nArmenians in Nagorno-Karabakh began")
    _edit(folder, "000", "Mr Nersessian declined", "Mr Nersesyan declined")
    edited = run_check([str(folder)], **QUIET)
    assert [f.id for f in edited.findings] == [f.id for f in seeds.findings]
    assert [g.id for g in edited.groups] == [g.id for g in seeds.groups]
    moved = {c.line for f in edited.findings for c in f.claims if c.source.startswith("000")}
    assert moved != {c.line for f in seeds.findings for c in f.claims if c.source.startswith("000")}


def test_finding_id_ignores_places_but_not_values(seeds):
    f = seeds.findings[0]
    c = f.claims[0]
    moved = type(c)(**{**c.to_dict(), "line": c.line + 7, "start": c.start + 99, "end": c.end + 99})
    assert claim_key(moved) == claim_key(c)
    assert finding_id(f.rule, [moved] + f.claims[1:]) == finding_id(f.rule, f.claims)
    changed = type(c)(**{**c.to_dict(), "value": 2019, "lo": 2019, "hi": 2019})
    assert finding_id(f.rule, [changed] + f.claims[1:]) != finding_id(f.rule, f.claims)


def test_a_source_that_agrees_with_the_majority_keeps_the_disagreement_id(tmp_path, seeds):
    folder = _copy(tmp_path)
    (folder / "005_agrees.txt").write_text(
        "Russia deployed about 2,000 peacekeepers under the ceasefire that ended the war in 2020.\n",
        encoding="utf-8")
    more = run_check([str(folder)], **QUIET)
    before = next(f for f in seeds.findings if f.rule == "event-date-disagreement")
    after = next(f for f in more.findings if f.rule == "event-date-disagreement")
    assert after.id == before.id
    assert "005_agrees.txt" in {c.source for c in after.claims}


def test_a_toll_that_contradicts_on_the_same_day_is_an_error(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder, "002", "At least 200 people were killed", "About 20 people were killed")
    result = run_check([str(folder)], **QUIET)
    clash = [f for f in result.findings if f.rule == "count-disagreement"]
    assert len(clash) == 1 and clash[0].severity == "error"
    assert {c.text for c in clash[0].claims} == {"About 20", "more than 200"}
    assert "on 2023-09-24;" in clash[0].message


def test_a_stock_that_contradicts_on_the_same_day_is_an_error(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder, "002", "There are 120,000 Armenians", "There are 80,000 Armenians")
    result = run_check([str(folder)], **QUIET)
    clash = [f for f in result.findings if f.rule == "count-disagreement"]
    assert [f.severity for f in clash] == ["error"]
    assert {c.text for c in clash[0].claims} == {"80,000", "120,000"}


def test_a_falling_refugee_tally_is_an_error(tmp_path):
    folder = _copy(tmp_path)
    _edit(folder, "002", "a total of 377 refugees", "a total of 3,770 refugees")
    result = run_check([str(folder)], **QUIET)
    falls = [f for f in result.findings if f.rule == "tally-regression"]
    assert falls and falls[0].severity == "error"
    assert "1,050" in falls[0].message and "3,770" in falls[0].message
    assert not [f for f in result.findings if f.rule == "rising-tally" and "3,770" in f.message]


def test_a_share_that_does_not_fit_the_whole_is_flagged(tmp_path, seeds):
    assert not [f for f in seeds.findings if f.rule == "share-of-whole"]
    folder = _copy(tmp_path)
    _edit(folder, "000", "11 a.m. Wednesday, 50,000 people", "11 a.m. Wednesday, 30,000 people")
    result = run_check([str(folder)], **QUIET)
    share = [f for f in result.findings if f.rule == "share-of-whole"]
    assert len(share) == 1 and share[0].severity == "warning"
    assert "30,000 people is more than a third of the population" in share[0].message
    assert "120,000 Armenians" in share[0].message


def test_applies_to_filters_claims():
    sources = read_sources([str(SEEDS)], **QUIET)
    claims = [c for s in sources for c in extract_claims(s)]
    rules, aliases = load_rulebook(default_rules_dir())
    rule = next(r for r in rules if r.id == "event-date-disagreement")
    rule.applies_to = {"kinds": ["year"], "context_excluded": ["revolution"]}
    assert run_rules([rule], claims, aliases)[1]
    rule.applies_to = {"kinds": ["date"]}
    assert run_rules([rule], claims, aliases)[1] == []
    # only 000's year has 'ceasefire' among the claims dated to the war: nothing to compare
    rule.applies_to = {"kinds": ["year"], "context_required": ["truce"]}
    assert run_rules([rule], claims, aliases)[1] == []
