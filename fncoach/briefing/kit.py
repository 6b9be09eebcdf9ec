"""The trainer's kit in the facilitator pack, and the availability grid in both packs.

Each function renders one part from a template in
``fncoach/pages/templates/briefing/`` with the plain data worked out by
:mod:`fncoach.trainerkit`: the running sheet for the day, the one-page answer
key, cards to cut out for the sort, clue cards for the people still to be
found, and the grid of when people are free (which the trainee handout has
too, built from :func:`fncoach.briefing.leaks.trainee_view`).

Every kit part starts a new printed page.

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> s = tiny_scenario()
>>> "Card sort" in running_sheet_section(s) and "10 (10)" in running_sheet_section(s)
True
>>> "Existing safety" in answer_key_section(s)
True
>>> "Existing safety" in cut_out_cards_section(s)
False
"""

from __future__ import annotations

from markupsafe import Markup

from ..model import Scenario
from ..trainerkit import BREAK_MINUTES, answer_key, availability_grid, clue_cards, cut_out_cards, running_sheet
from .sections import fragment

__all__ = [
    "running_sheet_section",
    "answer_key_section",
    "cut_out_cards_section",
    "clue_cards_section",
    "availability_section",
    "trainer_kit",
]

_DAY_NAMES = (("mon", "Mon"), ("tue", "Tue"), ("wed", "Wed"), ("thu", "Thu"), ("fri", "Fri"), ("sat", "Sat"),
              ("sun", "Sun"))


def running_sheet_section(scenario: Scenario, start: str = "09:30") -> Markup:
    """The running sheet: activities, clock times, minutes with running totals, breaks, materials, prompts."""
    steps = running_sheet(scenario, start)
    total = steps[-1].total if steps else 0
    return fragment("running_sheet", steps=steps, start=steps[0].start if steps else start, total=total,
                    duration=scenario.meta.duration_minutes, break_minutes=BREAK_MINUTES)


def answer_key_section(scenario: Scenario) -> Markup:
    """The one-page answer key: each card, its column and the reason in one line."""
    return fragment("answer_key", rows=answer_key(scenario))


def cut_out_cards_section(scenario: Scenario) -> Markup:
    """The cards for the sort, to print and cut out (their text and number only)."""
    return fragment("cut_out_cards", cards=cut_out_cards(scenario))


def clue_cards_section(scenario: Scenario) -> Markup:
    """Clue cards for the people still to be found."""
    return fragment("clue_cards", cards=clue_cards(scenario))


def availability_section(scenario: Scenario) -> Markup:
    """When the people already known are free, day by day, for Exercise 4 (both packs).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> html = availability_section(tiny_scenario())
    >>> "5.30–9pm" in html and "Niamh" not in html
    True
    """
    child = scenario.child.name
    intro = (f"For Exercise 4: when each person {child}'s workers know about can help, how many hours a week they "
             "have offered, how long the journey is and what they can do. “Any time” means they have not said "
             "when they are busy.")
    return fragment("availability_grid", title="When people are free", intro=intro, rows=availability_grid(scenario),
                    days=[d for d, _ in _DAY_NAMES], day_names=[n for _, n in _DAY_NAMES])


def trainer_kit(scenario: Scenario, start: str = "09:30") -> Markup:
    """Every part of the trainer's kit, in the order a trainer uses them."""
    return Markup("").join([running_sheet_section(scenario, start), answer_key_section(scenario),
                            cut_out_cards_section(scenario), clue_cards_section(scenario)])
