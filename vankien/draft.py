"""Topic -> the skeleton of next term's plan, built from last term's report, every figure cited.

Staff write a plan (kế hoạch, phương hướng) from the last report's results. Given a
topic ("chuyển đổi số"), this module takes the report's own sentences about it and
sorts them into the sections such a plan has::

    Căn cứ xây dựng kế hoạch         documents about the topic, with number and date
    I.   Kết quả đạt được …           report part 1, results (sentences with figures first)
    II.  Tồn tại, hạn chế             report part 1, "tồn tại, hạn chế"
    III. Mục tiêu, chỉ tiêu …         report part 2, "chỉ tiêu" and quantified aims
    IV.  Nhiệm vụ, giải pháp          report part 2, "nhiệm vụ và giải pháp"

Where a sentence goes is read from its heading path, by the words Vietnamese reports
use for these parts ("kết quả", "tồn tại, hạn chế", "chỉ tiêu", "giải pháp"), not by
one report's numbering. Whether a sentence is about the topic is one measurable rule:
the IDF-weighted share of the topic's terms held by the sentence and its own headings
(:attr:`DraftParams.min_coverage`). A topic with fewer than ``min_passages`` such
sentences is refused with a message, never answered with a boilerplate skeleton.

Every paragraph is one sentence of the corpus (bullets and a trailing ';' tidied) and
cites it; the figure guard checks each paragraph against its own quotes (not headings)
and drops one that fails. An optional LLM may rephrase a paragraph; the same check
decides, and a rewrite that fails it falls back to the extractive sentence.

>>> topic_terms("Khoa học và công nghệ")
['khoa', 'học', 'công', 'nghệ', 'khoa_hoc', 'cong_nghe']
>>> plan_part("Phần thứ hai PHƯƠNG HƯỚNG, CHỈ TIÊU NHIỆM KỲ 2025-2030 > II. CHỈ TIÊU CHỦ YẾU > 1. Chỉ tiêu về X")
('targets', ('2025', '2030'))
"""
from __future__ import annotations

import logging
import math
import re
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from types import SimpleNamespace

from ingest.sentences import clause_spans
from vankien import messages as msg
from vankien.answer import Citation
from vankien.errors import VankienError
from vankien.guard import unsupported_figures
from vankien.vietnamese import (DATE_RE, DOC_TYPE_NAMES, PERIOD_RE, blank_docnums, find_docnums, find_numbers, fold_tones, nfc, strip_accents,
                                tokenize)

log = logging.getLogger(__name__)

SECTIONS = ("basis", "results", "limitations", "targets", "tasks")


@dataclass(frozen=True)
class DraftParams:
    min_coverage: float = 0.6  # share of the topic's IDF weight a sentence (+ its headings) must hold
    min_passages: int = 2  # fewer relevant sentences in the corpus: the topic is refused
    max_paragraphs: int = 12  # per section, to keep a draft readable
    unit_chars: int = 400  # sentences longer than this are cut at ';' ':' ','
    merge_chars: int = 500  # pieces cut at a comma are joined again up to this length
    min_unit_chars: int = 40  # shorter pieces ("Kết quả:") are not paragraphs
    min_specificity: float = 0.5  # share of a heading's words that must be the topic's for it to lend its topic
    retrieve_k: int = 40
    max_topic_chars: int = 200


# --- Topic terms and coverage ----------------------------------------------------

# Administrative abbreviations, expanded for matching only (the text shown is never changed):
# the report writes "Quỹ phát triển KH&CN", a user types "khoa học và công nghệ".
_ABBREVIATIONS = {
    "KH&CN": "khoa học và công nghệ", "KHCN": "khoa học và công nghệ", "KH,CN": "khoa học, công nghệ",
    "ĐMST": "đổi mới sáng tạo", "CĐS": "chuyển đổi số", "SHTT": "sở hữu trí tuệ",
    "TCĐLCL": "tiêu chuẩn đo lường chất lượng", "ATBX": "an toàn bức xạ", "CNTT": "công nghệ thông tin",
    "TTHC": "thủ tục hành chính", "CSDL": "cơ sở dữ liệu", "DVC": "dịch vụ công",
    "BCVT": "bưu chính viễn thông", "GTCLQG": "giải thưởng chất lượng quốc gia",
    "CCVC": "công chức viên chức", "TTĐT": "thông tin điện tử", "KT-XH": "kinh tế - xã hội",
}
_ABBR_RE = re.compile(r"(?<!\w)(" + "|".join(re.escape(a) for a in sorted(_ABBREVIATIONS, key=len, reverse=True)) + r")(?!\w)")
_STOP = {"và", "của", "các", "những", "trong", "trên", "ở", "về", "cho", "với", "tại", "theo", "là", "thì",
         "mà", "đến", "từ", "hoặc", "cùng", "được", "việc", "một", "này", "đó"}
