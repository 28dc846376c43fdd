"""Synthetic reports for the scale benchmark (``vankien bench --sizes``).

Each one is the bundled report rewritten for another province and term: place
names, years, figures, dates, document numbers, a few stock phrases and the
order of bullet lists all change, deterministically from a seed. The result
reads like a sibling report of another Sở: the same vocabulary and layout, so
the synthetic reports are hard distractors for both BM25 and the embedder
(a question about 82,56% online dossiers now meets 1,000 paragraphs about
online dossiers, each with its own figure).

>>> from pathlib import Path
>>> paths = generate(Path("/tmp/synth"), 3, seed=7)   # doctest: +SKIP
"""
from __future__ import annotations

import random
import re
from pathlib import Path

from vankien.vietnamese import find_docnums, nfc

# Places of the real report and the pools they are drawn from (NFC, as written).
PROVINCE = "Phú Thọ"
PROVINCES = [
    "Hà Giang", "Cao Bằng", "Lào Cai", "Tuyên Quang", "Lạng Sơn", "Bắc Kạn", "Thái Nguyên", "Yên Bái",
    "Sơn La", "Hòa Bình", "Điện Biên", "Lai Châu", "Vĩnh Phúc", "Bắc Ninh", "Bắc Giang", "Quảng Ninh",
    "Hải Dương", "Hưng Yên", "Thái Bình", "Nam Định", "Ninh Bình", "Hà Nam", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Quảng Nam", "Quảng Ngãi", "Bình Định", "Phú Yên", "Khánh Hòa",
    "Ninh Thuận", "Bình Thuận", "Kon Tum", "Gia Lai", "Đắk Lắk", "Đắk Nông", "Lâm Đồng", "Bình Phước",
    "Tây Ninh", "Bình Dương", "Đồng Nai", "Long An", "Tiền Giang", "Bến Tre", "Trà Vinh", "Vĩnh Long",
    "Đồng Tháp", "An Giang", "Kiên Giang", "Hậu Giang", "Sóc Trăng", "Bạc Liêu", "Cà Mau",
]
CITY = "Việt Trì"
CITIES = ["Thái Bình", "Nam Định", "Vĩnh Yên", "Bắc Giang", "Hạ Long", "Thanh Hóa", "Vinh", "Đồng Hới",
          "Quy Nhơn", "Tuy Hòa", "Nha Trang", "Phan Thiết", "Buôn Ma Thuột", "Đà Lạt", "Long Xuyên", "Rạch Giá"]
DISTRICTS = ["Yên Lập", "Tam Nông", "Thanh Sơn"]
DISTRICT_POOL = ["Lập Thạch", "Tam Đảo", "Sông Lô", "Yên Thế", "Lục Nam", "Tân Yên", "Kim Bôi", "Lạc Sơn",
                 "Mai Châu", "Đoan Hùng", "Hạ Hòa", "Cẩm Khê", "Thanh Thủy", "Phù Ninh", "Lâm Thao", "Tiên Du",
                 "Gia Bình", "Vũ Thư", "Kiến Xương", "Hải Hậu", "Nghĩa Hưng", "Quỳnh Lưu", "Diễn Châu"]

# Stock phrases with a plausible alternative; each report flips a random subset.
PHRASES = [
    ("đẩy mạnh", "tăng cường"),
    ("hoàn thành", "hoàn tất"),
    ("nâng cao", "cải thiện"),
    ("triển khai", "tổ chức thực hiện"),
    ("Ủy ban nhân dân", "UBND"),
    ("kịp thời", "đúng thời hạn"),
    ("cơ sở dữ liệu", "CSDL"),
    ("thủ tục hành chính", "TTHC"),
]

