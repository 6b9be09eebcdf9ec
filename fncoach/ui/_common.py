"""Shared pieces for the widget panels."""

from __future__ import annotations

import functools
import html
import logging
import re
from typing import Any, Callable

import ipywidgets as widgets
import traitlets

__all__ = ["ExercisePanel", "FigureImage", "button", "figure_image", "message_html", "LEVEL_STYLE", "short_caption",
           "with_reason"]

_log = logging.getLogger("fncoach.ui")

#: Feedback level → (symbol, words, border colour). Words and symbol carry the meaning, colour repeats it.
LEVEL_STYLE = {
    "good": ("✓", "Well done", "#009E73"),
    "info": ("ℹ", "Note", "#0072B2"),
    "warn": ("!", "Have another look", "#E69F00"),
    "error": ("✗", "Something needs fixing", "#D55E00"),
}


def button(**options: Any) -> widgets.Button:
    """A button as wide as its label (the ipywidgets default width cuts longer labels off).

    ``align_self`` keeps it that width when it sits straight in a column, instead of stretching across the page.
    """
    options.setdefault("layout", widgets.Layout(width="auto", align_self="flex-start"))
    return widgets.Button(**options)


def short_caption(description: str, limit: int = 160) -> str:
    """The first sentence of a figure's description: the picture's accessible name (its full description is
    shown in the page beside it).

    >>> short_caption("Eco-map of Zoë's network (age 8). Very close to Zoë: Gran.")
    "Eco-map of Zoë's network (age 8)."
    """
    match = re.match(r"(.+?[.!?])(\s|$)", description.strip(), re.DOTALL)
    first = (match.group(1) if match else description.strip()).replace("\n", " ")
    return first if len(first) <= limit else first[: limit - 1].rsplit(" ", 1)[0] + "…"


class FigureImage(widgets.Image):
    """An image widget that can carry a text alternative in its ``tooltip`` (shown as the ``<img>``'s title, which a
    screen reader reads as the picture's name).

    ipywidgets' image view reads a ``description`` before it shows a tooltip and fails without one; this gives it
    an empty one.
    """

    description = traitlets.Unicode("").tag(sync=True)


def figure_image(result: Any = None, *, image: widgets.Image | None = None, png: bytes | None = None,
                 **layout: Any) -> widgets.Image:
    """An image widget showing a figure, named for screen readers by its description.

    ``result`` is a :class:`~fncoach.viz._common.FigureResult`; its PNG (or ``png``) becomes the picture and the
    first sentence of its description the image's text alternative (its ``title``, which a screen reader reads
    as the picture's name). Show the whole description beside it too. Pass ``image`` to update one in place.

    >>> class _Fake:
    ...     description = "A map of Zoë's people. Gran is close."
    ...     def png(self, dpi=100, fast=False): return b"PNG"
    >>> figure_image(_Fake()).tooltip
    "A map of Zoë's people."
    """
    if image is None:
        image = FigureImage(format="png", layout=widgets.Layout(**(layout or {"max_width": "100%"})))
    if result is not None:
        image.value = png if png is not None else result.png()
        image.tooltip = short_caption(result.description)
    return image


def with_reason(control: widgets.Widget, reason: str) -> widgets.HBox:
    """``control`` with a short note beside it saying why it is greyed out, shown only while it is disabled.

    Change the words later with ``box.set_reason(text)``.

    Examples
    --------
    >>> b = widgets.Button(description="Run again", disabled=True)
    >>> box = with_reason(b, "Run the drill first.")
    >>> box.note.layout.display, "Run the drill first." in box.note.value
    ('', True)
    >>> b.disabled = False; box.note.layout.display
    'none'
    """
    note = widgets.HTML(layout=widgets.Layout(display="" if control.disabled else "none"))
    box = widgets.HBox([control, note], layout=widgets.Layout(align_items="center", flex_flow="row wrap"))

    def show(text: str) -> None:
        note.value = (f"<span style='color:#444;font-size:0.95em;margin-left:0.6em'>"
                      f"{html.escape(text)}</span>")

    def follow(_change: Any = None) -> None:
        note.layout.display = "" if control.disabled else "none"

    box.note = note  # type: ignore[attr-defined]
    box.set_reason = show  # type: ignore[attr-defined]
    show(reason)
    control.observe(follow, names="disabled")
    return box


def message_html(text: str, level: str = "info", title: str | None = None) -> str:
    """An accessible feedback box as HTML (symbol and words as well as colour)."""
    symbol, words, colour = LEVEL_STYLE.get(level, LEVEL_STYLE["info"])
    heading = html.escape(title or words)
    body = "".join(f"<p style='margin:0.2em 0'>{html.escape(line)}</p>" for line in text.split("\n") if line.strip())
    return (
        f"<div role='status' style='border-left:6px solid {colour};padding:0.4em 0.8em;margin:0.4em 0;"
        f"background:#fafafa;font-size:1.05em;line-height:1.45'>"
        f"<strong><span aria-hidden='true'>{symbol}</span> {heading}</strong>{body}</div>"
    )


class ExercisePanel(widgets.VBox):
    """Base class for exercise panels.

    Subclasses build their widgets, call :meth:`_changed` whenever the
    learner's answers change, and implement :meth:`answers` and
    :meth:`restore`. Wrap observer and click callbacks with :meth:`safely`.
    """

    exercise_id: str = "exercise"

    def __init__(self, children: tuple = (), **kwargs: Any):
        self.message = widgets.HTML(value="", layout=widgets.Layout(width="auto"))
        super().__init__(children=children, **kwargs)
        self._listeners: list[Callable[[dict], None]] = []

    # -- answers as plain data
    def answers(self) -> dict:
        """The learner's answers as plain, JSON-ready data."""
        raise NotImplementedError

    def restore(self, answers: dict) -> None:
        """Put saved answers back into the widgets."""
        raise NotImplementedError

    def on_answers_changed(self, callback: Callable[[dict], None]) -> None:
        """Call ``callback(answers)`` whenever the learner's answers change."""
        self._listeners.append(callback)

    def _changed(self) -> None:
        data = self.answers()
        for callback in list(self._listeners):
            try:
                callback(data)
            except Exception as error:  # a saving problem must not break the exercise
                _log.exception("answer listener failed")
                self.show(f"Your answer could not be saved just now: {error}", "error")

    # -- feedback
    def show(self, text: str, level: str = "info", title: str | None = None) -> None:
        """Show a feedback message in the panel."""
        self.message.value = message_html(text, level, title)

    def clear_message(self) -> None:
        self.message.value = ""

    def safely(self, callback: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap a widget callback so any error becomes a plain message in the panel, not a traceback."""

        @functools.wraps(callback)
        def wrapper(*args: Any, **kwargs: Any) -> Any:
            try:
                return callback(*args, **kwargs)
            except Exception as error:
                _log.exception("callback failed")
                self.show(
                    f"Sorry, that did not work: {error}. Your earlier work is unchanged. "
                    "If this keeps happening, tell your trainer.",
                    "error",
                )
                return None

        return wrapper
