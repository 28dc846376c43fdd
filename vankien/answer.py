"""Retrieved chunks -> an extractive, cited answer (no LLM needed).

The answer is the best sentence (or clause) of the retrieved passages, quoted
verbatim; its citation points at the exact span. Before an answer leaves this
module the figure guard checks that every number and document number in it
appears in a cited quote.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass, field, replace
from functools import lru_cache
from importlib import resources

from ingest.chunker import Chunk, previous_chunk_id
from ingest.sentences import clause_spans, sentence_spans
from vankien import messages as msg
from vankien.crosslingual import english_part, english_share_subject
from vankien.guard import unsupported_figures
from vankien.question import (MONEY, QUESTION_WORDS, Asked, about_the_asker, gives_unit, has_rank, opening_time, share_subject,
                               share_terms, without_the_asker)
from vankien.retrieve import Hit, Wanted, acronym_junctions, passage_terms, without_alternatives
from vankien.vietnamese import (YEAR_RE, acronyms, blank_docnums, canonical_number, find_docnums, find_numbers,
                                has_diacritics, one_form, strip_accents, term_set, tokenize, years_in)


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
    # ... and the quoted sentence: on every eval set, correct answers' quotes held >= 0.41 of
    # it, two wrong ones 0.06 and 0.33 (the rest of a passage can cover what the quote does not)
    min_quote_coverage: float = 0.35
    # An English question is answered in the report's words when the glossary knows at
    # least this share of its content words (vankien.crosslingual); else it is refused.
    min_glossary_share: float = 0.6
    # A translated question keeps the English words the glossary lacks, and they count
    # against coverage like unknown syllables ("obtain", "print run"): with this much of it
    # covered, e5's similarity of the English question and the quote decides. Calibrated on
    # the English eval questions (not holdout_english4): correct quotes mostly >= 0.78.
    min_coverage_translated: float = 0.40
    min_similarity_translated: float = 0.78
    common_name_idf: float = 2.0  # a name this common in the documents is implicit in a passage
    conflict_ratio: float = 0.8  # a second figure must score this close to count as a conflict
    conflict_min_idf: float = 2.5  # ... for a subject phrase this distinctive (not "nhiệm vụ")
    max_answer_chars: int = 600
    sentence_chars: int = 360  # quote the whole sentence around the chosen clause up to this length
    passages: int = 5
    unknown_word_weight: float = 1.0
    # ... and an English word the glossary left untranslated ("far", "cultural"): more often a
    # word around the subject than the subject. Measured 0.5 / 0.75 / 1.0 on every set
    # (2026-11-26): 0.75 answered 3 more English questions and no wrong one; 0.5 also 3 wrong ones.
    unknown_english_weight: float = 0.75
    unit_weight: float = 1.2  # question-term coverage of the clause itself
    passage_weight: float = 0.0  # ... and of its whole passage (with section titles)
    # A clause quoting a target ("Chỉ tiêu “… đạt từ 70% trở lên”"), for a question that asks for
    # none. 0.3 and 0.5 gave the same answers on every eval set (2026-11-26); 0.5 also when the
    # target's wording is closer to the question than the result's.
    target_quote_penalty: float = 0.5
    # A figure right after two words of the question ("hồ sơ tiếp nhận và giải quyết trực tuyến
    # đạt 82,56%", "doanh thu bưu chính 2.550 tỷ"): what it measures is what was asked. For a
    # "bao nhiêu" question only (a name before a figure, "Phú Thọ có 04", is no subject). Measured
    # 0.2 / 0.3 on every set (2026-11-27): 0.2 +3 right, 3 wrong fewer, none lost; 0.3 churned.
    subject_bonus: float = 0.2
    # ... and a figure followed by what the question counts ("gần 522 lượt nhân viên bức xạ", not
    # "100 học viên là cán bộ" for "how many radiation workers and safety officers"). Measured on
    # every set (2026-11-27): 0.1 and 0.2 the same, +2 right, 2 wrong fewer, none lost.
    counted_bonus: float = 0.1
    # A clause giving the figure of a target the question names, beside its result: "82,56% hồ sơ
    # … (mục tiêu Nghị quyết: 80%)". Measured on every set (2026-11-27): +3 right, 3 wrong fewer,
    # none lost; counting clauses inside a quoted target too lost two blind answers.
    target_bonus: float = 0.3


@dataclass
class _Unit:
    hit: Hit
    start: int  # offsets into the document's clean text
    end: int
    text: str
    score: float
    coverage: float  # of the question's terms by the whole passage
    gives_unit: bool = False  # a figure followed by what "bao nhiêu X" counts


class Answerer:
    def __init__(self, index, params: AnswerParams = AnswerParams()):
        self.index = index
        self.params = params

    def answer(self, question: str, hits: list[Hit], typed: str | None = None) -> Answer:
        """``typed``: the question as asked, when ``question`` is its translation into the
        report's words (vankien.crosslingual)."""
        p = self.params
        q_terms = _content_terms(question)
        idf = self.index.lexical.term_idf(q_terms) if q_terms else {}
        known = {t: w for t, w in idf.items() if w > 0}
        # (an English question the glossary could not translate never gets here: the
        # pipeline refuses it, see Assistant.read_question)
        if p.unknown_word_weight:
            # A syllable the corpus never uses ("xổ số", "Paris") is what the question is
            # about: it counts against coverage with the weight of the rarest word.
            top = self.index.lexical.rarest_idf()
            # (English words a translation kept, not names: unknown_english_weight)
            names = {strip_accents(w).lower() for w in re.findall(r"\w+", question) if w[0].isupper()}
            for t, w in idf.items():
                if w == 0 and "_" not in t and t.isalpha():
                    english = typed is not None and t.isascii() and t not in names
                    known[t] = (p.unknown_english_weight if english else p.unknown_word_weight) * top
        asked = Asked.read(question) if typed is None else Asked.read(question).translated(question, typed)
        if typed is not None and not asked.part:
            asked = replace(asked, part=english_part(typed))
        acr = dict(acronyms(question))
        optional = _optional_terms(question) | (_DOC_FRAMING if asked.docnum or asked.date else set())
        wanted = Wanted.of(question, known, optional)
        unit = asked.unit
        subjects = {t for t in known if "_" in t}  # what a figure right after them measures (subject_bonus)
        # "bao nhiêu thuê bao di động 5G": the clause counting them must name 5G. (Only for
        # counts: "tăng 63%" follows the clause that names "1.929 trạm 4G".)
        counts_codes = asked.codes if unit not in (None, ("%",), MONEY) else frozenset()
        # (the event a question opens with as its time is the passage's, not one clause's: "Sau khi được
        # hỗ trợ đổi mới công nghệ, thu nhập … tăng lên bao nhiêu?" asks the clause on thu nhập)
        event = opening_time(question)[0]
        # what "tỷ lệ X" is a share of, qualifiers included: of two shares of hồ sơ, the one "số hóa"
        of_share = {t: known[t] for t in share_terms(question) if t in known} if typed is None else {}
        share_total = sum(of_share.values())
        units: list[_Unit] = []
        for rank, hit in enumerate(hits[: p.passages]):
            c = hit.chunk
            index_text = c.index_text()
            chunk_terms = passage_terms(index_text, acr, question)
            if asked.docnums and not asked.docnums & (chunk_terms | self._lead_in_terms(c, acr, question)):
                continue  # a question about 1218/QĐ-UBND is not answered from another document
            if not asked.dated_in(index_text):
                continue  # "nhiệm kỳ 2025-2030" is answered from a passage about that term
            cov_chunk = wanted.coverage(chunk_terms)
            plans = bool(_AHEAD.search(c.context))  # (the part of the report about the next term)
            targets = _target_quotes(c.text)
            # (a question about a target reads "… Bưu chính đạt 4.552 tỷ đồng”: Kết quả …" as the
            # report wrote it: the clause names what its figure is a target of)
            for s, e in _answer_units(c.text, [] if asked.target else targets):
                text = c.text[s:e]
                # ("vượt chỉ tiêu Nghị quyết" names the target of a result: no match for "chỉ tiêu …?")
                unit_terms = passage_terms(_MEETS_TARGET.sub(" ", text) if asked.target else text, acr, question)
                cov_unit = wanted.coverage(unit_terms | (event & chunk_terms))
                has_num = asked.answering_number(text)
                score = hit.score + p.unit_weight * cov_unit + p.passage_weight * cov_chunk
                if asked.figure:
                    score += 0.3 if has_num else -0.3
                if of_share:
                    score += p.subject_bonus * sum(w for t, w in of_share.items() if t in unit_terms) / share_total
                if asked.figure and has_num and any(not YEAR_RE.fullmatch(v)  # (not "so với giai đoạn 2016-2020")
                                                    for _, v in _figure_subjects(text, subjects, _MEASURE_FILLER)):
                    score += p.subject_bonus
                gives = bool(unit and has_num and asked.gives(text)) and (counts_codes <= unit_terms)
                if gives and asked.counted and _counts_right_after(text, asked.counted[0]):
                    score += p.counted_bonus
                if gives:
                    score += 0.3
                if asked.date:
                    score += 0.3 if asked.gives_date(text) else -0.3
                if asked.rank:
                    score += 0.3 if has_rank(text) else -0.3
                if asked.docnum:
                    score += 0.3 if asked.gives_docnum(text) else -0.3
                if asked.figure and asked.per_year:
                    score += 0.3 if asked.yearly_in(text) else -0.3
                if asked.cause:
                    score += 0.3 if asked.states_cause(_lead_in(c.text, s) + text, c.section) else -0.3
                if asked.kind or asked.person:
                    score += 0.3 if asked.named_in(text) else -0.3  # "nhiệm kỳ nào?": a clause naming a nhiệm kỳ
                if asked.levels:
                    score += 0.3 if asked.leveled_in(text) else -0.3  # "cấp cơ sở": the clause naming that level
                if asked.ahead:
                    score += 0.3 if plans else -0.3  # "nhiệm kỳ tới": the plans for it
                elif asked.now and not asked.target and plans:
                    score -= 0.3  # "đến nay", "grew": what was done, not the plans
                if asked.names_year(text):
                    score += 0.3  # "in 2020": "JNTC Vina - năm 2020", before "giai đoạn 2020 - 2025"
                if asked.doc_refs and asked.names_doc_ref(text):
                    score += 0.5  # "Nghị quyết 57": the clause naming 57-NQ/TW
                if asked.docnums & unit_terms:
                    score += 0.5
                if asked.names_target and _TARGET_NOTE.search(text):
                    score += p.target_bonus
                if asked.against_target and _SHARE_OF_TARGET.search(text):
                    score += p.target_bonus  # "(Đạt 90% so với chỉ tiêu Nghị quyết Đại hội)"
                if asked.target and _MEETS_TARGET.search(text) and not any(s < te and ts < e for ts, te in targets):
                    # "… ước đạt 12.900 tỷ đồng vượt chỉ tiêu Nghị quyết đề ra" is a result measured
                    # against the target asked, not the target
                    score -= p.target_quote_penalty
                if not asked.target and _quotes_target(c.text, s, e, targets):
                    # "Chỉ tiêu “… đạt 12.750 tỷ đồng”: Kết quả … đạt 12.900 tỷ đồng": the quoted
                    # target answers a question about the target, not one about what was achieved
                    score -= p.target_quote_penalty
                score -= 0.02 * rank
                units.append(_Unit(hit, c.char_start + s, c.char_start + e, text, score, cov_chunk, gives))
        if not units:
            return self._not_found(question)
        units.sort(key=lambda u: -u.score)
        best = units[0]
        if unit:
            # "bao nhiêu tỷ đồng": only a clause giving a figure in tỷ can answer it
            best = next((u for u in units if u.gives_unit), best)
        if asked.docnum and asked.number and not asked.gives_docnum(best.text):
            # "số mấy?" is answered by a clause giving a number, when one scores close: the appendix
            # lists some documents without theirs ("- Quyết định phê duyệt chương trình …;")
            floor = p.conflict_ratio * best.score
            best = next((u for u in units if u.score >= floor and asked.gives_docnum(u.text)), best)

        if asked.now and not asked.target and _AHEAD.search(best.hit.chunk.context):
            return self._not_found(question)  # "tỷ lệ phủ sóng 5G hiện nay" is not the next term's target
        if asked.ahead and not _AHEAD.search(best.hit.chunk.context):
            return self._not_found(question)  # ... nor is a result of this term the next term's
        # (a share of a target is quoted with the target: "Chỉ tiêu “Có 100% cán bộ …” (Đạt 90% …)")
        quoted = self._with_context(best, units, keep_targets=asked.target or asked.against_target,
                                    share_after=asked.against_target)
        if asked.figures_asked > 1:
            quoted = self._with_next_figure(asked, quoted, units,
                                            covers=lambda t: wanted.coverage(passage_terms(t, acr, question)))
        if not self._answerable(question, asked, best, quoted, wanted, idf, acr, typed, event):
            return self._not_found(question)
        if unit and not asked.gives(quoted.text):
            return self._not_found(question)  # "bao nhiêu tỷ đồng" answered with a count of projects
        if asked.cause:
            quoted = self._through_list(quoted, _CAUSES_ANNOUNCED)
        elif not asked.figure:
            quoted = self._through_list(quoted, _LIST_OPENED)
        # The clause giving a figure of a coded thing (5G) must name it: a count right before the
        # code ("55 trạm … 5G"; not "1.929 trạm 4G", nor all subscribers), and a figure asked with no
        # counted word ("Số thuê bao 5G là bao nhiêu?") anywhere in its clause (not "tổng số thuê bao
        # băng rộng di động 1.248.076"; measured on every set, 2026-11-27: one wrong answer less)
        if counts_codes and not best.gives_unit:
            return self._not_found(question)
        if asked.codes and not unit and asked.figure and not asked.share \
                and not asked.codes <= passage_terms(best.text, acr, question):
            return self._not_found(question)

        pair = self._conflicting(units, asked.figure, known)
        if pair is not None:
            cites = [_cite(u) for u in pair]
            text = "\n".join(
                [msg.CONFLICT_INTRO]
                + [msg.CONFLICT_ITEM.format(section=c.section or c.source, quote=c.quote) for c in cites]
            )
            return self._checked(Answer(question, "conflict", text, cites))
        cite = _cite(quoted)
        if asked.docnum and asked.figures_asked > 1 and (other := self._other_document(asked, quoted, units)):
            # "Hai quyết định … số mấy?": the appendix lists each on its own line, so each is quoted
            cites = [cite, _cite(other)]
            return self._checked(Answer(question, "answered", "\n".join(c.quote for c in cites)[: p.max_answer_chars], cites))
        return self._checked(Answer(question, "answered", cite.quote[: p.max_answer_chars], [cite]))

    def _other_document(self, asked: Asked, quoted: _Unit, units: list[_Unit]) -> _Unit | None:
        """For a question asking the numbers of several documents, the best clause of another
        passage scoring close to the quoted one (``conflict_ratio``) that gives a number of
        another document of the kind asked."""
        have = {d.key for d in find_docnums(quoted.text)}
        floor = self.params.conflict_ratio * quoted.score
        for u in units:
            if u.score < floor:
                break
            if u.hit is quoted.hit:
                continue
            if {d.key for d in find_docnums(u.text) if not asked.doc_kind or d.kind == asked.doc_kind} - have:
                return u
        return None

    def _with_context(self, best: _Unit, units: list[_Unit], keep_targets: bool = False,
                      share_after: bool = False) -> _Unit:
        """Quote the whole sentence around the chosen clause when it is short enough
        (the figure's subject is often in the clause before it); else the clause with
        the one before it when the clause alone is short. Not a quoted target before the
        clause, unless ``keep_targets``: "Chỉ tiêu “… 4.552 tỷ đồng …”: Kết quả đạt được …
        15.450 tỷ đồng" gives a result only."""
        c = best.hit.chunk
        bs, be = best.start - c.char_start, best.end - c.char_start
        if keep_targets:
            # A question about a target is answered with the whole quoted target ("Chỉ tiêu “Phấn
            # đấu tổng doanh thu … đạt 18.502 tỷ đồng …; trong đó: Viễn thông đạt 12.750 tỷ đồng …”"):
            # its head says what each of its figures is a target of
            for ts, te in _target_quotes(c.text):
                s, e = min(ts, bs), max(te, be)
                if bs < te and ts < be and e - s <= self.params.max_answer_chars:
                    while s > 0 and c.text[s - 1] in "-+• ":
                        s -= 1
                    # ... through its result as a share of it, when that is asked ("” (Đạt 90% so
                    # với chỉ tiêu …)")
                    end = next((se for ss, se in sentence_spans(c.text) if ss <= e <= se), e)
                    if share_after and end - s <= self.params.max_answer_chars \
                            and _SHARE_OF_TARGET.search(c.text, e, end):
                        e = end
                    return _Unit(best.hit, c.char_start + s, c.char_start + e, c.text[s:e], best.score, best.coverage,
                                 best.gives_unit)
        target_ends = [] if keep_targets else [te for _, te in _target_quotes(c.text) if te <= bs]
        for s, e in sentence_spans(c.text):
            after = max((te for te in target_ends if s < te), default=None)
            if after is not None:
                s = after
                while s < bs and not c.text[s].isalnum():
                    s += 1  # ("”: Kết quả…")
            if s <= bs and be <= e and e - s <= self.params.sentence_chars:
                return _Unit(best.hit, c.char_start + s, c.char_start + e, c.text[s:e], best.score, best.coverage, best.gives_unit)
        if len(best.text) >= 120:
            return best
        prev = [u for u in units if u.hit is best.hit and u.end <= best.start]
        if not prev:
            return best
        before = max(prev, key=lambda u: u.end)
        s = before.start - c.char_start
        return _Unit(best.hit, before.start, best.end, c.text[s:be], best.score, best.coverage, best.gives_unit)

    def _with_next_figure(self, asked: Asked, quoted: _Unit, units: list[_Unit], covers: Callable[[str], float]) -> _Unit:
        """A question asking two figures ("bao nhiêu dự án, với tổng số tiền bao nhiêu?") is
        quoted through the best other clause of the passage that gives a figure, when both fit
        in ``max_answer_chars``: the second figure is often in the next clause, sometimes in the
        one before (``covers``: how much of the question a text covers)."""
        c = quoted.hit.chunk
        # (not a quoted target's figure for a question naming no target: "… ước đạt bao nhiêu,
        # riêng bưu chính được bao nhiêu?" is not answered by "Chỉ tiêu “… 18.502 tỷ đồng”")
        targets = [] if asked.names_target else _target_quotes(c.text)
        figured = [u for u in units if u.hit is quoted.hit and (u.end <= quoted.start or u.start >= quoted.end)
                   and asked.answering_number(u.text)
                   and not _quotes_target(c.text, u.start - c.char_start, u.end - c.char_start, targets)]
        # (the clause right after, when it gives a figure: "có 1.929 trạm 4G, tăng 63%")
        end = quoted.end - c.char_start
        after = [u for u in figured if u.start >= quoted.end and not c.text[end:u.start - c.char_start].strip()]
        other = after[0] if after else next(iter(figured), None)
        # ... or the clause right before, when it covers more of what the question asks: "Tổng số
        # nhiệm vụ … là 188 nhiệm vụ (…), | với tổng kinh phí thực hiện là 226.881,809 triệu đồng (trong
        # đó: …" for "tổng số nhiệm vụ và tổng kinh phí?"
        start = quoted.start - c.char_start
        before = [u for u in figured if u.end <= quoted.start and not c.text[u.end - c.char_start:start].strip()]
        if before and (other is None
                       or covers(before[0].text + " " + quoted.text) > covers(quoted.text + " " + other.text)):
            other = before[0]
        if asked.second_unit and other is not None and not gives_unit(asked.second_unit, other.text, codes=asked.codes):
            # "bao nhiêu tổ chức được cấp giấy, và bao nhiêu tổ chức bị thu hồi?": the best clause
            # counting tổ chức, not the next one ("đình chỉ hiệu lực 08 Giấy chứng nhận")
            other = next((u for u in figured if gives_unit(asked.second_unit, u.text, codes=asked.codes)), other)
        if asked.only and other is not None and not asked.only <= set(tokenize(other.text)):
            # "… ước đạt bao nhiêu? Riêng bưu chính được bao nhiêu?": the clause naming bưu chính
            # ("doanh thu bưu chính 2.550 tỷ"), not the next one ("doanh thu viễn thông … 12.900")
            other = next((u for u in figured if u.start >= quoted.end and asked.only <= set(tokenize(u.text))), other)
        if other is None:
            return quoted
        s, e = min(quoted.start, other.start), max(quoted.end, other.end)
        if e - s > self.params.max_answer_chars:
            return quoted
        return _Unit(quoted.hit, s, e, c.text[s - c.char_start:e - c.char_start], quoted.score, quoted.coverage,
                     quoted.gives_unit)

    def _through_list(self, quoted: _Unit, announced: re.Pattern) -> _Unit:
        """A quote that announces a list goes on through it, to the end of its sentence and
        within ``max_answer_chars``, cut after a clause: a "why" answer that stops at "không
        đạt do hai nguyên nhân:" gives no cause, and one about the parts of hạ tầng số that
        stops after "(bao gồm 4 thành phần chính: (i) Hạ tầng viễn thông và Internet;" one part."""
        c = quoted.hit.chunk
        s, e = quoted.start - c.char_start, quoted.end - c.char_start
        if not announced.search(quoted.text):
            return quoted
        end = next((se for ss, se in sentence_spans(c.text) if ss <= s < se), e)
        limit = s + self.params.max_answer_chars
        if end <= e:
            return quoted
        if end > limit:  # (the last whole clause that fits)
            end = max((ce for _, ce in clause_spans(c.text) if e < ce <= limit), default=e)
        return _Unit(quoted.hit, quoted.start, c.char_start + end, c.text[s:end], quoted.score, quoted.coverage,
                     quoted.gives_unit)

    def _answerable(self, question: str, asked: Asked, best: _Unit, quoted: _Unit, wanted: Wanted,
                    idf: dict[str, float], acr: dict, typed: str | None = None,
                    event: frozenset[str] | set[str] = frozenset()) -> bool:
        p = self.params
        if asked.figure and not asked.rank and not asked.answering_number(quoted.text):
            return False  # (the figure may sit in the clause after its subject: the whole sentence counts)
        if (asked.date or asked.docnum or asked.year or asked.rank) and not asked.held_by(quoted.text):
            return False  # "ngày nào?" is not answered by a sentence without a date
        if not asked.named_in(quoted.text):
            return False  # "Huyện nào…?" is not answered by a passage that names no huyện
        if not asked.leveled_in(quoted.text):
            return False  # "riêng ở cấp xã" is not answered by the province's figure
        quote_terms = passage_terms(quoted.text, acr, question)
        if not asked.only <= quote_terms:
            return False  # "riêng trong lĩnh vực an toàn bức xạ" is not answered by all inspections' fines
        c = best.hit.chunk
        if asked.cause and not asked.states_cause(_lead_in(c.text, best.start - c.char_start) + quoted.text, c.section):
            return False  # "Vì sao … chậm?" is not answered by "… còn chậm"
        # Years in the question were in the passage (units were kept only from such passages),
        # and a quote dated only by other years answers another time: "cuối năm 2020" is not
        # answered by "tính đến tháng 6/2025" (a quote naming no year may still hold it)
        quote_years = years_in(quoted.text)
        if asked.year and any(a <= int(y) <= b for a, b in asked.periods for y in quote_years):
            quote_years |= asked.years  # "năm nào trong nhiệm kỳ 2020-2025?" is answered by a year of the term
        if asked.years and quote_years and not asked.years & quote_years:
            return False  # (also when the question names a document: "năm 2022 theo 15/2020/NQ-HĐND")
        chunk_terms = passage_terms(c.index_text(), acr, question)
        named = without_alternatives(question)
        if self._place_missing(named, typed, chunk_terms if typed else quote_terms):
            return False  # (also for a question naming a document: "huyện Lâm Thao" in 15/2020/NQ-HĐND)
        asked_of = without_the_asker(named)  # (names in what the asker says of themselves are theirs)
        if self._names_missing(_named_bodies(asked_of), chunk_terms):
            return False  # "Sở Tài chính có bao nhiêu chi bộ?" is not answered by the Sở KH&CN's 06 Chi bộ
        if asked.docnums:
            return True  # the unit was kept only if its chunk holds that number
        # A name the question gives (Viettel, VNPT, PII) must be in the passage, and a
        # capitalised word the corpus never uses (Vĩnh Phúc) means it is about something else.
        # (Not the glossary's alternatives for an English word: "{băng rộng di động|Internet di động}"
        # names nothing the passage must hold.)
        names = _names(asked_of, first=typed is None)  # (not the asker's: "Bên VNPT cần biết …")
        if any(not set(tokenize(n)) & chunk_terms for n in names):
            # (a long paragraph is cut into windows: "… ứng dụng VneID …. Đã cấp … 978.982 tài
            # khoản định danh điện tử" names the app in the window before the figure)
            chunk_terms = chunk_terms | self._window_before_terms(c, acr, question)
        for name in names:
            if not set(tokenize(name)) & chunk_terms:  # (acronyms spelled out are in chunk_terms)
                return False
        # (Titlecase, not acronyms; nor the first word of a sentence: "…? Tách riêng số cuộc …")
        for m in re.finditer(r"(?<!^)(?<![.?!]\s)\b([A-ZĐÀ-Ỹ][a-zđà-ỹ]+)\b", named):
            if idf.get(strip_accents(m.group(1)).lower()) == 0:
                return False
        # The passage covers the question, and the quoted sentence must hold a fair share of
        # it too: "98 đảng viên" of this Đảng bộ is no answer about another Sở's Đảng bộ.
        # (the event a question opens with as its time may be in the sentence before: "Sau khi hợp
        # nhất …, … bao nhiêu đảng viên?" — "… trên cơ sở hợp nhất … . Hiện nay, … 98 đảng viên")
        if wanted.coverage(quote_terms | (event & chunk_terms)) < p.min_quote_coverage:
            return False
        # "tỷ lệ doanh nghiệp được tư vấn" is not answered by a rate of dossiers, nor "What percentage
        # of Phu Tho's population …?" by a rise in 4G stations (an English question's subject is the
        # glossary's word, which the quote may not use: the passage must)
        shared = (english_share_subject(typed) if asked.share else ()) if typed else share_subject(question)
        if shared:
            subject = {t for t, w in self.index.lexical.term_idf(list(shared)).items() if w > 0}
            if subject and not subject & (chunk_terms if typed else quote_terms):
                return False
        if not typed and self._unqualified(asked.counted, chunk_terms):
            return False  # "bao nhiêu đơn chỉ dẫn địa lý" is not answered by a breakdown that names none
        if asked.part and self._unqualified(asked.part, quote_terms, unknown=True):
            # "Trong số giấy phép đã cấp, có bao nhiêu giấy phép dành cho cơ sở X-quang?": the part
            # counted is named in the quote, not only the whole ("cấp 244 giấy phép …")
            return False
        if best.coverage >= p.min_coverage:
            return True
        if not typed or best.coverage < p.min_coverage_translated:
            return False
        return self._similarity(typed, quoted.text) >= p.min_similarity_translated

    def _place_missing(self, named: str, typed: str | None, terms: frozenset[str]) -> bool:
        """A place a translated question names ("Hòa Bình", "Việt Trì") must be in ``terms``, its
        passage's: the rest may well be covered by a figure about another province. (Not one the
        documents name everywhere, "Phú Thọ": a passage about the province need not; nor one
        they never name: "Hà Nội".) A Vietnamese question capitalises more than names: only a
        name after "huyện", "xã", "thành phố"… counts there ("huyện Lâm Thao"), and ``terms`` are
        the quote's (the passage names "thành phố Việt Trì" for its 5G stations, in the clause
        after the province's "1.929 trạm 4G")."""
        return self._names_missing(_place_names(named) if typed else _named_places(named), terms)

    def _names_missing(self, names: list[str], terms: frozenset[str]) -> bool:
        """One of ``names`` is not in ``terms`` (by its two-syllable terms), and the documents do
        not name it everywhere (``common_name_idf``)."""
        for name in names:
            need = {t for t in tokenize(name) if "_" in t} - _HOME_COUNTRY
            rarest = min(self.index.lexical.term_idf(sorted(need)).values()) if need else 0.0
            if need and not need <= terms and not 0 < rarest < self.params.common_name_idf:
                return True
        return False

    def _lead_in_terms(self, c: Chunk, acr: dict, question: str) -> frozenset[str]:
        """Terms of the "- …" paragraph a "+ …" item belongs to: "- Chỉ tiêu … Nghị quyết số
        55-NQ/TU …" leads the items "+ 82,56% hồ sơ TTHC … (mục tiêu Nghị quyết: 80%)" (the
        paragraph may be cut into windows; empty for any other chunk)."""
        if not c.text.startswith("+"):
            return frozenset()
        ids, cid = [], c.id
        while len(ids) < _MAX_ITEMS and (cid := previous_chunk_id(cid)):
            ids.append(cid)
        before = self.index.catalog.chunks(ids)  # (one query for the chunks read back)
        text = []
        for prev in (before.get(i) for i in ids):
            if prev is None or prev.section != c.section or prev.footnote != c.footnote:
                return frozenset()
            c = prev
            text.append(c.text)
            if c.text.startswith("-"):
                return frozenset(passage_terms(" ".join(text), acr, question))
        return frozenset()

    def _window_before_terms(self, c: Chunk, acr: dict, question: str) -> frozenset[str]:
        """Terms of the passage right before chunk ``c`` in the same section: the window
        before it when a long paragraph was cut."""
        prev_id = previous_chunk_id(c.id)
        prev = self.index.catalog.chunks([prev_id]).get(prev_id) if prev_id else None
        if prev is None or not 0 <= c.char_start - prev.char_end <= 2 or prev.section != c.section or prev.footnote != c.footnote:
            return frozenset()
        return frozenset(passage_terms(prev.text, acr, question))

    def _unqualified(self, counted: tuple[str, ...], terms: frozenset[str], unknown: bool = False) -> bool:
        """What the question counts has a term of several syllables that the documents use
        elsewhere and the passage (``terms``) lacks: two adjacent two-syllable terms of the
        counted phrase, each in the index, neither in the passage ("chỉ dẫn địa lý", "an toàn
        bức xạ"). One alone is most often two words meeting by chance ("dự án đổi mới": "án
        đổi"). Measured on every eval set (2026-11-26): the quote instead of the passage refused
        right answers; three terms in a row caught one wrong answer, two caught two (and lost
        one right answer while winning another). ``unknown``: a term the documents never use
        counts as well when both its syllables are words they use, neither a function word:
        "cấp cho các bệnh viện công lập" names "bệnh viện", which the report never writes (for what
        tells a part apart; for what is counted it refused 36 right answers, 2026-11-28)."""
        if not counted:
            return False
        idf = self.index.lexical.term_idf(list(counted) + [b for t in counted for b in t.split("_")])
        run = 0
        for t in counted:
            known = idf.get(t, 0) > 0 or (unknown and all(idf.get(b, 0) > 0 and b not in QUESTION_WORDS for b in t.split("_")))
            run = run + 1 if t not in terms and known else 0
            if run >= 2:
                return True
        return False

    def _similarity(self, question: str, text: str) -> float:
        import numpy as np

        q = np.asarray(self.index.query_embedding(question))
        return float(q @ np.asarray(self.index.embed_model.get_text_embedding_batch([text])[0]))

    def _conflicting(self, units: list[_Unit], wants_figure: bool, q_weights: dict[str, float]) -> tuple[_Unit, _Unit] | None:
        """Two of the best clauses (scoring within ``conflict_ratio`` of the best), from
        different sections of the same part of the report, that give different figures for
        the same subject: the words right before both figures are the same, and are a
        distinctive phrase of the question ("toàn trình: 764" / "toàn trình là 908").
        Results 2020-2025 and targets 2025-2030 sit in different parts, so they never count
        as a conflict. Looked for among the best few, not only against the best one: which
        of the two scores higher is a near tie."""
        if not wants_figure or not units:
            return None
        q_terms = {t for t, w in q_weights.items() if "_" in t and w >= self.params.conflict_min_idf}
        floor = self.params.conflict_ratio * units[0].score
        found = [(u, _figure_subjects(u.text, q_terms)) for u in units[:8] if u.score >= floor]
        found = [(u, pairs) for u, pairs in found if pairs]
        for i, (a, pa) in enumerate(found):
            for b, pb in found[i + 1:]:
                ca, cb = a.hit.chunk, b.hit.chunk
                if ca.section == cb.section or ca.id == cb.id:
                    continue
                if ca.section.split(" > ", 1)[0] != cb.section.split(" > ", 1)[0]:
                    continue
                if any(s == t and v != w for s, v in pa for t, w in pb):
                    return a, b
        return None

    def _checked(self, ans: Answer) -> Answer:
        bad = unsupported_figures(ans.answer, ans.citations)
        if bad:  # never return a figure we cannot point at
            return self._not_found(ans.question)
        return ans

    def _not_found(self, question: str) -> Answer:
        return Answer(question, "not_found", msg.NOT_FOUND, [])


