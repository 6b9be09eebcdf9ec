"""Panels for notebook 01: preparing for a Family Network Meeting, its agenda, safety online, and hard moments.

Each panel shows content from :mod:`fncoach.meetings` and marks the learner's
answers with its check functions; the panels hold no rules of their own.

- :func:`build_preparation_panel` — who is each preparation step for?
- :func:`build_agenda_panel` — put the agenda in order (select a part, move it up or down, check);
- :func:`build_virtual_panel` — tick what keeps a phone or video meeting safe;
- :func:`build_dilemmas_panel` — choose what to do when a meeting gets difficult (feedback on every choice);
- :func:`principles_html`, :func:`private_family_time_html`, :func:`facilitation_tips_html` and
  :func:`agenda_text` — the content to read.
"""

from __future__ import annotations

import html
from typing import Any

import ipywidgets as widgets

from .. import meetings
from ._common import ExercisePanel, message_html

__all__ = [
    "AgendaPanel",
    "PreparationPanel",
    "VirtualPanel",
    "DilemmasPanel",
    "build_agenda_panel",
    "build_preparation_panel",
    "build_virtual_panel",
    "build_dilemmas_panel",
    "principles_html",
    "principles_text",
    "private_family_time_html",
    "facilitation_tips_html",
    "agenda_text",
]

_WIDE = widgets.Layout(width="min(100%, 46em)")
_BUTTON = widgets.Layout(width="auto", align_self="flex-start", margin="0.4em 0")


def _p(text: str, strong: bool = False) -> widgets.HTML:
    inner = f"<strong>{html.escape(text)}</strong>" if strong else html.escape(text)
    return widgets.HTML(f"<p style='margin:0.5em 0 0.2em;max-width:46em;line-height:1.45'>{inner}</p>")


def _show_feedback(panel: ExercisePanel, feedback: meetings.Feedback) -> None:
    title = f"{feedback.score} of {feedback.out_of}" + (" — well done" if feedback.correct else "")
    panel.show(feedback.text, feedback.level, title)


# ---------------------------------------------------------------------------- reading


def principles_html() -> str:
    """The four principles as a numbered list."""
    items = "".join(f"<li style='margin:0.4em 0'><strong>{html.escape(p.title)}.</strong> {html.escape(p.meaning)}</li>"
                    for p in meetings.PRINCIPLES)
    return f"<ol style='max-width:46em;line-height:1.45'>{items}</ol>"


def principles_text() -> str:
    """The four principles as plain numbered text, each with what it means in practice.

    Examples
    --------
    >>> principles_text().startswith("1. Every child and every parent has a network")
    True
    """
    import textwrap

    return "\n\n".join(
        textwrap.fill(f"{i}. {p.title}.", 88, subsequent_indent="   ") + "\n"
        + textwrap.fill(p.meaning, 88, initial_indent="   ", subsequent_indent="   ")
        for i, p in enumerate(meetings.PRINCIPLES, start=1))


def private_family_time_html() -> str:
    """What Private Family Time is and how it works, as a list."""
    items = "".join(f"<li style='margin:0.3em 0'>{html.escape(line)}</li>" for line in meetings.PRIVATE_FAMILY_TIME)
    return f"<ul style='max-width:46em;line-height:1.45'>{items}</ul>"


def facilitation_tips_html() -> str:
    """What a facilitator keeps an eye on, as a list."""
    items = "".join(f"<li style='margin:0.3em 0'>{html.escape(line)}</li>" for line in meetings.FACILITATION_TIPS)
    return f"<ul style='max-width:46em;line-height:1.45'>{items}</ul>"


def agenda_text() -> str:
    """The agenda in order, one numbered line per part.

    Examples
    --------
    >>> agenda_text().splitlines()[5]
    '6. Private Family Time'
    """
    return "\n".join(f"{i}. {item.title}" for i, item in enumerate(meetings.AGENDA, start=1))


# ---------------------------------------------------------------------------- preparation


