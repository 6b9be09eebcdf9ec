"""The review meeting: the network's evidence from a drill, the three review questions, and feedback.

At the review Family Network Meeting (within four weeks) the network is asked
three questions. Here they are put in our own words in :data:`REVIEW_QUESTIONS`:
what have you done, or will you do, when problems come up; how has the plan
been managed so far; and how do you know it is working?

:func:`evidence_log` turns a drill (:class:`fncoach.drills.DrillRun`) into
what a network actually brings to a review: diary entries, text messages and
call logs, including the gaps — days when nobody stepped in, and days when
the job was done but nobody wrote it down. The gaps in record-keeping are
drawn from a seeded generator, so the same run and seed give the same log.

:func:`review_prompts` gathers, for each question, what the evidence shows.
The trainee then decides whether the plan is working and what to change
(:class:`ReviewDecision`); :func:`check_review` gives feedback that draws on
the drill's actual data. When the plan broke, the advice is to get the
network together again: that is a normal part of making a plan work.

Pure: no widgets, no drawing.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> from fncoach.model import Assignment
>>> from fncoach.drills import simulate
>>> s = example_scenario()
>>> run = simulate(s, [Assignment(task="call", primary="gran")], seed=0)
>>> expected_verdict(run)
'no'
>>> feedback = check_review({"working": "yes"}, run)
>>> feedback.level
'warn'
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from typing import Mapping, Optional, Sequence, Union

import numpy as np

from .model import Scenario
from .model import Meeting
from .plan import everyday_name
from .scaling import ScaleError, validate_score
from .words import count_words, names_in_words

__all__ = [
    "REVIEW_QUESTIONS",
    "VERDICTS",
    "EVIDENCE_KINDS",
    "Evidence",
    "ReviewQuestion",
    "ReviewDecision",
    "ReviewFeedback",
    "evidence_log",
    "review_prompts",
    "expected_verdict",
    "check_review",
    "RECORD_GAP_CHANCE",
    "UNDERSTANDING_QUESTION",
    "UnderstandingCheck",
    "check_understanding",
    "review_meeting",
    "RescaleCheck",
    "check_rescale",
]

#: What the review asks every network member, besides the three questions.
UNDERSTANDING_QUESTION = "What are the worries, and what would we do if…?"

#: The three review questions, in plain words.
REVIEW_QUESTIONS: tuple[str, ...] = (
    "What have you done, or what will you do, when problems come up?",
    "How has the plan been managed so far?",
    "How do you know it is working?",
)

#: What a trainee can decide about the plan.
VERDICTS: dict[str, str] = {
    "yes": "Yes, it is working",
    "partly": "Partly: some of it needs changing",
    "no": "No, not yet: it needs a rethink",
}

#: Kinds of evidence a network keeps.
EVIDENCE_KINDS: dict[str, str] = {
    "diary": "Diary entry",
    "text": "Text message",
    "call_log": "Call log",
    "gap": "Nothing recorded",
}

#: Chance that a job that did happen was not written down (a record-keeping gap).
RECORD_GAP_CHANCE = 0.1

_CALL_KINDS = {"phone_call"}
_TEXT_KINDS = {"transport", "school_run"}


@dataclass(frozen=True)
class Evidence:
    """One entry in the network's evidence log.

    ``kind`` is one of :data:`EVIDENCE_KINDS`; ``covered`` says whether the
    job was done (a record gap on a day the job was done has ``kind='gap'``
    and ``covered=True``); ``author`` is a person id or None.
    """

    day: int
    date: _dt.date
    time: str
    kind: str
    task: str
    author: Optional[str]
    text: str
    covered: bool

    def to_dict(self) -> dict:
        return {"day": self.day, "date": self.date.isoformat(), "time": self.time, "kind": self.kind,
                "task": self.task, "author": self.author, "text": self.text, "covered": self.covered}


@dataclass(frozen=True)
class ReviewQuestion:
    """A review question and what the evidence shows for it."""

    question: str
    points: tuple[str, ...]


@dataclass(frozen=True)
class ReviewDecision:
    """The trainee's decision at the review.

    Attributes
    ----------
    working : str
        One of :data:`VERDICTS`.
    change : tuple of str
        Ids of the tasks the trainee wants to change.
    reconvene : bool
        Whether to get the network together again before the next planned review.
    notes : str
        Anything else, in their words.
    """

    working: str
    change: tuple[str, ...] = ()
    reconvene: bool = False
    notes: str = ""

    @classmethod
    def from_answers(cls, answers: Mapping) -> "ReviewDecision":
        """From plain data such as a widget's answers; unknown verdicts are a plain ValueError."""
        working = str(answers.get("working") or "").strip()
        if working not in VERDICTS:
            raise ValueError(f"choose whether the plan is working: one of {', '.join(VERDICTS)}")
        change = answers.get("change") or ()
        if isinstance(change, str):
            change = [change]
        return cls(working, tuple(str(c) for c in change if c), bool(answers.get("reconvene")),
                   str(answers.get("notes") or ""))

    def to_dict(self) -> dict:
        return {"working": self.working, "change": list(self.change), "reconvene": self.reconvene, "notes": self.notes}


