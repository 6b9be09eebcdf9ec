"""Small example scenarios for documentation, doctests and first experiments.

They ship inside the package (``fncoach/examples_data/``), so every doctest
works from an installed wheel, not only from a checkout with ``tests/``.

- :func:`tiny_scenario` — Zoë's case: a short but complete scenario file with
  every section (people, ties, SOS material, plan, drills, meetings).
- :func:`example_scenario` — Sam and Gran: three people and two tasks, built
  from a literal dictionary, for the smallest examples.

Examples
--------
>>> tiny_scenario().child.name
'Zoë'
>>> [p.id for p in example_scenario().people]
['gran', 'dev', 'sw']
"""

from __future__ import annotations

from pathlib import Path

from .model import Scenario

__all__ = ["TINY_PATH", "tiny_scenario", "example_scenario"]

#: The file behind :func:`tiny_scenario`, installed with the package.
TINY_PATH = Path(__file__).resolve().parent / "examples_data" / "tiny.yaml"


def tiny_scenario() -> Scenario:
    """Zoë's case, loaded (and validated) from the packaged ``tiny.yaml``."""
    from .scenario import load_scenario

    return load_scenario(TINY_PATH)


def example_scenario() -> Scenario:
    """A tiny literal scenario (three people, two tasks, 14 drill days) for examples and doctests."""
    data = {
        "meta": {"id": "example", "title": "Example: Sam and Gran", "summary": "A tiny example used in the documentation.",
                 "learning_goals": ["Read the examples."]},
        "child": {"id": "sam", "name": "Sam", "age": 7, "lives_now": "With Dad."},
        "people": [
            {"id": "gran", "name": "Gran", "relationship": "Grandmother", "domain": "family", "travel_minutes": 10,
             "contact": "07700 900001", "can_do": ["phone_calls", "host_overnight"], "hours_per_week": 5},
            {"id": "dev", "name": "Dev", "relationship": "Family friend", "domain": "friends", "travel_minutes": 20,
             "contact": "07700 900002", "can_do": ["phone_calls", "host_overnight"],
             "safety": {"status": "to_explore", "reason": "Not met yet."}},
            {"id": "sw", "name": "Ali", "relationship": "Social worker", "domain": "professional", "paid": True,
             "can_do": ["phone_calls"]},
        ],
        "sos": {"cards": [{"id": "c1", "text": "Dad loves Sam.", "column": "strength", "explanation": "A strength."}],
                "worry_statements": [{"id": "w_nights", "text": "Ali is worried that Dev might leave Sam alone at "
                                                                "night, and that Sam could be frightened."}]},
        "plan": {"tasks": [
            {"id": "call", "title": "Evening phone call", "kind": "phone_call", "in_person": False,
             "when": {"weekly": ["mon", "thu"], "start": "18:00", "end": "18:15"}, "requires": ["phone_calls"],
             "child_words": "Gran rings us after tea."},
            {"id": "sleepover", "title": "Sleepover at a helper's house", "kind": "overnight",
             "when": {"dates": ["2026-01-10"], "start": "17:00", "end": "10:00"}, "requires": ["host_overnight"],
             "child_words": "I sleep over at Gran's."},
        ]},
        "drills": {"start_date": "2026-01-05", "days": 14, "absence_chance": 0.1,
                   "events": [{"id": "away", "person": "gran", "from_day": 8, "to_day": 8, "reason": "Gran is at a funeral."}]},
        "meetings": [{"id": "m1", "kind": "initial", "week": 0, "title": "First meeting"}],
        "review_answers": [
            {"who": "gran", "question": "What are the worries, and what would we do if Dev left Sam alone?",
             "answer": "The worry is Sam on his own at night. If Dev can't stay, Sam sleeps at mine."},
            {"who": "dev", "question": "What would we do if Gran was away?",
             "answer": "Not sure. Gran always sorts it.", "gap": "Dev does not know he is Gran's backup."},
        ],
    }
    return Scenario.model_validate(data)