_STOP_FLAT = {strip_accents(w) for w in _STOP}
_WORD = re.compile(r"\w+")


def _expand(text: str, keep: bool = True) -> str:
    """``Quỹ KH&CN`` -> ``Quỹ KH&CN khoa học và công nghệ`` (``keep=False``: the expansion alone)."""
    return _ABBR_RE.sub(lambda m: (m.group(1) + " " if keep else "") + _ABBREVIATIONS[m.group(1)], nfc(text))


def topic_terms(topic: str) -> list[str]:
    """Content syllables of a topic (tone-folded, accented when typed so, since
    "đảng" is not "đang") and the accent-free bigrams of adjacent content words."""
    words = _WORD.findall(_expand(topic, keep=False).lower())
    typed_accents = strip_accents(topic) != nfc(topic)
    terms: list[str] = []
    bigrams: list[str] = []
    prev = None
    for w in words:
        flat = strip_accents(w)
        stop = w in _STOP if typed_accents else flat in _STOP_FLAT
        if stop or w.isdigit():
            prev = None
            continue
        terms.append(fold_tones(w) if flat != w else w)
        if prev is not None:
            bigrams.append(prev + "_" + flat)
        prev = flat
    return list(dict.fromkeys(terms + bigrams))


class _Coverage:
    """IDF-weighted share of the topic's terms found in a set of terms.

    A term the corpus never uses weighs as much as the rarest one: "sao Hỏa" is not
    covered by a report that happens to say "hóa" a hundred times."""

    def __init__(self, lexical, topic: str, min_specificity: float = 0.5):
        self.terms = topic_terms(topic)
        self.syllables = {strip_accents(t) for t in self.terms if "_" not in t}
        self.min_specificity = min_specificity
        idf = lexical.term_idf(self.terms) if self.terms else {}
        n = max(len(lexical.ids), 1)
        top = math.log(1 + (n + 0.5) / 0.5)
        self.weights = {t: (w if w > 0 else top) for t, w in idf.items()}
        self.total = sum(self.weights.values())
        self._headings: dict[str, set[str]] = {}

    def __call__(self, terms: set[str]) -> float:
        if self.total <= 0:
            return 0.0
        return sum(w for t, w in self.weights.items() if t in terms) / self.total

    def heading_terms(self, section: str) -> set[str]:
        """Terms of the headings that make a passage about the topic even when its sentence
        does not name it: a heading *on* the topic ("1.8. Công tác Bưu chính, Viễn thông",
        "d) Về chuyển đổi số"), where the topic's syllables are most of its words. A heading
        that lists several subjects ("b) Công tác quản lý công nghệ, sở hữu trí tuệ và an
        toàn bức xạ"), "Phần thứ nhất" and structural titles ("I. KẾT QUẢ …") lend nothing."""
        got = self._headings.get(section)
        if got is None:
            got = set()
            for h in section.split(" > "):
                if _LEVEL0.match(h) or _STRUCTURAL.search(_flat(h)):
                    continue
                if _specificity(h, self.syllables) >= self.min_specificity:
                    got |= _terms(h)
            self._headings[section] = got
        return got


# Words every heading has ("Hoạt động …", "Công tác …", "Về …"): not counted in specificity.
_GENERIC_HEADING = re.compile(r"\b(hoat dong|cong tac|ve|nhiem vu|ket qua)\b")


def _specificity(heading: str, syllables: set[str]) -> float:
    """Share of a heading's content syllables that are the topic's.

    >>> round(_specificity("1.8. Công tác Bưu chính, Viễn thông", {"buu", "chinh", "vien", "thong"}), 2)
    1.0
    >>> round(_specificity("b) Công tác quản lý công nghệ, sở hữu trí tuệ và an toàn bức xạ", {"so", "huu", "tri", "tue"}), 2)
    0.33
    """
    flat = _GENERIC_HEADING.sub(" ", _flat(_expand(heading, keep=False)))
    words = [w for w in _WORD.findall(flat) if not w.isdigit() and len(w) > 1 and w not in _STOP_FLAT]
    return sum(w in syllables for w in words) / len(words) if words else 0.0


