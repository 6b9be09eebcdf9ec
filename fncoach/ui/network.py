"""Network panels: build a network, find the people nobody asked about, ask "what if?".

Three thin views over the core:

* :func:`build_network_builder_panel` — add, change and remove people and
  ties through form widgets; the eco-map and the strength breakdown redraw
  after every change; undo; save as a scenario file.
* :func:`build_finding_panel` — ask questions from a question bank and watch
  the people they find join the eco-map (uses :mod:`fncoach.finding`).
* :func:`build_whatif_panel` — pick a change (someone leaves, moves away, a
  tie becomes stressful) and see the before/after strength and why.

The panels hold no rules of their own: what a form's values mean as changes
(new ids, who counts as paid, the direction of help, the child-alone starting
point, when a network can be saved) is in :mod:`fncoach.builder`; the
ready-made what-ifs and saving and replaying changes are in
:mod:`fncoach.whatif`; finding people is in :mod:`fncoach.finding`. Every
change goes through :func:`fncoach.whatif.apply_changes`, which checks it and
explains any problem in plain words. The learner's work is plain data (the
list of changes made), so the course can save it and put it back with
``restore``.

Examples
--------
>>> from fncoach.network import _tiny_network_for_doctest
>>> panel = build_network_builder_panel(_tiny_network_for_doctest())
>>> panel.person_name.value = "Auntie Bee"
>>> panel.person_relationship.value = "Mum's friend"
>>> panel.person_save.click()
>>> [p.name for p in panel.scenario.people]
['Gran Ada', 'Mum Jo', 'Dev', 'Auntie Bee']
>>> panel.undo_button.click()
>>> len(panel.scenario.people)
3
"""

from __future__ import annotations

import html
import time
from pathlib import Path
from typing import Any, Callable, Sequence, Union

import ipywidgets as widgets

from ..builder import (blank_scenario, file_name_for, orient_help, person_changes, save_problem, tie_between,
                       tie_changes)
from ..model import SUPPORT_KINDS, Scenario
from ..scenario import save_scenario
from ..strength import StrengthReport, analyse_strength
from ..whatif import (
    WHAT_IF_PRESETS,
    RemovePerson,
    RemoveTie,
    apply_changes,
    change_to_data,
    preset_changes,
    replay_changes,
    usable_tries,
    what_if,
)
from ._common import ExercisePanel, FigureImage, button, figure_image, with_reason

#: Where a built network is saved: a folder, or a function giving the learner's own folder (None: no name yet).
SaveDir = Union[str, Path, Callable[[], Union[Path, None]], None]

__all__ = [
    "NetworkBuilderPanel",
    "FindingPanel",
    "WhatIfPanel",
    "build_network_builder_panel",
    "build_finding_panel",
    "build_whatif_panel",
    "strength_html",
]

_DOMAIN_WORDS = {
    "household": "Lives in the same home",
    "family": "Family (relatives)",
    "friends": "Friends",
    "school_work": "School or work",
    "community_faith": "Community or faith",
    "professional": "Professional (paid worker)",
}
_CLOSENESS_WORDS = {3: "Very close", 2: "Quite close", 1: "Not very close"}
_CONTACT_WORDS = {
    "daily": "Every day",
    "several_a_week": "Several times a week",
    "weekly": "Every week",
    "monthly": "Every month",
    "few_times_a_year": "A few times a year",
    "rarely": "Rarely",
    "never": "Never",
}
_SAFETY_WORDS = {"safe": "Safe", "to_explore": "Not yet explored", "worry": "A worry"}
_QUALITY_WORDS = {
    "strong": "Strong",
    "moderate": "Moderate",
    "normal": "Normal",
    "weak": "Weak or on and off",
    "stressful": "Stressful",
    "conflict": "In conflict",
    "cut_off": "Cut off",
}
_HELP_WORDS = {"a_to_b": "First helps second", "b_to_a": "Second helps first", "both": "Both help each other",
               "none": "Neither"}
_SUPPORT_WORDS = {"emotional": "Emotional (listens, comforts)", "practical": "Practical (lifts, meals, childcare)",
                  "information": "Information and advice"}
_NEW = "__new__"


# --------------------------------------------------------------------------- shared views


