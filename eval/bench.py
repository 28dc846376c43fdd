"""``vankien bench``: speed and scale on this machine, all in one run.

Measures, for the bundled report (or ``--report``):

* cold ingest: a fresh process and an empty ``VANKIEN_HOME`` (start-up, parse,
  embed, index), wall and CPU time;
* start-up of ``vankien ask --jsonl`` (imports + opening the index);
* peak RSS of the processes a user runs: the ingest, ``ask --jsonl`` over every
  question, and ``serve`` once it answers HTTP;
* warm latency per question (p50/p95) for vankien and, interleaved question by
  question so that both see the same load, for the naive llama-index pipeline
  (eval/naive.py); and where vankien's time goes, stage by stage.

With ``--sizes 1,10,100,1000`` it then grows one index from the real report to
N reports (the real one + N−1 from eval/synth.py) and reports ingest
throughput, latency and retrieval hit@5 of the real report's questions at each
size. Sizes above ``--real-max`` store proxy vectors instead of embedding every
synthetic chunk (see :class:`ProxyEmbedding`); the section says which rows are
measured and which are extrapolated.

The results replace the part of eval/RESULTS.md between ``<!-- bench:start -->``
and ``<!-- bench:end -->``; the quality section belongs to ``vankien eval``.
Timings live here, never in test assertions.
"""
from __future__ import annotations

import json
import os
import platform
import random
import re
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import zlib
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from eval import score
from eval.results import replace_section

HERE = Path(__file__).resolve().parent
REPO_ROOT = HERE.parent
RESULTS = HERE / "RESULTS.md"
QUESTIONS = HERE / "questions.jsonl"
START, END = "<!-- bench:start -->", "<!-- bench:end -->"
WARMUP = "Báo cáo này do cơ quan nào ban hành?"  # not an eval question: loads caches, not timed

TARGETS = {"latency_p50_ms": 80, "latency_p95_ms": 200, "speedup": 2.0, "startup_s": 3.0,
           "cold_ingest_s": 30.0, "peak_rss_mb": 1536, "scale_ingest_s": 30 * 60, "scale_p50_factor": 2.0}


# --- small helpers --------------------------------------------------------------

def percentile(values: list[float], p: float) -> float:
    """Linear-interpolated percentile: ``percentile([1, 2, 3, 4], 50)`` -> 2.5."""
    xs = sorted(values)
    if not xs:
        return float("nan")
    k = (len(xs) - 1) * p / 100
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def load_questions(path: Path = QUESTIONS, limit: int = 0) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        qs = [json.loads(line) for line in f if line.strip()]
    return qs[:limit] if limit else qs


def evidence_hit(question: dict, texts: list[str]) -> bool:
    """A retrieved text holds the question's evidence (the eval's own rule)."""
    return score.evidence_hit(question, texts) is not None


def write_section(text: str, path: Path) -> None:
    """Replace the bench section of RESULTS.md (other tools own the other sections)."""
    replace_section(path, "bench", text)


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs) if xs else float("nan")


def _loadavg() -> float:
    return round(os.getloadavg()[0], 2)


def _du_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def _env(home: Path) -> dict[str, str]:
    """Environment of a child ``vankien``: this checkout first on the path, its own home."""
    env = dict(os.environ)
    env["VANKIEN_HOME"] = str(home)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO_ROOT)] + [p for p in env.get("PYTHONPATH", "").split(os.pathsep) if p])
    return env


@dataclass
class ProcRun:
    wall_s: float
    cpu_s: float
    peak_rss_mb: float
    stdout: str


