"""Score claim extraction against the editor's gold mentions in tests/data/seed_mentions.tsv.

Used by tests/extract/test_gold_mentions.py (which asserts the thresholds) and runnable on its
own for the report:

    python benchmarks/goldscore.py            # report on seeds/
    python benchmarks/goldscore.py --json -   # the numbers as JSON on stdout

Rules (tests/data/GOLD_README.md describes the file):

* The gold text is located on its line of the source's *original* text (the k-th gold row with
  the same text on the same line is the k-th occurrence); its span is a pair of character offsets
  into the original, the same coordinates as `Claim.start`/`Claim.end`.
* A gold mention is *found* when a claim overlapping that span has the right value:
  - a number (`2000`) matches `claim.value` within 1e-6 relative; a literal written with four or
    more decimals is compared at its written precision (`0.3333` stands for one third);
  - `>X` and `X..inf` match a claim whose `lo` is X, open or closed;
  - `0..X` matches a claim whose `hi` is X;
  - `lo..hi` with hedge `vague` matches a claim whose interval (`lo`/`hi`, an open side being
    infinite; `value` when both are missing) overlaps it; any other `lo..hi` needs `lo` and `hi`
    equal;
  - `XXXX-MM-DD` matches a date claim with that month and day (a year, if the claim has one, is
    not compared: "2023-09-19" and "--09-19" both match `XXXX-09-19`);
  - `THH:MM` (and `THH:MMZ`, a GMT time) matches a time claim with that hour and minute.
* Recall = found gold / gold.
* Precision = claims that match some gold mention / numeric claims.  Every claim is numeric except
  a weekday reference ("on Sunday", `detail == "weekday"`), which the extractor emits as a date
  anchor for resolving "as of" times: it states no figure and is left out of the precision count.
* Hedge accuracy = found mentions whose claim has the gold hedge / found mentions; gold `none`
  equals claim `exact`, other names must be equal.  When several overlapping claims have the
  right value, the one overlapping the gold span most is the mention's claim.
"""
from __future__ import annotations

import argparse
import math
import re
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any, Iterable

sys.path.insert(0, str(Path(__file__).resolve().parent))  # also when imported by path (tests)
from jsonout import write_numbers  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
GOLD_TSV = ROOT / "tests" / "data" / "seed_mentions.tsv"
SEEDS = ROOT / "seeds"

def is_numeric_claim(claim: Any) -> bool:
    """Every claim but a weekday anchor ("on Sunday"): those state no figure."""
    return getattr(claim, "detail", None) != "weekday"


def is_number(x: Any) -> bool:
    return isinstance(x, (int, float)) and not isinstance(x, bool) and not math.isnan(x)


# --------------------------------------------------------------------------- gold values
@dataclass
class GoldValue:
    """A parsed gold value: shape is number | lower | upper | interval | date | time."""

    shape: str
    a: float | None = None  # the number, the bound, or the interval's low end
    b: float | None = None  # the interval's high end
    tol: float = 0.0  # absolute tolerance from the written precision (0: relative 1e-6 only)
    month_day: tuple[int, int] | None = None
    hour_minute: tuple[int, int] | None = None


def _literal(s: str) -> tuple[float, float]:
    """A gold number and the absolute tolerance its written precision allows."""
    x = float(s)
    decimals = len(s.split(".", 1)[1]) if "." in s else 0
    return x, (0.5 * 10 ** -decimals if decimals >= 4 else 0.0)


