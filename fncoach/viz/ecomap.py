"""The eco-map: the child at the centre and the people around them.

:func:`draw_ecomap` draws a scenario's network as an eco-map (Hartman, 1978,
as commonly drawn in children's services):

* the child in the middle; each person on a ring by how close their tie to
  the child is (inner ring = very close, then quite close, then not very
  close; people with no direct tie to the child sit on a dotted outer ring);
* each person's **domain** (household, family, friends, school or work,
  community or faith, professional) by colour *and* marker shape;
* each tie's **quality** by line style: strong = thick line, moderate =
  double line, normal = thin line, weak = dashed, stressful = wavy,
  conflict = wavy with a cross, cut off = a line with a break;
* who **helps** whom by an arrow on the line (pointing at the person helped);
* each person's **safety status** as a badge with its own shape and sign:
  ✓ in a circle (safe), ? in a diamond (to be explored), ! in a triangle (a
  worry);
* people the workers have **not found yet** as hollow markers with
  "not found yet" under their name (leave them out with ``people=``).

Labels never overlap each other or a marker: people are spread evenly round
their ring (grouped by domain), labels are pushed outward and, where they
would collide, tried in other directions; when nothing fits the rings are
widened and the figure grows. :func:`label_overlaps` checks the result with
the renderer's own text bounding boxes.

Examples
--------
>>> from fncoach.network import _tiny_network_for_doctest
>>> from fncoach.viz.ecomap import draw_ecomap, label_overlaps
>>> result = draw_ecomap(_tiny_network_for_doctest())
>>> label_overlaps(result)
[]
>>> print(result.description.splitlines()[1])
Very close to Kim: Gran Ada and Mum Jo.
"""

from __future__ import annotations

import math
import textwrap
from dataclasses import dataclass
from typing import Iterable, Sequence

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerBase
from matplotlib.text import Text
from matplotlib.lines import Line2D

from ..model import DOMAINS, Person, Scenario, Tie
from ..words import names_in_words
from ._common import DOMAIN_STYLE, OKABE_ITO, SAFETY_BADGE, FigureResult

__all__ = ["draw_ecomap", "draw_ecomap_key", "label_overlaps", "tie_crossings", "route_tie", "RING_NAMES", "TIE_STYLE_WORDS", "BADGE_SHAPE"]

#: Closeness of the tie to the child → ring number (1 = inner).
_RING_OF_CLOSENESS = {3: 1, 2: 2, 1: 3}
#: Ring number → words used in the legend and the description.
RING_NAMES = {1: "very close", 2: "quite close", 3: "not very close", 4: "no direct tie to the child"}

#: Tie quality → how the line looks, in words (legend and description).
TIE_STYLE_WORDS = {
    "strong": "strong (thick line)",
    "moderate": "moderate (double line)",
    "normal": "normal (thin line)",
    "weak": "weak (dashed line)",
    "stressful": "stressful (wavy line)",
    "conflict": "conflict (wavy line with a cross)",
    "cut_off": "cut off (line with a break)",
}
_DIFFICULT = ("stressful", "conflict", "cut_off")

#: Safety status → marker shape of the badge (the sign inside comes from SAFETY_BADGE).
BADGE_SHAPE = {"safe": "o", "to_explore": "D", "worry": "^"}
_BADGE_WORDS = {"safe": "safe", "to_explore": "to be explored", "worry": "a worry"}

# Sizes, in inches unless named otherwise (the drawing is laid out at one data unit per inch).
_FONT = 8.0
_KEY_FONT = 8.5  # the key is printed at its own size, so this is its printed size too
_MARKER_PT = 15.0
_CHILD_PT = 30.0
_BADGE_PT = 10.0
_CLUSTER = 0.2  # half-size of the box around a person's marker, badge and highlight ring
_CHILD_HALF = 0.24
_GAP = 0.05
_PAD = 0.035  # margin kept round every label
_LEGEND_GAP = 0.25
_TITLE_H = 0.45
_LINE_GREY = "#333333"


@dataclass
class _Box:
    x0: float
    y0: float
    x1: float
    y1: float

    @classmethod
    def around(cls, x: float, y: float, half_w: float, half_h: float) -> "_Box":
        return cls(x - half_w, y - half_h, x + half_w, y + half_h)

    def hits(self, other: "_Box", margin: float = 0.0) -> bool:
        return not (
            self.x1 + margin <= other.x0
            or other.x1 + margin <= self.x0
            or self.y1 + margin <= other.y0
            or other.y1 + margin <= self.y0
        )


@dataclass
class _Node:
    person: Person
    ring: int
    preferred: float
    label: str
    w: float
    h: float
    x: float = 0.0
    y: float = 0.0
    angle: float = 0.0
    lx: float = 0.0
    ly: float = 0.0
    leader: bool = False


# --------------------------------------------------------------------------- public API


