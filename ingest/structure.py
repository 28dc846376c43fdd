"""Raw paragraphs -> clean text with blocks that know their section path.

Word exports carry footnotes inline: ``[footnoteRef:N]`` marks the citing place
and ``[N: text]`` holds the footnote, usually at the end of the paragraph.
Footnotes become blocks of their own, linked both ways to the citing paragraph;
``[bookmark: …]`` markers are dropped. The clean text is what every quote and
char offset refers to: the source's own characters, markers removed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.readers import RawParagraph

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_FOOTREF = re.compile(r"\[footnoteRef:(\d+)\]")
_FOOTDEF_START = re.compile(r"\[(\d+):\s*")
_EMPTY_PARENS = re.compile(r"\(\s*\)")

# Heading patterns of Vietnamese administrative reports, outermost first.
_PART = re.compile(r"^(Phần thứ\s+\w+|PHẦN\s+(?:THỨ\s+)?\w+|PH[ỤU] (?:BI[ỂỀE]U|L[ỤU]C)\b.*)$", re.IGNORECASE)
_LEVELS = [
    (1, re.compile(r"^([IVXL]+)\.\s+\S")),
    (3, re.compile(r"^(\d+\.\d+(?:\.\d+)?)\.?\s+\S")),
    (2, re.compile(r"^(\d+)\.\s+\S")),
    (4, re.compile(r"^([a-zđ])\)\s+\S")),
]
MAX_HEADING = 160


@dataclass
class Block:
    text: str
    start: int
    kind: str  # heading | paragraph | footnote | appendix
    section: str
    context: str  # full heading titles, used to give chunks context when indexed
    page: int | None = None
    footnote: int | None = None  # footnote number for a footnote block
    footnote_refs: list[int] = field(default_factory=list)  # footnotes this paragraph cites

    @property
    def end(self) -> int:
        return self.start + len(self.text)


@dataclass
class StructuredText:
    text: str
    blocks: list[Block]


def split_footnotes(paragraph: str) -> tuple[str, list[tuple[int, str]], list[int]]:
    """Separate inline footnotes from the body.

    >>> split_footnotes("Kết quả[footnoteRef:1]. Tiếp. [1:  Chi tiết [a].] ")
    ('Kết quả. Tiếp.', [(1, 'Chi tiết [a].')], [1])
    """
    paragraph = _BOOKMARK.sub("", paragraph)
    notes: list[tuple[int, str]] = []
    body_parts: list[str] = []
    pos = 0
    for m in _FOOTDEF_START.finditer(paragraph):
        if m.start() < pos:
            continue
        depth, j = 1, m.end()
        while j < len(paragraph) and depth:
            depth += {"[": 1, "]": -1}.get(paragraph[j], 0)
            j += 1
        inner_end = j - 1 if depth == 0 else j
        notes.append((int(m.group(1)), paragraph[m.end():inner_end].strip()))
        body_parts.append(paragraph[pos:m.start()])
        pos = j
    body_parts.append(paragraph[pos:])
    body = "".join(body_parts)
    refs = [int(n) for n in _FOOTREF.findall(body)]
    body = _EMPTY_PARENS.sub("", _FOOTREF.sub("", body))
    return body.strip(), notes, refs


def _heading(text: str) -> tuple[int, str] | None:
    """(level, title) when ``text`` is a heading (or a labelled paragraph)."""
    if _PART.match(text) and len(text) <= MAX_HEADING:
        return 0, text
    for level, pat in _LEVELS:
        if pat.match(text):
            if len(text) <= MAX_HEADING and not text.endswith(";"):
                return level, text.rstrip(" :")
            label = text.split(":", 1)[0]
            if ":" in text and len(label) <= MAX_HEADING:
                return level, label.strip()
            return None
    return None


def structure_text(paragraphs: list[RawParagraph]) -> StructuredText:
    blocks: list[Block] = []
    pieces: list[str] = []
    offset = 0
    stack: list[tuple[int, str]] = []  # (level, title)
    in_appendix = False
    last_heading_idx = -1

    def emit(text: str, kind: str, page, **kw) -> Block:
        nonlocal offset
        section = " > ".join(_short(lvl, t) for lvl, t in stack)
        context = " > ".join(t for _, t in stack)
        b = Block(text, offset, kind, section, context, page, **kw)
        blocks.append(b)
        pieces.append(text)
        offset += len(text) + 1  # "\n" joins blocks
        return b

    for raw in paragraphs:
        body, notes, refs = split_footnotes(raw.text)
        if not body and not notes:
            continue
        if body:
            h = _heading(body)
            if h is None and blocks and blocks[-1].kind == "heading" and stack and stack[-1][0] == 0 \
                    and body.isupper() and len(body) <= 200 and last_heading_idx == len(blocks) - 1:
                # The all-caps title lines under "Phần thứ nhất" belong to it.
                stack[-1] = (0, stack[-1][1] + " " + body)
                emit(body, "heading", raw.page)
                last_heading_idx = len(blocks) - 1
                continue
            if h is not None:
                level, title = h
                while stack and stack[-1][0] >= level:
                    stack.pop()
                stack.append((level, title))
                if level == 0:
                    in_appendix = bool(re.match(r"PH[ỤU] ", title, re.IGNORECASE))
                is_pure_heading = len(body) <= MAX_HEADING and not body.endswith(";")
                if is_pure_heading:
                    emit(body, "heading", raw.page)
                    last_heading_idx = len(blocks) - 1
                    for n, note in notes:
                        emit(note, "footnote", raw.page, footnote=n)
                    continue
            kind = "appendix" if in_appendix and body.startswith(("-", "+", "•")) else "paragraph"
            para = emit(body, kind, raw.page, footnote_refs=refs)
        else:
            para = None
        for n, note in notes:
            if note:
                emit(note, "footnote", raw.page, footnote=n)
                if para is not None and n not in para.footnote_refs:
                    para.footnote_refs.append(n)
    return StructuredText("\n".join(pieces), blocks)


def _short(level: int, title: str) -> str:
    """Section path element: "Phần thứ nhất" without its long all-caps title."""
    if level == 0:
        m = re.match(r"(Phần thứ\s+\w+|PHẦN\s+(?:THỨ\s+)?\w+)", title, re.IGNORECASE)
        if m:
            return m.group(1)
    return title
