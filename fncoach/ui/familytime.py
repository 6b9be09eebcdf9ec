"""Panels for Private Family Time (the network writes its plan), drilling that plan, and the handover.

Thin views over :mod:`fncoach.familytime`: every rule lives there.

- :func:`build_family_time_panel` — the members' offers, "what if…?" questions, and the learner's jobs, checked;
- :func:`build_own_plan_drill_panel` — the drill panel of :mod:`fncoach.ui.plan`, run on the plan the learner wrote;
- :func:`build_handover_panel` — the final meeting: who takes over each professional's job, what stays in the
  one shared plan, who keeps it, and how the network calls itself back together.
"""

from __future__ import annotations

import html
from typing import Any, Iterable, Mapping, Optional

import ipywidgets as widgets

from ..familytime import (
    ask_what_if,
    check_family_plan,
    check_handover,
    findings_by_job,
    handover_jobs,
    job_from_offer,
    learner_scenario,
    plan_choices,
    plan_from_family_time,
)
from ..model import TASK_KINDS, WEEKDAYS, Assignment
from ..plan import SAFETY_RULES
from ._common import ExercisePanel, button, message_html
from .plan import DrillPanel

__all__ = [
    "FamilyTimePanel",
    "JobCard",
    "HandoverPanel",
    "build_family_time_panel",
    "build_own_plan_drill_panel",
    "build_handover_panel",
]

_NOBODY = "Nobody yet"
_STYLE = {"description_width": "13em"}  # wide enough for "Calling us back together" in full
_WIDE = widgets.Layout(width="min(100%, 40em)")
_CARD = dict(border="1px solid #bbb", padding="0.3em 0.6em", margin="0.3em 0", width="min(100%, 50em)")


def _p(text: str, strong: bool = False) -> widgets.HTML:
    inner = f"<strong>{html.escape(text)}</strong>" if strong else html.escape(text)
    return widgets.HTML(f"<p style='margin:0.4em 0 0.2em;max-width:46em;line-height:1.45'>{inner}</p>")


def _people(scenario, first: str = _NOBODY) -> list[tuple[str, str]]:
    """Everyone in the case: by Private Family Time the first meeting has asked who is missing, and the people
    it found are in the room making offers."""
    return [(first, "")] + [(f"{p.name} — {p.relationship}", p.id) for p in scenario.people]


def _findings_html(findings: Iterable) -> str:
    return "".join(message_html(f.message, "warn" if f.level == "problem" else "info", f.title) for f in findings)


# ---------------------------------------------------------------------------- Private Family Time