# Phrases that only frame the question: "tổng cộng bao nhiêu", "tất cả bao nhiêu", "bao nhiêu phần
# trăm", "tổng số tiền" (the figure's "%" and its money are checked apart, see vankien.question.asked_unit; a
# report writes "kinh phí", "vốn", "tỷ đồng", seldom "số tiền"); "mỗi năm", "hằng năm" (a figure
# per year is checked apart, see Asked.yearly_in: the report writes "4-5 dự án/năm"); "ở mức bao
# nhiêu"; "nguyên nhân", "lý do" (a cause is checked apart, see Asked.states_cause: the report
# writes "do vi phạm …").
_FILLER_BIGRAMS = {"tong_cong", "tat_ca", "tong_so", "phan_tram", "hien_nay", "so_tien", "moi_nam", "hang_nam", "o_muc",
                   "nguyen_nhan", "ly_do", "vao_nam", "vao_ngay"}


# How a question asks for a document's number or date: "mang số hiệu gì", "ban hành ngày nào" (the
# report writes "kế hoạch số 06/KH-ĐUKHCN ngày 19/5/2025", seldom "ban hành" beside it)
_DOC_FRAMING = {"so_hieu", "hieu", "mang", "mang_so", "ban_hanh", "ban", "hanh", "hanh_ngay"}


