"""The gate's verdicts on findings built from real claims of the seed articles."""
import os
import shutil

import pytest

from checker.errors import CheckerError
from checker.gate import (BASELINE, EXISTING, NEW, REVIEWED, build_result, classify, default_baseline,
                          display_paths, failing_severity, load_decisions)
from checker.models import Finding
from checker.review.store import Decision, save_decisions

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEEDS = os.path.join(ROOT, "seeds")


@pytest.fixture(scope="module")
def seeds(seed_sources, seed_claim_at):
    sources, claims = seed_sources, seed_claim_at
    war_end = Finding(id="year:war-end", rule="year-mismatch", severity="error",
                      message="The war ended in 2022 per one source, 2020 per two others",
                      claims=[claims["000", 21, "the summer of 2022"], claims["002", 11, "2020"],
                              claims["003", 31, "2020"]])
    peace = Finding(id="count:peacekeepers", rule="count-mismatch", severity="warning",
                    message="about 2,000 vs more than 2,000 peacekeepers",
                    claims=[claims["000", 21, "about 2,000"], claims["002", 11, "more than 2,000"]])
    note = Finding(id="info:round", rule="round-figure", severity="info", message="round figure",
                   claims=[claims["001", 27, "2,000"]])
    return sources, [war_end, peace, note]


def test_unreviewed_finding_outside_baseline_is_new_and_fails(seeds):
    sources, findings = seeds
    result = build_result(findings, sources, root=ROOT)
    assert [i.status for i in result.items] == [NEW, NEW, NEW]
    assert [i.finding.id for i in result.failing] == ["year:war-end"]
    assert result.exit_code == 1


def test_reviewed_decisions_pass_but_unreviewed_does_not(seeds):
    _, findings = seeds
    for decision in ("confirmed", "dismissed", "needs-source"):
        d = {"year:war-end": Decision("year:war-end", decision, "ana", "seen")}
        assert classify(findings[:1], decisions=d)[0].status == REVIEWED
    d = {"year:war-end": Decision("year:war-end", "unreviewed", "", "")}
    assert classify(findings[:1], decisions=d)[0].status == NEW


def test_review_is_attached_to_reviewed_findings(seeds):
    _, findings = seeds
    d = {"year:war-end": Decision("year:war-end", "dismissed", "ana", "2020 is right; 000 is wrong")}
    item = classify(findings[:1], decisions=d)[0]
    assert item.finding.review == {"decision": "dismissed", "reviewer": "ana", "note": "2020 is right; 000 is wrong"}
    assert findings[0].review is None  # the caller's finding is not modified


def test_baseline_passes_and_review_wins_over_baseline(seeds):
    _, findings = seeds
    d = {"count:peacekeepers": Decision("count:peacekeepers", "confirmed", "bo", "")}
    items = classify(findings, decisions=d, baseline={"year:war-end", "count:peacekeepers"})
    assert [i.status for i in items] == [BASELINE, REVIEWED, NEW]


def test_with_base_only_findings_touching_changed_sources_are_new(seeds):
    sources, findings = seeds
    changed = {os.path.realpath(os.path.join(SEEDS, "002_eaa1d8c9a6033192.txt"))}
    result = build_result(findings, sources, root=ROOT, changed_files=lambda p: os.path.realpath(p) in changed)
    status = {i.finding.id: i.status for i in result.items}
    assert status == {"year:war-end": NEW, "count:peacekeepers": NEW, "info:round": EXISTING}
    war = next(i for i in result.items if i.finding.id == "year:war-end")
    assert [(c.source[:3], c.line) for c in result.shown_claims(war)] == [("002", 11)]
    assert result.changed == frozenset({"002_eaa1d8c9a6033192.txt"})


def test_severity_threshold():
    assert failing_severity("error", "error") and failing_severity("error", "warning")
    assert failing_severity("warning", "warning") and not failing_severity("warning", "error")
    assert not failing_severity("info", "warning") and not failing_severity("info", "error")


def test_fail_on_warning_fails_on_new_warning(seeds):
    sources, findings = seeds
    result = build_result(findings[1:], sources, root=ROOT, fail_on="warning")
    assert [i.finding.id for i in result.failing] == ["count:peacekeepers"]
    only_info = build_result(findings[2:], sources, root=ROOT, fail_on="warning")
    assert only_info.exit_code == 0 and only_info.counts()[NEW] == 1


