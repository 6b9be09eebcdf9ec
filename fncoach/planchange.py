"""One check for every way a plan can change: the plan exercise, the drill's "what would you do?" changes, the review.

:func:`fncoach.plan.check_plan` holds the rules. This module only routes every
change through it, so the same safety rules apply wherever a learner changes
the plan, and says why in the same words:

- :func:`check_whole_plan` — :func:`~fncoach.plan.check_plan`, plus people the
  workers have not found yet (nobody can be given a job before they are found
  and asked);
- :func:`check_plan_change` — one drill change: made, or not made because of a
  safety problem it would bring in, with the plan check's reasons;
- :func:`safety_findings` — the problems that stop a change (and that a drill or
  a review must not pass over in silence);
- :func:`review_plan_points` — what the review should say about jobs the plan
  check finds unsafe but the learner has not marked for change.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> from fncoach.model import Assignment
>>> s = example_scenario()
>>> result = check_plan_change(s, [Assignment(task="call", primary="gran")],
...                            {"kind": "add_backup", "task": "call", "person": "dev"})
>>> result.made, result.plan[0].backups
(True, ('dev',))
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping

from .drills import apply_plan_change, describe_plan_change
from .model import Assignment, Scenario
from .plan import RULES, SAFETY_RULES, PlanProblem, UnsafePlanChange, check_plan

__all__ = [
    "STOPS_A_CHANGE",
    "PlanChange",
    "check_whole_plan",
    "check_plan_change",
    "safety_findings",
    "review_plan_points",
]

#: Plan-check rules that stop a drill change being made: the person is not safe for the job, the worry is about
#: them, or they are not (yet) someone the plan can name. Other findings are told but do not stop the change.
STOPS_A_CHANGE = SAFETY_RULES | {"not_found", "unknown_person", "repeated_person"}


def _not_found_yet(scenario: Scenario, assignments: Iterable[Assignment]) -> list[PlanProblem]:
    people = {p.id: p for p in scenario.people}
    titles = {t.id: t.title for t in scenario.plan.tasks}
    found = []
    for a in assignments:
        for person_id in (a.primary, *a.backups):
            person = people.get(person_id)
            if person is not None and not person.is_known:
                found.append(PlanProblem(
                    a.task, person_id, "not_found",
                    f"{person.name} has not been found yet: the workers do not know them, so they cannot be given "
                    f"'{titles.get(a.task, a.task)}' until they have been found, asked and their safety agreed."))
    return found


def check_whole_plan(scenario: Scenario, assignments: Iterable[Assignment]) -> tuple[PlanProblem, ...]:
    """Every problem with a plan: :func:`~fncoach.plan.check_plan`'s, plus anyone named who has not been found yet.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()  # Aunt Niamh has not been found yet
    >>> [p.message.split(":")[0] for p in check_whole_plan(s, [Assignment(task="t_morning_call", primary="aunt_niamh")])
    ...  if p.rule == "not_found"]
    ['Niamh Byrne has not been found yet']
    """
    assignments = tuple(assignments)
    problems = list(check_plan(scenario, assignments))
    seen = {(p.task_id, p.person_id) for p in problems if p.rule in SAFETY_RULES}
    problems += [p for p in _not_found_yet(scenario, assignments) if (p.task_id, p.person_id) not in seen]
    order = {t.id: i for i, t in enumerate(scenario.plan.tasks)}
    return tuple(sorted(problems, key=lambda p: order.get(p.task_id or "", len(order))))


def safety_findings(problems: Iterable[PlanProblem]) -> tuple[PlanProblem, ...]:
    """The problems that stop a change (see :data:`STOPS_A_CHANGE`).

    Examples
    --------
    >>> safety_findings([PlanProblem("t", "p", "no_backup", "x"), PlanProblem("t", "p", "safety", "y")])[0].rule
    'safety'
    """
    return tuple(p for p in problems if p.rule in STOPS_A_CHANGE)


@dataclass(frozen=True)
class PlanChange:
    """What came of one change to a plan.

    Attributes
    ----------
    made : bool
        False when the change would bring in a problem that stops it (the plan is then unchanged).
    scenario, plan
        The scenario and plan after the change (unchanged when not made).
    brought_in : tuple of PlanProblem
        The plan check's findings that this change brought in.
    headline, text, level
        What to tell the learner: a short heading, the reasons in plain words, and ``info``/``warn``.
    """

    made: bool
    scenario: Scenario
    plan: tuple[Assignment, ...]
    brought_in: tuple[PlanProblem, ...]
    headline: str
    text: str
    level: str


def _key(problem: PlanProblem) -> tuple:
    return (problem.task_id, problem.person_id, problem.rule)


def check_plan_change(scenario: Scenario, assignments: Iterable[Assignment], change: Mapping) -> PlanChange:
    """Make one change (see :func:`fncoach.drills.apply_plan_change`) only if the plan check allows it.

    The plan before and after are both checked with :func:`check_whole_plan`; a finding the change brings in whose
    rule is in :data:`STOPS_A_CHANGE` means the change is not made, and the learner is told why in the check's own
    words. Other new findings (no backup, too far …) are told, and the change is made.

    Raises
    ------
    ValueError
        If the change itself does not fit the scenario (as :func:`~fncoach.drills.apply_plan_change`).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()  # Dev's safety is still to be explored; the sleepover is overnight
    >>> result = check_plan_change(s, [], {"kind": "add_backup", "task": "sleepover", "person": "dev"})
    >>> result.made, result.plan, result.headline
    (False, (), 'That change was not made: it is not safe for Sam')
    """
    before = tuple(assignments)
    try:
        new_scenario, new_plan = apply_plan_change(scenario, before, change)
    except UnsafePlanChange as refused:  # the core refuses a change that brings in a safety problem
        new_scenario, new_plan, stopping = scenario, before, tuple(refused.problems)
        brought_in = stopping
    else:
        had = {_key(p) for p in check_whole_plan(scenario, before)}
        brought_in = tuple(p for p in check_whole_plan(new_scenario, new_plan) if _key(p) not in had)
        stopping = safety_findings(brought_in)
    if stopping:
        reasons = "\n".join(f"{RULES.get(p.rule, p.rule)}: {p.message}" for p in stopping)
        return PlanChange(False, scenario, before, brought_in,
                          f"That change was not made: it is not safe for {scenario.child.name}",
                          "The plan check stops this change, the same check as in the plan exercise:\n" + reasons
                          + "\nChoose someone else, or talk it through with the network first.", "warn")
    done = describe_plan_change(new_scenario, change, new_plan) + "."
    others = [p for p in brought_in if p.task_id in (None, change.get("task"))]
    if others:
        reasons = "\n".join(f"{RULES.get(p.rule, p.rule)}: {p.message}" for p in others)
        return PlanChange(True, new_scenario, new_plan, brought_in, "Plan changed: have another look",
                          f"Change made: {done}\nThe plan check says:\n{reasons}", "warn")
    return PlanChange(True, new_scenario, new_plan, brought_in, "Plan changed",
                      f"Change made: {done} The plan check finds nothing new to look at.", "info")


def review_plan_points(scenario: Scenario, assignments: Iterable[Assignment],
                       to_change: Iterable[str]) -> tuple[str, ...]:
    """What the review should add about the plan itself: unsafe jobs the learner has not marked for change.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> plan = [Assignment(task="sleepover", primary="dev")]
    >>> review_plan_points(s, plan, [])[0].startswith("'Sleepover")
    True
    >>> review_plan_points(s, plan, ["sleepover"])
    ()
    """
    chosen = set(to_change)
    titles = {t.id: t.title for t in scenario.plan.tasks}
    points = []
    for problem in safety_findings(check_whole_plan(scenario, assignments)):
        if problem.task_id and problem.task_id not in chosen:
            points.append(f"'{titles.get(problem.task_id, problem.task_id)}' must change whatever the drill showed. "
                          f"The plan check says: {problem.message}")
    return tuple(dict.fromkeys(points))