def run_process(cmd: list[str], env: dict[str, str], stdin: Path | None = None) -> ProcRun:
    """Run a child to completion; its own CPU time and peak RSS come from wait4."""
    t0 = time.perf_counter()
    with open(stdin or os.devnull, "rb") as fin, tempfile.TemporaryFile() as fout, tempfile.TemporaryFile() as ferr:
        proc = subprocess.Popen(cmd, stdin=fin, stdout=fout, stderr=ferr, env=env, cwd=REPO_ROOT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        fout.seek(0)
        ferr.seek(0)
        out, err = fout.read().decode("utf-8", "replace"), ferr.read().decode("utf-8", "replace")
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {proc.returncode}:\n{err[-3000:]}")
    return ProcRun(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out)


def serve_peak_rss(home: Path, timeout: float = 180.0) -> float | None:
    """Start ``vankien serve`` on a free loopback port, wait for HTTP 200, read its
    peak RSS (VmHWM), stop it. None when it does not come up in time."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    cmd = [sys.executable, "-m", "vankien.cli", "serve", "--host", "127.0.0.1", "--port", str(port)]
    proc = subprocess.Popen(cmd, env=_env(home), cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and proc.poll() is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5) as r:
                    if r.status == 200:
                        status = Path(f"/proc/{proc.pid}/status").read_text()
                        return int(re.search(r"VmHWM:\s+(\d+)", status).group(1)) / 1024
            except OSError:
                time.sleep(0.5)
        return None
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


# --- embedding seams used by the benchmark -----------------------------------------

class TimedEmbedding:
    """The real model, with the time spent embedding passages counted (ingest split)."""

    def __init__(self, model):
        self.model = model
        self.model_name = model.model_name
        self.dim = model.dim
        self.seconds = 0.0
        self.texts = 0

    def get_text_embedding_batch(self, texts, **kw):
        t = time.perf_counter()
        out = self.model.get_text_embedding_batch(texts, **kw)
        self.seconds += time.perf_counter() - t
        self.texts += len(texts)
        return out

    def get_text_embedding(self, text):
        return self.get_text_embedding_batch([text])[0]

    def get_query_embedding(self, text):
        return self.model.get_query_embedding(text)


class ProxyEmbedding(TimedEmbedding):
    """Vectors for synthetic chunks without running the model on each of them.

    A synthetic chunk is a real chunk with other names, figures and years, so
    its vector is the real chunk's vector (found by the text's *skeleton*:
    accents, digits and place names removed, stock-phrase swaps undone) plus
    noise, scaled so that the proxy sits as far from its source as real
    embeddings of synthetic chunks were measured to sit (``calibrate``).
    Queries still go through the real model. Labelled as proxy in RESULTS.md.
    """

    def __init__(self, model, sources: list[tuple[str, list[float]]]):
        super().__init__(model)
        import numpy as np

        from index.lexical import LexicalIndex

        self.np = np
        self.by_key: dict[str, int] = {}
        self.vectors = np.asarray([v for _, v in sources], dtype=np.float32)
        keys = [skeleton(t) for t, _ in sources]
        for i, k in enumerate(keys):
            self.by_key.setdefault(k, i)
        self.fallback = LexicalIndex.build((str(i), k) for i, k in enumerate(keys))
        self.sigma = 0.25
        self.exact = self.nearest = 0

    def source_index(self, text: str) -> int:
        key = skeleton(text)
        i = self.by_key.get(key)
        if i is not None:
            self.exact += 1
            return i
        self.nearest += 1
        found = self.fallback.search(key, 1)
        return int(found[0][0]) if found else random.Random(key).randrange(len(self.vectors))

    def proxy(self, text: str) -> list[float]:
        np = self.np
        v = self.vectors[self.source_index(text)]
        rng = np.random.default_rng(zlib.crc32(text.encode("utf-8")))  # same text, same vector, every run
        noise = rng.standard_normal(v.shape[0]).astype(np.float32)
        out = v + self.sigma * noise / np.linalg.norm(noise)
        return (out / np.linalg.norm(out)).tolist()

    def calibrate(self, texts: list[str], real: list[list[float]]) -> float:
        """Set the noise so that proxies sit at the measured mean cosine from their source."""
        np = self.np
        cos = [float(np.dot(self.vectors[self.source_index(t)], np.asarray(r))) for t, r in zip(texts, real)]
        c = min(max(sum(cos) / len(cos), 0.5), 0.999)
        self.sigma = float(np.sqrt(1 / c**2 - 1))
        return c

    def get_text_embedding_batch(self, texts, **kw):
        t = time.perf_counter()
        out = [self.proxy(x) for x in texts]
        self.seconds += time.perf_counter() - t
        self.texts += len(texts)
        return out


_DIGITS = re.compile(r"\d+(?:[.,/]\d+)*")


def skeleton(text: str) -> str:
    """What stays the same between a report and its synthetic siblings.

    >>> skeleton("Tỷ lệ đạt 82,56% tại Phú Thọ năm 2021") == skeleton("Tỷ lệ đạt 64,1% tại Hòa Bình năm 2011")
    True
    """
    from eval import synth
    from vankien.vietnamese import strip_accents

    t = text
    for a, b in synth.PHRASES:
        t = t.replace(b, a)
    for name in _place_names():
        t = t.replace(name, "#")
    t = strip_accents(t).lower()
    return " ".join(_DIGITS.sub("0", t).split())


_PLACES: list[str] = []


def _place_names() -> list[str]:
    if not _PLACES:
        from eval import synth

        names = {synth.PROVINCE, synth.CITY, *synth.PROVINCES, *synth.CITIES, *synth.DISTRICTS, *synth.DISTRICT_POOL}
        _PLACES.extend(sorted(names, key=len, reverse=True))
    return _PLACES


# --- measuring questions ------------------------------------------------------------

@dataclass
class Latency:
    ask_ms: list[float] = field(default_factory=list)
    naive_ms: list[float] = field(default_factory=list)
    ask_cpu_ms: list[float] = field(default_factory=list)  # all threads of this process
    naive_cpu_ms: list[float] = field(default_factory=list)
    stages: dict[str, list[float]] = field(default_factory=dict)
    hits5: list[bool] = field(default_factory=list)  # a top-5 chunk of the real report holds the evidence
    hits5_anchored: list[bool] = field(default_factory=list)  # same, questions with a figure, year or number
    hits5_any: list[bool] = field(default_factory=list)  # the same passage from any report (text skeleton)
    fast_path_share: float = 0.0  # questions retrieved without the query embedding (lexical fast path)

    def stage(self, name: str, ms: float) -> None:
        self.stages.setdefault(name, []).append(ms)

    def summary(self) -> dict:
        out = {"n": len(self.ask_ms), "p50_ms": percentile(self.ask_ms, 50), "p95_ms": percentile(self.ask_ms, 95),
               "mean_ms": _mean(self.ask_ms), "cpu_mean_ms": _mean(self.ask_cpu_ms),
               "fast_path_share": self.fast_path_share,
               "stages_p50_ms": {k: percentile(v, 50) for k, v in self.stages.items()},
               "stages_mean_ms": {k: sum(v) / len(v) for k, v in self.stages.items()}}
        if self.naive_ms:
            out.update(naive_p50_ms=percentile(self.naive_ms, 50), naive_p95_ms=percentile(self.naive_ms, 95),
                       naive_cpu_mean_ms=_mean(self.naive_cpu_ms))
        for name, xs in (("hit5", self.hits5), ("hit5_anchored", self.hits5_anchored), ("hit5_any", self.hits5_any)):
            if xs:
                out[name], out[name + "_n"] = sum(xs) / len(xs), len(xs)
        return out


def measure_questions(assistant, questions: list[dict], naive=None, real_source: str | None = None) -> Latency:
    """Time ``assistant.ask`` per question (and the naive pipeline right after it, so
    that both meet the same machine load), then a second pass timing the stages and
    checking hit@5 (a top-5 chunk of ``real_source`` holding the evidence)."""
    from eval.naive import naive_answer

    lat = Latency()
    assistant.ask(WARMUP)
    if naive is not None:
        naive_answer(naive, WARMUP)
    for q in questions:
        t, c = time.perf_counter(), time.process_time()
        assistant.ask(q["question"])
        lat.ask_ms.append((time.perf_counter() - t) * 1000)
        lat.ask_cpu_ms.append((time.process_time() - c) * 1000)
        if naive is not None:
            t, c = time.perf_counter(), time.process_time()
            naive_answer(naive, q["question"])
            lat.naive_ms.append((time.perf_counter() - t) * 1000)
            lat.naive_cpu_ms.append((time.process_time() - c) * 1000)
    index, retriever = assistant.index, assistant.retriever
    k = retriever.params.candidates
    embedded = []  # questions whose retrieval needed the query embedding (no lexical fast path)
    real_embedding = index.query_embedding
    for q in questions:
        text = assistant.search_text(q["question"])  # English: in the report's words
        t0 = time.perf_counter()
        index.lexical.search(text, k)
        t1 = time.perf_counter()
        emb = index.embed_model.get_query_embedding(text)
        t2 = time.perf_counter()
        index.vectors.query(emb, k)
        t3 = time.perf_counter()
        calls = []
        index.query_embedding = lambda t, _c=calls: _c.append(t) or real_embedding(t)
        try:
            hits = retriever.retrieve(text)
        finally:
            index.query_embedding = real_embedding
        embedded.append(bool(calls))
        t4 = time.perf_counter()
        assistant.answerer.answer(text, hits, typed=q["question"] if text != q["question"] else None)
        t5 = time.perf_counter()
        for name, ms in (("bm25", t1 - t0), ("query embedding", t2 - t1), ("chroma", t3 - t2),
                         ("retrieve: BM25, the dense side unless the lexical fast path decides, fusion, catalog", t4 - t3),
                         ("answer", t5 - t4)):
            lat.stage(name, ms * 1000)
        if real_source is not None and q.get("answerable", True) and q.get("evidence"):
            real = evidence_hit(q, [h.chunk.text for h in hits[:5] if h.chunk.source == real_source])
            lat.hits5.append(real)
            if re.search(r"\d", text):
                lat.hits5_anchored.append(real)
            lat.hits5_any.append(_same_passage_hit(q, [h.chunk.text for h in hits[:5]]))
    lat.fast_path_share = 1 - sum(embedded) / len(embedded) if embedded else 0.0
    return lat


def _same_passage_hit(question: dict, texts: list[str]) -> bool:
    """The evidence's passage, in whichever report: skeletons compared (figures, places ignored)."""
    ev = question.get("evidence") or []
    evs = [skeleton(e) for e in ([ev] if isinstance(ev, str) else ev) if e and e.strip()]
    return any(e in skeleton(t) for t in texts for e in evs)


