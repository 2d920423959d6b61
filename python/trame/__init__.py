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
    AlignModel as _RsAlignModel,
    Boilerplate,
    Glossary,
    Matcher,
    Segmenter,
    TrameError,
    align_pair as _align_pair,
    learn_boilerplate,
)

__all__ = [
    "AlignModel",
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


class AlignModel:
    """The aligner's word model (IBM Model 1 both ways) trained once on a sample of pairs and
    reused for every pair: train it on the driver, broadcast it (it pickles as its bytes), pass
    it to :func:`align` on the workers.

    ``AlignModel.train([(fr_sentences, en_sentences), ...], glossary=None)`` runs the aligner's
    first pass over the sample and trains Model 1 on its confident 1-1 beads, as
    ``trame align --fr DIR --en DIR`` does over the folders' pairs. Aligning a pair with the
    model starts from those word links and still learns from the pair itself, so a pair's links
    match the CLI run over the sample closely but not always exactly; confidences differ slightly.
    """

    __slots__ = ("_model",)

    def __init__(self, model: _RsAlignModel):
        self._model = model

    @classmethod
    def train(cls, pairs, glossary: Optional[Union[Glossary, PathLike]] = None) -> "AlignModel":
        if glossary is not None and not isinstance(glossary, Glossary):
            glossary = _glossary_at(os.fspath(glossary))
        pairs = [(list(f), list(e)) for f, e in pairs]
        return cls(_RsAlignModel.train(pairs, glossary))

    def to_bytes(self) -> bytes:
        return bytes(self._model.to_bytes())

    @classmethod
    def from_bytes(cls, data: bytes) -> "AlignModel":
        return cls(_RsAlignModel.from_bytes(data))

    def save(self, path: PathLike) -> None:
        with open(path, "wb") as f:
            f.write(self.to_bytes())

    @classmethod
    def load(cls, path: PathLike) -> "AlignModel":
        with open(path, "rb") as f:
            return cls.from_bytes(f.read())

    def __reduce__(self):
        return (AlignModel.from_bytes, (self.to_bytes(),))

    def __len__(self) -> int:
        return len(self._model)

    def __repr__(self) -> str:
        return f"AlignModel({len(self)} word links)"


def align(
    fr: Iterable[str],
    en: Iterable[str],
    glossary: Optional[Union[Glossary, PathLike]] = None,
    model: Optional[AlignModel] = None,
) -> List[dict]:
    """Aligns French sentences with English ones, as ``trame align --presegmented --format jsonl``
    does for files holding one sentence per line (sentences are trimmed, empty ones dropped;
    ids index the remaining sentences). Returns ``[{"src_ids", "tgt_ids", "confidence"}]``.

    Without ``model``, each call trains the aligner's word model on this pair only, like the CLI
    given one pair; with an :class:`AlignModel` trained on a sample, the pair starts from it.
    """
    if glossary is not None and not isinstance(glossary, Glossary):
        glossary = _glossary_at(os.fspath(glossary))
    rs_model = model._model if model is not None else None
    beads = _align_pair(_lines(fr), _lines(en), glossary, True, "fr", "en", rs_model)
    return [{"src_ids": s, "tgt_ids": t, "confidence": c} for s, t, c in beads]


def _lines(sentences: Iterable[str]) -> str:
    if isinstance(sentences, str):
        raise TypeError("align() takes lists of sentences, not a str")
    return "\n".join(sentences)
