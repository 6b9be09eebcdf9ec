"""``fncoach check-plan``: check a safety plan for a scenario, for coaches and for scripts.

Exit code 0 when there is nothing to fix, 1 when there is, 2 when the scenario
or the plan file cannot be used (with the usual plain message naming the file,
line and field). Cautions (things to talk about, such as a person whose
safety is still to be explored) are listed but never make the exit code 1.
"""

from __future__ import annotations

import argparse

from ._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError, load_plan_or_fail, print_json
from ..yamlfile import problem_lines

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the check-plan command."""
    check = subparsers.add_parser(
        "check-plan",
        help="check a safety plan: who may do each job, and whether they really can",
        description="Check a family safety plan with the plan check: a person the workers are worried about is "
        "never given a job, nobody is the safeguard against their own behaviour, and everyone is free, near enough "
        "and able to do their jobs, with a backup. Exit code 0 when there is nothing to fix, 1 when there is, "
        "2 when the scenario or the plan file cannot be used.",
    )
    check.add_argument("scenario", metavar="SCENARIO", help="a scenario file or the id of a bundled scenario")
    check.add_argument("--plan", default="model", metavar="model|FILE",
                       help="'model' for the scenario's model plan (the default), or a YAML/JSON file listing "
                       "{task, primary, backups} for each task")
    check.add_argument("--json", action="store_true",
                       help='print {"ok", "problems": [{task, person, kind, message}], "cautions": [...]} as JSON')
    check.set_defaults(func=_check_plan)


def _scenario(path: str):
    from ..scenario import ScenarioError, load_scenario

    try:
        return load_scenario(path)
    except ScenarioError as error:
        count = len(error.problems)
        lines = "\n".join(problem_lines(error.problems))
        raise CommandError(f"the scenario could not be used ({count} problem{'s' if count != 1 else ''}):\n{lines}",
                           EXIT_USAGE) from None


def _check_plan(args: argparse.Namespace) -> int:
    from ..plan import check_plan

    scenario = _scenario(args.scenario)
    found = check_plan(scenario, load_plan_or_fail(scenario, args.plan, EXIT_USAGE))
    problems = [p for p in found if p.level == "problem"]
    cautions = [p for p in found if p.level == "caution"]
    if args.json:
        print_json({"ok": not problems, "problems": [p.to_dict() for p in problems],
                    "cautions": [p.to_dict() for p in cautions]})
        return EXIT_INVALID if problems else EXIT_OK
    which = "the model plan" if args.plan == "model" else args.plan
    titles = {t.id: t.title for t in scenario.plan.tasks}
    head = f"{scenario.meta.title}: {which}"
    if problems:
        print(f"{head}: {len(problems)} thing{'s' if len(problems) != 1 else ''} to fix.")
    else:
        print(f"{head}: nothing to fix.")
    for label, items in (("To fix", problems), ("To talk about", cautions)):
        if items:
            print(f"\n{label}:")
            for p in items:
                where = titles.get(p.task_id or "", "The whole plan")
                print(f"  - {where}: {p.message}")
    return EXIT_INVALID if problems else EXIT_OK
