"""Chunks -> stored, searchable index: catalog (SQLite), vectors (Chroma), BM25 (bm25s)."""