def _terms(text: str) -> set[str]:
    return set(tokenize(_expand(text)))


def _flat(text: str) -> str:
    return strip_accents(text).lower()


# --- Where a passage goes: the report's heading path ----------------------------------

_LEVEL0 = re.compile(r"(phần|phan)\s+(thứ|thu)?\s*\w+|ph[ụu]\s+(bi[ểềe]u|l[ụu]c)", re.IGNORECASE)
_FUTURE = re.compile(r"phuong huong|muc tieu|giai phap|nhiem ky toi|giai doan toi")
_PAST = re.compile(r"ket qua|danh gia|tinh hinh thuc hien|ton tai|han che")
_LIMITS = re.compile(r"ton tai|han che|khuyet diem|yeu kem|vuong mac|kho khan|nguyen nhan")
_LESSONS = re.compile(r"bai hoc")
_TASKS = re.compile(r"giai phap|nhiem vu trong tam|nhiem vu chu yeu")
_TARGETS = re.compile(r"chi tieu|muc tieu|phuong huong")
_STRUCTURAL = re.compile(_PAST.pattern + "|" + _FUTURE.pattern + "|chi tieu|bai hoc|nguyen nhan")
# A sentence of the plan part that sets a quantified aim is a target wherever it stands.
_AIM = re.compile(r"phan dau|\bdat\b|tro len|toi thieu|it nhat|\btren \d")


def plan_part(context: str) -> tuple[str | None, tuple[str, str] | None]:
    """(results | limitations | targets | tasks | None, the period its headings name).

    The shallowest heading that speaks of the past ("kết quả", "đánh giá") or the
    future ("phương hướng", "giải pháp") decides the part; deeper headings refine it."""
    elems = [_flat(e) for e in context.split(" > ") if e.strip()]
    period = None
    for e in elems:
        m = PERIOD_RE.search(e)
        if m:
            period = (m.group(1), m.group(2))
            break
    for i, e in enumerate(elems):
        if _FUTURE.search(e):
            for d in elems[i + 1:]:
                if _TASKS.search(d) or "nhiem vu va" in d:
                    return "tasks", period
                if _TARGETS.search(d):
                    return "targets", period
            return "tasks", period
        if _PAST.search(e):
            if any(_LESSONS.search(d) for d in elems[i:]):
                return None, period
            if any(_LIMITS.search(d) for d in elems[i:]):
                return "limitations", period
            return "results", period
    return None, period


# --- Sentences about the topic -------------------------------------------------------


@dataclass
class _Unit:
    chunk: object
    start: int  # offsets into the document's clean text
    end: int
    text: str  # verbatim
    own: float  # coverage by the sentence alone
    coverage: float  # by the sentence and its own headings
    part: str | None
    period: tuple[str, str] | None
    order: tuple[int, int]

    @property
    def figures(self) -> list[str]:
        return figures(self.text)


_YEAR = re.compile(r"(?:19|20)\d\d")


def figures(text: str) -> list[str]:
    """Figures of a sentence as written, years and document numbers aside.

    >>> figures("Năm 2024 đạt 3.916 trạm (82,56%) theo Quyết định 1218/QĐ-UBND ngày 04/6/2025")
    ['3.916', '82,56%']
    """
    rest = DATE_RE.sub(" ", blank_docnums(text))
    rest = re.sub(r"(?<![\d/])\d{1,2}/(?:19|20)\d\d(?!\d)", " ", rest)  # "6/2025": a month
    return [m.group(0) for m in find_numbers(rest) if not _YEAR.fullmatch(m.group(0))]


def _units(docs: list[tuple[int, list]], cov: _Coverage, p: DraftParams) -> list[_Unit]:
    out = []
    for doc_no, chunks in docs:
        for c in chunks:
            heads = cov.heading_terms(c.section)
            part, period = plan_part(c.context or c.section)
            for s, e in _sentences(c.text, p):
                text = c.text[s:e]
                if len(text) < p.min_unit_chars:
                    continue
                terms = _terms(text)
                full = cov(terms | heads)
                if full < p.min_coverage:
                    continue
                out.append(_Unit(c, c.char_start + s, c.char_start + e, text, cov(terms), full, part, period,
                                 (doc_no, c.char_start + s)))
    return out


