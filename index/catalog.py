"""The catalog: which documents are in the index, their chunks and clean text (SQLite).

The catalog is the source of truth for "is this document in the index". A
document becomes visible in one SQLite transaction, after its vectors are
stored; vectors of a document that never committed (a crash mid-ingest) are
listed in ``pending`` and swept on the next open. So the index holds a whole
file or none of it.
"""
from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterator

from ingest import Chunk, ParsedDocument

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
  sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, format TEXT NOT NULL,
  chunks INTEGER NOT NULL, ingested_at TEXT NOT NULL, text TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS documents_name ON documents(name);
CREATE TABLE IF NOT EXISTS chunks (
  id TEXT PRIMARY KEY, sha256 TEXT NOT NULL, ord INTEGER NOT NULL, data TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_sha ON chunks(sha256, ord);
CREATE TABLE IF NOT EXISTS pending (sha256 TEXT PRIMARY KEY, since TEXT NOT NULL);
"""

# How long an open waits for another process holding the catalog (seconds).
_BUSY_WAIT_S = 30


class Catalog:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        # check_same_thread=False: the Gradio app answers from worker threads; SQLite
        # serialises access itself and every write happens under the writer lock.
        self.db = sqlite3.connect(str(path), timeout=_BUSY_WAIT_S, check_same_thread=False, isolation_level=None)
        self._setup()

    def _setup(self) -> None:
        """WAL mode and the schema, retried while another process does the same.

        Switching a new file to WAL needs an exclusive lock, and SQLite answers
        "database is locked" at once (without its busy handler) when two processes
        create the catalog together: two `vankien ingest` started into an empty home.
        """
        deadline = time.monotonic() + _BUSY_WAIT_S
        while True:
            try:
                if self.db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
                    self.db.execute("PRAGMA journal_mode=WAL")
                self.db.execute("PRAGMA synchronous=NORMAL")
                self.db.executescript(_SCHEMA)
                return
            except sqlite3.OperationalError as e:
                if "locked" not in str(e) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    # --- metadata -----------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def set_meta(self, key: str, value: str) -> None:
        self.db.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        """Bumped by every change; caches (BM25, registry) key on it."""
        return int(self.get_meta("generation") or 0)

    # --- documents ----------------------------------------------------------
    def has(self, sha256: str) -> bool:
        return self.db.execute("SELECT 1 FROM documents WHERE sha256=?", (sha256,)).fetchone() is not None

    def documents(self) -> list[dict]:
        rows = self.db.execute("SELECT name, sha256, chunks, ingested_at, format FROM documents ORDER BY ingested_at, name")
        return [dict(zip(("name", "sha256", "chunks", "ingested_at", "format"), r)) for r in rows]

    def find(self, name_or_sha: str) -> list[dict]:
        return [d for d in self.documents() if d["name"] == name_or_sha or d["sha256"].startswith(name_or_sha.lower())]

    def text(self, sha256: str) -> str:
        row = self.db.execute("SELECT text FROM documents WHERE sha256=?", (sha256,)).fetchone()
        return row[0] if row else ""

    def count_chunks(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    def mark_pending(self, sha256: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT OR REPLACE INTO pending(sha256, since) VALUES (?, ?)", (sha256, _now()))

    def pending(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT sha256 FROM pending")]

    def clear_pending(self, sha256: str) -> None:
        self.db.execute("DELETE FROM pending WHERE sha256=?", (sha256,))

    def commit_document(self, doc: ParsedDocument, replaces: list[str]) -> None:
        """Make ``doc`` visible and drop the documents it replaces, in one transaction."""
        with self.transaction() as db:
            for old in replaces:
                db.execute("DELETE FROM chunks WHERE sha256=?", (old,))
                db.execute("DELETE FROM documents WHERE sha256=?", (old,))
                db.execute("INSERT OR REPLACE INTO pending(sha256, since) VALUES (?, ?)", (old, _now()))
            db.executemany(
                "INSERT OR REPLACE INTO chunks(id, sha256, ord, data) VALUES (?, ?, ?, ?)",
                [(c.id, doc.sha256, i, json.dumps(asdict(c), ensure_ascii=False)) for i, c in enumerate(doc.chunks)],
            )
            db.execute(
                "INSERT OR REPLACE INTO documents(sha256, name, format, chunks, ingested_at, text) VALUES (?,?,?,?,?,?)",
                (doc.sha256, doc.name, doc.format, len(doc.chunks), _now(), doc.text),
            )
            db.execute("DELETE FROM pending WHERE sha256=?", (doc.sha256,))
            self._bump(db)

    def delete_document(self, sha256: str) -> None:
        with self.transaction() as db:
            db.execute("DELETE FROM chunks WHERE sha256=?", (sha256,))
            db.execute("DELETE FROM documents WHERE sha256=?", (sha256,))
            db.execute("INSERT OR REPLACE INTO pending(sha256, since) VALUES (?, ?)", (sha256, _now()))
            self._bump(db)

    def _bump(self, db: sqlite3.Connection) -> None:
        db.execute(
            "INSERT OR REPLACE INTO meta(key, value) VALUES ('generation', ?)", (str(self.generation + 1),)
        )

    # --- chunks -------------------------------------------------------------
    def chunks(self, ids: list[str]) -> dict[str, Chunk]:
        if not ids:
            return {}
        out: dict[str, Chunk] = {}
        for i in range(0, len(ids), 500):
            part = ids[i:i + 500]
            q = f"SELECT c.id, c.data, d.name FROM chunks c JOIN documents d ON d.sha256=c.sha256 WHERE c.id IN ({','.join('?' * len(part))})"
            for cid, data, name in self.db.execute(q, part):
                out[cid] = _chunk(data, name)
        return out

    def document_order(self) -> list[str]:
        """Every document's sha256, oldest first: the order of the lexical index's chunks."""
        return [r[0] for r in self.db.execute("SELECT sha256 FROM documents ORDER BY ingested_at, sha256")]

    def document_chunks(self, sha256: str) -> list[Chunk]:
        q = "SELECT c.data, d.name FROM chunks c JOIN documents d ON d.sha256=c.sha256 WHERE c.sha256=? ORDER BY c.ord"
        return [_chunk(data, name) for data, name in self.db.execute(q, (sha256,))]

    def close(self) -> None:
        self.db.close()


def _chunk(data: str, name: str) -> Chunk:
    c = Chunk(**json.loads(data))
    c.source = name
    return c


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