def _optional_terms(question: str) -> set[str]:
    """Terms of framing phrases: they count for a passage that has them ("trên tổng số
    hồ sơ") and never against one that does not; those of what the asker says of themselves
    around the question (:func:`vankien.question.about_the_asker`); and "sau khi" opening the
    time of what is asked (:func:`vankien.question.opening_time`).

    >>> sorted(_optional_terms("Quỹ dự kiến mỗi năm cho vay bao nhiêu dự án?"))
    ['moi', 'moi_nam', 'nam']
    """
    terms = tokenize(question)
    fillers = {t for t in terms if t in _FILLER_BIGRAMS}
    return fillers | {b for t in fillers for b in t.split("_")} | about_the_asker(question) | opening_time(question)[1]


def _content_terms(question: str) -> list[str]:
    junctions = acronym_junctions(question)
    out = []
    for t in tokenize(question):
        base = t.split("_")
        if all(b in QUESTION_WORDS for b in base):
            continue
        if len(base) > 1 and any(b in QUESTION_WORDS for b in base):
            continue  # "so_bao" (số bao nhiêu), "cn_cua": a bigram across a question or function word
        if t in junctions:
            continue  # ("hồ sơ TTHC" makes no word "so_tthc")
        if strip_accents(t) != t:
            continue  # keep the accent-free form only: queries may lack diacritics
        out.append(t)
    return one_form(question, list(dict.fromkeys(out)))


