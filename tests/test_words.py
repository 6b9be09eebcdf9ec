"""English lists of names and counted words (fncoach.words)."""

import pytest

from fncoach.examples import example_scenario
from fncoach.words import count_words, names_in_words, people_in_words, plural


@pytest.mark.parametrize("names, limit, expected", [
    ([], None, ""),
    (["Gran"], None, "Gran"),
    (["Gran", "Dev"], None, "Gran and Dev"),
    (["A", "B", "C"], None, "A, B and C"),
    (["A", "B", "C", "D", "E"], 4, "A, B, C, D and 1 other"),
    (["A", "B", "C", "D", "E", "F"], 4, "A, B, C, D and 2 others"),
    (["A", "B", "C", "D"], 4, "A, B, C and D"),
])
def test_names_in_words(names, limit, expected):
    assert names_in_words(names, limit=limit) == expected


def test_an_empty_list_can_read_as_a_word():
    assert names_in_words([], empty="nobody") == "nobody"


def test_people_in_words_uses_display_names_and_the_child():
    assert people_in_words(example_scenario(), ["sw", "sam"]) == "Ali and Sam"


@pytest.mark.parametrize("count, expected", [(0, "0 times"), (1, "1 time"), (2, "2 times")])
def test_count_words(count, expected):
    assert count_words(count, "time") == expected


def test_irregular_plurals():
    assert plural(2, "person", "people") == "people" and plural(1, "person", "people") == "person"
