"""trame: French institutional press releases to CAT-tool assets, per document, from Python.

Each function gives exactly what the ``trame`` CLI gives for one file holding the UTF-8 bytes of
the text (``trame segment --format jsonl FILE``, ``trame terms --format jsonl FILE``,
``trame align --presegmented --format jsonl FR EN``). Rust does the work with the GIL released;
bad input raises :class:`TrameError` (a ``ValueError``) with the CLI's message.

Batch and engine adapters: :mod:`trame.arrow` (pyarrow RecordBatches), :mod:`trame.spark`
(PySpark ``mapInArrow``), :mod:`trame.ray` (Ray Data ``map_batches``).
"""

from __future__ import annotations

import functools
import os
from typing import Iterable, List, Optional, Union

from ._trame import (  # noqa: F401  (re-exported)
    Boilerplate,
    Glossary,
    Matcher,
    Segmenter,
    TrameError,
    align_pair as _align_pair,
    learn_boilerplate,
)

__all__ = [
    "Boilerplate",
    "Glossary",
    "Matcher",
    "Segmenter",
    "TrameError",
    "align",
    "learn_boilerplate",
    "segment",
    "terms",
]

PathLike = Union[str, "os.PathLike[str]"]


@functools.lru_cache(maxsize=8)
def _segmenter(lang: str) -> Segmenter:
    return Segmenter(lang)


def segment(text: str, lang: str = "fr", clean: bool = True) -> List[dict]:
    """Sentences of ``text``: ``[{"index", "text", "start", "end"}]``, ``start``/``end`` byte
    offsets in ``text.encode("utf-8")`` (a leading U+FEFF is a BOM and counts), as
    ``trame segment --format jsonl`` gives for a file holding that text."""
    return _segmenter(lang).segment(text, clean)


@functools.lru_cache(maxsize=8)
def _matcher_for(glossary: Glossary) -> Matcher:
    return Matcher(glossary)


def _matcher(glossary: Union[Glossary, Matcher, PathLike]) -> Matcher:
    if isinstance(glossary, Matcher):
        return glossary
    if not isinstance(glossary, Glossary):
        glossary = _glossary_at(os.fspath(glossary))
    return _matcher_for(glossary)


@functools.lru_cache(maxsize=8)
def _glossary_at(path: str) -> Glossary:
    return Glossary(path)


def terms(text: str, glossary: Union[Glossary, Matcher, PathLike], clean: bool = True) -> List[dict]:
    """Glossary terms in ``text``, as ``trame terms --format jsonl`` gives them for a file holding
    that text, without ``doc``. ``glossary`` is a :class:`Glossary` (its :class:`Matcher` is built
    once and cached), a :class:`Matcher`, or a path."""
    return _matcher(glossary).terms(text, clean)


def align(
    fr: Iterable[str],
    en: Iterable[str],
    glossary: Optional[Union[Glossary, PathLike]] = None,
) -> List[dict]:
    """Aligns French sentences with English ones, as ``trame align --presegmented --format jsonl``
    does for files holding one sentence per line (sentences are trimmed, empty ones dropped;
    ids index the remaining sentences). Returns ``[{"src_ids", "tgt_ids", "confidence"}]``.

    Each call trains the aligner's word model on this pair only, like the CLI given one pair.
    """
    if glossary is not None and not isinstance(glossary, Glossary):
        glossary = _glossary_at(os.fspath(glossary))
    beads = _align_pair(_lines(fr), _lines(en), glossary, True)
    return [{"src_ids": s, "tgt_ids": t, "confidence": c} for s, t, c in beads]


def _lines(sentences: Iterable[str]) -> str:
    if isinstance(sentences, str):
        raise TypeError("align() takes lists of sentences, not a str")
    return "\n".join(sentences)