def parse_gold_value(v: str) -> GoldValue:
    v = v.strip()
    if m := re.fullmatch(r"XXXX-(\d\d)-(\d\d)", v):
        return GoldValue("date", month_day=(int(m[1]), int(m[2])))
    if m := re.fullmatch(r"T(\d\d):(\d\d)Z?", v):
        return GoldValue("time", hour_minute=(int(m[1]), int(m[2])))
    if v.startswith(">"):
        x, tol = _literal(v[1:])
        return GoldValue("lower", x, tol=tol)
    if ".." in v:
        lo_s, hi_s = v.split("..", 1)
        if hi_s.strip().lower() in ("inf", "+inf"):
            x, tol = _literal(lo_s)
            return GoldValue("lower", x, tol=tol)
        lo, tol_lo = _literal(lo_s)
        hi, tol_hi = _literal(hi_s)
        if lo == 0:
            return GoldValue("upper", hi, tol=tol_hi)
        return GoldValue("interval", lo, hi, tol=max(tol_lo, tol_hi))
    x, tol = _literal(v)
    return GoldValue("number", x, tol=tol)


def close(a: Any, b: float, tol: float = 0.0) -> bool:
    """`a` (a claim's number) equals gold `b` within 1e-6 relative or the gold's written precision."""
    if not is_number(a):
        return False
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=max(tol, 1e-12))


def _month_day(value: Any) -> tuple[int, int] | None:
    if isinstance(value, (date, datetime)):
        return value.month, value.day
    if isinstance(value, str) and (m := re.match(r"(?:[+-]?\d{4}|-)-(\d\d)-(\d\d)", value)):
        return int(m[1]), int(m[2])
    return None


def _hour_minute(value: Any) -> tuple[int, int] | None:
    if isinstance(value, datetime):
        return value.hour, value.minute
    if isinstance(value, str) and (m := re.search(r"(?:^|T)(\d\d):(\d\d)", value)):
        return int(m[1]), int(m[2])
    return None


def claim_interval(claim: Any) -> tuple[float, float] | None:
    """The claim's numeric interval: lo/hi with open sides infinite, or [value, value]."""
    lo = claim.lo if is_number(claim.lo) else None
    hi = claim.hi if is_number(claim.hi) else None
    if lo is None and hi is None:
        return (claim.value, claim.value) if is_number(claim.value) else None
    return (-math.inf if lo is None else lo, math.inf if hi is None else hi)


def value_matches(gold: GoldValue, claim: Any, hedge: str = "") -> bool:
    """Does the claim carry the gold value? `hedge` is the gold hedge (for vague intervals)."""
    if gold.shape == "date":
        return _month_day(claim.value) == gold.month_day
    if gold.shape == "time":
        return _hour_minute(claim.value) == gold.hour_minute
    if gold.shape == "number":
        return close(claim.value, gold.a, gold.tol)
    if gold.shape == "lower":
        return close(claim.lo, gold.a, gold.tol)
    if gold.shape == "upper":
        return close(claim.hi, gold.a, gold.tol)
    # interval
    if hedge == "vague":
        iv = claim_interval(claim)
        return iv is not None and iv[0] <= gold.b + gold.tol and iv[1] >= gold.a - gold.tol
    return close(claim.lo, gold.a, gold.tol) and close(claim.hi, gold.b, gold.tol)


def hedge_matches(gold_hedge: str, claim_hedge: str) -> bool:
    return (claim_hedge == "exact") if gold_hedge == "none" else (claim_hedge == gold_hedge)


# --------------------------------------------------------------------------- gold rows
@dataclass
class Gold:
    file: str
    line_no: int
    text: str
    value: str
    hedge: str
    kind: str
    unit: str
    note: str
    start: int = -1  # offsets into the source's original text, set by locate()
    end: int = -1

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line_no}"

    @property
    def parsed(self) -> GoldValue:
        return parse_gold_value(self.value)


def read_gold(path: Path | str = GOLD_TSV) -> list[Gold]:
    rows: list[Gold] = []
    with open(path, encoding="utf-8", newline="") as fh:
        header = fh.readline().rstrip("\r\n").split("\t")
        if header[:6] != ["file", "line_no", "text", "value", "hedge", "kind"]:
            raise ValueError(f"{path}: unexpected header {header}")
        for n, raw in enumerate(fh, start=2):
            raw = raw.rstrip("\r\n")
            if not raw.strip():
                continue
            cells = raw.split("\t") + [""] * 8
            rows.append(Gold(cells[0], int(cells[1]), cells[2], cells[3], cells[4], cells[5],
                             cells[6], cells[7]))
    return rows


