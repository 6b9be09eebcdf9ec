"""SOS figures: the child's Three Houses, the safety-scale spread and history, and the one-page SOS map.

* :func:`draw_three_houses` — the child's words in a house of worries, a house
  of good things and a house of dreams (each house with its own picture on
  the roof — a rain cloud, a sun, a star — so colour is never the only clue);
* :func:`draw_scale_spread` — a 0–10 line with each person's number as a
  labelled marker (the child a star, everyone else their domain's marker,
  the learner a black cross); labels are placed so they never overlap, and
  the numbers are never averaged;
* :func:`draw_scale_history` — each person's number across the meetings;
* :func:`draw_sos_map` — the whole map on one A4 page.

Every function returns a :class:`~fncoach.viz._common.FigureResult` with a
text description. :func:`text_overlaps` checks a figure's labels with the
renderer's own boxes.

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> tiny = tiny_scenario()
>>> result = draw_scale_spread(tiny, own=5)
>>> text_overlaps(result)
[]
>>> "You: 5" in result.description
True
"""

from __future__ import annotations

import math
import textwrap
from typing import Any, Mapping, Optional, Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Circle, FancyBboxPatch, Polygon, Rectangle

from ..scaling import perspectives, scale_history, spread, validate_score
from ..sosmap import map_content
from ._common import DOMAIN_STYLE, OKABE_ITO, FigureResult

__all__ = ["draw_three_houses", "draw_scale_spread", "draw_scale_history", "draw_sos_map", "text_overlaps"]

_FONT = "DejaVu Sans"
# Average glyph width of DejaVu Sans as a share of the font size (a little generous, so text never spills).
_CHAR_WIDTH = 0.58


def _renderer(figure: Figure):
    if not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)
    return figure.canvas.get_renderer()


def text_overlaps(result: FigureResult, *, gid: str = "label") -> list[str]:
    """Every pair of labels (texts with this ``gid``) whose drawn boxes overlap.

    An empty list means every label can be read.
    """
    figure = result.figure
    renderer = _renderer(figure)
    texts = [t for ax in figure.axes for t in ax.texts if t.get_gid() == gid and t.get_text().strip()]
    boxes = [(t.get_text(), t.get_window_extent(renderer)) for t in texts]
    problems = []
    for i, (name_a, a) in enumerate(boxes):
        for name_b, b in boxes[i + 1:]:
            if a.x0 < b.x1 - 0.5 and b.x0 < a.x1 - 0.5 and a.y0 < b.y1 - 0.5 and b.y0 < a.y1 - 0.5:
                problems.append(f"label {name_a!r} overlaps label {name_b!r}")
    return problems


def _wrap(text: str, width_pt: float, size: float) -> list[str]:
    chars = max(8, int(width_pt / (size * _CHAR_WIDTH)))
    return textwrap.wrap(text, chars, break_long_words=True) or [""]


# --------------------------------------------------------------------------- three houses

_HOUSES = (
    ("worries", "House of worries", OKABE_ITO["blue"]),
    ("good_things", "House of good things", OKABE_ITO["orange"]),
    ("dreams", "House of dreams", OKABE_ITO["purple"]),
)


def _cloud(ax, x: float, y: float, colour: str) -> None:
    for dx, dy, r in ((-0.45, 0, 0.35), (0.05, 0.18, 0.45), (0.5, 0, 0.35), (0.05, -0.12, 0.35)):
        ax.add_patch(Circle((x + dx, y + dy), r, facecolor="white", edgecolor=colour, linewidth=1.5, zorder=4))
    for dx, dy, r in ((-0.45, 0, 0.33), (0.05, 0.18, 0.43), (0.5, 0, 0.33), (0.05, -0.12, 0.33)):
        ax.add_patch(Circle((x + dx, y + dy), r, facecolor="white", edgecolor="none", zorder=5))
    for dx in (-0.4, 0.05, 0.5):  # rain drops
        ax.add_line(Line2D([x + dx, x + dx - 0.1], [y - 0.55, y - 0.85], color=colour, linewidth=1.5, zorder=5))


