"""Ukrainian and Russian dates resolve against the publication time as English ones do."""
from __future__ import annotations

from datetime import datetime

import pytest

from newsweave.normalize.lang import TABLES
from newsweave.normalize.lang.dates import extract_times

SATURDAY = datetime(2025, 1, 11, 15, 0)


def only(text: str, code: str, reference=SATURDAY):
    found = extract_times(text, reference, TABLES[code])
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, code, begin, until", [
    ("Про це повідомили у суботу.", "uk", "2025-01-11", "2025-01-12"),
    ("Это произошло в прошлую субботу.", "ru", "2025-01-04", "2025-01-05"),
    ("Документ видали восени 2024 року.", "uk", "2024-09-01", "2024-12-01"),
    ("Документ выдали осенью 2024 года.", "ru", "2024-09-01", "2024-12-01"),
    ("Наступ почався у січні.", "uk", "2025-01-01", "2025-02-01"),
    ("Це сталося минулого року.", "uk", "2024-01-01", "2025-01-01"),
    ("Это случилось в прошлом году.", "ru", "2024-01-01", "2025-01-01"),
    ("Він служить з 2021 року.", "uk", "2021-01-01", "2022-01-01"),
    ("Полонених взяли 11 січня 2025 року.", "uk", "2025-01-11", "2025-01-12"),
    ("Удар нанесли 5 января.", "ru", "2025-01-05", "2025-01-06"),
    ("Наприкінці грудня фронт стояв.", "uk", "2024-12-21", "2025-01-01"),
    ("Три дні тому його затримали.", "uk", "2025-01-08", "2025-01-09"),
    ("Вчера вечером сбили дрон.", "ru", "2025-01-10", "2025-01-11"),
    ("Торік завод зупинили.", "uk", "2024-01-01", "2025-01-01"),
    ("Рік тому завод зупинили.", "uk", "2024-01-01", "2025-01-01"),
    ("Кілька років тому завод зупинили.", "uk", "2016-01-01", "2024-01-01"),
    ("Несколько лет назад завод остановили.", "ru", "2016-01-01", "2024-01-01"),
    ("Ціни зросли з початку року.", "uk", "2025-01-01", "2025-04-01"),
    ("До кінця вересня фронт стояв.", "uk", "2024-09-21", "2024-10-01"),
    ("Фортецю звели у XVI ст. над річкою.", "uk", "1501-01-01", "1601-01-01"),
    ("Крепость построили в конце XIX века.", "ru", "1871-01-01", "1901-01-01"),
    ("Завод працював у 1990-х.", "uk", "1990-01-01", "2000-01-01"),
    ("Завод будували у 1870-х роках.", "uk", "1870-01-01", "1880-01-01"),
    ("У 2009-му він очолив компанію.", "uk", "2009-01-01", "2010-01-01"),
    ("У 2013 компанія повідомила Мінюст.", "uk", "2013-01-01", "2014-01-01"),
    ("Закон ухвалили у 1997 р . після дебатів.", "uk", "1997-01-01", "1998-01-01"),
    ("Закон приняли в 1997 г. после дебатов.", "ru", "1997-01-01", "1998-01-01"),
])
def test_dates_resolve_against_the_publication_day(text, code, begin, until):
    found = only(text, code)
    assert (found.begin, found.until) == (begin, until)
    assert found.text in text


def test_a_year_with_its_case_ending_is_that_year_not_year_one():
    found = only("У 2024 року звіті", "uk")
    assert found.begin == "2024-01-01" and found.granularity == "year"


def test_relative_dates_without_a_publication_time_are_found_but_unresolved():
    found = only("Це сталося у суботу.", "uk", reference=None)
    assert not found.resolved and found.begin is None


def test_absolute_dates_resolve_without_a_publication_time():
    found = only("Угоду уклали 30 листопада 2007 року.", "uk", reference=None)
    assert found.resolved and found.begin == "2007-11-30"


def test_a_number_of_people_is_no_year():
    assert extract_times("Загинули 2024 людини.", SATURDAY, TABLES["uk"]) == () or all(
        t.granularity != "year" for t in extract_times("Загинули 2024 людини.", SATURDAY, TABLES["uk"]))


def test_an_amount_after_a_preposition_is_no_year():
    assert extract_times("Штраф становить до 2000 гривень.", SATURDAY, TABLES["uk"]) == ()


def test_a_clause_with_an_article_number_is_no_century():
    assert extract_times("Відповідно до ч. 1 і ст. 170 кодексу.", SATURDAY, TABLES["uk"]) == ()
