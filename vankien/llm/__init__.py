"""Optional LLM backends, chosen by ``VANKIEN_LLM`` (never needed for a correct answer).

``none`` (default), ``llama-cpp:/path/model.gguf`` (in-process llama-cpp-python),
``ollama:MODEL`` (Ollama's HTTP API at ``VANKIEN_LLM_URL``) or ``openai:MODEL`` (any
OpenAI-compatible server at ``VANKIEN_LLM_URL``: llama.cpp server, vLLM, LM Studio).

Every backend has the same two methods: ``complete(prompt, stop) -> str`` and
``stream(prompt, stop) -> Iterator[str]`` (text deltas). ``prompt`` is the whole user
turn; a backend sends it as a chat message when the model has a chat template and as a
plain completion, cut at ``stop``, when it has none. What the model says is checked by
:mod:`vankien.generate` before anyone sees it as an answer.

llama-index's LLM classes were considered and not used: ``LlamaCPP`` downloads a default
model when ``model_path`` is missing and wraps prompts in Llama-2 tags, ``OpenAILike``
needs the openai SDK and has no completions fallback, ``Ollama`` needs the ollama SDK;
each backend here is one small file over llama-cpp-python or httpx instead.

Nothing heavy is imported here: ``VANKIEN_LLM=none`` costs no start-up time.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterator, Protocol

from vankien import messages as msg
from vankien.errors import LLMConfigError


class LLMBackend(Protocol):
    name: str  # "llama-cpp:gemma-3-270m-q4_k_m.gguf", for logs and the eval report

    def complete(self, prompt: str, stop: list[str]) -> str: ...

    def stream(self, prompt: str, stop: list[str]) -> Iterator[str]: ...


def make_llm(settings) -> LLMBackend | None:
    """``settings.llm`` -> a backend, or None for ``none``.

    >>> from vankien.settings import Settings
    >>> make_llm(Settings.from_env({"VANKIEN_HOME": "/tmp/x"})) is None
    True
    >>> make_llm(Settings.from_env({"VANKIEN_HOME": "/tmp/x", "VANKIEN_LLM": "gpt"}))
    Traceback (most recent call last):
    ...
    vankien.errors.LLMConfigError: Giá trị VANKIEN_LLM «gpt» không hợp lệ. Dùng một trong: none, llama-cpp:/đường/dẫn/mô-hình.gguf, ollama:TÊN_MÔ_HÌNH, openai:TÊN_MÔ_HÌNH.
    """
    spec = (settings.llm or "none").strip()
    if spec.lower() in ("", "none"):
        return None
    kind, sep, arg = spec.partition(":")
    kind, arg = kind.strip().lower(), arg.strip()
    if not sep or not arg:
        raise LLMConfigError(msg.LLM_SPEC_INVALID.format(value=spec))
    max_tokens = settings.llm_max_tokens
    if kind in ("llama-cpp", "llama_cpp", "llamacpp"):
        from vankien.llm.llama_cpp import LlamaCppBackend

        return LlamaCppBackend(Path(arg).expanduser(), max_tokens=max_tokens)
    if kind == "ollama":
        from vankien.llm.ollama import OllamaBackend

        return OllamaBackend(arg, url=settings.llm_url, max_tokens=max_tokens)
    if kind in ("openai", "openai-compatible"):
        from vankien.llm.openai_compat import OpenAICompatBackend

        return OpenAICompatBackend(arg, url=settings.llm_url, max_tokens=max_tokens)
    raise LLMConfigError(msg.LLM_SPEC_INVALID.format(value=spec))
