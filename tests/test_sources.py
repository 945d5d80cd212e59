"""sources: files and folders -> Source objects; bad input is a notice, never a traceback."""
from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from checker.errors import CheckerError
from checker.sources import read_sources
from checker.textclean import CleanText

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def _read(paths, **kw):
    notices: list[str] = []
    sources = read_sources([str(p) for p in paths], on_notice=notices.append, **kw)
    return sources, notices


def test_seeds_folder_reads_five_sources_with_manifest_metadata():
    sources, notices = _read([SEEDS])
    assert [s.name for s in sources] == sorted(p.name for p in SEEDS.glob("*.txt"))
    assert len(sources) == 5
    assert notices == []  # sources.csv is the manifest, not a skipped file
    by_name = {s.name: s for s in sources}
    reuters = by_name["001_371c06971a596525.txt"]
    assert reuters.outlet == "Reuters (republished)"
    assert reuters.published == datetime(2023, 9, 24)
    assert reuters.language == "en"
    assert by_name["000_f1544da85298896f.txt"].published == datetime(2023, 9, 27)
    assert by_name["004_b21520cdc8b08693.txt"].published == datetime(2023, 5, 29)
    assert all(s.outlet for s in sources)
    for s in sources:
        assert isinstance(s.clean, CleanText) and s.clean.original == s.original
        assert s.path == os.path.join(str(SEEDS), s.name)
        assert s.original == (SEEDS / s.name).read_text(encoding="utf-8")
    assert any("mojibake" in n for n in by_name["003_bad527a6dbefebb3.txt"].notices)


def test_reading_is_deterministic():
    a, _ = _read([SEEDS])
    b, _ = _read([SEEDS])
    assert [(s.name, s.clean.text, s.published) for s in a] == [(s.name, s.clean.text, s.published) for s in b]


def test_trailing_timestamp_without_manifest(tmp_path):
    shutil.copy(SEEDS / "001_371c06971a596525.txt", tmp_path)
    (tmp_path / "b.md").write_text("Fighting continued.\n\nSeptember 20, 2023\n", encoding="utf-8")
    (tmp_path / "c.txt").write_text("1,050 people crossed.\n2023\n", encoding="utf-8")  # a year is not a date
    sources, notices = _read([tmp_path])
    assert [s.name for s in sources] == ["001_371c06971a596525.txt", "b.md", "c.txt"]
    assert sources[0].published == datetime(2023, 9, 24, 23, 46, 11)
    assert sources[0].outlet is None
    assert sources[1].published == datetime(2023, 9, 20)
    assert sources[2].published is None
    assert notices == []


