"""OpenAI-compatible backend (``VANKIEN_LLM=openai:MODEL``, server at ``VANKIEN_LLM_URL``):
llama.cpp server, llama-cpp-python's server, vLLM, LM Studio.

``VANKIEN_LLM_URL`` picks the endpoint:

- ``http://host:port/v1`` (default ``http://127.0.0.1:8080/v1``): chat completions; if the
  server refuses chat (vLLM answers 400 for a model without a chat template), the
  backend switches to ``/completions`` with stop sequences and stays there;
- ``…/v1/completions``: always completion-style. Use it for a model with no chat template
  on a server that would otherwise apply a wrong default one (llama-cpp-python's server
  silently uses Llama-2 tags);
- ``…/v1/chat/completions``: always chat.
"""
from __future__ import annotations

import logging
from typing import Iterator
from urllib.parse import urlsplit

import httpx

from vankien.llm.http import TIMEOUT, ServerError, post_json, post_lines, sse_json

log = logging.getLogger(__name__)

DEFAULT_URL = "http://127.0.0.1:8080/v1"


def split_url(url: str | None) -> tuple[str, str]:
    """``VANKIEN_LLM_URL`` -> (API base, mode).

    >>> split_url("http://127.0.0.1:8080")
    ('http://127.0.0.1:8080/v1', 'auto')
    >>> split_url("http://h:1/v1/completions"), split_url("http://h:1/v1/chat/completions/")
    (('http://h:1/v1', 'completions'), ('http://h:1/v1', 'chat'))
    """
    url = (url or DEFAULT_URL).rstrip("/")
    for suffix, mode in (("/chat/completions", "chat"), ("/completions", "completions")):
        if url.endswith(suffix):
            return url[: -len(suffix)], mode
    if urlsplit(url).path in ("", "/"):
        url += "/v1"
    return url, "auto"


class OpenAICompatBackend:
    def __init__(self, model: str, url: str | None = None, max_tokens: int = 256, api_key: str | None = None):
        self.model = model
        self.base, self.mode = split_url(url)
        self.name = f"openai:{model}"
        self.max_tokens = max_tokens
        headers = {"Authorization": f"Bearer {api_key}"} if api_key else {}
        self._client = httpx.Client(timeout=TIMEOUT, headers=headers, trust_env=False)

    def _request(self, chat: bool, prompt: str, stop: list[str], stream: bool) -> tuple[str, dict]:
        payload = {"model": self.model, "max_tokens": self.max_tokens, "temperature": 0, "stop": stop, "stream": stream}
        if chat:
            return f"{self.base}/chat/completions", payload | {"messages": [{"role": "user", "content": prompt}]}
        return f"{self.base}/completions", payload | {"prompt": prompt}

    def _fall_back(self, err: ServerError) -> bool:
        """In auto mode a refused chat request means 'no chat template': use completions from now on."""
        if self.mode != "auto" or not 400 <= err.status < 600 or err.status in (401, 403, 404, 429):
            return False
        log.info("chat completions refused (%s); switching to /completions", err)
        self.mode = "completions"
        return True

    def complete(self, prompt: str, stop: list[str]) -> str:
        if self.mode != "completions":
            url, payload = self._request(True, prompt, stop, False)
            try:
                return post_json(self._client, url, payload)["choices"][0]["message"]["content"] or ""
            except ServerError as e:
                if not self._fall_back(e):
                    raise
        url, payload = self._request(False, prompt, stop, False)
        return post_json(self._client, url, payload)["choices"][0]["text"]

    def stream(self, prompt: str, stop: list[str]) -> Iterator[str]:
        if self.mode != "completions":
            url, payload = self._request(True, prompt, stop, True)
            try:
                # the server refuses before the first event, so nothing was yielded yet on a fallback
                for event in sse_json(post_lines(self._client, url, payload)):
                    choices = event.get("choices") or [{}]
                    delta = (choices[0].get("delta") or {}).get("content")
                    if delta:
                        yield delta
                return
            except ServerError as e:
                if not self._fall_back(e):
                    raise
        url, payload = self._request(False, prompt, stop, True)
        for event in sse_json(post_lines(self._client, url, payload)):
            choices = event.get("choices") or [{}]
            if choices[0].get("text"):
                yield choices[0]["text"]
