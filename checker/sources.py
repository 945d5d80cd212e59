"""First pipeline stage: files and folders -> `Source` objects.

Reading never shows a traceback: input the tool cannot use is skipped with a one-line notice,
and only "nothing usable at all", a missing path or a broken manifest stop the run (CheckerError).
`Source.original` is the decoded file exactly (a UTF-8 BOM stays as U+FEFF at offset 0), so
offsets and line numbers always refer to the file as a user opens it; the cleaner removes the BOM
from `clean.text`.
"""
from __future__ import annotations

import csv
import io
import os
import re
import sys
import unicodedata
from collections.abc import Callable
from datetime import datetime

import click
from dateutil import parser as dateparser

from checker.errors import CheckerError
from checker.models import Source
from checker.textclean import clean

SOURCE_SUFFIXES = (".txt", ".md", ".html", ".htm")
MANIFEST = "sources.csv"
_QUIET_FILES = (MANIFEST, "reviews.csv")  # lives beside the sources; not announced as skipped
_MANIFEST_FIELDS = ("outlet", "published", "language", "url")
_LOOKED_FOR = ", ".join(SOURCE_SUFFIXES)


def _echo(msg: str) -> None:
    click.echo(msg, err=True)


STDIN, STDIN_NAME = "-", "<stdin>"  # "-" reads standard input as one plain-text source


def read_sources(paths: list[str], *, max_bytes: int = 20_000_000,
                 on_notice: Callable[[str], None] | None = None) -> list[Source]:
    """Read every source file under `paths` (files or folders, non-recursive), in a stable order."""
    notice = on_notice or _echo
    candidates: list[tuple[str, dict]] = []  # (path as found, manifest row or {})
    seen: set[str] = set()
    manifests: dict[str, dict[str, dict]] = {}

    def manifest_for(folder: str) -> dict[str, dict]:
        key = os.path.realpath(folder or ".")
        if key not in manifests:
            manifests[key] = _read_manifest(folder, notice)
        return manifests[key]

    def add(path: str, row: dict) -> None:
        real = os.path.realpath(path)
        if real not in seen:
            seen.add(real)
            candidates.append((path, row))

    for given in paths:
        if given == STDIN:
            if STDIN not in seen:
                seen.add(STDIN)
                candidates.append((STDIN, {}))
            continue
        if not os.path.exists(given) and not os.path.islink(given):
            raise CheckerError(f"{given}: no such file or directory")
        if os.path.isdir(given):
            rows = manifest_for(given)
            try:
                names = sorted(os.listdir(given))
            except OSError as exc:
                notice(f"notice: {given}: folder skipped (cannot list it: {exc.strerror or exc})")
                continue
            for name in names:
                path = os.path.join(given, name)
                if name.startswith(".") or name.lower() in _QUIET_FILES:
                    continue
                if os.path.isdir(path):
                    notice(f"notice: {path}: folder skipped (folders are read one level deep)")
                elif not name.lower().endswith(SOURCE_SUFFIXES):
                    notice(f"notice: {path}: skipped (not a {_LOOKED_FOR} file)")
                else:
                    add(path, rows.get(name, {}))
            present = set(names)
            for name, row in rows.items():
                if name not in present:
                    notice(f"notice: {row['where']}: {name} is listed but not found in {given}")
        elif not given.lower().endswith(SOURCE_SUFFIXES):
            notice(f"notice: {given}: skipped (not a {_LOOKED_FOR} file)")
        else:
            add(given, manifest_for(os.path.dirname(given)).get(os.path.basename(given), {}))

    sources = [s for s in (_read_one(p, row, max_bytes, notice) for p, row in candidates) if s]
    if not sources:
        raise CheckerError(f"{', '.join(paths) or '(no paths)'}: no sources found (looked for {_LOOKED_FOR})")
    _unique_names(sources)
    return sources


