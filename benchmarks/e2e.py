"""End-to-end speed of `run_check` on synthetic corpora of N sources, and how it grows with N.

    python benchmarks/e2e.py                          # N = 1,000 and 10,000
    python benchmarks/e2e.py --sizes 200 2000         # quicker
    python benchmarks/e2e.py --json out.json          # also write the numbers ('-': stdout)
    python benchmarks/e2e.py --sizes 10000 --profile prof.txt   # cProfile of run_check, top functions

Corpus (not timed): source i is seed article i mod 5 from seeds/, with every figure varied by
its own random factor in 0.8-1.25 (formatting kept: "1,050" -> "1,187", "99.9" -> "87.4";
percentages capped at 100), a year shifted by +-1 one time in ten, calendar dates ("September
20", "20 September", "2023-09-24") moved by -2..+2 days, clock times left alone. File i is
`src{i:05d}_<seed name>.txt`; sources.csv gives it an outlet (the seed's outlet, edition 1-50)
and a publication date 0-3 days after its seed's. Each file gets its own random generator seeded
with (--seed, i), so the corpus is byte-identical from run to run and the 1,000-source corpus is
the first 1,000 files of the 10,000-source one.

What is timed, in a fresh Python process per size (so peak memory is that size's alone, and
one-off import costs are paid before the clock starts: the child imports the pipeline and checks
the five seeds first):

* ``run_check [s]``: `run_check([folder])` end to end: listing, reading, decoding, cleaning,
  extraction, loading rules and aliases, featurising, alignment (every alignment setting the
  rules ask for), the rules' checks, finding ids and sorting. No report is written.
* stage columns, from the same call (the pipeline's stage functions are wrapped with a timer, so
  the stages add up to run_check): ``read`` = read_sources; ``extract`` = pipeline.extract_all
  (extract_claims over all sources, in worker processes for large inputs: see --jobs); ``feat`` = align.featurize; ``align`` = align.align, summed over alignment settings;
  ``checks`` = the rules' check functions; ``rest`` = everything else inside check_claims
  (loading rules, applies_to filters, finding ids, sorting).
* ``reports [s]``: `checker.commands.check.report_files` on the result, i.e. rendering the five
  files of `checker check --report-dir` (report.md, findings.json, findings.csv, alignment.csv,
  alignment.md) as text in memory; nothing is written to disk. Timed after run_check, separately.
* ``peak RSS``: resource.getrusage(RUSAGE_SELF).ru_maxrss in the child right after run_check
  (before reports; the value after reports is in the JSON as rss_after_reports_mb; the largest
  extraction worker's as worker_peak_rss_mb).

Growth exponent between consecutive sizes: log(t2/t1) / log(N2/N1) on run_check seconds (and
per stage). 1.0 is linear; n log n from 1,000 to 10,000 is about 1.1; 2.0 is quadratic.
Target: 10,000 sources in under 60 s on a 2-core machine, exponent <= 1.1.
"""
from __future__ import annotations

import argparse
import csv
import json
import math
import os
import random
import re
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from jsonout import write_numbers  # benchmarks/ is the script's folder, so on sys.path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED = 20230919
TARGET_SECONDS = 60.0
TARGET_EXPONENT = 1.1
STAGES = ("read", "extract", "feat", "align", "checks", "rest")

# ---------------------------------------------------------------- corpus

_MONTHS = {m: i for i, m in enumerate(
    ("january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"), 1)}
_MONTH_RE = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|March|Mar\.|April|Apr\.|May|June|July|"
             r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)")
_FIGURE = re.compile(
    r"(?P<iso>\b(?P<y>\d{4})-(?P<m>\d\d)-(?P<d>\d\d)\b)"
    rf"|(?P<md>\b(?P<mon1>{_MONTH_RE}) (?P<day1>\d{{1,2}})\b(?![,.]?\d))"
    rf"|(?P<dm>\b(?P<day2>\d{{1,2}}) (?P<mon2>{_MONTH_RE})(?![a-z]))"
    r"|(?P<num>(?<![\w.:/+-])(?P<int>\d{1,3}(?:,\d{3})+|\d+)(?P<frac>\.\d+)?(?![\w:/]|-\d|\.\d))")