# Every report here is Vietnamese: "the Vietnam National Quality Award" is the passage's
# "Giải thưởng Chất lượng Quốc gia", as "Phú Thọ" is implicit in the province's reports
_HOME_COUNTRY = {"viet_nam"}


def _place_names(question: str) -> list[str]:
    """Runs of two or more capitalised syllables: "Hòa Bình", "Việt Trì" (not "Đảng ủy").

    >>> _place_names("kinh tế số | tỷ lệ | GRDP | Hòa Bình | Đảng ủy")
    ['Hòa Bình']
    """
    out, run = [], []
    for w in re.findall(r"[^\W\d_]+|[^\w\s]", question) + ["."]:
        if w[0].isupper() and w[1:].islower():
            run.append(w)
            continue
        if len(run) > 1:
            out.append(" ".join(run))
        run = []
    return out


_PLACE_KIND = re.compile(r"\b(?:huyện|xã|phường|thị xã|thị trấn|thành phố|quận|tỉnh|huyen|xa|phuong|thi xa|thi tran|"
                         r"thanh pho|quan|tinh)\s+", re.IGNORECASE)


@lru_cache(maxsize=1)
def _provinces() -> frozenset[str]:
    """Province names, accent-free and lower-case (provinces_vi.txt)."""
    text = resources.files("vankien").joinpath("provinces_vi.txt").read_text(encoding="utf-8")
    return frozenset(strip_accents(line.strip()).lower() for line in text.splitlines()
                     if line.strip() and not line.startswith("#"))


