"""The app's logic without a browser: uploads (names, size limit, errors) and the HTML it renders."""
from __future__ import annotations

import doctest
import re
from dataclasses import replace
from types import SimpleNamespace

import pytest

import app
from vankien import messages as msg
from vankien import render
from vankien.answer import Answer, Citation
from vankien.pipeline import Assistant

XSS_SCRIPT = "<script>window.__xss=1</script>"
XSS_IMG = '<img src=x onerror="window.__xss=1">'


@pytest.mark.parametrize("module", [render, app])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


# --- uploads -------------------------------------------------------------------

@pytest.mark.parametrize("given,stored", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("..\\..\\Windows\\win.ini.txt", "win.ini.txt"),
    ("/tmp/../báo cáo.docx", "báo cáo.docx"),
    ("..", ""),
    ("...txt", "txt"),
    ("a\x00b<c>|d.pdf", "abcd.pdf"),
    ("Ba\u0301o ca\u0301o.txt", "Báo cáo.txt"),  # decomposed (macOS) -> NFC
])
def test_safe_filename_keeps_only_a_plain_base_name(given, stored):
    assert app.safe_filename(given) == stored


def test_safe_filename_limits_length_and_keeps_the_extension():
    name = app.safe_filename("Báo cáo " * 60 + ".docx")
    assert len(name) <= app.MAX_NAME_CHARS and name.endswith(".docx") and "/" not in name


def _upload(path, orig_name):
    """What Gradio hands the app for one uploaded file: its temp path and the user's name."""
    return SimpleNamespace(path=str(path), orig_name=orig_name)


def test_upload_name_is_never_used_as_a_path(fresh_assistant, tmp_path):
    src = tmp_path / "upload.txt"
    src.write_text("Đoàn kiểm tra Ngọn Núi Bạc đã làm việc tại 12 đơn vị trong năm 2025.\n", encoding="utf-8")
    results = app.ingest_uploads(fresh_assistant, [_upload(src, "../../../tmp/evil/danh-sach.txt")])
    assert results == [("danh-sach.txt", True, msg.INGESTED.format(name="danh-sach.txt", chunks=1))]
    assert [d["name"] for d in fresh_assistant.documents()] == ["danh-sach.txt"]
    assert not (tmp_path.parent / "evil").exists()


def test_upload_with_no_usable_name_is_refused(fresh_assistant, tmp_path):
    src = tmp_path / "upload.txt"
    src.write_text("Nội dung bất kỳ.\n", encoding="utf-8")
    [(name, ok, text)] = app.ingest_uploads(fresh_assistant, [_upload(src, "..")])
    assert not ok and text == msg.FILE_NAME_INVALID.format(name="..")
    assert fresh_assistant.documents() == []


def test_too_large_upload_gets_the_vietnamese_limit_message(fresh_assistant, tmp_path):
    small_limit = Assistant(replace(fresh_assistant.settings, max_file_mb=0.001), index=fresh_assistant.index)
    src = tmp_path / "lon.txt"
    src.write_text("Dòng văn bản tiếng Việt có dấu.\n" * 200, encoding="utf-8")
    [(name, ok, text)] = app.ingest_uploads(small_limit, [str(src)])
    size_mb = src.stat().st_size / 2**20
    assert not ok and text == msg.FILE_TOO_LARGE.format(name="lon.txt", size_mb=size_mb, limit_mb=0.001)
    assert fresh_assistant.documents() == []


def test_bad_file_does_not_stop_the_others(fresh_assistant, tmp_path):
    bad = tmp_path / "hong.pdf"
    bad.write_bytes(b"%PDF-1.4\nnot a pdf\n")
    good = tmp_path / "tot.txt"
    good.write_text("Tổ công tác Hoa Ban Trắng có 9 thành viên.\n", encoding="utf-8")
    seen = []
    results = app.ingest_uploads(fresh_assistant, [str(bad), str(good)],
                                 progress=lambda frac, desc: seen.append((frac, desc)))
    assert [(n, ok) for n, ok, _ in results] == [("hong.pdf", False), ("tot.txt", True)]
    assert results[0][2] == msg.PDF_CORRUPT.format(name="hong.pdf")
    assert [d["name"] for d in fresh_assistant.documents()] == ["tot.txt"]
    assert seen and seen[0] == ((0, 2), msg.UI_UPLOAD_PROGRESS.format(name="hong.pdf", i=1, n=2))


