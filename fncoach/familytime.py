"""Private Family Time and the handover: the network writes its own plan, and later takes it over.

In Private Family Time the workers leave the room and the network makes its plan from its own offers. The
learner plays the network's chair: scripted members (the scenario's :class:`~fncoach.model.Offer`\\ s) say what
they can do, when, and what they cannot; the learner turns offers into jobs — *what, when, who, who backs them
up, the red flag, what we do then (trigger and contingency), who checks, and how the child would say it* — and
can ask "what if…?" (:func:`ask_what_if`).

- :func:`jobs_from_answers` reads the learner's jobs (plain answers, as saved in the learner record);
- :func:`job_from_offer` turns an offer into a job to edit;
- :func:`plan_from_family_time` makes the learner's jobs into a plan — tasks and assignments — and
  :func:`learner_scenario` puts that plan in the case, so drills and the heatmap run on *their* plan;
- :func:`check_family_plan` is the feedback: the one plan check (:func:`fncoach.plan.check_plan`), gaps against
  each worry and safety goal, missing parts, vague jobs and jobs that belong to professionals;
- :func:`model_plan_rows` is the scenario's model plan with its triggers and red flags (facilitators only);
- :func:`handover_jobs` and :func:`check_handover` are the final meeting: who in the network takes over each
  job professionals still do, what stays in the one shared plan, who keeps it and how the network calls itself
  back together.

The module is pure: no widgets, no drawing.

Examples
--------
>>> from fncoach.examples import tiny_scenario
>>> s = tiny_scenario()
>>> job = job_from_offer(s, "o_gran_call")
>>> job["who"], job["days"], job["start"]
('gran', ['mon', 'tue', 'wed', 'thu', 'fri'], '07:30')
>>> [f.rule for f in check_family_plan(s, {"jobs": [job]})]
['no_backup', 'no_red_flag', 'no_trigger', 'no_checker', 'no_child_words', 'goal_unseen']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping, Optional

from pydantic import ValidationError

from .model import TASK_KINDS, WEEKDAYS, Assignment, Offer, Plan, Scenario, Task, TaskTime
from .plan import RULES as PLAN_RULES
from .plan import check_plan, describe_when, worry_subjects

__all__ = [
    "FAMILY_TIME_RULES",
    "VERDICT_WORDS",
    "HANDOVER_RULES",
    "CAUTION_RULES",
    "VAGUE_PHRASES",
    "PROFESSIONAL_WORDS",
    "Job",
    "Finding",
    "LearnerPlan",
    "HandoverJobRow",
    "jobs_from_answers",
    "job_from_offer",
    "job_id",
    "offer",
    "ask_what_if",
    "plan_from_family_time",
    "learner_scenario",
    "check_family_plan",
    "findings_by_job",
    "model_plan_rows",
    "handover_jobs",
    "plan_choices",
    "check_handover",
]

#: Every rule the Private Family Time feedback can give (beyond the plan check's own), with a short title.
FAMILY_TIME_RULES: dict[str, str] = {
    "incomplete": "Not a job yet",
    "no_red_flag": "No red flag",
    "no_trigger": "What do we do then?",
    "no_checker": "Who checks it?",
    "no_child_words": "In the child's words",
    "vague": "Too vague to happen",
    "professional_job": "A professional's job",
    "offer_note": "About this offer",
    "worry_gap": "A worry with no job",
    "goal_unseen": "Nobody will see the goal",
    **PLAN_RULES,
}

#: An offer's verdict (:data:`fncoach.model.OFFER_VERDICTS`) in words, for facilitators.
VERDICT_WORDS: dict[str, str] = {
    "workable": "Workable",
    "unrealistic": "Kind, but it will not last",
    "unsafe": "Not safe",
    "vague": "Too vague to happen",
    "professional_job": "A professional's job",
}

#: Every rule the handover feedback can give, with a short title.
HANDOVER_RULES: dict[str, str] = {
    "left_with_professional": "Still with a professional",
    "not_safe": "Not safe for this job",
    "to_explore": "Talk it through first",
    "unknown_person": "Unknown person",
    "nothing_kept": "The one shared plan is empty",
    "no_keeper": "Nobody keeps the plan",
    "keeper_not_network": "The plan needs a keeper from the network",
    "no_recall": "How will you meet again?",
}

#: Rules that are cautions (things to talk about), not problems to fix.
CAUTION_RULES: frozenset[str] = frozenset({"no_child_words", "to_explore", "paid_carer"})

#: Phrases that make a job too vague to happen or be checked ("keep an eye on things").
VAGUE_PHRASES: tuple[str, ...] = (
    "keep an eye", "be there for", "be around", "help out", "whenever", "when i can", "where i can", "if i can",
    "as needed", "as and when", "support her", "support him", "support them", "look out for", "be available",
    "check on things", "see how it goes", "try to", "just let me know",
    # the same promises as a learner or a member names the job ("Keeping an eye at family time")
    "keeping an eye", "being there for", "being around", "helping out", "looking out for", "checking on things",
    "supporting her", "supporting him", "supporting them",
)

#: Words that mark a job belonging to professionals (assessment, treatment, court, police, money decisions).
PROFESSIONAL_WORDS: tuple[str, ...] = (
    "assess", "assessment", "therapy", "counselling", "diagnos", "dose", "doses", "prescri", "medication review",
    "court", "judge", "legal", "solicitor", "warn him off", "warn her off", "have a word", "investigate",
    "benefits claim", "housing forms", "negotiat", "pay them", "decide whether", "decide each time",
)

_NEEDS_BY_KIND = {"transport": ("drive",), "overnight": ("host_overnight",),
                  "supervise_contact": ("supervise_contact",)}
_REMOTE_KINDS = {"phone_call"}
_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


# --------------------------------------------------------------------------- the learner's jobs


@dataclass(frozen=True)
class Job:
    """One job the learner wrote in Private Family Time.

    ``index`` is its place in the list (1 for the first); :func:`job_id` gives its task id.
    """

    index: int
    what: str = ""
    kind: str = ""
    worry: str = ""
    days: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    start: str = ""
    end: str = ""
    who: str = ""
    backups: tuple[str, ...] = ()
    red_flag: str = ""
    trigger: str = ""
    checked_by: str = ""
    child_words: str = ""
    own_promise: bool = False
    offer: str = ""

    @property
    def id(self) -> str:
        """The job's task id, e.g. ``job_1``."""
        return job_id(self.index)

    @property
    def name(self) -> str:
        """The job as the learner named it, or "Job 1" when it has no name yet."""
        return self.what or f"Job {self.index}"


