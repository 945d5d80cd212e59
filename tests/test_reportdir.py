"""Report folders are written all or nothing; single files atomically."""
from __future__ import annotations

import pytest

from checker import reportdir
from checker.errors import CheckerError
from checker.reportdir import write_file, write_report_dir


def test_writes_every_file_and_creates_the_folder(tmp_path):
    out = tmp_path / "new" / "reports"
    paths = write_report_dir(out, {"b.csv": "x,y\n", "a.md": "# é\n"})
    assert [p.name for p in paths] == ["a.md", "b.csv"]
    assert (out / "a.md").read_bytes() == "# é\n".encode("utf-8")
    assert sorted(p.name for p in out.iterdir()) == ["a.md", "b.csv"]  # no temp files left


def test_a_failure_midway_leaves_the_previous_reports_and_no_temp_files(tmp_path, monkeypatch):
    write_report_dir(tmp_path, {"a.md": "old a\n", "b.md": "old b\n", "c.md": "old c\n"})
    (tmp_path / "keep.txt").write_text("mine\n")
    real = reportdir._write_temp
    calls = []

    def failing(folder, name, data):
        calls.append(name)
        if len(calls) == 3:
            raise OSError(28, "No space left on device")
        return real(folder, name, data)

    monkeypatch.setattr(reportdir, "_write_temp", failing)
    with pytest.raises(CheckerError, match="No space left on device.*previous reports left"):
        write_report_dir(tmp_path, {"a.md": "new a\n", "b.md": "new b\n", "c.md": "new c\n"})
    assert calls == ["a.md", "b.md", "c.md"]
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {
        "a.md": "old a\n", "b.md": "old b\n", "c.md": "old c\n", "keep.txt": "mine\n"}


def test_a_file_in_place_of_the_folder_is_a_one_line_error(tmp_path):
    (tmp_path / "reports").write_text("")
    with pytest.raises(CheckerError, match="reports: not a folder"):
        write_report_dir(tmp_path / "reports", {"a.md": ""})


def test_write_file_replaces_and_refuses_a_missing_folder(tmp_path):
    target = tmp_path / "out.json"
    target.write_text("old")
    write_file(target, "new\n")
    assert target.read_text() == "new\n" and [p.name for p in tmp_path.iterdir()] == ["out.json"]
    with pytest.raises(CheckerError, match="does not exist"):
        write_file(tmp_path / "missing" / "out.json", "x")
