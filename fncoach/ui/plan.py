"""Panels for the family safety plan: assign and check, drill and change, review.

Each panel is an :class:`~fncoach.ui._common.ExercisePanel` and calls the core
(:mod:`fncoach.plan`, :mod:`fncoach.drills`, :mod:`fncoach.review`,
:mod:`fncoach.viz.drills`); it holds no rules of its own.

- :func:`build_plan_panel` — a main person and backups for each task from drop-downs, then check the plan;
- :func:`build_drill_panel` — run a drill, see the heatmap and what broke, change the plan, rerun and compare;
- :func:`build_review_panel` — the network's evidence log, the three review questions and your decision.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Mapping, Optional

import ipywidgets as widgets

from ..drills import compare_runs, replay_plan_changes, simulate, starting_plan
from ..model import WEEKDAYS, Assignment
from ..plan import (
    RULES,
    SAFETY_RULES,
    UnsafePlanChange,
    answers_from_assignments,
    assignments_from_answers,
    describe_when,
    fit_saved_plan,
    problems_by_task,
)
from ..planchange import STOPS_A_CHANGE, check_plan_change, check_whole_plan, review_plan_points, safety_findings
from ..review import (
    EVIDENCE_KINDS,
    REVIEW_QUESTIONS,
    UNDERSTANDING_QUESTION,
    VERDICTS,
    check_rescale,
    check_review,
    check_understanding,
    evidence_log,
    review_meeting,
    review_prompts,
)
from ..words import count_words
from ._common import ExercisePanel, button, figure_image, message_html, with_reason

__all__ = [
    "PlanPanel",
    "DrillPanel",
    "ReviewPanel",
    "build_plan_panel",
    "build_drill_panel",
    "build_review_panel",
    "BACKUP_SLOTS",
]

#: How many backup drop-downs each task has.
BACKUP_SLOTS = 2

_WIDE = widgets.Layout(width="min(100%, 46em)")
#: People drop-downs are wide enough for a long name and relationship (nothing a learner must read is cut off).
_PERSON_WIDTH = "min(100%, 64em)"
_NOBODY = "Nobody yet"
_CARD = dict(border="1px solid #bbb", padding="0.3em 0.6em", margin="0.3em 0", width="min(100%, 68em)")


def _p(text: str, strong: bool = False) -> widgets.HTML:
    inner = f"<strong>{html.escape(text)}</strong>" if strong else html.escape(text)
    return widgets.HTML(f"<p style='margin:0.4em 0 0.2em;max-width:46em;line-height:1.45'>{inner}</p>")


def _people_options(scenario) -> list[tuple[str, str]]:
    options = [(_NOBODY, "")]
    for person in scenario.people:
        label = f"{person.name} — {person.relationship}"
        if not person.is_known:
            label += " (not found yet)"
        options.append((label, person.id))
    return options


def _figure_box(result) -> widgets.VBox:
    """A figure as an image with its text description underneath (for screen readers and print)."""
    image = figure_image(result)
    description = widgets.HTML(f"<details><summary>Description of the figure</summary>"
                               f"<p style='max-width:46em'>{html.escape(result.description)}</p></details>")
    return widgets.VBox([image, description])


# ---------------------------------------------------------------------------- plan


class PlanPanel(ExercisePanel):
    """Assign a main person and backups for each task, then check the plan."""

    exercise_id = "safety_plan"

    def __init__(self, scenario):
        super().__init__()
        self.scenario = scenario
        options = _people_options(scenario)
        self.primary: dict[str, widgets.Dropdown] = {}
        self.backups: dict[str, list[widgets.Dropdown]] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        self.problems: tuple = ()
        rows = []
        for task in scenario.plan.tasks:
            primary = widgets.Dropdown(options=options, value="", description="Main person",
                                       layout=widgets.Layout(width=_PERSON_WIDTH),
                                       style={"description_width": "7em"})
            backups = [widgets.Dropdown(options=options, value="", description=f"Backup {k + 1}",
                                        layout=widgets.Layout(width=_PERSON_WIDTH),
                                        style={"description_width": "7em"}) for k in range(BACKUP_SLOTS)]
            for box in (primary, *backups):
                box.observe(self.safely(self._on_choice), names="value")
            self.primary[task.id], self.backups[task.id] = primary, backups
            self.feedback[task.id] = widgets.HTML("")
            needs = f" Needs someone who can: {', '.join(c.replace('_', ' ') for c in task.requires)}." if task.requires else ""
            where = " Done in person." if task.in_person else " Can be done by phone or video."
            rows.append(widgets.VBox([
                _p(task.title, strong=True),
                _p(f"{describe_when(task.when)}.{where}{needs}" + (f" {task.description}" if task.description else "")),
                primary, *backups, self.feedback[task.id]], layout=widgets.Layout(**_CARD)))
        self.check_button = button(description="Check the plan", button_style="primary", icon="check")
        self.check_button.on_click(self.safely(self._on_check))
        intro = widgets.HTML(
            "<p style='max-width:46em;line-height:1.45'>For each job in the safety plan, choose the main person and "
            "at least one backup: who steps in if the main person is ill or away? Then check the plan. The check "
            "looks at when people are free, how far away they live, what they can do, whether their safety has been "
            "agreed, and how many hours they have offered. Someone the workers are worried about is never given a "
            "job, and nobody is the safeguard against their own behaviour: you will be told at once.</p>")
        self.children = (intro, *rows, self.check_button, self.message)

    def _on_choice(self, change: Any) -> None:
        """Say at once when a choice is not safe for the child (the same plan check as the button)."""
        for task_id, boxes in self.backups.items():
            if change["owner"] is self.primary[task_id] or change["owner"] in boxes:
                unsafe = [p for p in check_whole_plan(self.scenario, self.assignments())
                          if p.task_id == task_id and p.rule in STOPS_A_CHANGE]
                self.feedback[task_id].value = "".join(message_html(p.message, "warn", RULES[p.rule])
                                                       for p in unsafe)
        self._changed()

    def _on_check(self, _button: Any = None) -> None:
        self.problems = check_whole_plan(self.scenario, self.assignments())
        by_task, general = problems_by_task(self.problems)
        for task_id, box in self.feedback.items():
            found = by_task.get(task_id, ())
            if found:
                box.value = "".join(message_html(p.message, "warn" if p.level == "problem" else "info",
                                                 RULES[p.rule]) for p in found)
            else:
                box.value = message_html("No problems found for this job.", "good", "Looks workable")
        to_fix = [p for p in self.problems if p.level == "problem"]
        if not to_fix:
            talk = len(self.problems)
            self.show("Every job has a main person and a backup who can do it. Next, test the plan in a drill."
                      + (f" There {'is' if talk == 1 else 'are'} {count_words(talk, 'thing')} to talk about, shown under "
                         "the jobs." if talk else ""),
                      "good", "No problems found")
        else:
            lines = [f"{count_words(len(to_fix), 'thing')} to fix; each is shown under its job."]
            lines += [p.message for p in general]
            self.show("\n".join(lines), "warn", "Have another look")

    def assignments(self) -> tuple[Assignment, ...]:
        """The plan as :class:`~fncoach.model.Assignment` objects (tasks with a main person only)."""
        return assignments_from_answers(self.answers())

    def answers(self) -> dict:
        """``{"assignments": [{"task", "primary", "backups"}]}`` for every task with a main person."""
        rows = []
        for task_id, primary in self.primary.items():
            backups = [b.value for b in self.backups[task_id] if b.value]
            if primary.value or backups:
                rows.append({"task": task_id, "primary": primary.value, "backups": backups})
        return {"assignments": rows}

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Put a saved plan back; unknown tasks or people are left out with a note."""
        saved = fit_saved_plan(self.scenario, answers, BACKUP_SLOTS)
        for task_id, (primary, backups) in saved.choices.items():
            self.primary[task_id].value = primary
            for box, value in zip(self.backups[task_id], backups):
                box.value = value
        if saved.skipped:
            self.show("Some saved answers did not match this scenario and were left out: "
                      + ", ".join(saved.skipped) + ".", "info")