def job_id(index: int) -> str:
    """The task id of the learner's job number ``index`` (1 for the first).

    >>> job_id(3)
    'job_3'
    """
    return f"job_{index}"


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _ids(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, (list, tuple)):
        return ()
    return tuple(v.strip() for v in value if isinstance(v, str) and v.strip())


def jobs_from_answers(answers: Mapping[str, Any] | None) -> tuple[Job, ...]:
    """The learner's jobs from their saved answers (``{"jobs": [ {...}, ... ]}``), tolerant of missing parts.

    Examples
    --------
    >>> jobs = jobs_from_answers({"jobs": [{"what": "Morning call", "who": "gran", "backups": ["", "uncle_dev"]}]})
    >>> jobs[0].id, jobs[0].who, jobs[0].backups
    ('job_1', 'gran', ('uncle_dev',))
    >>> jobs_from_answers(None)
    ()
    """
    rows = (answers or {}).get("jobs") if isinstance(answers, Mapping) else None
    if not isinstance(rows, (list, tuple)):
        return ()
    jobs = []
    for n, row in enumerate((r for r in rows if isinstance(r, Mapping)), start=1):
        days = tuple(d for d in _ids(row.get("days")) if d in WEEKDAYS)
        jobs.append(Job(index=n, what=_text(row.get("what")), kind=_text(row.get("kind")),
                        worry=_text(row.get("worry")),
                        days=days, dates=_ids(row.get("dates")), start=_text(row.get("start")),
                        end=_text(row.get("end")), who=_text(row.get("who")),
                        backups=_ids(row.get("backups")), red_flag=_text(row.get("red_flag")),
                        trigger=_text(row.get("trigger")), checked_by=_text(row.get("checked_by")),
                        child_words=_text(row.get("child_words")), own_promise=bool(row.get("own_promise")),
                        offer=_text(row.get("offer"))))
    return tuple(jobs)


