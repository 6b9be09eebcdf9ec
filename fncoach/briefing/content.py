"""Briefing sections that draw figures or run analyses from other parts of the toolkit.

Each function here gathers what a section needs — the eco-map, the Three
Houses, the safety-scale spread, the completed SOS map, the drill heatmap, the
network-strength report — and hands it to the sections in
:mod:`fncoach.briefing.sections` or to its own template in
``fncoach/pages/templates/briefing/``. The briefing notebook template calls
each one in a single line.

Imports are plain: a figure or analysis module that cannot be imported stops
the pack with its error, never a thinner pack. The figure modules (matplotlib)
are imported inside the functions that draw, so importing this module stays
quick.

Trainee sections are always called with
:func:`fncoach.briefing.leaks.trainee_view` of the scenario; facilitator
sections with the whole scenario.

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> from fncoach.briefing.leaks import trainee_view
>>> s = tiny_scenario()
>>> "Zoë's Three Houses" in child_voice(trainee_view(s))
True
>>> "Gran is away at a wedding in Cork." in drill_events_table(s)
True
"""

from __future__ import annotations

from typing import Any, Sequence

from markupsafe import Markup

from ..words import names_in_words
from ..drills import DEFAULT_RUNS, monte_carlo, percent, simulate
from ..finding import known_network
from ..model import Assignment, Scenario
from ..plan import check_plan
from ..sosmap import map_content
from ..strength import analyse_strength
from . import figures
from . import sections as bs

__all__ = [
    "ecomap",
    "full_ecomap",
    "relationships_table",
    "child_voice",
    "model_scaling",
    "sos_map",
    "sos_map_table",
    "model_plan",
    "drill_results",
    "drill_events_table",
    "strength",
    "strength_scope",
]


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


def relationships_table(scenario: Scenario) -> Markup:
    """The child's relationships as a table: who, how close, how it is going, how often in touch.

    The same facts an eco-map shows, in words, beside the drawing.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> "<td>Gran Róisín</td><td>very close</td><td>strong</td>" in relationships_table(tiny_scenario())
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
    cells = [(name, _CLOSENESS_WORDS[tie.closeness], _QUALITY_WORDS[tie.quality], _CONTACT_WORDS[tie.contact])
             + ((tie.note or "—",) if with_notes else ()) for _, name, tie in rows]
    sentences = [f"{scenario.name_of(t.a)} and {scenario.name_of(t.b)}: {_QUALITY_WORDS[t.quality]}, in touch "
                 f"{_CONTACT_WORDS[t.contact]}" for t in links]
    return bs.fragment("relationships_table", child=child.name, css_class=bs.table_class("tasks", len(rows), 5),
                       with_notes=with_notes, rows=cells, links=sentences)


def ecomap(scenario: Scenario, *, seed: int = 0) -> Markup:
    """The eco-map of the network as the workers know it now (trainee handout), its key, then the relationships table.

    Drawn by :func:`fncoach.briefing.figures.ecomap_figure`; the key is printed at its own size.
    """
    known = known_network(scenario)
    section = bs.ecomap_section(figures.ecomap_figure(scenario, seed=seed), scenario,
                                key=figures.ecomap_key_figure(scenario))
    return bs.fragment("ecomap", figure_section=section, table=relationships_table(known))


def full_ecomap(scenario: Scenario, *, seed: int = 0) -> Markup:
    """The whole network, with the people not yet found highlighted (facilitator pack); empty when all are known."""
    figure = figures.whole_network_figure(scenario, seed=seed)
    if figure is None:
        return Markup("")
    names = ", ".join(p.name for p in scenario.people if not p.is_known)
    note = (f"The whole network, including the people trainees have not found yet ({names}). Compare it with the "
            "eco-map in the handout when you talk about who is missing.")
    return bs.ecomap_section(figure, scenario, title="The whole network", note=note)


# --------------------------------------------------------------------------- SOS


def child_voice(scenario: Scenario) -> Markup:
    """The child's voice section: what matters and the Three Houses, drawn by :func:`fncoach.viz.sos.draw_three_houses`."""
    return bs.child_voice_section(scenario, houses_figure=figures.three_houses_figure(scenario))


def model_scaling(scenario: Scenario) -> Markup:
    """Model safety-scale perspectives, with the spread of numbers drawn by :func:`fncoach.viz.sos.draw_scale_spread`."""
    return bs.model_scaling(scenario, spread_figure=figures.scale_spread_figure(scenario))


def sos_map_table(columns: Sequence[tuple[str, Sequence[Any]]]) -> Markup:
    """The map's three questions one after another, each with its sections (``heading``, ``items``, ``notes``).

    Stacked rather than side by side, so a long map prints across pages without squeezing its columns.

    Examples
    --------
    >>> from fncoach.sosmap import map_content
    >>> from fncoach.examples import tiny_scenario
    >>> html = sos_map_table(map_content(tiny_scenario()).columns)
    >>> "What needs to happen?" in html and html.startswith('<div class="sos-map">')
    True
    """
    shown = []
    for question, sections in columns:
        shown.append((question, [
            {"heading": section.heading,
             "entries": list(zip(section.items, tuple(getattr(section, "notes", ())) + ("",) * len(section.items)))}
            for section in sections]))
    return bs.fragment("sos_map", columns=shown)


