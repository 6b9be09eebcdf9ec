"""Tests for fncoach.course: the case summary learners see first."""

from __future__ import annotations

from fncoach.course import case_summary_lines
from fncoach.scenario import load_scenario
from netbuild import bundled_scenario_files


def _case(name):
    return load_scenario(next(p for p in bundled_scenario_files() if p.stem == name))


def test_the_summary_counts_carers_apart_from_professionals():
    line = next(x for x in case_summary_lines(_case("long_term_foster_links")) if x.startswith("Known so far"))
    assert line.startswith("Known so far: 10 people in the family and wider network, 2 carers in Kofi's everyday "
                           "life and 4 professionals")


def test_a_case_without_carers_does_not_mention_them(tiny):
    line = next(x for x in case_summary_lines(tiny) if x.startswith("Known so far"))
    assert "carer" not in line and "1 professional;" in line
