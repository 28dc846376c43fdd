"""In-process llama-cpp-python backend (``VANKIEN_LLM=llama-cpp:/path/model.gguf``).

Only an existing local GGUF file is ever opened: nothing is downloaded.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Iterator

from vankien import messages as msg
from vankien.errors import LLMConfigError, LLMUnavailableError


class LlamaCppBackend:
    def __init__(self, model_path: Path, max_tokens: int = 256, n_ctx: int = 2048, n_threads: int = 2):
        try:
            import llama_cpp
        except ImportError as e:
            raise LLMUnavailableError(msg.LLM_EXTRA_MISSING) from e
        model_path = Path(model_path)
        if not model_path.is_file():
            raise LLMConfigError(msg.LLM_MODEL_MISSING.format(path=model_path))
        self.name = f"llama-cpp:{model_path.name}"
        self.max_tokens = max_tokens
        # n_threads=2: the target machine has two cores, and more threads than
        # cores makes llama.cpp's spinning workers slower, not faster.
        self._llm = llama_cpp.Llama(model_path=str(model_path), n_ctx=n_ctx, n_threads=n_threads,
                                    n_threads_batch=n_threads, verbose=False)
        # Without a template in the GGUF, llama-cpp-python silently falls back to
        # Llama-2 [INST] tags, which a model not trained on them reads as noise:
        # such a model gets the plain prompt and stop sequences instead.
        self.chat = bool(self._llm.metadata.get("tokenizer.chat_template"))
        self._lock = threading.Lock()  # a Llama context serves one generation at a time

    def _kwargs(self, stop: list[str]) -> dict:
        return {"max_tokens": self.max_tokens, "stop": stop, "temperature": 0.0, "repeat_penalty": 1.1}

    def complete(self, prompt: str, stop: list[str]) -> str:
        with self._lock:
            if self.chat:
                out = self._llm.create_chat_completion(messages=[{"role": "user", "content": prompt}], **self._kwargs(stop))
                return out["choices"][0]["message"]["content"] or ""
            out = self._llm.create_completion(prompt, **self._kwargs(stop))
            return out["choices"][0]["text"]

    def stream(self, prompt: str, stop: list[str]) -> Iterator[str]:
        with self._lock:
            if self.chat:
                for part in self._llm.create_chat_completion(
                        messages=[{"role": "user", "content": prompt}], stream=True, **self._kwargs(stop)):
                    delta = part["choices"][0]["delta"].get("content")
                    if delta:
                        yield delta
            else:
                for part in self._llm.create_completion(prompt, stream=True, **self._kwargs(stop)):
                    if part["choices"][0]["text"]:
                        yield part["choices"][0]["text"]