def _named_places(question: str) -> list[str]:
    """Names of two or more capitalised syllables after a kind of place: "huyện Lâm Thao",
    "thanh pho Viet Tri" (not "tỉnh đã …"); and a province's name anywhere ("Hòa Bình có bao
    nhiêu trạm BTS?").

    >>> _named_places("Huyện Lâm Thao có bao nhiêu trạm, tính cả thành phố Việt Trì? Cấp tỉnh đã Được")
    ['Lâm Thao', 'Việt Trì']
    >>> _named_places("Hòa Bình có bao nhiêu trạm BTS?"), _named_places("Hiện Đảng bộ có bao nhiêu đảng viên?")
    (['Hòa Bình'], [])
    """
    out = [run for run in _place_names(question) if strip_accents(run).lower() in _provinces()]
    for m in _PLACE_KIND.finditer(question):
        rest = question[m.end():]
        first = next(iter(_place_names(rest)), None)  # (the run that starts right after the kind)
        if first and rest.startswith(first):
            out.append(first)
    return out


_BODY = re.compile(r"\b(?:Sở|Bộ|Cục|Chi cục|Viện|Ban|Quỹ|Trung tâm|Tổng cục|Ủy ban|Uỷ ban)\s+([^\W\d_]+)")


def _named_bodies(question: str) -> list[str]:
    """Public bodies a Vietnamese question names by their capitalised name: "Sở Tài chính",
    "Bộ Nội vụ" (as far as the first word of the name: what a passage naming it must write).

    >>> _named_bodies("Sở Tài chính có bao nhiêu chi bộ, và Sở KH&CN? Ban Chỉ đạo họp mấy lần?")
    ['Sở Tài', 'Ban Chỉ']
    """
    return [m.group(0) for m in _BODY.finditer(question) if m.group(1).istitle()]


