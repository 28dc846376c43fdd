"""The document-number registry and checker (vankien.docnums) on the real report."""
from __future__ import annotations

import doctest
import io
import json
import re
import unicodedata
from collections import Counter

import pytest

import vankien.docnums as docnums
from vankien.cli import main
from vankien.docnums import check_text, registry_for, vn_dates
from vankien.guard import unsupported_figures
from tests.conftest import FIXTURES, REPORT

RESULT_KEYS = {"number", "status", "type", "issuer", "subject", "corpus_dates", "suggestions", "citations"}
CITATION_KEYS = {"source", "section", "char_start", "char_end", "quote"}


# --- An independent reading of the report, for expectations -----------------------

def _norm(number: str) -> str:
    """'3183/QĐ- UBND' -> '3183/QD-UBND', '09/QĐ-UBND' -> '9/QD-UBND', '50 NQ-CP' -> '50/NQ-CP'."""
    s = unicodedata.normalize("NFD", number.replace("Ð", "Đ").replace("đ", "Đ"))
    s = "".join(c for c in s if not unicodedata.combining(c)).replace("Đ", "D").upper()
    s = re.sub(r"\s*([/\-–])\s*", r"\1", s.strip()).replace("–", "-")
    s = re.sub(r"^(\d+) (?=[A-Z])", r"\1/", s)
    head = re.match(r"\d+", s).group(0)
    return str(int(head)) + s[len(head):]


def _iso(d: str, m: str, y: str) -> str:
    return f"{int(y):04d}-{int(m):02d}-{int(d):02d}"


# A number and the date right after it, as the appendix writes them (stray spaces and all).
_APPENDIX_REF = re.compile(
    r"(\d+(?:/\d{4})?(?:\s?/\s?|\s?-\s?| )[A-ZĐ][A-Za-zĐ]*(?:\s?[-/]\s?[A-ZĐ][A-Za-zĐ]*)*)\s*,?\s*ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})"
)


def appendix_refs() -> list[tuple[str, str]]:
    """(number key, ISO date) of every dated reference on the appendix's '- ' lines."""
    tail = REPORT.read_text(encoding="utf-8").split("PHỤ BIỀU", 1)[1]
    out = []
    for line in tail.splitlines():
        if line.startswith("- "):
            out += [(_norm(m.group(1)), _iso(*m.group(2, 3, 4))) for m in _APPENDIX_REF.finditer(line)]
    return out


