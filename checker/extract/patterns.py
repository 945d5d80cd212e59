"""The one regular expression that finds every candidate figure in a text.

One compiled alternation, specific forms first (a date before a bare number, a range before
its ends), so the scanner makes a single pass over the text. Each alternative is a named group
whose name says what was found; the scanner turns a match into a mention.
"""
from __future__ import annotations

import re

from checker.extract.lexicon import CURRENCY_SYMBOLS, CURRENCY_WORDS, TIME_UNITS
from checker.extract.numbers import FRACTION_DENOMS, VAGUE, WORD_NUMBER

NUM = r"(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)"
SCALE_WORD = r"(?:hundred|thousand|million|billion|trillion)"
SCALE_ABBR = r"(?:\s?(?:bn|mn|mln|tn)|[mkbMKB])"
# A run of number words: "two hundred and fifty", "twenty-five", "a million".
_AND = r"(?:(?<=hundred)|(?<=thousand)|(?<=million)|(?<=billion))\s+and\s+"
WORDNUM = (rf"(?:(?:{WORD_NUMBER})(?:(?:-|\s+)(?:{WORD_NUMBER}|{SCALE_WORD})|{_AND}(?:{WORD_NUMBER}))*"
           rf"|an?\s+{SCALE_WORD}(?:(?:-|\s+)(?:{WORD_NUMBER}|{SCALE_WORD})|{_AND}(?:{WORD_NUMBER}))*)")
NUMBER = (rf"(?:(?<![\w.])(?<!\d,){NUM}(?:\s*{SCALE_WORD}\b(?:\s+{SCALE_WORD}\b)?|{SCALE_ABBR}(?![\w]))?"
          rf"|\b(?i:{WORDNUM})\b)")
MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|"
         r"December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|"
         r"Nov\.?|Dec\.?)")
WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
YEAR = r"(?:1[0-9]\d\d|20\d\d|2100)"
AMPM = r"(?:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|a\.m\b|p\.m\b)"
TZ = r"(?:\s*(?:GMT|UTC|Z\b|CET|CEST|EST|EDT|PST|PDT|BST|IST|MSK|AMT|AZT)(?:\s*[+-]\s*\d{1,2})?)"
CURSYM = "|".join(re.escape(s) for s in sorted(CURRENCY_SYMBOLS, key=len, reverse=True))
CURWORD = "|".join(re.escape(w) for w in sorted(CURRENCY_WORDS, key=len, reverse=True) if len(w) > 1)
TUNIT = "|".join(sorted(TIME_UNITS, key=len, reverse=True))
VAGUE_RE = "|".join(sorted((v.replace(" ", r"\s+") for v in VAGUE), key=len, reverse=True))
FRAC = "|".join(sorted(FRACTION_DENOMS, key=len, reverse=True))
SEASON = r"(?:spring|summer|autumn|fall|winter|Spring|Summer|Autumn|Fall|Winter)"

R_ITEM = rf"(?:(?:{CURSYM})\s?)?(?:{NUMBER})(?:[A-Za-z]{{1,4}}\b)?(?:\s?%|\s+per\s?cent|\s+percent)?"