def offer(scenario: Scenario, offer_id: str) -> Offer:
    """The scenario's offer with this id (raises KeyError if there is none)."""
    offers = scenario.family_time.offers if scenario.family_time else ()
    for item in offers:
        if item.id == offer_id:
            return item
    raise KeyError(offer_id)


def job_from_offer(scenario: Scenario, offer_id: str) -> dict:
    """A job (plain answers) filled in from what a member offered: what, kind, worry, when and who.

    The rest — backups, red flag, trigger, who checks, the child's words — is the learner's to write.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> job_from_offer(tiny_scenario(), "o_dev_eye")["days"]
    []
    """
    item = offer(scenario, offer_id)
    when = item.when
    return {"offer": item.id, "what": item.title, "kind": item.kind, "worry": item.worry or "",
            "days": list(when.weekly) if when else [], "dates": [d.isoformat() for d in when.dates] if when else [],
            "start": when.start if when else "",
            "end": when.end if when else "", "who": item.who, "backups": [], "red_flag": "", "trigger": "",
            "checked_by": "", "child_words": "", "own_promise": False}


def ask_what_if(scenario: Scenario, what_if_id: str) -> str:
    """The scripted answer to a "what if…?" question, as the member says it.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> print(ask_what_if(tiny_scenario(), "wi_gran_away"))
    Dev Patel: “I can ring on weekday evenings and weekends. Mornings I'm at work.”
    """
    questions = scenario.family_time.what_ifs if scenario.family_time else ()
    for item in questions:
        if item.id == what_if_id:
            return f"{scenario.name_of(item.who)}: “{item.answer}”"
    raise KeyError(what_if_id)


# --------------------------------------------------------------------------- the learner's plan


@dataclass(frozen=True)
class LearnerPlan:
    """The plan the learner wrote: one task and one assignment per complete job.

    ``incomplete`` lists ``(job, what is missing)`` for the jobs that could not become a task yet.
    """

    tasks: tuple[Task, ...]
    assignments: tuple[Assignment, ...]
    incomplete: tuple[tuple[Job, str], ...] = ()


def _about(scenario: Scenario, worry: str) -> tuple[str, ...]:
    """Whose behaviour a job answering ``worry`` is about: from the case's own tasks for that worry."""
    found: list[str] = []
    for task in scenario.plan.tasks:
        if task.worry == worry:
            found.extend(p for p in task.about if p not in found)
    return tuple(found) if found else worry_subjects(scenario, worry or None)


def _missing(job: Job, scenario: Scenario) -> list[str]:
    missing = []
    if not job.what:
        missing.append("what the job is")
    if job.kind not in TASK_KINDS:
        missing.append("what kind of job it is")
    if not job.days and not job.dates:
        missing.append("which days")
    if not (_TIME.match(job.start) and _TIME.match(job.end)):
        missing.append("the start and end times (HH:MM)")
    elif job.start == job.end:
        missing.append("an end time after the start time")
    if not job.who:
        missing.append("who does it")
    worries = {w.id for w in scenario.sos.worry_statements}
    if worries and job.worry not in worries:
        missing.append("which worry it answers")
    return missing