def gold() -> list[dict]:
    rows = []
    for line in (FIXTURES / "docnums_gold.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            part, number, date, typ = line.split("\t")
            rows.append({"part": part, "key": _norm(number), "date": None if date == "-" else date, "type": typ})
    return rows


# --- The registry ------------------------------------------------------------------

def test_doctests():
    result = doctest.testmod(docnums)
    assert result.attempted > 0 and result.failed == 0


def test_every_appendix_entry_is_in_the_registry_with_its_date(assistant):
    reg = registry_for(assistant)
    expected = appendix_refs()
    assert len(expected) >= 60  # the appendix alone lists dozens of documents
    missing = [(k, d) for k, d in expected if reg.entry(k) is None or d not in reg.entry(k).dates]
    assert missing == []
    appendix_keys = {k for k, _ in expected}
    for k in appendix_keys:
        assert any(m.kind == "appendix" for m in reg.entry(k).mentions)


def test_references_in_body_footnotes_and_headings(assistant):
    reg = registry_for(assistant)
    catalog = assistant.index.catalog
    doc = catalog.documents()[0]
    text = catalog.text(doc["sha256"])
    mentions = [m for e in reg._entries.values() for m in e.mentions]
    assert {"paragraph", "footnote", "heading", "appendix"} <= {m.kind for m in mentions}
    for m in mentions:  # every citation quotes the clean text verbatim, and holds its number
        assert text[m.char_start:m.char_end] == m.quote
        assert m.char_start <= m.ref.start < m.char_end
    # every number written in a footnote is registered with a mention inside that footnote
    from vankien.vietnamese import find_docnums

    for c in catalog.document_chunks(doc["sha256"]):
        if c.kind != "footnote":
            continue
        for d in find_docnums(c.text):
            e = reg.entry(d.key)
            assert e is not None
            assert any(m.kind == "footnote" and m.footnote == c.footnote and c.char_start <= m.ref.start < c.char_end
                       for m in e.mentions)


def test_extraction_precision_and_recall_on_the_hand_checked_report(assistant, capsys):
    reg = registry_for(assistant)
    mentions = sorted((m for e in reg._entries.values() for m in e.mentions), key=lambda m: m.ref.start)
    got = Counter((m.ref.key, m.ref.date, m.ref.type) for m in mentions)
    want = Counter((g["key"], g["date"], g["type"]) for g in gold())
    got_n = Counter(m.ref.key for m in mentions)
    want_n = Counter(g["key"] for g in gold())

    def pr(a: Counter, b: Counter) -> tuple[float, float]:
        hit = sum((a & b).values())
        return hit / sum(a.values()), hit / sum(b.values())

    p_num, r_num = pr(got_n, want_n)
    p_all, r_all = pr(got, want)
    with capsys.disabled():
        print(f"\ndocnums: {len(reg)} numbers, {len(mentions)} mentions; numbers P={p_num:.3f} R={r_num:.3f}; "
              f"number+date+type P={p_all:.3f} R={r_all:.3f} (gold {sum(want.values())})")
    assert p_num >= 0.98 and r_num >= 0.98
    assert p_all >= 0.95 and r_all >= 0.95


def test_registry_entries_and_lookup(assistant):
    reg = registry_for(assistant)
    assert registry_for(assistant) is reg  # cached while the catalog does not change
    entries = reg.entries()
    assert len(entries) == len(reg)
    assert {"number", "type", "issuer", "dates", "subject", "mentions"} <= set(entries[0])
    key, date = appendix_refs()[-1]
    by_key = reg.lookup(key)
    assert by_key is not None and date in by_key["dates"]
    assert reg.lookup(key.replace("D", "Đ", 1).lower()) == by_key  # typed as a user would
    assert reg.lookup("9999/QĐ-UBND") is None


# --- The checker -------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "Quyết định số 3183/QĐ- UBND ngày 08/12/2020",  # stray space, as in the report
    "Quyết định số 3183/QÐ–UBND ngày 8/12/2020",  # eth for Đ, en-dash, no leading zero
    "Kế hoạch 2004/ KH-UBND ngày 15/05/2020",
    "Quyet dinh so 1218/QD-UBND ngay 04/06/2025",  # no diacritics
    "theo 1218/qd-ubnd ngày 4/6/2025",  # typed in lower case
    "Quyết định 1218/QĐ-UBND ngày 4 tháng 6 năm 2025",
    "Nghị quyết số 50 NQ-CP ngày 17/4/2020",  # the slash left out
    "Văn bản số 3756/UBND - KGVX ngày 27/9/2023",
    "Kế hoạch số 148-KH/TU ngày 25/3/2025",  # Party number
])
def test_spacing_and_diacritics_variants_are_found(assistant, text):
    docs = check_text(assistant, text)["documents"]
    assert [d["status"] for d in docs] == ["found"]
    assert docs[0]["citations"] and docs[0]["corpus_dates"]


def test_a_wrong_date_is_caught_with_the_corpus_date(assistant):
    (d,) = check_text(assistant, "Quyết định số 1218/QĐ-UBND ngày 05/6/2025")["documents"]
    assert d["status"] == "date_mismatch"
    assert d["corpus_dates"] == ["2025-06-04"]
    assert d["citations"] and all("04/6/2025" in c["quote"] for c in d["citations"])


def test_a_near_miss_number_gets_suggestions(assistant):
    (d,) = check_text(assistant, "Quyết định số 1228/QĐ-UBND")["documents"]
    assert d["status"] == "not_found" and d["citations"] == []
    assert d["suggestions"][0] == "1218/QĐ-UBND"  # same symbol, one digit away
    (d,) = check_text(assistant, "Kế hoạch số 2045/KH-UBND")["documents"]
    assert "2045/QĐ-UBND" in d["suggestions"]  # same number, another symbol
    (d,) = check_text(assistant, "Quyết định số 1220/QĐ-UBND ngày 04/6/2025")["documents"]
    assert {"1218/QĐ-UBND", "1219/QĐ-UBND"} <= set(d["suggestions"])  # same symbol, same day


