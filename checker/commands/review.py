"""`checker review export|import`: editors decide on findings in a spreadsheet."""
from __future__ import annotations

import os
from pathlib import Path

import click

from checker.errors import CheckerError
from checker.review.export import ABOUT_SHEET, Export, write_review
from checker.review.importer import ReviewFileError, merge_rows, read_review_file, validate_rows
from checker.review.store import (Decision, default_store_path, load_decisions, mark_stale,
                                  save_decisions, store_text)


def _notice(message: str) -> None:
    click.echo(message, err=True)


def _run_check(paths: list[str], rules_dir: str | None):
    if rules_dir is not None and not os.path.isdir(rules_dir):
        raise CheckerError(f"{rules_dir}: no such rules folder")
    from checker.pipeline import run_check  # imported here so `checker --help` works without it

    return run_check(paths, rules_dir=rules_dir, on_notice=_notice)


def _save_if_changed(path: Path, before: str, decisions: dict[str, Decision]) -> bool:
    if store_text(decisions) == before:
        return False
    save_decisions(path, decisions)
    return True


def _stale_lines(stale: list[Decision]) -> list[str]:
    if not stale:
        return []
    lines = [f"{len(stale)} decision(s) kept for findings no longer found (marked stale):"]
    for d in stale:
        lines.append("  " + "  ".join(x for x in (d.id, d.decision, d.rule, d.summary) if x))
    return lines


@click.group("review")
def command() -> None:
    """Review findings in a spreadsheet: export, decide, import.

    Decisions (confirmed, dismissed, needs-source) live in a review store, reviews.csv
    beside the sources, keyed by each finding's stable id; `checker check` applies them.
    """


@command.command("export")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--output", "-o", metavar="FILE", default="reports/review.xlsx", show_default=True,
              help="The review file: .xlsx (findings, alignment) or .csv (findings only).")
@click.option("--store", metavar="FILE", default=None,
              help="Review store whose decisions pre-fill the sheet [default: reviews.csv in the first folder given].")
@click.option("--rules", "rules_dir", metavar="DIR", default=None,
              help="Folder of rule files to use instead of the built-in rules.")
def export_command(paths: tuple[str, ...], output: str, store: str | None, rules_dir: str | None) -> None:
    """Write the findings of PATHS to a spreadsheet for editors to decide on.

    One row per finding with the quote, file, line and outlet of each side, and a
    decision column (unreviewed, confirmed, dismissed, needs-source) pre-filled from
    the store. Dismissed findings are exported too, so they can be re-decided.

    Example:

        checker review export seeds/ --output reports/review.xlsx
    """
    out = Path(output)
    if out.suffix.lower() not in (".xlsx", ".csv"):
        raise CheckerError(f"{output}: review files are .xlsx or .csv")
    result = _run_check(list(paths), rules_dir)
    store_path = Path(store) if store else default_store_path(paths)
    decisions = load_decisions(store_path) if store_path else {}
    before = store_text(decisions)
    stale = mark_stale(decisions, [f.id for f in result.findings])

    about = {"paths": "\n".join(paths), "store": str(store_path) if store_path else "",
             "rules": rules_dir or "", "made by": "checker review export"}
    if not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    write_review(out, Export(findings=list(result.findings), sources=result.sources,
                             groups=result.groups, decisions=decisions, about=about))
    if store_path and store_path.exists():
        _save_if_changed(store_path, before, decisions)
    decided = sum(1 for f in result.findings if f.id in decisions
                  and decisions[f.id].decision != "unreviewed")
    click.echo(f"wrote {output}: {len(result.findings)} finding(s), {decided} already decided, "
               f"{len(result.groups)} aligned quantities")
    for line in _stale_lines(stale):
        click.echo(line)


def _about(path: Path) -> dict[str, str]:
    """What the hidden About sheet of an exported .xlsx says about how it was made ({} if none)."""
    if path.suffix.lower() != ".xlsx" or not path.is_file():
        return {}
    from openpyxl import load_workbook
    try:
        wb = load_workbook(path, read_only=True)
    except Exception:  # the importer reports unreadable files itself
        return {}
    try:
        if ABOUT_SHEET not in wb.sheetnames:
            return {}
        from checker.review.cells import restore
        from checker.review.importer import cell_text
        return {restore(cell_text(r[0])): restore(cell_text(r[1]))
                for r in wb[ABOUT_SHEET].iter_rows(min_row=2, values_only=True) if len(r) >= 2 and r[0]}
    finally:
        wb.close()


@command.command("import")
@click.argument("file", type=click.Path())
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--store", metavar="FILE", default=None,
              help="Review store to update [default: reviews.csv in the first folder of PATHS, "
                   "else the store the .xlsx was exported with].")
@click.option("--rules", "rules_dir", metavar="DIR", default=None,
              help="Folder of rule files to use instead of the built-in rules.")
def import_command(file: str, paths: tuple[str, ...], store: str | None, rules_dir: str | None) -> None:
    """Read the decisions of an edited review FILE (.xlsx or .csv) into the review store.

    PATHS are the sources, checked again to tell which findings still exist; by default
    the ones the .xlsx was exported from, else the folder holding the store. Nothing is
    imported if any row has an unknown decision (exit 2). Decisions are never lost: ids
    missing from the file keep theirs, and decisions whose finding is gone are kept and
    marked stale.

    Example:

        checker review import reports/review.xlsx --store seeds/reviews.csv
    """
    path = Path(file)
    about = _about(path)
    if store:
        store_path = Path(store)
    elif paths:
        store_path = default_store_path(paths)
    elif about.get("store"):
        store_path = Path(about["store"])
    else:
        raise CheckerError(f"{file}: cannot tell which review store to update; give --store FILE "
                           f"or the source PATHS")
    if not store_path.parent.is_dir():
        raise CheckerError(f"{store_path}: folder {store_path.parent} does not exist")

    if paths:
        source_paths = list(paths)
    elif about.get("paths") and all(os.path.exists(p) for p in about["paths"].split("\n")):
        source_paths = about["paths"].split("\n")
    else:
        source_paths = [str(store_path.parent)]
    rules = rules_dir or (None if paths else about.get("rules") or None)

    decisions = load_decisions(store_path)
    try:
        rows = validate_rows(file, read_review_file(path))
    except ReviewFileError as exc:
        for problem in exc.problems:
            click.echo(problem, err=True)
        raise
    try:
        result = _run_check(source_paths, rules)
    except CheckerError as exc:
        raise CheckerError(f"{exc.message} (the sources are read to tell which findings still exist; "
                           f"give them as PATHS)") from None
    merged = merge_rows(decisions, rows, result.findings)
    _save_if_changed(store_path, store_text(decisions), merged.decisions)
    click.echo(f"imported {file} into {store_path}: {len(merged.added)} new, {len(merged.changed)} changed, "
               f"{merged.unchanged} unchanged, {merged.kept} left unreviewed")
    for line in _stale_lines(merged.stale):
        click.echo(line)