def _sun(ax, x: float, y: float, colour: str) -> None:
    ax.add_patch(Circle((x, y), 0.38, facecolor="white", edgecolor=colour, linewidth=2, zorder=5))
    for k in range(8):
        angle = k * math.pi / 4
        ax.add_line(Line2D([x + 0.5 * math.cos(angle), x + 0.75 * math.cos(angle)],
                           [y + 0.5 * math.sin(angle), y + 0.75 * math.sin(angle)], color=colour, linewidth=2, zorder=5))


def _star(ax, x: float, y: float, colour: str) -> None:
    points = []
    for k in range(10):
        radius = 0.75 if k % 2 == 0 else 0.32
        angle = math.pi / 2 + k * math.pi / 5
        points.append((x + radius * math.cos(angle), y + radius * math.sin(angle)))
    ax.add_patch(Polygon(points, closed=True, facecolor="white", edgecolor=colour, linewidth=2, zorder=5))


_PICTURES = {"worries": (_cloud, "a rain cloud"), "good_things": (_sun, "a sun"), "dreams": (_star, "a star")}


def draw_three_houses(scenario, *, large_print: bool = False) -> FigureResult:
    """The child's Three Houses (worries, good things, dreams) in the child's own words.

    Parameters
    ----------
    scenario : Scenario
    large_print : bool
        Start from a bigger font (words still shrink to fit the house if needed).
    """
    child = scenario.child
    voice = child.voice
    width_in, height_in = 13.0, 7.0
    figure = Figure(figsize=(width_in, height_in))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, 39)
    ax.set_ylim(0, 21)
    ax.set_axis_off()
    unit_pt = width_in * 72 / 39  # x and y units are the same size (39 x 21 units on 13 x 7 inches)
    ax.text(19.5, 20.2, f"{child.name}'s Three Houses", ha="center", va="center", fontsize=20, family=_FONT,
            weight="bold", gid="title")
    described = []
    for index, (key, title, colour) in enumerate(_HOUSES):
        x0 = 1 + index * 13
        body_w, body_h = 11.0, 12.0
        ax.add_patch(FancyBboxPatch((x0, 0.6), body_w, body_h, boxstyle="round,pad=0,rounding_size=0.4",
                                    facecolor="white", edgecolor=colour, linewidth=3, zorder=2))
        ax.add_patch(Polygon([(x0 - 0.6, 12.6), (x0 + body_w / 2, 18.4), (x0 + body_w + 0.6, 12.6)], closed=True,
                             facecolor=colour, edgecolor=colour, linewidth=3, alpha=0.25, zorder=1))
        ax.add_patch(Polygon([(x0 - 0.6, 12.6), (x0 + body_w / 2, 18.4), (x0 + body_w + 0.6, 12.6)], closed=True,
                             facecolor="none", edgecolor=colour, linewidth=3, zorder=3))
        draw_picture, picture_words = _PICTURES[key]
        draw_picture(ax, x0 + body_w / 2, 16.2, colour)
        ax.text(x0 + body_w / 2, 13.6, title, ha="center", va="center", fontsize=15, family=_FONT, weight="bold",
                gid="label", zorder=6)
        words = tuple(getattr(voice, key)) if voice is not None else ()
        if not words:
            words = (f"(Nothing written yet. Ask {child.name} what goes in this house.)",)
        # find the biggest font that fits the house
        inner_w_pt, inner_h_pt = (body_w - 1.2) * unit_pt, (body_h - 1.0) * unit_pt
        for size in (18, 16, 15, 14, 13, 12, 11, 10, 9, 8, 7) if large_print else (15, 14, 13, 12, 11, 10, 9, 8, 7):
            lines_per_item = [_wrap(w, inner_w_pt - size, size) for w in words]
            total = sum(len(lines) for lines in lines_per_item) * size * 1.3 + (len(words) - 1) * size * 0.7
            if total <= inner_h_pt:
                break
        y = 12.6 - 0.6
        for lines in lines_per_item:
            for number, line in enumerate(lines):
                ax.text(x0 + 0.6, y, ("• " if number == 0 else "  ") + line, ha="left", va="top", fontsize=size,
                        family=_FONT, zorder=6, gid="words")
                y -= size * 1.3 / unit_pt
            y -= size * 0.7 / unit_pt
        described.append(f"{title} (with {picture_words} on the roof): " + "; ".join(f'"{w}"' for w in words) + ".")
    description = (f"{child.name}'s Three Houses, drawn as three houses side by side in {child.name}'s own words. "
                   + " ".join(described))
    return FigureResult(figure, description)


