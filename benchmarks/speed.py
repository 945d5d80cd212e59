"""Extraction speed in characters per second, and quantulum3's on the same text if installed.

    python benchmarks/speed.py                  # ~1 MB, best of 3
    python benchmarks/speed.py --size 200000    # smaller/faster
    python benchmarks/speed.py --json out.json  # also write the numbers ('-': stdout)

What is timed (each best of --repeat runs, after one warm-up call so that one-off loading is
not counted):

* ``checker files``: the five seed files are copied into a temporary folder until the copies
  hold about --size characters; the time is `read_sources([folder])` plus `extract_claims` on
  every source, i.e. reading, decoding, cleaning and extraction together.
* ``checker strings``: `extract_text` on the same documents' original texts, one call per
  document (no file reading; whatever cleaning `extract_text` does itself is included).
* ``quantulum3``: `quantulum3.parser.parse` on the same per-document strings (install with
  `pip install quantulum3`, the optional `bench` extra).  It is much slower, so only the first
  documents up to --quantulum-chars characters are parsed; its rate is characters / second on
  that slice, which scales linearly because the documents are parsed one by one.

The ratio printed at the end is checker strings' rate over quantulum3's.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
import warnings
from datetime import date
from pathlib import Path
from typing import Callable

from jsonout import write_numbers  # benchmarks/ is the script's folder, so on sys.path

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def best_of(fn: Callable[[], object], repeat: int, budget: float = float("inf")) -> tuple[float, int, object]:
    """Best wall time of `repeat` runs (fewer if the runs so far exceed `budget` seconds)."""
    best, runs, result, spent = float("inf"), 0, None, 0.0
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        dt = time.perf_counter() - t0
        best, runs, spent = min(best, dt), runs + 1, spent + dt
        if spent > budget:
            break
    return best, runs, result


def build_corpus(size: int, folder: Path) -> tuple[list[str], int]:
    """Copy seed files into `folder` round-robin until they hold >= size characters."""
    from checker.sources import read_sources

    seeds = read_sources([str(SEEDS)])
    if not seeds:
        raise SystemExit(f"no sources in {SEEDS}")
    texts: list[str] = []
    total, k = 0, 0
    while total < size:
        src = seeds[k % len(seeds)]
        shutil.copyfile(src.path, folder / f"{k:05d}_{src.name}")
        texts.append(src.original)
        total += len(src.original)
        k += 1
    return texts, len(seeds)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size", type=int, default=1_000_000, help="characters of text (default 1e6)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per measurement, best is kept")
    ap.add_argument("--quantulum-chars", type=int, default=100_000,
                    help="characters parsed by quantulum3 (default 1e5)")
    ap.add_argument("--no-quantulum", action="store_true")
    ap.add_argument("--json", nargs="?", const="-", metavar="PATH",
                    help="write the numbers as JSON to PATH (stdout if no PATH)")
    args = ap.parse_args(argv)

    from checker.extract import extract_claims, extract_text
    from checker.sources import read_sources

    rows: list[dict] = []
    with tempfile.TemporaryDirectory(prefix="checker-speed-") as tmp:
        folder = Path(tmp)
        texts, n_seeds = build_corpus(args.size, folder)
        chars = sum(len(t) for t in texts)

        extract_text(texts[0][:2000])  # warm-up: lazy tables, regex compilation

        def files() -> int:
            return sum(len(extract_claims(s)) for s in read_sources([str(folder)]))

        def strings() -> int:
            return sum(len(extract_text(t)) for t in texts)

        for what, fn in (("checker files: read_sources + extract_claims", files),
                         ("checker strings: extract_text", strings)):
            sec, runs, n = best_of(fn, args.repeat)
            rows.append({"what": what, "chars": chars, "docs": len(texts), "runs": runs,
                         "seconds": sec, "chars_per_s": chars / sec, "found": n})

    quantulum_note = None
    if not args.no_quantulum:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                from quantulum3 import parser as qparser
        except ImportError:
            quantulum_note = "quantulum3 not installed (pip install quantulum3): skipped"
        else:
            part, n = [], 0
            for t in texts:
                if n >= args.quantulum_chars:
                    break
                part.append(t)
                n += len(t)

            def quantulum() -> int:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    return sum(len(qparser.parse(t)) for t in part)

            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                qparser.parse(part[0][:2000])  # warm-up: unit tables
            sec, runs, found = best_of(quantulum, args.repeat, budget=30.0)
            rows.append({"what": "quantulum3: parser.parse", "chars": n, "docs": len(part),
                         "runs": runs, "seconds": sec, "chars_per_s": n / sec, "found": found})

    print(f"extraction speed, {date.today().isoformat()}, Python {sys.version.split()[0]}: "
          f"{chars:,} characters = {len(texts)} copies of the {n_seeds} seed texts")
    header = f"{'what':46s} {'chars':>10s} {'docs':>5s} {'runs':>4s} {'best s':>8s} {'chars/s':>11s} {'found':>7s}"
    print(header)
    print("-" * len(header))
    for r in rows:
        print(f"{r['what']:46s} {r['chars']:10,d} {r['docs']:5d} {r['runs']:4d} {r['seconds']:8.3f} "
              f"{r['chars_per_s']:11,.0f} {r['found']:7d}")
    numbers = {"date": date.today().isoformat(), "python": sys.version.split()[0], "rows": rows}
    if len(rows) == 3:
        ratio = rows[1]["chars_per_s"] / rows[2]["chars_per_s"]
        numbers["checker_over_quantulum3"] = round(ratio, 2)
        print(f"\nchecker extract_text is {ratio:.1f}x quantulum3's speed on the same documents "
              f"(quantulum3 on the first {rows[2]['chars']:,} characters)")
    if quantulum_note:
        numbers["quantulum3"] = quantulum_note
        print(f"\n{quantulum_note}")
    if args.json:
        write_numbers(numbers, args.json)
    return 0


if __name__ == "__main__":
    sys.exit(main())
