"""Repair web text for reading while keeping an exact map back to the original file.

The extractor reads `CleanText.text`; evidence must quote the original file. So each cleaning
stage returns edits (start, end, replacement) and the edits are composed into one list of
segments (clean_start, clean_end, orig_start, orig_end, verbatim): a verbatim segment maps
character by character, a replaced one maps as a whole. Untouched text costs no per-character
Python work: stages find their targets with regexes and only changed stretches make segments.

Stages, in order:
  1. ftfy mojibake repair, only on lines that could hold mojibake (two adjacent non-ASCII
     characters, control/width/ligature characters); the change is mapped back with difflib.
  2. Fallback for mojibake ftfy does not try (e.g. UTF-8 read as mac_latin2): UTF-8 byte
     sequences hidden in runs of non-ASCII characters under a few single-byte codecs.
  3. HTML: comments, script/style, tags, entities (html=True: every tag; block tags become
     "\\n"; html=False: only tags with a known HTML name, so "a < b" survives).
  4. Invisible characters: zero-width/bidi/BOM/soft hyphen removed; odd spaces -> " ".
No stage adds or removes "\\n" except stage 3 (tags, comments and scripts spanning lines go;
block tags in html=True become "\\n"); a "\\r" before "\\n" is dropped, a lone "\\r" becomes " ".
"""
from __future__ import annotations

import difflib
import html
import re
import unicodedata
from bisect import bisect_right

import ftfy

Edit = tuple[int, int, str]  # replace current_text[start:end] with the string
Segment = tuple[int, int, int, int, bool]  # clean_start, clean_end, orig_start, orig_end, verbatim

_FTFY_OPTIONS = dict(uncurl_quotes=False, fix_line_breaks=False, unescape_html=False,
                     normalization=None, explain=False)