# --------------------------------------------------------------------------- scale spread

_LEVEL_IN = 0.34  # height of one label row, in inches
_X_IN = 0.82  # width of one scale point, in inches


def _own_tuple(own: Any) -> Optional[tuple[str, int]]:
    if own is None:
        return None
    if isinstance(own, Mapping):
        return (str(own.get("label") or "You"), validate_score(own.get("score")))
    if isinstance(own, (tuple, list)):
        label, score = own
        return (str(label), validate_score(score))
    return ("You", validate_score(own))


def _marker_for(person) -> tuple[str, str]:
    if person.is_child:
        return "*", OKABE_ITO["black"]
    colour, marker, _ = DOMAIN_STYLE.get(person.domain, (OKABE_ITO["grey"], "o", ""))
    return marker, colour


def _place_rows(items: Sequence[tuple[float, float, float]]) -> list[int]:
    """Give each (x_in, width_in, marker_x_in) a row so no two labels or markers collide; returns row numbers."""
    placed: list[tuple[int, float, float]] = []  # (row, left, right)
    rows = []
    for x, width, marker_x in items:
        left = min(x, marker_x - 0.1)
        right = max(x + width, marker_x + 0.1)
        row = 0
        while any(r == row and left < r_right + 0.08 and r_left < right + 0.08 for r, r_left, r_right in placed):
            row += 1
        placed.append((row, left, right))
        rows.append(row)
    return rows