class PreparationPanel(ExercisePanel):
    """Choose who each preparation step is for. Answers: ``{"choices": {step_id: audience}}``."""

    exercise_id = "fnm_preparation"

    def __init__(self) -> None:
        options = [("Choose…", "")] + [(words[:1].upper() + words[1:], key)
                                       for key, words in meetings.AUDIENCES.items()]
        self.choices: dict[str, widgets.Dropdown] = {}
        rows: list[widgets.Widget] = [_p("Who is each step for? Choose from the list beside each one, "
                                         "then press “Check my answers”.")]
        for step in meetings.PREPARATION_STEPS:
            # a visible label a screen reader reads out (the step's words are just before it)
            dropdown = widgets.Dropdown(options=options, value="", description="For:",
                                        style={"description_width": "initial"}, layout=widgets.Layout(width="19em"))
            dropdown.observe(self.safely(lambda _c: self._changed()), names="value")
            self.choices[step.id] = dropdown
            text = widgets.HTML(f"<div style='max-width:30em;line-height:1.35'>{html.escape(step.text)}</div>",
                                layout=widgets.Layout(width="min(60%, 30em)"))
            rows.append(widgets.HBox([text, dropdown], layout=widgets.Layout(margin="0.2em 0",
                                                                           align_items="center")))
        self.check_button = widgets.Button(description="Check my answers", button_style="primary", icon="check",
                                           layout=_BUTTON)
        self.check_button.on_click(self.safely(lambda _b: self.check()))
        super().__init__(children=(*rows, self.check_button))
        self.children = (*self.children, self.message)

    def check(self) -> meetings.Feedback:
        feedback = meetings.check_preparation(self.answers()["choices"])
        _show_feedback(self, feedback)
        return feedback

    def answers(self) -> dict:
        return {"choices": {key: box.value for key, box in self.choices.items() if box.value}}

    def restore(self, answers: dict) -> None:
        saved = answers.get("choices", {})
        for key, box in self.choices.items():
            value = saved.get(key, "")
            box.value = value if value in dict((v, v) for _, v in box.options) else ""


def build_preparation_panel() -> PreparationPanel:
    """The preparation exercise (12 steps; child, family and network, or other agencies)."""
    return PreparationPanel()


# ---------------------------------------------------------------------------- agenda


class AgendaPanel(ExercisePanel):
    """Put the agenda in order. Answers: ``{"order": [agenda ids]}``.

    Select a part in the list and press "Move up" or "Move down"; "Check my order" gives feedback.
    """

    exercise_id = "fnm_agenda"

    def __init__(self, seed: int = 0) -> None:
        self._titles = {item.id: item.title for item in meetings.AGENDA}
        self.order: list[str] = list(meetings.shuffled_agenda(seed))
        self.listing = widgets.Select(options=self._options(), rows=len(self.order), description="Agenda:",
                                      style={"description_width": "initial"},
                                      layout=widgets.Layout(width="min(100%, 32em)"))
        self.up = widgets.Button(description="Move up", icon="arrow-up", layout=widgets.Layout(width="9em"))
        self.down = widgets.Button(description="Move down", icon="arrow-down", layout=widgets.Layout(width="9em"))
        self.check_button = widgets.Button(description="Check my order", button_style="primary", icon="check",
                                           layout=_BUTTON)
        self.up.on_click(self.safely(lambda _b: self.move(-1)))
        self.down.on_click(self.safely(lambda _b: self.move(+1)))
        self.check_button.on_click(self.safely(lambda _b: self.check()))
        intro = _p("These are the parts of a Family Network Meeting, mixed up. Click a part, then move it up "
                   "or down until the meeting runs in the right order. Then press “Check my order”.")
        super().__init__(children=(intro, widgets.HBox([self.listing, widgets.VBox([self.up, self.down])]),
                                   self.check_button))
        self.children = (*self.children, self.message)

    def _options(self) -> list[tuple[str, str]]:
        return [(f"{i}. {self._titles[x]}", x) for i, x in enumerate(self.order, start=1)]

    def move(self, step: int) -> None:
        """Move the selected part ``step`` places (−1 up, +1 down)."""
        chosen = self.listing.value
        if chosen is None:
            self.show("First click a part of the meeting in the list, then move it.", "info")
            return
        i = self.order.index(chosen)
        j = max(0, min(len(self.order) - 1, i + step))
        if i == j:
            return
        self.order[i], self.order[j] = self.order[j], self.order[i]
        self.listing.options = self._options()
        self.listing.value = chosen
        self.clear_message()
        self._changed()

    def check(self) -> meetings.Feedback:
        feedback = meetings.check_agenda_order(self.order)
        _show_feedback(self, feedback)
        return feedback

    def answers(self) -> dict:
        return {"order": list(self.order)}

    def restore(self, answers: dict) -> None:
        order = [str(x) for x in answers.get("order", [])]
        if sorted(order) != sorted(self._titles):
            raise ValueError("the saved order does not match this agenda")
        self.order = order
        self.listing.options = self._options()


def build_agenda_panel(seed: int = 0) -> AgendaPanel:
    """The agenda-ordering exercise, starting from a mixed-up order (``seed`` picks the mix)."""
    return AgendaPanel(seed)


# ---------------------------------------------------------------------------- virtual meetings


