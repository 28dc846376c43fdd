"""vankien: a cited, offline question-answering assistant over Vietnamese reports."""

__version__ = "0.1.0"
