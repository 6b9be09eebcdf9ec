"""``fncoach drill`` (contingency drills) and ``fncoach plan`` (printable safety plans)."""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from ..model import Scenario
from ..words import count_words
from ._common import EXIT_OK, EXIT_USAGE, CommandError, load_or_fail, load_plan_or_fail, print_json

__all__ = ["register"]

_PLAN_HELP = ("'model' for the scenario's model plan (the default), or a YAML/JSON file listing "
              "{task, primary, backups} for each task")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the drill and plan commands."""
    drill = subparsers.add_parser(
        "drill",
        help="run contingency drills of a safety plan and report coverage",
        description="Live the safety plan day by day over the scenario's drill period, with its scripted events "
        "and seeded everyday absence, many times over. Prints the mean share of task occurrences covered, the exact "
        "expected share, and each occurrence left uncovered in the first run (seed S) with the reason.",
    )
    drill.add_argument("scenario", metavar="SCENARIO", help="a scenario file or the id of a bundled scenario")
    drill.add_argument("--plan", default="model", metavar="model|FILE", help=_PLAN_HELP)
    drill.add_argument("--runs", type=_positive_int, default=None, metavar="N",
                       help="how many seeded drills to run (default 1000, as in the briefing packs)")
    drill.add_argument("--seed", type=_seed, default=0, metavar="S", help="random seed, 0 or more (default 0)")
    drill.add_argument("--figure", metavar="FILE",
                       help="also save the first run's heatmap as a slide (PNG, SVG or PDF, from the extension), "
                       "with its text description beside it (FILE.txt)")
    drill.add_argument("--json", action="store_true",
                       help="print JSON: {coverage, uncovered: [{task, day, reason}], runs, seed, ...}")
    drill.set_defaults(func=_drill)

    plan = subparsers.add_parser(
        "plan",
        help="write the family safety plan as a printable HTML page",
        description="Write the adult safety plan (who, what, when, backup, what if) as a one-page printable HTML "
        "table, or with --words-and-pictures the child's Words and Pictures plan. Problems the plan check finds "
        "are listed on the screen.",
    )
    plan.add_argument("scenario", metavar="SCENARIO", help="a scenario file or the id of a bundled scenario")
    plan.add_argument("--plan", default="model", metavar="model|FILE", help=_PLAN_HELP)
    plan.add_argument("-o", "--output", required=True, metavar="FILE", help="the HTML file to write, e.g. plan.html")
    plan.add_argument("--words-and-pictures", action="store_true",
                      help="write the child's Words and Pictures plan instead of the adult plan")
    plan.add_argument("--with-drill", action="store_true",
                      help="add what a practice drill of the plan showed (adult plan only)")
    plan.add_argument("--seed", type=_seed, default=0, metavar="S", help="seed for --with-drill (default 0)")
    plan.set_defaults(func=_plan)


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 1:
        raise argparse.ArgumentTypeError("give 1 or more runs")
    return value


def _seed(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the seed must be 0 or more")
    return value


def _drill(args: argparse.Namespace) -> int:
    from ..drills import DEFAULT_RUNS, exact_coverage, monte_carlo, percent, simulate

    scenario = load_or_fail(args.scenario)
    plan = load_plan_or_fail(scenario, args.plan)
    summary = monte_carlo(scenario, plan, runs=args.runs or DEFAULT_RUNS, seed=args.seed)
    run = simulate(scenario, plan, seed=args.seed)
    exact = exact_coverage(scenario, plan)
    no_events = exact_coverage(scenario, plan, events=False)
    if args.figure:
        _save_heatmap(scenario, run, Path(args.figure))
    if args.json:
        print_json({
            "scenario": scenario.meta.id,
            "coverage": summary.coverage,
            "uncovered": [u.to_dict() for u in run.uncovered],
            "runs": summary.runs,
            "seed": summary.seed,
            "coverage_sd": summary.coverage_sd,
            "exact_coverage": exact.coverage,
            "exact_coverage_without_events": no_events.coverage,
            "first_run_coverage": run.coverage,
            "per_task": summary.per_task,
            "backups_used": [{"person": b.person, "times": b.times, "tasks": list(b.tasks)} for b in run.backups_used],
            "single_points": [{"person": p.person, "occurrences": p.occurrences, "tasks": list(p.tasks)}
                              for p in run.single_points],
        })
        return EXIT_OK
    titles = {t.id: t.title for t in scenario.plan.tasks}
    print(f"{scenario.meta.title}: {scenario.drills.days}-day drill, {count_words(summary.runs, 'run')}, seed {summary.seed}")
    print(f"Mean coverage: {percent(summary.coverage)} (exactly expected {percent(exact.coverage)}; "
          f"without the scripted events {percent(no_events.coverage)})")
    for task_id, value in summary.per_task.items():
        print(f"  {percent(value):>6}  {titles[task_id]}")
    print(f"\nIn the first run (seed {run.seed}) {percent(run.coverage)} was covered.")
    if run.uncovered:
        print("Uncovered:")
        for u in run.uncovered:
            print(f"  day {u.day:>2}  {titles[u.task]}: {u.reason}")
    if run.backups_used:
        print("Backups who stepped in: " + ", ".join(f"{scenario.name_of(b.person)} ({b.times})"
                                                    for b in run.backups_used))
    if run.single_points:
        print("Only one person could cover some days: " + ", ".join(
            f"{scenario.name_of(p.person)} ({p.occurrences})" for p in run.single_points))
    return EXIT_OK


def _save_heatmap(scenario: Scenario, run, target: Path) -> None:
    if target.suffix.lower() not in (".png", ".svg", ".pdf"):
        raise CommandError(f"cannot tell what kind of picture '{target}' is: end it in .png, .svg or .pdf", EXIT_USAGE)
    if target.parent and not target.parent.exists():
        raise CommandError(f"the folder {target.parent} does not exist", EXIT_USAGE)
    from ..briefing.figures import heatmap_title
    from ..viz.drills import draw_coverage_heatmap

    result = draw_coverage_heatmap(scenario, run, title=heatmap_title(run.seed, run.coverage))
    result.save(target, alt_text=True, dpi=200)


def _plan(args: argparse.Namespace) -> int:
    import sys

    from ..plan import check_plan
    from ..pages.plan import adult_plan_html, words_and_pictures_html

    scenario = load_or_fail(args.scenario)
    plan = load_plan_or_fail(scenario, args.plan)
    if args.words_and_pictures:
        if args.with_drill:
            raise CommandError("--with-drill is for the adult plan; the Words and Pictures plan has no drill results",
                               EXIT_USAGE)
        text = words_and_pictures_html(scenario, plan)
    else:
        run = None
        if args.with_drill:
            from ..drills import simulate

            run = simulate(scenario, plan, seed=args.seed)
        text = adult_plan_html(scenario, plan, run=run)
    target = Path(args.output)
    if target.is_dir():
        raise CommandError(f"{target} is a folder; give a file name such as {target / 'plan.html'}", EXIT_USAGE)
    if target.parent and not target.parent.exists():
        raise CommandError(f"the folder {target.parent} does not exist", EXIT_USAGE)
    _write_atomically(target, text)
    problems = check_plan(scenario, plan)
    kind = "Words and Pictures plan" if args.words_and_pictures else "safety plan"
    print(f"Wrote the {kind} for {scenario.child.name} to {target}.")
    if problems:
        print(f"The plan check found {len(problems)} thing(s) to talk about:", file=sys.stderr)
        for p in problems:
            print(f"  - {p.message}", file=sys.stderr)
    return EXIT_OK


def _write_atomically(target: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent or Path("."))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, target)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
