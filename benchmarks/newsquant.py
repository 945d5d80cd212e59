"""Value F1 of checker's extractor on NewsQuant, scored the way CQE's evaluation scores it.

    python benchmarks/newsquant.py                 # report (numbers, top misses and false positives)
    python benchmarks/newsquant.py --json out.json # also write the numbers to out.json ('-': stdout)
    python benchmarks/newsquant.py --system quantulum3   # score quantulum3 instead (sanity check)

Data: benchmarks/data/newsquant.json (590 sentences, 904 quantities; see benchmarks/data/README.md).
Each sentence is given to `checker.extract.extract_text` on its own; runs offline in seconds.

How the scoring follows CQE's evaluation
----------------------------------------
Reference: satya77/CQE_Evaluation, `evaluate_models.py` (commit e7d6607ca11be84dfadecb2e3ddaa92e532f9027:
`decode_dictionary`, `values_match`, `calculate_metrics`, `get_fscores`) and `tagger.py` (how each
system's output becomes the list of predictions).

* Gold values are decoded as `decode_dictionary` does: a string holding "-" that does not start
  with "-" and holds no "E" is a range "lo-hi" and becomes the pair (lo, hi) *in the written
  order* ("208.0-193.0" stays (208, 193)); anything else is one float ("-1.3", "1.99E-29").
* Values are compared as `values_match` does: scalars with numpy's isclose rule
  |gold - pred| <= 1e-8 + 1e-5 * |pred|; a pair against a pair end by end, in order; a pair never
  matches a scalar.  A vague amount is a pair in NewsQuant ("dozens" = 12-120, "tens of thousands"
  = 10000-100000), so our vague claims are compared as the pair (lo, hi) and match only when the
  conventions agree.
* Matching, as in `calculate_metrics`: per sentence, gold quantities are taken in order of their
  normalized unit (Python's stable `sorted`), and each is matched to the first not-yet-used
  prediction (in the extractor's order) with a matching value; that prediction is then used up.
  So each gold quantity is matched at most once and each prediction at most once.  CQE removes a
  prediction only when its normalized unit also equals the gold's; for a system whose units agree
  (CQE's own, the case its published numbers are about) that is the one-to-one matching above.
  Our claims carry free-text units, not CQE's normalized unit vocabulary, so value+unit is not
  computed and units never block a value match.
* Value+change: a value match whose change also equals the gold change ("=", "~", ">", "<", "up",
  "down") counts, as `correct_num_change` does.  Our hedge gives the change: exact '=';
  about, nearly, vague '~'; more_than, at_least '>'; up_to, less_than '<'; range '=' (with the
  value as the pair (lo, hi)); a claim whose `detail` is "up" or "down" (a change: "rose 7%",
  "a 3 percent drop") gives that change instead.
* What counts as a prediction (`total_tags`): every quantity the system returns for the sentence.
  For us that is every claim except year, date and time claims (not quantities in NewsQuant; CQE
  likewise drops the dates of the CCG system), ordinal claims ("the 22nd amendment", "10th place":
  ranks, not quantities; NewsQuant annotates none) and weekday anchors ("on Sunday", see
  benchmarks/goldscore.py).  Everything else stays in.
* P = matches / predictions, R = matches / gold quantities, F1 their harmonic mean, as
  `get_fscores` (reported in percent, one decimal).

For `--system quantulum3` predictions are `parser.parse(sentence)` values, and gold ranges are
averaged to one number, as CQE's `QuantulumTagger` / `average_ranges` do; its published value F1
is P 65.0 / R 83.3 / F1 73.0 (with an older quantulum3); this harness gives P 65.0-65.1 / R 83.3 /
F1 73.0-73.1 with quantulum3 0.10.0 (2026-11-23; quantulum3 returns 1157 or 1158 quantities from
run to run), which checks that it scores like CQE's code.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from goldscore import is_number, is_numeric_claim  # noqa: E402
from jsonout import write_numbers  # noqa: E402

DATA = Path(__file__).resolve().parent / "data" / "newsquant.json"
DROPPED_KINDS = {"year", "date", "time", "ordinal"}
CHANGE_OF_HEDGE = {
    "exact": "=", "about": "~", "nearly": "~", "vague": "~", "more_than": ">", "at_least": ">",
    "up_to": "<", "less_than": "<", "range": "=",
}
Value = float | tuple[float, float] | None


# --------------------------------------------------------------------------- CQE's rules
def decode_gold_value(raw: str, average_ranges: bool = False) -> float | tuple[float, float]:
    """CQE's decode_dictionary for a gold value string."""
    if "E" not in raw and not raw.startswith("-") and "-" in raw:
        lo, hi = float(raw.split("-")[0]), float(raw.split("-")[1])
        return (lo + hi) / 2 if average_ranges else (lo, hi)
    return float(raw)


