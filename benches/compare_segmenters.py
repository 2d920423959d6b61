#!/usr/bin/env python3
"""Helper of compare_segmenters.sh: builds the French benchmark text and times the segmenters.

Subcommands:
  corpus FIXTURE_DIR OUT MIN_BYTES   write the bodies of the fixture releases, repeated to MIN_BYTES
  run CORPUS TRAME [SRX_FILE [SRX_PEER]]   time trame (subprocess) and the Python peers (in process)

Every tool gets the same text (one paragraph per line). trame reads the file (newlines are hard
breaks); each Python peer is timed on the whole text in one call and on each paragraph in turn. Throughput is MB/s of input text, from wall-clock time and from CPU time (user +
system; for trame, of the child process, all threads summed): on a shared, loaded machine the CPU
figure is the stable one. The best of a few runs is kept for fast tools.
"""
import os
import resource
import subprocess
import sys
import time


def build_corpus(fixture_dir, out, min_bytes):
    files = sorted(f for f in os.listdir(fixture_dir) if f.endswith(".txt"))
    docs = []
    for f in files:
        with open(os.path.join(fixture_dir, f), encoding="utf-8") as h:
            docs.append([l.strip() for l in h.read().splitlines()])
    # Body lines: not shared with another release (the site navigation is), long enough to be prose.
    counts = {}
    for lines in docs:
        for l in set(lines):
            counts[l] = counts.get(l, 0) + 1
    body = [l for lines in docs for l in lines if counts[l] == 1 and len(l) >= 40]
    block = "\n".join(body) + "\n"
    reps = max(1, -(-min_bytes // len(block.encode("utf-8"))))
    with open(out, "w", encoding="utf-8") as h:
        h.write(block * reps)
    print(f"corpus: {out}: {len(body)} body lines x {reps} = {os.path.getsize(out) / 1e6:.1f} MB")


def cpu_seconds():
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def best_of(n, fn):
    """Runs fn n times; returns (wall seconds, cpu seconds, segment count) of the fastest run."""
    best = None
    for _ in range(n):
        c = cpu_seconds()
        t = time.perf_counter()
        count = fn()
        dt = time.perf_counter() - t
        dc = cpu_seconds() - c
        if best is None or dt < best[0]:
            best = (dt, dc, count)
    return best


def run(corpus, trame, srx_file=None, srx_peer=None):
    with open(corpus, encoding="utf-8") as h:
        text = h.read()
    lines = text.splitlines()
    mb = len(text.encode("utf-8")) / 1e6
    rows = []

    def trame_cmd(extra):
        def fn():
            out = subprocess.run([trame, "segment", "--no-clean", *extra, corpus],
                                 check=True, capture_output=True).stdout
            return sum(1 for l in out.splitlines() if l.strip())
        return fn

    rows.append(("trame (built-in fr.srx)", best_of(3, trame_cmd([]))))
    if srx_file:
        rows.append(("trame --srx LanguageTool", best_of(1, trame_cmd(["--srx", srx_file]))))
    if srx_peer and srx_file:
        out = subprocess.run([srx_peer, srx_file, corpus], check=True,
                             capture_output=True, text=True).stdout.split()
        # The peer times itself (in-process, one thread): its wall time is its CPU time.
        rows.append(("srx 0.1.4 crate + LanguageTool", (float(out[0]), float(out[0]), int(out[1]))))

    # Each Python peer runs twice: on the whole text in one call (how the anchor figures
    # were taken), and paragraph by paragraph (one call per line, as trame works internally).
    peers = []
    try:
        from sentencex import segment as sx_segment
        peers.append(("sentencex", 3, True, lambda t: list(sx_segment("fr", t))))
    except ImportError:
        print("sentencex not installed", file=sys.stderr)
    try:
        from sentence_splitter import SentenceSplitter
        splitter = SentenceSplitter(language="fr")
        # Whole-text mode left out: Moses' rules are applied per paragraph by design, and on one
        # 5 MB string the Python port slows down super-linearly (0.12 MB/s on 0.5 MB already).
        peers.append(("sentence-splitter (Moses)", 1, False, splitter.split))
    except ImportError:
        print("sentence-splitter not installed", file=sys.stderr)
    try:
        import pysbd
        seg = pysbd.Segmenter(language="fr", clean=False)
        peers.append(("pySBD", 1, True, seg.segment))
    except ImportError:
        print("pysbd not installed", file=sys.stderr)
    for name, runs, whole, split in peers:
        if whole:
            rows.append((f"{name}, whole text", best_of(runs, lambda: len(split(text)))))
            print(f"  done: {rows[-1][0]}", file=sys.stderr, flush=True)
        rows.append((f"{name}, per paragraph", best_of(runs, lambda: sum(len(split(l)) for l in lines))))
        print(f"  done: {rows[-1][0]}", file=sys.stderr, flush=True)

    base_wall = mb / rows[0][1][0]
    base_cpu = mb / rows[0][1][1]
    print(f"\nInput: {mb:.1f} MB of French release text, {len(lines)} paragraphs\n")
    print("| tool | wall s | MB/s (wall) | CPU s | MB/s (CPU) | segments | trame is × (wall) | trame is × (CPU) |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for name, (dt, dc, count) in rows:
        wall, cpu = mb / dt, mb / max(dc, 1e-9)
        print(f"| {name} | {dt:.2f} | {wall:.1f} | {dc:.2f} | {cpu:.1f} | {count} | "
              f"{base_wall / wall:.1f} | {base_cpu / cpu:.1f} |")


if __name__ == "__main__":
    if sys.argv[1] == "corpus":
        build_corpus(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif sys.argv[1] == "run":
        run(*sys.argv[2:])
    else:
        sys.exit(__doc__)