def _read_one(path: str, row: dict, max_bytes: int, notice: Callable[[str], None]) -> Source | None:
    """One file -> Source, or None (with a notice) when it cannot be used."""
    try:
        if path == STDIN:
            data = sys.stdin.buffer.read(max_bytes + 1)
            size = len(data)
        else:
            size = os.path.getsize(path)
        if size > max_bytes:
            notice(f"notice: {path}: skipped ({size} bytes is over the limit of {max_bytes} bytes)")
            return None
        if path != STDIN:
            with open(path, "rb") as fh:
                data = fh.read()
    except OSError as exc:
        notice(f"notice: {path}: skipped (cannot read: {exc.strerror or exc})")
        return None
    notes: list[str] = []
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in data[:8192]:
        notice(f"notice: {path}: skipped (binary file: NUL bytes)")
        return None
    original = _decode(data, notes)
    for note in notes:
        notice(f"notice: {path}: {note}")
    text = clean(original, html=path.lower().endswith((".html", ".htm")))
    if not text.text.strip():
        notice(f"notice: {path}: skipped (empty or whitespace only)")
        return None
    if text.repairs.get("mojibake"):
        notes.append(f"repaired {text.repairs['mojibake']} mis-decoded character sequence(s) (mojibake)")
    published = row.get("published") or _trailing_timestamp(original)
    return Source(path=path, name=STDIN_NAME if path == STDIN else os.path.basename(path), original=original, clean=text,
                  outlet=row.get("outlet"), published=published, language=row.get("language"),
                  url=row.get("url"), notices=notes)


def _unique_names(sources: list[Source]) -> None:
    """Same file name from different folders -> path relative to the common parent."""
    by_name: dict[str, list[Source]] = {}
    for s in sources:
        by_name.setdefault(s.name, []).append(s)
    for group in by_name.values():
        if len(group) > 1:
            dirs = [os.path.dirname(os.path.abspath(s.path)) for s in group]
            root = os.path.commonpath(dirs)
            for s in group:
                s.name = os.path.relpath(os.path.abspath(s.path), root).replace(os.sep, "/")


# ---------------------------------------------------------------- decoding

_UTF_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))


def _decode(data: bytes, notes: list[str]) -> str:
    """UTF-8 first; otherwise the most plausible detected encoding; last, UTF-8 with U+FFFD."""
    try:
        return data.decode("utf-8")  # a BOM stays in `original` as U+FEFF
    except UnicodeDecodeError as exc:
        bad = exc.start
    for bom, codec in _UTF_BOMS[1:]:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
                notes.append(f"read as {codec.upper()} (byte order mark)")
                return text
            except UnicodeDecodeError:
                break
    best = _detect(data)
    if best:
        encoding, text = best
        notes.append(f"not valid UTF-8 (byte {bad}); read as {encoding}")
        return text
    notes.append(f"not valid UTF-8 (byte {bad}) and no encoding fits; bad bytes shown as U+FFFD")
    return data.decode("utf-8", errors="replace")


def _detect(data: bytes) -> tuple[str, str] | None:
    """charset-normalizer's candidates (plus cp1252), least implausible decoding first.

    Detection on short texts is a guess (b"caf\\xe9 \\x93quoted\\x94" comes back as cp1125,
    "cafщ УquotedФ"), so candidates are ranked by `_implausible`, then by the detector's order;
    under 4 KB cp1252 (the commonest legacy encoding of news pages) wins ties.
    """
    try:
        import charset_normalizer
        found = [m.encoding for m in charset_normalizer.from_bytes(data)]
    except Exception:
        found = []
    order = (["cp1252"] + found) if len(data) < 4096 else (found + ["cp1252"])
    ranked = []
    for rank, encoding in enumerate(dict.fromkeys(order)):
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        ranked.append((_implausible(text[:100_000]), rank, encoding, text))
    if not ranked:
        return None
    _, _, encoding, text = min(ranked)
    return encoding, text