def test_several_references_give_one_result_each_in_order(assistant):
    text = ("Căn cứ Quyết định số 1218/QĐ-UBND ngày 04/6/2025 của UBND tỉnh; Kế hoạch số 3132/KH-UBND "
            "ngày 16/8/2023; Quyết định số 1228/QĐ-UBND ngày 04/6/2025 và Nghị quyết số 57-NQ/TW "
            "ngày 22/12/2024 của Bộ Chính trị, tăng 50/tháng.")
    docs = check_text(assistant, text)["documents"]
    assert [(d["number"], d["status"]) for d in docs] == [
        ("1218/QĐ-UBND", "found"), ("3132/KH-UBND", "date_mismatch"),
        ("1228/QĐ-UBND", "not_found"), ("57-NQ/TW", "found")]
    for d in docs:
        assert set(d) == RESULT_KEYS
        for c in d["citations"]:
            assert set(c) == CITATION_KEYS
    found = docs[0]
    assert found["type"] == "Quyết định" and found["issuer"] == "UBND" and found["subject"].startswith("về việc")


def test_text_without_references(assistant):
    assert check_text(assistant, "Năm 2025 tăng 6%/năm, 05/6 mục tiêu.") == {"documents": []}


# --- CLI ---------------------------------------------------------------------------

@pytest.fixture
def cli_env(assistant, monkeypatch):
    monkeypatch.setenv("VANKIEN_HOME", str(assistant.settings.home))


