"""Document references (số, ký hiệu văn bản): a registry of the ingested files and a checker.

A reference is a document number with what the text says around it:

    Quyết định số 1218/QĐ-UBND ngày 04/6/2025 của UBND tỉnh về việc ủy quyền …;
    └─ type ────┘ └─ number ─┘      └ date ┘  └ issuer ─┘ └─ subject ──────┘

The registry holds every reference of every ingested document, grouped by the
number's key (accent-free, so ``QD`` meets ``QĐ``), with each place it is
mentioned as a citation. It is derived data: rebuilt from the catalog's chunks
whenever the catalog generation changes, never stored in the catalog.

State numbers restart every year and Party numbers every term, so one key may
name several documents; the dates tell them apart and stay with every mention.
"""
from __future__ import annotations

import re
import threading
import weakref
from bisect import bisect_left
from collections import Counter
from itertools import accumulate
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from ingest.sentences import clause_spans, sentence_spans
from vankien import messages as msg
from vankien.answer import Answer, Citation
from vankien.question import Asked
from vankien.guard import unsupported_figures
from vankien.vietnamese import (
    DATE_RE,
    DOC_TYPE_NAMES,
    DocNumber,
    find_docnums,
    has_figure,
    iso_to_vn,
    nfc,
    strip_accents,
    tokenize,
    years_in,
)

# --- Reading one reference ---------------------------------------------------

# Type words as written before a number (accent-free, lower case) -> the type's name.
_TYPE_WORDS = {
    "quyet dinh": "Quyết định", "qd": "Quyết định", "nghi quyet": "Nghị quyết", "nq": "Nghị quyết",
    "ke hoach": "Kế hoạch", "kh": "Kế hoạch", "chuong trinh": "Chương trình", "van ban": "Văn bản",
    "cong van": "Văn bản", "bao cao": "Báo cáo", "thong tu": "Thông tư", "nghi dinh": "Nghị định",
    "chi thi": "Chỉ thị", "ket luan": "Kết luận", "quy dinh": "Quy định", "huong dan": "Hướng dẫn",
    "thong bao": "Thông báo", "quy che": "Quy chế", "de an": "Đề án", "luat": "Luật",
    "to trinh": "Tờ trình", "cong dien": "Công điện",
}
# "Chương trình hành động số 39-CTr/TU" is a Chương trình; "số" is optional ("Kế hoạch 2004/ KH-UBND").
_TYPE_BEFORE = re.compile(
    r"\b(" + "|".join(sorted(_TYPE_WORDS, key=len, reverse=True)) + r")(?:\s+hanh dong)?(?:\s+so)?\s*$"
)
# A document type named inside an issuer phrase starts another document ("của Chính phủ và Kế hoạch …").
_TYPE_AT = re.compile(r"(?:" + "|".join(t for t in _TYPE_WORDS if " " in t) + r")\b")
# Issuer codes that a user may type in lower case ("1218/qd-ubnd").
_ISSUER_CODES = {"UBND", "HDND", "TW", "TU", "DU", "DUK", "CP", "TTG", "QH", "BCT", "BTC", "BKHCN", "VPTW"}

# Where a subject starts after the issuer phrase ("của Chủ tịch UBND tỉnh về việc …").
_SUBJECT_START = re.compile(
    r"(?:(?<=\s)|(?<=^)|(?<=[“\"]))(ve viec|v/v|ve|phe duyet|quy dinh|ban hanh|thuc hien|trien khai|kiem tra|"
    r"danh gia|thu hoi|bai bo|uy quyen|sua doi|thanh lap|huong dan|cong bo|cong nhan|xu ly|duyet|tang cuong|tiep tuc)\b",
    re.IGNORECASE,
)
_DATE_LEAD = re.compile(r"[ \t,]*(?:\(\s*)?(?:ban hành\s+|ban hanh\s+)?(?:ngày|ngay)?\s*", re.IGNORECASE)
_COMMA_LEAD = re.compile(r"[ \t,]*")
DIGIT = re.compile(r"\d")
_MAX_SUBJECT = 600
_MAX_ISSUER_PHRASE = 120
_MAX_SENTENCE_QUOTE = 400
_HEAD_CHARS = 40  # "- Chương trình hành động số " before a number that opens its quote  # a longer sentence is quoted by its clauses around the reference