def _sentences(text: str, p: DraftParams) -> list[tuple[int, int]]:
    """Sentences, a long one cut into clauses; pieces that a comma cut apart are joined
    again up to ``merge_chars``, so a paragraph is never "cá nhân nhằm nâng cao nhận thức"."""
    out: list[tuple[int, int]] = []
    for s, e in clause_spans(text, max_chars=p.unit_chars):
        if out:
            ps, pe = out[-1]
            # a clause cut inside a parenthesis ("(bao gồm: (i) …; (ii) …)") is joined too
            open_paren = text.count("(", ps, pe) > text.count(")", ps, pe)
            if (text[pe - 1] == "," and e - ps <= p.merge_chars) or (open_paren and e - ps <= 2 * p.unit_chars):
                out[-1] = (ps, e)
                continue
        out.append((s, e))
    return out


_BULLET = re.compile(r"^\s*(?:[-+*•–]\s*|[a-zđ]\)\s+|\([ivx]+\)\s+)+")


def _tidy(text: str) -> str:
    """A sentence as a paragraph: no list bullet or "a)" label, capitalised, ending with a
    full stop. Characters are only removed or re-cased, so no figure can appear.

    >>> _tidy("- tổng số trạm BTS là 3.916 trạm;")
    'Tổng số trạm BTS là 3.916 trạm.'
    """
    t = _BULLET.sub("", text).strip()
    t = t.rstrip(" ;,:.")
    if t.endswith(")") and t.count(")") > t.count("("):  # the end of a parenthesis opened before
        t = t[:-1].rstrip(" ;,:.")
    if t and t[-1] not in "!?…":
        t += "."
    return t[:1].upper() + t[1:]


def _cite(u: _Unit) -> Citation:
    c = u.chunk
    return Citation(c.source, c.section, c.page, c.footnote, u.start, u.end, u.text)


def _guarded(text: str, cites: list[Citation]) -> bool:
    """Every figure of ``text`` is in the quotes themselves (headings do not count here)."""
    return not unsupported_figures(text, [SimpleNamespace(quote=c.quote, section="") for c in cites])


def _duplicate(u: _Unit, chosen: list[_Unit]) -> bool:
    """The same statement again: most of its words, or all its figures in a sentence on the same subject."""
    words = set(_WORD.findall(_flat(u.text)))
    figs = set(u.figures)
    for v in chosen:
        if v.chunk.source == u.chunk.source and v.start < u.end and u.start < v.end:
            return True
        other = set(_WORD.findall(_flat(v.text)))
        jac = len(words & other) / max(len(words | other), 1)
        if jac >= 0.6 or (figs and figs <= set(v.figures) and jac >= 0.25):
            return True
    return False


def _select(units: list[_Unit], key, p: DraftParams) -> list[_Unit]:
    chosen: list[_Unit] = []
    for u in sorted(units, key=key):
        if len(chosen) >= p.max_paragraphs:
            break
        if not _duplicate(u, chosen):
            chosen.append(u)
    return sorted(chosen, key=lambda u: u.order)  # in the report's order: it reads as the report argued


def _paragraphs(units: list[_Unit]) -> list[dict]:
    out = []
    for u in units:
        text, cite = _tidy(u.text), _cite(u)
        if not _guarded(text, [cite]):
            log.warning("draft: dropped a paragraph whose figures are not in its quote: %r", text[:80])
            continue
        out.append({"text": text, "citations": [asdict(cite)]})
    return out


# --- Legal basis: documents about the topic -------------------------------------------