def strength_html(report: StrengthReport, before: StrengthReport | None = None) -> str:
    """The strength breakdown as an accessible HTML table (score, each part, its reason and a suggestion).

    Examples
    --------
    >>> from fncoach.strength import Component, StrengthReport
    >>> page = strength_html(StrengthReport(50, (Component("plan_backup", "Backups", 0.5, 1.0, "Half.", "Ask Dev."),)))
    >>> "50 out of 100" in page and "Ask Dev." in page
    True
    """
    old = {c.name: c.value for c in before.components} if before is not None else {}
    heading = (f"Network strength: {before.score} → {report.score} out of 100" if before is not None
               else f"Network strength: {report.score} out of 100")
    rows = []
    for c in report.components:
        filled = round(c.value * 10)
        bar = "■" * filled + "□" * (10 - filled)
        value = f"{c.value:.2f}"
        if before is not None:
            value = f"{old.get(c.name, 0.0):.2f} → {c.value:.2f}"
        rows.append(
            f"<tr><th scope='row' style='text-align:left;padding:2px 8px'>{html.escape(c.title)}</th>"
            f"<td style='font-family:monospace;white-space:nowrap' aria-hidden='true'>{bar}</td>"
            f"<td style='padding:2px 8px;white-space:nowrap'>{value}</td>"
            f"<td style='padding:2px 8px'>{html.escape(c.reason)}<br><em>{html.escape(c.suggestion)}</em></td></tr>")
    return (f"<div><strong style='font-size:1.1em'>{html.escape(heading)}</strong>"
            "<table style='border-collapse:collapse;font-size:0.95em'><thead><tr><th>Part</th><th>Bar</th>"
            "<th>Value (0 weak, 1 strong)</th><th>Why, and what to ask next</th></tr></thead><tbody>"
            + "".join(rows) + "</tbody></table></div>")


_DPI = 96  # CSS pixels per inch: text shows at its true point size
#: Eco-maps are drawn larger, so their 8-point labels are at least 12 pixels high on screen (8 × 110 / 72 ≈ 12.2)
#: and the map still fits a 1366-pixel-wide screen.
_MAP_DPI = 110


def _png(result: Any, dpi: int = _DPI) -> bytes:
    return result.png(dpi, fast=True)  # fast: these images are shown, not stored


def _png_width(png: bytes) -> int:
    """The width in pixels written in a PNG's header.

    >>> _png_width(b"\\x89PNG\\r\\n\\x1a\\n" + b"\\x00\\x00\\x00\\rIHDR" + (640).to_bytes(4, "big") + bytes(4))
    640
    """
    return int.from_bytes(png[16:20], "big")


def _figure_view() -> tuple[widgets.Image, widgets.HTML]:
    # hidden until it has a picture: an empty image shows as a broken-image icon in a browser
    image = FigureImage(format="png", layout=widgets.Layout(width="auto", max_width="100%", height="auto",
                                                               display="none"))
    alt = widgets.HTML(value="")
    return image, alt


def _show_figure(image: widgets.Image, alt: widgets.HTML, result: Any, dpi: int = _DPI) -> None:
    png = _png(result, dpi)
    figure_image(result, image=image, png=png)  # the picture, named for screen readers
    image.layout.display = None
    # shown at its own size (never stretched), shrinking only to fit a narrow screen
    image.layout.width = f"{_png_width(png)}px"
    lines = "".join(f"<li>{html.escape(line)}</li>" for line in result.description.splitlines())
    alt.value = f"<details><summary>Text description of the picture</summary><ul>{lines}</ul></details>"


def _scrolling(image: widgets.Image) -> widgets.Box:
    """A map shown at full size (labels readable), scrolling sideways on a narrow screen instead of shrinking."""
    image.layout.max_width = "none"
    box = widgets.Box([image], layout=widgets.Layout(overflow_x="auto", max_width="100%"))
    # a region that scrolls must be reachable with the keyboard (then the arrow keys scroll it): in app mode the
    # page makes every fncoach-scroll box focusable and names it (see the Voilà template)
    box.add_class("fncoach-scroll")
    return box


def _options(words: dict) -> list[tuple[str, Any]]:
    return [(label, key) for key, label in words.items()]


# --------------------------------------------------------------------------- the network builder


