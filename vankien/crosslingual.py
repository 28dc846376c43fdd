"""English questions put into the report's own words.

No offline translation model ships, and e5 alone, though multilingual, ranks passages
by topic: it cannot tell which clause of a passage holds the figure asked for, so an
English question needed a strict similarity threshold and was mostly refused. A
glossary of the vocabulary of provincial science-and-technology, ICT and Party reports
(``glossary_en_vi.tsv``) turns the question into Vietnamese terms, which then go
through the same lexical search, coverage and figure checks as a Vietnamese question.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable
from importlib import resources

from vankien.question import DOC_KINDS, NUMBERED_KINDS, is_code, report_words
from vankien.vietnamese import YEAR_RE, find_docnums, has_diacritics, nfc, strip_accents, tokenize

_STOP = set(
    "a an the of in on at to for by with from into about and or but is are was were be been being "
    "do does did has have had what which who whom whose how there it its this that these those as than "
    "still also their they them his her our we you your i so up out any all some each other such "
    "same only just can could will would should may might must not no yes many much more most "
    "get got give given make made take taken hold held set".split()
    # prepositions and adverbs that carry no subject: "under the 2025-2030 targets", "actually granted"
    + "through under during besides apart among over within without across before after between via per since "
    "until against toward towards upon onto along around behind beyond despite except near off past "
    "actually currently now then already ever really even yet again exactly approximately roughly nearly almost "
    "overall altogether respectively own every either neither both another several few one ones well "
    "whether where why thing please pls plz thanks thx".split()
    # what a question says about the report, not about the subject: "which plan is cited", "is expected to"
    + "cite cited mention mentioned list listed state stated report reported describe described say said "
    "name named according expect expected mean meant suppose supposed want wanted follow follows followed "
    "aim aims aimed seek seeks cover covers covered".split()  # ("which plan covers…"; coverage is phủ sóng)
)
# "must not" stays a phrase in the glossary; the stop list only drops words met alone.
_WORD = re.compile(r"[\w&'-]+")


@dataclass(frozen=True)
class Translation:
    text: str  # the question in the report's words
    known: float  # share of the question's content words the glossary knew


@lru_cache(maxsize=1)
def _entries() -> tuple[tuple[tuple[str, ...], str, bool], ...]:
    """(English words, Vietnamese, written with punctuation inside) per glossary line."""
    out = []
    text = resources.files("vankien").joinpath("glossary_en_vi.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        en, vi = line.split("\t")
        key = tuple(re.sub(r"'s$", "", w) for w in _WORD.findall(en.lower()))
        out.append((key, nfc(vi.strip()), bool(re.search(r"[,;/]", en))))
    return tuple(out)


@lru_cache(maxsize=1)
def _glossary() -> dict[tuple[str, ...], str]:
    return {key: vi for key, vi, _ in _entries()}


def with_loanwords(question: str, in_corpus: Callable[[str], bool]) -> str:
    """A Vietnamese question with the English words people mix in ("làm online", "app") in
    the report's words, when the documents never use them and the glossary knows them.

    >>> with_loanwords("Tỷ lệ hồ sơ làm online đạt bao nhiêu?", lambda w: False)
    'Tỷ lệ hồ sơ làm trực tuyến đạt bao nhiêu?'
    >>> with_loanwords("Có bao nhiêu camera AI, online?", lambda w: w == "camera")
    'Có bao nhiêu camera AI, trực tuyến?'
    """
    glossary = _glossary()

    def swap(m: re.Match) -> str:
        w = m.group(0)
        vi = glossary.get((w,))
        if vi is None or not w.islower() or in_corpus(w):
            return w  # (a name, an acronym, a word the report itself uses)
        return "{" + vi + "}" if "|" in vi else vi  # (alternatives, as to_vietnamese writes them)

    return re.sub(r"(?<![\w/-])[a-z]{3,}(?![\w/-])", swap, question)


@lru_cache(maxsize=1)
def _synonyms() -> tuple[tuple[re.Pattern, str], ...]:
    """(the phrase accent-free as a pattern, its alternatives) per line of synonyms_vi.tsv,
    longest phrase first."""
    return tuple((re.compile(rf"(?<![\w{{|]){re.escape(a)}(?![\w|}}])"), "|".join(b)) for a, b in report_words())


def with_synonyms(question: str) -> str:
    """A Vietnamese question with the words reports write for its everyday ones as
    alternatives: "tăng bình quân" is searched as "tăng {bình quân|trung bình}", and a passage
    needs one of them (vankien.retrieve.Wanted).

    >>> with_synonyms("Thu nhập tăng bình quân bao nhiêu?"), with_synonyms("tong so dot thanh tra")
    ('Thu nhập tăng {bình quân|trung bình} bao nhiêu?', 'tong so {dot|cuộc} thanh tra')

    Not what "bao nhiêu" counts, which the quote must name in the question's words:

    >>> with_synonyms("có bao nhiêu đề tài cấp cơ sở?")
    'có bao nhiêu đề tài cấp cơ sở?'
    """
    folded = strip_accents(question).lower()  # (one character for one: offsets match)
    for pattern, alts in _synonyms():
        # (not what "bao nhiêu" counts: the figure must be followed by the question's own word,
        # vankien.question.asked_unit)
        spans = [m.span() for m in pattern.finditer(folded)
                 if not re.search(r"\b(?:bao nhieu|may)\s+(?:(?:cai|chiec)\s+)?$", folded[:m.start()])]
        for s, e in reversed(spans):
            question = question[:s] + "{" + question[s:e] + "|" + alts + "}" + question[e:]
        if spans:
            folded = strip_accents(question).lower()
    return question


@lru_cache(maxsize=1)
def _punctuated() -> frozenset[tuple[str, ...]]:
    """Glossary phrases written with punctuation inside ("standards, metrology and quality"):
    these may match across the question's commas."""
    return frozenset(key for key, _, punct in _entries() if punct)


