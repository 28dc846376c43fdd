"""A real Chroma server (``chroma run``, from the chromadb package) on a free loopback
port, for the server-mode tests. ``stop``/``start`` keep the data folder and the port,
so a restart is the same server coming back."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chroma_executable() -> Path:
    """``chroma`` is installed next to the interpreter that runs the tests (the venv)."""
    exe = Path(sys.executable).parent / "chroma"
    if not exe.exists():
        raise RuntimeError(f"{exe} not found: chromadb's `chroma` command is needed for the server-mode tests")
    return exe


class ChromaServer:
    def __init__(self, path: Path, port: int | None = None):
        self.path = path
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None
        self.log = path.parent / f"{path.name}-chroma.log"

    def start(self, timeout: float = 60.0) -> None:
        env = dict(os.environ, ANONYMIZED_TELEMETRY="False")
        with self.log.open("ab") as log:
            self.proc = subprocess.Popen(
                [str(chroma_executable()), "run", "--path", str(self.path), "--host", "127.0.0.1", "--port", str(self.port)],
                stdout=log, stderr=subprocess.STDOUT, env=env,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"chroma run exited with {self.proc.returncode}; see {self.log}")
            try:
                if httpx.get(f"{self.url}/api/v2/heartbeat", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"chroma run did not answer on {self.url} within {timeout:.0f} s; see {self.log}")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def restart(self) -> None:
        self.stop()
        self.start()

    def count(self, collection: str = "vankien") -> int:
        """Vectors in ``collection`` via the public HTTP client (safe while a writer runs)."""
        import chromadb
        from chromadb.config import Settings
        from chromadb.errors import NotFoundError

        client = chromadb.HttpClient(host="127.0.0.1", port=self.port, settings=Settings(anonymized_telemetry=False))
        try:
            return client.get_collection(collection).count()
        except NotFoundError:
            return 0
