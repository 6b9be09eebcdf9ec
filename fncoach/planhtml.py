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
fonts) built with :func:`fncoach.htmlpage.page`. Facilitator material (model
statements, notes) is never shown.

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
from typing import Iterable, Optional

from .htmlpage import esc, page
from .model import Assignment, Scenario, Task
from .plan import describe_when, everyday_name

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

_INK = "#1a1a1a"
_FILL = {
    "phone_call": "#56B4E9", "visit": "#E69F00", "monitoring": "#009E73", "supervise_contact": "#CC79A7",
    "transport": "#0072B2", "school_run": "#D55E00", "respite": "#F0E442", "overnight": "#0072B2",
    "meal": "#E69F00", "activity": "#009E73", "appointment": "#56B4E9",
}

_SHAPES = {
    "phone_call": ("<rect x='20' y='6' width='24' height='52' rx='5' fill='{f}' stroke='{i}' stroke-width='3'/>"
                   "<rect x='25' y='13' width='14' height='30' fill='#fff' stroke='{i}' stroke-width='2'/>"
                   "<circle cx='32' cy='50' r='3' fill='{i}'/>"),
    "visit": ("<path d='M8 30 L32 8 L56 30' fill='none' stroke='{i}' stroke-width='4' stroke-linejoin='round'/>"
              "<rect x='14' y='28' width='36' height='28' fill='{f}' stroke='{i}' stroke-width='3'/>"
              "<rect x='27' y='38' width='10' height='18' fill='#fff' stroke='{i}' stroke-width='2'/>"),
    "monitoring": ("<rect x='12' y='6' width='40' height='52' rx='3' fill='#fff' stroke='{i}' stroke-width='3'/>"
                   "<path d='M20 32 L29 42 L46 20' fill='none' stroke='{f}' stroke-width='6' stroke-linecap='round'/>"
                   "<path d='M20 32 L29 42 L46 20' fill='none' stroke='{i}' stroke-width='1.5'/>"),
    "supervise_contact": ("<circle cx='20' cy='16' r='7' fill='{f}' stroke='{i}' stroke-width='2.5'/>"
                          "<circle cx='44' cy='16' r='7' fill='{f}' stroke='{i}' stroke-width='2.5'/>"
                          "<path d='M10 56 L12 30 Q20 24 28 30 L30 56 Z' fill='{f}' stroke='{i}' stroke-width='2.5'/>"
                          "<path d='M34 56 L36 30 Q44 24 52 30 L54 56 Z' fill='{f}' stroke='{i}' stroke-width='2.5'/>"
                          "<path d='M28 38 L36 38' stroke='{i}' stroke-width='4' stroke-linecap='round'/>"),
    "transport": ("<path d='M6 40 L10 26 Q12 20 20 20 L44 20 Q52 20 54 26 L58 40 Z' fill='{f}' stroke='{i}' stroke-width='3'/>"
                  "<rect x='4' y='38' width='56' height='10' rx='3' fill='{f}' stroke='{i}' stroke-width='3'/>"
                  "<circle cx='18' cy='50' r='6' fill='#fff' stroke='{i}' stroke-width='3'/>"
                  "<circle cx='46' cy='50' r='6' fill='#fff' stroke='{i}' stroke-width='3'/>"
                  "<rect x='16' y='24' width='14' height='10' fill='#fff' stroke='{i}' stroke-width='2'/>"
                  "<rect x='34' y='24' width='14' height='10' fill='#fff' stroke='{i}' stroke-width='2'/>"),
    "school_run": ("<rect x='8' y='24' width='48' height='32' fill='{f}' stroke='{i}' stroke-width='3'/>"
                   "<path d='M4 26 L32 8 L60 26 Z' fill='#fff' stroke='{i}' stroke-width='3' stroke-linejoin='round'/>"
                   "<circle cx='32' cy='19' r='4' fill='#fff' stroke='{i}' stroke-width='2'/>"
                   "<rect x='26' y='40' width='12' height='16' fill='#fff' stroke='{i}' stroke-width='2'/>"
                   "<rect x='13' y='31' width='8' height='7' fill='#fff' stroke='{i}' stroke-width='2'/>"
                   "<rect x='43' y='31' width='8' height='7' fill='#fff' stroke='{i}' stroke-width='2'/>"),
    "respite": ("<circle cx='32' cy='32' r='13' fill='{f}' stroke='{i}' stroke-width='3'/>"
                + "".join(f"<line x1='{32 + 18 * c:.1f}' y1='{32 + 18 * s:.1f}' x2='{32 + 27 * c:.1f}' "
                          f"y2='{32 + 27 * s:.1f}' stroke='{{i}}' stroke-width='3' stroke-linecap='round'/>"
                          for c, s in ((1, 0), (0.707, 0.707), (0, 1), (-0.707, 0.707), (-1, 0), (-0.707, -0.707),
                                       (0, -1), (0.707, -0.707)))),
    "overnight": ("<path d='M40 8 A24 24 0 1 0 56 44 A18 18 0 1 1 40 8 Z' fill='{f}' stroke='{i}' stroke-width='3'/>"
                  "<path d='M14 12 L16 17 L21 17 L17 20 L18 25 L14 22 L10 25 L11 20 L7 17 L12 17 Z' fill='#F0E442' stroke='{i}' stroke-width='1.5'/>"
                  "<path d='M50 10 L51 13 L54 13 L52 15 L53 18 L50 16 L47 18 L48 15 L46 13 L49 13 Z' fill='#F0E442' stroke='{i}' stroke-width='1.2'/>"),
    "meal": ("<circle cx='32' cy='34' r='18' fill='#fff' stroke='{i}' stroke-width='3'/>"
             "<circle cx='32' cy='34' r='11' fill='{f}' stroke='{i}' stroke-width='2'/>"
             "<line x1='6' y1='14' x2='6' y2='56' stroke='{i}' stroke-width='3' stroke-linecap='round'/>"
             "<path d='M2 14 L2 24 Q6 28 10 24 L10 14' fill='none' stroke='{i}' stroke-width='2'/>"
             "<path d='M58 14 Q52 26 58 34 L58 56' fill='none' stroke='{i}' stroke-width='3' stroke-linecap='round'/>"),
    "activity": ("<circle cx='32' cy='32' r='24' fill='#fff' stroke='{i}' stroke-width='3'/>"
                 "<path d='M32 22 L41 29 L38 40 L26 40 L23 29 Z' fill='{f}' stroke='{i}' stroke-width='2'/>"
                 "<path d='M32 22 L32 9 M41 29 L54 24 M38 40 L46 52 M26 40 L18 52 M23 29 L10 24' stroke='{i}' stroke-width='2'/>"),
    "appointment": ("<rect x='8' y='12' width='48' height='44' rx='4' fill='#fff' stroke='{i}' stroke-width='3'/>"
                    "<rect x='8' y='12' width='48' height='12' fill='{f}' stroke='{i}' stroke-width='3'/>"
                    "<line x1='20' y1='6' x2='20' y2='16' stroke='{i}' stroke-width='4' stroke-linecap='round'/>"
                    "<line x1='44' y1='6' x2='44' y2='16' stroke='{i}' stroke-width='4' stroke-linecap='round'/>"
                    "<path d='M22 40 L29 47 L43 32' fill='none' stroke='{i}' stroke-width='4' stroke-linecap='round'/>"),
}


