"""Printable HTML pages, rendered from Jinja2 templates shipped with the package.

This is a presentation layer, like :mod:`fncoach.viz`: it turns plain results
from the core into self-contained pages (no scripts, no web fonts, no CDN) and
never decides anything. Every page is rendered by :func:`render` from a
template in ``fncoach/pages/templates/`` with autoescaping on, so text from a
scenario or a learner is escaped wherever it lands; markup that is already
safe (a figure's ``<img>``, a fragment rendered by another template) is passed
in as :class:`markupsafe.Markup`.

The shared stylesheet is ``templates/page.css``; a page adds its own rules
through the ``css`` argument of :func:`page`.

Examples
--------
>>> text = page("Plan for Zoë", Markup("<p>Hello</p>"))
>>> "<title>Plan for Zoë</title>" in text and "<script" not in text
True
>>> "&lt;b&gt;" in render_string("{{ x }}", x="<b>")
True
"""

from __future__ import annotations

import base64
from functools import lru_cache
from typing import Any, Callable

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

__all__ = ["render", "render_string", "macro", "page", "stylesheet", "Markup", "escape", "png_data_uri"]


@lru_cache(maxsize=1)
def environment() -> Environment:
    """The one Jinja2 environment for every page (autoescape on, strict about missing values)."""
    env = Environment(
        loader=PackageLoader("fncoach.pages", "templates"),
        autoescape=select_autoescape(enabled_extensions=("html", "j2", "svg"), default_for_string=True,
                                     default=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return env


def render(template: str, **context: Any) -> str:
    """Render ``templates/<template>`` with ``context`` (autoescaped)."""
    return environment().get_template(template).render(**context)


def render_string(source: str, **context: Any) -> str:
    """Render a template given as text (autoescaped); for tests and tiny fragments."""
    return environment().from_string(source).render(**context)


def macro(template: str, name: str) -> Callable[..., Markup]:
    """A macro defined in ``templates/<template>``, to render one fragment (it returns :class:`Markup`).

    Examples
    --------
    >>> icon = macro("plan_icons.svg.j2", "task_icon")("visit", "a <house>")
    >>> icon.startswith("<svg") and "aria-label='a &lt;house&gt;'" in icon
    True
    """
    return getattr(environment().get_template(template).module, name)


@lru_cache(maxsize=None)
def stylesheet(name: str = "page.css") -> str:
    """The text of a stylesheet shipped in ``templates/``."""
    loader = environment().loader
    assert loader is not None
    source, _, _ = loader.get_source(environment(), name)
    return source


def png_data_uri(png: bytes) -> str:
    """A ``data:`` URI embedding PNG bytes (so pages open offline)."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def page(title: str, body: str, css: str = "", large_print: bool = False, lang: str = "en-GB") -> str:
    """A complete, self-contained HTML document around ``body``.

    ``body`` must be markup produced by a template (wrap it in :class:`Markup`);
    ``css`` is page-specific stylesheet text added after the shared one.
    """
    return render("page.html.j2", title=title, body=Markup(body), css=Markup(css),
                  base_css=Markup(stylesheet()), large_print=large_print, lang=lang)
