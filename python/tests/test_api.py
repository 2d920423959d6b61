"""The Python API gives what the CLI gives for the same text as a file (offsets, CRLF, BOM)."""

import json

import pyarrow as pa
import pytest

import trame
import trame.arrow
from conftest import FIXTURES, GLOSSARY, cli, cli_jsonl


def variants(tmp_path):
    """Each French fixture as is, with CRLF line ends, and with a UTF-8 BOM: (path, text)."""
    out = []
    for f in sorted((FIXTURES / "fr").glob("*.txt")):
        text = f.read_bytes().decode("utf-8")
        out.append((f, text))
    base = out[0][1]
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes(base.replace("\n", "\r\n").encode("utf-8"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + out[1][1].encode("utf-8"))
    out.append((crlf, crlf.read_bytes().decode("utf-8")))
    out.append((bom, bom.read_bytes().decode("utf-8")))  # keeps U+FEFF: a BOM for trame
    return out


def drop(records, *keys):
    return [{k: v for k, v in r.items() if k not in keys} for r in records]


def test_segment_offsets_by_hand():
    text = "\ufeffBonjour. Au revoir.\r\nÉté 2019. Fin."
    assert trame.segment(text) == [
        {"index": 0, "text": "Bonjour.", "start": 3, "end": 11},
        {"index": 1, "text": "Au revoir.", "start": 12, "end": 22},
        {"index": 2, "text": "Été 2019.", "start": 24, "end": 35},
        {"index": 3, "text": "Fin.", "start": 36, "end": 40},
    ]
    raw = text.encode("utf-8")
    assert raw[24:35].decode("utf-8") == "Été 2019."


def test_segment_equals_cli(tmp_path):
    for path, text in variants(tmp_path):
        for clean in (True, False):
            args = ["segment", "--format", "jsonl"] + ([] if clean else ["--no-clean"])
            expected = drop(cli_jsonl(*args, path), "doc")
            assert expected, path
            assert trame.segment(text, clean=clean) == expected, (path, clean)


def test_segmenter_english_rules_equal_cli():
    f = FIXTURES / "en" / "2019-03-bapa40.txt"
    seg = trame.Segmenter(lang="en")
    expected = drop(cli_jsonl("segment", "--lang", "en", "--format", "jsonl", f), "doc")
    assert seg.segment(f.read_text(encoding="utf-8")) == expected


def test_terms_equal_cli(tmp_path):
    g = trame.Glossary(GLOSSARY)
    m = trame.Matcher(g)
    total = 0
    for path, text in variants(tmp_path):
        expected = drop(cli_jsonl("terms", "-g", GLOSSARY, path), "doc")
        assert trame.terms(text, g) == expected, path
        assert m.terms(text) == expected
        total += len(expected)
    assert total > 50


def test_terms_by_hand():
    hits = trame.terms("La Directeur générale adjointe est arrivée.", str(GLOSSARY))
    assert [(h["surface"], h["en"], h["col"], h["end_col"], h["flags"]) for h in hits] == [
        ("Directeur générale adjointe", "Deputy Director General", 3, 30, ["gender-agreement"])
    ]


def test_align_equals_cli_presegmented(tmp_path):
    name = "2019-03-bapa40.txt"
    fr = [s["text"] for s in trame.segment((FIXTURES / "fr" / name).read_text(encoding="utf-8"))]
    en = [s["text"] for s in trame.segment((FIXTURES / "en" / name).read_text(encoding="utf-8"), lang="en")]
    (tmp_path / "fr.txt").write_text("\n".join(fr), encoding="utf-8")
    (tmp_path / "en.txt").write_text("\n".join(en), encoding="utf-8")
    for glossary in (None, GLOSSARY):
        args = ["align", "--presegmented", "--format", "jsonl", tmp_path / "fr.txt", tmp_path / "en.txt"]
        if glossary:
            args += ["--glossary", glossary]
        expected = drop(cli_jsonl(*args), "document", "src", "tgt")
        got = trame.align(fr, en, glossary=trame.Glossary(glossary) if glossary else None)
        assert got == expected
        assert len(got) >= min(len(fr), len(en)) // 2


def test_align_by_hand():
    got = trame.align(
        ["Le Directeur général est arrivé.", "  ", "Il a parlé 2 heures."],
        ["The Director General arrived.", "He spoke for 2 hours."],
    )
    assert [(b["src_ids"], b["tgt_ids"]) for b in got] == [([0], [0]), ([1], [1])]
    assert all(0.9 < b["confidence"] <= 1.0 for b in got)


def test_errors_are_trame_errors_with_the_cli_message(tmp_path):
    missing = tmp_path / "missing.csv"
    res = cli("terms", "-g", missing, stdin=b"x", ok=False)
    assert res.returncode == 1
    with pytest.raises(trame.TrameError) as e:
        trame.Glossary(missing)
    assert isinstance(e.value, ValueError)
    assert res.stderr.decode() == f"trame: error: {e.value}\n"
    with pytest.raises(trame.TrameError, match="binary file"):
        trame.segment("a\x00b")
    with pytest.raises(trame.TrameError):
        trame.Segmenter(lang="fr", srx=str(tmp_path / "none.srx"))


def test_learned_boilerplate_gives_the_folder_run():
    files = sorted((FIXTURES / "fr").glob("*.txt"))
    texts = [f.read_text(encoding="utf-8") for f in files]
    bp = trame.learn_boilerplate(texts)
    assert len(bp) >= 1
    seg = trame.Segmenter(boilerplate=bp)
    folder = cli_jsonl("segment", "--format", "jsonl", *files)
    for f, text in zip(files, texts):
        expected = drop([r for r in folder if r["doc"] == str(f)], "doc")
        assert seg.segment(text) == expected, f
    # blocks are plain strings: they can be saved and rebuilt
    assert trame.Segmenter(boilerplate=trame.Boilerplate(bp.blocks)).segment(texts[0]) == seg.segment(texts[0])


def test_arrow_batches_equal_per_document_calls():
    files = sorted((FIXTURES / "fr").glob("*.txt"))
    ids = pa.array([7, 3, 11, 5, 2], pa.int64())
    texts = [f.read_text(encoding="utf-8") for f in files]
    batch = pa.RecordBatch.from_arrays([ids, pa.array(texts)], names=["id", "text"])
    out = trame.arrow.segment_batch(batch)
    assert out.schema.names == ["id", "index", "text", "start", "end"]
    assert out.schema.field("id").type == pa.int64()
    expected = [dict(id=i, **s) for i, t in zip(ids.to_pylist(), texts) for s in trame.segment(t)]
    assert out.to_pylist() == expected
    g = trame.Glossary(GLOSSARY)
    t = trame.arrow.terms_batch(batch, g)
    assert t.schema.names[0] == "id"
    assert t.to_pylist() == [dict(id=i, **h) for i, x in zip(ids.to_pylist(), texts) for h in trame.terms(x, g)]
    pairs = pa.RecordBatch.from_pylist(
        [{"id": "p", "fr": ["Un chat.", "Deux chiens."], "en": ["One cat.", "Two dogs."]}]
    )
    a = trame.arrow.align_batch(pairs)
    assert a.to_pylist() == [dict(id="p", **b) for b in trame.align(["Un chat.", "Deux chiens."], ["One cat.", "Two dogs."])]
    empty = trame.arrow.segment_batch(batch.slice(0, 0))
    assert empty.num_rows == 0 and empty.schema == out.schema


def _gold_sides():
    """The five fixture pairs, segmented as the gold alignments have them: (name, fr, en)."""
    out = []
    for fr in sorted((FIXTURES.parent / "alignments").glob("*.fr.txt")):
        name = fr.name[: -len(".fr.txt")]
        en = fr.with_name(name + ".en.txt")
        out.append((name, fr.read_text(encoding="utf-8").splitlines(), en.read_text(encoding="utf-8").splitlines()))
    return out


def test_align_model_trains_once_pickles_and_is_reused(tmp_path):
    import pickle

    pairs = _gold_sides()
    assert len(pairs) == 5
    model = trame.AlignModel.train([(f, e) for _, f, e in pairs], glossary=GLOSSARY)
    assert len(model) > 100
    again = pickle.loads(pickle.dumps(model))
    assert again.to_bytes() == model.to_bytes()
    model.save(tmp_path / "m.json")
    assert trame.AlignModel.load(tmp_path / "m.json").to_bytes() == model.to_bytes()
    with pytest.raises(trame.TrameError, match="not a trame word model"):
        trame.AlignModel.from_bytes(b"{}junk")
    # Every pair aligned with the model (here from its pickled copy, as a worker gets it) keeps
    # every sentence once, in order, and mostly agrees with the CLI run over the same pairs as
    # folders. Measured on these fixtures: 80 of the CLI's 92 beads (without the model, per-pair
    # calls give 91 of 92; see README "Python": the model is for pairs too short to train on).
    fr_dir, en_dir = tmp_path / "fr", tmp_path / "en"
    fr_dir.mkdir()
    en_dir.mkdir()
    for name, f, e in pairs:
        (fr_dir / f"{name}.txt").write_text("\n".join(f), encoding="utf-8")
        (en_dir / f"{name}.txt").write_text("\n".join(e), encoding="utf-8")
    cli_beads = {}
    for r in cli_jsonl("align", "--presegmented", "--format", "jsonl", "--glossary", GLOSSARY,
                       "--fr", fr_dir, "--en", en_dir):
        cli_beads.setdefault(r["document"], []).append((tuple(r["src_ids"]), tuple(r["tgt_ids"])))
    same = total = 0
    for name, f, e in pairs:
        beads = trame.align(f, e, glossary=GLOSSARY, model=again)
        assert [i for b in beads for i in b["src_ids"]] == list(range(len([x for x in f if x.strip()])))
        assert [i for b in beads for i in b["tgt_ids"]] == list(range(len([x for x in e if x.strip()])))
        got = {(tuple(b["src_ids"]), tuple(b["tgt_ids"])) for b in beads}
        want = set(cli_beads[f"{name}.txt"] if f"{name}.txt" in cli_beads else cli_beads[name])
        same += len(got & want)
        total += len(want)
    assert same / total >= 0.85, (same, total)
