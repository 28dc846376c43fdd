"""The Gradio app in real headless Chromium (Debian's, driven by Playwright).

The app runs in this process on a free loopback port, over a private copy of the
session index (these tests upload and delete). Set ``VANKIEN_SCREENSHOTS=docs`` to
save the README screenshots (``chat.png``, ``upload.png``) while the tests run.
"""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import socket
import time
from dataclasses import replace
from pathlib import Path

import pytest

from vankien import messages as msg
from vankien.settings import Settings

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip("Debian chromium is not installed (/usr/bin/chromium); run `make browser-deps`",
                allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api", reason="the playwright Python package is not installed")
expect = sync_api.expect

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
WAIT_MS = 30_000  # a generous ceiling for CPU contention; the waits return as soon as the page is ready
BTS_QUESTION = "Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?"
SHOTS = os.environ.get("VANKIEN_SCREENSHOTS")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def app_assistant(assistant, embed_model, tmp_path_factory):
    """The session index copied to its own home, so uploads and deletes stay here."""
    from index.store import Index
    from vankien.pipeline import Assistant

    home = tmp_path_factory.mktemp("app-home")
    shutil.copytree(assistant.settings.home, home, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("write.lock"))
    settings = Settings.from_env({"VANKIEN_HOME": str(home)})
    return Assistant(settings, index=Index(settings, embed_model=embed_model))


@pytest.fixture(scope="module")
def server(app_assistant):
    import app

    port = _free_port()
    demo = app.serve(app_assistant, "127.0.0.1", port, block=False)
    yield f"http://127.0.0.1:{port}/"
    demo.close()


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
    pg = ctx.new_page()
    pg.set_default_timeout(WAIT_MS)
    pg.goto(server)
    pg.wait_for_selector("#vk-question textarea")
    yield pg
    ctx.close()


# --- helpers -------------------------------------------------------------------

def ask(page, question: str):
    """Ask in the chat tab; return the new answer once it has replaced the placeholder."""
    page.get_by_role("tab", name=msg.UI_TAB_CHAT).click()
    answers = page.locator("#vk-chat .vk-answer")
    n = answers.count()
    page.fill("#vk-question textarea", question)
    page.keyboard.press("Enter")
    expect(answers).to_have_count(n + 1)
    return answers.nth(n)


def upload(page, *paths: Path):
    page.get_by_role("tab", name=msg.UI_TAB_DOCS).click()
    page.locator("#vk-upload input[type=file]").set_input_files([str(p) for p in paths])
    # Wait for the browser -> server upload: each file then gets a row in the file list.
    expect(page.locator("#vk-upload table tr")).to_have_count(len(paths))
    for p in paths:
        expect(page.locator("#vk-upload").get_by_role("row", name=re.compile(re.escape(p.name)))).to_have_count(1)
    page.click("#vk-ingest")
    results = page.locator("#vk-upload-result li")
    expect(results).to_have_count(len(paths))
    return results


def doc_names(page) -> list[str]:
    """First column of the documents table (Gradio draws its body as a virtual grid)."""
    return [t.strip() for t in page.locator("#vk-docs .virtual-body [role=gridcell][data-col='0']").all_inner_texts()]


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    d = docx.Document()
    d.add_heading("Báo cáo thử nghiệm giao diện", level=1)
    for p in paragraphs:
        d.add_paragraph(p)
    d.save(path)
    return path


# --- tests -----------------------------------------------------------------------

def test_ask_shows_figure_and_cited_passage(page, app_assistant):
    expected = app_assistant.ask(BTS_QUESTION).to_dict()
    quote = expected["citations"][0]["quote"]
    assert "3.916" in quote

    answer = ask(page, BTS_QUESTION)
    expect(answer.locator(".vk-figure").first).to_have_text("3.916")
    expect(answer.locator(".vk-text mark").first).to_have_text("3.916")
    cite = answer.locator("details.vk-cite").first
    expect(cite.locator("summary")).to_contain_text(expected["citations"][0]["source"])
    cite.locator("summary").click()
    body = cite.locator("blockquote.vk-quote")
    expect(body).to_be_visible()
    expect(body).to_have_text(quote)
    expect(body.locator("mark")).to_have_text("3.916")
    expect(cite).to_contain_text(expected["citations"][0]["section"].split(">")[-1].strip())
    if SHOTS:
        Path(SHOTS).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(SHOTS) / "chat.png"), full_page=True)


def test_example_question_fills_the_box(page):
    page.locator("#vk-examples button").first.click()
    expect(page.locator("#vk-question textarea")).to_have_value(BTS_QUESTION)