_ALTERNATIVES = [
    # 2023-09-24 23:46:11 / 2023-09-24T23:46
    ("isodate", rf"\b{YEAR}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ]\d\d:\d\d(?::\d\d)?)?\b"),
    # September 19, 2023 / Sept. 19 / September 19th
    ("mdy", rf"\b{MONTH}\s+{DAYNUM}\b(?:\s?[-–]\s?{DAYNUM}\b)?(?:,?\s+{YEAR}\b)?"),
    # 19 September 2023 / 19th of September
    ("dmy", rf"(?<![\d,.]){DAYNUM}\s+(?:of\s+)?{MONTH}(?:,?\s+{YEAR}\b)?(?![\w])"),
    # September 2023
    ("my", rf"\b{MONTH}\s+(?:of\s+)?{YEAR}\b"),
    # the summer of 2022 / early 2022 / mid-2022
    ("season", rf"\b(?:(?:the\s+)?{SEASON}\s+(?:of\s+)?|(?:early|mid|late|Early|Mid|Late)[-\s]){YEAR}\b"),
    # from 1988 to 1994 / between 1988 and 1994 / 1988-94
    ("yrange", rf"\b(?:[Bb]etween\s+{YEAR}\s+and\s+{YEAR}|(?:[Ff]rom\s+)?{YEAR}\s*(?:-|–|—|to|until|through)\s*(?:{YEAR}|\d\d))\b(?![,.]?\d)"),
    # the 1990s / the '90s
    ("decade", r"(?:\b(?:1\d|20)\d0s\b|'\d0s\b)"),
    # 22:00 / 6:30 pm / 6 pm / 11 a.m. / 1800 GMT
    ("clock", rf"\b(?:(?:[01]?\d|2[0-3]):[0-5]\d(?:\s*{AMPM})?|(?:1[0-2]|0?[1-9])\.[0-5]\d\s*{AMPM}){TZ}?(?![\d:])"),
    ("ampm", rf"\b(?:1[0-2]|0?[1-9])\s*{AMPM}{TZ}?"),
    ("mil", rf"\b(?:[01]\d|2[0-3])[0-5]\d{TZ}(?![\w])"),
    # ranges: between 10 and 20 / from $10 to $15 billion / 5% to 10% / 10-20 / four to five thousand
    ("range", rf"(?:[Bb]etween\s+{R_ITEM}\s+and\s+{R_ITEM}"
              rf"|[Ff]rom\s+{R_ITEM}(?:\s+[a-z]+)?\s+to\s+{R_ITEM}"
              rf"|(?:(?:{CURSYM})\s?)?(?<![\w.])(?<!\d,){NUM}(?:\s*{SCALE_WORD}\b)?(?:\s?%|\s+per\s?cent|\s+percent)?"
              rf"\s*(?:–|—|-|to)\s*(?:(?:{CURSYM})\s?)?{NUM}"
              rf"(?:\s*{SCALE_WORD}\b|{SCALE_ABBR}(?![\w]))?(?![\d/])"
              rf"|\b(?i:{WORDNUM}|\d{{1,3}})\s+or\s+(?i:{WORDNUM}|\d{{1,3}})\b(?=\s+[a-z])"
              rf"|\b(?i:{WORDNUM})(?:\s+per\s?cent|\s+percent)?\s+to\s+(?:(?i:{WORDNUM})|{NUM})\b)"),
    # $1.5 billion / €20m / US$ 5
    ("money", rf"(?:{CURSYM})\s?-?{NUM}(?:\s*{SCALE_WORD}\b|{SCALE_ABBR}(?![\w]))?"),
    # 40% / 99.9 percent / five per cent / 2 percentage points
    ("percent", rf"(?:(?<![\w.,])[-−](?=\d))?(?:{NUMBER})(?:\s?%|\s+(?:percent|per\s+cent|pct|percentage\s+points?)\b)"),
    # durations: 24 hours, 24-hour, nine-month, 44 days
    ("duration", rf"(?:{NUMBER})(?:-|\s+)(?:{TUNIT})\b"),
    # 20 million dollars / 5 euros
    ("money_after", rf"(?:{NUMBER})\s+(?:{CURWORD})\b"),
    # one in three
    ("one_in", rf"\b(?i:\d{{1,3}}|{WORD_NUMBER})\s+(?:in|out\s+of)\s+(?i:\d{{1,3}}|{WORD_NUMBER})\b(?![\d,.])(?=\s+[A-Za-z])"),
    # 1/16 of a pint (not 9/11, not 24/7, not a date)
    ("slash", r"(?<![\d/⁄])\d{1,2}\s?[/⁄]\s?\d{1,3}(?![\d/⁄])(?=\s+of\b)"),
    # tens of thousands / dozens / hundreds
    ("vague", rf"\b(?i:{VAGUE_RE})\b"),
    # a dozen / two dozen
    ("dozen", rf"\b(?:a|an|{WORD_NUMBER}|{NUM})\s+dozen\b"),
    # a third / two-thirds / half / three quarters
    ("fraction", rf"\b(?i:(?:a|an|one|two|three|four|five|seven|nine)[-\s](?:{FRAC})|half)\b"),
    ("times", rf"\b(?i:twice|thrice|(?:{WORD_NUMBER})fold|\d+-fold)\b"),
    # 21st (not part of a date, which matched above)
    ("ordinal", r"\b\d+(?:st|nd|rd|th)\b"),
    ("weekday", rf"\b{WEEKDAY}\b"),
    # plain numbers: 120,000 / 1.5 million / two / 200+
    ("number", rf"(?:(?<![\w.,])[-−](?=\d))?(?:{NUMBER})(?:\+)?"),
]

MASTER = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _ALTERNATIVES))
# Read again when a range turns out not to be one ("Stoxx 50 -1.3%", a score "3-1").
NO_RANGE = re.compile("|".join(f"(?P<{name}>{pat})" for name, pat in _ALTERNATIVES
                               if name not in ("range", "yrange")))
KIND_GROUPS = [name for name, _ in _ALTERNATIVES]

# Words at which a match can start or that a match must hold: the scanner searches only near them.
TRIGGER_WORDS = frozenset(
    [w.lower() for w in re.findall(r"[A-Za-z]+", WORD_NUMBER + MONTH + WEEKDAY + SEASON + FRAC)]
    + ["hundred", "thousand", "million", "billion", "trillion", "dozen", "dozens", "hundreds",
       "thousands", "millions", "billions", "tens", "half", "twice", "thrice", "between", "from",
       "early", "mid", "late", "a", "an", "the", "us", "usd", "eur", "gbp", "rm", "rs", "c", "hk", "nz",
       "s", "r", "minus"]
    + [w for w in CURRENCY_WORDS if w.isalpha()]
    + [w.lower() for w in re.findall(r"[A-Za-z]+", " ".join(TIME_UNITS))]
    + [w + "fold" for w in re.findall(r"[a-z]+", WORD_NUMBER)]
)
