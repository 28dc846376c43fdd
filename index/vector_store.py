"""Chroma behind llama-index's ``ChromaVectorStore``: embedded by default, a
``chroma run`` server when ``VANKIEN_CHROMA_URL`` is set.

Chroma's default embedding function downloads an ONNX model on first use, so
the collection is always opened with ``embedding_function=None`` and every add
and query passes its own vectors.

Embedded Chroma belongs to one process at a time. It keeps the HNSW index in the
memory of the process that opened the folder: measured with chromadb 1.5, a second
process that writes the same folder loses the first one's vectors from search
(count 4020, query finds 2140) even when the writes take turns, and two writing
at once corrupt the folder (the next open aborts with "corrupted size vs.
prev_size"). So an embedded store is opened under a process-wide file lock
(:class:`StoreOwner`); other processes wait for it. Several processes (several app
instances, the CLI while the app runs) share a ``chroma run`` server instead.
"""
from __future__ import annotations

import fcntl
import hashlib
import json
import logging
import threading
import time
from pathlib import Path
from typing import Callable, TypeVar
from urllib.parse import urlparse

from vankien import messages as msg
from vankien.errors import IndexMismatchError, StoreUnavailableError
from vankien.settings import Settings

log = logging.getLogger(__name__)
T = TypeVar("T")


class StoreOwner:
    """One process owns an embedded Chroma folder: an exclusive ``flock`` held while
    any store of this process has it open (a count per folder, so the many ``Index``
    objects of one process, tests included, share it). The kernel drops the lock when
    the process dies, SIGKILL included."""

    _held: dict[Path, list] = {}  # lock file -> [open file, users in this process]
    _guard = threading.Lock()

    @classmethod
    def acquire(cls, lock_path: Path, wait_s: float) -> None:
        with cls._guard:
            held = cls._held.get(lock_path)
            if held:
                held[1] += 1
                return
            lock_path.parent.mkdir(parents=True, exist_ok=True)
            fh = open(lock_path, "a+")
            deadline = time.monotonic() + wait_s
            told = False
            while True:
                try:
                    fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        fh.close()
                        raise StoreUnavailableError(msg.STORE_IN_USE.format(path=lock_path.parent)) from None
                    if not told:
                        log.warning(msg.STORE_WAITING.format(path=lock_path.parent))
                        told = True
                    time.sleep(0.2)
            cls._held[lock_path] = [fh, 1]

    @classmethod
    def release(cls, lock_path: Path) -> None:
        with cls._guard:
            held = cls._held.get(lock_path)
            if not held:
                return
            held[1] -= 1
            if held[1] == 0:
                del cls._held[lock_path]
                held[0].close()  # closing the file drops the flock


