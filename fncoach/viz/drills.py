"""Figures for the contingency drills: the coverage heatmap, resilience and before/after.

Colour is never the only carrier of meaning: an uncovered cell is hatched and
carries a ✗, a cell covered by a backup carries a ``b``, and scripted events
are drawn as labelled bars above the heatmap with their days outlined.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> from fncoach.model import Assignment
>>> from fncoach.drills import simulate
>>> s = example_scenario()
>>> result = draw_coverage_heatmap(s, simulate(s, [Assignment(task="call", primary="gran")], seed=0))
>>> result.description.split(".")[0]
'Coverage heatmap for Example: Sam and Gran over 14 days'
"""

from __future__ import annotations

import datetime as _dt
from typing import Mapping, Optional

import numpy as np

from ._common import OKABE_ITO, FigureResult, new_figure

__all__ = ["draw_coverage_heatmap", "draw_resilience", "draw_before_after", "CELL_STYLE"]

#: Cell state → (fill colour, hatch, mark, legend label).
CELL_STYLE: dict[str, tuple[str, str, str, str]] = {
    "primary": ("#cfe8dc", "", "", "Covered by the main person"),
    "backup": (OKABE_ITO["sky_blue"], "", "b", "Covered by a backup (b)"),
    "uncovered": (OKABE_ITO["vermillion"], "////", "✗", "Nobody could cover it (✗, hatched)"),
    "none": ("#ffffff", "", "", "Nothing planned that day"),
}

_WEEKDAY_LETTERS = ("M", "T", "W", "T", "F", "S", "S")


def _short(text: str, limit: int = 38) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def draw_coverage_heatmap(scenario, run, *, title: Optional[str] = None,
                          width: Optional[float] = None) -> FigureResult:
    """Tasks × days: who covered each occurrence, with scripted events marked.

    Parameters
    ----------
    scenario : Scenario
    run : DrillRun
        From :func:`fncoach.drills.simulate`.
    title : str, optional
    width : float, optional
        The figure's width in inches, e.g. 7 to print it at its own size across
        an A4 page (every text is at least 8 points). By default it grows with
        the number of drill days.

    Returns
    -------
    FigureResult
    """
    from matplotlib.patches import Patch, Rectangle

    tasks = list(scenario.plan.tasks)
    days = run.days
    row = {t.id: i for i, t in enumerate(tasks)}
    state = np.full((len(tasks), days), "none", dtype=object)
    for o in run.log:
        state[row[o.task], o.day - 1] = o.role or "uncovered"
    events = [e for e in scenario.drills.events if run.events]
    chains = {a.task: {a.primary, *a.backups} for a in run.assignments}

    width = width if width is not None else max(8.0, 3.2 + 0.32 * days)
    height = 1.6 + 0.42 * len(tasks) + 0.32 * max(len(events), 1)
    figure = new_figure(width, height)[0]
    figure.clear()
    grid = figure.add_gridspec(2, 1, height_ratios=[max(len(events), 1) * 0.32 + 0.3, 0.42 * len(tasks) + 0.6])
    ax_events = figure.add_subplot(grid[0])
    ax = figure.add_subplot(grid[1], sharex=ax_events)

    for i in range(len(tasks)):
        for d in range(days):
            colour, hatch, mark, _ = CELL_STYLE[state[i, d]]
            ax.add_patch(Rectangle((d + 0.5, i - 0.5), 1, 1, facecolor=colour, hatch=hatch,
                                   edgecolor="#555555" if state[i, d] != "none" else "#dddddd", linewidth=0.6))
            if mark:
                ax.text(d + 1, i, mark, ha="center", va="center", fontsize=9 if mark == "b" else 11,
                        fontweight="bold", color="black",
                        bbox=dict(boxstyle="round,pad=0.05", facecolor="white", edgecolor="none", alpha=0.85)
                        if mark == "✗" else None)
    # Outline the cells where a scripted event takes someone in that task's chain away.
    for event in events:
        for task in tasks:
            if event.person in chains.get(task.id, ()):
                i = row[task.id]
                for d in range(event.from_day, event.to_day + 1):
                    if state[i, d - 1] != "none":
                        ax.add_patch(Rectangle((d - 0.5, i - 0.5), 1, 1, fill=False, edgecolor="black",
                                               linewidth=1.8, linestyle="--"))

    ax.set_xlim(0.5, days + 0.5)
    ax.set_ylim(len(tasks) - 0.5, -0.5)
    ax.set_yticks(range(len(tasks)), [_short(t.title) for t in tasks], fontsize=9)
    start = scenario.drills.start_date
    labels = [f"{d}\n{_WEEKDAY_LETTERS[(start + _dt.timedelta(days=d - 1)).weekday()]}" for d in range(1, days + 1)]
    ax.set_xticks(range(1, days + 1), labels, fontsize=8)
    ax.set_xlabel("Drill day (and day of the week)")
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.tick_params(length=0)

    # Event bars, one row each, labelled with who and when.
    per_day = (width - 3.4) / days
    for k, event in enumerate(events):
        ax_events.barh(k, event.to_day - event.from_day + 1, left=event.from_day - 0.5, height=0.6,
                       color=OKABE_ITO["orange"], edgecolor="black", hatch="..")
        span = (f"day {event.from_day}" if event.from_day == event.to_day
                else f"days {event.from_day}–{event.to_day}")
        text = f"{scenario.name_of(event.person)} away, {span}"
        centre = (event.from_day + event.to_day) / 2
        text_days = len(text) * 0.075 / per_day  # about 0.075 inch per character at 8 points
        if event.to_day - event.from_day + 1 > text_days + 0.4:
            ax_events.text(centre, k, text, ha="center", va="center", fontsize=8,
                           bbox=dict(boxstyle="round,pad=0.1", facecolor="white", edgecolor="none"))
        elif event.to_day + 0.6 + text_days < days + 0.5:
            ax_events.text(event.to_day + 0.6, k, text, ha="left", va="center", fontsize=8)
        else:
            ax_events.text(event.from_day - 0.6, k, text, ha="right", va="center", fontsize=8)
    if not events:
        ax_events.text((days + 1) / 2, 0, "No scripted events in this drill", ha="center", va="center",
                       fontsize=8, style="italic")
    ax_events.set_ylim(max(len(events), 1) - 0.5, -0.5)
    ax_events.set_yticks([])
    ax_events.tick_params(labelbottom=False, length=0)
    for spine in ax_events.spines.values():
        spine.set_visible(False)
    ax_events.set_title(title or f"Who covered each job, day by day — {round(run.coverage * 100)}% covered "
                        f"(seed {run.seed})", fontsize=11, loc="left")

    handles = [Patch(facecolor=c, hatch=h, edgecolor="#555555", label=label) for c, h, _, label in CELL_STYLE.values()]
    handles.append(Patch(facecolor="white", edgecolor="black", linestyle="--", linewidth=1.8,
                         label="Someone on this job is away (scripted event)"))
    figure.legend(handles=handles, loc="outside lower center", ncol=3 if width >= 9 else 2, fontsize=8, frameon=False)
    return FigureResult(figure, _heatmap_description(scenario, run, events))