def draw_scale_spread(scenario, own: Any = None) -> FigureResult:
    """Each perspective's safety-scale number as a labelled marker on a 0–10 line.

    Parameters
    ----------
    scenario : Scenario
    own : int, (label, int), {"label", "score"} or None
        The learner's own number, drawn as a black cross (only once they have committed it).
    """
    people = perspectives(scenario)
    own_item = _own_tuple(own)
    size = 10
    entries = []  # (score, label, marker, colour, name)
    for p in people:
        marker, colour = _marker_for(p)
        role = f" ({p.role})" if p.role and not p.is_child and p.role.lower() not in p.name.lower() else (
            " (the child)" if p.is_child else "")
        entries.append((p.score, f"{p.name}{role}: {p.score}", marker, colour, p.name))
    if own_item:
        entries.append((own_item[1], f"{own_item[0]}: {own_item[1]}", "X", OKABE_ITO["black"], own_item[0]))
    # measure label widths with the renderer (size does not depend on position)
    probe = Figure(figsize=(4, 4))
    renderer = _renderer(probe)
    widths = []
    for entry in entries:
        text = probe.text(0, 0, entry[1], fontsize=size, family=_FONT)
        widths.append(text.get_window_extent(renderer).width / probe.dpi)
    margin_l, margin_r = 1.3, 1.3
    order = sorted(range(len(entries)), key=lambda i: (entries[i][0], entries[i][4]))
    items, sides = [], {}
    for i in order:
        score = entries[i][0]
        marker_x = margin_l + score * _X_IN
        if score >= 6:
            sides[i] = "left"
            items.append((marker_x - 0.16 - widths[i], widths[i], marker_x))
        else:
            sides[i] = "right"
            items.append((marker_x + 0.16, widths[i], marker_x))
    row_of = dict(zip(order, _place_rows(items)))
    rows = max(row_of.values(), default=0) + 1
    width_in = margin_l + 10 * _X_IN + margin_r
    left_most = min((x for x, _, _ in items), default=margin_l)
    right_most = max((x + w for x, w, _ in items), default=margin_l)
    shift = max(0.0, 0.2 - left_most)
    width_in = max(width_in + shift, right_most + shift + 0.3)
    base_in, top_in = 1.5, 1.0
    height_in = base_in + rows * _LEVEL_IN + top_in
    figure = Figure(figsize=(width_in, height_in))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(-shift, width_in - shift)
    ax.set_ylim(0, height_in)
    ax.set_axis_off()
    line_y = base_in - 0.35
    x_of = lambda score: margin_l + score * _X_IN  # noqa: E731
    ax.add_line(Line2D([x_of(0), x_of(10)], [line_y, line_y], color="black", linewidth=2))
    for score in range(11):
        ax.add_line(Line2D([x_of(score)] * 2, [line_y - 0.08, line_y + 0.08], color="black", linewidth=1.5))
        ax.text(x_of(score), line_y - 0.15, str(score), ha="center", va="top", fontsize=10, family=_FONT, gid="tick")
        ax.add_line(Line2D([x_of(score)] * 2, [line_y + 0.1, base_in + rows * _LEVEL_IN], color="#dddddd",
                           linewidth=0.8, zorder=0))
    ax.text(x_of(0), line_y - 0.45, "0: harm is certain", ha="left", va="top", fontsize=9, family=_FONT,
            style="italic", gid="tick")
    ax.text(x_of(10), line_y - 0.45, "10: safe enough for professionals to step back", ha="right", va="top", fontsize=9,
            family=_FONT, style="italic", gid="tick")
    for i, (score, label, marker, colour, _name) in enumerate(entries):
        y = base_in + (row_of[i] + 0.5) * _LEVEL_IN
        x = x_of(score)
        ax.plot([x], [y], marker=marker, markersize=11 if marker == "*" else 8, color=colour,
                markeredgecolor="black", markeredgewidth=0.8, linestyle="none", zorder=4)
        if sides[i] == "left":
            ax.text(x - 0.16, y, label, ha="right", va="center", fontsize=size, family=_FONT, gid="label", zorder=5)
        else:
            ax.text(x + 0.16, y, label, ha="left", va="center", fontsize=size, family=_FONT, gid="label", zorder=5)
    child = scenario.child.name
    ax.text(x_of(5), height_in - 0.45, f"Safety scale for {child}: everyone's own number", ha="center", va="center",
            fontsize=13, family=_FONT, weight="bold", gid="title")
    named = [(e[4], e[0]) for e in entries]
    summary = spread(named).text if named else "No numbers yet."
    parts = [f"{e[1]}" for e in sorted(entries, key=lambda e: (e[0], e[4]))]
    description = (f"A line from 0 to 10 showing each person's safety-scale number for {child}, as a labelled marker "
                   f"(the child is a star; the learner, if shown, a black cross). Lowest first: {'; '.join(parts)}. "
                   f"{summary} The numbers are not averaged.")
    return FigureResult(figure, description)


# --------------------------------------------------------------------------- scale history


