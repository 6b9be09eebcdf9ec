"""A pack's printable page: the body the notebook displayed, with its footer, styles and print rules.

:func:`pack_html` places the body in ``fncoach/pages/templates/briefing/pack.html.j2``
inside the shared page layout (:func:`fncoach.pages.page`), with the pack's
styles from ``briefing/pack.css.j2``: the briefing stylesheet
(``briefing/briefing.css``), the print rules (``briefing/print.css.j2``) and,
in the facilitator pack, ``briefing/facilitator.css``.
Before the page is returned, the leak guard and the offline check run on it.

Examples
--------
>>> css = print_css('Zoë "and" Gran', "trainee")
>>> 'content: "Zoë \\\\"and\\\\" Gran"' in css and "counter(pages)" in css
True
>>> from fncoach.examples import tiny_scenario
>>> "<main><p>Hello</p></main>" in pack_html(tiny_scenario(), "<p>Hello</p>", "trainee")
True
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from markupsafe import Markup

from ..model import Scenario
from ..pages import page, render
from .errors import BriefingError
from .files import PACK_TITLES
from .leaks import leak_message, leak_report, self_contained_problems

__all__ = ["css_string", "print_css", "pack_html"]


def css_string(text: str) -> Markup:
    """Text as the inside of a double-quoted CSS string, safe inside a ``<style>`` element.

    This is to CSS what HTML escaping is to a page: backslashes and quotes are
    escaped, ``<`` and ``>`` written as CSS escapes, runs of white space made one space.

    Examples
    --------
    >>> css_string('Zoë "and" <Gran>')
    Markup('Zoë \\\\"and\\\\" \\\\3C Gran\\\\3E ')
    """
    cleaned = " ".join(text.split())
    return Markup(cleaned.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3C ").replace(">", "\\3E "))


def print_css(title: str, audience: str, large_print: bool = False) -> str:
    """``@page`` rules for print: A4, the title at the top of every page, page numbers at the bottom."""
    return render("briefing/print.css.j2", **_print_context(title, audience, large_print))


def _print_context(title: str, audience: str, large_print: bool) -> dict[str, object]:
    return {"title": css_string(title), "pack_title": css_string(PACK_TITLES[audience]),
            "size": "10pt" if large_print else "8.5pt",
            "margin": "20mm 16mm 20mm 16mm" if large_print else "18mm 14mm 18mm 14mm"}


def glossary_html(body: str) -> Markup:
    """The "Words used in this pack" section: every glossary term the pack's own text uses, in the order met.

    Read from the pack's words (not the scenario file), so a trainee handout lists only terms its pages show
    and never hints at facilitator-only text.

    Examples
    --------
    >>> "Public Law Outline" in glossary_html("<p>Under the <b>PLO</b>, a letter comes first.</p>")
    True
    >>> glossary_html("<p>Nothing to explain.</p>")
    Markup('')
    """
    from ..glossary import entries_for

    text = html.unescape(re.sub(r"<[^>]+>", " ", re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", body)))
    text = re.sub(r"data:image/[^\s\"']+", " ", text)
    entries = entries_for(text)
    return Markup(render("briefing/glossary.html.j2", entries=entries)) if entries else Markup("")


def pack_html(scenario: Scenario, body: str, audience: str, *, large_print: bool = False,
              source: str | Path | None = None) -> str:
    """Wrap a pack's body (the HTML the notebook's cells displayed) in one self-contained, printable page.

    ``source`` is the scenario file, so a refusal can name the line of each field.

    Raises
    ------
    BriefingError
        If a trainee page holds the text of any facilitator-only field (named with its field and line), or if the
        page would not open offline (scripts, links, images without alt text).
    """
    title = scenario.meta.title
    main = render("briefing/pack.html.j2", body=Markup(body) + glossary_html(body), pack_title=PACK_TITLES[audience],
                  title=title, scenario_id=scenario.meta.id)
    css = render("briefing/pack.css.j2", facilitator=audience == "facilitator",
                 **_print_context(title, audience, large_print))
    html_text = page(f"{title} — {PACK_TITLES[audience]}", Markup(main), css=css, large_print=large_print)
    html_text = re.sub(r"[ \t]+\n", "\n", html_text)
    if audience == "trainee":
        leaks = leak_report(scenario, html_text, source)
        if leaks:
            raise BriefingError(leak_message(leaks, Path(source).name if source else ""))
    problems = self_contained_problems(html_text)
    if problems:
        raise BriefingError("the page would not open offline: " + "; ".join(problems))
    return html_text