class VirtualPanel(ExercisePanel):
    """Tick what keeps a phone or video meeting safe. Answers: ``{"ticked": [practice ids]}``."""

    exercise_id = "fnm_virtual"

    def __init__(self) -> None:
        self.boxes: dict[str, widgets.Checkbox] = {}
        rows: list[widgets.Widget] = [_p("You are setting up a Family Network Meeting by video, with some of the "
                                         "network joining by phone. Tick everything that keeps it safe, then press "
                                         "“Check my answers”.")]
        for practice in meetings.VIRTUAL_PRACTICES:
            box = widgets.Checkbox(value=False, description=practice.text, indent=False, layout=_WIDE)
            box.observe(self.safely(lambda _c: self._changed()), names="value")
            self.boxes[practice.id] = box
            rows.append(box)
        self.check_button = widgets.Button(description="Check my answers", button_style="primary", icon="check",
                                           layout=_BUTTON)
        self.check_button.on_click(self.safely(lambda _b: self.check()))
        super().__init__(children=(*rows, self.check_button))
        self.children = (*self.children, self.message)

    def check(self) -> meetings.Feedback:
        feedback = meetings.check_virtual_choices(self.answers()["ticked"])
        _show_feedback(self, feedback)
        return feedback

    def answers(self) -> dict:
        return {"ticked": [key for key, box in self.boxes.items() if box.value]}

    def restore(self, answers: dict) -> None:
        ticked = set(answers.get("ticked", []))
        for key, box in self.boxes.items():
            box.value = key in ticked


def build_virtual_panel() -> VirtualPanel:
    """The safe-virtual-meeting exercise."""
    return VirtualPanel()


# ---------------------------------------------------------------------------- dilemmas


class DilemmasPanel(ExercisePanel):
    """Hard moments in a meeting: choose a response (A, B, C…) to each and get feedback at once.

    Answers: ``{"choices": {dilemma_id: option_id}}``.
    """

    exercise_id = "fnm_dilemmas"

    def __init__(self, dilemma_ids: tuple[str, ...] | None = None) -> None:
        chosen = [meetings.dilemma(d) for d in dilemma_ids] if dilemma_ids else list(meetings.DILEMMAS)
        self.radios: dict[str, widgets.RadioButtons] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        rows: list[widgets.Widget] = []
        for number, item in enumerate(chosen, start=1):
            letters = [chr(ord("A") + i) for i in range(len(item.options))]
            radio = widgets.ToggleButtons(options=[(letter, o.id) for letter, o in zip(letters, item.options)],
                                          value=None, description="My choice:",
                                          style={"description_width": "initial", "button_width": "3.2em"},
                                          tooltips=[o.text for o in item.options])
            note = widgets.HTML()
            radio.observe(self.safely(lambda change, d=item.id: self._chosen(d, change["new"])), names="value")
            self.radios[item.id] = radio
            self.feedback[item.id] = note
            choices = "".join(f"<li style='margin:0.25em 0'><strong>{letter}.</strong> {html.escape(o.text)}</li>"
                              for letter, o in zip(letters, item.options))
            rows.append(widgets.HTML(
                f"<h4 style='margin:0.8em 0 0.2em'>{number}. {html.escape(item.title)}</h4>"
                f"<p style='margin:0.2em 0;max-width:46em;line-height:1.45'>{html.escape(item.situation)}</p>"
                f"<p style='margin:0.2em 0'><strong>{html.escape(item.question)}</strong></p>"
                f"<ul style='list-style:none;padding-left:0.5em;margin:0.2em 0;max-width:46em;line-height:1.4'>"
                f"{choices}</ul>"))
            rows.extend([radio, note])
        super().__init__(children=tuple(rows))
        self.children = (*self.children, self.message)

    def _chosen(self, dilemma_id: str, option_id: str | None) -> None:
        if option_id is None:
            self.feedback[dilemma_id].value = ""
            return
        feedback = meetings.check_dilemma(dilemma_id, option_id)
        self.feedback[dilemma_id].value = message_html(feedback.text, feedback.level)
        self._summarise()
        self._changed()

    def _summarise(self) -> None:
        summary = meetings.check_dilemmas({d: r.value for d, r in self.radios.items()}, list(self.radios))
        if summary is not None:
            self.show(summary.text, summary.level, "All answered")

    def answers(self) -> dict:
        return {"choices": {d: r.value for d, r in self.radios.items() if r.value}}

    def restore(self, answers: dict) -> None:
        saved = answers.get("choices", {})
        for d, radio in self.radios.items():
            value = saved.get(d)
            radio.value = value if value in [v for _, v in radio.options] else None


def build_dilemmas_panel(dilemma_ids: tuple[str, ...] | None = None) -> DilemmasPanel:
    """The facilitation dilemmas (all of them, or the ids given), with feedback on every choice.

    Examples
    --------
    >>> panel = build_dilemmas_panel(("unsafe_person",))
    >>> panel.radios["unsafe_person"].value = "explore"
    >>> panel.answers()
    {'choices': {'unsafe_person': 'explore'}}
    >>> "A strong choice" in panel.feedback["unsafe_person"].value
    True
    """
    return DilemmasPanel(dilemma_ids)
