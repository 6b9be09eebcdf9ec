"""The training room's safety-scale numbers as a spread (one dot per person, never an average).

Examples
--------
>>> result = draw_room_spread((3, 6, 6, 8))
>>> print(result.description)
Safety-scale numbers shared by 4 people, one dot each, from 0 to 10: 3 (1 person), 6 (2 people), 8 (1 person). The numbers are a spread to talk about, not an average.
"""

from __future__ import annotations

from collections import Counter
from typing import Sequence

from matplotlib.figure import Figure

from ._common import OKABE_ITO, FigureResult

__all__ = ["draw_room_spread", "describe_room_spread"]


def describe_room_spread(numbers: Sequence[int]) -> str:
    """The text description of :func:`draw_room_spread` (for screen readers and the session record)."""
    if not numbers:
        return "No safety-scale numbers have been shared with the room yet."
    counts = Counter(numbers)
    parts = ", ".join(f"{n} ({c} {'person' if c == 1 else 'people'})" for n, c in sorted(counts.items()))
    people = len(numbers)
    return (f"Safety-scale numbers shared by {people} {'person' if people == 1 else 'people'}, one dot each, "
            f"from 0 to 10: {parts}. The numbers are a spread to talk about, not an average.")


def draw_room_spread(numbers: Sequence[int]) -> FigureResult:
    """One dot per shared number on a 0–10 line, stacked where people chose the same number.

    There is deliberately no mean, median or line of best fit: the course
    teaches that different numbers are a conversation.
    """
    counts = Counter(numbers)
    tallest = max(counts.values(), default=1)
    figure = Figure(figsize=(8, 1.6 + 0.35 * tallest))
    ax = figure.add_subplot()
    for number, count in sorted(counts.items()):
        ax.scatter([number] * count, range(1, count + 1), s=160, marker="o", color=OKABE_ITO["blue"],
                   edgecolors=OKABE_ITO["black"], linewidths=1, zorder=3)
        ax.annotate(str(count), (number, count + 0.6), ha="center", va="bottom", fontsize=11)
    ax.set_xlim(-0.5, 10.5)
    ax.set_ylim(0, tallest + 1.6)
    ax.set_xticks(range(11))
    ax.tick_params(axis="x", labelsize=12)
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    ax.text(0, -0.32, "0: harm is certain", transform=ax.transAxes, ha="left", va="top", fontsize=11)
    ax.text(1, -0.32, "10: safe enough for professionals to step back", transform=ax.transAxes, ha="right",
            va="top", fontsize=11)
    ax.set_title("The room's safety-scale numbers (one dot each; the count above each column)", fontsize=12)
    figure.tight_layout()
    return FigureResult(figure, describe_room_spread(numbers))
