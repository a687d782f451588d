"""Names in Ukrainian and Russian text: spans as a reader marks them."""
from __future__ import annotations

import pytest

from newsweave.normalize.lang.names import entity_spans

pytest.importorskip("natasha")


def _names(text: str) -> list[str]:
    return [text[s:e] for s, e, _ in entity_spans(text)]


def test_a_name_glossed_in_brackets_is_two_mentions():
    text = "Министр труда Хубертус Хайль (Hubertus Heil) заявил об этом в Берлине."
    names = _names(text)
    assert "Хубертус Хайль" in names and "Hubertus Heil" in names
    assert not any("(" in name for name in names)


def test_an_acronym_in_brackets_is_its_own_mention():
    text = "По данным Всемирной организации здравоохранения (ВОЗ), вакцина безопасна."
    names = _names(text)
    assert "ВОЗ" in names and not any("(" in name for name in names)


def test_two_latin_names_joined_by_a_slash_are_two_mentions():
    names = _names("Щеплення проводять препаратами компаній Pfizer/BioNTech та Moderna.")
    assert {"Pfizer", "BioNTech", "Moderna"} <= set(names)


def test_a_slash_inside_a_web_address_splits_no_names():
    names = _names("Деталі на сайті https://example.com/News/Today та в газеті.")
    assert "News" not in names and "Today" not in names
