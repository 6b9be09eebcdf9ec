"""Figures: matplotlib drawings of results, each with a text description.

``viz`` turns results from the core into figures; it never decides anything.
Every public drawing function returns a :class:`FigureResult` (the figure and
its screen-reader description), takes ``ax=None`` where it draws on one axes,
and never calls ``plt.show()``.
"""

from ._common import DOMAIN_STYLE, FigureResult, new_figure

__all__ = ["FigureResult", "DOMAIN_STYLE", "new_figure"]