def test_not_found_is_said_plainly(page, app_assistant):
    question = "Giá vé máy bay Hà Nội đi Paris tháng 12 là bao nhiêu?"
    assert app_assistant.ask(question).status == "not_found", "precondition: the report does not say this"
    answer = ask(page, question)
    expect(answer).to_have_class(re.compile(r"vk-not-found"))
    expect(answer).to_have_text(msg.NOT_FOUND)
    expect(answer.locator("details")).to_have_count(0)


def test_upload_docx_then_ask_about_it(page, app_assistant, tmp_path):
    path = make_docx(tmp_path / "bao-cao-tram-ho-sen.docx", [
        "Trong năm 2025, Trạm quan trắc Hồ Sen Xanh đã lắp đặt 4.729 cảm biến độ ẩm đất tại các vườn ươm.",
        "Kinh phí vận hành trạm do Quỹ Phát triển khoa học và công nghệ của tỉnh bảo đảm.",
    ])
    before = {d["name"] for d in app_assistant.documents()}
    results = upload(page, path)
    expect(results.first).to_have_class(re.compile(r"vk-ok"))
    expect(results.first).to_contain_text(path.name)
    expect(page.locator("#vk-docs")).to_contain_text(path.name)
    assert {d["name"] for d in app_assistant.documents()} == before | {path.name}

    answer = ask(page, "Trạm quan trắc Hồ Sen Xanh đã lắp đặt bao nhiêu cảm biến độ ẩm?")
    expect(answer.locator(".vk-figure").first).to_have_text("4.729")
    expect(answer.locator("details.vk-cite summary").first).to_contain_text(path.name)


def test_corrupt_pdf_shows_vietnamese_error_and_index_is_unchanged(page, app_assistant, tmp_path):
    bad = tmp_path / "bao-cao-hong.pdf"
    bad.write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\nthis is not a real pdf\n")
    before = app_assistant.documents()
    results = upload(page, bad)
    expect(results.first).to_have_class(re.compile(r"vk-error"))
    expect(results.first).to_contain_text(msg.PDF_CORRUPT.format(name=bad.name))
    assert app_assistant.documents() == before
    assert doc_names(page) == [d["name"] for d in before]


def test_several_files_at_once_each_gets_its_result(page, app_assistant, tmp_path):
    good_docx = make_docx(tmp_path / "ke-hoach-vuon-uom.docx",
                          ["Vườn ươm Đồi Chè Xanh trồng thử 2.318 cây giống chè mới trong năm 2025."])
    good_txt = tmp_path / "thong-bao-hoi-thao.txt"
    good_txt.write_text("Hội thảo Sông Lô Mở đã có 642 đại biểu tham dự.\n", encoding="utf-8")
    bad_pdf = tmp_path / "phu-luc-hong.pdf"
    bad_pdf.write_bytes(b"%PDF-1.4\nnot really a pdf at all\n")
    before = {d["name"] for d in app_assistant.documents()}

    results = upload(page, good_docx, bad_pdf, good_txt)
    expect(results.nth(0)).to_have_class(re.compile(r"vk-ok"))
    expect(results.nth(1)).to_have_class(re.compile(r"vk-error"))
    expect(results.nth(1)).to_contain_text(msg.PDF_CORRUPT.format(name=bad_pdf.name))
    expect(results.nth(2)).to_have_class(re.compile(r"vk-ok"))
    assert {d["name"] for d in app_assistant.documents()} == before | {good_docx.name, good_txt.name}
    expect(page.locator("#vk-docs")).to_contain_text(good_txt.name)
    if SHOTS:
        page.mouse.move(0, 0)  # no hover highlight on the button in the picture
        page.wait_for_timeout(800)  # let the progress overlay fade out
        page.screenshot(path=str(Path(SHOTS) / "upload.png"), full_page=True)


def test_delete_document(page, app_assistant, tmp_path):
    f = tmp_path / "van-ban-can-xoa.txt"
    f.write_text("Văn bản thử nghiệm để xóa: Tổ công tác Cánh Diều Bạc có 17 thành viên.\n", encoding="utf-8")
    app_assistant.ingest_upload(f, f.name)
    page.reload()
    page.get_by_role("tab", name=msg.UI_TAB_DOCS).click()
    expect(page.locator("#vk-docs")).to_contain_text(f.name)

    # A click on the document's row picks it for deletion, as does the drop-down list.
    page.locator("#vk-docs .virtual-body [role=gridcell][data-col='0']", has_text=f.name).click()
    expect(page.locator("#vk-delete-pick input")).to_have_value(f.name)
    page.locator("#vk-delete-pick input").click()
    page.get_by_role("option", name=f.name).click()
    page.click("#vk-delete")
    expect(page.locator("#vk-delete-result")).to_contain_text(msg.DOC_REMOVED.format(name=f.name, chunks=1))
    expect(page.locator("#vk-docs")).not_to_contain_text(f.name)
    assert f.name not in {d["name"] for d in app_assistant.documents()}


