"""Briefing sections that draw figures or run analyses from other parts of the toolkit.

Each function here gathers what a section needs — the eco-map, the Three
Houses, the safety-scale spread, the completed SOS map, the drill heatmap, the
network-strength report — and hands it to the pure HTML builders in
:mod:`fncoach.briefing_sections`. The briefing notebook template calls each
one in a single line.

The figure and analysis modules are imported *inside* the functions, so this
module stays cheap to import, and so a pack can still be made when one of them
is missing: the section then shows what the scenario data says on its own
(a table of relationships instead of the eco-map drawing, the SOS map laid out
from the model answers, the scripted drill events and their backups), never an
error and never an empty placeholder.

Trainee sections are always called with
:func:`fncoach.briefing_sections.trainee_view` of the scenario; facilitator
sections with the whole scenario.

Examples
--------
>>> from fncoach.scenario import load_scenario
>>> from pathlib import Path
>>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
>>> "Zoë's Three Houses" in child_voice(bs.trainee_view(s))
True
>>> "Gran is away at a wedding in Cork." in drill_events_table(s)
True
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any, Callable, Sequence

from . import briefing_sections as bs
from .htmlpage import esc
from .model import Assignment, Scenario

__all__ = [
    "optional_function",
    "available_figures",
    "ecomap",
    "full_ecomap",
    "relationships_table",
    "child_voice",
    "model_scaling",
    "sos_map",
    "sos_map_from_model",
    "model_plan",
    "drill_results",
    "drill_events_table",
    "strength",
    "network_facts",
]

#: (module, function) pairs the briefing uses when they are installed.
_OPTIONAL = {
    "ecomap": ("fncoach.viz.ecomap", "draw_ecomap"),
    "three_houses": ("fncoach.viz.sos", "draw_three_houses"),
    "scale_spread": ("fncoach.viz.sos", "draw_scale_spread"),
    "sos_map": ("fncoach.sosmap", "map_content"),
    "simulate": ("fncoach.drills", "simulate"),
    "heatmap": ("fncoach.viz.drills", "draw_coverage_heatmap"),
    "strength": ("fncoach.strength", "analyse_strength"),
    "draw_strength": ("fncoach.viz.strength", "draw_strength"),
    "check_plan": ("fncoach.plan", "check_plan"),
}


def optional_function(module: str, name: str) -> Callable[..., Any] | None:
    """``module.name`` if that module can be imported and has it, else ``None``.

    Examples
    --------
    >>> optional_function("fncoach.htmlpage", "esc") is esc
    True
    >>> optional_function("fncoach.no_such_module", "draw") is None
    True
    """
    try:
        found = importlib.import_module(module)
    except ImportError:
        return None
    return getattr(found, name, None)


def _optional(key: str) -> Callable[..., Any] | None:
    return optional_function(*_OPTIONAL[key])


def available_figures() -> dict[str, bool]:
    """Which optional figure and analysis functions are installed (for reports and benchmarks).

    Examples
    --------
    >>> available_figures()["check_plan"]
    True
    """
    return {key: _optional(key) is not None for key in _OPTIONAL}


# --------------------------------------------------------------------------- eco-map


_QUALITY_WORDS = {
    "strong": "strong", "moderate": "good", "normal": "ordinary", "weak": "weak or fading",
    "stressful": "stressful", "conflict": "in conflict", "cut_off": "cut off",
}
_CONTACT_WORDS = {
    "daily": "every day", "several_a_week": "several times a week", "weekly": "every week",
    "monthly": "every month", "few_times_a_year": "a few times a year", "rarely": "rarely", "never": "never",
}
_CLOSENESS_WORDS = {1: "not very close", 2: "quite close", 3: "very close"}


def relationships_table(scenario: Scenario) -> str:
    """The child's relationships as a table: who, how close, how it is going, how often in touch.

    The same facts an eco-map shows, in words: used beside the drawing, or on its own.

    Examples
    --------
    >>> from fncoach.scenario import load_scenario
    >>> from pathlib import Path
    >>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
    >>> "very close" in relationships_table(s)
    True
    """
    child = scenario.child
    rows, links = [], []
    for tie in scenario.ties:
        if child.id in (tie.a, tie.b):
            other = tie.b if tie.a == child.id else tie.a
            rows.append((-tie.closeness, scenario.name_of(other), tie))
        else:
            links.append(tie)
    rows.sort(key=lambda row: (row[0], row[1]))
    with_notes = any(tie.note for _, _, tie in rows)
    body = "".join(
        f"<tr><td>{esc(name)}</td><td>{esc(_CLOSENESS_WORDS[tie.closeness])}</td>"
        f"<td>{esc(_QUALITY_WORDS[tie.quality])}</td><td>{esc(_CONTACT_WORDS[tie.contact])}</td>"
        + (f"<td>{esc(tie.note or '—')}</td>" if with_notes else "") + "</tr>" for _, name, tie in rows)
    cls = "tasks long" if len(rows) > 5 else "tasks"
    html = (f"<h3>{esc(child.name)}'s relationships</h3>"
            f'<table class="{cls}"><thead><tr><th>Who</th><th>How close</th><th>How it is going</th>'
            f"<th>In touch</th>{'<th>Note</th>' if with_notes else ''}</tr></thead><tbody>{body}</tbody></table>")
    if links:
        items = [f"{scenario.name_of(t.a)} and {scenario.name_of(t.b)}: {_QUALITY_WORDS[t.quality]}, in touch "
                 f"{_CONTACT_WORDS[t.contact]}" for t in links]
        html += "<h3>How the people in the network know each other</h3>" + bs._list(items, css_class="small")
    return html


def ecomap(scenario: Scenario, *, seed: int = 0) -> str:
    """The eco-map of the network as the workers know it now (trainee handout).

    Draws with :func:`fncoach.viz.ecomap.draw_ecomap` when it is installed; the
    relationships table follows the drawing (or stands alone without it).
    """
    known = bs.known_network(scenario)
    draw = _optional("ecomap")
    table = relationships_table(known)
    if draw is None:
        note = (f"An eco-map puts {scenario.child.name} in the middle and everyone else around them, closer or "
                "further away. Draw one from this table: it shows who is close and how each relationship is going.")
        return bs._section("The eco-map", f"<p>{esc(note)}</p>{table}")
    figure = draw(known, title=f"{scenario.child.name}'s network as we know it", seed=seed)
    return bs.ecomap_section(figure, scenario) + f'<section class="briefing-section">{table}</section>'


def full_ecomap(scenario: Scenario, *, seed: int = 0) -> str:
    """The whole network, with the people not yet found highlighted (facilitator pack)."""
    hidden = tuple(p.id for p in scenario.people if not p.is_known)
    if not hidden:
        return ""
    draw = _optional("ecomap")
    names = ", ".join(scenario.name_of(i) for i in hidden)
    note = (f"The whole network, including the people trainees have not found yet ({names}). Compare it with the "
            "eco-map in the handout when you talk about who is missing.")
    if draw is None:
        return bs._section("The whole network", f"<p>{esc(note)}</p>" + relationships_table(scenario))
    figure = draw(scenario, highlight=hidden, title=f"{scenario.child.name}'s whole network", seed=seed)
    return bs.ecomap_section(figure, scenario, title="The whole network", note=note)


# --------------------------------------------------------------------------- SOS


def child_voice(scenario: Scenario) -> str:
    """The child's voice section: what matters and the Three Houses (drawn when the SOS figures are installed)."""
    draw = _optional("three_houses")
    figure = draw(scenario) if draw is not None and scenario.child.voice is not None else None
    return bs.child_voice_section(scenario, houses_figure=figure)


