"""Reading edited sheets back: whatever Excel or LibreOffice did to them, no decision is lost."""
from __future__ import annotations

import csv
import io
import random

import pytest
from openpyxl import load_workbook

from checker.review.export import Export, bracketed_quote, write_review
from checker.review.importer import ReviewFileError, import_review, read_review_file
from checker.review.store import Decision

from .conftest import RISKY, hand_check, soffice_convert, write_news


def _write(folder, out, decisions=None):
    r = hand_check(folder)
    write_review(out, Export(findings=r.findings, sources=r.sources, groups=r.groups,
                             decisions=decisions or {}))
    return r


def _edit_xlsx(path, edits: dict[str, tuple[str, str, str]], *, shuffle=True, extra_column=True,
               reverse_columns=False, hide="quote A"):
    """What an editor does: decide some rows, sort them, add and hide columns."""
    wb = load_workbook(path)
    ws = wb["Findings"]
    rows = [[c.value for c in row] for row in ws.iter_rows()]
    header, body = rows[0], rows[1:]
    for row in body:
        if row[0] in edits:
            for name, value in zip(("decision", "reviewer", "note"), edits[row[0]]):
                row[header.index(name)] = value
    if shuffle:
        random.Random(7).shuffle(body)
    if extra_column:
        header = header + ["my score"]
        body = [row + [i] for i, row in enumerate(body)]
    if reverse_columns:
        header, body = header[::-1], [row[::-1] for row in body]
    ws.delete_rows(1, ws.max_row)
    for r, row in enumerate([header] + body, 1):
        for c, value in enumerate(row, 1):
            ws.cell(r, c).value = value
            ws.cell(r, c).data_type = "s" if isinstance(value, str) else ws.cell(r, c).data_type
    if hide in header:
        ws.column_dimensions[ws.cell(1, header.index(hide) + 1).column_letter].hidden = True
    ws.append([])  # trailing empty row
    wb.save(path)


def _ids(r):
    return sorted(f.id for f in r.findings)


def test_round_trip_with_shuffled_rows_extra_and_moved_columns(news, tmp_path):
    out = tmp_path / "review.xlsx"
    r = _write(news, out)
    a, b, c, d = _ids(r)[:4]
    _edit_xlsx(out, {a: ("  Dismissed ", " Ana ", "N/A"), b: ("CONFIRMED", "Bo", "null"),
                     c: ("needs source", "Cy", "NaN"), d: ("unreviewed", "", "")}, reverse_columns=True)
    result = import_review(out, {}, r.findings)
    got = result.decisions
    assert sorted(got) == [a, b, c]
    assert (got[a].decision, got[a].reviewer, got[a].note) == ("dismissed", "Ana", "N/A")
    assert (got[b].decision, got[b].note) == ("confirmed", "null")
    assert (got[c].decision, got[c].note) == ("needs-source", "NaN")
    assert got[a].rule == "count-mismatch" and "about 40" in got[a].summary
    assert result.added == sorted([a, b, c]) and result.kept == len(r.findings) - 3
    assert result.stale == []


def _expected_quotes(r):
    original = {s.name: s.original for s in r.sources}
    return {f.id: bracketed_quote(f.claims[1], original["b.txt"]) for f in r.findings}


def _assert_restored(rows, r):
    """Every source text in the sheet reads back exactly as it was before neutralising."""
    assert {row.id: row.cells["quote B"] for row in rows} == _expected_quotes(r)
    assert {row.cells["outlet B"] for row in rows} == {"@KarabakhWatch"}
    assert {row.id: row.message for row in rows} == {f.id: f.message for f in r.findings}
    starts = sorted(q.split(" [")[0] for q in _expected_quotes(r).values() if not q.startswith("["))
    assert starts == sorted(RISKY)


def test_risky_texts_come_back_exactly(news, tmp_path):
    out = tmp_path / "review.xlsx"
    r = _write(news, out)
    rows = read_review_file(out)
    assert len(rows) == len(r.findings)
    _assert_restored(rows, r)
    (fid,) = [f.id for f in r.findings if f.claims[1].sentence.startswith("=HYPERLINK")]
    _edit_xlsx(out, {fid: ("confirmed", "+Ana", '=HYPERLINK("http://x","y")')}, shuffle=False,
               extra_column=False)
    # the editor typed a risky note by hand, unmarked; a second export marks it and it comes back
    first = import_review(out, {}, r.findings).decisions
    assert first[fid].note == '=HYPERLINK("http://x","y")' and first[fid].reviewer == "+Ana"
    again = tmp_path / "again.xlsx"
    _write(news, again, first)
    assert import_review(again, first, r.findings).decisions == first


def test_csv_with_bom_and_semicolons(news, tmp_path):
    r = hand_check(news)
    a, b = _ids(r)[:2]
    body = ("\ufeffFinding ID;Severity; DECISION ;Reviewer;Note\r\n"
            f"{b};error;Confirmed;Bo;\"null; really\"\r\n"
            ";;;;\r\n"
            f"{a};error;dismissed ;Ana;N/A\r\n")
    path = tmp_path / "excel.csv"
    path.write_bytes(body.encode("utf-8"))
    got = import_review(path, {}, r.findings).decisions
    assert (got[a].decision, got[a].note) == ("dismissed", "N/A")
    assert (got[b].decision, got[b].note) == ("confirmed", "null; really")


