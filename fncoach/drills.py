"""Contingency drills: live the safety plan day by day and see what breaks.

"What if Gran is on holiday — who checks in?" A drill walks through the
drill period (normally the 28 days to the first review meeting). On each day
every task that happens that day is covered by its *primary* person, or else
by the *first available backup*, or else it goes *uncovered*, with the reason.

Who is available on a day is decided by

* the week: someone who has said they are not free at that time of the week
  (their ``available`` slots) cannot step in; nor can someone who only joins
  by phone or video when the task has to be done in person;
* the scenario's *scripted events* (``drills.events``): a person is away
  from ``from_day`` to ``to_day``, whole days;
* *everyday absence*: on any day each person, independently, cannot help
  with chance ``drills.absence_chance`` (illness, work, a bad day). This is
  drawn from a seeded random generator, so the same seed gives the same drill.

:func:`simulate` runs one drill and keeps a full log; :func:`monte_carlo`
repeats it many times, vectorised with numpy, and gives the distribution of
coverage; :func:`exact_coverage` works the expected coverage out exactly
(absences are independent, so an occurrence is covered with probability
``1 - p ** k`` where ``k`` people in its chain are free that day). The
"What would you do?" helpers (:func:`add_backup`, :func:`swap_person`,
:func:`move_task`, :func:`apply_plan_change`) change the plan as plain data,
and :func:`compare_runs` shows the difference a change makes;
:func:`describe_plan_change` says what a change did, :func:`replay_plan_changes`
puts saved changes back, and :func:`starting_plan` is the plan a drill starts from.

Pure: numpy only, no widgets, no drawing.

Examples
--------
>>> from fncoach.examples import example_scenario
>>> from fncoach.model import Assignment
>>> s = example_scenario()
>>> plan = [Assignment(task="call", primary="gran", backups=("dev",)),
...         Assignment(task="sleepover", primary="gran")]
>>> run = simulate(s, plan, seed=3)
>>> [(o.day, o.covered_by) for o in run.log]
[(1, 'gran'), (4, 'dev'), (6, 'gran'), (8, 'dev'), (11, 'gran')]
>>> run.coverage
1.0
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Iterable, Mapping, Optional, Sequence

import numpy as np

from .model import WEEKDAYS, Assignment, Scenario, Task
from .plan import UnsafePlanChange, clock, describe_availability, describe_when, is_free, unsafe_changes

__all__ = [
    "Occurrence",
    "Uncovered",
    "BackupUse",
    "SinglePoint",
    "DrillRun",
    "DrillSummary",
    "ExactCoverage",
    "RunComparison",
    "simulate",
    "monte_carlo",
    "exact_coverage",
    "compare_runs",
    "add_backup",
    "swap_person",
    "move_task",
    "apply_plan_change",
    "PLAN_CHANGE_KINDS",
    "PlanReplay",
    "replay_plan_changes",
    "describe_plan_change",
    "starting_plan",
    "DEFAULT_RUNS",
    "percent",
]

_CHUNK_RUNS = 2048

#: How many seeded drills ``fncoach drill`` and the packs run to give the mean coverage.
DEFAULT_RUNS = 1000


def percent(share: float) -> str:
    """A share (0–1) written as ``fncoach drill`` and the packs write it, to one decimal place.

    Examples
    --------
    >>> percent(0.9876), percent(1.0)
    ('98.8%', '100.0%')
    """
    return f"{share:.1%}"


# --------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Occurrence:
    """One time a task happens in the drill, and who covered it.

    ``role`` is ``"primary"``, ``"backup"`` or ``None`` (uncovered);
    ``backup_rank`` is 1 for the first backup, 2 for the second …, 0 otherwise.
    ``reason`` says why the people before the one who covered it could not
    (empty when the primary did it).
    """

    task: str
    day: int
    date: _dt.date
    covered_by: Optional[str]
    role: Optional[str]
    backup_rank: int
    reason: str

    @property
    def covered(self) -> bool:
        return self.covered_by is not None

    def to_dict(self) -> dict:
        return {"task": self.task, "day": self.day, "date": self.date.isoformat(), "covered_by": self.covered_by,
                "role": self.role, "backup_rank": self.backup_rank, "reason": self.reason}


@dataclass(frozen=True)
class Uncovered:
    """A task occurrence nobody could cover, with the reason in plain words."""

    task: str
    day: int
    reason: str

    def to_dict(self) -> dict:
        return {"task": self.task, "day": self.day, "reason": self.reason}


@dataclass(frozen=True)
class BackupUse:
    """A backup who stepped in: how many times and for which tasks."""

    person: str
    times: int
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class SinglePoint:
    """A person who is the only one able to cover some occurrences: if they cannot, nobody can."""

    person: str
    occurrences: int
    tasks: tuple[str, ...]


@dataclass(frozen=True)
class DrillRun:
    """One drill: the log of every occurrence and what it shows.

    Attributes
    ----------
    coverage : float
        Share (0–1) of task occurrences that were covered (1.0 when nothing happened).
    log : tuple of Occurrence
        Every occurrence in day order, then task order.
    uncovered : tuple of Uncovered
    backups_used : tuple of BackupUse
        Backups who stepped in, most used first.
    single_points : tuple of SinglePoint
        People who alone held some occurrences (most first).
    absences : tuple of (day, person id)
        The everyday absences drawn for people in the plan.
    events : bool
        Whether the scripted events were applied.
    """

    scenario_id: str
    seed: int
    days: int
    assignments: tuple[Assignment, ...]
    coverage: float
    log: tuple[Occurrence, ...]
    uncovered: tuple[Uncovered, ...]
    backups_used: tuple[BackupUse, ...]
    single_points: tuple[SinglePoint, ...]
    absences: tuple[tuple[int, str], ...]
    events: bool = True
    task_titles: dict[str, str] = field(default_factory=dict)

    def title(self, task_id: str) -> str:
        """The task's title (its id when unknown)."""
        return self.task_titles.get(task_id, task_id)

    @property
    def per_task(self) -> dict[str, float]:
        """Coverage (0–1) of each task that happened at least once."""
        totals: dict[str, list[int]] = {}
        for o in self.log:
            pair = totals.setdefault(o.task, [0, 0])
            pair[0] += o.covered
            pair[1] += 1
        return {task: covered / count for task, (covered, count) in totals.items()}

    def to_dict(self) -> dict:
        """Plain JSON-ready data."""
        return {
            "scenario": self.scenario_id, "seed": self.seed, "days": self.days, "events": self.events,
            "coverage": self.coverage,
            "uncovered": [u.to_dict() for u in self.uncovered],
            "backups_used": [{"person": b.person, "times": b.times, "tasks": list(b.tasks)} for b in self.backups_used],
            "single_points": [{"person": p.person, "occurrences": p.occurrences, "tasks": list(p.tasks)}
                              for p in self.single_points],
            "log": [o.to_dict() for o in self.log],
        }


