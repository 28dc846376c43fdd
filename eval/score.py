"""Scoring for the eval set: retrieval (hit@k, MRR) and end-to-end answers.

An answer is correct when
- answerable: it answers (``answered`` or ``conflict``); every gold string is in the
  answer and in a cited quote; every number / document number in the answer is in a
  cited quote (the figure guard); every quote is verbatim in its source at its offsets;
  a ``conflict`` question also needs ``status == "conflict"``;
- unanswerable: ``status == "not_found"``.
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass, field
from types import SimpleNamespace

from vankien.guard import unsupported_figures
from vankien.vietnamese import find_dates


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def _holds(text: str, gold: str) -> bool:
    """``gold`` is in ``text``; a gold date in any spelling of it: a report writes one
    document's date "05/10/2022" in a footnote and "5/10/2022" in its appendix.

    >>> _holds("Kế hoạch số 3927/KH-UBND ngày 5/10/2022", "05/10/2022"), _holds("ngày 5/10/2022", "15/10/2022")
    (True, False)
    """
    if _norm(gold) in _norm(text):
        return True
    dates = find_dates(gold)
    whole = len(dates) == 1 and dates[0][1] == 0 and dates[0][2] == len(gold.strip())
    return whole and dates[0][0] in {d for d, _, _ in find_dates(text)}


@dataclass
class Verdict:
    correct: bool
    reasons: list[str] = field(default_factory=list)
    uncited_numbers: list[str] = field(default_factory=list)


def score_answer(question: dict, answer: dict, sources: dict[str, str]) -> Verdict:
    """``sources`` maps a source name to its clean text (what offsets index)."""
    reasons: list[str] = []
    status = answer.get("status")
    cites = answer.get("citations") or []
    text = answer.get("answer") or ""
    # Checks that hold for every answer, answerable or not: no uncited figure, verbatim quotes.
    uncited = unsupported_figures(text, [SimpleNamespace(quote=c.get("quote", ""), section=c.get("section", "")) for c in cites]) if status != "not_found" else []
    if uncited:
        reasons.append(f"numbers not in a cited quote: {uncited}")
    for c in cites:
        src = sources.get(c.get("source"))
        if src is None:
            reasons.append(f"unknown source {c.get('source')!r}")
        elif src[c["char_start"]:c["char_end"]] != c.get("quote"):
            reasons.append(f"quote not verbatim at {c['char_start']}:{c['char_end']}")
    if not question.get("answerable", True):
        if status != "not_found":
            reasons.append(f"expected not_found, got {status}")
        return Verdict(not reasons, reasons, uncited)
    if status not in ("answered", "conflict"):
        reasons.append(f"expected an answer, got {status}")
    if question.get("kind") == "conflict" and status != "conflict":
        reasons.append("expected status conflict")
    quotes = " ".join(_norm(c.get("quote", "")) for c in cites)
    for g in question.get("gold", []):
        if not _holds(text, g):
            reasons.append(f"gold {g!r} not in answer")
        elif not _holds(quotes, g):
            reasons.append(f"gold {g!r} not in a cited quote")
    return Verdict(not reasons, reasons, uncited)


def evidence_hit(question: dict, chunk_texts: list[str]) -> int | None:
    """1-based rank of the first chunk holding the evidence, or None."""
    ev = question.get("evidence")
    evs = [ev] if isinstance(ev, str) else list(ev or [])
    evs = [_norm(e) for e in evs if e]
    if not evs:
        return None
    for rank, t in enumerate(chunk_texts, 1):
        nt = _norm(t)
        if any(e in nt for e in evs):
            return rank
    return None


def retrieval_metrics(ranks: list[int | None], ks=(1, 5)) -> dict[str, float]:
    n = max(len(ranks), 1)
    out = {f"hit@{k}": sum(1 for r in ranks if r is not None and r <= k) / n for k in ks}
    out["mrr"] = sum(1.0 / r for r in ranks if r) / n
    return out