@dataclass
class Reference:
    """One document number in a text, with what the text says around it."""

    doc: DocNumber
    written: str  # "03/NQ-CP": canonical, but the number keeps the zeros it was written with
    type: str
    type_from_word: bool  # "Quy định số 37-QĐ/TW": the word beats the code (QĐ is also Quyết định)
    issuer: str
    date: str | None  # ISO
    subject: str | None
    start: int
    end: int  # end of the whole statement: reference, date and subject

    @property
    def key(self) -> str:
        return self.doc.key


def _written(d: DocNumber) -> str:
    digits = re.match(r"\d+", d.raw).group(0)
    return digits + d.canonical[len(d.number):]


def _symbol_parts(d: DocNumber) -> tuple[str, str]:
    """(type code, issuer) of a number: ``QĐ-UBND`` -> (QĐ, UBND); ``UBND-KTTH`` -> ("", UBND),
    an official letter has no type code; ``NQ/TW`` -> (NQ, TW)."""
    if d.party:
        code, issuer = d.symbol.split("/", 1)
        return code, issuer
    first, _, rest = d.symbol.partition("-")
    if strip_accents(first).upper().rstrip("0123456789") in DOC_TYPE_NAMES:
        return first, rest or first  # "80/2015/QH13": the law's code is its issuer too
    return "", first


def _type_of(text: str, d: DocNumber) -> tuple[str, bool]:
    before = strip_accents(text[max(0, d.start - 40):d.start]).lower()
    m = _TYPE_BEFORE.search(before)
    if m:
        return _TYPE_WORDS[m.group(1)], True
    return d.kind or "Văn bản", False


def _date_after(text: str, pos: int) -> tuple[str, int] | None:
    """The date right after a number: ``… 1218/QĐ-UBND ngày 04/6/2025`` (also ``, ngày``)."""
    # "ngày 4 tháng 6 năm 2025" holds its own "ngày": try after the lead and after the comma alone
    for start in (_DATE_LEAD.match(text, pos).end(), _COMMA_LEAD.match(text, pos).end()):
        m = DATE_RE.match(text, start)
        if m:
            if m.group("d"):
                d, mth, y = m.group("d"), m.group("m"), m.group("y")
            else:
                d, mth, y = m.group("d2"), m.group("m2"), m.group("y2")
            if 1 <= int(d) <= 31 and 1 <= int(mth) <= 12:
                return f"{int(y):04d}-{int(mth):02d}-{int(d):02d}", m.end()
    return None


def _statement_end(text: str, pos: int, next_refs: list[DocNumber]) -> int:
    """Where the statement that starts at ``pos`` ends: ';', a line break, the end of a
    sentence, a ')' closing a parenthesis opened before, or ', số <next number>' (a list
    of numbers: "Chương trình số 13-CTr/ĐUK …, số 14-CTr/ĐUK …")."""
    limit = min(len(text), pos + _MAX_SUBJECT)
    starts = {d.start: d for d in next_refs}
    depth = 0
    i = pos
    while i < limit:
        ch = text[i]
        if ch in ";\n…":
            return i
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth == 0:
                return i
            depth -= 1
        elif ch == "." and (i + 1 == len(text) or (text[i + 1].isspace() and _upper_follows(text, i + 1))):
            return i
        elif ch == ",":
            nxt = next((d for s, d in starts.items() if i < s <= i + 40), None)
            if nxt is not None and _LIST_NEXT.fullmatch(strip_accents(text[i + 1:nxt.start]).lower()):
                return i
        i += 1
    return limit


# Between a comma and the next number of a list: ", số ", ", Quyết định số ", ", ".
_LIST_NEXT = re.compile(r"\s*(?:(?:" + "|".join(_TYPE_WORDS) + r")(?:\s+hanh dong)?\s+)?(?:so\s+)?")


def _upper_follows(text: str, i: int) -> bool:
    while i < len(text) and text[i].isspace():
        i += 1
    return i == len(text) or text[i].isupper() or text[i] in "-+•"