_TYPE_WORD = re.compile(
    r"(Quyết định|Nghị quyết|Kế hoạch|Chương trình(?: hành động)?|Văn bản|Công văn|Báo cáo|Thông tư|Nghị định|"
    r"Chỉ thị|Kết luận|Quy định|Hướng dẫn|Thông báo|Quy chế|Đề án|Luật|Tờ trình)(?:\s+số)?\s*$",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(r"[ \t,]*(?:\(\s*)?(?:ngày\s*)?", re.IGNORECASE)


def _date_after(text: str, pos: int) -> str | None:
    """ISO date written right after a document number ("… 1218/QĐ-UBND ngày 04/6/2025")."""
    m = DATE_RE.match(text, _DATE_LEAD.match(text, pos).end())
    if not m:
        return None
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
    return f"{int(y):04d}-{int(mo):02d}-{int(d):02d}" if 1 <= int(d) <= 31 and 1 <= int(mo) <= 12 else None


def _registry_entries(assistant) -> list[dict] | None:
    """The document-number registry's entries when :mod:`vankien.docnums` is installed."""
    try:
        from vankien.docnums import registry_for
    except ModuleNotFoundError as e:
        if e.name != "vankien.docnums":
            raise
        return None
    return registry_for(assistant).entries()


def _mentions_from_chunks(docs: list[tuple[int, list]], p: DraftParams) -> list[dict]:
    """Registry-shaped entries read straight from the chunks (paragraphs, footnotes, appendix):
    each number with the clause that holds it and the date written after it."""
    entries: dict[str, dict] = {}
    for _, chunks in docs:
        for c in chunks:
            spans = clause_spans(c.text, max_chars=p.unit_chars)
            for d in find_docnums(c.text):
                s, e = next(((s, e) for s, e in spans if s <= d.start < e), (d.start, d.end))
                entries.setdefault(d.key, {"key": d.key, "type": None, "mentions": []})["mentions"].append({
                    "source": c.source, "section": c.section, "page": c.page, "footnote": c.footnote,
                    "kind": c.kind, "char_start": c.char_start + s, "char_end": c.char_start + e,
                    "quote": c.text[s:e], "date": _date_after(c.text, d.end), "subject": None})
    return list(entries.values())


def _statement(quote: str, key: str, type_name: str | None, subject: str | None) -> str | None:
    """The words of ``quote`` that name the document: from its type word ("Quyết định số")
    through its number, date and subject. Verbatim, except a type name put in front
    when the quote has none ("…; số 2953/QĐ-UBND …")."""
    d = next((d for d in find_docnums(quote) if d.key == key), None)
    if d is None:
        return None
    m = _TYPE_WORD.search(quote[max(0, d.start - 45):d.start])
    start = max(0, d.start - 45) + m.start() if m else d.start
    end = -1
    if subject:
        i = quote.find(subject, d.end)
        end = i + len(subject) if i >= 0 else -1
    if end < 0:
        cut = re.search(r"[;\n]", quote[d.end:])
        end = d.end + cut.start() if cut else len(quote)
    text = quote[start:end].strip().rstrip(" ;,.:")
    if text.endswith(")") and text.count(")") > text.count("("):
        text = text[:-1].rstrip(" ;,.:")
    if not m:
        code = re.split(r"[-/]", strip_accents(d.symbol).upper())[0]
        name = type_name or DOC_TYPE_NAMES.get(code, "Văn bản")
        text = f"{name} {text}" if re.match(r"số\b", text) else f"{name} số {text}"
    return text


def _basis(entries: list[dict], cov: _Coverage, p: DraftParams) -> list[dict]:
    picked = []
    for entry in entries:
        mentions = entry["mentions"]
        relevance = max(cov(_terms(m["quote"]) | cov.heading_terms(m["section"] or "")) for m in mentions)
        if relevance < p.min_coverage:
            continue
        # the mention that defines the document best: dated, with a subject, in the list of documents
        best = max(mentions, key=lambda m: (m["date"] is not None, m.get("subject") is not None,
                                            m["kind"] == "appendix", len(m.get("subject") or "")))
        statement = _statement(best["quote"], entry["key"], entry.get("type"), best.get("subject"))
        if not statement:
            continue
        cite = Citation(best["source"], best["section"], best["page"], best["footnote"],
                        best["char_start"], best["char_end"], best["quote"])
        text = msg.DRAFT_BASIS_ITEM.format(statement=statement) + "."
        if not _guarded(text, [cite]):
            continue
        picked.append((relevance, best["date"] or "9999", {"text": text, "citations": [asdict(cite)]}))
    picked.sort(key=lambda t: -t[0])
    return [para for _, _, para in sorted(picked[: p.max_paragraphs], key=lambda t: t[1])]


# --- The draft -------------------------------------------------------------------------


def _validate(topic: str, p: DraftParams) -> str:
    t = " ".join((topic or "").split())
    if not t or not _WORD.search(t):
        raise VankienError(msg.DRAFT_TOPIC_EMPTY)
    if len(t) > p.max_topic_chars:
        raise VankienError(msg.DRAFT_TOPIC_TOO_LONG.format(n=len(t), limit=p.max_topic_chars))
    return t


def _period(units: list[_Unit]) -> str:
    counts = Counter(u.period for u in units if u.period)
    if not counts:
        return ""
    start, end = counts.most_common(1)[0][0]
    return msg.DRAFT_PERIOD.format(start=start, end=end)


def draft(assistant, topic: str, params: DraftParams = DraftParams(), llm=None, use_llm: bool = True) -> dict:
    """The plan skeleton for ``topic`` as ``{"title", "topic", "sections": [{"key", "heading",
    "paragraphs": [{"text", "citations": [{"source", "section", "page", "footnote",
    "char_start", "char_end", "quote"}]}]}]}``.

    Raises :class:`VankienError` (Vietnamese message) for an empty topic or one the
    corpus says nothing about. ``llm`` (default: the assistant's, if any) may rephrase
    paragraphs; each rewrite passes the figure guard or is replaced by the extractive text.
    """
    p = params
    topic = _validate(topic, p)
    cov = _Coverage(assistant.index.lexical, topic, p.min_specificity)
    if not cov.terms:
        raise VankienError(msg.DRAFT_TOPIC_EMPTY)
    # Retrieval picks the documents (best first); the coverage rule then reads all of
    # each, so a topic's whole section is found, not only the top hits.
    hits = assistant.retriever.retrieve(topic, top_k=p.retrieve_k)
    shas = {d["name"]: d["sha256"] for d in assistant.documents()}
    names = list(dict.fromkeys(h.chunk.source for h in hits if h.chunk.source in shas))
    docs = [(i, assistant.index.catalog.document_chunks(shas[n])) for i, n in enumerate(names)]
    units = _units(docs, cov, p)
    if len(units) < p.min_passages:
        raise VankienError(msg.DRAFT_NOT_FOUND.format(topic=topic))

    by_part: dict[str, list[_Unit]] = {k: [] for k in SECTIONS}
    for u in units:
        part = u.part
        if part == "tasks" and u.figures and u.own >= p.min_coverage and _AIM.search(_flat(u.text)):
            part = "targets"
        if part in by_part:
            by_part[part].append(u)
    # Results: sentences with figures first (the plan starts from what was achieved).
    results = _select(by_part["results"], lambda u: (not u.figures, -u.own, -u.coverage, u.order), p)
    rest = {k: _select(by_part[k], lambda u: (-u.own, not u.figures, -u.coverage, u.order), p)
            for k in ("limitations", "targets", "tasks")}

    entries = _registry_entries(assistant)
    if entries is None:
        entries = _mentions_from_chunks(docs, p)
    else:
        entries = [e for e in entries if any(m["source"] in names for m in e["mentions"])]
    past = _period(by_part["results"] + by_part["limitations"])
    future = _period(by_part["targets"] + by_part["tasks"])
    sections = [
        ("basis", msg.DRAFT_BASIS, _basis(entries, cov, p)),
        ("results", msg.DRAFT_RESULTS.format(period=past), _paragraphs(results)),
        ("limitations", msg.DRAFT_LIMITATIONS, _paragraphs(rest["limitations"])),
        ("targets", msg.DRAFT_TARGETS.format(period=future), _paragraphs(rest["targets"])),
        ("tasks", msg.DRAFT_TASKS, _paragraphs(rest["tasks"])),
    ]
    llm = llm if llm is not None else (getattr(assistant, "llm", None) if use_llm else None)
    out = []
    for key, heading, paras in sections:
        if llm is not None and key != "basis":  # a legal reference is quoted, never rephrased
            paras = [_rephrase(llm, para, heading, topic) for para in paras]
        if not paras:
            paras = [{"text": msg.DRAFT_SECTION_EMPTY.format(topic=topic), "citations": []}]
        out.append({"key": key, "heading": heading, "paragraphs": paras})
    return {"title": msg.DRAFT_TITLE.format(topic=topic, period=future), "topic": topic, "sections": out}


def _rephrase(llm, para: dict, heading: str, topic: str) -> dict:
    """The model's wording when every figure of it is in the paragraph's quotes, else the
    extractive paragraph (``guard`` says which)."""
    from prompts import load

    prompt = load("draft").format(heading=heading, topic=topic, text=para["text"])
    text = " ".join((llm.complete(prompt, ["\n"]) or "").split())
    cites = [SimpleNamespace(quote=c["quote"], section="") for c in para["citations"]]
    ok = bool(text) and len(text) <= 2 * len(para["text"]) + 80 and not unsupported_figures(text, cites)
    return {**para, "text": text, "guard": "passed"} if ok else {**para, "guard": "fallback"}


# --- Rendering ------------------------------------------------------------------------------


def numbered_citations(d: dict) -> tuple[list[list[int]], list[dict]]:
    """Endnote numbers: per paragraph (in reading order) its citation numbers, and the
    distinct citations in order of first use (a quote cited twice keeps one number)."""
    seen: dict[tuple, int] = {}
    notes: list[dict] = []
    marks: list[list[int]] = []
    for s in d["sections"]:
        for para in s["paragraphs"]:
            nums = []
            for c in para["citations"]:
                k = (c["source"], c["char_start"], c["char_end"])
                if k not in seen:
                    notes.append(c)
                    seen[k] = len(notes)
                nums.append(seen[k])
            marks.append(nums)
    return marks, notes


def _note_text(c: dict) -> str:
    where = (msg.DRAFT_FOOTNOTE.format(n=c["footnote"]) if c.get("footnote") else "") + \
            (msg.DRAFT_PAGE.format(n=c["page"]) if c.get("page") else "")
    return msg.DRAFT_SOURCE_ITEM.format(source=c["source"], section=c["section"] or "—", where=where,
                                        quote=" ".join(c["quote"].split()))


def to_text(d: dict) -> str:
    """The draft as plain text with [n] markers and the numbered sources at the end."""
    marks, notes = numbered_citations(d)
    lines = [d["title"].upper(), ""]
    i = 0
    for s in d["sections"]:
        lines.append(s["heading"])
        for para in s["paragraphs"]:
            lines.append("    " + para["text"] + "".join(f"[{n}]" for n in marks[i]))
            i += 1
        lines.append("")
    lines.append(msg.DRAFT_SOURCES)
    lines += [f"[{n}] {_note_text(c)}" for n, c in enumerate(notes, 1)]
    return "\n".join(lines)


def to_markdown(d: dict) -> str:
    """The draft as Markdown (for a preview): headings, paragraphs with superscript
    [n] markers, and the numbered sources."""
    marks, notes = numbered_citations(d)
    out = [f"## {d['title']}", ""]
    i = 0
    for s in d["sections"]:
        out += [f"### {s['heading']}", ""]
        for para in s["paragraphs"]:
            sup = "".join(f"<sup>[{n}]</sup>" for n in marks[i])
            out += [_md_escape(para["text"]) + sup, ""]
            i += 1
    out += [f"### {msg.DRAFT_SOURCES}", ""]
    out += [f"{n}. {_md_escape(_note_text(c))}" for n, c in enumerate(notes, 1)]
    return "\n".join(out)


def _md_escape(text: str) -> str:
    return re.sub(r"([\\`*_#<>\[\]])", r"\\\1", text)


# A4 and the margins of Nghị định 30/2020/NĐ-CP (top/bottom 2 cm, left 3 cm, right 2 cm),
# Times New Roman 14 for the body and 13 for the notes.
FONT = "Times New Roman"
BODY_PT, NOTE_PT = 14, 13


def to_docx(d: dict, path) -> Path:
    """Write the draft as a Word document: national header, title, headings, paragraphs
    with superscript [n] markers and a numbered "Nguồn trích dẫn" list (source, section,
    quote) at the end."""
    from docx import Document
    from docx.enum.table import WD_TABLE_ALIGNMENT
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Cm, Pt

    path = Path(path)
    doc = Document()
    sec = doc.sections[0]
    sec.page_width, sec.page_height = Cm(21.0), Cm(29.7)
    sec.top_margin, sec.bottom_margin, sec.left_margin, sec.right_margin = Cm(2), Cm(2), Cm(3), Cm(2)
    for name, size, bold in (("Normal", BODY_PT, False), ("Heading 1", BODY_PT, True), ("Heading 2", BODY_PT, True)):
        _style_font(doc.styles[name], size, bold)
    normal = doc.styles["Normal"].paragraph_format
    normal.space_before, normal.space_after, normal.line_spacing = Pt(0), Pt(6), 1.15
    for name in ("Heading 1", "Heading 2"):
        pf = doc.styles[name].paragraph_format
        pf.space_before, pf.space_after, pf.keep_with_next = Pt(12), Pt(6), True
    doc.core_properties.title = d["title"]
    doc.core_properties.language = "vi-VN"

    mark = doc.add_paragraph()
    mark.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    _run(mark, msg.DRAFT_MARK, bold=True, italic=True, size=NOTE_PT)
    # Header: issuing body (to fill in) on the left, national title on the right
    # (16 cm of text width: 6 + 10).
    table = doc.add_table(rows=1, cols=2)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for col, width in zip(table.columns, (Cm(6), Cm(10))):
        col.width = width
        for cell in col.cells:
            cell.width = width
    left, right = table.rows[0].cells
    _cell_lines(left, [(msg.DRAFT_ORG, True, False, NOTE_PT), (msg.DRAFT_DOCNUM, False, False, NOTE_PT)])
    _cell_lines(right, [(msg.DRAFT_NATION, True, False, NOTE_PT), (msg.DRAFT_MOTTO, True, False, BODY_PT),
                        (msg.DRAFT_PLACE_DATE, False, True, BODY_PT)])

    title = doc.add_paragraph()
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.paragraph_format.space_before = Pt(12)
    _run(title, d["title"].upper(), bold=True)

    marks, notes = numbered_citations(d)
    i = 0
    for s in d["sections"]:
        _run(doc.add_paragraph(style="Heading 1"), s["heading"])
        for para in s["paragraphs"]:
            p = doc.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Cm(1)
            _run(p, para["text"], italic=not para["citations"])
            for n in marks[i]:
                _run(p, f"[{n}]", superscript=True)
            i += 1
    _run(doc.add_paragraph(style="Heading 1"), msg.DRAFT_SOURCES)
    for n, c in enumerate(notes, 1):
        p = doc.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
        p.paragraph_format.left_indent = Cm(0.8)
        p.paragraph_format.first_line_indent = Cm(-0.8)
        p.paragraph_format.space_after = Pt(3)
        _run(p, f"[{n}] ", size=NOTE_PT, bold=True)
        _run(p, _note_text(c), size=NOTE_PT)
    path.parent.mkdir(parents=True, exist_ok=True)
    doc.save(str(path))
    return path


def _fonts(rpr) -> None:
    """Times New Roman for every script slot, theme fonts removed: Word otherwise picks the
    theme's Calibri/Cambria for some runs, and Vietnamese diacritics render in another face."""
    from docx.oxml.ns import qn

    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = rpr.makeelement(qn("w:rFonts"), {})
        rpr.insert(0, fonts)
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), FONT)


