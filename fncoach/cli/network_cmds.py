"""``fncoach strength``: the network-strength analysis from the command line."""

from __future__ import annotations

import argparse
import textwrap

from ..scenario import load_scenario
from ..strength import DEFAULT_WEIGHTS, WeightsFileError, analyse_strength, load_weights
from ..yamlfile import problem_lines
from ._common import EXIT_INVALID, EXIT_OK, CommandError, print_json

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the network commands."""
    strength = subparsers.add_parser(
        "strength",
        help="analyse how strong a scenario's network is, with reasons and suggestions",
        description="Analyse the network of the people the workers already know: an overall score from 0 to 100 "
        "and ten components, each with a value from 0 to 1, a reason naming people and a suggestion. "
        "Default weights: " + ", ".join(f"{k} {v:g}" for k, v in DEFAULT_WEIGHTS.items()) + ". "
        "Weights in the scenario's settings.strength_weights, then in --weights, replace them name by name.",
    )
    strength.add_argument("scenario", metavar="SCENARIO", help="a scenario file, or the id of a bundled scenario")
    strength.add_argument("--json", action="store_true",
                          help="print a JSON object: score (0-100) and components (name, title, value, weight, "
                          "reason, suggestion)")
    strength.add_argument("--weights", metavar="FILE",
                          help="a YAML file of 'component: weight' lines to use instead of the default weights")
    strength.set_defaults(func=_strength)


def _strength(args: argparse.Namespace) -> int:
    scenario = load_scenario(args.scenario)
    weights = None
    if args.weights:
        try:
            weights = load_weights(args.weights)
        except WeightsFileError as error:
            raise CommandError("the weights file could not be used:\n  " + "\n  ".join(problem_lines(error.problems)),
                               EXIT_INVALID) from None
    try:
        report = analyse_strength(scenario, weights)
    except ValueError as error:
        raise CommandError(str(error), EXIT_INVALID) from None
    if args.json:
        data = report.to_dict()
        print_json({"scenario": scenario.meta.id, "score": data["score"],
                    "components": [{**c, "value": round(c["value"], 4)} for c in data["components"]]})
        return EXIT_OK
    print(f"Network strength for {scenario.meta.title}: {report.score} out of 100")
    print(f"(the {len(scenario.known_people)} people the workers already know; a teaching aid, not a risk assessment)")
    for component in report.components:
        print()
        print(f"{component.title}: {component.value:.2f} (weight {component.weight:g})")
        for line in textwrap.wrap(component.reason, 96, initial_indent="  ", subsequent_indent="  "):
            print(line)
        for line in textwrap.wrap("Next: " + component.suggestion, 96, initial_indent="  ", subsequent_indent="        "):
            print(line)
    return EXIT_OK
