"""The whole SOS map as a self-contained, printable HTML page.

Three columns — *What are we worried about?*, *What's working well?*, *What
needs to happen?* — then the safety scale. What goes on the map (from the
scenario's model answers or a learner's answers dict) is worked out by
:func:`fncoach.sosmap.map_content`; this module only lays it out, from the
template ``sosmap.html.j2`` and the stylesheet ``sosmap.css``.

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> html = sos_map_html(tiny_scenario())
>>> "What needs to happen?" in html and "Model answers" in html
True
>>> "Nothing here yet." in sos_map_html(tiny_scenario(), {})
True
"""

from __future__ import annotations

from typing import Any, Mapping

from ..sosmap import map_content
from . import page, render, stylesheet

__all__ = ["sos_map_html"]


def sos_map_html(scenario, answers: Mapping[str, Any] | str | None = None, *, large_print: bool = False) -> str:
    """The SOS map as a complete, self-contained HTML page.

    Parameters
    ----------
    scenario : Scenario
    answers : dict, "model" or None
        A learner's answers (see :mod:`fncoach.sosmap`) or None/"model" for the scenario's model answers.
    large_print : bool
        Bigger text for people who need it.

    Raises
    ------
    ValueError
        If ``answers`` is neither a dictionary nor None/"model".
    """
    content = map_content(scenario, answers)
    body = render("sosmap.html.j2", content=content, title=scenario.meta.title)
    return page(f"SOS map for {content.child}", body, css=stylesheet("sosmap.css"), large_print=large_print)
