"""Prompt templates (data, not code), read with :func:`load`."""
from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def load(name: str) -> str:
    """The text of ``prompts/<name>.txt``, e.g. ``load("answer")``."""
    return resources.files(__name__).joinpath(f"{name}.txt").read_text(encoding="utf-8")