def _isclose(gt: float, pred: float) -> bool:
    """numpy.isclose(gt, pred, rtol=1e-05, atol=1e-08)."""
    return abs(gt - pred) <= 1e-08 + 1e-05 * abs(pred)


def values_match(gt: Any, pred: Any) -> bool:
    """CQE's values_match: pair against pair end by end, scalar against scalar."""
    if pred is None:
        return False
    if isinstance(gt, tuple) and isinstance(pred, tuple):
        return _isclose(gt[0], pred[0]) and _isclose(gt[1], pred[1])
    if isinstance(gt, tuple) or isinstance(pred, tuple):
        return False
    return _isclose(gt, pred)


def fscores(tp: int, n_gold: int, n_pred: int) -> dict[str, float]:
    """CQE's get_fscores, in percent with one decimal (0 when undefined)."""
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": round(p * 100, 1), "R": round(r * 100, 1), "F1": round(f1 * 100, 1), "tp": tp}


# --------------------------------------------------------------------------- predictions
@dataclass
class Pred:
    value: Value
    change: str | None
    text: str
    kind: str
    hedge: str


def claim_value(c: Any) -> Value:
    """The NewsQuant-style value of a claim: a pair for ranges and vague amounts, else a number."""
    lo = c.lo if is_number(c.lo) else None
    hi = c.hi if is_number(c.hi) else None
    if c.hedge in ("range", "vague") and lo is not None and hi is not None:
        return (float(lo), float(hi))
    if is_number(c.value):
        return float(c.value)
    if c.hedge in ("more_than", "at_least") and lo is not None:
        return float(lo)
    if c.hedge in ("up_to", "less_than") and hi is not None:
        return float(hi)
    if lo is not None and hi is not None:
        return (float(lo), float(hi))
    return lo if lo is not None else hi


def is_quantity(c: Any) -> bool:
    """Claims that count as NewsQuant predictions: no years, dates, times or weekday anchors."""
    return c.kind not in DROPPED_KINDS and is_numeric_claim(c)


def checker_system() -> Callable[[str], tuple[list[Pred], list[Any]]]:
    from checker.extract import extract_text

    def run(sentence: str) -> tuple[list[Pred], list[Any]]:
        claims = extract_text(sentence, source="newsquant")
        preds = [Pred(claim_value(c), c.detail if c.detail in ("up", "down") else CHANGE_OF_HEDGE.get(c.hedge, c.hedge),
                      c.text, c.kind, c.hedge)
                 for c in claims if is_quantity(c)]
        return preds, [c for c in claims if not is_quantity(c)]
    return run


def quantulum_system() -> Callable[[str], tuple[list[Pred], list[Any]]]:
    import warnings
    warnings.filterwarnings("ignore", module="quantulum3")
    from quantulum3 import parser

    def run(sentence: str) -> tuple[list[Pred], list[Any]]:
        return [Pred(float(q.value), None, q.surface, q.unit.name, "") for q in parser.parse(sentence)], []
    return run


# --------------------------------------------------------------------------- scoring
@dataclass
class Outcome:
    n_sentences: int = 0
    n_gold: int = 0
    n_pred: int = 0
    tp_value: int = 0
    tp_change: int = 0
    errors: int = 0
    misses: Counter = None
    false_pos: Counter = None
    change_errors: Counter = None
    examples: dict = None

    def __post_init__(self):
        self.misses, self.false_pos, self.change_errors = Counter(), Counter(), Counter()
        self.examples = defaultdict(list)

    def note(self, table: Counter, key: str, example: str) -> None:
        table[key] += 1
        if len(self.examples[(id(table), key)]) < 2:
            self.examples[(id(table), key)].append(example)

    def numbers(self, with_change: bool = True) -> dict[str, Any]:
        d = {"sentences": self.n_sentences, "gold_quantities": self.n_gold,
             "predictions": self.n_pred, "extractor_errors": self.errors,
             "value": fscores(self.tp_value, self.n_gold, self.n_pred)}
        if with_change:
            d["value+change"] = fscores(self.tp_change, self.n_gold, self.n_pred)
        return d


def _fmt(v: Value) -> str:
    if isinstance(v, tuple):
        return f"{_fmt(v[0])}-{_fmt(v[1])}"
    if v is None:
        return "None"
    return f"{v:g}" if abs(v) < 1e6 or v != int(v) else f"{v:.6g}"


def _scale(a: float, b: float) -> int | None:
    """k when a == b * 10**k for a k in +-2, 3, 6, 9, 12."""
    if not a or not b:
        return None
    for k in (3, -3, 6, -6, 9, -9, 2, -2, 12, -12):
        if _isclose(a, b * 10 ** k):
            return k
    return None