def profile_questions(assistant, questions: list[dict], lines: int = 40) -> str:
    """pyinstrument's view of asking every question once (warm)."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return "(pyinstrument is not installed: pip install pyinstrument)"
    assistant.ask(WARMUP)
    prof = Profiler(interval=0.001)
    prof.start()
    for q in questions:
        assistant.ask(q["question"])
    prof.stop()
    text = prof.output_text(unicode=True, color=False, show_all=False)
    body = [ln for ln in text.splitlines() if ln.strip()]
    start = next((i for i, ln in enumerate(body) if re.match(r"\s*\d+\.\d+ ", ln)), 0)  # after the banner
    return "\n".join(body[start:start + lines])


# --- the runs -----------------------------------------------------------------------

def bench_report(report: Path, questions: list[dict], work: Path, serve: bool = True, profile: bool = False) -> dict:
    """Cold ingest, start-up, RSS, warm latency vs naive, for one report."""
    from eval.naive import build_naive
    from vankien.pipeline import Assistant
    from vankien.settings import Settings

    py = [sys.executable, "-m", "vankien.cli"]
    home = work / "home"
    shutil.rmtree(home, ignore_errors=True)
    res: dict = {"report": report.name, "report_mb": report.stat().st_size / 2**20, "load_start": _loadavg()}

    cold = run_process(py + ["ingest", str(report)], _env(home))
    res["cold_ingest"] = {"wall_s": cold.wall_s, "cpu_s": cold.cpu_s, "peak_rss_mb": cold.peak_rss_mb}

    starts = [run_process(py + ["ask", "--jsonl"], _env(home)) for _ in range(3)]
    res["startup_s"] = {"median": percentile([s.wall_s for s in starts], 50), "min": min(s.wall_s for s in starts),
                        "cpu_median": percentile([s.cpu_s for s in starts], 50)}

    qfile = work / "questions-in.jsonl"
    qfile.write_text("".join(json.dumps({"id": q["id"], "question": q["question"]}, ensure_ascii=False) + "\n"
                             for q in questions), encoding="utf-8")
    batch = run_process(py + ["ask", "--jsonl"], _env(home), stdin=qfile)
    answers = [json.loads(line) for line in batch.stdout.splitlines() if line.strip()]
    res["ask_process"] = {"wall_s": batch.wall_s, "cpu_s": batch.cpu_s, "peak_rss_mb": batch.peak_rss_mb,
                          "answers": len(answers)}
    res["serve_peak_rss_mb"] = serve_peak_rss(home) if serve else None

    settings = Settings.from_env({"VANKIEN_HOME": str(home)})
    assistant = Assistant(settings)
    chunks = assistant.index.catalog.count_chunks()
    res["chunks"] = chunks
    t = time.perf_counter()
    naive = build_naive(report, assistant.index.embed_model)
    res["naive_build_s"] = time.perf_counter() - t
    res["naive_chunks"] = len(naive._index.docstore.docs)
    lat = measure_questions(assistant, questions, naive=naive, real_source=report.name)
    res["latency"] = lat.summary()
    res["profile"] = profile_questions(assistant, questions) if profile else ""
    res["load_end"] = _loadavg()
    res["assistant"] = assistant  # reused by the scale run (not serialised)
    return res


def bench_scale(report: Path, questions: list[dict], sizes: list[int], work: Path, base: dict,
                real_max: int = 10, seed: int = 0, synth_paragraphs: int | None = None,
                calibration_sample: int = 48) -> list[dict]:
    """Grow one index from the real report to each size; measure every step."""
    from eval.synth import generate
    from index.store import Index
    from vankien.pipeline import Assistant
    from vankien.settings import Settings

    base_assistant = base["assistant"]
    model = base_assistant.index.embed_model
    synth_dir = work / "synth"
    shutil.rmtree(synth_dir, ignore_errors=True)
    t = time.perf_counter()
    synth_paths = generate(synth_dir, max(sizes) - 1, seed=seed, source=report, paragraphs=synth_paragraphs)
    gen_s = time.perf_counter() - t

    home = work / "scale"
    shutil.rmtree(home, ignore_errors=True)
    shutil.copytree(work / "home", home)  # size 1 = the cold-ingested report
    settings = Settings.from_env({"VANKIEN_HOME": str(home)})

    timed = TimedEmbedding(model)
    first = Index(settings, embed_model=timed)
    got = first.vectors.collection.get(include=["documents", "embeddings"])
    first.close()  # an embedded Chroma folder belongs to one open store at a time
    sources = list(zip(got["documents"], [list(map(float, e)) for e in got["embeddings"]]))
    proxy = ProxyEmbedding(model, sources)
    calib_texts: list[str] = []
    calib_real: list[list[float]] = []

    rows: list[dict] = []
    have = 1
    embed_rate = None  # chunks per second of wall time, from this run's real embedding
    cos = None
    for n in sizes:
        add = synth_paths[have - 1:n - 1]
        real = n <= real_max
        emb = timed if real else proxy
        if not real and cos is None:
            if not calib_texts:  # no real step with synthetic reports before: embed a sample
                calib_texts, calib_real, rate = _calibration_sample(add[0], settings, model, calibration_sample, seed)
                embed_rate = embed_rate or rate
            cos = proxy.calibrate(calib_texts, calib_real)
        index = Index(settings, embed_model=emb)
        assistant = Assistant(settings, index=index)
        before_s, before_n, before_chunks = emb.seconds, emb.texts, index.catalog.count_chunks()
        load0 = _loadavg()
        t = time.perf_counter()
        assistant.ingest(add)
        t_bm25 = time.perf_counter()
        index.lexical  # the BM25 rebuild is part of ingest: the first question would pay it
        step_s = time.perf_counter() - t
        bm25_s = time.perf_counter() - t_bm25
        t_kept = time.perf_counter()
        index.build_lexical()  # what the next change costs: every document's terms are kept now
        bm25_kept_s = time.perf_counter() - t_kept
        embed_s, embedded = emb.seconds - before_s, emb.texts - before_n
        if real and embedded:
            embed_rate = embedded / embed_s
            if not calib_texts:  # real vectors of synthetic chunks: calibrate the proxy's noise
                calib_texts, calib_real = _calibration_pairs(index, add, calibration_sample)
        have = n
        chunks = index.catalog.count_chunks()
        row = {"size": n, "docs": len(index.documents()), "chunks": chunks, "vectors": index.vectors.count(),
               "text_mb": report.stat().st_size / 2**20 + sum(p.stat().st_size for p in synth_paths[:n - 1]) / 2**20,
               "added": len(add), "added_chunks": chunks - before_chunks, "embedded_chunks": embedded, "step_s": step_s, "embed_s": embed_s, "bm25_build_s": bm25_s,
               "bm25_rebuild_kept_s": bm25_kept_s,
               "vectors_kind": "real" if real else "proxy", "load_start": load0}
        if n == 1:
            row.update(step_s=base["cold_ingest"]["wall_s"], embed_s=None, added=1, added_chunks=chunks, embedded_chunks=chunks,
                       cold=True)
        row["first_pass_p50_ms"] = _pass_p50(assistant, questions)
        lat = measure_questions(assistant, questions, real_source=report.name)
        row["latency"] = lat.summary()
        row["latency"]["full_hybrid_p50_ms"] = _full_hybrid_p50(assistant, questions)
        py = [sys.executable, "-m", "vankien.cli", "ask", "--jsonl"]
        # An embedded Chroma folder belongs to one process: let the CLI have it.
        index.close()
        row["startup_s"] = run_process(py, _env(home)).wall_s
        row["ask_peak_rss_mb"] = run_process(py, _env(home), stdin=work / "questions-in.jsonl").peak_rss_mb
        row["disk_mb"] = _du_mb(home)
        row["bench_peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        row["load_end"] = _loadavg()
        rows.append(row)
    meta = {"generate_s": gen_s, "synth_reports": len(synth_paths), "embed_rate": embed_rate,
            "proxy_cos": cos, "proxy_sigma": proxy.sigma, "proxy_exact": proxy.exact, "proxy_nearest": proxy.nearest,
            "calibration_n": len(calib_texts)}
    for r in rows:
        r["meta"] = meta
        if r["vectors_kind"] == "proxy" and embed_rate:
            # what embedding the added chunks for real would have cost at this run's measured rate
            r["projected_step_s"] = (r["step_s"] - r["embed_s"]) + r["embedded_chunks"] / embed_rate
    return rows


def _pass_p50(assistant, questions: list[dict]) -> float:
    """p50 of one pass over the questions. Run right after a step's ingest it is the first
    pass: at 1,000 reports the index (2.6 GB) is read from disk as questions touch it, and
    the warm figures come after it."""
    ms = []
    for q in questions:
        t = time.perf_counter()
        assistant.ask(q["question"])
        ms.append((time.perf_counter() - t) * 1000)
    return percentile(ms, 50)


def _full_hybrid_p50(assistant, questions: list[dict]) -> float:
    """p50 with the lexical fast path off (the dense side on every question): how the
    engines themselves scale, apart from how often BM25 alone is decisive."""
    from dataclasses import replace

    saved = assistant.retriever.params
    assistant.retriever.params = replace(saved, decisive_coverage=0.0)
    try:
        return _pass_p50(assistant, questions)
    finally:
        assistant.retriever.params = saved


def _calibration_sample(path: Path, settings, model, k: int, seed: int):
    """Embed ``k`` chunks of one synthetic report for real: (texts, vectors, chunks per second)."""
    from ingest import parse_file

    doc = parse_file(path, settings.chunking)
    sample = random.Random(seed).sample(doc.chunks, min(k, len(doc.chunks)))
    texts = [c.embed_text() for c in sample]
    t = time.perf_counter()
    vectors = model.get_text_embedding_batch(texts)
    return texts, vectors, len(texts) / (time.perf_counter() - t)


def _calibration_pairs(index, paths: list[Path], k: int) -> tuple[list[str], list[list[float]]]:
    """(embed text, stored real vector) of up to ``k`` chunks of the synthetic reports just embedded."""
    from ingest import file_sha256

    shas = [file_sha256(p) for p in paths]
    got = index.vectors.collection.get(where={"doc_id": {"$in": shas}} if shas else None,
                                       include=["documents", "embeddings"], limit=k)
    return list(got["documents"]), [list(map(float, e)) for e in got["embeddings"]]


# --- the report ---------------------------------------------------------------------

def _dur(seconds: float) -> str:
    """'42 s', '65 min', '11.8 h'."""
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _ok(ok: bool | None) -> str:
    return "–" if ok is None else ("✓" if ok else "✗")


def render(base: dict, scale: list[dict] | None, info: dict) -> str:
    T = TARGETS
    lat = base["latency"]
    speedup = lat["naive_p50_ms"] / lat["p50_ms"] if lat.get("naive_p50_ms") else None
    rss = [x for x in (base["cold_ingest"]["peak_rss_mb"], base["ask_process"]["peak_rss_mb"], base["serve_peak_rss_mb"]) if x]
    peak = max(rss)
    cold = base["cold_ingest"]
    lines = [
        "## Speed and scale (`vankien bench`)", "",
        f"Run {info['date']} on {info['machine']}; {info['questions']} questions from eval/questions.jsonl; "
        f"the run took {info['seconds']:.0f} s. The CPU was shared: load average {base['load_start']} at the start, "
        f"{base['load_end']} at the end of the single-report part (2 cores = 2.0 fully busy), so wall times "
        "include waiting for a core; CPU times do not.", "",
        "| measure | result | target | met |", "|---|---|---|---|",
        f"| cold ingest of `{base['report']}` ({base['chunks']} chunks): new process, empty home | "
        f"{cold['wall_s']:.1f} s wall, {cold['cpu_s']:.1f} s CPU | ≤ {T['cold_ingest_s']:.0f} s | {_ok(cold['wall_s'] <= T['cold_ingest_s'])} |",
        f"| `vankien ask --jsonl` start-up (imports + open index), median of 3 | {base['startup_s']['median']:.2f} s wall "
        f"(min {base['startup_s']['min']:.2f} s), {base['startup_s']['cpu_median']:.2f} s CPU | ≤ {T['startup_s']:.0f} s | "
        f"{_ok(base['startup_s']['median'] <= T['startup_s'])} |",
        f"| warm latency per question, extractive, p50 / p95 | {lat['p50_ms']:.0f} / {lat['p95_ms']:.0f} ms "
        f"(CPU {lat['cpu_mean_ms']:.0f} ms mean) | ≤ {T['latency_p50_ms']} / ≤ {T['latency_p95_ms']} ms | "
        f"{_ok(lat['p50_ms'] <= T['latency_p50_ms'] and lat['p95_ms'] <= T['latency_p95_ms'])} |",
    ]
    if speedup is not None:
        lines += [
            f"| naive llama-index pipeline ({base['naive_chunks']} chunks of 1024 tokens, dense top-2, top chunk as answer), "
            f"p50 / p95 | {lat['naive_p50_ms']:.0f} / {lat['naive_p95_ms']:.0f} ms "
            f"(CPU {lat['naive_cpu_mean_ms']:.0f} ms mean) | | |",
            f"| naive p50 / vankien p50 (same questions, interleaved) | {speedup:.2f}× "
            f"(CPU: {lat['naive_cpu_mean_ms'] / lat['cpu_mean_ms']:.2f}×) | ≥ {T['speedup']:.0f}× | {_ok(speedup >= T['speedup'])} |",
        ]
    serve = f"{base['serve_peak_rss_mb']:.0f}" if base["serve_peak_rss_mb"] else "not measured"
    lines += [
        f"| peak RSS: ingest / `ask --jsonl` ({base['ask_process']['answers']} answers) / `serve` (up, idle) | "
        f"{cold['peak_rss_mb']:.0f} / {base['ask_process']['peak_rss_mb']:.0f} / {serve} MB | ≤ {T['peak_rss_mb']} MB | "
        f"{_ok(peak <= T['peak_rss_mb'])} |",
        "",
        "Where a warm question's time goes (vankien, per question; timed stage by stage in a second pass; "
        "each stage is timed for every question, but `retrieve` computes the query embedding and asks Chroma only "
        f"when BM25 + coverage do not single out one passage: {lat.get('fast_path_share', 0):.0%} of the questions "
        "took the lexical fast path):", "",
        "| stage | p50 ms | mean ms |", "|---|---|---|",
    ]
    for k, v in lat["stages_p50_ms"].items():
        lines.append(f"| {k} | {v:.1f} | {lat['stages_mean_ms'][k]:.1f} |")
    lines += ["", f"Naive pipeline build (split + embed {base['naive_chunks']} long chunks, in memory): "
              f"{base['naive_build_s']:.1f} s; hit@5 of vankien on its own index: {lat.get('hit5', float('nan')):.3f} "
              f"({lat.get('hit5_n', 0)} answerable questions)."]
    if base.get("profile"):
        lines += ["", "<details><summary>pyinstrument, warm questions (top lines)</summary>", "", "```",
                  base["profile"], "```", "", "</details>"]
    if scale:
        lines += _render_scale(scale, base)
    return "\n".join(lines)


def _reused(r: dict) -> str:
    """How many of a step's chunks kept a vector the store already held (the same text)."""
    reused = r["added_chunks"] - r["embedded_chunks"]
    return f"; {reused:,} of {r['added_chunks']:,} chunks repeat a stored text word for word: vector reused" if reused else ""


