"""Arrow batch functions: a ``pyarrow.RecordBatch`` of documents in, one of results out, with the
id column first (any Arrow type, taken from the input). Used by :mod:`trame.spark` and
:mod:`trame.ray`; usable alone. Null texts count as empty documents."""

from __future__ import annotations

import os
from typing import Optional, Union

import pyarrow as pa

from . import Glossary, Matcher, Segmenter, _align_pair, _glossary_at, _matcher

SEGMENT_FIELDS = [
    ("index", pa.int64()),
    ("text", pa.string()),
    ("start", pa.int64()),
    ("end", pa.int64()),
]
TERMS_FIELDS = [
    ("line", pa.int64()),
    ("col", pa.int64()),
    ("end_line", pa.int64()),
    ("end_col", pa.int64()),
    ("surface", pa.string()),
    ("fr", pa.string()),
    ("en", pa.string()),
    ("type", pa.string()),
    ("kind", pa.string()),
    ("score", pa.float64()),
    ("flags", pa.list_(pa.string())),
    ("variant", pa.string()),
    ("variant_type", pa.string()),
    ("note", pa.string()),
]
ALIGN_FIELDS = [
    ("src_ids", pa.list_(pa.int64())),
    ("tgt_ids", pa.list_(pa.int64())),
    ("confidence", pa.float64()),
]


def schema(kind: str, id_col: str = "id", id_type: pa.DataType = pa.string()) -> pa.Schema:
    """The output schema of ``segment_batch`` / ``terms_batch`` / ``align_batch`` (``kind`` =
    ``"segment"``, ``"terms"``, ``"align"``)."""
    fields = {"segment": SEGMENT_FIELDS, "terms": TERMS_FIELDS, "align": ALIGN_FIELDS}[kind]
    return pa.schema([(id_col, id_type)] + fields)


def _column(batch: pa.RecordBatch, col: str) -> pa.Array:
    i = batch.schema.get_field_index(col)
    if i < 0:
        raise KeyError(f"no column `{col}` in the batch (columns: {batch.schema.names})")
    return batch.column(i)


def segment_batch(
    batch: pa.RecordBatch,
    id_col: str = "id",
    text_col: str = "text",
    segmenter: Optional[Segmenter] = None,
    lang: str = "fr",
    clean: bool = True,
) -> pa.RecordBatch:
    """One row per segment: ``id, index, text, start, end``."""
    segmenter = segmenter or Segmenter(lang)
    ids = _column(batch, id_col)
    rows, index, text, start, end = segmenter.segment_columns(
        _column(batch, text_col).to_pylist(), clean
    )
    out = schema("segment", id_col, ids.type)
    return pa.RecordBatch.from_arrays(
        [
            ids.take(pa.array(rows, pa.uint32())),
            pa.array(index, pa.int64()),
            pa.array(text, pa.string()),
            pa.array(start, pa.int64()),
            pa.array(end, pa.int64()),
        ],
        schema=out,
    )


def terms_batch(
    batch: pa.RecordBatch,
    glossary: Union[Glossary, Matcher, str, "os.PathLike[str]"],
    id_col: str = "id",
    text_col: str = "text",
    clean: bool = True,
) -> pa.RecordBatch:
    """One row per term occurrence: ``id`` then the keys of :func:`trame.terms`."""
    matcher = _matcher(glossary)
    ids = _column(batch, id_col)
    cols = matcher.terms_columns(_column(batch, text_col).to_pylist(), clean)
    out = schema("terms", id_col, ids.type)
    arrays = [ids.take(pa.array(cols["row"], pa.uint32()))]
    for name, typ in TERMS_FIELDS:
        arrays.append(pa.array(cols[name], typ))
    return pa.RecordBatch.from_arrays(arrays, schema=out)


def align_batch(
    batch: pa.RecordBatch,
    id_col: str = "id",
    fr_col: str = "fr",
    en_col: str = "en",
    glossary: Optional[Union[Glossary, str, "os.PathLike[str]"]] = None,
    presegmented: Optional[bool] = None,
    lang_src: str = "fr",
    lang_tgt: str = "en",
) -> pa.RecordBatch:
    """One row per bead: ``id, src_ids, tgt_ids, confidence``, each pair aligned on its own.

    ``fr``/``en`` columns of lists of sentences are presegmented (as :func:`trame.align`); string
    columns are raw documents, cleaned and segmented as ``trame align FR EN`` does (or, with
    ``presegmented=True``, one sentence per line)."""
    if glossary is not None and not isinstance(glossary, Glossary):
        glossary = _glossary_at(os.fspath(glossary))
    ids = _column(batch, id_col)
    fr_arr, en_arr = _column(batch, fr_col), _column(batch, en_col)
    lists = pa.types.is_list(fr_arr.type) or pa.types.is_large_list(fr_arr.type)
    preseg = lists if presegmented is None else presegmented
    rows, src, tgt, conf = [], [], [], []
    for row, (fr, en) in enumerate(zip(fr_arr.to_pylist(), en_arr.to_pylist())):
        if lists:
            fr, en = "\n".join(fr or []), "\n".join(en or [])
        beads = _align_pair(fr or "", en or "", glossary, preseg, lang_src, lang_tgt)
        for s, t, c in beads:
            rows.append(row)
            src.append(s)
            tgt.append(t)
            conf.append(c)
    out = schema("align", id_col, ids.type)
    return pa.RecordBatch.from_arrays(
        [
            ids.take(pa.array(rows, pa.uint32())),
            pa.array(src, pa.list_(pa.int64())),
            pa.array(tgt, pa.list_(pa.int64())),
            pa.array(conf, pa.float64()),
        ],
        schema=out,
    )
