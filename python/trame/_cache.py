"""Per-process caches: engine workers build each Rust object once and reuse it for every batch."""

from __future__ import annotations

import functools
from typing import Optional

from . import Glossary, Matcher, Segmenter, learn_boilerplate  # noqa: F401


@functools.lru_cache(maxsize=16)
def segmenter(lang: str, srx: Optional[str], boilerplate: Optional[tuple]) -> Segmenter:
    return Segmenter(lang, srx, list(boilerplate) if boilerplate is not None else None)


@functools.lru_cache(maxsize=16)
def glossary(path: str) -> Glossary:
    return Glossary(path)


@functools.lru_cache(maxsize=16)
def matcher(path: str, fuzzy: bool = True) -> Matcher:
    return Matcher(glossary(path), fuzzy)