# Issuers of national documents: their numbers stay (every province cites 57-NQ/TW).
_NATIONAL = re.compile(r"(^|/|-)(TW|QH\d*|CP|TTG|TTg|BKHCN|BTTTT|BCT|BTC|BNV|BCA|BQP)$")
_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?![\d/])")
_MONTH_YEAR = re.compile(r"(?<![\d/])(\d{1,2})/((?:19|20)\d\d)(?![\d/])")
_YEAR = re.compile(r"(?<![\d.,/])((?:19[89]|20[0-4])\d)(?![\d]|[.,]\d)")
_FRACTION = re.compile(r"(?<![\d.,/])(\d{1,3})/(\d{1,3})(?![\d/]|[.,]\d)")
_FIGURE = re.compile(r"(?<![\w./,])(\d{1,3}(?:\.\d{3})+|\d+)(,\d+)?(%?)(?!\w|[.,/]\d)")
_HEADING_NUMBER = re.compile(r"^\s*(?:[IVXL]+|\d+(?:\.\d+)*)\.\s")


def generate(folder: Path, count: int, seed: int = 0, source: Path | None = None,
             paragraphs: int | None = None) -> list[Path]:
    """Write ``count`` synthetic reports to ``folder`` and return their paths.

    ``paragraphs`` keeps only the report's first N lines (small test corpora).
    The same (source, count, seed, paragraphs) always gives the same bytes.
    """
    from vankien.settings import BUNDLED_CORPUS

    source = source or next(BUNDLED_CORPUS.glob("*.txt"))
    lines = nfc(source.read_text(encoding="utf-8")).split("\n")
    if paragraphs:
        lines = lines[:paragraphs]
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(count):
        rng = random.Random(f"{seed}:{i}")
        text, province = synthesize(lines, rng)
        path = folder / f"synth-{seed}-{i:04d}-{_slug(province)}.txt"
        path.write_text(text, encoding="utf-8")
        out.append(path)
    return out


def synthesize(lines: list[str], rng: random.Random) -> tuple[str, str]:
    """One synthetic report from the source ``lines``; returns (text, province)."""
    province = rng.choice(PROVINCES)
    names = {PROVINCE: province, CITY: rng.choice(CITIES)}
    names.update(zip(DISTRICTS, rng.sample(DISTRICT_POOL, len(DISTRICTS))))
    flips = [p for p in PHRASES if rng.random() < 0.5]
    year_shift = rng.choice([-15, -10, -5, 5])  # whole terms: "nhiệm kỳ 2020-2025" -> "2010-2015"
    out = []
    for items in _bullet_runs(lines):
        if len(items) > 2:
            items = _reshuffle(items, rng)
        for line in (line for item in items for line in item):
            line = _replace_names(line, names)
            for a, b in flips:
                line = line.replace(a, b)
            out.append(_vary_numbers(line, rng, year_shift))
    return nfc("\n".join(out)), province


def _bullet_runs(lines: list[str]):
    """Consecutive bullet lines as one run of items; any other line alone.

    An item is a "- " line with the "+ " lines under it, so sub-points move with
    their parent when a run is reshuffled. Footnote markers stay put.
    """
    run: list[list[str]] = []
    for line in lines:
        stripped = line.lstrip()
        if "[" not in line and stripped.startswith("- "):
            run.append([line])
            continue
        if "[" not in line and stripped.startswith("+ "):
            if run:
                run[-1].append(line)
            else:
                run.append([line])
            continue
        if run:
            yield run
            run = []
        yield [[line]]
    if run:
        yield run


def _reshuffle(run: list[list[str]], rng: random.Random) -> list[list[str]]:
    """Shuffle a bullet list; drop one item or repeat one (the report's length stays about the same)."""
    run = run[:]
    rng.shuffle(run)
    r = rng.random()
    if r < 0.3:
        run.pop()
    elif r < 0.6:
        run.append(run[0])
    return run


def _replace_names(line: str, names: dict[str, str]) -> str:
    if not any(n in line for n in names):
        return line
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=len, reverse=True)))
    return pattern.sub(lambda m: names[m.group(0)], line)


