"""The committed reports/ are what `checker check seeds/ --report-dir reports/` gives today."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from checker.cli import cli
from checker.commands.check import REPORT_FILES

ROOT = Path(__file__).resolve().parents[1]
REFRESH = "checker check seeds/ --report-dir reports/ --fail-on never"


def generate(out: Path) -> dict[str, bytes]:
    result = CliRunner().invoke(cli, ["check", "seeds/", "--report-dir", str(out), "--fail-on", "never"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return {p.name: p.read_bytes() for p in sorted(out.iterdir())}


@pytest.fixture(scope="module")
def fresh(tmp_path_factory):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return generate(tmp_path_factory.mktemp("reports"))


def test_report_dir_holds_exactly_the_documented_files(fresh):
    assert sorted(fresh) == sorted(REPORT_FILES)


@pytest.mark.parametrize("name", REPORT_FILES)
def test_committed_report_is_current(fresh, name):
    committed = ROOT / "reports" / name
    assert committed.exists(), f"reports/{name} is missing: run `{REFRESH}` and commit reports/"
    assert committed.read_bytes() == fresh[name], (
        f"reports/{name} is stale (the extractor, rules or formats changed): "
        f"run `{REFRESH}` and commit reports/")


def test_generating_twice_gives_byte_identical_files(fresh, tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    again = generate(tmp_path / "again")
    assert again == fresh


def test_reports_carry_no_absolute_path(fresh):
    for name, data in fresh.items():
        assert str(ROOT).encode() not in data, name
        assert b"seeds/" not in data, name
