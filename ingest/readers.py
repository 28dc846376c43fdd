"""Files -> raw paragraphs with page numbers. One reader per format.

Each reader returns ``list[RawParagraph]`` or raises :class:`IngestError` with a
Vietnamese message naming the file; nothing here touches the index.
"""
from __future__ import annotations

import logging
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from vankien import messages as msg
from vankien.errors import IngestError
from vankien.vietnamese import nfc

log = logging.getLogger(__name__)

SUPPORTED = {".txt", ".docx", ".pdf"}


@dataclass
class RawParagraph:
    text: str
    page: int | None = None


def check_display_name(name: str) -> str:
    """The name a document is stored and cited under: NFC, a plain file name.

    Uploads bring names from the user's machine ("../../etc/passwd.txt", a name with a
    newline); the name is never used as a path here, but it is shown in every citation,
    so anything that is not a plain name is refused.

    >>> check_display_name("Báo cáo (bản 2) #1 😀.txt")
    'Báo cáo (bản 2) #1 😀.txt'
    """
    name = unicodedata.normalize("NFC", name or "")
    bad = (
        not name.strip(". ")
        or "/" in name
        or "\\" in name
        or any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") and ch not in "\u200c\u200d" for ch in name)
    )
    if bad:
        shown = "".join("?" if unicodedata.category(ch)[0] in "CZ" and ch != " " else ch for ch in name)
        raise IngestError(msg.FILE_NAME_UNSAFE.format(name=shown), shown)
    return name


def check_file(path: Path, name: str, max_mb: float = 50.0) -> None:
    """The checks that need no reading: exists, supported extension, not empty, not too
    large. Run before the file is hashed, so a 200 MB file is refused without reading it."""
    if not path.is_file():
        raise IngestError(msg.FILE_NOT_FOUND.format(name=name), name)
    if path.suffix.lower() not in SUPPORTED:
        raise IngestError(msg.FILE_UNKNOWN_FORMAT.format(name=name), name)
    size = path.stat().st_size
    if size == 0:
        raise IngestError(msg.FILE_EMPTY.format(name=name), name)
    if size > max_mb * 1024 * 1024:
        raise IngestError(msg.FILE_TOO_LARGE.format(name=name, size_mb=size / 2**20, limit_mb=max_mb), name)


def read_file(path: Path, display_name: str | None = None, max_mb: float = 50.0) -> list[RawParagraph]:
    name = display_name or path.name
    check_file(path, name, max_mb)
    reader = {".txt": read_txt, ".docx": read_docx, ".pdf": read_pdf}[path.suffix.lower()]
    paragraphs = reader(path, name)
    if not any(p.text.strip() for p in paragraphs):
        raise IngestError(msg.NO_TEXT.format(name=name), name)
    return paragraphs


# --- TXT --------------------------------------------------------------------

# Legacy Vietnamese 8-bit encodings, told apart by their byte signatures (counted
# on the first 20 kB; measured on the report encoded each way, the right one wins by
# 20x or more, see tests/badfiles.py for the tables):
# - TCVN3 (ABC, .Vn fonts) puts toned letters in 0xA7-0xBE, which are symbols in
#   Windows code pages (µ ¶ · ¸ ¬ ® ...);
# - VNI writes a base vowel then a mark byte, several of which are letters Vietnamese
#   never uses (ø û ï ä å æ ë ü), and đ as ñ;
# - Windows-1258 (cp1258) writes a vowel then a combining tone byte (0xCC 0xEC 0xD2
#   0xDE 0xF2), and đ as 0xF0. Python decodes it exactly, so it is converted, not refused.
_TCVN3_BYTES = frozenset([0xA7, 0xA8, 0xA9, 0xAA, 0xAB, 0xAC, 0xAD, 0xAE, *range(0xB5, 0xBA), *range(0xBB, 0xBF)])
_ASCII_VOWELS = frozenset(b"aeiouyAEIOUY")
_VNI_MARKS = frozenset([0xF8, 0xFB, 0xEF, 0xE4, 0xE5, 0xE6, 0xEB, 0xFC])
_CP1258_VOWELS = _ASCII_VOWELS | frozenset(
    [0xE2, 0xE3, 0xEA, 0xF4, 0xF5, 0xFD, 0xC2, 0xC3, 0xCA, 0xD4, 0xD5, 0xDD,
     0xE0, 0xE1, 0xE8, 0xE9, 0xEC, 0xED, 0xF2, 0xF3, 0xF9, 0xFA]
)
_CP1258_TONES = frozenset([0xCC, 0xEC, 0xD2, 0xDE, 0xF2])
# Letters only Vietnamese uses (Latin Extended Additional, ơ ư ă đ): their presence in
# UTF-8 text means it is real Unicode Vietnamese, not a legacy text saved as UTF-8.
_VIETNAMESE_LETTER = re.compile(r"[\u1ea0-\u1ef9\u01a0\u01a1\u01af\u01b0\u0102\u0103\u0110\u0111]")


def legacy_scores(data: bytes) -> dict[str, int]:
    """Signature counts of the three 8-bit Vietnamese encodings.

    >>> legacy_scores("Céng hoµ x· héi chñ nghÜa ViÖt Nam".encode("cp1252"))["tcvn3"]
    2
    """
    b = data[:20000]
    pairs = list(zip(b, b[1:]))
    return {
        "tcvn3": sum(1 for x in b if x in _TCVN3_BYTES),
        "vni": sum(1 for a, x in pairs if a in _ASCII_VOWELS and x in _VNI_MARKS) + b.count(0xF1) + b.count(0xD1),
        "cp1258": sum(1 for a, x in pairs if a in _CP1258_VOWELS and x in _CP1258_TONES) + b.count(0xF0) + b.count(0xD0),
    }


