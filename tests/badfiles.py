"""Real bad input files, made on the fly for the bad-input tests (tests/test_bad_input.py).

Every maker writes one file into a folder and returns its path. The files are
real: an encrypted PDF is encrypted by pypdf, a scanned PDF holds only an image
drawn by reportlab, a legacy-encoded text is the report's own sentences in the
bytes that Vietnamese 8-bit encodings use.

Legacy encodings (the mapping source): the byte tables are those of TCVN 5712:1993
"VN3" (the ABC / .Vn fonts) and of the VNI-Windows font encoding, as published in
Unikey's conversion tables. Only the letters of the sentences used here are mapped;
the classic check is that "Cộng hòa xã hội chủ nghĩa Việt Nam" comes out as
"Céng hoµ x· héi chñ nghÜa ViÖt Nam" (TCVN3 read as Windows-1252) and
"Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam" (VNI read as Windows-1252).
"""
from __future__ import annotations

import io
import unicodedata
import zipfile
from pathlib import Path

# Sentences of the bundled report (section 1.8), then words whose letters trip naive
# detectors (uâ, oă, uơ look like VNI marks when Windows-1258 is read as Windows-1252).
SENTENCES = (
    "Cộng hòa xã hội chủ nghĩa Việt Nam. "
    "Hạ tầng viễn thông, hạ tầng số được đầu tư phát triển, tổng mức đầu tư ước đạt 350 tỷ đồng, "
    "tổng số trạm BTS tính đến tháng 6/2025 là 3.916 trạm, đảm bảo phủ sóng viễn thông di động "
    "đến 100% thôn/bản. Quản lý nhà nước về khoa học và công nghệ, luật, quân, tuần, hoặc, thuở.\n"
)

# TCVN3 (VN3): one byte per lower-case toned letter; capitals with marks use a
# separate font in practice, so the text here keeps them to Đ only.
_TCVN3 = {
    "à": 0xB5, "ả": 0xB6, "ã": 0xB7, "á": 0xB8, "ạ": 0xB9,
    "ă": 0xA8, "ằ": 0xBB, "ẳ": 0xBC, "ẵ": 0xBD, "ắ": 0xBE, "ặ": 0xC6,
    "â": 0xA9, "ầ": 0xC7, "ẩ": 0xC8, "ẫ": 0xC9, "ấ": 0xCA, "ậ": 0xCB,
    "đ": 0xAE, "Đ": 0xA7,
    "è": 0xCC, "ẻ": 0xCE, "ẽ": 0xCF, "é": 0xD0, "ẹ": 0xD1,
    "ê": 0xAA, "ề": 0xD2, "ể": 0xD3, "ễ": 0xD4, "ế": 0xD5, "ệ": 0xD6,
    "ì": 0xD7, "ỉ": 0xD8, "ĩ": 0xDC, "í": 0xDD, "ị": 0xDE,
    "ò": 0xDF, "ỏ": 0xE1, "õ": 0xE2, "ó": 0xE3, "ọ": 0xE4,
    "ô": 0xAB, "ồ": 0xE5, "ổ": 0xE6, "ỗ": 0xE7, "ố": 0xE8, "ộ": 0xE9,
    "ơ": 0xAC, "ờ": 0xEA, "ở": 0xEB, "ỡ": 0xEC, "ớ": 0xED, "ợ": 0xEE,
    "ù": 0xEF, "ủ": 0xF1, "ũ": 0xF2, "ú": 0xF3, "ụ": 0xF4,
    "ư": 0xAD, "ừ": 0xF5, "ử": 0xF6, "ữ": 0xF7, "ứ": 0xF8, "ự": 0xF9,
    "ỳ": 0xFA, "ỷ": 0xFB, "ỹ": 0xFC, "ý": 0xFD, "ỵ": 0xFE,
}

# VNI-Windows: a base letter followed by a mark byte. Shape (â ê ô / ă / ơ ư) and
# tone combine into one mark byte; ơ and ư are single bytes.
_VNI_TONE = {"\u0301": 0xF9, "\u0300": 0xF8, "\u0309": 0xFB, "\u0303": 0xF5, "\u0323": 0xEF}
_VNI_HAT = {None: 0xE2, "\u0301": 0xE1, "\u0300": 0xE0, "\u0309": 0xE5, "\u0303": 0xE3, "\u0323": 0xE4}  # â ê ô
_VNI_BREVE = {None: 0xEA, "\u0301": 0xE9, "\u0300": 0xE8, "\u0309": 0xFA, "\u0303": 0xFC, "\u0323": 0xEB}  # ă
_VNI_I = {"\u0301": 0xED, "\u0300": 0xEC, "\u0309": 0xE6, "\u0303": 0xF3, "\u0323": 0xF2}  # í ì ỉ ĩ ị
_TONES = set(_VNI_TONE)


def _split(ch: str) -> tuple[str, str | None, str | None]:
    """'ậ' -> ('a', '\\u0302', '\\u0323'): base letter, shape mark, tone mark."""
    d = unicodedata.normalize("NFD", ch)
    base, marks = d[0], d[1:]
    tone = next((m for m in marks if m in _TONES), None)
    shape = next((m for m in marks if m not in _TONES), None)
    return base, shape, tone


