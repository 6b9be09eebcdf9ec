"""Panels for SOS mapping: sort the cards, write statements, scale safety, hear the child's voice.

Each panel is an :class:`~fncoach.ui._common.ExercisePanel` that calls the
core (:mod:`fncoach.sos`, :mod:`fncoach.statements`, :mod:`fncoach.scaling`)
and holds no rules of its own. The answers of the panels use the keys of the
SOS map answers (:mod:`fncoach.sosmap`), so merging them gives a learner's map
(:func:`fncoach.pages.sosmap.sos_map_html`)::

    answers = {**sort.answers(), **statements.answers(), **scaling.answers()}
    sos_map_html(scenario, answers)

- :func:`build_card_sort_panel` — a column for every information card, then check;
- :func:`build_statement_panel` — harm and worry statements and safety goals, each checked by the statement coach;
- :func:`build_scaling_panel` — what 10 looks like, your own number, then everyone else's and the spread;
- :func:`build_three_houses_panel` — the child's Three Houses: what the network must hear, and how to say it.
"""

from __future__ import annotations

import html
from typing import Any, Mapping

import ipywidgets as widgets

from ..scaling import ScaleError, check_ten_means, has_scale_history, reveal, validate_score
from ..sos import COLUMN_TITLES, check_sort, columns_for, fit_saved_sort
from ..statements import (KINDS, check_agreement, check_statement, compare_with_model, finding_mark,
                          judge_statement_set, statement_boxes)
from ._common import ExercisePanel, button, figure_image, message_html, with_reason

__all__ = [
    "CardSortPanel",
    "StatementPanel",
    "ScalingPanel",
    "ThreeHousesPanel",
    "build_card_sort_panel",
    "build_statement_panel",
    "build_scaling_panel",
    "build_three_houses_panel",
]

_WIDE = widgets.Layout(width="min(100%, 46em)")
_BOX = widgets.Layout(width="min(100%, 46em)", height="6em")
_CHOOSE = "Choose a column…"


def _p(text: str, strong: bool = False) -> widgets.HTML:
    inner = f"<strong>{html.escape(text)}</strong>" if strong else html.escape(text)
    return widgets.HTML(f"<p style='margin:0.5em 0 0.2em;max-width:46em;line-height:1.45'>{inner}</p>")


# ---------------------------------------------------------------------------- card sort


