"""PySpark: per-document trame over DataFrames through ``mapInArrow``.

Each Python worker builds its Rust objects once (per process, cached) and processes Arrow batches
with the GIL released. Results do not depend on partitioning: every document is processed alone.
Per-document cleaning has no other documents to compare with; to remove the boilerplate shared
by a corpus, learn it on a sample on the driver (``trame.learn_boilerplate``) and pass it as
``boilerplate=`` (its ``.blocks``, plain strings, are shipped to the workers).
"""

from __future__ import annotations

import os
from typing import Optional, Sequence, Union

from . import Boilerplate
from . import arrow as _arrow


def _spark_schema(kind: str, df, id_col: str):
    from pyspark.sql.types import (
        ArrayType,
        DoubleType,
        LongType,
        StringType,
        StructField,
        StructType,
    )

    id_type = df.schema[id_col].dataType
    body = {
        "segment": [
            ("index", LongType()),
            ("text", StringType()),
            ("start", LongType()),
            ("end", LongType()),
        ],
        "terms": [
            ("line", LongType()),
            ("col", LongType()),
            ("end_line", LongType()),
            ("end_col", LongType()),
            ("surface", StringType()),
            ("fr", StringType()),
            ("en", StringType()),
            ("type", StringType()),
            ("kind", StringType()),
            ("score", DoubleType()),
            ("flags", ArrayType(StringType())),
            ("variant", StringType()),
            ("variant_type", StringType()),
            ("note", StringType()),
        ],
        "align": [
            ("src_ids", ArrayType(LongType())),
            ("tgt_ids", ArrayType(LongType())),
            ("confidence", DoubleType()),
        ],
    }[kind]
    return StructType([StructField(id_col, id_type)] + [StructField(n, t) for n, t in body])


def _blocks(boilerplate) -> Optional[tuple]:
    if boilerplate is None:
        return None
    if isinstance(boilerplate, Boilerplate):
        return tuple(boilerplate.blocks)
    if isinstance(boilerplate, str):
        return (boilerplate,)
    return tuple(boilerplate)


def segment(
    df,
    id_col: str = "id",
    text_col: str = "text",
    lang: str = "fr",
    srx: Optional[str] = None,
    boilerplate: Optional[Union[Boilerplate, str, Sequence[str]]] = None,
    clean: bool = True,
):
    """One row per segment: ``id, index, text, start, end`` (as :func:`trame.segment`)."""
    blocks = _blocks(boilerplate)
    if srx is not None:
        srx = os.fspath(srx)

    def run(batches):
        from . import _cache

        seg = _cache.segmenter(lang, srx, blocks)
        for b in batches:
            yield _arrow.segment_batch(b, id_col, text_col, segmenter=seg, clean=clean)

    return df.select(id_col, text_col).mapInArrow(run, _spark_schema("segment", df, id_col))


def terms(
    df,
    glossary_path: Union[str, "os.PathLike[str]"],
    id_col: str = "id",
    text_col: str = "text",
    clean: bool = True,
    fuzzy: bool = True,
):
    """One row per term occurrence (as :func:`trame.terms`). ``glossary_path`` must be readable
    by every worker (a shared path, or ``SparkContext.addFile`` + ``SparkFiles.get``)."""
    path = os.fspath(glossary_path)

    def run(batches):
        from . import _cache

        m = _cache.matcher(path, fuzzy)
        for b in batches:
            yield _arrow.terms_batch(b, m, id_col, text_col, clean=clean)

    return df.select(id_col, text_col).mapInArrow(run, _spark_schema("terms", df, id_col))


def align(
    df,
    id_col: str = "id",
    fr_col: str = "fr",
    en_col: str = "en",
    glossary_path: Optional[Union[str, "os.PathLike[str]"]] = None,
    presegmented: Optional[bool] = None,
    lang_src: str = "fr",
    lang_tgt: str = "en",
):
    """One row per bead: ``id, src_ids, tgt_ids, confidence``; each pair aligned on its own (see
    :func:`trame.arrow.align_batch`)."""
    path = os.fspath(glossary_path) if glossary_path is not None else None

    def run(batches):
        from . import _cache

        g = _cache.glossary(path) if path is not None else None
        for b in batches:
            yield _arrow.align_batch(
                b, id_col, fr_col, en_col, g, presegmented, lang_src, lang_tgt
            )

    return df.select(id_col, fr_col, en_col).mapInArrow(run, _spark_schema("align", df, id_col))
