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
CONFLICT_INTRO = "Tài liệu có {n} số liệu khác nhau cho nội dung này:"
CONFLICT_ITEM = "• Mục «{section}»: {quote}"
GUARD_FALLBACK = "(Câu trả lời của mô hình ngôn ngữ có số liệu không khớp nguồn; hiển thị trích dẫn gốc.)"

# Reliability (ingest conversions, store shared between processes)
FILE_CONVERTED = "Tệp «{name}» dùng bảng mã {encoding}; đã tự chuyển sang Unicode khi nạp."
STORE_WAITING = (
    "Kho dữ liệu tại {path} đang được một tiến trình khác dùng (ví dụ «vankien serve» hoặc một lần nạp khác); "
    "đang chờ… Muốn nhiều tiến trình cùng dùng một kho, hãy chạy máy chủ Chroma (VANKIEN_CHROMA_URL)."
)
STORE_IN_USE = (
    "Kho dữ liệu tại {path} đang được một tiến trình khác dùng và chưa được giải phóng. "
    "Hãy dừng tiến trình đó (ví dụ «vankien serve») rồi thử lại, hoặc dùng máy chủ Chroma (VANKIEN_CHROMA_URL) "
    "để nhiều tiến trình cùng dùng một kho."
)
FILE_NAME_UNSAFE = (
    "Tên tệp «{name}» không hợp lệ: tên không được chứa đường dẫn (/ hoặc \\) hay ký tự điều khiển. "
    "Hãy đổi tên tệp rồi nạp lại."
)
STORE_INCOMPLETE = (
    "Kho vector ({where}) thiếu dữ liệu so với danh mục tài liệu ({vectors} vector, cần ít nhất {chunks}): "
    "có thể máy chủ Chroma đã được khởi động với thư mục dữ liệu khác. Hãy dùng đúng thư mục đó, "
    "hoặc xóa các tài liệu (vankien remove) rồi nạp lại."
)
