"""eval/RESULTS.md is written by several tools (eval, bench, load, modes), each owning
one section between ``<!-- name:start -->`` and ``<!-- name:end -->``."""
from __future__ import annotations

import re
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def replace_section(path: Path, name: str, body: str, title: str | None = None) -> None:
    """Write ``body`` between the section's markers in ``path``, leaving the other
    sections alone; a new section goes at the end (under ``## title`` if given)."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{body.rstrip()}\n{end}"
    text = path.read_text(encoding="utf-8") if path.exists() else "# Results\n"
    if start in text and end in text:
        text = re.sub(re.escape(start) + r".*?" + re.escape(end), lambda _: block, text, flags=re.S)
    else:
        heading = f"## {title}\n\n" if title else ""
        text = text.rstrip() + f"\n\n{heading}{block}\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