def _task(scenario: Scenario, job: Job) -> Task:
    about = _about(scenario, job.worry)
    checked_by = job.checked_by or None
    if checked_by in about:
        checked_by = None
    own = job.own_promise and job.who in about and checked_by is not None
    return Task(id=job.id, title=job.what if len(job.what) >= 3 else f"{job.what} (job {job.index})",
                kind=job.kind, description=job.what,
                when=TaskTime(weekly=job.days, dates=job.dates, start=job.start, end=job.end),
                worry=job.worry or None, requires=_NEEDS_BY_KIND.get(job.kind, ()),
                in_person=job.kind not in _REMOTE_KINDS, trigger=job.trigger,
                red_flags=(job.red_flag,) if job.red_flag else (), checked_by=checked_by, about=about,
                own_commitment=own, child_words=job.child_words)


def plan_from_family_time(answers: Mapping[str, Any] | None, scenario: Scenario) -> LearnerPlan:
    """The plan the learner wrote in Private Family Time, as tasks and assignments the core can check and drill.

    Parameters
    ----------
    answers : mapping
        The learner's saved Private Family Time answers (``{"jobs": [...]}``).
    scenario : Scenario

    Returns
    -------
    LearnerPlan
        Task ``job_1`` for the first job, and so on; a job without what, when, who or its worry is left out
        and listed in ``incomplete`` with what it still needs.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> job = job_from_offer(s, "o_gran_call") | {"backups": ["uncle_dev"]}
    >>> plan = plan_from_family_time({"jobs": [job, {"what": "Tea on Fridays"}]}, s)
    >>> [t.id for t in plan.tasks], plan.assignments[0].backups, plan.incomplete[0][1][:26]
    (['job_1'], ('uncle_dev',), 'what kind of job it is, wh')
    """
    tasks, assignments, incomplete = [], [], []
    for job in jobs_from_answers(answers):
        missing = _missing(job, scenario)
        if missing:
            incomplete.append((job, ", ".join(missing)))
            continue
        try:
            task = _task(scenario, job)
        except ValidationError as error:
            incomplete.append((job, "; ".join(e["msg"].removeprefix("Value error, ") for e in error.errors())))
            continue
        tasks.append(task)
        assignments.append(Assignment(task=task.id, primary=job.who,
                                      backups=tuple(b for b in job.backups if b != job.who)))
    return LearnerPlan(tuple(tasks), tuple(assignments), tuple(incomplete))


def learner_scenario(scenario: Scenario, plan: LearnerPlan) -> Scenario:
    """The case with its plan replaced by the learner's own (the model plan is left out).

    Drills, the coverage heatmap and "what would you do?" changes run on this, so what breaks is their plan.
    A plan with no complete job leaves the case as it is.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> own = learner_scenario(s, plan_from_family_time({"jobs": [job_from_offer(s, "o_gran_call")]}, s))
    >>> [t.id for t in own.plan.tasks], own.plan.model_plan
    (['job_1'], ())
    """
    if not plan.tasks:
        return scenario
    return scenario.model_copy(update={"plan": Plan(tasks=plan.tasks)})


# --------------------------------------------------------------------------- feedback


@dataclass(frozen=True)
class Finding:
    """One piece of feedback: which job (``None`` for the whole plan), the rule, and the words.

    Examples
    --------
    >>> Finding("job_1", "no_child_words", "Say it as Zoë would.").level
    'caution'
    """

    job_id: Optional[str]
    rule: str
    message: str

    @property
    def level(self) -> str:
        """``"caution"`` for something to talk about, ``"problem"`` for something to fix."""
        return "caution" if self.rule in CAUTION_RULES else "problem"

    @property
    def title(self) -> str:
        """A short title for the rule."""
        return FAMILY_TIME_RULES.get(self.rule) or HANDOVER_RULES.get(self.rule, self.rule)


def _has(text: str, phrases: Iterable[str]) -> Optional[str]:
    lowered = " " + re.sub(r"\s+", " ", text.lower()) + " "
    return next((p for p in phrases if p in lowered), None)


def _short(text: str, limit: int = 90) -> str:
    return text if len(text) <= limit else text[:limit - 1].rstrip() + "…"