class CardSortPanel(ExercisePanel):
    """Sort the scenario's information cards into the SOS columns, then check."""

    exercise_id = "sos_card_sort"

    def __init__(self, scenario):
        super().__init__()
        self.scenario = scenario
        self.columns = columns_for(scenario)
        options = [(_CHOOSE, "")] + [(COLUMN_TITLES[c], c) for c in self.columns]
        self.choices: dict[str, widgets.Dropdown] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        rows = []
        for number, card in enumerate(scenario.sos.cards, start=1):
            choice = widgets.Dropdown(options=options, value="", description=f"Card {number}",
                                      layout=widgets.Layout(width="min(100%, 34em)"),
                                      style={"description_width": "5em"})
            choice.observe(self.safely(self._on_choice), names="value")
            self.choices[card.id] = choice
            self.feedback[card.id] = widgets.HTML("")
            rows.append(widgets.VBox([_p(f"{number}. {card.text}"), choice, self.feedback[card.id]],
                                     layout=widgets.Layout(border="1px solid #bbb", padding="0.3em 0.6em",
                                                           margin="0.3em 0", width="min(100%, 48em)")))
        self.check_button = button(description="Check my sort", button_style="primary", icon="check")
        self.check_button.on_click(self.safely(self._on_check))
        self.result = None
        columns_help = "".join(f"<li>{html.escape(COLUMN_TITLES[c])}</li>" for c in self.columns)
        intro = widgets.HTML(
            "<p style='max-width:46em;line-height:1.45'>Read each card and choose where it belongs on the SOS map. "
            "Harm, danger and complicating factors answer <em>What are we worried about?</em>; strengths and existing "
            f"safety answer <em>What's working well?</em></p><ul style='max-width:46em'>{columns_help}</ul>")
        self.children = (intro, *rows, self.check_button, self.message)

    def _on_choice(self, change: Any) -> None:
        for card_id, choice in self.choices.items():
            if choice is change["owner"]:
                self.feedback[card_id].value = ""
        self._changed()

    def _on_check(self, _button: Any = None) -> None:
        self.result = check_sort(self.scenario, self.answers()["cards"])
        for card in self.result.cards:
            self.feedback[card.card_id].value = message_html(card.message(), card.level, card.verdict)
        if len(self.result.unplaced) == self.result.total:
            self.show(self.result.summary(), "info", "Nothing to check yet")
            return
        self.show(self.result.summary(), self.result.level, f"{self.result.score} of {self.result.total}")

    def answers(self) -> dict:
        """``{"cards": {card_id: column}}`` for the cards the learner has placed."""
        return {"cards": {card_id: choice.value for card_id, choice in self.choices.items() if choice.value}}

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Put a saved sort back; unknown cards or columns are skipped with a note."""
        placed, skipped = fit_saved_sort(self.scenario, (answers or {}).get("cards") or {})
        for card_id, choice in self.choices.items():
            choice.value = placed.get(card_id, "")
        if skipped:
            self.show(f"Some saved answers did not match this scenario and were left out: {', '.join(skipped)}.", "info")


def build_card_sort_panel(scenario) -> CardSortPanel:
    """The card-sorting exercise for a scenario.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_card_sort_panel(tiny_scenario())
    >>> panel.choices["c1"].value = "harm"
    >>> panel.answers()
    {'cards': {'c1': 'harm'}}
    """
    return CardSortPanel(scenario)


# ---------------------------------------------------------------------------- statements


class _StatementBox(widgets.VBox):
    """One statement: a text box, a check button, feedback and the model to compare."""

    def __init__(self, panel: "StatementPanel", kind: str, label: str, agreement: bool = False):
        self.panel, self.kind, self.agreement = panel, kind, agreement
        self.text = widgets.Textarea(placeholder=f"Write your {KINDS[kind]} here", layout=_BOX)
        self.check = button(description="Check", icon="check", tooltip=f"Check this {KINDS[kind]}")
        self.compare = button(description="Compare with the model", icon="eye", disabled=True)
        self.feedback = widgets.HTML("")
        self.model = widgets.HTML("")
        self.agreed = widgets.Text(placeholder="e.g. Gran, Amara", description="Who agrees?", layout=_WIDE,
                                   style={"description_width": "10em"})
        self.disagreed = widgets.Text(placeholder="e.g. Mum", description="Who does not?", layout=_WIDE,
                                      style={"description_width": "10em"})
        self.check.on_click(panel.safely(self._on_check))
        self.compare.on_click(panel.safely(self._on_compare))
        for box in (self.text, self.agreed, self.disagreed):
            box.observe(panel.safely(lambda _change: panel._changed()), names="value")
        extra = [self.agreed, self.disagreed] if agreement else []
        super().__init__([_p(label, strong=True), self.text, *extra,
                          widgets.HBox([self.check, with_reason(self.compare, "Write and check your statement first.")]),
                          self.feedback, self.model],
                         layout=widgets.Layout(border="1px solid #bbb", padding="0.3em 0.6em", margin="0.3em 0",
                                               width="min(100%, 48em)"))

    def _on_check(self, _button: Any = None) -> None:
        scenario = self.panel.scenario
        result = check_statement(self.text.value, self.kind, scenario)
        extra = check_agreement(self.agreed.value, self.disagreed.value, self.text.value, scenario) \
            if self.agreement and self.text.value.strip() else ()
        lines = [result.summary()]
        for finding in result.findings + extra:
            lines.append(f"{finding_mark(finding)} {finding.message}")
        self.feedback.value = message_html("\n".join(lines), "good" if result.ok else "warn",
                                           "This has all the parts" if result.ok else "Nearly there")
        self.compare.disabled = not self.text.value.strip()
        self.last = result

    def _on_compare(self, _button: Any = None) -> None:
        models = compare_with_model(self.panel.scenario, self.kind, self.text.value)
        if not models:
            self.model.value = message_html("This scenario has no model to compare with.", "info")
            return
        items = "".join(f"<li style='margin:0.3em 0'>{html.escape(m)}</li>" for m in models)
        self.model.value = (f"<div style='max-width:46em;line-height:1.45'><strong>The scenario's model "
                            f"{html.escape(KINDS[self.kind])}{'s' if len(models) > 1 else ''} (closest first):</strong>"
                            f"<ul>{items}</ul><p>What is the same, and what would you change in yours?</p></div>")


class StatementPanel(ExercisePanel):
    """Write harm statements, worry statements and one safety goal per worry, with coaching feedback."""

    exercise_id = "sos_statements"

    def __init__(self, scenario):
        super().__init__()
        self.scenario = scenario
        child = scenario.child.name
        boxes = statement_boxes(scenario)
        n_harm, n_worry = boxes["harm"], boxes["worry"]
        self.harm = [_StatementBox(self, "harm", f"Harm statement {i}: what has happened to {child}, and how it "
                                   "affected them") for i in range(1, n_harm + 1)]
        self.worries = [_StatementBox(self, "worry", f"Worry statement {i}: who is worried, what the person who harms "
                                      f"might do, and what it would mean for {child}", agreement=True)
                        for i in range(1, n_worry + 1)]
        self.goals = [_StatementBox(self, "goal", f"Safety goal {i} (answers worry {i}): who will be doing what, so "
                                    f"that {child}…, who will see it, for how long") for i in range(1, n_worry + 1)]
        self.set_button = button(description="Check the whole set", icon="tasks")
        self.set_button.on_click(self.safely(self._on_set))
        self.children = (
            widgets.HTML("<p style='max-width:46em;line-height:1.45'>Write in plain words a family would use: "
                         "no labels such as 'neglectful' or 'chaotic'. Press <em>Check</em> under each box for "
                         "feedback, then compare with the scenario's model.</p>"),
            _p("What has happened (harm)", strong=True), *self.harm,
            _p("What are we worried might happen (worry statements)", strong=True), *self.worries,
            _p("What needs to happen (safety goals)", strong=True), *self.goals,
            self.set_button, self.message,
        )

    def _on_set(self, _button: Any = None) -> None:
        verdict = judge_statement_set([box.text.value for box in self.harm], [box.text.value for box in self.worries],
                                      [box.text.value for box in self.goals], self.scenario)
        self.show("\n".join(verdict.lines), verdict.level, verdict.title)

    def answers(self) -> dict:
        """``{"harm": [...], "worries": [...], "agreement": [{"agreed", "disagreed"}], "goals": [...]}``."""
        return {
            "harm": [box.text.value for box in self.harm],
            "worries": [box.text.value for box in self.worries],
            "agreement": [{"agreed": box.agreed.value, "disagreed": box.disagreed.value} for box in self.worries],
            "goals": [box.text.value for box in self.goals],
        }

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Put saved statements back (extra ones beyond the boxes are noted, not lost silently)."""
        answers = answers or {}
        dropped = 0
        for key, boxes in (("harm", self.harm), ("worries", self.worries), ("goals", self.goals)):
            values = list(answers.get(key) or [])
            for box, value in zip(boxes, values + [""] * len(boxes)):
                box.text.value = str(value or "")
            dropped += max(0, len([v for v in values[len(boxes):] if str(v or "").strip()]))
        for box, item in zip(self.worries, list(answers.get("agreement") or []) + [{}] * len(self.worries)):
            item = item if isinstance(item, Mapping) else {}
            box.agreed.value = str(item.get("agreed", "") or "")
            box.disagreed.value = str(item.get("disagreed", "") or "")
        if dropped:
            self.show(f"{dropped} saved statement{'s' if dropped != 1 else ''} did not fit the boxes here.", "info")


