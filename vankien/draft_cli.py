"""``vankien draft "CHỦ ĐỀ" [--out FILE.docx] [--json]``: a cited plan skeleton for a topic.

Text (default) or JSON on stdout; with ``--out`` the Word document is written too and
a one-line note goes to stderr, so ``--json --out x.docx`` still prints clean JSON.
"""
from __future__ import annotations

import sys
from pathlib import Path


def register(subparsers) -> None:
    s = subparsers.add_parser("draft", help="soạn dự thảo kế hoạch theo chủ đề, mọi số liệu có trích dẫn")
    s.add_argument("topic", help='chủ đề, ví dụ "chuyển đổi số"')
    s.add_argument("--out", type=Path, help="lưu dự thảo ra tệp Word (.docx)")
    s.add_argument("--json", action="store_true", help="in dự thảo dạng JSON")
    s.set_defaults(func=cmd_draft)


def cmd_draft(args, settings) -> int:
    from vankien import messages as msg
    from vankien.cli import _assistant, _dump
    from vankien.draft import draft, to_docx, to_text
    from vankien.errors import VankienError

    if args.out is not None and args.out.suffix.lower() != ".docx":
        raise VankienError(msg.DRAFT_OUT_NOT_DOCX.format(name=args.out))
    d = draft(_assistant(settings), args.topic)
    if args.out is not None:
        to_docx(d, args.out)
        print(msg.DRAFT_SAVED.format(path=args.out), file=sys.stderr)
    print(_dump(d) if args.json else to_text(d))
    return 0
