"""Chroma behind llama-index's ``ChromaVectorStore``: embedded by default, a
``chroma run`` server when ``VANKIEN_CHROMA_URL`` is set.

Chroma's default embedding function downloads an ONNX model on first use, so
the collection is always opened with ``embedding_function=None`` and every add
and query passes its own vectors.
"""
from __future__ import annotations

import json
import logging
from urllib.parse import urlparse

from vankien import messages as msg
from vankien.errors import IndexMismatchError, StoreUnavailableError
from vankien.settings import Settings

log = logging.getLogger(__name__)


def open_collection(settings: Settings, manifest: dict):
    """Return the Chroma collection, refusing one built with other settings."""
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    try:
        if settings.chroma_url:
            u = urlparse(settings.chroma_url)
            client = chromadb.HttpClient(
                host=u.hostname or "127.0.0.1", port=u.port or 8000, ssl=u.scheme == "https", settings=chroma_settings
            )
            client.heartbeat()
        else:
            settings.chroma_path.mkdir(parents=True, exist_ok=True)
            client = chromadb.PersistentClient(path=str(settings.chroma_path), settings=chroma_settings)
        collection = client.get_or_create_collection(
            settings.collection,
            embedding_function=None,
            metadata={"vankien_manifest": json.dumps(manifest, sort_keys=True), "hnsw:space": "cosine"},
        )
    except Exception as e:  # noqa: BLE001 - chromadb raises many transport errors; classify by mode
        if settings.chroma_url:
            log.warning("chroma server %s unreachable: %r", settings.chroma_url, e)
            raise StoreUnavailableError(msg.CHROMA_DOWN.format(url=settings.chroma_url)) from e
        raise
    stored = json.loads((collection.metadata or {}).get("vankien_manifest", "{}"))
    if stored and stored != manifest:
        diff = ", ".join(f"{k}: {stored.get(k)} ≠ {manifest.get(k)}" for k in manifest if stored.get(k) != manifest.get(k))
        where = settings.chroma_url or str(settings.chroma_path)
        raise IndexMismatchError(msg.INDEX_MISMATCH.format(path=where, detail=diff))
    return collection


class VectorStore:
    """Adds, deletes and queries chunk vectors; ``doc_id`` is the file's sha256."""

    def __init__(self, settings: Settings, manifest: dict):
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self.settings = settings
        self.collection = open_collection(settings, manifest)
        self.store = ChromaVectorStore(chroma_collection=self.collection)

    def add(self, doc_id: str, chunks, embeddings: list[list[float]]) -> None:
        from llama_index.core.schema import NodeRelationship, RelatedNodeInfo, TextNode

        nodes = []
        for c, emb in zip(chunks, embeddings):
            node = TextNode(
                id_=c.id,
                text=c.embed_text(),
                embedding=emb,
                metadata={"section": c.section, "kind": c.kind, "char_start": c.char_start, "char_end": c.char_end},
                relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=doc_id)},
            )
            nodes.append(node)
        self.store.add(nodes)

    def delete(self, doc_id: str) -> None:
        self.store.delete(doc_id)

    def query(self, embedding: list[float], top_k: int) -> list[tuple[str, float]]:
        from llama_index.core.vector_stores.types import VectorStoreQuery

        # No count() first: Chroma answers an empty collection with no ids, and the
        # extra round trip cost ~2 ms of every question (eval/RESULTS.md, bench).
        try:
            res = self.store.query(VectorStoreQuery(query_embedding=embedding, similarity_top_k=top_k))
        except Exception as e:  # noqa: BLE001
            if self.settings.chroma_url:
                raise StoreUnavailableError(msg.CHROMA_DOWN.format(url=self.settings.chroma_url)) from e
            raise
        return list(zip(res.ids or [], res.similarities or []))

    def count(self) -> int:
        return self.collection.count()
