"""Sentence and clause spans for Vietnamese administrative prose.

Written by hand because library splitters cut figures apart: llama-index's
``SentenceSplitter`` splits "gần 6.300 lượt" at the dot into "6." / "300".
Here a boundary is punctuation followed by white space, so "6.300", "82,56%"
and "1218/QĐ-UBND" always stay whole.
"""
from __future__ import annotations

import re

# End of sentence: . ! ? … followed by space and not an abbreviation like "TP." or "v.v."
_SENT_END = re.compile(r"(?<!\bTP)(?<!\bv\.v)(?<!\bTS)(?<!\bThS)[.!?…]+[)\]”\"]?(?=\s+\S)")
# Clause boundaries inside a long sentence, strongest first (not ':', see clause_spans).
_CLAUSE_ENDS = (re.compile(r";(?=\s+\S)"), re.compile(r",(?=\s+\S)"))


def _cut(text: str, start: int, end: int, pattern: re.Pattern) -> list[tuple[int, int]]:
    spans, s = [], start
    for m in pattern.finditer(text, start, end):
        e = m.end()
        if text[s:e].strip():
            spans.append((s, e))
        s = e
    if text[s:end].strip():
        spans.append((s, end))
    return spans


def _trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    s, e = span
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return s, e


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as (start, end) offsets into ``text``.

    >>> t = "Đạt 3.916 trạm. Tỷ lệ 82,56%; tăng 6.300 lượt."
    >>> [t[s:e] for s, e in sentence_spans(t)]
    ['Đạt 3.916 trạm.', 'Tỷ lệ 82,56%; tăng 6.300 lượt.']
    """
    end = len(text) if end is None else end
    return [_trim(text, sp) for sp in _cut(text, start, end, _SENT_END)]


def clause_spans(text: str, start: int = 0, end: int | None = None, max_chars: int = 400) -> list[tuple[int, int]]:
    """Sentences, with any longer than ``max_chars`` cut at ';' then ','.
    Never at ':': "DVC toàn trình: 764 TTHC" keeps the figure with its subject.

    >>> t = "A: 1; B: 2, 3. C."
    >>> [t[s:e] for s, e in clause_spans(t, max_chars=5)]
    ['A: 1;', 'B: 2,', '3.', 'C.']
    """
    out: list[tuple[int, int]] = []
    for s, e in sentence_spans(text, start, end):
        pieces = [(s, e)]
        for pat in _CLAUSE_ENDS:
            nxt = []
            for ps, pe in pieces:
                nxt.extend(_cut(text, ps, pe, pat) if pe - ps > max_chars else [(ps, pe)])
            pieces = nxt
        out.extend(_trim(text, p) for p in pieces)
    return [p for p in out if p[1] > p[0]]


def pack_spans(spans: list[tuple[int, int]], max_chars: int) -> list[tuple[int, int]]:
    """Greedily join consecutive spans into windows of at most ``max_chars``
    (a single longer span stays whole)."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and e - out[-1][0] <= max_chars:
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out