@lru_cache(maxsize=1)
def _vocabulary() -> frozenset[str]:
    return frozenset(w for key in _glossary() for w in key)


def _starts_phrase(word: str) -> bool:
    """``word`` begins a glossary phrase: in "which traditional festival" the noun asked
    for is not "traditional"."""
    return any(f in _first_words() for f in _forms(word))


@lru_cache(maxsize=1)
def _first_words() -> frozenset[str]:
    return frozenset(key[0] for key in _glossary())


def _forms(word: str) -> list[str]:
    """The word and its likely base forms: stations -> station, licensing -> licens(e),
    carried -> carry, admitted -> admit.

    >>> [f for w in ("carried", "admitted", "passed") for f in _forms(w) if f in ("carry", "admit", "pass", "pas")]
    ['carry', 'admit', 'pass']
    """
    out = [word]
    if word.endswith("ies"):
        out.append(word[:-3] + "y")
    if word.endswith("es"):
        out.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss"):
        out.append(word[:-1])
    if word.endswith("ied"):
        out.append(word[:-3] + "y")  # carried -> carry
    if word.endswith("ed"):
        out += [word[:-2], word[:-1]]
    if word.endswith("ing"):
        out += [word[:-3], word[:-3] + "e"]
    stem = word[:-2] if word.endswith("ed") else word[:-3] if word.endswith("ing") else ""
    if len(stem) > 4 and stem[-1] == stem[-2] and stem[-1] not in "aeiousl":
        out.append(stem[:-1])  # admitted -> admit, planning -> plan (not "passed", "called")
    return out


_SPAN = re.compile(r"\b(?:(?:between|from)\s+)?((?:19|20)\d\d)\s+(?:and|to|until|till|through|thru)\s+((?:19|20)\d\d)\b",
                   re.IGNORECASE)
_DAY = re.compile(r"(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?")  # "16 May", "May 16th"


def _past(word: str) -> bool:
    """A past form in -ed ("received", not "seed" or "need")."""
    return word.endswith("ed") and not word.endswith("eed")


# Past forms without -ed ("which firm won…", "which unit led…")
_IRREGULAR_PAST = set("won built led met held made took gave set spent lent kept sent paid began became brought bought "
                      "got had did said saw went ran grew wrote chose fell found left lost meant put read sold told "
                      "thought understood drew".split())


_AUXILIARIES = set("is are was were do does did have has had will can could may must should be been of in on for "
                   "with at from to by".split())