def test_manifest_with_bom_mixed_case_header_and_extra_columns(tmp_path):
    (tmp_path / "a.txt").write_text("About 120,000 people.\n2020-01-01\n", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Some 100 people.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_bytes(
        "\ufeffFILE,Outlet,Published,Language,URL,notes\n"
        "a.txt,Daily,2023-09-19T14:30:00,en,https://example.org/a,x\n"
        "sub/b.txt,,,,,\n"
        "gone.txt,Weekly,2023-09-20,en,,\n".encode("utf-8"))
    sources, notices = _read([tmp_path])
    a, b = sources
    assert (a.outlet, a.published, a.url) == ("Daily", datetime(2023, 9, 19, 14, 30), "https://example.org/a")
    assert b.outlet is None and b.published is None
    assert len(notices) == 1 and "sources.csv:4" in notices[0] and "gone.txt" in notices[0]


def test_manifest_columns_under_other_common_names(tmp_path):
    (tmp_path / "a.txt").write_text("About 120,000 people.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("filename,publisher,date,link\na.txt,Daily,2023-09-19,https://x.org/a\n",
                                          encoding="utf-8")
    (a,), _ = _read([tmp_path])
    assert (a.outlet, a.published, a.url) == ("Daily", datetime(2023, 9, 19), "https://x.org/a")


def test_bad_manifest_date_names_file_and_line(tmp_path):
    (tmp_path / "a.txt").write_text("About 5 people.\n", encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,outlet,published\na.txt,X,2023-09-19\na.txt,Y,next Tuesdayish\n")
    with pytest.raises(CheckerError) as exc:
        _read([tmp_path])
    assert f"{tmp_path}/sources.csv:3" in exc.value.message


def test_empty_and_whitespace_files_are_skipped(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.md").write_text(" \n\t\n\u200b\n", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("5 people.\n", encoding="utf-8")
    sources, notices = _read([tmp_path])
    assert [s.name for s in sources] == ["ok.txt"]
    assert len(notices) == 2 and all("empty" in n for n in notices)
    assert any("blank.md" in n for n in notices) and any("empty.txt" in n for n in notices)


def test_binary_file_is_skipped(tmp_path):
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "ok.txt").write_text("5 people.\n", encoding="utf-8")
    sources, notices = _read([tmp_path])
    assert [s.name for s in sources] == ["ok.txt"]
    assert notices == [f"notice: {tmp_path}/image.txt: skipped (binary file: NUL bytes)"]


def test_invalid_utf8_is_detected_and_noticed(tmp_path):
    (tmp_path / "cp.txt").write_bytes(b"caf\xe9 \x93quoted\x94")
    sources, notices = _read([tmp_path])
    assert sources[0].original == "café “quoted”"
    assert len(notices) == 1 and "cp.txt" in notices[0] and "not valid UTF-8" in notices[0]
    assert sources[0].notices and "not valid UTF-8" in sources[0].notices[0]


def test_utf8_bom_is_kept_in_original_and_dropped_from_clean(tmp_path):
    (tmp_path / "bom.txt").write_bytes("\ufeffAbout 120,000 people\n".encode("utf-8"))
    (src,), notices = _read([tmp_path])
    assert src.original.startswith("\ufeff") and src.clean.text == "About 120,000 people\n"
    i = src.clean.text.index("120,000")
    s, e = src.clean.span(i, i + 7)
    assert src.original[s:e] == "120,000" and src.clean.line_col(s) == (1, 8)
    assert notices == []


def test_utf16_with_bom(tmp_path):
    (tmp_path / "u16.txt").write_bytes("About 5 people\n".encode("utf-16"))
    (src,), notices = _read([tmp_path])
    assert src.original == "About 5 people\n" and "UTF-16" in notices[0]


def test_oversize_file_names_size_and_limit(tmp_path):
    (tmp_path / "big.txt").write_text("x" * 500, encoding="utf-8")
    (tmp_path / "small.txt").write_text("5 people", encoding="utf-8")
    sources, notices = _read([tmp_path], max_bytes=100)
    assert [s.name for s in sources] == ["small.txt"]
    assert len(notices) == 1 and "big.txt" in notices[0] and "500 bytes" in notices[0] and "100 bytes" in notices[0]


def test_folder_without_sources(tmp_path):
    (tmp_path / "data.csv").write_text("a,b\n")
    (tmp_path / "sources.csv").write_text("file,outlet\n")
    with pytest.raises(CheckerError, match="no sources found \\(looked for .txt, .md, .html, .htm\\)"):
        _read([tmp_path])


def test_missing_path():
    with pytest.raises(CheckerError, match="nope/missing: no such file or directory"):
        read_sources(["nope/missing"], on_notice=lambda m: None)


def test_unsupported_suffix_noticed_but_store_files_are_quiet(tmp_path):
    (tmp_path / "a.txt").write_text("5 people", encoding="utf-8")
    (tmp_path / "page.HTML").write_text("<p>6 people</p>", encoding="utf-8")
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "reviews.csv").write_text("id,decision\n")
    (tmp_path / ".checker-baseline.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("7 people")
    sources, notices = _read([tmp_path])
    assert [s.name for s in sources] == ["a.txt", "page.HTML"]
    assert sources[1].clean.text.strip() == "6 people"
    assert notices == [f"notice: {tmp_path}/notes.pdf: skipped (not a .txt, .md, .html, .htm file)"]


def test_unsupported_file_given_directly(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "a.md").write_text("5 people", encoding="utf-8")
    sources, notices = _read([tmp_path / "notes.pdf", tmp_path / "a.md"])
    assert [s.name for s in sources] == ["a.md"] and len(notices) == 1 and "notes.pdf" in notices[0]


def test_unreadable_file_is_noticed(tmp_path):
    (tmp_path / "ok.txt").write_text("5 people", encoding="utf-8")
    os.symlink(tmp_path / "nowhere.txt", tmp_path / "dangling.txt")
    sources, notices = _read([tmp_path])
    assert [s.name for s in sources] == ["ok.txt"]
    assert len(notices) == 1 and "dangling.txt" in notices[0] and "cannot read" in notices[0]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads anything")
def test_permission_denied_is_noticed(tmp_path):
    f = tmp_path / "secret.txt"
    f.write_text("5 people", encoding="utf-8")
    (tmp_path / "ok.txt").write_text("5 people", encoding="utf-8")
    f.chmod(0)
    try:
        sources, notices = _read([tmp_path])
    finally:
        f.chmod(0o644)
    assert [s.name for s in sources] == ["ok.txt"] and "secret.txt" in notices[0]


def test_same_file_name_in_two_folders_gets_unique_names(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "story.txt").write_text(f"{folder}: 5 people", encoding="utf-8")
    (tmp_path / "b" / "other.txt").write_text("6 people", encoding="utf-8")
    sources, _ = _read([tmp_path / "a", tmp_path / "b"])
    assert [s.name for s in sources] == ["a/story.txt", "other.txt", "b/story.txt"]  # only clashes change


def test_same_file_twice_is_read_once(tmp_path):
    (tmp_path / "a.txt").write_text("5 people", encoding="utf-8")
    sources, _ = _read([tmp_path, tmp_path / "a.txt"])
    assert len(sources) == 1


def test_file_given_directly_uses_its_folder_manifest():
    sources, notices = _read([SEEDS / "002_eaa1d8c9a6033192.txt"])
    assert sources[0].outlet == "Financial Times" and sources[0].published == datetime(2023, 9, 24)
    assert notices == []


def test_default_notice_goes_to_stderr(tmp_path, capsys):
    (tmp_path / "a.txt").write_text("5 people", encoding="utf-8")
    (tmp_path / "x.doc").write_text("?")
    read_sources([str(tmp_path)])
    assert "notice: " in capsys.readouterr().err