_PERCENT = re.compile(r"\s?(?:%|per ?cent)", re.IGNORECASE)


def _month_days(month: int) -> int:
    return (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]


def vary_text(text: str, rng: random.Random) -> str:
    """The same article with other figures: each number scaled, some years and dates moved."""
    def shift_day(day: int, month: int) -> int:
        return min(max(day + rng.randint(-2, 2), 1), _month_days(month))

    def sub(m: re.Match) -> str:
        if m["iso"]:
            d = date(int(m["y"]), int(m["m"]), int(m["d"])) + timedelta(days=rng.randint(-2, 2))
            return d.isoformat()
        if m["md"] or m["dm"]:
            mon = m["mon1"] or m["mon2"]
            month = next(v for k, v in _MONTHS.items() if k.startswith(mon.lower().rstrip(".")))
            day = m["day1"] or m["day2"]
            new = str(shift_day(int(day), month))
            return f"{mon} {new}" if m["md"] else f"{new} {mon}"
        whole, frac = m["int"], m["frac"] or ""
        value = float(whole.replace(",", "") + frac)
        if not frac and "," not in whole and len(whole) == 4 and 1000 <= value <= 2100:
            return str(int(value) + rng.choice((-1, 1))) if rng.random() < 0.1 else whole
        value *= rng.uniform(0.8, 1.25)
        if _PERCENT.match(text, m.end()):
            value = min(value, 100.0)
        if frac:
            return f"{value:.{len(frac) - 1}f}"
        n = max(1, round(value))
        return f"{n:,}" if "," in whole else str(n)

    return _FIGURE.sub(sub, text)


def _seed_articles() -> list[dict]:
    """The seed files with their manifest rows, in name order."""
    with open(SEEDS / "sources.csv", newline="", encoding="utf-8") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh)}
    seeds = []
    for path in sorted(SEEDS.glob("*.txt")):
        row = rows.get(path.name, {})
        published = row.get("published") or "2023-09-24"
        seeds.append({"name": path.name, "text": path.read_bytes().decode("utf-8"),
                      "outlet": row.get("outlet") or path.stem, "published": date.fromisoformat(published[:10]),
                      "language": row.get("language") or "en"})
    if not seeds:
        raise SystemExit(f"no seed articles in {SEEDS}")
    return seeds


