"""Which source files changed since a git ref, so the CI gate can judge a pull request by what it adds.

A source counts as changed when its file was added or modified since REF (committed, staged or in
the working tree: `git diff REF`), when it is untracked, or when its row in a `sources.csv`
manifest changed (a new publication date can create a finding without touching the text).
"""
from __future__ import annotations

import csv
import io
import os
import subprocess
import tarfile
from dataclasses import dataclass

from checker.errors import CheckerError

MANIFEST = "sources.csv"


@dataclass(frozen=True)
class Changes:
    """Changed files since `base`, as real paths, with the repository's top level."""

    base: str
    toplevel: str
    files: frozenset[str]

    def touches(self, path: str) -> bool:
        return os.path.realpath(path) in self.files


def _git(args: list[str], cwd: str) -> subprocess.CompletedProcess:
    try:
        return subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except FileNotFoundError:
        raise CheckerError("--base needs git, and git is not installed (or not on PATH)") from None


def _lines(out: bytes) -> list[str]:
    return [p for p in out.decode("utf-8", errors="surrogateescape").split("\0") if p]


def toplevel(cwd: str = ".") -> str:
    """The repository's top-level folder; CheckerError outside a repository."""
    proc = _git(["rev-parse", "--show-toplevel"], cwd)
    if proc.returncode != 0:
        raise CheckerError(f"{os.path.abspath(cwd)}: not a git repository (--base needs one)")
    return os.path.realpath(proc.stdout.decode().strip())


def changed_sources(paths: list[str], base: str, cwd: str = ".") -> Changes:
    """Files under `paths` added or changed since `base`, plus untracked ones, plus manifest rows."""
    top = toplevel(cwd)
    if _git(["rev-parse", "--verify", "--quiet", f"{base}^{{commit}}"], cwd).returncode != 0:
        raise CheckerError(f"--base {base}: unknown git revision (in a shallow clone, fetch it first: "
                           "actions/checkout with fetch-depth: 0)")
    spec = ["--", *paths] if paths else []
    diff = _git(["diff", "--name-only", "--no-renames", "-z", base, *spec], cwd)
    if diff.returncode != 0:
        raise CheckerError(f"git diff {base}: {diff.stderr.decode(errors='replace').strip() or 'failed'}")
    untracked = _git(["ls-files", "--others", "--exclude-standard", "--full-name", "-z", *spec], cwd)
    if untracked.returncode != 0:
        raise CheckerError(f"git ls-files: {untracked.stderr.decode(errors='replace').strip() or 'failed'}")
    names = set(_lines(diff.stdout)) | set(_lines(untracked.stdout))
    files: set[str] = set()
    for name in names:
        full = os.path.realpath(os.path.join(top, name))
        files.add(full)
        if os.path.basename(name).lower() == MANIFEST:
            folder = os.path.dirname(full)
            for row in _changed_rows(name, base, top):
                files.add(os.path.realpath(os.path.join(folder, row)))
    return Changes(base=base, toplevel=top, files=frozenset(files))


def _changed_rows(name: str, base: str, top: str) -> set[str]:
    """File names whose manifest row differs between `base` and the working tree."""
    old = _git(["show", f"{base}:{name}"], top)
    before = _manifest_rows(old.stdout.decode("utf-8-sig", errors="replace")) if old.returncode == 0 else {}
    try:
        with open(os.path.join(top, name), encoding="utf-8-sig", errors="replace", newline="") as fh:
            after = _manifest_rows(fh.read())
    except OSError:
        after = {}
    return {f for f in before.keys() | after.keys() if before.get(f) != after.get(f)}


def _manifest_rows(text: str) -> dict[str, tuple]:
    try:
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error:
        return {}
    if not rows:
        return {}
    header = [h.strip().lower() for h in rows[0]]
    if "file" not in header:
        return {}
    out: dict[str, tuple] = {}
    for values in rows[1:]:
        cells = dict(zip(header, (v.strip() for v in values)))
        if cells.get("file"):
            out[cells["file"]] = tuple(sorted(cells.items()))
    return out


def export_base(changes: Changes, paths: list[str], dest: str, cwd: str = ".") -> list[str]:
    """Write REF's version of `paths` under `dest` (same layout below the top level) and return
    where each given path now is; paths that did not exist at REF are left out."""
    out: list[str] = []
    for given in paths:
        rel = os.path.relpath(os.path.realpath(os.path.join(cwd, given)), changes.toplevel)
        if rel.startswith(os.pardir):
            continue
        spec = "" if rel == os.curdir else rel.replace(os.sep, "/")
        if not _at(changes, spec):
            continue  # not at REF: a new folder or file
        specs = [spec or "."]
        manifest = "/".join(p for p in (os.path.dirname(spec), MANIFEST) if p)
        if not os.path.isdir(os.path.join(changes.toplevel, rel)) and _at(changes, manifest):
            specs.append(manifest)  # a single file still needs its folder's publication dates
        archive = _git(["archive", "--format=tar", changes.base, "--", *specs], changes.toplevel)
        if archive.returncode != 0:
            raise CheckerError(f"git archive {changes.base}: "
                               f"{archive.stderr.decode(errors='replace').strip() or 'failed'}")
        with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
            tar.extractall(dest, filter="data")
        out.append(os.path.join(dest, rel))
    return out


def _at(changes: Changes, spec: str) -> bool:
    return _git(["cat-file", "-e", f"{changes.base}:{spec}"], changes.toplevel).returncode == 0
