"""The words of one language that the table-driven normaliser needs: one ``Table`` per language module.

A further language that inflects like Ukrainian and Russian is a new module with a ``Table`` (and, where one
exists, a named-entity model choice in ``names.py``); the extractors in this package read nothing else.
Keys are lower case; word forms list every case the news uses ("січня", "січні", "січень").
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping


@dataclass(frozen=True)
class Table:
    code: str  # ISO 639-1
    translit: str  # cyrtranslit language code for transliterating names
    months: Mapping[str, int]  # every case form -> 1..12
    weekdays: Mapping[str, int]  # every case form -> 0 (Monday)..6
    day_words: Mapping[str, int]  # "вчора" -> -1
    parts_of_day: Mapping[str, str]  # "ввечері" -> evening
    seasons: Mapping[str, str]  # "восени", "осінь", "осені" -> autumn
    last: tuple[str, ...]  # forms of "last/previous" ("минулого", "минулої", "минулому")
    this: tuple[str, ...]
    next: tuple[str, ...]
    units: Mapping[str, str]  # "тижня" -> week, "року" -> year, "місяця" -> month, "днів" -> day
    ago: tuple[str, ...]  # "тому", "назад"
    year_words: tuple[str, ...]  # "року", "рік", "році", "роках", "р."
    edges: Mapping[str, str]  # "на початку" -> early, "наприкінці" -> late, "в середині" -> mid
    since: tuple[str, ...]  # "з", "від", "с", "начиная с"
    numbers: Mapping[str, int]  # cardinal words in every case ("двох" -> 2, "сорока" -> 40)
    scales: Mapping[str, int]  # "тисяч", "тис." -> 1000, "млн" -> 10**6
    qualifiers: Mapping[str, str]  # "понад" -> more_than, "близько" -> about
    currencies: Mapping[str, str]  # "гривень" -> UAH
    measures: Mapping[str, str]  # "кілометрів" -> km, "відсотків" -> percent
    approx: Mapping[str, tuple[str, int, int]]  # "десятки" -> (dozens, 20, 99)
    age_words: tuple[str, ...]  # "років", "роки", "рік" (after a number: an age in "віком 19 років")
    age_intro: tuple[str, ...]  # "віком", "у віці", "в возрасте"
    age_adjective: str  # regex of the "-річний" / "-летний" adjective after a number
    birth: tuple[str, ...]  # "року народження", "года рождения", "народився у"
    cue_verbs: tuple[str, ...]  # reporting verb stems: "заяв", "повідом", "сказа"
    cue_phrases: tuple[str, ...]  # phrases before a source: "за словами", "за даними", "як повідомили в"
    negations: tuple[str, ...]  # "не", "ні", "ніхто"
    modality: Mapping[str, tuple[str, ...]]  # kind -> words ("нібито" claimed, "ймовірно" likely)
    abbreviations: frozenset[str] = field(default_factory=frozenset)  # words a full stop does not end a sentence after
    year_adverbs: Mapping[str, int] = field(default_factory=dict)  # "торік" -> -1, "цьогоріч" -> 0
    few: tuple[str, ...] = ()  # "кілька", "несколько": an unknown small count ("кілька років тому")
    centuries: tuple[str, ...] = ()  # after a Roman numeral: "століття", "ст.", "века", "в."
