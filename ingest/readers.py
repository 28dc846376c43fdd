"""Files -> raw paragraphs with page numbers. One reader per format.

Each reader returns ``list[RawParagraph]`` or raises :class:`IngestError` with a
Vietnamese message naming the file; nothing here touches the index.
"""
from __future__ import annotations

import logging
import re
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


def read_file(path: Path, display_name: str | None = None, max_mb: float = 50.0) -> list[RawParagraph]:
    name = display_name or path.name
    if not path.is_file():
        raise IngestError(msg.FILE_NOT_FOUND.format(name=name), name)
    ext = path.suffix.lower()
    if ext not in SUPPORTED:
        raise IngestError(msg.FILE_UNKNOWN_FORMAT.format(name=name), name)
    size = path.stat().st_size
    if size == 0:
        raise IngestError(msg.FILE_EMPTY.format(name=name), name)
    if size > max_mb * 1024 * 1024:
        raise IngestError(msg.FILE_TOO_LARGE.format(name=name, size_mb=size / 2**20, limit_mb=max_mb), name)
    reader = {".txt": read_txt, ".docx": read_docx, ".pdf": read_pdf}[ext]
    paragraphs = reader(path, name)
    if not any(p.text.strip() for p in paragraphs):
        raise IngestError(msg.NO_TEXT.format(name=name), name)
    return paragraphs


# --- TXT --------------------------------------------------------------------

# Legacy Vietnamese 8-bit encodings leave tell-tale Latin-1 letters when read as
# cp1252: TCVN3 (ABC) uses "¬ § ¸ µ ¶ ·", VNI uses "ø ù ñ ö" after vowels.
_TCVN3_HINT = re.compile(r"[\u00b5\u00b6\u00b7\u00b8\u00ac\u00a7\u00a8\u00a9\u00ae]{1}")
_VNI_HINT = re.compile(r"[aeiouyAEIOUY][\u00f8\u00f9\u00f5\u00f6\u00f3\u00f2\u00ef\u00e6\u00e5\u00e4\u00e2\u00e3]")


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
    return text


def _decode_legacy(data: bytes, name: str) -> str:
    latin = data.decode("cp1252", errors="replace")
    sample = latin[:20000]
    if len(_TCVN3_HINT.findall(sample)) > 5:
        raise IngestError(msg.FILE_LEGACY_ENCODING.format(name=name, encoding="TCVN3/ABC"), name)
    if len(_VNI_HINT.findall(sample)) > 5:
        raise IngestError(msg.FILE_LEGACY_ENCODING.format(name=name, encoding="VNI"), name)
    try:
        # cp1258 is the Windows Vietnamese code page: decodable text in it is real Vietnamese.
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        raise IngestError(msg.FILE_BAD_ENCODING.format(name=name), name) from None
    if sum(1 for c in text[:20000] if ord(c) < 32 and c not in "\n\r\t\f") > 5:
        raise IngestError(msg.FILE_BINARY_TXT.format(name=name), name)
    log.info("%s: decoded as cp1258", name)
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