class CleanText:
    """Repaired text plus a segment map from clean offsets to original offsets."""

    __slots__ = ("original", "text", "repairs", "_cs", "_segs", "_line_starts")

    def __init__(self, original: str, text: str, segments: list[Segment], repairs: dict[str, int]):
        self.original = original
        self.text = text
        self.repairs = repairs  # stage name -> number of edits it made (for notices)
        self._segs = segments
        self._cs = [s[0] for s in segments]
        self._line_starts: list[int] | None = None

    def __repr__(self) -> str:
        return f"CleanText({len(self.original)} chars -> {len(self.text)} chars, {len(self._segs)} segments)"

    def _seg_at(self, pos: int) -> Segment | None:
        i = bisect_right(self._cs, pos) - 1
        return self._segs[i] if i >= 0 and self._segs[i][1] > pos else None

    def _orig_start(self, pos: int) -> int:
        seg = self._seg_at(pos)
        if seg is None:  # at or past the end of the clean text
            return len(self.original) if pos >= len(self.text) else 0
        cs, _, os_, _, verbatim = seg
        return os_ + (pos - cs) if verbatim else os_

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Clean [start, end) -> original [s, e): same visible phrase, never outside the original."""
        n = len(self.text)
        start = min(max(start, 0), n)
        end = min(max(end, start), n)
        s = self._orig_start(start)
        if end == start:
            return s, s
        cs, _, os_, oe, verbatim = self._seg_at(end - 1)
        e = os_ + (end - cs) if verbatim else oe
        return s, max(s, e)

    def line_col(self, offset: int) -> tuple[int, int]:
        """Original offset -> (line, column), both 1-based; lines end at "\\n" only."""
        starts = self._starts()
        offset = min(max(offset, 0), len(self.original))
        line = bisect_right(starts, offset)
        return line, offset - starts[line - 1] + 1

    def line_text(self, line: int) -> str:
        """Text of original line `line` (1-based) without its "\\n" (and a "\\r" before it)."""
        starts = self._starts()
        if not 1 <= line <= len(starts):
            raise IndexError(f"line {line} out of range 1..{len(starts)}")
        end = starts[line] - 1 if line < len(starts) else len(self.original)
        text = self.original[starts[line - 1]:end]
        return text[:-1] if text.endswith("\r") else text

    def _starts(self) -> list[int]:
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.original)]
        return self._line_starts


def clean(original: str, *, html: bool = False) -> CleanText:
    """Run every stage over `original`; never raises on odd Unicode."""
    text = original
    segs: list[Segment] = [(0, len(text), 0, len(text), True)] if text else []
    repairs: dict[str, int] = {}
    for name, stage in (("mojibake", _ftfy_edits), ("mojibake", _fallback_edits),
                        ("html", _html_edits if html else _text_tag_edits),
                        ("invisible", _invisible_edits)):
        edits = stage(text)
        if edits:
            repairs[name] = repairs.get(name, 0) + len(edits)
            text, segs = _apply(text, segs, edits)
    return CleanText(original, text, segs, repairs)


# ---------------------------------------------------------------- composing the map

def _apply(text: str, segs: list[Segment], edits: list[Edit]) -> tuple[str, list[Segment]]:
    """Apply sorted, non-overlapping edits to `text` and compose the segment map."""
    starts = [s[0] for s in segs]
    out: list[Segment] = []
    parts: list[str] = []
    npos = 0

    def add(seg: Segment) -> None:
        if out:
            p = out[-1]
            if p[4] and seg[4] and p[1] == seg[0] and p[3] == seg[2]:
                out[-1] = (p[0], seg[1], p[2], seg[3], True)
                return
        out.append(seg)

    def copy(a: int, b: int) -> None:  # old[a:b] unchanged -> new[npos:]
        nonlocal npos
        i = bisect_right(starts, a) - 1
        while a < b:
            cs, ce, os_, oe, verbatim = segs[i]
            hi = min(b, ce)
            if verbatim:
                add((npos, npos + hi - a, os_ + a - cs, os_ + hi - cs, True))
            else:
                add((npos, npos + hi - a, os_, oe, False))
            npos += hi - a
            a = hi
            i += 1

    def orig_char_start(a: int) -> int:
        cs, _, os_, _, verbatim = segs[bisect_right(starts, a) - 1]
        return os_ + a - cs if verbatim else os_

    def orig_char_end(b: int) -> int:  # original end of old char b-1
        cs, _, os_, oe, verbatim = segs[bisect_right(starts, b - 1) - 1]
        return os_ + b - cs if verbatim else oe

    pos = 0
    for start, end, repl in edits:
        if start > pos:
            copy(pos, start)
            parts.append(text[pos:start])
        if repl:
            if end > start:
                o1, o2 = orig_char_start(start), orig_char_end(end)
            else:  # pure insertion: an empty original range where it happens
                o1 = o2 = orig_char_end(start) if start > 0 else (orig_char_start(0) if segs else 0)
            add((npos, npos + len(repl), o1, max(o1, o2), False))
            npos += len(repl)
            parts.append(repl)
        pos = end
    if pos < len(text):
        copy(pos, len(text))
        parts.append(text[pos:])
    return "".join(parts), out


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    while lo < hi:  # binary search with C-speed slice compares
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


# Coarse to fine: words with their trailing space (distinctive, so a lone " " cannot pull the
# alignment off), then ASCII-alphanumeric runs apart from other characters, then characters.
_TOKENIZERS = (re.compile(r"\S+\s*|\s+"), re.compile(r"[A-Za-z0-9]+\s*|[^A-Za-z0-9\s]+\s*|\s+"))
_CHAR_DIFF_MAX = 300  # character diffs above this size get slow: split by tokens, else replace whole


def _diff_edits(a: str, b: str, base: int = 0, level: int = 0) -> list[Edit]:
    """Edits turning a into b: common prefix/suffix kept, then token diffs, then char diff."""
    p = _common_prefix(a, b)
    s = _common_prefix(a[p:][::-1], b[p:][::-1])
    a, b = a[p:len(a) - s], b[p:len(b) - s]
    base += p
    if not a or not b or len(a) + len(b) <= _CHAR_DIFF_MAX:
        return _char_edits(a, b, base)
    if level >= len(_TOKENIZERS):
        return [(base, base + len(a), b)]
    ta, tb = _TOKENIZERS[level].findall(a), _TOKENIZERS[level].findall(b)
    oa, ob = [0], [0]
    for t in ta:
        oa.append(oa[-1] + len(t))
    for t in tb:
        ob.append(ob[-1] + len(t))
    edits: list[Edit] = []
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ta, tb, autojunk=False).get_opcodes():
        if tag != "equal":
            edits.extend(_diff_edits(a[oa[i1]:oa[i2]], b[ob[j1]:ob[j2]], base + oa[i1], level + 1))
    return edits


def _char_edits(a: str, b: str, base: int) -> list[Edit]:
    if not a or not b:
        return [(base, base + len(a), b)] if a or b else []
    return [(base + i1, base + i2, b[j1:j2])
            for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
            if tag != "equal"]


# ---------------------------------------------------------------- stage 1: ftfy

# Mojibake needs two adjacent non-ASCII characters (a UTF-8 sequence has 2+ bytes >= 0x80);
# the other classes are what ftfy's width/ligature/control/escape fixers act on.
_FTFY_CANDIDATE = re.compile(
    "[^\x00-\x7f]{2}|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u206a-\u206f\ufff9-\ufffc\ud800-\udfff"
    "\ufb00-\ufb06\u3000\uff01-\uffee]|[\xc2-\xdf] ")


_PIECE = 1000  # long lines go to ftfy in pieces of about this size, cut where no mojibake can be
_CUT = re.compile("[\x21-\x7e] |[\u3002\uff0c\uff01\uff1f]")


def _ftfy_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    m = _FTFY_CANDIDATE.search(text)
    while m:
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        end = len(text) if end < 0 else end
        while start < end:  # bounded pieces keep the diff (and ftfy) linear on huge lines
            cut = _CUT.search(text, start + _PIECE, end) if end - start > 2 * _PIECE else None
            stop = cut.end() if cut else end
            piece = text[start:stop]
            if _FTFY_CANDIDATE.search(piece):
                try:
                    fixed = ftfy.fix_text(piece, **_FTFY_OPTIONS)
                except Exception:  # ftfy is a heuristic: never let it break reading
                    fixed = piece
                if fixed != piece and "\n" not in fixed:
                    edits.extend(_diff_edits(piece, fixed, start))
            start = stop
        m = _FTFY_CANDIDATE.search(text, end)
    return edits


# ---------------------------------------------------------------- stage 2: fallback mojibake

_UTF8_SEQ = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_FALLBACK_CODECS = ("mac_roman", "mac_latin2", "cp1252", "cp1250", "latin-1")
# 2-byte sequences collide with real text ("«É" in mac_roman is U+01C3), so a lone one must
# decode to Latin-1/Latin Extended-A; words of Greek/Cyrillic/... need two in a row.
_SCRIPT_RANGES = ((0x180, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x590, 0x5FF), (0x600, 0x6FF))


def _encodable_run() -> re.Pattern:
    """Runs of 2+ non-ASCII characters that some fallback codec can encode (others can't hide
    UTF-8 bytes, and skipping them keeps Cyrillic or CJK text cheap)."""
    chars = set()
    for codec in _FALLBACK_CODECS:
        chars.update(c for c in bytes(range(0x80, 0x100)).decode(codec, errors="ignore"))
    body = "".join(re.escape(c) for c in sorted(chars))
    return re.compile(f"[{body}]{{2,}}")


_RUN = _encodable_run()


def _fallback_edits(text: str) -> list[Edit]:
    if text.isascii():
        return []
    edits: list[Edit] = []
    for m in _RUN.finditer(text):
        run = m.group()
        best: list[Edit] = []
        best_len = 0
        for codec in _FALLBACK_CODECS:
            found = _decode_run(run, codec)
            n = sum(e - s for s, e, _ in found)
            if n > best_len:
                best, best_len = found, n
        edits.extend((m.start() + s, m.start() + e, r) for s, e, r in best)
    return edits


def _decode_run(run: str, codec: str) -> list[Edit]:
    """UTF-8 sequences hidden in `run` read as `codec` (one byte per char), if plausible."""
    try:
        data = run.encode(codec, errors="replace")  # unencodable -> b"?", keeps 1 byte per char
    except Exception:
        return []
    if len(data) != len(run):
        return []
    cands = []
    for m in _UTF8_SEQ.finditer(data):
        try:
            ch = m.group().decode("utf-8")
        except UnicodeDecodeError:
            continue
        src = run[m.start():m.end()]
        cat = unicodedata.category(ch)
        if cat in ("Cc", "Cn", "Co", "Cs") or cat[0] == "M":
            continue
        if all(unicodedata.category(c)[0] == "L" for c in src):
            continue  # mojibake has a symbol or punctuation in it; "ĂŞ" in "PĂŞUNE" is a word
        cands.append((m.start(), m.end(), ch))
    out: list[Edit] = []
    for i, (s, e, ch) in enumerate(cands):
        cp = ord(ch)
        if cp >= 0x800 or 0xA0 <= cp <= 0x17F:
            out.append((s, e, ch))
            continue
        neighbours = (i > 0 and cands[i - 1][1] == s) or (i + 1 < len(cands) and cands[i + 1][0] == e)
        if neighbours and any(lo <= cp <= hi for lo, hi in _SCRIPT_RANGES):
            out.append((s, e, ch))
    return out


# ---------------------------------------------------------------- stage 3: HTML

_BLOCK_TAGS = frozenset("""p div br hr li ul ol dl dt dd h1 h2 h3 h4 h5 h6 table thead tbody tfoot
    tr td th caption section article header footer nav aside main blockquote pre figure figcaption
    address form fieldset title html head body center details summary""".split())
_INLINE_TAGS = frozenset("""a abbr b bdi bdo big cite code data del dfn em font i img input ins kbd
    label mark meta link noscript q s samp small span strike strong sub sup time tt u var wbr iframe
    button select option textarea picture source video audio svg path g use script style""".split())
_KNOWN_TAGS = _BLOCK_TAGS | _INLINE_TAGS
_NAMES = "|".join(sorted(_KNOWN_TAGS, key=len, reverse=True))
_ATTR = r"""[A-Za-z_:][-\w:.]*[ \t]*=[ \t]*(?:"[^"<>\n]*"|'[^'<>\n]*'|[^\s"'<>=`]+)"""
_LINE_START = r"(?:(?<=\n)|^)[ \t]*"  # spaced remnants ("< p>") are tags only at a line start
_SCRIPT = r"<!--.*?-->|<(script|style)\b[^>]*>.*?</\1\s*>"

