"""`checker ci` end to end, in a real temporary git repository, through the installed CLI.

The seeds and a baseline made by `checker baseline` are committed first; then a pull request
adds one more article. The gate must fail on a source that dates the end of the war to 2021,
pass on one that agrees with the others (2020), and pass once an editor dismissed the finding.
"""
import json
import os
import shutil
import subprocess
import sys

import pytest

from checker.review.store import Decision, save_decisions

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.path.join(ROOT, "seeds")
BASELINE = "news/.checker-baseline.json"
NEW_NAME = "005_peacekeepers.txt"
ARTICLE = """Russian peacekeepers to leave Karabakh, Kremlin says

Russia deployed about 2,000 peacekeepers to Nagorno-Karabakh under the ceasefire that ended the war in {year}.
The Kremlin said on Monday the contingent would stay until talks with Baku were over.
"""


def _checker() -> list[str]:
    script = os.path.join(os.path.dirname(sys.executable), "checker")
    return [script] if os.path.exists(script) else [sys.executable, "-c", "from checker.cli import main; main()"]


def run(cwd, *args):
    env = dict(os.environ, GIT_CEILING_DIRECTORIES=os.path.dirname(str(cwd)))
    return subprocess.run([*_checker(), *args], cwd=cwd, capture_output=True, text=True, env=env, timeout=120)


def git(cwd, *args):
    subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def seeded_repo(tmp_path_factory):
    """A repository whose first commit holds the seeds and their baseline."""
    repo = tmp_path_factory.mktemp("seeded") / "repo"
    repo.mkdir()
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "CI Test")
    git(repo, "config", "user.email", "ci@example.com")
    shutil.copytree(SEEDS, repo / "news")
    made = run(repo, "baseline", "news/", "--output", BASELINE)
    assert made.returncode == 0, made.stderr
    git(repo, "add", ".")
    git(repo, "commit", "-q", "-m", "seeds and baseline")
    return repo


@pytest.fixture()
def repo(seeded_repo, tmp_path):
    copy = tmp_path / "repo"
    shutil.copytree(seeded_repo, copy)
    return copy


def add_article(repo, year: int) -> None:
    (repo / "news" / NEW_NAME).write_text(ARTICLE.format(year=year), encoding="utf-8")
    with open(repo / "news" / "sources.csv", "a", encoding="utf-8") as fh:
        fh.write(f"{NEW_NAME},Example Wire,2023-09-25,en,test article\n")
    git(repo, "add", "news")
    git(repo, "commit", "-q", "-m", f"add an article ({year})")


def ci(repo, *extra):
    return run(repo, "ci", "news/", "--base", "HEAD~1", "--baseline", BASELINE, *extra)


def test_seeds_pass_against_their_own_baseline(seeded_repo):
    done = run(seeded_repo, "ci", "news/", "--baseline", BASELINE)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("checker ci: OK")


def test_a_source_dating_the_war_to_2021_fails_with_an_annotation_on_it(repo):
    add_article(repo, 2021)
    done = ci(repo, "--format", "github")
    assert done.returncode == 1, done.stdout + done.stderr
    annotations = [ln for ln in done.stdout.splitlines() if ln.startswith("::")]
    on_new = [ln for ln in annotations if f"file=news/{NEW_NAME},line=3," in ln]
    assert on_new, done.stdout
    assert on_new[0].startswith("::error ")
    assert "2021" in done.stdout


def test_a_source_agreeing_with_the_others_passes(repo):
    add_article(repo, 2020)
    done = ci(repo, "--format", "github")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not [ln for ln in done.stdout.splitlines() if ln.startswith("::error")]


def test_a_source_agreeing_with_the_others_passes_against_the_baseline_alone(repo):
    # it backs the baselined "one source says 2022" finding, whose id changes: still not new
    add_article(repo, 2020)
    done = run(repo, "ci", "news/", "--baseline", BASELINE, "--format", "json")
    assert done.returncode == 0, done.stdout + done.stderr
    findings = json.loads(done.stdout)["findings"]
    backed = [f for f in findings if any(c["source"] == NEW_NAME for c in f["claims"])]
    assert all(f["status"] == "baseline" for f in backed)


def test_a_dismissed_finding_no_longer_fails(repo):
    add_article(repo, 2021)
    listed = ci(repo, "--format", "json")
    assert listed.returncode == 1, listed.stderr
    new = [f["id"] for f in json.loads(listed.stdout)["findings"] if f["new"]]
    assert new
    save_decisions(repo / "news" / "reviews.csv",
                   {i: Decision(i, "dismissed", "editor", "checked: the war ended in 2020") for i in new})
    done = ci(repo, "--format", "text")
    assert done.returncode == 0, done.stdout + done.stderr
    assert f"{len(new)} reviewed" in done.stdout.splitlines()[-1]


def test_sarif_and_junit_files_are_written(repo):
    add_article(repo, 2021)
    done = ci(repo, "--format", "sarif", "--output", "checker.sarif")
    assert done.returncode == 1 and done.stdout == ""
    log = json.loads((repo / "checker.sarif").read_text(encoding="utf-8"))
    new = [r for r in log["runs"][0]["results"] if r["baselineState"] == "new"]
    uris = {loc["physicalLocation"]["artifactLocation"]["uri"] for r in new for loc in r["locations"]}
    assert f"news/{NEW_NAME}" in uris
    assert all(not u.startswith("/") for u in uris)
    done = ci(repo, "--format", "junit", "--output", "junit.xml")
    assert done.returncode == 1
    assert f'name="news/{NEW_NAME}"' in (repo / "junit.xml").read_text(encoding="utf-8")


def test_could_not_run_is_exit_2_with_one_line(repo, tmp_path_factory):
    done = ci(repo, "--base", "no-such-ref")
    assert done.returncode == 2 and done.stderr.count("\n") == 1
    assert "no-such-ref: unknown git revision" in done.stderr
    plain = tmp_path_factory.mktemp("plain")
    shutil.copytree(SEEDS, plain / "news")
    done = run(plain, "ci", "news/", "--base", "HEAD")
    assert done.returncode == 2 and "not a git repository" in done.stderr and "Traceback" not in done.stderr
    (repo / "broken.json").write_text("{not json")
    done = run(repo, "ci", "news/", "--baseline", "broken.json")
    assert done.returncode == 2 and done.stderr.startswith("Error: broken.json:1: not a checker baseline")
    done = run(repo, "ci", "missing/")
    assert done.returncode == 2 and "missing/" in done.stderr
    (repo / "badrules").mkdir()
    (repo / "badrules" / "x.yaml").write_text("id: x\ncheck: nope\n")
    done = run(repo, "ci", "news/", "--rules", "badrules")
    assert done.returncode == 2 and done.stderr.startswith("Error: badrules/x.yaml:") and done.stderr.count("\n") == 1
