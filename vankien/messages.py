"""Every Vietnamese message a user sees, in one place so they can be reviewed together."""

# Ingest errors ({name} is the file name as the user gave it)
FILE_NOT_FOUND = "Không tìm thấy tệp «{name}»."
FILE_EMPTY = "Tệp «{name}» rỗng, không có nội dung để đưa vào kho."
FILE_TOO_LARGE = "Tệp «{name}» quá lớn ({size_mb:.0f} MB); giới hạn là {limit_mb:.0f} MB. Hãy tách tệp thành nhiều phần nhỏ hơn."
FILE_UNKNOWN_FORMAT = "Không hỗ trợ định dạng của tệp «{name}». Chỉ nhận tệp PDF, DOCX và TXT."
FILE_BINARY_TXT = "Tệp «{name}» không phải là văn bản (có vẻ là dữ liệu nhị phân). Hãy kiểm tra lại tệp."
FILE_LEGACY_ENCODING = (
    "Tệp «{name}» dùng bảng mã cũ ({encoding}), không phải Unicode. "
    "Hãy chuyển sang Unicode (ví dụ bằng Unikey: Công cụ chuyển mã) rồi nạp lại."
)
FILE_BAD_ENCODING = "Không đọc được bảng mã của tệp «{name}». Hãy lưu lại tệp ở dạng Unicode (UTF-8)."
PDF_CORRUPT = "Tệp PDF «{name}» bị hỏng hoặc không đọc được."
PDF_ENCRYPTED = "Tệp PDF «{name}» được đặt mật khẩu. Hãy gỡ mật khẩu rồi nạp lại."
PDF_NO_TEXT = (
    "Tệp PDF «{name}» không có lớp văn bản (có thể là bản scan). "
    "Hệ thống chưa hỗ trợ nhận dạng chữ (OCR); hãy dùng bản PDF có chữ hoặc bản Word."
)
DOCX_CORRUPT = "Tệp Word «{name}» bị hỏng hoặc không phải tệp DOCX hợp lệ."
NO_TEXT = "Tệp «{name}» không có nội dung văn bản để đưa vào kho."
FILE_NAME_INVALID = "Tên tệp «{name}» không hợp lệ."

# Index
INDEX_MISMATCH = (
    "Kho dữ liệu tại {path} được tạo với cấu hình khác ({detail}). "
    "Hãy xóa thư mục đó hoặc nạp lại tài liệu (vankien ingest) với cấu hình hiện tại."
)
CHROMA_DOWN = "Không kết nối được máy chủ Chroma tại {url}. Hãy kiểm tra máy chủ đã chạy chưa rồi thử lại."
INDEX_BUSY = "Kho dữ liệu đang được cập nhật bởi một tiến trình khác. Vui lòng thử lại sau ít phút."
DOC_NOT_FOUND = "Không có tài liệu nào tên «{name}» trong kho."
DOC_REMOVED = "Đã xóa tài liệu «{name}» ({chunks} đoạn)."
INGESTED = "Đã nạp «{name}»: {chunks} đoạn."
ALREADY_INGESTED = "«{name}» đã có trong kho (không thay đổi)."
FIRST_RUN = "Kho dữ liệu trống: đang nạp báo cáo đi kèm…"

# Answers
NOT_FOUND = "Không tìm thấy thông tin này trong các tài liệu đã nạp."
QUESTION_EMPTY = "Vui lòng nhập câu hỏi."
QUESTION_TOO_LONG = "Câu hỏi quá dài ({n} ký tự); hãy hỏi ngắn gọn, tối đa {limit} ký tự."
QUESTION_NO_WORDS = "Câu hỏi không có từ nào để tìm kiếm. Vui lòng nhập câu hỏi bằng chữ."
ANSWER_PREFIX = "Theo {source} ({section}): "
# No digits in templates: the figure guard checks every number in an answer.
CONFLICT_INTRO = "Tài liệu có hai số liệu khác nhau cho nội dung này:"
CONFLICT_ITEM = "• Mục «{section}»: {quote}"
GUARD_FALLBACK = "(Câu trả lời của mô hình ngôn ngữ có số liệu không khớp nguồn; hiển thị trích dẫn gốc.)"

