"""Blocks -> retrieval-sized chunks that keep exact offsets into the clean text."""
from __future__ import annotations

from dataclasses import dataclass, field

from ingest.sentences import clause_spans, pack_spans
from ingest.structure import Block, StructuredText
from vankien.settings import ChunkingParams


@dataclass
class Chunk:
    id: str
    text: str
    char_start: int
    char_end: int
    kind: str
    section: str
    context: str
    page: int | None = None
    footnote: int | None = None
    footnote_refs: list[int] = field(default_factory=list)
    cited_by: str | None = None  # for a footnote: the chunk id of the citing paragraph
    source: str = ""  # the document's display name

    def index_text(self) -> str:
        """What the retrievers see: the section titles give a short list item
        ("+ 82,56% hồ sơ TTHC…") the topic it belongs to."""
        label = f"Chú thích {self.footnote}. " if self.footnote else ""
        return f"{self.context}\n{label}{self.text}" if self.context else f"{label}{self.text}"

    def embed_text(self) -> str:
        """What the embedder sees: only the nearest heading, since e5 cost grows with
        length (a full section path made cold ingest ~2x slower for no eval gain)."""
        head = self.context.rsplit(" > ", 1)[-1] if self.context else ""
        label = f"Chú thích {self.footnote}. " if self.footnote else ""
        return f"{head}\n{label}{self.text}" if head else f"{label}{self.text}"


def chunk_id(doc_id: str, n: int) -> str:
    """The id of a document's ``n``-th chunk: ids are numbered in reading order."""
    return f"{doc_id[:16]}-{n:05d}"


def previous_chunk_id(cid: str) -> str | None:
    """The id of the chunk read just before ``cid`` in its document (None for the first).

    >>> previous_chunk_id(chunk_id("d824d355775ab8fa99", 12)), previous_chunk_id(chunk_id("d824d355775ab8fa", 0))
    ('d824d355775ab8fa-00011', None)
    """
    doc, _, n = cid.rpartition("-")
    return chunk_id(doc, int(n) - 1) if n.isdigit() and int(n) > 0 else None


def chunk(doc_id: str, st: StructuredText, params: ChunkingParams) -> list[Chunk]:
    """Each paragraph, footnote and appendix entry becomes one chunk, or several
    sentence-aligned windows of at most ``params.max_chars`` when it is long.
    Headings are not chunks: they live on as the section path."""
    chunks: list[Chunk] = []
    # paragraph start offset -> chunk ids, to link footnotes to their citing chunk
    cites: dict[int, str] = {}
    for block in st.blocks:
        if block.kind == "heading":
            continue
        if block.kind == "appendix" or len(block.text) <= params.max_chars:
            spans = [(block.start, block.end)]
        else:
            spans = pack_spans(clause_spans(st.text, block.start, block.end, params.max_chars), params.max_chars)
        for s, e in spans:
            c = Chunk(
                id=chunk_id(doc_id, len(chunks)),
                text=st.text[s:e],
                char_start=s,
                char_end=e,
                kind=block.kind,
                section=block.section,
                context=block.context,
                page=block.page,
                footnote=block.footnote,
                footnote_refs=list(block.footnote_refs),
            )
            chunks.append(c)
            for n in block.footnote_refs:
                cites.setdefault(n, c.id)
        if block.kind == "footnote":
            for c in chunks:
                if c.footnote == block.footnote and c.cited_by is None:
                    c.cited_by = cites.get(block.footnote)
    return chunks