def _names(question: str, first: bool = False) -> list[str]:
    """Latin-script names and acronyms the question asks about (VNPT, Viettel, PII),
    not Vietnamese words that happen to be capitalised; ``first``: the first word too when it
    is no Vietnamese syllable ("Mobifone có bao nhiêu trạm BTS?"; in a Vietnamese question)."""
    out = []
    # "(PII)" glosses the words before it; the passage may give only those words
    question = re.sub(r"\([^()]*\)", " ", question)
    for m in re.finditer(r"\b[A-Za-z][A-Za-z0-9]{2,}\b", question):
        w = m.group(0)
        if has_diacritics(w):
            continue
        if m.start() == 0:  # (capitalised as any first word: a name only if no Vietnamese syllable)
            if first and not _is_syllable(w.lower()):
                out.append(w)
            continue
        if w.isupper() or (w[0].isupper() and any(ch.isupper() for ch in w[1:])) or (w[0].isupper() and not _is_syllable(w)):
            out.append(w)
    return out




def _is_syllable(w: str) -> bool:
    """Rough test for a Vietnamese syllable written without diacritics (Vinh, Phuc)."""
    low = w.lower()
    return len(low) <= 7 and bool(re.fullmatch(r"(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(ch|ng|nh|[cmnpt])?", low))


