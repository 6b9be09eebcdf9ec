"""The course's shared widgets: choose a case, say who you are, save work as you go, see progress.

Every notebook of the course opens with::

    course = Course(scenario, learner)
    course.header

and then shows exercises and figures with one call each::

    course.exercise(build_card_sort_panel, "card_sort")
    course.figure(draw_three_houses)

:func:`autosave` wires any :class:`~fncoach.ui._common.ExercisePanel` to the
learner record (:mod:`fncoach.record`): saved answers are put back when the
exercise opens, every change is saved at once, and if saving fails the learner
sees a plain message while their work stays on screen (and is saved with the
next change or the "Try saving again" button).

Widgets only: the course's shape comes from :mod:`fncoach.course`, the saving
from :mod:`fncoach.record`.
"""

from __future__ import annotations

import base64
import datetime as _dt
import html
import logging
import os
from pathlib import Path
from typing import Any, Callable, Sequence

import ipywidgets as widgets

from .. import course as _course
from ..record import (Record, RecordError, clean_learner_name, default_learner, default_record_path, learner_folder,
                      learner_key)
from ..scenario import ScenarioError, find_scenario_files, load_scenario
from ._common import ExercisePanel, message_html, short_caption

__all__ = [
    "AutoSave",
    "Course",
    "autosave",
    "PAGE_CSS",
    "build_reflection_panel",
    "display_toggle",
    "build_model_answers_panel",
    "case_card",
    "figure_html",
    "learner_box",
    "meetings_html",
    "open_course_record",
    "portfolio_link",
    "progress_overview",
    "scenario_choices",
    "scenario_picker",
    "where_work_is_saved",
]

_log = logging.getLogger("fncoach.ui")
# Learners must never see a traceback: problems are shown as plain messages, not printed by logging's fallback.
logging.getLogger("fncoach").addHandler(logging.NullHandler())


def _strict() -> bool:
    """``FNCOACH_STRICT_UI=1`` (set by the notebook tests) makes a broken exercise or figure fail loudly."""
    return os.environ.get("FNCOACH_STRICT_UI", "").strip() not in ("", "0")
_RECORDS: dict[Path, Record] = {}
_SCENARIO_CACHE: dict[tuple[str, float], Any] = {}


# ---------------------------------------------------------------------------- cases


def top_sections(text: str, names: Sequence[str]) -> str:
    """The lines of a YAML file's top-level sections called ``names`` (a key at the start of a line, and every
    line under it up to the next such key), in the order they are written.

    Examples
    --------
    >>> print(top_sections("meta:\\n  title: A\\npeople:\\n  - id: x\\nchild: {name: Zoë}\\n", ("meta", "child")), end="")
    meta:
      title: A
    child: {name: Zoë}
    """
    kept: list[str] = []
    keeping = False
    for line in text.splitlines(keepends=True):
        if line[:1] not in ("", " ", "\t", "#", "-", "\n", "\r") and ":" in line:
            keeping = line.split(":", 1)[0].strip().strip("'\"") in names
        if keeping:
            kept.append(line)
    return "".join(kept)


