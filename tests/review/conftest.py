"""Real news text that contradicts itself, and the findings a rule would raise on it.

The engine is tested elsewhere; here the findings are built the way a rule builds them, from
claims the extractor really found, so every quote, line and sentence is real evidence.
"""
from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path
from types import SimpleNamespace

import pytest

from checker.extract import extract_claims
from checker.models import Finding, Group
from checker.sources import read_sources

REPO = Path(__file__).resolve().parents[2]

A_TEXT = """Shelling kills more than 200 in Stepanakert

More than 200 people were killed in the shelling of Stepanakert on 19 September, local officials said on Wednesday.
"""
B_TEXT = """Death toll in Karabakh offensive

About 40 people were killed in the shelling of Stepanakert on 19 September, the regional ombudsman said on Wednesday.
=HYPERLINK("http://x","y") About 40 people were killed in the shelling, a witness wrote.
+1 About 40 people were killed, a second post said.
-1 About 40 people were killed, a third post said.
@SUM(A1) About 40 people were killed, a fourth post said.
"""
MANIFEST = """file,outlet,published,language
a.txt,Armenpress,2023-09-20,en
b.txt,@KarabakhWatch,2023-09-20,en
"""
RISKY = ['=HYPERLINK("http://x","y")', "+1", "-1", "@SUM(A1)"]


def write_news(folder: Path, *, with_b: bool = True) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a.txt").write_text(A_TEXT, encoding="utf-8")
    if with_b:
        (folder / "b.txt").write_text(B_TEXT, encoding="utf-8")
    (folder / "sources.csv").write_text(MANIFEST, encoding="utf-8")
    return folder


def fingerprint(*parts: str) -> str:
    return hashlib.sha1("\x1f".join(parts).encode()).hexdigest()[:16]


def hand_check(folder: Path) -> SimpleNamespace:
    """Sources, claims, one group and one finding per contradicting pair, like a rule would."""
    sources = read_sources([str(folder)], on_notice=lambda m: None)
    claims = [c for s in sources for c in extract_claims(s)]
    a = next(c for c in claims if c.source == "a.txt" and c.text == "More than 200")
    bs = [c for c in claims if c.source == "b.txt" and c.text == "About 40"]
    group = Group(id="g-killed", label="people killed", kind="count", claims=[a] + bs)
    findings = [Finding(id=fingerprint("count-mismatch", a.source, a.text, b.source, b.sentence),
                        rule="count-mismatch", severity="error",
                        message=f"{a.source} says {a.text.lower()} people were killed, "
                                f"{b.source} says {b.text.lower()}",
                        claims=[a, b], group=group.id) for b in bs]
    return SimpleNamespace(sources=sources, claims=claims, groups=[group], findings=findings)


@pytest.fixture
def news(tmp_path):
    return write_news(tmp_path / "news")


@pytest.fixture
def seeds_copy(tmp_path):
    dst = tmp_path / "seeds-copy"
    shutil.copytree(REPO / "seeds", dst)
    (dst / "reviews.csv").unlink(missing_ok=True)
    return dst


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def soffice_convert(path: Path, target: str, outdir: Path) -> Path:
    """Convert with LibreOffice headless (its own profile dir, so parallel runs do not clash)."""
    if not SOFFICE:
        pytest.skip("LibreOffice (soffice) is not installed; .ci/install-libreoffice installs it")
    outdir.mkdir(parents=True, exist_ok=True)
    profile = (outdir / "lo-profile").resolve().as_uri()
    subprocess.run([SOFFICE, f"-env:UserInstallation={profile}", "--headless", "--convert-to", target,
                    "--outdir", str(outdir), str(path)],
                   check=True, capture_output=True, timeout=120)
    ext = target.split(":")[0]
    out = outdir / f"{path.stem}.{ext}"
    assert out.is_file(), f"LibreOffice did not write {out}"
    return out