def _render_scale(rows: list[dict], base: dict) -> list[str]:
    meta = rows[0]["meta"]
    p50_1 = rows[0]["latency"]["p50_ms"]
    out = ["", "### Scale: the real report among synthetic ones", "",
           f"Size N = the real report + N−1 synthetic reports (eval/synth.py, seed 0; generated in {meta['generate_s']:.0f} s), "
           "ingested into one growing index, one step per row.", "",
           "| reports | text MB | chunks | vectors | ingest of this step | of which BM25 rebuild | BM25 rebuild at the next change "
           "(terms kept) | ingest throughput | index on disk |",
           "|---|---|---|---|---|---|---|---|---|"]
    for i, r in enumerate(rows):
        mb_added = r["text_mb"] if r.get("cold") else (r["text_mb"] - rows[i - 1]["text_mb"])
        if r.get("cold"):
            ingest = f"{r['step_s']:.0f} s (cold, measured)"
            thr_s = r["step_s"]
        elif r["vectors_kind"] == "real":
            ingest = f"{r['step_s']:.0f} s measured (+{r['added']} reports, embedding {r['embed_s']:.0f} s{_reused(r)})"
            thr_s = r["step_s"]
        elif r.get("projected_step_s"):
            ingest = (f"{_dur(r['projected_step_s'])} **projected** (+{r['added']} reports: "
                      f"{r['step_s'] - r['embed_s']:.0f} s measured without embedding + "
                      f"{r['embedded_chunks']:,} chunks to embed at the measured embedding rate{_reused(r)})")
            thr_s = r["projected_step_s"]
        else:
            ingest = f"{r['step_s'] - r['embed_s']:.0f} s without embedding (proxy vectors)"
            thr_s = r["step_s"] - r["embed_s"]
        thr = f"{mb_added / thr_s * 60:.2f} MB/min, {r['added_chunks'] / thr_s:.1f} chunks/s" if thr_s > 0 else "–"
        out.append(
            f"| {r['size']:,} | {r['text_mb']:.1f} | {r['chunks']:,} | {r['vectors']:,} ({r['vectors_kind']}) | {ingest} | "
            f"{'–' if r.get('cold') else format(r['bm25_build_s'], '.0f') + ' s'} | "
            f"{r['bm25_rebuild_kept_s']:.1f} s | {thr} | {r['disk_mb']:.0f} MB |")
    n_any = rows[0]["latency"].get("hit5_n", 0)
    n_anch = rows[0]["latency"].get("hit5_anchored_n", 0)
    out += ["", f"Questions at each size ({rows[0]['latency']['n']} questions, warm: after a first pass over them, whose p50 "
            f"is given apart (the index is read from disk as questions touch it); hit@5 over the {n_any} answerable ones):", "",
            "| reports | p50 / p95 ms | p50, first pass | lexical fast path | p50, dense side always | BM25 p50 | Chroma p50 | query emb. p50 | answer p50 | `ask --jsonl` start-up | "
            f"its peak RSS | hit@5, real report | hit@5, real report, {n_anch} questions with a number | "
            "hit@5, same passage in any report |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        lat, st = r["latency"], r["latency"]["stages_p50_ms"]
        out.append(
            f"| {r['size']:,} | {lat['p50_ms']:.0f} / {lat['p95_ms']:.0f} | {r.get('first_pass_p50_ms', float('nan')):.0f} | "
            f"{lat.get('fast_path_share', 0):.0%} | "
            f"{lat.get('full_hybrid_p50_ms', float('nan')):.0f} | {st['bm25']:.1f} | {st['chroma']:.1f} | "
            f"{st['query embedding']:.1f} | {st['answer']:.1f} | {r['startup_s']:.1f} s | {r['ask_peak_rss_mb']:.0f} MB | "
            f"{lat.get('hit5', float('nan')):.3f} | {lat.get('hit5_anchored', float('nan')):.3f} | "
            f"{lat.get('hit5_any', float('nan')):.3f} |")
    out += ["", "A synthetic report is the real one for another province and term, so a question that names no "
            "figure, year or document number (\"Ở cấp xã, tỷ lệ hồ sơ … là bao nhiêu?\") is answered equally well by "
            "each of the N sibling passages: for those, finding the real report's passage in the top 5 is luck "
            "(about 5/N). The last column counts the same passage from any report (figures and places ignored): "
            "that is what retrieval can be held to; the column before it, questions that carry a number, shows how "
            "well a figure, year or document number still singles out the real report."]
    last = rows[-1]
    first = rows[0]
    growth = last["chunks"] / max(first["chunks"], 1)
    b1, bN = first["latency"]["stages_p50_ms"]["bm25"], last["latency"]["stages_p50_ms"]["bm25"]
    c1, cN = first["latency"]["stages_p50_ms"]["chroma"], last["latency"]["stages_p50_ms"]["chroma"]
    factor = last["latency"]["p50_ms"] / p50_1
    full1, fullN = first["latency"].get("full_hybrid_p50_ms"), last["latency"].get("full_hybrid_p50_ms")
    full_factor = fullN / full1 if full1 and fullN else float("nan")
    out += ["",
            f"From {first['size']} to {last['size']:,} reports the index grew {growth:.0f}×; BM25 p50 went "
            f"{b1:.1f} → {bN:.1f} ms (×{bN / max(b1, 1e-9):.1f}), Chroma p50 {c1:.1f} → {cN:.1f} ms (×{cN / max(c1, 1e-9):.1f}), "
            f"whole question p50 ×{factor:.2f} (target ≤ ×{TARGETS['scale_p50_factor']:.0f}: {_ok(factor <= TARGETS['scale_p50_factor'])}); "
            f"with the dense side on every question ×{full_factor:.2f} ({_ok(full_factor <= TARGETS['scale_p50_factor'])}). "
            "The lexical fast path answers most questions on one report from BM25 alone, but among near-identical "
            "sibling reports no passage stands out by its terms, so the dense side runs again: the fast path makes "
            "one report faster rather than many reports slower (where the two best lexical passages tie, the same "
            "sentence in two reports, it is not even tried). "
            "BM25 (bm25s) adds up the posting lists of the question's terms and then selects the top k over every "
            "chunk, so its cost follows the number of chunks that share a common syllable with the question; "
            "Chroma's HNSW graph visits O(log N) nodes. The query embedding does not depend on the index size. "
            "What grows linearly is ingest's BM25 rebuild: bm25s cannot add documents to an index, so every change "
            f"re-indexes every chunk. Each document is tokenized once and its terms kept (lexical/terms-t*/), so a "
            f"step tokenizes only the reports it adds ({last['bm25_build_s']:.0f} s at {last['size']:,} reports, "
            f"{last['added']:,} of them new) and the next change costs the re-indexing alone ({last['bm25_rebuild_kept_s']:.0f} s). "
            f"Peak RSS of the benchmark process (index open, BM25 rebuilt) after the last step: "
            f"{last['bench_peak_rss_mb']:.0f} MB.",
            ""]
    proxy_rows = [r for r in rows if r["vectors_kind"] == "proxy"]
    if proxy_rows:
        cos = f"{meta['proxy_cos']:.3f}" if meta["proxy_cos"] is not None else "n/a"
        rate = f"{meta['embed_rate']:.2f} chunks/s" if meta["embed_rate"] else "n/a"
        out += [f"**Measured vs. extrapolated.** Rows marked *proxy* did not run the embedder on the synthetic "
                f"chunks: each got the stored vector of the real chunk it was rewritten from (matched by text skeleton: "
                f"{meta['proxy_exact']:,} exact, {meta['proxy_nearest']:,} by nearest BM25 neighbour) plus noise "
                f"calibrated to the cosine measured between real embeddings of {meta['calibration_n']} synthetic chunks "
                f"and their sources (mean {cos}, σ = {meta['proxy_sigma']:.3f}). Everything else in those rows (parsing, "
                f"catalog, Chroma inserts and HNSW, BM25 rebuild, every query with the real query embedding) ran for real. "
                f"Their ingest time is projected as: measured time without embedding + chunks ÷ the embedding rate "
                f"measured in this run ({rate}, wall)."]
    return out


# --- CLI ----------------------------------------------------------------------------

def cmd_bench(args, settings) -> int:
    from vankien.settings import BUNDLED_CORPUS

    t0 = time.time()
    report = Path(args.report) if args.report else next(BUNDLED_CORPUS.glob("*.txt"))
    questions = load_questions(Path(args.questions_file), args.questions)
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="vankien-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    sizes = sorted({int(s) for s in args.sizes.split(",") if s.strip()}) if args.sizes else []
    if sizes and sizes[0] != 1:
        sizes = [1] + sizes
    base = bench_report(report, questions, work, serve=not args.no_serve, profile=args.profile)
    scale = bench_scale(report, questions, sizes, work, base, real_max=args.real_max, seed=args.seed,
                        synth_paragraphs=args.synth_paragraphs or None) if sizes else None
    info = {"date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "questions": len(questions),
            "seconds": time.time() - t0,
            "machine": f"{os.cpu_count()} CPU cores ({platform.processor() or platform.machine()}), "
                       f"Python {platform.python_version()}"}
    text = render(base, scale, info)
    raw = {k: v for k, v in base.items() if k != "assistant"}
    (work / "bench.json").write_text(json.dumps({"base": raw, "scale": scale, "info": info}, ensure_ascii=False,
                                                indent=1, default=str), encoding="utf-8")
    if args.out:
        write_section(text, Path(args.out))
    print(text)
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def register(sub) -> None:
    s = sub.add_parser("bench", help="đo tốc độ: nạp, khởi động, độ trễ, bộ nhớ; --sizes: quy mô")
    s.add_argument("--sizes", default="", help="e.g. 1,10,100,1000: also grow the index to N reports (real + synthetic)")
    s.add_argument("--questions", type=int, default=0, help="first N eval questions (0: all)")
    s.add_argument("--questions-file", default=str(QUESTIONS))
    s.add_argument("--report", default="", help="report to benchmark (default: the bundled one)")
    s.add_argument("--out", default=str(RESULTS), help="RESULTS.md whose bench section is replaced ('' to skip)")
    s.add_argument("--work", default="", help="keep working files (homes, synthetic reports, bench.json) here")
    s.add_argument("--real-max", type=int, default=10, help="sizes above this store proxy vectors for synthetic chunks")
    s.add_argument("--seed", type=int, default=0)
    s.add_argument("--synth-paragraphs", type=int, default=0, help="synthetic reports keep the first N lines (tests)")
    s.add_argument("--no-serve", action="store_true", help="skip the `serve` RSS measurement")
    s.add_argument("--profile", action="store_true", help="add pyinstrument's top lines for the warm questions")
    s.set_defaults(func=cmd_bench)
