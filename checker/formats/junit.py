"""JUnit XML, for CI systems that show test reports: one test case per source file.

A source's test case fails when a new finding that fails the gate involves it; the failure lists
those findings with their places. Other new findings (below --fail-on) go to system-out.
No timestamps or durations, so the same run gives the same bytes.
"""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from checker.gate import GateResult, Gated


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """XML 1.0 cannot hold control characters, which messy sources do contain: show them as U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def _describe(result: GateResult, item: Gated) -> str:
    f = item.finding
    places = "; ".join(f"{result.path(c)}:{c.line}:{c.column} \"{c.text}\"" for c in f.claims)
    return xml_safe(f"[{f.severity}] {f.rule} {f.id}: {f.message}\n    at {places}")


def junit_report(result: GateResult) -> str:
    per_source: dict[str, list[Gated]] = {name: [] for name in result.sources}
    for item in result.items:
        if item.new:
            for name in sorted({c.source for c in item.finding.claims}):
                per_source.setdefault(name, []).append(item)
    cases = []
    failures = 0
    for name in sorted(per_source, key=lambda n: result.paths.get(n, n)):
        case = ET.Element("testcase", {"classname": "checker.ci", "name": xml_safe(result.paths.get(name, name))})
        failing = [i for i in per_source[name] if result.fails(i)]
        quiet = [i for i in per_source[name] if not result.fails(i)]
        if failing:
            failures += 1
            fail = ET.SubElement(case, "failure", {
                "message": f"{len(failing)} new finding(s) at or above {result.fail_on}",
                "type": "checker." + ("error" if any(i.finding.severity == "error" for i in failing) else "warning")})
            fail.text = "\n".join(_describe(result, i) for i in failing)
        if quiet:
            ET.SubElement(case, "system-out").text = "\n".join(_describe(result, i) for i in quiet)
        cases.append(case)
    suites = ET.Element("testsuites", {"name": "checker", "tests": str(len(cases)), "failures": str(failures),
                                       "errors": "0"})
    suite = ET.SubElement(suites, "testsuite", {"name": "checker ci", "tests": str(len(cases)),
                                                "failures": str(failures), "errors": "0", "skipped": "0"})
    suite.extend(cases)
    ET.indent(suites)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