def _job_findings(scenario: Scenario, job: Job) -> list[Finding]:
    found: list[Finding] = []
    name, child = job.name, scenario.child.name
    vague = _has(job.what, VAGUE_PHRASES) or (job.what and len(job.what.split()) < 2 and "vague")
    if vague:
        found.append(Finding(job.id, "vague", f"'{name}' is too vague to happen or be checked"
                             + (f" (“{vague}”)" if vague != "vague" else "")
                             + ": say what exactly is done, when, and by whom, so everyone would notice if it "
                               "stopped."))
    pro = _has(job.what, PROFESSIONAL_WORDS)
    if pro:
        found.append(Finding(job.id, "professional_job", f"'{name}' sounds like a professional's job (“{pro}”). "
                             "The network's plan holds what the network does; ask what the network's part is."))
    if job.offer:
        try:
            item = offer(scenario, job.offer)
        except KeyError:
            item = None
        if item is not None and item.verdict != "workable" and item.why:
            found.append(Finding(job.id, "offer_note", f"About {scenario.name_of(item.who)}'s offer "
                                 f"(“{_short(item.says, 70)}”): {item.why}"))
    if not job.red_flag:
        found.append(Finding(job.id, "no_red_flag", f"'{name}' has no red flag: what would tell the network it is "
                             "going wrong?"))
    if not job.trigger:
        found.append(Finding(job.id, "no_trigger", f"'{name}' does not say what happens then: when the red flag "
                             "shows, or the job cannot happen, who does what?"))
    if not job.checked_by:
        found.append(Finding(job.id, "no_checker", f"Nobody checks '{name}' happened: name someone in the network."))
    if not job.child_words:
        found.append(Finding(job.id, "no_child_words", f"How would {child} say '{name}'? Write it in "
                             f"{child}'s words, for the Words and Pictures plan."))
    return found


def check_family_plan(scenario: Scenario, answers: Mapping[str, Any] | None) -> tuple[Finding, ...]:
    """Feedback on the plan the learner wrote in Private Family Time.

    In order: for each job, what the one plan check says (:func:`fncoach.plan.check_plan` — it refuses any job
    for a person of worry and cautions on anyone still to be explored), a job that is not complete, a vague job,
    a professional's job, the model note on an offer that is unrealistic, unsafe, vague or a professional's, and
    a missing red flag, trigger, checker or child's words; then, for the whole plan, each worry with no job and
    each safety goal nobody will see happen (no job for it names who checks).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> job = job_from_offer(s, "o_ciara_run") | {"days": ["wed"], "start": "15:15", "end": "15:45"}
    >>> rules = [f.rule for f in check_family_plan(s, {"jobs": [job]})]
    >>> rules[:3], "offer_note" in rules
    (['safety', 'about_themselves', 'no_backup'], True)
    >>> [f.rule for f in check_family_plan(s, {"jobs": []})]
    ['worry_gap']
    """
    plan = plan_from_family_time(answers, scenario)
    own = learner_scenario(scenario, plan)
    problems = check_plan(own, plan.assignments) if plan.tasks else ()
    by_job: dict[Optional[str], list[Finding]] = {}
    for p in problems:
        if p.rule in {"worry_not_covered", "unassigned"}:
            continue  # every learner job has a main person; worries are checked against the whole case below
        by_job.setdefault(p.task_id, []).append(Finding(p.task_id, p.rule, p.message))
    incomplete = {job.id: missing for job, missing in plan.incomplete}
    findings: list[Finding] = []
    jobs = jobs_from_answers(answers)
    for job in jobs:
        if job.id in incomplete:
            findings.append(Finding(job.id, "incomplete", f"'{job.name}' is not a job yet: it still needs "
                                    f"{incomplete[job.id]}."))
        findings.extend(by_job.pop(job.id, []))
        findings.extend(_job_findings(scenario, job))
    for rest in by_job.values():
        findings.extend(rest)
    covered = {t.worry for t in plan.tasks}
    checked = {t.worry for t in plan.tasks if t.checked_by}
    for worry in scenario.sos.worry_statements:
        goals = [g for g in scenario.sos.safety_goals if g.worry == worry.id]
        if worry.id not in covered:
            goal = f" The safety goal for it: “{_short(goals[0].text, 140)}”" if goals else ""
            findings.append(Finding(None, "worry_gap",
                                    f"No job in your plan answers the worry “{_short(worry.text)}”."
                                    + goal))
        elif worry.id not in checked:
            for goal in goals:
                findings.append(Finding(None, "goal_unseen", f"Jobs answer the worry, but none names who checks, so "
                                        f"nobody will see the safety goal happen: “{_short(goal.text, 140)}”"))
    return tuple(findings)