def task_icon_svg(kind: str, size: int = 96) -> str:
    """A simple drawn picture for a kind of task, as inline SVG with alt text.

    Examples
    --------
    >>> svg = task_icon_svg("transport")
    >>> svg.startswith("<svg") and "a car" in svg
    True
    """
    words = ICON_WORDS.get(kind, "a star")
    shape = _SHAPES.get(kind, _SHAPES["monitoring"]).replace("{f}", _FILL.get(kind, "#999999")).replace("{i}", _INK)
    return (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 64 64' width='{size}' height='{size}' "
            f"role='img' aria-label='{esc(words)}'><title>{esc(words)}</title>{shape}</svg>")


# --------------------------------------------------------------------------- the adult plan


def _person_line(scenario: Scenario, person_id: str) -> str:
    try:
        person = scenario.person(person_id)
    except KeyError:
        return f"<strong>{esc(person_id)}</strong> <span class='muted'>(not in this scenario)</span>"
    contact = f"<br><span class='contact'>☎ {esc(person.contact)}</span>" if person.contact else ""
    relation = f" <span class='muted'>({esc(person.relationship)})</span>" if person.relationship else ""
    return f"<strong>{esc(person.name)}</strong>{relation}{contact}"


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
    rows = []
    for task in scenario.plan.tasks:
        rows.append(_adult_row(scenario, task, by_task.get(task.id)))
    start, review = scenario.drills.start_date, _review_date(scenario)
    people_in_plan = list(dict.fromkeys(pid for a in by_task.values() for pid in (a.primary, *a.backups) if pid)
                          | {}.fromkeys(t.checked_by for t in scenario.plan.tasks if t.checked_by))
    contacts = "".join(f"<li>{_person_line(scenario, pid)}</li>" for pid in people_in_plan)
    drill = ""
    if run is not None:
        drill = _drill_section(scenario, run)
    body = f"""
<header>
<h1>Family safety plan for {esc(child.name)}</h1>
<p class='lead'>This is the plan {esc(child.name)}'s family and friends made together. It starts on
{esc(_date_words(start))}. The network will meet again to review it by {esc(_date_words(review))}.
Each row is a rule: who does what, when, who steps in if they cannot, and what to do if something worries you.</p>
</header>
<table class='plan'>
<thead><tr><th scope='col'>What</th><th scope='col'>When</th><th scope='col'>Who</th><th scope='col'>Backup (in order)</th>
<th scope='col'>What if…</th><th scope='col'>Who checks</th></tr></thead>
<tbody>
{''.join(rows)}
</tbody>
</table>
{drill}
<div class='reconvene keep-together'><h2>If the plan is not working</h2><p>{esc(reconvene_advice(scenario, run))}</p></div>
<h2>How to reach everyone on this plan</h2>
<ul class='contacts'>{contacts}</ul>
<p class='muted'>All names and numbers in this training case are made up.</p>
"""
    return page(f"Family safety plan for {child.name}", body, css=_ADULT_CSS)


