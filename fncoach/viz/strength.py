"""The network-strength dashboard: one bar per component, with its reason.

:func:`draw_strength` draws a :class:`fncoach.strength.StrengthReport` as
horizontal bars (0 = weak, 1 = strong), the value written at the end of each
bar and the plain-English reason beside it. Given a ``before`` report (for a
what-if), each component gets a pair of bars: *before* hatched and pale,
*after* solid, each with its number, and the change is written as words
("up 0.25", "down 0.50") as well as shown by the bars.

The figure only shows what the report says; it decides nothing.

Examples
--------
>>> from fncoach.strength import Component, StrengthReport
>>> report = StrengthReport(score=50, components=(
...     Component("safe_natural_size", "Safe people", 0.5, 1.0, "Gran and Dev.", "Who else?"),
...     Component("plan_backup", "Backups", 0.5, 1.0, "1 of 2 jobs has a backup.", "Who could back up Gran?"),
... ))
>>> print(draw_strength(report).description.splitlines()[0])
Network strength: 50 out of 100.
"""

from __future__ import annotations

import textwrap
from typing import Any

from ._common import OKABE_ITO, FigureResult, new_figure

__all__ = ["draw_strength"]

_REASON_WIDTH = 70  # characters per line of a reason
_TITLE_WIDTH = 28
_LINE_H = 0.17  # inches per text line at 8.5 pt
_AFTER_COLOUR = OKABE_ITO["blue"]
_BEFORE_COLOUR = "#BBBBBB"


def _change_words(before: float, after: float) -> str:
    change = after - before
    if abs(change) < 0.005:
        return "no change"
    return f"{'up' if change > 0 else 'down'} {abs(change):.2f}"


def draw_strength(report: Any, before: Any = None) -> FigureResult:
    """Draw a strength report as a bar per component, with reasons.

    Parameters
    ----------
    report : StrengthReport
        The report to show (for a what-if: the report *after* the change).
    before : StrengthReport, optional
        The report before a what-if change. When given, each component gets a
        hatched *before* bar and a solid *after* bar, both labelled.

    Returns
    -------
    FigureResult
        The figure and a screen-reader description listing every component
        with its value and reason (and the change, for a what-if).

    Examples
    --------
    >>> from fncoach.strength import Component, StrengthReport
    >>> after = StrengthReport(40, (Component("plan_backup", "Backups", 0.4, 1.0, "Few backups.", "Ask Dev."),))
    >>> earlier = StrengthReport(60, (Component("plan_backup", "Backups", 0.6, 1.0, "Some backups.", "Ask Dev."),))
    >>> result = draw_strength(after, before=earlier)
    >>> print(result.description.splitlines()[0])
    Network strength: 60 before, 40 after the change (out of 100).
    """
    components = list(report.components)
    before_values = {c.name: c.value for c in before.components} if before is not None else {}
    reasons = [textwrap.wrap(c.reason, _REASON_WIDTH) or [""] for c in components]
    titles = [textwrap.wrap(c.title, _TITLE_WIDTH) or [c.name] for c in components]
    pair = before is not None
    rows = [max(len(r), len(t) + 1, 3 if pair else 2) for r, t in zip(reasons, titles)]
    height_rows = sum(rows) * _LINE_H + 0.25 * len(rows)
    figure, ax = new_figure(width=12.5, height=max(2.5, height_rows + 1.2))

    # y positions: top to bottom, each row as tall as its text needs
    centres, top = [], 0.0
    for lines in rows:
        size = lines * _LINE_H + 0.25
        centres.append(top - size / 2)
        top -= size
    bar_h = 0.14 if pair else 0.22
    why_x = 1.42 if pair else 1.12  # the "Why" column starts just after the longest value label
    for i, component in enumerate(components):
        y = centres[i]
        if pair:
            old = before_values.get(component.name, 0.0)
            ax.barh(y + bar_h * 0.6, old, height=bar_h, color="white", edgecolor=_BEFORE_COLOUR, hatch="////",
                    linewidth=1.0, label="before" if i == 0 else None)
            ax.text(old + 0.015, y + bar_h * 0.6, f"before {old:.2f}", va="center", fontsize=7.5, color="#555555")
            ax.barh(y - bar_h * 0.6, component.value, height=bar_h, color=_AFTER_COLOUR, edgecolor="black",
                    linewidth=0.6, label="after" if i == 0 else None)
            ax.text(component.value + 0.015, y - bar_h * 0.6,
                    f"after {component.value:.2f} ({_change_words(old, component.value)})",
                    va="center", fontsize=7.5, fontweight="bold")
        else:
            ax.barh(y, component.value, height=bar_h, color=_AFTER_COLOUR, edgecolor="black", linewidth=0.6)
            ax.text(component.value + 0.015, y, f"{component.value:.2f}", va="center", fontsize=8, fontweight="bold")
        ax.text(-0.03, y, "\n".join(titles[i]) + f"\nweight {component.weight:g}", ha="right", va="center",
                fontsize=8.5, linespacing=1.25)
        ax.text(why_x, y, "\n".join(reasons[i]), ha="left", va="center", fontsize=8, linespacing=1.25,
                color="#222222")
        if i:
            ax.axhline(centres[i - 1] - (centres[i - 1] - y) / 2, color="#DDDDDD", linewidth=0.6, zorder=0)

    ax.set_xlim(0, 1)
    ax.set_ylim(top, 0)
    ax.set_yticks([])
    ax.set_xticks([0, 0.25, 0.5, 0.75, 1.0], ["0\nweak", "0.25", "0.5", "0.75", "1\nstrong"], fontsize=8)
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    ax.text(why_x, 0.0, "Why", fontsize=9, fontweight="bold", va="bottom")
    if pair:
        heading = f"Network strength: {before.score} before → {report.score} after (out of 100)"
        ax.legend(loc="lower right", bbox_to_anchor=(1.0, 1.0), fontsize=8, ncol=2, frameon=False)
    else:
        heading = f"Network strength: {report.score} out of 100"
    ax.set_title(heading, loc="left", fontsize=12, fontweight="bold", pad=18)
    return FigureResult(figure, _describe(report, before))


def _describe(report: Any, before: Any) -> str:
    if before is None:
        lines = [f"Network strength: {report.score} out of 100.",
                 "Each part is scored from 0 (weak) to 1 (strong):"]
        for component in report.components:
            lines.append(f"{component.title}: {component.value:.2f}. {component.reason}")
        return "\n".join(lines)
    old = {c.name: c.value for c in before.components}
    lines = [f"Network strength: {before.score} before, {report.score} after the change (out of 100)."]
    changed = [c for c in report.components if abs(c.value - old.get(c.name, 0.0)) >= 0.005]
    same = [c for c in report.components if c not in changed]
    if changed:
        lines.append("Parts that changed (0 weak, 1 strong):")
        for component in changed:
            lines.append(f"{component.title}: {old.get(component.name, 0.0):.2f} before, {component.value:.2f} after "
                         f"({_change_words(old.get(component.name, 0.0), component.value)}). {component.reason}")
    else:
        lines.append("No part of the score changed.")
    if same:
        lines.append("Unchanged: " + ", ".join(f"{c.title} ({c.value:.2f})" for c in same) + ".")
    return "\n".join(lines)