def test_exported_csv_round_trips_risky_quotes(news, tmp_path):
    out = tmp_path / "review.csv"
    r = _write(news, out)
    rows = list(csv.reader(io.StringIO(out.read_bytes().decode("utf-8-sig"))))
    header = rows[0]
    for row in rows[1:]:
        row[header.index("decision")] = "confirmed"
        row[header.index("note")] = "-1 is the second figure"
    buf = io.StringIO()
    csv.writer(buf, delimiter=";").writerows(rows)
    out.write_text(buf.getvalue(), encoding="utf-8-sig")
    got = import_review(out, {}, r.findings).decisions
    assert {d.note for d in got.values()} == {"-1 is the second figure"}
    _assert_restored(read_review_file(out), r)


def test_unknown_decision_imports_nothing(news, tmp_path):
    out = tmp_path / "review.xlsx"
    r = _write(news, out)
    a, b = _ids(r)[:2]
    _edit_xlsx(out, {a: ("confirmed", "Ana", ""), b: ("maybe", "Bo", "")}, shuffle=False, extra_column=False)
    with pytest.raises(ReviewFileError) as err:
        import_review(out, {}, r.findings)
    (problem,) = err.value.problems
    assert f"(id {b}): unknown decision 'maybe'" in problem and "row " in problem
    row = int(problem.split("row ")[1].split(" ")[0])
    assert load_workbook(out)["Findings"].cell(row, 1).value == b
    assert "nothing imported" in err.value.message


def test_conflicting_duplicate_rows_are_refused(news, tmp_path):
    r = hand_check(news)
    a = _ids(r)[0]
    path = tmp_path / "dup.csv"
    path.write_text(f"id,decision\n{a},confirmed\n{a},dismissed\n", encoding="utf-8")
    with pytest.raises(ReviewFileError) as err:
        import_review(path, {}, r.findings)
    assert err.value.problems == [f"{path}: row 3 (id {a}): id also on row 2 with a different decision"]


def test_missing_header_is_an_error(news, tmp_path):
    path = tmp_path / "x.csv"
    path.write_text("name,verdict\nx,confirmed\n", encoding="utf-8")
    with pytest.raises(Exception, match="no header row with 'id' and 'decision'"):
        read_review_file(path)


def test_decisions_are_never_lost(tmp_path):
    folder = write_news(tmp_path / "news")
    r = hand_check(folder)
    a, b, c = _ids(r)[:3]
    store = {a: Decision(a, "confirmed", "Ana", "kept"), "gone": Decision("gone", "dismissed", "Bo", "old")}
    path = tmp_path / "partial.csv"
    path.write_text(f"id,decision,reviewer,note\n{a},unreviewed,,\n{b},dismissed,Cy,dup\n", encoding="utf-8")
    result = import_review(path, store, r.findings)
    got = result.decisions
    assert got[a] == store[a]  # an empty "unreviewed" row does not erase a decision
    assert got["gone"].decision == "dismissed" and got["gone"].stale  # not in the sheet, no finding
    assert got[b].decision == "dismissed" and c not in got
    assert [d.id for d in result.stale] == ["gone"]
    assert store["gone"].stale is False  # the caller's dict is untouched


def test_libreoffice_round_trips(news, tmp_path):
    out = tmp_path / "review.xlsx"
    r = _write(news, out)
    a, b, c = _ids(r)[:3]
    _edit_xlsx(out, {a: ("dismissed", "Ana", "N/A"), b: ("confirmed", "Bo", "same event; see AFP"),
                     c: ("needs-source", "Cy", "null")})
    expected = import_review(out, {}, r.findings).decisions
    assert len(expected) == 3
    as_xlsx = soffice_convert(out, "xlsx", tmp_path / "lo-xlsx")
    as_csv = soffice_convert(out, "csv:Text - txt - csv (StarCalc):59,34,76,1", tmp_path / "lo-csv")
    assert ";" in as_csv.read_text(encoding="utf-8").splitlines()[0]
    assert import_review(as_xlsx, {}, r.findings).decisions == expected
    assert import_review(as_csv, {}, r.findings).decisions == expected
    _assert_restored(read_review_file(as_csv), r)
    _assert_restored(read_review_file(as_xlsx), r)


def test_unreadable_workbook_is_a_one_line_error(tmp_path):
    path = tmp_path / "review.xlsx"
    path.write_bytes(b"this is not a zip file")
    with pytest.raises(Exception) as err:
        read_review_file(path)
    assert str(err.value.message).startswith(f"{path}: not a readable .xlsx workbook")


def test_windows_1252_csv_from_excel(news, tmp_path):
    r = hand_check(news)
    a = _ids(r)[0]
    path = tmp_path / "ansi.csv"
    path.write_bytes(f"id;decision;reviewer;note\n{a};Confirmed;Zoë;café figures match\n".encode("cp1252"))
    got = import_review(path, {}, r.findings).decisions
    assert (got[a].reviewer, got[a].note) == ("Zoë", "café figures match")