def draw_ecomap(
    scenario: Scenario,
    *,
    people: Iterable[str] | None = None,
    highlight: Iterable[str] = (),
    title: str | None = None,
    seed: int = 0,
    legend: bool = True,
) -> FigureResult:
    """Draw the scenario's network as an eco-map.

    Parameters
    ----------
    scenario : Scenario
    people : iterable of str, optional
        Ids of the people to show. ``None`` shows everyone, with people the
        workers have not found yet drawn hollow and marked "not found yet".
    highlight : iterable of str
        Ids of people to draw attention to (a black ring and a bold label),
        e.g. people just found or changed in a what-if.
    title : str, optional
        The figure title (default: "<child>'s network (eco-map)").
    seed : int
        Turns the drawing round by a fixed amount, so a different seed gives a
        different but equally tidy layout; the same seed always gives the same
        picture. Nothing else is random.
    legend : bool
        Draw the key beside the map (default). The network builder shows the
        key once, from :func:`draw_ecomap_key`, and redraws only the map.

    Returns
    -------
    FigureResult
        The figure and a screen-reader description.

    Raises
    ------
    ValueError
        When ``people`` names someone who is not in the scenario.

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> result = draw_ecomap(_tiny_network_for_doctest(), people=["gran", "dev"])
    >>> print(result.description.splitlines()[0])
    Eco-map of Kim's network (age 7), showing 2 people.
    """
    shown = _people_to_show(scenario, people)
    highlight_ids = {h for h in highlight}
    child = scenario.child
    shown_ids = {p.id for p in shown}
    child_ties = _child_ties(scenario, shown_ids)
    other_ties = [t for t in scenario.ties if t.a in shown_ids and t.b in shown_ids]

    figure = Figure(figsize=(8, 6), dpi=100)
    FigureCanvasAgg(figure)
    renderer = figure.canvas.get_renderer()
    measure = _Measurer(figure, renderer)

    nodes = _make_nodes(shown, child_ties, measure, seed)
    child_label = child.name
    cw, ch = measure(child_label, bold=True)
    child_label_box = _Box.around(0.0, -(_CHILD_HALF + _GAP + ch / 2), cw / 2, ch / 2)
    radii = _layout(nodes, child_label_box)

    # extent of everything drawn in the plot area
    boxes = [_Box.around(0, 0, _CHILD_HALF, _CHILD_HALF), child_label_box]
    for node in nodes:
        boxes.append(_Box.around(node.x, node.y, _CLUSTER, _CLUSTER))
        boxes.append(_Box.around(node.lx, node.ly, node.w / 2, node.h / 2))
    outer = max(radii.values(), default=0.0)
    margin = 0.2
    x0 = min(min(b.x0 for b in boxes), -outer) - margin
    x1 = max(max(b.x1 for b in boxes), outer) + margin
    y0 = min(min(b.y0 for b in boxes), -outer) - margin
    y1 = max(max(b.y1 for b in boxes), outer) + margin
    plot_w, plot_h = x1 - x0, y1 - y0

    ax = figure.add_axes((0, 0, 1, 1))
    ax.set_axis_off()
    lines = _LineBatch(ax)
    marks = _MarkerBatch(ax)
    _draw_rings(lines, radii)
    positions = {child.id: (0.0, 0.0)}
    positions.update({n.person.id: (n.x, n.y) for n in nodes})
    unknown = {n.person.id for n in nodes if not n.person.is_known}
    obstacles = [(child.id, 0.0, 0.0, _CHILD_CLEARANCE)]
    obstacles += [(n.person.id, n.x, n.y, _TIE_CLEARANCE) for n in nodes]
    routes: list = []
    for tie in other_ties:
        _draw_tie(lines, marks, tie, positions, faint=True, unknown=bool({tie.a, tie.b} & unknown),
                  obstacles=obstacles, routes=routes)
    for tie in child_ties.values():
        _draw_tie(lines, marks, tie, positions, faint=False, unknown=bool({tie.a, tie.b} & unknown),
                  obstacles=obstacles, routes=routes)
    figure.fncoach_ties = routes  # what tie_crossings checks
    figure.fncoach_markers = obstacles
    _draw_child(ax, marks, child.id, child_label, child_label_box)
    for node in nodes:
        _draw_person(ax, marks, node, highlighted=node.person.id in highlight_ids)
        if node.leader:  # a thin line joins a label pushed away from its marker
            lines.plot([node.x, node.lx], [node.y, node.ly], color="#555555", linewidth=0.8, zorder=2.5)
    lines.flush()
    marks.flush()

    key = _draw_legend(figure, child.name) if legend else None
    if key is not None:
        key_box = key.get_window_extent(renderer)
        legend_w, legend_h = key_box.width / figure.dpi * 1.08 + _LEGEND_GAP + 0.1, key_box.height / figure.dpi + 0.1
    else:
        legend_w, legend_h = 0.0, 0.0
    width = max(plot_w + legend_w, 4.0)
    height = max(plot_h, legend_h) + _TITLE_H
    figure.set_size_inches(width, height)
    bottom = (height - _TITLE_H - plot_h) / 2
    ax.set_position((0, bottom / height, plot_w / width, plot_h / height))
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    if key is not None:
        # in figure fractions: an anchor in inches moves when the figure is saved with a tight box
        key.set_bbox_to_anchor(((plot_w + _LEGEND_GAP) / width, 1 - _TITLE_H / height), transform=figure.transFigure)
    heading = title if title is not None else f"{child.name}'s network (eco-map)"
    figure.text(0.1 / width, 1 - 0.12 / height, heading, ha="left", va="top", fontsize=12, fontweight="bold")

    description = _describe(scenario, nodes, child_ties, other_ties, highlight_ids)
    return FigureResult(figure, description)


def draw_ecomap_key(child_name: str = "the child") -> FigureResult:
    """The eco-map's key on its own (shown once beside a map drawn with ``legend=False``).

    Examples
    --------
    >>> print(draw_ecomap_key("Zoë").description.splitlines()[0])
    How to read the eco-map of Zoë's network.
    """
    figure = Figure(figsize=(4, 6), dpi=100)
    FigureCanvasAgg(figure)
    key = _draw_legend(figure, child_name)
    for _ in range(2):  # measure, resize, measure again (text extents settle after the first draw)
        figure.canvas.draw()
        box = key.get_window_extent(figure.canvas.get_renderer())
        # room all round: text drawn at a higher resolution comes out a little larger
        width, height = box.width / figure.dpi * 1.08 + 0.2, box.height / figure.dpi * 1.08 + 0.2
        figure.set_size_inches(width, height)
        key.set_bbox_to_anchor((0.1 / width, 1 - 0.1 / height), transform=figure.transFigure)
    return FigureResult(figure, "\n".join([
        f"How to read the eco-map of {child_name}'s network.",
        f"{child_name} is in the middle. People sit on rings: the inner ring is very close, then quite close, "
        "then not very close; a dotted outer ring holds people with no direct tie to the child.",
        "Each part of life has its own colour and shape: " + ", ".join(
            f"{DOMAIN_STYLE[d][2].lower()} {_SHAPE_WORDS[DOMAIN_STYLE[d][1]]}" for d in DOMAINS)
        + ". A hollow shape is someone not found yet.",
        "Lines show ties: " + "; ".join(TIE_STYLE_WORDS.values()) + ". An arrowhead points at the person helped.",
        "Badges show safety: ✓ in a circle is safe, ? in a diamond is to be explored, ! in a triangle is a worry.",
    ]))


_SHAPE_WORDS = {"s": "square", "o": "circle", "^": "triangle", "D": "diamond", "p": "pentagon", "h": "hexagon"}


