"""Every word drawn in the course's figures keeps at least 4.5:1 contrast with what is behind it (WCAG 2.2 AA,
issue 16 §3): the text's own colour against its box, or the white of the figure."""

from __future__ import annotations

import pytest
from matplotlib.colors import to_rgba

from fncoach.scenario import bundled_scenario_path, load_scenario

SCENARIO = "long_term_foster_links"


def _luminance(colour) -> float:
    def channel(v: float) -> float:
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

    r, g, b, _ = to_rgba(colour)
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a, b) -> float:
    """WCAG contrast ratio of two colours.

    >>> round(contrast("black", "white"), 1), round(contrast("#767676", "white"), 2)
    (21.0, 4.54)
    """
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _figures():
    from fncoach.drills import simulate
    from fncoach.plan import model_assignments
    from fncoach.strength import analyse_strength
    from fncoach.viz import drills, ecomap, sos, strength, timeline

    case = load_scenario(bundled_scenario_path(SCENARIO))
    run = simulate(case, model_assignments(case), seed=1)
    return {
        "eco-map": lambda: ecomap.draw_ecomap(case),
        "eco-map key": lambda: ecomap.draw_ecomap_key(case.child.name),
        "three houses": lambda: sos.draw_three_houses(case),
        "scale spread": lambda: sos.draw_scale_spread(case, own=5),
        "scale history": lambda: sos.draw_scale_history(case),
        "strength": lambda: strength.draw_strength(analyse_strength(case)),
        "timeline": lambda: timeline.draw_timeline(case),
        "drill heatmap": lambda: drills.draw_coverage_heatmap(case, run),
    }


FIGURES = _figures()


@pytest.mark.parametrize("name", sorted(FIGURES))
def test_figure_text_keeps_contrast(name):
    figure = FIGURES[name]().figure
    background = figure.get_facecolor()
    texts = [t for t in figure.findobj(lambda a: hasattr(a, "get_text") and hasattr(a, "get_color"))
             if t.get_visible() and t.get_text().strip()]
    assert texts, "the figure has words"
    low = []
    for text in texts:
        box = text.get_bbox_patch()
        behind = box.get_facecolor() if box is not None and box.get_facecolor()[3] > 0 else background
        ratio = contrast(text.get_color(), behind)
        if ratio < 4.5:
            low.append(f"{text.get_text()[:40]!r}: {ratio:.2f}:1")
    assert not low, low
