"""Crashes and concurrent writers, with real processes, in both Chroma modes.

SIGKILL lands while ``vankien ingest`` is storing the report's vectors (some batches in
Chroma, the catalog not yet committed). A new process must see the whole file or none
of it, Chroma must open, the orphan vectors must go, and a new ingest must complete.
"""
from __future__ import annotations

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path

import pytest

from tests.conftest import REPORT

pytestmark = pytest.mark.slow

STARTED = 16  # chunks stored before the kill: a few batches in, far from the 271 of the report


class Home:
    """A VANKIEN_HOME used only through the CLI, as a user would, in one Chroma mode."""

    def __init__(self, path: Path, chroma_url: str | None):
        self.path = path
        self.env = dict(os.environ, VANKIEN_HOME=str(path))
        if chroma_url:
            self.env.update(VANKIEN_CHROMA_URL=chroma_url, VANKIEN_CHROMA_COLLECTION=f"t-{uuid.uuid4().hex[:12]}")
        self.chroma_url = chroma_url

    def cli(self, *args, timeout=900) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "vankien.cli", *args], capture_output=True, text=True,
                              env=self.env, timeout=timeout)

    def start(self, *args) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "vankien.cli", *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, env=self.env)

    def docs(self) -> list[dict]:
        r = self.cli("docs", "--json")
        assert r.returncode == 0, r.stderr
        return json.loads(r.stdout)

    def catalog(self, sql: str) -> list[tuple]:
        """Read-only look at the catalog (SQLite WAL: readers never block the writer)."""
        db = self.path / "catalog.sqlite3"
        if not db.exists():
            return []
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=30)
        try:
            return con.execute(sql).fetchall()
        except sqlite3.OperationalError:  # the writer has not created the tables yet
            return []
        finally:
            con.close()

    def vector_count(self) -> int:
        """Vectors in Chroma, through chromadb's public client. Embedded: only while no
        vankien process has the folder (the store belongs to one process at a time)."""
        import chromadb
        from chromadb.config import Settings
        from chromadb.errors import NotFoundError

        if self.chroma_url:
            port = int(self.chroma_url.rsplit(":", 1)[1])
            client = chromadb.HttpClient(host="127.0.0.1", port=port, settings=Settings(anonymized_telemetry=False))
        else:
            client = chromadb.PersistentClient(path=str(self.path / "chroma"), settings=Settings(anonymized_telemetry=False))
        try:
            return client.get_collection(self.env.get("VANKIEN_CHROMA_COLLECTION", "vankien")).count()
        except NotFoundError:
            return 0
        finally:
            client.close()


class StderrWatch:
    """Collects a child's stderr as it comes (``-v`` logs "16/271 chunks stored")."""

    def __init__(self, proc: subprocess.Popen):
        self.text = ""
        self._t = threading.Thread(target=self._read, args=(proc.stderr,), daemon=True)
        self._t.start()

    def _read(self, stream) -> None:
        for chunk in iter(lambda: stream.read1(4096), b""):
            self.text += chunk.decode("utf-8", errors="replace")

    def stored(self) -> int:
        done = re.findall(r"(\d+)/(\d+) chunks stored", self.text)
        return int(done[-1][0]) if done else 0


def _wait_until(cond, proc: subprocess.Popen, what: str, timeout: float = 600) -> None:
    deadline = time.monotonic() + timeout
    while not cond():
        assert proc.poll() is None, f"ingest ended (rc={proc.returncode}) before {what}"
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def test_sigkill_mid_ingest_leaves_all_or_nothing(chroma_mode, tmp_path):
    home = Home(tmp_path / "home", chroma_mode)
    proc = home.start("-v", "ingest", str(REPORT))
    watch = StderrWatch(proc)
    try:
        _wait_until(lambda: home.catalog("SELECT sha256 FROM pending"), proc, "the write started")
        if chroma_mode:  # the server can be asked while the writer runs
            _wait_until(lambda: home.vector_count() >= STARTED, proc, f"{STARTED} vectors in Chroma")
        else:  # the embedded folder cannot: the writer's log counts stored chunks
            _wait_until(lambda: watch.stored() >= STARTED, proc, f"{STARTED} chunks stored")
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert proc.returncode == -signal.SIGKILL

    # Killed between "vectors added" and "catalog committed": pending, not a document.
    [(sha,)] = home.catalog("SELECT sha256 FROM pending")
    assert home.catalog("SELECT sha256 FROM documents") == []
    orphans = home.vector_count()  # embedded: Chroma's folder still opens after the SIGKILL
    assert STARTED <= orphans < 271

    # A new process: the document is absent (not half there), and its vectors are gone.
    assert home.docs() == []
    assert home.catalog("SELECT sha256 FROM pending") == [] and home.vector_count() == 0

    # Re-ingest completes: the whole file, every vector once.
    r = home.cli("ingest", str(REPORT))
    assert r.returncode == 0, r.stderr
    [doc] = home.docs()
    assert doc["name"] == REPORT.name and doc["sha256"] == sha
    assert home.vector_count() == doc["chunks"] == home.catalog("SELECT COUNT(*) FROM chunks")[0][0] == 271


def _report_part(folder: Path, name: str, start: int, lines: int) -> Path:
    """A slice of the real report, as its own file."""
    text = REPORT.read_text(encoding="utf-8").splitlines()
    out = folder / name
    out.write_text("\n".join(text[start:start + lines]) + "\n", encoding="utf-8")
    return out


def test_two_processes_ingesting_at_once(chroma_mode, tmp_path):
    """Both succeed and the store stays consistent: embedded, the second process waits
    for the first to let the folder go; server mode, the write lock takes turns."""
    home = Home(tmp_path / "home", chroma_mode)
    a = _report_part(tmp_path, "phan-dau.txt", 0, 40)
    b = _report_part(tmp_path, "phan-cuoi.txt", 200, 40)
    procs = [home.start("ingest", str(f)) for f in (a, b)]
    outs = [p.communicate(timeout=900) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err.decode()
        assert "Traceback" not in err.decode()
    docs = home.docs()
    assert sorted(d["name"] for d in docs) == ["phan-cuoi.txt", "phan-dau.txt"]
    chunks = home.catalog("SELECT COUNT(*) FROM chunks")[0][0]
    assert home.vector_count() == chunks == sum(d["chunks"] for d in docs) > 10
    r = home.cli("ask", "--json", "Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?")
    assert r.returncode == 0, r.stderr


def _open_catalog(path: str, barrier, results) -> None:
    from index.catalog import Catalog

    barrier.wait()
    try:
        Catalog(Path(path))
        results.put("ok")
    except Exception as e:  # reported to the parent, which asserts on it
        results.put(repr(e))


def test_processes_creating_the_catalog_together(tmp_path):
    """Several processes opening a catalog that does not exist yet all succeed. Switching
    a new SQLite file to WAL answers "database is locked" at once, without the busy
    timeout; CI once failed two `vankien ingest` into an empty home that way
    (about 1 open in 45 failed before the retry, measured with 6 processes × 30 rounds)."""
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    outcomes = []
    for round_ in range(15):
        path = tmp_path / f"r{round_}" / "catalog.sqlite"
        barrier, results = ctx.Barrier(6), ctx.Queue()
        procs = [ctx.Process(target=_open_catalog, args=(str(path), barrier, results)) for _ in range(6)]
        for p in procs:
            p.start()
        outcomes += [results.get(timeout=60) for _ in procs]
        for p in procs:
            p.join(timeout=60)
    assert outcomes == ["ok"] * len(outcomes), sorted(set(outcomes))
