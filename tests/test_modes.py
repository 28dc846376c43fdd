"""The core checks in both Chroma modes: the embedded folder (default) and a real
``chroma run`` server (VANKIEN_CHROMA_URL). Same report, same answers; a restart of the
store gives the same answers; a store that cannot be reached gives a Vietnamese message.

The vectors are the real model's: both modes reuse the ones the session ``assistant``
computed for the report (``ReusedVectors``), so the second and third ingest of the
report cost no embedding time. Everything else (ingest protocol, Chroma, BM25,
catalog, answers) runs for real.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from index.store import Index
from vankien import messages as msg
from vankien.errors import StoreUnavailableError
from vankien.pipeline import Assistant
from tests.conftest import REPORT, make_settings


class ReusedVectors:
    """The real embedding model, with document vectors already computed for the same
    texts taken from a store instead of computed again (query vectors are computed)."""

    def __init__(self, model, known: dict[str, list[float]]):
        self.model, self.known = model, known
        self.model_name, self.dim = model.model_name, model.dim

    def get_text_embedding_batch(self, texts: list[str]) -> list[list[float]]:
        missing = [t for t in texts if t not in self.known]
        if missing:
            self.known.update(zip(missing, self.model.get_text_embedding_batch(missing)))
        return [self.known[t] for t in texts]

    def get_text_embedding(self, text: str) -> list[float]:
        return self.get_text_embedding_batch([text])[0]

    def get_query_embedding(self, query: str) -> list[float]:
        return self.model.get_query_embedding(query)


@pytest.fixture(scope="module")
def report_vectors(assistant) -> dict[str, list[float]]:
    got = assistant.index.vectors.collection.get(include=["documents", "embeddings"])
    return {d: list(map(float, e)) for d, e in zip(got["documents"], got["embeddings"])}


@pytest.fixture(scope="module")
def moded_ingest(chroma_mode, tmp_path_factory, embed_model, report_vectors):
    """(assistant, ingest results): the report ingested into a fresh home, in this
    module's Chroma mode."""
    settings = make_settings(tmp_path_factory.mktemp("mode-home"), chroma_url=chroma_mode)
    a = Assistant(settings, index=Index(settings, embed_model=ReusedVectors(embed_model, report_vectors)))
    results = a.ingest([REPORT])
    yield a, results
    a.index.close()


@pytest.fixture(scope="module")
def moded(moded_ingest) -> Assistant:
    return moded_ingest[0]


def _state(a: Assistant):
    return ([(d["name"], d["sha256"], d["chunks"]) for d in a.documents()],
            a.index.vectors.count(), a.index.catalog.count_chunks(), a.index.catalog.generation)


def _cli(args, a: Assistant, stdin=None, **env):
    full = dict(os.environ, VANKIEN_HOME=str(a.settings.home), **env)
    if a.settings.chroma_url:
        full["VANKIEN_CHROMA_URL"] = a.settings.chroma_url
    return subprocess.run([sys.executable, "-m", "vankien.cli", *args], input=stdin, capture_output=True,
                          text=True, env=full, timeout=600)


@pytest.fixture(scope="module")
def sample(eval_questions):
    """Answerable and unanswerable questions of the eval set, every 6th one."""
    return eval_questions[::6]


def test_ingest_stores_every_chunk(moded_ingest, assistant):
    moded, [r] = moded_ingest
    assert r.status == "added" and r.chunks == assistant.documents()[0]["chunks"]
    assert moded.index.vectors.count() == moded.index.catalog.count_chunks() == r.chunks


def test_answers_equal_the_embedded_reference(moded, assistant, sample):
    for q in sample:
        assert moded.ask(q["question"], id=q["id"]).to_dict() == assistant.ask(q["question"], id=q["id"]).to_dict()


def test_reingest_is_a_noop(moded):
    before = _state(moded)
    assert [r.status for r in moded.ingest([REPORT])] == ["unchanged"]
    assert _state(moded) == before