def _looks_like_verb(words: list[str], k: int, possessive: bool) -> bool:
    """After "which <noun>", a word in -ed, a past form, or a word in -s followed by its
    object is the verb: "which programme supports startups", "which operator rolled out";
    not "which rice varieties are…", "which central provinces' incubators"."""
    w = words[k]
    if _past(w) or w in _IRREGULAR_PAST:
        return True
    if not w.endswith("s") or w.endswith("ss") or possessive:
        return False
    return k + 1 < len(words) and words[k + 1] not in _AUXILIARIES


class _Counted:
    """What "how many <noun phrase>" counts: the phrase's last word (its head in English)
    when the glossary knows it. "How many BTS stations did…" -> "bao nhiêu trạm", so the
    answer must give a figure of it, as for a Vietnamese question; an unknown head asks for
    no unit. Fed the question's words in order while translating."""

    def __init__(self) -> None:
        self.framing: list[str] | None = None  # set while reading the phrase after "how many"
        self.at = 0  # where its "bao nhiêu" is in framing
        self.head: str | None = None
        self.words = 0
        self.plural = False  # the last word read was a plural noun

    def start(self, framing: list[str], words: list[str]) -> None:
        self.end()
        if list(words) == ["how", "many"]:
            self.framing, self.at, self.head, self.words, self.plural = framing, len(framing) - 1, None, 0, False

    def noun(self, vi: str | None, word: str, joined: bool = True) -> None:
        # The phrase ends at punctuation, at a verb in -ed ("how many S&T projects received…"
        # counts dự án; not "seed") and after a plural ("how many officials attend…")
        if self.framing is not None and self.words and (
                not joined or self.plural or _past(word)):
            self.end()
        if self.framing is not None:
            if is_code(word):  # a code qualifies the noun it goes with: "6G stations", "trạm 4G"
                vi = self.head
            self.head, self.words = vi, self.words + 1
            self.plural = word.endswith("s") and not word.endswith("ss") and len(word) > 3

    def stop(self, word: str) -> None:
        if self.framing is not None and not (self.words == 0 and word in ("of", "the")):
            self.end()  # ("how many of the Party members": the phrase starts after "of the")

    def end(self) -> None:
        if self.framing is not None and self.head:
            self.framing[self.at] = f"bao nhiêu {self.head}"
        self.framing = None


_ENGLISH_PLACE_KINDS = {"province", "district", "city", "commune", "town", "ward"}


def _run_before(raw: list[str], joined: list[bool], k: int) -> list[int]:
    """The capitalised words right before word ``k`` (not the question's first word)."""
    run, j = [], k - 1
    while j > 0 and raw[j][:1].isupper() and joined[j + 1]:
        run.append(j)
        j -= 1
    return run


# "After the merger with …, how many …?": the event a question opens with as its time
_EN_OPENING_AFTER = re.compile(r"^\s*(?:after|following)\s+((?:the|its|their)\s+[^,;?!.]{3,120}),\s*(.+)$", re.IGNORECASE | re.DOTALL)


def to_vietnamese(question: str, in_corpus: Callable[[str], bool] = lambda w: True) -> Translation:
    """:func:`_to_vietnamese`, with the event a question opens with as its time kept apart in
    the words a Vietnamese question writes it (vankien.question.opening_time):

    >>> to_vietnamese("After the merger, how many Party members are there?").text
    'Sau khi hợp nhất, đảng viên | bao nhiêu đảng viên'
    """
    whole = _to_vietnamese(question, in_corpus)
    m = _EN_OPENING_AFTER.match(question)
    if m:
        event, rest = _to_vietnamese(m.group(1), in_corpus), _to_vietnamese(m.group(2), in_corpus)
        if event.text and rest.text:
            return Translation(f"Sau khi {event.text}, {rest.text}", whole.known)
    return whole