def open_client(settings: Settings):
    """The Chroma client: an ``HttpClient`` when ``chroma_url`` is set, else embedded."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    if settings.chroma_url:
        u = urlparse(settings.chroma_url)
        try:
            client = chromadb.HttpClient(
                host=u.hostname or "127.0.0.1", port=u.port or 8000, ssl=u.scheme == "https", settings=chroma_settings
            )
            client.heartbeat()
        except (ValueError, _transport_errors()) as e:  # chromadb says ValueError("Could not connect ...")
            log.warning("chroma server %s unreachable: %r", settings.chroma_url, e)
            raise StoreUnavailableError(msg.CHROMA_DOWN.format(url=settings.chroma_url)) from e
        return client
    settings.chroma_path.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)


def _transport_errors() -> type[Exception]:
    import httpx  # chromadb's HTTP client transport

    return httpx.TransportError


def open_collection(settings: Settings, manifest: dict, client=None):
    """Return the Chroma collection, refusing one built with other settings."""
    client = client or open_client(settings)
    collection = _guarded(settings, lambda: client.get_or_create_collection(
        settings.collection,
        embedding_function=None,
        metadata={"vankien_manifest": json.dumps(manifest, sort_keys=True), "hnsw:space": "cosine"},
    ))
    stored = json.loads((collection.metadata or {}).get("vankien_manifest", "{}"))
    if stored and stored != manifest:
        diff = ", ".join(f"{k}: {stored.get(k)} ≠ {manifest.get(k)}" for k in manifest if stored.get(k) != manifest.get(k))
        where = settings.chroma_url or str(settings.chroma_path)
        raise IndexMismatchError(msg.INDEX_MISMATCH.format(path=where, detail=diff))
    return collection


class VectorStore:
    """Adds, deletes and queries chunk vectors; ``doc_id`` is the file's sha256."""

    def __init__(self, settings: Settings, manifest: dict, wait_s: float | None = None):
        """``wait_s``: how long to wait for another process to free an embedded store
        (default ``settings.lock_wait_s``)."""
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.settings = settings
        self._owner = None if settings.chroma_url else settings.chroma_path.with_name("chroma.lock")
        if self._owner:
            StoreOwner.acquire(self._owner, settings.lock_wait_s if wait_s is None else wait_s)
        try:
            self.client = open_client(settings)
            self.collection = open_collection(settings, manifest, self.client)
        except BaseException:
            self._release_owner()
            raise
        self.store = ChromaVectorStore(chroma_collection=self.collection)

    def close(self) -> None:
        """Release the client (embedded: the last close in a process frees the folder's
        memory and its lock, so another process can open it)."""
        self.client.close()
        self._release_owner()

    def _release_owner(self) -> None:
        if self._owner:
            StoreOwner.release(self._owner)
            self._owner = None

    def add(self, doc_id: str, chunks, embeddings: list[list[float]], keyed: list[bool] | None = None) -> None:
        """``keyed``: which chunks ``known`` may find by their text. One copy of a text is (the
        one whose vector was computed, or the copy that replaces it): a text repeated in 600
        reports would otherwise bring back 600 vectors on every lookup (measured: ingest at
        600 reports went from 1 to 6 s a report)."""
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        nodes = []
        for i, (c, emb) in enumerate(zip(chunks, embeddings)):
            meta = {"section": c.section, "kind": c.kind, "char_start": c.char_start, "char_end": c.char_end}
            if keyed is None or keyed[i]:
                meta["text_sha1"] = text_key(c.embed_text())
            node = TextNode(
                id_=c.id,
                text=c.embed_text(),
                embedding=emb,
                metadata=meta,
                relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc_id)},
            )
            nodes.append(node)
        _guarded(self.settings, lambda: self.store.add(nodes))

    def known(self, texts: list[str]) -> dict[str, tuple[list[float], str]]:
        """The vectors the store already holds for any of ``texts`` (the same text, word for
        word, in another chunk or document), with the document each comes from: the embedder
        gives the same text the same vector, so a re-uploaded revision or a paragraph repeated
        across reports need not be embedded again. Chunks stored before this key existed are
        simply not found."""
        keys = list({text_key(t) for t in texts})
        got = _guarded(self.settings, lambda: self.collection.get(
            where={"text_sha1": {"$in": keys}}, include=["embeddings", "documents", "metadatas"]))
        wanted = set(texts)
        embeddings = got["embeddings"] if got["embeddings"] is not None else []
        return {doc: ([float(x) for x in emb], (meta or {}).get("doc_id", ""))
                for doc, emb, meta in zip(got["documents"] or [], embeddings, got["metadatas"] or []) if doc in wanted}

    def delete(self, doc_id: str) -> None:
        _guarded(self.settings, lambda: self.store.delete(doc_id))

    def query(self, embedding: list[float], top_k: int) -> list[tuple[str, float]]:
        from llama_index.core.vector_stores.types import VectorStoreQuery

        # No count() first: Chroma answers an empty collection with no ids, and the
        # extra round trip cost ~2 ms of every question (eval/RESULTS.md, bench).
        res = _guarded(self.settings,
                       lambda: self.store.query(VectorStoreQuery(query_embedding=embedding, similarity_top_k=top_k)))
        return list(zip(res.ids or [], res.similarities or []))

    def count(self) -> int:
        return _guarded(self.settings, self.collection.count)


def text_key(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()


def _guarded(settings: Settings, call: Callable[[], T]) -> T:
    """Run one Chroma call; with a server, a lost connection becomes the Vietnamese
    CHROMA_DOWN message (the server may come back: the next call simply retries)."""
    if not settings.chroma_url:
        return call()
    try:
        return call()
    except _transport_errors() as e:
        log.warning("chroma server %s: %r", settings.chroma_url, e)
        raise StoreUnavailableError(msg.CHROMA_DOWN.format(url=settings.chroma_url)) from e
