"""Small helpers for writing English for learners: lists of names and counted words.

Every sentence the toolkit writes about people or numbers goes through these,
so "Gran, Dev and Niamh" and "1 time" / "2 times" read the same everywhere
(never "time(s)").

Examples
--------
>>> names_in_words(["Gran", "Dev", "Niamh"])
'Gran, Dev and Niamh'
>>> count_words(1, "job"), count_words(3, "job"), count_words(2, "person", "people")
('1 job', '3 jobs', '2 people')
"""

from __future__ import annotations

from typing import Any, Iterable, Optional, Sequence

__all__ = ["names_in_words", "people_in_words", "count_words", "plural"]


def names_in_words(names: Sequence[str], limit: Optional[int] = 4, empty: str = "") -> str:
    """Names as an English list: 'A', 'A and B', 'A, B and C', 'A, B, C, D and 3 others'.

    ``limit=None`` lists every name; ``empty`` is what an empty list reads as.

    Examples
    --------
    >>> names_in_words(["A", "B", "C", "D", "E", "F"])
    'A, B, C, D and 2 others'
    >>> names_in_words([], empty="nobody")
    'nobody'
    """
    names = list(names)
    if not names:
        return empty
    if limit is not None and len(names) > limit:
        rest = len(names) - limit
        return ", ".join(names[:limit]) + f" and {count_words(rest, 'other')}"
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def people_in_words(scenario: Any, ids: Iterable[str], limit: Optional[int] = None, empty: str = "") -> str:
    """The display names of person ids (or the child's id) in a scenario, as an English list.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> people_in_words(example_scenario(), ["gran", "sam", "dev"])
    'Gran, Sam and Dev'
    """
    return names_in_words([scenario.name_of(i) for i in ids], limit=limit, empty=empty)


def plural(count: int, word: str, plural_word: Optional[str] = None) -> str:
    """``word`` or its plural for ``count`` (``plural_word`` for irregular ones).

    Examples
    --------
    >>> plural(1, "day"), plural(0, "day"), plural(2, "child", "children")
    ('day', 'days', 'children')
    """
    return word if count == 1 else (plural_word or word + "s")


def count_words(count: int, word: str, plural_word: Optional[str] = None) -> str:
    """A count and its word: '1 time', '2 times', '0 people'."""
    return f"{count} {plural(count, word, plural_word)}"