def line_starts(text: str) -> list[int]:
    """Offsets where each line starts (lines end at '\\n'; a '\\r' before it stays in the line)."""
    starts = [0]
    starts.extend(m.end() for m in re.finditer("\n", text))
    return starts


def locate(golds: Iterable[Gold], originals: dict[str, str]) -> list[str]:
    """Set each gold's span in its original text; returns problems (file or text not found)."""
    problems: list[str] = []
    seen: dict[tuple[str, int, str], int] = {}
    starts_of: dict[str, list[int]] = {}
    for g in golds:
        if g.file not in originals:
            problems.append(f"{g.where}: no source named {g.file}")
            continue
        text = originals[g.file]
        starts = starts_of.setdefault(g.file, line_starts(text))
        if not 1 <= g.line_no <= len(starts):
            problems.append(f"{g.where}: the file has {len(starts)} lines")
            continue
        ls = starts[g.line_no - 1]
        le = starts[g.line_no] - 1 if g.line_no < len(starts) else len(text)
        line = text[ls:le]
        k = seen.get((g.file, g.line_no, g.text), 0)
        seen[(g.file, g.line_no, g.text)] = k + 1
        pos = -1
        for _ in range(k + 1):
            pos = line.find(g.text, pos + 1)
            if pos < 0:
                break
        if pos < 0:
            problems.append(f"{g.where}: {g.text!r} (occurrence {k + 1}) not on the line")
            continue
        g.start, g.end = ls + pos, ls + pos + len(g.text)
    return problems


# --------------------------------------------------------------------------- scoring
@dataclass
class Score:
    golds: list[Gold]
    claims: list[Any]  # numeric claims considered for precision
    left_out: list[Any]  # non-numeric claims (weekday anchors), not counted
    found: dict[int, Any] = field(default_factory=dict)  # gold index -> its claim
    matched: set[int] = field(default_factory=set)  # indices into claims
    problems: list[str] = field(default_factory=list)  # gold rows that could not be located
    overlapping: dict[int, list[Any]] = field(default_factory=dict)  # gold index -> claims on it

    @property
    def recall(self) -> float:
        return len(self.found) / len(self.golds) if self.golds else 0.0

    @property
    def precision(self) -> float:
        return len(self.matched) / len(self.claims) if self.claims else 0.0

    @property
    def hedge_right(self) -> list[int]:
        return [i for i, c in self.found.items() if hedge_matches(self.golds[i].hedge, c.hedge)]

    @property
    def hedge_accuracy(self) -> float:
        return len(self.hedge_right) / len(self.found) if self.found else 0.0

    @property
    def misses(self) -> list[int]:
        return [i for i in range(len(self.golds)) if i not in self.found]

    @property
    def false_positives(self) -> list[Any]:
        return [c for j, c in enumerate(self.claims) if j not in self.matched]

    def numbers(self) -> dict[str, Any]:
        return {
            "gold": len(self.golds), "found": len(self.found), "recall": round(self.recall, 4),
            "numeric_claims": len(self.claims), "matched_claims": len(self.matched),
            "non_numeric_left_out": len(self.left_out), "precision": round(self.precision, 4),
            "hedge_right": len(self.hedge_right), "hedge_accuracy": round(self.hedge_accuracy, 4),
        }

    def report(self) -> str:
        out = ["gold mentions vs extracted claims (seeds/)",
               f"  recall          {len(self.found):4d} / {len(self.golds):<4d} = {self.recall:6.1%}",
               f"  precision       {len(self.matched):4d} / {len(self.claims):<4d} = {self.precision:6.1%}"
               f"   ({len(self.left_out)} non-numeric anchors left out)",
               f"  hedge accuracy  {len(self.hedge_right):4d} / {len(self.found):<4d} = "
               f"{self.hedge_accuracy:6.1%}"]
        for p in self.problems:
            out.append(f"  GOLD PROBLEM: {p}")
        out.append(f"misses ({len(self.misses)}):")
        for i in self.misses:
            g = self.golds[i]
            got = "; ".join(_brief(c) for c in self.overlapping.get(i, [])) or "no overlapping claim"
            out.append(f"  {g.where:28s} {g.text!r:24s} want {g.value} {g.hedge} {g.kind}  -- got: {got}")
        out.append(f"false positives ({len(self.false_positives)}):")
        for c in sorted(self.false_positives, key=_claim_key):
            out.append(f"  {claim_where(c):28s} {c.text!r:24s} {_brief(c, text=False)}")
        wrong = [i for i in self.found if i not in set(self.hedge_right)]
        out.append(f"hedge errors ({len(wrong)}):")
        for i in sorted(wrong):
            g, c = self.golds[i], self.found[i]
            want = "exact" if g.hedge == "none" else g.hedge
            out.append(f"  {g.where:28s} {g.text!r:24s} want {want}, got {c.hedge} (claim {c.text!r})")
        return "\n".join(out)