def findings_by_job(findings: Iterable[Finding]) -> tuple[dict[str, list[Finding]], list[Finding]]:
    """Split findings into those about each job (by job id) and those about the whole plan.

    >>> by_job, whole = findings_by_job([Finding("job_1", "vague", "x"), Finding(None, "worry_gap", "y")])
    >>> list(by_job), [f.rule for f in whole]
    (['job_1'], ['worry_gap'])
    """
    by_job: dict[str, list[Finding]] = {}
    whole: list[Finding] = []
    for f in findings:
        if f.job_id is None:
            whole.append(f)
        else:
            by_job.setdefault(f.job_id, []).append(f)
    return by_job, whole


def model_plan_rows(scenario: Scenario) -> tuple[dict, ...]:
    """The case's model plan, job by job, with its trigger, red flags and who checks (facilitators only).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> row = model_plan_rows(tiny_scenario())[0]
    >>> row["who"], row["backups"], row["trigger"]
    ('Gran Róisín', 'Dev Patel', 'If Ciara does not answer by 7.45am')
    """
    name = scenario.name_of
    chosen = {a.task: a for a in scenario.plan.model_plan}
    rows = []
    for task in scenario.plan.tasks:
        a = chosen.get(task.id)
        rows.append({"title": task.title, "when": describe_when(task.when),
                     "who": name(a.primary) if a else "", "backups": ", ".join(name(b) for b in a.backups) if a else "",
                     "trigger": task.trigger, "red_flags": tuple(task.red_flags),
                     "checked_by": name(task.checked_by) if task.checked_by else "", "child_words": task.child_words})
    return tuple(rows)


# --------------------------------------------------------------------------- handover


@dataclass(frozen=True)
class HandoverJobRow:
    """A job professionals still do at the final meeting: from the case, or from the learner's own plan."""

    id: str
    title: str
    held_by: str


def handover_jobs(scenario: Scenario, family_time: Mapping[str, Any] | None = None) -> tuple[HandoverJobRow, ...]:
    """The jobs professionals still do: the case's own list, then each job in the learner's plan that a
    professional holds or checks.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> job = job_from_offer(s, "o_gran_call") | {"checked_by": "sw_amara"}
    >>> [(j.id, j.held_by) for j in handover_jobs(s, {"jobs": [job]})]
    [('hj_calls_check', 'sw_amara'), ('check_job_1', 'sw_amara')]
    """
    rows = [HandoverJobRow(j.id, j.title, j.held_by) for j in (scenario.handover.professional_jobs
                                                                if scenario.handover else ())]
    people = {p.id: p for p in scenario.people}
    for job in jobs_from_answers(family_time):
        holder = people.get(job.who)
        checker = people.get(job.checked_by)
        if holder is not None and holder.is_professional:
            rows.append(HandoverJobRow(f"do_{job.id}", f"Does '{job.name}'", holder.id))
        if checker is not None and checker.is_professional:
            rows.append(HandoverJobRow(f"check_{job.id}", f"Checks '{job.name}' happened", checker.id))
    return tuple(rows)


def plan_choices(scenario: Scenario, family_time: Mapping[str, Any] | None = None) -> tuple[tuple[str, str], ...]:
    """``(title, id)`` of the jobs that could stay in the one shared plan: the learner's own, or the case's.

    >>> from fncoach.examples import tiny_scenario
    >>> plan_choices(tiny_scenario())[0]
    ('Morning phone check-in', 't_morning_call')
    """
    jobs = jobs_from_answers(family_time)
    if jobs:
        return tuple((job.name, job.id) for job in jobs)
    return tuple((t.title, t.id) for t in scenario.plan.tasks)