def scenario_choices(folder: str | Path | None = None) -> list[tuple[str, str]]:
    """``(label, id)`` for every bundled scenario, sorted by label.

    Only the title and the child's name and age are read here (quickly, with a safe YAML reader); the full
    check happens when a case is chosen. A file that cannot be read is listed with "(has a problem)".
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    choices = []
    from ..cases import case_files

    for path in (find_scenario_files([Path(folder)]) if folder else case_files().values()):
        try:
            text = path.read_text(encoding="utf-8")
            try:  # only the two short sections the label needs: every notebook opens with this list
                data = yaml.load(top_sections(text, ("meta", "child")), Loader=loader)
                child, meta = data["child"], data["meta"]
            except Exception:  # written in a way the quick look cannot follow: read the whole file
                data = yaml.load(text, Loader=loader)
                child, meta = data["child"], data["meta"]
            label = f"{child['name']}, {int(child['age'])}: {meta['title']}"
        except Exception:  # any unreadable file: still listed, so a coach notices it
            label = f"{path.stem} (has a problem — see fncoach validate)"
        choices.append((label, path.stem))
    return sorted(choices, key=lambda c: c[0].lower())


def _load(path: str | Path):
    """Load a scenario file (cached per file and modification time)."""
    path = Path(path)
    key = (str(path.resolve()), path.stat().st_mtime)
    if key not in _SCENARIO_CACHE:
        _SCENARIO_CACHE[key] = load_scenario(path)
    return _SCENARIO_CACHE[key]


def _load_case(scenario_id: str):
    """Load a bundled case by id (or a file path), raising :class:`LookupError` in plain words if there is none."""
    from ..scenario import bundled_scenario_path

    from ..cases import find_case

    path = bundled_scenario_path(scenario_id) if scenario_id else None
    if path is None and scenario_id and Path(scenario_id).is_file():
        path = Path(scenario_id)
    if path is None:
        path = find_case(scenario_id)  # UnknownCaseError (a LookupError) lists the cases, with "did you mean"
    return _load(path)


def scenario_picker(default: str = _course.DEFAULT_SCENARIO, folder: str | Path | None = None) -> widgets.Dropdown:
    """A drop-down list of the cases, starting on ``default`` (empty: the first case).

    A ``default`` that is no case (a typo in the notebook's ``scenario`` line or a papermill parameter) is an
    :class:`~fncoach.cases.UnknownCaseError` listing the cases, never another case opened without a word.
    """
    from ..cases import UnknownCaseError, case_folders

    choices = scenario_choices(folder)
    ids = [value for _, value in choices]
    if default and default not in ids:
        raise UnknownCaseError(default, tuple(sorted(ids)), (Path(folder),) if folder else case_folders())
    value = default if default else (ids[0] if ids else None)
    return widgets.Dropdown(
        options=choices, value=value, description="Case:",
        style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 44em)"),
    )


def case_card(scenario) -> str:
    """The case as a short HTML card (no model answers)."""
    lines = _course.case_summary_lines(scenario)
    head, *rest = lines
    body = "".join(f"<p style='margin:0.3em 0'>{html.escape(line)}</p>" for line in rest)
    return (f"<div style='border:1px solid #999;border-radius:6px;padding:0.5em 1em;margin:0.4em 0;"
            f"max-width:48em;line-height:1.45'><h3 style='margin:0.2em 0'>{html.escape(head)}</h3>{body}</div>")


def meetings_html(scenario) -> str:
    """The case's meetings over time (:func:`fncoach.course.meeting_lines`), one escaped line each.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> meetings_html(tiny_scenario()).startswith("Week 0: First Family Network Meeting.")
    True
    """
    return "<br>".join(html.escape(line) for line in _course.meeting_lines(scenario))


# ---------------------------------------------------------------------------- the learner and the record


def learner_box(learner: str | None = "") -> widgets.Text:
    """The one box for the learner's name (saved work is kept under it); empty when no name is known yet.

    In app mode the page remembers what is typed here (in the browser) and carries it to the next notebook.
    """
    box = widgets.Text(
        value=(learner or "").strip(), description="Your name:",
        placeholder="Type your name or a nickname", continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 30em)"),
    )
    box.add_class("fncoach-name")
    return box


def open_course_record(path: str | Path | None = None) -> Record:
    """The learner record for this kernel (opened once per file; see :func:`fncoach.record.default_record_path`)."""
    target = Path(path).expanduser() if path else default_record_path()
    if target not in _RECORDS:
        _RECORDS[target] = Record(target)
    return _RECORDS[target]


def where_work_is_saved() -> str:
    """One plain sentence saying where work is saved (no file names or settings: learners never need them)."""
    return ("Your answers are saved as you work, under your name, on this computer (or on your course server). "
            "Come back to any notebook and type the same name: your answers will be waiting.")


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        moment = _dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{moment.day} {moment.strftime('%B')} at {moment.strftime('%H:%M')}"


_NAME_FIRST = ("Type your name (or a nickname) in the box at the top of the page, then press Enter. "
               "Your work is saved under it from then on; until then it stays on this page.")


class AutoSave:
    """Keeps one exercise panel and the learner record in step (see :func:`autosave`).

    Attributes
    ----------
    panel : ExercisePanel
    widget : ipywidgets.VBox
        The panel with a "finished" tick box and a save-status line under it; display this.
    restored : bool
        True when saved answers were put back on opening.
    last_error : str
        The last saving problem in plain words ("" when the last save worked).
    """

    def __init__(self, panel: ExercisePanel, *, exercise: str, scenario_id: str, learner: str | None = None,
                 record: Record | None = None, ask_name: bool = False):
        self.panel = panel
        self.exercise = exercise
        self.scenario_id = scenario_id
        if learner and learner.strip():
            self.learner: str | None = clean_learner_name(learner)
        else:
            self.learner = None if ask_name else default_learner()
        self.saved_listeners: list[Callable[[str], None]] = []
        self.restored = False
        self.last_error = ""
        self._unsaved: dict | None = None
        self.status = widgets.HTML(value="")
        self.done_box = widgets.Checkbox(value=False, description="I have finished this exercise", indent=False)
        self.retry = widgets.Button(description="Try saving again", icon="refresh",
                                    layout=widgets.Layout(display="none", width="auto"))
        self.retry.on_click(lambda _b: self.save_now())
        self.widget = widgets.VBox([panel, widgets.HBox([self.done_box, self.retry]), self.status])
        self.record = record
        if self.record is None:
            try:
                self.record = open_course_record()
            except RecordError as error:
                self._problem(f"Your answers cannot be saved on this computer: {error} "
                              "You can still do the exercise.")
        if self.record is not None and self.record.notice:
            self.status.value = message_html(self.record.notice, "info", "About your saved work")
        self._restore()
        panel.on_answers_changed(self._answers_changed)
        self.done_box.observe(self._done_changed, names="value")

    # -- opening
    def _restore(self) -> None:
        if self.record is None or self.learner is None:
            return
        try:
            entry = self.record.entry(self.learner, self.scenario_id, self.exercise)
        except RecordError as error:
            self._problem(f"Your earlier answers could not be read just now: {error}")
            return
        if entry is None:
            return
        if entry.answers:
            try:
                self.panel.restore(dict(entry.answers))
            except Exception as error:  # answers from another version of the case, say
                _log.exception("restore failed")
                self._problem("Your earlier answers to this exercise could not all be put back on screen "
                              f"({error}). They are still kept in your record; your trainer can export them.")
                return
            self.restored = True
        self._set_done_quietly(entry.done)
        if self.restored and not (self.record.notice and not self.last_error):
            self._say(f"Welcome back, {self.learner}: your answers from {_when(entry.saved_at)} are back on screen.")

    def _set_done_quietly(self, value: bool) -> None:
        self.done_box.unobserve_all("value")
        self.done_box.value = bool(value)

    # -- saving
    def _answers_changed(self, answers: dict) -> None:
        self.save_now(answers)

    def save_now(self, answers: dict | None = None) -> bool:
        """Save the panel's answers now; returns True if saved. Problems become a plain message."""
        if answers is None:
            answers = self._unsaved if self._unsaved is not None else self.panel.answers()
        if self.learner is None:
            self._unsaved = answers
            self.last_error = ""
            self.status.value = message_html(_NAME_FIRST, "info", "Not saved yet: who are you?")
            return False
        if self.record is None:
            try:
                self.record = open_course_record()
            except RecordError as error:
                self._unsaved = answers
                self._problem(f"Your work could not be saved: {error} It is still on screen.")
                return False
        try:
            self.record.save_answers(self.learner, self.scenario_id, self.exercise, answers)
        except RecordError as error:
            self._unsaved = answers
            self._problem(f"{error} Nothing you have done has been lost.")
            return False
        self._unsaved = None
        self.last_error = ""
        self.retry.layout.display = "none"
        self._say(f"✓ Saved at {_dt.datetime.now().strftime('%H:%M:%S')}.")
        self._tell_listeners()
        return True

    def _tell_listeners(self) -> None:
        """Let what follows this exercise catch up (the progress table, an exercise using these answers)."""
        for listener in list(self.saved_listeners):
            try:
                listener(self.exercise)
            except Exception:  # another exercise catching up must never undo this save
                _log.exception("catching up after a save failed")

    @property
    def waiting_for_name(self) -> bool:
        """True while there is work on screen that is kept back until the learner gives a name."""
        return self.learner is None and self._unsaved is not None

    def adopt(self, learner: str) -> bool:
        """Save the work kept back while no name was given under ``learner``; True if there was any."""
        pending = self._unsaved if self.learner is None else None
        self.learner = clean_learner_name(learner)
        if pending is None:
            return False
        self.save_now(pending)
        return True

    def _done_changed(self, change: dict) -> None:
        if self.learner is None:
            self._unsaved = self.panel.answers()
            self._set_done_quietly(False)
            self.status.value = message_html(_NAME_FIRST, "info", "Not saved yet: who are you?")
            self.done_box.observe(self._done_changed, names="value")
            return
        if self.record is None:
            self._problem("This cannot be marked as finished because your work cannot be saved here.")
            return
        try:
            if change["new"]:
                self.save_now()
            self.record.mark_complete(self.learner, self.scenario_id, self.exercise, done=bool(change["new"]))
        except RecordError as error:
            self._problem(str(error))
            return
        self._tell_listeners()  # the progress table shows it finished (or not) straight away
        self._say("✓ Marked as finished. It will show in your progress." if change["new"]
                  else "Marked as not finished yet.")

    # -- messages
    def _say(self, text: str) -> None:
        self.status.value = f"<div role='status' style='color:#333;font-size:0.95em'>{html.escape(text)}</div>"

    def _problem(self, text: str) -> None:
        self.last_error = text
        self.retry.layout.display = "inline-flex" if self.record is not None or self._unsaved is not None else "none"
        self.status.value = message_html(text, "error", "Your work is not saved yet")


def autosave(panel: ExercisePanel, *, exercise: str, scenario_id: str, learner: str | None = None,
             record: Record | None = None, ask_name: bool = False) -> AutoSave:
    """Wire an exercise panel to the learner record.

    Saved answers for this learner, case and exercise are put back at once; every change is saved
    straight away; a saving problem is shown in plain words and nothing on screen is lost.

    Parameters
    ----------
    panel : ExercisePanel
    exercise : str
        The exercise id (see :data:`fncoach.course.NOTEBOOKS`).
    scenario_id : str
        The case id, or :data:`fncoach.course.GENERAL_SCENARIO` for exercises that do not depend on the case.
    learner : str, optional
        The learner's name (default: :func:`fncoach.record.default_learner`).
    record : Record, optional
        Default: :func:`open_course_record`.
    ask_name : bool
        With no ``learner``: keep the work on screen, unsaved, and ask for a name (app mode on a shared
        server) instead of using the login name.

    Returns
    -------
    AutoSave
        Display its ``.widget``.
    """
    return AutoSave(panel, exercise=exercise, scenario_id=scenario_id, learner=learner, record=record,
                    ask_name=ask_name)


# ---------------------------------------------------------------------------- progress


def _progress_html(learner: str, record: Record) -> str:
    progress = record.progress(learner)
    rows = _course.progress_rows(progress)
    if not rows:
        return (f"<p>{html.escape(progress.summary())} Your answers will appear here as soon as you start an "
                "exercise.</p>")
    titles: dict[str, str] = {_course.GENERAL_SCENARIO: _course.GENERAL_SCENARIO_TITLE}
    for label, value in scenario_choices():
        titles.setdefault(value, label)
    body = "".join(
        f"<tr><td>{html.escape(r.notebook)}</td><td>{html.escape(r.exercise)}</td>"
        f"<td>{html.escape(titles.get(r.scenario_id, r.scenario_id))}</td>"
        f"<td>{'✓ Done' if r.done else 'Started'}</td><td>{html.escape(_when(r.saved_at))}</td></tr>"
        for r in rows
    )
    done, total = _course.exercises_finished(rows)
    return (f"<p><strong>{html.escape(progress.summary())}</strong> You have finished {done} of the "
            f"{total} exercises in the course for at least one case.</p>"
            "<table style='border-collapse:collapse' border='1' cellpadding='4'><tr><th scope='col'>Notebook</th>"
            "<th scope='col'>Exercise</th><th scope='col'>Case</th><th scope='col'>Status</th>"
            f"<th scope='col'>Last saved</th></tr>{body}</table>")


def progress_overview(learner: str | None = None, record: Record | None = None) -> widgets.VBox:
    """A table of what the learner has started and finished, with a "Show my latest progress" button."""
    out = widgets.HTML()
    button = widgets.Button(description="Show my latest progress", icon="refresh",
                            layout=widgets.Layout(width="auto", align_self="flex-start"))
    box = widgets.VBox([button, out])

    def refresh(_b: Any = None) -> None:
        name = box.learner if hasattr(box, "learner") else (learner or default_learner())
        if not name:
            out.value = "<p>Type your name at the top of the page to see your progress.</p>"
            return
        try:
            rec = record or open_course_record()
            out.value = _progress_html(clean_learner_name(name), rec)
        except RecordError as error:
            out.value = message_html(str(error), "error")

    box.refresh = refresh  # type: ignore[attr-defined]
    button.on_click(refresh)
    refresh()
    return box


# ---------------------------------------------------------------------------- figures


def figure_html(result: Any, *, dpi: int = 100) -> str:
    """A :class:`~fncoach.viz._common.FigureResult` as an ``<img>`` (alt text = its description) plus the description.

    Above 100 dots per inch (an eco-map, whose labels must be at least 12 pixels high) the picture keeps its full
    size and scrolls sideways on a narrow screen instead of shrinking.
    """
    from ..pages import png_data_uri, render

    return render("widget_figure.html.j2", src=png_data_uri(result.png(dpi)), description=result.description,
                  caption=short_caption(result.description), full_size=dpi > 100)


# ---------------------------------------------------------------------------- how the page looks

#: The setting (in the learner record) for "Larger text and high contrast": "large" when chosen, "standard" if not.
DISPLAY_SETTING = "display"

#: CSS the course header carries (so it works in app mode and in JupyterLab alike): a keyboard focus mark anyone
#: can see, and — while "Larger text and high contrast" is ticked in the header — larger text (about 1.4 times),
#: black text on white, dark-blue underlined links and strong borders on every control.
PAGE_CSS = """
:focus-visible, html body .jupyter-widgets :is(input, textarea, select):focus-visible {
  outline: 3px solid #0b3d91 !important; outline-offset: 2px !important;
}
body:has(.fncoach-contrast input:checked) {
  --jp-content-font-size1: 20px; --jp-content-font-size0: 18px; --jp-ui-font-size1: 18px; --jp-ui-font-size2: 20px;
  --jp-widgets-font-size: 18px; --jp-widgets-inline-height: 38px; --jp-widgets-inline-label-width: 12em;
  --jp-content-line-height: 1.6;
  --jp-content-font-color0: #000; --jp-content-font-color1: #000; --jp-content-font-color2: #000;
  --jp-content-font-color3: #000; --jp-ui-font-color0: #000; --jp-ui-font-color1: #000; --jp-ui-font-color2: #000;
  --jp-widgets-color: #000; --jp-widgets-label-color: #000; --jp-widgets-readout-color: #000;
  --jp-widgets-input-color: #000; --jp-widgets-input-background-color: #fff;
  --jp-widgets-input-border-color: #000; --jp-widgets-input-border-width: 2px; --jp-border-color1: #000;
  --jp-layout-color0: #fff; --jp-layout-color1: #fff; --jp-content-link-color: #00008b;
  background: #fff; color: #000;
}
body:has(.fncoach-contrast input:checked) .jp-RenderedHTMLCommon,
body:has(.fncoach-contrast input:checked) .widget-html-content,
body:has(.fncoach-contrast input:checked) .widget-label,
body:has(.fncoach-contrast input:checked) .widget-inline-hbox .widget-label {
  font-size: 20px; line-height: 1.6; color: #000;
}
body:has(.fncoach-contrast input:checked) .jp-RenderedHTMLCommon *:not(a):not(code),
body:has(.fncoach-contrast input:checked) .widget-html-content *:not(a) { color: #000 !important; }
body:has(.fncoach-contrast input:checked) a { color: #00008b !important; text-decoration: underline !important; }
body:has(.fncoach-contrast input:checked) .jupyter-button {
  font-size: 18px; height: auto; min-height: 38px; border: 2px solid #000;
}
body:has(.fncoach-contrast input:checked)
  .jupyter-button:not(.mod-primary):not(.mod-info):not(.mod-success):not(.mod-warning):not(.mod-danger) {
  background: #fff; color: #000;
}
body:has(.fncoach-contrast input:checked) .jupyter-button.mod-primary { background: #00008b; color: #fff; }
body:has(.fncoach-contrast input:checked) input, body:has(.fncoach-contrast input:checked) textarea,
body:has(.fncoach-contrast input:checked) select { font-size: 18px; color: #000; background: #fff;
  border: 2px solid #000 !important; }
body:has(.fncoach-contrast input:checked) :focus-visible,
html body:has(.fncoach-contrast input:checked) .jupyter-widgets :is(input, textarea, select):focus-visible {
  outline: 4px solid #000 !important; outline-offset: 2px !important; box-shadow: 0 0 0 7px #ffd500 !important;
}
"""


#: How much larger the course's figures are drawn while "Larger text and high contrast" is chosen.
LARGE_FIGURES = 1.5


def display_toggle(large: bool = False) -> widgets.HBox:
    """The "Larger text and high contrast" tick box for the course header, with the page CSS it switches on.

    Ticked, the whole page shows larger text in black on white with strong borders (see :data:`PAGE_CSS`).
    The tick box is ``.box`` (class ``fncoach-contrast``).

    >>> toggle = display_toggle(True)
    >>> toggle.box.value, "fncoach-contrast" in toggle.box._dom_classes
    (True, True)
    """
    box = widgets.Checkbox(value=bool(large), description="Larger text and high contrast", indent=False,
                           layout=widgets.Layout(width="auto"))
    box.add_class("fncoach-contrast")
    style = widgets.HTML(f"<style>{PAGE_CSS}</style>", layout=widgets.Layout(width="0", height="0", margin="0"))
    row = widgets.HBox([box, style], layout=widgets.Layout(align_items="center"))
    row.box = box  # type: ignore[attr-defined]
    return row


# ---------------------------------------------------------------------------- the course session


class Course:
    """One notebook's session: the learner's name, the chosen case, and the exercises and figures that follow it.

    Whom the notebook opens for, and on which case, is decided by :func:`fncoach.course.starting_point`: a reload
    or the next notebook carries on with the same learner, their case and their answers. In app mode with no
    name given, nothing is saved until the learner types one (a course server may be shared).

    Parameters
    ----------
    scenario : str
        The case to open with (a bundled id) when the learner has none of their own yet; the learner can switch
        with the picker.
    learner : str
        The learner's name, if the notebook is told it (normally ""; see :func:`fncoach.course.starting_point`).
    ask_name : bool
        False for the trainer's notebook, which saves nothing.
    environ : mapping, optional
        The process environment (default :data:`os.environ`; tests pass their own).
    """

    def __init__(self, scenario: str = _course.DEFAULT_SCENARIO, learner: str = "", *, ask_name: bool = True,
                 environ: Any = None):
        self.note = widgets.HTML()
        self._record_problem = ""
        record = self._record()
        start = _course.starting_point(
            os.environ if environ is None else environ, scenario=scenario, learner=learner,
            last_learner=self._quietly(lambda: record.last_learner()) if record else None,
            last_place=(lambda name: self._quietly(lambda: record.last_place(name))) if record else (lambda _n: None),
            login_name=default_learner())
        self.app_mode = start.app_mode
        self._ask_name = ask_name
        self._learner: str | None = self._clean_name(start.learner) if start.learner else None
        if not ask_name and self._learner is None:
            self._learner = default_learner()
        self.picker = scenario_picker(start.scenario_id)
        self.picker.add_class("fncoach-case")
        self.name_box = learner_box(self._learner if ask_name else "")
        self.case = widgets.HTML()
        self._areas: list[_Area] = []
        self._figures: list[Callable[[], None]] = []
        self._autosaves: dict[str, AutoSave] = {}
        self.room = _room_session()
        room_box = [_join_panel(self.room)] if ask_name and self.room is not None and self.room.available else []
        self.display = display_toggle(self._display_setting(record) == "large")
        self.display.box.observe(lambda change: self._display_changed(change["new"]), names="value")
        self.header = widgets.VBox([self.name_box, self.display, self.picker, self.note, self.case, *room_box]
                                   if ask_name else [self.display, self.picker, self.note, self.case])
        self.picker.observe(lambda _c: self._case_changed(), names="value")
        self.name_box.observe(self._name_changed, names="value")
        self._show_case()
        if record is not None and record.notice:
            self.note.value = message_html(record.notice, "info", "About your saved work")
        elif self._record_problem:
            self.note.value = message_html(self._record_problem, "error", "Your work cannot be saved here")
        elif ask_name and self._learner is None:
            self.note.value = message_html(_NAME_FIRST, "info", "Who are you?")
        self._remember_place()

    # -- state
    def _record(self) -> Record | None:
        try:
            return open_course_record()
        except RecordError as error:
            self._record_problem = str(error)
            return None

    @staticmethod
    def _quietly(read: Callable[[], Any]) -> Any:
        try:
            return read()
        except RecordError:
            return None

    @property
    def scenario_id(self) -> str:
        """The chosen case's id."""
        return self.picker.value or ""

    @property
    def scenario(self):
        """The chosen case (a :class:`~fncoach.model.Scenario`)."""
        return _load_case(self.scenario_id)

    @property
    def learner(self) -> str | None:
        """The learner's name, tidied (``None`` in app mode until the learner gives one)."""
        return self._learner

    def own_folder(self) -> Path | None:
        """The learner's own folder for files they save (``None`` until they give a name); pass it as ``save_dir``."""
        if self._learner is None:
            return None
        try:
            return learner_folder(self._learner, base=open_course_record().path.parent)
        except RecordError:
            return learner_folder(self._learner)

    def autosaved(self, exercise: str) -> AutoSave | None:
        """The :class:`AutoSave` currently showing ``exercise`` (for tests and trainers)."""
        return self._autosaves.get(exercise)

    @staticmethod
    def _clean_name(value: str) -> str:
        try:
            return clean_learner_name(value)
        except RecordError:
            return default_learner()

    def _remember_place(self) -> None:
        if not self._ask_name or self._learner is None or not self.scenario_id:
            return
        record = self._record()
        if record is not None:
            self._quietly(lambda: record.remember_place(self._learner, self.scenario_id))

    def _name_changed(self, change: dict) -> None:
        before = self._learner
        try:
            new = clean_learner_name(change["new"])
        except RecordError as error:
            still = (f" Your work is still being saved under {before}." if before
                     else " Until then, your work stays on this page but is not saved.")
            self.note.value = message_html(f"{error}{still}", "warn", "Your name")
            return
        self._learner = new
        if before is not None and learner_key(before) == learner_key(new):
            return  # the same person, written differently
        self._follow_display_setting()
        record = self._record()
        theirs = self._quietly(lambda: record.last_place(new)) if record else None
        # the note comes last, once the page has been redrawn for them, so nothing typed after it lands in a box
        # that is about to be replaced
        note = message_html(f"Your work is saved under the name {new}.", "info", "Your name")
        if theirs and theirs != self.scenario_id and theirs in {v for _l, v in self.picker.options}:
            self._refresh_all(case=False, adopt=before is None, only_waiting=True)
            self.picker.value = theirs  # their own case, as they left it (refreshes everything)
            self.note.value = note
            return
        self._refresh_all(case=False, adopt=before is None)
        self._remember_place()
        self.note.value = note

    # -- larger text and high contrast: kept in the learner record, so it follows the learner
    def _display_setting(self, record: Record | None) -> str | None:
        if record is None or self._learner is None:
            return None
        return self._quietly(lambda: record.setting(self._learner, DISPLAY_SETTING))

    def _display_changed(self, large: bool) -> None:
        for redraw in list(self._figures):
            redraw()
        record = self._record()
        if record is not None and self._learner is not None:
            self._quietly(lambda: record.set_setting(self._learner, DISPLAY_SETTING, "large" if large else "standard"))

    def _follow_display_setting(self) -> None:
        """A new name: show the page as that learner chose before, or keep (and save) what is shown now."""
        theirs = self._display_setting(self._record())
        if theirs is None:
            if self.display.box.value:
                self._display_changed(True)
        else:
            self.display.box.value = theirs == "large"

    def _case_changed(self) -> None:
        self._refresh_all()
        self._remember_place()

    def _show_case(self) -> None:
        try:
            self.case.value = case_card(self.scenario)
        except (LookupError, ScenarioError, OSError) as error:
            self.case.value = message_html(_plain_load_error(error), "error", "This case cannot be opened")

    def _refresh_all(self, case: bool = True, *, adopt: bool = False, only_waiting: bool = False) -> None:
        """Show everything again for the learner and case now chosen.

        With ``adopt`` (a name given for the first time), work typed before the name is saved under it and stays
        on screen; with ``only_waiting`` nothing else is redrawn.
        """
        if case:
            self._show_case()
        for area in list(self._areas):
            saver = self._autosaves.get(area.exercise) if area.exercise else None
            if adopt and saver is not None and saver.waiting_for_name and self._learner:
                saver.adopt(self._learner)
                continue
            if not only_waiting:
                area.refresh()

    def _caught_up(self, saved_exercise: str) -> None:
        """After ``saved_exercise`` is saved, redraw the exercises that use its answers (e.g. the drill the plan)."""
        for area in list(self._areas):
            if saved_exercise in area.sources:
                area.refresh()

    # -- content that follows the chosen case
    def saved_answers(self, exercise: str) -> dict | None:
        """This learner's saved answers to ``exercise`` for the chosen case (``None`` if none or unreadable)."""
        if self._learner is None:
            return None
        try:
            return open_course_record().load_answers(self._learner, self.scenario_id, exercise)
        except RecordError:
            return None

    def exercise(self, build: Callable[..., ExercisePanel], exercise: str, *, per_case: bool = True,
                 from_saved: dict[str, tuple[str, Callable[[dict], Any]]] | None = None,
                 **options: Any) -> widgets.VBox:
        """Show an exercise panel, saved automatically, rebuilt when the case or the learner changes.

        ``build(scenario, **options)`` makes the panel (``build(**options)`` when ``per_case=False``, and then
        the answers are saved under :data:`~fncoach.course.GENERAL_SCENARIO`).

        ``from_saved={"assignments": ("safety_plan", convert)}`` passes ``convert(saved answers)`` of another
        exercise as an option (for example the learner's own plan into the drill). It always follows the latest
        save: when that exercise is saved, this one is drawn again with the new answers (its own saved answers
        put back).
        """
        area = widgets.VBox()
        sources = frozenset(source for source, _convert in (from_saved or {}).values())

        def refresh() -> None:
            try:
                extra, note = self._options_from_saved(from_saved)
                panel = build(self.scenario, **options, **extra) if per_case else build(**options, **extra)
                key = self.scenario_id if per_case else _course.GENERAL_SCENARIO
                saver = autosave(panel, exercise=exercise, scenario_id=key, learner=self._learner,
                                 ask_name=self._ask_name)
            except (LookupError, ScenarioError, OSError) as error:
                if _strict():
                    raise
                area.children = (widgets.HTML(message_html(_plain_load_error(error), "error")),)
                return
            except Exception as error:  # a broken exercise must not break the notebook
                if _strict():
                    raise
                _log.exception("building %s failed", exercise)
                area.children = (widgets.HTML(message_html(
                    f"This exercise could not be opened for this case ({error}). Try another case, "
                    "and tell your trainer.", "error")),)
                return
            saver.saved_listeners.append(self._caught_up)
            self._autosaves[exercise] = saver
            top = (widgets.HTML(f"<p style='max-width:46em;line-height:1.45'>{html.escape(note)}</p>"),) if note else ()
            area.children = (*top, saver.widget, *self._share_row(exercise, panel))

        refresh()
        self._areas.append(_Area(refresh, exercise, sources))
        return area

    def _share_row(self, exercise: str, panel: ExercisePanel) -> tuple:
        """A "Share with the room" row under an exercise whose answers a training room takes (on a hub only)."""
        from ..room.shares import SHAREABLE_EXERCISES, shares_from_answers

        if self.room is None or not self.room.available or exercise not in SHAREABLE_EXERCISES:
            return ()
        from .room import ShareRow

        scenario = self.scenario
        return (ShareRow(self.room, lambda: shares_from_answers(exercise, panel.answers(), scenario),
                         SHAREABLE_EXERCISES[exercise]),)

    def _options_from_saved(self, from_saved: dict[str, tuple[str, Callable[[dict], Any]]] | None
                            ) -> tuple[dict[str, Any], str]:
        if not from_saved:
            return {}, ""
        extra: dict[str, Any] = {}
        used, missing = [], []
        titles = _course.exercise_titles()
        for option, (source, convert) in from_saved.items():
            answers = self.saved_answers(source)
            value = None
            if answers:
                try:
                    value = convert(answers)
                except Exception:  # answers from an older version: start without them
                    value = None
            name = titles.get(source, source)
            if value:
                extra[option] = value
                used.append(name)
            else:
                missing.append(name)
        if used:
            later = (" Nothing is saved yet for “" + "”, “".join(missing) + "”: it is used as soon as it is."
                     if missing else "")
            return extra, ("This uses your latest answers to “" + "”, “".join(used)
                           + "”, and follows every change you make there." + later)
        return extra, ("Nothing is saved yet for “" + "”, “".join(missing) + "”, so this starts without your "
                       "answers from it. Do that exercise first: this follows it as soon as it is saved.")

    def figure(self, draw: Callable[..., Any], *, via: Callable[[Any], Any] | None = None, dpi: int = 100,
               **options: Any) -> widgets.HTML:
        """Show a figure for the chosen case with its text description, redrawn when the case changes.

        ``draw(scenario, **options)`` — or ``draw(via(scenario), **options)`` — returns a ``FigureResult``;
        ``dpi=120`` shows it larger (see :func:`figure_html`).
        """
        area = widgets.HTML()

        def refresh() -> None:
            try:
                subject = self.scenario
                result = draw(via(subject) if via else subject, **options)
                # with larger text chosen, the picture (and every word in it) is drawn larger too
                area.value = figure_html(result, dpi=round(dpi * LARGE_FIGURES) if self.display.box.value else dpi)
                result.figure.clear()
            except Exception as error:
                if _strict():
                    raise
                if isinstance(error, (LookupError, ScenarioError, OSError)):
                    area.value = message_html(_plain_load_error(error), "error")
                    return
                _log.exception("drawing failed")
                area.value = message_html(f"This picture could not be drawn for this case ({error}).", "error")

        refresh()
        self._areas.append(_Area(refresh))
        self._figures.append(refresh)
        return area

    def html(self, make: Callable[[Any], str]) -> widgets.HTML:
        """Show HTML made from the chosen case (``make(scenario) -> str``), remade when the case changes."""
        area = widgets.HTML()

        def refresh() -> None:
            try:
                area.value = make(self.scenario)
            except Exception as error:
                if _strict():
                    raise
                area.value = message_html(_plain_load_error(error), "error")

        refresh()
        self._areas.append(_Area(refresh))
        return area

    def show(self, build: Callable[..., widgets.Widget], **options: Any) -> widgets.VBox:
        """Show a widget made from the chosen case (``build(scenario, **options)``), remade when the case changes.

        Nothing is saved (use :meth:`exercise` for exercises).
        """
        area = widgets.VBox()

        def refresh() -> None:
            try:
                area.children = (build(self.scenario, **options),)
            except Exception as error:
                if _strict():
                    raise
                _log.exception("building a view failed")
                area.children = (widgets.HTML(message_html(_plain_load_error(error), "error")),)

        refresh()
        self._areas.append(_Area(refresh))
        return area

    def reflection(self, exercise: str) -> widgets.VBox:
        """The reflection exercise ``exercise`` (prompts from :data:`fncoach.course.REFLECTIONS`), saved per case."""
        return self.exercise(lambda _scenario: build_reflection_panel(_course.REFLECTIONS[exercise], exercise),
                             exercise)

    def case_text(self) -> str:
        """The chosen case in plain lines (what the case card shows)."""
        return "\n".join(_course.case_summary_lines(self.scenario))

    def progress(self) -> widgets.VBox:
        """The learner's progress table, following the name box and every save."""
        box = progress_overview(self._learner or "")

        def refresh(_exercise: str | None = None) -> None:
            box.learner = self._learner  # type: ignore[attr-defined]
            box.refresh()  # type: ignore[attr-defined]

        refresh()
        self._areas.append(_Area(refresh, sources=_EVERY_EXERCISE))
        return box

    def portfolio(self) -> widgets.VBox:
        """A button that downloads the learner's portfolio (a printable page of their work, with dates)."""
        box = widgets.VBox()

        def refresh() -> None:
            box.children = (widgets.HTML(portfolio_link(self._learner)),)

        refresh()
        self._areas.append(_Area(refresh, sources=_EVERY_EXERCISE))
        return box


class _EveryExercise(frozenset):
    """Stands for every exercise in :attr:`_Area.sources` (the progress table follows them all)."""

    def __contains__(self, item: object) -> bool:
        return True


_EVERY_EXERCISE = _EveryExercise()


class _Area:
    """Something on the page that follows the learner and the case: how to redraw it, and what it reads."""

    def __init__(self, refresh: Callable[[], None], exercise: str | None = None,
                 sources: frozenset = frozenset()):
        self.refresh, self.exercise, self.sources = refresh, exercise, sources


def portfolio_link(learner: str | None, record: Record | None = None) -> str:
    """HTML for a button-like link that downloads ``learner``'s portfolio page (or says why there is none yet).

    Examples
    --------
    >>> "Type your name" in portfolio_link(None)
    True
    """
    from ..pages.portfolio import portfolio_html

    style = ("display:inline-block;padding:0.45em 1em;border-radius:4px;background:#0b5cad;color:#fff;"
             "text-decoration:none;font-weight:bold")
    if not learner:
        return ("<p><span style='opacity:0.6;" + style + "'>Download my portfolio</span> "
                "Type your name at the top of the page first: the portfolio is made from the work saved under it.</p>")
    try:
        rec = record or open_course_record()
        page = portfolio_html(rec, learner, exercise_titles=_course.exercise_titles(),
                              scenario_titles={_course.GENERAL_SCENARIO: _course.GENERAL_SCENARIO_TITLE})
    except RecordError as error:
        return message_html(str(error), "error", "The portfolio cannot be made just now")
    data = base64.b64encode(page.encode("utf-8")).decode("ascii")
    stem = "".join(ch if ch.isalnum() else "-" for ch in learner).strip("-").lower() or "my"
    return (f"<p><a download='{stem}-portfolio.html' href='data:text/html;base64,{data}' style='{style}'>"
            "⬇ Download my portfolio</a> A page you can open in any web browser and print or save as a PDF.</p>")


def _room_session():
    """This kernel's training-room link (``None`` if it cannot be made: the course then works as before)."""
    try:
        from ..room.session import room_session

        return room_session()
    except Exception:  # noqa: BLE001 - a room problem must never stop the course opening
        _log.exception("the training room link could not be made")
        return None


def _join_panel(session) -> widgets.Widget:
    from .room import build_join_panel

    return build_join_panel(session)


def _plain_load_error(error: Exception) -> str:
    if isinstance(error, ScenarioError):
        problems = getattr(error, "problems", ())
        first = str(problems[0]) if problems else str(error)
        return f"This case has a problem in its file, so it cannot be used: {first}. Choose another case."
    return str(error) or "This case could not be opened. Choose another case."


# ---------------------------------------------------------------------------- reflection and model answers


class ReflectionPanel(ExercisePanel):
    """Free-text reflection: one box per prompt. Answers: ``{"answers": {prompt_id: text}}``."""

    def __init__(self, prompts: Sequence[tuple[str, str]], exercise_id: str = "reflection"):
        self.exercise_id = exercise_id
        self.boxes: dict[str, widgets.Textarea] = {}
        rows = []
        for key, prompt in prompts:
            box = widgets.Textarea(placeholder="Write as much or as little as you like.",
                                   layout=widgets.Layout(width="min(100%, 44em)", height="5em"),
                                   continuous_update=False)
            box.observe(self.safely(lambda _c: self._changed()), names="value")
            self.boxes[key] = box
            rows.append(widgets.HTML(f"<p style='margin:0.6em 0 0.1em'><strong>{html.escape(prompt)}</strong></p>"))
            rows.append(box)
        super().__init__(children=(*rows,))
        self.children = (*self.children, self.message)

    def answers(self) -> dict:
        return {"answers": {key: box.value for key, box in self.boxes.items()}}

    def restore(self, answers: dict) -> None:
        saved = answers.get("answers", {}) if isinstance(answers, dict) else {}
        for key, box in self.boxes.items():
            value = saved.get(key, "")
            box.value = value if isinstance(value, str) else str(value)


def build_reflection_panel(prompts: Sequence[tuple[str, str]] | Sequence[str],
                           exercise_id: str = "reflection") -> ReflectionPanel:
    """A reflection exercise: a text box for each prompt (``(id, prompt)`` pairs, or prompts numbered ``q1``…).

    Examples
    --------
    >>> panel = build_reflection_panel(["What went well?"])
    >>> panel.boxes["q1"].value = "Asking about dad's side"
    >>> panel.answers()
    {'answers': {'q1': "Asking about dad's side"}}
    """
    pairs = [(p[0], p[1]) if isinstance(p, tuple) else (f"q{i}", p) for i, p in enumerate(prompts, start=1)]
    return ReflectionPanel(pairs, exercise_id)


def build_model_answers_panel(scenario) -> widgets.VBox:
    """For trainers: the model answers, one section at a time ("Show the next section" / "Hide all").

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_model_answers_panel(tiny_scenario())
    >>> panel.next_button.click(); panel.shown
    1
    """
    sections = _course.model_answer_sections(scenario)
    blocks = []
    for title, lines in sections:
        items = "".join(f"<li style='margin:0.2em 0'>{html.escape(line)}</li>" for line in lines)
        blocks.append(widgets.HTML(f"<h3 style='margin:0.6em 0 0.2em'>{html.escape(title)}</h3>"
                                   f"<ul style='max-width:52em;line-height:1.45'>{items}</ul>",
                                   layout=widgets.Layout(display="none")))
    contents = widgets.HTML("<p>Sections: " + html.escape(" · ".join(t for t, _ in sections)) + "</p>")
    next_button = widgets.Button(description="Show the next section", icon="eye", button_style="primary",
                                 layout=widgets.Layout(width="auto", min_width="14em"))
    hide_button = widgets.Button(description="Hide all", icon="eye-slash", layout=widgets.Layout(width="auto"))
    counter = widgets.HTML()
    box = widgets.VBox([contents, widgets.HBox([next_button, hide_button, counter]), *blocks])
    box.shown = 0  # type: ignore[attr-defined]
    box.next_button = next_button  # type: ignore[attr-defined]

    def update() -> None:
        for i, block in enumerate(blocks):
            block.layout.display = "" if i < box.shown else "none"
        counter.value = f"<span>{box.shown} of {len(blocks)} sections shown</span>"
        next_button.disabled = box.shown >= len(blocks)

    def show_next(_b: Any) -> None:
        box.shown = min(box.shown + 1, len(blocks))
        update()

    def hide(_b: Any) -> None:
        box.shown = 0
        update()

    next_button.on_click(show_next)
    hide_button.on_click(hide)
    update()
    return box