class JobCard(widgets.VBox):
    """One job the learner writes: what, when, who, backups, red flag, trigger, who checks, the child's words."""

    def __init__(self, scenario, job: Mapping[str, Any], on_change, on_remove):
        worries = [("Choose the worry it answers", "")] + [
            (w.text if len(w.text) <= 80 else w.text[:79] + "…", w.id) for w in scenario.sos.worry_statements]
        people = _people(scenario)
        self.offer = str(job.get("offer") or "")
        self.what = widgets.Text(description="What", placeholder="e.g. Drive Zara to school", style=_STYLE,
                                 layout=_WIDE)
        self.kind = widgets.Dropdown(options=[("Choose", "")] + [(k.replace("_", " ").capitalize(), k)
                                                                for k in TASK_KINDS],
                                     description="Kind of job", style=_STYLE, layout=_WIDE)
        self.worry = widgets.Dropdown(options=worries, description="Worry it answers", style=_STYLE, layout=_WIDE)
        self.days = widgets.SelectMultiple(options=[(d.title(), d) for d in WEEKDAYS], rows=7, description="Days",
                                           style=_STYLE)
        self.start = widgets.Text(description="From", placeholder="HH:MM", style=_STYLE,
                                  layout=widgets.Layout(width="20em"))
        self.end = widgets.Text(description="Until", placeholder="HH:MM", style={"description_width": "4em"},
                                layout=widgets.Layout(width="11em"))
        self.who = widgets.Dropdown(options=people, description="Who does it", style=_STYLE, layout=_WIDE)
        self.backups = [widgets.Dropdown(options=people, description=f"Backup {k + 1}", style=_STYLE, layout=_WIDE)
                        for k in range(2)]
        self.red_flag = widgets.Text(description="Red flag", placeholder="What would tell us it is going wrong?",
                                     style=_STYLE, layout=_WIDE)
        self.trigger = widgets.Textarea(description="What we do then",
                                        placeholder="Who does what when the red flag shows, or the job can't happen?",
                                        style=_STYLE, layout=widgets.Layout(width="min(100%, 40em)", height="4em"))
        self.checked_by = widgets.Dropdown(options=people, description="Who checks", style=_STYLE, layout=_WIDE)
        self.child_words = widgets.Text(description="As the child says it", style=_STYLE, layout=_WIDE)
        self.own_promise = widgets.Checkbox(description="This is the person's own promise about their own behaviour",
                                            indent=False, layout=widgets.Layout(width="auto"))
        self.remove = button(description="Remove this job", icon="trash")
        self.remove.on_click(lambda _b: on_remove(self))
        self.feedback = widgets.HTML("")
        self.heading = _p("", strong=True)
        self.dates_note = widgets.HTML("")
        self.fill(job)
        for box in self._boxes():
            box.observe(lambda _c: on_change(), names="value")
        super().__init__([self.heading, self.what, self.kind, self.worry, self.dates_note, self.days,
                          widgets.HBox([self.start, self.end]), self.who, *self.backups, self.red_flag, self.trigger,
                          self.checked_by, self.child_words, self.own_promise, self.remove, self.feedback],
                         layout=widgets.Layout(**_CARD))

    def _boxes(self) -> list:
        return [self.what, self.kind, self.worry, self.days, self.start, self.end, self.who, *self.backups,
                self.red_flag, self.trigger, self.checked_by, self.child_words, self.own_promise]

    @staticmethod
    def _set(box, value) -> None:
        options = {v for _, v in box.options} if isinstance(box, widgets.Dropdown) else None
        if options is not None and value not in options:
            value = ""
        box.value = value

    def fill(self, job: Mapping[str, Any]) -> None:
        """Put a job's plain answers into the boxes (unknown people or kinds are left empty)."""
        self.what.value = str(job.get("what") or "")
        self._set(self.kind, str(job.get("kind") or ""))
        self._set(self.worry, str(job.get("worry") or ""))
        self.dates = [str(d) for d in job.get("dates") or ()]
        self.dates_note.value = (f"<p style='margin:0.2em 0'>On these dates: {html.escape(', '.join(self.dates))}"
                                 " (and on any days you choose below).</p>" if self.dates else "")
        self.days.value = tuple(d for d in job.get("days") or () if d in WEEKDAYS)
        self.start.value, self.end.value = str(job.get("start") or ""), str(job.get("end") or "")
        self._set(self.who, str(job.get("who") or ""))
        backups = list(job.get("backups") or ())
        for k, box in enumerate(self.backups):
            self._set(box, str(backups[k]) if k < len(backups) else "")
        self.red_flag.value = str(job.get("red_flag") or "")
        self.trigger.value = str(job.get("trigger") or "")
        self._set(self.checked_by, str(job.get("checked_by") or ""))
        self.child_words.value = str(job.get("child_words") or "")
        self.own_promise.value = bool(job.get("own_promise"))

    def answers(self) -> dict:
        """The job as plain data."""
        return {"offer": self.offer, "what": self.what.value.strip(), "kind": self.kind.value,
                "worry": self.worry.value, "days": list(self.days.value), "dates": list(self.dates),
                "start": self.start.value.strip(), "end": self.end.value.strip(), "who": self.who.value,
                "backups": [b.value for b in self.backups if b.value], "red_flag": self.red_flag.value.strip(),
                "trigger": self.trigger.value.strip(), "checked_by": self.checked_by.value,
                "child_words": self.child_words.value.strip(), "own_promise": bool(self.own_promise.value)}


