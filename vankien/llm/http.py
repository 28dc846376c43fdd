"""The HTTP plumbing the Ollama and OpenAI-compatible backends share: errors become
Vietnamese messages that name the server, everything else propagates."""
from __future__ import annotations

import json
from contextlib import contextmanager
from typing import Iterator

import httpx

from vankien import messages as msg
from vankien.errors import LLMUnavailableError

# A small model on two CPU cores can take a minute for a long answer; the connect
# timeout stays short so a server that is not running is reported at once.
TIMEOUT = httpx.Timeout(300.0, connect=5.0)


class ServerError(LLMUnavailableError):
    """The server answered with an HTTP error (the OpenAI backend may retry another endpoint)."""

    def __init__(self, url: str, status: int, detail: str):
        super().__init__(msg.LLM_SERVER_ERROR.format(url=url, status=status, detail=detail[:300]))
        self.status = status


@contextmanager
def _errors(url: str) -> Iterator[None]:
    try:
        yield
    except (httpx.ConnectError, httpx.ConnectTimeout) as e:
        raise LLMUnavailableError(msg.LLM_DOWN.format(url=url)) from e


def _raise_for_status(r: httpx.Response, url: str) -> None:
    if r.status_code >= 400:
        r.read()
        raise ServerError(url, r.status_code, r.text)


def post_json(client: httpx.Client, url: str, payload: dict) -> dict:
    with _errors(url):
        r = client.post(url, json=payload)
    _raise_for_status(r, url)
    return r.json()


def post_lines(client: httpx.Client, url: str, payload: dict) -> Iterator[str]:
    """The non-empty lines of a streamed response (NDJSON or server-sent events)."""
    with _errors(url):
        with client.stream("POST", url, json=payload) as r:
            _raise_for_status(r, url)
            for line in r.iter_lines():
                if line.strip():
                    yield line


def sse_json(lines: Iterator[str]) -> Iterator[dict]:
    """``data: {...}`` events of an OpenAI-style stream, up to ``data: [DONE]``.

    >>> list(sse_json(iter(['data: {"a": 1}', ': ping', 'data: [DONE]', 'data: {"b": 2}'])))
    [{'a': 1}]
    """
    for line in lines:
        if not line.startswith("data:"):
            continue
        data = line[5:].strip()
        if data == "[DONE]":
            return
        yield json.loads(data)
