"""Any sentence-transformers model from a local folder (never a Hub name: offline)."""
from __future__ import annotations

from typing import Any

from llama_index.core.base.embeddings.base import BaseEmbedding
from llama_index.core.bridge.pydantic import PrivateAttr


class LocalSentenceTransformerEmbedding(BaseEmbedding):
    model_folder: str
    embed_batch_size: int = 32
    _model: Any = PrivateAttr()

    def __init__(self, model_folder: str, **kwargs: Any):
        super().__init__(model_folder=model_folder, model_name=f"st:{model_folder.rstrip('/').split('/')[-1]}", **kwargs)
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as e:  # pragma: no cover - part of the default install
            raise ImportError("sentence-transformers is missing: pip install sentence-transformers") from e
        self._model = SentenceTransformer(model_folder, device="cpu", local_files_only=True)

    @property
    def dim(self) -> int:
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        return int(get_dim())

    def _encode(self, texts: list[str]) -> list[list[float]]:
        return self._model.encode(texts, normalize_embeddings=True, convert_to_numpy=True).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([query])[0]

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encode([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encode(list(texts))

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)