class FamilyTimePanel(ExercisePanel):
    """Private Family Time: hear the offers, ask "what if…?", write the network's jobs, and check the plan."""

    exercise_id = "family_time"

    def __init__(self, scenario):
        super().__init__()
        self.scenario = scenario
        self.asked: list[str] = []
        self.jobs: list[JobCard] = []
        self.findings: tuple = ()
        family_time = scenario.family_time
        offers = family_time.offers if family_time else ()
        child = scenario.child.name
        worries = "".join(f"<li>{html.escape(w.text)}</li>" for w in scenario.sos.worry_statements)
        intro = widgets.HTML(
            "<p style='max-width:46em;line-height:1.45'>The workers have shared the worries and the bottom line and "
            "left the room. You are chairing the network's Private Family Time: listen to what people offer, ask "
            "“what if…?”, and write the plan with them. For each worry, write jobs that say what, when, who, "
            "who backs them up, what would tell you it is going wrong, what you all do then, who checks, and how "
            f"{html.escape(child)} would say it. Not every offer can go in the plan as it is.</p>"
            + (f"<p style='margin:0.2em 0'><strong>The worries the workers brought:</strong></p><ul>{worries}</ul>"
               if worries else ""))
        self.offer_buttons: dict[str, widgets.Button] = {}
        cards = []
        for item in offers:
            person = scenario.person(item.who)
            use = button(description="Turn this into a job", icon="plus")
            use.on_click(self.safely(
                lambda _b, offer_id=item.id: self.add_job(job_from_offer(self.scenario, offer_id))))
            self.offer_buttons[item.id] = use
            cannot = f"<br><em>What they can't do:</em> “{html.escape(item.cannot)}”" if item.cannot else ""
            cards.append(widgets.VBox([widgets.HTML(
                f"<p style='margin:0.2em 0;max-width:46em;line-height:1.45'><strong>{html.escape(person.name)}</strong>"
                f" ({html.escape(person.relationship)}): “{html.escape(item.says)}”{cannot}</p>"), use],
                layout=widgets.Layout(**_CARD)))
        questions = family_time.what_ifs if family_time else ()
        self.question = widgets.Dropdown(options=[(q.question, q.id) for q in questions],
                                         description="What if…?", style=_STYLE, layout=_WIDE)
        self.ask_button = button(description="Ask", icon="question", disabled=not questions)
        self.ask_button.on_click(self.safely(self._on_ask))
        self.answer = widgets.HTML("")
        self.job_box = widgets.VBox([])
        self.add_button = button(description="Add a blank job", icon="plus")
        self.add_button.on_click(self.safely(lambda _b: self.add_job({})))
        self.check_button = button(description="Check our plan", button_style="primary", icon="check")
        self.check_button.on_click(self.safely(self._on_check))
        self.children = (intro, widgets.HTML("<h4 style='margin:0.8em 0 0.2em'>What people offer</h4>"), *cards,
                         widgets.HTML("<h4 style='margin:0.8em 0 0.2em'>Ask “what if…?”</h4>"),
                         widgets.HBox([self.question, self.ask_button]), self.answer,
                         widgets.HTML("<h4 style='margin:0.8em 0 0.2em'>Our plan</h4>"), self.job_box,
                         widgets.HBox([self.add_button, self.check_button]), self.message)

    # -- jobs
    def add_job(self, job: Mapping[str, Any], *, quiet: bool = False) -> JobCard:
        """Add a job card filled from ``job`` (plain answers)."""
        card = JobCard(self.scenario, job, self.safely(self._on_edit), self.safely(self._remove))
        self.jobs.append(card)
        self._renumber()
        if not quiet:
            self._changed()
        return card

    def _remove(self, card: JobCard) -> None:
        self.jobs.remove(card)
        self._renumber()
        self._changed()

    def _renumber(self) -> None:
        for n, card in enumerate(self.jobs, start=1):
            card.heading.value = f"<p style='margin:0.4em 0 0.2em'><strong>Job {n}</strong></p>"
        self.job_box.children = tuple(self.jobs)

    def _on_edit(self) -> None:
        """Say at once when a job is not safe for the child (the same check as the button), then save."""
        by_job, _whole = findings_by_job(check_family_plan(self.scenario, self.answers()))
        for n, card in enumerate(self.jobs, start=1):
            unsafe = [f for f in by_job.get(f"job_{n}", []) if f.rule in SAFETY_RULES]
            if unsafe or "Not safe for this job" in card.feedback.value:
                card.feedback.value = _findings_html(unsafe)
        self._changed()

    # -- what if
    def _on_ask(self, _button: Any = None) -> None:
        question = self.question.value
        if not question:
            return
        self.answer.value = message_html(ask_what_if(self.scenario, question), "info", self.question.label)
        if question not in self.asked:
            self.asked.append(question)
            self._changed()

    # -- check
    def _on_check(self, _button: Any = None) -> None:
        self.findings = check_family_plan(self.scenario, self.answers())
        by_job, whole = findings_by_job(self.findings)
        for n, card in enumerate(self.jobs, start=1):
            found = by_job.get(f"job_{n}", [])
            card.feedback.value = _findings_html(found) if found else message_html(
                "Nothing to fix in this job.", "good", "Looks workable")
        to_fix = [f for f in self.findings if f.level == "problem"]
        if not self.jobs:
            self.show("There are no jobs yet: turn an offer into a job, or add a blank one.", "info")
        elif not to_fix:
            self.show("Every worry has jobs with a named person, a backup, a red flag, what you do then and who "
                      "checks. Next, drill your plan.", "good", "Your plan is ready to drill")
        else:
            lines = [f"{len(to_fix)} thing(s) to fix; each job's are shown under it."] + [f.message for f in whole]
            self.show("\n".join(lines), "warn", "Have another look")

    # -- answers
    def answers(self) -> dict:
        """``{"jobs": [plain jobs], "asked": [what-if ids]}``."""
        return {"jobs": [card.answers() for card in self.jobs], "asked": list(self.asked)}

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Put saved jobs and questions back."""
        answers = answers or {}
        self.jobs = []
        for job in answers.get("jobs") or ():
            if isinstance(job, Mapping):
                self.add_job(job, quiet=True)
        self._renumber()
        known = {q.id for q in (self.scenario.family_time.what_ifs if self.scenario.family_time else ())}
        self.asked = [q for q in answers.get("asked") or () if q in known]


def build_family_time_panel(scenario) -> FamilyTimePanel:
    """The Private Family Time exercise for a scenario.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_family_time_panel(tiny_scenario())
    >>> panel.offer_buttons["o_gran_call"].click()
    >>> panel.answers()["jobs"][0]["who"]
    'gran'
    """
    return FamilyTimePanel(scenario)


# ---------------------------------------------------------------------------- drill the learner's plan


def build_own_plan_drill_panel(scenario, *, seed: int = 0, family_time: Optional[Mapping[str, Any]] = None,
                               assignments: Optional[Iterable[Assignment]] = None) -> DrillPanel:
    """The drill, run on the plan the learner wrote in Private Family Time.

    With ``family_time`` answers that hold at least one complete job, the drill, the heatmap and the "what would
    you do?" changes use the learner's own jobs and people (:func:`fncoach.familytime.learner_scenario`); the
    model plan stays out. Otherwise the case's jobs are drilled with ``assignments`` (or an empty plan).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> from fncoach.familytime import job_from_offer
    >>> s = tiny_scenario()
    >>> panel = build_own_plan_drill_panel(s, family_time={"jobs": [job_from_offer(s, "o_gran_call")]})
    >>> [t.id for t in panel.scenario.plan.tasks]
    ['job_1']
    """
    plan = plan_from_family_time(family_time, scenario)
    if plan.tasks:
        return DrillPanel(learner_scenario(scenario, plan), seed=seed, assignments=plan.assignments)
    return DrillPanel(scenario, seed=seed, assignments=assignments)


# ---------------------------------------------------------------------------- handover


class HandoverPanel(ExercisePanel):
    """The final meeting: hand every professional's job to the network, and agree who keeps the one plan."""

    exercise_id = "handover"

    def __init__(self, scenario, *, family_time: Optional[Mapping[str, Any]] = None):
        super().__init__()
        self.scenario = scenario
        self.family_time = dict(family_time) if family_time else None
        self.findings: tuple = ()
        people = _people(scenario)
        self.rows = handover_jobs(scenario, self.family_time)
        self.takeover: dict[str, widgets.Dropdown] = {}
        self.feedback: dict[str, widgets.HTML] = {}
        cards = []
        for row in self.rows:
            box = widgets.Dropdown(options=[("Stays with the professional", "")] + people[1:],
                                   description="Taken over by", style=_STYLE, layout=_WIDE)
            box.observe(self.safely(lambda _c: self._changed()), names="value")
            self.takeover[row.id], self.feedback[row.id] = box, widgets.HTML("")
            cards.append(widgets.VBox([_p(row.title, strong=True),
                                       _p(f"Done now by {scenario.name_of(row.held_by)}."), box, self.feedback[row.id]],
                                      layout=widgets.Layout(**_CARD)))
        self.keep = widgets.SelectMultiple(options=plan_choices(scenario, self.family_time), rows=6,
                                           description="Stays in the plan", style=_STYLE, layout=_WIDE)
        self.keeper = widgets.Dropdown(options=people, description="Keeps the plan", style=_STYLE, layout=_WIDE)
        self.recall = widgets.Textarea(description="Calling us back together",
                                       placeholder="Who calls the network together, and when or if what happens?",
                                       style=_STYLE, layout=widgets.Layout(width="min(100%, 40em)", height="5em"))
        for box in (self.keep, self.keeper, self.recall):
            box.observe(self.safely(lambda _c: self._changed()), names="value")
        self.check_button = button(description="Check the handover", button_style="primary", icon="check")
        self.check_button.on_click(self.safely(self._on_check))
        intro = widgets.HTML(
            "<p style='max-width:46em;line-height:1.45'>This is the final meeting: the professionals are stepping "
            "back. For each job a professional still does, choose who in the network takes it over. Then choose "
            "what stays in the one shared plan, who keeps it, and how the network will call itself back together "
            "if things start to slip.</p>")
        self.children = (intro, *cards, self.keep, self.keeper, self.recall, self.check_button, self.message)

    def _on_check(self, _button: Any = None) -> None:
        self.findings = check_handover(self.scenario, self.answers(), self.family_time)
        by_job, whole = findings_by_job(self.findings)
        for job_id, box in self.feedback.items():
            found = by_job.get(job_id, [])
            box.value = _findings_html(found) if found else message_html("Handed over.", "good")
        to_fix = [f for f in self.findings if f.level == "problem"]
        if not to_fix:
            self.show("Every job is with the network, the one plan has a keeper, and the network knows how to "
                      "call itself back together.", "good", "Ready to hand over")
        else:
            self.show("\n".join([f"{len(to_fix)} thing(s) to fix."] + [f.message for f in whole]), "warn",
                      "Not ready to hand over yet")

    def answers(self) -> dict:
        """``{"takeovers": {job id: person id}, "keep": [job ids], "keeper": id, "recall": text}``."""
        return {"takeovers": {k: box.value for k, box in self.takeover.items()}, "keep": list(self.keep.value),
                "keeper": self.keeper.value, "recall": self.recall.value.strip()}

    def restore(self, answers: Mapping[str, Any]) -> None:
        """Put a saved handover back; jobs or people no longer in the case are left out."""
        answers = answers or {}
        people = {v for _, v in self.keeper.options}
        for job_id, who in (answers.get("takeovers") or {}).items():
            if job_id in self.takeover and who in people:
                self.takeover[job_id].value = who
        choices = {v for _, v in self.keep.options}
        self.keep.value = tuple(k for k in answers.get("keep") or () if k in choices)
        if answers.get("keeper") in people:
            self.keeper.value = answers["keeper"]
        self.recall.value = str(answers.get("recall") or "")


def build_handover_panel(scenario, *, family_time: Optional[Mapping[str, Any]] = None) -> HandoverPanel:
    """The handover exercise, using the learner's Private Family Time plan when given.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> panel = build_handover_panel(tiny_scenario())
    >>> panel.check_button.click()
    >>> "Not ready to hand over yet" in panel.message.value
    True
    """
    return HandoverPanel(scenario, family_time=family_time)
