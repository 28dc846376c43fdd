"""The figure guard on LLM answers, deterministically: a backend that writes a given text
goes in through the same seam as the real ones (``Assistant(llm=...)``), over the real
report, retrieval and extractive answer. No LLM extra needed (tests/test_llm.py runs the
real models)."""
from __future__ import annotations

import re
import socket
from types import SimpleNamespace

import pytest

from vankien.errors import LLMConfigError, LLMUnavailableError, VankienError
from vankien.generate import STOP, build_passages, check
from vankien.guard import unsupported_figures
from vankien.llm import make_llm
from vankien.llm.ollama import OllamaBackend
from vankien.llm.openai_compat import OpenAICompatBackend
from vankien.pipeline import Assistant
from vankien.vietnamese import find_docnums, find_numbers

from conftest import make_settings

BTS = "Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?"


class FixedText:
    """A backend that writes the text it was given (and records the prompts it saw)."""

    name = "fixed"

    def __init__(self, text: str):
        self.text = text
        self.prompts: list[str] = []

    def complete(self, prompt: str, stop: list[str]) -> str:
        self.prompts.append(prompt)
        return self.text

    def stream(self, prompt: str, stop: list[str]):
        self.prompts.append(prompt)
        yield from re.findall(r"\S+\s*", self.text)


def _setup(assistant, question):
    hits = assistant.retriever.retrieve(question)
    ext = assistant.answerer.answer(question, hits)
    return ext, build_passages(hits, ext)


def _ask(assistant, question, text):
    backend = FixedText(text)
    a = Assistant(assistant.settings, index=assistant.index, llm=backend)
    return a.ask(question), backend


def _first_number(text: str) -> str:
    """The first number the guard finds in ``text`` on its own (not inside a date or document number)."""
    cite = [SimpleNamespace(quote=text, section="")]
    return next(n for n in (m.group(0).rstrip(".,") for m in find_numbers(text)) if not unsupported_figures(n, cite))


def _other_digit(num: str) -> str:
    i = max(i for i, ch in enumerate(num) if ch.isdigit())
    return num[:i] + str((int(num[i]) + 1) % 10) + num[i + 1:]


def _is_fallback(ans, ext):
    return ans.guard == "fallback" and ans.answer == ext.answer and ans.citations == ext.citations


def test_correct_answer_passes(assistant):
    ext, passages = _setup(assistant, BTS)
    assert ext.status == "answered"
    num = _first_number(ext.citations[0].quote)
    text = f"Theo báo cáo, con số là {num} [1]."
    ans, backend = _ask(assistant, BTS, text)
    assert ans.guard == "passed" and ans.status == "answered"
    assert ans.answer == text
    assert ans.citations == [passages[0]]
    assert ans.to_dict()["guard"] == "passed"
    # the model saw the question and the numbered passages, the extractive quote first
    prompt = backend.prompts[0]
    assert BTS in prompt and "[1] (" in prompt and f"[{len(passages)}] (" in prompt
    assert " ".join(ext.citations[0].quote.split()) in prompt


def test_changed_digit_falls_back(assistant):
    ext, passages = _setup(assistant, BTS)
    wrong = _other_digit(_first_number(ext.citations[0].quote))
    assert unsupported_figures(wrong, passages[:1])  # the altered figure really is not in the passage
    ans, _ = _ask(assistant, BTS, f"Theo báo cáo, con số là {wrong} [1].")
    assert _is_fallback(ans, ext)
    assert ans.to_dict()["guard"] == "fallback"


def test_uncited_answer_falls_back(assistant):
    ext, _ = _setup(assistant, BTS)
    ans, _ = _ask(assistant, BTS, f"Theo báo cáo, con số là {_first_number(ext.citations[0].quote)}.")
    assert _is_fallback(ans, ext)


def test_figure_cited_to_the_wrong_passage_falls_back(assistant):
    ext, passages = _setup(assistant, BTS)
    # a figure that its own passage supports and passage [1] does not
    elsewhere = [(n, m.group(0).rstrip(".,")) for n, p in enumerate(passages[1:], 2) for m in find_numbers(p.quote)
                 if not unsupported_figures(m.group(0), [p]) and unsupported_figures(m.group(0), passages[:1])]
    n, num = elsewhere[0]
    ok, _ = _ask(assistant, BTS, f"Con số là {num} [{n}].")
    assert ok.guard == "passed" and ok.citations == [passages[n - 1]]
    wrong, _ = _ask(assistant, BTS, f"Con số là {num} [1].")
    assert _is_fallback(wrong, ext)


def test_wrong_document_number_falls_back(assistant, eval_questions):
    q = next(x["question"] for x in eval_questions if x["kind"] == "appendix" and "quyết định số" in x["question"])
    ext, passages = _setup(assistant, q)
    n, doc = next((n, d) for n, p in enumerate(passages, 1) for d in find_docnums(p.quote))
    ok, _ = _ask(assistant, q, f"Văn bản là {doc.raw} [{n}].")
    assert ok.guard == "passed"
    altered = re.sub(r"\d+", lambda m: _other_digit(m.group(0)), doc.raw, count=1)  # 132/QĐ-UBND -> 133/QĐ-UBND
    bad, _ = _ask(assistant, q, f"Văn bản là {altered} [{n}].")
    assert _is_fallback(bad, ext)


