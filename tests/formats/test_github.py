"""GitHub workflow-command annotations: escaped as GitHub requires, placed on the new file's lines."""
import os

import pytest

from checker.extract import extract_text
from checker.formats.github import annotation, escape_data, escape_property, github_report
from checker.gate import build_result
from checker.models import Finding

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="module")
def seeds(seed_sources, seed_claim_at):
    sources, claims = seed_sources, seed_claim_at
    war = Finding(id="year:war-end", rule="year-mismatch", severity="error",
                  message="The war ended in 2022 per one source, 2020 per two others",
                  claims=[claims["000", 21, "the summer of 2022"], claims["002", 11, "2020"],
                          claims["003", 31, "2020"]])
    note = Finding(id="info:round", rule="round-figure", severity="info", message="round figure",
                   claims=[claims["001", 27, "2,000"]])
    return sources, [war, note]


def test_escaping():
    message = "100% sure:\r\nfigures differ, see 2,000"
    assert escape_data(message) == "100%25 sure:%0D%0Afigures differ, see 2,000"
    assert escape_property(message) == "100%25 sure%3A%0D%0Afigures differ%2C see 2%2C000"
    line = annotation("error", message, file="news/a,b:c.txt", line=3, col=7, title="checker a:b,c")
    assert line == ("::error file=news/a%2Cb%3Ac.txt,line=3,col=7,title=checker a%3Ab%2Cc::"
                    "100%25 sure:%0D%0Afigures differ, see 2,000")
    assert "\n" not in line


def test_message_from_real_text_is_escaped():
    claim = extract_text("Turnout rose to 45% in 2023, officials said.", source="poll.txt")[0]
    assert claim.text == "45%"
    f = Finding(id="p", rule="percent-mismatch", severity="warning",
                message=f"{claim.text} here,\nbut 40% there", claims=[claim])
    from checker.gate import classify, GateResult
    report = github_report(GateResult(items=classify([f])))
    assert report.splitlines()[0] == ("::warning file=poll.txt,line=1,col=17,title=checker percent-mismatch::"
                                      "45%25 here,%0Abut 40%25 there [p]")


def test_one_annotation_per_claim_of_each_new_finding(seeds):
    sources, findings = seeds
    report = github_report(build_result(findings, sources, root=ROOT, baseline={"info:round"}))
    lines = report.splitlines()
    assert len(lines) == 4  # three places of the new finding, then the summary
    assert lines[0].startswith("::error file=seeds/000_f1544da85298896f.txt,line=21,col=135,"
                               "title=checker year-mismatch::The war ended in 2022")
    assert lines[0].endswith("%0AAlso stated at: seeds/002_eaa1d8c9a6033192.txt:11, seeds/003_bad527a6dbefebb3.txt:31")
    assert lines[1].startswith("::error file=seeds/002_eaa1d8c9a6033192.txt,line=11,col=138,")
    assert lines[3].startswith("checker ci: FAIL: 1 new finding(s) at or above error; 1 new,")


def test_with_base_only_changed_sources_are_annotated_and_info_is_a_notice(seeds):
    sources, findings = seeds
    changed = {"001_371c06971a596525.txt", "003_bad527a6dbefebb3.txt"}
    result = build_result(findings, sources, root=ROOT,
                          changed_files=lambda p: os.path.basename(p) in changed)
    lines = github_report(result).splitlines()
    assert [ln.split(",")[0] for ln in lines[:-1]] == [
        "::error file=seeds/003_bad527a6dbefebb3.txt", "::notice file=seeds/001_371c06971a596525.txt"]
    assert lines[-1].startswith("checker ci: FAIL")


def test_nothing_new_prints_only_the_summary(seeds):
    sources, findings = seeds
    report = github_report(build_result(findings, sources, root=ROOT, baseline={"year:war-end", "info:round"}))
    assert report == ("checker ci: OK: no new findings at or above error; 0 new, 0 reviewed, "
                      "2 in baseline, 0 in unchanged sources\n")
