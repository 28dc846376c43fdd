"""Bounded load test: N concurrent chat sessions against ``vankien serve`` on loopback.

    python -m eval.load                         # 20 sessions, 120 s, starts `vankien serve` itself
    python -m eval.load --sessions 3 --duration 10 --home /tmp/h --port 7871
    python -m eval.load --url http://127.0.0.1:7860/   # a server that is already running
    python -m eval.load --write                 # also write eval/RESULTS.md (load section)

Each session is its own ``gradio_client.Client`` (its own Gradio session) asking the
eval questions in turn, one at a time, until the time is up; the run is bounded by
``--duration`` plus the answers still in flight. The endpoint is ``/ask`` (the app's
API: the answer JSON); an app without it that has a single endpoint (a plain chat)
is driven through that one.

An error is an exception from the client or an empty/ill-formed reply. Latency is
measured per request on the client side (queue wait included).
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from eval.results import replace_section  # noqa: F401  (eval.modes imports it from here)

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(__file__).with_name("RESULTS.md")
QUESTIONS = Path(__file__).with_name("questions.jsonl")


@dataclass
class Report:
    sessions: int
    duration_s: float
    endpoint: str
    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    statuses: dict[str, int] = field(default_factory=dict)
    wall_s: float = 0.0
    queue: dict = field(default_factory=dict)

    @property
    def requests(self) -> int:
        return len(self.latencies) + len(self.errors)

    def percentile(self, p: float) -> float:
        """Nearest-rank percentile: p95 of 200 latencies is the 190th smallest."""
        xs = sorted(self.latencies)
        if not xs:
            return float("nan")
        k = max(1, -(-len(xs) * p // 100))  # ceil
        return xs[int(k) - 1]

    def as_dict(self) -> dict:
        return {
            "sessions": self.sessions, "duration_s": self.duration_s, "endpoint": self.endpoint,
            "requests": self.requests, "answers": len(self.latencies), "errors": len(self.errors),
            "error_examples": self.errors[:5], "statuses": self.statuses,
            "p50_s": round(self.percentile(50), 3), "p95_s": round(self.percentile(95), 3),
            "p99_s": round(self.percentile(99), 3), "max_s": round(max(self.latencies, default=float("nan")), 3),
            "mean_s": round(statistics.fmean(self.latencies), 3) if self.latencies else None,
            "throughput_rps": round(len(self.latencies) / self.wall_s, 2) if self.wall_s else None,
            "wall_s": round(self.wall_s, 1), "queue": self.queue,
        }


def load_questions(path: Path = QUESTIONS) -> list[str]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line)["question"] for line in f if line.strip()]


def _client(url: str):
    from gradio_client import Client

    return Client(url, verbose=False, analytics_enabled=False, download_files=False)


def pick_endpoint(url: str, wanted: str) -> str:
    names = set(_client(url).view_api(print_info=False, return_format="dict")["named_endpoints"])
    if wanted in names:
        return wanted
    if len(names) == 1:  # an app with one chat function (the placeholder ChatInterface: /respond)
        return names.pop()
    raise SystemExit(f"{url} has no {wanted} endpoint (it has: {', '.join(sorted(names))})")


def queue_settings(url: str, endpoint: str) -> dict:
    """The Gradio queue settings the server runs with, read from its /config."""
    import httpx

    cfg = httpx.get(url.rstrip("/") + "/config", timeout=30).json()
    out = {"max_size": cfg.get("max_size"), "enable_queue": cfg.get("enable_queue")}
    for dep in cfg.get("dependencies", []):
        if "/" + str(dep.get("api_name")) == endpoint:
            out.update({k: dep.get(k) for k in ("concurrency_limit", "concurrency_id", "queue") if k in dep})
    return out


def _check(endpoint: str, result) -> str | None:
    """None if ``result`` is a real reply, else what is wrong with it."""
    if endpoint == "/ask":
        if not isinstance(result, dict) or result.get("status") not in ("answered", "not_found", "conflict"):
            return f"bad reply: {str(result)[:120]}"
        if not result.get("answer"):
            return "empty answer"
        return None
    text = result if isinstance(result, str) else json.dumps(result, ensure_ascii=False)
    return None if text.strip() else "empty answer"


def run_load(url: str, sessions: int = 20, duration: float = 120.0, endpoint: str = "/ask",
             questions: list[str] | None = None) -> Report:
    questions = questions or load_questions()
    endpoint = pick_endpoint(url, endpoint)
    report = Report(sessions, duration, endpoint, queue=queue_settings(url, endpoint))
    lock = threading.Lock()
    deadline_box: list[float] = []  # set once, when every session is connected
    start_line = threading.Barrier(sessions + 1, action=lambda: deadline_box.append(time.monotonic() + duration))

    def session(n: int) -> None:
        try:
            client = _client(url)
        except Exception as e:  # noqa: BLE001 - a failed connection is a measured error, not a crash
            with lock:
                report.errors.append(f"connect: {e!r}")
            start_line.wait()
            return
        start_line.wait()
        i = n  # sessions start at different questions
        while time.monotonic() < deadline_box[0]:
            q = questions[i % len(questions)]
            i += sessions
            t0 = time.monotonic()
            try:
                result = client.predict(q, api_name=endpoint)
                problem = _check(endpoint, result)
            except Exception as e:  # noqa: BLE001 - every failure is counted and shown
                problem = f"{type(e).__name__}: {e}"[:200]
            dt = time.monotonic() - t0
            with lock:
                if problem:
                    report.errors.append(problem)
                else:
                    report.latencies.append(dt)
                    if isinstance(result, dict):
                        report.statuses[result["status"]] = report.statuses.get(result["status"], 0) + 1
        client.close()

    threads = [threading.Thread(target=session, args=(n,), daemon=True) for n in range(sessions)]
    for t in threads:
        t.start()
    start_line.wait()
    t_start = deadline_box[0] - duration
    for t in threads:
        t.join()
    report.wall_s = time.monotonic() - t_start
    return report


class Served:
    """``vankien serve`` as a subprocess on a loopback port (the way a user starts it)."""

    def __init__(self, home: Path, port: int, env: dict | None = None):
        self.url = f"http://127.0.0.1:{port}/"
        self.log = home.parent / f"{home.name}-serve.log"
        full = dict(os.environ, VANKIEN_HOME=str(home), **(env or {}))
        full["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), full.get("PYTHONPATH")]))
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "vankien.cli", "serve", "--host", "127.0.0.1", "--port", str(port)],
                stdout=log, stderr=subprocess.STDOUT, env=full,
            )

    def wait_ready(self, timeout: float = 900) -> None:
        import httpx

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"vankien serve exited with {self.proc.returncode}; see {self.log}")
            try:
                if httpx.get(self.url, timeout=5).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.5)
        raise RuntimeError(f"vankien serve did not answer on {self.url}; see {self.log}")

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def markdown(d: dict, note: str = "") -> str:
    q = d["queue"]
    lines = [
        f"`python -m eval.load --sessions {d['sessions']} --duration {d['duration_s']:.0f}` against `vankien serve` "
        f"on loopback, endpoint `{d['endpoint']}`, {os.cpu_count()} CPU cores ({platform.processor() or platform.machine()}).",
        "",
        "| sessions | duration | requests | errors | p50 | p95 | p99 | max | throughput |",
        "|---|---|---|---|---|---|---|---|---|",
        f"| {d['sessions']} | {d['duration_s']:.0f} s | {d['requests']} | {d['errors']} | {d['p50_s']:.2f} s | "
        f"{d['p95_s']:.2f} s | {d['p99_s']:.2f} s | {d['max_s']:.2f} s | {d['throughput_rps']} answers/s |",
        "",
        f"Answer statuses: {', '.join(f'{k} {v}' for k, v in sorted(d['statuses'].items())) or 'n/a (text endpoint)'}. "
        f"Gradio queue as served: {', '.join(f'{k}={v}' for k, v in q.items())}.",
    ]
    if d["error_examples"]:
        lines += ["", "Errors (first 5): " + "; ".join(d["error_examples"])]
    if note:
        lines += ["", note]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    from vankien.settings import enforce_offline

    enforce_offline()
    p = argparse.ArgumentParser(prog="python -m eval.load", description=__doc__.split("\n")[0])
    p.add_argument("--sessions", type=int, default=20)
    p.add_argument("--duration", type=float, default=120.0, help="seconds")
    p.add_argument("--url", help="an already running app; otherwise `vankien serve` is started")
    p.add_argument("--home", type=Path, help="VANKIEN_HOME for the started server (default: ./.vankien)")
    p.add_argument("--port", type=int, default=7870)
    p.add_argument("--api-name", default="/ask")
    p.add_argument("--write", action="store_true", help="write the result into eval/RESULTS.md")
    p.add_argument("--note", default="", help="a line added under the table (machine load, app version)")
    args = p.parse_args(argv)

    served = None
    url = args.url
    if not url:
        served = Served((args.home or Path.cwd() / ".vankien").resolve(), args.port)
        served.wait_ready()
        url = served.url
    try:
        report = run_load(url, args.sessions, args.duration, args.api_name)
    finally:
        if served:
            served.stop()
    d = report.as_dict()
    print(json.dumps(d, ensure_ascii=False, indent=1))
    if args.write:
        replace_section(RESULTS, "load", markdown(d, args.note), "Load (eval/load.py)")
    return 0 if d["errors"] == 0 and d["answers"] > 0 else 1


if __name__ == "__main__":
    sys.exit(main())