def _heatmap_description(scenario, run, events) -> str:
    titles = {t.id: t.title for t in scenario.plan.tasks}
    total = len(run.log)
    by_backup = sum(1 for o in run.log if o.role == "backup")
    parts = [f"Coverage heatmap for {scenario.meta.title} over {run.days} days. Rows are the plan's "
             f"{len(scenario.plan.tasks)} jobs and columns are days. Of {total} times a job was due, "
             f"{total - len(run.uncovered) - by_backup} were done by the main person, {by_backup} by a backup "
             f"and {len(run.uncovered)} by nobody ({round(run.coverage * 100)}% covered)."]
    if run.uncovered:
        listed = "; ".join(f"{titles.get(u.task, u.task)} on day {u.day}" for u in run.uncovered[:8])
        more = len(run.uncovered) - 8
        parts.append(f"Uncovered: {listed}" + (f" and {more} more." if more > 0 else "."))
    if events:
        parts.append("Scripted events: " + "; ".join(
            f"{scenario.name_of(e.person)} away days {e.from_day} to {e.to_day} ({e.reason.rstrip('.')})"
            for e in events) + ".")
    return " ".join(parts)


def draw_resilience(summary, *, exact: Optional[float] = None, title: Optional[str] = None) -> FigureResult:
    """The spread of coverage across many drills (a histogram), with the mean and the exact expectation.

    Parameters
    ----------
    summary : DrillSummary
        From :func:`fncoach.drills.monte_carlo`.
    exact : float, optional
        The exact expected coverage (:func:`fncoach.drills.exact_coverage`), drawn as a dashed line.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> from fncoach.model import Assignment
    >>> from fncoach.drills import monte_carlo
    >>> s = example_scenario()
    >>> r = draw_resilience(monte_carlo(s, [Assignment(task="call", primary="gran", backups=("dev",))], runs=100))
    >>> "100 drills" in r.description
    True
    """
    figure, ax = new_figure(7.5, 4.2)
    values = np.asarray(summary.distribution) * 100
    distinct = np.unique(np.round(values, 6))
    if len(distinct) > 1:
        step = float(np.min(np.diff(distinct)))
        step = max(step, 1.0)
        edges = np.arange(distinct[0] - step / 2, distinct[-1] + step, step)
    else:
        edges = np.array([distinct[0] - 0.5, distinct[0] + 0.5])
    counts, _, bars = ax.hist(values, bins=edges, color=OKABE_ITO["sky_blue"], edgecolor="black", hatch="//",
                              label="Number of drills")
    ax.bar_label(bars, labels=[f"{int(c)}" if c else "" for c in counts], fontsize=8, padding=2)
    ax.set_ylim(0, max(counts.max(), 1) * 1.15)
    mean = summary.coverage * 100
    ax.axvline(mean, color="black", linewidth=2.2, label=f"Mean {mean:.1f}%")
    if exact is not None:
        ax.axvline(exact * 100, color=OKABE_ITO["vermillion"], linewidth=2, linestyle="--",
                   label=f"Exact expectation {exact * 100:.1f}%")
    low = float(np.percentile(values, 5))
    ax.axvline(low, color=OKABE_ITO["blue"], linewidth=1.5, linestyle=":", label=f"1 drill in 20 is below {low:.1f}%")
    ax.set_xlabel("Share of jobs covered in a drill (%)")
    ax.set_ylabel("Number of drills")
    ax.set_title(title or f"How resilient is the plan? {summary.runs} drills", fontsize=11, loc="left")
    ax.legend(fontsize=8, loc="upper left", framealpha=0.95)
    ax.spines[["top", "right"]].set_visible(False)
    perfect = sum(1 for v in summary.distribution if v >= 1 - 1e-12)
    description = (f"Histogram of coverage across {summary.runs} drills (seed {summary.seed}). Mean coverage "
                   f"{mean:.1f}%, from {values.min():.1f}% to {values.max():.1f}%; one drill in twenty was below "
                   f"{low:.1f}%. {perfect} of {summary.runs} drills covered every job.")
    if exact is not None:
        description += f" The exact expected coverage is {exact * 100:.1f}%."
    return FigureResult(figure, description)


