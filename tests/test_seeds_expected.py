"""The editor's verdicts on the seeds (tests/data/seeds_expected.csv) against `run_check`.

A claim covers a quoted place when it overlaps the quote on the same line. A finding "pairs"
a row when its claims cover at least two of the row's quoted places.
"""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from checker.pipeline import run_check

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ROWS = list(csv.DictReader((ROOT / "tests/data/seeds_expected.csv").open(encoding="utf-8")))
STRETCH = {"seed-19": "non-numeric outcome contradiction (who defeated whom): beyond the numeric checks"}


@pytest.fixture(scope="module")
def result():
    return run_check([str(SEEDS)], on_notice=lambda msg: None)


def _spans(text: str, quote: str) -> list[tuple[int, int, int]]:
    """(line, start, end) of every occurrence of a quote; ' ... ' joins two pieces."""
    pieces = [p.strip() for p in quote.split(" ... ")]
    found = []
    at = text.find(pieces[0])
    while at >= 0:
        spans = [(at, at + len(pieces[0]))]
        pos = spans[0][1]
        for piece in pieces[1:]:
            nxt = text.find(piece, pos)
            if nxt < 0:
                spans = []
                break
            spans.append((nxt, nxt + len(piece)))
            pos = nxt + len(piece)
        for s, e in spans:
            found.append((text.count("\n", 0, s) + 1, s, e))
        at = text.find(pieces[0], at + 1)
    return found


def _places(row, result) -> list[list[tuple[str, int, int, int]]]:
    files = row["files"].split()
    quotes = [q.strip() for q in row["quotes"].split(" | ")]
    assert len(files) == len(quotes), row["case_id"]
    by_name = {s.name: s for s in result.sources}
    places = []
    for name, quote in zip(files, quotes):
        spans = _spans(by_name[name].original, quote)
        assert spans, f"{row['case_id']}: quote {quote!r} not found in {name}"
        places.append([(name, line, s, e) for line, s, e in spans])
    return places


def _covered(finding, places) -> set[int]:
    """Indexes of the quoted places the finding's claims cover."""
    hit = set()
    for i, spans in enumerate(places):
        for c in finding.claims:
            if any(c.source == n and c.line == line and c.start < e and s < c.end for n, line, s, e in spans):
                hit.add(i)
    return hit


@pytest.mark.parametrize("row", ROWS, ids=[r["case_id"] for r in ROWS])
def test_seed_case(row, result):
    if row["case_id"] in STRETCH:
        pytest.xfail(STRETCH[row["case_id"]])
    places = _places(row, result)
    pairing = [(f, _covered(f, places)) for f in result.findings]
    pairing = [(f, hit) for f, hit in pairing if len(hit) >= 2]
    verdict = row["verdict"]
    shown = "; ".join(f"{f.severity} {f.rule}: {f.message}" for f, _ in pairing) or "no finding pairs it"
    aligned = [g.label for g in result.groups if len(_covered(g, places)) >= 2]
    print(f"{row['case_id']} [{verdict}] {shown} | aligned in: {', '.join(aligned) or 'no group'}")
    if verdict == "conflict":
        assert any(f.severity in ("error", "warning") for f, _ in pairing), row["note"]
    elif verdict == "time-series":
        assert not any(f.severity == "error" for f, _ in pairing), shown
    else:  # consistent, different-quantity
        assert not any(f.severity in ("error", "warning") for f, _ in pairing), shown