def _to_vietnamese(question: str, in_corpus: Callable[[str], bool] = lambda w: True) -> Translation:
    """The question's content in Vietnamese report terms; numbers, document numbers and
    names the glossary does not know are kept as written. ``in_corpus(word)``: whether the
    documents use a word; a capitalised word they do not use is English, not a name
    ("Commission", "Charter"), and counts as an unknown word.

    >>> t = to_vietnamese("How many BTS stations did Phu Tho have as of June 2025?")
    >>> t.text, t.known
    ('BTS | trạm | Phú Thọ | tính đến | tháng 6 | 2025 | bao nhiêu trạm', 1.0)
    >>> to_vietnamese("How many of the Party members are women?").text
    'đảng viên | phụ nữ | bao nhiêu đảng viên'

    "which <noun>" asks for that noun; a capitalised word the documents never use is English:

    >>> to_vietnamese("Which guidance of the Central Organisation Commission applies?", in_corpus=lambda w: False).text
    'Trung ương | tổ chức | commission | {ứng dụng|áp dụng} | Hướng dẫn nào'

    The noun asked for is the last of its phrase, not a possessive's object or a verb after it:

    >>> to_vietnamese("Which courier company's change of focus is given as a reason?").text
    'chuyển phát | thay đổi | {tập trung|trọng tâm} | nguyên nhân | doanh nghiệp nào'

    ... nor past an article ("Which year the committee…", as some write it):

    >>> to_vietnamese("Which year the committee was rated excellent?").text
    'committee | xếp loại | xuất sắc | năm nào'

    "when" inside a sentence is no question of a date:

    >>> to_vietnamese("What must firms check when choosing a supplier?").text, to_vietnamese("And when was it signed?").text
    ('doanh nghiệp | kiểm tra | lựa chọn | supplier', 'ký | ngày nào')

    Words that only frame the question add nothing ("about" is not "khoảng", "the report" not a báo cáo):

    >>> to_vietnamese("What does the report say about innovation?").text
    'đổi mới sáng tạo'
    >>> to_vietnamese("How much was spent on science, technology, innovation?").text  # (no phrase across commas)
    'chi | khoa học | công nghệ | đổi mới sáng tạo | bao nhiêu'
    >>> to_vietnamese("How many staff were trained?").text  # (words the report writes two ways: {…|…})
    '{cán bộ|công chức|viên chức} | {đào tạo|bồi dưỡng|tập huấn} | bao nhiêu cán bộ'
    >>> to_vietnamese("What share of staff have an IT certificate?").text  # ("IT" is no pronoun)
    'tỷ lệ | {cán bộ|công chức|viên chức} | IT | {giấy chứng nhận|chứng chỉ|văn bằng|bằng tốt nghiệp}'
    >>> to_vietnamese("Which plan implements Resolution 57?").text, to_vietnamese("Which decision of 4 August?").text
    ('{thực hiện|triển khai} | Nghị quyết 57 | kế hoạch nào', '4 | tháng 8 | quyết định nào')
    >>> to_vietnamese("How many tram 4G by June 2025?").text  # (a code qualifies what is counted)
    'trạm | 4G | tháng 6 | 2025 | bao nhiêu trạm'
    >>> to_vietnamese("How many tasks were approved between 2021 and 2025?").text
    'nhiệm vụ | phê duyệt | 2021-2025 | bao nhiêu nhiệm vụ'
    >>> to_vietnamese("How many electronic identification (VNeID) accounts are active?").text
    'định danh điện tử | (VNeID) | tài khoản | active | bao nhiêu tài khoản'
    >>> to_vietnamese("How many patents were granted in Vinh Phuc province?", in_corpus=lambda w: w == "phuc").text
    'sáng chế | cấp | Vinh Phuc | tỉnh | bao nhiêu sáng chế'
    """
    glossary = _glossary()
    question = nfc(question).replace("\u2019", "'")  # (phones type ’ for the apostrophe)
    question = _SPAN.sub(r"\1-\2", question)  # "between 2021 and 2025" is the period 2021-2025
    kept: list[str] = []
    for d in find_docnums(question, typed=True):  # 15/2020/NQ-HĐND is one term in any language
        kept.append(question[d.start:d.end])
        question = question[:d.start] + " " * (d.end - d.start) + question[d.end:]
    # "(VNeID)" glosses the words before it: kept in parentheses, a name the passage need not repeat
    glosses = [m.span() for m in re.finditer(r"\([^()]*\)", question)]
    matches = list(_WORD.finditer(question))
    # (word, inside a gloss, only white space or a gloss's brackets before it: "Hòa Bình" is
    # one name, "Viettel, VNPT" two)
    # (and after a possessive: "which company's change" asks for the company)
    raw = [(re.sub(r"'s$", "", m.group(0).strip("'-")), any(a < m.start() < b for a, b in glosses),
            k > 0 and not question[matches[k - 1].end():m.start()].strip(" ()"),
            k > 0 and re.search(r"(?:'s|s')$", matches[k - 1].group(0)) is not None) for k, m in enumerate(matches)]
    # "intermediate-level" -> "intermediate", "level" unless the glossary has the hyphenated word
    vocab = _vocabulary()
    raw = [(p, g, j or n > 0, o and n == 0) for w, g, j, o in raw if w
           for n, p in enumerate([w] if "-" not in w or any(f in vocab for f in _forms(w.lower()))
                                 or any(c.isdigit() for c in w) else w.split("-")) if p]
    glossed = [g for _, g, _, _ in raw]
    joined = [j for _, _, j, _ in raw]
    after_possessive = {k for k, (_, _, _, o) in enumerate(raw) if o}
    raw = [w for w, _, _, _ in raw]
    words = [w.lower() for w in raw]
    # "in Vinh Phuc province": capitalised words before a kind of place are its name, even where
    # the documents never use them (the place check then finds the report is about another one)
    placed = {j for k, w in enumerate(words) if w in _ENGLISH_PLACE_KINDS
              for j in _run_before(raw, joined, k)}
    body: list[str] = []
    framing: list[str] = []  # "bao nhiêu", "nào", "ai là" go last: not "bao nhiêu <unit>"
    known = unknown = 0
    named_at = -1  # where the last name kept as written was
    counted = _Counted()
    last_vi, last_at = None, -1  # the last phrase the glossary gave, and where its last word was
    asking = -1  # where the rest of a "which …" noun phrase goes on
    i = 0
    while i < len(words):
        for n in range(min(5, len(words) - i), 0, -1):
            head, last = tuple(words[i:i + n - 1]), words[i + n - 1]
            key = next((head + (f,) for f in _forms(last) if head + (f,) in glossary), None)
            if key is not None and not all(joined[i + 1:i + n]) and key not in _punctuated():
                key = None  # "science, technology, innovation" is no "technology innovation"
            if key is not None:
                # "mục tiêu|chỉ tiêu": a word the report writes two ways is searched both ways and
                # a passage needs one ({…}, vankien.retrieve.Wanted); what is asked for or
                # counted is named by the first
                vi, *other = glossary[key].split("|")
                if (i > 0 and words[i - 1] == "which") or asking == i:
                    if (i + n < len(words) and joined[i + n] and _starts_phrase(words[i + n])
                            and words[i + n] not in _STOP  # ("which year the committee…": no noun goes on)
                            and i + n not in after_possessive
                            and not _looks_like_verb(words, i + n, i + n + 1 in after_possessive)):
                        # "which courier company": the noun asked for is the last of its phrase (not
                        # in "which company's change", "which operator rolled out", "which programme
                        # supports startups")
                        asking = i + n
                    elif not vi.endswith("nào"):
                        vi += " nào"  # "which programme of…" asks for a chương trình: the quote must name one
                if (vi == "ai là" or (key == ("when",) and joined[i] and words[i - 1] not in ("and", "or", "but"))) and i > 0:
                    # "officials who were trained", "what is checked when choosing…": no person,
                    # no date asked
                    counted.stop(words[i])
                elif "bao nhiêu" in vi or vi.endswith("nào") or vi == "ai là":
                    framing.append(vi)
                    counted.start(framing, words[i:i + n])
                else:
                    body.append("{" + "|".join([vi] + other) + "}" if other else vi)
                    last_vi, last_at = body[-1], i + n - 1
                    counted.noun(vi, words[i + n - 1], joined[i])
                known += n
                i += n
                break
        else:
            w, r = words[i], raw[i]
            if w == "may" and ((i > 0 and _DAY.fullmatch(words[i - 1])) or (
                    i + 1 < len(words) and (_DAY.fullmatch(words[i + 1]) or YEAR_RE.fullmatch(words[i + 1])))):
                body.append("tháng 5")  # "16 May", "May 2025" (the modal verb is a stop word)
                counted.end()
            elif any(ch.isdigit() for ch in w):
                if (body and joined[i] and last_vi == body[-1] and last_at == i - 1 and body[-1].lower() in DOC_KINDS
                        and (not YEAR_RE.fullmatch(w) or body[-1].lower() in NUMBERED_KINDS)):
                    body[-1] += " " + r  # "Resolution 57" is Nghị quyết 57: one phrase, as a Vietnamese question writes it
                else:
                    body.append(r)  # 2025, 6/2025, 2020-2025
                if is_code(w):  # "how many 6G stations" still counts trạm
                    counted.noun(None, w, joined[i])
                else:
                    counted.end()
            elif any(f in _STOP for f in _forms(w)) and not (len(r) > 1 and r.isupper()):
                # "sets", "things" (not an acronym: "IT", "AS")
                counted.stop(w)
            else:
                # kept as written: a name (Viettel, Techmart) matches the report, and a word the
                # glossary lacks ("doctoral") counts against the passage like an unknown syllable
                name = i > 0 and r[0].isupper() and (sum(ch.isupper() for ch in r) > 1 or in_corpus(w) or i in placed)
                if name and named_at == i - 1 and joined[i] and not glossed[i]:
                    body[-1] += " " + r  # "Hòa Bình" is one name: its bigram must be in the passage
                else:
                    body.append((f"({r})" if glossed[i] else r) if name else w)
                named_at = i if name else -1
                if not glossed[i]:  # ("identification (VNeID) accounts" counts tài khoản)
                    counted.noun(None, w, joined[i])
                if has_diacritics(r):
                    known += 1  # a Vietnamese word in an English question: "(kinh phí không quyết toán)"
                elif not name:
                    unknown += 1
            i += 1
    counted.end()
    share = known / (known + unknown) if known + unknown else 0.0
    # " | " between phrases: no search bigram joins the end of one to the start of the next
    return Translation(" | ".join(kept + body + framing), share)