# --- rendering -----------------------------------------------------------------

def _cite(quote: str, section: str = "Phần thứ nhất > 1.8. Viễn thông", **kw) -> Citation:
    return Citation(kw.get("source", "bao-cao.txt"), section, kw.get("page"), kw.get("footnote"), 0, len(quote), quote)


def test_document_text_is_escaped_and_only_figures_are_marked():
    quote = f"Tổ Bơ Tím có 8.123 lượt truy cập {XSS_SCRIPT} và {XSS_IMG} *đậm* | ống"
    ans = Answer("Tổ Bơ Tím có bao nhiêu lượt truy cập?", "answered", quote,
                 [_cite(quote, section=f"Mục <b>1</b> > {XSS_IMG}", source="<i>x</i>.txt", page=3, footnote=7)])
    out = render.answer_html(ans.to_dict())
    assert "<script" not in out and "<img" not in out and "<i>x" not in out and "<b>1" not in out
    assert render.esc(XSS_SCRIPT) in out and render.esc(XSS_IMG) in out
    # every tag in the output is one of ours
    assert set(re.findall(r"<(\w+)", out)) <= {"div", "span", "mark", "details", "summary", "b", "blockquote"}
    assert re.findall(r"<mark>(.*?)</mark>", out) == ["8.123", "8.123"]  # answer text and quote
    assert "Mục &lt;b&gt;1&lt;/b&gt; › &lt;img" in out
    assert "Trang:</b> 3" in out and "Chú thích số:</b> 7" in out
    assert "\n\n" not in out  # one HTML block for the Markdown renderer


def test_not_found_is_plain():
    out = render.answer_html(Answer("Câu hỏi?", "not_found", msg.NOT_FOUND, []).to_dict())
    assert "vk-not-found" in out and msg.NOT_FOUND in out and "<details" not in out


def test_conflict_shows_both_figures_side_by_side():
    a = _cite("DVC trực tuyến toàn trình: 764 TTHC (đạt 41,9%)", section="A > Chỉ tiêu 1")
    b = _cite("dịch vụ công trực tuyến toàn trình là 908 dịch vụ, đạt 43,19%", section="B > Mục 2.1")
    ans = Answer("Có bao nhiêu dịch vụ công trực tuyến toàn trình?", "conflict", "…", [a, b])
    out = render.answer_html(ans.to_dict())
    cols = re.findall(r'<td class="vk-conflict-col">(.*?)</td>', out)
    assert len(cols) == 2
    assert "764" in re.search(r'vk-conflict-figure">(.*?)</div>', cols[0]).group(1)
    assert "908" in re.search(r'vk-conflict-figure">(.*?)</div>', cols[1]).group(1)
    assert "Chỉ tiêu 1" in cols[0] and "Mục 2.1" in cols[1]


def test_answer_from_the_report_marks_its_figure(assistant):
    d = assistant.ask("Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?").to_dict()
    out = render.answer_html(d)
    assert re.findall(r'class="vk-figure">(.*?)<', out) == ["3.916"]
    assert render.esc(d["citations"][0]["source"]) in out


def test_check_and_draft_render_escaped():
    check = {"documents": [{"number": "1218/QĐ-UBND", "status": "date_mismatch", "type": "QĐ", "issuer": "UBND",
                            "subject": XSS_SCRIPT, "corpus_dates": ["04/6/2025"], "suggestions": [],
                            "citations": [{"source": "a.txt", "section": "", "quote": XSS_IMG}]}]}
    out = render.check_html(check)
    assert msg.UI_CHECK_DATE_MISMATCH in out and "<script" not in out and "<img" not in out
    draft = {"title": XSS_SCRIPT, "sections": [{"heading": "I. Kết quả", "paragraphs": [
        {"text": "Có 3.916 trạm BTS.", "citations": [{"source": "a.txt", "section": "1.8", "quote": "3.916 trạm"}]}]}]}
    out = render.draft_html(draft)
    assert "<script" not in out and "[1]" in out and "<mark>3.916</mark> trạm" in out
