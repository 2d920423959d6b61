#!/usr/bin/env python3
"""Benchmark of trame's Python package and record mode (not a test; README "Python").

  python benches/python_bench.py inprocess [N_DOCS]   documents/s in one Python process: trame.segment
                                                      per document vs sentencex and pySBD per paragraph
  python benches/python_bench.py spark [N_DOCS]       trame.spark.segment on local[2] vs a single-process loop
  python benches/python_bench.py records OUT [N_DOCS] writes the documents as {"id","text"} records
                                                      (for the GNU parallel run, see python_bench.sh)

Documents are generated as in python/tests/test_spark.py: 1–4 paragraphs of fixture sentences
(about 600 bytes each). Wall-clock seconds and CPU seconds (user + system of this process and its
children) are printed; the machine is shared, so the best of 3 runs is kept.
"""
import json
import os
import random
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def documents(n):
    import trame

    sentences = []
    for f in sorted((ROOT / "fixtures" / "releases" / "fr").glob("*.txt")):
        sentences += [s["text"] for s in trame.segment(f.read_text(encoding="utf-8"))]
    rng = random.Random(15)
    docs = []
    for k in range(n):
        paras = []
        for p in range(rng.randint(1, 4)):
            paras.append(" ".join(rng.sample(sentences, rng.randint(1, 4))) + f" Référence {k}-{p}.")
        docs.append((f"doc-{k:06d}", "\n\n".join(paras) + "\n"))
    return docs


def cpu():
    s = resource.getrusage(resource.RUSAGE_SELF)
    c = resource.getrusage(resource.RUSAGE_CHILDREN)
    return s.ru_utime + s.ru_stime + c.ru_utime + c.ru_stime


def timed(label, n, fn, runs=3):
    best = None
    for _ in range(runs):
        w0, c0 = time.perf_counter(), cpu()
        fn()
        w, c = time.perf_counter() - w0, cpu() - c0
        if best is None or w < best[0]:
            best = (w, c)
    w, c = best
    print(f"{label:<44} {n / w:>10,.0f} docs/s wall  {n / c:>10,.0f} docs/s CPU  ({w:.2f} s wall)")
    return w


def inprocess(n):
    import trame

    docs = [t for _, t in documents(n)]
    mb = sum(len(t.encode()) for t in docs) / 1e6
    print(f"{n} documents, {mb:.1f} MB")
    seg = trame.Segmenter("fr")
    timed("trame.Segmenter.segment (clean, per doc)", n, lambda: [seg.segment(t) for t in docs])
    timed("trame.Segmenter.segment (no clean)", n, lambda: [seg.segment(t, False) for t in docs])
    paras = [[p for p in t.split("\n") if p.strip()] for t in docs]
    try:
        import sentencex

        timed("sentencex.segment per paragraph", n,
              lambda: [[list(sentencex.segment("fr", p)) for p in ps] for ps in paras])
    except ImportError:
        print("sentencex not installed")
    try:
        import pysbd

        sbd = pysbd.Segmenter(language="fr", clean=False)
        timed("pySBD per paragraph", n, lambda: [[sbd.segment(p) for p in ps] for ps in paras], runs=1)
    except ImportError:
        print("pysbd not installed")


def spark(n):
    import trame
    import trame.spark
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    docs = documents(n)
    s = (SparkSession.builder.master("local[2]").config("spark.ui.enabled", "false").getOrCreate())
    df = s.createDataFrame(docs, "id string, text string").repartition(8).cache()
    df.count()
    timed("trame.spark.segment local[2] (count)", n, lambda: trame.spark.segment(df).count())
    seg = trame.Segmenter("fr")
    timed("single process loop (trame.Segmenter)", n, lambda: [seg.segment(t) for _, t in docs])
    s.stop()


def records(out, n):
    with open(out, "w", encoding="utf-8") as f:
        for i, t in documents(n):
            f.write(json.dumps({"id": i, "text": t}, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "inprocess":
        inprocess(int(sys.argv[2]) if len(sys.argv) > 2 else 5000)
    elif cmd == "spark":
        spark(int(sys.argv[2]) if len(sys.argv) > 2 else 50000)
    elif cmd == "records":
        records(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 50000)