@dataclass(frozen=True)
class ReviewFeedback:
    """Feedback on a review decision: an overall level and plain points drawn from the drill."""

    level: str
    headline: str
    points: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join((self.headline, *self.points))


# --------------------------------------------------------------------------- the evidence log


def _hhmm(minutes: int) -> str:
    minutes %= 24 * 60
    return f"{minutes // 60:02d}:{minutes % 60:02d}"


def _minutes(text: str) -> int:
    hours, mins = text.split(":")
    return int(hours) * 60 + int(mins)


def _short_name(scenario: Scenario, person_id: Optional[str]) -> str:
    if not person_id:
        return "someone"
    return everyday_name(scenario.name_of(person_id))


def evidence_log(scenario: Scenario, run, *, seed: Optional[int] = None, show_gaps: bool = True) -> tuple[Evidence, ...]:
    """The network's diary entries, texts and call logs for a drill, in time order, gaps included.

    Parameters
    ----------
    scenario : Scenario
    run : DrillRun
    seed : int, optional
        Seed for the record-keeping gaps (default: the run's seed).
    show_gaps : bool
        Include a ``gap`` entry where nothing was recorded (True), or leave
        those days blank, as a real log would (False).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> from fncoach.model import Assignment
    >>> from fncoach.drills import simulate
    >>> s = example_scenario()
    >>> log = evidence_log(s, simulate(s, [Assignment(task="call", primary="gran")], seed=0))
    >>> [(e.day, e.kind) for e in log][:3]
    [(1, 'call_log'), (4, 'call_log'), (6, 'gap')]
    """
    rng = np.random.default_rng([run.seed if seed is None else int(seed), 2024])
    tasks = {t.id: t for t in scenario.plan.tasks}
    chains = {a.task: (a.primary, *a.backups) for a in run.assignments}
    entries: list[Evidence] = []
    for o in run.log:
        task = tasks[o.task]
        start = _minutes(task.when.start)
        # Draw for every occurrence, so one occurrence's gap does not shift the others.
        forgot, jitter = rng.random() < RECORD_GAP_CHANCE, int(rng.integers(0, 6))
        primary = chains.get(o.task, (None,))[0]
        if o.covered_by is None:
            if primary and any(reason in o.reason for reason in ("was away",)):
                entries.append(Evidence(o.day, o.date, _hhmm(start - 120), "text", o.task, primary,
                                        f"{_short_name(scenario, primary)} to the group: can't do "
                                        f"'{task.title}' today. Can anyone? (no reply recorded)", False))
            if show_gaps:
                entries.append(Evidence(o.day, o.date, task.when.start, "gap", o.task, None,
                                        f"No entry for '{task.title}'. Nobody stepped in.", False))
            continue
        who = _short_name(scenario, o.covered_by)
        if o.role == "backup" and primary:
            entries.append(Evidence(o.day, o.date, _hhmm(start - 60 + jitter), "text", o.task, primary,
                                    f"{_short_name(scenario, primary)} to {who}: can you do '{task.title}' today? "
                                    f"— {who}: yes, leave it with me.", True))
        if forgot:
            if show_gaps:
                entries.append(Evidence(o.day, o.date, task.when.start, "gap", o.task, None,
                                        f"No entry for '{task.title}' (was it done?).", True))
            continue
        time = _hhmm(start + jitter)
        if task.kind in _CALL_KINDS or "video" in task.title.lower():
            length = task.when.minutes if task.when.minutes < 60 else 20
            entries.append(Evidence(o.day, o.date, time, "call_log", o.task, o.covered_by,
                                    f"Call by {who}, {max(2, length - jitter)} minutes.", True))
        elif task.kind in _TEXT_KINDS:
            entries.append(Evidence(o.day, o.date, _hhmm(start + task.when.minutes % (24 * 60)), "text", o.task,
                                    o.covered_by, f"{who}: done — '{task.title}'. All fine.", True))
        else:
            entries.append(Evidence(o.day, o.date, time, "diary", o.task, o.covered_by,
                                    f"{who}: '{task.title}' happened. {_diary_detail(task.kind)}", True))
    entries.sort(key=lambda e: (e.day, e.time))
    return tuple(entries)


