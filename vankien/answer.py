"""Retrieved chunks -> an extractive, cited answer (no LLM needed).

The answer is the best sentence (or clause) of the retrieved passages, quoted
verbatim; its citation points at the exact span. Before an answer leaves this
module the figure guard checks that every number and document number in it
appears in a cited quote.
"""
from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field
from functools import lru_cache

from ingest.sentences import clause_spans
from vankien import messages as msg
from vankien.guard import unsupported_figures
from vankien.retrieve import Hit
from vankien.vietnamese import find_docnums, find_numbers, strip_accents, tokenize

# Question words carry no topic: "bao nhiêu", "là gì", "how many".
_QUESTION_WORDS = set(
    "la gi bao nhieu may nao ra sao khong chua the co duoc hay a nhi vay cho biet hoi toi xin "
    "cua cac nhung va voi ve trong tren tai theo den tu da dang se thi ma nay do hien nay tinh "
    "how many much what which when where who whose is are was were the a an of in to did does do for by on "
    "there it its as at be been has have had with from and or this that".split()
)
_WANTS_FIGURE = re.compile(
    r"\b(bao nhieu|may|ty le|so luong|tong so|so tien|kinh phi|phan tram|dat bao|how many|how much|what percentage|"
    r"percent|rate|number of|total|amount)\b"
)
_WANTS_DATE = re.compile(r"\b(ngay nao|ngay bao nhieu|khi nao|luc nao|thoi gian nao|when|what date|which date|dated)\b")


@dataclass
class Citation:
    source: str
    section: str
    page: int | None
    footnote: int | None
    char_start: int
    char_end: int
    quote: str


@dataclass
class Answer:
    question: str
    status: str  # answered | not_found | conflict
    answer: str
    citations: list[Citation] = field(default_factory=list)
    id: str | None = None
    guard: str | None = None  # set when an LLM answer was replaced by the extractive one

    def to_dict(self) -> dict:
        d = {"id": self.id, "question": self.question, "status": self.status, "answer": self.answer,
             "citations": [asdict(c) for c in self.citations]}
        if self.guard:
            d["guard"] = self.guard
        return d


@dataclass(frozen=True)
class AnswerParams:
    min_coverage: float = 0.55  # IDF-weighted share of question terms the passage must hold
    min_dense_only: float = 0.86  # dense similarity needed when the question shares no terms (English)
    conflict_ratio: float = 0.9  # a second figure must score this close to count as a conflict
    max_answer_chars: int = 600
    passages: int = 5


@dataclass
class _Unit:
    hit: Hit
    start: int  # offsets into the document's clean text
    end: int
    text: str
    score: float
    coverage: float


