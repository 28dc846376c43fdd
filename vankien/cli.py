"""``vankien``: a thin group of verbs over :class:`vankien.pipeline.Assistant`.

Exit codes: 0 ok, 2 a problem the user can fix (message in Vietnamese on stderr).
"""
from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path

from vankien.errors import VankienError
from vankien.settings import Settings, enforce_offline

log = logging.getLogger("vankien")


def _progress_bar():
    """A tqdm bar per file on stderr (the terminal), silent when stderr is not a TTY."""
    from tqdm import tqdm

    bars: dict[str, tqdm] = {}

    def cb(name: str, done: int, total: int) -> None:
        bar = bars.get(name)
        if bar is None:
            bar = bars[name] = tqdm(total=total, desc=name[:40], unit="đoạn", file=sys.stderr, leave=False)
        bar.n = done
        bar.refresh()
        if done >= total:
            bar.close()

    return cb


def _assistant(settings: Settings, ensure: bool = True):
    from vankien.pipeline import Assistant

    a = Assistant(settings)
    if ensure:
        a.ensure_corpus(_progress_bar())
    return a


def _dump(obj) -> str:
    return json.dumps(obj, ensure_ascii=False)


# --- verbs ---------------------------------------------------------------------

def cmd_ingest(args, settings: Settings) -> int:
    """Each file is atomic on its own: a bad file is reported and skipped, the
    others go in, and the exit code is 2 if any failed."""
    from ingest import collect_files
    from vankien.errors import IngestError

    a = _assistant(settings, ensure=False)
    failed = 0
    for f in collect_files([Path(p) for p in args.paths]):
        try:
            for r in a.ingest([f], _progress_bar()):
                print(_dump(r.__dict__) if args.json else r.message)
        except IngestError as e:
            failed += 1
            print(f"Lỗi: {e}", file=sys.stderr)
    return 2 if failed else 0


def cmd_docs(args, settings: Settings) -> int:
    a = _assistant(settings, ensure=False)
    docs = a.documents()
    if args.json:
        print(_dump([{k: d[k] for k in ("name", "sha256", "chunks", "ingested_at")} for d in docs]))
    else:
        for d in docs:
            print(f"{d['name']}\t{d['sha256'][:12]}\t{d['chunks']} đoạn\t{d['ingested_at']}")
    return 0


def cmd_remove(args, settings: Settings) -> int:
    from vankien import messages as msg

    a = _assistant(settings, ensure=False)
    for d in a.remove(args.name):
        print(msg.DOC_REMOVED.format(name=d["name"], chunks=d["chunks"]))
    return 0


def cmd_ask(args, settings: Settings) -> int:
    a = _assistant(settings)
    if args.jsonl:
        for line in sys.stdin:
            if not line.strip():
                continue
            try:
                item = json.loads(line)
                qid, question = item.get("id"), str(item.get("question", ""))
            except (json.JSONDecodeError, AttributeError):
                qid, question = None, ""
            print(_dump(a.ask(question, id=qid).to_dict()), flush=True)
        return 0
    if not args.question:
        raise VankienError("Vui lòng nhập câu hỏi: vankien ask \"CÂU HỎI\"")
    ans = a.ask(args.question)
    if args.json:
        print(_dump(ans.to_dict()))
    else:
        print(ans.answer)
        if ans.guard == "fallback":
            from vankien import messages as msg

            print(msg.GUARD_FALLBACK)
        for i, c in enumerate(ans.citations, 1):
            where = c.section + (f", trang {c.page}" if c.page else "") + (f", chú thích {c.footnote}" if c.footnote else "")
            print(f"[{i}] {c.source} — {where}\n    «{c.quote}»")
    return 0


def cmd_serve(args, settings: Settings) -> int:
    import app

    a = _assistant(settings)
    app.serve(a, host=args.host, port=args.port)
    return 0


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="vankien", description="Trợ lý hỏi đáp có trích dẫn trên báo cáo (offline).")
    p.add_argument("-v", "--verbose", action="store_true", help="log chi tiết (tiếng Anh) ra stderr")
    sub = p.add_subparsers(dest="command", required=True)

    s = sub.add_parser("ingest", help="nạp tệp hoặc thư mục (PDF, DOCX, TXT)")
    s.add_argument("paths", nargs="+")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_ingest)

    s = sub.add_parser("docs", help="liệt kê tài liệu đã nạp")
    s.add_argument("--json", action="store_true")
    s.set_defaults(func=cmd_docs)

    s = sub.add_parser("remove", help="xóa một tài liệu khỏi kho")
    s.add_argument("name")
    s.set_defaults(func=cmd_remove)

    s = sub.add_parser("ask", help="đặt câu hỏi")
    s.add_argument("question", nargs="?")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--json", action="store_true")
    g.add_argument("--jsonl", action="store_true", help='đọc {"id","question"} từng dòng từ stdin')
    s.set_defaults(func=cmd_ask)

    s = sub.add_parser("serve", help="chạy giao diện web")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=7860)
    s.set_defaults(func=cmd_serve)

    _register_extra(sub)
    return p


def _register_extra(sub) -> None:
    """Verbs that live in their own modules (eval, bench, check-doc, docnums, draft).
    Each module has ``register(subparsers)``; imports inside stay lazy for start-up time."""
    for module in ("eval.run", "eval.bench", "vankien.docnums_cli", "vankien.draft_cli"):
        try:
            mod = __import__(module, fromlist=["register"])
        except ModuleNotFoundError as e:
            if e.name and module.startswith(e.name):
                continue
            raise
        mod.register(sub)


def main(argv: list[str] | None = None) -> int:
    enforce_offline()
    args = build_parser().parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    if not args.verbose:
        # pypdf warns in English about the very files we then report in Vietnamese.
        logging.getLogger("pypdf").setLevel(logging.ERROR)
    settings = Settings.from_env()
    try:
        return args.func(args, settings) or 0
    except VankienError as e:
        print(f"Lỗi: {e}", file=sys.stderr)
        return e.exit_code
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