class NetworkBuilderPanel(ExercisePanel):
    """Build a child's network with forms; see the eco-map and strength after each change.

    Attributes
    ----------
    scenario : Scenario
        The network as it is now.
    history : list of list of change
        Each learner action (one click) as the changes it made, oldest first.
    last_timing : float
        Seconds the last change took to re-analyse and redraw.
    """

    exercise_id = "network_builder"

    def __init__(self, scenario: Scenario | None = None, *, save_dir: SaveDir = None,
                 asked: Sequence[str] | None = None):
        super().__init__()
        self.base = scenario if scenario is not None else blank_scenario()
        self.scenario = self.base
        # People the workers have not found yet stay off the map (and out of the lists) until the learner finds
        # them in the finding exercise: the builder never gives them away.
        self.found_before = self._found(asked)
        found = {f.person_id for f in self.found_before.found} if self.found_before else set()
        self.hidden = frozenset(p.id for p in self.base.people if not p.is_known and p.id not in found)
        self.history: list[list[Any]] = []
        self._states: list[Scenario] = []
        self._save_dir = save_dir
        self.last_timing = 0.0
        self.report: StrengthReport | None = None
        child = self.base.child

        style = {"description_width": "11em"}
        wide = widgets.Layout(width="34em")
        # person form
        self.person_pick = widgets.Dropdown(description="Person", style=style, layout=wide)
        self.person_name = widgets.Text(description="Name", placeholder="e.g. Nana Pat", style=style, layout=wide)
        self.person_relationship = widgets.Text(description=f"Who they are to {child.name}",
                                                placeholder="e.g. maternal grandmother", style=style, layout=wide)
        self.person_domain = widgets.Dropdown(options=_options(_DOMAIN_WORDS), value="family",
                                              description="Part of life", style=style, layout=wide)
        self.person_closeness = widgets.Dropdown(options=_options(_CLOSENESS_WORDS), value=2,
                                                 description=f"Closeness to {child.name}", style=style, layout=wide)
        self.person_contact = widgets.Dropdown(options=_options(_CONTACT_WORDS), value="weekly",
                                               description="How often in touch", style=style, layout=wide)
        self.person_support = {kind: widgets.Checkbox(value=False, description=_SUPPORT_WORDS[kind], indent=False)
                               for kind in SUPPORT_KINDS}
        self.person_safety = widgets.Dropdown(options=_options(_SAFETY_WORDS), value="safe",
                                              description="Safety", style=style, layout=wide)
        self.person_safety_reason = widgets.Text(description="Why (if not safe)", style=style, layout=wide,
                                                 placeholder="What is known, in plain words")
        self.person_save = button(description="Add person", button_style="primary", icon="plus")
        self.person_remove = button(description="Remove person", icon="trash", disabled=True)
        self.person_remove_row = with_reason(self.person_remove, "Choose someone in the Person list to remove them.")
        person_box = widgets.VBox([
            self.person_pick, self.person_name, self.person_relationship, self.person_domain,
            self.person_closeness, self.person_contact,
            widgets.HTML("<b>Support they give</b>"), widgets.HBox(list(self.person_support.values())),
            self.person_safety, self.person_safety_reason, widgets.HBox([self.person_save, self.person_remove_row]),
        ])
        # tie form
        self.tie_a = widgets.Dropdown(description="First", style=style, layout=wide)
        self.tie_b = widgets.Dropdown(description="Second", style=style, layout=wide)
        self.tie_closeness = widgets.Dropdown(options=_options(_CLOSENESS_WORDS), value=2, description="Closeness",
                                              style=style, layout=wide)
        self.tie_quality = widgets.Dropdown(options=_options(_QUALITY_WORDS), value="normal",
                                            description="How it feels", style=style, layout=wide)
        self.tie_contact = widgets.Dropdown(options=_options(_CONTACT_WORDS), value="monthly",
                                            description="How often in touch", style=style, layout=wide)
        self.tie_help = widgets.Dropdown(options=_options(_HELP_WORDS), value="none", description="Who helps whom",
                                         style=style, layout=wide)
        self.tie_save = button(description="Add or change tie", button_style="primary", icon="link")
        self.tie_remove = button(description="Remove tie", icon="unlink")
        tie_box = widgets.VBox([self.tie_a, self.tie_b, self.tie_closeness, self.tie_quality, self.tie_contact,
                                self.tie_help, widgets.HBox([self.tie_save, self.tie_remove])])
        forms = widgets.Tab(children=[person_box, tie_box])
        forms.set_title(0, "People")
        forms.set_title(1, "Ties")
        # undo and save
        self.undo_button = button(description="Undo", icon="undo", disabled=True)
        self.file_name = widgets.Text(value="", description="Name your network", style=style,
                                      placeholder=f"for example: {child.name}'s network",
                                      layout=widgets.Layout(width="min(100%, 34em)"))
        self.save_button = button(description="Save as scenario", icon="save")
        # views
        self.ecomap_image, self.ecomap_alt = _figure_view()
        self.key_image, self.key_alt = _figure_view()
        self.key_box = widgets.Accordion(children=[widgets.VBox([_scrolling(self.key_image), self.key_alt])],
                                         selected_index=None)
        self.key_box.set_title(0, "Key: how to read the eco-map")
        from ..viz.ecomap import draw_ecomap_key

        _show_figure(self.key_image, self.key_alt, draw_ecomap_key(child.name), _MAP_DPI)
        self.strength_view = widgets.HTML()
        self.children = (
            widgets.HTML(f"<h3>Build {html.escape(child.name)}'s network</h3>"
                         "<p>Add the people around the child, then the ties between them. The eco-map and the "
                         "strength breakdown change as you go. Nothing is lost: <b>Undo</b> takes back the last "
                         "change.</p>"),
            forms,
            widgets.HBox([with_reason(self.undo_button, "Nothing to undo yet."), self.file_name, self.save_button],
                         layout=widgets.Layout(flex_flow="row wrap")),
            self.message,
            _scrolling(self.ecomap_image),
            self.ecomap_alt,
            self.key_box,
            self.strength_view,
        )
        self.person_pick.observe(self.safely(self._on_pick), names="value")
        self.person_save.on_click(self.safely(lambda _b: self._save_person()))
        self.person_remove.on_click(self.safely(lambda _b: self._remove_person()))
        self.tie_save.on_click(self.safely(lambda _b: self._save_tie()))
        self.tie_remove.on_click(self.safely(lambda _b: self._remove_tie()))
        self.tie_a.observe(self.safely(self._on_tie_pick), names="value")
        self.tie_b.observe(self.safely(self._on_tie_pick), names="value")
        self.undo_button.on_click(self.safely(lambda _b: self.undo()))
        self.save_button.on_click(self.safely(lambda _b: self.save()))
        self._refresh()

    # -- the learner's work as plain data
    def answers(self) -> dict:
        """``{"changes": [[change, ...], ...]}``: every action taken, each as plain data."""
        return {"changes": [[change_to_data(c) for c in group] for group in self.history]}

    def restore(self, answers: dict) -> None:
        """Replay saved actions from the starting scenario; a change that no longer fits is skipped with a note."""
        replay = replay_changes(self.base, (answers or {}).get("changes", []))
        self.scenario, self._states = replay.scenario, list(replay.states)
        self.history = [list(group) for group in replay.history]
        skipped = replay.skipped
        self._refresh()
        if skipped:
            self.show(f"{skipped} saved change{'s' if skipped != 1 else ''} could not be put back "
                      "(the scenario may have changed since). Everything else is restored.", "warn")

    # -- actions
    def apply(self, changes: Sequence[Any]) -> bool:
        """Make one learner action; on a problem show it and change nothing. True when the change was made."""
        start = time.perf_counter()
        try:
            new = apply_changes(self.scenario, list(changes))
        except ValueError as error:
            self.show(str(error), "warn", "That change was not made")
            return False
        self._states.append(self.scenario)
        self.history.append(list(changes))
        self.scenario = new
        self._refresh()
        self.last_timing = time.perf_counter() - start
        self.clear_message()
        self._changed()
        return True

    def undo(self) -> None:
        """Take back the last action."""
        if not self.history:
            self.show("There is nothing to undo yet.", "info")
            return
        self.history.pop()
        self.scenario = self._states.pop()
        self._refresh()
        self.show("The last change was taken back.", "info")
        self._changed()

    def _found(self, asked: Sequence[str] | None):
        """What the learner's questions found (``None`` when they have not asked any)."""
        from ..finding import QUESTIONS, ask

        known = {q.id for q in QUESTIONS}
        asked = [q for q in (asked or ()) if q in known]
        return ask(self.base, asked) if asked and self.base.people else None

    @property
    def save_dir(self) -> Path | None:
        """Where *Save as scenario* writes: the learner's own folder (``None`` until the learner gives a name)."""
        folder = self._save_dir() if callable(self._save_dir) else self._save_dir
        return Path(folder) if folder is not None else (None if callable(self._save_dir) else Path.cwd())

    def save(self) -> Path | None:
        """Save the network as a scenario file named by the learner, in their own folder (written safely)."""
        title = self.file_name.value.strip()
        if not title:
            self.show("Give your network a name first (in the box beside the button).", "info", "Not saved yet")
            return None
        name = file_name_for(title)
        if not name:
            self.show("Use some letters or numbers in the name of your network.", "warn", "The file was not saved")
            return None
        problem = save_problem(self.scenario, name)
        if problem is not None:
            self.show(problem, "warn", "The file was not saved")
            return None
        folder = self.save_dir
        if folder is None:
            self.show("Type your name at the top of the page first: your network is saved in your own folder, "
                      "under your name.", "info", "Not saved yet")
            return None
        path = save_scenario(self.scenario, folder / name)
        where = f"“{folder.parent.name} › {folder.name}”"
        self.show(f"Saved as “{path.stem}” in your own folder of saved work ({where}), "
                  "next to your answers. Your trainer can open it from there.", "good", "Saved")
        return path

    def _person_form_values(self) -> dict:
        return {
            "name": self.person_name.value.strip(),
            "relationship": self.person_relationship.value.strip(),
            "domain": self.person_domain.value,
            "support": tuple(k for k, box in self.person_support.items() if box.value),
            "safety": {"status": self.person_safety.value, "reason": self.person_safety_reason.value.strip()},
        }

    def _save_person(self) -> None:
        pick = None if self.person_pick.value == _NEW else self.person_pick.value
        try:
            pid, changes = person_changes(self.scenario, pick, self._person_form_values(),
                                          closeness=self.person_closeness.value, contact=self.person_contact.value)
        except ValueError as error:
            self.show(str(error), "warn", "That change was not made")
            return
        if self.apply(changes):
            self.person_pick.value = pid

    def _remove_person(self) -> None:
        if self.person_pick.value == _NEW:
            return
        if self.apply([RemovePerson(self.person_pick.value)]):
            self.person_pick.value = _NEW

    def _save_tie(self) -> None:
        values = {"closeness": self.tie_closeness.value, "quality": self.tie_quality.value,
                  "contact": self.tie_contact.value, "help": self.tie_help.value}
        try:
            changes = tie_changes(self.scenario, self.tie_a.value, self.tie_b.value, values)
        except ValueError as error:
            self.show(str(error), "warn", "That change was not made")
            return
        self.apply(changes)

    def _remove_tie(self) -> None:
        self.apply([RemoveTie(self.tie_a.value, self.tie_b.value)])

    # -- keeping the forms and views in step
    def _on_pick(self, change: dict) -> None:
        pick = change["new"]
        if pick == _NEW or pick is None:
            self.person_save.description = "Add person"
            self.person_remove.disabled = True
            self.person_name.value = ""
            self.person_relationship.value = ""
            for box in self.person_support.values():
                box.value = False
            self.person_safety.value = "safe"
            self.person_safety_reason.value = ""
            return
        person = self.scenario.person(pick)
        self.person_save.description = "Save changes"
        self.person_remove.disabled = False
        self.person_name.value = person.name
        self.person_relationship.value = person.relationship
        self.person_domain.value = person.domain
        for kind, box in self.person_support.items():
            box.value = kind in person.support
        self.person_safety.value = person.safety.status
        self.person_safety_reason.value = person.safety.reason
        tie = tie_between(self.scenario, self.scenario.child.id, pick)
        if tie is not None:
            self.person_closeness.value = tie.closeness
            self.person_contact.value = tie.contact

    def _on_tie_pick(self, _change: dict) -> None:
        tie = tie_between(self.scenario, self.tie_a.value, self.tie_b.value)
        if tie is None:
            self.tie_save.description = "Add tie"
            return
        self.tie_save.description = "Change tie"
        self.tie_closeness.value = tie.closeness
        self.tie_quality.value = tie.quality
        self.tie_contact.value = tie.contact
        self.tie_help.value = orient_help(tie.help, tie, self.tie_a.value)

    def _refresh(self) -> None:
        from ..viz.ecomap import draw_ecomap

        scenario = self.scenario
        people = [(f"{p.name} ({p.relationship})", p.id) for p in scenario.people if p.id not in self.hidden]
        keep = self.person_pick.value
        self.person_pick.options = [("— someone new —", _NEW)] + people
        self.person_pick.value = keep if keep in {pid for _, pid in people} else _NEW
        ends = [(f"{scenario.child.name} (the child)", scenario.child.id)] + people
        for box in (self.tie_a, self.tie_b):
            keep = box.value
            box.options = ends
            if keep in {pid for _, pid in ends}:
                box.value = keep
        if len(ends) > 1 and self.tie_a.value == self.tie_b.value:
            self.tie_b.value = ends[1][1]
        self.undo_button.disabled = not self.history
        shown = [p.id for p in scenario.people if p.id not in self.hidden]
        self.report = analyse_strength(scenario, people=shown)
        self.strength_view.value = self._found_note() + strength_html(self.report)
        _show_figure(self.ecomap_image, self.ecomap_alt, draw_ecomap(scenario, people=shown, legend=False), _MAP_DPI)

    def _found_note(self) -> str:
        """Who came from the finding exercise, and why the score moved when they joined."""
        result = self.found_before
        if result is None or not result.found:
            return ""
        names = ", ".join(f.name for f in result.found)
        return (f"<p style='max-width:46em;line-height:1.45'>This map includes the people you found: "
                f"{html.escape(names)}. {html.escape(result.summary.split(': ', 1)[-1])}</p>")


