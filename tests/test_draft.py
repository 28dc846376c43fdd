"""vankien draft on the real report: plan sections, every figure in its cited quote,
quotes verbatim, DOCX read back with python-docx, absent topics refused, the CLI."""
import doctest
import json
import os
import re
import subprocess
import sys
from types import SimpleNamespace

import pytest
from docx import Document
from docx.shared import Cm

import vankien.draft as draft_module
from vankien import messages as msg
from vankien.draft import SECTIONS, draft, numbered_citations, to_docx, to_markdown, to_text
from vankien.errors import VankienError
from vankien.guard import unsupported_figures
from vankien.vietnamese import find_numbers

# (topic, rich): a rich topic's results section holds at least 8 figures.
TOPICS = [
    ("chuyển đổi số", True),
    ("sở hữu trí tuệ", True),
    ("bưu chính viễn thông", True),
    ("tiêu chuẩn đo lường chất lượng", True),
    ("khởi nghiệp đổi mới sáng tạo", False),
]
ABSENT = ["nuôi trồng thủy sản ở Nam Cực", "điện hạt nhân trên sao Hỏa"]
HEADINGS = ["Căn cứ xây dựng kế hoạch", "I. Kết quả đạt được", "II. Tồn tại, hạn chế", "III. Mục tiêu, chỉ tiêu",
            "IV. Nhiệm vụ, giải pháp"]
_YEAR = re.compile(r"(?:19|20)\d\d")


@pytest.fixture(scope="module")
def drafts(assistant):
    return {topic: draft(assistant, topic) for topic, _ in TOPICS}


@pytest.fixture(scope="module")
def texts(assistant):
    """Each document's clean text, by display name: what char offsets index."""
    return {d["name"]: assistant.index.catalog.text(d["sha256"]) for d in assistant.documents()}


def _cited(section):
    return [p for p in section["paragraphs"] if p["citations"]]


def test_doctests():
    result = doctest.testmod(draft_module)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("topic,rich", TOPICS)
def test_draft_has_the_plan_sections(drafts, topic, rich):
    d = drafts[topic]
    assert topic in d["title"] and d["topic"] == topic
    assert [s["key"] for s in d["sections"]] == list(SECTIONS)
    for s, prefix in zip(d["sections"], HEADINGS):
        assert s["heading"].startswith(prefix)
        assert 1 <= len(s["paragraphs"]) <= draft_module.DraftParams().max_paragraphs
        if not _cited(s):  # an empty section says so, with no figure and no citation
            assert s["paragraphs"] == [{"text": msg.DRAFT_SECTION_EMPTY.format(topic=topic), "citations": []}]
    results = _cited(d["sections"][1])
    figures = [m.group(0) for p in results for m in find_numbers(p["text"]) if not _YEAR.fullmatch(m.group(0))]
    assert len(figures) >= (8 if rich else 3), figures
    assert sum(len(_cited(s)) for s in d["sections"]) >= 10


@pytest.mark.parametrize("topic", [t for t, _ in TOPICS])
def test_every_figure_is_in_its_paragraphs_quote(drafts, texts, topic):
    for s in drafts[topic]["sections"]:
        for p in _cited(s):
            quotes = " ".join(c["quote"] for c in p["citations"])
            for m in find_numbers(p["text"]):
                assert m.group(0) in quotes, (m.group(0), p["text"])
            # the guard, against the quotes alone (a section heading does not count here)
            assert unsupported_figures(p["text"], [SimpleNamespace(quote=c["quote"], section="")
                                                   for c in p["citations"]]) == []
            for c in p["citations"]:
                assert texts[c["source"]][c["char_start"]:c["char_end"]] == c["quote"]
                assert set(c) >= {"source", "section", "char_start", "char_end", "quote"}


@pytest.mark.parametrize("topic", [t for t, _ in TOPICS])
def test_passages_come_from_the_matching_part_of_the_report(drafts, topic):
    """Results from part one, limitations from its "tồn tại, hạn chế", targets and tasks
    from part two; each legal basis item names a document number of its quote."""
    for s in drafts[topic]["sections"]:
        for p in _cited(s):
            path = p["citations"][0]["section"]
            if s["key"] == "results":
                assert path.startswith("Phần thứ nhất") and "TỒN TẠI" not in path
            elif s["key"] == "limitations":
                assert path.startswith("Phần thứ nhất") and "TỒN TẠI, HẠN CHẾ" in path
            elif s["key"] in ("targets", "tasks"):
                assert path.startswith("Phần thứ hai")
            else:
                assert p["text"].startswith("Căn cứ ") and re.search(r"\d+[-/]\d*[/A-ZĐ]", p["text"])


def test_paragraphs_are_not_repeated(drafts):
    for d in drafts.values():
        spans = [(c["source"], c["char_start"]) for s in d["sections"][1:] for p in s["paragraphs"]
                 for c in p["citations"]]
        assert len(spans) == len(set(spans))