def _subject(text: str, pos: int, end: int, next_refs: list[DocNumber]) -> tuple[str | None, int]:
    """The subject in ``text[pos:end]`` ("về việc …", "phê duyệt …"), after an optional
    issuer phrase ("của Chủ tịch UBND tỉnh Phú Thọ"); (None, pos) when the text goes
    on with something else ("…, cụ thể như", "của HĐND tỉnh, với kinh phí")."""
    span = text[pos:end]
    lead = len(span) - len(span.lstrip(" \t,"))
    body = span[lead:]
    flat = strip_accents(body)
    start = None
    if re.match(r"c[uủ]a\s", body, re.IGNORECASE):
        start = _after_issuer(body, flat, [d.start - pos - lead for d in next_refs if d.start >= pos + lead])
    else:
        m = re.match(r"[“\"]?", body)
        if _SUBJECT_START.match(flat, m.end()):
            start = 0
    if start is None:
        return None, pos
    subject = body[start:]
    # a quoted title ends the subject: về “Nâng cao chất lượng sinh hoạt chi bộ” gắn với …
    quoted = re.match(r"(?:(?:về|v/v|V/v)\s+)?“[^”]*”", subject)
    if quoted:
        subject = quoted.group(0)
    subject = subject.rstrip().rstrip(" ,;:.")
    if not subject:
        return None, pos
    return subject, pos + lead + start + len(subject)


# Lower-case words an issuer phrase may hold ("của Ban Thường vụ Tỉnh ủy", "của UBND tỉnh",
# "của Đảng ủy Sở Khoa học và Công nghệ"); any other word ends it.
_ISSUER_WORDS = set(
    "tinh thanh pho huyen xa nhan dan ban va khoa thuong vu uy chap hanh dang trung uong bo chinh tri phu to "
    "chuc so hoc cong nghe dong tich thu hoi nhiem ky quoc gia mat tran".split()
)


def _after_issuer(body: str, flat: str, stops: list[int]) -> int | None:
    """Offset of the subject after "của <issuer>" in ``body`` (``flat`` is its accent-free
    form), or None when the issuer phrase runs into anything but a subject
    ("của Bộ Chính trị cũng như …", "của Chính phủ và Kế hoạch số …")."""
    stop = min([len(body), _MAX_ISSUER_PHRASE] + [s for s in stops if s >= 0])
    for i, m in enumerate(re.finditer(r"\S+", body[:stop])):
        if i == 0:
            continue  # "của"
        if _SUBJECT_START.match(flat, m.start()) or flat.startswith("to chuc ", m.start()) or _SUBJECT_START.match(flat, m.start() + 1) and body[m.start()] in "“\"":
            return m.start()
        word = m.group(0)
        core = word.strip("“”\"(),.;:")
        if not core or not (core[0].isupper() or "&" in core or strip_accents(core).lower() in _ISSUER_WORDS):
            return None
        if word[-1] in ",.;:" or _TYPE_AT.match(flat.lower(), m.start()):
            return None
    return None


def find_references(text: str, typed: bool = False) -> list[Reference]:
    """Document references in ``text``, in order, each with its date, type and subject.

    ``typed=True`` reads text a user typed: lower-case symbols are accepted when
    they hold a known code ("1218/qd-ubnd"), not for prose like "50/tháng".

    >>> [(r.written, r.type, r.issuer, r.date, r.subject) for r in find_references(
    ...     "Kế hoạch 3132/KH-UBND ngày 15/8/2023 triển khai Chiến lược chuyển đổi số báo chí; "
    ...     "Chương trình số 13-CTr/ĐUK ngày 11/3/2022 về thực hiện Nghị quyết, số 14-CTr/ĐUK ngày 11/3/2022")]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('3132/KH-UBND', 'Kế hoạch', 'UBND', '2023-08-15', 'triển khai Chiến lược chuyển đổi số báo chí'),
     ('13-CTr/ĐUK', 'Chương trình', 'ĐUK', '2022-03-11', 'về thực hiện Nghị quyết'),
     ('14-CTr/ĐUK', 'Chương trình', 'ĐUK', '2022-03-11', None)]
    """
    docs = find_docnums(text, typed=typed)
    if typed:
        strict = {d.start for d in find_docnums(text)}
        docs = [d for d in docs if d.start in strict or _known_codes(d)]
    out: list[Reference] = []
    for i, d in enumerate(docs):
        later = docs[i + 1:]
        date = _date_after(text, d.end)
        pos = date[1] if date else d.end
        stop = _statement_end(text, pos, later)
        subject, end = _subject(text, pos, stop, later)
        typ, from_word = _type_of(text, d)
        _, issuer = _symbol_parts(d)
        out.append(Reference(d, _written(d), typ, from_word, issuer, date[0] if date else None, subject,
                             d.start, max(end, pos)))
    return out