def build_network_builder_panel(scenario: Scenario | None = None, *, save_dir: SaveDir = None,
                                asked: Sequence[str] | None = None) -> NetworkBuilderPanel:
    """The interactive network builder.

    Parameters
    ----------
    scenario : Scenario, optional
        Start from this scenario's network; ``None`` starts from the child alone. People not found yet are left
        off until found.
    save_dir : str, Path or callable, optional
        Folder the *Save as scenario* button writes to, or a function giving it (``None`` while the learner has
        not given a name). Default: the current folder.
    asked : sequence of str, optional
        The questions the learner asked in the finding exercise: the people they found join the map.

    Returns
    -------
    NetworkBuilderPanel
    """
    return NetworkBuilderPanel(scenario, save_dir=save_dir, asked=asked)


# --------------------------------------------------------------------------- what if?

class WhatIfPanel(ExercisePanel):
    """Pick a change and see the strength before and after, and why."""

    exercise_id = "what_if"

    def __init__(self, scenario: Scenario):
        super().__init__()
        self.scenario = scenario
        self.result = None
        self.tries: list[dict] = []
        people = [(p.name, p.id) for p in scenario.known_people]
        self.who = widgets.Dropdown(options=people, description="What if", layout=widgets.Layout(width="24em"))
        self.kind = widgets.Dropdown(options=_options(WHAT_IF_PRESETS), value="leaves", description="What happens:",
                                     style={"description_width": "initial"},
                                     layout=widgets.Layout(width="34em"))
        self.try_button = button(description="Show me", button_style="primary", icon="question")
        self.headline = widgets.HTML()
        self.explanation = widgets.HTML()
        self.image, self.alt = _figure_view()
        self.children = (
            widgets.HTML(f"<h3>What if…?</h3><p>Pick someone in {html.escape(scenario.child.name)}'s network and "
                         "something that might happen. See how the network's strength changes, and why.</p>"),
            widgets.HBox([self.who, self.kind, self.try_button]),
            self.message, self.headline, self.explanation, self.image, self.alt,
        )
        self.try_button.on_click(self.safely(lambda _b: self.run()))

    def changes_for(self, person_id: str, kind: str) -> list[Any]:
        """The changes that stand for the chosen what-if (see :func:`fncoach.whatif.preset_changes`)."""
        return preset_changes(self.scenario, person_id, kind)

    def run(self) -> None:
        """Work out the chosen what-if and show it."""
        from ..viz.strength import draw_strength

        if self.who.value is None:
            self.show("There is nobody to choose yet.", "info")
            return
        try:
            result = what_if(self.scenario, self.changes_for(self.who.value, self.kind.value))
        except ValueError as error:
            self.show(str(error), "warn", "That what-if could not be worked out")
            return
        self.clear_message()
        self.result = result
        self.headline.value = f"<p style='font-size:1.15em'><strong>{html.escape(result.headline)}</strong></p>"
        self.explanation.value = "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in result.explanation) + "</ul>"
        _show_figure(self.image, self.alt, draw_strength(result.after, before=result.before))
        self.tries.append({"person": self.who.value, "kind": self.kind.value})
        self._changed()

    def answers(self) -> dict:
        """``{"tries": [{"person": id, "kind": ...}, ...]}``: the what-ifs the learner looked at."""
        return {"tries": list(self.tries)}

    def restore(self, answers: dict) -> None:
        """Show the last what-if the learner looked at again."""
        tries = usable_tries(self.scenario, (answers or {}).get("tries", []))
        self.tries = tries[:-1]
        if tries:
            self.who.value, self.kind.value = tries[-1]["person"], tries[-1]["kind"]
            self.run()


