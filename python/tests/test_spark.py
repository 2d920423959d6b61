"""PySpark local[2]: trame.spark over generated documents equals the CLI's record mode, whatever the
partitioning."""

import json
import os
import random
import shutil
import sys

import pytest

import trame
import trame.spark
from conftest import FIXTURES, GLOSSARY, cli_jsonl

pyspark = pytest.importorskip("pyspark")
if not shutil.which("java") and not os.environ.get("JAVA_HOME"):
    pytest.skip("no Java for Spark", allow_module_level=True)

N_DOCS = int(os.environ.get("TRAME_SPARK_DOCS", "2000"))


def generated_documents(n):
    """`n` documents of 1–4 paragraphs made of fixture sentences; every paragraph is unique (so
    cleaning them together removes nothing shared), some CRLF, some with a BOM."""
    sentences = []
    for f in sorted((FIXTURES / "fr").glob("*.txt")):
        sentences += [s["text"] for s in trame.segment(f.read_text(encoding="utf-8"))]
    rng = random.Random(15)
    docs = []
    for k in range(n):
        paras = []
        for p in range(rng.randint(1, 4)):
            body = " ".join(rng.sample(sentences, rng.randint(1, 4)))
            paras.append(f"{body} Référence {k}-{p}.")
        text = "\n\n".join(paras) + "\n"
        if k % 7 == 3:
            text = text.replace("\n", "\r\n")
        if k % 11 == 5:
            text = "\ufeff" + text
        docs.append((f"doc-{k:05d}", text))
    return docs


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    # Workers run the interpreter that has trame installed (this one).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    s = (
        SparkSession.builder.master("local[2]")
        .appName("trame-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "8")
        .config("spark.sql.execution.arrow.maxRecordsPerBatch", "256")
        .getOrCreate()
    )
    yield s
    s.stop()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    docs = generated_documents(N_DOCS)
    path = tmp_path_factory.mktemp("spark") / "records.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i, t in docs:
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")
    return docs, path


def rows(df, *order):
    return sorted((r.asDict(recursive=True) for r in df.collect()), key=lambda r: tuple(r[k] for k in order))


def test_spark_segment_equals_cli_and_ignores_partitioning(spark, corpus):
    docs, path = corpus
    expected = [
        {"id": r["doc"], **{k: r[k] for k in ("index", "text", "start", "end")}}
        for r in cli_jsonl("segment", "--input-format", "jsonl", "--format", "jsonl", path)
    ]
    expected.sort(key=lambda r: (r["id"], r["index"]))
    assert len(expected) > 3 * N_DOCS
    df = spark.createDataFrame(docs, "id string, text string")
    one = rows(trame.spark.segment(df.repartition(1)), "id", "index")
    eight = rows(trame.spark.segment(df.repartition(8)), "id", "index")
    assert one == expected
    assert eight == expected


def test_spark_terms_equals_cli_and_ignores_partitioning(spark, corpus):
    docs, path = corpus
    docs = docs[: N_DOCS // 4]
    with open(path, encoding="utf-8") as f:
        head = "".join(f.readline() for _ in docs).encode("utf-8")
    expected = [
        {"id": r.pop("doc"), **r}
        for r in cli_jsonl("terms", "-g", GLOSSARY, "--input-format", "jsonl", stdin=head)
    ]
    key = ("id", "line", "col", "end_line", "end_col", "fr")
    expected.sort(key=lambda r: tuple(r[k] for k in key))
    assert len(expected) > len(docs)
    df = spark.createDataFrame(docs, "id string, text string")
    for parts in (1, 8):
        got = rows(trame.spark.terms(df.repartition(parts), GLOSSARY), *key)
        assert got == expected, parts


def test_spark_align_pairs(spark):
    pairs = [
        ("a", ["Le chat dort.", "Il pleut."], ["The cat sleeps.", "It rains."]),
        ("b", ["Un.", "Deux 2019."], ["One.", "Two 2019."]),
    ]
    df = spark.createDataFrame(pairs, "id string, fr array<string>, en array<string>")
    got = rows(trame.spark.align(df.repartition(2)), "id", "src_ids")
    expected = sorted(
        ({"id": i, **b} for i, fr, en in pairs for b in trame.align(fr, en)),
        key=lambda r: (r["id"], r["src_ids"]),
    )
    assert got == expected
