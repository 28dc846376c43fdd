"""Ollama backend (``VANKIEN_LLM=ollama:MODEL``, server at ``VANKIEN_LLM_URL``).

Uses ``/api/generate``: Ollama applies the model's own template there, and a model
imported without one gets the prompt as it is, i.e. completion-style, which is what
a model without a chat template needs. No ollama package is required.
"""
from __future__ import annotations

import json
from typing import Iterator

import httpx

from vankien.llm.http import TIMEOUT, post_json, post_lines

DEFAULT_URL = "http://127.0.0.1:11434"


class OllamaBackend:
    def __init__(self, model: str, url: str | None = None, max_tokens: int = 256):
        self.model = model
        self.url = (url or DEFAULT_URL).rstrip("/")
        self.name = f"ollama:{model}"
        self.max_tokens = max_tokens
        self._client = httpx.Client(timeout=TIMEOUT, trust_env=False)  # loopback/LAN: no proxies

    def _payload(self, prompt: str, stop: list[str], stream: bool) -> dict:
        return {"model": self.model, "prompt": prompt, "stream": stream,
                "options": {"temperature": 0, "num_predict": self.max_tokens, "stop": stop}}

    def complete(self, prompt: str, stop: list[str]) -> str:
        return post_json(self._client, f"{self.url}/api/generate", self._payload(prompt, stop, False))["response"]

    def stream(self, prompt: str, stop: list[str]) -> Iterator[str]:
        for line in post_lines(self._client, f"{self.url}/api/generate", self._payload(prompt, stop, True)):
            part = json.loads(line)
            if part.get("response"):
                yield part["response"]
            if part.get("done"):
                return