@pytest.mark.parametrize("topic", [t for t, _ in TOPICS])
def test_docx_reads_back(drafts, tmp_path, topic):
    d = drafts[topic]
    path = to_docx(d, tmp_path / "du-thao.docx")
    doc = Document(str(path))
    sec = doc.sections[0]
    assert abs(sec.page_width - Cm(21)) < Cm(0.05) and abs(sec.page_height - Cm(29.7)) < Cm(0.05)
    assert abs(sec.left_margin - Cm(3)) < Cm(0.05) and abs(sec.top_margin - Cm(2)) < Cm(0.05)
    assert doc.styles["Normal"].font.name == "Times New Roman" and doc.styles["Normal"].font.size.pt == 14
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == [s["heading"] for s in d["sections"]] + [msg.DRAFT_SOURCES]
    body = "\n".join(p.text for p in doc.paragraphs)
    marks, notes = numbered_citations(d)
    i = 0
    for s in d["sections"]:
        for p in s["paragraphs"]:
            assert p["text"] + "".join(f"[{n}]" for n in marks[i]) in body
            i += 1
    sources = doc.paragraphs[[p.text for p in doc.paragraphs].index(msg.DRAFT_SOURCES) + 1:]
    assert [p.text.split("]")[0] for p in sources] == [f"[{n}" for n in range(1, len(notes) + 1)]
    assert all(" ".join(c["quote"].split()) in p.text for p, c in zip(sources, notes))
    for run in (r for p in doc.paragraphs for r in p.runs):  # Vietnamese renders in TNR in every slot
        fonts = run._element.rPr.rFonts
        assert {fonts.get(f"{{http://schemas.openxmlformats.org/wordprocessingml/2006/main}}{a}")
                for a in ("ascii", "hAnsi", "eastAsia", "cs")} == {"Times New Roman"}


def test_text_and_markdown_renderings(drafts):
    d = drafts["chuyển đổi số"]
    text, md = to_text(d), to_markdown(d)
    _, notes = numbered_citations(d)
    for s in d["sections"]:
        assert s["heading"] in text and s["heading"] in md
    assert text.rstrip().endswith(" ".join(notes[-1]["quote"].split()) + "»")
    assert f"{len(notes)}. " in md and "<sup>[1]</sup>" in md


@pytest.mark.parametrize("topic", ABSENT)
def test_absent_topic_is_refused(assistant, topic):
    with pytest.raises(VankienError) as err:
        draft(assistant, topic)
    assert str(err.value) == msg.DRAFT_NOT_FOUND.format(topic=topic)


@pytest.mark.parametrize("topic", ["", "   ", "?!", "x" * 300])
def test_unusable_topic_is_refused(assistant, topic):
    with pytest.raises(VankienError):
        draft(assistant, topic)


def test_accent_free_topic_gives_the_same_draft(assistant, drafts):
    same = draft(assistant, "chuyen doi so")
    assert [p["citations"] for s in same["sections"] for p in s["paragraphs"]] == \
           [p["citations"] for s in drafts["chuyển đổi số"]["sections"] for p in s["paragraphs"]]


class _Backend:
    """An LLM backend (the ``complete(prompt, stop)`` seam of vankien.llm) with fixed behaviour."""

    def __init__(self, rewrite):
        self.rewrite = rewrite
        self.prompts = []

    def complete(self, prompt, stop):
        self.prompts.append(prompt)
        return self.rewrite(re.search(r"Câu gốc: (.*)\n", prompt).group(1))


def test_llm_rewrite_with_an_invented_figure_falls_back(assistant, drafts):
    backend = _Backend(lambda s: "Theo báo cáo, đã đạt 9.999 trạm. " + s)
    d = draft(assistant, "bưu chính viễn thông", llm=backend)
    extractive = drafts["bưu chính viễn thông"]
    assert backend.prompts
    for s, e in zip(d["sections"], extractive["sections"]):
        for p, q in zip(s["paragraphs"], e["paragraphs"]):
            assert p["text"] == q["text"]
            if p["citations"] and s["key"] != "basis":
                assert p["guard"] == "fallback"


def test_llm_rewrite_that_keeps_the_figures_is_used(assistant):
    backend = _Backend(lambda s: "Theo báo cáo, " + s[0].lower() + s[1:])
    d = draft(assistant, "bưu chính viễn thông", llm=backend)
    results = _cited(d["sections"][1])
    assert results and all(p["guard"] == "passed" and p["text"].startswith("Theo báo cáo, ") for p in results)
    basis = _cited(d["sections"][0])
    assert all(p["text"].startswith("Căn cứ ") and "guard" not in p for p in basis)  # quoted, never rephrased


def _cli(args, home):
    env = dict(os.environ, VANKIEN_HOME=str(home))
    return subprocess.run([sys.executable, "-m", "vankien.cli", *args], capture_output=True, text=True,
                          env=env, timeout=600)


def test_cli_draft(cli_home, tmp_path):
    home = cli_home  # a copy of the session's index: nothing is re-embedded
    out = tmp_path / "du-thao-cds.docx"
    r = _cli(["draft", "chuyển đổi số", "--json", "--out", str(out)], home)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert [s["key"] for s in d["sections"]] == list(SECTIONS) and str(out) in r.stderr
    assert [p.text for p in Document(str(out)).paragraphs if p.style.name == "Heading 1"][:5] == \
           [s["heading"] for s in d["sections"]]
    r = _cli(["draft", "sở hữu trí tuệ"], home)
    assert r.returncode == 0 and r.stdout.startswith("DỰ THẢO KẾ HOẠCH SỞ HỮU TRÍ TUỆ") and msg.DRAFT_SOURCES in r.stdout
    r = _cli(["draft", ABSENT[0]], home)
    assert r.returncode == 2 and msg.DRAFT_NOT_FOUND.format(topic=ABSENT[0]) in r.stderr and not r.stdout
    r = _cli(["draft", "chuyển đổi số", "--out", str(tmp_path / "x.pdf")], home)
    assert r.returncode == 2 and "x.pdf" in r.stderr
