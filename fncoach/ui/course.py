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

import datetime as _dt
import html
import logging
import os
from pathlib import Path
from typing import Any, Callable, Sequence

import ipywidgets as widgets

from .. import course as _course
from ..record import Record, RecordError, clean_learner_name, default_learner, default_record_path
from ..scenario import ScenarioError, bundled_scenarios_dir, find_scenario_files, load_scenario
from ._common import ExercisePanel, message_html

__all__ = [
    "AutoSave",
    "Course",
    "autosave",
    "build_reflection_panel",
    "build_model_answers_panel",
    "case_card",
    "figure_html",
    "learner_box",
    "meetings_html",
    "open_course_record",
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


def scenario_choices(folder: str | Path | None = None) -> list[tuple[str, str]]:
    """``(label, id)`` for every bundled scenario, sorted by label.

    Only the title and the child's name and age are read here (quickly, with a safe YAML reader); the full
    check happens when a case is chosen. A file that cannot be read is listed with "(has a problem)".
    """
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    choices = []
    for path in find_scenario_files([Path(folder) if folder else bundled_scenarios_dir()]):
        try:
            data = yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
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

    path = bundled_scenario_path(scenario_id) if scenario_id else None
    if path is None and scenario_id and Path(scenario_id).is_file():
        path = Path(scenario_id)
    if path is None:
        raise LookupError(f"There is no case called '{scenario_id}' in {bundled_scenarios_dir()}. "
                          "Choose one from the list.")
    return _load(path)


def scenario_picker(default: str = _course.DEFAULT_SCENARIO, folder: str | Path | None = None) -> widgets.Dropdown:
    """A drop-down list of the bundled cases, starting on ``default`` (or the first case if it is not there)."""
    choices = scenario_choices(folder)
    ids = [value for _, value in choices]
    value = default if default in ids else (ids[0] if ids else None)
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


def learner_box(learner: str = "") -> widgets.Text:
    """A box for the learner's name (saved work is kept under it). Empty → :func:`default_learner`."""
    return widgets.Text(
        value=(learner or "").strip() or default_learner(), description="Your name:",
        placeholder="Type your name or a nickname", continuous_update=False,
        style={"description_width": "initial"}, layout=widgets.Layout(width="min(100%, 30em)"),
    )


def open_course_record(path: str | Path | None = None) -> Record:
    """The learner record for this kernel (opened once per file; see :func:`fncoach.record.default_record_path`)."""
    target = Path(path).expanduser() if path else default_record_path()
    if target not in _RECORDS:
        _RECORDS[target] = Record(target)
    return _RECORDS[target]


def where_work_is_saved() -> str:
    """One plain sentence saying where work is saved."""
    return (f"Your answers are saved as you work, in the file {default_record_path()} "
            "(your trainer can change this with the FNCOACH_RECORD setting).")


def _when(iso: str | None) -> str:
    if not iso:
        return ""
    try:
        moment = _dt.datetime.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{moment.day} {moment.strftime('%B')} at {moment.strftime('%H:%M')}"


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
                 record: Record | None = None):
        self.panel = panel
        self.exercise = exercise
        self.scenario_id = scenario_id
        self.learner = clean_learner_name(learner) if learner and learner.strip() else default_learner()
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
        if self.record is None:
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
        return True

    def _done_changed(self, change: dict) -> None:
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
             record: Record | None = None) -> AutoSave:
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

    Returns
    -------
    AutoSave
        Display its ``.widget``.
    """
    return AutoSave(panel, exercise=exercise, scenario_id=scenario_id, learner=learner, record=record)


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
        name = getattr(box, "learner", None) or learner or default_learner()
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
    """A :class:`~fncoach.viz._common.FigureResult` as an ``<img>`` (alt text = its description) plus the description."""
    from ..pages import png_data_uri, render

    return render("widget_figure.html.j2", src=png_data_uri(result.png(dpi)), description=result.description)


# ---------------------------------------------------------------------------- the course session


class Course:
    """One notebook's session: the learner's name, the chosen case, and the exercises and figures that follow it.

    Parameters
    ----------
    scenario : str
        The case to open with (a bundled id); the learner can switch with the picker.
    learner : str
        The learner's name ("" → :func:`fncoach.record.default_learner`).
    """

    def __init__(self, scenario: str = _course.DEFAULT_SCENARIO, learner: str = "", *, ask_name: bool = True):
        self.picker = scenario_picker(scenario)
        self.name_box = learner_box(learner)
        self.case = widgets.HTML()
        self.note = widgets.HTML()
        self._areas: list[Callable[[], None]] = []
        self._autosaves: dict[str, AutoSave] = {}
        self._learner = self._clean_name(self.name_box.value)
        self.header = widgets.VBox([self.name_box, self.picker, self.note, self.case] if ask_name
                                   else [self.picker, self.note, self.case])
        self.picker.observe(lambda _c: self._refresh_all(), names="value")
        self.name_box.observe(self._name_changed, names="value")
        self._show_case()
        try:
            rec = open_course_record()
            if rec.notice:
                self.note.value = message_html(rec.notice, "info", "About your saved work")
        except RecordError as error:
            self.note.value = message_html(str(error), "error", "Your work cannot be saved here")

    # -- state
    @property
    def scenario_id(self) -> str:
        """The chosen case's id."""
        return self.picker.value or ""

    @property
    def scenario(self):
        """The chosen case (a :class:`~fncoach.model.Scenario`)."""
        return _load_case(self.scenario_id)

    @property
    def learner(self) -> str:
        """The learner's name, tidied."""
        return self._learner

    def autosaved(self, exercise: str) -> AutoSave | None:
        """The :class:`AutoSave` currently showing ``exercise`` (for tests and trainers)."""
        return self._autosaves.get(exercise)

    @staticmethod
    def _clean_name(value: str) -> str:
        try:
            return clean_learner_name(value)
        except RecordError:
            return default_learner()

    def _name_changed(self, change: dict) -> None:
        try:
            self._learner = clean_learner_name(change["new"])
        except RecordError as error:
            self.note.value = message_html(f"{error} Your work is still being saved under {self._learner}.", "warn")
            return
        self.note.value = message_html(f"Your work will now be saved under the name {self._learner}.", "info")
        self._refresh_all(case=False)

    def _show_case(self) -> None:
        try:
            self.case.value = case_card(self.scenario)
        except (LookupError, ScenarioError, OSError) as error:
            self.case.value = message_html(_plain_load_error(error), "error", "This case cannot be opened")

    def _refresh_all(self, case: bool = True) -> None:
        if case:
            self._show_case()
        for refresh in self._areas:
            refresh()

    # -- content that follows the chosen case
    def saved_answers(self, exercise: str) -> dict | None:
        """This learner's saved answers to ``exercise`` for the chosen case (``None`` if none or unreadable)."""
        try:
            return open_course_record().load_answers(self.learner, self.scenario_id, exercise)
        except RecordError:
            return None

    def exercise(self, build: Callable[..., ExercisePanel], exercise: str, *, per_case: bool = True,
                 from_saved: dict[str, tuple[str, Callable[[dict], Any]]] | None = None,
                 **options: Any) -> widgets.VBox:
        """Show an exercise panel, saved automatically, rebuilt when the case or the learner changes.

        ``build(scenario, **options)`` makes the panel (``build(**options)`` when ``per_case=False``, and then
        the answers are saved under :data:`~fncoach.course.GENERAL_SCENARIO`).

        ``from_saved={"assignments": ("safety_plan", convert)}`` passes ``convert(saved answers)`` of another
        exercise as an option (for example the learner's own plan into the drill), with a button to pick up
        the latest version.
        """
        area = widgets.VBox()

        def refresh() -> None:
            try:
                extra, note = self._options_from_saved(from_saved)
                panel = build(self.scenario, **options, **extra) if per_case else build(**options, **extra)
                key = self.scenario_id if per_case else _course.GENERAL_SCENARIO
                saver = autosave(panel, exercise=exercise, scenario_id=key, learner=self.learner)
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
            self._autosaves[exercise] = saver
            top: tuple = ()
            if from_saved:
                again = widgets.Button(description="Use my latest answers from earlier", icon="refresh",
                                       layout=widgets.Layout(width="auto", align_self="flex-start"))
                again.on_click(lambda _b: refresh())
                top = (widgets.HTML(f"<p style='max-width:46em;line-height:1.45'>{html.escape(note)}</p>"), again)
            area.children = (*top, saver.widget)

        refresh()
        self._areas.append(refresh)
        return area

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
                except Exception:  # answers from an older version: fall back to the case's example
                    value = None
            name = titles.get(source, source)
            if value:
                extra[option] = value
                used.append(name)
            else:
                missing.append(name)
        if used and not missing:
            note = "This uses your own answers from “" + "”, “".join(used) + "”."
        else:
            note = ("Nothing is saved yet for “" + "”, “".join(missing) + "”, so this starts without your answers "
                    "from it. Do that exercise first to use them here.")
        return extra, note + " Changed them since? Press the button to bring this up to date."

    def figure(self, draw: Callable[..., Any], *, via: Callable[[Any], Any] | None = None,
               **options: Any) -> widgets.HTML:
        """Show a figure for the chosen case with its text description, redrawn when the case changes.

        ``draw(scenario, **options)`` — or ``draw(via(scenario), **options)`` — returns a ``FigureResult``.
        """
        area = widgets.HTML()

        def refresh() -> None:
            try:
                subject = self.scenario
                result = draw(via(subject) if via else subject, **options)
                area.value = figure_html(result)
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
        self._areas.append(refresh)
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
        self._areas.append(refresh)
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
        self._areas.append(refresh)
        return area

    def reflection(self, exercise: str) -> widgets.VBox:
        """The reflection exercise ``exercise`` (prompts from :data:`fncoach.course.REFLECTIONS`), saved per case."""
        return self.exercise(lambda _scenario: build_reflection_panel(_course.REFLECTIONS[exercise], exercise),
                             exercise)

    def case_text(self) -> str:
        """The chosen case in plain lines (what the case card shows)."""
        return "\n".join(_course.case_summary_lines(self.scenario))

    def progress(self) -> widgets.VBox:
        """The learner's progress table, following the name box."""
        box = progress_overview(self.learner)

        def refresh() -> None:
            box.learner = self.learner  # type: ignore[attr-defined]
            box.refresh()  # type: ignore[attr-defined]

        self._areas.append(refresh)
        return box


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
