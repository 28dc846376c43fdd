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
NOT_FOUND_FOREIGN = ("Chưa hiểu được câu hỏi này: nhiều từ tiếng nước ngoài chưa có trong bảng thuật ngữ. "
                     "Hãy đặt câu hỏi bằng tiếng Việt.")
QUESTION_EMPTY = "Vui lòng nhập câu hỏi."
QUESTION_TOO_LONG = "Câu hỏi quá dài ({n} ký tự); hãy hỏi ngắn gọn, tối đa {limit} ký tự."
QUESTION_NO_WORDS = "Câu hỏi không có từ nào để tìm kiếm. Vui lòng nhập câu hỏi bằng chữ."
ANSWER_PREFIX = "Theo {source} ({section}): "
# No digits in templates: the figure guard checks every number in an answer.
CONFLICT_INTRO = "Tài liệu có hai số liệu khác nhau cho nội dung này:"
CONFLICT_ITEM = "• Mục «{section}»: {quote}"

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

# App (Gradio): labels, buttons, notes
APP_TITLE = "Vankien — Trợ lý tra cứu báo cáo"
APP_SUBTITLE = (
    "Hỏi đáp trên các báo cáo đã nạp. Mỗi câu trả lời kèm trích dẫn nguyên văn (tệp, mục, trang/chú thích); "
    "mọi số liệu đều có trong đoạn trích dẫn. Chạy hoàn toàn offline."
)
UI_TAB_CHAT = "Hỏi đáp"
UI_TAB_DOCS = "Tài liệu"
UI_TAB_CHECK = "Kiểm tra số văn bản"
UI_TAB_DRAFT = "Soạn dự thảo"
UI_CHAT_LABEL = "Hội thoại"
UI_CHAT_PLACEHOLDER = "Đặt câu hỏi về nội dung các báo cáo, ví dụ một số liệu, một văn bản hay một chỉ tiêu."
UI_QUESTION_PLACEHOLDER = "Nhập câu hỏi rồi nhấn Enter…"
UI_SEND = "Gửi"
UI_CLEAR_CHAT = "Xóa hội thoại"
UI_EXAMPLES = "Câu hỏi mẫu (bấm để hỏi)"
UI_EXAMPLE_LABELS = ("Một số liệu", "Chi tiết trong chú thích", "Số văn bản", "Chỉ tiêu 2025–2030")
UI_FIGURES = "Số liệu:"
UI_SOURCES = "Nguồn trích dẫn ({n}):"
UI_CITE_FILE = "Tệp:"
UI_CITE_SECTION = "Mục:"
UI_CITE_PAGE = "Trang:"
UI_CITE_FOOTNOTE = "Chú thích số:"
UI_CONFLICT_SOURCE = "Nguồn: {source} — {section}"
UI_UPLOAD_LABEL = "Chọn tệp PDF, DOCX hoặc TXT (có thể chọn nhiều tệp; tối đa {limit_mb:.0f} MB mỗi tệp)"
UI_UPLOAD_BUTTON = "Nạp vào kho"
UI_UPLOAD_NONE = "Chưa chọn tệp nào."
UI_UPLOAD_PROGRESS = "Đang nạp «{name}» ({i}/{n})"
UI_DOCS_LABEL = "Tài liệu trong kho"
UI_DOCS_HEADERS = ("Tên tài liệu", "Số đoạn", "Ngày nạp")
UI_DELETE_PICK = "Chọn tài liệu cần xóa"
UI_DELETE_BUTTON = "Xóa tài liệu"
UI_DELETE_NONE = "Hãy chọn một tài liệu để xóa."
UI_CHECK_INPUT = "Dán văn bản cần kiểm tra số, ký hiệu văn bản"
UI_CHECK_BUTTON = "Kiểm tra"
UI_CHECK_NONE = "Không tìm thấy số văn bản nào trong đoạn văn bản đã dán."
UI_CHECK_FOUND = "Có trong tài liệu"
UI_CHECK_DATE_MISMATCH = "Sai ngày"
UI_CHECK_NOT_FOUND = "Không tìm thấy"
UI_CHECK_HEADERS = ("Số văn bản", "Kết quả", "Loại", "Cơ quan ban hành", "Trích yếu", "Ngày trong tài liệu", "Gợi ý", "Trích dẫn")
UI_DRAFT_TOPIC = "Chủ đề cần soạn"
UI_DRAFT_BUTTON = "Soạn dự thảo"
UI_DRAFT_DOWNLOAD = "Tải bản DOCX"
UI_DRAFT_EMPTY = "Vui lòng nhập chủ đề cần soạn."
UI_IN_DEVELOPMENT = "Tính năng đang được phát triển."
UI_UPLOAD_TEXT_EMPTY = "Vui lòng dán văn bản cần kiểm tra."
UI_THINKING = "Đang tìm câu trả lời…"
# Gradio's own interface strings (it ships no Vietnamese): passed to launch(i18n=...).
# Flat dotted keys are looked up before Gradio's built-in nested English ones.
GRADIO_TRANSLATIONS = {
    "upload_text.drop_file": "Thả tệp vào đây",
    "upload_text.click_to_upload": "Bấm để chọn tệp",
    "upload_text.drop_csv": "Thả tệp CSV vào đây",
    "common.or": "hoặc",
    "common.upload": "Tải lên",
    "common.clear": "Xóa",
    "common.remove": "Bỏ",
    "common.download": "Tải xuống",
    "common.error": "Lỗi",
    "common.loading": "Đang tải",
    "common.empty": "Trống",
    "common.settings": "Cài đặt",
    "common.submit": "Gửi",
    "common.undo": "Hoàn tác",
    "common.progress": "Tiến độ",
    "errors.use_via_api": "Dùng qua API",
    "errors.use_via_api_or_mcp": "Dùng qua API hoặc MCP",
    "file.uploading": "Đang tải lên…",
    "chatbot.clear": "Xóa",
    "chatbot.retry": "Thử lại",
    "chatbot.undo": "Hoàn tác",
    "chatbot.copy_message": "Sao chép",
    "chatbot.copied_message": "Đã sao chép",
    "chat_interface.conversation": "Hội thoại",
    "chat_interface.chatbot": "Hội thoại",
    "status.queue_position": "Đang chờ: {position}/{size}",
    "blocks.waiting_for_inputs": "Đang chờ tải tệp lên xong, vui lòng thử lại.",
    "blocks.lost_connection": "Mất kết nối; đang kết nối lại…",
    "dataframe.sort_column": "Sắp xếp cột",
    "dataframe.sort_ascending": "Tăng dần",
    "dataframe.sort_descending": "Giảm dần",
    "dataframe.clear_sort": "Bỏ sắp xếp",
    "dataframe.filter": "Lọc",
    "dataframe.clear_filter": "Bỏ lọc",
}

GUARD_FALLBACK = "(Câu trả lời của mô hình ngôn ngữ không khớp hoặc không trích dẫn đúng nguồn; hiển thị trích dẫn gốc.)"

# Optional LLM backend (VANKIEN_LLM)
LLM_SPEC_INVALID = (
    "Giá trị VANKIEN_LLM «{value}» không hợp lệ. Dùng một trong: none, llama-cpp:/đường/dẫn/mô-hình.gguf, "
    "ollama:TÊN_MÔ_HÌNH, openai:TÊN_MÔ_HÌNH."
)
LLM_EXTRA_MISSING = "Chưa cài llama-cpp-python cho VANKIEN_LLM=llama-cpp:… Hãy chạy: pip install '.[llm]'"
LLM_MODEL_MISSING = "Không tìm thấy tệp mô hình «{path}» (VANKIEN_LLM). Hãy kiểm tra lại đường dẫn tới tệp .gguf."
LLM_DOWN = "Không kết nối được máy chủ mô hình ngôn ngữ tại {url}. Hãy kiểm tra máy chủ đã chạy chưa (VANKIEN_LLM_URL)."
LLM_SERVER_ERROR = "Máy chủ mô hình ngôn ngữ tại {url} báo lỗi {status}: {detail}"


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