def build_statement_panel(scenario) -> StatementPanel:
    """The statement-writing exercise with the statement coach.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_statement_panel(tiny_scenario())
    >>> panel.goals[0].text.value = "Mum will attend a course."
    >>> panel.goals[0].check.click()
    >>> "service" in panel.goals[0].feedback.value
    True
    """
    return StatementPanel(scenario)


# ---------------------------------------------------------------------------- scaling


class ScalingPanel(ExercisePanel):
    """The safety scale: what 10 looks like, your own number, then everyone's numbers and the spread."""

    exercise_id = "sos_scaling"

    def __init__(self, scenario):
        super().__init__()
        self.scenario = scenario
        child = scenario.child.name
        question = scenario.sos.scaling.question if scenario.sos.scaling else ""
        self.ten_means = widgets.Textarea(placeholder=f"At 10, {child}…", layout=_BOX)
        self.ten_button = button(description="Save what 10 looks like", icon="check")
        self.ten_feedback = widgets.HTML("")
        self.own_score = widgets.Text(placeholder="0 to 10", description="My number", style={"description_width": "7em"},
                                      layout=widgets.Layout(width="14em"))
        self.own_reason = widgets.Textarea(placeholder="Why that number? What are you seeing?", layout=_BOX)
        self.commit_button = button(description="Commit my number", button_style="primary", icon="lock",
                                    disabled=True)
        self.commit_row = with_reason(self.commit_button, "Save what 10 looks like first (Step 1).")
        self.score_note = widgets.HTML("")
        self.reveal_box = widgets.VBox([])
        self.one_point_up = widgets.Textarea(placeholder="What would move your number one point up?", layout=_BOX)
        self.committed = False
        self.ten_ok = False
        self.ten_button.on_click(self.safely(self._on_ten))
        self.commit_button.on_click(self.safely(self._on_commit))
        for box in (self.ten_means, self.own_score, self.own_reason, self.one_point_up):
            box.observe(self.safely(lambda _change: self._changed()), names="value")
        self.own_score.observe(self.safely(self._on_score), names="value")
        self.children = (
            _p(question),
            _p(f"Step 1. What would 10 look like for {child}? Describe what people would see happening.", strong=True),
            self.ten_means, self.ten_button, self.ten_feedback,
            _p("Step 2. Your own number and reason. Everyone else's numbers stay hidden until you commit yours, "
               "just as each person in a meeting writes theirs down on their own.", strong=True),
            self.own_score, self.score_note, self.own_reason, self.commit_row,
            self.reveal_box, self.message,
        )

    def _on_score(self, _change: Any = None) -> None:
        """Say straight away when the number is not on the scale (not only after Step 1)."""
        text = self.own_score.value.strip()
        if not text:
            self.score_note.value = ""
            return
        try:
            validate_score(text)
        except ScaleError as error:
            self.score_note.value = message_html(str(error), "warn", "Your number")
            return
        self.score_note.value = ""

    def _on_ten(self, _button: Any = None) -> None:
        result = check_ten_means(self.ten_means.value)
        self.ten_ok = result.ok
        self.ten_feedback.value = message_html(result.message, "good" if result.ok else "warn")
        self.commit_button.disabled = self.committed or not result.ok
        self.commit_row.set_reason("Your number is committed." if self.committed else
                                   "Finish what 10 looks like first (Step 1): see the note above.")

    def _on_commit(self, _button: Any = None) -> None:
        if not self.ten_ok:
            self.show("First describe what 10 would look like (Step 1).", "info")
            return
        try:
            result = reveal(self.scenario, self.own_score.value, self.own_reason.value)
        except ScaleError as error:
            self.show(str(error), "warn")
            return
        self.committed = True
        for box in (self.own_score, self.own_reason, self.ten_means):
            box.disabled = True
        self.commit_button.disabled = self.ten_button.disabled = True
        self.commit_row.set_reason("Your number is committed: everyone's numbers are below.")
        self._show_reveal(result)
        self._changed()

    def _show_reveal(self, result) -> None:
        from ..viz.sos import draw_scale_spread

        rows = "".join(
            f"<tr><td>{html.escape(p.name)}</td><td>{html.escape(p.role)}</td><td style='text-align:center'>{p.score}</td>"
            f"<td>{html.escape(p.reason)}</td><td>{html.escape(p.one_point_up)}</td></tr>" for p in result.perspectives)
        table = ("<table style='border-collapse:collapse;max-width:60em' border='1' cellpadding='4'><thead><tr>"
                 "<th>Who</th><th>Role</th><th>Number</th><th>Why</th><th>What would move them one point up</th>"
                 f"</tr></thead><tbody>{rows}</tbody></table>")
        figure = draw_scale_spread(self.scenario, own=result.own_score)
        image = figure_image(figure)
        text_version = widgets.HTML(f"<details><summary>Text version of the figure</summary><p style='max-width:46em'>"
                                    f"{html.escape(figure.description)}</p></details>")
        history = []
        if has_scale_history(self.scenario):
            from ..viz.sos import draw_scale_history

            over_time = draw_scale_history(self.scenario)
            history = [
                _p("How the numbers changed over the meetings in this case", strong=True),
                figure_image(over_time),
                widgets.HTML(f"<details><summary>Text version of the figure</summary><p style='max-width:46em'>"
                             f"{html.escape(over_time.description)}</p></details>"),
            ]
        prompts = "".join(f"<li>{html.escape(p)}</li>" for p in result.prompts)
        self.reveal_box.children = (
            _p("Step 3. Everyone's own number, each given separately", strong=True),
            widgets.HTML(table), image, text_version,
            widgets.HTML(f"<p style='max-width:46em'>{html.escape(result.spread.text)} The numbers are not averaged: "
                         f"each is a conversation. {html.escape(result.comparison)}</p>"),
            _p("One point up: questions to ask each person", strong=True),
            widgets.HTML(f"<ul style='max-width:46em'>{prompts}</ul>"),
            self.one_point_up,
            *history,
        )
        if result.escalations:
            self.show("\n".join(result.escalations), "error", "Immediate safety concern: escalate")
        else:
            self.show("Your number is committed. Compare your reasons with everyone else's.", "good")

    def answers(self) -> dict:
        """``{"ten_means", "own_score" (int or None), "own_reason", "committed", "one_point_up"}``."""
        try:
            from ..scaling import validate_score

            score = validate_score(self.own_score.value)
        except ScaleError:
            score = None
        return {"ten_means": self.ten_means.value, "own_score": score, "own_reason": self.own_reason.value,
                "committed": self.committed, "one_point_up": self.one_point_up.value}

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Put saved answers back; a committed number is revealed again."""
        answers = answers or {}
        self.ten_means.value = str(answers.get("ten_means") or "")
        score = answers.get("own_score")
        self.own_score.value = "" if score is None else str(score)
        self.own_reason.value = str(answers.get("own_reason") or "")
        self.one_point_up.value = str(answers.get("one_point_up") or "")
        if self.ten_means.value:
            self._on_ten()
        if answers.get("committed") and self.ten_ok and not self.committed:
            self._on_commit()


def build_scaling_panel(scenario) -> ScalingPanel:
    """The safety-scale exercise.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_scaling_panel(tiny_scenario())
    >>> panel.reveal_box.children
    ()
    """
    return ScalingPanel(scenario)


# ---------------------------------------------------------------------------- three houses


#: House key → (title, border colour (Okabe–Ito, darkened to 3:1 on white), border style). The title carries the
#: meaning; colour and line style only repeat it.
_HOUSE_LOOK = {
    "worries": ("House of worries", "#0072B2", "4px solid"),
    "good_things": ("House of good things", "#B36F00", "6px double"),
    "dreams": ("House of dreams", "#A8508A", "4px dashed"),
}


def three_houses_html(scenario) -> str:
    """The child's Three Houses as HTML: three houses side by side, each with its title and the child's own words.

    Everything is escaped text (a scenario's words never become markup). A house the case has no words for says
    so, and asks the learner to find out.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> page = three_houses_html(tiny_scenario())
    >>> "House of worries" in page and "House of dreams" in page and page.count("<li>") >= 3
    True
    """
    child = scenario.child
    voice = child.voice
    houses = []
    for key, (title, colour, style) in _HOUSE_LOOK.items():
        words = tuple(getattr(voice, key)) if voice is not None else ()
        items = ("".join(f"<li>{html.escape(w)}</li>" for w in words) if words else
                 f"<li><em>Nothing written yet. Ask {html.escape(child.name)} what goes in this house.</em></li>")
        houses.append(
            f"<div role='group' aria-label='{html.escape(title, quote=True)}' style='flex:1 1 13em;min-width:13em;"
            f"max-width:22em'>"
            f"<div aria-hidden='true' style='height:0;width:0;margin:0 auto;border-left:6.5em solid transparent;"
            f"border-right:6.5em solid transparent;border-bottom:2.6em solid {colour}'></div>"
            f"<div style='border:{style} {colour};border-radius:0 0 0.5em 0.5em;padding:0.6em 0.9em;"
            f"background:#fff;color:#111;min-height:8em'>"
            f"<p style='margin:0 0 0.4em;font-weight:bold'>{html.escape(title)}</p>"
            f"<ul style='margin:0;padding-left:1.2em;line-height:1.45'>{items}</ul></div></div>")
    return (f"<section aria-label='{html.escape(child.name, quote=True)}&#x27;s Three Houses' "
            f"style='display:flex;flex-wrap:wrap;gap:1.2em;margin:0.6em 0 1em'>{''.join(houses)}</section>")


class ThreeHousesPanel(ExercisePanel):
    """The child's Three Houses: choose what the network must hear, say how, and get feedback from the core."""

    exercise_id = "sos_three_houses"
    HOUSES = (("worries", "House of worries"), ("good_things", "House of good things"), ("dreams", "House of dreams"))

    def __init__(self, scenario):
        super().__init__()
        self.scenario = scenario
        child = scenario.child.name
        # drawn in HTML, not as a picture: real text a screen reader reads and the large-text option enlarges,
        # and no plotting library to load before the page opens (issue 17; the packs still draw the picture)
        self.houses = widgets.HTML(three_houses_html(scenario))
        prompts = {
            "worries": f"How you would tell the network what worries {child}, in {child}'s words",
            "good_things": f"How you would tell the network what is good for {child}",
            "dreams": f"How you would tell the network {child}'s dreams",
        }
        voice = scenario.child.voice
        #: House key → {phrase: checkbox}: what the network must hear from the child.
        self.chosen = {key: {phrase: widgets.Checkbox(value=False, description=phrase, indent=False,
                                                      layout=widgets.Layout(width="min(100%, 46em)"))
                             for phrase in (getattr(voice, key) if voice is not None else ())}
                       for key, _ in self.HOUSES}
        self.notes = {key: widgets.Textarea(placeholder=prompts[key], layout=_BOX) for key, _ in self.HOUSES}
        for box in (*self.notes.values(), *(c for boxes in self.chosen.values() for c in boxes.values())):
            box.observe(self.safely(lambda _change: self._changed()), names="value")
        self.feedback = None
        self.save_button = button(description="Check what the network will hear", button_style="primary", icon="check")
        self.save_button.on_click(self.safely(self._on_save))
        rows = []
        for key, title in self.HOUSES:
            rows += [_p(f"{title}: what must the network hear?", strong=True), *self.chosen[key].values(),
                     _p("How you would say it at the meeting"), self.notes[key]]
        self.children = (_p(f"{child}'s own words, in the Three Houses. The child's voice goes first: choose what "
                            f"the network must hear from {child}, and how you would say it at the meeting.",
                            strong=False),
                         self.houses, *rows, self.save_button, self.message)

    def choices(self) -> dict:
        return {key: [phrase for phrase, box in boxes.items() if box.value] for key, boxes in self.chosen.items()}

    def _on_save(self, _button: Any = None) -> None:
        from ..childwords import check_house_message

        self.feedback = check_house_message(self.scenario, self.choices(),
                                            {key: box.value for key, box in self.notes.items()})
        self.show("\n".join(p.message for p in self.feedback.points), self.feedback.level, self.feedback.headline)

    def answers(self) -> dict:
        """``{"house_notes": {house: how you would say it}, "houses_chosen": {house: [the child's phrases]}}``."""
        return {"house_notes": {key: box.value for key, box in self.notes.items()}, "houses_chosen": self.choices()}

    def restore(self, answers: Mapping[str, Any]) -> None:
        notes = (answers or {}).get("house_notes") or {}
        for key, box in self.notes.items():
            box.value = str(notes.get(key) or "") if isinstance(notes, Mapping) else ""
        chosen = (answers or {}).get("houses_chosen") or {}
        for key, boxes in self.chosen.items():
            picked = set(chosen.get(key) or ()) if isinstance(chosen, Mapping) else set()
            for phrase, box in boxes.items():
                box.value = phrase in picked


def build_three_houses_panel(scenario) -> ThreeHousesPanel:
    """The child's Three Houses with the learner's notes.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_three_houses_panel(tiny_scenario())
    >>> sorted(panel.answers()["house_notes"])
    ['dreams', 'good_things', 'worries']
    """
    return ThreeHousesPanel(scenario)