def model_scaling(scenario: Scenario) -> str:
    """Model safety-scale perspectives, with the spread of numbers drawn when the SOS figures are installed."""
    draw = _optional("scale_spread")
    figure = draw(scenario) if draw is not None and scenario.sos.scaling is not None else None
    return bs.model_scaling(scenario, spread_figure=figure)


_MAP_COLUMNS = (
    ("What are we worried about?", (("Harm", "harm"), ("Worries (danger)", "danger"),
                                    ("Complicating factors", "complicating"))),
    ("What's working well?", (("Strengths", "strength"), ("Existing safety", "existing_safety"))),
)


def sos_map_from_model(scenario: Scenario) -> str:
    """The completed SOS map laid out from the model answers: three columns, one per question.

    Examples
    --------
    >>> from fncoach.scenario import load_scenario
    >>> from pathlib import Path
    >>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
    >>> html = sos_map_from_model(s)
    >>> "What needs to happen?" in html and "Gran makes pancakes" not in html
    True
    """
    sos = scenario.sos
    columns = []
    for question, groups in _MAP_COLUMNS:
        sections = []
        for label, column in groups:
            texts = [c.text for c in sos.cards if c.column == column]
            if column == "harm":
                texts += [s.text for s in sos.harm_statements]
            if column == "danger":
                texts += [s.text for s in sos.worry_statements]
            if texts:
                sections.append(_MapSection(label, tuple(texts)))
        columns.append((question, sections))
    needs = []
    if sos.safety_goals:
        needs.append(_MapSection("Safety goals", tuple(g.text for g in sos.safety_goals)))
    if sos.next_steps:
        needs.append(_MapSection("Next steps", tuple(sos.next_steps)))
    columns.append(("What needs to happen?", needs))
    return _map_table(columns)