def claim_where(c: Any) -> str:
    return f"{Path(str(c.source)).name}:{c.line}"


def _claim_key(c: Any) -> tuple:
    return (Path(str(c.source)).name, c.start)


def _brief(c: Any, text: bool = True) -> str:
    parts = [repr(c.text)] if text else []
    parts.append(f"{c.kind} value={c.value!r}")
    if c.lo is not None or c.hi is not None:
        parts.append(f"[{c.lo!r}, {c.hi!r}]")
    parts.append(c.hedge)
    return " ".join(parts)


def score(golds: list[Gold], claims_by_file: dict[str, list[Any]],
          originals: dict[str, str]) -> Score:
    """Match gold mentions to claims. claims_by_file maps a source name to its claims."""
    problems = locate(golds, originals)
    numeric, left_out = [], []
    for name in sorted(claims_by_file):
        for c in claims_by_file[name]:
            (numeric if is_numeric_claim(c) else left_out).append((name, c))
    result = Score(golds, [c for _, c in numeric], [c for _, c in left_out], problems=problems)
    by_file: dict[str, list[tuple[int, Any]]] = {}
    for j, (name, c) in enumerate(numeric):
        by_file.setdefault(name, []).append((j, c))
    for i, g in enumerate(golds):
        if g.start < 0:
            continue
        gv = g.parsed
        best: tuple[int, int] | None = None  # (overlap, -j)
        for j, c in by_file.get(g.file, []):
            overlap = min(g.end, c.end) - max(g.start, c.start)
            if overlap <= 0:
                continue
            result.overlapping.setdefault(i, []).append(c)
            if value_matches(gv, c, g.hedge):
                result.matched.add(j)
                if best is None or (overlap, -j) > best:
                    best = (overlap, -j)
                    result.found[i] = c
    return result


def run_seeds(seeds_dir: Path | str = SEEDS, gold_path: Path | str = GOLD_TSV) -> Score:
    """Read seeds/ with read_sources, extract claims from each source, and score them."""
    from checker.extract import extract_claims
    from checker.sources import read_sources

    sources = read_sources([str(seeds_dir)])
    originals = {s.name: s.original for s in sources}
    claims = {s.name: list(extract_claims(s)) for s in sources}
    return score(read_gold(gold_path), claims, originals)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--seeds", default=str(SEEDS))
    ap.add_argument("--gold", default=str(GOLD_TSV))
    ap.add_argument("--json", nargs="?", const="-", metavar="PATH",
                    help="write the numbers as JSON to PATH (stdout if no PATH)")
    args = ap.parse_args(argv)
    result = run_seeds(args.seeds, args.gold)
    if args.json:
        write_numbers(result.numbers(), args.json)
        if args.json == "-":
            return 0
    print(result.report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
