"""Atomic writes of one output file or a whole report folder.

A report folder is written in two phases: every file to a temp name in the folder, then
os.replace of each. A failure in the first phase (disk full, permissions, a crash in a
formatter) removes the temp files and leaves the previous reports exactly as they were.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from checker.errors import CheckerError


def _write_temp(folder: Path, name: str, data: bytes) -> str:
    """One file's bytes under a hidden temp name beside its final place; returns the temp path.
    The file gets the permissions a plain open() would give (mkstemp makes it private)."""
    fd, tmp = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, 0o666 & ~_UMASK)
    except BaseException:
        _unlink(tmp)
        raise
    return tmp


def _unlink(path: str) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def _encode(data: str | bytes) -> bytes:
    return data if isinstance(data, bytes) else data.encode("utf-8")


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


_UMASK = _umask()


def write_report_dir(folder: str | os.PathLike, files: dict[str, str]) -> list[Path]:
    """Write `files` (name -> text) into `folder`, all or nothing; returns the paths, sorted by name.

    The folder is created if missing. Files already there under other names are left alone.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise CheckerError(f"{folder}: not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CheckerError(f"{folder}: cannot create the report folder ({exc.strerror or exc})") from None
    temps: list[tuple[str, Path]] = []
    try:
        for name in sorted(files):
            temps.append((_write_temp(folder, name, _encode(files[name])), folder / name))
        for tmp, final in temps:
            os.replace(tmp, final)
    except OSError as exc:
        for tmp, _ in temps:
            _unlink(tmp)
        raise CheckerError(f"{folder}: cannot write the report ({exc.strerror or exc}); "
                           "previous reports left as they were") from None
    except BaseException:
        for tmp, _ in temps:
            _unlink(tmp)
        raise
    return [final for _, final in temps]


def write_file(path: str | os.PathLike, text: str | bytes) -> None:
    """One file (text as UTF-8, or bytes), atomically: readers see the old file or the new one,
    never half of one. Reports, the review store, baselines and spreadsheets all go through here."""
    path = Path(path)
    folder = path.parent
    if not folder.is_dir():
        raise CheckerError(f"{path}: folder {folder} does not exist")
    if path.is_dir():
        raise CheckerError(f"{path}: is a folder")
    try:
        tmp = _write_temp(folder, path.name, _encode(text))
    except OSError as exc:
        raise CheckerError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        os.replace(tmp, path)
    except OSError as exc:
        _unlink(tmp)
        raise CheckerError(f"{path}: cannot write ({exc.strerror or exc})") from None
