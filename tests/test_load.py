"""The load script (eval/load.py), run short: 3 sessions for ~10 s against a real
`vankien serve` subprocess on a loopback port. Zero errors; timings are reported, never asserted."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from eval.load import Served, replace_section, run_load
from tests.chroma_server import free_port
from tests.conftest import REPORT

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """`vankien serve` over a slice of the report (ingested through the CLI first, so the
    server starts at once instead of embedding the whole report)."""
    root = tmp_path_factory.mktemp("load")
    home = root / "home"
    part = root / "bao-cao-trich.txt"
    part.write_text("\n".join(REPORT.read_text(encoding="utf-8").splitlines()[60:110]) + "\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "vankien.cli", "ingest", str(part)], capture_output=True, text=True,
                       env=dict(os.environ, VANKIEN_HOME=str(home)), timeout=900)
    assert r.returncode == 0, r.stderr
    s = Served(home, free_port())
    s.wait_ready()
    yield s
    s.stop()


def test_short_load_run_has_no_errors(served):
    report = run_load(served.url, sessions=3, duration=10)
    d = report.as_dict()
    assert d["errors"] == 0, d["error_examples"]
    assert d["answers"] >= 3 and d["p95_s"] >= d["p50_s"] > 0
    if report.endpoint == "/ask":
        assert sum(d["statuses"].values()) == d["answers"]


def test_results_section_is_replaced_in_place(tmp_path):
    results = tmp_path / "RESULTS.md"
    results.write_text("# Evaluation results\n\n## Retrieval\n\n<!-- retrieval:start -->\nR1\n<!-- retrieval:end -->\n",
                       encoding="utf-8")
    replace_section(results, "load", "first", "Load")
    replace_section(results, "load", "second", "Load")
    text = results.read_text(encoding="utf-8")
    assert "R1" in text and "second" in text and "first" not in text and text.count("<!-- load:start -->") == 1