def build_plan_panel(scenario) -> PlanPanel:
    """The plan-assigning exercise for a scenario.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_plan_panel(tiny_scenario())
    >>> panel.primary["t_school_run"].value = "gran"
    >>> panel.answers()
    {'assignments': [{'task': 't_school_run', 'primary': 'gran', 'backups': []}]}
    """
    return PlanPanel(scenario)


# ---------------------------------------------------------------------------- drill


_CHANGE_LABELS = {"add_backup": "Add a person (main or backup)", "swap_person": "Swap a person", "move_task": "Move a time"}


class DrillPanel(ExercisePanel):
    """Run a drill of the plan, see what broke, change the plan, rerun and compare."""

    exercise_id = "safety_plan_drill"

    def __init__(self, scenario, *, seed: int = 0, assignments: Optional[Iterable[Assignment]] = None,
                 plan_panel: Optional[PlanPanel] = None, model_answers: bool = False):
        super().__init__()
        self.scenario = scenario
        self.base_scenario = scenario
        self.plan_panel = plan_panel
        if plan_panel is not None:
            assignments = plan_panel.assignments()
        self.base_plan = starting_plan(scenario, assignments, model_answers=model_answers)
        self.plan = self.base_plan
        self.changes: list[dict] = []
        self.first_run = None
        self.last_run = None
        self.comparison = None
        # The random part of the drill is fixed so reruns are comparable; it is not shown to learners.
        self.seed = widgets.BoundedIntText(value=seed, min=0, max=10**9)
        self.run_button = button(description="Run the drill", button_style="primary", icon="play")
        self.run_button.on_click(self.safely(self._on_run))
        self.plan_view = widgets.HTML(self._plan_html())
        self.heatmap = widgets.VBox([])
        self.what_broke = widgets.HTML("")

        tasks = [(t.title, t.id) for t in scenario.plan.tasks]
        people = _people_options(scenario)[1:]
        self.change_kind = widgets.Dropdown(options=[(v, k) for k, v in _CHANGE_LABELS.items()], value="add_backup",
                                            description="Change", style={"description_width": "7em"},
                                            layout=widgets.Layout(width="min(100%, 30em)"))
        self.change_task = widgets.Dropdown(options=tasks, description="Job", style={"description_width": "7em"},
                                            layout=widgets.Layout(width=_PERSON_WIDTH))
        self.change_old = widgets.Dropdown(options=[], description="Instead of", style={"description_width": "7em"},
                                           layout=widgets.Layout(width=_PERSON_WIDTH))
        self.change_person = widgets.Dropdown(options=people, description="Person", style={"description_width": "7em"},
                                              layout=widgets.Layout(width=_PERSON_WIDTH))
        self.change_days = widgets.SelectMultiple(options=[(d.title(), d) for d in WEEKDAYS], description="Days",
                                                  style={"description_width": "7em"}, rows=7)
        self.change_start = widgets.Text(description="Start", placeholder="HH:MM", style={"description_width": "7em"},
                                         layout=widgets.Layout(width="14em"))
        self.change_end = widgets.Text(description="End", placeholder="HH:MM", style={"description_width": "7em"},
                                       layout=widgets.Layout(width="14em"))
        self.change_button = button(description="Make this change", icon="pencil")
        self.change_button.on_click(self.safely(self._on_change))
        self.rerun_button = button(description="Run the drill again", icon="refresh", disabled=True)
        self.rerun_button.on_click(self.safely(self._on_rerun))
        self.rerun_row = with_reason(self.rerun_button, self._rerun_reason())
        self.undo_button = button(description="Start again from the first plan", icon="undo")
        self.undo_button.on_click(self.safely(self._on_undo))
        self.change_kind.observe(self.safely(self._on_kind), names="value")
        self.change_task.observe(self.safely(self._on_task), names="value")
        self.change_fields = widgets.VBox([])
        self.before_after = widgets.VBox([])
        self._on_kind()

        intro = widgets.HTML(
            "<p style='max-width:46em;line-height:1.45'>A drill lives the plan day by day until the first review. "
            "Each job is done by its main person, or else by the first backup who is free, or it is missed. Some "
            "absences are written into the case (holidays, hospital); others happen at random, as illness and work "
            "do. The random part is the same every time, so after changing the plan you can rerun exactly the same "
            "weeks and compare.</p>")
        self.children = (intro, self.plan_view, self.run_button, self.heatmap,
                         self.what_broke,
                         widgets.HTML("<h4 style='margin:0.8em 0 0.2em'>What would you do?</h4>"),
                         self.change_kind, self.change_task, self.change_fields,
                         widgets.HBox([self.change_button, self.undo_button]), self.rerun_row,
                         self.before_after, self.message)

    def _rerun_reason(self) -> str:
        if self.first_run is None:
            return "Run the drill first, then make a change: this compares the two."
        return "Make a change to the plan first: this runs the same weeks again to compare."

    def _follow_disabled(self) -> None:
        self.rerun_button.disabled = self.first_run is None or not self.changes
        self.rerun_row.set_reason(self._rerun_reason())

    # -- plan display
    def _plan_html(self) -> str:
        return self._table_html() + self._check_html()

    def _check_html(self) -> str:
        """What the plan check (the same as in the plan exercise) says about safety in the plan being drilled."""
        found = safety_findings(check_whole_plan(self.scenario, self.plan)) if self.plan else ()
        if not found:
            return ""
        return message_html("The drill counts these jobs as done, but the plan check says they cannot stay as "
                            "they are:\n" + "\n".join(p.message for p in found), "warn",
                            "Safety first: " + count_words(len(found), "thing") + " to change")

    def _table_html(self) -> str:
        if not self.plan:
            return message_html("There is no plan to drill yet: assign people in the plan exercise, or add a main "
                                "person for a job with \"Add a person\" below.", "info")
        name = self.scenario.name_of
        rows = "".join(
            f"<tr><td>{html.escape(t.title)}</td><td>{html.escape(describe_when(t.when))}</td>"
            f"<td>{html.escape(name(a.primary)) if a else 'Nobody'}</td>"
            f"<td>{html.escape(', '.join(name(b) for b in a.backups)) if a and a.backups else '—'}</td></tr>"
            for t in self.scenario.plan.tasks for a in [next((x for x in self.plan if x.task == t.id), None)])
        return ("<table style='border-collapse:collapse;max-width:50em' border='1' cellpadding='4'>"
                "<tr><th>Job</th><th>When</th><th>Main person</th><th>Backups</th></tr>" + rows + "</table>")

    # -- change controls
    def _on_kind(self, _change: Any = None) -> None:
        kind = self.change_kind.value
        if kind == "add_backup":
            self.change_fields.children = (self.change_person,)
        elif kind == "swap_person":
            self._on_task()
            self.change_fields.children = (self.change_old, self.change_person)
        else:
            self._fill_time()
            self.change_fields.children = (self.change_days, self.change_start, self.change_end)

    def _on_task(self, _change: Any = None) -> None:
        a = next((x for x in self.plan if x.task == self.change_task.value), None)
        chain = [a.primary, *a.backups] if a else []
        self.change_old.options = [(self.scenario.name_of(pid), pid) for pid in chain]
        if self.change_kind.value == "move_task":
            self._fill_time()

    def _fill_time(self) -> None:
        task = next(t for t in self.scenario.plan.tasks if t.id == self.change_task.value)
        self.change_days.value = tuple(task.when.weekly)
        self.change_start.value, self.change_end.value = task.when.start, task.when.end

    def _change_from_widgets(self) -> dict:
        kind, task = self.change_kind.value, self.change_task.value
        if kind == "add_backup":
            return {"kind": kind, "task": task, "person": self.change_person.value}
        if kind == "swap_person":
            if not self.change_old.value:
                raise ValueError("nobody is assigned to this job yet, so there is nobody to swap")
            return {"kind": kind, "task": task, "old": self.change_old.value, "new": self.change_person.value}
        return {"kind": kind, "task": task, "weekly": list(self.change_days.value),
                "start": self.change_start.value.strip(), "end": self.change_end.value.strip()}

    def _on_change(self, _button: Any = None) -> None:
        change = self._change_from_widgets()
        try:
            result = check_plan_change(self.scenario, self.plan, change)  # the same check as the plan exercise
        except Exception as error:  # validation errors from the model become a plain message
            self.show(_plain_error(error), "warn", "That change could not be made")
            return
        if not result.made:
            self.show(result.text, result.level, result.headline)
            return
        self.scenario, self.plan = result.scenario, result.plan
        self.changes.append(change)
        self.plan_view.value = self._plan_html()
        self._follow_disabled()
        self.show(result.text + "\n" + ("Now run the drill again to compare the same weeks." if self.first_run else
                                        "Run the drill to see how it goes."), result.level, result.headline)
        self._changed()

    def _on_undo(self, _button: Any = None) -> None:
        self.scenario, self.plan, self.changes = self.base_scenario, self.base_plan, []
        self.plan_view.value = self._plan_html()
        self.before_after.children = ()
        self.comparison = None
        self._follow_disabled()
        self.show("Back to the first plan.", "info")
        self._changed()

    # -- running
    def _run(self):
        return simulate(self.scenario, self.plan, seed=int(self.seed.value))

    def _show_run(self, run) -> None:
        from ..viz.drills import draw_coverage_heatmap

        self.heatmap.children = (_figure_box(draw_coverage_heatmap(self.scenario, run)),)
        self.what_broke.value = _what_broke_html(self.scenario, run)

    def _follow_plan_panel(self) -> None:
        """Take the learner's current plan from the linked plan panel, keeping the changes made here."""
        if self.plan_panel is None:
            return
        plan = self.plan_panel.assignments()
        if plan == self.base_plan:
            return
        replay = replay_plan_changes(self.base_scenario, plan, self.changes)
        self.base_plan, self.scenario, self.plan, self.changes = plan, replay.scenario, replay.plan, list(replay.kept)
        self.plan_view.value = self._plan_html()

    def _on_run(self, _button: Any = None) -> None:
        self._follow_plan_panel()
        run = self._run()
        self.first_run = self.last_run = run
        self.before_after.children = ()
        self.comparison = None
        self._show_run(run)
        self._follow_disabled()
        level = "good" if not run.uncovered else "warn"
        self.show(f"{round(run.coverage * 100)}% of the jobs were covered in this drill.", level, "Drill finished")
        self._changed()

    def _on_rerun(self, _button: Any = None) -> None:
        from ..viz.drills import draw_before_after

        if self.first_run is None:
            self._on_run()
            return
        before = simulate(self.base_scenario, self.base_plan, seed=int(self.seed.value))
        after = self._run()
        self.first_run, self.last_run = before, after
        self.comparison = compare_runs(before, after)
        self._show_run(after)
        self.before_after.children = (widgets.HTML(message_html("\n".join(self.comparison.lines),
                                                                "good" if self.comparison.change > 0 else "info",
                                                                "Before and after")),
                                      _figure_box(draw_before_after(before, after)))
        self._changed()

    # -- answers
    def answers(self) -> dict:
        """``{"seed", "changes": [plain change dicts], "coverage_before", "coverage_after"}``."""
        data: dict[str, Any] = {"seed": int(self.seed.value), "changes": [dict(c) for c in self.changes],
                                "plan": answers_from_assignments(self.plan)}
        if self.first_run is not None:
            data["coverage_before"] = self.first_run.coverage
        if self.comparison is not None:
            data["coverage_after"] = self.comparison.after
        return data

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Replay saved changes on the first plan; changes that no longer apply are left out with a note."""
        answers = answers or {}
        if "seed" in answers:
            self.seed.value = int(answers["seed"])
        replay = replay_plan_changes(self.base_scenario, self.base_plan, answers.get("changes") or ())
        self.scenario, self.plan, self.changes = replay.scenario, replay.plan, list(replay.kept)
        skipped = [str(change.get("kind", "?")) for change in replay.skipped]
        self.plan_view.value = self._plan_html()
        self._follow_disabled()
        if skipped:
            self.show("Some saved changes did not fit this scenario and were left out: " + ", ".join(skipped) + ".",
                      "info")


def _plain_error(error: Exception) -> str:
    text = str(error)
    if "validation error" in text:  # pydantic: keep the human part
        lines = [line.strip() for line in text.splitlines() if line.strip() and not line.startswith("For further")]
        text = "; ".join(lines[1:]) or text
    return text[:1].upper() + text[1:]


def _what_broke_html(scenario, run) -> str:
    titles = {t.id: t.title for t in scenario.plan.tasks}
    name = scenario.name_of
    parts = []
    if run.uncovered:
        items = "".join(f"<li><strong>Day {u.day}, {html.escape(titles.get(u.task, u.task))}</strong>: "
                        f"{html.escape(u.reason)}</li>" for u in run.uncovered)
        parts.append(f"<h4 style='margin:0.6em 0 0.2em'>What broke</h4><ul style='max-width:46em'>{items}</ul>")
    else:
        parts.append("<p><strong>Nothing broke:</strong> every job was covered.</p>")
    if run.backups_used:
        parts.append("<p>Backups who saved the day: " + html.escape(", ".join(
            f"{name(b.person)} ({b.times} time{'s' if b.times != 1 else ''})" for b in run.backups_used)) + ".</p>")
    if run.single_points:
        parts.append("<p>Only one person could have done the job on some days: " + html.escape(", ".join(
            f"{name(p.person)} ({p.occurrences})" for p in run.single_points))
            + ". If they had been ill, nobody could have stepped in.</p>")
    if run.uncovered:
        parts.append("<p>When a plan breaks in a drill, the usual next step is for the network to meet again and "
                     "agree new backups or times. That is normal, not a failure.</p>")
    return "<div style='max-width:48em;line-height:1.45'>" + "".join(parts) + "</div>"


def build_drill_panel(scenario, *, seed: int = 0, assignments: Optional[Iterable[Assignment]] = None,
                      plan_panel: Optional[PlanPanel] = None, model_answers: bool = False) -> DrillPanel:
    """The drill exercise: run, see what broke, change the plan, rerun and compare.

    Drills the learner's plan from ``plan_panel`` (read again at every run),
    or ``assignments`` if given. With neither, the learner starts from an
    empty plan of their own. The scenario's model plan is facilitator
    material: it is only used when ``model_answers=True`` is asked for
    (for a coach's demonstration).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_drill_panel(tiny_scenario(), seed=1)
    >>> panel.run_button.click()
    >>> "covered in this drill" in panel.message.value
    True
    """
    return DrillPanel(scenario, seed=seed, assignments=assignments, plan_panel=plan_panel,
                      model_answers=model_answers)


# ---------------------------------------------------------------------------- review


class ReviewPanel(ExercisePanel):
    """The review meeting: everyone re-scales, the evidence log, what the network understands, and the decision."""

    exercise_id = "safety_plan_review"

    def __init__(self, scenario, *, seed: int = 0, assignments: Optional[Iterable[Assignment]] = None,
                 model_answers: bool = False):
        super().__init__()
        self.scenario = scenario
        plan = starting_plan(scenario, assignments, model_answers=model_answers)
        self.plan = plan
        self.run = simulate(scenario, plan, seed=seed)
        #: The plan check's safety problems with this plan: they must change whatever the drill shows.
        self.unsafe = safety_findings(check_whole_plan(scenario, plan))
        self.evidence = evidence_log(scenario, self.run)
        self.prompts = review_prompts(scenario, self.run, self.evidence)
        self.feedback = None
        self.understanding = None
        self.rescale = None
        self._build_rescale()
        self._build_understanding()
        empty = (message_html("There is no plan yet, so in this log every job was missed. Make your plan in the "
                              "plan exercise first, then come back to review it.", "info") if not plan else "")
        unsafe = (message_html("\n".join(p.message for p in self.unsafe), "warn", "The plan check (as in the plan "
                               f"exercise) says: not safe for {scenario.child.name}, whatever the drill shows")
                  if self.unsafe else "")
        self.log_view = widgets.HTML(unsafe + empty + _evidence_html(scenario, self.evidence))
        self.question_boxes = [widgets.Textarea(placeholder="Your notes for this question",
                                                layout=widgets.Layout(width="min(100%, 46em)", height="4.5em"))
                               for _ in REVIEW_QUESTIONS]
        self.prompt_views = [widgets.HTML("") for _ in REVIEW_QUESTIONS]
        self.show_prompts = button(description="What does the evidence show?", icon="search")
        self.show_prompts.on_click(self.safely(self._on_prompts))
        self.working = widgets.RadioButtons(options=[(v, k) for k, v in VERDICTS.items()], value=None,
                                            description="Is it working?", style={"description_width": "8em"},
                                            layout=widgets.Layout(width="min(100%, 40em)"))
        self.change = {t.id: widgets.Checkbox(value=False, description=t.title, indent=False,
                                              layout=widgets.Layout(width="auto", max_width="100%"))
                       for t in scenario.plan.tasks}
        self.reconvene = widgets.Checkbox(value=False, indent=False,
                                          description="Get the network together again before the next planned review",
                                          layout=widgets.Layout(width="auto", max_width="100%"))
        self.notes = widgets.Textarea(placeholder="Anything else you would say at the review",
                                      layout=widgets.Layout(width="min(100%, 46em)", height="4.5em"))
        self.check_button = button(description="Check my decision", button_style="primary", icon="check")
        self.check_button.on_click(self.safely(self._on_check))
        for box in (*self.question_boxes, self.working, *self.change.values(), self.reconvene, self.notes):
            box.observe(self.safely(lambda _c: self._changed()), names="value")
        questions = []
        for number, (question, box, view) in enumerate(zip(REVIEW_QUESTIONS, self.question_boxes, self.prompt_views), 1):
            questions += [_p(f"{number}. {question}", strong=True), box, view]
        intro = widgets.HTML(
            "<p style='max-width:46em;line-height:1.45'>Four weeks on, the network brings what it has kept: diary "
            "entries, texts and call logs. Read them — look for the gaps as well — and think about the three review "
            "questions. Then decide whether the plan is working and what should change.</p>")
        self.children = (intro, *self.rescale_rows, self.log_view, *questions, self.show_prompts,
                         *self.understanding_rows,
                         _p("Your decision", strong=True), self.working,
                         _p("Which jobs need changing?"), *self.change.values(), self.reconvene, self.notes,
                         self.check_button, self.message)

    # -- everyone re-scales
    def _build_rescale(self) -> None:
        scenario = self.scenario
        meeting = review_meeting(scenario)
        self.meeting = meeting
        heard = meeting.scores if meeting is not None else ()
        self.scale_boxes: dict[str, tuple[widgets.Text, widgets.Text]] = {}
        rows: list = []
        if meeting is not None:
            rows.append(_p(f"Everyone re-scales at the review ({meeting.title}, week {meeting.week})", strong=True))
            rows.append(_p("Each person says their number from 0 to 10 and why. Write down what each one says — their "
                           "number, not yours — then give your own with your reason. Nothing is averaged."))
        for item in heard:
            said = widgets.HTML(f"<blockquote style='max-width:46em;margin:0.3em 0 0.1em 1em'><strong>"
                                f"{html.escape(scenario.name_of(item.who))}</strong>: “I'd say {item.score}. "
                                f"{html.escape(item.reason)}”</blockquote>")
            number = widgets.Text(placeholder="0–10", description="Number", layout=widgets.Layout(width="12em"),
                                  style={"description_width": "5em"})
            reason = widgets.Text(placeholder="Their reason, in their words", layout=widgets.Layout(width="min(100%, 34em)"))
            self.scale_boxes[item.who] = (number, reason)
            rows += [said, widgets.HBox([number, reason])]
        self.own_score = widgets.Text(placeholder="0–10", description="Yours", layout=widgets.Layout(width="12em"),
                                      style={"description_width": "5em"})
        self.own_reason = widgets.Text(placeholder="Your reason: what are you seeing?",
                                       layout=widgets.Layout(width="min(100%, 34em)"))
        self.rescale_button = button(description="Record the numbers", icon="check")
        self.rescale_button.on_click(self.safely(self._on_rescale))
        self.rescale_message = widgets.HTML("")
        self.history = widgets.VBox()
        for box in (self.own_score, self.own_reason, *(b for pair in self.scale_boxes.values() for b in pair)):
            box.observe(self.safely(lambda _c: self._changed()), names="value")
        if meeting is not None:
            rows += [widgets.HBox([self.own_score, self.own_reason]), self.rescale_button, self.rescale_message,
                     self.history]
        self.rescale_rows = tuple(rows)

    def scale_entries(self) -> dict:
        return {who: {"score": number.value.strip(), "reason": reason.value}
                for who, (number, reason) in self.scale_boxes.items()}

    def _on_rescale(self, _button: Any = None) -> None:
        from ..scaling import review_history
        from ..viz.sos import draw_scale_history

        own = {"score": self.own_score.value.strip(), "reason": self.own_reason.value}
        self.rescale = check_rescale(self.scenario, self.scale_entries(), own)
        self.rescale_message.value = message_html("\n".join(self.rescale.points), self.rescale.level,
                                                  "The numbers at the review")
        points = review_history(self.scenario, self.meeting.id if self.meeting else None, self.rescale.own)
        self.history.children = (_figure_box(draw_scale_history(self.scenario, points=points)),)

    # -- what the network understands
    def _build_understanding(self) -> None:
        answers = self.scenario.review_answers
        self.gap_boxes = [widgets.Checkbox(value=False, indent=False, description="This shows a gap",
                                           layout=widgets.Layout(width="auto")) for _ in answers]
        self.gap_notes = [widgets.Text(placeholder="What would you ask or say?", layout=widgets.Layout(width="min(100%, 34em)"))
                          for _ in answers]
        for box in (*self.gap_boxes, *self.gap_notes):
            box.observe(self.safely(lambda _c: self._changed()), names="value")
        self.understanding_button = button(description="Check what I noticed", icon="check")
        self.understanding_button.on_click(self.safely(self._on_understanding))
        self.understanding_message = widgets.HTML("")
        rows: list = []
        if answers:
            rows.append(_p(f"What does the network understand? Each member is asked: “{UNDERSTANDING_QUESTION}”",
                           strong=True))
            rows.append(_p("A plan can cover every job and still fail if the people doing them do not know what they "
                           "are watching for. Mark each answer that shows a gap."))
        for answer, gap, note in zip(answers, self.gap_boxes, self.gap_notes):
            rows.append(widgets.HTML(
                f"<p style='max-width:46em;margin:0.4em 0 0.1em'><em>{html.escape(answer.question)}</em></p>"
                f"<blockquote style='max-width:46em;margin:0 0 0.2em 1em'><strong>"
                f"{html.escape(self.scenario.name_of(answer.who))}</strong>: “{html.escape(answer.answer)}”</blockquote>"))
            rows.append(widgets.HBox([gap, note]))
        if answers:
            rows += [self.understanding_button, self.understanding_message]
        self.understanding_rows = tuple(rows)

    def marks(self) -> dict:
        return {str(i): {"gap": bool(box.value), "note": note.value}
                for i, (box, note) in enumerate(zip(self.gap_boxes, self.gap_notes))}

    def _on_understanding(self, _button: Any = None) -> None:
        self.understanding = check_understanding(self.scenario, self.marks())
        self.understanding_message.value = message_html(self.understanding.text, self.understanding.level,
                                                        "What the network understands")

    def _on_prompts(self, _button: Any = None) -> None:
        for view, prompt in zip(self.prompt_views, self.prompts):
            items = "".join(f"<li>{html.escape(p)}</li>" for p in prompt.points)
            view.value = f"<ul style='max-width:46em;line-height:1.4;margin:0.2em 0'>{items}</ul>"

    def decision(self) -> dict:
        return {"working": self.working.value or "", "change": [t for t, box in self.change.items() if box.value],
                "reconvene": bool(self.reconvene.value), "notes": self.notes.value}

    def _on_check(self, _button: Any = None) -> None:
        if not self.working.value:
            self.show("First choose whether the plan is working.", "info", "Your decision")
            return
        if self.scenario.review_answers and self.understanding is None:
            self._on_understanding()
        self.feedback = check_review(self.decision(), self.run, evidence=self.evidence, unsafe=self.unsafe,
                                     understanding=self.understanding)
        self.show("\n".join(self.feedback.points), self.feedback.level, self.feedback.headline)

    def answers(self) -> dict:
        """``{"seed", "questions": [three texts], "decision": {working, change, reconvene, notes},
        "scales": {person id: {score, reason}}, "own_scale": {score, reason}, "understanding": {index: {gap, note}}}``."""
        return {"seed": self.run.seed, "questions": [box.value for box in self.question_boxes],
                "decision": self.decision(), "scales": self.scale_entries(),
                "own_scale": {"score": self.own_score.value, "reason": self.own_reason.value},
                "understanding": self.marks()}

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Put saved notes and a saved decision back; unknown jobs are left out with a note."""
        answers = answers or {}
        for box, text in zip(self.question_boxes, answers.get("questions") or ()):
            box.value = str(text or "")
        decision = answers.get("decision") or {}
        self.working.value = decision.get("working") if decision.get("working") in VERDICTS else None
        chosen = set(decision.get("change") or ())
        for task_id, box in self.change.items():
            box.value = task_id in chosen
        self.reconvene.value = bool(decision.get("reconvene"))
        self.notes.value = str(decision.get("notes") or "")
        scales = answers.get("scales") or {}
        for who, (number, reason) in self.scale_boxes.items():
            entry = scales.get(who) or {} if isinstance(scales, Mapping) else {}
            number.value, reason.value = _text(entry.get("score")), _text(entry.get("reason"))
        own = answers.get("own_scale") or {}
        self.own_score.value, self.own_reason.value = _text(own.get("score")), _text(own.get("reason"))
        marks = answers.get("understanding") or {}
        for index, (box, note) in enumerate(zip(self.gap_boxes, self.gap_notes)):
            mark = marks.get(str(index)) or {} if isinstance(marks, Mapping) else {}
            box.value, note.value = bool(mark.get("gap")), str(mark.get("note") or "")
        unknown = chosen - set(self.change)
        if unknown:
            self.show("Some saved jobs are not in this scenario and were left out: " + ", ".join(sorted(unknown)) + ".",
                      "info")


def _text(value: Any) -> str:
    return "" if value is None else str(value)


def _evidence_html(scenario, evidence) -> str:
    titles = {t.id: t.title for t in scenario.plan.tasks}
    rows = []
    for e in evidence:
        kind = EVIDENCE_KINDS[e.kind]
        text = html.escape(e.text)
        if e.kind == "gap":
            text = f"<em>— {text} —</em>"
            kind = f"<em>{kind}</em>"
        rows.append(f"<tr><td>Day {e.day}<br><small>{e.date.strftime('%a %d %b')}</small></td><td>{e.time}</td>"
                    f"<td>{kind}</td><td>{html.escape(titles.get(e.task, e.task))}</td><td>{text}</td></tr>")
    return ("<details open><summary><strong>The network's evidence log</strong></summary>"
            # it scrolls, so it can be reached with the keyboard (Tab, then the arrow keys) and is named
            "<div tabindex='0' role='region' aria-label=\"The network's evidence log (scrolls)\" "
            "style='max-height:26em;overflow-y:auto;max-width:52em'>"
            "<table style='border-collapse:collapse' border='1' cellpadding='4'>"
            "<tr><th>Day</th><th>Time</th><th>Record</th><th>Job</th><th>What it says</th></tr>"
            + "".join(rows) + "</table></div></details>")


def build_review_panel(scenario, *, seed: int = 0, assignments: Optional[Iterable[Assignment]] = None,
                       model_answers: bool = False,
                       family_time: Optional[Mapping[str, Any]] = None) -> ReviewPanel:
    """The review-meeting exercise for a drill of the learner's plan.

    With ``family_time`` answers that hold at least one complete job, the review looks at the plan the network
    wrote in Private Family Time (its own jobs and people, see :func:`fncoach.familytime.learner_scenario`), as
    the drill and Words and Pictures do; otherwise the case's jobs with ``assignments``. Without either the
    learner's plan is empty, so the evidence log shows every job missed. The scenario's model plan (facilitator
    material) is only used when ``model_answers=True`` is asked for.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_review_panel(tiny_scenario())
    >>> panel.working.value = "partly"
    >>> panel.answers()["decision"]["working"]
    'partly'
    """
    if family_time and not model_answers:
        from ..familytime import learner_scenario, plan_from_family_time

        plan = plan_from_family_time(family_time, scenario)
        if plan.tasks:
            return ReviewPanel(learner_scenario(scenario, plan), seed=seed, assignments=plan.assignments)
    return ReviewPanel(scenario, seed=seed, assignments=assignments, model_answers=model_answers)