def test_order_is_stable_whatever_the_input_order(seeds):
    sources, findings = seeds
    a = build_result(findings, sources, root=ROOT)
    b = build_result(list(reversed(findings)), sources, root=ROOT)
    assert [i.finding.id for i in a.items] == [i.finding.id for i in b.items]
    assert [i.finding.id for i in a.items] == ["year:war-end", "count:peacekeepers", "info:round"]


def test_display_paths_are_relative_with_forward_slashes(seeds):
    sources, _ = seeds
    paths = display_paths(sources, ROOT)
    assert paths["000_f1544da85298896f.txt"] == "seeds/000_f1544da85298896f.txt"
    assert display_paths(sources, SEEDS)["004_b21520cdc8b08693.txt"] == "004_b21520cdc8b08693.txt"


def test_store_default_and_explicit(tmp_path, seeds):
    folder = tmp_path / "src"
    shutil.copytree(SEEDS, folder)
    assert load_decisions([str(folder)], None) == {}
    with pytest.raises(CheckerError, match="missing.csv: review store not found"):
        load_decisions([str(folder)], str(tmp_path / "missing.csv"))
    save_decisions(folder / "reviews.csv", {"x": Decision("x", "dismissed", "ana", "")})
    assert load_decisions([str(folder)], None)["x"].decision == "dismissed"


def test_default_baseline_is_found_in_the_first_folder(tmp_path):
    assert default_baseline([str(tmp_path)]) is None
    (tmp_path / ".checker-baseline.json").write_text('{"format": "checker-baseline", "findings": []}')
    assert default_baseline([str(tmp_path)]) == os.path.join(str(tmp_path), ".checker-baseline.json")


def test_bad_fail_on_is_a_user_error(seeds):
    sources, findings = seeds
    with pytest.raises(CheckerError, match="--fail-on"):
        build_result(findings, sources, root=ROOT, fail_on="info")


def test_with_base_a_change_that_only_adds_evidence_to_a_known_finding_is_not_new(seeds):
    from checker.fingerprint import finding_id

    sources, findings = seeds
    war = findings[0]  # 000 says 2022; 002 and 003 say 2020
    at_base = [c for c in war.claims if not c.source.startswith("003")]
    base_ids = {finding_id(war.rule, at_base)}
    # 003 changed: without its claim the finding is one the base already had
    changed = {os.path.join(SEEDS, "003_bad527a6dbefebb3.txt")}
    result = build_result([war], sources, root=ROOT, changed_files=lambda p: p in changed, base_ids=base_ids)
    assert result.items[0].status == EXISTING and result.exit_code == 0
    # 000 changed: the outlier itself is new since the base
    changed = {os.path.join(SEEDS, "000_f1544da85298896f.txt")}
    result = build_result([war], sources, root=ROOT, changed_files=lambda p: p in changed, base_ids=base_ids)
    assert result.items[0].status == NEW and result.exit_code == 1
    # the base had exactly this finding (its source was edited elsewhere): not new
    result = build_result([war], sources, root=ROOT, changed_files=lambda p: p in changed, base_ids={war.id})
    assert result.items[0].status == EXISTING


def test_baseline_entry_plus_claims_from_other_sources_is_still_baselined(seeds):
    from checker.baseline import baseline_entry
    from checker.fingerprint import finding_id

    sources, findings = seeds
    war = findings[0]
    old_claims = [c for c in war.claims if not c.source.startswith("003")]
    old = Finding(id=finding_id(war.rule, old_claims), rule=war.rule, severity="error", message="m", claims=old_claims)
    baseline = {old.id: baseline_entry(old)}
    now = Finding(id=finding_id(war.rule, war.claims), rule=war.rule, severity="error", message="m", claims=war.claims)
    assert classify([now], baseline=baseline)[0].status == BASELINE
    # ids alone do not match, and a set of ids (no sources known) does not stretch
    assert classify([now], baseline=set(baseline))[0].status == NEW
    # another rule, or a different claim from a baselined source, is new
    other = Finding(id="x", rule="other-rule", severity="error", message="m", claims=war.claims)
    assert classify([other], baseline=baseline)[0].status == NEW
    sources_002 = [c for c in war.claims if c.source.startswith(("002", "003"))]
    narrower = Finding(id=finding_id(war.rule, sources_002), rule=war.rule, severity="error", message="m",
                       claims=sources_002)
    assert classify([narrower], baseline=baseline)[0].status == NEW
