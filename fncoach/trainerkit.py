"""A trainer's kit for running a case with a group: the running sheet, answer key, cards and grids.

Everything here is plain data worked out from a scenario; the briefing pack
prints it (:mod:`fncoach.briefing.kit`).

- :func:`running_sheet` — the session step by step: each activity with its
  minutes, the clock time and the running total, breaks, what to have ready,
  a prompt to get people talking, and where the model answers come in;
- :func:`answer_key` — each card with its column and a one-line reason;
- :func:`cut_out_cards` — the cards for the sort, numbered as in the handout;
- :func:`clue_cards` — one card for each person still to be found: the
  question that finds them and what the group hears;
- :func:`availability_grid` — when each person is free, day by day, with the
  hours a week they offered, how far away they live and what they can do,
  so "check when people are free" can be done on paper.

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> s = tiny_scenario()
>>> [(step.activity, step.minutes, step.total) for step in running_sheet(s)]
[('Card sort', 10, 10)]
>>> answer_key(s)[0].column
'harm'
>>> clue_cards(s)[0].name
'Niamh Byrne'
>>> availability_grid(s)[1].days["sat"]
'7am–9pm'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from .model import WEEKDAYS, Person, Scenario

__all__ = [
    "COLUMN_TITLES",
    "BREAK_AFTER_MINUTES",
    "BREAK_MINUTES",
    "Step",
    "running_sheet",
    "AnswerKeyRow",
    "answer_key",
    "CutOutCard",
    "cut_out_cards",
    "ClueCard",
    "clue_cards",
    "AvailabilityRow",
    "availability_grid",
]

#: The SOS columns as the course names them (one list, in :mod:`fncoach.sos`).
from .sos import COLUMN_SHORT_TITLES as COLUMN_TITLES  # noqa: E402
#: A break comes once this many minutes have run since the start or the last break (if more follows).
BREAK_AFTER_MINUTES = 60
#: How long a break is.
BREAK_MINUTES = 15

_DEFAULT_TIMINGS = (
    ("Introduction and the child's Three Houses", 10), ("Eco-map and finding the network", 20),
    ("SOS card sort", 20), ("Worry statements and safety goals", 20), ("Safety plan and backups", 20),
    ("Contingency drill", 10), ("Discussion questions", 10),
)


@dataclass(frozen=True)
class Step:
    """One line of the running sheet.

    Attributes
    ----------
    activity : str
    minutes : int
    start, end : str
        Clock times, e.g. ``"9.30am"``.
    total : int
        Minutes from the start of the session to the end of this step (breaks included).
    materials : tuple of str
        What to have ready.
    prompt : str
        A question to get people talking.
    model_answers : str
        Which model answers to bring in at the end of this step ("" for none).
    is_break : bool
    """

    activity: str
    minutes: int
    start: str
    end: str
    total: int
    materials: tuple[str, ...] = ()
    prompt: str = ""
    model_answers: str = ""
    is_break: bool = False


#: Activity words → what the step is about (an activity can be about several things).
_TOPICS: tuple[tuple[str, str], ...] = (
    ("intro", r"introduc|three houses|views|what .*means|welcome"),
    ("network", r"eco-?map|finding|network|missing|who will|bridges"),
    ("sort", r"card|sort"),
    ("statements", r"worry|statement|goal"),
    ("scale", r"scal"),
    ("plan", r"plan|private family time|rota|backup|carer breaks"),
    ("drill", r"drill|what if|contingency"),
    ("review", r"review|handover|meeting"),
    ("discussion", r"discuss"),
)


def _topics(activity: str) -> list[str]:
    text = activity.lower()
    found = [topic for topic, pattern in _TOPICS if re.search(pattern, text)]
    if "network" in found and "plan" in found and "eco" not in text:
        found.remove("network")  # "safety plan with people near and far" is about the plan
    return found or ["other"]


def _step_details(topic: str, scenario: Scenario) -> tuple[tuple[str, ...], str, str]:
    child = scenario.child.name
    hidden = [p for p in scenario.people if not p.is_known]
    first_task = scenario.plan.tasks[0].title if scenario.plan.tasks else "the first job"
    question = scenario.discussion_questions[0] if scenario.discussion_questions else (
        f"Who else might know {child} well?")
    details = {
        "intro": (("Trainee handout: the case in brief and the Three Houses",),
                  f"What would {child} want us to know first?", ""),
        "network": (("Trainee handout: the eco-map",) + (("Clue cards (cut out)",) if hidden else ()),
                    f"Who has nobody mentioned yet? Whose side of {child}'s family is missing?",
                    "The whole network and the people still to be found" if hidden else ""),
        "sort": (("Cut-out cards, one set per group", "Three Houses sheet or a large SOS map"),
                 "Has this already happened, might it happen, or does it just make things harder?",
                 "Answer key (one page), then the model card sort"),
        "statements": (("Trainee handout: Exercise 2",),
                       "Whose behaviour are we worried about? What would the child notice if it changed?",
                       "Model worry statements and safety goals"),
        "scale": (("Trainee handout: Exercise 3",), f"What would 10 look like for {child}?",
                  "Model safety-scale numbers"),
        "plan": (("Trainee handout: Exercise 4 and the availability grid",),
                 f"Who is free for '{first_task}'? Who steps in if they cannot?",
                 "Model plan and what the plan check says"),
        "drill": (("Drill heatmap (slide)",), "What happens to the plan when someone is away for a week?",
                  "Drill results: the heatmap and the jobs missed"),
        "review": ((), "What has the network done, and how does it know it is working?", ""),
        "discussion": (("Trainee handout: discussion questions",), question, ""),
        "other": (("Trainee handout",), "", ""),
    }
    return details[topic]


def _clock(minutes: int) -> str:
    hour, minute = divmod(minutes % (24 * 60), 60)
    suffix = "am" if hour < 12 else "pm"
    hour12 = hour % 12 or 12
    return f"{hour12}{'.%02d' % minute if minute else ''}{suffix}"


def running_sheet(scenario: Scenario, start: str = "09:30") -> tuple[Step, ...]:
    """The session step by step, from the scenario's suggested timings (or a standard day when it has none).

    A :data:`BREAK_MINUTES`-minute break is put in once :data:`BREAK_AFTER_MINUTES`
    minutes have run since the start or the last break, when at least half an hour
    of the session is still to come.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> sheet = running_sheet(example_scenario())
    >>> [(s.activity, s.start, s.total) for s in sheet][:5]  # doctest: +NORMALIZE_WHITESPACE
    [("Introduction and the child's Three Houses", '9.30am', 10), ('Eco-map and finding the network', '9.40am', 30),
     ('SOS card sort', '10am', 50), ('Worry statements and safety goals', '10.20am', 70), ('Break', '10.40am', 85)]
    """
    hours, minutes = start.split(":")
    clock = int(hours) * 60 + int(minutes)
    timings = [(t.activity, t.minutes) for t in scenario.facilitator.timings] or list(_DEFAULT_TIMINGS)
    steps: list[Step] = []
    total, since_break = 0, 0
    for index, (activity, length) in enumerate(timings):
        materials: list[str] = []
        prompts: list[str] = []
        answers: list[str] = []
        for topic in _topics(activity):
            stuff, prompt, model = _step_details(topic, scenario)
            materials += [m for m in stuff if m not in materials]
            if prompt and prompt not in prompts:
                prompts.append(prompt)
            if model and model not in answers:
                answers.append(model)
        steps.append(Step(activity, length, _clock(clock + total), _clock(clock + total + length), total + length,
                          tuple(materials), " ".join(prompts[:2]), "; ".join(answers)))
        total += length
        since_break += length
        still_to_come = sum(m for _, m in timings[index + 1:])
        if since_break >= BREAK_AFTER_MINUTES and still_to_come >= 2 * BREAK_MINUTES:
            steps.append(Step("Break", BREAK_MINUTES, _clock(clock + total), _clock(clock + total + BREAK_MINUTES),
                              total + BREAK_MINUTES, is_break=True))
            total += BREAK_MINUTES
            since_break = 0
    return tuple(steps)


@dataclass(frozen=True)
class AnswerKeyRow:
    """A card, its model column and the reason in one line."""

    number: int
    text: str
    column: str
    column_title: str
    reason: str


def _first_sentence(text: str) -> str:
    match = re.match(r"(.+?[.!?])(\s|$)", text.strip(), re.DOTALL)
    return (match.group(1) if match else text.strip())


def answer_key(scenario: Scenario) -> tuple[AnswerKeyRow, ...]:
    """Each card in handout order with its model column and the first sentence of its explanation.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> row = answer_key(tiny_scenario())[3]
    >>> row.number, row.column_title, row.reason
    (4, 'Existing safety', 'Protection shown over time is existing safety, not just a strength.')
    """
    return tuple(AnswerKeyRow(number, card.text, card.column, COLUMN_TITLES[card.column],
                              _first_sentence(card.explanation))
                 for number, card in enumerate(scenario.sos.cards, start=1))


@dataclass(frozen=True)
class CutOutCard:
    """One card to cut out for the sort: its handout number and its text (never its column)."""

    number: int
    text: str


def cut_out_cards(scenario: Scenario) -> tuple[CutOutCard, ...]:
    """The cards for the sort, numbered as in the trainee handout.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> cut_out_cards(tiny_scenario())[5]
    CutOutCard(number=6, text="Zoë's favourite colour is purple.")
    """
    return tuple(CutOutCard(number, card.text) for number, card in enumerate(scenario.sos.cards, start=1))


_SOURCE_QUESTIONS = {
    "places_lived": "Where have you lived before, and who did you know there?",
    "schools": "Who knew {child} at school or nursery?",
    "celebrations": "Who came to {child}'s last birthday or a family celebration?",
    "mothers_side": "Who is on Mum's side of the family?",
    "fathers_side": "Who is on Dad's side of the family?",
    "faith_community": "Is there a faith or community group the family belongs to?",
    "who_child_misses": "Who does {child} miss?",
    "old_neighbours": "Who were your neighbours before?",
    "parents_friends": "Who are the parents' friends?",
    "clubs_hobbies": "Who does {child} see at clubs or hobbies?",
    "work": "Who do the adults know through work?",
    "health_professionals": "Which doctors, nurses or therapists know the family?",
    "social_media": "Who does the family keep in touch with online?",
    "records": "What do the records (old files, letters) say about family?",
}


@dataclass(frozen=True)
class ClueCard:
    """A card for one person still to be found: who, the questions that find them, and what the group hears."""

    name: str
    relationship: str
    questions: tuple[str, ...]
    clue: str


def clue_cards(scenario: Scenario) -> tuple[ClueCard, ...]:
    """One clue card for each person the workers have not found yet (hand it over when a group asks).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> card = clue_cards(tiny_scenario())[0]
    >>> card.questions[0], card.clue
    ("Who came to Zoë's last birthday or a family celebration?", 'Zoë says Auntie Niamh always sends a card and rings on her birthday.')
    """
    child = scenario.child.name
    return tuple(ClueCard(p.name, p.relationship,
                          tuple(_SOURCE_QUESTIONS[s].format(child=child) for s in p.not_yet_known.found_by),
                          p.not_yet_known.clue)
                 for p in scenario.people if p.not_yet_known is not None)


@dataclass(frozen=True)
class AvailabilityRow:
    """When one person can help, day by day, and what else the plan exercise needs to know."""

    name: str
    relationship: str
    days: dict[str, str] = field(default_factory=dict)
    hours_per_week: str = ""
    travel: str = ""
    can_do: str = ""
    safety: str = ""
    paid: bool = False
    not_yet_found: bool = False


_SAFETY_WORDS = {"safe": "safe", "to_explore": "to be explored", "worry": "a worry"}


def _span(start: str, end: str) -> str:
    def words(text: str) -> str:
        hours, minutes = (int(part) for part in text.split(":"))
        return _clock(hours * 60 + minutes)

    if start == "00:00" and end in ("23:59", "24:00"):
        return "all day"
    first, last = words(start), words(end)
    if first[-2:] == last[-2:]:  # "5.30–9pm", not "5.30pm–9pm": short enough for a narrow column
        first = first[:-2]
    return f"{first}–{last}"


def _row(person: Person) -> AvailabilityRow:
    days: dict[str, str] = {}
    for day in WEEKDAYS:
        if not person.available:
            days[day] = "any time"
            continue
        spans = [_span(slot.start, slot.end) for slot in person.available if day in slot.days]
        days[day] = ", ".join(spans) if spans else "—"
    hours = "" if person.hours_per_week is None else f"{person.hours_per_week:g}"
    if person.joins_virtually:
        travel = "phone or video only"
    elif person.travel_minutes:
        travel = f"{person.travel_minutes} min"
    else:
        travel = "lives there" if person.domain == "household" else "—"
    return AvailabilityRow(person.name, person.relationship, days, hours, travel,
                           ", ".join(c.replace("_", " ") for c in person.can_do), _SAFETY_WORDS[person.safety.status],
                           person.paid or person.domain == "professional", not person.is_known)


def availability_grid(scenario: Scenario, people: Optional[Iterable[str]] = None) -> tuple[AvailabilityRow, ...]:
    """When each person is free, day by day (default: the people the workers already know).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> rows = availability_grid(tiny_scenario())
    >>> [r.name for r in rows]
    ["Ciara O'Neill", 'Gran Róisín', 'Dev Patel', 'Amara Okafor']
    >>> rows[2].days["mon"], rows[2].hours_per_week, rows[2].travel
    ('5.30–9pm', '4', '25 min')
    """
    chosen: Sequence[Person]
    if people is None:
        chosen = [p for p in scenario.people if p.is_known]
    else:
        wanted = set(people)
        chosen = [p for p in scenario.people if p.id in wanted]
    return tuple(_row(p) for p in chosen)
