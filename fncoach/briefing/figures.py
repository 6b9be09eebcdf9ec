"""Every figure a pack shows, from one place: drawn once here, printed in the pack and saved as slides.

Each function draws one figure of a scenario; the pack sections
(:mod:`fncoach.briefing.content`) and ``fncoach brief --figures DIR`` both
call them, so a slide and its page in the pack are the same picture with the
same numbers. The drill figures say the coverage exactly as ``fncoach drill``
does for the same seed (:data:`fncoach.drills.DEFAULT_RUNS` runs).

Figures that are printed at their own size (:data:`PRINTED_AT_OWN_SIZE`) keep
every text at least :data:`MIN_PRINT_POINTS` points on paper;
:func:`printed_font_sizes` measures it.

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> sorted(pack_figures(tiny_scenario()))  # doctest: +NORMALIZE_WHITESPACE
['drill-heatmap', 'ecomap', 'ecomap-key', 'scale-spread', 'strength', 'three-houses', 'whole-network']
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any, Callable, Optional

from ..drills import DEFAULT_RUNS, monte_carlo, percent, simulate
from ..finding import known_network
from ..model import Scenario
from ..strength import analyse_strength

__all__ = [
    "MIN_PRINT_POINTS",
    "HEATMAP_WIDTH",
    "PRINTED_AT_OWN_SIZE",
    "ecomap_figure",
    "ecomap_key_figure",
    "whole_network_figure",
    "three_houses_figure",
    "scale_spread_figure",
    "heatmap_figure",
    "strength_figure",
    "pack_figures",
    "write_figures",
    "printed_font_sizes",
]

#: The smallest text on paper, in points, for the figures printed at their own size.
MIN_PRINT_POINTS = 8.0
#: The drill heatmap's width in inches: printed at its own size it fits across A4 (7 in inside the margins).
HEATMAP_WIDTH = 6.85
#: Figures the pack prints at their own size (so their text is printed at the size it was drawn).
PRINTED_AT_OWN_SIZE = ("ecomap-key", "drill-heatmap")


def ecomap_figure(scenario: Scenario, *, seed: int = 0):
    """The eco-map of the people already found (the key is its own figure, printed at full size)."""
    from ..viz.ecomap import draw_ecomap

    return draw_ecomap(known_network(scenario), title=f"{scenario.child.name}'s network as we know it", seed=seed,
                       legend=False)


def ecomap_key_figure(scenario: Scenario):
    """How to read the eco-map."""
    from ..viz.ecomap import draw_ecomap_key

    return draw_ecomap_key(scenario.child.name)


def whole_network_figure(scenario: Scenario, *, seed: int = 0):
    """The whole network with the people not yet found highlighted (None when everyone is known)."""
    from ..viz.ecomap import draw_ecomap

    hidden = tuple(p.id for p in scenario.people if not p.is_known)
    if not hidden:
        return None
    return draw_ecomap(scenario, highlight=hidden, title=f"{scenario.child.name}'s whole network", seed=seed,
                       legend=False)


def three_houses_figure(scenario: Scenario):
    """The child's Three Houses (None when the case has none)."""
    from ..viz.sos import draw_three_houses

    return draw_three_houses(scenario) if scenario.child.voice is not None else None


def scale_spread_figure(scenario: Scenario):
    """The spread of the model safety-scale numbers (None when the case has no scaling)."""
    from ..viz.sos import draw_scale_spread

    return draw_scale_spread(scenario) if scenario.sos.scaling is not None else None


def heatmap_title(seed: int, first_run_coverage: float) -> str:
    """The heatmap's title: which drill it shows and how much of it was covered, as ``fncoach drill`` says it.

    Examples
    --------
    >>> print(heatmap_title(0, 0.9732))
    Who covered each job, day by day:
    the first drill (seed 0), 97.3% covered
    """
    return f"Who covered each job, day by day:\nthe first drill (seed {seed}), {percent(first_run_coverage)} covered"


def heatmap_figure(scenario: Scenario, *, seed: int = 0, run: Any = None):
    """The first drill of the model plan, day by day (None without a model plan), as wide as an A4 page."""
    from ..viz.drills import draw_coverage_heatmap

    if not scenario.plan.model_plan:
        return None
    run = run if run is not None else simulate(scenario, scenario.plan.model_plan, seed=seed)
    return draw_coverage_heatmap(scenario, run, title=heatmap_title(seed, run.coverage),
                                 width=HEATMAP_WIDTH if scenario.drills.days <= 31 else None)


def strength_figure(scenario: Scenario, report: Any = None):
    """Network strength, part by part, for the people already found."""
    from ..viz.strength import draw_strength

    report = report if report is not None else analyse_strength(scenario,
                                                                 dict(scenario.settings.strength_weights) or None)
    return draw_strength(report)


def pack_figures(scenario: Scenario, *, seed: int = 0) -> dict[str, Any]:
    """Every figure of the facilitator pack, by slide name (figures a case cannot have are left out)."""
    makers: dict[str, Callable[[], Any]] = {
        "ecomap": lambda: ecomap_figure(scenario, seed=seed),
        "ecomap-key": lambda: ecomap_key_figure(scenario),
        "whole-network": lambda: whole_network_figure(scenario, seed=seed),
        "three-houses": lambda: three_houses_figure(scenario),
        "scale-spread": lambda: scale_spread_figure(scenario),
        "drill-heatmap": lambda: heatmap_figure(scenario, seed=seed),
        "strength": lambda: strength_figure(scenario),
    }
    figures = {}
    for name, make in makers.items():
        result = make()
        if result is not None:
            figures[name] = result
    return figures


def write_figures(scenario: Scenario, folder: str | Path, *, seed: int = 0,
                  formats: tuple[str, ...] = ("png", "svg"), dpi: int = 200) -> list[Path]:
    """Save every figure as slide-ready files (``<id>-<figure>.png`` and ``.svg``), each with its alt text (``.txt``).

    Examples
    --------
    >>> import tempfile
    >>> from fncoach.examples import tiny_scenario
    >>> written = write_figures(tiny_scenario(), tempfile.mkdtemp(), formats=("png",), dpi=40)
    >>> sorted(p.name for p in written)[:2]
    ['tiny-drill-heatmap.png', 'tiny-drill-heatmap.png.txt']
    """
    out = Path(folder)
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for name, result in pack_figures(scenario, seed=seed).items():
        for kind in formats:
            target = result.save(out / f"{scenario.meta.id}-{name}.{kind}", alt_text=True, dpi=dpi)
            written += [target, target.with_suffix(target.suffix + ".txt")]
    return written


def printed_font_sizes(result: Any, printed_width_inches: Optional[float] = None) -> list[float]:
    """The size on paper, in points, of every text in a figure printed ``printed_width_inches`` wide.

    By default the figure is printed at its own size.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> min(printed_font_sizes(ecomap_key_figure(tiny_scenario()))) >= MIN_PRINT_POINTS
    True
    """
    figure = result.figure
    width = float(figure.get_size_inches()[0])
    scale = 1.0 if printed_width_inches is None else printed_width_inches / width
    sizes = []
    for text in figure.findobj(lambda artist: hasattr(artist, "get_fontsize") and hasattr(artist, "get_text")):
        if text.get_text().strip() and text.get_visible() and not re.fullmatch(r"\$.*\$", text.get_text()):
            sizes.append(float(text.get_fontsize()) * scale)
    return sizes
