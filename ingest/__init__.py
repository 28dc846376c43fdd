"""Files -> structured chunks (no index access here)."""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from ingest.chunker import Chunk, chunk
from ingest.readers import SUPPORTED, read_file
from ingest.structure import structure_text
from vankien import messages as msg
from vankien.errors import IngestError
from vankien.settings import ChunkingParams

__all__ = ["ParsedDocument", "Chunk", "parse_file", "file_sha256", "collect_files", "SUPPORTED"]


@dataclass
class ParsedDocument:
    name: str
    sha256: str
    format: str
    text: str  # clean text; every chunk offset and quote refers to it
    chunks: list[Chunk]


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def parse_file(path: Path, params: ChunkingParams, name: str | None = None, max_mb: float = 50.0) -> ParsedDocument:
    """Read, clean, structure and chunk one file. Raises IngestError (Vietnamese)."""
    name = name or path.name
    paragraphs = read_file(path, name, max_mb=max_mb)
    sha = file_sha256(path)
    st = structure_text(paragraphs)
    chunks = chunk(sha, st, params)
    for c in chunks:
        c.source = name
    if not chunks:
        raise IngestError(msg.NO_TEXT.format(name=name), name)
    return ParsedDocument(name, sha, path.suffix.lower().lstrip("."), st.text, chunks)


def collect_files(paths: list[Path]) -> list[Path]:
    """Expand folders (recursively, supported formats only, sorted); keep files as given."""
    out: list[Path] = []
    for p in paths:
        if p.is_dir():
            out.extend(sorted(f for f in p.rglob("*") if f.is_file() and f.suffix.lower() in SUPPORTED))
        else:
            out.append(p)
    return out
