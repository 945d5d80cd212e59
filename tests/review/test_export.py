"""The review workbook: readable, pre-filled, formula-safe and reproducible."""
from __future__ import annotations

import csv
import io

from openpyxl import load_workbook

from checker.review.cells import restore
from checker.review.export import Export, bracketed_quote, findings_columns, write_review
from checker.review.store import Decision
from checker.sources import read_sources
from checker.extract import extract_claims

from .conftest import RISKY, hand_check, soffice_convert


def _export(folder, decisions=None):
    r = hand_check(folder)
    return r, Export(findings=r.findings, sources=r.sources, groups=r.groups,
                     decisions=decisions or {}, about={"paths": str(folder)})


def _table(ws):
    rows = list(ws.iter_rows(values_only=True))
    return [dict(zip(rows[0], row)) for row in rows[1:]]


def test_workbook_layout(news, tmp_path):
    r, export = _export(news)
    out = tmp_path / "review.xlsx"
    write_review(out, export)
    wb = load_workbook(out)
    assert wb.sheetnames == ["Findings", "Alignment", "About"]
    assert wb["About"].sheet_state == "hidden"
    ws = wb["Findings"]
    assert [c.value for c in ws[1]] == [c.header for c in findings_columns()]
    assert ws.freeze_panes == "B2"
    assert ws.auto_filter.ref == f"A1:{ws.cell(1, ws.max_column).column_letter}{len(r.findings) + 1}"
    (dv,) = ws.data_validations.dataValidation
    assert dv.type == "list" and dv.formula1 == '"unreviewed,confirmed,dismissed,needs-source"'
    assert str(dv.sqref) == f"N2:N{len(r.findings) + 1}" and ws["N1"].value == "decision"
    assert ws["H2"].alignment.wrap_text and ws.column_dimensions["H"].width >= 40
    rows = _table(ws)
    assert len(rows) == len(r.findings) == 5
    first = next(row for row in rows if row["line B"] == 3)
    assert first["source A"] == "a.txt" and first["outlet A"] == "Armenpress" and first["line A"] == 3
    assert first["quote A"] == ("[More than 200] people were killed in the shelling of Stepanakert on "
                                "19 September, local officials said on Wednesday.")
    assert first["quote B"].startswith("[About 40] people were killed")
    assert {row["decision"] for row in rows} == {"unreviewed"}
    align = _table(wb["Alignment"])
    assert align == [{"group": "g-killed", "quantity": "people killed", "kind": "count", "flag": "error",
                      "Armenpress": "More than 200", "'@KarabakhWatch": "About 40"}]


def test_decided_findings_arrive_pre_filled_and_dismissed_are_exported(news, tmp_path):
    r, _ = _export(news)
    ids = sorted(f.id for f in r.findings)
    decisions = {ids[0]: Decision(ids[0], "dismissed", "Ana", "N/A"),
                 ids[1]: Decision(ids[1], "confirmed", "Bo", "=checked with AFP")}
    _, export = _export(news, decisions)
    write_review(tmp_path / "review.xlsx", export)
    rows = {row["id"]: row for row in _table(load_workbook(tmp_path / "review.xlsx")["Findings"])}
    assert (rows[ids[0]]["decision"], rows[ids[0]]["reviewer"], rows[ids[0]]["note"]) == ("dismissed", "Ana", "N/A")
    assert rows[ids[1]]["note"] == "'=checked with AFP"  # a reviewer's note is neutralised too
    assert rows[ids[2]]["decision"] == "unreviewed" and rows[ids[2]]["reviewer"] is None


def test_no_source_text_is_stored_as_a_formula(news, tmp_path):
    _, export = _export(news)
    out = tmp_path / "review.xlsx"
    write_review(out, export)
    wb = load_workbook(out)
    cells = [c for ws in wb.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert all(c.data_type != "f" for c in cells)
    quotes = [c.value for c in cells if isinstance(c.value, str) and "[About 40]" in c.value]
    for risky in RISKY:
        (stored,) = [q for q in quotes if restore(q).startswith(risky)]
        assert stored == "'" + restore(stored)
        assert restore(stored).startswith(f"{risky} [About 40] people were killed")
        assert next(c for c in cells if c.value == stored).data_type == "s"
    outlets = [c.value for c in cells if c.value and "KarabakhWatch" in str(c.value)]
    assert outlets and set(outlets) == {"'@KarabakhWatch"}


def test_libreoffice_evaluates_no_formula(news, tmp_path):
    _, export = _export(news)
    out = tmp_path / "review.xlsx"
    write_review(out, export)
    converted = soffice_convert(out, "csv:Text - txt - csv (StarCalc):44,34,76,1", tmp_path / "lo")
    rows = list(csv.DictReader(io.StringIO(converted.read_text(encoding="utf-8"))))
    quotes_b = sorted(row["quote B"] for row in rows)
    for risky in RISKY:
        assert any(q.startswith("'" + risky + " [About 40]") for q in quotes_b), risky
    assert "y" not in {row["quote B"] for row in rows}  # =HYPERLINK(...) would have shown "y"
    assert all(row["outlet B"] == "'@KarabakhWatch" for row in rows)


def test_csv_export_has_bom_and_neutralised_cells(news, tmp_path):
    _, export = _export(news)
    out = tmp_path / "review.csv"
    write_review(out, export)
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbfid,severity,rule,message,source A,")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))
    assert sorted(row["quote B"][:3] for row in rows) == ["'+1", "'-1", "'=H", "'@S", "[Ab"]


def test_same_input_same_bytes(news, tmp_path):
    _, export = _export(news)
    write_review(tmp_path / "one.xlsx", export)
    _, export = _export(news)
    write_review(tmp_path / "two.xlsx", export)
    assert (tmp_path / "one.xlsx").read_bytes() == (tmp_path / "two.xlsx").read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir() if p.is_file()) == ["one.xlsx", "two.xlsx"]


def test_bracket_lands_on_the_right_occurrence(tmp_path):
    (tmp_path / "c.txt").write_text(
        "Officials said 40 people were killed and 40 were wounded in the attack on Tuesday.\n", encoding="utf-8")
    (src,) = read_sources([str(tmp_path)], on_notice=lambda m: None)
    forties = [c for c in extract_claims(src) if c.text == "40"]
    assert len(forties) == 2
    first, second = sorted(forties, key=lambda c: c.start)
    assert bracketed_quote(first, src.original).startswith("Officials said [40] people were killed and 40 were")
    assert "killed and [40] were wounded" in bracketed_quote(second, src.original)