# "How many of the 188 tasks were in the agriculture sector?": a part of a whole, told apart by
# what follows the verb
# ... and "Of the 188 tasks approved, how many were led by universities?"
_EN_PART = re.compile(r"(?:\bhow many of (?:the|its|their|these|those|them)\b|^\s*(?:of|among|out of) (?:the|its|their|these|those)\b"
                      r"[^?]*?,\s*how many\b).*?\b(?:were|was|are|is|have|has|had|hold|holds|"
                      r"went|received|got)\b(.+)$", re.IGNORECASE)


def english_part(question: str) -> tuple[str, ...]:
    """For "How many of the … were …?", the two-syllable report terms, in order, of what tells
    the part apart (vankien.question.part_terms does this for a Vietnamese question).

    >>> english_part("How many of the 188 S&T tasks were in the agriculture sector?")
    ('nong_nghiep', 'linh_vuc')
    >>> english_part("How many S&T tasks were approved?")
    ()
    >>> english_part("Of the 188 tasks approved in 2020-2025, how many were in the agriculture sector?")
    ('nong_nghiep', 'linh_vuc')
    """
    m = _EN_PART.search(question)
    if not m:
        return ()
    words = re.sub(r"[{}]", " ", to_vietnamese(m.group(1)).text)
    return tuple(t for t in tokenize(words) if "_" in t)


