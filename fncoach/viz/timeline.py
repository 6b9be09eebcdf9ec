"""The network over time: who joined, who stepped back, and strength at each meeting.

:func:`draw_timeline` draws :func:`fncoach.timeline.timeline_summary` as three
rows sharing one column per meeting (plus "before the first meeting"):

1. the strength score (0–100) as a line with each number written on it;
2. the size of the network as bars, with how many joined (▲) and stepped
   back (▼) since the column before, in words;
3. the names of who joined and who stepped back, in words.

The description is the timeline's own plain-words summary.

Examples
--------
>>> from fncoach.network import _tiny_network_for_doctest
>>> result = draw_timeline(_tiny_network_for_doctest())
>>> print(result.description.splitlines()[0])
Before the first meeting the workers knew 3 people (strength 78).
"""

from __future__ import annotations

import textwrap

from ..model import Scenario
from ._common import OKABE_ITO, FigureResult, new_figure

__all__ = ["draw_timeline"]

_COLUMN_CHARS = 20


def _wrap_names(title: str, names: list[str]) -> str:
    if not names:
        return ""
    body = textwrap.fill(", ".join(names), _COLUMN_CHARS)
    return f"{title}:\n{body}"


def draw_timeline(scenario: Scenario) -> FigureResult:
    """Draw how the network changes from meeting to meeting.

    Parameters
    ----------
    scenario : Scenario

    Returns
    -------
    FigureResult
        The figure and a plain-words description (who joined, who stepped back,
        and the strength at each meeting).
    """
    from ..timeline import timeline_summary

    timeline = timeline_summary(scenario)
    name = scenario.name_of
    columns = [("Before the\nfirst meeting", len(timeline.start_people), timeline.start.score, [], [])]
    for step in timeline.steps:
        title = textwrap.fill(step.title, _COLUMN_CHARS)
        columns.append((f"Week {step.week}\n{title}", len(step.people), step.score,
                        [name(p) for p in step.joined], [name(p) for p in step.stepped_back]))
    count = len(columns)
    texts = [("\n\n".join(part for part in (_wrap_names("Joined", j), _wrap_names("Stepped back", s)) if part)
              or "No change") for _, _, _, j, s in columns]
    text_lines = max(t.count("\n") + 1 for t in texts)
    width = max(7.5, 1.9 * count + 1.2)
    figure, ax_score = new_figure(width=width, height=4.6 + 0.16 * text_lines)
    figure.clear()
    grid = figure.add_gridspec(3, 1, height_ratios=[2.2, 1.6, 0.16 * text_lines + 0.2])
    ax_score = figure.add_subplot(grid[0])
    ax_size = figure.add_subplot(grid[1], sharex=ax_score)
    ax_names = figure.add_subplot(grid[2], sharex=ax_score)
    xs = list(range(count))

    scores = [c[2] for c in columns]
    ax_score.plot(xs, scores, color=OKABE_ITO["blue"], marker="o", markersize=8, linewidth=2)
    for x, score in zip(xs, scores):
        ax_score.annotate(f"{score}", (x, score), textcoords="offset points", xytext=(0, 9), ha="center",
                          fontsize=10, fontweight="bold")
    ax_score.set_ylim(0, 112)
    ax_score.set_yticks([0, 25, 50, 75, 100])
    ax_score.set_ylabel("Strength\n(0–100)", fontsize=9)
    ax_score.grid(axis="y", color="#E5E5E5")
    ax_score.set_title(f"{scenario.child.name}'s network over time", loc="left", fontsize=12, fontweight="bold")

    sizes = [c[1] for c in columns]
    ax_size.bar(xs, sizes, width=0.5, color="#DDDDDD", edgecolor="black", linewidth=0.6)
    top = max(sizes + [1])
    for x, (_, size, _, joined, stepped) in zip(xs, columns):
        parts = [f"{size} {'person' if size == 1 else 'people'}"]
        if joined:
            parts.append(f"▲ {len(joined)} joined")
        if stepped:
            parts.append(f"▼ {len(stepped)} stepped back")
        ax_size.text(x, size + top * 0.05, "\n".join(parts), ha="center", va="bottom", fontsize=8)
    ax_size.set_ylim(0, top * 1.75)
    ax_size.set_ylabel("People", fontsize=9)
    ax_size.grid(axis="y", color="#E5E5E5")

    for x, text in zip(xs, texts):
        ax_names.text(x, 1.0, text, ha="center", va="top", fontsize=8, linespacing=1.2)
    ax_names.set_ylim(0, 1.02)
    ax_names.set_axis_off()

    ax_score.set_xlim(-0.6, count - 0.4)
    ax_score.set_xticks(xs, [c[0] for c in columns], fontsize=8)
    ax_score.tick_params(axis="x", labelbottom=True)
    ax_size.tick_params(axis="x", labelbottom=False)
    for ax in (ax_score, ax_size):
        ax.spines[["top", "right"]].set_visible(False)
    return FigureResult(figure, timeline.description)
