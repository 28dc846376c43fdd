"""The benchmark runs end to end on a tiny corpus and writes its section; the synthetic
report generator is deterministic, NFC and really changes figures. No timing is asserted."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from eval import bench, synth
from tests.conftest import REPORT
from vankien.vietnamese import find_numbers


def _figures(text: str) -> list[str]:
    return [m.group(0) for m in find_numbers(text)]


def test_synthetic_reports_are_deterministic_nfc_and_rewritten(tmp_path):
    a = synth.generate(tmp_path / "a", 3, seed=11)
    b = synth.generate(tmp_path / "b", 3, seed=11)
    c = synth.generate(tmp_path / "c", 1, seed=12)
    assert [p.name for p in a] == [p.name for p in b]
    assert all(p.read_bytes() == q.read_bytes() for p, q in zip(a, b))
    assert a[0].read_bytes() != c[0].read_bytes()

    source = REPORT.read_text(encoding="utf-8")
    src_figs = _figures(source)
    for p in a:
        text = p.read_text(encoding="utf-8")
        assert text == unicodedata.normalize("NFC", text)
        assert synth.PROVINCE not in text  # the place is another province
        figs = _figures(text)
        changed = sum(x != y for x, y in zip(src_figs, figs))
        assert changed > 0.5 * len(src_figs)
        assert text.split("\n")[2] != source.split("\n")[2]  # "NHIỆM KỲ 2020-2025" moved with the years
        assert 0.8 < len(text) / len(source) < 1.2  # about the size of a real report

    texts = {p.read_text(encoding="utf-8") for p in a}
    assert len(texts) == 3


def test_synthetic_figures_keep_their_vietnamese_form():
    import random

    rng = random.Random(3)
    line = "Tỷ lệ đạt 82,56%, cấp 1.823 dịch vụ, 05/6 mục tiêu, ngày 13/8/2021, Nghị quyết số 55-NQ/TU và 57-NQ/TW"
    out = synth._vary_numbers(line, rng, year_shift=-5)
    assert re.search(r"đạt \d{1,3},\d\d%", out)
    assert re.search(r"cấp \d{1,3}(\.\d{3})* dịch vụ", out)
    assert re.search(r"0\d/6 mục tiêu", out)
    assert re.search(r"ngày \d{1,2}/8/2016", out)
    assert "57-NQ/TW" in out  # a national document keeps its number
    assert re.search(r"số \d+-NQ/TU", out) and out != line


def test_write_section_keeps_other_sections(tmp_path):
    out = tmp_path / "RESULTS.md"
    out.write_text("# Results\n\n<!-- eval:start -->\nquality\n<!-- eval:end -->\n", encoding="utf-8")
    bench.write_section("first", out)
    bench.write_section("second", out)
    doc = out.read_text(encoding="utf-8")
    assert "<!-- eval:start -->\nquality\n<!-- eval:end -->" in doc
    assert doc.count(bench.START) == 1 and "second" in doc and "first" not in doc


def test_evidence_hit_normalizes_whitespace_and_accepts_lists():
    q = {"evidence": ["không có ở đây", "đạt  82,56%"]}
    assert bench.evidence_hit(q, ["Tỷ lệ đạt 82,56%, tăng"])
    assert not bench.evidence_hit({"evidence": "đạt 82,56%"}, ["đạt 80%"])


def test_bench_runs_on_a_tiny_corpus_and_writes_its_numbers(tmp_path):
    from vankien.cli import main

    # A tiny "report": the first lines of the real one; 5 questions; one synthetic sibling.
    report = tmp_path / "bao-cao-nho.txt"
    report.write_text("\n".join(REPORT.read_text(encoding="utf-8").split("\n")[:12]), encoding="utf-8")
    out = tmp_path / "RESULTS.md"
    out.write_text("# Results\n\n<!-- eval:start -->\nquality\n<!-- eval:end -->\n", encoding="utf-8")
    work = tmp_path / "work"
    rc = main(["bench", "--report", str(report), "--questions", "5", "--sizes", "1,2,3", "--real-max", "2",
               "--synth-paragraphs", "12", "--no-serve", "--out", str(out), "--work", str(work)])
    assert rc == 0

    doc = out.read_text(encoding="utf-8")
    assert "<!-- eval:start -->\nquality\n<!-- eval:end -->" in doc
    section = doc.split(bench.START, 1)[1].split(bench.END, 1)[0]
    num = r"\d+(?:\.\d+)?"
    for row in (rf"cold ingest of `bao-cao-nho.txt`.*\| {num} s wall, {num} s CPU \|",
                rf"start-up .*\| {num} s wall",
                rf"warm latency per question.*\| {num} / {num} ms",
                rf"naive llama-index pipeline.*\| {num} / {num} ms",
                rf"naive p50 / vankien p50.*\| {num}×",
                rf"peak RSS.*\| {num} / {num} / not measured MB"):
        assert re.search(row, section), row
    for stage in ("bm25", "query embedding", "chroma", "answer"):
        assert re.search(rf"\| {stage} \| {num} \| {num} \|", section), stage
    # the scale table: one row per size, real vectors up to --real-max, proxy (labelled, projected) above
    rows = re.findall(r"^\| (\d+) \| .*$", section, flags=re.M)
    assert rows == ["1", "2", "3"] * 2  # the ingest table and the questions table
    assert len(re.findall(rf"^\| \d \| {num} / {num} \| {num} \| \d+% \|( {num} \|){{5}} {num} s \| {num} MB \|( {num} \|){{3}}$",
                          section, flags=re.M)) == 3
    assert re.search(r"^\| 3 \| .*\(proxy\) \| .*\*\*projected\*\*", section, flags=re.M)
    # the BM25 rebuild at the next change (every document's terms kept), then the throughput
    assert len(re.findall(rf"^\| \d \| .*\| {num} s \| {num} MB/min, {num} chunks/s \|", section, flags=re.M)) == 3
    assert "Measured vs. extrapolated" in section
    assert (work / "bench.json").exists()