def _known_codes(d: DocNumber) -> bool:
    parts = {strip_accents(p).upper() for p in re.split(r"[-/]", d.symbol)}
    return bool(parts & (set(DOC_TYPE_NAMES) | _ISSUER_CODES))


# --- The registry -------------------------------------------------------------

@dataclass
class Mention:
    """One place a number is mentioned, with a citation as answers give it."""

    ref: Reference
    source: str
    section: str
    page: int | None
    footnote: int | None
    kind: str  # paragraph | footnote | appendix | heading
    char_start: int  # the quote's span in the document's clean text
    char_end: int
    quote: str

    def citation(self) -> Citation:
        return Citation(self.source, self.section, self.page, self.footnote, self.char_start, self.char_end, self.quote)

    def rank(self) -> tuple:
        """How well this mention defines the document: one with a date and a subject first,
        where the quote is about this document (it opens the quote, not cited inside
        another's subject), from the appendix (the list of issued documents)."""
        r = self.ref
        heads_quote = r.start - self.char_start <= _HEAD_CHARS
        return (r.date is not None and r.subject is not None, heads_quote, self.kind == "appendix",
                r.subject is not None, r.date is not None, len(r.subject or ""))

    def to_dict(self) -> dict:
        return {"source": self.source, "section": self.section, "page": self.page, "footnote": self.footnote,
                "kind": self.kind, "char_start": self.char_start, "char_end": self.char_end, "quote": self.quote,
                "date": self.ref.date, "type": self.ref.type, "subject": self.ref.subject}


@dataclass
class Entry:
    """Every mention of one number (one key); ``dates`` holds each date the files give it."""

    key: str
    mentions: list[Mention] = field(default_factory=list)

    @property
    def dates(self) -> list[str]:
        return sorted({m.ref.date for m in self.mentions if m.ref.date})

    def best(self, date: str | None = None) -> Mention:
        pool = [m for m in self.mentions if date is None or m.ref.date in (date, None)] or self.mentions
        return max(pool, key=Mention.rank)

    @property
    def number(self) -> str:
        return self.best().ref.written

    @property
    def type(self) -> str:
        worded = Counter(m.ref.type for m in self.mentions if m.ref.type_from_word)
        return worded.most_common(1)[0][0] if worded else self.mentions[0].ref.type

    @property
    def issuer(self) -> str:
        return self.best().ref.issuer

    def subject(self, date: str | None = None) -> str | None:
        return self.best(date).ref.subject

    def to_dict(self) -> dict:
        return {"number": self.number, "key": self.key, "type": self.type, "issuer": self.issuer,
                "dates": self.dates, "subject": self.subject(), "mentions": [m.to_dict() for m in self.mentions]}