@dataclass(frozen=True)
class _MapSection:
    heading: str
    items: tuple[str, ...]


def _map_table(columns: Sequence[tuple[str, Sequence[Any]]]) -> str:
    """The map's three questions one after another, each with its sections (``heading``, ``items``, ``notes``).

    Stacked rather than side by side, so a long map prints across pages without squeezing its columns.
    """
    blocks = []
    for question, sections in columns:
        parts = []
        for section in sections:
            notes = tuple(getattr(section, "notes", ())) + ("",) * len(section.items)
            items = "".join(f"<li>{esc(item)}" + (f"<br><span class='small'>{esc(note)}</span>" if note else "")
                            + "</li>" for item, note in zip(section.items, notes))
            parts.append(f"<h4>{esc(section.heading)}</h4><ul>{items}</ul>")
        blocks.append(f'<div class="map-question"><h3>{esc(question)}</h3>{"".join(parts) or "<p>—</p>"}</div>')
    return '<div class="sos-map">' + "".join(blocks) + "</div>"


def sos_map(scenario: Scenario) -> str:
    """The completed SOS map (facilitator pack), laid out by :func:`fncoach.sosmap.map_content` when installed."""
    content = _optional("sos_map")
    map_html = _map_table(content(scenario).columns) if content is not None else sos_map_from_model(scenario)
    return bs.sos_map_section(map_html)


# --------------------------------------------------------------------------- plan and drills


def model_plan(scenario: Scenario) -> str:
    """The model plan, with anything the plan checker still finds in it."""
    html = bs.model_plan_section(scenario)
    check = _optional("check_plan")
    if check is None or not scenario.plan.model_plan:
        return html
    problems = check(scenario, scenario.plan.model_plan)
    if problems:
        items = bs._list(p.message for p in problems)
        html += bs._section("What the plan checker says about the model plan",
                            "<p>Even the model plan is not perfect: useful to talk about.</p>" + items, level=3)
    else:
        html += ('<p class="ok small"><strong>The plan checker finds no problem with the model plan:</strong> '
                 "everyone is free, near enough, able and safe to do their jobs, and every job has a backup.</p>")
    return html


def _day_range(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}–{last}"