# Words between a figure and its subject: "toàn trình là 908", "tỷ lệ … đạt 82,56%"
_FILLER = {"la", "dat", "co", "gom", "duoc", "tong", "so", "khoang", "tren", "gan", "hon", "voi"}
# ... and, for what a figure measures (AnswerParams.subject_bonus), an estimate or a change:
# "viễn thông ước đạt 12.900", "thu nhập của người lao động tăng trung bình từ 6,6 triệu"
_MEASURE_FILLER = _FILLER | {"uoc", "tang", "giam", "tu", "len", "xuong", "trung", "binh", "quan"}


def _figure_subjects(text: str, phrases: set[str], filler: set[str] = _FILLER) -> list[tuple[tuple[str, ...], str]]:
    """(the two words before a figure, the figure) for figures whose two subject words
    form one of ``phrases``: ``"toàn trình là 908 dịch vụ"`` -> ``[(("toan", "trinh"), "908")]``;
    a percentage's subject ends in "%". Document numbers and dates are not figures here.

    >>> _figure_subjects("toàn trình là 908 dịch vụ, trung bình 6%/năm", {"toan_trinh", "trung_binh"})
    [(('toan', 'trinh'), '908'), (('trung', 'binh', '%'), '6')]
    """
    out = []
    text = blank_docnums(text)
    text = re.sub(r"\d{1,2}/\d{1,2}(?:/\d{4})?", lambda m: " " * len(m.group(0)), text)
    for m in find_numbers(text):
        words = [w for w in strip_accents(text[max(0, m.start() - 60):m.start()]).lower().split()]
        words = [re.sub(r"\W", "", w) for w in words]
        words = [w for w in words if w and w not in filler]
        subject = tuple(words[-2:])
        if len(subject) == 2 and "_".join(subject) in phrases:
            # a share and a count are never two figures for one thing: "trung bình 30 nhiệm
            # vụ/năm" and "tăng trưởng trung bình 6%/năm"
            share = text[m.end():m.end() + 2].lstrip().startswith("%") or m.group(0).endswith("%")
            out.append((subject + (("%",) if share else ()), canonical_number(m.group(0).rstrip("%")) or m.group(0)))
    return out


def _counts_right_after(text: str, counted: str) -> bool:
    """A figure of ``text`` is followed, within three words, by the counted term.

    >>> _counts_right_after("cho gần 522 lượt nhân viên bức xạ", "nhan_vien")
    True
    >>> _counts_right_after("cho 100 học viên là cán bộ công an", "nhan_vien")
    False
    """
    for m in find_numbers(text):
        after = " ".join(text[m.end():].split()[:3])
        if counted in term_set(after):
            return True
    return False


_ITEM = re.compile(r"\s*(?:\((?:[ivx]+|[a-zđ]|\d{1,2})\)|(?:[a-zđ]|\d{1,2})\)|[-+•–])\s")