def test_document_text_is_shown_as_text_never_run(page, tmp_path):
    script = "<script>window.__xss=1</script>"
    img = '<img src=x onerror="window.__xss=1">'
    f = tmp_path / "tai-lieu-doc-hai.txt"
    f.write_text(
        f"Tổ thử nghiệm Quả Bơ Tím ghi nhận 8.123 lượt truy cập {script} và {img} trong năm 2025.\n",
        encoding="utf-8",
    )
    upload(page, f)
    answer = ask(page, "Tổ thử nghiệm Quả Bơ Tím ghi nhận bao nhiêu lượt truy cập?")
    answer.locator("details.vk-cite summary").first.click()
    quote = answer.locator("blockquote.vk-quote").first
    expect(quote).to_contain_text(script)
    expect(quote).to_contain_text(img)
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.locator("#vk-chat img[src=x], #vk-chat script").count() == 0


def test_api_ask_returns_answer_json(server, app_assistant):
    from gradio_client import Client

    got = Client(server, verbose=False).predict(BTS_QUESTION, api_name="/ask")
    assert got == app_assistant.ask(BTS_QUESTION).to_dict()
    assert got["status"] == "answered" and got["citations"]


def test_check_doc_tab(page):
    page.get_by_role("tab", name=msg.UI_TAB_CHECK).click()
    if importlib.util.find_spec("vankien.docnums") is None:
        expect(page.locator("#vk-check-todo")).to_have_text(msg.UI_IN_DEVELOPMENT)
        return
    page.fill("#vk-check-text textarea",
              "Căn cứ Quyết định số 2808/QĐ-UBND ngày 24/10/2022 của UBND tỉnh về quy hoạch hạ tầng viễn thông thụ động.")
    page.click("#vk-check-run")
    row = page.locator("#vk-check-result tr", has_text="2808/QĐ-UBND")
    expect(row).to_contain_text(msg.UI_CHECK_FOUND)


def test_draft_tab(page):
    page.get_by_role("tab", name=msg.UI_TAB_DRAFT).click()
    if importlib.util.find_spec("vankien.draft") is None:
        expect(page.locator("#vk-draft-todo")).to_have_text(msg.UI_IN_DEVELOPMENT)
        return
    page.fill("#vk-draft-topic textarea", "Phát triển hạ tầng viễn thông, hạ tầng số")
    page.click("#vk-draft-run")
    expect(page.locator("#vk-draft-result h2")).to_be_visible(timeout=120_000)
    expect(page.locator("#vk-draft-download")).to_be_visible()


class _StreamingAssistant:
    """An assistant with the ``Assistant.ask_stream`` protocol: ("partial", text so far)
    drafts, then ("final", Answer) (here the extractive one, word by word)."""

    def __init__(self, inner):
        self._inner = inner
        self.settings = replace(inner.settings, llm="stream-test")

    def __getattr__(self, name):
        return getattr(self._inner, name)

    def ask_stream(self, question):
        final = self._inner.ask(question)
        words = final.answer.split(" ")
        for i in range(1, len(words) + 1, 4):
            time.sleep(0.05)  # let the browser see the partial states
            yield "partial", " ".join(words[:i])
        yield "final", final


def test_streamed_answer_ends_with_citations(browser, app_assistant):
    import app

    port = _free_port()
    demo = app.serve(_StreamingAssistant(app_assistant), "127.0.0.1", port, block=False)
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        page.set_default_timeout(WAIT_MS)
        page.goto(f"http://127.0.0.1:{port}/")
        page.wait_for_selector("#vk-question textarea")
        # Record whether a partial answer was ever on screen (it is replaced quickly).
        page.evaluate("""() => new MutationObserver(() => {
            if (document.querySelector('#vk-chat .vk-streaming')) window.__sawStream = true;
        }).observe(document.body, {childList: true, subtree: true})""")
        answer = ask(page, BTS_QUESTION)
        expect(answer.locator(".vk-figure").first).to_have_text("3.916")
        expect(answer.locator("details.vk-cite")).to_have_count(1)
        assert page.evaluate("window.__sawStream === true")
    finally:
        ctx.close()
        demo.close()
