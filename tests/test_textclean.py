"""textclean: repaired text must map back to exactly the same visible phrase in the original."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from checker.textclean import clean

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
NUMBER = re.compile(r"\d[\d,.]*")


def _read(name_prefix: str) -> str:
    return next(p for p in SEED_FILES if p.name.startswith(name_prefix)).read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_every_number_maps_to_the_same_text_in_the_original(path):
    original = path.read_text(encoding="utf-8")
    ct = clean(original)
    found = 0
    for m in NUMBER.finditer(ct.text):
        s, e = ct.span(m.start(), m.end())
        assert original[s:e] == m.group()
        found += 1
    assert found >= 2


def test_mac_latin2_mojibake_before_about_120000_is_removed_and_mapped():
    original = _read("003")
    assert "‚Äč‚Äč" in original
    ct = clean(original)
    assert "‚Äč" not in ct.text and "\u200b" not in ct.text
    assert "area of about 120,000 as their homeland" in ct.text
    start = ct.text.index("about 120,000")
    s, e = ct.span(start, start + len("about 120,000"))
    assert original[s:e] == "about 120,000"
    line, col = ct.line_col(s)
    assert line == 9
    assert ct.line_text(9)[col - 1:col - 1 + 13] == "about 120,000"
    assert ct.repairs.get("mojibake")


def test_broken_paragraph_tag_at_line_start_is_removed():
    original = _read("000")
    assert original.split("\n")[21].startswith("< p>")
    ct = clean(original)
    assert "< p>" not in ct.text
    assert ct.text.split("\n")[21].startswith("However, the peacekeepers")
    # nothing else in the seeds is taken for HTML: only the 4 characters of "< p>" go
    assert len(original) - len(ct.text) == 4


def test_clean_seeds_keep_their_lines():
    for path in SEED_FILES:
        original = path.read_text(encoding="utf-8")
        assert clean(original).text.count("\n") == original.count("\n")


@pytest.mark.parametrize("text", ["café", "Свежие комментарии", "naïve résumé", "東京",
                                  "Straße“ sagte er", "«Éric» a dit", "“École” —écrit", "PĂŞUNE",
                                  "a < b and c > d, x <5 y", "Ελληνικά κείμενα", "Ça coûte 5 €"])
def test_legitimate_text_is_left_alone(text):
    assert clean(text).text == text


@pytest.mark.parametrize("bad, good", [
    ("Ã©tÃ© â€œhiâ€\x9d", "été “hi”"),                 # cp1252 mojibake (ftfy)
    ("area of ‚Äč‚Äčabout 5", "area of about 5"),      # mac_latin2 mojibake of U+200B (fallback)
    ("–°–≤–µ–∂–∏–µ news", "Свежие news"),             # mac_roman mojibake of Cyrillic (fallback)
    ("it\u2019s 120\u00a0000 and\u200b 5\u00ad0", "it\u2019s 120 000 and 50"),
    ("\ufeffBOM first", "BOM first"),
])
def test_repairs(bad, good):
    ct = clean(bad)
    assert ct.text == good
    for m in NUMBER.finditer(ct.text):
        s, e = ct.span(*m.span())
        assert 0 <= s <= e <= len(bad)


def test_html_mode_removes_markup_and_decodes_entities():
    page = ("<html><head><title>T</title><style>p {color: red}</style></head>\n<body>\n"
            "<!-- a comment\nover two lines -->\n<p class=\"lead\">AT&amp;T paid&nbsp;$5 million&#8217;s worth"
            "<br/>on Monday</p><script>if (a < b) { x = '<p>' }</script>\n</body></html>\n")
    ct = clean(page, html=True)
    assert "<" not in ct.text and "&" not in ct.text.replace("AT&T", "")
    assert "AT&T paid $5 million’s worth\non Monday" in ct.text
    assert "color" not in ct.text and "comment" not in ct.text and "x =" not in ct.text
    i = ct.text.index("$5 million")
    s, e = ct.span(i, i + len("$5 million"))
    assert page[s:e] == "$5 million"
    s, e = ct.span(ct.text.index("paid"), ct.text.index("$5"))  # "paid " spans the &nbsp;
    assert page[s:e] == "paid&nbsp;"


def test_text_mode_strips_only_clear_html():
    text = ("Intro<br/>line\n</ p>x <b>5</b> is < 7 and <5 > 2, <notatag> stays; a <span class=\"x\">6</span>"
            "\nmid < p> stays but </ p> goes\n")
    ct = clean(text)
    assert ct.text == "Intro line\nx 5 is < 7 and <5 > 2, <notatag> stays; a 6\nmid < p> stays but  goes\n"


def test_line_col_and_line_text():
    ct = clean("one\r\ntwo\nthree")
    assert ct.text == "one\ntwo\nthree"
    assert ct.line_col(0) == (1, 1)
    assert ct.line_col(ct.original.index("two")) == (2, 1)
    assert ct.line_col(ct.original.index("ree")) == (3, 3)
    assert ct.line_col(len(ct.original)) == (3, 6)
    assert [ct.line_text(i) for i in (1, 2, 3)] == ["one", "two", "three"]


def test_span_edges():
    ct = clean("<p>abc</p>", html=True)
    for a in range(len(ct.text) + 1):
        for b in range(a, len(ct.text) + 1):
            s, e = ct.span(a, b)
            assert 0 <= s <= e <= len(ct.original)
    assert ct.text == "\nabc\n"
    assert ct.span(-5, 99) == (0, len(ct.original))  # clamped; block tags map as a whole
    assert ct.span(1, 4) == (3, 6)
    empty = clean("")
    assert empty.text == "" and empty.span(0, 0) == (0, 0) and empty.line_col(0) == (1, 1)


# ------------------------------------------------------------------ property-style: odd Unicode

PIECES = [
    "â€™", "Ã©", "â€œ", "â€\x9d", "‚Äč‚Äč", "Ð¡Ð²ÐµÐ¶Ð¸Ðµ", "–°–≤", "Ã", "Â", "Ã ",
    "<p>", "</div>", "< p>", "</ p>", "<br/>", "<!-- c -->", "<!-- open", "<script>x<y</script>", "<b", ">",
    "&amp;", "&nbsp;", "&#8217;", "&#0;", "&#x110000;", "&bogus;", "&", "&#10;",
    "😀", "👩‍👩‍👧", "\u200b", "\u00a0", "\u00ad", "\ufeff", "\u202e", "\u200f", "\u2028",
    "\ud800", "\udfff", "\x00", "\x1b[31m", "\x85", "\x9d", "\r", "\r\n", "\n", "\t",
    "ﬁ", "１２０", "é", "東京", "Свежие", "\u0301", "\uffff", "\U0010ffff",
]


def _random_doc(rng: random.Random) -> tuple[str, list[str]]:
    parts, markers = [], []
    for i in range(rng.randint(1, 60)):
        r = rng.random()
        if r < 0.35:
            marker = f"w{rng.randint(0, 10**6)}q{i}"
            markers.append(marker)
            parts.append(f" {marker} ")
        elif r < 0.4:
            parts.append("x" * rng.randint(1000, 10000))
        else:
            parts.append(rng.choice(PIECES))
    return "".join(parts), markers


@pytest.mark.parametrize("html", [False, True])
def test_odd_unicode_never_raises_and_spans_stay_in_bounds(html):
    rng = random.Random(20230919 + html)
    for _ in range(150):
        doc, markers = _random_doc(rng)
        ct = clean(doc, html=html)
        n, m = len(ct.text), len(doc)
        for _ in range(30):
            a = rng.randint(0, n)
            b = rng.randint(a, n)
            s, e = ct.span(a, b)
            assert 0 <= s <= e <= m
            line, col = ct.line_col(s)
            assert line >= 1 and col >= 1
            ct.line_text(line)
        for marker in markers:  # unchanged stretches map character by character
            pos = doc.index(marker)
            i = ct.text.find(marker)
            if "<" in doc[:pos]:  # may sit inside a comment or (html=True) a tag: gone is right
                if i < 0:
                    continue
            assert i >= 0, (marker, doc)
            s, e = ct.span(i, i + len(marker))
            assert doc[s:e] == marker
            s, e = ct.span(i + 1, i + len(marker) - 1)  # a slice inside an unchanged word
            assert doc[s:e] == marker[1:-1]


def test_monotone_map():
    rng = random.Random(7)
    for _ in range(50):
        doc, _ = _random_doc(rng)
        ct = clean(doc)
        starts = [ct.span(i, i + 1)[0] for i in range(min(len(ct.text), 3000))]
        assert starts == sorted(starts)


def test_megabyte_of_news_cleans_and_maps_back():
    """Speed is measured in benchmarks/speed.py; here, that a megabyte comes through whole."""
    text = "".join(p.read_text(encoding="utf-8") + "\n" for p in SEED_FILES)
    big = (text * (1_000_000 // len(text) + 1))[:1_000_000]
    ct = clean(big)
    assert len(ct.text) > 990_000
    i = ct.text.rindex("about 120,000")
    s, e = ct.span(i, i + len("about 120,000"))
    assert big[s:e] == "about 120,000"


def test_long_mojibake_line_is_repaired_piecewise_and_maps_exactly():
    text = " ".join(p.read_text(encoding="utf-8").replace("\n", " ") for p in SEED_FILES) * 3
    bad = text.encode("utf-8").decode("cp1252", errors="ignore")  # one ~80k-char line
    # (cp1252 has no 0x9d, so a closing ” becomes an unrepairable "â€": only the rest is checked)
    ct = clean(bad)
    assert "â€™" in bad and "â€™" not in ct.text and "“anti-terrorist" in ct.text
    assert "Azerbaijan’s" in ct.text
    for m in NUMBER.finditer(ct.text):
        s, e = ct.span(*m.span())
        assert bad[s:e] == m.group()