class Registry:
    def __init__(self, entries: dict[str, Entry], generation: int):
        self._entries = entries
        self.generation = generation

    @classmethod
    def build(cls, catalog) -> "Registry":
        """Every reference in every document of ``catalog`` (paragraphs, footnotes,
        appendix entries, and headings, which are not chunks but are text)."""
        generation = catalog.generation  # read first: a change while building forces a rebuild
        entries: dict[str, Entry] = {}
        for doc in catalog.documents():
            for mention in _document_mentions(catalog.text(doc["sha256"]), catalog.document_chunks(doc["sha256"]),
                                              doc["name"]):
                entries.setdefault(mention.ref.key, Entry(mention.ref.key)).mentions.append(mention)
        return cls(entries, generation)

    def __len__(self) -> int:
        return len(self._entries)

    def entries(self) -> list[dict]:
        """One dict per number: number, key, type, issuer, dates (ISO), subject, mentions."""
        return [e.to_dict() for e in sorted(self._entries.values(), key=_entry_order)]

    def entry(self, key_or_text: str) -> Entry | None:
        e = self._entries.get(key_or_text)
        if e is None:
            refs = find_references(nfc(key_or_text), typed=True)
            e = self._entries.get(refs[0].key) if refs else None
        return e

    def lookup(self, key_or_text: str) -> dict | None:
        """The entry for a key (``1218/QD-UBND``) or a text holding a number
        (``Quyết định 1218/qd-ubnd``), as in :meth:`entries`; None when absent."""
        e = self.entry(key_or_text)
        return e.to_dict() if e else None

    def suggest(self, ref: Reference, limit: int = 5) -> list[str]:
        """Numbers in the files close to a missing one: the same symbol and a number one
        digit away (or issued the same day), or the same number with another symbol."""
        num, sym = _split_key(ref.key)
        scored: list[tuple[tuple, str]] = []
        for e in self._entries.values():
            n2, s2 = _split_key(e.key)
            same_day = ref.date is not None and ref.date in e.dates
            if s2 == sym and _one_edit(num, n2):
                score = (3, same_day, -abs(int(n2) - int(num)))
            elif s2 == sym and same_day:
                score = (2, True, -abs(int(n2) - int(num)))
            elif n2 == num and s2 != sym:
                score = (1, same_day, SequenceMatcher(None, s2, sym).ratio())
            else:
                continue
            scored.append((score, e.number))
        scored.sort(key=lambda t: t[0], reverse=True)
        return [n for _, n in scored[:limit]]


def _entry_order(e: Entry) -> tuple:
    first = e.mentions[0]
    return (first.source, first.char_start, e.key)


def _split_key(key: str) -> tuple[str, str]:
    """``1218/QD-UBND`` -> (1218, /QD-UBND); ``57-NQ/TW`` -> (57, -NQ/TW)."""
    m = re.match(r"(\d+)(.*)", key)
    return m.group(1), m.group(2)


