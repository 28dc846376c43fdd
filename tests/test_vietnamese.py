import doctest

import pytest

import vankien.guard
import vankien.vietnamese as vn
import ingest.chunker
import ingest.sentences
import ingest.structure
import vankien.retrieve
import vankien.question
import vankien.crosslingual
import vankien.answer


@pytest.mark.parametrize("module", [vn, vankien.guard, ingest.chunker, ingest.sentences, ingest.structure, vankien.retrieve,
                                    vankien.question, vankien.crosslingual, vankien.answer])
def test_doctests(module):
    result = doctest.testmod(module)
    assert result.attempted > 0 and result.failed == 0


@pytest.mark.parametrize("a,b", [("hoà", "hòa"), ("uỷ ban", "ủy ban"), ("thuỷ", "thủy"), ("khoẻ", "khỏe"), ("CỘNG HOÀ", "CỘNG HÒA")])
def test_tone_placement_is_one_form(a, b):
    assert vn.fold_tones(a) == vn.fold_tones(b)


@pytest.mark.parametrize("word", ["quý", "hoàn", "toán", "khuỷu", "thuở"])
def test_tone_placement_leaves_other_syllables(word):
    assert vn.fold_tones(word) == word


def test_accent_free_query_meets_accented_text():
    assert set(vn.tokenize("co bao nhieu tram 5G")) <= set(vn.tokenize("có bao nhiêu trạm 5G"))


@pytest.mark.parametrize("raw,value", [("3.916", 3916), ("82,56%", 82.56), ("226.881,809", 226881.809), ("05", 5), ("1.551", 1551)])
def test_numbers(raw, value):
    assert vn.parse_number(raw) == pytest.approx(value)


@pytest.mark.parametrize("raw", ["1.8", "1.5", "12.5"])
def test_section_numbers_are_not_thousands(raw):
    assert vn.parse_number(raw) is None


def test_canonical_number_token_finds_grouped_figure():
    assert "3916" in vn.tokenize("tổng số 3.916 trạm")


@pytest.mark.parametrize(
    "text,canonical",
    [
        ("Quyết định số 1218/QĐ-UBND ngày", "1218/QĐ-UBND"),
        ("Nghị quyết số 15/2020/NQ-HĐND", "15/2020/NQ-HĐND"),
        ("Nghị quyết 57-NQ/TW ngày", "57-NQ/TW"),
        ("Quyết định số 44-QĐ/ĐU", "44-QĐ/ĐU"),
        ("Kế hoạch 2004/ KH-UBND ngày", "2004/KH-UBND"),
        ("số 3183/QĐ- UBND ngày", "3183/QĐ-UBND"),
        ("số 3183/QÐ–UBND ngày", "3183/QĐ-UBND"),  # eth and en-dash
        ("Văn bản số 2557/UBND-KTTH", "2557/UBND-KTTH"),
        ("Nghị quyết số 50 NQ-CP ngày", "50/NQ-CP"),  # the slash left out
        ("số 3756/UBND - KGVX ngày", "3756/UBND-KGVX"),
    ],
)
def test_document_numbers_are_single_terms(text, canonical):
    found = vn.find_docnums(text)
    assert [d.canonical for d in found] == [canonical]
    assert found[0].key in vn.tokenize(text)


def test_document_number_without_diacritics_has_same_key():
    assert vn.docnum_key("1218/QD-UBND") == vn.docnum_key("1218/QĐ-UBND")


@pytest.mark.parametrize("text", ["6/2025", "05/6 mục tiêu", "1Gb/s", "20-30 nhiệm vụ/năm", "6%/năm", "27/2/2025",
                                  "số 50 UBND", "số 12 KH", "tổng số 142 nhiệm vụ", "QCVN 01:2021/BKHCN"])
def test_prose_is_not_a_document_number(text):
    assert vn.find_docnums(text) == []


def test_dates_equal_in_all_spellings():
    isos = {vn.find_dates(s)[0][0] for s in ("4/6/2025", "04/6/2025", "04/06/2025", "ngày 4 tháng 6 năm 2025",
                                              "4-6-2025", "04.06.2025", "ngay 4 thang 6 nam 2025")}
    assert isos == {"2025-06-04"}


@pytest.mark.parametrize("text", ["2021-2025", "4/6-2025", "1.8.2", "32/13/2025", "giai đoạn 2020 - 2025"])
def test_not_dates(text):
    assert vn.find_dates(text) == []


def test_words_joined_by_va_also_match_without_it():
    """"khoa học công nghệ" is the report's "khoa học và công nghệ"."""
    assert "hoc_cong" in vn.tokenize("doanh nghiệp khoa học và công nghệ")
    assert "hoc_cong" not in vn.tokenize("khoa học; công nghệ")


def test_letter_prefixed_word_matches_in_every_spelling():
    """The report writes "X-quang", "X quang" and "Xquang": a question writing "X-quang" is
    fully covered by a passage in any of them (coverage weighs the question's terms)."""
    from vankien.answer import _content_terms
    from vankien.retrieve import Wanted
    from vankien.vietnamese import term_set
    wanted = Wanted.of("thiết bị X-quang chẩn đoán", {t: 1.0 for t in _content_terms("thiết bị X-quang chẩn đoán")})
    for passage in ("thiết bị X-quang chẩn đoán", "thiết bị X quang chẩn đoán", "thiết bị Xquang chẩn đoán"):
        assert wanted.coverage(term_set(passage)) == 1.0, passage


def test_month_in_question_finds_its_passage_among_other_years():
    """A hundred reports say "tổng số trạm BTS tính đến tháng 6/<year>": the year after the
    slash is a term of its own (NUMBER_RE reads no year there), so "tháng 6/2025" and
    "tháng 6 năm 2025" find the 2025 passage, and a full date also finds its month."""
    from index.lexical import LexicalIndex

    years = [2010, 2015, 2020, 2025, 2030]
    items = [(f"p{y}", f"Tổng số trạm BTS tính đến tháng 6/{y} là {3000 + y} trạm.") for y in years]
    items.append(("d2024", "Kế hoạch số 12/KH-SKHCN ngày 30/12/2024 về trạm BTS tính đến cuối năm."))
    lexical = LexicalIndex.build(items)
    for question, want in (("Tổng số trạm BTS tính đến tháng 6/2025 là bao nhiêu?", "p2025"),
                           ("tong so tram BTS den thang 6 nam 2020", "p2020"),
                           ("Trạm BTS tính đến tháng 12/2024?", "d2024")):
        assert lexical.search(question, 3)[0][0] == want, question
    # a document number's year is no date: 15/2020/NQ-HĐND gives no "2020-…" term
    assert not [t for t in vn.tokenize("Nghị quyết 15/2020/NQ-HĐND") if t.startswith("2020")]
