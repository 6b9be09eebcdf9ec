"""The family safety plan: who does each task, and whether they really can.

A plan gives each task of the scenario a *primary* person and one or more
*backups*, as :class:`fncoach.model.Assignment` objects. :func:`check_plan`
explains every problem in plain words, naming the people and times:

``not_available``
    the person has said they are not free at that time of the week;
``too_far``
    an in-person task, and the person lives further away than the task
    allows. Early in the morning (a task starting before 08:00) and in the
    evening (a task ending after 20:00) the limit is tighter, at most
    :data:`EARLY_LATE_MAX_TRAVEL` minutes, because buses are few and a long
    journey on top of the task cannot be kept up for weeks. When a task gives
    no limit, :data:`DEFAULT_MAX_TRAVEL` minutes is used. Someone who can only
    join by phone or video cannot do an in-person task at all;
``lacks_capability``
    the task needs something the person cannot do (drive, a spare bed …);
``safety``
    the person is someone the workers are worried about (safety status
    ``worry``): they are never given a job that keeps the child safe, takes
    them anywhere, has them in their care or checks on anyone — as main
    person or as a backup — unless it is their own commitment (below). Every
    kind of job does at least one of those things (:func:`job_roles`). A
    person still to be explored cannot yet supervise contact, host an
    overnight stay or give respite;
``to_explore`` (a caution)
    the person's safety is still to be explored: talk it through and agree
    it before they take the job on;
``overloaded``
    the weekly hours of all the tasks they hold as primary come to more than
    the hours a week they said they could give;
``professional_role``
    a professional (or someone there as part of their paid work, such as a
    teacher) holds a network role;
``paid_carer`` (a caution)
    a foster carer (or another paid carer who is part of the child's everyday
    life, :attr:`fncoach.model.Person.is_paid_carer`) is the main person: they
    are carers, not professionals who step back, and can be a lasting
    relationship — but a placement can end, so a backup from the wider
    network matters;
``no_backup``
    a task has no backup;
``about_themselves``
    the job is about the person's own behaviour (the task's ``about``): it
    checks on them, supervises them or keeps the child safe from them, and
    nobody can do that for themselves. Decided from the task's data, never
    from names in its title;
``own_commitment``
    a job that is a person's own promise (``own_commitment: true``, for
    example Dad leaves the house and rings his brother when an argument
    builds) is theirs, and someone else checks it: the main person must be
    one of the people who made the promise;
``checker``
    the person named to check the job (``checked_by``) is someone the
    workers are worried about, or the person the job is about;
``worry_not_covered``
    a worry statement that tasks in the scenario answer has none of those
    tasks given to anybody, so nothing in the plan keeps the child safe from it;
``unassigned``, ``unknown_person``, ``unknown_task``, ``repeated_person``
    the plan itself is incomplete or mistyped.

The module is pure: no widgets, no drawing.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> scenario = example_scenario()
>>> plan = [Assignment(task="call", primary="gran", backups=("dev",)),
...         Assignment(task="sleepover", primary="dev")]
>>> for problem in check_plan(scenario, plan):
...     print(problem.level, problem.rule, "-", problem.person_id)
caution to_explore - dev
problem safety - dev
problem no_backup - dev

Cautions (``level == "caution"``) are things to talk about; problems are
things to fix before the plan can be used.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
import os
import re
from typing import Iterable, Mapping, Optional, Sequence

from .errors import FncoachError
from .model import WEEKDAYS, Assignment, Person, Scenario, Task, TaskTime
from .yamlfile import FileKind, Problem, YamlFileError, did_you_mean, read_yaml_file

__all__ = [
    "RULES",
    "CAUTIONS",
    "SAFETY_RULES",
    "job_roles",
    "UnsafePlanChange",
    "unsafe_changes",
    "worry_subjects",
    "everyday_name",
    "EARLY_START",
    "LATE_END",
    "EARLY_LATE_MAX_TRAVEL",
    "DEFAULT_MAX_TRAVEL",
    "PlanProblem",
    "check_plan",
    "occurrences",
    "occurrence_date",
    "task_weekdays",
    "is_free",
    "travel_limit",
    "weekly_hours",
    "assignments_from_answers",
    "PlanFileError",
    "load_plan_file",
    "plan_file_text",
    "answers_from_assignments",
    "SavedPlan",
    "fit_saved_plan",
    "problems_by_task",
    "model_assignments",
    "BackupCover",
    "backup_cover",
    "backup_share",
    "describe_when",
    "describe_availability",
    "clock",
]

#: Every rule check_plan can report, with a short title for each.
RULES: dict[str, str] = {
    "not_available": "Not free at that time",
    "too_far": "Too far away for that time of day",
    "lacks_capability": "Cannot do what the task needs",
    "safety": "Not safe for this job",
    "to_explore": "Talk it through first",
    "overloaded": "More hours than they can give",
    "professional_role": "A role for the network",
    "paid_carer": "A carer, and a backup matters",
    "no_backup": "No backup",
    "about_themselves": "The job is about them",
    "own_commitment": "Their own promise",
    "checker": "Who checks it",
    "worry_not_covered": "A worry nobody is covering",
    "unassigned": "Nobody assigned",
    "not_found": "Not found yet",  # used by fncoach.planchange, where the course knows who has been found
    "unknown_person": "Unknown person",
    "unknown_task": "Unknown task",
    "repeated_person": "Same person twice",
}

#: Rules that are cautions (things to talk about), not problems to fix.
CAUTIONS: frozenset[str] = frozenset({"to_explore", "paid_carer"})
#: Rules about keeping the child safe: a change that brings one of these is refused (:func:`unsafe_changes`).
SAFETY_RULES: frozenset[str] = frozenset({"safety", "about_themselves", "own_commitment", "checker"})

#: A task starting before this time counts as early morning (HH:MM).
EARLY_START = "08:00"
#: A task ending after this time counts as evening (HH:MM).
LATE_END = "20:00"
#: Longest journey (minutes) for an in-person task early in the morning or in the evening.
EARLY_LATE_MAX_TRAVEL = 30
#: Longest journey (minutes) for an in-person task that gives no limit of its own.
DEFAULT_MAX_TRAVEL = 90

#: Task kinds where the person is responsible for the child's safety with a worrying adult or overnight.
_SAFETY_KINDS = {"supervise_contact": "supervise contact", "overnight": "host an overnight stay",
                 "respite": "give respite care"}
_SAFETY_CAPABILITIES = {"supervise_contact": "supervise contact", "host_overnight": "host an overnight stay"}

_CAPABILITY_WORDS = {
    "drive": "drive",
    "host_overnight": "have the child to stay overnight",
    "supervise_contact": "supervise contact",
    "phone_calls": "make phone calls",
    "video_calls": "make video calls",
    "home_visits": "visit the home",
    "childcare": "look after the child",
    "school_runs": "do school runs",
    "cooking": "cook meals",
    "translate": "translate",
    "personal_care": "give personal care",
}

_DAY_WORDS = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
              "sat": "Saturday", "sun": "Sunday"}


@dataclass(frozen=True)
class PlanProblem:
    """One problem with the plan, in plain words.

    Attributes
    ----------
    task_id : str or None
        The task it is about (None for a problem about a person's whole load).
    person_id : str or None
        The person it is about (None when nobody is assigned).
    rule : str
        One of :data:`RULES`.
    message : str
        The problem in plain words, naming the people and times.

    Examples
    --------
    >>> PlanProblem("call", "gran", "to_explore", "Talk it through with Gran.").level
    'caution'
    """

    task_id: Optional[str]
    person_id: Optional[str]
    rule: str
    message: str

    @property
    def level(self) -> str:
        """``"caution"`` for something to talk about (:data:`CAUTIONS`), ``"problem"`` for something to fix."""
        return "caution" if self.rule in CAUTIONS else "problem"

    def to_dict(self) -> dict:
        """Plain data for JSON: ``{"task", "person", "kind", "message"}`` (``kind`` is the rule)."""
        return {"task": self.task_id, "person": self.person_id, "kind": self.rule, "message": self.message}


# --------------------------------------------------------------------------- time helpers


def _minutes(text: str) -> int:
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def clock(text: str) -> str:
    """A time as people say it in the UK.

    Examples
    --------
    >>> clock("07:30"), clock("15:00"), clock("12:00"), clock("00:15")
    ('7.30am', '3pm', '12 noon', '12.15am')
    """
    minutes = _minutes(text)
    hour, minute = divmod(minutes, 60)
    if (hour, minute) == (12, 0):
        return "12 noon"
    suffix = "am" if hour < 12 else "pm"
    shown = hour % 12 or 12
    return f"{shown}{suffix}" if minute == 0 else f"{shown}.{minute:02d}{suffix}"


def _day_list(days: Sequence[str]) -> str:
    ordered = [d for d in WEEKDAYS if d in set(days)]
    if ordered == list(WEEKDAYS):
        return "every day"
    if ordered == list(WEEKDAYS[:5]):
        return "Monday to Friday"
    if ordered == ["sat", "sun"]:
        return "at weekends"
    words = [_DAY_WORDS[d] + "s" for d in ordered]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


def describe_when(when: TaskTime) -> str:
    """When a task happens, in words.

    Examples
    --------
    >>> describe_when(TaskTime(weekly=("mon", "wed"), start="07:30", end="07:45"))
    'Mondays and Wednesdays, 7.30am to 7.45am'
    """
    parts = []
    if when.weekly:
        parts.append(_day_list(when.weekly))
    if when.dates:
        parts.append("on " + ", ".join(f"{d.day} {d.strftime('%B')}" for d in when.dates))
    days = " and ".join(parts)
    overnight = " (overnight)" if _minutes(when.end) <= _minutes(when.start) else ""
    return f"{days[0].upper() + days[1:]}, {clock(when.start)} to {clock(when.end)}{overnight}"


def describe_availability(person: Person) -> str:
    """When someone has said they can help, in words.

    Examples
    --------
    >>> describe_availability(Person(id="a", name="A", relationship="Aunt", domain="family"))
    'any time'
    """
    if not person.available:
        return "any time"
    return "; ".join(f"{_day_list(slot.days)} {clock(slot.start)} to {clock(slot.end)}" for slot in person.available)


def task_weekdays(task: Task) -> tuple[str, ...]:
    """Every day of the week the task can fall on (weekly pattern and dated days), Monday first."""
    days = set(task.when.weekly) | {WEEKDAYS[d.weekday()] for d in task.when.dates}
    return tuple(d for d in WEEKDAYS if d in days)


def is_free(person: Person, weekday: str, when: TaskTime) -> bool:
    """Whether the person's available slots cover the task's time on this day of the week.

    A person with no slots is free at any time. An overnight task (one that
    ends the next morning) needs the person free from its start time until
    at least an hour later (or until their slot ends at midnight): after
    that, hosting overnight is what counts.

    Examples
    --------
    >>> from fncoach.model import TimeSlot
    >>> dev = Person(id="dev", name="Dev", relationship="Friend", domain="friends",
    ...              available=(TimeSlot(days=("sat",), start="09:00", end="20:00"),))
    >>> is_free(dev, "sat", TaskTime(weekly=("sat",), start="10:00", end="11:00"))
    True
    >>> is_free(dev, "mon", TaskTime(weekly=("mon",), start="10:00", end="11:00"))
    False
    """
    if not person.available:
        return True
    start, end = _minutes(when.start), _minutes(when.end)
    if end <= start:  # overnight
        end = min(start + 60, 23 * 60 + 59)
    return any(weekday in slot.days and _minutes(slot.start) <= start and end <= _minutes(slot.end)
               for slot in person.available)


def travel_limit(task: Task) -> Optional[int]:
    """The longest journey (minutes) allowed for the task, or None when it is not in person.

    Examples
    --------
    >>> early = Task(id="t", title="Breakfast visit", kind="visit",
    ...              when=TaskTime(weekly=("mon",), start="07:00", end="08:00"), max_travel_minutes=60)
    >>> travel_limit(early)
    30
    """
    if not task.in_person:
        return None
    limit = task.max_travel_minutes if task.max_travel_minutes is not None else DEFAULT_MAX_TRAVEL
    if _is_early_or_late(task.when):
        limit = min(limit, EARLY_LATE_MAX_TRAVEL)
    return limit


def _is_early_or_late(when: TaskTime) -> bool:
    start, end = _minutes(when.start), _minutes(when.end)
    overnight = end <= start
    return start < _minutes(EARLY_START) or overnight or end > _minutes(LATE_END)


def _time_of_day(when: TaskTime) -> str:
    start, end = _minutes(when.start), _minutes(when.end)
    if start < _minutes(EARLY_START):
        return "early in the morning"
    if end <= start:
        return "overnight"
    if end > _minutes(LATE_END):
        return "in the evening"
    return "during the day"


def occurrence_date(scenario: Scenario, day: int) -> _dt.date:
    """The calendar date of drill day ``day`` (day 1 is ``drills.start_date``)."""
    return scenario.drills.start_date + _dt.timedelta(days=day - 1)


def occurrences(scenario: Scenario, task: Task) -> tuple[int, ...]:
    """The drill days (1-based) on which the task happens.

    Weekly days count from ``drills.start_date``; dates inside the drill period are added.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()          # the drill starts on Monday 5 January 2026, 14 days
    >>> occurrences(s, s.plan.tasks[0])  # the call: Mondays and Thursdays
    (1, 4, 8, 11)
    >>> occurrences(s, s.plan.tasks[1])  # the sleepover: dated
    (6,)
    """
    start = scenario.drills.start_date
    days = []
    for day in range(1, scenario.drills.days + 1):
        date = start + _dt.timedelta(days=day - 1)
        if WEEKDAYS[date.weekday()] in task.when.weekly or date in task.when.dates:
            days.append(day)
    return tuple(days)


def weekly_hours(scenario: Scenario, task: Task) -> float:
    """Average hours a week the task takes (dated occurrences spread over the drill period).

    An ``on_call`` task (the person is ready to ring or come if needed) takes
    no hours: its window is when they must be free, not time they work.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> weekly_hours(s, s.plan.tasks[0])  # two 15-minute calls a week
    0.5
    >>> weekly_hours(s, s.plan.tasks[0].model_copy(update={"on_call": True}))
    0.0
    """
    if task.on_call:
        return 0.0
    hours = task.when.minutes / 60
    per_week = len(task.when.weekly)
    if task.when.dates:
        start, days = scenario.drills.start_date, scenario.drills.days
        inside = sum(1 for d in task.when.dates
                     if 0 <= (d - start).days < days and WEEKDAYS[d.weekday()] not in task.when.weekly)
        per_week += inside / (days / 7)
    return per_week * hours


# --------------------------------------------------------------------------- who a worry is about

#: Words that start a name but are not a name on their own ("Aunty Bev", "Dr Owusu").
_NAME_PREFIXES = {"mum", "dad", "mummy", "daddy", "aunt", "aunty", "auntie", "uncle", "nan", "nana", "nani", "gran",
                  "granny", "grandma", "grandad", "grandpa", "cousin", "mr", "mrs", "ms", "miss", "dr", "father",
                  "mother", "sister", "brother", "abba", "ustadh", "phuphi", "yiayia", "pappou", "ba", "bunica",
                  "dadi", "dada", "nouna", "preoteasa", "the"}
#: Where the "who might do what" part of a worry statement ends.
_SUBJECT_END = re.compile(r"\b(?:might|will|would|could|may|keeps?|as happened)\b", re.IGNORECASE)


def everyday_name(name: str) -> str:
    """The short name people use day to day, for diaries and the child's plan.

    The name in brackets (``Pat Walsh (Nana Pat)`` → ``Nana Pat``), except
    after a family word (``Mum (Donna)`` → ``Mum``); otherwise the first name
    (``Shona McBride`` → ``Shona``), keeping a title with its name
    (``Ms Lowe``, ``Aunty Bev``).

    Examples
    --------
    >>> [everyday_name(n) for n in ("Pat Walsh (Nana Pat)", "Mum (Donna)", "Shona McBride", "Ms Lowe", "Gran")]
    ['Nana Pat', 'Mum', 'Shona', 'Ms Lowe', 'Gran']
    """
    base = re.sub(r"\s*\(.*?\)", "", name).strip() or name
    inner = re.findall(r"\((.*?)\)", name)
    if inner and inner[-1].strip():
        return base if base.lower() in _NAME_PREFIXES else inner[-1].strip()
    words = base.split()
    return words[0] if len(words) > 1 and words[0].lower() not in _NAME_PREFIXES else base


def _name_forms(person: Person) -> set[str]:
    """The ways a statement may name someone: "Anjali Mistry", "Anjali", "Nani", "Mum", "Donna"."""
    forms = set()
    base = re.sub(r"\s*\(.*?\)", "", person.name).strip()
    forms.add(base)
    forms.update(part.strip() for part in re.findall(r"\((.*?)\)", person.name))
    words = base.split()
    if len(words) > 1 and words[0].lower() not in _NAME_PREFIXES:
        forms.add(words[0])
    if len(person.relationship.split()) == 1:  # "Mum", "Dad"
        forms.add(person.relationship)
    return {f for f in forms if f}


def _people_named(scenario: Scenario, text: str) -> tuple[str, ...]:
    """Ids of the people ``text`` names, by any name form that belongs to only one person."""
    owners: dict[str, set[str]] = {}
    for person in scenario.people:
        for form in _name_forms(person):
            owners.setdefault(form.lower(), set()).add(person.id)
    named = []
    for person in scenario.people:
        for form in _name_forms(person):
            flags = re.IGNORECASE if " " in form else 0  # "the caller from Libya"
            if len(owners[form.lower()]) == 1 and re.search(rf"(?<![\w'’-]){re.escape(form)}(?![\w-])", text, flags):
                named.append(person.id)
                break
    return tuple(named)


def worry_subjects(scenario: Scenario, worry_id: Optional[str]) -> tuple[str, ...]:
    """Ids of the people a worry statement is about: whose actions people are worried about.

    Worry statements follow the pattern "*who* are worried that *someone*
    might *do something* …": the people named between "worried" and "might"
    (or "will", "could" …) are the ones it is about. The people who are
    worried, and the child, are not. A reading aid for scenario authors: the
    plan check never uses it, because whose behaviour a job is about comes
    from the task's own ``about`` field, not from names in any text.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> worry_subjects(s, "w_nights")  # "Ali is worried that Dev might leave Sam alone at night …"
    ('dev',)
    >>> worry_subjects(s, None)
    ()
    """
    statement = next((w for w in scenario.sos.worry_statements if w.id == worry_id), None)
    if statement is None:
        return ()
    text = statement.text
    start = re.search(r"\bworried\b(?:\s+(?:that|about))?", text, re.IGNORECASE)
    clause = text[start.end():] if start else text
    end = _SUBJECT_END.search(clause)
    return _people_named(scenario, clause[:end.start()] if end else clause)


# --------------------------------------------------------------------------- what a job puts someone in charge of

_TAKES_KINDS = {"transport", "school_run", "appointment"}
_TAKES_NEEDS = {"drive", "school_runs"}
_CARE_KINDS = {"overnight", "respite", "meal", "activity", "visit"}
_CARE_NEEDS = {"host_overnight", "childcare", "personal_care"}
_CHECK_KINDS = {"phone_call", "monitoring", "visit"}
_SAFE_KINDS = {"supervise_contact", "monitoring", "overnight", "respite"}
#: Jobs a person still to be explored cannot take on until that has been done (kind or need → words).
_EXPLORE_FIRST_KINDS = {"supervise_contact": "supervise contact", "overnight": "host an overnight stay",
                        "respite": "give respite care"}
_EXPLORE_FIRST_NEEDS = {"supervise_contact": "supervise contact", "host_overnight": "host an overnight stay"}


def _object_pronoun(scenario: Scenario) -> str:
    parts = [p.strip() for p in scenario.child.pronouns.split("/")]
    return parts[1] if len(parts) > 1 and parts[1] else scenario.child.name


def _names_in_words(names: Sequence[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def job_roles(scenario: Scenario, task: Task) -> tuple[str, ...]:
    """What a job puts its holder in charge of, in plain words, read from the task's data.

    From the task's kind, what it requires, the worry it answers and whose
    behaviour it is about (``about``): it *takes the child somewhere*, *has
    the child in their care*, *checks on* someone, *keeps the child safe*.
    Every kind of job does at least one of these, which is why a person the
    workers are worried about is never given one (unless it is their own
    commitment).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> job_roles(s, s.plan.tasks[0])   # the evening call
    ('checks on Sam',)
    >>> job_roles(s, s.plan.tasks[1])   # the sleepover
    ('has Sam in their care', 'is there to keep them safe')
    """
    needs = set(task.requires)
    roles: list[str] = []
    named = [False]  # whether the last role named the child, so "her" is clear

    def child() -> str:
        word = _object_pronoun(scenario) if named[0] else scenario.child.name
        named[0] = True
        return word

    if task.kind in _TAKES_KINDS or needs & _TAKES_NEEDS:
        roles.append(f"takes {child()} somewhere")
    if task.kind in _CARE_KINDS or needs & _CARE_NEEDS:
        roles.append(f"has {child()} in their care")
    if task.kind in _CHECK_KINDS:
        if task.about:
            roles.append("checks on " + _names_in_words([everyday_name(scenario.name_of(p)) for p in task.about]))
            named[0] = False
        else:
            roles.append(f"checks on {child()}")
    if task.worry is not None or task.kind in _SAFE_KINDS or "supervise_contact" in needs:
        roles.append(f"is there to keep {child()} safe")
    if not roles:  # every kind is covered above; kept so a new kind is never silently allowed
        roles.append(f"has {child()} in their care")
    return tuple(roles)


def _roles_sentence(scenario: Scenario, task: Task) -> str:
    roles = list(job_roles(scenario, task))
    return roles[0] if len(roles) == 1 else ", ".join(roles[:-1]) + " and " + roles[-1]


def _reason(person: Person) -> str:
    return f" ({person.safety.reason.rstrip('.')})" if person.safety.reason else ""


def _is_own_commitment_of(task: Task, person: Person) -> bool:
    return task.own_commitment and person.id in task.about


def _safety_problems(scenario: Scenario, task: Task, person: Person, who: str) -> list[PlanProblem]:
    """The person of worry, the person still to be explored, and the job about the person themselves."""
    if _is_own_commitment_of(task, person):
        return []  # their own promise: it is theirs, and someone else checks it
    found: list[PlanProblem] = []
    title, roles = task.title, _roles_sentence(scenario, task)
    if person.safety.status == "worry":
        found.append(PlanProblem(
            task.id, person.id, "safety",
            f"{who}: the workers are worried about {everyday_name(person.name)}{_reason(person)}. '{title}' {roles}, and "
            f"someone the workers are worried about is never given a job like that, as main person or as a "
            f"backup. Ask someone safe in the network to do it."))
    elif person.safety.status == "to_explore":
        needs = [w for k, w in _EXPLORE_FIRST_KINDS.items() if task.kind == k]
        needs += [w for c, w in _EXPLORE_FIRST_NEEDS.items() if c in task.requires and w not in needs]
        if needs:
            found.append(PlanProblem(
                task.id, person.id, "safety",
                f"{who}: their safety is still to be explored{_reason(person)}, so they cannot "
                f"{' or '.join(needs)} until that has been looked at with them and agreed."))
        else:
            found.append(PlanProblem(
                task.id, person.id, "to_explore",
                f"{who}: their safety is still to be explored{_reason(person)}. '{title}' {roles}, so talk it "
                f"through with {everyday_name(person.name)} and agree it with the workers before they take it on."))
    if person.id in task.about:
        found.append(PlanProblem(
            task.id, person.id, "about_themselves",
            f"'{title}' is about {everyday_name(person.name)}'s own behaviour: it {roles}. Nobody can be the "
            f"safeguard against their own behaviour, so {who} cannot do it: ask someone else in the network, and "
            f"think about who could support {everyday_name(person.name)} too."))
    return found


def _carer_or_professional(scenario: Scenario, task: Task, person: Person, who: str,
                           assignment: Assignment, people: Mapping[str, Person]) -> list[PlanProblem]:
    if person.is_professional:
        what = "a professional" if person.domain == "professional" else "there as part of their paid work"
        return [PlanProblem(task.id, person.id, "professional_role",
                            f"{who} is {what}, so '{task.title}' is a role for the network: professionals step "
                            "back, and the plan has to keep working when they do. Ask who in the family or wider "
                            "network could do it.")]
    if person.is_paid_carer and assignment.primary == person.id:
        child = scenario.child.name
        wider = [people[b].name for b in assignment.backups if b in people and people[b].is_natural]
        backup = (f"it matters that {_names_in_words(wider)} can step in from the wider network."
                  if wider else f"give '{task.title}' a backup from the wider network who would carry on if it did.")
        return [PlanProblem(task.id, person.id, "paid_carer",
                            f"{who} is {child}'s {person.relationship[:1].lower() + person.relationship[1:]}: a "
                            f"carer, not a professional who steps back, and they can be a lasting relationship for "
                            f"{child}. A placement can end, though, so " + backup)]
    return []


# --------------------------------------------------------------------------- checking a plan


def _person_problems(scenario: Scenario, task: Task, person: Person, role: str, assignment: Assignment,
                     people: Mapping[str, Person]) -> list[PlanProblem]:
    found: list[PlanProblem] = []
    who = f"{person.name} ({role})"
    found.extend(_carer_or_professional(scenario, task, person, who, assignment, people))
    missing = [d for d in task_weekdays(task) if not is_free(person, d, task.when)]
    if missing:
        found.append(PlanProblem(task.id, person.id, "not_available",
                                 f"{who} is not free for '{task.title}' ({clock(task.when.start)} to "
                                 f"{clock(task.when.end)}) on {_day_list(missing)}: they have said they can help "
                                 f"{describe_availability(person)}."))
    limit = travel_limit(task)
    if limit is not None:
        if person.joins_virtually:
            found.append(PlanProblem(task.id, person.id, "too_far",
                                     f"{who} can only join by phone or video (they live in {person.lives or 'another place'}), "
                                     f"but '{task.title}' has to be done in person."))
        elif person.travel_minutes > limit:
            when = _time_of_day(task.when)
            extra = (f" Early in the morning and in the evening the toolkit allows at most {EARLY_LATE_MAX_TRAVEL} "
                     "minutes, because a long journey at those hours cannot be kept up week after week."
                     if _is_early_or_late(task.when) else "")
            found.append(PlanProblem(task.id, person.id, "too_far",
                                     f"{who} lives {person.travel_minutes} minutes away, too far for '{task.title}' "
                                     f"{when} (at {clock(task.when.start)}): the most it allows is {limit} minutes."
                                     + extra))
    lacking = [c for c in task.requires if c not in person.can_do]
    if lacking:
        words = " or ".join(_CAPABILITY_WORDS.get(c, c) for c in lacking)
        found.append(PlanProblem(task.id, person.id, "lacks_capability",
                                 f"'{task.title}' needs someone who can {words}, and {who} has not said they can."))
    found.extend(_safety_problems(scenario, task, person, who))
    return found


def _task_problems(scenario: Scenario, task: Task, assignment: Assignment,
                   people: Mapping[str, Person]) -> list[PlanProblem]:
    """Who checks the job, and whose promise an own commitment is."""
    found: list[PlanProblem] = []
    checker = people.get(task.checked_by or "")
    if checker is not None and checker.safety.status == "worry":
        found.append(PlanProblem(task.id, checker.id, "checker",
                                 f"{checker.name} is named to check '{task.title}', but the workers are worried about "
                                 f"{checker.name}{_reason(checker)}, and someone they are worried about never checks "
                                 "on anyone. Ask someone safe in the network to check it."))
    if task.own_commitment and assignment.primary not in task.about and assignment.primary in people:
        owners = _names_in_words([scenario.name_of(pid) for pid in task.about])
        found.append(PlanProblem(task.id, assignment.primary, "own_commitment",
                                 f"'{task.title}' is {owners}'s own promise, so {owners} should be the main person, "
                                 f"with {scenario.name_of(task.checked_by or '')} checking it is kept. "
                                 f"{scenario.name_of(assignment.primary)} could be a backup who steps in instead."))
    return found


def check_plan(scenario: Scenario, assignments: Iterable[Assignment]) -> tuple[PlanProblem, ...]:
    """Every problem with a plan, in plain words, in task order.

    Parameters
    ----------
    scenario : Scenario
    assignments : iterable of Assignment
        One per task: the primary person and the backups.

    Returns
    -------
    tuple of PlanProblem
        Empty when the plan has no problems. Cautions (``level == "caution"``)
        are included: things to talk about, not to fix.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> plan = [Assignment(task="call", primary="sw", backups=("gran",))]
    >>> [p.rule for p in check_plan(s, plan)]
    ['professional_role', 'unassigned']
    """
    tasks = {t.id: t for t in scenario.plan.tasks}
    people = {p.id: p for p in scenario.people}
    by_task: dict[str, Assignment] = {}
    problems: list[PlanProblem] = []
    for a in assignments:
        if a.task not in tasks:
            problems.append(PlanProblem(a.task, None, "unknown_task",
                                        f"The plan mentions a task '{a.task}' that is not in this scenario."))
            continue
        by_task[a.task] = a
    hours: dict[str, list[tuple[Task, float]]] = {}
    for task in scenario.plan.tasks:
        a = by_task.get(task.id)
        if a is None or not a.primary:
            problems.append(PlanProblem(task.id, None, "unassigned",
                                        f"Nobody has been given '{task.title}' ({describe_when(task.when)})."))
            continue
        chain = [a.primary, *a.backups]
        seen: set[str] = set()
        for position, person_id in enumerate(chain):
            role = "main person" if position == 0 else (
                "backup" if len(a.backups) == 1 else f"backup {position}")
            if person_id in seen:
                problems.append(PlanProblem(task.id, person_id, "repeated_person",
                                            f"{scenario.name_of(person_id)} is named twice for '{task.title}': "
                                            "a backup has to be someone else."))
                continue
            seen.add(person_id)
            person = people.get(person_id)
            if person is None:
                problems.append(PlanProblem(task.id, person_id, "unknown_person",
                                            f"'{person_id}' is named for '{task.title}' but is not one of the people "
                                            "in this scenario."))
                continue
            problems.extend(_person_problems(scenario, task, person, role, a, people))
            if position == 0:
                hours.setdefault(person_id, []).append((task, weekly_hours(scenario, task)))
        problems.extend(_task_problems(scenario, task, a, people))
        if not a.backups:
            problems.append(PlanProblem(task.id, a.primary, "no_backup",
                                        f"'{task.title}' has no backup: if {scenario.name_of(a.primary)} is ill or "
                                        "away, nobody is named to step in. Who else could do it?"))
    for person_id, load in hours.items():
        person = people[person_id]
        total = sum(h for _, h in load)
        if person.hours_per_week is not None and total > person.hours_per_week + 1e-9:
            listed = ", ".join(f"'{t.title}' ({h:g} h)" for t, h in load)
            problems.append(PlanProblem(None, person_id, "overloaded",
                                        f"{person.name} is the main person for {_hours(total)} a week "
                                        f"({listed}) but has said they can give {_hours(person.hours_per_week)} a week. "
                                        "Share some of it with someone else."))
    problems.extend(_uncovered_worries(scenario, by_task))
    order = {t.id: i for i, t in enumerate(scenario.plan.tasks)}
    problems.sort(key=lambda p: order.get(p.task_id or "", len(order)))
    return tuple(problems)


def _uncovered_worries(scenario: Scenario, by_task: Mapping[str, Assignment]) -> list[PlanProblem]:
    found = []
    for worry in scenario.sos.worry_statements:
        answering = [t for t in scenario.plan.tasks if t.worry == worry.id]
        if not answering:
            continue
        if any(by_task.get(t.id) is not None and by_task[t.id].primary for t in answering):
            continue
        titles = " or ".join(f"'{t.title}'" for t in answering)
        found.append(PlanProblem(None, None, "worry_not_covered",
                                 f"Nobody has been given {titles}, so nothing in the plan answers the worry "
                                 f"\"{_short(worry.text)}\". Every worry needs at least one named person."))
    return found


class UnsafePlanChange(FncoachError, ValueError):
    """A change to a plan that would put the child at risk; ``problems`` says why, naming the person and the job."""

    def __init__(self, problems: Sequence[PlanProblem]):
        self.problems = tuple(problems)
        super().__init__("That change cannot be made. " + " ".join(p.message for p in self.problems))


def unsafe_changes(scenario: Scenario, before: Iterable[Assignment], after: Iterable[Assignment], *,
                   scenario_after: Optional[Scenario] = None) -> tuple[PlanProblem, ...]:
    """The safety problems (:data:`SAFETY_RULES`) a change to a plan brings that the plan did not have before.

    Every way of changing a plan (the plan exercise, the drill's "what would
    you do?" changes, the review) uses this with :func:`check_plan`, so an
    unsafe change is refused with the reason.

    Parameters
    ----------
    scenario : Scenario
        The scenario the plan was made for.
    before, after : iterable of Assignment
        The plan before and after the change.
    scenario_after : Scenario, optional
        The scenario after the change, when the change moved a task's time.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()                  # Dev is still to be explored
    >>> before = [Assignment(task="sleepover", primary="gran")]
    >>> [p.rule for p in unsafe_changes(s, before, [Assignment(task="sleepover", primary="gran", backups=("dev",))])]
    ['safety']
    >>> unsafe_changes(s, before, [Assignment(task="sleepover", primary="gran", backups=("sw",))])
    ()
    """
    def key(p: PlanProblem) -> tuple:
        return (p.task_id, p.person_id, p.rule)

    had = {key(p) for p in check_plan(scenario, before) if p.rule in SAFETY_RULES}
    now = check_plan(scenario_after or scenario, after)
    return tuple(p for p in now if p.rule in SAFETY_RULES and key(p) not in had)


def _short(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _hours(value: float) -> str:
    rounded = round(value, 1)
    text = f"{rounded:g}"
    return f"{text} hour" if rounded == 1 else f"{text} hours"


# --------------------------------------------------------------------------- plans as plain data


def model_assignments(scenario: Scenario) -> tuple[Assignment, ...]:
    """The scenario's model plan (facilitator material)."""
    return scenario.plan.model_plan


def assignments_from_answers(answers: Mapping | Sequence) -> tuple[Assignment, ...]:
    """Assignments from plain data saved by a widget or read from a plan file.

    Accepts ``{"assignments": [...]}``, a list of ``{"task", "primary", "backups"}``
    dicts, or a ``{task_id: {"primary", "backups"}}`` mapping. Empty backups
    and empty primaries are dropped.

    Examples
    --------
    >>> assignments_from_answers([{"task": "call", "primary": "gran", "backups": ["dev", ""]}])
    (Assignment(task='call', primary='gran', backups=('dev',)),)
    """
    if isinstance(answers, Mapping) and "assignments" in answers:
        answers = answers["assignments"]
    rows: list[dict] = []
    if isinstance(answers, Mapping):
        for task_id, row in answers.items():
            rows.append({"task": task_id, **dict(row)})
    else:
        rows = [dict(r) for r in answers]
    result = []
    for row in rows:
        primary = (row.get("primary") or "").strip()
        backups = row.get("backups") or ()
        if isinstance(backups, str):
            backups = [backups]
        backups = tuple(b.strip() for b in backups if b and b.strip())
        result.append(Assignment(task=str(row["task"]).strip(), primary=primary, backups=backups))
    return tuple(result)


def answers_from_assignments(assignments: Iterable[Assignment]) -> list[dict]:
    """Plain JSON-ready data for a plan (the inverse of :func:`assignments_from_answers`)."""
    return [{"task": a.task, "primary": a.primary, "backups": list(a.backups)} for a in assignments]


@dataclass(frozen=True)
class SavedPlan:
    """A saved plan fitted to a scenario's tasks and people (see :func:`fit_saved_plan`).

    Attributes
    ----------
    choices : dict
        Task id → ``(main person id, backup ids)`` for every task in the scenario, in order;
        ``""`` where nobody is chosen, and exactly as many backups as there are places.
    skipped : tuple of str
        What was left out, in order: people not in the scenario, backups beyond the places, unknown tasks.
    """

    choices: dict[str, tuple[str, tuple[str, ...]]]
    skipped: tuple[str, ...]


def fit_saved_plan(scenario: Scenario, answers: Mapping | None, backup_places: int = 2) -> SavedPlan:
    """Fit saved plan answers (``{"assignments": [{"task", "primary", "backups"}]}``) to this scenario.

    Anyone who is not one of the scenario's people, a backup beyond ``backup_places`` and a task the
    scenario does not have are left out and listed in ``skipped``, so the learner can be told.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> saved = fit_saved_plan(example_scenario(), {"assignments": [
    ...     {"task": "call", "primary": "gran", "backups": ["ghost", "dev", "sw"]},
    ...     {"task": "gone", "primary": "gran"}]})
    >>> saved.choices
    {'call': ('gran', ('', 'dev')), 'sleepover': ('', ('', ''))}
    >>> saved.skipped
    ('ghost', 'sw', 'gone')
    """
    known = {""} | {p.id for p in scenario.people}
    rows = {row.get("task"): row for row in (answers or {}).get("assignments") or () if isinstance(row, Mapping)}
    skipped: list[str] = []
    choices: dict[str, tuple[str, tuple[str, ...]]] = {}
    for task in scenario.plan.tasks:
        row = rows.pop(task.id, {})
        primary = row.get("primary") or ""
        if primary not in known:
            skipped.append(str(primary))
            primary = ""
        saved = [b for b in row.get("backups") or () if b]
        backups = []
        for k in range(backup_places):
            value = saved[k] if k < len(saved) else ""
            if value not in known:
                skipped.append(str(value))
                value = ""
            backups.append(value)
        skipped += [str(b) for b in saved[backup_places:]]
        choices[task.id] = (primary, tuple(backups))
    skipped += [str(t) for t in rows]
    return SavedPlan(choices=choices, skipped=tuple(skipped))


def problems_by_task(problems: Iterable[PlanProblem]
                     ) -> tuple[dict[str, tuple[PlanProblem, ...]], tuple[PlanProblem, ...]]:
    """Plan problems grouped under their task (in order), and the ones about no single task.

    Examples
    --------
    >>> a = PlanProblem("call", "gran", "no_backup", "No backup for the call.")
    >>> b = PlanProblem(None, "gran", "overloaded", "Gran has too much to do.")
    >>> by_task, general = problems_by_task([a, b])
    >>> list(by_task), [p.rule for p in general]
    (['call'], ['overloaded'])
    """
    by_task: dict[str, list[PlanProblem]] = {}
    general: list[PlanProblem] = []
    for problem in problems:
        (by_task.setdefault(problem.task_id, []) if problem.task_id else general).append(problem)
    return {task: tuple(found) for task, found in by_task.items()}, tuple(general)


@dataclass(frozen=True)
class BackupCover:
    """Which of a scenario's tasks have a usable main person and a usable backup.

    Attributes
    ----------
    total : int
        How many tasks the scenario's plan has.
    backed : tuple of str
        Ids of the tasks with a usable main person and at least one usable backup (someone else).
    no_backup : tuple of (str, str)
        ``(task id, main person id)`` for tasks with a usable main person but no usable backup.
    no_one : tuple of str
        Ids of the tasks with nobody usable as main person.
    """

    total: int
    backed: tuple[str, ...]
    no_backup: tuple[tuple[str, str], ...]
    no_one: tuple[str, ...]

    @property
    def share(self) -> float:
        """Share (0–1) of the tasks with a backup; 0 when there are no tasks."""
        return len(self.backed) / self.total if self.total else 0.0


def backup_cover(scenario: Scenario, assignments: Iterable[Assignment], *,
                 people: Optional[Iterable[str]] = None) -> BackupCover:
    """Which tasks have a main person and a backup who can count on being there.

    Only ``people`` count (default: everyone in the network who is known, and
    whose safety is not a worry). The first assignment for each task is used.
    This is the "Backups in the safety plan" part of network strength
    (:mod:`fncoach.strength`).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> cover = backup_cover(s, [Assignment(task="call", primary="gran", backups=("dev",))])
    >>> cover.backed, cover.no_one, cover.share
    (('call',), ('sleepover',), 0.5)
    >>> backup_cover(s, [Assignment(task="call", primary="gran", backups=("dev",))], people=["gran"]).no_backup
    (('call', 'gran'),)
    """
    if people is None:
        usable = {p.id for p in scenario.people if p.is_known and p.safety.status != "worry"}
    else:
        usable = set(people)
    by_task: dict[str, Assignment] = {}
    for assignment in assignments:
        by_task.setdefault(assignment.task, assignment)
    backed, no_backup, no_one = [], [], []
    for task in scenario.plan.tasks:
        assignment = by_task.get(task.id)
        if assignment is None or assignment.primary not in usable:
            no_one.append(task.id)
        elif any(b in usable and b != assignment.primary for b in assignment.backups):
            backed.append(task.id)
        else:
            no_backup.append((task.id, assignment.primary))
    return BackupCover(len(scenario.plan.tasks), tuple(backed), tuple(no_backup), tuple(no_one))


def backup_share(scenario: Scenario, assignments: Iterable[Assignment]) -> float:
    """Share (0–1) of the scenario's tasks that have a main person and at least one backup.

    The share of :func:`backup_cover`: the "plan backup" part of network strength.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> backup_share(s, [Assignment(task="call", primary="gran", backups=("dev",))])
    0.5
    """
    return backup_cover(scenario, assignments).share


# --------------------------------------------------------------------------- plan files


class PlanFileError(YamlFileError, ValueError):
    """A plan file could not be used. ``problems`` lists each problem (file, line, field, message)."""

    @classmethod
    def heading(cls, count: int) -> str:
        """``the plan file has 2 problems``."""
        return f"the plan file has {count} problem{'s' if count != 1 else ''}"


_PLAN_KEYS = ("task", "primary", "backups")

#: How the reader speaks about plan files.
PLAN_FILE = FileKind(
    noun="plan file",
    error=PlanFileError,
    missing_message="there is no plan file here",
    missing_hint="Check the name and folder, or write one with fncoach plan.",
    start_hint="Write one '- task: ... primary: ... backups: [...]' per task.",
    size_hint="A plan file is a short list of tasks; check this is the right file.",
    syntax_hint="Check the brackets, colons and indentation near this line.",
    formats="YAML or JSON",
)


def plan_file_text(assignments: Iterable[Assignment]) -> str:
    """A plan as YAML text, in the format :func:`load_plan_file` reads.

    Examples
    --------
    >>> print(plan_file_text([Assignment(task="call", primary="gran", backups=("dev",))]), end="")
    - task: call
      primary: gran
      backups: [dev]
    """
    lines = []
    for a in assignments:
        lines += [f"- task: {a.task}", f"  primary: {a.primary}", f"  backups: [{', '.join(a.backups)}]"]
    return "\n".join(lines) + "\n"


def _plan_id(value: object) -> str:
    """A task or person id as written (a number is read as its digits); empty when there is none."""
    if value is None or isinstance(value, (list, dict)):
        return ""
    return str(value).strip()


def _plan_field(path: tuple) -> str:
    """A place in a plan file as a coach counts it: ``entry 2, primary``."""
    entries = [i for i, part in enumerate(path) if isinstance(part, int)]
    if not entries:
        return ", ".join(str(part) for part in path)
    first = entries[0]
    return ", ".join([f"entry {path[first] + 1}"] + [str(part) for part in path[first + 1:]])


def load_plan_file(path: str | os.PathLike, scenario: Scenario) -> tuple[Assignment, ...]:
    """Read a plan from a YAML or JSON file: a list of ``{task, primary, backups}``.

    Every problem is reported with the file, line and field: a task or person
    that is not in the scenario (with the id it was probably meant to be), a
    missing primary, an unknown or repeated key, a backup list that is not a list.

    Raises
    ------
    PlanFileError
        With every problem found (and when the file is missing, too big, not
        UTF-8 or not YAML).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from fncoach.examples import example_scenario
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "plan.yaml").write_text("- {task: call, primary: gran, backups: [dev]}\\n")
    >>> load_plan_file(folder / "plan.yaml", example_scenario())
    (Assignment(task='call', primary='gran', backups=('dev',)),)
    >>> _ = (folder / "typo.yaml").write_text("- {task: call, primary: grann}\\n")
    >>> try:
    ...     load_plan_file(folder / "typo.yaml", example_scenario())
    ... except PlanFileError as error:
    ...     print(error.problems[0].line, error.problems[0].column, error.problems[0].hint)
    1 25 Did you mean 'gran'?
    """
    doc = read_yaml_file(path, PLAN_FILE)
    problems: list[Problem] = doc.duplicate_key_problems(_plan_field)
    root, prefix = doc.data, ()
    if isinstance(root, dict) and "assignments" in root:
        root, prefix = root["assignments"], ("assignments",)
    if not isinstance(root, list):
        problems.append(doc.problem(prefix, "the plan should be a list of tasks",
                                    "Write one '- task: ... primary: ... backups: [...]' per task.", field=""))
        raise PlanFileError(problems)
    where_in = scenario.meta.id
    tasks = {t.id for t in scenario.plan.tasks}
    people = {p.id for p in scenario.people}
    person_hint = "Use a person id from the scenario."
    result: list[Assignment] = []
    seen_tasks: set[str] = set()
    for i, item in enumerate(root):
        here = prefix + (i,)
        where = f"entry {i + 1}"
        if not isinstance(item, dict):
            problems.append(doc.problem(here, "each entry should have task, primary and backups",
                                        "Write e.g. '- {task: t_morning_call, primary: gran, backups: [dev]}'.",
                                        field=where))
            continue
        for key in item:
            if key not in _PLAN_KEYS:
                hint = did_you_mean(key, _PLAN_KEYS, list_up_to=0, otherwise="Use only task, primary and backups.")
                problems.append(doc.problem(here + (str(key),), f"unknown key '{key}'", hint, key=True,
                                            field=f"{where}, {key}"))
        task = _plan_id(item.get("task"))
        if not task:
            problems.append(doc.problem(here + ("task",), "the task is missing",
                                        "Write the task's id, e.g. task: t_morning_call.", field=f"{where}, task"))
        elif task not in tasks:
            problems.append(doc.problem(here + ("task",), f"there is no task '{task}' in {where_in}",
                                        did_you_mean(task, tasks, list_up_to=len(tasks)), field=f"{where}, task"))
        elif task in seen_tasks:
            problems.append(doc.problem(here + ("task",), f"the task '{task}' is in the plan twice",
                                        "Keep one entry per task.", field=f"{where}, task"))
        seen_tasks.add(task)
        primary = _plan_id(item.get("primary"))
        if not primary:
            problems.append(doc.problem(here + ("primary",), "the main person (primary) is missing",
                                        "Write the person's id, e.g. primary: gran.", field=f"{where}, primary"))
        elif primary not in people:
            problems.append(doc.problem(here + ("primary",), f"'{primary}' is not one of the people in {where_in}",
                                        did_you_mean(primary, people, otherwise=person_hint), field=f"{where}, primary"))
        backups: list[str] = []
        given = item.get("backups")
        if isinstance(given, dict):
            problems.append(doc.problem(here + ("backups",), "backups should be a list of person ids",
                                        "Write e.g. backups: [dev, aunt_jo].", field=f"{where}, backups"))
            entries: list = []
        elif isinstance(given, list):
            entries = given
        else:
            entries = [given] if _plan_id(given) else []
        for j, entry in enumerate(entries):
            value = _plan_id(entry)
            if value not in people:
                at = here + ("backups", j) if isinstance(given, list) else here + ("backups",)
                problems.append(doc.problem(at, f"'{value or entry}' is not one of the people in {where_in}",
                                            did_you_mean(value, people, otherwise=person_hint),
                                            field=f"{where}, backup {j + 1}"))
            else:
                backups.append(value)
        if task and primary:
            result.append(Assignment(task=task, primary=primary, backups=tuple(backups)))
    if problems:
        raise PlanFileError(sorted(problems, key=lambda p: (p.line, p.column)))
    return tuple(result)