def _one_edit(a: str, b: str) -> bool:
    """One digit substituted, added, dropped, or two neighbours swapped (1218 ~ 1228, 128, 1281)."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1
                                  and a[diff[0]] == b[diff[1]] and a[diff[1]] == b[diff[0]])
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def _document_mentions(text: str, chunks: list, source: str) -> list[Mention]:
    out: list[Mention] = []
    for c in chunks:
        for ref in find_references(c.text):
            qs, qe = _quote_span(c.text, ref)
            out.append(Mention(ref, source, c.section, c.page, c.footnote, c.kind,
                               c.char_start + qs, c.char_start + qe, c.text[qs:qe]))
            _shift(ref, c.char_start)
    # Headings are not chunks ("1.11. Kết quả thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024"):
    # each is one line of the clean text; its section is the one of the chunk after it.
    chunks = sorted(chunks, key=lambda c: c.char_start)
    starts = [c.char_start for c in chunks]
    ends = list(accumulate((c.char_end for c in chunks), max))  # furthest end among chunks so far
    pos = 0
    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not DIGIT.search(line):
            continue
        k = bisect_left(starts, end)  # chunks[k:] start at or after the line's end
        if k > 0 and ends[k - 1] > start:
            continue  # some chunk overlaps the line
        after = chunks[k] if k < len(chunks) else (chunks[-1] if chunks else None)
        for ref in find_references(line):
            qs, qe = _quote_span(line, ref)
            out.append(Mention(ref, source, after.section if after else "", after.page if after else None, None,
                               "heading", start + qs, start + qe, line[qs:qe]))
            _shift(ref, start)
    out.sort(key=lambda m: m.ref.start)
    return out


def _shift(ref: Reference, offset: int) -> None:
    ref.start += offset
    ref.end += offset


def _quote_span(text: str, ref: Reference) -> tuple[int, int]:
    """The sentence holding the reference, or, when that is long, the clauses from the
    reference to the end of its subject: what a citation quotes."""
    for s, e in sentence_spans(text):
        if s <= ref.start < e:
            if e - s <= _MAX_SENTENCE_QUOTE:
                return s, max(e, min(ref.end, len(text)))
            break
    parts = [(s, e) for s, e in clause_spans(text, max_chars=250) if s < max(ref.end, ref.start + 1) and ref.start < e]
    if not parts:
        return ref.start, ref.end
    return min(s for s, _ in parts), max(e for _, e in parts)


# --- Cache per catalog generation ------------------------------------------------

_CACHE: "weakref.WeakKeyDictionary[object, Registry]" = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def registry_for(assistant) -> Registry:
    """The registry of ``assistant``'s catalog, rebuilt after each ingest or removal
    (the catalog generation changes); cheap enough (~ms per report) to need no disk cache."""
    catalog = assistant.index.catalog
    with _CACHE_LOCK:
        reg = _CACHE.get(assistant)
        if reg is None or reg.generation != catalog.generation:
            reg = Registry.build(catalog)
            _CACHE[assistant] = reg
        return reg


# --- The checker ----------------------------------------------------------------

def check_text(assistant, text: str) -> dict:
    """Check every document reference in ``text`` against the files (see :func:`check_with`)."""
    return check_with(registry_for(assistant), text)


def check_with(registry: Registry, text: str) -> dict:
    """``{"documents": [...]}``, one item per reference in ``text``, in order:
    ``found`` (number in the files, and its date too when the text gives one),
    ``date_mismatch`` (the files give it another date: ``corpus_dates``) or
    ``not_found`` (``suggestions``: close numbers that are in the files).
    Dates are ISO (``2025-06-04``)."""
    out = []
    for ref in find_references(nfc(text), typed=True):
        e = registry.entry(ref.key)
        if e is None:
            out.append(_result(ref.written, "not_found", ref.type, ref.issuer, ref.subject, [],
                               registry.suggest(ref), []))
            continue
        dates = e.dates
        if ref.date and dates and ref.date not in dates:
            status, date = "date_mismatch", None
        else:
            status, date = "found", ref.date
        mentions = sorted(e.mentions, key=lambda m: (date is not None and m.ref.date not in (date, None), m.ref.start))
        if date is not None:
            mentions = [m for m in mentions if m.ref.date in (date, None)]
        out.append(_result(e.number, status, e.type, e.issuer, e.subject(date), dates, [],
                           [_cite_dict(m) for m in mentions]))
    return {"documents": out}


def _result(number, status, type_, issuer, subject, dates, suggestions, citations) -> dict:
    return {"number": number, "status": status, "type": type_, "issuer": issuer, "subject": subject,
            "corpus_dates": dates, "suggestions": suggestions, "citations": citations}


def _cite_dict(m: Mention) -> dict:
    return {"source": m.source, "section": m.section, "char_start": m.char_start, "char_end": m.char_end,
            "quote": m.quote}


# --- Questions about a document number ---------------------------------------------

# Words that ask about the document itself, not about its content.
_IDENTITY_WORDS = set(
    "ve viec gi nao noi dung la ngay ban hanh khi nao so hieu ky hieu van ban cua ai co quan do duoc "
    "thang nam may bao nhieu hoi cho biet toi xin the nhu ra sao trich yeu quy dinh".split()
) | {w for t in _TYPE_WORDS for w in t.split()}
_MIN_CONTENT_COVERAGE = 0.5


def answer_question(assistant, question: str) -> Answer | None:
    """A cited answer from the registry when ``question`` names a document number
    ("Quyết định 2045/QĐ-UBND về việc gì?"); None to let retrieval answer (no number,
    or a question about the document's content that no mention's quote covers)."""
    refs = find_references(nfc(question), typed=True)
    if not refs:
        return None
    registry = registry_for(assistant)
    known = [(r, registry.entry(r.key)) for r in refs]
    found = [(r, e) for r, e in known if e is not None]
    if not found:
        return _not_in_files(registry, question, refs[0])
    keys = {e.key for _, e in found}
    content = _content_terms(question, keys)
    asked = Asked.read(question)
    best, best_score, best_cov = None, None, 0.0
    for ref, e in found:
        date_ok = ref.date is None or ref.date in e.dates
        for m in e.mentions:
            if ref.date and date_ok and m.ref.date not in (ref.date, None):
                continue
            quote_terms = set(tokenize(m.quote))
            cov = len(content & quote_terms) / len(content) if content else 1.0
            held = sum(1 for k in keys if k in quote_terms)
            # "ra ngày nào?": a mention that gives the date ("01-KL/TW ngày 18/5/2021") first
            dated = asked.held_by(m.quote) if asked.date else True
            score = (dated, held, round(cov, 3), m.rank())
            if best_score is None or score > best_score:
                best, best_score, best_cov = m, score, cov
    if best is None or best_cov < _MIN_CONTENT_COVERAGE or not best_score[0]:
        return None
    cite = best.citation()
    if asked.number and not asked.held_by(cite.quote):
        return None  # the number of another document than the one named: retrieval may find it
    mismatched = any(r.date and e.dates and r.date not in e.dates for r, e in found)
    flat = strip_accents(nfc(question)).lower()
    if re.search(r"\bbao nhieu\b", flat) and not re.search(r"\b(so|ngay) bao nhieu\b", flat) \
            and not has_figure(cite.quote):
        return None  # "bao nhiêu tiền theo Nghị quyết 15/2020/NQ-HĐND?": the entry gives no amount
    if asked.unit and not (asked.docnum or asked.date) and not asked.gives(cite.quote):
        # "Trong 56 dự án … theo 15/2020/NQ-HĐND, huyện X có bao nhiêu dự án?": the entry gives
        # only the 56 the question states
        return None
    if asked.years and not asked.years & years_in(cite.quote):
        return None  # "năm 2023 … theo 15/2020/NQ-HĐND": a mention of the term 2020-2025 is no answer
    if asked.person and not asked.named_in(cite.quote):
        return None  # "132/QĐ-UBND do ai ký?": the entry names the issuer, not who signed
    text = (msg.DOCNUM_DATE_DIFFERS + " " if mismatched else "") + cite.quote
    ans = Answer(question, "answered", text, [cite])
    return None if unsupported_figures(ans.answer, ans.citations) else ans


def _content_terms(question: str, keys: set[str]) -> set[str]:
    """Accent-free words of the question that are not the number, its type, or question words."""
    flat = strip_accents(nfc(question)).lower()
    for d in sorted(find_docnums(flat, typed=True), key=lambda d: -d.start):
        flat = flat[:d.start] + " " + flat[d.end:]
    for m in reversed(list(DATE_RE.finditer(flat))):
        flat = flat[:m.start()] + " " + flat[m.end():]
    return {w for w in re.findall(r"[a-z]+|\d+", flat) if w not in _IDENTITY_WORDS and not w.isdigit()}


def _not_in_files(registry: Registry, question: str, ref: Reference) -> Answer:
    """The number is in no file. The answer must not repeat it (no quote holds it);
    close numbers that are in the files are offered with their quotes as citations."""
    cites = []
    for number in registry.suggest(ref, limit=3):
        e = registry.entry(number)
        if e is not None:
            cites.append(e.best(ref.date).citation())
    if not cites:
        return Answer(question, "not_found", msg.DOCNUM_NOT_IN_FILES, [])
    text = "\n".join([msg.DOCNUM_NOT_IN_FILES + " " + msg.DOCNUM_SUGGEST_INTRO]
                     + [msg.DOCNUM_SUGGEST_ITEM.format(quote=c.quote) for c in cites])
    ans = Answer(question, "not_found", text, cites)
    if unsupported_figures(ans.answer, ans.citations):
        return Answer(question, "not_found", msg.DOCNUM_NOT_IN_FILES, [])
    return ans


def vn_dates(isos: list[str]) -> str:
    """``['2025-06-04']`` -> ``04/6/2025`` (several joined by ', ')."""
    return ", ".join(iso_to_vn(d) for d in isos)