def build_corpus(n: int, folder: Path, seed: int = SEED) -> dict:
    """Write n varied seed articles and their sources.csv into folder; return its size."""
    seeds = _seed_articles()
    rows, chars = [], 0
    for i in range(n):
        s = seeds[i % len(seeds)]
        rng = random.Random(f"{seed}:{i}")
        name = f"src{i:05d}_{s['name']}"
        text = vary_text(s["text"], rng)
        (folder / name).write_bytes(text.encode("utf-8"))
        chars += len(text)
        published = s["published"] + timedelta(days=rng.randint(0, 3))
        rows.append((name, f"{s['outlet']}, edition {rng.randint(1, 50)}", published.isoformat(),
                     s["language"]))
    with open(folder / "sources.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(("file", "outlet", "published", "language"))
        w.writerows(rows)
    return {"files": n, "chars": chars}


# ---------------------------------------------------------------- measurement (child process)

def _instrument(timers: dict[str, float], calls: dict[str, int]) -> list[str]:
    """Wrap the pipeline's stage functions with timers wherever checker modules bind them.

    Returns the stages that could not be found (the pipeline may have been reorganised)."""
    import dataclasses

    import checker.align
    import checker.engine
    import checker.extract
    import checker.pipeline  # noqa: F401  (so its bindings are patched too)
    import checker.sources

    def timed(stage: str, fn):
        def wrapper(*args, **kwargs):
            t0 = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                timers[stage] = timers.get(stage, 0.0) + time.perf_counter() - t0
                calls[stage] = calls.get(stage, 0) + 1
        return wrapper

    def patch(module, name: str, stage: str, make=None) -> bool:
        original = getattr(module, name, None)
        if original is None:
            return False
        replacement = make(original) if make else timed(stage, original)
        for mod in [m for k, m in sys.modules.items() if k == "checker" or k.startswith("checker.")]:
            if getattr(mod, name, None) is original:
                setattr(mod, name, replacement)
        return True

    def timed_checks(load_checks):
        def wrapped():
            return {k: dataclasses.replace(v, fn=timed("checks", timed(f"check {k}", v.fn)))
                    for k, v in load_checks().items()}
        return wrapped

    found = {
        "read": patch(checker.sources, "read_sources", "read"),
        "extract": patch(checker.pipeline, "extract_all", "extract"),
        "feat": patch(checker.align, "featurize", "feat"),
        "align": patch(checker.align, "align", "align"),
        "checks": patch(checker.engine, "load_checks", "checks", timed_checks),
        "rest": patch(checker.engine, "check_claims", "_check_claims"),
    }
    # inside alignment, when present: pairwise scores vs. grouping (detail only)
    patch(checker.align, "similarity", "align: similarity")
    patch(checker.align, "_complete_linkage", "align: linkage incl. similarity")
    return [k for k, ok in found.items() if not ok]


def _rss_mb(who: str = "RUSAGE_SELF") -> float:
    import resource

    kb = resource.getrusage(getattr(resource, who)).ru_maxrss  # KiB on Linux
    return kb / (1024 * 1024) if sys.platform == "darwin" else kb / 1024


def measure(folder: str, reports: bool = True, profile: str | None = None, top: int = 40,
            jobs: int | None = None) -> dict:
    """Run run_check on folder once, instrumented; the numbers as a dict (runs in the child)."""
    from checker.pipeline import run_check

    run_check([str(SEEDS)], on_notice=lambda m: None)  # warm-up: imports, regexes, rule files
    timers: dict[str, float] = {}
    calls: dict[str, int] = {}
    missing = _instrument(timers, calls)
    notices: list[str] = []
    prof = None
    if profile:
        import cProfile
        prof = cProfile.Profile()
        prof.enable()
    t0 = time.perf_counter()
    result = run_check([folder], on_notice=notices.append, jobs=jobs)
    total = time.perf_counter() - t0
    if prof:
        prof.disable()
    rss = _rss_mb()
    stages = {k: timers.get(k) for k in STAGES if k not in missing}
    if "rest" in stages:
        inside = sum(timers.get(k, 0.0) for k in ("feat", "align", "checks"))
        stages["rest"] = timers.get("_check_claims", 0.0) - inside
    out = {"sources": len(result.sources), "chars": sum(len(s.original) for s in result.sources),
           "claims": len(result.claims), "groups": len(result.groups), "findings": len(result.findings),
           "largest_group": max((len(g.claims) for g in result.groups), default=0),
           "seconds": total, "stages": stages, "stage_calls": {k: calls.get("_check_claims" if k == "rest" else k, 0) for k in STAGES},
           "stages_missing": missing, "notices": len(notices), "peak_rss_mb": rss,
           "worker_peak_rss_mb": _rss_mb("RUSAGE_CHILDREN"), "jobs": jobs,
           "detail": {k: v for k, v in sorted(timers.items()) if ":" in k or k.startswith("check ")},
           "detail_calls": {k: v for k, v in sorted(calls.items()) if ":" in k or k.startswith("check ")}}
    if reports:
        from checker.commands.check import report_files

        t0 = time.perf_counter()
        files = report_files(result, list(result.findings), 0)
        out["report_seconds"] = time.perf_counter() - t0
        out["report_chars"] = sum(len(t) for t in files.values())
        out["rss_after_reports_mb"] = _rss_mb()
    if prof:
        import io
        import pstats

        buf = io.StringIO()
        stats = pstats.Stats(prof, stream=buf).strip_dirs()
        buf.write(f"run_check on {folder}: {out['sources']} sources, {out['claims']} claims\n")
        stats.sort_stats("cumulative").print_stats(top)
        stats.sort_stats("tottime").print_stats(top)
        stats.sort_stats("tottime").print_callers(12)
        Path(profile).write_text(buf.getvalue(), encoding="utf-8")
        prof.dump_stats(profile + ".prof")  # raw stats: python -m pstats PATH.prof
        out["profile"] = profile
    return out


# ---------------------------------------------------------------- driver

def run_size(n: int, seed: int, reports: bool, profile: str | None, keep: str | None,
             jobs: int | None = None) -> dict:
    """Build the corpus of n sources and measure it in a fresh interpreter."""
    with tempfile.TemporaryDirectory(prefix=f"checker-e2e-{n}-") as tmp:
        folder = Path(keep) / f"n{n}" if keep else Path(tmp)
        folder.mkdir(parents=True, exist_ok=True)
        t0 = time.perf_counter()
        corpus = build_corpus(n, folder, seed)
        gen = time.perf_counter() - t0
        cmd = [sys.executable, str(Path(__file__).resolve()), "--child", str(folder)]
        if not reports:
            cmd.append("--no-reports")
        if profile:
            cmd += ["--profile", profile]
        if jobs is not None:
            cmd += ["--jobs", str(jobs)]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=str(ROOT))
        if proc.returncode != 0:
            sys.stderr.write(proc.stderr)
            raise SystemExit(f"measuring N={n} failed (exit {proc.returncode})")
        row = json.loads(proc.stdout.strip().splitlines()[-1])
    row.update({"n": n, "corpus_chars": corpus["chars"], "generate_seconds": gen})
    return row


