"""What a question asks for: a figure (and of what; a share or a count), a date, a year, a
document number, a person, a cause, a kind of thing ("Huyện nào…?"), and the years and
codes (5G) it names.

Read once per question. Retrieval prefers passages that hold that kind of answer; the
answerer chooses the clause that gives it and refuses a passage that cannot.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources

from vankien.vietnamese import (NUMBER_RE, PERIOD_RE, YEAR_RE, DocNumber, acronyms, blank_docnums, canonical_number,
                                figures, find_docnums, find_numbers, has_diacritics, has_figure, nfc, periods,
                                spells_out, strip_accents, term_set, tokenize, years_in)

# Question words carry no topic: "bao nhiêu", "là gì", "how many".
QUESTION_WORDS = set(
    "la gi bao nhieu may nao ra sao khong chua the co duoc hay a nhi vay cho biet hoi toi xin "
    "cua cac nhung va voi ve trong tren tai theo den tu da dang se thi ma nay do hien nay tinh khoang "
    "how many much what which when where who whose is are was were the a an of in to did does do for by on "
    "there it its as at be been has have had with from and or this that".split()
)

_HOW_MANY_ASKED = re.compile(r"\b(?:bao nhieu|may|how many|how much)\b")
_WANTS_FIGURE = re.compile(
    r"\b(bao nhieu|may|ty le|so luong|tong so|so tien|kinh phi|phan tram|dat bao|how many|how much|what percentage|"
    r"percent|rate|number of|total|amount)\b"
)
# "Ai là Bí thư…?" is answered by a person: "đồng chí Nguyễn Văn A", "ông Trần B".
_WANTS_PERSON = re.compile(r"(^|\b)(ai la|ai da|ai duoc|ai ky|do ai|boi ai|nguoi nao|who (is|was|were|are|has|had|did|signed))\b")
_PERSON = re.compile(r"\b(?:đồng chí|[Đđ]/c|ông|bà)\s+(?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*\s+){1,3}[A-ZĐÀ-Ỹ][\wÀ-ỹ]*")
_WANTS_DATE = re.compile(r"\b(ngay nao|ngay bao nhieu|ngay ban hanh|ban hanh ngay|khi nao|luc nao|thoi gian nao|thang nao|"
                         r"when|what date|which date|dated|its date|their dates?|the date of|issue date|date of issue)\b")
# "là quyết định số mấy?", "kế hoạch số bao nhiêu?", "which decision"
_NUMBER_ASKED = r"so may|(?<!tong )so bao nhieu|la so nao|so hieu|ky hieu|document number"  # the number itself
_WANTS_DOCNUM = re.compile(rf"\b({_NUMBER_ASKED}|van ban nao|quyet dinh nao|ke hoach nao|nghi quyet nao|"
                           r"which decision|which plan|which resolution)\b")
_WANTS_NUMBER = re.compile(rf"\b({_NUMBER_ASKED}|what number)\b")
_WANTS_YEAR = re.compile(r"\b(nam nao|which year|what year)\b")  # (not "mỗi năm bao nhiêu")
# "đứng thứ mấy", "xếp hạng", "what rank" (not "đứng thứ 10", which states one)
# Matched on the question as written: accent-free "thu" is also thu (doanh thu bao nhiêu),
# thủ, thử; typed plain, only whole phrases count.
_WANTS_RANK = re.compile(r"\b(?:đứng thứ|xếp thứ|xếp hạng|thứ hạng)\b(?!\s*\d)|\b(?:thứ mấy|thứ bao nhiêu|hạng mấy)\b|"
                         r"\b(?:dung|xep) thu (?:may|bao nhieu)\b|\bxep hang (?:may|bao nhieu|thu)\b|"
                         r"\b(?:what|which) rank\b|\branked\b|\branking\b")
_RANK = re.compile(r"\b(?:đứng|xếp)\s+(?:thứ|hạng)\s*(?:\d+|nhất|nhì|hai|ba|tư|năm|sáu|bảy|tám|chín|mười)\b|"
                   r"\bxếp hạng\s+\d+|(?<!người )\bđứng đầu\b", re.IGNORECASE)
# "Vì sao … còn chậm?" is answered by the cause, not by the sentence saying it is slow
_WANTS_CAUSE = re.compile(r"\b(vi sao|tai sao|do dau|nguyen nhan|ly do|why)\b")
# Levels of government below or above the province's own (whose figures a provincial report
# gives unqualified): "cấp xã", "cấp huyện", "cấp cơ sở", "cấp quốc gia", "cấp nhà nước" (not
# "cấp Bộ": typed plain it is also "cấp bổ sung"); the grades of an award: "Giải Bạc" is not
# answered by "02 Giải Vàng"; and the forms of Party discipline: "cảnh cáo" is not "khiển trách".
_LEVEL = re.compile(r"\b(cap (?:xa|huyen|co so|quoc gia|nha nuoc|trung uong)|"
                    r"(?:giai|huy chuong) (?:vang|bac|dong(?! thoi| bo| y))|khien trach|canh cao|cach chuc|khai tru)\b")
# "mỗi năm bao nhiêu…", "how many a year": a figure per year answers ("30 nhiệm vụ/năm"), not a total
# "Nghị quyết 57", "Quyết định số 1218": a document named by its number alone (not a year)
DOC_KINDS = ("nghị quyết", "quyết định", "kế hoạch", "chỉ thị", "thông tư", "nghị định", "kết luận", "công văn",
             "đề án", "chương trình", "hướng dẫn", "quy định", "luật")
# Documents of these kinds go by their number, never by a year: "Quyết định 2069" is
# 2069/QĐ-UBND (while "Kế hoạch 2025" may well be the plan for 2025).
NUMBERED_KINDS = ("nghị quyết", "quyết định", "chỉ thị", "thông tư", "nghị định", "kết luận", "công văn", "quy định")
# (" | " too: a translated question, "Resolution 57" -> "Nghị quyết | 57")
# (also typed plain, "nghi quyet 57", or as staff abbreviate the kind: "NQ 57", "QĐ 1218")
_FOLDED_KINDS = "|".join(strip_accents(k) for k in DOC_KINDS)  # (for patterns over the folded question)
_KIND_NAMES = "|".join(DOC_KINDS) + "|" + _FOLDED_KINDS + "|(?-i:NQ|QĐ|QD|KH|KL|CT)"
_NUMBERED_NAMES = "|".join(NUMBERED_KINDS + tuple(strip_accents(k) for k in NUMBERED_KINDS)) + "|(?-i:NQ|QĐ|QD|KL|CT)"
# The numbers of two or more documents asked at once: "hai quyết định … số mấy?", "What are their
# numbers?" (each one's number is a figure to quote)
_PLURAL_DOCS = re.compile(rf"\b(?:hai|ca hai|cac|nhung)\s+(?:van ban|{_FOLDED_KINDS})\b|"
                          r"\b(?:their|the) numbers\b|\bnumbers of (?:the|these|those|both)\b")
# ... not "hai quyết định …; quyết định nào công nhận 17 sáng kiến?", which asks for one of them
_ONE_OF_THEM = re.compile(rf"\b(?:van ban|{_FOLDED_KINDS})\s+nao\b")
_DOC_REF = re.compile(rf"\b(?:{_KIND_NAMES})[\s|]+(?:s[ốo][\s|]+)?(?!(?:19|20)\d\d\b)(\d{{1,5}})\b(?![/-]|[.,]\d)", re.IGNORECASE)
_YEARLIKE_REF = re.compile(rf"\b(?:{_NUMBERED_NAMES})[\s|]+(?:s[ốo][\s|]+)?((?:19|20)\d\d)\b(?![/-]|[.,]\d)", re.IGNORECASE)
# A target asked for ("chỉ tiêu … là bao nhiêu?"), unless what was achieved is asked too ("chỉ tiêu
# … đạt bao nhiêu so với nghị quyết?"); a question naming no target asks what was achieved
_WANTS_TARGET = re.compile(r"\b(chi tieu|muc tieu|phan dau|dat ra|de ra|yeu cau|toi thieu|target|targets|goal|goals|aim|"
                           r"aimed|aiming|aims|required|minimum|want|wants|wanted|expected|planned)\b")
# ... and what is, now, so far or in fact: "hiện nay", "đến nay", "currently", "thực tế", "actually
# achieved" (not a target of the next term)
_WANTS_NOW = re.compile(r"\b(hien nay|hien tai|hien co|hien da|den nay|cho den nay|currently|so far|to date|now|at present|"
                        r"nowadays|thuc te|actually|actual|(?<!be )achieved)\b")
# ... or the next term: "nhiệm kỳ tới", "in the coming term" (answered from the report's plans for it)
_WANTS_AHEAD = re.compile(r"\b((?:nhiem ky|giai doan|thoi gian|nhung nam) (?:toi|sap toi)|nhiem ky moi|"
                          r"(?:next|coming|upcoming|new|following) (?:term|period|five years|years))\b")
# ... and an English question in the past tense asks what was done ("total revenue grew from what
# level …?"), not what the plans for the next term want
_EN_PAST = re.compile(r"\b(did|was|were|had|grew|rose|received|reached|increased|decreased|fell|gained|got)\b")
# A count of new things ("08 đảng viên mới"), which counts them only when the question asks what is new
_NEW_COUNT = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*(?=(?:\s+[^\W\d_]+){1,2}\s+mới\b)")
_WANTS_NEW = re.compile(r"\b(?:moi|new|newly|ket nap|admitted|admit|recruited|joined)\b")
# Who issued the document a question asks the date of, as the code ending its number: "Bộ Chính trị"
# issues …/TW (57-NQ/TW), "Chính phủ" …-CP (03/NQ-CP); the translation of "Politburo" is "Bộ Chính trị"
_ISSUERS = ((re.compile(r"\b(?:bo chinh tri|ban bi thu|trung uong dang|ban chap hanh trung uong)\b"), "TW"),
            (re.compile(r"\bchinh phu\b"), "CP"), (re.compile(r"\b(?:tinh uy|ban thuong vu tinh uy|btv tinh uy)\b"), "TU"))


def _issuer(folded: str) -> str | None:
    """The issuer's code of a document ``folded`` (a folded question) names, when it names one.

    >>> _issuer("nghi quyet cua bo chinh tri ve dot pha ban hanh ngay nao"), _issuer("ke hoach so may")
    ('TW', None)
    """
    found = {code for pat, code in _ISSUERS if pat.search(folded)}
    return found.pop() if len(found) == 1 else None


# The figures an English question asks: "How many projects …, and what was their total budget?" asks two
_EN_FIGURE_ASKS = re.compile(r"\bhow (?:many|much)\b|\bwhat (?:percentage|share|proportion)\b|"
                             r"\bwhat(?:'s|\s+is|\s+was|\s+were|\s+are)\s+(?:the|their|its)\s+(?:total\s+|overall\s+)?"
                             r"(?:budget|funding|cost|number|amount|share|percentage|rate|value|revenue|investment|spending)\b")
# "the number of the decision approving …" (not "the number of the enterprises")
_EN_NUMBER_OF_DOC = re.compile(r"\b(?:decision|resolution|plan|directive|circular|decree|programme|program|document) number\b|"
                               r"\bnumber of (?:the|its|this|that)\b(?=(?:\W+[\w'’-]+){0,8}?\W+(?:plans?|decisions?|"
                               r"resolutions?|directives?|circulars?|decrees?|conclusions?|programmes?|programs?|"
                               r"schemes?|documents?)\b)")
# ... and "Two decisions … What are their numbers?"
_EN_ITS_NUMBER = re.compile(r"\b(?:their|its) numbers?\b")
# English nouns that ask for a figure the translation has no "bao nhiêu" for: "What index score …?"
_ASKS_VALUE = re.compile(r"\b(score|value|ratio|rate|yield|capacity|increase|amount|headcount|count)\b")
# (… and a target met or missed: "Nghe nói không đạt chỉ tiêu", "hụt chỉ tiêu" (not "thu hút"), "có đạt chỉ
# tiêu … không?", "I heard they missed the target")
_WANTS_RESULT = re.compile(r"\b(dat duoc|thuc te|ket qua|so voi|khong dat|chua dat|(?<!thu )hut|vuot|co dat|"
                           r"achieved|actual|actually|against|compared|versus|missed|miss|met|exceeded|exceed|"
                           r"surpassed|fell short|beat|beaten)\b")
# A part of a whole the question names first: "Trong số giấy phép đã cấp, …", "Trong tổng số trạm BTS, …"
_PART_OF = re.compile(r"\s*trong (?:tong )?so\b")
# A result asked as a share of its target: "đạt bao nhiêu phần trăm so với nghị quyết?", "how much of
# the target was achieved"
_AGAINST_TARGET = re.compile(r"\bso voi (?:nghi quyet|chi tieu|muc tieu|nq|ke hoach)\b|\bof (?:the|its) (?:target|goal)s?\b|"
                             r"\b(?:against|compared (?:with|to)) (?:the|its) (?:target|goal|resolution)s?\b")
# The kind of document whose number is asked ("Kế hoạch … là số mấy?"): one not given a number
# already ("thực hiện Nghị quyết 57" names another). Not the kinds that are also verbs (quy định,
# hướng dẫn).
_ASKED_KINDS = {strip_accents(k): k.capitalize() for k in DOC_KINDS if k not in ("hướng dẫn", "quy định", "công văn", "luật")}
# (and as staff abbreviate the two kinds no other word spells: "ngày NQ của BTV Tỉnh ủy", "QĐ nào";
# not "KH", which is also KH&CN; not inside a number: 15/2020/NQ-HĐND)
_ASKED_KINDS |= {"nq": "Nghị quyết", "qd": "Quyết định"}
_ASKED_KIND = re.compile(rf"(?<![/-])\b({'|'.join(_ASKED_KINDS)})\b(?![/-])(?![\s|]+(?:so[\s|]+)?\d)")
# ... first the one the asking words follow: "Chương trình … được phê duyệt tại quyết định số mấy?"
_KIND_ASKED = re.compile(rf"(?<![/-])\b({'|'.join(_ASKED_KINDS)})[\s|]+(?:so may|so hieu|so bao nhieu|nao)\b")
# Quantities named, with or without "bao nhiêu": "tổng số nhiệm vụ và tổng kinh phí?" asks two figures
_QUANTITY = re.compile(r"\b(?:tong so|so luong|kinh phi|so tien|ty le)\b")


def _quantities_named(folded: str) -> int:
    """How many parts of the question (split at "và", commas, semicolons) name a quantity.

    >>> _quantities_named("nhiem vu cap tinh: tong so nhiem vu va tong kinh phi?")
    2
    >>> _quantities_named("ty le ho so tiep nhan va giai quyet truc tuyen bao nhieu?")
    1
    """
    return sum(1 for part in re.split(r"\bva\b|[,;]", folded) if _QUANTITY.search(part))


# "X và Y lần lượt là bao nhiêu?" asks two figures with one "bao nhiêu"
_RESPECTIVELY = re.compile(r"\bva\b.*\blan luot\b|\brespectively\b")
_WANTS_PER_YEAR = re.compile(r"\b(moi nam|hang nam|per year|a year|each year|every year|annually|yearly)\b")
_PER_YEAR = re.compile(r"/\s*năm\b|\b(?:mỗi|hằng|hàng)\s+năm\b|\b(?:bình quân|trung bình)\b", re.IGNORECASE)
# "vì" gives a cause, but not in "vì vậy/vì thế" (therefore), "thay vì" (instead), "vì người nghèo" (for)
# ... and "do" before what went wrong ("bị khiển trách do vi phạm…", "không đạt do thiếu vốn"),
# not "do UBND tỉnh ban hành" (by)
_CAUSE = re.compile(r"\b(nguyên nhân|lý do|lí do|bởi)\b|(?<!thay )\bvì\b(?!\s+(?:vậy|thế|người|mục tiêu|sự))|"
                    r"\bdo\s+(?:vi phạm|thiếu|chưa|không|chậm|ảnh hưởng|gặp|bị)\b",
                    re.IGNORECASE)
_DATE = re.compile(r"\d{1,2}/\d{1,2}/\d{4}")
_HOW_MANY = re.compile(r"\bhow many\b")
_EN_COUNT = re.compile(r"\b(?:how many|headcount)\b")  # a count asked: a percentage is no answer
# "How much did the province spend…": an amount of money, whatever word the glossary gives the
# verb ("spend" is "chi", too short and too common a syllable to mean money in Vietnamese)
# ... as does "what was the total budget of…"
_HOW_MUCH_MONEY = re.compile(r"\bhow much\b.*\b(spen[dt]|spending|cost|costs|money|budget|fund|funds|funding|funded|invest"
                             r"|invested|investment|pay|paid|revenue|earn|earned|capital|loan|loans|lend|lent|fine|fined|expenditure)\b"
                             r"|\bwhat(?:'s|\s+is|\s+was|\s+were|\s+are)\s+the\s+(?:total\s+|overall\s+)?(?:\w+\s+)?(?:budget|cost|funding|"
                             r"expenditure|spending|investment|revenue|capital)\b")
_PERCENT = re.compile(r"\d+(?:[.,]\d+)*\s?%")
# "1218/QĐ-UBND ngày 04/6/2025", "21-KL/TW, ngày 15/10/2021": a document number with its date
_DATED = re.compile(r"[\s,]*(?:ngày\s*)?\d{1,2}/\d{1,2}/\d{4}")
def _dated_docnums(text: str, typed: bool = False) -> list[tuple[DocNumber, re.Match]]:
    """The document numbers of ``text`` with the date right after them (``_DATED``)."""
    return [(d, m) for d in find_docnums(text, typed=typed) if (m := _DATED.match(text, d.end))]


# A date asked of a document, or of what one does ("phê duyệt", "ban hành", "thành lập"): the date
# after a document number answers. Of anything else ("Đại hội … tổ chức vào ngày nào?") it does not:
# "kế hoạch số 06/KH-ĐUKHCN ngày 19/5/2025 … tổ chức đại hội" is the plan's date.
_DOC_DATED = re.compile(r"\b(nghi quyet|quyet dinh|ke hoach|chi thi|ket luan|thong tu|nghi dinh|van ban|de an|"
                        r"chuong trinh|quy hoach|cong van|thong bao|huong dan|ban hanh|phe duyet|ky ket|thanh lap|"
                        r"luat|resolution|decision|plan|directive|conclusion|circular|decree|document|programme|"
                        r"program|scheme|approved|issued|signed|established|adopted|law|quy dinh|bai bo|sua doi|"
                        r"thay the|regulations?|rules|repeal|repealed|abolished|amended|replaced|revoked|issue|"
                        r"issuance|promulgated|kl|nq|qd|tb)\b")  # (not "kh": "KH&CN" is no plan)

_PLACE_KINDS = {"huyen", "xa", "phuong", "tinh", "pho"}  # thành phố
# ... and organisations: "chi bộ nào", "doanh nghiệp nào", "công ty nào", "đơn vị nào", "tổ chức nào"
_BODY_KINDS = {"bo", "nghiep", "ty", "vi", "chuc"}
_DOC_WORDS = {("van", "ban"), ("so", "hieu"), ("ky", "hieu")}  # "văn bản nào", "số hiệu nào": a document number
_NOT_KINDS = {"khi", "luc", "the", "nhu", "bao", "cho", "la", "o", "tu", "den", "ve", "ngay", "thang", "nam", "so",
              "may", "muc"}  # "mức nào" asks for a value, "tháng nào" a date

# Words after "bao nhiêu"/"mấy" that are not what is counted ("bao nhiêu cho ngân sách").
_NOT_UNITS = {"cho", "len", "tu", "den", "trong", "duoc", "da", "con", "hon", "la", "so", "thi",
              "va", "ca", "nua", "nam", "bao", "may", "ve", "cai", "chiec", "a", "nhi", "vay", "ha",
              "moi", "mot"}  # ("bao nhiêu mỗi năm", "bao nhiêu một tháng": per year, per month)
# What "bao nhiêu X" / "mấy X" counts; typed without diacritics too ("bao nhieu tram"). "may"
# typed plain may be máy (a machine): "so may tinh … bao nhieu" counts nothing after "may".
# "cái", "chiếc" are classifiers of spoken Vietnamese: "mấy cái thủ tục" counts thủ tục, and
# "có mấy cái?" counts nothing a report would write after its figure.
_CLASSIFIER = r"(?:(?:cái|cai|chiếc|chiec)\s+)?"
_COUNTED = re.compile(rf"\b(?:bao nhiêu|bao nhieu)\s+{_CLASSIFIER}(%|\w+)")
_COUNTED_FEW = re.compile(rf"\b(?:mấy|may)\s+{_CLASSIFIER}(%|\w+)")
# Words of scale after a figure, as written ("tỷ" but not "tỷ lệ")
_SCALE_WORDS = r"(?:triệu|nghìn|ngàn|vạn|tỷ)\b(?!\s*lệ)"
_CURRENCY = r"(?:đồng|VNĐ|VND|USD)\b"
# "1,3 triệu thẻ": the figure counts thẻ
# ... or of times, before what it counts: "522 lượt nhân viên bức xạ", "100 lượt các doanh nghiệp"
_SCALE = re.compile(rf"\s*(?:{_SCALE_WORDS}|lượt\b(?:\s+các\b)?)", re.IGNORECASE)
# After a figure: an amount of money ("2.550 tỷ", "22.081 triệu đồng"), not "1,2 triệu dữ liệu"
_AMOUNT = re.compile(rf"\s*(?:{_SCALE_WORDS}\s+)?{_CURRENCY}|\s*tỷ\b(?!\s*lệ)", re.IGNORECASE)
# Other words a report counts the same things with: party members as comrades ("63 đồng chí"
# answers "bao nhiêu đảng viên"), matched as written
# ... and occasions as rounds ("tham gia bao nhiêu lần" is answered by "14 đợt")
# ... people as whoever the report counts ("bao nhiêu người" is answered by "63 đồng chí",
# "470 đại biểu"), occasions by any of their classifiers ("bao nhiêu đợt thanh tra": "43 cuộc"),
# đề tài and dự án as the nhiệm vụ KH&CN they are kinds of ("bao nhiêu đề tài cấp cơ sở": "151
# nhiệm vụ cấp cơ sở"), and areas in their symbols ("bao nhiêu mét vuông": "3.000 m2").
# Each measured on all eval sets (2026-11-27): answers gained, no wrong answer added. (The three
# occasion words share one list: "bao nhiêu cuộc" answered by "N lượt" too changed no answer.)
_KINDS_OF_TASK = {("de", "tai"), ("du", "an")}
_PEOPLE = r"\s*(?:đồng chí|đảng viên|cán bộ|công chức|viên chức|học viên|lượt người|người lao động|đại biểu)\b"
_OCCASIONS = re.compile(r"\s*(?:đợt|lượt|cuộc|lần)\b", re.IGNORECASE)
_COUNTED_AS = {("dang",): re.compile(r"\s*đồng chí\b", re.IGNORECASE),
               ("lan",): _OCCASIONS, ("dot",): _OCCASIONS, ("cuoc",): _OCCASIONS,
               ("nguoi",): re.compile(_PEOPLE, re.IGNORECASE),
               ("de", "tai"): re.compile(r"\s*nhiệm vụ\b", re.IGNORECASE),
               ("du", "an"): re.compile(r"\s*nhiệm vụ\b", re.IGNORECASE),
               ("met",): re.compile(r"\s*m(?:2|²)(?!\w)", re.IGNORECASE),
               ("hec",): re.compile(r"\s*ha\b", re.IGNORECASE),
               ("ban",): re.compile(r"\s*(?:cuốn|quyển)\b", re.IGNORECASE)}  # copies: "mỗi số 200 cuốn"
# "(sáng chế: 02, giải pháp hữu ích: 01)": the counted word labels the figure after it
_LABEL = re.compile(r"\b\w+(?:\s+\w+){0,2}\s*:\s*$")
# (and "1.3 triệu": a dot before one or two digits and a scale word is a decimal point, as
# typed by many; a thousands dot is followed by three digits)
_FIGURE_OR_FRACTION = re.compile(rf"\d+/\d+(?!/)|(?<![\d.,])\d{{1,3}}\.\d{{1,2}}(?=\s+{_SCALE_WORDS})|" + NUMBER_RE.pattern)
MONEY = ("money",)  # asked_unit: an amount of money
_ASKS_MONEY = re.compile(r"\b(kinh phi|so tien|nguon von|tong von|von dau tu|muc dau tu|doanh thu|ngan sach|"
                         r"xu phat)\b")
_RATE_WORDS = r"ty le|phan tram|ty trong|grdp|gdp"  # ("bao nhiêu so với GRDP" is a share)
_ASKS_RATE = re.compile(rf"\b({_RATE_WORDS})\b")
_ASKS_SHARE = re.compile(rf"\b({_RATE_WORDS}|chiem|percent|percentage|share|proportion|rate)\b|%")
# ... unless the question says it does not want one: "bao nhiêu hồ sơ (số hồ sơ, không phải tỷ lệ)"
_NOT_A_SHARE = re.compile(rf"\b(?:chu\s+)?khong\s+phai\s+(?:la\s+)?(?:{_RATE_WORDS}|phan tram)\b|"
                          r"\bnot\s+(?:a\s+|the\s+|as\s+a\s+)?(?:percent|percentage|share|proportion|rate)\b")
_MONEY_FIGURE = re.compile(rf"\d(?:[\d.,]*\d)?\s*(?:{_SCALE_WORDS}|{_CURRENCY})")


@dataclass(frozen=True)
class Asked:
    figure: bool  # "bao nhiêu", "tỷ lệ", "how many"
    date: bool  # "ngày nào", "when"
    docnum: bool  # "số mấy", "quyết định nào"
    number: bool  # "số mấy", "số hiệu": the number itself is asked
    year: bool  # "năm nào", "in what year"
    rank: bool  # "đứng thứ mấy", "what rank"
    person: bool  # "Ai là…"
    cause: bool  # "Vì sao…?", "Nguyên nhân…?"
    unit: tuple[str, ...] | None  # what "bao nhiêu X" counts (asked_unit)
    share: bool  # "tỷ lệ", "chiếm bao nhiêu": a percentage answers (else "100% cán bộ" is no count)
    kind: str | None  # what "<noun> nào?" names (asked_kind)
    docnums: frozenset[str]  # keys of the document numbers the question names
    codes: frozenset[str] = frozenset()  # technology codes it names: "5g" (asked_codes)
    years: frozenset[str] = frozenset()  # years it names: "nhiệm kỳ 2025-2030", "tháng 6/2025" (not a document's)
    # Of a question translated from English: its two-syllable terms, any of which may be what a
    # figure counts (the glossary's word for the English noun may not be the report's)
    also_counted: frozenset[str] = frozenset()
    count: bool = False  # "how many" and no share asked: a percentage is no answer
    # Figures the question itself states ("of its 98 members, how many…"): never the answer
    given: frozenset[str] = frozenset()
    periods: frozenset[tuple[int, int]] = frozenset()  # "giai đoạn 2021-2025"
    per_year: bool = False  # "mỗi năm bao nhiêu", "how many a year"
    # Numbers a question gives a document by, without its code: "Nghị quyết 57" is 57-NQ/TW
    doc_refs: frozenset[str] = frozenset()
    target: bool = False  # a target is asked for ("chỉ tiêu", "mục tiêu", "target")
    names_target: bool = False  # ... or named, maybe beside the result asked ("chỉ tiêu …, và thực tế …?")
    against_target: bool = False  # ... the result as a share of it ("đạt bao nhiêu % so với nghị quyết?")
    doc_kind: str | None = None  # the kind of document whose number is asked: "Kế hoạch"
    kind_of: bool = False  # "loại doanh nghiệp nào": a kind of what "<noun> nào?" names, not one by name
    issuer: str | None = None  # the issuer's code of a document the question names: "TW" for "của Bộ Chính trị"
    new: bool = False  # what is new is asked ("kết nạp mới", "new members"): see _NEW_COUNT
    now: bool = False  # what is, now or so far ("hiện nay", "đến nay", "currently")
    ahead: bool = False  # ... or in the next term ("nhiệm kỳ tới", "next term")
    counted: tuple[str, ...] = ()  # the two-syllable terms of what "bao nhiêu …" counts (counted_terms)
    figures_asked: int = 0  # "bao nhiêu dự án và tổng số tiền bao nhiêu?" asks two
    second_unit: tuple[str, ...] | None = None  # ... and what the second counts (second_unit)
    counted_as: tuple[str, ...] = ()  # the report's words for what it counts (counted_synonyms)
    levels: frozenset[str] = frozenset()  # levels of a whole it names: "cấp xã", "Giải Bạc", "cảnh cáo" (_LEVEL)
    only: frozenset[str] = frozenset()  # the syllables of what "riêng …" singles out (singled_out)
    # A part of a whole that the question names first: the two-syllable terms of what is counted
    # and how it is told apart ("Trong số giấy phép đã cấp, có bao nhiêu giấy phép dành cho …?")
    part: tuple[str, ...] = ()
    doc_date: bool = False  # the date asked is a document's (_DOC_DATED)

    @classmethod
    def read(cls, question: str, foreign: bool = False) -> Asked:
        """``foreign``: an English question's words say nothing about units or kinds.

        A target is asked for, unless the question asks what came of it:

        >>> [Asked.read(q).target for q in ("Chỉ tiêu doanh thu bưu chính là bao nhiêu?",
        ...                                 "Doanh thu bưu chính được bao nhiêu, nghe nói không đạt chỉ tiêu?")]
        [True, False]
        >>> Asked.read("Chỉ tiêu thi đua đạt bao nhiêu % so với NQ?").against_target
        True
        """
        folded = _folded(question)
        rank = bool(_WANTS_RANK.search(nfc(question).lower()))
        names_target = bool(_WANTS_TARGET.search(folded))
        return cls(
            figure=bool(_WANTS_FIGURE.search(folded)),
            date=bool(_WANTS_DATE.search(folded)),
            doc_date=bool(_DOC_DATED.search(folded)),
            issuer=_issuer(folded),
            new=bool(_WANTS_NEW.search(folded)),
            docnum=bool(_WANTS_DOCNUM.search(folded)),
            number=bool(_WANTS_NUMBER.search(folded)),
            year=bool(_WANTS_YEAR.search(folded)),
            rank=rank,
            person=bool(_WANTS_PERSON.search(folded)),
            cause=bool(_WANTS_CAUSE.search(folded)),
            per_year=bool(_WANTS_PER_YEAR.search(folded)),
            target=names_target and not _WANTS_RESULT.search(folded),
            names_target=names_target,
            against_target=bool(_AGAINST_TARGET.search(folded)),
            now=bool(_WANTS_NOW.search(folded)),
            ahead=bool(_WANTS_AHEAD.search(folded)),
            doc_kind=(_ASKED_KINDS[m.group(1)] if _WANTS_DOCNUM.search(folded)
                      and (m := _KIND_ASKED.search(folded) or _ASKED_KIND.search(folded)) else None),
            doc_refs=frozenset(m.group(1) for m in _doc_refs(question)),
            unit=None if (foreign or rank) else asked_unit(question),  # ("thứ mấy cả nước" counts nothing)
            share=bool(_ASKS_SHARE.search(_NOT_A_SHARE.sub(" ", folded))),
            kind=asked_kind(question),
            kind_of=bool(re.search(r"\b(?:loai|kieu|hinh thuc|mo hinh)\s+\w+(?:\s+\w+)?\s+nao\b", folded)),
            docnums=frozenset(d.key for d in find_docnums(question, typed=True)),
            codes=asked_codes(question),
            years=frozenset(years_in(_without_doc_refs(question), free=True)),
            periods=frozenset(periods(nfc(question))),
            levels=frozenset(_LEVEL.findall(folded)),
            only=singled_out(question),
            part=part_terms(question) if _PART_OF.match(folded) else (),
            given=frozenset(v for m in _stated_figures(question) if (v := canonical_number(m.group(0).rstrip("%")))),
            counted=() if foreign else counted_terms(question),
            counted_as=() if foreign else counted_synonyms(question),
            figures_asked=max(len(_HOW_MANY_ASKED.findall(folded)), _quantities_named(folded),
                              2 if _RESPECTIVELY.search(folded) else 0,
                              2 if _WANTS_DOCNUM.search(folded) and _PLURAL_DOCS.search(folded)
                              and not _ONE_OF_THEM.search(folded) else 0),
            second_unit=None if (foreign or rank) else second_unit(question),
        )

    def names_doc_ref(self, text: str) -> bool:
        """``text`` holds a document numbered as the question says ("57-NQ/TW" for "Nghị quyết 57").

        >>> a = Asked.read("Kế hoạch nào thực hiện Nghị quyết 57 của Bộ Chính trị?")
        >>> sorted(a.doc_refs), a.names_doc_ref("Nghị quyết số 57-NQ/TW"), a.names_doc_ref("Nghị quyết số 50 NQ-CP")
        (['57'], True, False)
        """
        return any(self._refers_to(d.key) for d in find_docnums(text))

    def _refers_to(self, docnum: str) -> bool:
        """``docnum`` is numbered as a document the question names by its number alone."""
        m = re.match(r"\d+", docnum)
        return bool(m) and m.group(0).lstrip("0") in {r.lstrip("0") for r in self.doc_refs}

    def yearly_in(self, text: str) -> bool:
        """``text`` gives a figure per year: "30 nhiệm vụ/năm", "mỗi năm … trên 20.000", "bình quân".

        >>> a = Asked.read("Quỹ dự kiến mỗi năm cho vay bao nhiêu dự án?")
        >>> a.per_year, a.yearly_in("cho vay vốn từ 4-5 dự án/năm"), a.yearly_in("đã cho vay 13 dự án")
        (True, True, False)
        """
        return bool(_PER_YEAR.search(text))

    def dated_in(self, text: str) -> bool:
        """``text`` names every year the question names, a period's start one year apart
        aside: reports give the results of the Party term 2020-2025 and of the five-year plan
        2021-2025 for the same years, under either name.

        >>> a = Asked.read("Có bao nhiêu nhiệm vụ được phê duyệt giai đoạn 2021-2025?")
        >>> a.dated_in("giai đoạn 2020 - 2025 là 188 nhiệm vụ"), a.dated_in("năm 2021 và năm 2025")
        (True, True)
        >>> a.dated_in("giai đoạn 2016-2020"), Asked.read("Năm 2021 có bao nhiêu?").dated_in("giai đoạn 2020-2025")
        (False, False)
        """
        missing = self.years - years_in(text)
        if not missing:
            return True
        theirs = periods(text)
        near = {str(y) for a, b in self.periods for c, d in theirs if b == d and abs(a - c) == 1 for y in (a, b)}
        return missing <= near

    def names_year(self, text: str) -> bool:
        """``text`` names a year the question asks about on its own ("in 2020"), not only as
        an end of a period: "năm 2020" answers "in 2020", "giai đoạn 2020 - 2025" may not.

        >>> a = Asked.read("Which company won the award in 2020?")
        >>> a.names_year("Công ty JNTC Vina - năm 2020"), a.names_year("giai đoạn 2020 - 2025")
        (True, False)
        >>> Asked.read("Giai đoạn 2020-2025 có bao nhiêu?").names_year("năm 2020")
        False
        """
        alone = self.years - {str(y) for period in self.periods for y in period}
        return bool(alone) and bool(alone & years_in(PERIOD_RE.sub(" ", text)))  # (no scan when none asked)

    def leveled_in(self, text: str) -> bool:
        """``text`` names every level the question asks about (_LEVEL): "cấp xã" is not
        answered by a figure for the whole province, "cấp quốc gia" by the province's, nor
        "Giải Bạc" by "02 Giải Vàng".

        >>> a = Asked.read("Tỷ lệ hồ sơ giải quyết trực tuyến riêng ở cấp xã là bao nhiêu?")
        >>> a.leveled_in("82,56% hồ sơ TTHC được giải quyết trực tuyến"), a.leveled_in("75% hồ sơ tại cấp xã")
        (False, True)
        >>> Asked.read("Sở đã cấp bao nhiêu giấy phép cấp tỉnh?").levels
        frozenset()
        >>> Asked.read("Có bao nhiêu doanh nghiệp đạt Giải Bạc?").leveled_in("02 Giải Vàng GTCLQG")
        False
        """
        return self.levels <= set(_LEVEL.findall(_folded(text)))

    def answering_number(self, text: str) -> bool:
        """``text`` holds the kind of number that answers: "số mấy?", "ngày nào?" a document
        number or a date; "bao nhiêu?" a figure that is neither (nor a year); a share, a
        percentage.

        >>> a = Asked.read("Số trạm 4G tăng bao nhiêu phần trăm?")
        >>> a.answering_number("hiện có 1.929 trạm 4G"), a.answering_number("tăng 63%")
        (False, True)
        """
        if self.docnum or self.date:
            return bool(find_numbers(text))
        text = self._unstated(text)
        if self.share and not self.count and self.unit in (None, ("%",)):
            # "tỷ lệ … bao nhiêu?", "in percent" (and no count asked beside it): only a
            # percentage answers, so of "hiện có 1.929 trạm 4G, tăng 63%" the clause with the
            # 63% is quoted. (All eval sets, 2026-11-27: +2 right, 2 wrong answers fewer.)
            return bool(_PERCENT.search(text))
        return has_figure(_PERCENT.sub(" ", text) if self.count else text)

    def _unstated(self, text: str) -> str:
        """``text`` without the figures the question states: "Trong 98 đảng viên, bao nhiêu
        là nữ?" is not answered by "Đảng bộ có 98 đảng viên".

        >>> Asked.read("Trong 98 đảng viên, bao nhiêu là nữ?")._unstated("có 98 đảng viên, 2.098 nữ")
        'có    đảng viên, 2.098 nữ'
        """
        if not self.given:
            return text
        return _ANY_FIGURE.sub(lambda m: " " * len(m.group(0)) if canonical_number(m.group(0).rstrip("%")) in self.given
                               else m.group(0), text)

    def held_by(self, text: str) -> bool:
        """``text`` (a passage) holds the kind of answer asked for: a date after the named
        document number, any date, a document number, a figure of the counted unit, a figure,
        a single year, a rank. False when the question asks for none of these.

        >>> a = Asked.read("Kết luận 21-KL/TW ra ngày nào?")
        >>> a.held_by("thực hiện Kết luận 21-KL/TW, ngày 15/10/2021 của BCH"), a.held_by("Kết luận số 21-KL/TW của BCH")
        (True, False)
        >>> a = Asked.read("Kế hoạch thực hiện 148-KH/TU có số hiệu là gì?")
        >>> a.held_by("Kế hoạch thực hiện 148-KH/TU ngày 25/3/2025")
        False
        >>> a.held_by("Kế hoạch 12/KH-UBND thực hiện 148-KH/TU"), a.held_by("Kế hoạch 12/KH-UBND về chuyển đổi số")
        (True, False)
        >>> a.held_by("Kế hoạch số 148-KH/TU ngày 25/3/2025 thực hiện Nghị quyết số 57-NQ/TW")
        False
        >>> a = Asked.read("Nghị quyết 57 của Bộ Chính trị ban hành ngày nào?")
        >>> a.held_by("Kế hoạch số 148-KH/TU ngày 25/3/2025 thực hiện Nghị quyết số 57-NQ/TW")
        False
        >>> a.held_by("thực hiện Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị")
        True
        >>> Asked.read("Nghị quyết số mấy, ban hành ngày nào?").held_by("Kế hoạch số 148-KH/TU ngày 25/3/2025 thực hiện Nghị quyết số 57-NQ/TW")
        False
        >>> Asked.read("Phú Thọ đứng thứ mấy về chỉ số PII?").held_by("tổ chức 03 lớp tập huấn về chỉ số PII")
        False
        """
        if self.rank and not has_rank(text):
            return False  # "đứng thứ mấy?" is answered by "đứng thứ 10", not by any figure
        if self.year and not _single_year(text):
            return False  # "năm nào?" is not answered by the period "2020 - 2025"
        if self.number and self.docnums and not _numbered_before(text, self.docnums):
            return False  # "số hiệu của kế hoạch thực hiện 148-KH/TU?" asks for another document's number
        if self.date:
            if self.issuer and (dated := _dated_docnums(text)) and \
                    not any(strip_accents(d.issuer).upper() == self.issuer for d, _ in dated):
                return False  # "Nghị quyết của Bộ Chính trị … ngày nào?": not the date of 03/NQ-CP
            if self.docnums:
                return any(d.key in self.docnums for d, _ in _dated_docnums(text, typed=True))
            if self.doc_refs and not self.docnum:
                # "Nghị quyết 57 ban hành ngày nào?": the date of 57-NQ/TW (while "kế hoạch thực
                # hiện Nghị quyết 57 số mấy, ngày nào?" asks the plan's)
                return any(self._refers_to(d.key) for d, _ in _dated_docnums(text))
            if self.docnum and self.doc_kind:
                # "nghị quyết số mấy, ban hành ngày nào?": the date right after a number of that kind
                # (not "Nghị quyết số 03/NQ-CP ngày 09/01/2025 … thực hiện Nghị quyết số 57-NQ/TW")
                return any(d.kind == self.doc_kind for d, _ in _dated_docnums(text))
            return self.gives_date(text)
        if self.docnum:
            return self.gives_docnum(text)
        if self.figure:
            return self.gives(text) if self.unit else has_figure(self._unstated(text))
        return self.year or self.rank  # (checked above)

    def gives_date(self, text: str) -> bool:
        """``text`` holds a date: any, for a date asked of a document; else not one right after a
        document number (that is the document's).

        >>> a = Asked.read("Đại hội Đảng bộ được tổ chức vào ngày nào?")
        >>> a.gives_date("kế hoạch số 06/KH-ĐUKHCN ngày 19/5/2025 tổ chức đại hội"), a.gives_date("đại hội ngày 20/6/2025")
        (False, True)
        >>> Asked.read("Kế hoạch tổ chức đại hội ban hành ngày nào?").gives_date("kế hoạch số 06/KH-ĐUKHCN ngày 19/5/2025")
        True
        """
        if self.doc_date or self.docnum or self.docnums or self.doc_refs:
            return has_date(text)
        for d, m in _dated_docnums(text):
            text = text[:d.end] + " " * (m.end() - d.end) + text[m.end():]
        return has_date(text)

    def gives_docnum(self, text: str) -> bool:
        """``text`` holds a document number, of the kind asked for if the question names one.

        >>> a = Asked.read("Kế hoạch thực hiện Nghị quyết 57 là số mấy?")
        >>> a.doc_kind, a.gives_docnum("Nghị quyết số 03/NQ-CP … thực hiện Nghị quyết số 57-NQ/TW")
        ('Kế hoạch', False)
        >>> a.gives_docnum("Kế hoạch số 148-KH/TU ngày 25/3/2025"), Asked.read("Văn bản số mấy?").gives_docnum("57-NQ/TW")
        (True, True)
        """
        found = find_docnums(text)
        return any(d.kind == self.doc_kind for d in found) if self.doc_kind else bool(found)

    def states_cause(self, text: str, section: str) -> bool:
        """``text`` gives a cause: it says so ("do hai nguyên nhân", "vì"), or it sits under
        a heading "Nguyên nhân" (reports list causes there without a marker word).
        ``section``: the passage's heading path.

        >>> a = Asked.read("Vì sao còn chậm?")
        >>> a.states_cause("Văn bản hướng dẫn còn nhiều bất cập", "III. TỒN TẠI > 2. Nguyên nhân:")
        True
        >>> a.states_cause("còn chậm", "III. TỒN TẠI > 1. Tồn tại"), a.states_cause("Vì vậy còn chậm", "1. Tồn tại")
        (False, False)
        >>> a.states_cause("bị khiển trách (do vi phạm chính sách dân số)", ""), a.states_cause("do UBND tỉnh ban hành", "")
        (True, False)
        """
        return bool(_CAUSE.search(nfc(text)) or "nguyen nhan" in strip_accents(section).lower())

    def gives(self, text: str) -> bool:
        """``text`` gives a figure of the counted unit (``gives_unit``); a percentage only
        when the question asks for a share.

        >>> a = Asked.read("hộ tịch | hồ sơ | cơ sở dữ liệu | bao nhiêu hồ sơ")
        >>> a.gives("nhập gần 1,2 triệu dữ liệu hộ tịch")
        False
        >>> a = a.translated("hộ tịch | hồ sơ | cơ sở dữ liệu | bao nhiêu hồ sơ", "How many civil-status records…")
        >>> a.gives("nhập gần 1,2 triệu dữ liệu hộ tịch")
        True
        """
        if not self.unit:
            return False
        text = self._unstated(text)
        if not self.new:  # ("bao nhiêu đảng viên?" is not answered by "đã kết nạp 08 đảng viên mới")
            text = _NEW_COUNT.sub(lambda m: " " * len(m.group(0)), text)
        return gives_unit(self.unit, text, shares=self.share, codes=self.codes, also=self.counted_as) or bool(
            self.also_counted and self.unit not in (("%",), MONEY)
            and _counts_any(self.also_counted, text, self.share, self.codes))

    def translated(self, question: str, typed: str) -> Asked:
        """This reading of ``question``, the glossary's translation of ``typed`` (English):
        "how many" asks for a count (never a bare percentage) unless a share is asked too.

        >>> a = Asked.read("tiến sĩ | Sở | bao nhiêu").translated("tiến sĩ | Sở | bao nhiêu", "How many doctors…")
        >>> a.answering_number("có 15% đạt danh hiệu chiến sĩ thi đua"), a.answering_number("có 12 tiến sĩ")
        (False, True)

        A score or a ratio is a figure too (the translation has no "bao nhiêu" for it):

        >>> q = "Chỉ số chuyển đổi số | điểm | phấn đấu"
        >>> Asked.read(q).figure, Asked.read(q).translated(q, "What index score does the plan aim for?").figure
        (False, True)
        """
        # (names count nothing: "Phú Thọ" after a figure is no count of anything)
        common = re.sub(r"(?<!\w)[^\W\d_]\w*", lambda m: " | " if m.group(0)[0].isupper() else m.group(0), question)
        low = typed.lower()
        money = self.unit is None and not self.share and bool(_HOW_MUCH_MONEY.search(low))
        # (the translation drops verbs: "did the resolution want…" asks for a target, and "What was
        # the revenue achieved, and did it beat the target?" asks what came of one)
        target = (self.target or bool(_WANTS_TARGET.search(low))) and not _WANTS_RESULT.search(low)
        ahead = self.ahead or bool(_WANTS_AHEAD.search(low))
        # (past tense in a question about the next term is of something else: "…in the new term, and
        # when was it issued?")
        now = self.now or bool(_WANTS_NOW.search(low)) or (bool(_EN_PAST.search(low)) and not ahead)
        # ("What % of people…": the glossary has no word for the sign)
        share = self.share or bool(re.search(r"%|\bwhat (?:percentage|percent|share|proportion|fraction|rate)\b|\bratio\b", low))
        # ("What … index score does the plan aim for?": a value, which the translation names no figure for)
        figure = self.figure or share or bool(_ASKS_VALUE.search(low))
        # "What is the number of the … plan …?": the plan's document number (the translation
        # keeps only "số", a number of anything)
        docnum, number, doc_kind = self.docnum, self.number, self.doc_kind
        if not docnum and (_EN_NUMBER_OF_DOC.search(low) or _EN_ITS_NUMBER.search(low)) and not _HOW_MANY.search(low):
            kind = _ASKED_KIND.search(_folded(question))
            docnum, number, doc_kind = True, True, _ASKED_KINDS[kind.group(1)] if kind else None
        figures_asked = 2 if (docnum and _PLURAL_DOCS.search(low)) or _RESPECTIVELY.search(low) else self.figures_asked
        second = self.second_unit
        if len(asks := list(_EN_FIGURE_ASKS.finditer(low))) >= 2:
            figures_asked = max(figures_asked, 2)
            second = MONEY if _HOW_MUCH_MONEY.search(low, asks[1].start()) else second
        return replace(self, figure=figure, share=share, docnum=docnum, number=number, doc_kind=doc_kind,
                       date=self.date or bool(_WANTS_DATE.search(low)),  # ("… and what is its date?")
                       figures_asked=figures_asked, second_unit=second,
                       also_counted=frozenset(t for t in term_set(common) if "_" in t and t == strip_accents(t)),
                       count=bool(_EN_COUNT.search(low)) and not share,
                       unit=MONEY if money else self.unit, target=target, now=now,
                       ahead=ahead, new=self.new or bool(_WANTS_NEW.search(low)),
                       names_target=self.names_target or bool(_WANTS_TARGET.search(low)),
                       against_target=self.against_target or bool(_AGAINST_TARGET.search(low)),
                       # ("in 2020–2025": the translation may give the two years apart)
                       periods=self.periods | frozenset(periods(nfc(typed))))

    def named_in(self, text: str) -> bool:
        """The quote names what "Ai…?" / "<noun> nào?" asks for: a person, that noun, a
        named place for "Huyện nào…?" (not "các xã, phường")."""
        if self.person and not _PERSON.search(text):
            return False
        if self.kind and self.kind not in term_set(text):
            return False
        if self.kind in _PLACE_KINDS and not re.search(rf"\b(?i:{self.kind})\s+[A-Z]", strip_accents(text)):
            return False
        if self.kind in _BODY_KINDS and not self.kind_of and not _names_a_body(text):
            return False  # "đó là những chi bộ nào?" is not answered by "có 02 chi bộ … không hoàn thành"
        return True


def _names_a_body(text: str) -> bool:
    """``text`` names an organisation: "Công ty TNHH JNTC Vina", "Chi bộ Văn phòng", a list of
    names in brackets ("(Hoá Chất Việt Trì, Bia Sài Gòn Phú Thọ)").

    >>> _names_a_body("có 02 chi bộ trực thuộc xếp loại không hoàn thành"), _names_a_body("(Công ty TNHH JNTC Vina)")
    (False, True)
    >>> _names_a_body("Chi bộ Văn phòng đạt"), _names_a_body("giải Vàng (Hoá Chất Việt Trì, Bia Sài Gòn)")
    (True, True)
    """
    if re.search(r"\b(?:công ty|tập đoàn|tnhh|cổ phần|hợp tác xã)\b", text, re.IGNORECASE):
        return True
    for m in re.finditer(r"\b(?:chi bộ|đảng bộ|đơn vị|tổ chức|doanh nghiệp|trung tâm|viện|trường)((?:\s+\w+){1,3})", text,
                         re.IGNORECASE):
        if any(w.istitle() for w in m.group(1).split()):
            return True  # ("doanh nghiệp chuyển phát Thuận Phong")
    return any(a.istitle() and b.istitle() for a, b in re.findall(r"\(\s*(\w+)\s+(\w+)", text))


# A figure standing alone: not inside a code or a name (5G, VR360, ĐH12)
_ANY_FIGURE = re.compile(r"(?<![\w.,/])\d+(?:[.,]\d+)*%?(?![\w/])")
# Words that make the figure after them a label, an ordinal or a time, not a count the question
# states: "tháng 6", "quý 3", "sinh con thứ 3", "Đề án 06", "Trung ương 4", "Top 10", "lần 2"
_LABEL_BEFORE = {"thang", "quy", "thu", "khoa", "an", "uong", "so", "lan", "top", "ky", "hang", "dieu", "khoan",
                 "chuong", "muc", "phan", "nam", "ngay", "dot", "tuan", "lop", "phien", "tap", "quyen", "he", "doan"}
# ... and words after it that make it a period or a level: "6 tháng", "2 cấp", "4 tốt"
_LABEL_AFTER = {"thang", "nam", "ngay", "cap", "tot", "gio", "quy", "tuan"}


def _doc_refs(question: str) -> list[re.Match]:
    """Numbers the question gives a document by, without its code (group 1).

    >>> [m.group(1) for m in _doc_refs("Quyết định 2069 và Nghị quyết số 57, Kế hoạch 2025, 15/2020/NQ-HĐND")]
    ['57', '2069']
    >>> [m.group(1) for m in _doc_refs("NQ 57 cua Bo Chinh tri, nghi quyet so 55, QĐ 1218, ct 5")]
    ['57', '55', '1218']
    >>> _doc_refs("có đạt chỉ tiêu nghị quyết 4.552 tỷ không")  # (a figure the question states)
    []
    """
    text = blank_docnums(nfc(question), typed=True)
    return list(_DOC_REF.finditer(text)) + list(_YEARLIKE_REF.finditer(text))


def _without_doc_refs(question: str) -> str:
    """``question`` (NFC) with the numbers it gives documents by blanked: "Quyết định 2069" names no year."""
    text = nfc(question)
    for m in _doc_refs(text):
        text = text[:m.start(1)] + " " * (m.end(1) - m.start(1)) + text[m.end(1):]
    return text


def _stated_figures(question: str) -> list[re.Match]:
    """The counts a question states ("Trong 98 đảng viên…"): figures standing alone that are
    not years, dates, document numbers, labels, ordinals or periods.

    >>> [m.group(0) for m in _stated_figures("Trong 98 đảng viên, tháng 6/2025 có bao nhiêu người sinh con thứ 3?")]
    ['98']
    >>> [m.group(0) for m in _stated_figures("Trong tổng số 98 đảng viên, ở chi bộ số 2 có bao nhiêu nữ?")]
    ['98']
    >>> [m.group(0) for m in _stated_figures("Đề án 06 | chính quyền 2 cấp | trạm 5G | VR360 | 16 | tháng 5 | 2025")]
    []
    """
    text = nfc(question)
    standalone = {m.span() for m in _ANY_FIGURE.finditer(text)}
    out = []
    for m in figures(text):
        if m.span() not in standalone:
            continue
        before = re.search(r"(\w+)\s*$", text[:m.start()])  # (the word right before it)
        after = re.match(r"[\s|]*(\w+)", text[m.end():])  # ("16 | tháng 5" translates "16 May")
        # ("số 3" is a label, "tổng số 98 đảng viên" a count)
        total = strip_accents(text[:m.start()]).lower().rstrip().endswith("tong so")
        if before and strip_accents(before.group(1)).lower() in _LABEL_BEFORE and not total:
            continue
        if after and strip_accents(after.group(1)).lower() in _LABEL_AFTER:
            continue
        out.append(m)
    return out


def asked_codes(question: str) -> frozenset[str]:
    """Codes of letters and digits that name a kind of thing, as terms: "thuê bao di động
    5G" -> {"5g"}. A figure for 4G stations never answers a question about 5G, however
    close the rest of its clause is (document numbers and plain figures are not codes).

    >>> sorted(asked_codes("Có bao nhiêu thuê bao di động 5G và 4G theo 1218/QĐ-UBND?"))
    ['4g', '5g']
    """
    return frozenset(t for t in term_set(question) if is_code(t))


_CODE = re.compile(r"(?=[a-z]*\d)(?=\d*[a-z])[a-z\d]+")


def is_code(word: str) -> bool:
    """A code of letters and digits naming a kind of thing: 5G, 6g, VR360 (not 2025, not "trạm")."""
    return bool(_CODE.fullmatch(word.lower()))


# "…, anh/chị cho em hỏi", "xin cho biết", "đề nghị cho biết", "could you tell me": the words
# before such a request say who asks and why, not what. After a punctuation mark (or a
# colon closing "… cần số liệu:"): "Kết quả thanh tra cho biết …" is no request. With its
# diacritics ("hội", "cơ hội" are no hỏi), or typed plain as "cho/xin … hoi/biet".
_ASKER = r"(?:anh|chị|anh/chị|anh chị|ơi|bạn|đồng chí|xin|vui lòng|đề nghị|hãy|làm ơn|nhờ|cho|tôi|em|mình|chúng tôi|cháu|giúp)"
_AFTER = r"(?:^|[,;:.!?]\s*|\s-\s)"
_ENGLISH_REQUEST = (rf"|{_AFTER}(?:(?:please|pls|kindly)\s+)?(?:(?:can|could|would) you (?:please |kindly )?)?(?:tell|let) me"
                    rf"(?: know)?\b[,:]?\s*|{_AFTER}i(?:'d| would) like to know\b[,:]?\s*")
_REQUEST = re.compile(rf"{_AFTER}(?:{_ASKER}\s+){{1,5}}(?:hỏi|biết|tham khảo)(?:\s+giúp)?\b\s*(?:là|rằng)?\s*[,:]?\s*"
                      rf"|^[^:?]{{12,}}?\b(?:cần|muốn|đang|need|needs)\b[^:?]*:\s*" + _ENGLISH_REQUEST)
_REQUEST_PLAIN = re.compile(rf"{_AFTER}(?:\w+\s+){{0,2}}(?:cho|xin)\s+(?:(?:toi|em|minh|chung toi)\s+)?(?:hoi|biet)\b\s*(?:la)?\s*[,:]?\s*"
                            rf"|^[^:?]{{12,}}?\b(?:can|muon|dang|need|needs)\b[^:?]*:\s*" + _ENGLISH_REQUEST)


_NOW_SPOKEN = re.compile(r"\b(?:bây giờ|hiện giờ|bay gio|hien gio)\b|\bgiờ(?=\s+(?:đã|được|có|là|còn)\b)", re.IGNORECASE)
_SO_FAR_SPOKEN = re.compile(r"\b(?:tới giờ|đến giờ|toi gio|den gio)\b", re.IGNORECASE)


def in_report_time_words(question: str) -> str:
    """The question with spoken words for now and so far in the words reports write: "bây giờ",
    "giờ được" -> "hiện nay", "tới giờ" -> "đến nay" (framing words, which weigh against no
    passage; "giờ" alone stays: "bao nhiêu giờ" asks hours).

    >>> in_report_time_words("Đảng bộ Sở giờ được mấy chi bộ? Tới giờ có bao nhiêu trạm?")
    'Đảng bộ Sở hiện nay được mấy chi bộ? đến nay có bao nhiêu trạm?'
    """
    return _NOW_SPOKEN.sub("hiện nay", _SO_FAR_SPOKEN.sub("đến nay", nfc(question)))


# Words addressing whoever answers, at the end of a question: "… bao nhiêu phần trăm GRDP vậy anh chị?",
# "… mấy chi bộ vậy chị ơi?" (with diacritics only: typed plain, "anh", "chi", "ban" are also words
# of the report: ảnh hưởng, chi bộ, Ban)
_ADDRESS_TAIL = re.compile(r"[\s,]+(?:(?:(?:vậy|thế|nhé|nhỉ|ạ)[\s,]+)?(?:các\s+)?anh\s*/?\s*chị|"
                           r"(?:vậy|thế|nhé|nhỉ|ạ)[\s,]+(?:anh|chị|em|bạn))(?:\s+ơi)?(?:\s+(?:ạ|nhé|nhỉ|với))?"
                           r"(\s*[?.!]*)\s*$", re.IGNORECASE)


# What the question says of the report, not of its subject: "báo cáo nhấn mạnh cấp ủy phải …", "báo cáo
# nêu dịch bệnh nào …" (the report writes "thực hiện đúng nguyên tắc…", never "báo cáo nhấn mạnh")
_REPORT_SAYS = re.compile(r"\b(?:theo\s+)?báo cáo\s+(?:có\s+)?(?:nêu|nhấn mạnh|đề cập|ghi nhận|cho biết|nói|khẳng định|"
                          r"chỉ ra|xác định|đánh giá)(?:\s+(?:rõ|lên|đến|tới))?(?:\s+rằng)?\s+", re.IGNORECASE)


def without_asides(question: str) -> str:
    """The question without its asides: the words addressing whoever answers, at its end, and what
    it says of the report rather than of its subject.

    >>> without_asides("Tới 2030 tỉnh muốn kinh tế số chiếm bao nhiêu phần trăm GRDP vậy anh chị?")
    'Tới 2030 tỉnh muốn kinh tế số chiếm bao nhiêu phần trăm GRDP?'
    >>> without_asides("Đảng bộ có mấy chi bộ vậy chị ơi?"), without_asides("Có bao nhiêu trẻ em?")
    ('Đảng bộ có mấy chi bộ?', 'Có bao nhiêu trẻ em?')

    >>> without_asides("Trong phần bài học, báo cáo nhấn mạnh cấp ủy phải thực hiện đúng nguyên tắc nào?")
    'Trong phần bài học, cấp ủy phải thực hiện đúng nguyên tắc nào?'
    """
    return _REPORT_SAYS.sub("", _ADDRESS_TAIL.sub(lambda m: m.group(1), nfc(question)))


def without_preamble(question: str) -> str:
    """The question without the words before the request in it: who asks and why.

    >>> without_preamble("Em ở UBND xã, đang làm báo cáo, anh/chị cho em hỏi toàn tỉnh có bao nhiêu trạm BTS ạ?")
    'toàn tỉnh có bao nhiêu trạm BTS ạ?'
    >>> without_preamble("Để chuẩn bị báo cáo sơ kết, xin cho biết tỷ lệ hồ sơ trực tuyến là bao nhiêu?")
    'tỷ lệ hồ sơ trực tuyến là bao nhiêu?'
    >>> without_preamble("Văn phòng UBND tỉnh cần số liệu tổng hợp: tỉnh đã hỗ trợ bao nhiêu dự án?")
    'tỉnh đã hỗ trợ bao nhiêu dự án?'
    >>> without_preamble("de bao cao huyen, cho em hoi tong so tram BTS la bao nhieu")
    'tong so tram BTS la bao nhieu'
    >>> without_preamble("I'm writing a proposal, could you tell me how many BTS stations there are?")
    'how many BTS stations there are?'

    A question with no request stays as it is:

    >>> without_preamble("Kết quả thanh tra cho biết bao nhiêu cơ sở vi phạm?")
    'Kết quả thanh tra cho biết bao nhiêu cơ sở vi phạm?'
    >>> without_preamble("Trong nhiệm kỳ, có hội thảo nào về khởi nghiệp?")
    'Trong nhiệm kỳ, có hội thảo nào về khởi nghiệp?'
    >>> without_preamble("Chị ơi cho em hỏi, tỉnh có bao nhiêu trạm BTS ạ?")
    'tỉnh có bao nhiêu trạm BTS ạ?'
    >>> without_preamble("Cho em hỏi có bao nhiêu trạm BTS?"), without_preamble("Can you tell me how many BTS stations?")
    ('có bao nhiêu trạm BTS?', 'how many BTS stations?')
    """
    q = nfc(question)
    low = q.lower()
    pattern = _REQUEST if has_diacritics(q) else _REQUEST_PLAIN
    requests = list(pattern.finditer(low))
    if not requests:
        return question
    rest = q[requests[-1].end():].strip()
    return rest if len(re.findall(r"\w+", rest)) >= 3 else question


_SENTENCE_END = re.compile(r"(?<=[.!?…:])\s+")  # (and "Để so sánh với đơn vị mình: …")
# Who speaks: "Em đang chuẩn bị bài thuyết trình …", "Bên bệnh viện tôi …", "HTX chúng tôi …"
_ASKER = re.compile(r"\b(?:tôi|em|mình|chúng tôi|chúng em|chúng mình|toi|chung toi|chung em)\b|^\s*bên\b", re.IGNORECASE)


def _asker_sentences(question: str) -> tuple[list[str], list[str], list[str]]:
    """The sentences of ``question``; those that ask (with a question mark), and those around them
    that say who asks and why; none of the latter when no sentence asks."""
    sentences = _SENTENCE_END.split(question.strip())
    asking = [s for s in sentences if s.rstrip().endswith("?")]
    context = [s for s in sentences if s not in asking and _ASKER.search(s)] if asking else []
    return sentences, asking, context


def about_the_asker(question: str) -> set[str]:
    """The terms only of sentences around the question that say who asks and why ("Em đang
    chuẩn bị bài thuyết trình về chuyển đổi số ở Phú Thọ. Kinh tế số … bao nhiêu?"): a
    passage that has them is closer, one that has not is no further. (They may name what
    is asked of, "… chi cho các nhiệm vụ KH&CN cấp tỉnh. Trong tổng kinh phí …?": so they
    are kept, not dropped.) Only when another sentence asks, with a question mark.

    >>> t = about_the_asker("Em đang viết bài thuyết trình về kinh tế số. Kinh tế số chiếm bao nhiêu?")
    >>> "thuyet_trinh" in t, "kinh_te" in t
    (True, False)
    >>> about_the_asker("Kinh tế số chiếm bao nhiêu? Tỉnh đứng thứ mấy?"), about_the_asker("Em cần biết số trạm BTS.")
    (set(), set())
    """
    _, asking, context = _asker_sentences(question)
    if not context:
        return set()
    return set(tokenize(" ".join(context))) - set(tokenize(" ".join(asking)))


def without_the_asker(question: str) -> str:
    """``question`` without the sentences that say who asks: the names there ("Bên VNPT cần biết
    để tính phương án …") are the asker's, not what a passage must name.

    >>> without_the_asker("Tốc độ truy nhập cáp quang là bao nhiêu? Bên VNPT cần biết để tính phương án.")
    'Tốc độ truy nhập cáp quang là bao nhiêu?'
    """
    sentences, _, context = _asker_sentences(question)
    return " ".join(s for s in sentences if s not in context) if context else question


# The time a question opens with: "Sau khi hợp nhất với Đảng bộ Sở Thông tin và Truyền thông, …"
# (not "Trước khi …": the report's figures are of now, after it)
_OPENING_AFTER = re.compile(r"^\s*(?:sau khi|sau|kể từ khi|kể từ|từ khi)\s+([^,;?!.]{3,120}),", re.IGNORECASE)


def opening_time(question: str) -> tuple[set[str], set[str]]:
    """The terms of the event a question opens with as the time of what it asks ("Sau khi hợp
    nhất …, Đảng bộ hiện có bao nhiêu đảng viên?"): a report names the event in the sentence
    before the figure ("… trên cơ sở hợp nhất … . Hiện nay, Đảng bộ Sở có … 98 đảng viên"); and
    those of the words opening it ("sau khi"), which no passage need hold.

    >>> event, opening = opening_time("Sau khi hợp nhất với Sở TT&TT, Đảng bộ có bao nhiêu đảng viên?")
    >>> sorted(t for t in event if "_" in t), sorted(opening)
    (['hop_nhat', 'nhat_voi', 'so_tt', 'tt_tt', 'voi_so'], ['khi', 'khi_hop', 'sau', 'sau_khi'])
    >>> opening_time("Trước khi hợp nhất, Đảng bộ có bao nhiêu đảng viên?")
    (set(), set())
    """
    m = _OPENING_AFTER.match(nfc(question))
    if not m:
        return set(), set()
    event = set(tokenize(m.group(1)))
    return event, set(tokenize(m.group(0).rstrip(","))) - event


# What the asker rules out: "(not just suspended)", "rather than formal inspections", "không tính
# kiểm tra", "chứ không sớm hơn". Its words name the neighbouring fact, not the one asked for.
_EXCLUDED = re.compile(r"\(\s*(?:but\s+)?(?:not|không)\b[^()]*\)"
                       r"|,?\s*\b(?:(?:but\s+)?not (?:just|only|merely)|rather than|excluding|not counting|not including"
                       r"|không tính|không kể|chứ không(?: phải)?)\b[^,.;:?!()]*", re.IGNORECASE)


def without_exclusions(question: str) -> str:
    """The question without what it rules out.

    >>> without_exclusions("how many S&T orgs had their certificate revoked (not just suspended)?")
    'how many S&T orgs had their certificate revoked?'
    >>> without_exclusions("how many were specialised checks rather than formal inspections?")
    'how many were specialised checks?'
    >>> without_exclusions("Tôi chỉ cần số cuộc thanh tra, không tính kiểm tra: có bao nhiêu cuộc thanh tra?")
    'Tôi chỉ cần số cuộc thanh tra: có bao nhiêu cuộc thanh tra?'
    >>> without_exclusions("Tỷ lệ hồ sơ không được giải quyết là bao nhiêu?")
    'Tỷ lệ hồ sơ không được giải quyết là bao nhiêu?'
    """
    rest = re.sub(r"\s+([?.!,;:])", r"\1", _EXCLUDED.sub("", question)).strip()
    return rest if len(re.findall(r"\w+", rest)) >= 3 else question


# Question words besides "mấy": with one of them, a plain "may" is máy (a machine)
_ASKS_OTHERWISE = re.compile(r"\b(?:nao|gi|bao nhieu|ai|sao)\b")


# "riêng X": X is the part of a whole the question asks about; it runs to the verb or question
# word ("riêng doanh thu viễn thông ước được bao nhiêu"), a year ("riêng năm 2023", checked
# apart), or a mark. Words that only frame it ("trong lĩnh vực", "loại") need not be quoted.
_ONLY = re.compile(r"(?<!\btach )\brieng\s+((?:(?!(?:la|dat|duoc|thi|co|bao|may|nao|uoc|da|se|hien)\b)[^\W\d]+\s*){1,8})")
_ONLY_FRAMING = set("trong o ve cho cua cac nhung loai linh vuc phan doi voi tai nam thang so va".split())


def singled_out(question: str) -> frozenset[str]:
    """The syllables (accent-free) of what "riêng …" singles out of a whole.

    >>> sorted(singled_out("Tổng số tiền xử phạt riêng trong lĩnh vực an toàn bức xạ là bao nhiêu?"))
    ['an', 'buc', 'toan', 'xa']
    >>> sorted(singled_out("Riêng loại nhãn hiệu thì được cấp bao nhiêu văn bằng?")), singled_out("Riêng năm 2023 đạt bao nhiêu?")
    (['hieu', 'nhan'], frozenset())

    Not what "tách riêng" breaks down ("tách riêng số cuộc thanh tra và số cuộc kiểm tra"):

    >>> singled_out("Bao nhiêu cuộc? Tách riêng số cuộc thanh tra và số cuộc kiểm tra.")
    frozenset()
    """
    m = _ONLY.search(_folded(question))
    return frozenset(w for w in m.group(1).split() if w not in _ONLY_FRAMING) if m else frozenset()


def _folded(question: str) -> str:
    """The question accent-free, for the question-word patterns, except that a word
    folding to "may" is "mấy" (how many) only when written so or plain: "máy tính" is a computer.

    >>> _folded("Chương trình hỗ trợ máy tính nào?"), _folded("Có mấy trạm?"), _folded("co may tram theo QĐ")
    ('chuong trinh ho tro · tinh nao?', 'co may tram?', 'co may tram theo qd')
    >>> _folded("quyet dinh nao cap phep su dung may X quang")
    'quyet dinh nao cap phep su dung · x quang'
    """
    low = nfc(question).lower()
    # máy, mây, mày: written with other marks than mấy (a plain "may" may be either: the
    # machine when the question asks its question with another word, "quyet dinh nao … may X quang")
    plain_asks = "may" if not _ASKS_OTHERWISE.search(strip_accents(low)) else None
    low = re.sub(r"\w+", lambda m: "·" if m.group(0) not in ("mấy", plain_asks) and strip_accents(m.group(0)) == "may"
                 else m.group(0), low)
    return strip_accents(low)



def _single_year(text: str) -> bool:
    """A year that is not one end of a period: "năm 2023", "17/02/2021", not "2020 - 2025".

    >>> _single_year("giai đoạn 2020 - 2025"), _single_year("riêng năm 2023"), _single_year("2021–2025 và năm 2024")
    (False, True, True)
    """
    text = blank_docnums(text)  # "42/2025/QĐ-UBND" names no year of an event
    for m in YEAR_RE.finditer(text):
        before, after = text[max(0, m.start() - 8):m.start()], text[m.end():m.end() + 8]
        if not re.search(r"\d{4}\s*[-–]\s*$", before) and not re.match(r"\s*[-–]\s*\d{4}", after):
            return True
    return False


def _numbered_before(text: str, named: frozenset[str]) -> bool:
    """A document number other than ``named`` comes before the first named one: reports
    cite "Kế hoạch số 1130/KH-UBND … thực hiện Kế hoạch số 148-KH/TU", so the plan that
    carries out 148-KH/TU is numbered before it, not after ("148-KH/TU … thực hiện 57-NQ/TW")."""
    keys = [d.key for d in find_docnums(text, typed=True)]
    return bool(keys) and keys[0] not in named and any(k in named for k in keys[1:])


def has_rank(text: str) -> bool:
    """``text`` states a rank: "đứng thứ 10 cả nước", "xếp hạng 3", "đứng đầu"."""
    return bool(_RANK.search(text))


def has_date(text: str) -> bool:
    """A full date, "04/6/2025"."""
    return bool(_DATE.search(text))


def asked_kind(question: str) -> str | None:
    """What a "<noun> nào?" question asks for, accent-free: "Huyện nào…" -> "huyen",
    "Chương trình nào…" -> "trinh"; None for "khi nào", "như thế nào", "ngày nào" (dates are
    checked apart).

    >>> asked_kind("Huyện nào có nhiều trạm BTS nhất?"), asked_kind("Khi nào ban hành?")
    ('huyen', None)

    "Văn bản nào…?" asks for a document by its number, whatever the quote calls it ("kế hoạch
    số 06/KH-ĐUKHCN"): the document-number checks hold it (``Asked.docnum``).

    >>> asked_kind("Văn bản nào của Đảng ủy về đại hội?"), asked_kind("van ban nao quy dinh?")
    (None, None)

    Nor does "mang số hiệu nào" (its number) ask for a "hiệu" (while "thương hiệu nào" asks a brand):

    >>> asked_kind("Kế hoạch đó mang số hiệu nào?"), asked_kind("Thương hiệu nào được hỗ trợ?")
    (None, 'hieu')
    """
    m = re.search(r"(?:(van|so|ky)\s+)?(\w+)\s+nao\b", strip_accents(question).lower())
    if not m or m.group(2) in _NOT_KINDS or m.group(2) in QUESTION_WORDS or (m.group(1), m.group(2)) in _DOC_WORDS:
        return None
    return m.group(2)


def _counted_match(low: str) -> re.Match | None:
    """Where "bao nhiêu X" (or, in a question without it, "mấy X") names what is counted."""
    if re.search(r"\bbao nhi[eê]u\b", low):
        return _COUNTED.search(low)
    m = _COUNTED_FEW.search(low)
    if m and not low[m.start():].startswith("mấy") and _ASKS_OTHERWISE.search(strip_accents(low)):
        return None  # (a plain "may" beside another question word is máy: see _folded)
    return m


def asked_unit(question: str) -> tuple[str, ...] | None:
    """What "bao nhiêu X" / "mấy X" counts, as syllable initials to find right after a
    figure: ``("%",)``, ``("ty",)`` (tỷ), ``("d", "n")`` (DN = doanh nghiệp); None when
    the question does not say.

    >>> asked_unit("Có bao nhiêu trạm BTS?"), asked_unit("tăng bao nhiêu phần trăm"), asked_unit("nhiều hơn mấy DN?")
    (('tram',), ('%',), ('d', 'n'))

    An amount of money when the question asks "how much" of kinh phí, doanh thu, vốn…:

    >>> asked_unit("Tổng kinh phí là bao nhiêu?"), asked_unit("Tỷ lệ vốn ngoài ngân sách là bao nhiêu?")
    (('money',), None)
    >>> asked_unit("Chi ngân sách cho KH&CN đạt bao nhiêu so với GRDP?")  # (a share of GRDP)
    >>> asked_unit("Tổng kinh phí đầu tư Trại thực nghiệm?")
    ('money',)
    >>> asked_unit("bị phạt bao nhiêu tiền?"), asked_unit("ứng dụng bao nhiêu tiến bộ kỹ thuật?")
    (('money',), ('tien',))

    Typed without diacritics:

    >>> asked_unit("co bao nhieu tram 5G"), asked_unit("bao nhieu tien bo ky thuat"), asked_unit("phat bao nhieu tien")
    (('tram',), ('tien',), ('money',))
    >>> asked_unit("so may tinh duoc trang bi la bao nhieu"), asked_unit("co may tram 5G theo 1218/QĐ-UBND")
    (None, ('tram',))
    >>> asked_unit("Có bao nhiêu phần mềm dùng chung?")
    ('phan',)
    >>> asked_unit("Có mấy cái thủ tục?"), asked_unit("Dịch vụ công có bao nhiêu cái?")
    (('thu',), None)
    >>> asked_unit("Hỗ trợ bao nhiêu đề tài?"), asked_unit("bao nhieu du an"), asked_unit("bao nhiêu đề xuất")
    (('de', 'tai'), ('du', 'an'), ('de',))
    >>> asked_unit("thu nhập lên bao nhiêu 1 tháng?")  # (a figure after it counts nothing: per month)
    >>> asked_unit("thu nhập tăng lên mức bao nhiêu một tháng?")
    >>> asked_unit("thu về bao nhiêu doanh thu?")  # (an amount: not "04 doanh nghiệp")
    ('money',)
    """
    low = nfc(question).lower()
    m = _counted_match(low)
    word = strip_accents(m.group(1)) if m else None
    after = low[m.end(1):] if m else ""
    if word == "%" or (word == "phan" and re.match(r"\s+tr[aă]m\b", after)):
        return ("%",)  # (not "bao nhiêu phần mềm")
    if word == "tien" and (m.group(1) == "tiền" or (m.group(1) == "tien" and not re.match(r"\s+bo\b", after))):
        return MONEY  # "bao nhiêu tiền" (and "bao nhiêu tiến bộ kỹ thuật" counts tiến bộ)
    if m and _ASKS_MONEY.match(strip_accents(low[m.start(1):])):
        return MONEY  # "thu về bao nhiêu doanh thu", "bao nhiêu kinh phí": an amount, not a count
    if word is None or word in _NOT_UNITS or word.isdigit():  # ("lên bao nhiêu 1 tháng": per month)
        # "Tổng kinh phí … là bao nhiêu?" asks for an amount of money, not a count
        folded = strip_accents(question).lower()
        # ("Tổng kinh phí dự án?"; not "tổng số nhiệm vụ … kinh phí", a count)
        asks_amount = re.search(r"\b(bao nhieu|how much)\b|\btong (kinh phi|so tien|von|nguon von|muc dau tu|doanh thu)\b",
                                folded)
        # (a target may be a share: "Chỉ tiêu tổng chi ngân sách cho KH&CN … là bao nhiêu?" — "đạt 3% GRDP")
        if asks_amount and _ASKS_MONEY.search(folded) and not _ASKS_RATE.search(folded) \
                and not re.search(r"\b(?:chi tieu|muc tieu)\b", folded):
            return MONEY
        return None
    raw = nfc(question)[m.start(1):m.end(1)]
    units = dict(acronyms(raw))
    nxt = re.match(r"\s+(\w+)", after)
    if nxt and (word, strip_accents(nxt.group(1))) in _KINDS_OF_TASK:
        return (word, strip_accents(nxt.group(1)))  # (not "đề xuất", "dữ liệu": see _COUNTED_AS)
    return units.get(word) or (word,)


def second_unit(question: str) -> tuple[str, ...] | None:
    """What the second "bao nhiêu" / "mấy" of a question asking two figures counts (asked_unit).

    >>> second_unit("Bao nhiêu tổ chức được cấp giấy, và có bao nhiêu tổ chức bị thu hồi?")
    ('to',)
    >>> second_unit("Có bao nhiêu dự án, tổng kinh phí bao nhiêu?"), second_unit("Có bao nhiêu trạm?")
    (('money',), None)
    """
    text = nfc(question)
    first = re.search(r"\b(?:bao nhi[eê]u|m[aấ]y)\b", text.lower())
    rest = text[first.end():] if first else ""
    return asked_unit(rest) if re.search(r"\b(?:bao nhi[eê]u|m[aấ]y)\b", rest.lower()) else None


# Words that end the noun phrase after "bao nhiêu": a verb, a preposition, a time ("được cấp", "trong năm")
_COUNTED_ENDS = frozenset("duoc da co la trong cua tai nam giai do cho tu den so voi theo tren hien nay va nhu the "
                          "nao thi ma roi chua khong vay a nhi ha".split())


def counted_terms(question: str) -> tuple[str, ...]:
    """The two-syllable terms, in order, of the noun phrase "bao nhiêu" / "mấy" counts, up to
    the word that ends it: what the quote must be about, qualifiers included.

    >>> counted_terms("Có bao nhiêu đơn đăng ký chỉ dẫn địa lý trong giai đoạn 2020-2025?")
    ('don_dang', 'dang_ky', 'ky_chi', 'chi_dan', 'dan_dia', 'dia_ly')
    >>> counted_terms("Có mấy cuộc về an toàn bức xạ?"), counted_terms("Tổng số là bao nhiêu?")
    (('cuoc_ve', 've_an', 'an_toan', 'toan_buc', 'buc_xa'), ())
    """
    low = nfc(question).lower()
    m = _counted_match(low)
    if not m or strip_accents(m.group(1)) in ("mot", "moi"):
        return ()  # ("bao nhiêu một tháng": per month)
    words = []
    for w in re.findall(r"[\w&/-]+|[^\w\s]", low[m.start(1):]):
        if not re.match(r"\w", w) or strip_accents(w) in _COUNTED_ENDS:
            break
        words.append(w)
    return tuple(t for t in tokenize(" ".join(words)) if "_" in t)


def part_terms(question: str) -> tuple[str, ...]:
    """The two-syllable terms, in order, of all "bao nhiêu" / "mấy" asks to the end of its
    sentence: for a part of a whole, how the part is told apart is often past the words that
    end the counted noun phrase (counted_terms).

    >>> part_terms("Trong số giấy phép đã cấp, có bao nhiêu giấy phép dành cho cơ sở X-quang?")
    ('giay_phep', 'phep_danh', 'danh_cho', 'cho_co', 'co_so', 'so_x', 'x_quang')
    """
    low = nfc(question).lower()
    m = _counted_match(low)
    if not m:
        return ()
    rest = re.split(r"[?.!;]", low[m.start(1):], maxsplit=1)[0]
    return tuple(t for t in tokenize(rest) if "_" in t)


@lru_cache(maxsize=1)
def report_words() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(a phrase people ask with, accent-free and lower-case; the words reports write for it)
    per line of synonyms_vi.tsv, longest phrase first."""
    text = resources.files("vankien").joinpath("synonyms_vi.tsv").read_text(encoding="utf-8")
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    rows.sort(key=lambda r: -len(r[0]))
    return tuple((strip_accents(nfc(a)).lower(), tuple(nfc(w).strip() for w in b.split("|"))) for a, b in rows)


def counted_synonyms(question: str) -> tuple[str, ...]:
    """The report's words (synonyms_vi.tsv), accent-free, for the phrase "bao nhiêu" counts:
    "bao nhiêu hộp thư" is answered by "776 hòm thư", "bao nhiêu cột phát sóng" by "3.916 trạm".

    >>> counted_synonyms("cấp bao nhiêu hộp thư công vụ?"), counted_synonyms("có bao nhiêu hộp sữa?")
    (('hom thu',), ())
    """
    low = nfc(question).lower()
    m = _counted_match(low)
    if not m:
        return ()
    after = strip_accents(low[m.start(1):])
    for phrase, alts in report_words():
        if re.match(rf"{re.escape(phrase)}\b", after):
            return tuple(strip_accents(a).lower() for a in alts)
    return ()


def share_subject(question: str) -> tuple[str, ...]:
    """The first two-syllable terms of what "tỷ lệ X" / "tỷ trọng X" measures: the quote must
    hold one of them ("tỷ lệ doanh nghiệp được tư vấn" is not answered by a rate of dossiers;
    "tỷ lệ trả kết quả điện tử" is by "tỷ lệ hồ sơ cấp kết quả điện tử").

    >>> share_subject("Tỷ lệ doanh nghiệp được tư vấn là bao nhiêu phần trăm?"), share_subject("tỷ lệ 5G?")
    (('doanh_nghiep',), ())
    >>> share_subject("tỷ lệ trả kết quả điện tử đạt nhiêu %")
    ('tra_ket', 'ket_qua')
    """
    m = re.search(r"\b(?:tỷ lệ|tỉ lệ|tỷ trọng|ty le|ti le|ty trong)\s+(\w+(?:\s+\w+){0,2})", nfc(question).lower())
    if not m:
        return ()
    words = []
    for w in m.group(1).split():
        if strip_accents(w) in _COUNTED_ENDS or w.isdigit():
            break
        words.append(strip_accents(w))
    return tuple(f"{a}_{b}" for a, b in zip(words, words[1:]))


def share_terms(question: str) -> tuple[str, ...]:
    """The two-syllable terms, in order, of what "tỷ lệ X" names, up to the words that ask ("là",
    "bao nhiêu", "đạt", "chiếm"): what the share is of, qualifiers included ("tỷ lệ hồ sơ đã được
    số hóa" is not "tỷ lệ hồ sơ tiếp nhận và giải quyết trực tuyến").

    >>> share_terms("Tỷ lệ hồ sơ đã được số hóa đạt bao nhiêu?")
    ('ho_so', 'so_da', 'da_duoc', 'duoc_so', 'so_hoa')
    """
    m = re.search(r"\b(?:tỷ lệ|tỉ lệ|tỷ trọng|ty le|ti le|ty trong)\s+(.+?)(?=\s+(?:là|la|bao|đạt|dat|chiếm|chiem|"
                  r"khoảng|khoang|hiện|hien|tính|tinh|trong|ở|o)\b|[?,.;:]|$)", nfc(question).lower())
    return tuple(t for t in tokenize(m.group(1)) if "_" in t and strip_accents(t) == t) if m else ()


def _is_share(text: str, m: re.Match) -> bool:
    """The figure ``m`` is a percentage: "82,56%", "45 %"."""
    return bool(_PERCENT.match(text, m.start()))


def _figure_phrase(text: str, at: int, chars: int) -> str:
    """The words after a figure up to the end of its phrase: punctuation, quotation marks,
    "và", the next figure ('"chi bộ 4 tốt", "đảng bộ…"': the 4 is of no đảng bộ)."""
    return re.split(rf"[,;:()\"“”\n]|\.\s|\bvà\b|{_ANY_FIGURE.pattern}", text[at:at + chars])[0]


def _counts_other_code(text: str, at: int, codes: frozenset[str]) -> bool:
    """The words after a figure (to the next punctuation) name a code other than those
    asked: "1.929 trạm 4G" counts no 5G station.

    >>> t = "hiện có 1.929 trạm 4G, 55 trạm thu phát sóng di động 5G tại Việt Trì"
    >>> _counts_other_code(t, t.index(" trạm 4G"), frozenset({"5g"})), _counts_other_code(t, t.index(" trạm thu"), frozenset({"5g"}))
    (True, False)
    >>> t = "có 55 trạm phủ sóng QL2, mạng 5G"
    >>> _counts_other_code(t, t.index(" trạm"), frozenset({"5g"}))
    False

    A question naming no code asks for the whole count:

    >>> t = "có 3.916 trạm BTS, 1.929 trạm 4G"
    >>> _counts_other_code(t, t.index(" trạm BTS"), frozenset()), _counts_other_code(t, t.index(" trạm 4G"), frozenset())
    (False, True)
    """
    window = _figure_phrase(text, at, 48)
    if not codes:
        # a question naming no code asks for the whole count, not a coded part of it
        # ("how many stations?" is not answered by "1.929 trạm 4G" when "3.916 trạm BTS" is there)
        return any(is_code(t) for t in term_set(window))
    # another code of the same kind (4G for 5G; a road "QL2" is no other network)
    kinds = {re.sub(r"\d", "", c) for c in codes}
    named = {t for t in term_set(window) if is_code(t) and re.sub(r"\d", "", t) in kinds}
    return bool(named) and not named & codes


def _counts_any(terms: frozenset[str], text: str, shares: bool, codes: frozenset[str] = frozenset()) -> bool:
    """A figure in ``text`` with one of these two-syllable terms among the three syllables
    after it (after "triệu", "nghìn"…): "1,2 triệu dữ liệu hộ tịch" counts dữ liệu; not past
    the figure's phrase.

    >>> t = frozenset({"du_lieu", "dang_bo"})
    >>> _counts_any(t, "1,2 triệu dữ liệu hộ tịch", True), _counts_any(t, '"chi bộ 4 tốt", "đảng bộ cơ sở 4 tốt"', True)
    (True, False)
    """
    for m in _FIGURE_OR_FRACTION.finditer(text):
        if not shares and _is_share(text, m):
            continue
        if "/" in m.group(0) or YEAR_RE.fullmatch(m.group(0)) or _AMOUNT.match(text, m.end()):
            continue  # a date, a year or an amount of money counts nothing
        scale = _SCALE.match(text, m.end())
        phrase = _figure_phrase(text, scale.end() if scale else m.end(), 40)
        after = re.findall(r"\w+", strip_accents(phrase).lower())[:3]
        if any(f"{a}_{b}" in terms for a, b in zip(after, after[1:])) and not _counts_other_code(text, m.end(), codes):
            return True
    return False


def gives_unit(unit: tuple[str, ...], text: str, shares: bool = True, codes: frozenset[str] = frozenset(),
               also: tuple[str, ...] = ()) -> bool:
    """A figure in ``text`` followed by the counted word: "3.916 trạm", "01 doanh nghiệp", "82,56%".
    ``shares=False``: a percentage does not count ("100% cán bộ" is not how many cán bộ).
    ``codes`` (5G): a figure of the word followed by another code ("1.929 trạm 4G") counts none.
    ``also``: the report's words for the counted thing, accent-free (counted_synonyms).

    >>> gives_unit(("tram",), "toàn tỉnh có 3.916 trạm BTS"), gives_unit(("tram",), "3.916 thuê bao")
    (True, False)
    >>> gives_unit(("can",), "Có 100% cán bộ", shares=False), gives_unit(("can",), "có 12 cán bộ", shares=False)
    (False, True)

    A figure of millions of them, or the counted word before a colon:

    >>> gives_unit(("the",), "Đã cấp 1,3 triệu thẻ căn cước"), gives_unit(("sang",), "777 văn bằng (sáng chế: 02, …)")
    (True, True)

    Party members are counted as comrades: "63 đồng chí có bằng Trung cấp" counts đảng viên.

    >>> gives_unit(("dang",), "có 63 đồng chí có bằng tốt nghiệp Trung cấp LLCT"), gives_unit(("the",), "cấp 1.3 triệu thẻ")
    (True, True)

    ... people as whoever the report counts, an area in its symbol:

    >>> gives_unit(("nguoi",), "có 63 đồng chí có bằng"), gives_unit(("met",), "tổng diện tích trên 3.000 m2;")
    (True, True)
    >>> gives_unit(("nguoi",), "có 63 chi bộ"), gives_unit(("met",), "có 55 trạm 5G")
    (False, False)
    >>> gives_unit(("ho",), "tỷ lệ hộ: 45 %", shares=False), gives_unit(("tram",), "trạm: 12 tỷ đồng")
    (False, False)
    >>> gives_unit(("hop",), "cấp 776 hòm thư điện tử", also=("hom thu",)), gives_unit(("hop",), "cấp 776 hòm thư")
    (True, False)
    >>> gives_unit(("nhan",), "cho gần 522 lượt nhân viên bức xạ"), gives_unit(("luot",), "522 lượt nhân viên")
    (True, True)
    >>> gives_unit(("ban",), "xuất bản tập san (04 số/năm; mỗi số 200 cuốn)")  # copies
    True
    """
    if unit == ("%",):
        return "%" in text
    if unit == MONEY:
        return bool(_MONEY_FIGURE.search(text))
    folded = strip_accents(text).lower()
    for m in _FIGURE_OR_FRACTION.finditer(text):
        if not shares and _is_share(text, m):
            continue
        after = m.end()
        alias = _COUNTED_AS.get(unit)
        if (alias and alias.match(text, after)) or any(re.match(rf"\s*{re.escape(w)}\b", folded[after:]) for w in also):
            return True  # (before the codes: "3.000 m2" is an area, not a coded thing; "776 hòm thư")
        if _counts_other_code(text, after, codes):
            continue
        scale = _SCALE.match(text, after)
        for at in (after, scale.end()) if scale else (after,):
            if spells_out(unit, text[at:at + 12 * len(unit)]) and re.match(r"\s*" + re.escape(unit[0]), folded[at:]):
                return True
        if _AMOUNT.match(text, m.end()):
            continue  # ("trạm: 12 tỷ đồng" is money, not a count of trạm)
        label = _LABEL.search(folded[max(0, m.start() - 40):m.start()])
        words = label.group(0).rstrip(": ").split() if label else []
        if any(w.startswith(unit[0]) and spells_out(unit, " ".join(words[k:])) for k, w in enumerate(words)):
            return True
    return False