def draw_before_after(before, after, *, titles: Optional[Mapping[str, str]] = None,
                      title: Optional[str] = None) -> FigureResult:
    """Per-job coverage before and after a change to the plan (paired bars, hatched before, solid after).

    ``before`` and ``after`` are :class:`~fncoach.drills.DrillRun` or
    :class:`~fncoach.drills.DrillSummary` objects (anything with ``coverage`` and ``per_task``).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> from fncoach.model import Assignment
    >>> from fncoach.drills import simulate
    >>> s = example_scenario()
    >>> one = simulate(s, [Assignment(task="call", primary="gran")])
    >>> two = simulate(s, [Assignment(task="call", primary="gran", backups=("dev",))])
    >>> draw_before_after(one, two).description.split(".")[0]
    'Coverage before and after the change: 60% before, 80% after'
    """
    names = dict(getattr(before, "task_titles", {}) or {})
    names.update(getattr(after, "task_titles", {}) or {})
    names.update(titles or {})
    present = set(before.per_task) | set(after.per_task)
    tasks = [t for t in names if t in present] + sorted(present - set(names))
    figure, ax = new_figure(8.0, 1.4 + 0.55 * max(len(tasks), 1))
    y = np.arange(len(tasks))
    b = [before.per_task.get(t, np.nan) * 100 for t in tasks]
    a = [after.per_task.get(t, np.nan) * 100 for t in tasks]
    ax.barh(y - 0.2, b, height=0.38, color="#dddddd", edgecolor="black", hatch="xx", label="Before")
    ax.barh(y + 0.2, a, height=0.38, color=OKABE_ITO["green"], edgecolor="black", label="After")
    for yi, value in zip(y, b):
        if not np.isnan(value):
            ax.text(min(value, 100) + 1, yi - 0.2, f"{value:.0f}%", va="center", fontsize=8)
    for yi, value, old in zip(y, a, b):
        if not np.isnan(value):
            arrow = "" if np.isnan(old) or abs(value - old) < 0.5 else (" ▲" if value > old else " ▼")
            ax.text(min(value, 100) + 1, yi + 0.2, f"{value:.0f}%{arrow}", va="center", fontsize=8, fontweight="bold")
    ax.set_yticks(y, [_short(names.get(t, t)) for t in tasks], fontsize=9)
    ax.set_ylim(len(tasks) - 0.5, -0.6)
    ax.set_xlim(0, 115)
    ax.set_xticks([0, 25, 50, 75, 100])
    ax.set_xlabel("Share of times the job was covered (%)")
    ax.spines[["top", "right"]].set_visible(False)
    figure.legend(loc="outside lower center", ncol=2, fontsize=8, frameon=False)
    ax.set_title(title or f"Before and after the change: {before.coverage * 100:.0f}% → {after.coverage * 100:.0f}% covered",
                 fontsize=11, loc="left")
    changed = [f"{names.get(t, t)} {bv:.0f}% to {av:.0f}%" for t, bv, av in zip(tasks, b, a)
               if not (np.isnan(bv) or np.isnan(av)) and abs(av - bv) >= 0.5]
    description = (f"Coverage before and after the change: {before.coverage * 100:.0f}% before, "
                   f"{after.coverage * 100:.0f}% after. "
                   + ("Jobs that changed: " + "; ".join(changed) + "." if changed else "No job's coverage changed."))
    return FigureResult(figure, description)