def _vary_numbers(line: str, rng: random.Random, year_shift: int) -> str:
    """Change every figure, date, year and local document number of one line."""
    head = _HEADING_NUMBER.match(line)
    keep = head.end() if head else 0  # "2.3. Công tác…" keeps its section number
    protected: list[tuple[int, int]] = [(0, keep)]
    spans: list[tuple[int, int, str]] = []
    for d in find_docnums(line):
        protected.append((d.start, d.end))
        if _NATIONAL.search(d.symbol):
            continue
        new = d.raw.replace(d.number, str(_vary_int(int(d.number), rng)), 1) if d.raw.find(d.number) >= 0 else d.raw
        if d.year:
            new = new.replace(d.year, str(int(d.year) + year_shift), 1)
        spans.append((d.start, d.end, new))

    def free(s: int, e: int) -> bool:
        return all(e <= a or s >= b for a, b in protected)

    for rx, fn in ((_DATE, lambda m: f"{rng.randint(1, 28)}/{m.group(2)}/{int(m.group(3)) + year_shift}"),
                   (_MONTH_YEAR, lambda m: f"{m.group(1)}/{int(m.group(2)) + year_shift}"),
                   (_YEAR, lambda m: str(int(m.group(1)) + year_shift)),
                   (_FRACTION, lambda m: _vary_fraction(m, rng)),
                   (_FIGURE, lambda m: _vary_figure(m, rng))):
        for m in rx.finditer(line):
            if free(m.start(), m.end()):
                spans.append((m.start(), m.end(), fn(m)))
                protected.append((m.start(), m.end()))
    for s, e, new in sorted(spans, reverse=True):
        line = line[:s] + new + line[e:]
    return line


def _vary_int(n: int, rng: random.Random) -> int:
    if n <= 3:
        return n + rng.randint(0, 3)
    return max(1, round(n * rng.uniform(0.55, 1.6)))


def _vary_fraction(m: re.Match, rng: random.Random) -> str:
    """'05/6' (five of six targets) -> '03/6': the numerator stays within the whole."""
    num, den = m.group(1), m.group(2)
    new = rng.randint(1, max(int(den), 1))
    return f"{new:0{len(num)}d}/{den}"


def _vary_figure(m: re.Match, rng: random.Random) -> str:
    """'3.916' -> '5.102'; '82,56%' -> '64,13%' (a share stays under 100); '05' -> '07'."""
    whole, frac, pct = m.group(1), m.group(2) or "", m.group(3)
    digits = whole.replace(".", "")
    value = int(digits) + (float("0." + frac[1:]) if frac else 0.0)
    if pct and value <= 100:  # a share: move it within 1-100%, and "100%" often stays
        if value == 100 and rng.random() < 0.6:
            new = 100.0
        else:
            new = min(max(value + rng.uniform(-0.35, 0.35) * max(value, 10.0), 1.0), 100.0)
    else:
        new = value * rng.uniform(0.55, 1.6)
    decimals = len(frac) - 1 if frac else 0
    if decimals:
        s = f"{new:.{decimals}f}"
        int_part, dec_part = s.split(".")
    else:
        int_part, dec_part = str(max(int(round(new)), 0)), ""
    if "." in whole:  # thousands grouped with dots
        int_part = f"{int(int_part):,}".replace(",", ".")
    elif digits.startswith("0") and len(digits) > 1:  # "05" keeps its width
        int_part = int_part.zfill(len(digits))
    return int_part + ("," + dec_part if dec_part else "") + pct


def _slug(name: str) -> str:
    from vankien.vietnamese import strip_accents

    return re.sub(r"[^a-z0-9]+", "-", strip_accents(name).lower()).strip("-")


def main(argv: list[str] | None = None) -> int:
    """``python -m eval.synth FOLDER COUNT [SEED]``"""
    import sys

    args = argv if argv is not None else sys.argv[1:]
    folder, count = Path(args[0]), int(args[1])
    seed = int(args[2]) if len(args) > 2 else 0
    for p in generate(folder, count, seed=seed):
        print(p)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