def build_whatif_panel(scenario: Scenario) -> WhatIfPanel:
    """The what-if panel: someone leaves, moves away, or a tie becomes stressful."""
    return WhatIfPanel(scenario)


# --------------------------------------------------------------------------- finding the network


class FindingPanel(ExercisePanel):
    """Ask questions from a question bank; the people they find join the eco-map.

    All the finding is done by :func:`fncoach.finding.ask` and
    :func:`fncoach.finding.feedback`; the panel only shows it.
    """

    exercise_id = "finding_the_network"

    def __init__(self, scenario: Scenario):
        from .. import finding

        super().__init__()
        self.scenario = scenario
        self._finding = finding
        self.asked: list[str] = []
        self.result = finding.ask(scenario, [])
        self.buttons: dict[str, widgets.Button] = {}
        for question in finding.QUESTIONS:
            ask = button(description=question.text, tooltip=f"Ask {question.ask_who}. {question.tip}",
                         layout=widgets.Layout(width="auto", max_width="100%"))
            ask.on_click(self.safely(lambda _b, q=question.id: self.ask(q)))
            self.buttons[question.id] = ask
        self.finish_button = button(description="I have asked enough: how did I do?", button_style="info",
                                    icon="flag")
        self.finish_button.on_click(self.safely(lambda _b: self.finish()))
        self.summary = widgets.HTML()
        self.image, self.alt = _figure_view()
        self.children = (
            widgets.HTML(f"<h3>Finding {html.escape(scenario.child.name)}'s network</h3><p>The workers know only "
                         "a few people so far. Every child has a network, and it can be found if we try. Choose a "
                         "question to ask and see who it finds.</p>"),
            widgets.VBox(list(self.buttons.values())),
            self.finish_button, self.message, self.summary, _scrolling(self.image), self.alt,
        )
        self._refresh(newly=())

    def ask(self, question_id: str) -> None:
        """Ask one question from the bank and show who it finds."""
        if question_id in self.asked:
            self.show("You have asked that already. Try a different question.", "info")
            return
        result = self._finding.ask(self.scenario, self.asked + [question_id])
        self.asked.append(question_id)
        self.result = result
        found = result.found_by(question_id)
        self._mark(question_id)
        if found:
            self.show("\n".join(f"{f.name} ({f.relationship}): {f.clue}" for f in found), "good",
                      "You found someone")
        else:
            self.show("Nobody new came up this time. That happens: keep asking.", "info", "What you heard")
        self._refresh(newly=[f.person_id for f in found])
        self._changed()

    def finish(self) -> None:
        """Give the end-of-exercise feedback: questions never tried and common blind spots."""
        self.show("\n".join(self._finding.feedback(self.scenario, self.asked)), "info", "How did you do?")

    def _mark(self, question_id: str) -> None:
        self.buttons[question_id].button_style = "success"
        self.buttons[question_id].icon = "check"

    def _refresh(self, newly: Sequence[str]) -> None:
        from ..viz.ecomap import draw_ecomap

        self.summary.value = f"<p><strong>{html.escape(self.result.summary)}</strong></p>"
        # people found are known now: drawn like everyone else (and highlighted when just found)
        found = self._finding.with_found_known(self.scenario, self.result)
        _show_figure(self.image, self.alt, draw_ecomap(found, people=self.result.people, highlight=newly), _MAP_DPI)

    def answers(self) -> dict:
        """``{"asked": [question ids in order]}``."""
        return {"asked": list(self.asked)}

    def restore(self, answers: dict) -> None:
        """Ask the saved questions again, in order (unknown ones are skipped)."""
        self.asked = [q for q in dict.fromkeys((answers or {}).get("asked", [])) if q in self.buttons]
        for question_id, ask in self.buttons.items():
            ask.button_style, ask.icon = "", ""
        for question_id in self.asked:
            self._mark(question_id)
        self.result = self._finding.ask(self.scenario, self.asked)
        self._refresh(newly=())


def build_finding_panel(scenario: Scenario) -> FindingPanel:
    """The finding-the-network exercise (needs :mod:`fncoach.finding`)."""
    return FindingPanel(scenario)