# "What percentage of Phu Tho's population …?": what the share is of, up to its verb or preposition
_EN_SHARE_OF = re.compile(r"\b(?:percentage|percent|share|proportion|fraction|rate|ratio)\s+of\s+(.+?)"
                          r"(?=\s+(?:was|were|is|are|had|has|have|did|does|do|that|which|who|in|by|with|at|on|to|"
                          r"for|from|under|covered|received|used|got|being)\b|[?,.;:]|$)", re.IGNORECASE)


def english_share_subject(question: str) -> tuple[str, ...]:
    """For "What percentage of X …?", the two-syllable report terms of X (vankien.question.share_subject
    does this for a Vietnamese question); names are left out.

    >>> english_share_subject("What percentage of Phu Tho's population was covered by 5G signal?")
    ('dan_cu',)
    >>> english_share_subject("What share of online dossiers is processed?"), english_share_subject("What rate?")
    (('truc_tuyen', 'tuyen_ho', 'ho_so'), ())
    """
    m = _EN_SHARE_OF.search(question)
    if not m:
        return ()
    words = " ".join(w for w in m.group(1).split() if not w[0].isupper() and w.lower() not in ("the", "all", "its", "their"))
    words = re.sub(r"[{}|]", " ", to_vietnamese(words).text) if words else ""
    return tuple(t for t in tokenize(words) if "_" in t)