# Document numbers (vankien.docnums): answers, check-doc, docnums
DOCNUM_NOT_IN_FILES = "Số văn bản này không có trong các tài liệu đã nạp."
DOCNUM_SUGGEST_INTRO = "Các văn bản có số gần giống trong tài liệu:"
DOCNUM_SUGGEST_ITEM = "• {quote}"
DOCNUM_DATE_DIFFERS = "Lưu ý: ngày của văn bản trong tài liệu khác với ngày trong câu hỏi."
CHECK_TEXT_EMPTY = "Vui lòng nhập đoạn văn cần kiểm tra: vankien check-doc \"ĐOẠN VĂN\" (hoặc \"-\" để đọc từ stdin)."
CHECK_NO_REFERENCES = "Không thấy số, ký hiệu văn bản nào trong đoạn văn."
CHECK_FOUND = "✓ {type} số {number}: có trong tài liệu, ngày {dates}."
CHECK_FOUND_NO_DATE = "✓ {type} số {number}: có trong tài liệu (tài liệu không ghi ngày)."
CHECK_DATE_MISMATCH = "✗ {type} số {number}: sai ngày; tài liệu ghi ngày {dates}."
CHECK_NOT_FOUND = "? {type} số {number}: không có trong tài liệu."
CHECK_SUGGESTIONS = "  Số gần giống có trong tài liệu: {numbers}."
CHECK_SUBJECT = "  Trích yếu: {subject}"
CHECK_CITATION = "  [{i}] {source} — {section}: «{quote}»"
DOCNUMS_EMPTY = "Chưa có văn bản nào được nhắc đến trong các tài liệu đã nạp."
DOCNUMS_TOTAL = "{n} số văn bản trong các tài liệu đã nạp."

# Drafts (vankien draft, "Soạn dự thảo" tab)
DRAFT_TOPIC_EMPTY = "Vui lòng nhập chủ đề cần soạn dự thảo, ví dụ: «chuyển đổi số»."
DRAFT_TOPIC_TOO_LONG = "Chủ đề quá dài ({n} ký tự); hãy nêu ngắn gọn, tối đa {limit} ký tự."
DRAFT_NOT_FOUND = (
    "Các tài liệu đã nạp không có nội dung về «{topic}», nên không soạn được dự thảo. "
    "Hãy thử một chủ đề khác hoặc nạp thêm tài liệu có nội dung này."
)
DRAFT_OUT_NOT_DOCX = "Tệp xuất «{name}» phải có đuôi .docx."
DRAFT_SAVED = "Đã lưu dự thảo vào «{path}»."
DRAFT_TITLE = "Dự thảo kế hoạch {topic}{period}"
DRAFT_PERIOD = " giai đoạn {start}–{end}"
DRAFT_BASIS = "Căn cứ xây dựng kế hoạch"
DRAFT_RESULTS = "I. Kết quả đạt được{period}"
DRAFT_LIMITATIONS = "II. Tồn tại, hạn chế"
DRAFT_TARGETS = "III. Mục tiêu, chỉ tiêu{period}"
DRAFT_TASKS = "IV. Nhiệm vụ, giải pháp"
DRAFT_BASIS_ITEM = "Căn cứ {statement}"
DRAFT_SECTION_EMPTY = "(Tài liệu chưa có nội dung về «{topic}» cho mục này; đề nghị bổ sung.)"
DRAFT_SOURCES = "Nguồn trích dẫn"
DRAFT_SOURCE_ITEM = "{source}, mục «{section}»{where}: «{quote}»"
DRAFT_FOOTNOTE = ", chú thích {n}"
DRAFT_PAGE = ", trang {n}"
DRAFT_ORG = "TÊN CƠ QUAN, ĐƠN VỊ"
DRAFT_DOCNUM = "Số: …/KH-…"
DRAFT_NATION = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
DRAFT_MOTTO = "Độc lập - Tự do - Hạnh phúc"
DRAFT_PLACE_DATE = "…, ngày … tháng … năm …"
DRAFT_MARK = "DỰ THẢO"