@dataclass(frozen=True)
class DrillSummary:
    """Many seeded drills of the same plan.

    Attributes
    ----------
    runs, seed : int
    coverage : float
        Mean coverage over the runs (0–1).
    coverage_sd : float
        Standard deviation of coverage between runs.
    distribution : tuple of float
        Each run's coverage, in run order.
    per_task : dict
        Task id → mean coverage of its occurrences.
    per_occurrence : tuple of (task, day, mean coverage)
    backups_used : dict
        Person id → mean number of times a run needed them as a backup.
    share_with_gaps : float
        Share of runs with at least one uncovered occurrence.
    """

    scenario_id: str
    runs: int
    seed: int
    coverage: float
    coverage_sd: float
    distribution: tuple[float, ...]
    per_task: dict[str, float]
    per_occurrence: tuple[tuple[str, int, float], ...]
    backups_used: dict[str, float]
    share_with_gaps: float
    events: bool = True

    @property
    def standard_error(self) -> float:
        """Standard error of the mean coverage."""
        return self.coverage_sd / np.sqrt(self.runs) if self.runs > 1 else 0.0

    def to_dict(self) -> dict:
        return {"scenario": self.scenario_id, "runs": self.runs, "seed": self.seed, "coverage": self.coverage,
                "coverage_sd": self.coverage_sd, "per_task": dict(self.per_task),
                "backups_used": dict(self.backups_used), "share_with_gaps": self.share_with_gaps}


@dataclass(frozen=True)
class ExactCoverage:
    """The exact expected coverage under independent everyday absence."""

    coverage: float
    per_task: dict[str, float]
    per_occurrence: tuple[tuple[str, int, float], ...]


@dataclass(frozen=True)
class RunComparison:
    """Before and after a change to the plan, in plain words."""

    before: float
    after: float
    change: float
    newly_covered: tuple[tuple[str, int], ...]
    newly_uncovered: tuple[tuple[str, int], ...]
    headline: str
    lines: tuple[str, ...]

    def to_dict(self) -> dict:
        return {"before": self.before, "after": self.after, "change": self.change,
                "newly_covered": [list(x) for x in self.newly_covered],
                "newly_uncovered": [list(x) for x in self.newly_uncovered],
                "headline": self.headline, "lines": list(self.lines)}