def check_handover(scenario: Scenario, answers: Mapping[str, Any] | None,
                   family_time: Mapping[str, Any] | None = None) -> tuple[Finding, ...]:
    """Feedback on the handover: jobs left with professionals, a plan with no keeper, and more.

    ``answers`` is ``{"takeovers": {job id: person id}, "keep": [job ids], "keeper": person id, "recall": text}``.
    A job is left with a professional when nobody from the network takes it over (or a professional does); a
    person the workers are worried about never takes one over, and someone still to be explored is a caution.
    The one shared plan needs at least one job, a keeper from the network (a foster carer can keep it: they are
    carers, not professionals who step back) and a way to call the network back together — who calls it, and
    when or if what happens.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> [f.rule for f in check_handover(s, {})]
    ['left_with_professional', 'nothing_kept', 'no_keeper', 'no_recall']
    >>> good = {"takeovers": {"hj_calls_check": "gran"}, "keep": ["t_morning_call"], "keeper": "gran",
    ...         "recall": "Gran calls everyone together if a morning call is missed twice."}
    >>> check_handover(s, good)
    ()
    """
    answers = answers if isinstance(answers, Mapping) else {}
    takeovers = answers.get("takeovers") if isinstance(answers.get("takeovers"), Mapping) else {}
    people = {p.id: p for p in scenario.people}
    name = scenario.name_of
    found: list[Finding] = []
    for job in handover_jobs(scenario, family_time):
        who = _text(takeovers.get(job.id))
        person = people.get(who)
        if who and person is None:
            found.append(Finding(job.id, "unknown_person", f"'{who}' is not one of the people in this case."))
        elif person is None or person.is_professional:
            found.append(Finding(job.id, "left_with_professional",
                                 f"'{job.title}' is still left with {name(person.id if person else job.held_by)}, a "
                                 "professional who will step back. Who in the network takes it over?"))
        elif person.safety.status == "worry":
            found.append(Finding(job.id, "not_safe", f"{person.name} is someone the workers are worried about "
                                 f"({person.safety.reason.rstrip('.')}), so cannot take over '{job.title}'."))
        elif person.safety.status == "to_explore":
            found.append(Finding(job.id, "to_explore", f"{person.name}'s safety is still to be explored: agree it "
                                 f"before they take over '{job.title}'."))
    kept = {_text(k) for k in answers.get("keep", ()) if isinstance(k, str)} if isinstance(
        answers.get("keep"), (list, tuple)) else set()
    if not kept & {job_id for _, job_id in plan_choices(scenario, family_time)}:
        found.append(Finding(None, "nothing_kept", "Nothing stays in the one shared plan: which jobs does the "
                             "network keep doing after the professionals step back?"))
    keeper = people.get(_text(answers.get("keeper")))
    if keeper is None:
        found.append(Finding(None, "no_keeper", "Nobody keeps the plan. Who holds the one shared plan, keeps it up "
                             "to date and makes sure everyone has the latest copy?"))
    elif keeper.is_professional or keeper.safety.status == "worry":
        why = "a professional who will step back" if keeper.is_professional else "someone the workers are worried about"
        found.append(Finding(None, "keeper_not_network", f"{keeper.name} is {why}: the keeper must be someone in the "
                             "network the plan can rely on for years."))
    recall = _text(answers.get("recall"))
    names = [p for p in scenario.people if _named(p.name, recall)]
    if not recall or not names or not re.search(r"\b(if|when|every|each|within|after|before)\b", recall, re.I):
        found.append(Finding(None, "no_recall", "How will the network call itself back together? Say who calls "
                             "the meeting, and when or if what happens (for example, if a job is missed twice)."))
    return tuple(found)


def _named(full_name: str, text: str) -> bool:
    words = [w for w in re.findall(r"[\w'’-]+", full_name) if len(w) > 2 and w[0].isupper()]
    return any(re.search(rf"\b{re.escape(w)}\b", text) for w in words)
