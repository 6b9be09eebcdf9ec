"""The family safety plan as printable pages: the adult plan and the child's Words and Pictures plan.

:func:`adult_plan_html` writes the network's plan as clear rules on one page:
who does what and when, who the backups are, what sets each rule off (the
trigger and the red flags), who checks it has happened, and how to reach
everyone (the scenario's fictional contact details). If a drill run is given,
the page also says what the drill showed; when the plan broke, the advice is to
get the network together again, which is a normal part of making a plan work.

:func:`words_and_pictures_html` explains the same plan to the child: short
sentences in the child's own words (``Task.child_words``), large text, a simple
drawn picture for each kind of task and the names of the helpers.

Both pages are self-contained HTML (inline SVG pictures, no scripts, no web
fonts) rendered from the templates ``plan_adult.html.j2`` and
``plan_words_and_pictures.html.j2`` (the pictures are in ``plan_icons.svg.j2``,
the page styles in ``plan_adult.css`` and ``plan_words_and_pictures.css``).
This module only gathers the plain text each page shows. Facilitator material
(model statements, notes) is never shown.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> from fncoach.model import Assignment
>>> s = example_scenario()
>>> plan = [Assignment(task="call", primary="gran", backups=("dev",))]
>>> html = adult_plan_html(s, plan)
>>> "07700 900001" in html and "<script" not in html
True
>>> "Gran rings us after tea." in words_and_pictures_html(s, plan)
True
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Iterable, Optional

from ..model import Assignment, Scenario, Task
from ..plan import describe_when, everyday_name
from . import macro, page, stylesheet, render

__all__ = ["adult_plan_html", "words_and_pictures_html", "task_icon_svg", "ICON_WORDS", "reconvene_advice"]

#: What each kind of task's picture shows (also its alt text).
ICON_WORDS: dict[str, str] = {
    "phone_call": "a telephone",
    "visit": "a house",
    "monitoring": "a tick on a list",
    "supervise_contact": "two people holding hands",
    "transport": "a car",
    "school_run": "a school",
    "respite": "a sun",
    "overnight": "a moon and stars",
    "meal": "a plate with a knife and fork",
    "activity": "a ball",
    "appointment": "a calendar",
}


def task_icon_svg(kind: str, size: int = 96) -> str:
    """A simple drawn picture for a kind of task, as inline SVG with alt text.

    Examples
    --------
    >>> svg = task_icon_svg("transport")
    >>> svg.startswith("<svg") and "a car" in svg
    True
    """
    return str(macro("plan_icons.svg.j2", "task_icon")(kind, ICON_WORDS.get(kind, "a star"), size))


# --------------------------------------------------------------------------- the adult plan


@dataclass(frozen=True)
class _PersonLine:
    """Someone on the plan as the adult page names them (``known`` False: an id not in the scenario)."""

    name: str
    relationship: str = ""
    contact: str = ""
    known: bool = True


@dataclass(frozen=True)
class _Row:
    """One rule of the adult plan (``who`` None: nobody holds the task yet)."""

    task: Task
    when: str
    who: Optional[_PersonLine]
    backups: tuple[_PersonLine, ...]
    checker: Optional[_PersonLine]


@dataclass(frozen=True)
class _Gap:
    title: str
    date: str
    reason: str


@dataclass(frozen=True)
class _Drill:
    """What a practice drill showed, in the words the adult page uses."""

    days: int
    percent: int
    backups_used: str  # "Gran (2 times), Dev (1 time)" or ""
    uncovered: tuple[_Gap, ...]
    more: int


def _person_line(scenario: Scenario, person_id: str) -> _PersonLine:
    try:
        person = scenario.person(person_id)
    except KeyError:
        return _PersonLine(person_id, known=False)
    return _PersonLine(person.name, person.relationship or "", person.contact or "")


def _review_date(scenario: Scenario) -> _dt.date:
    return scenario.drills.start_date + _dt.timedelta(days=scenario.drills.days - 1)


def _date_words(date: _dt.date) -> str:
    return f"{date.strftime('%A')} {date.day} {date.strftime('%B %Y')}"


def reconvene_advice(scenario: Scenario, run=None) -> str:
    """Plain advice on getting the network together again, framed as a normal step (text).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> "normal" in reconvene_advice(example_scenario())
    True
    """
    base = ("If a rule is not working, or the same gap keeps coming up, anyone on this plan can ask for the network "
            "to meet again. That is normal: plans are meant to be tried, checked and changed, and changing one shows "
            "the network is doing its job.")
    if run is not None and getattr(run, "uncovered", ()):
        count = len(run.uncovered)
        base = (f"In the practice drill {count} time{'s' if count != 1 else ''} nobody could step in. "
                "The thing to do is get the network together again soon, before the review if needed, and agree new "
                "backups or new times. " + base)
    return base


def _row(scenario: Scenario, task: Task, a: Optional[Assignment]) -> _Row:
    held = a is not None and bool(a.primary)
    return _Row(
        task=task,
        when=describe_when(task.when),
        who=_person_line(scenario, a.primary) if held else None,
        backups=tuple(_person_line(scenario, b) for b in a.backups) if held else (),
        checker=_person_line(scenario, task.checked_by) if task.checked_by else None,
    )


def _drill(scenario: Scenario, run, limit: int = 6) -> _Drill:
    titles = {t.id: t.title for t in scenario.plan.tasks}
    used = ", ".join(f"{scenario.name_of(b.person)} ({b.times} time{'s' if b.times != 1 else ''})"
                     for b in run.backups_used)
    gaps = tuple(_Gap(titles.get(u.task, u.task),
                      _date_words(scenario.drills.start_date + _dt.timedelta(days=u.day - 1)), u.reason)
                 for u in run.uncovered[:limit])
    return _Drill(run.days, round(run.coverage * 100), used, gaps, max(0, len(run.uncovered) - limit))


def adult_plan_html(scenario: Scenario, assignments: Iterable[Assignment], run=None) -> str:
    """The network's safety plan as a one-page printable HTML table.

    Parameters
    ----------
    scenario : Scenario
    assignments : iterable of Assignment
        The plan: a primary and backups per task. Tasks nobody holds yet say so.
    run : DrillRun, optional
        A drill of this plan; its coverage and gaps are summarised under the table.

    Returns
    -------
    str
        A complete HTML document (no scripts, prints on A4 landscape).
    """
    by_task = {a.task: a for a in assignments}
    child = scenario.child
    people_in_plan = list(dict.fromkeys(pid for a in by_task.values() for pid in (a.primary, *a.backups) if pid)
                          | {}.fromkeys(t.checked_by for t in scenario.plan.tasks if t.checked_by))
    body = render(
        "plan_adult.html.j2",
        child=child.name,
        start=_date_words(scenario.drills.start_date),
        review=_date_words(_review_date(scenario)),
        rows=[_row(scenario, task, by_task.get(task.id)) for task in scenario.plan.tasks],
        drill=_drill(scenario, run) if run is not None else None,
        advice=reconvene_advice(scenario, run),
        contacts=[_person_line(scenario, pid) for pid in people_in_plan],
    )
    return page(f"Family safety plan for {child.name}", body, css=stylesheet("plan_adult.css"))


# --------------------------------------------------------------------------- Words and Pictures


@dataclass(frozen=True)
class _Card:
    """One task as the child reads it: their words, who helps, when, and its picture."""

    kind: str
    picture: str  # what the picture shows (its alt text)
    words: str
    helpers: str
    when: str


def _child_name_for(scenario: Scenario, person_id: str) -> str:
    """What the child calls someone (:func:`fncoach.plan.everyday_name`): ``Nana Pat``, ``Mum``, ``Shona``."""
    try:
        return everyday_name(scenario.person(person_id).name)
    except KeyError:
        return person_id


def _helpers_sentence(scenario: Scenario, a: Optional[Assignment]) -> str:
    if a is None or not a.primary:
        return "The grown-ups are still deciding who will do this."
    primary = _child_name_for(scenario, a.primary)
    if not a.backups:
        return f"{primary} will do this."
    backups = [_child_name_for(scenario, b) for b in a.backups]
    names = backups[0] if len(backups) == 1 else ", ".join(backups[:-1]) + " or " + backups[-1]
    return f"{primary} will do this. If {primary} can't, {names} will."


def _child_when(task: Task) -> str:
    text = describe_when(task.when).replace(" to ", " until ")
    if text.endswith(" (overnight)"):
        text = text[: -len(" (overnight)")] + " the next morning"
    return text


def words_and_pictures_html(scenario: Scenario, assignments: Iterable[Assignment], draft=None) -> str:
    """The plan explained to the child: short sentences, large text, a picture per task, the helpers' names.

    Uses each task's ``child_words`` (the task as the child would say it);
    a task without them is described from its title. No phone numbers or
    worries in grown-up words appear. ``draft`` (a
    :class:`fncoach.childwords.Draft` or its plain data) is the learner's
    explanation for the child: what happened, the worries, the plan and
    "when I feel worried I can…", printed as the pages of the picture book
    before the plan's pictures.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> "When I feel worried I can tell Gran." in words_and_pictures_html(s, (), s.words_and_pictures.model_dump())
    True

    Returns
    -------
    str
        A complete, self-contained HTML document (inline SVG pictures).
    """
    by_task = {a.task: a for a in assignments}
    child = scenario.child
    cards = [_Card(task.kind, ICON_WORDS.get(task.kind, "a star"), task.child_words or task.title,
                   _helpers_sentence(scenario, by_task.get(task.id)), _child_when(task))
             for task in scenario.plan.tasks]
    helpers = list(dict.fromkeys(pid for a in by_task.values() for pid in (a.primary, *a.backups) if pid))
    story = ()
    if draft is not None:
        from ..childwords import DRAFT_PARTS, Draft

        draft = draft if isinstance(draft, Draft) else Draft.from_answers(draft)
        story = tuple((heading, getattr(draft, key)) for key, heading in DRAFT_PARTS if getattr(draft, key))
    body = render("plan_words_and_pictures.html.j2", child=child.name, cards=cards,
                  helpers=[_child_name_for(scenario, pid) for pid in helpers], story=story)
    return page(f"{child.name}'s plan in words and pictures", body, css=stylesheet("plan_words_and_pictures.css"),
                large_print=True)