def test_cli_gives_the_same_answer(moded, assistant, sample):
    moded.index.release_store()  # embedded: the store belongs to one process at a time
    lines = "".join(json.dumps({"id": q["id"], "question": q["question"]}, ensure_ascii=False) + "\n" for q in sample)
    r = _cli(["ask", "--jsonl"], moded, stdin=lines)
    assert r.returncode == 0, r.stderr
    got = [json.loads(line) for line in r.stdout.splitlines()]
    assert got == [assistant.ask(q["question"], id=q["id"]).to_dict() for q in sample]


def test_same_answers_after_the_store_restarts(moded, sample, request):
    """Server mode: stop and start ``chroma run`` under a live Assistant (the app's case).
    Embedded mode: the process lets the folder go and opens it again."""
    before = [moded.ask(q["question"]).to_dict() for q in sample]
    if moded.settings.chroma_url:
        request.getfixturevalue("chroma_server").restart()
    else:
        moded.index.release_store()
    assert [moded.ask(q["question"]).to_dict() for q in sample] == before
    reopened = Assistant(moded.settings, index=Index(moded.settings, embed_model=moded.index.embed_model))
    assert [reopened.ask(q["question"]).to_dict() for q in sample] == before
    reopened.index.close()


def test_unreachable_store_gives_a_vietnamese_message(moded, request):
    """Server mode: the server is down. Embedded mode: another process owns the folder.
    Either way: a question that needs the vectors gets a message in Vietnamese, exit 2,
    no traceback; ``docs`` still works, and so does a question BM25 alone singles out
    (the lexical fast path never opens the vector store)."""
    question = "Tình hình phát triển hạ tầng viễn thông ra sao?"  # no passage stands out by its terms
    lexical = "Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?"
    if moded.settings.chroma_url:
        server = request.getfixturevalue("chroma_server")
        server.stop()
        try:
            with pytest.raises(StoreUnavailableError) as err:
                moded.ask(question)
            assert str(err.value) == msg.CHROMA_DOWN.format(url=moded.settings.chroma_url)
            r = _cli(["ask", question], moded)
            r_lexical = _cli(["ask", lexical], moded)
            expected = msg.CHROMA_DOWN.format(url=moded.settings.chroma_url)
            r_ingest = _cli(["ingest", str(REPORT.with_name("khong-co.txt"))], moded)  # not found: checked before Chroma
            note = moded.settings.home / "ghi-chu.txt"
            note.write_text("Ghi chú: số trạm là 12 trạm.\n", encoding="utf-8")
            r_new = _cli(["ingest", str(note)], moded)
            docs = _cli(["docs", "--json"], moded)
        finally:
            server.start()
        assert r_new.returncode == 2 and expected in r_new.stderr and "Traceback" not in r_new.stderr
        assert r_ingest.returncode == 2 and "khong-co.txt" in r_ingest.stderr
    else:
        moded.ask(question)  # this process now owns the folder
        r = _cli(["ask", question], moded, VANKIEN_LOCK_WAIT_S="1")
        r_lexical = _cli(["ask", lexical], moded, VANKIEN_LOCK_WAIT_S="1")
        expected = msg.STORE_IN_USE.format(path=moded.settings.home)
        docs = _cli(["docs", "--json"], moded)
    assert r.returncode == 2, r.stderr
    assert expected in r.stderr and "Traceback" not in r.stderr
    assert r_lexical.returncode == 0 and "3.916" in r_lexical.stdout, r_lexical.stderr
    assert docs.returncode == 0 and [d["name"] for d in json.loads(docs.stdout)] == [REPORT.name]
    # and it works again once the store is back
    assert moded.ask(question).status == "answered"


def test_remove_empties_both_stores(moded):
    removed = moded.remove(REPORT.name)
    assert [d["name"] for d in removed] == [REPORT.name]
    assert moded.documents() == [] and moded.index.vectors.count() == 0 == moded.index.catalog.count_chunks()
    assert moded.ask("Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?").status == "not_found"
