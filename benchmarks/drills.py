"""Benchmark: 10,000 contingency drills of 28 days, 30 tasks, 40 people — vectorised vs a plain loop.

Run:  /work/venv/bin/python benchmarks/drills.py [--runs N] [--seed S]

Builds a synthetic, seeded scenario (40 people with weekly availability, 30
tasks, a primary and two backups each, four scripted events), then times

* ``fncoach.drills.monte_carlo`` (numpy, vectorised over runs, occurrences and
  backups, including the random draws), and
* a straightforward pure-Python loop over the same runs and the same absence
  draws (the draws are made beforehand and not counted),

checks both give the same coverage for every run, and prints both times and
the ratio. Target: under 1 s for the vectorised run.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fncoach.drills import _draw_absences, _prepare, monte_carlo  # noqa: E402
from fncoach.model import WEEKDAYS, Assignment, Scenario  # noqa: E402

PEOPLE, TASKS, DAYS = 40, 30, 28


def synthetic_scenario(seed: int = 0) -> tuple[Scenario, tuple[Assignment, ...]]:
    """A seeded scenario with 40 people and 30 tasks, and a plan with two backups per task."""
    rnd = random.Random(seed)
    people = []
    for i in range(PEOPLE):
        person = {"id": f"p{i:02d}", "name": f"Person {i}", "relationship": "Family friend", "domain": "friends"}
        if rnd.random() < 0.6:
            days = sorted(rnd.sample(WEEKDAYS, rnd.randint(3, 7)), key=WEEKDAYS.index)
            start = rnd.choice(["07:00", "09:00", "12:00"])
            person["available"] = [{"days": days, "start": start, "end": rnd.choice(["18:00", "21:00", "23:00"])}]
        people.append(person)
    tasks = []
    for j in range(TASKS):
        hour = rnd.choice([8, 10, 15, 17, 19])
        tasks.append({"id": f"t{j:02d}", "title": f"Task {j}", "kind": "visit", "in_person": False,
                      "when": {"weekly": sorted(rnd.sample(WEEKDAYS, rnd.randint(1, 7)), key=WEEKDAYS.index),
                               "start": f"{hour:02d}:00", "end": f"{hour:02d}:30"}})
    events = [{"id": f"e{k}", "person": f"p{rnd.randrange(PEOPLE):02d}", "from_day": (d := rnd.randint(1, 20)),
               "to_day": d + rnd.randint(0, 7), "reason": "Away for a while"} for k in range(4)]
    data = {
        "meta": {"id": "benchmark", "title": "Synthetic benchmark network", "summary": "Forty people and thirty tasks.",
                 "learning_goals": ["Time the drills."]},
        "child": {"id": "child", "name": "Child", "age": 9, "lives_now": "At home."},
        "people": people,
        "sos": {"cards": [{"id": "c1", "text": "A card.", "column": "strength", "explanation": "Only for the format."}]},
        "plan": {"tasks": tasks},
        "drills": {"start_date": "2026-01-05", "days": DAYS, "absence_chance": 0.1, "events": events},
        "meetings": [{"id": "m1", "kind": "initial", "week": 0, "title": "First meeting"}],
    }
    plan = tuple(Assignment(task=t["id"], primary=(c := rnd.sample([p["id"] for p in people], 3))[0],
                            backups=tuple(c[1:])) for t in tasks)
    return Scenario.model_validate(data), plan


def plain_loop(scenario: Scenario, plan, absent: list) -> list[float]:
    """Coverage of each run, one occurrence and one person at a time."""
    prepared = _prepare(scenario, plan, True)
    occurrences = list(zip(prepared.occ_day, prepared.occ_chain, prepared.occ_why_not))
    result = []
    for run in absent:
        covered = 0
        for day, chain, why in occurrences:
            today = run[day - 1]
            for person, reason in zip(chain, why):
                if not reason and not today[person]:
                    covered += 1
                    break
        result.append(covered / len(occurrences))
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    scenario, plan = synthetic_scenario(args.seed)
    monte_carlo(scenario, plan, runs=10, seed=args.seed)  # warm up imports and caches

    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        summary = monte_carlo(scenario, plan, runs=args.runs, seed=args.seed)
        best = min(best, time.perf_counter() - t0)

    rng = np.random.default_rng(args.seed)
    absent = _draw_absences(rng, args.runs, DAYS, PEOPLE, scenario.drills.absence_chance).tolist()
    t0 = time.perf_counter()
    loop = plain_loop(scenario, plan, absent)
    loop_time = time.perf_counter() - t0

    occurrences = len(summary.per_occurrence)
    same = np.allclose(loop, summary.distribution)
    print(f"{args.runs:,} runs x {DAYS} days, {TASKS} tasks ({occurrences} occurrences), {PEOPLE} people, seed {args.seed}")
    print(f"vectorised (numpy):  {best:8.3f} s   mean coverage {summary.coverage:.4f}")
    print(f"plain Python loop:   {loop_time:8.3f} s   mean coverage {np.mean(loop):.4f}")
    print(f"ratio: the vectorised run is {loop_time / best:.1f} times faster; same result for every run: {same}")
    print(f"target under 1 s for the vectorised run: {'met' if best < 1 else 'NOT met'}")
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
