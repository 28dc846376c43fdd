"""Hybrid retrieval: BM25 over Vietnamese terms + dense (Chroma, e5), fused.

Fusion is relative-score (alpha) by default: each list's scores are min-max
scaled to 0..1, then ``alpha * dense + (1 - alpha) * lexical``. RRF is kept as
an option because the eval compares both (eval/RESULTS.md).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ingest import Chunk
from index.store import Index
from vankien.question import Asked
from vankien.vietnamese import (ABBREVIATIONS, acronyms, has_diacritics, one_form, spelled_terms, spells_out, strip_accents, term_set,
                                tokenize)


@dataclass
class Hit:
    chunk: Chunk
    score: float
    dense: float = 0.0
    lexical: float = 0.0
    coverage: float = 0.0  # share of the question's term weight in the passage (0 when not computed)


# "{mục tiêu|chỉ tiêu}": a phrase the question may mean either way (an English word the
# report writes two ways, vankien.crosslingual); a passage needs only one of them.
_ALTERNATIVES = re.compile(r"\{([^{}]*)\}")


def without_alternatives(question: str) -> str:
    """``question`` without its groups of alternatives (each read as a phrase break): what
    the user named, not the glossary's words for it.

    >>> without_alternatives("{băng rộng di động|Internet di động} | Viettel")
    ' |  | Viettel'
    """
    return _ALTERNATIVES.sub(" | ", question)


@dataclass(frozen=True)
class Wanted:
    """What a question asks a passage to hold: the weight of each of its terms, the terms
    of framing phrases that count only where a passage has them ("trên tổng số hồ sơ"),
    and groups of alternative phrasings, of which only the one the passage covers best
    counts (so a question with "{mục tiêu|chỉ tiêu}" is no harder to cover than one with
    either word).

    >>> w = Wanted.of("{mục tiêu|chỉ tiêu} | tăng", {"muc": 1.0, "tieu": 1.0, "muc_tieu": 2.0, "chi": 1.0, "chi_tieu": 2.0, "tang": 2.0})
    >>> [round(w.coverage(t), 2) for t in ({"chi", "tieu", "chi_tieu", "tang"}, {"muc", "tieu", "muc_tieu"}, {"tang"})]
    [1.0, 0.67, 0.33]
    """

    weights: dict[str, float]
    optional: frozenset[str] = frozenset()
    groups: tuple[tuple[frozenset[str], ...], ...] = ()
    fixed: frozenset[str] = frozenset()  # terms outside every group: never dropped

    @classmethod
    def of(cls, question: str, weights: dict[str, float], optional: frozenset[str] = frozenset()) -> "Wanted":
        groups = tuple(tuple(frozenset(tokenize(a)) for a in m.group(1).split("|"))
                       for m in _ALTERNATIVES.finditer(question))
        fixed = frozenset(tokenize(without_alternatives(question))) if groups else frozenset()
        return cls(weights, frozenset(optional), groups, fixed)

    def coverage(self, terms: set[str] | frozenset[str]) -> float:
        w = self.weights
        drop: set[str] = set()
        for alts in self.groups:
            best = max(alts, key=lambda a: self._share(a, terms))  # (ties: the first, the glossary's usual word)
            drop |= frozenset().union(*alts) - best - self.fixed
        total = sum(v for t, v in w.items() if t not in drop and (t not in self.optional or t in terms))
        if total <= 0:
            return 0.0
        return sum(v for t, v in w.items() if t in terms and t not in drop) / total

    def _share(self, alternative: frozenset[str], terms: set[str] | frozenset[str]) -> float:
        total = sum(self.weights.get(t, 0.0) for t in alternative)
        return sum(self.weights.get(t, 0.0) for t in alternative if t in terms) / total if total else 0.0


@dataclass(frozen=True)
class RetrievalParams:
    alpha: float = 0.5  # weight of the dense side in relative-score fusion (equal weights; eval/RESULTS.md)
    fusion: str = "relative"  # relative | rrf
    candidates: int = 30  # per retriever, before fusion
    top_k: int = 8
    rrf_k: int = 60
    coverage_weight: float = 1.0  # rerank: + weight * IDF-weighted share of question terms in the passage
    # ... and + this when the passage holds the kind of answer asked for (a figure of the
    # counted unit, a date after the named document number: vankien.question.Asked.held_by).
    # Measured 0.3 / 0.4 / 0.5 / 0.7 / 1.0 on every eval set (2026-11-26): hit@1 rose up to 0.7
    # and stayed flat to 1.0, no answer changed; 0.7 is the start of that plateau.
    answer_type_weight: float = 0.7
    rerank_depth: int = 20
    # Lexical fast path: when BM25 + coverage already single out one passage (it holds at
    # least this share of the question's term weight, and this much more than the next two),
    # the dense side is skipped. The query embedding is ~3/4 of a question's time, and on
    # the eval set the dense side never changed the top passage in such cases (RESULTS.md).
    decisive_coverage: float = 0.5  # 0 turns the fast path off
    decisive_margin: float = 0.15


class HybridRetriever:
    def __init__(self, index: Index, params: RetrievalParams = RetrievalParams()):
        self.index = index
        self.params = params

    def retrieve(self, question: str, top_k: int | None = None) -> list[Hit]:
        p = self.params
        k = top_k or p.top_k
        lexical = self.index.lexical.search(question, p.candidates)
        terms = list(dict.fromkeys(tokenize(question)))
        idf = self.index.lexical.term_idf(terms)
        foreign = is_foreign(question, idf)
        # (an English question shares no terms with the passages: no coverage rerank)
        weights = self._term_weights(question, terms, idf) if p.coverage_weight and not foreign else {}
        wanted = Wanted.of(question, weights)
        acr = dict(acronyms(question))
        asked = Asked.read(question, foreign)
        facts: dict[str, tuple[float, bool]] = {}  # per passage, shared by the fast path and the full ranking
        # Two best lexical passages with the same score hold the same question terms (the same
        # sentence in sibling reports): coverage cannot single one out, so the fast path's
        # rerank would be wasted (20 ms a question among 1,000 reports).
        tied = len(lexical) > 1 and lexical[1][1] >= lexical[0][1] * (1 - 1e-6)
        if weights and p.decisive_coverage and not tied:
            hits = self._ranked([], lexical, wanted, acr, asked, facts, k, question)
            if _decisive(hits, p):
                return hits[:k]
        dense = self.index.vectors.query(self.index.query_embedding(question), p.candidates)
        return self._ranked(dense, lexical, wanted, acr, asked, facts, k, question)[:k]

    def _ranked(self, dense, lexical, wanted: Wanted, acr: dict, asked: Asked,
                facts: dict[str, tuple[float, bool]], k: int, question: str = "") -> list[Hit]:
        """Fuse, then rerank the top ``rerank_depth`` by the share of the question's term
        weight each passage holds (``Hit.coverage``) and whether it holds the kind of
        answer asked for: of two passages on "doanh thu bưu chính", the one with the figure
        in tỷ answers "bao nhiêu tỷ"."""
        p = self.params
        fused = fuse(dense, lexical, p)
        depth = max(k * 2, p.rerank_depth if p.coverage_weight else 0)
        ids = [cid for cid, _ in fused[:depth]]
        chunks = self.index.catalog.chunks(ids)  # drops vectors of documents not in the catalog
        d, lx = dict(dense), dict(lexical)
        hits = [Hit(chunks[cid], s, d.get(cid, 0.0), lx.get(cid, 0.0)) for cid, s in fused[:depth] if cid in chunks]
        if wanted.weights and hits:
            for h in hits:
                if h.chunk.id not in facts:
                    terms = passage_terms(h.chunk.index_text(), acr, question)
                    facts[h.chunk.id] = (wanted.coverage(terms),
                                         bool(p.answer_type_weight) and asked.held_by(h.chunk.text))
                h.coverage, fits = facts[h.chunk.id]
                h.score += p.coverage_weight * h.coverage + (p.answer_type_weight if fits else 0.0)
            hits.sort(key=lambda h: -h.score)
        return hits

    @staticmethod
    def _term_weights(question: str, terms: list[str], idf: dict[str, float]) -> dict[str, float]:
        """IDF of the question's accent-free terms (unigrams, bigrams, figures, document numbers), not
        the bigrams joining an acronym to the word beside it."""
        junctions = acronym_junctions(question)
        return {t: idf[t] for t in one_form(question, [t for t in terms if strip_accents(t) == t and t not in junctions])
                if idf.get(t, 0) > 0}


def acronym_junctions(question: str) -> set[str]:
    """The bigrams of ``question`` that join a syllable of an acronym to a word beside it: "hồ sơ TTHC"
    is no word "so_tthc", "KH&CN nhiệm kỳ" none "cn_nhiem" (each rarer in the documents than any word,
    they weighed most in the question: terms inside the acronym, "kh_cn", stay).

    >>> sorted(acronym_junctions("Tỷ lệ hồ sơ TTHC của KH&CN nhiệm kỳ này"))
    ['cn_nhiem', 'cua_kh', 'so_tthc', 'tthc_cua']
    """
    caps = {strip_accents(p).lower() for w in re.findall(r"[\w&]+", question) if len(w) > 1 and w.isupper()
            for p in re.findall(r"\w+", w)}
    return {t for t in tokenize(question) if len(b := t.split("_")) == 2 and (b[0] in caps) != (b[1] in caps)}


def passage_terms(text: str, acr: dict[str, tuple[str, ...]], question: str = "") -> frozenset[str]:
    """The passage's terms, plus the question's acronyms it spells out (SHTT in a
    passage about "Sở hữu trí tuệ"), and the words of ``question`` that spell out an
    acronym of the passage (a question about "Giải thưởng Chất lượng quốc gia", a
    passage writing GTCLQG)."""
    terms = term_set(text)
    extra = {t for t, units in acr.items() if t not in terms and spells_out(units, text)}
    if question:
        for t, units in _long_acronyms(text):
            if t not in acr:
                extra |= spelled_terms(units, question)
    return terms | extra if extra else terms


@lru_cache(maxsize=8192)
def _long_acronyms(text: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """A passage's acronyms of three letters or more (two spell out too much by chance) that
    the tokenizer does not already expand (TTHC, SHTT: vietnamese.ABBREVIATIONS)."""
    return tuple((t, units) for t, units in acronyms(text) if len(units) > 2 and t not in ABBREVIATIONS)


def _decisive(hits: list[Hit], p: RetrievalParams) -> bool:
    """The best lexical passage covers the question well and clearly better than the
    next two: the dense side could only reorder what comes after it."""
    if not hits or hits[0].coverage < p.decisive_coverage:
        return False
    rest = max((h.coverage for h in hits[1:3]), default=0.0)
    return hits[0].coverage - rest >= p.decisive_margin


def fuse(dense: list[tuple[str, float]], lexical: list[tuple[str, float]], p: RetrievalParams) -> list[tuple[str, float]]:
    """Fuse two ranked lists of (id, score).

    >>> fuse([("a", 0.9), ("b", 0.8), ("d", 0.7)], [("b", 10.0), ("c", 5.0), ("e", 0.0)], RetrievalParams(alpha=0.5))[:3]  # doctest: +ELLIPSIS
    [('b', 0.75...), ('a', 0.5), ('c', 0.25)]
    """
    scores: dict[str, float] = {}
    if p.fusion == "rrf":
        for ranked in (dense, lexical):
            for rank, (cid, _) in enumerate(ranked):
                scores[cid] = scores.get(cid, 0.0) + 1.0 / (p.rrf_k + rank + 1)
    else:
        for ranked, w in ((dense, p.alpha), (lexical, 1 - p.alpha)):
            if not ranked:
                continue
            # min-max: e5 cosine scores all sit in 0.75-0.9, so dividing by the
            # best alone would flatten the dense side
            hi, lo = max(s for _, s in ranked), min(s for _, s in ranked)
            span = (hi - lo) or 1.0
            for cid, s in ranked:
                scores[cid] = scores.get(cid, 0.0) + w * ((s - lo) / span if hi > lo else 1.0)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def is_foreign(question: str, idf: dict[str, float]) -> bool:
    """A question in another language (English): most of its words unknown to the corpus
    and few written with Vietnamese diacritics. Names are left out of both counts: "Phú
    Thọ", "BTS", "Viettel" say nothing about the language the question is asked in.
    ``idf``: of the question's tokens (accent-free, lower case; 0 for unknown ones).

    >>> is_foreign("How many BTS stations in Phú Thọ?", {"many": 0.0, "stations": 0.0, "in": 5.2})
    True
    >>> is_foreign("Tinh co bao nhieu thue bao Mobile Money?", {"co": 1.0, "bao": 2.0, "nhieu": 1.0, "thue": 3.0})
    False
    >>> is_foreign("Tỉnh có bao nhiêu camera AI, IoT, Big Data?", {"co": 1.0, "bao": 2.0, "nhieu": 1.0})
    False
    >>> is_foreign("Who is the Secretary of the Party Committee?", {"the": 0.7})
    True
    """
    written = re.findall(r"[^\W\d_]+", re.sub(r"['\u2019]s\b", "", question))
    lower = [w for w in written if w.islower()]
    if lower and sum(1 for w in lower if has_diacritics(w)) > 0.3 * len(lower):
        return False  # a Vietnamese question, whatever its unknown words

    def known(w: str) -> bool:
        return idf.get(strip_accents(w).lower(), 0.0) > 0

    # a name: capitalised and written with diacritics, in capitals, or a word of the documents
    # (English capitalises its nouns too: "Party", "Committee" still count)
    words = [w for w in written if w.islower() or not (has_diacritics(w) or not w[1:].islower() or known(w))]
    return bool(words) and sum(1 for w in words if not known(w)) / len(words) > 0.5
