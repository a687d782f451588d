"""The torch-free ``static`` embedder: a token table distilled from the ONNX MiniLM, cached on disk."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from newsweave.embed import embedders as embed
from newsweave.embed.embedders import get_embedder
from newsweave.errors import MissingExtra

SAME_A = "The prisoners do not speak Ukrainian, English or Russian, the SBU said."
SAME_B = "The SSU stated that the prisoners do not speak Ukrainian, English or Russian."
OTHER = "Russia and North Korea signed a mutual defense pact in November."


@pytest.fixture(scope="session")
def static():
    """One build per machine: the table lands in the user cache and later sessions load it."""
    return embed.get_embedder("static")


@pytest.fixture(scope="session")
def table_file(static) -> Path:
    return embed.static_table_path(embed._onnx_model_path())


def test_static_encodes_normalised_256_dim_vectors(static):
    assert embed.get_embedder("static") is static
    vectors = static.encode([SAME_A, "", "zzzz qqqq"])
    assert vectors.shape == (3, 256) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert static.encode([]).shape == (0, 256)


def test_static_is_deterministic_and_batch_independent(static):
    texts = [SAME_A, SAME_B, OTHER]
    together = static.encode(texts)
    alone = np.vstack([static.encode([t]) for t in texts])
    assert np.array_equal(together, static.encode(texts))
    assert np.allclose(together, alone, atol=1e-6)


def test_paraphrase_is_closer_than_unrelated_sentence(static):
    a, b, c = static.encode([SAME_A, SAME_B, OTHER])
    assert float(a @ b) > float(a @ c) + 0.2


def test_cached_table_is_reused_without_rebuilding(static, table_file, tmp_path, monkeypatch):
    copy = tmp_path / table_file.name
    copy.write_bytes(table_file.read_bytes())
    os.utime(copy, (1_000_000_000, 1_000_000_000))
    monkeypatch.setattr(embed, "build_static_table", lambda *a, **k: pytest.fail("table rebuilt"))
    reloaded = embed._load_static(tmp_path)
    assert copy.stat().st_mtime == 1_000_000_000 and sorted(tmp_path.iterdir()) == [copy]
    assert np.array_equal(reloaded.encode([SAME_A, OTHER]), static.encode([SAME_A, OTHER]))


def test_truncated_cache_is_rebuilt_to_the_same_bytes(table_file, tmp_path, monkeypatch):
    """A truncated file is rebuilt (a real build: it also shows the build is deterministic) and replaced."""
    original = table_file.read_bytes()
    broken = tmp_path / table_file.name
    broken.write_bytes(original[: len(original) // 3])
    embed._load_static(tmp_path)
    assert broken.read_bytes() == original
    assert sorted(tmp_path.iterdir()) == [broken]  # no temporary file left behind


def test_cache_key_follows_the_recipe(table_file, monkeypatch):
    monkeypatch.setattr(embed, "STATIC_RECIPE", embed.STATIC_RECIPE + "-next")
    assert embed.static_table_path(embed._onnx_model_path()).name != table_file.name


def test_missing_onnxruntime_names_the_onnx_extra_when_the_table_must_be_built(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    with pytest.raises(MissingExtra) as caught:
        embed._load("static", tmp_path)
    assert caught.value.extra == "onnx"


def test_a_cached_table_loads_without_onnxruntime(static, table_file, monkeypatch):
    monkeypatch.setitem(sys.modules, "onnxruntime", None)
    again = embed._load("static")
    assert np.allclose(again.encode([SAME_A]), static.encode([SAME_A]))


def test_static_does_not_import_torch(static):
    code = ("import sys; from newsweave.embed.embedders import get_embedder; get_embedder('static').encode(['a b']); "
            "assert 'torch' not in sys.modules")
    src = str(Path(embed.__file__).resolve().parents[2])
    env = dict(os.environ, PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))
    subprocess.run([sys.executable, "-c", code], check=True, env=env, timeout=120)


def test_embedder_cached_and_normalised():
    e = get_embedder("auto")
    assert get_embedder("auto") is e
    v = e.encode(["Ukraine captured two North Korean soldiers.", ""])
    assert v.shape == (2, 384) and abs(float((v[0] ** 2).sum()) - 1.0) < 1e-4