def label_overlaps(result: FigureResult) -> list[str]:
    """Every place where a person's label overlaps another label or a marker.

    Uses the renderer's own text bounding boxes (so it checks what is really
    drawn, not the layout's estimate), and also checks labels against the
    key. An empty list means the eco-map is readable.

    Parameters
    ----------
    result : FigureResult
        What :func:`draw_ecomap` returned.

    Returns
    -------
    list of str
        One plain sentence per overlap, e.g. ``"label 'Gran' overlaps the
        marker of 'Dev'"``.

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> label_overlaps(draw_ecomap(_tiny_network_for_doctest()))
    []
    """
    figure = result.figure
    if not isinstance(figure.canvas, FigureCanvasAgg):
        FigureCanvasAgg(figure)
    renderer = figure.canvas.get_renderer()
    labels, markers = [], []
    for ax in figure.axes:
        for text in ax.texts:
            gid = text.get_gid() or ""
            if gid.startswith("label:"):
                labels.append((gid[6:], text.get_window_extent(renderer)))
        for line in ax.lines:
            gid = line.get_gid() or ""
            if gid.startswith(("marker:", "badge:")):
                markers.append((gid.split(":", 1)[1], gid.split(":", 1)[0], line.get_window_extent(renderer)))
        for collection in ax.collections:
            markers.extend(_marker_extents(collection, figure.dpi))
    problems: list[str] = []

    def overlap(a, b) -> bool:
        # half a pixel of tolerance: touching edges are not an overlap
        return min(a.x1, b.x1) - max(a.x0, b.x0) > 0.5 and min(a.y1, b.y1) - max(a.y0, b.y0) > 0.5

    keys = [legend.get_window_extent(renderer) for legend in figure.legends]
    for i, (name_a, box_a) in enumerate(labels):
        if any(overlap(box_a, key) for key in keys):
            problems.append(f"label {name_a!r} overlaps the key")
        for name_b, box_b in labels[i + 1:]:
            if overlap(box_a, box_b):
                problems.append(f"label {name_a!r} overlaps label {name_b!r}")
        for owner, kind, box_m in markers:
            if overlap(box_a, box_m):
                what = "badge" if kind == "badge" else "marker"
                problems.append(f"label {name_a!r} overlaps the {what} of {owner!r}")
    return problems


def tie_crossings(result: FigureResult) -> list[str]:
    """Every tie drawn through the marker of someone it does not join (an empty list: none).

    A tie passing over a third person's marker would read as a tie with them,
    so :func:`draw_ecomap` curves such ties round the markers in the way.

    Examples
    --------
    >>> from fncoach.network import _tiny_network_for_doctest
    >>> tie_crossings(draw_ecomap(_tiny_network_for_doctest()))
    []
    """
    figure = result.figure
    markers = getattr(figure, "fncoach_markers", [])
    names = {owner: owner for owner, *_ in markers}
    problems = []
    for a, b, points in getattr(figure, "fncoach_ties", []):
        others = [m for m in markers if m[0] not in (a, b)]
        for owner in _crossed(points, others):
            problems.append(f"the tie between {names.get(a, a)!r} and {names.get(b, b)!r} passes through "
                            f"the marker of {owner!r}")
    return problems


def _marker_extents(collection, dpi: float) -> list:
    """(owner, kind, pixel box) for each named point of a marker collection."""
    from matplotlib.transforms import Affine2D, Bbox

    found = []
    points = getattr(collection, "fncoach_points", None)
    if not points:
        return found
    paths = collection.get_paths()
    offsets = collection.get_offset_transform().transform(collection.get_offsets())
    for i, (owner, kind, size, width) in enumerate(points):
        if owner is None:
            continue
        box = paths[i % len(paths)].get_extents(Affine2D().scale(size * dpi / 72))
        pad = width / 2 * dpi / 72
        x, y = offsets[i]
        found.append((owner, kind, Bbox.from_extents(x + box.x0 - pad, y + box.y0 - pad, x + box.x1 + pad,
                                                     y + box.y1 + pad)))
    return found


# --------------------------------------------------------------------------- choosing and measuring


def _people_to_show(scenario: Scenario, people: Iterable[str] | None) -> list[Person]:
    if people is None:
        return list(scenario.people)
    wanted = list(dict.fromkeys(people))
    known = {p.id for p in scenario.people}
    missing = [pid for pid in wanted if pid not in known]
    if missing:
        raise ValueError(f"there is nobody called {', '.join(repr(m) for m in missing)} in this scenario")
    chosen = set(wanted)
    return [p for p in scenario.people if p.id in chosen]


def _child_ties(scenario: Scenario, shown: set[str]) -> dict[str, Tie]:
    """The closest tie between the child and each shown person."""
    found: dict[str, Tie] = {}
    child_id = scenario.child.id
    for tie in scenario.ties:
        if child_id not in (tie.a, tie.b):
            continue
        other = tie.b if tie.a == child_id else tie.a
        if other in shown and (other not in found or tie.closeness > found[other].closeness):
            found[other] = tie
    return found


class _Measurer:
    """Measures label sizes in inches with the real renderer."""

    def __init__(self, figure: Figure, renderer):
        self.figure = figure
        self.renderer = renderer

    _cache: dict[tuple[str, bool], tuple[float, float]] = {}

    def __call__(self, text: str, bold: bool = False) -> tuple[float, float]:
        if (text, bold) in self._cache:
            return self._cache[(text, bold)]
        artist = self.figure.text(0, 0, text, fontsize=_FONT, fontweight="bold" if bold else "normal",
                                  ha="center", va="center", multialignment="center", linespacing=1.1)
        box = artist.get_window_extent(self.renderer)
        artist.remove()
        dpi = self.figure.dpi
        size = (box.width / dpi + 2 * _PAD, box.height / dpi + 2 * _PAD)
        if len(self._cache) < 5000:
            self._cache[(text, bold)] = size
        return size


def _label_text(person: Person) -> str:
    relationship = textwrap.fill(person.relationship, width=26, break_long_words=False)  # wrapped, never cut
    name = textwrap.fill(person.name, width=24, break_long_words=True)  # long names take two lines
    text = f"{name}\n{relationship}"
    if not person.is_known:
        text += "\n(not found yet)"
    return text


_SIDE_ORDER = {"mothers": 0, "both": 1, "none": 2, "fathers": 3}