def drill_events_table(scenario: Scenario, assignments: Sequence[Assignment] | None = None) -> str:
    """The scripted drill events: who is away when, and which of their jobs must go to a backup."""
    assignments = tuple(scenario.plan.model_plan if assignments is None else assignments)
    events = scenario.drills.events
    if not events:
        return ("<p>No one is scripted to be away in this drill: only the everyday chance of someone being ill "
                f"or busy ({scenario.drills.absence_chance:.0%} a day for each person).</p>")
    titles = {t.id: t.title for t in scenario.plan.tasks}
    rows = []
    for event in events:
        jobs = []
        for a in assignments:
            if a.primary == event.person:
                backup = next((b for b in a.backups if b != event.person), None)
                to = f"goes to {scenario.name_of(backup)}" if backup else "has no backup"
                jobs.append(f"{titles.get(a.task, a.task)} {to}")
        rows.append(f"<tr><td>{esc(scenario.name_of(event.person))}</td><td>{_day_range(event.from_day, event.to_day)}</td>"
                    f"<td>{esc(event.reason)}</td><td>{esc('; '.join(jobs) or 'no main jobs in the plan')}</td></tr>")
    return ('<table class="tasks"><thead><tr><th>Who is away</th><th>Drill days</th><th>Why</th>'
            f"<th>Their jobs</th></tr></thead><tbody>{''.join(rows)}</tbody></table>"
            f"<p class='small'>On top of these, each person has a {scenario.drills.absence_chance:.0%} chance on any "
            "day of being ill or busy.</p>")


def drill_results(scenario: Scenario, *, seed: int = 0) -> str:
    """The model plan run through the drill period: heatmap and uncovered jobs (facilitator pack)."""
    assignments = scenario.plan.model_plan
    events = "<h3>What happens in the drill</h3>" + drill_events_table(scenario)
    if not assignments:
        return bs._section("Testing the model plan: contingency drill",
                           "<p>This scenario has no model plan to test; run the drill on the group's own plan.</p>"
                           + events)
    simulate = _optional("simulate")
    if simulate is None:
        return bs._section("Testing the model plan: contingency drill",
                           f"<p>Walk the group through the drill period ({scenario.drills.days} days) with the "
                           "model plan: who picks up each job when someone is away?</p>" + events)
    run = simulate(scenario, assignments, seed=seed)
    draw = _optional("heatmap")
    heatmap = draw(scenario, run) if draw is not None else None
    titles = {t.id: t.title for t in scenario.plan.tasks}
    uncovered = [f"Day {u.day}: {titles.get(u.task, u.task)} — {u.reason}" for u in run.uncovered]
    summary = (f"<p><strong>Jobs covered: {run.coverage:.0%}</strong> of all the times a job was needed, "
               f"with drill seed {seed}.</p>" + events)
    return bs.drill_results_section(summary, heatmap=heatmap, uncovered=uncovered, days=scenario.drills.days)


# --------------------------------------------------------------------------- network strength


def network_facts(scenario: Scenario) -> str:
    """Plain counts about the network: natural and paid, safety, domains, people still to find.

    Examples
    --------
    >>> from fncoach.scenario import load_scenario
    >>> from pathlib import Path
    >>> s = load_scenario(Path(__file__).parent.parent / "tests" / "fixtures" / "tiny.yaml")
    >>> "3 people in the natural network" in network_facts(s)
    True
    """
    known = [p for p in scenario.people if p.is_known]
    natural = [p for p in known if p.is_natural]
    safe = [p for p in natural if p.safety.status == "safe"]
    domains = sorted({p.domain.replace("_", " or ") for p in natural})
    facts = [
        f"{len(natural)} people in the natural network (not paid to be there), {len(safe)} of them safe to help now",
        f"{len(known) - len(natural)} professionals or paid people",
        f"The natural network comes from: {', '.join(domains) or 'nowhere yet'}",
        f"{len(scenario.people) - len(known)} people not found yet",
    ]
    return bs._list(facts)


def strength(scenario: Scenario) -> str:
    """How strong the network is, component by component (facilitator pack)."""
    analyse = _optional("strength")
    if analyse is None:
        return bs._section("How strong is the network?",
                           "<p>A teaching aid, not a risk assessment.</p>" + network_facts(scenario))
    weights = dict(scenario.settings.strength_weights) or None
    report = analyse(scenario, weights)
    draw = _optional("draw_strength")
    figure = draw(report) if draw is not None else None
    rows = [(c.title, c.value, c.reason) for c in report.components]
    return bs.strength_section(rows, overall=report.score, figure=figure)
