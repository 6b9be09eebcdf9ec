"""Practice rules a case must keep, for scenario authors (``fncoach validate --practice``).

A scenario can be valid YAML and still teach the practice wrong. This module
reads a loaded :class:`~fncoach.model.Scenario` and lists, as warnings, the
places where the case breaks the rules the course teaches:

- the first review meeting comes within four weeks (28 days) of the first
  Family Network Meeting, and the drill period is not longer than that;
- the case closes (its ``final`` meeting) with numbers at or near its own
  definition of 10 — 9 or 10 — or the meeting's ``closing_note`` says
  plainly why professionals step back at a lower number;
- the case does not close sooner than its own definition of 10 says the plan
  must have held ("for six months" means the final meeting is at least 26
  weeks after the first), unless the ``closing_note`` explains it;
- the model worry statements and safety goals pass the statement coach, and
  the model plan passes the plan check (both added by :func:`practice_warnings`
  from the modules that own those rules).

For authors writing a case (:func:`authoring_warnings`), the slips a coach
makes that a file check cannot see:

- the same two people tied twice; a worry statement without its safety goal;
- task dates and scripted drill events outside the drill period;
- ``meta.id`` different from the file name;
- a phone number outside Ofcom's drama range (07700 900000 to 07700 900999);
- the name of a person not yet found in anything trainees see (a spoiler);
- a model plan whose person cannot do the job, is not free for it, or is
  given more hours a week than they offered (an ``on_call`` job's window is
  not counted as hours).

Every warning carries the dotted path of the field it is about, so the
command line can name the file and line.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> [w.rule for w in timing_warnings(example_scenario())]
[]
>>> [w.rule for w in authoring_warnings(example_scenario(), "example.yaml")]
['worry_without_goal']
>>> duration_weeks("and this has held for six months without a social worker")
26
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path, PurePath
from typing import Any, Iterator, Optional

from pydantic import BaseModel

from .model import Meeting, Person, Scenario
from .yamlfile import Problem

__all__ = [
    "PracticeWarning",
    "FIRST_REVIEW_WEEKS",
    "NEAR_TEN",
    "duration_weeks",
    "timing_warnings",
    "closing_warnings",
    "statement_warnings",
    "plan_warnings",
    "review_answer_warnings",
    "practice_warnings",
    "practice_problems",
    "DRAMA_MOBILE",
    "is_drama_number",
    "duplicate_tie_warnings",
    "worry_goal_warnings",
    "date_warnings",
    "file_name_warnings",
    "phone_warnings",
    "spoiler_warnings",
    "model_plan_warnings",
    "authoring_warnings",
]

#: The first review meeting is held within this many weeks of the first meeting.
FIRST_REVIEW_WEEKS = 4

#: A case closes "at or near" its definition of 10 when every number is at least this.
NEAR_TEN = 9

_NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "eighteen": 18, "twenty": 20, "twenty-six": 26,
}
_WEEKS_PER = {"week": 1, "month": 52 / 12, "year": 52}
_DURATION = re.compile(r"\b(\d+|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")\s+(week|month|year)s?\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class PracticeWarning:
    """One place where a case breaks a practice rule.

    Attributes
    ----------
    path : tuple
        Where in the scenario, e.g. ``("meetings", 1, "week")``.
    rule : str
        A short name for the rule, e.g. ``"first_review"``.
    message : str
        What is wrong, in plain words.
    hint : str
        What to write instead.
    """

    path: tuple
    rule: str
    message: str
    hint: str = ""


def duration_weeks(text: str) -> Optional[int]:
    """The longest length of time named in ``text``, in whole weeks (``None`` if it names none).

    Examples
    --------
    >>> duration_weeks("held for 12 weeks")
    12
    >>> duration_weeks("for a year after the professionals stepped back")
    52
    >>> duration_weeks("Zara lives at home") is None
    True
    """
    longest: Optional[int] = None
    for match in _DURATION.finditer(text):
        amount = match.group(1).lower()
        count = int(amount) if amount.isdigit() else _NUMBER_WORDS[amount]
        weeks = round(count * _WEEKS_PER[match.group(2).lower()])
        longest = weeks if longest is None else max(longest, weeks)
    return longest


def _weeks_text(weeks: int) -> str:
    return f"{weeks} week{'s' if weeks != 1 else ''}"


def timing_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """The first review within four weeks, and a drill period no longer than the time to it.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> late = s.model_copy(update={"meetings": s.meetings + (s.meetings[0].model_copy(
    ...     update={"id": "r1", "kind": "review", "week": 6, "title": "Review"}),)})
    >>> print(timing_warnings(late)[0].message)
    the first review is in week 6, but a first review is held within four weeks (28 days) of the first meeting
    """
    warnings: list[PracticeWarning] = []
    reviews = [(index, m) for index, m in enumerate(scenario.meetings) if m.kind == "review"]
    limit_days = FIRST_REVIEW_WEEKS * 7
    if reviews:
        index, first = reviews[0]
        if first.week > FIRST_REVIEW_WEEKS:
            warnings.append(PracticeWarning(
                ("meetings", index, "week"), "first_review",
                f"the first review is in week {first.week}, but a first review is held within four weeks (28 days) "
                "of the first meeting",
                f"Write week: {FIRST_REVIEW_WEEKS} (or sooner) for '{first.title}'."))
        limit_days = min(limit_days, first.week * 7) if first.week else limit_days
    if scenario.drills.days > limit_days:
        warnings.append(PracticeWarning(
            ("drills", "days"), "drill_period",
            f"the drill runs for {scenario.drills.days} days, longer than the {limit_days} days to the first review",
            f"Write days: {limit_days}, so the drill tests the plan up to the first review."))
    return warnings


def _final_meeting(scenario: Scenario) -> tuple[int, Meeting] | None:
    for index, meeting in enumerate(scenario.meetings):
        if meeting.kind == "final":
            return index, meeting
    return None


def closing_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """A case closes at or near its own definition of 10, after the time that definition asks for.

    Only a case with a ``final`` meeting is checked. A ``closing_note`` on that
    meeting (why professionals step back at a lower number, or sooner) answers
    both rules: it is what a practice lead would want written down.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> from fncoach.model import ScaleScore
    >>> s = example_scenario()
    >>> final = s.meetings[0].model_copy(update={"id": "end", "kind": "final", "week": 30, "title": "Last meeting",
    ...     "scores": (ScaleScore(who="gran", score=7, reason="Going well."),)})
    >>> closing = s.model_copy(update={"meetings": s.meetings + (final,)})
    >>> [w.rule for w in closing_warnings(closing)]
    ['closing_number']
    >>> noted = closing.model_copy(update={"meetings": (s.meetings[0], final.model_copy(
    ...     update={"closing_note": "Gran's 7 is about her health, not Sam's safety."}))})
    >>> closing_warnings(noted)
    []
    """
    found = _final_meeting(scenario)
    if found is None:
        return []
    index, final = found
    if final.closing_note.strip():
        return []
    warnings: list[PracticeWarning] = []
    ten = scenario.sos.scaling.ten_means if scenario.sos.scaling else ""
    low = [s for s in final.scores if s.score < NEAR_TEN]
    if low:
        who = ", ".join(f"{scenario.name_of(s.who)} {s.score}" for s in low)
        warnings.append(PracticeWarning(
            ("meetings", index, "scores"), "closing_number",
            f"the case closes at '{final.title}' with numbers below {NEAR_TEN} ({who}), although 10 is when "
            "professionals can step back",
            "Close the case when the numbers are at or near this case's own 10 (9 or 10), or add a closing_note "
            "to this meeting saying plainly why the network is trusted at a lower number."))
    needed = duration_weeks(ten)
    if needed is not None and final.week < needed:
        warnings.append(PracticeWarning(
            ("meetings", index, "week"), "closing_too_soon",
            f"the case closes in week {final.week}, but its own definition of 10 asks for the plan to hold for "
            f"{_weeks_text(needed)}",
            f"Hold the final meeting in week {needed} or later, change what 10 means in sos.scaling.ten_means, or "
            "add a closing_note saying why professionals step back sooner."))
    return warnings


_STATEMENT_FIELDS = (("harm", "harm_statements", "harm statement"), ("worry", "worry_statements", "worry statement"),
                     ("goal", "safety_goals", "safety goal"))


def statement_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """Every model harm statement, worry statement and safety goal passes the statement coach.

    The coach is the one learners get (:func:`fncoach.statements.check_statement`),
    given the case's people, so a model answer can never be one the course
    would mark down — for example a worry about what the child or a protective
    adult "might" do, instead of what the person who harms might do.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> statement_warnings(example_scenario())
    []
    """
    from .statements import check_statement

    warnings: list[PracticeWarning] = []
    for kind, field, words in _STATEMENT_FIELDS:
        for index, item in enumerate(getattr(scenario.sos, field)):
            check = check_statement(item.text, kind, scenario)
            if check.ok:
                continue
            missing = "; ".join(f.message for f in check.missing if f.required) or "; ".join(
                f.message for f in check.missing)
            warnings.append(PracticeWarning(
                ("sos", field, index, "text"), "model_statement",
                f"the model {words} '{item.id}' does not pass the statement coach the learners use: {missing}",
                "Rewrite the model answer so it has every part the course teaches."))
    return warnings


#: Plan-check rules about whether a person fits a job, reported by :func:`model_plan_warnings` at the person's place.
_PERSON_FIT_RULES = frozenset({"not_available", "lacks_capability", "overloaded"})


def plan_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """The model plan passes the plan check learners get (cautions are not warnings).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> plan_warnings(example_scenario())
    []
    """
    from .plan import check_plan

    places = {a.task: index for index, a in enumerate(scenario.plan.model_plan)}
    if not places:
        return []
    warnings: list[PracticeWarning] = []
    for problem in check_plan(scenario, scenario.plan.model_plan):
        if getattr(problem, "level", "problem") != "problem" or problem.rule in _PERSON_FIT_RULES:
            continue  # cautions are for talking about; the fit of each person is model_plan_warnings'(with its place)
        index = places.get(problem.task_id or "")
        path = ("plan", "model_plan", index) if index is not None else ("plan", "model_plan")
        warnings.append(PracticeWarning(path, "model_plan", f"the model plan fails the plan check: {problem.message}",
                                        "Change the model plan so the course never teaches a plan it would refuse."))
    return warnings


def review_answer_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """The review asks the network what it understands: some answers show a gap, some show understanding.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> review_answer_warnings(example_scenario())
    []
    """
    answers = scenario.review_answers
    gaps = sum(1 for a in answers if a.gap)
    if answers and 0 < gaps < len(answers):
        return []
    if not answers:
        message = "the case has no review_answers: the review cannot ask what the network understands"
    elif gaps == 0:
        message = "no review answer is marked with a gap, so there is nothing for the learner to spot"
    else:
        message = "every review answer is marked with a gap: give at least one that shows real understanding"
    return [PracticeWarning(("review_answers",) if answers else (), "review_answers", message,
                            "Write answers in each member's own voice to 'what are the worries, and what would we "
                            "do if…?', and say in gap what a weak one misses.")]


def practice_warnings(scenario: Scenario, file_name: str = "") -> list[PracticeWarning]:
    """Every practice rule at once: meetings and drills, closing, statements, the model plan, then the
    authoring checks (:func:`authoring_warnings`; ``file_name`` lets it check ``meta.id`` against the file).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> [w.rule for w in practice_warnings(example_scenario())]  # Sam's example has a worry with no goal yet
    ['worry_without_goal']
    """
    return (timing_warnings(scenario) + closing_warnings(scenario) + statement_warnings(scenario)
            + plan_warnings(scenario) + review_answer_warnings(scenario) + authoring_warnings(scenario, file_name))


def practice_problems(path, scenario: Optional[Scenario] = None) -> list[Problem]:
    """:func:`practice_warnings` for a scenario file, each naming the file, line and field.

    ``scenario`` is the already-loaded case (loaded from ``path`` when not
    given); the file is read again only for the positions of its fields.

    Examples
    --------
    >>> from fncoach.examples import TINY_PATH
    >>> first = practice_problems(TINY_PATH)[0]
    >>> first.field, first.path
    ("plan.model_plan: the entry for 't_morning_call' (the 1st entry), backups: the 1st backup", 'plan.model_plan[0].backups[0]')
    """
    from .scenario import _KIND, load_scenario
    from .yamlfile import path_text, read_yaml_file

    case = scenario if scenario is not None else load_scenario(path)
    doc = read_yaml_file(path, _KIND)
    problems = []
    for warning in practice_warnings(case, Path(str(path)).name):
        line, column = doc.position(warning.path)
        problems.append(Problem(doc.file, line, column, doc.field_name(warning.path), warning.message.rstrip("."),
                                warning.hint, path=path_text(warning.path)))
    return problems
# --------------------------------------------------------------------------- authoring checks

#: Ofcom's range of mobile numbers kept for drama, as digits: 07700 900000 to 07700 900999.
DRAMA_MOBILE = ("07700900000", "07700900999")

_PHONE = re.compile(r"(?<![\d+])(?:\+44[\s-]?\(?0?\)?|0)\d(?:[\s-]?\d){8,9}(?!\d)")


def is_drama_number(text: str) -> bool:
    """True when ``text`` is a UK phone number in Ofcom's drama range (07700 900000–900999).

    Examples
    --------
    >>> is_drama_number("07700 900123"), is_drama_number("+44 7700 900999"), is_drama_number("07912 345678")
    (True, True, False)
    """
    digits = re.sub(r"\D", "", text)
    if digits.startswith("44"):
        digits = "0" + digits[2:].lstrip("0")
    return DRAMA_MOBILE[0] <= digits <= DRAMA_MOBILE[1] and len(digits) == 11


def _texts(value: Any, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every piece of text in a model, with its path (``("people", 2, "contact")``)."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, (tuple, list)):
        for index, item in enumerate(value):
            yield from _texts(item, path + (index,))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            yield from _texts(getattr(value, name), path + (name,))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, path + (key,))


def duplicate_tie_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """The same two people (in either order) tied more than once.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> twice = s.model_copy(update={"ties": s.ties + (s.ties[1].model_copy(update={"a": "gran", "b": "zoe"}),)})
    >>> print(duplicate_tie_warnings(twice)[0].message)
    Gran Róisín and Zoë are tied twice (ties 2 and 9); the eco-map and network strength count each tie once
    """
    first: dict[frozenset, int] = {}
    warnings: list[PracticeWarning] = []
    for index, tie in enumerate(scenario.ties):
        pair = frozenset((tie.a, tie.b))
        if pair in first:
            warnings.append(PracticeWarning(
                ("ties", index), "duplicate_tie",
                f"{scenario.name_of(tie.a)} and {scenario.name_of(tie.b)} are tied twice (ties {first[pair] + 1} "
                f"and {index + 1}); the eco-map and network strength count each tie once",
                "Keep one tie for each pair of people and delete the other (merge what the two say)."))
        else:
            first[pair] = index
    return warnings


def worry_goal_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """Every model worry statement has a safety goal that answers it.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> worry_goal_warnings(s)
    []
    >>> [w.rule for w in worry_goal_warnings(s.model_copy(update={"sos": s.sos.model_copy(update={"safety_goals": ()})}))]
    ['worry_without_goal']
    """
    answered = {goal.worry for goal in scenario.sos.safety_goals}
    return [PracticeWarning(
        ("sos", "worry_statements", index), "worry_without_goal",
        f"the worry statement '{worry.id}' has no safety goal; each worry needs one goal saying what people will be "
        "doing instead",
        f"Add a safety goal with worry: {worry.id} under sos.safety_goals (or remove the worry if it is not needed).")
        for index, worry in enumerate(scenario.sos.worry_statements) if worry.id not in answered]


def date_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """Task dates and scripted drill events that fall outside the drill period.

    Examples
    --------
    >>> import datetime
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()  # the drill runs 14 days from Monday 5 January 2026
    >>> task = s.plan.tasks[1]
    >>> late = task.model_copy(update={"when": task.when.model_copy(update={"dates": (datetime.date(2026, 3, 1),)})})
    >>> print(date_warnings(s.model_copy(update={"plan": s.plan.model_copy(update={"tasks": (s.plan.tasks[0], late)})}))[0].message)
    the task 'Sleepover at a helper's house' is on Sunday 1 March 2026, outside the drill period (Monday 5 January 2026 to Sunday 18 January 2026), so the drill never tests it
    """
    start, days = scenario.drills.start_date, scenario.drills.days
    end = start + _dt.timedelta(days=days - 1)
    period = f"{_long_date(start)} to {_long_date(end)}"
    warnings: list[PracticeWarning] = []
    for t_index, task in enumerate(scenario.plan.tasks):
        for d_index, date in enumerate(task.when.dates):
            if not start <= date <= end:
                warnings.append(PracticeWarning(
                    ("plan", "tasks", t_index, "when", "dates", d_index), "date_outside_drill",
                    f"the task '{task.title}' is on {_long_date(date)}, outside the drill period ({period}), so the "
                    "drill never tests it",
                    f"Give a date from {start.isoformat()} to {end.isoformat()}, or change drills.start_date or "
                    "drills.days."))
    for e_index, event in enumerate(scenario.drills.events):
        if event.to_day > days or event.from_day > event.to_day:
            field = "from_day" if event.from_day > days else "to_day"
            warnings.append(PracticeWarning(
                ("drills", "events", e_index, field), "event_outside_drill",
                f"the event '{event.id}' runs from day {event.from_day} to day {event.to_day}, but the drill has "
                f"{days} days",
                f"Keep from_day and to_day between 1 and {days}, with from_day first."))
    return warnings


def _long_date(date: _dt.date) -> str:
    return f"{date:%A} {date.day} {date:%B %Y}"


def file_name_warnings(scenario: Scenario, file_name: str) -> list[PracticeWarning]:
    """``meta.id`` is the file name (without ``.yaml``), so a case is opened by the id people see.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> file_name_warnings(tiny_scenario(), "cases/tiny.yaml")
    []
    >>> print(file_name_warnings(tiny_scenario(), "cases/young_carer.yaml")[0].hint)
    Write id: young_carer, or rename the file tiny.yaml.
    """
    stem = PurePath(file_name).stem
    if not stem or stem == scenario.meta.id:
        return []
    return [PracticeWarning(
        ("meta", "id"), "id_not_file_name",
        f"the case id is '{scenario.meta.id}' but the file is called '{PurePath(file_name).name}'; the case is "
        "opened by its id, so the two must match",
        f"Write id: {stem}, or rename the file {scenario.meta.id}.yaml.")]


def phone_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """Phone numbers anywhere in the case that are not Ofcom drama numbers (07700 900000 to 07700 900999).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> phone_warnings(s)
    []
    >>> real = s.model_copy(update={"people": (s.people[0].model_copy(update={"contact": "07912 345678"}),)
    ...                                       + s.people[1:]})
    >>> [(w.path, w.rule) for w in phone_warnings(real)]
    [(('people', 0, 'contact'), 'real_phone_number')]
    """
    warnings: list[PracticeWarning] = []
    for path, text in _texts(scenario):
        for match in _PHONE.finditer(text):
            if not is_drama_number(match.group(0)):
                warnings.append(PracticeWarning(
                    path, "real_phone_number",
                    f"'{match.group(0)}' looks like a real phone number; a fictional case uses only the numbers "
                    "Ofcom keeps for drama, so nobody real is ever rung",
                    "Use a number from 07700 900000 to 07700 900999, e.g. 07700 900123."))
    return warnings


_TITLES = {"auntie", "aunty", "aunt", "uncle", "nana", "nan", "gran", "granny", "grandma", "grandad", "grandpa",
           "mum", "mom", "dad", "mr", "mrs", "ms", "miss", "dr", "cousin", "big", "little", "baba", "papa", "mama"}


def _name_forms(person: Person) -> set[str]:
    words = person.name.replace(",", " ").split()
    forms = {person.name}
    proper = [w for w in words if w.lower().strip(".") not in _TITLES]
    if proper:
        forms.add(proper[0])
    return {f for f in forms if len(f) >= 3}


#: Text trainees read before they have looked for anybody: the case in brief and the discussion questions.
#: (The child's own words, cards and tasks may name someone: that is often how they are found.)
_TRAINEE_TEXT = (
    ("meta", "title"), ("meta", "summary"), ("meta", "learning_goals"), ("child", "lives_now"),
    ("discussion_questions",),
)


def spoiler_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """Names of people not yet found in text trainees see before finding them.

    Trainees meet a not-yet-known person only when they ask the question that
    finds them; their name in the title, summary, learning goals, where the
    child lives or a discussion question gives the answer away, and so does
    the entry of a person already known (their notes, relationship …). The
    child's own words, cards and tasks are left alone: a child mentioning
    someone is often how they are found.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> spoiler_warnings(s)
    []
    >>> told = s.model_copy(update={"discussion_questions": ("Why might Niamh not have been asked?",)})
    >>> print(spoiler_warnings(told)[0].message)
    discussion question 1 names Niamh Byrne ('Niamh'), who trainees have not found yet: the trainee handout gives the answer away
    """
    hidden = [p for p in scenario.people if not p.is_known]
    if not hidden:
        return []
    known_forms: set[str] = {scenario.child.name}
    for person in scenario.people:
        if person.is_known:
            known_forms |= _name_forms(person)
    targets = []
    for person in hidden:
        forms = sorted(_name_forms(person) - known_forms, key=len, reverse=True)
        if forms:
            targets.append((person, re.compile(r"\b(" + "|".join(re.escape(f) for f in forms) + r")\b")))
    places: list[tuple[tuple, str, str]] = []
    for prefix in _TRAINEE_TEXT:
        value: Any = scenario
        for part in prefix:
            value = getattr(value, part)
        for path, text in _texts(value, prefix):
            places.append((path, text, _place_name(path)))
    for index, person in enumerate(scenario.people):
        if person.is_known:
            for path, text in _texts(person, ("people", index)):
                places.append((path, text, f"{person.name}'s {path[2]}"))
    warnings: list[PracticeWarning] = []
    for path, text, where in places:
        for person, pattern in targets:
            match = pattern.search(text)
            if match:
                warnings.append(PracticeWarning(
                    path, "spoiler",
                    f"{where} names {person.name} ('{match.group(1)}'), who trainees have not found yet: the "
                    "trainee handout gives the answer away",
                    f"Leave {person.name} out here (write 'someone on Dad's side', for example); trainees meet them "
                    "through the clue when they ask the right question."))
    return warnings


def _place_name(path: tuple) -> str:
    if path[0] == "discussion_questions":
        return f"discussion question {path[1] + 1}"
    return "meta." + str(path[1]) if path[0] == "meta" else ".".join(str(p) for p in path)


_PLAN_RULES = {"not_available": "model_plan_not_free", "lacks_capability": "model_plan_cannot_do",
               "overloaded": "model_plan_hours"}


def model_plan_warnings(scenario: Scenario) -> list[PracticeWarning]:
    """Model-plan people who cannot do their job, are not free for it, or are given more hours than they offered.

    The sentences come from :func:`fncoach.plan.check_plan`, which owns those
    rules; the other rules of the plan check are left to ``fncoach plan``.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> for w in model_plan_warnings(tiny_scenario()):
    ...     print(w.path, w.rule)
    ('plan', 'model_plan', 0, 'backups', 0) model_plan_not_free
    ('plan', 'model_plan', 1, 'backups', 0) model_plan_not_free
    ('plan', 'model_plan', 1, 'backups', 0) model_plan_cannot_do
    """
    from .plan import check_plan

    tasks = {t.id: t for t in scenario.plan.tasks}
    where: dict[tuple[str, str], tuple] = {}
    first_task: dict[str, tuple] = {}
    for index, a in enumerate(scenario.plan.model_plan):
        where[(a.task, a.primary)] = ("plan", "model_plan", index, "primary")
        first_task.setdefault(a.primary, ("plan", "model_plan", index, "primary"))
        for b_index, backup in enumerate(a.backups):
            where.setdefault((a.task, backup), ("plan", "model_plan", index, "backups", b_index))
    warnings: list[PracticeWarning] = []
    hints = {
        "model_plan_not_free": "Give the job to someone free then, or widen their available times if they really are.",
        "model_plan_cannot_do": "Give the job to someone who can, or add it to their can_do if they really can.",
        "model_plan_hours": "Share the jobs out, raise their hours_per_week if they offered more, or mark a job "
                            "they only need to be ready for as on_call: true.",
    }
    for problem in check_plan(scenario, scenario.plan.model_plan):
        rule = _PLAN_RULES.get(problem.rule)
        if rule is None or problem.person_id is None:
            continue
        if problem.task_id in tasks:
            path = where.get((problem.task_id, problem.person_id), ("plan", "model_plan"))
        else:
            path = first_task.get(problem.person_id, ("plan", "model_plan"))
        warnings.append(PracticeWarning(path, rule, problem.message.rstrip("."), hints[rule]))
    return warnings


def authoring_warnings(scenario: Scenario, file_name: str = "") -> list[PracticeWarning]:
    """Every authoring warning for a case read from ``file_name``, in a fixed order.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> sorted({w.rule for w in authoring_warnings(tiny_scenario(), "zoe.yaml")})
    ['id_not_file_name', 'model_plan_cannot_do', 'model_plan_not_free']
    """
    return [
        *(file_name_warnings(scenario, file_name) if file_name else []),
        *duplicate_tie_warnings(scenario),
        *worry_goal_warnings(scenario),
        *date_warnings(scenario),
        *phone_warnings(scenario),
        *spoiler_warnings(scenario),
        *model_plan_warnings(scenario),
    ]
