"""``vankien check-doc`` and ``vankien docnums``: the document-number checker and registry.

Exit 0 whenever the check ran, even when references are not in the files (that is
the answer, not a failure); 2 for a problem the user can fix (empty text).
"""
from __future__ import annotations

import sys


def register(subparsers) -> None:
    s = subparsers.add_parser("check-doc", help="kiểm tra số, ký hiệu và ngày văn bản trong một đoạn văn")
    s.add_argument("text", help='đoạn văn cần kiểm tra, hoặc "-" để đọc từ stdin')
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_check_doc)

    s = subparsers.add_parser("docnums", help="liệt kê các văn bản được nhắc đến trong tài liệu đã nạp")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_docnums)


def cmd_check_doc(args, settings) -> int:
    from vankien import messages as msg
    from vankien.cli import _assistant, _dump
    from vankien.docnums import check_text, vn_dates
    from vankien.errors import VankienError

    text = sys.stdin.read() if args.text == "-" else args.text
    if not text.strip():
        raise VankienError(msg.CHECK_TEXT_EMPTY)
    result = check_text(_assistant(settings), text)
    if args.json:
        print(_dump(result))
        return 0
    if not result["documents"]:
        print(msg.CHECK_NO_REFERENCES)
    for d in result["documents"]:
        fields = {"type": d["type"], "number": d["number"], "dates": vn_dates(d["corpus_dates"])}
        if d["status"] == "found":
            print((msg.CHECK_FOUND if d["corpus_dates"] else msg.CHECK_FOUND_NO_DATE).format(**fields))
        elif d["status"] == "date_mismatch":
            print(msg.CHECK_DATE_MISMATCH.format(**fields))
        else:
            print(msg.CHECK_NOT_FOUND.format(**fields))
            if d["suggestions"]:
                print(msg.CHECK_SUGGESTIONS.format(numbers=", ".join(d["suggestions"])))
        if d["status"] != "not_found" and d["subject"]:
            print(msg.CHECK_SUBJECT.format(subject=d["subject"]))
        for i, c in enumerate(d["citations"][:3], 1):
            print(msg.CHECK_CITATION.format(i=i, source=c["source"], section=c["section"], quote=c["quote"]))
    return 0


def cmd_docnums(args, settings) -> int:
    from vankien import messages as msg
    from vankien.cli import _assistant, _dump
    from vankien.docnums import registry_for, vn_dates

    entries = registry_for(_assistant(settings)).entries()
    if args.json:
        print(_dump(entries))
        return 0
    if not entries:
        print(msg.DOCNUMS_EMPTY)
        return 0
    for e in entries:
        subject = e["subject"] or ""
        if len(subject) > 90:
            subject = subject[:89] + "…"
        print(f"{e['number']}\t{e['type']}\t{vn_dates(e['dates']) or '-'}\t{len(e['mentions'])} lần\t{subject}")
    print(msg.DOCNUMS_TOTAL.format(n=len(entries)))
    return 0