def _spread_labels(labels: list[list], gap: float) -> list[list]:
    """Move end labels at the same week apart by at least ``gap``, keeping each cluster centred on its markers."""
    labels = sorted(([week, y, text, y] for week, y, text in labels), key=lambda e: (e[0], e[1], e[2]))
    clusters: list[list[list]] = []
    for label in labels:
        if clusters and clusters[-1][0][0] == label[0] and label[1] - clusters[-1][-1][1] < gap:
            clusters[-1].append(label)
        else:
            clusters.append([label])
        cluster = clusters[-1]
        if len(cluster) > 1:  # re-centre the cluster: evenly spaced around the mean of the markers
            centre = sum(item[3] for item in cluster) / len(cluster)
            first = centre - gap * (len(cluster) - 1) / 2
            for k, item in enumerate(cluster):
                item[1] = first + k * gap
            while len(clusters) > 1 and clusters[-2][0][0] == cluster[0][0] and cluster[0][1] - clusters[-2][-1][1] < gap:
                merged = clusters[-2] + cluster  # the cluster grew into the one below: merge and re-centre
                clusters[-2:] = [merged]
                cluster = merged
                centre = sum(item[3] for item in cluster) / len(cluster)
                first = centre - gap * (len(cluster) - 1) / 2
                for k, item in enumerate(cluster):
                    item[1] = first + k * gap
    return [[week, y, text] for week, y, text, _ in labels]


def draw_scale_history(scenario, *, points=None) -> FigureResult:
    """Each person's number across the meetings timeline (one line and marker per person).

    ``points`` (:class:`fncoach.scaling.HistoryPoint`) replaces the case's own history, e.g. the numbers up to a
    review with the learner's own (:func:`fncoach.scaling.review_history`). Nothing is averaged.
    """
    points = scale_history(scenario) if points is None else tuple(points)
    figure = Figure(figsize=(9, 5), layout="constrained")
    ax = figure.add_subplot()
    by_person: dict[str, list] = {}
    for point in points:
        by_person.setdefault(point.who, []).append(point)
    styles = ["-", "--", ":", "-."]
    end_labels = []
    for index, (who, items) in enumerate(by_person.items()):
        if who == scenario.child.id:
            marker, colour = "*", OKABE_ITO["black"]
        else:
            try:
                colour, marker, _ = DOMAIN_STYLE[scenario.person(who).domain]
            except KeyError:
                colour, marker = OKABE_ITO["grey"], "o"
        weeks = [p.week for p in items]
        scores = [p.score for p in items]
        ax.plot(weeks, scores, marker=marker, color=colour, linestyle=styles[index % len(styles)], linewidth=2,
                markersize=9 if marker != "*" else 12, markeredgecolor="black", markeredgewidth=0.6)
        end_labels.append([weeks[-1], scores[-1], f"{items[0].name}: {scores[-1]}"])
    # nudge end labels apart (at least 0.55 points on the scale between labels at the same week)
    end_labels = _spread_labels(end_labels, gap=0.55)
    weeks_all = sorted({p.week for p in points}) or [0]
    for week, y, label in end_labels:
        ax.annotate(label, (week, y), xytext=(9, 0), textcoords="offset points", va="center", fontsize=9,
                    family=_FONT, gid="label", bbox=dict(boxstyle="round,pad=0.15", facecolor="white", edgecolor="none",
                                                         alpha=0.85))
    meetings = {m.week: m.title for m in scenario.meetings}
    ax.set_xticks(weeks_all, [f"{meetings.get(w, '')}\n(week {w})" for w in weeks_all], fontsize=8)
    ax.set_xlim(min(weeks_all) - 0.5, max(weeks_all) + max(2.0, (max(weeks_all) - min(weeks_all)) * 0.35))
    ax.set_ylim(min(-0.5, min((y for _, y, _ in end_labels), default=0) - 0.3),
                10.5 + max(0, max((y for _, y, _ in end_labels), default=0) - 10))
    ax.set_yticks(range(11))
    ax.set_ylabel("Safety scale (0 harm is certain, 10 safe enough to step back)")
    ax.grid(axis="y", color="#e5e5e5")
    ax.set_title(f"Safety scale over time for {scenario.child.name}")
    lines = []
    for who, items in by_person.items():
        lines.append(f"{items[0].name}: " + ", ".join(f"{p.score} at {p.title} (week {p.week})" for p in items))
    description = ("A line chart of each person's safety-scale number at each meeting. " + ". ".join(lines) + "."
                   if lines else "No safety-scale numbers have been recorded at the meetings yet.")
    return FigureResult(figure, description)