def _legacy_guess(data: bytes) -> str | None:
    """The encoding whose signature clearly dominates (5+ hits, 3x the next), else None."""
    scores = legacy_scores(data)
    (best, n), (_, second) = sorted(scores.items(), key=lambda kv: -kv[1])[:2]
    return best if n >= 5 and n >= 3 * second else None


_LEGACY_NAMES = {"tcvn3": "TCVN3/ABC", "vni": "VNI"}


def _decode_text(data: bytes, name: str) -> str:
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise IngestError(msg.FILE_BINARY_TXT.format(name=name), name)
    for bom, enc in ((b"\xef\xbb\xbf", "utf-8-sig"), (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if data.startswith(bom):
            return data.decode(enc)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return _decode_legacy(data, name)
    ctrl = sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f")
    if ctrl > max(5, len(text[:20000]) // 100):
        raise IngestError(msg.FILE_BINARY_TXT.format(name=name), name)
    if not _VIETNAMESE_LETTER.search(text[:20000]):
        # A TCVN3/VNI file once opened as Windows-1252 and saved as UTF-8 ("ViÖt Nam"):
        # valid UTF-8, still unreadable.
        guess = _legacy_guess(text[:20000].encode("cp1252", errors="ignore"))
        if guess in _LEGACY_NAMES:
            raise IngestError(msg.FILE_LEGACY_ENCODING.format(name=name, encoding=_LEGACY_NAMES[guess]), name)
    return text


def _decode_legacy(data: bytes, name: str) -> str:
    guess = _legacy_guess(data)
    if guess in _LEGACY_NAMES:
        raise IngestError(msg.FILE_LEGACY_ENCODING.format(name=name, encoding=_LEGACY_NAMES[guess]), name)
    try:
        # Windows-1258 is the Windows Vietnamese code page; also the best reading of a
        # file with no clear signature (it shares Windows-1252's Latin letters).
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise IngestError(msg.FILE_BAD_ENCODING.format(name=name), name) from None
    if sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f") > 5:
        raise IngestError(msg.FILE_BINARY_TXT.format(name=name), name)
    # Tone marks are separate combining characters in cp1258: read_txt's NFC joins them.
    log.warning(msg.FILE_CONVERTED.format(name=name, encoding="Windows-1258"))
    return text


def read_txt(path: Path, name: str) -> list[RawParagraph]:
    text = _decode_text(path.read_bytes(), name)
    return [RawParagraph(nfc(line)) for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]


# --- DOCX -------------------------------------------------------------------

def read_docx(path: Path, name: str) -> list[RawParagraph]:
    import docx  # python-docx; imported here to keep `vankien ask` start-up light
    from docx.opc.exceptions import PackageNotFoundError

    try:
        if not zipfile.is_zipfile(path):
            raise IngestError(msg.DOCX_CORRUPT.format(name=name), name)
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, zipfile.BadZipFile, ValueError) as e:
        log.info("%s: python-docx failed: %s", name, e)
        raise IngestError(msg.DOCX_CORRUPT.format(name=name), name) from None
    paragraphs = [RawParagraph(nfc(p.text)) for p in document.paragraphs]
    # Tables hold figures too (appendices are often tables): one paragraph per row.
    for table in document.tables:
        for row in table.rows:
            cells = []
            for cell in row.cells:
                t = cell.text.strip()
                if t and (not cells or cells[-1] != t):
                    cells.append(t)
            if cells:
                paragraphs.append(RawParagraph(nfc(" | ".join(cells))))
    return paragraphs


# --- PDF --------------------------------------------------------------------

_PARA_START = re.compile(
    r"^\s*(?:[-+*•]\s|[IVXL]+\.\s|\d+(?:\.\d+)*\.?\s|[a-zđ]\)\s|Phần thứ\s|PHỤ\s|\[\d+:)"
)


def read_pdf(path: Path, name: str) -> list[RawParagraph]:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError, PyPdfError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")  # an empty owner password still lets us read
            except Exception:  # noqa: BLE001 - pypdf raises several types for bad crypto
                ok = 0
            if not ok:
                raise IngestError(msg.PDF_ENCRYPTED.format(name=name), name)
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (PdfReadError, PyPdfError, ValueError, KeyError, TypeError, OSError) as e:
        log.info("%s: pypdf failed: %s", name, e)
        raise IngestError(msg.PDF_CORRUPT.format(name=name), name) from None
    if not any(p.strip() for p in pages):
        raise IngestError(msg.PDF_NO_TEXT.format(name=name), name)
    return _pdf_paragraphs(pages)


def _pdf_paragraphs(pages: list[str]) -> list[RawParagraph]:
    """Re-join wrapped PDF lines into paragraphs.

    A line starts a paragraph when it opens with a heading/bullet pattern, or
    when the line before it was visibly short (it did not wrap).
    """
    out: list[RawParagraph] = []
    prev = None  # kept across pages: a paragraph may run onto the next page
    for page_no, page_text in enumerate(pages, start=1):
        lines = [nfc(line).rstrip() for line in page_text.split("\n")]
        lines = [line for line in lines if line.strip()]
        if not lines:
            continue
        width = max(len(line) for line in lines)
        for line in lines:
            starts = bool(_PARA_START.match(line))
            # a wrapped line runs to the margin; a visibly short one ended its paragraph
            prev_ended = prev is not None and len(prev) < 0.8 * width
            if prev is None or starts or prev_ended or not out:
                out.append(RawParagraph(line.strip(), page_no))
            else:
                out[-1].text += " " + line.strip()
            prev = line
    return out