def sos_map(scenario: Scenario) -> Markup:
    """The completed SOS map (facilitator pack), laid out by :func:`fncoach.sosmap.map_content`."""
    return bs.sos_map_section(sos_map_table(map_content(scenario).columns))


# --------------------------------------------------------------------------- plan and drills


def model_plan(scenario: Scenario) -> Markup:
    """The model plan, with anything :func:`fncoach.plan.check_plan` still finds in it."""
    html = bs.model_plan_section(scenario)
    if not scenario.plan.model_plan:
        return html
    problems = [p.message for p in check_plan(scenario, scenario.plan.model_plan)]
    return bs.fragment("plan_check", plan_section=html, problems=problems)


def _day_range(first: int, last: int) -> str:
    return f"{first}" if first == last else f"{first}–{last}"


def drill_events_table(scenario: Scenario, assignments: Sequence[Assignment] | None = None) -> Markup:
    """The scripted drill events: who is away when, and which of their jobs must go to a backup."""
    assignments = tuple(scenario.plan.model_plan if assignments is None else assignments)
    titles = {t.id: t.title for t in scenario.plan.tasks}
    rows = []
    for event in scenario.drills.events:
        jobs = []
        for a in assignments:
            if a.primary == event.person:
                backup = next((b for b in a.backups if b != event.person), None)
                to = f"goes to {scenario.name_of(backup)}" if backup else "has no backup"
                jobs.append(f"{titles.get(a.task, a.task)} {to}")
        rows.append((scenario.name_of(event.person), _day_range(event.from_day, event.to_day), event.reason,
                     "; ".join(jobs) or "no main jobs in the plan"))
    return bs.fragment("drill_events", rows=rows, chance=f"{scenario.drills.absence_chance:.0%}")


def drill_results(scenario: Scenario, *, seed: int = 0) -> Markup:
    """The model plan run through the drill period with :func:`fncoach.drills.simulate`: heatmap and uncovered jobs."""
    assignments = scenario.plan.model_plan
    events = drill_events_table(scenario)
    if not assignments:
        return bs.fragment("drill_no_plan", events=events)
    run = simulate(scenario, assignments, seed=seed)
    mean = monte_carlo(scenario, assignments, runs=DEFAULT_RUNS, seed=seed)
    titles = {t.id: t.title for t in scenario.plan.tasks}
    uncovered = [f"Day {u.day}: {titles.get(u.task, u.task)} — {u.reason}" for u in run.uncovered]
    summary = bs.fragment("drill_summary", coverage=percent(mean.coverage), runs=f"{mean.runs:,}", seed=seed,
                          first=percent(run.coverage), scenario_id=scenario.meta.id, events=events)
    return bs.drill_results_section(summary, heatmap=figures.heatmap_figure(scenario, seed=seed, run=run),
                                    uncovered=uncovered, days=scenario.drills.days,
                                    first_drill=f"the first drill (seed {seed})")


# --------------------------------------------------------------------------- network strength


def strength(scenario: Scenario) -> Markup:
    """How strong the network is, component by component (facilitator pack), from :mod:`fncoach.strength`."""
    report = analyse_strength(scenario, dict(scenario.settings.strength_weights) or None)
    rows = [(c.title, c.value, c.reason) for c in report.components]
    return bs.strength_section(rows, overall=report.score, figure=figures.strength_figure(scenario, report),
                               scope=strength_scope(scenario))


def strength_scope(scenario: Scenario) -> str:
    """Who network strength counts, in words, when it is not everyone the rest of the pack counts ("" when it is).

    Network strength looks at the people already found; the model plan and the
    drill use everyone, including people trainees have still to find. Said
    plainly, the two never seem to contradict each other.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> print(strength_scope(tiny_scenario()))
    Network strength counts only the 4 people already found, as the workers know the network now; Niamh Byrne, still to be found, is not counted. The model plan and the drill above use everyone, so a job given there only to people still to be found shows here as a job nobody is named for.
    """
    hidden = [p for p in scenario.people if not p.is_known]
    if not hidden:
        return ""
    known = len(scenario.people) - len(hidden)
    names = names_in_words([p.name for p in hidden], limit=None)
    return (f"Network strength counts only the {known} {'person' if known == 1 else 'people'} already found, as the "
            f"workers know the network now; {names}, still to be found, "
            f"{'is' if len(hidden) == 1 else 'are'} not counted. The model plan and the drill above use everyone, "
            "so a job given there only to people still to be found shows here as a job nobody is named for.")