def _diary_detail(kind: str) -> str:
    return {
        "visit": "Everyone was in; nothing worrying.",
        "monitoring": "Checked, nothing to report.",
        "supervise_contact": "Went calmly; stayed the whole time.",
        "overnight": "Settled well and slept.",
        "respite": "A good break for everyone.",
        "meal": "Ate together and talked.",
        "activity": "Enjoyed it.",
        "appointment": "Went to the appointment.",
    }.get(kind, "No worries to note.")


# --------------------------------------------------------------------------- the three questions


def review_prompts(scenario: Scenario, run, evidence: Optional[Sequence[Evidence]] = None) -> tuple[ReviewQuestion, ...]:
    """For each review question, what the drill and the evidence log show.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> from fncoach.model import Assignment
    >>> from fncoach.drills import simulate
    >>> s = example_scenario()
    >>> prompts = review_prompts(s, simulate(s, [Assignment(task="call", primary="gran", backups=("dev",))], seed=0))
    >>> prompts[0].question
    'What have you done, or what will you do, when problems come up?'
    """
    evidence = evidence_log(scenario, run) if evidence is None else evidence
    titles = {t.id: t.title for t in scenario.plan.tasks}
    name = scenario.name_of

    first: list[str] = []
    for b in run.backups_used:
        jobs = ", ".join(f"'{titles.get(t, t)}'" for t in b.tasks)
        first.append(f"{name(b.person)} stepped in {b.times} time{'s' if b.times != 1 else ''} ({jobs}).")
    for u in run.uncovered[:6]:
        first.append(f"Day {u.day}, '{titles.get(u.task, u.task)}': nobody stepped in. {u.reason}")
    if len(run.uncovered) > 6:
        first.append(f"… and {len(run.uncovered) - 6} more times nobody stepped in.")
    if not first:
        first.append("No problems came up in this drill: every job was done by the main person.")

    second = [f"{round(run.coverage * 100)}% of the {len(run.log)} times a job was due were covered."]
    for task_id, value in run.per_task.items():
        if value < 1:
            second.append(f"'{titles.get(task_id, task_id)}' was covered {round(value * 100)}% of the time.")
    for p in run.single_points[:3]:
        second.append(f"On {p.occurrences} occasion{'s' if p.occurrences != 1 else ''} only {name(p.person)} "
                      "could have done the job: if they could not, nobody could.")

    records = [e for e in evidence if e.kind != "gap"]
    silent = [e for e in evidence if e.kind == "gap" and e.covered]
    third = [f"The network kept {len(records)} record{'s' if len(records) != 1 else ''}: "
             + ", ".join(_count_words(sum(1 for e in records if e.kind == k), *_PLURALS[k])
                         for k in ("diary", "text", "call_log")) + "."]
    if silent:
        third.append(f"{len(silent)} time{'s' if len(silent) != 1 else ''} a job seems to have happened but nobody "
                     "wrote it down: ask how the network knows.")
    checkers = sorted({t.checked_by for t in scenario.plan.tasks if t.checked_by}, key=name)
    if checkers:
        third.append("Checking the plan: " + ", ".join(name(c) for c in checkers) + ".")
    return (ReviewQuestion(REVIEW_QUESTIONS[0], tuple(first)), ReviewQuestion(REVIEW_QUESTIONS[1], tuple(second)),
            ReviewQuestion(REVIEW_QUESTIONS[2], tuple(third)))


