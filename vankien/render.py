"""Answers, document checks and drafts -> HTML for the app, every piece of document text escaped.

Document text is data, never markup. Each string that comes from a document or a
user (quote, section heading, file name, question) goes through ``html.escape``
(quotes included) before it is placed in HTML, and ``<mark>`` only ever wraps text
that is already escaped. So a report containing ``<script>`` shows those characters
and runs nothing.

The Chatbot renders Markdown; every message built here is a single HTML block with
no blank line in it, so Markdown does not parse inside it and a ``*``, ``_``, ``#``
or ``|`` in a report stays a literal character.

This module imports no UI library: it is plain string building, tested on its own.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass

from vankien import messages as msg
from vankien.vietnamese import canonical_number, find_docnums, find_numbers, strip_accents

# Dates and fractions ("04/6/2025", "05/6", "6/2025") are one figure, not three numbers.
_SLASHED = re.compile(r"(?<![\w/])\d+(?:\s?/\s?\d+)+(?![\w/])")
# Clause boundaries for choosing "the" figure of an answer: a '.' or ',' between digits
# is part of a number (3.916, 82,56), anywhere else it ends a clause.
_CLAUSE_END = re.compile(r"[;:()\[\]\n]|[.,](?!\d)|(?<!\d)[.,]")
_WORD = re.compile(r"\w+")
_NEWLINE = re.compile(r"\r\n|\r|\n")
# Words every question has; they say nothing about which figure is meant.
_QUESTION_WORDS = set(
    "la gi bao nhieu may nao ra sao khong chua co duoc hay cho biet hoi cua cac nhung va voi ve "
    "trong tren tai theo tu da dang se thi ma nay do hien tinh so muc ngay".split()
)


def esc(text) -> str:
    """``'<b a="1">'`` -> ``'&lt;b a=&quot;1&quot;&gt;'`` (quotes too: safe inside attributes)."""
    return html.escape("" if text is None else str(text), quote=True)


def esc_lines(text) -> str:
    r"""Escaped text with its line breaks as ``<br>``: a blank line would end the Markdown
    HTML block and let Markdown parse what follows.

    >>> esc_lines("a < b\n\n*c*")
    'a &lt; b<br><br>*c*'
    """
    return _NEWLINE.sub("<br>", esc(text))


# --- figures -----------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    start: int
    end: int
    raw: str
    key: str  # "3916" for "3.916", "1218/QD-UBND", "4/6/2025" for "04/6/2025"


def _slashed_key(raw: str) -> str:
    return "/".join(str(int(p)) for p in re.split(r"\s?/\s?", raw))


def figure_spans(text: str) -> list[Figure]:
    """Document numbers, dates/fractions and numbers of ``text``, in order.

    >>> [f.raw for f in figure_spans("QĐ 1218/QĐ-UBND ngày 04/6/2025: 3.916 trạm (82,56%)")]
    ['1218/QĐ-UBND', '04/6/2025', '3.916', '82,56%']
    """
    out: list[Figure] = []
    taken: list[tuple[int, int]] = []
    for d in find_docnums(text, typed=True):
        out.append(Figure(d.start, d.end, d.raw, d.key))
        taken.append((d.start, d.end))

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in taken)

    for m in _SLASHED.finditer(text):
        if free(m.start(), m.end()):
            out.append(Figure(m.start(), m.end(), m.group(0), _slashed_key(m.group(0))))
            taken.append((m.start(), m.end()))
    for m in find_numbers(text):
        if free(m.start(), m.end()):
            raw = m.group(0)
            core = raw.rstrip("%")
            key = (canonical_number(core) or core) + ("%" if raw.endswith("%") else "")
            out.append(Figure(m.start(), m.end(), raw, key))
    return sorted(out, key=lambda f: f.start)


def _content_words(text: str) -> set[str]:
    return {w for w in _WORD.findall(strip_accents(text).lower())
            if not w.isdigit() and w not in _QUESTION_WORDS}


def _clause(text: str, start: int, end: int) -> str:
    left = max((m.end() for m in _CLAUSE_END.finditer(text, 0, start)), default=0)
    nxt = _CLAUSE_END.search(text, end)
    return text[left: nxt.start() if nxt else len(text)]


# What a question asks for, on its accent-free form: a document number, a date, a year.
_WANTS = {
    "docnum": re.compile(r"\b(so may|so bao nhieu|so hieu|ky hieu|(quyet dinh|nghi quyet|ke hoach|chuong trinh|"
                         r"van ban|chi thi|ket luan|huong dan|quy dinh|thong tu|nghi dinh|de an|cong van) nao)\b"),
    "date": re.compile(r"\b(ngay nao|ngay thang nao|ngay bao nhieu|khi nao|luc nao|thoi diem nao|when|what date)\b"),
    "year": re.compile(r"\b(nam nao|nam bao nhieu|which year|what year)\b"),
}


def figure_kind(f: Figure) -> str:
    """docnum | date (04/6/2025) | year (2025) | number (3.916, 6/2025, 05/6, 82,56%)."""
    if re.search(r"[A-Z]", f.key):
        return "docnum"
    if f.key.count("/") == 2:
        return "date"
    if re.fullmatch(r"(19|20)\d\d", f.raw):
        return "year"
    return "number"


def main_figures(text: str, question: str) -> list[Figure]:
    """The figures of ``text`` that answer ``question``.

    Figures the question itself gives ("tháng 6/2025") are left out. A question that
    asks for a document number, a date or a year gets those; otherwise the figures of
    the clause sharing the most words with the question are kept, years dropped when
    other figures remain (all figures if no clause shares a word).

    >>> q = "Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?"
    >>> a = "tổng mức đầu tư ước đạt 350 tỷ đồng, tổng số trạm BTS tính đến tháng 6/2025 là 3.916 trạm"
    >>> [f.raw for f in main_figures(a, q)]
    ['3.916']
    >>> q = "Quy hoạch viễn thông thụ động được phê duyệt theo quyết định nào, ngày nào?"
    >>> a = "Quyết định số 2808/QĐ-UBND ngày 24/10/2022 phê duyệt Quy hoạch viễn thông thụ động đến năm 2025"
    >>> [f.raw for f in main_figures(a, q)]
    ['2808/QĐ-UBND', '24/10/2022']
    """
    asked = {f.key for f in figure_spans(question)}
    figs = [f for f in figure_spans(text) if f.key not in asked]
    if not figs:
        return []
    folded = strip_accents(question).lower()
    wanted = {kind for kind, rx in _WANTS.items() if rx.search(folded)}
    typed = [f for f in figs if figure_kind(f) in wanted]
    if typed:
        return typed
    words = _content_words(question)
    scores = [len(words & _content_words(_clause(text, f.start, f.end))) for f in figs]
    best = max(scores)
    kept = [f for f, s in zip(figs, scores) if s == best] if best > 0 else figs
    return [f for f in kept if figure_kind(f) != "year"] or kept


def highlight(text: str, keys: set[str]) -> str:
    """Escaped ``text`` with each figure whose key is in ``keys`` wrapped in ``<mark>``.

    >>> highlight('<b>3.916</b> trạm & "3916"', {"3916"})
    '&lt;b&gt;<mark>3.916</mark>&lt;/b&gt; trạm &amp; &quot;<mark>3916</mark>&quot;'
    """
    out, last = [], 0
    for f in figure_spans(text):
        if f.key in keys:
            out.append(esc_lines(text[last:f.start]))
            out.append(f"<mark>{esc(f.raw)}</mark>")
            last = f.end
    out.append(esc_lines(text[last:]))
    return "".join(out)


def _unique(figs: list[Figure]) -> list[Figure]:
    seen, out = set(), []
    for f in figs:
        if f.key not in seen:
            seen.add(f.key)
            out.append(f)
    return out


# --- answers -----------------------------------------------------------------

def _section_parts(section: str) -> list[str]:
    """Ingest joins the heading path with " > " (``Phần thứ nhất > II. … > 1.8. …``)."""
    return [p.strip() for p in (section or "").split(" > ") if p.strip()]


def _section_path(section: str) -> str:
    return " › ".join(_section_parts(section))


def _section_leaf(section: str) -> str:
    parts = _section_parts(section)
    return parts[-1] if parts else ""


def citation_html(c: dict, n: int, keys: set[str], open_: bool = False) -> str:
    """One citation as an expandable block: file, section path, page/footnote, then the quote."""
    leaf = _section_leaf(c.get("section", ""))
    summary = f"[{n}] {esc(c.get('source', ''))}" + (f" — {esc(leaf)}" if leaf else "")
    rows = [f'<div class="vk-meta"><b>{esc(msg.UI_CITE_FILE)}</b> {esc(c.get("source", ""))}</div>']
    if c.get("section"):
        rows.append(f'<div class="vk-meta"><b>{esc(msg.UI_CITE_SECTION)}</b> {esc(_section_path(c["section"]))}</div>')
    if c.get("page"):
        rows.append(f'<div class="vk-meta"><b>{esc(msg.UI_CITE_PAGE)}</b> {esc(c["page"])}</div>')
    if c.get("footnote"):
        rows.append(f'<div class="vk-meta"><b>{esc(msg.UI_CITE_FOOTNOTE)}</b> {esc(c["footnote"])}</div>')
    quote = highlight(c.get("quote", ""), keys)
    return (f'<details class="vk-cite"{" open" if open_ else ""}><summary>{summary}</summary>'
            f'<div class="vk-cite-body">{"".join(rows)}<blockquote class="vk-quote">{quote}</blockquote></div></details>')


def _figure_chips(figs: list[Figure]) -> str:
    if not figs:
        return ""
    chips = " ".join(f'<span class="vk-figure">{esc(f.raw)}</span>' for f in figs)
    return f'<div class="vk-figures"><span class="vk-label">{esc(msg.UI_FIGURES)}</span> {chips}</div>'


def answer_html(d: dict, open_citations: bool = False) -> str:
    """An answer dict (``Answer.to_dict()``) as one chat message.

    answered: the figure(s) plainly, the answer with them marked, then the citations;
    not_found: the message, plainly; conflict: the competing figures side by side,
    each with its source and quote.
    """
    status = d.get("status")
    question = d.get("question", "")
    cites = d.get("citations") or []
    if status == "not_found" or not cites:
        return f'<div class="vk-answer vk-not-found"><p>{esc_lines(d.get("answer", ""))}</p></div>'
    if status == "conflict":
        return _conflict_html(d, question, cites, open_citations)
    figs = _unique(main_figures(d.get("answer", ""), question))
    keys = {f.key for f in figs}
    parts = [f'<div class="vk-answer vk-answered">', _figure_chips(figs),
             f'<div class="vk-text">{highlight(d.get("answer", ""), keys)}</div>']
    if d.get("guard"):
        parts.append(f'<div class="vk-note">{esc(msg.GUARD_FALLBACK)}</div>')
    parts.append(f'<div class="vk-sources-title">{esc(msg.UI_SOURCES.format(n=len(cites)))}</div>')
    parts += [citation_html(c, i, keys, open_citations) for i, c in enumerate(cites, 1)]
    parts.append("</div>")
    return "".join(parts)


def _conflict_html(d: dict, question: str, cites: list[dict], open_citations: bool) -> str:
    cols = []
    for i, c in enumerate(cites, 1):
        figs = _unique(main_figures(c.get("quote", ""), question))
        keys = {f.key for f in figs}
        big = " ".join(f'<span class="vk-figure">{esc(f.raw)}</span>' for f in figs) or "—"
        leaf = _section_leaf(c.get("section", "")) or c.get("source", "")
        cols.append(f'<td class="vk-conflict-col"><div class="vk-conflict-figure">{big}</div>'
                    f'<div class="vk-meta">{esc(msg.UI_CONFLICT_SOURCE.format(source=c.get("source", ""), section=leaf))}</div>'
                    f'{citation_html(c, i, keys, open_citations)}</td>')
    return (f'<div class="vk-answer vk-conflict"><p><b>{esc(msg.CONFLICT_INTRO.format(n=len(cites)))}</b></p>'
            f'<table class="vk-conflict-table"><tr>{"".join(cols)}</tr></table></div>')


def streaming_html(partial: str) -> str:
    """An answer being written by the language model (no citations yet)."""
    return f'<div class="vk-answer vk-streaming"><div class="vk-text">{esc_lines(partial)}▌</div></div>'


def question_html(question: str) -> str:
    return f'<div class="vk-question">{esc_lines(question)}</div>'


# --- documents ---------------------------------------------------------------

def upload_results_html(rows: list[tuple[str, bool, str]]) -> str:
    """Per-file outcome of an upload: (file name, ok, Vietnamese message)."""
    if not rows:
        return ""
    items = "".join(
        f'<li class="{"vk-ok" if ok else "vk-error"}">{"✓" if ok else "✗"} {esc(text)}</li>' for _, ok, text in rows
    )
    return f'<ul class="vk-upload-results">{items}</ul>'


def notice_html(text: str, ok: bool = True) -> str:
    return f'<div class="{"vk-ok" if ok else "vk-error"}">{esc(text)}</div>' if text else ""


# --- document-number check ---------------------------------------------------

_CHECK_STATUS = {"found": msg.UI_CHECK_FOUND, "date_mismatch": msg.UI_CHECK_DATE_MISMATCH,
                 "not_found": msg.UI_CHECK_NOT_FOUND}


def _join(v) -> str:
    if v is None:
        return ""
    if isinstance(v, (list, tuple, set)):
        return ", ".join(str(x) for x in v)
    return str(v)


def check_html(result: dict) -> str:
    """``vankien.docnums.check_text`` result as a table, one row per document number."""
    docs = result.get("documents") or []
    if not docs:
        return f'<p class="vk-note">{esc(msg.UI_CHECK_NONE)}</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in msg.UI_CHECK_HEADERS)
    rows = []
    for i, doc in enumerate(docs, 1):
        status = str(doc.get("status", ""))
        label = _CHECK_STATUS.get(status, status)
        cites = "".join(citation_html(c, j, set(), False) for j, c in enumerate(doc.get("citations") or [], 1)
                        if isinstance(c, dict))
        rows.append(
            f'<tr class="vk-check-{esc(status)}"><td>{esc(doc.get("number", ""))}</td>'
            f'<td><span class="vk-status vk-status-{esc(status)}">{esc(label)}</span></td>'
            f'<td>{esc(_join(doc.get("type")))}</td><td>{esc(_join(doc.get("issuer")))}</td>'
            f'<td>{esc(_join(doc.get("subject")))}</td><td>{esc(_join(doc.get("corpus_dates")))}</td>'
            f'<td>{esc(_join(doc.get("suggestions")))}</td><td>{cites}</td></tr>'
        )
    return f'<table class="vk-check-table"><tr>{head}</tr>{"".join(rows)}</table>'


# --- drafts ------------------------------------------------------------------

def draft_html(draft: dict) -> str:
    """``vankien.draft.draft`` result: headings and paragraphs, each paragraph followed by
    its citation numbers; the citations themselves listed (expandable) at the end."""
    cites: list[tuple[dict, set[str]]] = []  # each with the figures of the paragraph citing it
    body = [f'<div class="vk-draft"><h2>{esc(draft.get("title", ""))}</h2>']
    for sec in draft.get("sections") or []:
        if sec.get("heading"):
            body.append(f"<h3>{esc(sec['heading'])}</h3>")
        for p in sec.get("paragraphs") or []:
            refs = []
            keys = {f.key for f in figure_spans(p.get("text", ""))}
            for c in p.get("citations") or []:
                if isinstance(c, dict):
                    cites.append((c, keys))
                    refs.append(f"[{len(cites)}]")
            marker = f' <sup class="vk-ref">{esc(" ".join(refs))}</sup>' if refs else ""
            body.append(f'<p>{esc_lines(p.get("text", ""))}{marker}</p>')
    if cites:
        body.append(f'<div class="vk-sources-title">{esc(msg.UI_SOURCES.format(n=len(cites)))}</div>')
        body += [citation_html(c, i, keys, False) for i, (c, keys) in enumerate(cites, 1)]
    body.append("</div>")
    return "".join(body)
