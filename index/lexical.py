"""BM25 over Vietnamese search terms (bm25s), cached on disk per catalog generation.

bm25s is given our own terms (``vankien.vietnamese.tokenize``): document numbers
as single terms, figures raw and canonical, tone-folded and accent-free
syllables, syllable bigrams. No stemming: English stemmers mangle Vietnamese.
"""
from __future__ import annotations

import json
import logging
import os
import threading
import shutil
from array import array
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

import numpy as np

from vankien.vietnamese import TOKENIZER_VERSION, tokenize

log = logging.getLogger(__name__)


def _bm25s():
    """bm25s, with its logger left to the application: it sets itself to DEBUG on import,
    which prints "Building index from tokens" on every catalog change."""
    import bm25s

    logging.getLogger("bm25s").setLevel(logging.NOTSET)
    return bm25s


class LexicalIndex:
    def __init__(self, bm25, ids: list[str]):
        self.bm25 = bm25
        self.ids = ids
        self.vocab = bm25.vocab_dict if bm25 is not None else {}

    @classmethod
    def build(cls, items: Iterable[tuple[str, str]]) -> "LexicalIndex":
        """``items`` are (chunk id, index text), read once.

        Terms become vocabulary ids one chunk at a time: handing bm25s the lists
        of term strings held every term as a Python string at once (about 6 GB at
        1,000 reports, 84 M terms); 4-byte ids need 0.3 GB. Same index either way.
        """
        vocab: dict[str, int] = {}
        ids: list[str] = []
        corpus: list[array] = []
        for cid, text in items:
            ids.append(cid)
            corpus.append(array("i", [vocab.setdefault(t, len(vocab)) for t in tokenize(text) or ["∅"]]))
        return cls._index(ids, corpus, vocab)

    @classmethod
    def build_from_documents(cls, shas: list[str], chunks_of: Callable[[str], list[tuple[str, str]]],
                             terms: "DocumentTerms") -> "LexicalIndex":
        """The index of documents ``shas`` (in this order), each tokenized once in its life:
        ``terms`` keeps every document's chunks as term ids, so a rebuild after adding one
        report to a thousand tokenizes that one (tokenizing was 80 of the 134 s of a rebuild at
        1,000 reports; bm25s cannot add documents to an index). ``chunks_of(sha)`` gives
        (chunk id, index text) of a document not yet kept."""
        vocab: dict[str, int] = {}
        ids: list[str] = []
        corpus: list[array] = []
        for sha in shas:
            doc = terms.get(sha) or terms.put(sha, chunks_of(sha))
            local = np.fromiter((vocab.setdefault(t, len(vocab)) for t in doc.vocab), dtype=np.int32, count=len(doc.vocab))
            flat = local[doc.tokens] if len(doc.tokens) else np.zeros(0, np.int32)
            ids += doc.ids
            corpus += [array("i", flat[a:b].tobytes()) for a, b in zip(doc.offsets[:-1], doc.offsets[1:])]
        terms.keep_only(set(shas))
        return cls._index(ids, corpus, vocab)

    @classmethod
    def _index(cls, ids: list[str], corpus: list[array], vocab: dict[str, int]) -> "LexicalIndex":
        if not ids:  # every document removed: bm25s cannot index an empty corpus
            return cls(None, [])
        bm25 = _bm25s().BM25(k1=1.2, b=0.75)
        bm25.index((corpus, vocab), show_progress=False)
        return cls(bm25, ids)

    @classmethod
    def load_or_build(cls, folder: Path, generation: int, build: Callable[[], "LexicalIndex"]) -> "LexicalIndex":
        """Load the index saved for ``generation``, or ``build()`` it and save it."""
        bm25s = _bm25s()

        target = folder / f"gen-{generation}-t{TOKENIZER_VERSION}"
        if (target / "ids.json").exists():
            try:
                bm25 = bm25s.BM25.load(str(target), mmap=True, show_progress=False)
                ids = json.loads((target / "ids.json").read_text(encoding="utf-8"))
                return cls(bm25, ids)
            except (OSError, ValueError) as e:
                log.warning("BM25 cache %s unreadable (%s); rebuilding", target, e)
        index = build()
        if index.bm25 is None:
            return index
        # unique per process and thread: two processes may build the same generation at once
        tmp = folder / f".tmp-{generation}-{os.getpid()}-{threading.get_ident()}"
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True, exist_ok=True)
        index.bm25.save(str(tmp), show_progress=False)
        (tmp / "ids.json").write_text(json.dumps(index.ids), encoding="utf-8")
        shutil.rmtree(target, ignore_errors=True)
        try:
            tmp.rename(target)  # atomic: a reader sees a whole index or none
        except OSError:  # another process renamed its identical build first
            shutil.rmtree(tmp, ignore_errors=True)
        for old in folder.glob("gen-*"):
            if old != target:
                shutil.rmtree(old, ignore_errors=True)
        return index

    def search(self, query: str, top_k: int) -> list[tuple[str, float]]:
        terms = [t for t in tokenize(query) if t in self.vocab]
        if not terms or not self.ids:
            return []
        k = min(top_k, len(self.ids))
        docs, scores = self.bm25.retrieve([terms], k=k, show_progress=False, n_threads=1)
        return [(self.ids[int(i)], float(s)) for i, s in zip(docs[0], scores[0]) if s > 0]

    def term_idf(self, terms: list[str]) -> dict[str, float]:
        """IDF of each term (0 for unknown terms): used to weight question coverage."""
        n = max(len(self.ids), 1)
        out = {}
        for t in terms:
            tid = self.vocab.get(t)
            if tid is None:
                out[t] = 0.0
                continue
            df = self._df()[tid]
            out[t] = float(np.log(1 + (n - df + 0.5) / (df + 0.5)))
        return out

    def rarest_idf(self) -> float:
        """The IDF of a term found in one passage: the weight of a word the corpus never uses."""
        n = max(len(self.ids), 1)
        return float(np.log(1 + (n - 1 + 0.5) / (1 + 0.5)))

    def _df(self) -> np.ndarray:
        if not hasattr(self, "_df_cache"):
            indptr = np.asarray(self.bm25.scores["indptr"])
            self._df_cache = np.diff(indptr)
        return self._df_cache