_PLURALS = {"diary": ("diary entry", "diary entries"), "text": ("text message", "text messages"),
            "call_log": ("logged call", "logged calls")}


def _count_words(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


# --------------------------------------------------------------------------- the trainee's decision


def expected_verdict(run, understanding_gaps: int = 0) -> str:
    """What the review suggests: ``yes`` when nothing went uncovered, ``partly`` from 85% covered, else ``no``.

    Coverage is never the whole story: when the network's answers show a gap in
    what it understands about the worries (``understanding_gaps`` > 0), a plan
    whose every job was covered is still only ``partly`` working.

    Examples
    --------
    >>> class Run:
    ...     uncovered, coverage = (), 1.0
    >>> expected_verdict(Run()), expected_verdict(Run(), understanding_gaps=1)
    ('yes', 'partly')
    """
    if not run.uncovered:
        return "partly" if understanding_gaps > 0 else "yes"
    return "partly" if run.coverage >= 0.85 else "no"


def _tasks_to_look_at(run) -> list[str]:
    ids = [u.task for u in run.uncovered]
    return list(dict.fromkeys(ids))


def check_review(decision: Union[ReviewDecision, Mapping], run, *, evidence: Optional[Sequence[Evidence]] = None,
                 unsafe: Sequence = (), understanding: Optional["UnderstandingCheck"] = None) -> ReviewFeedback:
    """Feedback on the trainee's review decision, drawing on the drill's actual data.

    Parameters
    ----------
    decision : ReviewDecision or mapping
        ``{"working": "yes"|"partly"|"no", "change": [task ids], "reconvene": bool, "notes": str}``.
    run : DrillRun
    evidence : sequence of Evidence, optional
        The evidence log; record-keeping gaps are mentioned when given.
    unsafe : sequence of PlanProblem, optional
        The plan check's safety problems with the plan under review
        (:data:`fncoach.plan.SAFETY_RULES`): whatever the drill shows, those
        jobs must change, so a decision that keeps them is never "good".
    understanding : UnderstandingCheck, optional
        The learner's reading of what the network understands about the
        worries (:func:`check_understanding`). "Working" is never decided
        from coverage alone: a "yes" without it, or over answers that show a
        gap, needs another look.

    Returns
    -------
    ReviewFeedback
        ``level`` is ``good`` when the decision fits the drill, ``warn`` when something needs another look.
    """
    if not isinstance(decision, ReviewDecision):
        decision = ReviewDecision.from_answers(decision)
    title = run.title
    gaps_understood = understanding.gaps if understanding is not None else 0
    expected = expected_verdict(run, gaps_understood)
    points: list[str] = []
    concerns: list[str] = []  # what to look at again, in words: the headline names them, so it agrees with them
    good: list[str] = []
    if decision.working == "yes" and understanding is None:
        concerns.append("what the network understands about the worries")
        points.append("Coverage is not the whole story. Before you call the plan working, hear what the network "
                      "understands: ask each member 'what are the worries, and what would we do if…?'.")
    elif understanding is not None and understanding.missed:
        concerns.append("the answers that showed a gap in what the network understands")
        points.append(f"{count_words(len(understanding.missed), 'answer')} from the network showed a gap in what it "
                      "understands about the worries and you did not mark it. A plan whose jobs are all covered is "
                      "not working if the people doing them do not know what they are watching for.")
    gaps = len(run.uncovered)
    uncovered_tasks = _tasks_to_look_at(run)

    if decision.working == expected and expected == "partly" and not run.uncovered:
        points.append("Every job was covered, but the network's answers show gaps in what it understands about the "
                      "worries: 'partly' is fair, and the review is the place to talk them through.")
    elif decision.working == expected:
        points.append(_verdict_agrees(run, expected))
        good.append("your verdict fits the drill")
    elif decision.working == "yes" and not run.uncovered:
        concerns.append("whether a plan the network does not yet understand is working")
        points.append(f"Every job was covered, but {count_words(gaps_understood, 'answer')} from the network showed "
                      "it does not yet understand the worries well enough to act on them. That is not 'working' yet.")
    else:
        concerns.append("whether the plan is working")
        points.append(_verdict_differs(run, decision.working, expected))

    chosen = set(decision.change)
    missed = [t for t in uncovered_tasks if t not in chosen]
    if missed and decision.working != "yes":
        concerns.append("the jobs that went uncovered")
        points.append("These jobs went uncovered in the drill but are not on your list to change: "
                      + ", ".join(f"'{title(t)}'" for t in missed) + ". Who else could step in, or could the time move?")
    elif uncovered_tasks and not missed:
        good.append("you picked every job that went uncovered")
        points.append("You picked every job that went uncovered: " + ", ".join(f"'{title(t)}'" for t in uncovered_tasks)
                      + ".")
    if unsafe:
        concerns.insert(0, "the jobs the plan check says cannot stay as they are")
        points.insert(0, "Whatever the drill shows, the plan cannot stay as it is: " + " ".join(
            dict.fromkeys(p.message for p in unsafe)))
        keep = [t for t in dict.fromkeys(p.task_id for p in unsafe if p.task_id) if t not in chosen]
        if keep:
            points.insert(1, "Put these jobs on your list to change: " + ", ".join(f"'{title(t)}'" for t in keep) + ".")
    steady = [t for t in chosen if t in run.per_task and run.per_task[t] >= 1 and t not in uncovered_tasks]
    single = {t for p in run.single_points for t in p.tasks}
    for t in steady:
        if t in single:
            points.append(f"'{title(t)}' was covered every time, but on some days only one person could have done it, "
                          "so adding a backup there makes sense.")
        else:
            points.append(f"'{title(t)}' was covered every time in this drill. What makes you want to change it? "
                          "Keeping what works matters too.")

    if gaps and not decision.reconvene:
        concerns.append("getting the network together again")
        points.append(f"Nobody stepped in {gaps} time{'s' if gaps != 1 else ''}. Getting the network together again, "
                      "before the next planned review if needed, is the normal next step: plans are meant to be "
                      "tried and changed, and it is not a sign the network has failed.")
    elif gaps and decision.reconvene:
        points.append("Getting the network together again is the right call. It is a normal part of making a plan "
                      "work, not a failure: the network found the gap itself.")
    elif decision.reconvene:
        points.append("Meeting again is never wrong, though this drill found no gap; the planned review may be enough.")

    if run.backups_used:
        most = run.backups_used[0]
        total = sum(b.times for b in run.backups_used)
        points.append(f"Say what went well too: backups stepped in {_times(total)}; "
                      f"the network could thank its busiest backup for stepping in {_times(most.times)}.")

    if evidence is not None:
        silent = sum(1 for e in evidence if e.kind == "gap" and e.covered)
        wrote_about_records = any(w in decision.notes.lower() for w in ("record", "diary", "write", "log", "text"))
        if silent and not wrote_about_records:
            points.append(f"{silent} {'job seems' if silent == 1 else 'jobs seem'} to have happened but nobody wrote "
                          f"{'it' if silent == 1 else 'them'} down. How will the network show the plan is working if "
                          "it is not recorded?")

    return ReviewFeedback(*_headline(good, concerns), tuple(points))


def _times(count: int) -> str:
    return "once" if count == 1 else ("twice" if count == 2 else f"{count} times")


def _and(items: Sequence[str]) -> str:
    return names_in_words(items, limit=None)


def _headline(good: Sequence[str], concerns: Sequence[str]) -> tuple[str, str]:
    """The level and a headline that agrees with the points: what was right, and what to look at again.

    Examples
    --------
    >>> _headline(["you picked every job that went uncovered"], ["getting the network together again"])
    ('warn', 'Good: you picked every job that went uncovered. Have another look at getting the network together again.')
    >>> _headline(["your verdict fits the drill"], [])[0]
    'good'
    """
    if not concerns:
        return "good", "Your decision fits what the drill showed."
    lead = f"Good: {_and(list(good))}. " if good else ""
    return "warn", f"{lead}Have another look at {_and(list(concerns))}."


def _verdict_agrees(run, expected: str) -> str:
    percent = round(run.coverage * 100)
    if expected == "yes":
        return f"The drill agrees: every job was covered ({percent}%)."
    if expected == "partly":
        return (f"The drill agrees: {percent}% was covered, but nobody stepped in {len(run.uncovered)} "
                f"time{'s' if len(run.uncovered) != 1 else ''}.")
    covered = "no job was covered at all" if percent == 0 else f"only {percent}% was covered"
    return f"The drill agrees: {covered}, so the plan needs a rethink with the network."


def _verdict_differs(run, chosen: str, expected: str) -> str:
    percent = round(run.coverage * 100)
    if chosen == "yes":
        first = run.uncovered[0]
        times = len(run.uncovered)
        return (f"You said it is working, but nobody stepped in {times} time{'s' if times != 1 else ''}, for example "
                f"'{run.title(first.task)}' on day {first.day}. "
                + ("No job was covered at all." if percent == 0 else f"Only {percent}% was covered."))
    if expected == "yes":
        return (f"Every job was covered in this drill ({percent}%). What makes you think it is not working? "
                "If it is a worry the drill cannot show, say so in your notes.")
    if chosen == "no":
        return (f"{percent}% was covered and the gaps were on particular days, so most of the plan is working: "
                "'partly' may be fairer, and it keeps what works.")
    return (("No job was covered" if percent == 0 else f"Only {percent}% was covered")
            + f", with {len(run.uncovered)} gaps: this needs more than a small change. "
            "Consider a rethink with the network.")


# --------------------------------------------------------------------------- what the network understands


@dataclass(frozen=True)
class UnderstandingCheck:
    """The learner's reading of the network's answers to :data:`UNDERSTANDING_QUESTION`.

    ``spotted``, ``missed`` and ``false_alarms`` are indexes into
    ``scenario.review_answers``; ``gaps`` is how many answers show a gap.
    """

    spotted: tuple[int, ...]
    missed: tuple[int, ...]
    false_alarms: tuple[int, ...]
    gaps: int
    level: str
    points: tuple[str, ...]

    @property
    def text(self) -> str:
        return "\n".join(self.points)


def _marked(value) -> bool:
    if isinstance(value, Mapping):
        return bool(value.get("gap"))
    return bool(value)


def check_understanding(scenario: Scenario, marks: Mapping) -> UnderstandingCheck:
    """Which of the network's review answers the learner marked as showing a gap, against the case.

    Parameters
    ----------
    scenario : Scenario
        Its ``review_answers`` (the ``gap`` of each is the facilitator's note).
    marks : mapping
        Answer index (int or str) → ``True``/``{"gap": bool, "note": str}``
        when the learner thinks the answer shows a gap.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> gaps = [i for i, a in enumerate(s.review_answers) if a.gap]
    >>> check_understanding(s, {i: True for i in gaps}).missed
    ()
    >>> check_understanding(s, {}).missed == tuple(gaps)
    True
    """
    chosen = {int(k) for k, v in (marks or {}).items() if _marked(v) and str(k).lstrip("-").isdigit()}
    answers = scenario.review_answers
    gap_ids = {i for i, a in enumerate(answers) if a.gap}
    spotted = tuple(sorted(chosen & gap_ids))
    missed = tuple(sorted(gap_ids - chosen))
    false_alarms = tuple(sorted(i for i in chosen - gap_ids if 0 <= i < len(answers)))
    name = lambda i: everyday_name(scenario.name_of(answers[i].who))  # noqa: E731
    points: list[str] = []
    if not answers:
        return UnderstandingCheck((), (), (), 0, "info", ("This case has no answers from the network yet.",))
    if spotted:
        points.append(f"You spotted {count_words(len(spotted), 'gap')} in what the network understands: "
                      + names_in_words([name(i) for i in spotted], limit=None) + ".")
    for i in missed:
        points.append(f"Look again at what {name(i)} said: {answers[i].gap}")
    for i in false_alarms:
        points.append(f"{name(i)}'s answer shows they know what the worry is and what to do: say so at the review, "
                      "so the network hears what it is doing well.")
    if not gap_ids:
        points.append("Nobody's answer shows a gap: the network understands the worries.")
    level = "good" if not missed and not false_alarms else "warn"
    return UnderstandingCheck(spotted, missed, false_alarms, len(gap_ids), level, tuple(points))


# --------------------------------------------------------------------------- re-scaling at the review


def review_meeting(scenario: Scenario) -> Optional[Meeting]:
    """The first review meeting in the case's timeline (``None`` if it has none).

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> review_meeting(tiny_scenario()).kind
    'review'
    """
    return next((m for m in scenario.meetings if m.kind == "review"), None)


@dataclass(frozen=True)
class RescaleCheck:
    """Feedback on the numbers the learner recorded at the review."""

    level: str
    points: tuple[str, ...]
    own: Optional[int]

    @property
    def text(self) -> str:
        return "\n".join(self.points)


def check_rescale(scenario: Scenario, entries: Mapping, own: Mapping) -> RescaleCheck:
    """Check the safety-scale numbers recorded at the review: everyone's, as they said them, with reasons.

    Parameters
    ----------
    scenario : Scenario
        The numbers people gave are the :func:`review_meeting`'s ``scores``.
    entries : mapping
        Person id → ``{"score": int, "reason": str}`` as the learner recorded it.
    own : mapping
        The learner's own ``{"score", "reason"}``.

    Nothing is averaged: different numbers are a conversation.

    Examples
    --------
    >>> from fncoach.examples import tiny_scenario
    >>> s = tiny_scenario()
    >>> heard = {x.who: {"score": x.score, "reason": x.reason} for x in review_meeting(s).scores}
    >>> check_rescale(s, heard, {"score": 5, "reason": "Gran rang every day"}).level
    'good'
    >>> check_rescale(s, {}, {"score": 5, "reason": ""}).level
    'warn'
    """
    meeting = review_meeting(scenario)
    points: list[str] = []
    concerns = 0
    heard = meeting.scores if meeting is not None else ()
    for item in heard:
        name = scenario.name_of(item.who)
        entry = entries.get(item.who) or {}
        raw = entry.get("score") if isinstance(entry, Mapping) else None
        if raw is None or raw == "":
            concerns += 1
            points.append(f"Record {name}'s number: everyone re-scales at every review.")
            continue
        try:
            score = validate_score(raw)
        except ScaleError as error:
            concerns += 1
            points.append(f"{name}: {error}")
            continue
        if score != item.score:
            concerns += 1
            points.append(f"{name} said {item.score}, not {score}: write down the number each person gives, "
                          "not the one you would give.")
        if not str(entry.get("reason") or "").strip():
            concerns += 1
            points.append(f"Write {name}'s reason too: a number without its reason cannot start a conversation.")
    own_score: Optional[int] = None
    try:
        own_score = validate_score(own.get("score")) if own and own.get("score") not in (None, "") else None
    except ScaleError as error:
        concerns += 1
        points.append(f"Your number: {error}")
    if own_score is None:
        concerns += 1
        points.append("Give your own number too, before you compare.")
    elif not str(own.get("reason") or "").strip():
        concerns += 1
        points.append("Say why you chose your number: what are you seeing that leads to it?")
    scores = [i.score for i in heard] + ([own_score] if own_score is not None else [])
    if scores:
        low, high = min(scores), max(scores)
        if high - low >= 3:
            points.append(f"The numbers run from {low} to {high}. Don't average them: ask the person with the lowest "
                          "number what they are seeing, and the highest what would keep it there.")
        if low <= 1:
            points.append("A number of 0 or 1 means an immediate safety worry: raise it with your manager today.")
    if concerns == 0:
        points.insert(0, "Everyone's number is recorded with their reason, as they said it.")
    return RescaleCheck("good" if concerns == 0 else "warn", tuple(points), own_score)