def _ends(v: Value) -> list[float]:
    return list(v) if isinstance(v, tuple) else ([] if v is None else [v])


def miss_kind(gv: Value, gold: dict, preds: list[Pred], dropped: list[Any], sentence: str) -> str:
    """Why a gold quantity found no prediction: the most specific reason we can see."""
    values = [p.value for p in preds]
    if isinstance(gv, tuple):
        if any(isinstance(v, tuple) and values_match((gv[1], gv[0]), v) for v in values):
            return "range: our lo-hi is in the other order (CQE compares in the gold's order)"
        if gv[0] > 0 and _isclose(gv[1], 10 * gv[0]):  # NewsQuant writes vague amounts as x-10x
            if any(p.hedge == "vague" for p in preds):
                return ("vague amount: our interval differs from NewsQuant's "
                        "(dozens=12-120, thousands=1e3-1e4, tens of thousands=1e4-1e5)")
            return "vague amount (x-10x) not extracted"
        if any(not isinstance(v, tuple) and v is not None and any(_isclose(e, v) for e in gv) for v in values):
            return "range: we give its ends as separate numbers"
        if any(isinstance(v, tuple) for v in values):
            return "range: our pair has other ends"
        return f"range not extracted [{gold['normalized_unit']}]"
    for v in values:
        if isinstance(v, tuple) and any(_isclose(gv, e) for e in v):
            return "number: we gave a range containing it as an end"
        if not isinstance(v, tuple) and v is not None:
            k = _scale(v, gv)
            if k is not None:
                return f"number: ours is x10^{k}"
            if _isclose(-gv, v):
                return "number: sign differs"
    for c in dropped:
        if is_number(c.value) and _isclose(gv, float(c.value)):
            return f"number: extracted as a {c.kind} (dropped: not a NewsQuant quantity)"
    if any(isinstance(v, float) and _isclose(gv, v) for v in values):
        return "number: same value already used by another gold (we gave it once)"
    return "number not extracted: " + _surface(gv, gold, sentence)


def _digit_forms(v: float) -> list[str]:
    """How a number may be written in digits: 2000, 2,000, 2.4 (for 2.4e6/2.4e9), 1.38."""
    forms = []
    for scaled in (v, v / 1e3, v / 1e6, v / 1e9, v / 1e12):
        a = abs(scaled)
        if a >= 1 and a == int(a):
            forms += [f"{int(a):,}", str(int(a))]
        elif a >= 0.001:
            text = f"{a:.6f}".rstrip("0")
            if len(text.split(".")[1]) <= 3:
                forms.append(text)
    return sorted(set(forms), key=len, reverse=True)


def _surface(gv: float, gold: dict, sentence: str) -> str:
    """How a missed number is written in the sentence (a hint for the extractor's author)."""
    for form in _digit_forms(gv):
        for m in re.finditer(r"(?<![\d.,])" + re.escape(form) + r"(?![\d]|[.,]\d)", sentence):
            before, after = sentence[max(0, m.start() - 6):m.start()], sentence[m.end():m.end() + 1]
            if re.search(r"(minus|sub)[-\s]?$", before, re.I):
                return "'minus-'/'sub-' before the digits (minus-5 yards, sub-300 sq m)"
            if before[-1:].isalpha():
                return "letters glued before the digits (RM79, PS6m, EUR50m, $US55,931,000)"
            if after.isalpha():
                return "a unit glued after the digits (64GB, 50mph, 5G, 1.38pc)"
            if re.match(r"[/\u2044]", sentence[m.end():m.end() + 1]) or re.search(r"[/\u2044]$", before):
                return "part of a fraction written with '/' (1/2 pound)"
            unit = gold["normalized_unit"]
            bucket = unit if unit in ("percentage", "dollar", "-", "year of age") else "other unit"
            return f"written in digits [{bucket}]"
    if gv == 1:
        return "'one' / 'a' (one of the best ..., one man)"
    if 0 < gv < 1:
        return "a fraction in words (a third, one fourth, half)"
    if "\u00d710" in sentence or "x10" in sentence:
        return "scientific notation (1.99\u00d710\u221230)"
    return "written in words or another form (Nine days, Two of, sixfold)"


