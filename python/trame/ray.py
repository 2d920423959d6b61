"""Ray Data: per-document trame over ``Dataset.map_batches(batch_format="pyarrow")``.

Each function returns a new Dataset; the Rust objects are built once per worker process (cached).
Same semantics as :mod:`trame.spark`.
"""

from __future__ import annotations

import os
from typing import Optional, Sequence, Union

import pyarrow as pa

from . import Boilerplate
from . import arrow as _arrow
from .spark import _blocks


def _batches(table: pa.Table):
    batches = table.to_batches()
    return batches or [pa.RecordBatch.from_pylist([], schema=table.schema)]


def segment(
    ds,
    id_col: str = "id",
    text_col: str = "text",
    lang: str = "fr",
    srx: Optional[str] = None,
    boilerplate: Optional[Union[Boilerplate, str, Sequence[str]]] = None,
    clean: bool = True,
    **map_batches_args,
):
    """One row per segment: ``id, index, text, start, end``."""
    blocks = _blocks(boilerplate)

    def run(table: pa.Table) -> pa.Table:
        from . import _cache

        seg = _cache.segmenter(lang, srx, blocks)
        return pa.Table.from_batches(
            [_arrow.segment_batch(b, id_col, text_col, segmenter=seg, clean=clean) for b in _batches(table)]
        )

    return ds.map_batches(run, batch_format="pyarrow", **map_batches_args)


def terms(
    ds,
    glossary_path: Union[str, "os.PathLike[str]"],
    id_col: str = "id",
    text_col: str = "text",
    clean: bool = True,
    fuzzy: bool = True,
    **map_batches_args,
):
    """One row per term occurrence."""
    path = os.fspath(glossary_path)

    def run(table: pa.Table) -> pa.Table:
        from . import _cache

        m = _cache.matcher(path, fuzzy)
        return pa.Table.from_batches(
            [_arrow.terms_batch(b, m, id_col, text_col, clean=clean) for b in _batches(table)]
        )

    return ds.map_batches(run, batch_format="pyarrow", **map_batches_args)


def align(
    ds,
    id_col: str = "id",
    fr_col: str = "fr",
    en_col: str = "en",
    glossary_path: Optional[Union[str, "os.PathLike[str]"]] = None,
    presegmented: Optional[bool] = None,
    **map_batches_args,
):
    """One row per bead: ``id, src_ids, tgt_ids, confidence``."""
    path = os.fspath(glossary_path) if glossary_path is not None else None

    def run(table: pa.Table) -> pa.Table:
        from . import _cache

        g = _cache.glossary(path) if path is not None else None
        return pa.Table.from_batches(
            [_arrow.align_batch(b, id_col, fr_col, en_col, g, presegmented) for b in _batches(table)]
        )

    return ds.map_batches(run, batch_format="pyarrow", **map_batches_args)
