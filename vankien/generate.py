"""An optional LLM writes the answer from the retrieved passages; the figure guard decides
whether anyone sees it.

The extractive answer (:mod:`vankien.answer`) comes first and is always correct. When a
backend is configured, the model sees the top passages numbered ``[1]..[k]`` and must cite
them; its ``[n]`` markers become the answer's citations (the whole passage as the quote,
with its offsets). Before the text is returned, every number and document number in it
is checked against the quotes it cites (:func:`vankien.guard.unsupported_figures`, with
the same normalisation as retrieval). An empty answer, a model refusal, a citation of a
passage that does not exist, no citation at all, or a single unsupported figure, and the
extractive answer is returned instead, marked ``guard="fallback"``; a passing answer is
marked ``guard="passed"``.

A refusal (``not_found``) stays a refusal and a ``conflict`` keeps listing both figures:
the model is not asked, since a fluent answer would hide the disagreement.

What the guard does not promise: that a figure is *true*. An uploaded document is a
source; if it says "9.999 trạm" (even inside an instruction aimed at the model), an
answer citing that document for that figure passes, and the citation shows the user
where it came from. What it stops is a figure that comes from nowhere, or is attributed
to a passage that does not contain it.
"""
from __future__ import annotations

import dataclasses
import logging
import re
from typing import Iterator

from prompts import load as load_prompt
from vankien.answer import Answer, Citation
from vankien.guard import unsupported_figures
from vankien.retrieve import Hit
from vankien.vietnamese import strip_accents

log = logging.getLogger(__name__)

# Completion-style prompts have no end-of-turn token: stop where the model would start
# a new question or recite the prompt or the passages ("\n[2] (heading) …": a line that
# starts with a marker is a copied passage, not a claim with its citation), and at the
# usual end-of-turn tags.
STOP = ["Câu hỏi:", "Quy tắc:", "Các đoạn trích", "\n[", "\n\n\n", "<end_of_turn>", "<|im_end|>", "<|eot_id|>", "</s>"]
PASSAGES = 4

# "[1]", "[1, 3]", "[2; 4]"; four-digit "[2025]" is a figure, not a citation
_MARK = re.compile(r"\[\s*(\d{1,2}(?:\s*[,;]\s*\d{1,2})*)\s*\]")
_REFUSAL = re.compile(r"khong tim thay|khong co thong tin")


def build_passages(hits: list[Hit], extractive: Answer, k: int = PASSAGES) -> list[Citation]:
    """The chunks the model sees, as citations: those holding the extractive answer's
    quotes first (so [1] is the best passage), then the next best hits, ``k`` in all."""
    chosen: dict[str, Hit] = {}
    for c in extractive.citations:
        for h in hits:
            ch = h.chunk
            if ch.source == c.source and ch.char_start <= c.char_start and c.char_end <= ch.char_end:
                chosen.setdefault(ch.id, h)
                break
    for h in hits:
        if len(chosen) >= max(k, len(extractive.citations)):
            break
        chosen.setdefault(h.chunk.id, h)
    return [Citation(h.chunk.source, h.chunk.section, h.chunk.page, h.chunk.footnote,
                     h.chunk.char_start, h.chunk.char_end, h.chunk.text) for h in chosen.values()]


def render_prompt(question: str, passages: list[Citation]) -> str:
    """prompts/answer.txt with the passages as ``[n] (heading) text`` lines."""
    lines = []
    for n, p in enumerate(passages, 1):
        label = f"Chú thích {p.footnote}. " if p.footnote else ""
        lines.append(f"[{n}] ({_heading(p)}) {label}{' '.join(p.quote.split())}")
    return load_prompt("answer").format(passages="\n".join(lines), question=question.strip())


def check(extractive: Answer, text: str, passages: list[Citation]) -> Answer:
    """The model's text -> the final answer: guarded LLM text, or the extractive fallback.

    The ``[n]`` markers are renumbered in order of first use so that they index
    the answer's citation list, as the CLI and the UI number citations.
    """
    text = text.strip()
    used: list[int] = []
    bad_refs: list[int] = []

    def renumber(m: re.Match) -> str:
        out = []
        for part in re.split(r"[,;]", m.group(1)):
            n = int(part)
            if not 1 <= n <= len(passages):
                bad_refs.append(n)
                return m.group(0)
            if n not in used:
                used.append(n)
            out.append(str(used.index(n) + 1))
        return "[" + ", ".join(dict.fromkeys(out)) + "]"

    reason, detail = None, ""
    if not text:
        reason = "empty"
    elif _REFUSAL.search(strip_accents(text).lower()):
        reason = "refusal"  # the extractive step found the answer in these passages
    elif _recites(text, passages):
        reason = "recitation"  # the prompt or a passage copied back, not an answer
    else:
        text = _MARK.sub(renumber, text)
        if bad_refs:
            reason, detail = "bad citation", str(bad_refs)
        elif not used:
            reason = "no citation"
    cited = [passages[n - 1] for n in used]
    if reason is None:
        bad = unsupported_figures(_MARK.sub(" ", text), cited)
        if bad:
            reason, detail = "unsupported figures", str(bad)
    if reason is not None:
        # the reason is for the log and the eval (eval/llm_guard.py counts them)
        log.info("LLM answer rejected (%s %s): %r", reason, detail, text[:300], extra={"guard_reason": reason})
        return dataclasses.replace(extractive, guard="fallback")
    return Answer(extractive.question, "answered", text, cited, id=extractive.id, guard="passed")


def _recites(text: str, passages: list[Citation]) -> bool:
    """The model echoed the prompt's rules or a passage header ``[n] (heading)``."""
    rules = [ln.strip() for ln in load_prompt("answer").splitlines() if len(ln.strip()) > 12 and "{" not in ln]
    if any(r in text for r in rules):
        return True
    return any(f"[{n}] ({_heading(p)})" in text for n, p in enumerate(passages, 1))


def _heading(p: Citation) -> str:
    return p.section.rsplit(" > ", 1)[-1] if p.section else p.source


def _asks_model(extractive: Answer) -> bool:
    return extractive.status == "answered"


def generate(question: str, hits: list[Hit], extractive: Answer, llm, k: int = PASSAGES) -> Answer:
    """One guarded LLM answer (or ``extractive`` itself when the model is not asked)."""
    if not _asks_model(extractive):
        return extractive
    passages = build_passages(hits, extractive, k)
    return check(extractive, llm.complete(render_prompt(question, passages), STOP), passages)


def generate_stream(question: str, hits: list[Hit], extractive: Answer, llm,
                    k: int = PASSAGES) -> Iterator[tuple[str, str | Answer]]:
    """``("partial", text so far)``… while the model writes, then ``("final", Answer)``.

    Partial text is unchecked: a caller shows it as a draft; only the final answer
    has been through the guard."""
    if not _asks_model(extractive):
        yield "final", extractive
        return
    passages = build_passages(hits, extractive, k)
    text = ""
    for delta in llm.stream(render_prompt(question, passages), STOP):
        text += delta
        yield "partial", text
    yield "final", check(extractive, text, passages)
