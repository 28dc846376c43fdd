"""Ingest on the real report: structure, footnotes, appendix entries, NFC, offsets."""
import unicodedata

import pytest

from ingest import parse_file
from vankien.settings import ChunkingParams
from tests.conftest import FIXTURES, REPORT


@pytest.fixture(scope="module")
def doc():
    return parse_file(REPORT, ChunkingParams())


def _chunk_with(doc, needle):
    found = [c for c in doc.chunks if needle in c.text]
    assert found, needle
    return found[0]


def test_offsets_point_at_the_exact_span(doc):
    for c in doc.chunks:
        assert doc.text[c.char_start:c.char_end] == c.text


def test_markers_removed_and_text_is_nfc(doc):
    assert "[footnoteRef:" not in doc.text and "[bookmark:" not in doc.text
    assert unicodedata.normalize("NFC", doc.text) == doc.text
    # line 6 of the report is NFD in the file: it must match in NFC
    assert "Tuy nhiên, bên cạnh những thời cơ" in doc.text


def test_footnotes_are_separate_and_linked(doc):
    notes = [c for c in doc.chunks if c.kind == "footnote"]
    assert {c.footnote for c in notes} == {1, 2, 3, 4, 5, 6}
    fn2 = _chunk_with(doc, "1.551 đơn đăng ký bảo hộ")
    assert fn2.kind == "footnote" and fn2.footnote == 2
    citing = next(c for c in doc.chunks if c.id == fn2.cited_by)
    assert 2 in citing.footnote_refs and "sở hữu trí tuệ" in citing.text
    # the footnote text is not inside the body paragraph any more
    assert "1.551" not in citing.text
    assert fn2.section == citing.section


# Ten chunks spot-checked by hand against the report: (text in chunk, section path ends with)
SECTIONS = [
    ("tổng số trạm BTS tính đến tháng 6/2025 là 3.916 trạm", "1.8. Công tác Bưu chính, Viễn thông"),
    ("82,56% hồ sơ TTHC được tiếp nhận", "1. Chỉ tiêu về thực hiện nhiệm vụ chính trị"),
    ("Tổng số nhiệm vụ KH&CN cấp tỉnh đã được phê duyệt", "1.3 Hoạt động nghiên cứu khoa học, phát triển công nghệ, đổi mới sáng tạo"),
    ("Thanh tra Sở đã triển khai tổng cộng 43 cuộc", "1.6 Công tác thanh tra, kiểm tra"),
    ("Tiếp nhận và giải quyết 114 hồ sơ", "1.7 Hoạt động tiêu chuẩn đo lường chất lượng"),
    ("Quy mô kinh tế số đạt 30% GRDP", "1. Chỉ tiêu về thực hiện nhiệm vụ chính trị"),
    ("Phấn đấu kết nạp từ 5 đảng viên mới trở lên", "2. Chỉ tiêu về công tác đảng, xây dựng cơ quan và đoàn thể"),
    ("Quyết định số 1218/QĐ-UBND ngày 04/6/2025", "PHỤ BIỀU"),
    ("Công tác xử lý tài sản hình thành thông qua", "1. Tồn tại, hạn chế"),
    ("Kế hoạch số 11-KH/ĐU ngày 15/02/2022", "2.1. Công tác giáo dục chính trị tư tưởng"),
]


@pytest.mark.parametrize("needle,section_end", SECTIONS)
def test_section_paths(doc, needle, section_end):
    c = _chunk_with(doc, needle)
    assert c.section.endswith(section_end), c.section


def test_part_is_first_element_of_path(doc):
    assert _chunk_with(doc, "Quy mô kinh tế số đạt 30% GRDP").section.startswith("Phần thứ hai > II.")
    assert _chunk_with(doc, "3.916 trạm").section.startswith("Phần thứ nhất > II.")


def test_appendix_entries_are_one_chunk_each(doc):
    entries = [c for c in doc.chunks if c.kind == "appendix"]
    raw_entries = [l for l in REPORT.read_text(encoding="utf-8").split("PHỤ BIỀU", 1)[1].splitlines() if l.startswith("- ")]
    assert len(entries) == len(raw_entries) == 56
    for c in entries:
        assert c.text.startswith("- ") and "\n" not in c.text


def test_chunk_sizes(doc):
    params = ChunkingParams()
    assert all(len(c.text) <= params.max_chars for c in doc.chunks if c.kind != "appendix")
    # figures are never cut in two by a chunk boundary
    texts = [c.text for c in doc.chunks]
    assert any("6.300 lượt" in t for t in texts) and any("226.881,809" in t for t in texts)


@pytest.mark.parametrize("fixture", ["bao-cao.docx", "bao-cao.pdf"])
def test_docx_and_pdf_give_the_same_passages(doc, fixture):
    other = parse_file(FIXTURES / fixture, ChunkingParams())
    for needle, section_end in SECTIONS:
        c = next(c for c in other.chunks if needle in " ".join(c.text.split()))
        assert c.section.endswith(section_end)
        assert other.text[c.char_start:c.char_end] == c.text
    if fixture.endswith(".pdf"):
        assert all(c.page and c.page >= 1 for c in other.chunks)
        assert _chunk_with(other, "3.916 trạm").page == 5
    assert {c.footnote for c in other.chunks if c.kind == "footnote"} == {1, 2, 3, 4, 5, 6}