def encode_tcvn3(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        out += bytes([_TCVN3[ch]]) if ch in _TCVN3 else ch.encode("ascii")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch.isascii():
            out += ch.encode("ascii")
        elif ch == "đ":
            out.append(0xF1)
        elif ch == "Đ":
            out.append(0xD1)
        else:
            base, shape, tone = _split(ch)
            if base == "i" and tone:
                out.append(_VNI_I[tone])
            elif base in "ou" and shape == "\u031b":  # ơ ư: one byte, then the tone
                out.append(0xF4 if base == "o" else 0xF6)
                if tone:
                    out.append(_VNI_TONE[tone])
            else:
                out += base.encode("ascii")
                if shape == "\u0302":
                    out.append(_VNI_HAT[tone])
                elif shape == "\u0306":
                    out.append(_VNI_BREVE[tone])
                elif tone:
                    out.append(_VNI_TONE[tone])
    return bytes(out)


def encode_cp1258(text: str) -> bytes:
    """Windows-1258 has the shaped letters (â ă ê ô ơ ư đ) but puts tone marks as separate
    combining bytes, so 'ệ' is written 'ê' + combining dot below; Python's codec needs
    that decomposed form (``"ệ".encode("cp1258")`` fails)."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            base, shape, tone = _split(ch)
            out += unicodedata.normalize("NFC", base + (shape or "")).encode("cp1258")
            out += tone.encode("cp1258")
    return bytes(out)


# --- makers -------------------------------------------------------------------

def _report_pdf() -> Path:
    return Path(__file__).parent / "fixtures" / "bao-cao.pdf"


def encrypted_pdf(folder: Path) -> Path:
    """The report's PDF with a user password (RC4-128: pypdf needs no extra package for it)."""
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    w.append(PdfReader(str(_report_pdf())))
    w.encrypt(user_password="mat-khau", owner_password="chu-so-huu", algorithm="RC4-128")
    out = folder / "bao-cao-co-mat-khau.pdf"
    with out.open("wb") as f:
        w.write(f)
    return out


def scanned_pdf(folder: Path) -> Path:
    """Two pages that hold only a picture of text lines, like a scan: no text layer."""
    from PIL import Image, ImageDraw
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen import canvas

    img = Image.new("L", (600, 840), 255)
    draw = ImageDraw.Draw(img)
    for y in range(80, 780, 24):
        draw.rectangle([60, y, 540 - (y * 7) % 120, y + 9], fill=40)
    buf = io.BytesIO()
    img.save(buf, "PNG")
    out = folder / "ban-scan.pdf"
    c = canvas.Canvas(str(out))
    for _ in range(2):
        buf.seek(0)
        c.drawImage(ImageReader(buf), 0, 0, 595, 842)
        c.showPage()
    c.save()
    return out


def corrupt_pdf(folder: Path) -> Path:
    """The first 40% of the real report PDF: a header, then a cut-off file."""
    data = _report_pdf().read_bytes()
    out = folder / "bao-cao-hong.pdf"
    out.write_bytes(data[: int(len(data) * 0.4)])
    return out


def empty_file(folder: Path) -> Path:
    out = folder / "rong.txt"
    out.write_bytes(b"")
    return out


def binary_txt(folder: Path) -> Path:
    """A PNG image renamed to .txt."""
    from PIL import Image

    out = folder / "anh-doi-ten.txt"
    buf = io.BytesIO()
    Image.new("RGB", (64, 64), (200, 30, 30)).save(buf, "PNG")
    out.write_bytes(buf.getvalue())
    return out


def unknown_extension(folder: Path) -> Path:
    out = folder / "bang-tinh.xlsx"
    out.write_bytes(b"PK\x03\x04" + b"\x00" * 60)
    return out


def zip_named_docx(folder: Path) -> Path:
    """A valid ZIP archive of a picture and a note, named .docx."""
    out = folder / "khong-phai-word.docx"
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 100)
        z.writestr("ghi-chu.txt", "Đây không phải tệp Word.")
    return out


def ooxml_not_word_docx(folder: Path) -> Path:
    """An Office Open XML package that is a spreadsheet, not Word, named .docx."""
    out = folder / "bang-tinh-doi-ten.docx"
    ct = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
        "</Types>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
        'Target="xl/workbook.xml"/></Relationships>'
    )
    wb = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
          "<sheets/></workbook>")
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("xl/workbook.xml", wb)
    return out


def huge_sparse_txt(folder: Path, size_mb: int = 200) -> Path:
    """A 200 MB .txt that takes no disk space (a sparse file): the size check must
    refuse it before anything reads it."""
    out = folder / "rat-lon.txt"
    with out.open("wb") as f:
        f.truncate(size_mb * 1024 * 1024)
    return out


def legacy_txt(folder: Path, encoding: str) -> Path:
    encoder = {"tcvn3": encode_tcvn3, "vni": encode_vni, "cp1258": encode_cp1258}[encoding]
    out = folder / f"van-ban-{encoding}.txt"
    out.write_bytes(encoder(SENTENCES * 3))
    return out


def legacy_as_utf8_txt(folder: Path, encoding: str) -> Path:
    """A TCVN3/VNI file once opened as Windows-1252 and saved as UTF-8 ("ViÖt Nam"):
    valid UTF-8 that is still unreadable."""
    encoder = {"tcvn3": encode_tcvn3, "vni": encode_vni}[encoding]
    out = folder / f"van-ban-{encoding}-luu-utf8.txt"
    out.write_text(encoder(SENTENCES * 3).decode("cp1252"), encoding="utf-8")
    return out