_HTML_TAG = re.compile(
    rf"{_SCRIPT}|<![^<>]*>|<\?[^<>]*>|</?([A-Za-z][\w:-]*)(?:\s[^<>]*)?/?>"
    rf"|{_LINE_START}<[ \t]*/?[ \t]*({_NAMES})\b[^<>\n]*>|</[ \t]+({_NAMES})[ \t]*>", re.S | re.I)
# Plain text: only a known tag name with attribute-shaped attributes, all on one line.
_TEXT_TAG = re.compile(
    rf"{_SCRIPT}|</?({_NAMES})(?:[ \t]+{_ATTR})*[ \t]*/?>"
    rf"|{_LINE_START}<[ \t]*/?[ \t]*({_NAMES})(?:[ \t]+{_ATTR})*[ \t]*/?>|</[ \t]+({_NAMES})[ \t]*>", re.S | re.I)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _tag_name(m: re.Match) -> str:
    return next((g for g in m.groups() if g), "").lower()


def _html_edits(text: str) -> list[Edit]:
    if "<" not in text and "&" not in text:
        return []
    edits: list[Edit] = []
    for m in _HTML_TAG.finditer(text):
        repl = "\n" if _tag_name(m) in _BLOCK_TAGS else ""
        edits.append((m.start(), m.end(), repl))
    return _merge(edits, _entity_edits(text))


