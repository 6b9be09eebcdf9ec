"""Benchmark: network-strength analysis time for synthetic networks, and the what-if re-analysis.

Run with ``python benchmarks/network.py`` (add ``--quick`` to skip 10,000 people).
Prints the median time over several runs of :func:`fncoach.strength.analyse_strength`
for seeded synthetic networks of 10, 100, 1,000 and 10,000 people, and of one
what-if change (:func:`fncoach.whatif.what_if`: apply the change, analyse before and
after) for 40 people.

Targets (issue 3): a 1,000-person analysis under 0.2 s; one change re-analysed for
40 people well inside the builder's 0.5 s budget (which also includes redrawing).
"""

from __future__ import annotations

import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fncoach.model import (CONTACT_FREQUENCIES, DOMAINS, SUPPORT_KINDS, TIE_QUALITIES, Assignment,  # noqa: E402
                           Person, Safety, Scenario, Tie)
from fncoach.examples import tiny_scenario  # noqa: E402
from fncoach.strength import analyse_strength  # noqa: E402
from fncoach.whatif import RemovePerson, UpdatePerson, what_if  # noqa: E402


def synthetic_scenario(size: int, seed: int = 0) -> Scenario:
    """The tiny test scenario with ``size`` seeded random people: everyone tied to the child,
    about two ties each between members (clustered by family group), every domain, quality and status."""
    rng = random.Random(seed)
    tiny = tiny_scenario()
    child = tiny.child.id
    people, ties = [], []
    for i in range(size):
        domain = rng.choice(DOMAINS)
        status = rng.choices(("safe", "to_explore", "worry"), weights=(8, 1, 1))[0]
        support = tuple(k for k in SUPPORT_KINDS if rng.random() < 0.4)
        people.append(Person(id=f"p{i}", name=f"Person {i}", relationship="Relative", domain=domain,
                             paid=domain == "professional", support=support,
                             safety=Safety(status=status, reason="" if status == "safe" else "Not known yet."),
                             gender=rng.choice(("female", "male"))))
        ties.append(Tie(a=child, b=f"p{i}", closeness=rng.randint(1, 3), contact=rng.choice(CONTACT_FREQUENCIES),
                        quality=rng.choice(TIE_QUALITIES), years_known=rng.choice((None, 0.5, 2.0, 8.0))))
    pairs = set()
    for i in range(1, size):
        for _ in range(2):
            j = max(0, i - rng.randint(1, 12))  # mostly near neighbours: family groups, plus some long links
            if rng.random() < 0.1:
                j = rng.randrange(i)
            if j != i and (j, i) not in pairs:
                pairs.add((j, i))
                ties.append(Tie(a=f"p{j}", b=f"p{i}", quality=rng.choice(TIE_QUALITIES),
                                contact=rng.choice(CONTACT_FREQUENCIES)))
    ids = [p.id for p in people]
    plan = tuple(Assignment(task=t.id, primary=rng.choice(ids), backups=(rng.choice(ids),)) for t in tiny.plan.tasks)
    return tiny.model_copy(update={"people": tuple(people), "ties": tuple(ties),
                                   "plan": tiny.plan.model_copy(update={"model_plan": plan}),
                                   "meetings": tuple(m.model_copy(update={"joins": (), "steps_back": (), "facilitated_by": None,
                                                                        "scores": ()}) for m in tiny.meetings),
                                   "drills": tiny.drills.model_copy(update={"events": ()}),
                                   "sos": tiny.sos.model_copy(update={"scaling": None,
                                                                      "harm_statements": (), "worry_statements": (),
                                                                      "safety_goals": (),
                                                                      "cards": tuple(c.model_copy(update={"people": ()})
                                                                                     for c in tiny.sos.cards)})})


def median_seconds(func, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        func()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    sizes = (10, 100, 1_000) if "--quick" in argv else (10, 100, 1_000, 10_000)
    print("Network strength analysis (median of several runs, seeded synthetic networks)")
    print(f"{'people':>8} {'ties':>8} {'score':>6} {'seconds':>9}")
    for size in sizes:
        s = synthetic_scenario(size, seed=size)
        runs = 21 if size <= 1_000 else 5
        analyse_strength(s)  # warm up
        seconds = median_seconds(lambda: analyse_strength(s), runs)
        target = "  (target < 0.2 s)" if size == 1_000 else ""
        print(f"{size:>8,} {len(s.ties):>8,} {analyse_strength(s).score:>6} {seconds:>9.4f}{target}")

    s40 = synthetic_scenario(40, seed=40)
    remove = median_seconds(lambda: what_if(s40, RemovePerson("p7")), 21)
    update = median_seconds(lambda: what_if(s40, UpdatePerson("p7", {"support": ["practical", "emotional"]})), 21)
    print()
    print("What-if for 40 people (apply the change and analyse before and after)")
    print(f"  remove a person: {remove:.4f} s")
    print(f"  change a person: {update:.4f} s   (builder budget for change + redraw: 0.5 s)")
    print()
    print(ecomap_line(s40))
    return 0


def ecomap_line(scenario: Scenario) -> str:
    """Time to draw the 40-person eco-map and render it to PNG (benchmarks/ecomap.py has the full breakdown)."""
    try:
        import io

        import matplotlib

        matplotlib.use("Agg")
        from fncoach.viz.ecomap import draw_ecomap
    except ImportError as error:  # the drawing part is optional for this benchmark
        return f"Eco-map for 40 people: not timed ({error})"

    def draw() -> None:
        draw_ecomap(scenario, seed=0).figure.savefig(io.BytesIO(), format="png")

    draw()  # warm up (fonts)
    seconds = median_seconds(draw, 5)
    return f"Eco-map for 40 people, drawn and rendered to PNG: {seconds:.3f} s   (target < 1 s)"


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
