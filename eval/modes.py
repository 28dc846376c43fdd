"""Run the tests that cover both Chroma modes and write their outcome to eval/RESULTS.md.

    python -m eval.modes            # tests/test_modes.py + tests/test_crash.py, embedded and server
    python -m eval.modes --write    # also replace the "modes" section of eval/RESULTS.md

Every test there is parametrized by the ``chroma_mode`` fixture (tests/conftest.py):
``embedded`` (a folder under VANKIEN_HOME) and ``server`` (a real ``chroma run`` on a
free loopback port). The table shows each test's outcome in each mode.
"""
from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from eval.load import RESULTS, ROOT, replace_section

TESTS = ["tests/test_modes.py", "tests/test_crash.py"]


def run_tests(tests: list[str] = TESTS) -> tuple[dict[str, dict[str, tuple[str, float]]], str]:
    """{test name: {mode: (outcome, seconds)}}, and pytest's summary line."""
    with tempfile.TemporaryDirectory() as tmp:
        xml = Path(tmp) / "junit.xml"
        r = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", f"--junitxml={xml}", *tests],
                           cwd=ROOT, capture_output=True, text=True)
        summary = next((line for line in reversed(r.stdout.splitlines()) if re.search(r"\d+ (passed|failed)", line)),
                       r.stdout[-300:])
        table: dict[str, dict[str, tuple[str, float]]] = {}
        for case in ET.parse(xml).getroot().iter("testcase"):
            m = re.fullmatch(r"(.+)\[(embedded|server)\]", case.get("name", ""))
            if not m:
                continue
            outcome = "failed" if case.find("failure") is not None or case.find("error") is not None else (
                "skipped" if case.find("skipped") is not None else "passed")
            module = case.get("classname", "").rsplit(".", 1)[-1]
            table.setdefault(f"{module}::{m.group(1)}", {})[m.group(2)] = (outcome, float(case.get("time", 0)))
    return table, summary.strip("= ")


def chroma_version() -> str:
    import chromadb

    return chromadb.__version__


def markdown(table: dict, summary: str) -> str:
    lines = [
        f"`python -m eval.modes`: {', '.join(TESTS)} with the `chroma_mode` fixture; server mode is a real "
        f"`chroma run` (chromadb {chroma_version()}) on a free loopback port. pytest: **{summary}**.",
        "",
        "| test | embedded | server |",
        "|---|---|---|",
    ]
    for name, modes in table.items():
        cells = [f"{modes[m][0]} ({modes[m][1]:.0f} s)" if m in modes else "–" for m in ("embedded", "server")]
        lines.append(f"| `{name}` | {cells[0]} | {cells[1]} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m eval.modes", description=__doc__.split("\n")[0])
    p.add_argument("--write", action="store_true")
    args = p.parse_args(argv)
    table, summary = run_tests()
    text = markdown(table, summary)
    print(text)
    if args.write:
        replace_section(RESULTS, "modes", text, "Chroma modes (eval/modes.py)")
    failed = any(o == "failed" for modes in table.values() for o, _ in modes.values())
    return 1 if failed or not table else 0


if __name__ == "__main__":
    sys.exit(main())