def test_markers_are_renumbered_to_the_citation_list(assistant):
    ext, passages = _setup(assistant, BTS)
    a, b = _first_number(passages[2].quote), _first_number(passages[0].quote)
    ans, _ = _ask(assistant, BTS, f"Một là {a} [3], hai là {b} [1].")
    assert ans.guard == "passed"
    assert ans.answer == f"Một là {a} [1], hai là {b} [2]."
    assert ans.citations == [passages[2], passages[0]]


@pytest.mark.parametrize("text", ["[9] nói vậy.", "Không tìm thấy.", "   "])
def test_bad_citation_refusal_or_empty_falls_back(assistant, text):
    ext, _ = _setup(assistant, BTS)
    ans, _ = _ask(assistant, BTS, text)
    assert _is_fallback(ans, ext)


def test_refusal_stays_refusal_and_model_is_not_asked(assistant, eval_questions):
    q = next(x["question"] for x in eval_questions if not x["answerable"]
             and assistant.ask(x["question"]).status == "not_found")
    ans, backend = _ask(assistant, q, "Con số là 42 [1].")
    assert ans.status == "not_found" and ans.guard is None
    assert backend.prompts == []


def test_stream_yields_drafts_then_the_guarded_answer(assistant):
    ext, _ = _setup(assistant, BTS)
    text = f"Theo báo cáo, con số là {_first_number(ext.citations[0].quote)} [1]."
    a = Assistant(assistant.settings, index=assistant.index, llm=FixedText(text))
    events = list(a.ask_stream(BTS, id="s1"))
    kinds = [k for k, _ in events]
    assert kinds[-1] == "final" and set(kinds[:-1]) == {"partial"}
    drafts = [v for k, v in events if k == "partial"]
    assert all(later.startswith(earlier) for earlier, later in zip(drafts, drafts[1:]))
    final = events[-1][1]
    assert final.guard == "passed" and final.id == "s1" and final.answer == drafts[-1].strip()


def test_stream_without_llm_is_one_final_answer(assistant):
    events = list(assistant.ask_stream(BTS))
    assert [k for k, _ in events] == ["final"]
    assert events[0][1].answer == assistant.ask(BTS).answer


def test_check_strips_markers_before_the_guard(assistant):
    """'[2]' is a citation, not the figure 2: it must not need a quote of its own."""
    ext, passages = _setup(assistant, BTS)
    words = passages[1].quote.split()[:6]
    ans = check(ext, " ".join(words) + " [2]", passages)
    assert ans.guard == "passed" and ans.citations == [passages[1]]


def test_recited_prompt_or_passage_falls_back(assistant):
    """Passing the figure guard is not enough for text that only copies the prompt back."""
    ext, passages = _setup(assistant, BTS)
    heading = passages[0].section.rsplit(" > ", 1)[-1]
    recited = check(ext, f"[1] ({heading}) {passages[0].quote[:80]}", passages)
    echoed = check(ext, "Quy tắc:\n- Trả lời ngắn gọn bằng tiếng Việt, một đoạn văn.\n- ví dụ [1] hoặc [2].", passages)
    assert _is_fallback(recited, ext) and _is_fallback(echoed, ext)
    assert "\n[" in STOP and "Câu hỏi:" in STOP  # and generation stops before it gets that far


# --- the factory and the HTTP backends' errors ---------------------------------

def test_make_llm_none_and_bad_specs(tmp_path):
    assert make_llm(make_settings(tmp_path)) is None
    assert make_llm(make_settings(tmp_path, llm="none")) is None
    for spec in ("gpt", "llama-cpp:", "magic:model"):
        with pytest.raises(LLMConfigError, match="VANKIEN_LLM"):
            make_llm(make_settings(tmp_path, llm=spec))
    # a model file that is not there is refused; nothing is downloaded in its place
    with pytest.raises(VankienError, match=r"không-có\.gguf|llm\]"):
        make_llm(make_settings(tmp_path, llm=f"llama-cpp:{tmp_path}/không-có.gguf"))


def _closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.mark.parametrize("backend", [OllamaBackend, OpenAICompatBackend])
def test_http_backend_down_is_a_clear_error(backend):
    url = f"http://127.0.0.1:{_closed_port()}"
    b = backend("m", url=url)
    with pytest.raises(LLMUnavailableError, match=re.escape(url)):
        b.complete("Câu hỏi", STOP)
    with pytest.raises(LLMUnavailableError, match=re.escape(url)):
        list(b.stream("Câu hỏi", STOP))


def test_make_llm_builds_http_backends(tmp_path):
    b = make_llm(make_settings(tmp_path, llm="openai:qwen", llm_url="http://127.0.0.1:9/v1/completions"))
    assert isinstance(b, OpenAICompatBackend) and b.mode == "completions" and b.base == "http://127.0.0.1:9/v1"
    o = make_llm(make_settings(tmp_path, llm="ollama:qwen3:4b"))
    assert isinstance(o, OllamaBackend) and o.model == "qwen3:4b" and o.url == "http://127.0.0.1:11434"


def test_llm_server_down_still_answers_extractively(assistant):
    """A model server that is down costs fluency, never the answer."""
    from vankien.pipeline import Assistant

    down = OpenAICompatBackend("m", url=f"http://127.0.0.1:{_closed_port()}/v1")
    a = Assistant(assistant.settings, index=assistant.index, llm=down)
    ans = a.ask("Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?")
    assert ans.status == "answered" and "3.916" in ans.answer and ans.guard == "fallback"
    kinds = [k for k, _ in a.ask_stream("Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?")]
    assert kinds[-1] == "final"