def _lead_in(text: str, start: int) -> str:
    """What introduces the list item at ``start`` of ``text``: "do hai nguyên nhân:" before
    "(ii) doanh nghiệp chuyển phát … thay đổi định hướng" (the item itself names no cause).
    Only within the same sentence, and only for an item: "(i)", "a)", "-".

    >>> t = "Chỉ tiêu không đạt do hai nguyên nhân: (i) thẻ viễn thông; (ii) doanh nghiệp chuyển phát"
    >>> _lead_in(t, t.index("(ii)")), _lead_in(t, t.index("doanh nghiệp"))
    ('Chỉ tiêu không đạt do hai nguyên nhân: ', '')
    """
    if not _ITEM.match(text, start):
        return ""
    head = text[max(0, start - 400):start]
    colon = head.rfind(":")
    if colon < 0 or re.search(r"[.!?]\s", head[colon:]):
        return ""
    return head[max(0, colon - 80):colon + 1] + " "


def _answer_units(text: str, targets: Sequence[tuple[int, int]] = ()) -> list[tuple[int, int]]:
    """Clauses of a passage small enough to hold one figure with its subject; pieces
    under 40 characters are joined to the next one. A clause never runs on past the end of
    one of the quoted ``targets``: "… Bưu chính đạt 4.552 tỷ đồng”: Kết quả đạt được …
    15.450 tỷ đồng" is a target and a result.

    >>> t = "Chỉ tiêu “Phấn đấu doanh thu đạt 4.552 tỷ đồng”: Kết quả đạt được là 2.550 tỷ đồng."
    >>> [t[s:e] for s, e in _answer_units(t, _target_quotes(t))]
    ['Chỉ tiêu “Phấn đấu doanh thu đạt 4.552 tỷ đồng”', 'Kết quả đạt được là 2.550 tỷ đồng.']
    """
    out: list[tuple[int, int]] = []
    for s, e in clause_spans(text, max_chars=180):
        if out and (out[-1][1] - out[-1][0] < 40):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    for _, te in targets:
        for i, (s, e) in enumerate(out):
            rest = te
            while rest < e and not text[rest].isalnum():
                rest += 1
            if s < te and rest < e:
                out[i:i + 1] = [(s, te), (rest, e)]
                break
    return out


# A target quoted before its result: Chỉ tiêu “Phấn đấu … đạt từ 70% trở lên”: Đến nay … 82,56%
_TARGET_QUOTE = re.compile(r"\b(?:[Cc]hỉ tiêu|[Mm]ục tiêu)\s*(?:[^\W\d_]+\s+){0,3}“[^“”]*”?")


def _target_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of ``text`` that quote a target.

    >>> t = "- Chỉ tiêu “Đạt từ 70% trở lên”: Đến nay đạt 82,56%."
    >>> [t[s:e] for s, e in _target_quotes(t)]
    ['Chỉ tiêu “Đạt từ 70% trở lên”']
    """
    return [m.span() for m in _TARGET_QUOTE.finditer(text)]


# A target given beside its result: "82,56% hồ sơ … (mục tiêu Nghị quyết: 80%)"; not "(Vượt chỉ
# tiêu Nghị quyết Đại hội đề ra)", which gives none
_TARGET_NOTE = re.compile(r"\((?:mục tiêu|chỉ tiêu)[^()]*?\d", re.IGNORECASE)


# A result measured against its target: "vượt chỉ tiêu", "chưa đạt mục tiêu nghị quyết đề ra",
# "(Đạt 90% so với chỉ tiêu …)"
_MEETS_TARGET = re.compile(r"\b(?:vượt|đạt|chưa đạt|không đạt|hoàn thành|so với)\s+(?:\d+(?:[.,]\d+)?\s*%\s+)?"
                           r"(?:so với\s+)?(?:chỉ tiêu|mục tiêu)(?:\s+(?:của\s+)?(?:nghị quyết|NQ)(?:\s+đại hội)?)?(?:\s+đề ra)?\b",
                           re.IGNORECASE)
# ... as a share of it: "Đạt 90% so với chỉ tiêu Nghị quyết Đại hội"
_SHARE_OF_TARGET = re.compile(r"\b(?:đạt|vượt|bằng)\s+\d+(?:[.,]\d+)?\s*%\s+(?:so với\s+)?(?:chỉ tiêu|mục tiêu|kế hoạch)",
                              re.IGNORECASE)
# The most chunks read back from a "+ …" item to the "- …" paragraph leading it (the items before
# it and the paragraph's windows)
_MAX_ITEMS = 20
# Headings of what a report sets out for the coming term or year: "PHƯƠNG HƯỚNG, CHỈ TIÊU, NHIỆM VỤ
# VÀ GIẢI PHÁP NHIỆM KỲ 2025-2030", "Định hướng năm 2026"
_AHEAD = re.compile(r"\b(phương hướng|định hướng)\b", re.IGNORECASE)


def _quotes_target(text: str, s: int, e: int, targets: list[tuple[int, int]]) -> bool:
    """The clause ``text[s:e]`` gives only figures of a quoted target (not "…40% tập thể”
    (Đạt 90% so với chỉ tiêu)", which goes on to the result).

    >>> t = "- Chỉ tiêu “Có 100% cán bộ, trên 40% tập thể” (Đạt 90%)."
    >>> _quotes_target(t, 0, 27, _target_quotes(t)), _quotes_target(t, 28, len(t), _target_quotes(t))
    (True, False)
    """
    for ts, te in targets:
        if s < te and ts < e:
            return not find_numbers(text[s:max(s, ts)] + " " + text[min(e, te):e])
    return False


# A quote announcing causes: "… không đạt do hai nguyên nhân: (i) …"
_CAUSES_ANNOUNCED = re.compile(r"(?:nguyên nhân|lý do)[^:.]{0,40}:", re.IGNORECASE)
# ... or opening a numbered list: "(bao gồm 4 thành phần chính: (i) Hạ tầng viễn thông …;"
_LIST_OPENED = re.compile(r":\s*\((?:i|a|1)\)\s")


def _cite(u: _Unit) -> Citation:
    c = u.hit.chunk
    return Citation(c.source, c.section, c.page, c.footnote, u.start, u.end, u.text)