def exponent(t1: float | None, t2: float | None, n1: int, n2: int) -> float | None:
    """log(t2/t1)/log(n2/n1): 1 linear, 2 quadratic."""
    if not t1 or not t2 or t1 <= 0 or t2 <= 0 or n1 == n2:
        return None
    return math.log(t2 / t1) / math.log(n2 / n1)


def _fmt(v, spec: str = ".2f") -> str:
    return "-" if v is None else format(v, spec)


def print_table(rows: list[dict], growth: list[dict]) -> None:
    head = (f"{'N':>6s} {'MB':>5s} {'claims':>8s} {'groups':>7s} {'big':>5s} {'findings':>8s} "
            f"{'run_check s':>11s} " + " ".join(f"{s:>7s}" for s in STAGES)
            + f" {'reports s':>9s} {'peak RSS MB':>11s}")
    print(head)
    print("-" * len(head))
    for r in rows:
        print(f"{r['n']:6d} {r['chars'] / 1e6:5.1f} {r['claims']:8d} {r['groups']:7d} {r['largest_group']:5d} "
              f"{r['findings']:8d} {r['seconds']:11.2f} "
              + " ".join(f"{_fmt(r['stages'].get(s)):>7s}" for s in STAGES)
              + f" {_fmt(r.get('report_seconds')):>9s} {r['peak_rss_mb']:11.0f}")
    for r in rows:
        if r.get("detail"):
            print(f"N={r['n']} detail (s): " + ", ".join(f"{k} {v:.2f}" for k, v in r["detail"].items()))
    for g in growth:
        print(f"growth {g['n1']} -> {g['n2']}: exponent {_fmt(g['run_check'])} for run_check "
              f"(target <= {TARGET_EXPONENT}); per stage: "
              + ", ".join(f"{s} {_fmt(g['stages'].get(s))}" for s in STAGES)
              + (f"; reports {_fmt(g.get('reports'))}" if g.get("reports") is not None else ""))
        if g.get("detail"):
            print(f"growth {g['n1']} -> {g['n2']} detail: "
                  + ", ".join(f"{k} {_fmt(v)}" for k, v in g["detail"].items()))
    biggest = max(rows, key=lambda r: r["n"])
    per10k = biggest["seconds"] * 10_000 / biggest["n"]
    verdict = "meets" if biggest["seconds"] < TARGET_SECONDS and biggest["n"] >= 10_000 else (
        "misses" if biggest["n"] >= 10_000 else "not measured at 10,000 for")
    print(f"N={biggest['n']}: {biggest['seconds']:.1f} s ({per10k:.1f} s per 10,000 sources at that rate); "
          f"{verdict} the target of 10,000 sources in < {TARGET_SECONDS:.0f} s")
    if biggest.get("report_seconds") is not None:
        print(f"N={biggest['n']} with the reports rendered: {biggest['seconds'] + biggest['report_seconds']:.1f} s")
    missing = sorted({s for r in rows for s in r.get("stages_missing", [])})
    if missing:
        print(f"stages not found in the pipeline (not timed): {', '.join(missing)}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000], metavar="N",
                    help="numbers of sources (default: 1000 10000)")
    ap.add_argument("--seed", type=int, default=SEED, help="random seed of the corpus")
    ap.add_argument("--no-reports", action="store_true", help="do not time report rendering")
    ap.add_argument("--profile", metavar="PATH",
                    help="cProfile run_check (slows it) and write the top functions to PATH and the "
                         "raw stats to PATH.prof; with several sizes, PATH gets the size appended")
    ap.add_argument("--keep", metavar="DIR", help="build the corpora under DIR/n<N> and keep them")
    ap.add_argument("--json", nargs="?", const="-", metavar="PATH",
                    help="write the numbers as JSON to PATH (stdout if no PATH)")
    ap.add_argument("--jobs", type=int, default=None, metavar="N",
                    help="extraction processes (run_check's jobs; default: one per CPU)")
    ap.add_argument("--child", metavar="FOLDER", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.child:  # the measuring process: one JSON line on stdout
        row = measure(args.child, reports=not args.no_reports, profile=args.profile, jobs=args.jobs)
        print(json.dumps(row))
        return 0

    sizes = sorted(set(args.sizes))
    rows = []
    for n in sizes:
        profile = args.profile
        if profile and len(sizes) > 1:
            profile = f"{profile}.{n}"
        print(f"N={n}: building and measuring ...", file=sys.stderr, flush=True)
        rows.append(run_size(n, args.seed, not args.no_reports, profile, args.keep, args.jobs))
    growth = []
    for a, b in zip(rows, rows[1:]):
        growth.append({"n1": a["n"], "n2": b["n"], "run_check": exponent(a["seconds"], b["seconds"], a["n"], b["n"]),
                       "stages": {s: exponent(a["stages"].get(s), b["stages"].get(s), a["n"], b["n"]) for s in STAGES},
                       "detail": {k: exponent(a["detail"].get(k), b["detail"].get(k), a["n"], b["n"])
                                  for k in a.get("detail", {})},
                       "reports": exponent(a.get("report_seconds"), b.get("report_seconds"), a["n"], b["n"])})
    print(f"end-to-end speed, {date.today().isoformat()}, Python {sys.version.split()[0]}, "
          f"{os.cpu_count()} CPUs, corpus seed {args.seed}"
          + ("  [profiled: times inflated]" if args.profile else ""))
    print_table(rows, growth)
    if args.json:
        numbers = {"date": date.today().isoformat(), "python": sys.version.split()[0], "cpus": os.cpu_count(),
                   "seed": args.seed, "profiled": bool(args.profile), "rows": rows, "growth": growth}
        write_numbers(numbers, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