# --------------------------------------------------------------------------- one-page SOS map


def _figure_sections(sections):
    headings = {s.heading for s in sections}
    skip = set()
    if "Harm statements" in headings:
        skip.add("Harm: what has happened")
    if "Worry statements" in headings:
        skip.add("Danger: what might happen")
    return [s for s in sections if s.heading not in skip]


def _column_lines(sections, width_pt: float, size: float) -> list[tuple[str, str]]:
    """Lines of a column as (kind, text): kind is 'heading', 'item', 'more', 'note' or 'gap'."""
    lines: list[tuple[str, str]] = []
    for section in sections:
        lines.append(("heading", section.heading))
        for item, note in zip(section.items, section.notes):
            for number, line in enumerate(_wrap(item, width_pt - size, size)):
                lines.append(("item", ("• " if number == 0 else "  ") + line))
            if note:
                for line in _wrap(note, width_pt - size, size * 0.9):
                    lines.append(("note", "  " + line))
            lines.append(("gap", ""))
    return lines


def _lines_height(lines, size: float) -> float:
    factor = {"heading": 1.6, "item": 1.25, "note": 1.15, "gap": 0.45, "more": 1.25}
    return sum(size * factor[kind] for kind, _ in lines)


def draw_sos_map(scenario, answers: Mapping[str, Any] | str | None = None) -> FigureResult:
    """The whole SOS map on one A4 page: three columns, statements and goals, and the safety scale.

    ``answers`` is a learner's answers dict (see :mod:`fncoach.sosmap`) or None / "model" for the model answers.
    Where the harm and worry statements are written, the harm and danger cards are left to the HTML map,
    so the page stays readable.
    """
    content = map_content(scenario, answers)
    width_in, height_in = 8.27, 11.69
    figure = Figure(figsize=(width_in, height_in))
    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, width_in * 72)
    ax.set_ylim(0, height_in * 72)
    ax.set_axis_off()
    W, H = width_in * 72, height_in * 72  # work in points
    source = "model answers" if content.source == "model" else "your answers"
    ax.text(W / 2, H - 28, f"SOS map for {content.child}", ha="center", va="center", fontsize=17, weight="bold",
            family=_FONT, gid="title")
    ax.text(W / 2, H - 46, f"{scenario.meta.title} · {source}", ha="center", va="center", fontsize=8.5,
            family=_FONT, color="#444444", gid="title")
    margin, gap = 22.0, 8.0
    col_w = (W - 2 * margin - 2 * gap) / 3
    scale_h = 150.0
    top, bottom = H - 60, margin + scale_h + gap
    col_h = top - bottom
    edge_styles = ("solid", "dashdot", "dashed")
    columns = [(q, _figure_sections(s)) for q, s in content.columns]
    # one font size for all three columns: the biggest that fits
    size = 10.0
    while size > 5.6:
        if all(_lines_height(_column_lines(s, col_w - 12, size), size) <= col_h - 34 for _, s in columns):
            break
        size -= 0.25
    truncated = False
    descriptions = []
    for index, (question, sections) in enumerate(columns):
        x0 = margin + index * (col_w + gap)
        ax.add_patch(Rectangle((x0, bottom), col_w, col_h, facecolor="white", edgecolor="black",
                               linewidth=1.6, linestyle=edge_styles[index]))
        ax.text(x0 + col_w / 2, top - 14, question, ha="center", va="center", weight="bold", family=_FONT, gid="label",
                fontsize=min(11.0, (col_w - 10) / (len(question) * 0.62)))
        lines = _column_lines(sections, col_w - 12, size)
        room = col_h - 34
        if _lines_height(lines, size) > room:
            truncated = True
            while lines and _lines_height(lines + [("more", "")], size) > room:
                lines.pop()
            lines.append(("more", "… more on the HTML map (fncoach sos)"))
        y = top - 30
        factor = {"heading": 1.6, "item": 1.25, "note": 1.15, "gap": 0.45, "more": 1.25}
        for kind, text in lines:
            if kind == "gap":
                y -= size * factor[kind]
                continue
            style = {"heading": dict(weight="bold", fontsize=size + 0.5), "item": dict(fontsize=size),
                     "note": dict(fontsize=size * 0.9, style="italic", color="#333333"),
                     "more": dict(fontsize=size, style="italic")}[kind]
            y -= size * (factor[kind] - 1.0) if kind == "heading" else 0
            ax.text(x0 + 6, y, text, ha="left", va="top", family=_FONT, gid="words", **style)
            y -= size * (1.0 if kind == "heading" else factor[kind])
        count = sum(len(s.items) for s in sections)
        descriptions.append(f"{question} {count} item{'s' if count != 1 else ''}: "
                            + "; ".join(f"{s.heading} ({len(s.items)})" for s in sections) if sections
                            else f"{question} Nothing yet.")
    # the safety scale band
    y0 = margin
    ax.add_patch(Rectangle((margin, y0), W - 2 * margin, scale_h, facecolor="white", edgecolor="black", linewidth=1.6,
                           linestyle="dotted"))
    ax.text(margin + 8, y0 + scale_h - 12, "Safety scale (0 harm is certain · 10 safe enough for professionals to step back)",
            ha="left", va="center", fontsize=9.5, weight="bold", family=_FONT, gid="label")
    band_w = W - 2 * margin - 16
    y = y0 + scale_h - 26
    if content.ten_means:
        for line in _wrap("What 10 looks like: " + content.ten_means, band_w, 7.5)[:3]:
            ax.text(margin + 8, y, line, ha="left", va="top", fontsize=7.5, family=_FONT, gid="words")
            y -= 10
    line_y = y0 + 34
    x_of = lambda s: margin + 40 + s * (W - 2 * margin - 80) / 10  # noqa: E731
    ax.add_line(Line2D([x_of(0), x_of(10)], [line_y, line_y], color="black", linewidth=1.5))
    for s in range(11):
        ax.add_line(Line2D([x_of(s)] * 2, [line_y - 3, line_y + 3], color="black", linewidth=1))
        ax.text(x_of(s), line_y - 5, str(s), ha="center", va="top", fontsize=7, family=_FONT, gid="tick")
    stacks: dict[int, int] = {}
    for name, _role, number, _reason in content.scores:
        level = stacks.get(number, 0)
        stacks[number] = level + 1
        ax.plot([x_of(number)], [line_y + 6 + min(level, 4) * 6], marker="o" if name != "You" else "X", markersize=4,
                color="black", linestyle="none")
    if content.scores:
        listing = "Numbers (each person's own, not averaged): " + "; ".join(
            f"{name} {number}" for name, _role, number, _ in content.scores)
        for line in _wrap(listing + ". " + content.spread_text, band_w, 7.2)[:3]:
            ax.text(margin + 8, y, line, ha="left", va="top", fontsize=7.2, family=_FONT, gid="words")
            y -= 9.5
    else:
        ax.text(W / 2, line_y + 16, "No numbers yet.", ha="center", va="center", fontsize=8, family=_FONT, gid="words")
    description = (f"One-page SOS map for {content.child} ({source}), in three columns. " + " ".join(descriptions)
                   + (f" What 10 looks like: {content.ten_means}" if content.ten_means else "")
                   + (f" Safety scale: {content.spread_text}" if content.spread_text else "")
                   + (" Some text did not fit and is on the HTML map." if truncated else ""))
    return FigureResult(figure, description)
