"""The figure guard: every number and document number in an answer must be in a cited quote.

Numbers are compared by their canonical value (``3.916`` = ``3916``) as well as
verbatim, and document numbers by their accent-free key (``QD`` = ``QĐ``), as in
retrieval; a figure that is in no quote makes the whole answer fail.
"""
from __future__ import annotations

import re

from vankien.vietnamese import blank_docnums, canonical_number, find_docnums, find_numbers


# Dates and fractions ("04/6/2025", "05/6") are compared whole, leading zeros aside.
_SLASHED = re.compile(r"(?<![\w/])\d+(?:\s?/\s?\d+)+(?![\w/])")


def _slashed_key(raw: str) -> str:
    return "/".join(str(int(p)) for p in re.split(r"\s?/\s?", raw))


def _split_units(text: str) -> tuple[str, set[str], set[str], list[str]]:
    """Take document numbers and dates out of ``text``; return the rest and their keys."""
    docs = find_docnums(text, typed=True)
    keys = {d.key for d in docs}
    raws = [d.raw for d in docs]
    rest = text
    for d in reversed(docs):
        rest = rest[: d.start] + " " + rest[d.end:]
    slashed = set()
    for m in reversed(list(_SLASHED.finditer(rest))):
        slashed.add(_slashed_key(m.group(0)))
        raws.append(m.group(0))
        rest = rest[: m.start()] + " " + rest[m.end():]
    return rest, keys, slashed, raws


def _figures(text: str) -> tuple[set[str], set[str]]:
    """(number forms, document-number and date keys) found in ``text``."""
    rest, keys, slashed, _ = _split_units(text)
    keys = keys | slashed
    nums: set[str] = set()
    for m in find_numbers(rest):
        raw = m.group(0).rstrip("%").rstrip(".,")
        nums.add(raw)
        c = canonical_number(raw)
        if c:
            nums.add(c)
        # a date or a fraction like 05/6 is matched piecewise
        nums.update(re.split(r"[.,]", raw) if c is None else ())
    return nums, keys


def unsupported_figures(answer: str, citations) -> list[str]:
    """Figures of ``answer`` that no citation's quote (or section heading) contains.

    >>> from types import SimpleNamespace as C
    >>> cites = [C(quote="Tổng số 3.916 trạm BTS theo Quyết định 1218/QĐ-UBND", section="1.8. Viễn thông")]
    >>> unsupported_figures("Có 3.916 trạm (QĐ 1218/QD-UBND), mục 1.8", cites)
    []
    >>> unsupported_figures("Có 3.917 trạm", cites)
    ['3.917']
    >>> unsupported_figures("ngày 4/6/2025", [C(quote="ngày 04/6/2025", section="")]), unsupported_figures("ngày 5/6/2025", [C(quote="ngày 04/6/2025", section="")])
    ([], ['5/6/2025'])
    """
    allowed_nums: set[str] = set()
    allowed_keys: set[str] = set()
    for c in citations:
        for text in (c.quote, getattr(c, "section", "") or ""):
            n, k = _figures(text)
            allowed_nums |= n
            allowed_keys |= k
    bad: list[str] = []
    rest = answer
    for d in find_docnums(answer, typed=True):
        if d.key not in allowed_keys:
            bad.append(d.raw)
    rest, _, _, _ = _split_units(answer)
    for m in _SLASHED.finditer(blank_docnums(answer, typed=True)):
        if _slashed_key(m.group(0)) not in allowed_keys:
            bad.append(m.group(0))
    for m in find_numbers(rest):
        raw = m.group(0).rstrip("%").rstrip(".,")
        c = canonical_number(raw)
        if raw in allowed_nums or (c is not None and c in allowed_nums):
            continue
        if c is None and all(p in allowed_nums for p in re.split(r"[.,]", raw) if p):
            continue  # "1.8" as a section number: each part must still be in a quote
        bad.append(m.group(0))
    return bad
