"""Page furniture: the parts of a scraped page that are not the article.

Photo credits, hashtag lines, comment and newsletter widgets, bylines and timestamps carry
numbers that are not claims. Each rule is general (a shape of furniture), never one page's text.
"""
from __future__ import annotations

import re

# Whole lines that are furniture.
_LINE_PATTERNS = [
    r"\s*(?:#[\w-]+\s*){2,}",  # hashtag lines
    r"\s*\d{4}-\d\d-\d\d(?:[T ]\d\d:\d\d(?::\d\d)?)?\s*(?:[+-]\d\d:?\d\d|Z|UTC|GMT)?\s*",  # timestamp
    r"\s*(?:Updated|Published|Posted|Last updated|First published|Modified)\b.{0,80}",
    r"\s*(?:©|\(c\)|Copyright)\s.{0,120}",
    r"\s*(?:Leave a (?:Reply|Comment)|Comments?|Recent comments|Related(?: articles| stories)?|"
    r"Share(?: this)?(?: article)?|Read more|Advertisement|Sponsored|Subscribe|Sign up|Follow us|"
    r"Most read|Trending|Newsletter)\b.{0,60}",
    r"\s*(?:Your email address will not be published|Required fields are marked|"
    r"Receive free .{0,60} updates|We use cookies)\b.*",
    r"\s*\d+\s*(?:min(?:ute)?s?|hours?|days?)\s+(?:read|ago)\s*",  # "5 min read", "3 hours ago"
    r"\s*(?:Image|Photo|Picture|Slide)\s+\d+\s+(?:of|/)\s+\d+.*",  # gallery counters
    r"\s*\d+\s+(?:comments?|shares?|likes?|views?)\s*",
]
_LINE = re.compile("|".join(f"(?:{p})" for p in _LINE_PATTERNS), re.IGNORECASE)
# Credits that end a caption line: "Photo: NAME/Reuters", "(Karen Minasyan/AFP)".
_CREDIT = re.compile(
    r"(?:\b(?:Photo(?:graph)?|Image|Picture|Credit|Video)s?\s*(?:by|:)\s*[^\n]{0,120}$"
    r"|\([^()\n]{0,60}/(?:AFP|AP|Reuters|Getty(?: Images)?|EPA|Shutterstock|Anadolu|TASS|"
    r"Bloomberg|Xinhua|[A-Z]{2,}[\w ]*)\)\s*$)",
    re.MULTILINE,
)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Sorted (start, end) spans of `text` that hold no claims."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line and _LINE.fullmatch(line):
            spans.append((pos, end))
        pos = end + 1
    spans.extend(m.span() for m in _CREDIT.finditer(text))
    spans.sort()
    return spans