class _Terms(NamedTuple):
    ids: list[str]  # chunk ids
    vocab: list[str]  # the document's distinct terms
    offsets: np.ndarray  # chunk i's terms are tokens[offsets[i]:offsets[i + 1]]
    tokens: np.ndarray  # indexes into vocab


class DocumentTerms:
    """Each document's chunks as term ids, one compressed file per document (sha256), in a
    folder named for the tokenizer version: a new tokenizer starts an empty folder. About
    80 KB per report of 271 chunks."""

    def __init__(self, folder: Path):
        self.folder = folder / f"terms-t{TOKENIZER_VERSION}"
        for old in folder.glob("terms-t*"):
            if old != self.folder:
                shutil.rmtree(old, ignore_errors=True)

    def get(self, sha: str) -> _Terms | None:
        path = self.folder / f"{sha}.npz"
        if not path.exists():
            return None
        try:
            with np.load(path) as z:
                return _Terms(_split(z["ids"]), _split(z["vocab"]), z["offsets"], z["tokens"])
        except (OSError, ValueError, KeyError) as e:  # a torn or foreign file: tokenize again
            log.warning("terms of %s unreadable (%s); tokenizing again", sha[:12], e)
            return None

    def put(self, sha: str, chunks: list[tuple[str, str]]) -> _Terms:
        local: dict[str, int] = {}
        offsets, tokens = [0], array("i")
        for _, text in chunks:
            tokens.extend(local.setdefault(t, len(local)) for t in tokenize(text) or ["∅"])
            offsets.append(len(tokens))
        doc = _Terms([cid for cid, _ in chunks], list(local), np.array(offsets, dtype=np.int64),
                     np.array(tokens, dtype=np.uint16 if len(local) <= 2**16 else np.int32))
        self.folder.mkdir(parents=True, exist_ok=True)
        tmp = self.folder / f".{sha}-{os.getpid()}-{threading.get_ident()}.npz"
        np.savez_compressed(tmp, ids=_joined(doc.ids), vocab=_joined(doc.vocab), offsets=doc.offsets, tokens=doc.tokens)
        tmp.replace(self.folder / f"{sha}.npz")  # atomic: a reader sees a whole file or none
        return doc

    def keep_only(self, shas: set[str]) -> None:
        """Forget removed documents."""
        for path in self.folder.glob("*.npz"):
            if path.stem not in shas and not path.name.startswith("."):
                path.unlink(missing_ok=True)


# One string per list ("\x1f" never occurs in a term or a chunk id): numpy stores it as is,
# where an array of strings would pad every term to the longest.
def _joined(items: list[str]) -> np.ndarray:
    return np.array("\x1f".join(items))


def _split(a: np.ndarray) -> list[str]:
    s = str(a)
    return s.split("\x1f") if s else []
