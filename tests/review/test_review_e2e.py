"""The whole review loop through the real engine: export, edit in a spreadsheet, import, check."""
from __future__ import annotations

import json
import random
import shutil

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

from checker.cli import cli
from checker.pipeline import run_check
from checker.review.store import apply_decisions, load_decisions

from .conftest import soffice_convert, write_news


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    runner = CliRunner()
    return lambda *args: runner.invoke(cli, list(args), catch_exceptions=False)


def _edit(path, decisions: dict[str, tuple[str, str, str]]):
    """Decide, shuffle the rows and add a column, as an editor would, with openpyxl."""
    wb = load_workbook(path)
    ws = wb["Findings"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header, body = rows[0] + ["checked on"], [r + ["2023-09-25"] for r in rows[1:]]
    for r in body:
        if r[0] in decisions:
            for name, value in zip(("decision", "reviewer", "note"), decisions[r[0]]):
                r[header.index(name)] = value
    random.Random(3).shuffle(body)
    ws.delete_rows(1, ws.max_row)
    for row in [header] + body:
        ws.append(row)
    wb.save(path)


def _check_json(run, folder, *extra):
    res = run("check", folder, "--format", "json", "--fail-on", "never", *extra)
    assert res.exit_code == 0, res.stderr
    return {f["id"]: f for f in json.loads(res.stdout)["findings"]}


def test_seeds_round_trip_through_xlsx(run, seeds_copy, tmp_path):
    before = _check_json(run, "seeds-copy")
    assert len(before) >= 2, "the engine finds at least two discrepancies in the seeds"
    dismissed, confirmed = sorted(before)[:2]
    res = run("review", "export", "seeds-copy")
    assert res.exit_code == 0, res.stderr
    _edit(tmp_path / "reports/review.xlsx", {dismissed: (" Dismissed ", "Ana", "same figure, rounded"),
                                             confirmed: ("confirmed", "Bo", "N/A")})
    res = run("review", "import", "reports/review.xlsx")
    assert res.exit_code == 0, res.stderr
    assert "into seeds-copy/reviews.csv: 2 new" in res.stdout

    after = _check_json(run, "seeds-copy")
    assert dismissed not in after and set(after) == set(before) - {dismissed}
    assert after[confirmed]["review"] == {"decision": "confirmed", "reviewer": "Bo", "note": "N/A"}
    shown = _check_json(run, "seeds-copy", "--all")
    assert shown[dismissed]["review"]["decision"] == "dismissed"

    # the same decisions through LibreOffice, as .xlsx and as ;-separated UTF-8 CSV
    store = load_decisions(seeds_copy / "reviews.csv")
    for target in ("xlsx", "csv:Text - txt - csv (StarCalc):59,34,76,1"):
        converted = soffice_convert(tmp_path / "reports/review.xlsx", target, tmp_path / target[:4])
        fresh = tmp_path / f"fresh-{target[:4]}.csv"
        res = run("review", "import", str(converted), "seeds-copy", "--store", str(fresh))
        assert res.exit_code == 0, res.stderr
        assert load_decisions(fresh) == store


def test_decision_survives_source_removal_and_return(run, tmp_path):
    news = write_news(tmp_path / "news")
    result = run_check([str(news)])
    ids = sorted(f.id for f in result.findings if any(c.source == "b.txt" for c in f.claims))
    assert ids, "the engine flags 'more than 200' against 'about 40' killed"
    run("review", "export", "news")
    _edit(tmp_path / "reports/review.xlsx", {ids[0]: ("dismissed", "Ana", "null")})
    assert run("review", "import", "reports/review.xlsx").exit_code == 0

    shutil.move(news / "b.txt", tmp_path / "b.txt")
    res = run("review", "export", "news")
    assert res.exit_code == 0 and f"  {ids[0]}  dismissed" in res.stdout and "marked stale" in res.stdout
    assert load_decisions(news / "reviews.csv")[ids[0]].stale

    shutil.move(tmp_path / "b.txt", news / "b.txt")
    res = run("review", "import", "reports/review.xlsx")  # the old sheet again: still no loss
    assert res.exit_code == 0 and "stale" not in res.stdout
    store = load_decisions(news / "reviews.csv")
    assert (store[ids[0]].decision, store[ids[0]].note, store[ids[0]].stale) == ("dismissed", "null", False)
    assert ids[0] not in {f.id for f in apply_decisions(run_check([str(news)]).findings, store)}
