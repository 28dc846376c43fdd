"""The assistant: the one object the CLI and the app call (files -> index -> answers)."""
from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Callable, Iterator

from index.store import Index, IngestResult
from ingest import collect_files
from vankien import messages as msg
from vankien.answer import Answer, Answerer, AnswerParams
from vankien.docnums import answer_question as answer_docnum_question
from vankien.errors import QuestionError
from vankien.generate import generate, generate_stream
from vankien.llm import LLMBackend, make_llm
from vankien.errors import LLMUnavailableError
from vankien.crosslingual import to_vietnamese, with_loanwords, with_synonyms
from vankien.question import in_report_time_words, without_asides, without_exclusions, without_preamble
from vankien.retrieve import HybridRetriever, RetrievalParams, is_foreign
from vankien.vietnamese import spelled_out, tokenize
from vankien.settings import BUNDLED_CORPUS, Settings

log = logging.getLogger(__name__)

Progress = Callable[[str, int, int], None]  # (file name, done, total)


class Assistant:
    def __init__(self, settings: Settings, index: Index | None = None,
                 retrieval: RetrievalParams = RetrievalParams(), answering: AnswerParams = AnswerParams(),
                 llm: LLMBackend | None = None):
        self.settings = settings
        self.index = index or Index(settings)
        self.retriever = HybridRetriever(self.index, retrieval)
        self.answerer = Answerer(self.index, answering)
        # VANKIEN_LLM=none imports nothing; a backend given here wins over the setting
        self.llm = llm if llm is not None else make_llm(settings)

    # --- documents --------------------------------------------------------------
    def ensure_corpus(self, progress: Progress | None = None) -> list[IngestResult]:
        """First run: an empty index ingests the bundled report by itself."""
        if not self.index.is_empty():
            return []
        log.info(msg.FIRST_RUN)
        return self.ingest([BUNDLED_CORPUS], progress)

    def ingest(self, paths: list[Path], progress: Progress | None = None) -> list[IngestResult]:
        """Ingest files one by one; the first unreadable file raises IngestError.
        Files before it stay ingested (each file is atomic on its own)."""
        results = []
        for f in collect_files([Path(p) for p in paths]):
            cb = (lambda done, total, _n=f.name: progress(_n, done, total)) if progress else None
            results.append(self.index.ingest_file(f, progress=cb))
        return results

    def ingest_upload(self, path: Path, display_name: str,
                      progress: Callable[[int, int], None] | None = None) -> IngestResult:
        """One uploaded file, stored under the name the user sees; ``progress(done, total)``
        follows the embedding of its chunks."""
        return self.index.ingest_file(path, name=display_name, progress=progress)

    def documents(self) -> list[dict]:
        return self.index.documents()

    def remove(self, name: str) -> list[dict]:
        return self.index.remove(name)

    # --- questions --------------------------------------------------------------
    def validate(self, question: str) -> str:
        q = (question or "").strip()
        if not q:
            raise QuestionError(msg.QUESTION_EMPTY)
        if len(q) > self.settings.max_question_chars:
            raise QuestionError(msg.QUESTION_TOO_LONG.format(n=len(q), limit=self.settings.max_question_chars))
        if not re.search(r"\w", q):
            raise QuestionError(msg.QUESTION_NO_WORDS)
        return q

    def read_question(self, question: str) -> tuple[str, bool]:
        """What is searched and answered for ``question``: the question itself (its English
        loanwords in the report's words), or for an English one the same question in the
        report's words (vankien.crosslingual) when the glossary knows most of it. The flag: an
        English question it could not translate, which is refused (e5 finds its topic but not
        which figure answers it)."""
        text, _, untranslated = self._read(question)
        return text, untranslated

    def _read(self, question: str) -> tuple[str, bool, bool]:
        """``read_question``, and whether the text is a translation of an English question
        (answered as such: ``Answerer.answer``'s ``typed``). Not the words before a request
        ("Em ở UBND xã, đang làm báo cáo, cho em hỏi …"): they weigh against every passage."""
        question = in_report_time_words(without_exclusions(without_asides(without_preamble(question))))
        terms = list(dict.fromkeys(tokenize(question)))
        idf = self.index.lexical.term_idf(terms)
        spelled = spelled_out(question, in_corpus=lambda w: idf.get(w, 0) > 0)  # "kết nạp đc bn ĐV"
        if spelled != question:
            question = spelled
            idf = self.index.lexical.term_idf(list(dict.fromkeys(tokenize(question))))
        if not is_foreign(question, idf):
            return with_synonyms(with_loanwords(question, in_corpus=lambda w: idf.get(w, 0) > 0)), False, False
        t = to_vietnamese(question, in_corpus=lambda w: idf.get(w, 0) > 0)
        if t.known >= self.answerer.params.min_glossary_share and t.text:
            return t.text, True, False
        return question, False, True

    def search_text(self, question: str) -> str:
        return self.read_question(question)[0]

    def _extractive(self, q: str) -> tuple[Answer, list]:
        """The checked extractive answer to a validated question, and the passages behind it."""
        sq, translated, untranslated = self._read(q)
        # A question naming a document number is answered from the registry of references
        # (vankien.docnums); anything it cannot answer goes on to retrieval.
        ans = answer_docnum_question(self, q)
        if ans is not None:
            return ans, []
        if untranslated:
            return Answer(q, "not_found", msg.NOT_FOUND_FOREIGN, []), []
        hits = self.retriever.retrieve(sq)
        ans = self.answerer.answer(sq, hits, typed=q if translated else None)
        ans.question = q
        return ans, hits

    def ask(self, question: str, id: str | None = None) -> Answer:
        try:
            q = self.validate(question)
        except QuestionError as e:
            return Answer(question if len(question or "") <= 200 else question[:200] + "…", "not_found", str(e), [], id=id)
        ans, hits = self._extractive(q)
        ans.id = id
        if self.llm is not None and hits:  # (a registry answer is a reference, quoted as it stands)
            try:
                ans = generate(q, hits, ans, self.llm)
            except LLMUnavailableError as e:
                # The extractive answer is always available: a model server that is down
                # costs fluency, never the answer.
                log.warning("LLM unavailable, answering extractively: %s", e)
                ans.guard = "fallback"
        return ans

    def ask_stream(self, question: str, id: str | None = None) -> Iterator[tuple[str, str | Answer]]:
        """``("partial", text so far)``… from the LLM (unchecked drafts), then ``("final", Answer)``,
        which has been through the figure guard. Without an LLM: only the final answer."""
        if self.llm is None:
            yield "final", self.ask(question, id=id)
            return
        try:
            q = self.validate(question)
        except QuestionError:
            yield "final", self.ask(question, id=id)
            return
        ans, hits = self._extractive(q)
        ans.id = id
        if not hits:
            yield "final", ans
            return
        try:
            yield from generate_stream(q, hits, ans, self.llm)
        except LLMUnavailableError as e:
            log.warning("LLM unavailable, answering extractively: %s", e)
            ans.guard = "fallback"
            yield "final", ans