def _drill_section(scenario: Scenario, run, limit: int = 6) -> str:
    titles = {t.id: t.title for t in scenario.plan.tasks}
    parts = [f"<h2>What the practice drill showed</h2><p>Over {run.days} days, {round(run.coverage * 100)}% of the "
             "jobs were done by someone on the plan.</p>"]
    if run.backups_used:
        parts.append("<p>Backups who stepped in: " + esc(", ".join(
            f"{scenario.name_of(b.person)} ({b.times} time{'s' if b.times != 1 else ''})" for b in run.backups_used))
            + ".</p>")
    if run.uncovered:
        items = []
        for u in run.uncovered[:limit]:
            date = scenario.drills.start_date + _dt.timedelta(days=u.day - 1)
            items.append(f"<li><strong>{esc(titles.get(u.task, u.task))}</strong>, {esc(_date_words(date))}: "
                         f"{esc(u.reason)}</li>")
        more = len(run.uncovered) - limit
        if more > 0:
            items.append(f"<li>… and {more} more.</li>")
        parts.append("<p>Nobody could step in for:</p><ul>" + "".join(items) + "</ul>")
    return "<div class='keep-together'>" + "".join(parts) + "</div>"


def _adult_row(scenario: Scenario, task: Task, a: Optional[Assignment]) -> str:
    what = f"<strong>{esc(task.title)}</strong>"
    if task.description:
        what += f"<br>{esc(task.description)}"
    when = esc(describe_when(task.when))
    if a is None or not a.primary:
        who = "<strong>Nobody yet</strong> — agree who at the next meeting"
        backup = "—"
    else:
        who = _person_line(scenario, a.primary)
        backup = ("<ol>" + "".join(f"<li>{_person_line(scenario, b)}</li>" for b in a.backups) + "</ol>"
                  if a.backups else "<strong>No backup yet</strong> — who else could do this?")
    what_if = []
    if task.trigger:
        what_if.append(f"<p><strong>Trigger:</strong> {esc(task.trigger)}</p>")
    if task.red_flags:
        what_if.append("<p><strong>Red flags — act now:</strong></p><ul>"
                       + "".join(f"<li>{esc(flag)}</li>" for flag in task.red_flags) + "</ul>")
    if not what_if:
        what_if.append("<p>If it cannot happen, ring the first backup straight away.</p>")
    checker = _person_line(scenario, task.checked_by) if task.checked_by else "<span class='muted'>Not agreed yet</span>"
    return (f"<tr><td>{what}</td><td>{when}</td><td>{who}</td><td>{backup}</td>"
            f"<td>{''.join(what_if)}</td><td>{checker}</td></tr>\n")


