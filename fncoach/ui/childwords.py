"""The Words and Pictures panel: the learner explains the plan to the child, gets feedback, prints the page.

A thin view: the checks are :func:`fncoach.childwords.check_draft`, the page is
:func:`fncoach.pages.plan.words_and_pictures_html`.
"""

from __future__ import annotations

import base64
import html
from typing import Any, Iterable, Mapping, Optional

import ipywidgets as widgets

from ..childwords import DRAFT_PARTS, Draft, check_draft, reading_target
from ..model import Assignment
from ..plan import everyday_name
from ._common import ExercisePanel, button, message_html

__all__ = ["WordsPicturesPanel", "build_words_pictures_panel"]

_BOX = widgets.Layout(width="min(100%, 46em)", height="5.5em")
_PROMPTS = {
    "what_happened": "What happened, in a few short sentences. Say it was not their fault.",
    "worries": "What the grown-ups are worried about: what grown-ups might do, and 'so that' you are safe.",
    "plan": "The plan: who will do what, named as the child calls them.",
    "when_worried": "When I feel worried I can… (what to do, and a safe person to go to)",
}


class WordsPicturesPanel(ExercisePanel):
    """Draft the child's Words and Pictures from the learner's plan, check it, and see the printable page."""

    exercise_id = "words_and_pictures"

    def __init__(self, scenario, *, assignments: Optional[Iterable[Assignment]] = None):
        super().__init__()
        self.scenario = scenario
        self.plan = tuple(assignments or ())
        child = scenario.child
        self.check = None
        self.parts = {key: widgets.Textarea(placeholder=_PROMPTS[key], layout=_BOX) for key, _ in DRAFT_PARTS}
        for box in self.parts.values():
            box.observe(self.safely(lambda _c: self._changed()), names="value")
        self.check_button = button(description="Check my words", button_style="primary", icon="check")
        self.check_button.on_click(self.safely(self._on_check))
        self.page_button = button(description="Show the picture-book page", icon="print")
        self.page_button.on_click(self.safely(self._on_page))
        self.page = widgets.HTML("")
        names = sorted({everyday_name(scenario.name_of(p)) for a in self.plan for p in (a.primary, *a.backups) if p})
        plan_note = (f"Your plan's helpers, as {child.name} might call them: {', '.join(names)}." if names else
                     "You have no plan saved yet, so write the plan part from what the network agreed, and make "
                     "your plan in notebook 04 when you can.")
        how = child.communication or "Ask the people who know them best."
        intro = widgets.HTML(
            f"<p style='max-width:46em;line-height:1.45'>The adult plan comes first; now explain it to {child.name}, "
            f"aged {child.age}, in words and pictures. Write for {child.name}: short sentences, people named the way "
            f"{child.name} names them, {child.name}'s own words where you have them, and nothing frightening without "
            f"what keeps {child.name} safe. Aim for reading grade {reading_target(child.age)} or below.</p>"
            f"<p style='max-width:46em;line-height:1.45'><strong>How {html.escape(child.name)} communicates:</strong> "
            f"{html.escape(how)}</p><p style='max-width:46em'>{html.escape(plan_note)}</p>")
        rows = []
        for key, heading in DRAFT_PARTS:
            rows += [widgets.HTML(f"<p style='margin:0.4em 0 0.2em'><strong>{html.escape(heading)}</strong></p>"),
                     self.parts[key]]
        self.children = (intro, *rows, widgets.HBox([self.check_button, self.page_button]), self.message, self.page)

    def draft(self) -> Draft:
        return Draft.from_answers({key: box.value for key, box in self.parts.items()})

    def _on_check(self, _button: Any = None) -> None:
        self.check = check_draft(self.scenario, self.draft(), self.plan)
        lines = [("✓ " if p.level == "good" else "! " if p.level == "warn" else "") + p.message
                 for p in self.check.points]
        self.show("\n".join(lines), self.check.level, self.check.headline)

    def page_html(self) -> str:
        """The printable picture-book page for the draft and the learner's plan."""
        from ..pages.plan import words_and_pictures_html

        return words_and_pictures_html(self.scenario, self.plan, self.draft())

    def _on_page(self, _button: Any = None) -> None:
        document = self.page_html()
        link = "data:text/html;base64," + base64.b64encode(document.encode("utf-8")).decode("ascii")
        self.page.value = (f"<p><a download='words-and-pictures.html' href='{link}'>Download the page to print</a></p>"
                           f"<iframe title='Words and Pictures page' srcdoc='{html.escape(document, quote=True)}' "
                           "style='width:min(100%, 52em);height:36em;border:1px solid #bbb'></iframe>")

    def answers(self) -> dict:
        """``{"draft": {what_happened, worries, plan, when_worried}}``."""
        return {"draft": self.draft().to_dict()}

    def restore(self, answers: Mapping[str, Any]) -> None:
        draft = Draft.from_answers((answers or {}).get("draft") if isinstance(answers, Mapping) else None)
        for key, box in self.parts.items():
            box.value = getattr(draft, key)


def build_words_pictures_panel(scenario, *, assignments: Optional[Iterable[Assignment]] = None,
                               family_time: Optional[Mapping[str, Any]] = None) -> WordsPicturesPanel:
    """The Words and Pictures exercise for the plan the learner wrote.

    With ``family_time`` answers that hold at least one complete job, the draft explains the plan the network
    wrote in Private Family Time (its own jobs and people, see :func:`fncoach.familytime.learner_scenario`);
    otherwise the case's jobs with ``assignments`` (or an empty plan).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_words_pictures_panel(tiny_scenario())
    >>> panel.parts["when_worried"].value = "When I feel worried I can tell Gran."
    >>> panel.check_button.click()
    >>> panel.answers()["draft"]["when_worried"]
    'When I feel worried I can tell Gran.'
    """
    from ..familytime import learner_scenario, plan_from_family_time

    plan = plan_from_family_time(family_time, scenario)
    if plan.tasks:
        return WordsPicturesPanel(learner_scenario(scenario, plan), assignments=plan.assignments)
    return WordsPicturesPanel(scenario, assignments=assignments)
