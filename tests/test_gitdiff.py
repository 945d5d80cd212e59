"""Changed sources since a git ref: committed, uncommitted, untracked, and manifest rows."""
import os
import subprocess

import pytest

from checker.errors import CheckerError
from checker.gitdiff import changed_sources, export_base, toplevel


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture()
def repo(tmp_path):
    git(tmp_path, "init", "-q", "-b", "main")
    git(tmp_path, "config", "user.name", "Test")
    git(tmp_path, "config", "user.email", "test@example.com")
    src = tmp_path / "news"
    src.mkdir()
    (src / "a.txt").write_text("Officials said 12 people died.\n")
    (src / "b.txt").write_text("At least 40 people were hurt.\n")
    (src / "sources.csv").write_text("file,outlet,published\na.txt,A,2023-09-19\nb.txt,B,2023-09-20\n")
    (tmp_path / "other.md").write_text("not a source\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "one")
    return tmp_path


def real(*parts):
    return os.path.realpath(os.path.join(*map(str, parts)))


def test_nothing_changed(repo):
    changes = changed_sources(["news"], "HEAD", cwd=str(repo))
    assert changes.files == frozenset()
    assert changes.toplevel == real(repo)


def test_committed_uncommitted_and_untracked_changes(repo):
    (repo / "news" / "c.txt").write_text("New: 13 people died.\n")
    git(repo, "add", "news/c.txt")
    git(repo, "commit", "-q", "-m", "two")
    (repo / "news" / "a.txt").write_text("Officials said 14 people died.\n")  # not committed
    (repo / "news" / "d.txt").write_text("untracked\n")
    (repo / "other.md").write_text("changed, but not under the paths given\n")
    changes = changed_sources(["news"], "HEAD~1", cwd=str(repo))
    assert changes.files == {real(repo, "news", n) for n in ("a.txt", "c.txt", "d.txt")}
    assert changes.touches(str(repo / "news" / "c.txt")) and not changes.touches(str(repo / "news" / "b.txt"))


def test_paths_are_relative_to_cwd_even_in_a_subfolder(repo):
    (repo / "news" / "b.txt").write_text("At least 41 people were hurt.\n")
    changes = changed_sources(["."], "HEAD", cwd=str(repo / "news"))
    assert changes.files == {real(repo, "news", "b.txt")}


def test_a_changed_manifest_row_marks_its_source(repo):
    (repo / "news" / "sources.csv").write_text("file,outlet,published\na.txt,A,2023-09-19\nb.txt,B,2021-01-01\n")
    changes = changed_sources(["news"], "HEAD", cwd=str(repo))
    assert changes.files == {real(repo, "news", "sources.csv"), real(repo, "news", "b.txt")}


def test_unknown_ref_and_not_a_repository(repo, tmp_path_factory):
    with pytest.raises(CheckerError, match="--base origin/nope: unknown git revision"):
        changed_sources(["news"], "origin/nope", cwd=str(repo))
    outside = tmp_path_factory.mktemp("plain")
    with pytest.raises(CheckerError, match="not a git repository"):
        toplevel(str(outside))


def test_export_base_writes_the_base_versions(repo, tmp_path_factory):
    (repo / "news" / "a.txt").write_text("Officials said 14 people died.\n")
    (repo / "news" / "new.txt").write_text("brand new\n")
    changes = changed_sources(["news"], "HEAD", cwd=str(repo))
    dest = tmp_path_factory.mktemp("base")
    assert export_base(changes, ["news"], str(dest), cwd=str(repo)) == [str(dest / "news")]
    assert (dest / "news" / "a.txt").read_text() == "Officials said 12 people died.\n"
    assert sorted(os.listdir(dest / "news")) == ["a.txt", "b.txt", "sources.csv"]
    # a single file comes with its folder's manifest; a path new since REF is left out
    single = tmp_path_factory.mktemp("single")
    assert export_base(changes, ["news/a.txt", "news/new.txt"], str(single), cwd=str(repo)) == [
        str(single / "news" / "a.txt")]
    assert sorted(os.listdir(single / "news")) == ["a.txt", "sources.csv"]
