"""`checker review export|import` through the CLI: paths, stores, exit codes, stale decisions.

The findings come from `hand_check` (real claims, rule-like pairing) so the command plumbing is
tested on its own; test_review_e2e.py runs the same round trip through the real engine.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from openpyxl import load_workbook

import checker.commands.review as review_cmd
from checker.cli import cli

from .conftest import hand_check, write_news


@pytest.fixture
def run(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(review_cmd, "_run_check", lambda paths, rules: hand_check(Path(paths[0])))
    runner = CliRunner()

    def invoke(*args):
        return runner.invoke(cli, list(args), catch_exceptions=False)
    return invoke


def _decide(path, decisions: dict[str, tuple[str, str, str]]):
    wb = load_workbook(path)
    ws = wb["Findings"]
    header = [c.value for c in ws[1]]
    for row in ws.iter_rows(min_row=2):
        fid = row[header.index("id")].value
        if fid in decisions:
            for name, value in zip(("decision", "reviewer", "note"), decisions[fid]):
                row[header.index(name)].value = value
    wb.save(path)


def _ids(folder):
    return sorted(f.id for f in hand_check(folder).findings)


def test_export_then_import_finds_the_store_from_the_workbook(run, tmp_path):
    write_news(tmp_path / "news")
    res = run("review", "export", "news")
    assert res.exit_code == 0, res.stderr
    assert res.stdout == "wrote reports/review.xlsx: 5 finding(s), 0 already decided, 1 aligned quantities\n"
    a, b = _ids(tmp_path / "news")[:2]
    _decide(tmp_path / "reports/review.xlsx", {a: ("dismissed", "Ana", "same event"), b: ("confirmed", "Bo", "")})
    res = run("review", "import", "reports/review.xlsx")
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ("imported reports/review.xlsx into news/reviews.csv: 2 new, 0 changed, "
                          "0 unchanged, 3 left unreviewed\n")
    lines = (tmp_path / "news/reviews.csv").read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,decision,reviewer,note,rule,summary,stale"
    assert sorted(lines[1:]) == lines[1:] and len(lines) == 3
    assert lines[1 + sorted([a, b]).index(a)].startswith(f"{a},dismissed,Ana,same event,count-mismatch,")
    # a second export is pre-filled from the store
    res = run("review", "export", "news", "-o", "again.xlsx")
    assert "2 already decided" in res.stdout
    rows = {r[0]: r for r in load_workbook("again.xlsx")["Findings"].iter_rows(min_row=2, values_only=True)}
    assert rows[a][-3:] == ("dismissed", "Ana", "same event")


def test_unknown_decision_exits_2_and_leaves_the_store_alone(run, tmp_path):
    write_news(tmp_path / "news")
    a, b = _ids(tmp_path / "news")[:2]
    store = tmp_path / "news/reviews.csv"
    store.write_text(f"id,decision,reviewer,note,rule,summary,stale\n{a},confirmed,Ana,,,,false\n", encoding="utf-8")
    before = store.read_bytes()
    run("review", "export", "news", "-o", "review.csv")
    lines = (tmp_path / "review.csv").read_text(encoding="utf-8-sig").splitlines(keepends=True)
    row = next(i for i, line in enumerate(lines) if line.startswith(b))
    lines[row] = lines[row].replace(",unreviewed,", ",Maybe ,")
    lines[1 + (row == 1)] = lines[1 + (row == 1)].replace(",unreviewed,", ",confirmed,")
    (tmp_path / "review.csv").write_text("".join(lines), encoding="utf-8")
    res = run("review", "import", "review.csv", "--store", "news/reviews.csv")
    assert res.exit_code == 2
    err = res.stderr.splitlines()
    assert err[0] == (f"review.csv: row {row + 1} (id {b}): unknown decision 'Maybe' "
                      "(expected one of unreviewed, confirmed, dismissed, needs-source)")
    assert err[-1] == "Error: review.csv: 1 problem(s); nothing imported, fix them and import again"
    assert store.read_bytes() == before


def test_csv_needs_a_store_or_paths(run, tmp_path):
    write_news(tmp_path / "news")
    run("review", "export", "news", "-o", "review.csv")
    res = run("review", "import", "review.csv")
    assert res.exit_code == 2
    assert res.stderr == ("Error: review.csv: cannot tell which review store to update; "
                          "give --store FILE or the source PATHS\n")
    res = run("review", "import", "review.csv", "news")
    assert res.exit_code == 0 and "into news/reviews.csv" in res.stdout


def test_bad_output_and_bad_store_are_one_line_errors(run, tmp_path):
    write_news(tmp_path / "news")
    res = run("review", "export", "news", "-o", "review.ods")
    assert (res.exit_code, res.stderr) == (2, "Error: review.ods: review files are .xlsx or .csv\n")
    (tmp_path / "news/reviews.csv").write_text("id,decision\nx,perhaps\n", encoding="utf-8")
    res = run("review", "export", "news")
    assert res.exit_code == 2 and res.stderr.startswith("Error: news/reviews.csv:2: unknown decision 'perhaps'")


def test_a_decision_survives_its_finding_going_away_and_coming_back(run, tmp_path):
    news = write_news(tmp_path / "news")
    ids = _ids(news)
    run("review", "export", "news")
    _decide(tmp_path / "reports/review.xlsx", {ids[0]: ("dismissed", "Ana", "N/A"), ids[1]: ("confirmed", "Bo", "ok")})
    assert run("review", "import", "reports/review.xlsx").exit_code == 0
    stored = (news / "reviews.csv").read_text(encoding="utf-8")

    shutil.move(news / "b.txt", tmp_path / "b.txt")  # the contradicting source is removed
    res = run("review", "export", "news")
    assert res.exit_code == 0
    assert "0 finding(s)" in res.stdout
    assert "2 decision(s) kept for findings no longer found (marked stale):" in res.stdout
    assert f"  {ids[0]}  dismissed  count-mismatch  a.txt says" in res.stdout
    assert (news / "reviews.csv").read_text(encoding="utf-8") == stored.replace(",false\n", ",true\n")
    # importing an old sheet while the finding is gone keeps and reports the decision too
    res = run("review", "import", "reports/review.xlsx", "news")
    assert res.exit_code == 0 and "marked stale" in res.stdout

    shutil.move(tmp_path / "b.txt", news / "b.txt")  # ... and comes back
    res = run("review", "export", "news")
    assert "2 already decided" in res.stdout and "stale" not in res.stdout
    assert (news / "reviews.csv").read_text(encoding="utf-8") == stored