def _make_nodes(shown: Sequence[Person], child_ties: dict[str, Tie], measure: _Measurer, seed: int) -> list[_Node]:
    order = {p.id: i for i, p in enumerate(shown)}
    ranked = sorted(shown, key=lambda p: (DOMAINS.index(p.domain), _SIDE_ORDER[p.family_side], order[p.id]))
    count = max(len(ranked), 1)
    turn = (seed * 0.61803398875 % 1.0) * 2 * math.pi
    nodes = []
    for index, person in enumerate(ranked):
        tie = child_ties.get(person.id)
        ring = _RING_OF_CLOSENESS[tie.closeness] if tie else 4
        preferred = math.pi / 2 - 2 * math.pi * (index + 0.5) / count - turn
        label = _label_text(person)
        w, h = measure(label, bold=False)
        nodes.append(_Node(person, ring, preferred % (2 * math.pi), label, w, h))
    return nodes


# --------------------------------------------------------------------------- layout


def _layout(nodes: list[_Node], child_label_box: _Box) -> dict[int, float]:
    """Place people on rings and their labels; widen the rings until every label fits."""
    by_ring: dict[int, list[_Node]] = {}
    for node in nodes:
        by_ring.setdefault(node.ring, []).append(node)
    max_h = max((n.h for n in nodes), default=0.3)
    widths = sorted(n.w for n in nodes) or [0.6]
    base: dict[int, float] = {}
    previous = child_label_box.y1 - child_label_box.y0 + _CHILD_HALF + _GAP  # room for the child's own label
    for ring in sorted(by_ring):
        members = by_ring[ring]
        circumference = sum(max(n.w, 2 * _CLUSTER) + 0.1 for n in members)
        step = 2 * _CLUSTER + max(max_h * 0.6, widths[len(widths) // 2] * 0.5) + 0.15
        radius = max(previous + step, circumference / (2 * math.pi), 0.8)
        base[ring] = radius
        previous = radius
    factor = 1.0
    for _attempt in range(25):
        radii = {ring: r * factor for ring, r in base.items()}
        for ring, members in by_ring.items():
            _spread_on_ring(members, radii[ring])
        if _place_labels(nodes, child_label_box):
            return radii
        factor *= 1.12
    return radii  # best effort: the last (widest) attempt, labels placed outward


def _spread_on_ring(members: list[_Node], radius: float) -> None:
    """Evenly spaced round the ring, in preferred-angle order, turned to sit nearest the preferred angles."""
    members.sort(key=lambda n: n.preferred)
    n = len(members)
    if n == 1:
        offset = members[0].preferred
    else:
        # circular mean of (preferred - even slot)
        sx = sum(math.cos(m.preferred - 2 * math.pi * i / n) for i, m in enumerate(members))
        sy = sum(math.sin(m.preferred - 2 * math.pi * i / n) for i, m in enumerate(members))
        offset = math.atan2(sy, sx) if (sx or sy) else 0.0
    for i, member in enumerate(members):
        angle = offset + 2 * math.pi * i / n
        member.angle = angle
        member.x = round(radius * math.cos(angle), 6)
        member.y = round(radius * math.sin(angle), 6)


#: Label positions tried round a marker, best first: (turn from straight outward in degrees, extra distance in inches).
_CANDIDATES = tuple(sorted(
    ((turn, push) for turn in (0, 20, -20, 40, -40, 65, -65, 90, -90, 120, -120, 150, -150, 180)
     for push in (0.0, 0.15, 0.35, 0.6)),
    key=lambda c: (abs(c[0]) / 20 + c[1] / 0.15 + (4 if abs(c[0]) > 90 else 0), -c[0]),
))


def _place_labels(nodes: list[_Node], child_label_box: _Box) -> bool:
    """Greedy label placement; True when every label found a free spot."""
    obstacles = [_Box.around(0, 0, _CHILD_HALF, _CHILD_HALF), child_label_box]
    obstacles += [_Box.around(n.x, n.y, _CLUSTER, _CLUSTER) for n in nodes]
    placed: list[_Box] = []
    everything_fits = True
    for node in sorted(nodes, key=lambda n: (n.ring, n.angle)):
        choice = None
        for turn, push in _CANDIDATES:
            angle = node.angle + math.radians(turn)
            vx, vy = math.cos(angle), math.sin(angle)
            reach_x = (node.w / 2 + _CLUSTER + _GAP) / abs(vx) if abs(vx) > 1e-9 else math.inf
            reach_y = (node.h / 2 + _CLUSTER + _GAP) / abs(vy) if abs(vy) > 1e-9 else math.inf
            t = min(reach_x, reach_y) + push
            box = _Box.around(node.x + vx * t, node.y + vy * t, node.w / 2, node.h / 2)
            if not any(box.hits(o, 0.01) for o in obstacles) and not any(box.hits(p, 0.01) for p in placed):
                choice = box
                node.leader = abs(turn) > 40 or push > 0.1
                break
        if choice is None:
            everything_fits = False
            node.leader = False
            vx, vy = math.cos(node.angle), math.sin(node.angle)
            t = min((node.w / 2 + _CLUSTER + _GAP) / max(abs(vx), 1e-9), (node.h / 2 + _CLUSTER + _GAP) / max(abs(vy), 1e-9))
            choice = _Box.around(node.x + vx * t, node.y + vy * t, node.w / 2, node.h / 2)
        placed.append(choice)
        node.lx, node.ly = (choice.x0 + choice.x1) / 2, (choice.y0 + choice.y1) / 2
    return everything_fits


# --------------------------------------------------------------------------- drawing


def _point(ax, x: float, y: float, **style):
    """One marker at (x, y): a Line2D added directly (much quicker than ``ax.plot``)."""
    style.pop("linestyle", None)
    line = Line2D([x], [y], linestyle="none", **style)
    getattr(ax, "ax", ax).add_line(line)
    return line


class _MarkerBatch:
    """Collects markers and draws those of one size, edge width and layer as one PathCollection.

    Each point keeps its own shape and colours; ``owner``/``kind`` name the
    point for :func:`label_overlaps` (kind "marker" or "badge"; None = not checked).
    """

    def __init__(self, ax):
        self.ax = ax
        self.groups: dict[tuple, list] = {}

    def add(self, x: float, y: float, marker, *, size: float, face: str = "black", edge: str = "none",
            width: float = 0.0, zorder: float = 3, alpha: float = 1.0, owner: str | None = None,
            kind: str | None = None) -> None:
        from matplotlib.markers import MarkerStyle

        style = marker if isinstance(marker, MarkerStyle) else MarkerStyle(marker)
        path = style.get_path().transformed(style.get_transform())
        if not style.is_filled():  # line-only shapes such as "x" take the edge colour
            face, edge = "none", edge if edge != "none" else face
        self.groups.setdefault((size, width, zorder, alpha), []).append((x, y, path, face, edge, owner, kind))

    def flush(self) -> None:
        from matplotlib.collections import PathCollection
        from matplotlib.transforms import IdentityTransform

        for (size, width, zorder, alpha), points in self.groups.items():
            collection = PathCollection(
                [p[2] for p in points], sizes=[size ** 2], offsets=[(p[0], p[1]) for p in points],
                offset_transform=self.ax.transData, facecolors=[p[3] for p in points],
                edgecolors=[p[4] for p in points], linewidths=[width], alpha=alpha, zorder=zorder)
            collection.set_transform(IdentityTransform())
            collection.fncoach_points = [(p[5], p[6], size, width) for p in points]
            self.ax.add_collection(collection, autolim=False)
        self.groups = {}


class _LineBatch:
    """Collects plain lines and draws those that look alike as one LineCollection (much faster)."""

    def __init__(self, ax):
        self.ax = ax
        self.groups: dict[tuple, list] = {}
        self.dashes: dict[tuple, object] = {}

    def plot(self, xs, ys, **style):
        if "marker" in style:
            return _point(self.ax, xs[0], ys[0], **style)
        key = (style.get("color", "black"), style.get("linewidth", 1.0), style.get("alpha", 1.0),
               style.get("zorder", 1), repr(style.get("linestyle", "-")), style.get("solid_capstyle", "butt"))
        self.groups.setdefault(key, []).append(list(zip(xs, ys)))
        self.dashes[key] = style.get("linestyle", "-")
        return None

    def flush(self) -> None:
        from matplotlib.collections import LineCollection

        for key, segments in self.groups.items():
            colour, width, alpha, zorder, _dash, cap = key
            collection = LineCollection(segments, colors=colour, linewidths=width, alpha=alpha, zorder=zorder,
                                        linestyles=[self.dashes[key]], capstyle=cap)
            self.ax.add_collection(collection, autolim=False)
        self.groups = {}


def _draw_rings(ax, radii: dict[int, float]) -> None:
    for ring, radius in radii.items():
        angles = [2 * math.pi * i / 240 for i in range(241)]
        ax.plot([radius * math.cos(a) for a in angles], [radius * math.sin(a) for a in angles],
                color="#BBBBBB", linewidth=0.8, linestyle=(0, (1, 3)) if ring == 4 else "-", zorder=0)


def _wave(x0: float, y0: float, x1: float, y1: float, amplitude: float = 0.035, wavelength: float = 0.14):
    length = math.hypot(x1 - x0, y1 - y0)
    if length == 0:
        return [x0], [y0]
    ux, uy = (x1 - x0) / length, (y1 - y0) / length
    steps = max(int(length / wavelength * 12), 12)
    xs, ys = [], []
    for i in range(steps + 1):
        s = length * i / steps
        offset = amplitude * math.sin(2 * math.pi * s / wavelength)
        xs.append(x0 + ux * s - uy * offset)
        ys.append(y0 + uy * s + ux * offset)
    return xs, ys


class _Polyline:
    """A tie's path (straight or curved): points, with positions and directions by share of its length."""

    def __init__(self, points: Sequence[tuple[float, float]]):
        self.points = list(points)
        self.cumulative = [0.0]
        for (x0, y0), (x1, y1) in zip(self.points, self.points[1:]):
            self.cumulative.append(self.cumulative[-1] + math.hypot(x1 - x0, y1 - y0))
        self.length = self.cumulative[-1]

    def at(self, distance: float) -> tuple[float, float, float, float]:
        """(x, y, ux, uy): the point ``distance`` along the path and the unit direction there."""
        distance = min(max(distance, 0.0), self.length)
        for i in range(1, len(self.points)):
            if self.cumulative[i] >= distance or i == len(self.points) - 1:
                (x0, y0), (x1, y1) = self.points[i - 1], self.points[i]
                seg = self.cumulative[i] - self.cumulative[i - 1]
                if seg <= 1e-12:
                    continue
                f = (distance - self.cumulative[i - 1]) / seg
                return x0 + (x1 - x0) * f, y0 + (y1 - y0) * f, (x1 - x0) / seg, (y1 - y0) / seg
        x, y = self.points[-1]
        return x, y, 1.0, 0.0

    def sample(self, start: float, end: float, step: float) -> list[tuple[float, float, float, float]]:
        count = max(int((end - start) / step), 1)
        return [self.at(start + (end - start) * i / count) for i in range(count + 1)]


#: How far (inches) a tie keeps from the centre of a marker it does not belong to, and from the child's.
_TIE_CLEARANCE = 0.17
_CHILD_CLEARANCE = _CHILD_HALF + 0.03


def _crossed(points: Sequence[tuple[float, float]], obstacles: Sequence[tuple[str, float, float, float]]) -> list[str]:
    """The owners of the obstacles ``(owner, x, y, radius)`` that the path passes through (vectorised)."""
    if not obstacles or len(points) < 2:
        return []
    import numpy as np

    path = np.asarray(points, dtype=float)
    starts, ends = path[:-1], path[1:]                      # segments (s, 2)
    centres = np.asarray([(o[1], o[2]) for o in obstacles])  # (m, 2)
    radii = np.asarray([o[3] for o in obstacles])
    d = ends - starts
    length2 = (d ** 2).sum(axis=1)
    rel = centres[:, None, :] - starts[None, :, :]           # (m, s, 2)
    t = np.where(length2 > 0, (rel * d[None]).sum(axis=2) / np.where(length2 > 0, length2, 1), 0.0).clip(0, 1)
    nearest = starts[None] + t[..., None] * d[None]
    distance = np.sqrt(((centres[:, None, :] - nearest) ** 2).sum(axis=2)).min(axis=1)
    return [obstacles[i][0] for i in np.flatnonzero(distance < radii)]


def _curve(start: tuple[float, float], end: tuple[float, float], bend: float, steps: int = 32) -> list[tuple[float, float]]:
    """A quadratic curve from ``start`` to ``end`` whose middle sits ``bend`` inches to the left of the chord."""
    (x0, y0), (x1, y1) = start, end
    length = math.hypot(x1 - x0, y1 - y0)
    nx, ny = -(y1 - y0) / length, (x1 - x0) / length
    cx, cy = (x0 + x1) / 2 + nx * 2 * bend, (y0 + y1) / 2 + ny * 2 * bend  # control point: the middle at ``bend``
    return [((1 - t) ** 2 * x0 + 2 * (1 - t) * t * cx + t * t * x1, (1 - t) ** 2 * y0 + 2 * (1 - t) * t * cy + t * t * y1)
            for t in (i / steps for i in range(steps + 1))]


def route_tie(start: tuple[float, float], end: tuple[float, float],
              obstacles: Sequence[tuple[str, float, float, float]]) -> list[tuple[float, float]]:
    """The path of a tie: straight when that passes no other marker, else the gentlest curve round them.

    Parameters
    ----------
    start, end : (x, y)
        The centres of the two markers the tie joins (inches).
    obstacles : sequence of (owner, x, y, radius)
        Every other marker, with how far the tie must keep from its centre.

    Examples
    --------
    >>> route_tie((0, 0), (2, 0), [])
    [(0, 0), (2, 0)]
    >>> path = route_tie((0, 0), (2, 0), [("Gran", 1.0, 0.0, 0.2)])
    >>> len(path) > 2 and _crossed(path, [("Gran", 1.0, 0.0, 0.2)]) == []
    True
    """
    straight = [start, end]
    if not _crossed(straight, obstacles):
        return straight
    length = math.hypot(end[0] - start[0], end[1] - start[1])
    best, fewest = straight, len(_crossed(straight, obstacles))
    for bend in (0.12, 0.2, 0.3, 0.42, 0.56, 0.72, 0.9, 1.1, 1.35):
        for side in (1, -1):
            path = _curve(start, end, side * min(bend, 0.6 * length + 0.1))
            crossed = len(_crossed(path, obstacles))
            if crossed == 0:
                return path
            if crossed < fewest:
                best, fewest = path, crossed
    return best


def _tie_artists(ax, quality: str, points: Sequence[tuple[float, float]], *, colour: str, width: float,
                 alpha: float, zorder: float, dash_unknown: bool = False) -> None:
    """Draw one tie along ``points`` in the style of its quality (data units are inches)."""
    path = _Polyline(points)
    if path.length == 0:
        return
    common = dict(color=colour, alpha=alpha, zorder=zorder, solid_capstyle="butt")
    style = (0, (2, 2)) if dash_unknown and quality not in ("weak",) else "-"
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    if quality == "strong":
        ax.plot(xs, ys, linewidth=3.2 * width, linestyle=style, **common)
    elif quality == "moderate":
        d = 0.022
        along = path.sample(0, path.length, 0.05) if len(points) > 2 else [path.at(0), path.at(path.length)]
        for side in (-1, 1):
            ax.plot([x - uy * d * side for x, _y, _ux, uy in along], [y + ux * d * side for _x, y, ux, _uy in along],
                    linewidth=1.0 * width, linestyle=style, **common)
    elif quality == "normal":
        ax.plot(xs, ys, linewidth=1.1 * width, linestyle=style, **common)
    elif quality == "weak":
        ax.plot(xs, ys, linewidth=1.1 * width, linestyle=(0, (4, 3)), **common)
    elif quality in ("stressful", "conflict"):
        wxs, wys = _wave_along(path)
        ax.plot(wxs, wys, linewidth=1.1 * width, linestyle=style, **common)
    elif quality == "cut_off":
        middle = path.length / 2
        gap = min(0.07, path.length / 6)
        for a, b in ((0.0, middle - gap), (middle + gap, path.length)):
            part = path.sample(a, b, 0.05) if len(points) > 2 else [path.at(a), path.at(b)]
            ax.plot([p[0] for p in part], [p[1] for p in part], linewidth=1.1 * width, **common)
        bar = 0.07
        for where in (middle - gap, middle + gap):
            bx, by, ux, uy = path.at(where)
            ax.plot([bx - uy * bar, bx + uy * bar], [by + ux * bar, by - ux * bar], linewidth=1.3 * width, **common)


def _wave_along(path: _Polyline, amplitude: float = 0.035, wavelength: float = 0.14) -> tuple[list, list]:
    xs, ys = [], []
    for i, (x, y, ux, uy) in enumerate(path.sample(0, path.length, wavelength / 12)):
        s = path.length * i / max(int(path.length / (wavelength / 12)), 1)
        offset = amplitude * math.sin(2 * math.pi * s / wavelength)
        xs.append(x - uy * offset)
        ys.append(y + ux * offset)
    return xs, ys


def _draw_tie(ax, marks: _MarkerBatch, tie: Tie, positions: dict[str, tuple[float, float]], *, faint: bool,
              unknown: bool, obstacles: Sequence[tuple[str, float, float, float]] = (),
              routes: list | None = None) -> None:
    start, end = positions[tie.a], positions[tie.b]
    if math.hypot(end[0] - start[0], end[1] - start[1]) < 1e-9:
        return
    others = [o for o in obstacles if o[0] not in (tie.a, tie.b)]
    points = route_tie(start, end, others)
    if routes is not None:
        routes.append((tie.a, tie.b, points))
    path = _Polyline(points)
    colour = OKABE_ITO["vermillion"] if tie.quality in _DIFFICULT else _LINE_GREY
    width = 0.6 if faint else 1.0
    alpha = 0.45 if faint else (0.6 if unknown else 0.95)
    zorder = 1 if faint else 1.5
    _tie_artists(ax, tie.quality, points, colour=colour, width=width, alpha=alpha, zorder=zorder,
                 dash_unknown=unknown)
    if tie.quality == "conflict":
        mx, my, _ux, _uy = path.at(path.length / 2)
        marks.add(mx, my, "x", size=8 * width, edge=colour, width=2 * width, zorder=zorder + 0.1, alpha=alpha)
    if tie.help == "none":
        return
    # a small arrowhead on the line, pointing at the person helped (both ways: one each side of the middle)
    heads = []
    if tie.help in ("a_to_b", "both"):
        heads.append((0.58, 1))
    if tie.help in ("b_to_a", "both"):
        heads.append((0.42 if tie.help == "both" else 0.55, -1))
    for where, sense in heads:
        hx, hy, ux, uy = path.at(path.length * where)
        angle = math.degrees(math.atan2(uy * sense, ux * sense))
        # marker (3, 0, angle): a triangle whose tip points along ``angle - 90``
        marks.add(hx, hy, (3, 0, angle - 90), size=7 * width + 1,
                  face=colour, edge=colour, width=0.5, zorder=zorder + 0.2, alpha=alpha)


def _draw_child(ax, marks: _MarkerBatch, child_id: str, label: str, label_box: _Box) -> None:
    marks.add(0, 0, "o", size=_CHILD_PT, face="white", edge="black", width=2.5, zorder=3, owner=child_id,
              kind="marker")
    marks.add(0, 0, "*", size=_CHILD_PT * 0.6, face="black", zorder=3.1)
    cx, cy = (label_box.x0 + label_box.x1) / 2, (label_box.y0 + label_box.y1) / 2
    ax.text(cx, cy, label, ha="center", va="center", fontsize=_FONT, fontweight="bold", zorder=4,
            multialignment="center", linespacing=1.1, gid=f"label:{label.splitlines()[0]}")


_SIGN_MARKERS: dict[str, object] = {}


def _sign_marker(sign: str):
    """The badge's sign (✓, ? or !) as a marker shape, made once (drawing it as text is much slower)."""
    if sign not in _SIGN_MARKERS:
        from matplotlib.markers import MarkerStyle

        _SIGN_MARKERS[sign] = MarkerStyle(f"${sign}$")
    return _SIGN_MARKERS[sign]


def _draw_person(ax, marks: _MarkerBatch, node: _Node, *, highlighted: bool) -> None:
    person = node.person
    colour, marker, _ = DOMAIN_STYLE[person.domain]
    if highlighted:
        marks.add(node.x, node.y, "o", size=_MARKER_PT + 9, face="none", edge="black", width=2.2, zorder=2.9,
                  owner=person.name, kind="marker")
    known = person.is_known
    marks.add(node.x, node.y, marker, size=_MARKER_PT, face=colour if known else "white",
              edge="black" if known else colour, width=1.0 if known else 2.2, zorder=3, owner=person.name,
              kind="marker")
    status = person.safety.status
    sign, badge_colour = SAFETY_BADGE[status]
    bx, by = node.x + 0.115, node.y + 0.115
    marks.add(bx, by, BADGE_SHAPE[status], size=_BADGE_PT, face="white", edge=badge_colour, width=1.6, zorder=5,
              owner=person.name, kind="badge")
    marks.add(bx, by - (0.012 if status == "worry" else 0.0), _sign_marker(sign), size=5.5, face="black",
              zorder=5.1)
    ax.text(node.lx, node.ly, node.label, ha="center", va="center", fontsize=_FONT,
            fontweight="bold" if highlighted else "normal", multialignment="center", linespacing=1.1, zorder=4,
            color="black" if known else "#444444", gid=f"label:{person.name}",
            bbox=dict(boxstyle="square,pad=0.1", facecolor="white", edgecolor="none", alpha=0.85))


class _TieKey:
    """A legend entry standing for one tie quality (drawn by :class:`_TieHandler`)."""

    def __init__(self, quality: str):
        self.quality = quality


class _TieHandler(HandlerBase):
    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        y = height / 2 - ydescent
        quality = orig_handle.quality
        colour = OKABE_ITO["vermillion"] if quality in _DIFFICULT else _LINE_GREY
        artists = _tie_lines_points(quality, -xdescent, y, width - xdescent, colour=colour)
        for artist in artists:
            artist.set_transform(trans)
        return artists


class _ArrowKey:
    """A legend entry for the help arrow."""


class _ArrowHandler(HandlerBase):
    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        y = height / 2 - ydescent
        x0, x1 = -xdescent, width - xdescent
        line = Line2D([x0, x1 - 4], [y, y], color=_LINE_GREY, linewidth=1.1)
        head = Line2D([x1 - 4], [y], marker=">", markersize=7, color=_LINE_GREY, linestyle="none")
        for artist in (line, head):
            artist.set_transform(trans)
        return [line, head]


class _BadgeKey:
    """A legend entry for one safety badge."""

    def __init__(self, status: str):
        self.status = status


class _BadgeHandler(HandlerBase):
    def create_artists(self, legend, orig_handle, xdescent, ydescent, width, height, fontsize, trans):
        status = orig_handle.status
        sign, colour = SAFETY_BADGE[status]
        x, y = width / 2 - xdescent, height / 2 - ydescent
        shape = Line2D([x], [y], marker=BADGE_SHAPE[status], markersize=12.5, markerfacecolor="white",
                       markeredgecolor=colour, markeredgewidth=1.6, linestyle="none")
        letter = Text(x, y - (1 if status == "worry" else 0), sign, ha="center", va="center", fontsize=8,
                      fontweight="bold")
        for artist in (shape, letter):
            artist.set_transform(trans)
        return [shape, letter]


def _tie_lines_points(quality: str, x0: float, y: float, x1: float, *, colour: str) -> list[Line2D]:
    """Legend version of :func:`_tie_artists`: the same styles, in points."""
    common = dict(color=colour, solid_capstyle="butt")
    if quality == "strong":
        return [Line2D([x0, x1], [y, y], linewidth=3.2, **common)]
    if quality == "moderate":
        return [Line2D([x0, x1], [y + d, y + d], linewidth=1.0, **common) for d in (-1.6, 1.6)]
    if quality == "normal":
        return [Line2D([x0, x1], [y, y], linewidth=1.1, **common)]
    if quality == "weak":
        return [Line2D([x0, x1], [y, y], linewidth=1.1, linestyle=(0, (4, 3)), **common)]
    if quality in ("stressful", "conflict"):
        xs, ys = _wave(x0, y, x1, y, amplitude=2.5, wavelength=10)
        lines = [Line2D(xs, ys, linewidth=1.1, **common)]
        if quality == "conflict":
            lines.append(Line2D([(x0 + x1) / 2], [y], marker="x", markersize=7, markeredgewidth=2, color=colour,
                                linestyle="none"))
        return lines
    mx = (x0 + x1) / 2  # cut_off
    lines = [Line2D([x0, mx - 3], [y, y], linewidth=1.1, **common), Line2D([mx + 3, x1], [y, y], linewidth=1.1, **common)]
    lines += [Line2D([bx, bx], [y - 4, y + 4], linewidth=1.3, **common) for bx in (mx - 3, mx + 3)]
    return lines


def _heading(text: str):
    return (Line2D([], [], linestyle="none"), text)


def _draw_legend(figure: Figure, child_name: str):
    entries: list[tuple[object, str]] = []
    entries.append(_heading("Who they are (colour and shape)"))
    for domain in DOMAINS:
        colour, marker, words = DOMAIN_STYLE[domain]
        entries.append((Line2D([], [], marker=marker, markersize=9, markerfacecolor=colour, markeredgecolor="black",
                               linestyle="none"), words))
    entries.append((Line2D([], [], marker="o", markersize=9, markerfacecolor="white",
                           markeredgecolor=OKABE_ITO["orange"], markeredgewidth=2, linestyle="none"),
                    "Hollow: not found yet"))
    entries.append(_heading(f"Rings: closeness to {child_name}"))
    entries.append((Line2D([], [], linestyle="none"), "inner = very close, middle = quite close,"))
    entries.append((Line2D([], [], linestyle="none"), "outer = not very close; dotted ring = no direct tie"))
    entries.append(_heading("Ties (line style)"))
    for quality, words in TIE_STYLE_WORDS.items():
        entries.append((_TieKey(quality), words))
    entries.append((_ArrowKey(), "arrow: help goes this way"))
    entries.append(_heading("Safety (badge shape and sign)"))
    for status, (sign, colour) in SAFETY_BADGE.items():
        entries.append((_BadgeKey(status), f"{sign} {_BADGE_WORDS[status]}"))
    handles = [h for h, _ in entries]
    labels = [t for _, t in entries]
    legend = figure.legend(handles, labels, loc="upper left", bbox_to_anchor=(0, 1), fontsize=_KEY_FONT, frameon=True,
                           handler_map={_TieKey: _TieHandler(), _ArrowKey: _ArrowHandler(), _BadgeKey: _BadgeHandler()},
                           handlelength=2.6, borderaxespad=0.0, labelspacing=0.45)
    headings = {t for h, t in entries if isinstance(h, Line2D) and h.get_marker() in (None, "None", "none", "")
                and t and not t.startswith(("inner", "outer"))}
    for text in legend.get_texts():
        if text.get_text() in headings:
            text.set_fontweight("bold")
    return legend


# --------------------------------------------------------------------------- description


def _names(people: Sequence[str]) -> str:
    return names_in_words(people, limit=None, empty="nobody")


def _describe(scenario: Scenario, nodes: list[_Node], child_ties: dict[str, Tie], other_ties: list[Tie],
              highlight: set[str]) -> str:
    child = scenario.child
    count = len(nodes)
    lines = [f"Eco-map of {child.name}'s network (age {child.age}), showing {count} "
             f"{'person' if count == 1 else 'people'}."]
    if not nodes:
        lines.append(f"Nobody is drawn yet: only {child.name} is in the middle.")
        return "\n".join(lines)
    for ring in (1, 2, 3, 4):
        names = [n.person.name for n in sorted(nodes, key=lambda n: n.angle) if n.ring == ring]
        names = sorted(names)
        if names:
            where = RING_NAMES[ring] if ring != 4 else f"with no direct tie to {child.name}"
            lines.append(f"{'Very close' if ring == 1 else where[0].upper() + where[1:]}"
                         f"{' to ' + child.name if ring < 4 else ''}: {_names(names)}.")
    domain_parts = []
    for domain in DOMAINS:
        members = [n.person.name for n in nodes if n.person.domain == domain]
        if members:
            domain_parts.append(f"{DOMAIN_STYLE[domain][2].lower()} {len(members)}")
    lines.append("By domain: " + ", ".join(domain_parts) + ".")
    name = scenario.name_of
    difficult = [t for t in list(child_ties.values()) + other_ties if t.quality in _DIFFICULT]
    if difficult:
        parts = [f"{name(t.a)} and {name(t.b)} ({t.quality.replace('_', ' ')})" for t in difficult]
        lines.append("Difficult ties: " + "; ".join(parts) + ".")
    else:
        lines.append("No tie is marked stressful, in conflict or cut off.")
    helpers = sorted(name(t.a if t.help == "a_to_b" else t.b) for t in child_ties.values()
                     if t.help in ("a_to_b", "b_to_a") and (t.b if t.help == "a_to_b" else t.a) == child.id)
    helpers += sorted(name(t.b if t.a == child.id else t.a) for t in child_ties.values() if t.help == "both")
    if helpers:
        lines.append(f"Helping {child.name}: {_names(sorted(set(helpers)))}.")
    helped = sorted({name(t.b if t.a == child.id else t.a) for t in child_ties.values()
                     if t.help == "both" or (t.help == "a_to_b" and t.a == child.id)
                     or (t.help == "b_to_a" and t.b == child.id)})
    if helped:
        lines.append(f"{child.name} helps: {_names(helped)}.")
    worry = [n.person for n in nodes if n.person.safety.status == "worry"]
    explore = [n.person for n in nodes if n.person.safety.status == "to_explore"]
    if worry:
        lines.append("Safety badge '!' (a worry): " + "; ".join(f"{p.name} — {p.safety.reason}" for p in worry))
    if explore:
        lines.append("Safety badge '?' (to be explored): " + _names([p.name for p in explore]) + ".")
    if not worry and not explore:
        lines.append("Everyone shown has the safety badge '✓' (safe).")
    unknown = [n.person.name for n in nodes if not n.person.is_known]
    if unknown:
        lines.append("Not found yet by the workers (hollow markers): " + _names(unknown) + ".")
    highlighted = [n.person.name for n in nodes if n.person.id in highlight]
    if highlighted:
        lines.append("Highlighted: " + _names(highlighted) + ".")
    links = len(other_ties)
    lines.append(f"{links} link{'s' if links != 1 else ''} between the people themselves "
                 f"{'are' if links != 1 else 'is'} drawn as fainter lines.")
    return "\n".join(lines)