def _text_tag_edits(text: str) -> list[Edit]:
    if "<" not in text and "&" not in text:
        return []
    edits: list[Edit] = []
    for m in _TEXT_TAG.finditer(text):
        s, e = m.start(), m.end()
        glued = 0 < s and e < len(text) and not text[s - 1].isspace() and not text[e].isspace()
        edits.append((s, e, " " if glued and _tag_name(m) in _BLOCK_TAGS else ""))
    return _merge(edits, _entity_edits(text))


def _entity_edits(text: str) -> list[Edit]:
    if "&" not in text:
        return []
    edits = []
    for m in _ENTITY.finditer(text):
        value = html.unescape(m.group())
        if value != m.group():
            edits.append((m.start(), m.end(), value.replace("\n", " ")))  # stage 4 does the rest
    return edits


def _merge(tags: list[Edit], entities: list[Edit]) -> list[Edit]:
    """Entities outside removed tags, in order, no overlaps."""
    if not entities:
        return tags
    if not tags:
        return entities
    starts = [t[0] for t in tags]
    kept = []
    for ent in entities:
        i = bisect_right(starts, ent[0]) - 1
        if i < 0 or tags[i][1] <= ent[0]:
            kept.append(ent)
    return sorted(tags + kept)


# ---------------------------------------------------------------- stage 4: invisible characters

_REMOVE = "\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff"
_SPACES = "\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_INVISIBLE = re.compile(f"[{_REMOVE}]+|[{_SPACES}]|\r")
_SPACE_SET = frozenset(re.findall(f"[{_SPACES}]", "".join(map(chr, range(0x3001)))))


def _invisible_edits(text: str) -> list[Edit]:
    if text.isascii() and "\r" not in text:
        return []
    edits = []
    for m in _INVISIBLE.finditer(text):
        g = m.group()
        if g == "\r":
            repl = "" if m.end() < len(text) and text[m.end()] == "\n" else " "
        else:
            repl = " " if g[0] in _SPACE_SET else ""
        edits.append((m.start(), m.end(), repl))
    return edits

