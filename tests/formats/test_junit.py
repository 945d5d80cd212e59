"""JUnit XML: one test case per source; a failure lists the source's new findings."""
import os
import xml.etree.ElementTree as ET

import pytest

from checker.formats.junit import junit_report, xml_safe
from checker.gate import build_result
from checker.models import Finding

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


@pytest.fixture(scope="module")
def seeds(seed_sources, seed_claim_at):
    sources, claims = seed_sources, seed_claim_at
    war = Finding(id="year:war-end", rule="year-mismatch", severity="error",
                  message="The war ended in 2022 per one source, 2020 per another\x0b",
                  claims=[claims["000", 21, "the summer of 2022"], claims["002", 11, "2020"]])
    peace = Finding(id="count:peacekeepers", rule="count-mismatch", severity="warning",
                    message="about 2,000 vs 2,000 peacekeepers",
                    claims=[claims["000", 21, "about 2,000"], claims["001", 27, "2,000"]])
    return sources, [war, peace]


def test_one_testcase_per_source_and_failures_for_new_findings(seeds):
    sources, findings = seeds
    root = ET.fromstring(junit_report(build_result(findings, sources, root=ROOT)))
    cases = root.findall("./testsuite/testcase")
    assert [c.get("name") for c in cases] == [f"seeds/{s.name}" for s in sources]
    failed = {c.get("name"): c.find("failure") for c in cases if c.find("failure") is not None}
    assert sorted(failed) == ["seeds/000_f1544da85298896f.txt", "seeds/002_eaa1d8c9a6033192.txt"]
    text = failed["seeds/002_eaa1d8c9a6033192.txt"].text
    assert "year-mismatch year:war-end" in text and "seeds/002_eaa1d8c9a6033192.txt:11:138 \"2020\"" in text
    assert "\ufffd" in text  # the control character became U+FFFD, so the XML parses
    # the warning is new but below --fail-on error: reported, not failed
    out = {c.get("name"): c.findtext("system-out") for c in cases}
    assert "count-mismatch" in out["seeds/001_371c06971a596525.txt"]
    assert root.get("tests") == "5" and root.get("failures") == "2"


def test_fail_on_warning_and_nothing_new(seeds):
    sources, findings = seeds
    root = ET.fromstring(junit_report(build_result(findings, sources, root=ROOT, fail_on="warning")))
    assert root.get("failures") == "3"
    quiet = ET.fromstring(junit_report(build_result(findings, sources, root=ROOT,
                                                    baseline={"year:war-end", "count:peacekeepers"})))
    assert quiet.get("failures") == "0" and len(quiet.findall(".//testcase")) == 5
    assert quiet.findall(".//failure") == []


def test_xml_safe_keeps_text_and_replaces_control_characters():
    assert xml_safe("a\tb\nc\x00d\x1fé€😀") == "a\tb\nc\ufffdd\ufffdé€😀"
