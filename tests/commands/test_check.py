"""`checker check` end to end: exit codes, formats, --output, --report-dir, reviews."""
from __future__ import annotations

import csv
import io
import json
import shutil

import pytest
from click.testing import CliRunner

from checker.cli import cli

# Two short reports of one earthquake that contradict each other on the toll.
WIRE = "At least 60 people were killed in the earthquake in the province, officials said on Monday.\n"
PAPER = "The earthquake killed 12 people in the province, the governor said on Monday.\n"


def run(*args):
    return CliRunner().invoke(cli, ["check", *map(str, args)], catch_exceptions=False)


@pytest.fixture
def quake(tmp_path):
    folder = tmp_path / "quake"
    folder.mkdir()
    (folder / "paper.txt").write_text(PAPER, encoding="utf-8")
    (folder / "wire.txt").write_text(WIRE, encoding="utf-8")
    (folder / "sources.csv").write_text("file,outlet,published\nwire.txt,Wire,2023-02-06\n"
                                        "paper.txt,Paper,2023-02-06\n", encoding="utf-8")
    return folder


@pytest.fixture
def seeds_copy(tmp_path):
    return shutil.copytree("seeds", tmp_path / "seeds")


def test_contradicting_toll_is_an_error_and_exits_1(quake):
    result = run(quake)
    assert result.exit_code == 1, result.output
    assert "error" in result.stdout and "count-disagreement" in result.stdout
    assert "wire.txt:1" in result.stdout and "paper.txt:1" in result.stdout
    assert "At least 60 people" in result.stdout
    last = result.stdout.splitlines()[-1]
    assert last.startswith("1 finding: 1 error in 2 sources, ")


def test_fail_on_never_exits_0_and_warning_is_stricter_than_error(quake):
    assert run(quake, "--fail-on", "never").exit_code == 0
    assert run(quake, "--fail-on", "warning").exit_code == 1


def test_no_finding_exits_0(tmp_path):
    (tmp_path / "a.txt").write_text(WIRE, encoding="utf-8")
    (tmp_path / "b.txt").write_text("The earthquake in the province killed more than 60 people, officials said.\n",
                                    encoding="utf-8")
    result = run(tmp_path)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1].startswith("no findings in 2 sources")


def test_missing_path_is_one_line_and_exit_2(tmp_path):
    result = run(tmp_path / "nope")
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert result.output.startswith("Error: ") and "nope" in result.output


@pytest.mark.parametrize("args", [["--format", "xml"], ["--fail-on", "sometimes"], ["--rules", "no/such/dir"]])
def test_bad_options_exit_2(quake, args):
    result = run(quake, *args)
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_json_output_file_is_the_documented_document(quake, tmp_path):
    out = tmp_path / "f.json"
    result = run(quake, "--format", "json", "--output", out, "--fail-on", "never")
    assert result.exit_code == 0 and result.stdout == ""
    assert "1 finding: 1 error" in result.stderr  # the summary still reaches the terminal
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["version"] == 1 and set(doc) == {"version", "findings", "groups"}
    (f,) = doc["findings"]
    assert f["rule"] == "count-disagreement" and f["severity"] == "error"
    assert {c["source"] for c in f["claims"]} == {"paper.txt", "wire.txt"}
    assert f["group"] in {g["id"] for g in doc["groups"]}


def test_csv_goes_to_stdout_flat(quake):
    result = run(quake, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 1 and rows[0]["severity"] == "error"
    assert {rows[0]["source_1"], rows[0]["source_2"]} == {"paper.txt", "wire.txt"}


def test_report_dir_has_the_five_files_with_outlets_as_columns(quake, tmp_path):
    out = tmp_path / "reports"
    assert run(quake, "--report-dir", out).exit_code == 1
    assert sorted(p.name for p in out.iterdir()) == [
        "alignment.csv", "alignment.md", "findings.csv", "findings.json", "report.md"]
    header = (out / "alignment.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "group,quantity,kind,flag,Paper,Wire"
    report = (out / "report.md").read_text(encoding="utf-8")
    assert "At least 60" in report and str(tmp_path) not in report


def test_report_dir_failure_keeps_the_old_reports(quake, tmp_path, monkeypatch):
    out = tmp_path / "reports"
    run(quake, "--report-dir", out)
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    from checker import reportdir
    real = reportdir._write_temp

    def fail_on_third(folder, name, data, _calls=[]):
        _calls.append(name)
        if len(_calls) == 3:
            raise OSError(13, "Permission denied")
        return real(folder, name, data)

    monkeypatch.setattr(reportdir, "_write_temp", fail_on_third)
    (quake / "paper.txt").write_text(PAPER.replace("12", "15"), encoding="utf-8")
    result = run(quake, "--report-dir", out)
    assert result.exit_code == 2 and "Permission denied" in result.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_dismissed_findings_are_hidden_do_not_fail_and_show_with_all(quake):
    fid = json.loads(run(quake, "--format", "json").stdout)["findings"][0]["id"]
    (quake / "reviews.csv").write_text(f"id,decision,reviewer,note\n{fid},dismissed,Ana,same toll\n",
                                       encoding="utf-8")
    hidden = run(quake)
    assert hidden.exit_code == 0
    assert "1 dismissed in review not shown" in hidden.stdout and "count-disagreement" not in hidden.stdout
    shown = run(quake, "--all")
    assert shown.exit_code == 0 and "(dismissed)" in shown.stdout
    doc = json.loads(run(quake, "--all", "--format", "json").stdout)
    assert doc["findings"][0]["review"] == {"decision": "dismissed", "reviewer": "Ana", "note": "same toll"}


def test_explicit_store_is_used_and_a_missing_one_is_an_error(quake, tmp_path):
    fid = json.loads(run(quake, "--format", "json").stdout)["findings"][0]["id"]
    store = tmp_path / "elsewhere.csv"
    store.write_text(f"id,decision,reviewer,note\n{fid},confirmed,Bo,\n", encoding="utf-8")
    result = run(quake, "--store", store)
    assert result.exit_code == 1 and "(confirmed)" in result.stdout
    missing = run(quake, "--store", tmp_path / "none.csv")
    assert missing.exit_code == 2 and missing.output.startswith("Error: ") and "none.csv" in missing.output


def test_same_input_gives_byte_identical_output_in_every_format(seeds_copy):
    for fmt in ("table", "json", "markdown", "csv"):
        first, second = run(seeds_copy, "--format", fmt), run(seeds_copy, "--format", fmt)
        assert first.exit_code in (0, 1)
        assert first.stdout == second.stdout and first.stdout


def test_help_ends_in_an_example():
    out = CliRunner().invoke(cli, ["check", "--help"]).output
    assert "Example:" in out and "checker check seeds/" in out.split("Example:")[1]


def test_default_store_beside_the_files_when_only_files_are_given(quake):
    fid = json.loads(run(quake, "--format", "json").stdout)["findings"][0]["id"]
    (quake / "reviews.csv").write_text(f"id,decision\n{fid},dismissed\n", encoding="utf-8")
    result = run(quake / "wire.txt", quake / "paper.txt")
    assert result.exit_code == 0 and "1 dismissed in review not shown" in result.stdout