def fp_kind(p: Pred, golds: list[Value], matched: list[Value]) -> str:
    """Why a prediction matched no gold quantity."""
    if not golds:
        return f"{p.kind}/{p.hedge}: sentence has no gold quantity"
    ends = [e for g in golds for e in _ends(g) if isinstance(g, tuple)]
    if p.value is None:
        return f"{p.kind}/{p.hedge}: claim has no numeric value"
    if not isinstance(p.value, tuple):
        if any(_isclose(e, p.value) for e in ends):
            return f"{p.kind}: an end of a gold range"
        if any(not isinstance(g, tuple) and _scale(p.value, g) is not None for g in golds):
            return f"{p.kind}: a gold value at another scale"
        if any(not isinstance(g, tuple) and _isclose(g, p.value) for g in matched):
            return f"{p.kind}: duplicate of a matched value"
    else:
        if any(not isinstance(g, tuple) and any(_isclose(g, e) for e in p.value) for g in golds):
            return f"{p.kind}/{p.hedge}: a range where gold has a number"
    if p.kind == "ordinal":
        return "ordinal: not a NewsQuant quantity"
    return f"{p.kind}/{p.hedge}: not in gold"


def evaluate(data: list[dict], system: Callable, average_ranges: bool = False) -> Outcome:
    out = Outcome()
    for n, item in enumerate(data):
        sentence = item["text"]
        gold = sorted(item["quantities"], key=lambda q: q["normalized_unit"])
        out.n_sentences += 1
        out.n_gold += len(gold)
        try:
            preds, dropped = system(sentence)
        except Exception as exc:  # a crash on one sentence is reported, not fatal
            out.errors += 1
            out.note(out.false_pos, f"extractor error {type(exc).__name__}", f"#{n}: {exc}")
            preds, dropped = [], []
        out.n_pred += len(preds)
        used: set[int] = set()
        gold_values = [decode_gold_value(q["value"], average_ranges) for q in gold]
        matched_values = []
        snippet = sentence if len(sentence) <= 110 else sentence[:107] + "..."
        for q, gv in zip(gold, gold_values):
            hit = next((k for k, p in enumerate(preds) if k not in used and values_match(gv, p.value)),
                       None)
            if hit is None:
                out.note(out.misses, miss_kind(gv, q, preds, dropped, sentence),
                         f"#{n} gold {q['change']}{_fmt(gv)} {q['unit']!r} | {snippet}")
                continue
            used.add(hit)
            matched_values.append(gv)
            out.tp_value += 1
            p = preds[hit]
            if p.change == q["change"]:
                out.tp_change += 1
            elif p.change is not None:
                out.note(out.change_errors, f"gold '{q['change']}' ours '{p.change}' ({p.hedge})",
                         f"#{n} {p.text!r} | {snippet}")
        for k, p in enumerate(preds):
            if k not in used:
                out.note(out.false_pos, fp_kind(p, gold_values, matched_values),
                         f"#{n} {p.text!r} = {_fmt(p.value)} | {snippet}")
    return out


def report(out: Outcome, name: str, seconds: float, top: int = 30, with_change: bool = True) -> str:
    nums = out.numbers(with_change)
    lines = [f"NewsQuant ({out.n_sentences} sentences, {out.n_gold} gold quantities), system: {name}",
             f"  predictions {out.n_pred}   extractor errors {out.errors}   time {seconds:.1f}s",
             f"  {'':14s} {'P':>6s} {'R':>6s} {'F1':>6s}   matched"]
    for key in ("value", "value+change"):
        if key in nums:
            s = nums[key]
            lines.append(f"  {key:14s} {s['P']:6.1f} {s['R']:6.1f} {s['F1']:6.1f}   {s['tp']}")
    tables = [("misses", out.misses, top), ("false positives", out.false_pos, top)]
    if with_change:
        tables.append(("value right, change wrong", out.change_errors, 10))
    for title, table, n in tables:
        lines.append(f"\n{n} most common kinds of {title} ({sum(table.values())} in all):")
        for key, count in table.most_common(n):
            lines.append(f"  {count:4d}  {key}")
            for ex in out.examples[(id(table), key)]:
                lines.append(f"          e.g. {ex}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", default=str(DATA))
    ap.add_argument("--system", choices=("checker", "quantulum3"), default="checker")
    ap.add_argument("--top", type=int, default=30, help="how many kinds of miss / false positive")
    ap.add_argument("--json", nargs="?", const="-", metavar="PATH",
                    help="write the numbers as JSON to PATH (stdout if no PATH)")
    args = ap.parse_args(argv)
    data = json.loads(Path(args.data).read_text(encoding="utf-8"))
    if args.system == "checker":
        system, average = checker_system(), False
    else:
        system, average = quantulum_system(), True
    t0 = time.perf_counter()
    out = evaluate(data, system, average_ranges=average)
    seconds = time.perf_counter() - t0
    with_change = args.system == "checker"  # quantulum3 states no change
    nums = {"benchmark": "NewsQuant", "system": args.system, "date": date.today().isoformat(),
            **out.numbers(with_change), "seconds": round(seconds, 2)}
    if args.json:
        write_numbers(nums, args.json)
        if args.json == "-":
            return 0
    print(report(out, args.system, seconds, args.top, with_change))
    return 0


if __name__ == "__main__":
    sys.exit(main())