_ADULT_CSS = """
@page { size: A4 landscape; margin: 10mm; }
body { font-size: 10pt; max-width: 80em; }
.lead { font-size: 1.05em; }
table.plan th { background: #dde7f0; }
table.plan td { font-size: 0.95em; }
table.plan td:nth-child(1) { width: 22%; } table.plan td:nth-child(2) { width: 12%; }
table.plan td:nth-child(5) { width: 22%; }
table.plan ol, table.plan ul { margin: 0.2em 0 0.2em 1.1em; padding: 0; }
table.plan p { margin: 0.1em 0; }
.contact { white-space: nowrap; }
.reconvene { border: 2px solid #0072B2; padding: 0.3em 0.8em; margin-top: 0.8em; }
.reconvene h2 { margin-top: 0.2em; font-size: 1.1em; }
ul.contacts { columns: 3; column-gap: 2.5em; }
ul.contacts li { break-inside: avoid; page-break-inside: avoid; }
@media print { table.plan { font-size: 9pt; } }
"""


# --------------------------------------------------------------------------- Words and Pictures


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


def words_and_pictures_html(scenario: Scenario, assignments: Iterable[Assignment]) -> str:
    """The plan explained to the child: short sentences, large text, a picture per task, the helpers' names.

    Uses each task's ``child_words`` (the task as the child would say it);
    a task without them is described from its title. No phone numbers or
    worries in grown-up words appear.

    Returns
    -------
    str
        A complete, self-contained HTML document (inline SVG pictures).
    """
    by_task = {a.task: a for a in assignments}
    child = scenario.child
    cards = []
    for task in scenario.plan.tasks:
        a = by_task.get(task.id)
        words = task.child_words or task.title
        cards.append(
            "<section class='card'>"
            f"<div class='pic'>{task_icon_svg(task.kind)}</div>"
            f"<div class='words'><p class='say'>{esc(words)}</p>"
            f"<p class='who'>{esc(_helpers_sentence(scenario, a))}</p>"
            f"<p class='when'>{esc(_child_when(task))}</p></div>"
            "</section>"
        )
    helpers = list(dict.fromkeys(pid for a in by_task.values() for pid in (a.primary, *a.backups) if pid))
    helper_names = "".join(f"<li>{esc(_child_name_for(scenario, pid))}</li>" for pid in helpers)
    body = f"""
<h1>{esc(child.name)}'s plan</h1>
<p class='intro'>Lots of people care about you, {esc(child.name)}.
They have made a plan together so that you are safe and looked after.
Here is what they will do.</p>
{''.join(cards)}
<section class='helpers keep-together'>
<h2>My helpers</h2>
<ul>{helper_names}</ul>
<p class='intro'>If something worries you, you can tell any of your helpers.
They will listen. The grown-ups will check the plan is working and change it if it needs changing.</p>
</section>
"""
    return page(f"{child.name}'s plan in words and pictures", body, css=_CHILD_CSS, large_print=True)


_CHILD_CSS = """
body.large-print { font-size: 20pt; line-height: 1.35; max-width: 38em; }
h1 { font-size: 2em; }
.intro { font-size: 1.05em; }
.card { display: flex; gap: 0.8em; align-items: center; border: 3px solid #333; border-radius: 16px;
        padding: 0.5em 0.8em; margin: 0.6em 0; break-inside: avoid; page-break-inside: avoid; }
.card .pic { flex: 0 0 auto; }
.card .words p { margin: 0.15em 0; }
.card .say { font-weight: bold; font-size: 1.1em; }
.card .when { color: #333; font-size: 0.8em; }
.helpers ul { display: flex; flex-wrap: wrap; gap: 0.4em 1.2em; list-style: none; padding: 0; }
.helpers li { border: 2px solid #333; border-radius: 999px; padding: 0.1em 0.7em; }
"""
