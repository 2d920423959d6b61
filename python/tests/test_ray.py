"""Ray Data: trame.ray.segment / terms equal per-document calls (skipped when Ray is not installed;
CI does not install it, see README "Python")."""

import pytest

import trame
from conftest import GLOSSARY
from test_spark import generated_documents

ray = pytest.importorskip("ray")
import trame.ray  # noqa: E402


@pytest.fixture(scope="module")
def ray_local():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_ray_segment_and_terms_equal_per_document_calls(ray_local):
    docs = generated_documents(300)
    ds = ray.data.from_items([{"id": i, "text": t} for i, t in docs]).repartition(4)
    got = sorted(trame.ray.segment(ds).take_all(), key=lambda r: (r["id"], r["index"]))
    assert got == [dict(id=i, **s) for i, t in docs for s in trame.segment(t)]
    g = trame.Glossary(GLOSSARY)
    key = lambda r: (r["id"], r["line"], r["col"], r["fr"])  # noqa: E731
    got = sorted(trame.ray.terms(ds, GLOSSARY).take_all(), key=key)
    expected = sorted((dict(id=i, **h) for i, t in docs for h in trame.terms(t, g)), key=key)
    assert [dict(r, flags=list(r["flags"])) for r in got] == expected