def _style_font(style, size: int, bold: bool) -> None:
    from docx.oxml.ns import qn
    from docx.shared import Pt, RGBColor

    style.font.name = FONT
    style.font.size = Pt(size)
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    rpr = style.element.get_or_add_rPr()
    _fonts(rpr)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = rpr.makeelement(qn("w:lang"), {})
        rpr.append(lang)
    lang.set(qn("w:val"), "vi-VN")


def _run(paragraph, text: str, bold: bool | None = None, italic: bool | None = None,
         size: int | None = None, superscript: bool = False):
    from docx.shared import Pt

    r = paragraph.add_run(text)
    r.font.name = FONT
    _fonts(r._element.get_or_add_rPr())
    if bold is not None:
        r.bold = bold
    if italic is not None:
        r.italic = italic
    if size is not None:
        r.font.size = Pt(size)
    if superscript:
        r.font.superscript = True
    return r


def _cell_lines(cell, lines: list[tuple[str, bool, bool, int]]) -> None:
    """Centred lines in a header cell: (text, bold, italic, size)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    for i, (text, bold, italic, size) in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        p.paragraph_format.space_after = Pt(0)
        p.paragraph_format.space_before = Pt(6) if italic else Pt(0)
        _run(p, text, bold=bold, italic=italic, size=size)
