"""SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.

Every claim of a finding is a location (file, line, column span, quoted text); the stable finding
id is the partial fingerprint, so viewers track a finding across line moves; baselineState says
whether the gate counted it as new. Columns are Unicode code points, as in the claims.
"""
from __future__ import annotations

import json
from urllib.parse import quote

from checker import __version__
from checker.gate import REVIEWED, GateResult, Gated
from checker.models import Claim

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
FINGERPRINT = "checkerFindingId/v1"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def region(claim: Claim) -> dict:
    """Start and (exclusive) end of the quoted text; quotes spanning lines end on their last line."""
    lines = claim.text.split("\n")
    end_line = claim.line + len(lines) - 1
    end_col = (claim.column + len(claim.text)) if len(lines) == 1 else len(lines[-1]) + 1
    return {"startLine": claim.line, "startColumn": claim.column, "endLine": end_line,
            "endColumn": end_col, "snippet": {"text": claim.text}}


def location(result: GateResult, claim: Claim) -> dict:
    loc = {"physicalLocation": {"artifactLocation": {"uri": quote(result.path(claim), safe="/")},
                                "region": region(claim)}}
    if claim.sentence:
        loc["message"] = {"text": claim.sentence}
    return loc


def _first_sentence(text: str) -> str:
    head = text.split(". ")[0].rstrip(".")
    return head + "." if head else head


def _rules(result: GateResult) -> list[dict]:
    """Every rule of the rulebook, plus any rule a finding names that the rulebook did not list."""
    known: dict[str, dict] = {rid: dict(info) for rid, info in result.rules.items()}
    for item in result.items:
        known.setdefault(item.finding.rule, {"severity": item.finding.severity})
    out = []
    for rid in sorted(known):
        info = known[rid]
        text = info.get("description") or ""
        rule = {"id": rid, "shortDescription": {"text": _first_sentence(text) or f"Sources disagree ({rid})"},
                "defaultConfiguration": {"level": LEVELS.get(info.get("severity", "error"), "error")}}
        if text:
            rule["fullDescription"] = {"text": text}
        out.append(rule)
    return out


def _result(result: GateResult, item: Gated, rule_index: dict[str, int]) -> dict:
    f = item.finding
    out = {"ruleId": f.rule, "ruleIndex": rule_index[f.rule], "level": LEVELS.get(f.severity, "error"),
           "message": {"text": f.message},
           "locations": [location(result, c) for c in f.claims],
           "partialFingerprints": {FINGERPRINT: f.id},
           "baselineState": "new" if item.new else "unchanged",
           "properties": {"status": item.status, "sources": sorted({result.path(c) for c in f.claims})}}
    if f.group:
        out["properties"]["group"] = f.group
    if item.status == REVIEWED and f.review and f.review.get("decision") == "dismissed":
        sup = {"kind": "external", "status": "accepted"}
        if f.review.get("note"):
            sup["justification"] = f.review["note"]
        out["suppressions"] = [sup]
    return out


def sarif_log(result: GateResult) -> dict:
    rules = _rules(result)
    index = {r["id"]: n for n, r in enumerate(rules)}
    run = {"tool": {"driver": {"name": "checker", "version": __version__, "semanticVersion": __version__,
                               "rules": rules}},
           "columnKind": "unicodeCodePoints",
           "results": [_result(result, item, index) for item in result.items]}
    return {"$schema": SCHEMA, "version": "2.1.0", "runs": [run]}


def sarif_report(result: GateResult) -> str:
    return json.dumps(sarif_log(result), ensure_ascii=False, indent=2) + "\n"