# --------------------------------------------------------------------------- preparing a plan for drilling


@dataclass
class _Prepared:
    scenario: Scenario
    people: tuple[str, ...]                 # person ids, index = column of the absence draws
    occ_task: list[str] = field(default_factory=list)
    occ_day: list[int] = field(default_factory=list)          # 1-based drill day
    occ_chain: list[list[int]] = field(default_factory=list)  # person indices, primary first (deduplicated)
    occ_why_not: list[list[str]] = field(default_factory=list)  # "" when able, else why not (structural/scripted)
    occ_chain_ids: list[list[str]] = field(default_factory=list)  # as named, including unknown ids

    def arrays(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        width = max((len(c) for c in self.occ_chain), default=0) or 1
        count = len(self.occ_day)
        chain = np.zeros((count, width), dtype=np.intp)
        able = np.zeros((count, width), dtype=bool)
        for i, (members, why) in enumerate(zip(self.occ_chain, self.occ_why_not)):
            for k, (person, reason) in enumerate(zip(members, why)):
                chain[i, k] = person
                able[i, k] = reason == ""
        return np.asarray(self.occ_day, dtype=np.intp) - 1, chain, able


def _name(scenario: Scenario, person_id: str) -> str:
    return scenario.name_of(person_id)


def _event_reasons(scenario: Scenario, events: bool) -> dict[tuple[str, int], str]:
    away: dict[tuple[str, int], str] = {}
    if not events:
        return away
    for event in scenario.drills.events:
        for day in range(event.from_day, event.to_day + 1):
            away.setdefault((event.person, day), event.reason.rstrip("."))
    return away


def _prepare(scenario: Scenario, assignments: Iterable[Assignment], events: bool) -> _Prepared:
    people = tuple(p.id for p in scenario.people)
    index = {pid: i for i, pid in enumerate(people)}
    by_task = {a.task: a for a in assignments}
    away = _event_reasons(scenario, events)
    prepared = _Prepared(scenario, people)
    start = scenario.drills.start_date
    tasks = scenario.plan.tasks
    persons = {p.id: p for p in scenario.people}
    weekly: dict[tuple[str, str, str], str] = {}  # (person, task, weekday) → reason they cannot, every week
    for day in range(1, scenario.drills.days + 1):
        date = start + _dt.timedelta(days=day - 1)
        weekday = WEEKDAYS[date.weekday()]
        for task in tasks:
            if weekday not in task.when.weekly and date not in task.when.dates:
                continue
            a = by_task.get(task.id)
            named = [a.primary, *a.backups] if a is not None and a.primary else []
            chain, why, ids = [], [], []
            for person_id in dict.fromkeys(named):  # a person named twice counts once
                if person_id not in index:
                    continue
                chain.append(index[person_id])
                ids.append(person_id)
                if (person_id, day) in away:
                    why.append(f"{persons[person_id].name} was away ({away[(person_id, day)]})")
                    continue
                key = (person_id, task.id, weekday)
                if key not in weekly:
                    weekly[key] = _why_not(persons[person_id], task, weekday)
                why.append(weekly[key])
            prepared.occ_task.append(task.id)
            prepared.occ_day.append(day)
            prepared.occ_chain.append(chain)
            prepared.occ_why_not.append(why)
            prepared.occ_chain_ids.append(ids)
    return prepared


def _why_not(person, task: Task, weekday: str) -> str:
    """Why the person can never do this task on this day of the week ("" when they can)."""
    name = person.name
    if task.in_person and person.joins_virtually:
        return f"{name} can only help by phone or video, and this has to be done in person"
    if not is_free(person, weekday, task.when):
        return (f"{name} is not free at {clock(task.when.start)} on a {_DAY_NAMES[weekday]} "
                f"(they can help {describe_availability(person)})")
    return ""


_DAY_NAMES = {"mon": "Monday", "tue": "Tuesday", "wed": "Wednesday", "thu": "Thursday", "fri": "Friday",
              "sat": "Saturday", "sun": "Sunday"}


def _check_seed(seed: int) -> int:
    if isinstance(seed, bool) or not isinstance(seed, (int, np.integer)) or seed < 0:
        raise ValueError(f"the seed must be a whole number 0 or more, not {seed!r}")
    return int(seed)


def _draw_absences(rng: np.random.Generator, runs: int, days: int, people: int, chance: float) -> np.ndarray:
    """Everyday absence: True where a person cannot help on a day (runs × days × people)."""
    return rng.random((runs, days, people), dtype=np.float32) < np.float32(chance)


# --------------------------------------------------------------------------- one drill


def simulate(scenario: Scenario, assignments: Iterable[Assignment], *, seed: int = 0,
             events: bool = True) -> DrillRun:
    """Run one drill of the plan over ``scenario.drills.days`` days.

    Parameters
    ----------
    scenario : Scenario
    assignments : iterable of Assignment
        The plan: a primary and backups per task. Tasks left out go uncovered.
    seed : int
        Seed for everyday absence. The same seed always gives the same drill,
        and it is the same draw as run 0 of :func:`monte_carlo` with that seed.
    events : bool
        Apply the scenario's scripted events (True) or leave them out to see
        the difference they make.

    Returns
    -------
    DrillRun

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> run = simulate(s, [Assignment(task="call", primary="gran")], seed=0)
    >>> [(u.task, u.day) for u in run.uncovered][:3]
    [('sleepover', 6), ('call', 8)]
    """
    seed = _check_seed(seed)
    assignments = tuple(assignments)
    prepared = _prepare(scenario, assignments, events)
    drills = scenario.drills
    rng = np.random.default_rng(seed)
    absent = _draw_absences(rng, 1, drills.days, len(prepared.people), drills.absence_chance)[0]
    in_plan = {pid for chain in prepared.occ_chain_ids for pid in chain}
    titles = {t.id: t.title for t in scenario.plan.tasks}
    log: list[Occurrence] = []
    uncovered: list[Uncovered] = []
    used: dict[str, list[str]] = {}
    only: dict[str, list[str]] = {}
    for task_id, day, chain, why, ids in zip(prepared.occ_task, prepared.occ_day, prepared.occ_chain,
                                             prepared.occ_why_not, prepared.occ_chain_ids):
        date = drills.start_date + _dt.timedelta(days=day - 1)
        reasons: list[str] = []
        covered_by: Optional[str] = None
        rank = 0
        able_ids = [pid for pid, w in zip(ids, why) if not w]
        if len(able_ids) == 1:
            only.setdefault(able_ids[0], []).append(task_id)
        for k, (person, person_id, reason) in enumerate(zip(chain, ids, why)):
            if reason:
                reasons.append(reason)
            elif absent[day - 1, person]:
                reasons.append(f"{_name(scenario, person_id)} could not that day (ill or tied up)")
            else:
                covered_by, rank = person_id, k
                break
        if covered_by is None:
            if not ids:
                text = f"Nobody is named for '{titles[task_id]}'."
            else:
                text = "; ".join(reasons) + "."
                if len(ids) == 1:
                    text += " There was no backup."
                else:
                    text += " No backup could step in."
            uncovered.append(Uncovered(task_id, day, _capital(text)))
            log.append(Occurrence(task_id, day, date, None, None, 0, _capital(text)))
        else:
            role = "primary" if rank == 0 else "backup"
            if rank:
                used.setdefault(covered_by, []).append(task_id)
            log.append(Occurrence(task_id, day, date, covered_by, role, rank,
                                  _capital("; ".join(reasons) + ".") if reasons else ""))
    covered = sum(o.covered for o in log)
    coverage = covered / len(log) if log else 1.0
    backups = tuple(sorted((BackupUse(pid, len(ts), tuple(dict.fromkeys(ts))) for pid, ts in used.items()),
                           key=lambda b: (-b.times, _name(scenario, b.person))))
    singles = tuple(sorted((SinglePoint(pid, len(ts), tuple(dict.fromkeys(ts))) for pid, ts in only.items()),
                           key=lambda p: (-p.occurrences, _name(scenario, p.person))))
    absences = tuple((day + 1, prepared.people[p]) for day, p in zip(*np.nonzero(absent))
                     if prepared.people[p] in in_plan)
    return DrillRun(scenario.meta.id, seed, drills.days, assignments, coverage, tuple(log), tuple(uncovered),
                    backups, singles, absences, events, titles)


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


# --------------------------------------------------------------------------- many drills, vectorised


def monte_carlo(scenario: Scenario, assignments: Iterable[Assignment], *, runs: int = DEFAULT_RUNS, seed: int = 0,
                events: bool = True) -> DrillSummary:
    """Repeat the drill ``runs`` times with seeded everyday absence (vectorised).

    Run ``i`` uses the same random stream as a one-after-another loop, so
    run 0 equals :func:`simulate` with the same seed.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> summary = monte_carlo(s, [Assignment(task="call", primary="gran", backups=("dev",))], runs=200, seed=3)
    >>> round(summary.per_task["sleepover"], 2), summary.runs
    (0.0, 200)
    """
    seed = _check_seed(seed)
    if isinstance(runs, bool) or not isinstance(runs, (int, np.integer)) or runs < 1:
        raise ValueError(f"the number of runs must be a whole number 1 or more, not {runs!r}")
    runs = int(runs)
    prepared = _prepare(scenario, assignments, events)
    drills = scenario.drills
    day_idx, chain, able = prepared.arrays()
    n_occ = len(day_idx)
    n_people = len(prepared.people)
    rng = np.random.default_rng(seed)
    per_run = np.empty(runs)
    occ_covered = np.zeros(n_occ)
    backup_counts = np.zeros(n_people)
    gaps = 0
    done = 0
    while done < runs:
        size = min(_CHUNK_RUNS, runs - done)
        absent = _draw_absences(rng, size, drills.days, n_people, drills.absence_chance)
        if n_occ:
            covered_per_run, occ_counts, gap_runs, rescued = _cover_packed(absent, day_idx, chain, able)
            per_run[done:done + size] = covered_per_run / n_occ
            occ_covered += occ_counts
            gaps += gap_runs
            backup_counts += rescued
        else:
            per_run[done:done + size] = 1.0
        done += size
    occ_mean = occ_covered / runs
    per_task = _group_mean(prepared.occ_task, occ_mean, scenario)
    per_occurrence = tuple((t, int(d), float(m)) for t, d, m in zip(prepared.occ_task, prepared.occ_day, occ_mean))
    backups = {prepared.people[i]: float(backup_counts[i] / runs) for i in np.argsort(-backup_counts, kind="stable")
               if backup_counts[i] > 0}
    return DrillSummary(scenario.meta.id, runs, seed, float(per_run.mean()),
                        float(per_run.std(ddof=1)) if runs > 1 else 0.0,
                        tuple(float(x) for x in per_run), per_task, per_occurrence, backups, gaps / runs, events)


_POPCOUNT = np.array([bin(i).count("1") for i in range(256)], dtype=np.int64)


def _cover_packed(absent: np.ndarray, day_idx: np.ndarray, chain: np.ndarray, able: np.ndarray):
    """Cover every occurrence in every run at once, with runs packed eight to a byte.

    Returns the number of occurrences covered in each run, the number of runs
    covering each occurrence, the number of runs with any gap, and how often
    each person stepped in as a backup (summed over runs).
    """
    size, days, people = absent.shape
    n_occ, width = chain.shape
    packed = np.ascontiguousarray(np.packbits(absent.reshape(size, days * people), axis=0).T)  # (day*person, bytes)
    valid = np.packbits(np.ones(size, dtype=bool))
    bits = packed[day_idx[:, None] * people + chain]  # occurrences × chain × bytes: 1 = absent
    bits[~able] = 0xFF  # someone away or not free that day counts as absent
    uncovered = np.bitwise_and.reduce(bits, axis=1) & valid
    occ_counts = size - _POPCOUNT[uncovered].sum(axis=1)
    per_run = n_occ - np.unpackbits(uncovered, axis=1, count=size).sum(axis=0, dtype=np.int64)
    gap_runs = int(_POPCOUNT[np.bitwise_or.reduce(uncovered, axis=0)].sum())
    rescued = np.zeros(people)
    before = bits[:, 0, :].copy()  # runs where everyone earlier in the chain was absent
    for k in range(1, width):
        stepped_in = ~bits[:, k, :] & before & valid
        np.add.at(rescued, chain[:, k], _POPCOUNT[stepped_in].sum(axis=1))
        before &= bits[:, k, :]
    return per_run, occ_counts, gap_runs, rescued


def _cover(absent: np.ndarray, day_idx: np.ndarray, chain: np.ndarray, able: np.ndarray):
    """Covered (runs × occurrences) and the chain position that covered each one."""
    present = ~absent[:, day_idx[:, None], chain]  # runs × occurrences × chain
    present &= able
    covered = present.any(axis=2)
    first = present.argmax(axis=2)
    return covered, first


def _group_mean(task_ids: Sequence[str], values: np.ndarray, scenario: Scenario) -> dict[str, float]:
    sums: dict[str, list[float]] = {}
    for task_id, value in zip(task_ids, values):
        pair = sums.setdefault(task_id, [0.0, 0])
        pair[0] += float(value)
        pair[1] += 1
    order = [t.id for t in scenario.plan.tasks]
    return {t: sums[t][0] / sums[t][1] for t in order if t in sums}


def exact_coverage(scenario: Scenario, assignments: Iterable[Assignment], *, events: bool = True) -> ExactCoverage:
    """The expected coverage worked out exactly, without random draws.

    Everyday absences are independent with chance ``p``, so an occurrence
    whose chain has ``k`` people free that day (not away, free at that time)
    is covered with probability ``1 - p ** k`` (0 when ``k`` is 0). The
    expected coverage is the mean of these over all occurrences.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()   # absence chance 0.1; the call happens 4 times, Gran is away on day 8
    >>> exact = exact_coverage(s, [Assignment(task="call", primary="gran", backups=("dev",))])
    >>> [p for _, _, p in exact.per_occurrence]   # day 8 has only Dev
    [0.99, 0.99, 0.0, 0.9, 0.99]
    """
    prepared = _prepare(scenario, assignments, events)
    p = scenario.drills.absence_chance
    probs = np.array([1.0 - p ** sum(1 for w in why if not w) if any(not w for w in why) else 0.0
                      for why in prepared.occ_why_not])
    per_occurrence = tuple((t, int(d), float(round(v, 12))) for t, d, v in
                           zip(prepared.occ_task, prepared.occ_day, probs))
    return ExactCoverage(float(probs.mean()) if len(probs) else 1.0,
                         _group_mean(prepared.occ_task, probs, scenario), per_occurrence)


# --------------------------------------------------------------------------- "What would you do?"


#: The changes a trainee can make after a drill, as plain data ``{"kind": ..., ...}``.
PLAN_CHANGE_KINDS: dict[str, str] = {
    "add_backup": "Add a person: {task, person} (the main person if the task has nobody yet, else a backup)",
    "swap_person": "Swap a person: {task, old, new}",
    "move_task": "Move a time: {task, weekly?, start?, end?}",
}


def add_backup(assignments: Iterable[Assignment], task: str, person: str) -> tuple[Assignment, ...]:
    """The plan with ``person`` added as the last backup for ``task``.

    A task that has nobody yet gets ``person`` as its main person, so a
    learner who starts from an empty plan can build it up with this change.

    Examples
    --------
    >>> add_backup([Assignment(task="call", primary="gran")], "call", "dev")
    (Assignment(task='call', primary='gran', backups=('dev',)),)
    >>> add_backup([], "call", "gran")
    (Assignment(task='call', primary='gran', backups=()),)
    """
    result, found = [], False
    for a in assignments:
        if a.task == task:
            found = True
            if person != a.primary and person not in a.backups:
                a = a.model_copy(update={"backups": (*a.backups, person)})
        result.append(a)
    if not found:
        result.append(Assignment(task=task, primary=person))
    return tuple(result)


def swap_person(assignments: Iterable[Assignment], task: str, old: str, new: str) -> tuple[Assignment, ...]:
    """The plan with ``old`` replaced by ``new`` (as primary or backup) for ``task``.

    Examples
    --------
    >>> swap_person([Assignment(task="call", primary="gran", backups=("dev",))], "call", "gran", "ali")
    (Assignment(task='call', primary='ali', backups=('dev',)),)
    """
    result, found = [], False
    for a in assignments:
        if a.task == task:
            chain = [a.primary, *a.backups]
            if old not in chain:
                raise ValueError(f"'{old}' is not in the plan for task '{task}'")
            found = True
            chain = [new if pid == old else pid for pid in chain]
            chain = list(dict.fromkeys(chain))
            a = Assignment(task=a.task, primary=chain[0], backups=tuple(chain[1:]))
        result.append(a)
    if not found:
        raise ValueError(f"the plan has nobody for task '{task}'")
    return tuple(result)


def move_task(scenario: Scenario, task: str, *, weekly: Optional[Sequence[str]] = None,
              start: Optional[str] = None, end: Optional[str] = None) -> Scenario:
    """The scenario with a task moved to other days and/or times (validated like the file format).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> moved = move_task(example_scenario(), "call", start="19:00", end="19:15")
    >>> moved.plan.tasks[0].when.start
    '19:00'
    """
    tasks = []
    found = False
    for t in scenario.plan.tasks:
        if t.id == task:
            found = True
            data = t.when.model_dump()
            if weekly is not None:
                data["weekly"] = tuple(weekly)
            if start is not None:
                data["start"] = start
            if end is not None:
                data["end"] = end
            t = t.model_copy(update={"when": type(t.when).model_validate(data)})
        tasks.append(t)
    if not found:
        raise ValueError(f"there is no task '{task}' in this scenario")
    return scenario.model_copy(update={"plan": scenario.plan.model_copy(update={"tasks": tuple(tasks)})})


def apply_plan_change(scenario: Scenario, assignments: Iterable[Assignment],
                      change: Mapping) -> tuple[Scenario, tuple[Assignment, ...]]:
    """Apply one plain-data change (see :data:`PLAN_CHANGE_KINDS`) and return the new scenario and plan.

    The change goes through the plan check (:func:`fncoach.plan.unsafe_changes`)
    like every other way of changing a plan: a change that would give a job to
    someone the workers are worried about, or make someone the safeguard
    against their own behaviour, is refused with the reason.

    Raises
    ------
    fncoach.plan.UnsafePlanChange
        When the change would put the child at risk (its message says why, naming the person and the job).
    ValueError
        When the change does not fit the scenario (an unknown task or person, a time that is not HH:MM).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s, plan = apply_plan_change(example_scenario(), [Assignment(task="call", primary="gran")],
    ...                             {"kind": "add_backup", "task": "call", "person": "dev"})
    >>> plan[0].backups
    ('dev',)
    >>> apply_plan_change(example_scenario(), [Assignment(task="sleepover", primary="gran")],
    ...                   {"kind": "add_backup", "task": "sleepover", "person": "dev"})
    Traceback (most recent call last):
    ...
    fncoach.plan.UnsafePlanChange: That change cannot be made. Dev (backup): their safety is still to be explored (Not met yet), so they cannot host an overnight stay until that has been looked at with them and agreed.
    """
    assignments = tuple(assignments)
    new_scenario, new_plan = _changed_plan(scenario, assignments, change)
    unsafe = unsafe_changes(scenario, assignments, new_plan, scenario_after=new_scenario)
    if unsafe:
        raise UnsafePlanChange(unsafe)
    return new_scenario, new_plan


def _changed_plan(scenario: Scenario, assignments: Iterable[Assignment],
                  change: Mapping) -> tuple[Scenario, tuple[Assignment, ...]]:
    kind = change.get("kind")
    assignments = tuple(assignments)
    if kind in PLAN_CHANGE_KINDS and change.get("task") not in {t.id for t in scenario.plan.tasks}:
        raise ValueError(f"there is no task '{change.get('task')}' in this scenario")
    known = {p.id for p in scenario.people}
    for key in ("person", "new"):
        if key in change and change[key] not in known:
            raise ValueError(f"'{change[key]}' is not one of the people in this scenario")
    if kind == "add_backup":
        return scenario, add_backup(assignments, change["task"], change["person"])
    if kind == "swap_person":
        return scenario, swap_person(assignments, change["task"], change["old"], change["new"])
    if kind == "move_task":
        return move_task(scenario, change["task"], weekly=change.get("weekly"), start=change.get("start"),
                         end=change.get("end")), assignments
    raise ValueError(f"unknown change {kind!r}; use one of: {', '.join(PLAN_CHANGE_KINDS)}")


def starting_plan(scenario: Scenario, assignments: Optional[Iterable[Assignment]] = None, *,
                  model_answers: bool = False) -> tuple[Assignment, ...]:
    """The plan a drill or review starts from: the learner's if given; the model plan only when asked for.

    The scenario's model plan is facilitator material, so without the learner's
    plan and without ``model_answers=True`` the start is an empty plan.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> starting_plan(s), starting_plan(s, [Assignment(task="call", primary="gran")])[0].primary
    ((), 'gran')
    >>> starting_plan(s, model_answers=True) == s.plan.model_plan
    True
    """
    if assignments is not None:
        return tuple(assignments)
    return scenario.plan.model_plan if model_answers else ()


@dataclass(frozen=True)
class PlanReplay:
    """The result of :func:`replay_plan_changes`.

    Attributes
    ----------
    scenario : Scenario
        The scenario after the changes that could be put back (a moved time changes the scenario).
    plan : tuple of Assignment
        The plan after those changes.
    kept : tuple of dict
        The changes put back, in order.
    skipped : tuple of dict
        The changes that no longer fit, in order.
    """

    scenario: Scenario
    plan: tuple[Assignment, ...]
    kept: tuple[dict, ...]
    skipped: tuple[dict, ...]


def replay_plan_changes(scenario: Scenario, assignments: Iterable[Assignment],
                        changes: Iterable[Mapping]) -> PlanReplay:
    """Put saved plan changes (see :func:`apply_plan_change`) back in order; one that no longer fits is skipped.

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> r = replay_plan_changes(example_scenario(), [Assignment(task="call", primary="gran")],
    ...                         [{"kind": "add_backup", "task": "call", "person": "dev"},
    ...                          {"kind": "add_backup", "task": "call", "person": "ghost"}])
    >>> r.plan[0].backups, [c["person"] for c in r.skipped]
    (('dev',), ['ghost'])
    """
    plan = tuple(assignments)
    kept: list[dict] = []
    skipped: list[dict] = []
    for change in changes:
        try:
            scenario, plan = apply_plan_change(scenario, plan, change)
        except (ValueError, KeyError, TypeError, AttributeError):  # saved data that no longer fits this case
            skipped.append(dict(change) if isinstance(change, Mapping) else {"kind": "?"})
            continue
        kept.append(dict(change))
    return PlanReplay(scenario=scenario, plan=plan, kept=tuple(kept), skipped=tuple(skipped))


def describe_plan_change(scenario: Scenario, change: Mapping, plan: Iterable[Assignment] = ()) -> str:
    """What a plan change did, in words (``scenario`` and ``plan`` as they are *after* the change).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> describe_plan_change(s, {"kind": "add_backup", "task": "call", "person": "dev"},
    ...                      [Assignment(task="call", primary="gran", backups=("dev",))])
    "Dev is now a backup for 'Evening phone call'"
    >>> describe_plan_change(s, {"kind": "swap_person", "task": "call", "old": "gran", "new": "dev"})
    "Dev instead of Gran for 'Evening phone call'"
    >>> describe_plan_change(s, {"kind": "move_task", "task": "call"})
    "'Evening phone call' now happens Mondays and Thursdays, 6pm to 6.15pm"
    """
    title = next((t.title for t in scenario.plan.tasks if t.id == change.get("task")), change.get("task"))
    name = scenario.name_of
    if change["kind"] == "add_backup":
        main = any(a.task == change.get("task") and a.primary == change["person"] for a in plan)
        role = "the main person" if main else "a backup"
        return f"{name(change['person'])} is now {role} for '{title}'"
    if change["kind"] == "swap_person":
        return f"{name(change['new'])} instead of {name(change['old'])} for '{title}'"
    task = next(t for t in scenario.plan.tasks if t.id == change["task"])
    return f"'{title}' now happens {describe_when(task.when)}"


def compare_runs(before: DrillRun, after: DrillRun) -> RunComparison:
    """A plain before/after comparison of two drills (normally the same seed, after a change).

    Examples
    --------
    >>> from fncoach.examples import example_scenario
    >>> s = example_scenario()
    >>> one = simulate(s, [Assignment(task="call", primary="gran")], seed=0)
    >>> two = simulate(s, [Assignment(task="call", primary="gran", backups=("dev",))], seed=0)
    >>> compare_runs(one, two).newly_covered
    (('call', 8),)
    """
    was_uncovered = {(u.task, u.day) for u in before.uncovered}
    now_uncovered = {(u.task, u.day) for u in after.uncovered}
    after_covered = {(o.task, o.day) for o in after.log if o.covered}
    before_covered = {(o.task, o.day) for o in before.log if o.covered}
    newly_covered = tuple(sorted(was_uncovered & after_covered, key=lambda x: (x[1], x[0])))
    newly_uncovered = tuple(sorted(now_uncovered - was_uncovered, key=lambda x: (x[1], x[0])))
    change = after.coverage - before.coverage
    titles = {**before.task_titles, **after.task_titles}
    b, a = round(before.coverage * 100), round(after.coverage * 100)
    if abs(change) < 1e-12:
        headline = f"Coverage stayed at {a}%."
    elif change > 0:
        headline = f"Coverage went up from {b}% to {a}%."
    else:
        headline = f"Coverage went down from {b}% to {a}%."
    lines = [headline]
    if newly_covered:
        lines.append(f"{_count(len(newly_covered), 'time')} that nobody covered before {'is' if len(newly_covered) == 1 else 'are'} "
                     f"covered now: " + _days(newly_covered, titles) + ".")
    if newly_uncovered:
        lines.append(f"{_count(len(newly_uncovered), 'time')} {'is' if len(newly_uncovered) == 1 else 'are'} "
                     "left uncovered that were covered before: " + _days(newly_uncovered, titles) + ".")
    still = now_uncovered & was_uncovered
    if still:
        lines.append(f"Still uncovered: {_days(sorted(still, key=lambda x: (x[1], x[0])), titles)}.")
    if not now_uncovered:
        lines.append("Every task was covered in this drill.")
    moved = (after_covered | now_uncovered) ^ (before_covered | was_uncovered)
    if moved:
        lines.append("Some tasks now happen on different days, so compare the days as well as the totals.")
    return RunComparison(before.coverage, after.coverage, change, newly_covered, newly_uncovered, headline,
                         tuple(lines))


def _count(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def _days(keys: Sequence[tuple[str, int]], titles: Mapping[str, str], limit: int = 8) -> str:
    shown = [f"'{titles.get(task, task)}' on day {day}" for task, day in keys[:limit]]
    more = len(keys) - limit
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")