class Answerer:
    def __init__(self, index, params: AnswerParams = AnswerParams()):
        self.index = index
        self.params = params

    def answer(self, question: str, hits: list[Hit]) -> Answer:
        p = self.params
        q_terms = _content_terms(question)
        idf = self.index.lexical.term_idf(q_terms) if q_terms else {}
        known = {t: w for t, w in idf.items() if w > 0}
        folded_q = strip_accents(question).lower()
        wants_figure = bool(_WANTS_FIGURE.search(folded_q))
        wants_date = bool(_WANTS_DATE.search(folded_q))
        q_docnums = {d.key for d in find_docnums(question, typed=True)}

        units: list[_Unit] = []
        for rank, hit in enumerate(hits[: p.passages]):
            c = hit.chunk
            chunk_terms = _terms(c.index_text())
            if q_docnums and not q_docnums & chunk_terms:
                continue  # a question about 1218/QĐ-UBND is not answered from another document
            for s, e in clause_spans(c.text, max_chars=320):
                text = c.text[s:e]
                unit_terms = _terms(text)
                cov_unit = _coverage(known, unit_terms)
                cov_chunk = _coverage(known, chunk_terms)
                has_num = bool(find_numbers(text))
                score = hit.score + 0.8 * cov_unit + 0.4 * cov_chunk
                if wants_figure and has_num:
                    score += 0.3
                if wants_date and re.search(r"\d{1,2}/\d{1,2}/\d{4}", text):
                    score += 0.3
                if q_docnums & unit_terms:
                    score += 0.5
                score -= 0.02 * rank
                units.append(_Unit(hit, c.char_start + s, c.char_start + e, text, score, max(cov_unit, cov_chunk)))
        if not units:
            return self._not_found(question)
        units.sort(key=lambda u: -u.score)
        best = units[0]
        if not self._answerable(best, known, q_docnums):
            return self._not_found(question)

        rival = self._conflicting(best, units, wants_figure)
        if rival is not None:
            cites = [_cite(best), _cite(rival)]
            text = "\n".join(
                [msg.CONFLICT_INTRO.format(n=2)]
                + [msg.CONFLICT_ITEM.format(section=c.section or c.source, quote=c.quote) for c in cites]
            )
            return self._checked(Answer(question, "conflict", text, cites))
        units_for_answer = [best]
        # A very short clause ("Kết quả:") reads better with the next one.
        if len(best.text) < 60:
            nxt = [u for u in units if u.hit is best.hit and u.start >= best.end]
            if nxt:
                units_for_answer.append(min(nxt, key=lambda u: u.start))
        cites = [_cite(u) for u in units_for_answer]
        text = " ".join(c.quote for c in cites)[: p.max_answer_chars]
        return self._checked(Answer(question, "answered", text, cites))

    def _answerable(self, best: _Unit, known: dict[str, float], q_docnums: set[str]) -> bool:
        p = self.params
        if q_docnums:
            return True  # the unit was kept only if its chunk holds that number
        if known:
            # Years and figures in the question must be in the passage: "năm 2019" is not "năm 2025".
            chunk_terms = set(tokenize(best.hit.chunk.index_text()))
            for t in known:
                if re.fullmatch(r"(19|20)\d\d", t) and t not in chunk_terms:
                    return False
            if best.coverage >= p.min_coverage:
                return True
        return best.hit.dense >= p.min_dense_only and _mostly_foreign(known)

    def _conflicting(self, best: _Unit, units: list[_Unit], wants_figure: bool) -> _Unit | None:
        """Another passage, from another section, that scores as well and gives a different figure."""
        if not wants_figure:
            return None
        best_nums = {m.group(0) for m in find_numbers(best.text)}
        if not best_nums:
            return None
        for u in units[1:6]:
            if u.hit.chunk.section == best.hit.chunk.section or u.hit.chunk.id == best.hit.chunk.id:
                continue
            if u.score < self.params.conflict_ratio * best.score or u.coverage < best.coverage:
                continue
            nums = {m.group(0) for m in find_numbers(u.text)}
            if nums and not nums & best_nums and _same_measure(best.text, u.text):
                return u
        return None

    def _checked(self, ans: Answer) -> Answer:
        bad = unsupported_figures(ans.answer, ans.citations)
        if bad:  # never return a figure we cannot point at
            return self._not_found(ans.question)
        return ans

    def _not_found(self, question: str) -> Answer:
        return Answer(question, "not_found", msg.NOT_FOUND, [])


@lru_cache(maxsize=8192)
def _terms(text: str) -> frozenset[str]:
    """Search terms of a passage or clause. Cached (speed only): the same passages
    come back question after question, and tokenizing them was ~1/3 of answer()."""
    return frozenset(tokenize(text))


def _content_terms(question: str) -> list[str]:
    out = []
    for t in tokenize(question):
        base = t.split("_")
        if all(b in _QUESTION_WORDS for b in base):
            continue
        if strip_accents(t) != t:
            continue  # keep the accent-free form only: queries may lack diacritics
        out.append(t)
    return list(dict.fromkeys(out))


def _coverage(weights: dict[str, float], terms: set[str]) -> float:
    total = sum(weights.values())
    if total <= 0:
        return 0.0
    return sum(w for t, w in weights.items() if t in terms) / total


def _mostly_foreign(known: dict[str, float]) -> bool:
    return not known or all(math.isfinite(w) for w in known.values())


_MEASURE = re.compile(r"\d[\d.,]*%?\s+(\w+(?:\s\w+)?)")


def _same_measure(a: str, b: str) -> bool:
    """Both passages count the same kind of thing: a shared word right after a figure,
    or the same topic words around them (cheap and conservative)."""
    ma = {strip_accents(m.group(1)).lower() for m in _MEASURE.finditer(a)}
    mb = {strip_accents(m.group(1)).lower() for m in _MEASURE.finditer(b)}
    if ma & mb:
        return True
    ta = {t for t in tokenize(a) if "_" in t}
    tb = {t for t in tokenize(b) if "_" in t}
    return len(ta & tb) >= 3


def _cite(u: _Unit) -> Citation:
    c = u.hit.chunk
    return Citation(c.source, c.section, c.page, c.footnote, u.start, u.end, u.text)
