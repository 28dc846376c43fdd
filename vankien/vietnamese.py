"""Vietnamese text, once, in one module: Unicode, tone marks, numbers, document numbers.

Everything that matches text (BM25, the figure guard, the document-number
registry) goes through these functions, so index and query agree.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from babel.numbers import NumberFormatError, parse_decimal

# --- Unicode ---------------------------------------------------------------

# U+00D0 (Icelandic eth) is a common mojibake of U+0110 (Đ); U+00F0 likewise of đ.
_ETH = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_DASHES = str.maketrans({"\u2013": "-", "\u2014": "-", "\u2011": "-", "\u2012": "-", "\u2212": "-"})


def nfc(text: str) -> str:
    """NFC plus ``Ð``->``Đ``: the form every stored and shown text has.

    >>> nfc("to\u0301m ta\u0306\u0301t Ð") == "tóm tắt Đ"
    True
    """
    return unicodedata.normalize("NFC", text).translate(_ETH)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}  # grave acute tilde hook dot-below


@lru_cache(maxsize=200_000)
def _fold_tone_word(word: str) -> str:
    # Only open syllables ending in oa/oe/uy differ between the two conventions
    # (hoà/hòa, khoẻ/khỏe, thuỷ/thủy); after "q" the u is a consonant (quý).
    # We move the tone to the first vowel ("old style": hòa, thủy, ủy).
    d = unicodedata.normalize("NFD", word)
    base = "".join(c for c in d if not unicodedata.combining(c))
    low = base.lower()
    if len(low) < 2 or low[-2:] not in ("oa", "oe", "uy") or (len(low) >= 3 and low[-3] == "q"):
        return word
    if len(low) >= 3 and low[-3] in "aeiouy":  # three vowels (khuỷu-like): leave
        return word
    # split NFD into (base char, marks) clusters
    clusters: list[list[str]] = []
    for c in d:
        if unicodedata.combining(c) and clusters:
            clusters[-1].append(c)
        else:
            clusters.append([c])
    first, second = clusters[-2], clusters[-1]
    tone = [m for m in second[1:] if m in _TONES]
    if not tone or any(m in _TONES for m in first[1:]):
        return word
    second[:] = [second[0]] + [m for m in second[1:] if m not in _TONES]
    first.extend(tone)
    return unicodedata.normalize("NFC", "".join("".join(c) for c in clusters))


_WORD = re.compile(r"\w+")


def fold_tones(text: str) -> str:
    """One tone-mark placement for matching.

    >>> fold_tones("hoà thuỷ uỷ khoẻ quý hoàn")
    'hòa thủy ủy khỏe quý hoàn'
    """
    return _WORD.sub(lambda m: _fold_tone_word(m.group(0)), nfc(text))


@lru_cache(maxsize=200_000)
def _strip_word(word: str) -> str:
    d = unicodedata.normalize("NFD", word)
    return "".join(c for c in d if not unicodedata.combining(c)).replace("đ", "d").replace("Đ", "D")


def strip_accents(text: str) -> str:
    """Accent-free form: ``có bao nhiêu trạm`` -> ``co bao nhieu tram``; ``Đ`` -> ``D``.

    >>> strip_accents("Quyết định số 1218/QĐ-UBND")
    'Quyet dinh so 1218/QD-UBND'
    """
    return _WORD.sub(lambda m: _strip_word(m.group(0)), nfc(text))


def has_diacritics(text: str) -> bool:
    return strip_accents(text) != nfc(text)


# --- Numbers ----------------------------------------------------------------

# A dot groups thousands only before groups of exactly three digits; a comma is
# the decimal mark. "1.8" (a section number) and "6/2025" (a month) are not numbers
# of this shape, and a trailing "%" belongs to the figure.
NUMBER_RE = re.compile(r"(?<![\w./,])\d{1,3}(?:\.\d{3})+(?:,\d+)?%?(?![\w.]\d)|(?<![\w./,])\d+(?:,\d+)?%?(?![\d.,]\d)")


def parse_number(raw: str) -> float | None:
    """Vietnamese number to float, or None when the text is not one.

    >>> parse_number("3.916"), parse_number("82,56%"), parse_number("226.881,809"), parse_number("1.8")
    (3916.0, 82.56, 226881.809, None)
    """
    s = raw.rstrip("%").strip()
    try:
        return float(parse_decimal(s, locale="vi", strict=True))
    except (NumberFormatError, ValueError):
        return None


@lru_cache(maxsize=65_536)  # babel's parser is the slowest step of tokenize(); figures repeat
def canonical_number(raw: str) -> str | None:
    """Canonical token for a figure: ``3.916`` -> ``3916``, ``82,56%`` -> ``82.56``,
    ``05`` -> ``5``. None when not a Vietnamese number."""
    v = parse_number(raw)
    if v is None:
        return None
    return str(int(v)) if v == int(v) else repr(v)


def find_numbers(text: str) -> list[re.Match]:
    """Figures as written (``3.916``, ``82,56%``, ``05``), in order.

    Digits inside document numbers and dates are figures too: the figure guard
    checks them, which is stricter, never looser.
    """
    return list(_ANY_NUMBER.finditer(text))


# Every maximal run of digits with Vietnamese separators; used by the figure guard.
_ANY_NUMBER = re.compile(r"\d+(?:[.,]\d+)*%?")


# --- Document numbers (số, ký hiệu văn bản) --------------------------------

_L = r"A-Za-zĐđÐð"  # symbol letters; lower case allowed so that typed "qd-ubnd" is caught
_SEG = rf"[{_L}][{_L}0-9&]*"
_DASH = r"\s?[-–—]\s?"
# State: 1218/QĐ-UBND, 15/2020/NQ-HĐND, 80/2015/QH13, 2557/UBND-KTTH, 2004/ KH-UBND
_STATE = rf"(?P<s_num>\d{{1,5}})(?:/(?P<s_year>(?:19|20)\d\d))?\s?/\s?(?P<s_sym>{_SEG}(?:{_DASH}{_SEG})*)"
# Party: 57-NQ/TW, 44-QĐ/ĐU, 02-NQ/ĐUK, 148-KH/TU
_PARTY = rf"(?P<p_num>\d{{1,5}})\s?[-–]\s?(?P<p_type>{_SEG})\s?/\s?(?P<p_iss>{_SEG}(?:{_DASH}{_SEG})*)"
# A typed slip drops the slash: "Nghị quyết số 50 NQ-CP". Accepted only right after
# "số" and with a known type code, since "số 50 ..." is otherwise ordinary prose.
TYPE_CODES = ("QĐ", "QD", "NQ", "KH", "CTr", "CT", "KL", "BC", "TB", "HD", "QC", "QyĐ", "TT", "NĐ", "ND", "ĐA", "DA", "TTr")
# A symbol's type code (accent-free, upper case) -> the kind of document it numbers
DOC_TYPE_NAMES = {
    "QD": "Quyết định", "NQ": "Nghị quyết", "KH": "Kế hoạch", "CTR": "Chương trình", "CT": "Chỉ thị",
    "KL": "Kết luận", "BC": "Báo cáo", "TB": "Thông báo", "HD": "Hướng dẫn", "QC": "Quy chế",
    "QYD": "Quy định", "TT": "Thông tư", "ND": "Nghị định", "DA": "Đề án", "TTR": "Tờ trình",
    "CD": "Công điện", "QH": "Luật",
}
_NOSLASH = (rf"(?<=[Ss][ốoỐO] )(?P<n_num>\d{{1,5}})\s(?P<n_sym>(?:{'|'.join(TYPE_CODES)}){_DASH}{_SEG}(?:{_DASH}{_SEG})*)")
# not after ":" either: "QCVN 01:2021/BKHCN" is a regulation code, not number 2021
DOCNUM_RE = re.compile(rf"(?<![\w/:])(?:{_PARTY}|{_STATE}|{_NOSLASH})(?![\w/])")


@dataclass(frozen=True)
class DocNumber:
    raw: str          # as written in the text
    number: str       # "1218" (leading zeros dropped)
    symbol: str       # "QĐ-UBND", "NQ/TW" (canonical spelling)
    year: str | None  # "2020" for 15/2020/NQ-HĐND
    party: bool       # Party document (number-TYPE/ISSUER)
    start: int
    end: int

    @property
    def canonical(self) -> str:
        """``1218/QĐ-UBND``, ``15/2020/NQ-HĐND``, ``57-NQ/TW``."""
        if self.party:
            t, iss = self.symbol.split("/", 1)
            return f"{self.number}-{t}/{iss}"
        year = f"/{self.year}" if self.year else ""
        return f"{self.number}{year}/{self.symbol}"

    @property
    def key(self) -> str:
        """Accent-free, upper-case key: ``QD`` typed without diacritics meets ``QĐ``."""
        return strip_accents(self.canonical).upper()

    @property
    def doc_type(self) -> str:
        return self.symbol.split("/" if self.party else "-", 1)[0]

    @property
    def kind(self) -> str | None:
        """The kind of document its type code names: "Kế hoạch" for 148-KH/TU (None for 2557/UBND-KTTH)."""
        return DOC_TYPE_NAMES.get(strip_accents(self.doc_type).upper().rstrip("0123456789"))

    @property
    def issuer(self) -> str:
        return self.symbol.split("/" if self.party else "-", 1)[-1] if ("/" in self.symbol or "-" in self.symbol) else ""


def _clean_symbol(s: str) -> str:
    s = re.sub(r"\s+", "", s.translate(_DASHES).translate(_ETH))
    return s.upper().replace("QYĐ", "QyĐ").replace("CTR", "CTr").replace("TTG", "TTg")


def _looks_like_docnum(symbol: str) -> bool:
    # A symbol (spaces removed, dashes unified, case as written) has an upper-case
    # letter code: this rejects "6/năm", "1Gb/s",
    # "30 nhiệm vụ/năm" and other fractions of prose.
    letters = re.sub(r"[^A-Za-zĐđ]", "", symbol)
    if len(letters) < 2:
        return False
    parts = re.split(r"[-/]", symbol)
    return all(re.fullmatch(rf"[{_L}0-9&]+", p) for p in parts) and any(p.isupper() for p in parts if p)


def find_docnums(text: str, typed: bool = False) -> list[DocNumber]:
    """Document numbers in text, in order.

    ``typed=True`` also accepts all-lower-case symbols (a user typing ``1218/qd-ubnd``).

    >>> [d.canonical for d in find_docnums("QĐ số 3183/QĐ- UBND, KH 2004/ KH-UBND và 57-NQ/TW; 6/2025")]
    ['3183/QĐ-UBND', '2004/KH-UBND', '57-NQ/TW']
    >>> [d.canonical for d in find_docnums("Nghị quyết số 50 NQ-CP ngày 17/4/2020; số 50 UBND")]
    ['50/NQ-CP']
    """
    out: list[DocNumber] = []
    for m in DOCNUM_RE.finditer(text):
        if m.group("p_num"):
            sym_raw = f"{m.group('p_type')}/{m.group('p_iss')}"
            num, year, party = m.group("p_num"), None, True
        elif m.group("n_num"):
            sym_raw = m.group("n_sym")
            num, year, party = m.group("n_num"), None, False
        else:
            sym_raw = m.group("s_sym")
            num, year, party = m.group("s_num"), m.group("s_year"), False
        if not (typed and re.search(r"[A-Za-zĐđ]{2}", sym_raw)) and not _looks_like_docnum(re.sub(r"\s+", "", sym_raw.translate(_DASHES).translate(_ETH))):
            continue
        # Trailing lower-case prose glued by a dash is not part of a symbol.
        symbol = _clean_symbol(sym_raw)
        if not party and not re.search(r"[A-ZĐ]{2}", symbol):
            continue
        out.append(DocNumber(m.group(0), str(int(num)), symbol, year, party, m.start(), m.end()))
    return out


def has_figure(text: str) -> bool:
    """A figure that can answer "bao nhiêu": not a year, a date or a document number.

    >>> has_figure("Quyết định số 321/QĐ-UBND ngày 09/02/2022 về kinh phí năm 2022"), has_figure("đạt 82,56%")
    (False, True)
    >>> has_figure("do dịch Covid-19"), has_figure("có 05/6 mục tiêu"), has_figure("giống lúa ĐH12"), has_figure("trạm 5G")
    (False, True, False, False)
    """
    return bool(figures(text))


def figures(text: str) -> list[re.Match]:
    """The figures of ``has_figure``, as matches at their places in ``text``."""
    text = blank_docnums(text)
    text = re.sub(r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2}/\d{4}", lambda m: " " * len(m.group(0)), text)  # not 05/6 (five of six)
    # a name: COVID-19, a variety's or a product's code: ĐH12, VR360
    text = re.sub(r"(?<![\w-])[^\W\d_]+-?\d+", lambda m: " " * len(m.group(0)), text)
    text = re.sub(r"(?<![\w.,])\d+[A-Z]\b", lambda m: " " * len(m.group(0)), text)  # a technology: 5G, 4G
    return [m for m in find_numbers(text) if not YEAR_RE.fullmatch(m.group(0))]


def docnum_key(text: str) -> str | None:
    """Canonical key of the single document number in ``text`` (None if none)."""
    found = find_docnums(text, typed=True)
    return found[0].key if found else None


# --- Dates ------------------------------------------------------------------

# "04/6/2025", and as typed: "04-6-2025", "04.6.2025" (one separator throughout),
# "ngày 4 tháng 6 năm 2025" with or without diacritics.
DATE_RE = re.compile(
    r"(?<![\d.,/-])(?P<d>\d{1,2})\s?(?P<sep>[/.-])\s?(?P<m>\d{1,2})\s?(?P=sep)\s?(?P<y>(?:19|20)\d\d)(?!\d)"
    r"|ng(?:ày|ay)\s+(?P<d2>\d{1,2})\s+th(?:áng|ang)\s+(?P<m2>\d{1,2})\s+n(?:ăm|am)\s+(?P<y2>(?:19|20)\d\d)",
    re.IGNORECASE,
)


YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def years_in(text: str, free: bool = False) -> set[str]:
    """Years written in ``text``: "2020-2025", "năm 2022", "ngày 02/3/2020", but not the
    year or number of a document number (15/2020/NQ-HĐND, 1929/QĐ-UBND). ``free``: not those
    of full dates either (the years a question asks about; "tháng 6/2025" is one).

    >>> q = "Năm 2023, tháng 6/2025 theo 15/2020/NQ-HĐND ngày 09/12/2020 và 1929/QĐ-UBND"
    >>> sorted(years_in(q)), sorted(years_in(q, free=True))
    (['2020', '2023', '2025'], ['2023', '2025'])
    """
    text = blank_docnums(text, typed=True)
    if free:
        text = blank_dates(text)
    return set(YEAR_RE.findall(text))


PERIOD_RE = re.compile(r"(?<!\d)((?:19|20)\d\d)\s*[-–—]\s*((?:19|20)\d\d)(?!\d)")


def periods(text: str) -> set[tuple[int, int]]:
    """Periods written in ``text`` as two years: "2020-2025", "2021- 2025", "2025–2030".

    >>> sorted(periods("giai đoạn 2021- 2025, nhiệm kỳ 2020 – 2025; 15/2020/NQ-HĐND"))
    [(2020, 2025), (2021, 2025)]
    """
    return {(int(a), int(b)) for a, b in PERIOD_RE.findall(blank_docnums(text, typed=True)) if a < b}


def blank_docnums(text: str, typed: bool = False) -> str:
    """``text`` with its document numbers blanked (same length): their digits are no
    figures and no years."""
    for d in reversed(find_docnums(text, typed=typed)):
        text = text[: d.start] + " " * (d.end - d.start) + text[d.end:]
    return text


def blank_dates(text: str) -> str:
    """``text`` with its full dates blanked (same length)."""
    return DATE_RE.sub(lambda m: " " * len(m.group(0)), text)


def find_dates(text: str) -> list[tuple[str, int, int]]:
    """Dates as ISO strings with spans: ``4/6/2025`` = ``04/06/2025`` -> ``2025-06-04``.

    >>> [d for d, _, _ in find_dates("04/6/2025, 4-6-2025, ngay 4 thang 6 nam 2025; 2021-2025, 1.8.2")]
    ['2025-06-04', '2025-06-04', '2025-06-04']
    """
    out = []
    for m in DATE_RE.finditer(text):
        d, mth, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (m.group("d2"), m.group("m2"), m.group("y2"))
        di, mi = int(d), int(mth)
        if 1 <= di <= 31 and 1 <= mi <= 12:
            out.append((f"{int(y):04d}-{mi:02d}-{di:02d}", m.start(), m.end()))
    return out


# "tháng 6/2025", "6/2025", "tháng 6 năm 2025": a month (not inside a full date or a
# document number, which are blanked or matched first).
MONTH_RE = re.compile(
    r"(?<![\d.,/-])(?P<m>\d{1,2})\s?/\s?(?P<y>(?:19|20)\d\d)(?![\d/])"
    r"|th(?:áng|ang)\s+(?P<m2>\d{1,2})\s+n(?:ăm|am)\s+(?P<y2>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)


def date_terms(text: str) -> list[str]:
    """Search terms of the dates and months in ``text`` (document numbers already blanked):
    ``2025-06-04`` and ``2025-06`` for "04/6/2025", ``2025-06`` for "tháng 6/2025". NUMBER_RE
    reads no year after a slash, so without these a question about "tháng 6/2025" shares only
    "6" with the passage that answers it (among a hundred reports, with every "tháng 6/…").
    No bare year: "năm 2025" is not "tháng 6/2025" (as a term it let translated questions
    about years the report does not cover reach month passages: 2 wrong answers).

    >>> date_terms("ngày 04/6/2025; đến tháng 6/2025, tháng 12 năm 2024; 6 tháng đầu năm 2025")
    ['2025-06-04', '2025-06', '2025-06', '2024-12']
    """
    terms = []
    for iso, _, _ in find_dates(text):
        terms += [iso, iso[:7]]
    for m in MONTH_RE.finditer(blank_dates(text)):
        month, year = (m.group("m"), m.group("y")) if m.group("m") else (m.group("m2"), m.group("y2"))
        if 1 <= int(month) <= 12:
            terms.append(f"{year}-{int(month):02d}")
    return terms


def iso_to_vn(iso: str) -> str:
    """``2025-06-04`` -> ``04/6/2025`` (the form administrative documents use)."""
    y, m, d = iso.split("-")
    return f"{int(d):02d}/{int(m)}/{y}"


# --- Tokens for lexical search ----------------------------------------------

# Bump when tokenize() changes: cached BM25 indexes are keyed on it.
TOKENIZER_VERSION = 7

# Abbreviations every provincial report uses, and what they stand for: a passage that
# writes one form is found by a question that writes the other (accent-free).
ABBREVIATIONS = {
    "khcn": "khoa hoc va cong nghe",
    "dmst": "doi moi sang tao",
    "cds": "chuyen doi so",
    "tthc": "thu tuc hanh chinh",
    "ubnd": "uy ban nhan dan",
    "hdnd": "hoi dong nhan dan",
    "shtt": "so huu tri tue",
    "tcdlcl": "tieu chuan do luong chat luong",
    "llct": "ly luan chinh tri",
    "ccvc": "cong chuc vien chuc",
    "cbccvc": "can bo cong chuc vien chuc",
    "dvc": "dich vu cong",
    "cntt": "cong nghe thong tin",
    "bcvt": "buu chinh vien thong",
    "attt": "an toan thong tin",
    "dn": "doanh nghiep",
}
# How people type a question in a chat, never how a report writes: "kết nạp đc bn ĐV?".
# Question side only (vankien.pipeline reads a question with spelled_out). Not "k"/"kh" alone
# (KH is kế hoạch), "tr" (triệu or trước), "đk" (điều kiện or được).
CHAT_SHORTHAND = {
    "đc": "được", "dc": "được", "bn": "bao nhiêu", "bnh": "bao nhiêu", "ko": "không", "hok": "không",
    "hông": "không", "khg": "không", "ntn": "như thế nào", "ng": "người", "trc": "trước", "sl": "số lượng",
    "tl": "tỷ lệ", "cty": "công ty", "nhìu": "nhiều", "tgian": "thời gian", "ns": "ngân sách",
    "tbkt": "tiến bộ kỹ thuật", "nckh": "nghiên cứu khoa học", "đv": "đảng viên", "ktxh": "kinh tế - xã hội",
    "qđ": "quyết định", "qd": "quyết định", "bcđ": "Ban Chỉ đạo",
    # officialese a clerk writes in notes: "GĐ 2020-2025", "tổng KP", "xử phạt VPHC"
    "gđ": "giai đoạn", "kp": "kinh phí", "vphc": "vi phạm hành chính", "đmcn": "đổi mới công nghệ",
    "dvctt": "dịch vụ công trực tuyến",
}
# (reports write these inside document numbers, 1218/QĐ-UBND, so the index has them; alone in a
# question they name the kind of document)
_KIND_SHORTHAND = {"qđ", "qd", "bcđ"}
# "T6/2025" is June 2025 (a report writes "tháng 6/2025")
_SHORT_MONTH = re.compile(r"(?<![\w/])[Tt]((?:0?[1-9]|1[0-2])/(?:19|20)\d\d)(?![\w/])")
_CHAT_WORD = re.compile(r"(?<![\w/&-])(" + "|".join(sorted(map(re.escape, CHAT_SHORTHAND), key=len, reverse=True))
                        + r")(?![\w/&-])", re.IGNORECASE)  # (not in 1218/QĐ-UBND, KH&CN)


def spelled_out(question: str, in_corpus=lambda w: False) -> str:
    """``question`` with chat shorthand written out, where the documents never use the short
    form (``in_corpus`` takes an accent-free lower-case word).

    >>> spelled_out("nhiệm kỳ rồi kết nạp đc bn ĐV mới?")
    'nhiệm kỳ rồi kết nạp được bao nhiêu đảng viên mới?'
    >>> spelled_out("QĐ lập BCĐ là số nào, theo 1218/QĐ-UBND?")
    'quyết định lập Ban Chỉ đạo là số nào, theo 1218/QĐ-UBND?'
    >>> spelled_out("số TBKT được ứng dụng", in_corpus=lambda w: w == "tbkt")
    'số TBKT được ứng dụng'
    >>> spelled_out("Tổng KP GĐ 2020-2025? Số trạm đến T6/2025?")
    'Tổng kinh phí giai đoạn 2020-2025? Số trạm đến tháng 6/2025?'
    """
    def swap(m: re.Match) -> str:
        w, key = m.group(0), nfc(m.group(0)).lower()
        return w if key not in _KIND_SHORTHAND and in_corpus(strip_accents(w).lower()) else CHAT_SHORTHAND[key]

    return _CHAT_WORD.sub(swap, _SHORT_MONTH.sub(r"tháng \1", nfc(question)))


_EXPANSIONS = {k: tuple(v.split()) for k, v in ABBREVIATIONS.items()}
_BY_PHRASE = {v: k for k, v in _EXPANSIONS.items()}
_PHRASE_LENS = sorted({len(v) for v in _EXPANSIONS.values()}, reverse=True)


def _abbreviation_terms(flats: list[str]) -> list[str]:
    """For each abbreviation among ``flats`` (accent-free syllables in order) the terms of
    its long form, and for each long form its abbreviation.

    >>> _abbreviation_terms(["so", "khcn"])[:3], _abbreviation_terms("so khoa hoc va cong nghe".split())
    (['khoa', 'hoc', 'va'], ['khcn'])
    """
    out: list[str] = []
    for i, w in enumerate(flats):
        long = _EXPANSIONS.get(w)
        if long:
            out += list(long) + [a + "_" + b for a, b in zip(long, long[1:])]
        for n in _PHRASE_LENS:
            short = _BY_PHRASE.get(tuple(flats[i:i + n]))
            if short:
                out.append(short)
                break
    return out

_TOKEN = re.compile(r"\w+", re.UNICODE)
_PHRASE_BREAK = re.compile(r"[.,;:!?|()\[\]“”\"\n]")
_AMP_ABBR = re.compile(r"\b([A-ZĐ]{1,4})&([A-ZĐ]{1,4})\b")


def tokenize(text: str, bigrams: bool = True) -> list[str]:
    """Search terms for BM25: document numbers as single terms, figures raw and
    canonical, syllables in tone-folded and accent-free forms, and accent-free
    syllable bigrams.

    >>> t = tokenize("Quyết định 1218/QĐ-UBND: 3.916 trạm, thuỷ")
    >>> "1218/QD-UBND" in t and "3916" in t and "3.916" in t and "thủy" in t and "thuy" in t
    True
    >>> [w for w in tokenize("X quang ở các xã") if "_" not in w and len(w) > 3]
    ['quang', 'xquang']
    """
    text = nfc(text)
    terms: list[str] = []
    pieces: list[str] = []
    last = 0
    for d in find_docnums(text, typed=True):
        terms.append(d.key)
        pieces.append(text[last:d.start])
        last = d.end
    pieces.append(text[last:])
    rest = " ".join(pieces)
    terms += date_terms(rest)
    for m in NUMBER_RE.finditer(rest):
        raw = m.group(0).rstrip("%")
        terms.append(raw)
        c = canonical_number(raw)
        if c and c != raw:
            terms.append(c)
    # "KH&CN" is also written "KHCN": index the joined form too.
    joined = [_strip_word((m.group(1) + m.group(2)).lower()) for m in _AMP_ABBR.finditer(rest)]
    terms += joined
    prev = None
    # the syllable before a "và": "khoa học và công nghệ" also gives hoc_cong, as staff
    # write it ("DN khoa học công nghệ", "Sở thông tin truyền thông")
    before_va = None
    prev_letter = False
    prev_end = 0
    flats: list[str] = []
    for m in _TOKEN.finditer(rest):
        w = m.group(0)
        if w.isdigit():
            prev = None
            continue
        if _PHRASE_BREAK.search(rest, prev_end, m.start()):
            prev = None  # "…toàn tỉnh; tổng số…": no bigram across a clause boundary
        prev_end = m.end()
        low = _fold_tone_word(w.lower())
        flat = _strip_word(low)
        if low != flat:
            terms.append(low)
        terms.append(flat)
        if bigrams and prev is not None:
            terms.append(prev + "_" + flat)
            if prev_letter:
                terms.append(prev + flat)  # "X-quang", "X quang" and "Xquang" are one word
            if before_va is not None and prev == "va":
                terms.append(before_va + "_" + flat)
        before_va = prev
        prev = flat
        # (a consonant: the one-letter words are vowels, "ở các" is not "ocác")
        prev_letter = len(w) == 1 and w.isascii() and w.isalpha() and w.lower() not in "aeiouy"
        flats.append(flat)
    terms += _abbreviation_terms(flats + joined)  # "khcn" of KH&CN has a long form too
    return terms


def one_form(question: str, terms: list[str]) -> list[str]:
    """The question's ``terms`` to weigh when it writes a letter-prefixed word with a hyphen:
    only those its other spelling yields too. "X-quang" gives x, quang, x_quang, bi_x… but a
    passage writing "Xquang" has xquang, bi_xquang…: both spellings give xquang (the report
    writes all three of X-quang, X quang, Xquang).

    >>> q = "thiết bị X-quang và cáp quang"
    >>> [w for w in dict.fromkeys(one_form(q, tokenize(q))) if "quang" in w or "_x" in w]
    ['quang', 'xquang', 'cap_quang']
    """
    joined = _HYPHEN_LETTER.sub(r"\1\2", nfc(question))
    if joined == nfc(question):
        return terms
    other = set(tokenize(joined))
    return [t for t in terms if t in other]


_HYPHEN_LETTER = re.compile(r"(?<![\w-])([A-Za-z])-([^\W\d_]+)")


@lru_cache(maxsize=8192)
def term_set(text: str) -> frozenset[str]:
    """``set(tokenize(text))``, cached (speed only): the same passages come back
    question after question, and tokenizing them was ~1/3 of answering."""
    return frozenset(tokenize(text))


# --- Acronyms -----------------------------------------------------------------

# Staff write the initials of the syllables: NQ = Nghị quyết, SHTT = Sở hữu trí tuệ,
# CBCCVC = cán bộ, công chức, viên chức, ĐMST = đổi mới sáng tạo; a lower-case tail keeps
# a consonant cluster: CTr = Chương trình. The report mostly spells them out.
_ACRONYM = re.compile(r"(?<!\w)(?:[A-ZĐ][a-zđ]?){2,8}(?!\w)")


def acronyms(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """``(term, syllable initials)`` of the acronyms in ``text``; the term is the
    accent-free lowercase form ``tokenize`` gives.

    >>> acronyms("Sở đã làm mấy video về SHTT và CTr số mấy? (KH&CN)")
    [('shtt', ('s', 'h', 't', 't')), ('ctr', ('c', 'tr')), ('kh', ('k', 'h')), ('cn', ('c', 'n'))]
    """
    out = []
    for m in _ACRONYM.finditer(nfc(text)):
        w = m.group(0)
        units = tuple(_strip_word(u).lower() for u in re.findall(r"[A-ZĐ][a-zđ]?", w))
        if sum(1 for c in w if c.isupper()) < 2 or (w[0].isupper() and w[1:].islower()):
            continue
        out.append((_strip_word(w).lower(), units))
    return list(dict.fromkeys(out))


@lru_cache(maxsize=8192)
def _syllables(text: str) -> tuple[str, ...]:
    return tuple(w for w in strip_accents(text).lower().split() for w in re.findall(r"[a-z]+", w))


@lru_cache(maxsize=8192)
def spelled_terms(units: tuple[str, ...], text: str) -> frozenset[str]:
    """The terms of the first run of words of ``text`` that spells out these initials and
    starts with a capital, as names are written: a passage writing GTCLQG holds what a
    question writing "Giải thưởng Chất lượng quốc gia" asks about. Empty when ``text`` does
    not (not by chance: "bên cạnh đó" is no BCĐ; runs do not cross a translation's " | ").

    >>> sorted(spelled_terms(tuple("gtclqg"), "đạt Giải thưởng Chất lượng quốc gia?"))[:4]
    ['chat', 'chat_luong', 'gia', 'giai']
    >>> sorted(spelled_terms(("b", "c", "d"), "bên cạnh đó, Ban chỉ đạo"))
    ['ban', 'ban_chi', 'chi', 'chi_dao', 'dao']
    """
    n = len(units)
    for part in text.split("|"):
        words = re.findall(r"[^\W\d_]+", nfc(part))
        plain = [strip_accents(w).lower() for w in words]
        for i in range(len(words) - n + 1):
            if words[i][0].isupper() and all(plain[i + k].startswith(units[k]) for k in range(n)):
                return term_set(" ".join(plain[i:i + n]))
    return frozenset()


def spells_out(units: tuple[str, ...], text: str) -> bool:
    """Whether ``text`` has consecutive syllables with these initials (punctuation between
    them is ignored: "cán bộ, công chức, viên chức" spells CBCCVC).

    >>> spells_out(("s", "h", "t", "t"), "giải đáp thắc mắc về Sở hữu trí tuệ;")
    True
    >>> spells_out(("c", "tr"), "Chương trình số 13-CTr/ĐUK"), spells_out(("c", "tr"), "công tác")
    (True, False)
    >>> spells_out(tuple("cbccvc"), "Có 100% cán bộ, CCVC, người lao động")
    True
    """
    syl = _syllables(text)
    n = len(units)

    def from_(i: int, j: int) -> bool:
        if j == n:
            return True
        if i == len(syl):
            return False
        s = syl[i]
        if s.startswith(units[j]) and from_(i + 1, j + 1):
            return True
        # the text may keep part of it abbreviated: "cán bộ, CCVC" spells CBCCVC
        k = j + 2
        while k <= n and len("".join(units[j:k])) <= len(s):
            if "".join(units[j:k]) == s and from_(i + 1, k):
                return True
            k += 1
        return False

    return any(from_(i, 0) for i in range(len(syl)))
