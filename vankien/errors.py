"""Errors a user can fix carry a Vietnamese message; everything else propagates."""


class VankienError(Exception):
    """Base for failures the user can act on; ``str(err)`` is the Vietnamese message."""

    exit_code = 2


class IngestError(VankienError):
    """A file could not be read; the index was not touched."""

    def __init__(self, message: str, name: str = ""):
        super().__init__(message)
        self.name = name


class IndexMismatchError(VankienError):
    """The stored index was built with other settings: re-ingest."""


class StoreUnavailableError(VankienError):
    """The Chroma server cannot be reached."""


class QuestionError(VankienError):
    """The question cannot be searched (empty, too long, no words)."""


class LLMConfigError(VankienError):
    """VANKIEN_LLM names an unknown backend or a model that is not there."""


class LLMUnavailableError(VankienError, ImportError):
    """The LLM backend cannot run: its optional package is missing or its server is down.

    Also an ImportError, so ``except ImportError`` around an optional backend still works."""