_ODD = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u2320-\u2321\u2500-\u25ff\ue000-\uf8ff\ufffd]")
_WORD = re.compile(r"[^\W\d_]*[^\W\d_\x00-\x7f][^\W\d_]*")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_LATIN_EXTRA = re.compile("[\u00c0-\u024f]")


def _implausible(text: str) -> int:
    """How unlike real text a decoding looks: words mixing scripts ("cafщ"), control or
    box-drawing characters, and Latin text that is mostly accented letters ("Ïðèâåò")."""
    mixed = sum(len({unicodedata.name(c, "?").split()[0] for c in w}) > 1 for w in _WORD.findall(text))
    extra = len(_LATIN_EXTRA.findall(text))
    heavy = extra if extra >= 3 and extra > 0.4 * len(_LATIN.findall(text)) else 0
    return mixed + len(_ODD.findall(text)) + heavy


# ---------------------------------------------------------------- manifest and dates

# Other names people give the manifest's columns.
_COLUMN_NAMES = {"filename": "file", "file name": "file", "name": "file", "path": "file", "source": "file",
                 "date": "published", "publication date": "published", "published_at": "published",
                 "lang": "language", "link": "url", "publisher": "outlet"}


def _read_manifest(folder: str, notice: Callable[[str], None]) -> dict[str, dict]:
    """sources.csv -> {file name: {outlet, published, language, url, where}}; {} if absent."""
    where = os.path.join(folder, MANIFEST) if folder else MANIFEST
    if not os.path.isfile(where):
        return {}
    try:
        with open(where, "rb") as fh:
            raw = fh.read()
    except OSError as exc:
        notice(f"notice: {where}: manifest ignored (cannot read: {exc.strerror or exc})")
        return {}
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252", errors="replace")
        notice(f"notice: {where}: not valid UTF-8; read as cp1252")
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [_COLUMN_NAMES.get(h.strip().lower(), h.strip().lower()) for h in next(reader)]
    except (StopIteration, csv.Error):
        return {}
    if "file" not in header:
        raise CheckerError(f"{where}:1: no 'file' column (columns: file, outlet, published, language, url)")
    rows: dict[str, dict] = {}
    line = reader.line_num
    while True:
        first = line + 1
        try:
            values = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise CheckerError(f"{where}:{reader.line_num}: {exc}") from None
        line = reader.line_num
        cells = dict(zip(header, (v.strip() for v in values)))
        name = os.path.basename(cells.get("file", "").replace("\\", "/"))
        if not any(cells.values()):
            continue
        if not name:
            raise CheckerError(f"{where}:{first}: empty 'file' cell")
        row = {k: cells.get(k) or None for k in _MANIFEST_FIELDS}
        row["where"] = f"{where}:{first}"
        if row["published"]:
            row["published"] = _parse_date(row["published"])
            if row["published"] is None:
                raise CheckerError(f"{where}:{first}: cannot read published date {cells['published']!r}")
        if name in rows:
            notice(f"notice: {where}:{first}: {name} is listed twice; the later row wins")
        rows[name] = row
    return rows


def _parse_date(value: str) -> datetime | None:
    """A full date (year, month, day), optionally with a time; None if that is not what it is."""
    try:
        a = dateparser.parse(value, default=datetime(1, 1, 1))
        b = dateparser.parse(value, default=datetime(2, 2, 2))
    except (ValueError, OverflowError, TypeError):
        return None
    if (a.year, a.month, a.day) != (b.year, b.month, b.day):
        return None  # a component came from the default: not a full date
    return a


_TIMESTAMP_LINE = re.compile(r"[\w ,./:+\-]{6,40}")


def _trailing_timestamp(original: str) -> datetime | None:
    """A line that is only a date or datetime among the last 3 non-empty lines (page footers)."""
    lines = [ln.strip() for ln in original[-2000:].splitlines() if ln.strip()][-3:]
    for line in reversed(lines):
        if _TIMESTAMP_LINE.fullmatch(line) and re.search(r"\b\d{4}\b", line):
            found = _parse_date(line)
            if found is not None:
                return found
    return None
