"""Ukrainian and Russian quantities keep their qualifier; ages give birth-year intervals."""
from __future__ import annotations

from datetime import datetime

import pytest

from newsweave.normalize.lang import TABLES
from newsweave.normalize.lang.numbers import extract_ages, extract_quantities, parse_number

REFERENCE = datetime(2025, 1, 11)


@pytest.mark.parametrize("text, code, low, high, qualifier", [
    ("Понад 11 тисяч військових КНДР воюють.", "uk", 11_000, None, "more_than"),
    ("Более 11 тысяч военных КНДР воюют.", "ru", 11_000, None, "more_than"),
    ("Загинули близько сорока бійців.", "uk", 40, 40, "about"),
    ("Погибли около сорока бойцов.", "ru", 40, 40, "about"),
    ("Взяли в полон двох солдатів.", "uk", 2, 2, "exact"),
    ("Щонайменше 12 людей поранені.", "uk", 12, None, "at_least"),
    ("Від 5 до 10 км від кордону.", "uk", 5, 10, "range"),
])
def test_counts_keep_their_qualifier(text, code, low, high, qualifier):
    found = extract_quantities(text, TABLES[code])
    assert len(found) == 1, found
    q = found[0]
    assert (q.low, q.high, q.qualifier) == (low, high, qualifier)


@pytest.mark.parametrize("text, code, value, unit", [
    ("Вартість 7,08 млн грн.", "uk", 7_080_000, "UAH"),
    ("Сумма 5 млн долларов.", "ru", 5_000_000, "USD"),
    ("Виділили 15 000 гривень.", "uk", 15_000, "UAH"),
    ("Ставка 30%.", "ru", 30, "percent"),
])
def test_money_and_percentages_carry_their_unit(text, code, value, unit):
    (q,) = extract_quantities(text, TABLES[code])
    assert q.low == value and q.unit == unit


def test_number_words_read_in_any_case():
    table = TABLES["uk"]
    assert parse_number("двох", table) == 2
    assert parse_number("двадцять п'ять", table) == 25
    assert parse_number("сорока", TABLES["ru"]) == 40


def test_dates_and_ages_masked_out_of_counts():
    text = "У 2024 році 19-річний боєць"
    assert extract_quantities(text, TABLES["uk"], masks=[(2, 14), (15, 24)]) == ()


@pytest.mark.parametrize("text, code, kind, low, high", [
    ("19-річний стрілець", "uk", "age", 2005, 2006),
    ("19-летний стрелок", "ru", "age", 2005, 2006),
    ("солдат 2005 року народження", "uk", "birth_year", 2005, 2005),
    ("военный 1998 года рождения", "ru", "birth_year", 1998, 1998),
    ("Він заявив, що йому 19 років.", "uk", "age", 2005, 2006),
    ("боєць віком 25 років", "uk", "age", 1999, 2000),
])
def test_ages_and_birth_years(text, code, kind, low, high):
    (age,) = extract_ages(text, REFERENCE, TABLES[code])
    assert (age.kind, age.birth_low, age.birth_high) == (kind, low, high)