def test_cli_check_doc_json_and_stdin(cli_env, capsys, monkeypatch):
    assert main(["check-doc", "Quyết định số 1228/QĐ-UBND; Kế hoạch 3132/KH-UBND ngày 15/8/2023", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [d["status"] for d in out["documents"]] == ["not_found", "found"]
    monkeypatch.setattr("sys.stdin", io.StringIO("Quyết định số 1218/QĐ-UBND ngày 05/6/2025"))
    assert main(["check-doc", "-"]) == 0
    text = capsys.readouterr().out
    assert "sai ngày" in text and "04/6/2025" in text


def test_cli_check_doc_empty_text_is_a_user_error(cli_env, capsys):
    assert main(["check-doc", "  "]) == 2
    assert "Vui lòng nhập" in capsys.readouterr().err


def test_cli_docnums_lists_the_registry(cli_env, assistant, capsys):
    assert main(["docnums", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert len(entries) == len(registry_for(assistant))
    assert main(["docnums"]) == 0
    assert "3132/KH-UBND" in capsys.readouterr().out


# --- Chat ----------------------------------------------------------------------------

def _verbatim(assistant, ans) -> None:
    text = assistant.index.catalog.text(assistant.index.catalog.documents()[0]["sha256"])
    for c in ans.citations:
        assert text[c.char_start:c.char_end] == c.quote
    assert unsupported_figures(ans.answer, ans.citations) == []


def test_chat_answers_a_document_question_from_the_registry(assistant):
    ans = assistant.ask("Quyết định 2045/QĐ-UBND về việc gì?")
    assert ans.status == "answered"
    subject = registry_for(assistant).lookup("2045/QĐ-UBND")["subject"]
    assert ans.answer == ans.citations[0].quote and subject in ans.answer
    _verbatim(assistant, ans)


def test_chat_unknown_number_is_not_found_with_cited_suggestions(assistant):
    ans = assistant.ask("Quyết định 1228/QĐ-UBND về việc gì?")
    assert ans.status == "not_found"
    assert "1228" not in ans.answer  # no quote holds it
    assert any("1218/QĐ-UBND" in c.quote for c in ans.citations)
    _verbatim(assistant, ans)


def test_chat_which_number_is_the_plan(assistant):
    ans = assistant.ask("Kế hoạch triển khai chiến lược chuyển đổi số báo chí là kế hoạch số mấy?")
    assert ans.status == "answered" and "3132/KH-UBND" in ans.answer
    _verbatim(assistant, ans)


def test_chat_date_question_quotes_a_mention_with_the_date(assistant):
    """A number the report names both with and without its date: "ra ngày nào?" quotes a
    mention that gives the date, never one that only names the number."""
    from vankien.vietnamese import find_docnums

    reg = registry_for(assistant)
    both = [e for e in reg._entries.values()
            if any(m.ref.date for m in e.mentions) and any(not m.ref.date for m in e.mentions)]
    assert len(both) >= 3
    for e in both:
        # the number as written where the report gives no date (so the question holds none)
        span = next(m.quote[m.ref.start - m.char_start:m.ref.end - m.char_start] for m in e.mentions if not m.ref.date)
        d = find_docnums(span)[0]
        raw = span[d.start:d.end]
        ans = assistant.ask(f"Văn bản {raw} ban hành ngày nào?")
        assert ans.status == "answered", (raw, ans.answer)
        assert any(d in ans.citations[0].quote for d in vn_dates(e.dates).split(", ")), (raw, ans.citations[0].quote)
        _verbatim(assistant, ans)


def test_chat_content_question_with_a_number_keeps_the_figure(assistant):
    ans = assistant.ask("Theo Nghị quyết 55-NQ/TU hoàn thành bao nhiêu chỉ tiêu?")
    assert ans.status == "answered" and "chỉ tiêu" in ans.answer and "55-NQ/TU" in ans.citations[0].quote
    _verbatim(assistant, ans)


# --- Rebuilt after each change ----------------------------------------------------------

def test_registry_follows_ingest_and_remove(fresh_assistant, tmp_path):
    assert len(registry_for(fresh_assistant)) == 0
    f = tmp_path / "cong-van.txt"
    # Party numbers restart each term: one number, two documents told apart by their dates.
    f.write_text("Thực hiện Quyết định số 12/QĐ-UBND ngày 01/02/2024 của UBND tỉnh về việc thử nghiệm.\n"
                 "Nghị quyết số 05-NQ/ĐU ngày 10/3/2016 về công tác cán bộ nhiệm kỳ trước.\n"
                 "Nghị quyết số 05-NQ/ĐU ngày 12/4/2021 về chuyển đổi số.\n", encoding="utf-8")
    fresh_assistant.ingest([f])
    reg = registry_for(fresh_assistant)
    e = reg.lookup("12/QĐ-UBND")
    assert (e["number"], e["dates"], e["subject"]) == ("12/QĐ-UBND", ["2024-02-01"], "về việc thử nghiệm")
    assert reg.lookup("05-NQ/ĐU")["dates"] == ["2016-03-10", "2021-04-12"]
    docs = check_text(fresh_assistant, "Nghị quyết số 05-NQ/ĐU ngày 12/4/2021; Nghị quyết số 05-NQ/ĐU ngày 12/4/2019")
    first, second = docs["documents"]
    assert first["status"] == "found" and first["subject"] == "về chuyển đổi số"
    assert all("12/4/2021" in c["quote"] for c in first["citations"])
    assert second["status"] == "date_mismatch" and second["corpus_dates"] == ["2016-03-10", "2021-04-12"]
    fresh_assistant.remove("cong-van.txt")
    assert len(registry_for(fresh_assistant)) == 0


def test_number_asked_of_the_document_carrying_out_a_named_one(assistant):
    """"số hiệu" of the plan that carries out X: the number cited before X. The report
    lists the province's plan for 148-KH/TU without a number, so that one is not found
    (148-KH/TU's own mention, "148-KH/TU … thực hiện 57-NQ/TW", is no answer)."""
    ans = assistant.ask("Kế hoạch của UBND tỉnh thực hiện Nghị quyết 03/NQ-CP của Chính phủ có số hiệu là gì?")
    assert ans.status == "answered" and "1130/KH-UBND" in ans.answer
    ans = assistant.ask("Kế hoạch của UBND tỉnh thực hiện Kế hoạch 148-KH/TU mang số hiệu nào?")
    assert ans.status == "not_found" and ans.citations == []
