"""Shared pieces for the command modules: exit codes and plain error reporting."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, Callable

from ..errors import FncoachError
from ..scenario import Problem, ScenarioError, load_scenario
from ..yamlfile import problem_lines

__all__ = ["EXIT_OK", "EXIT_INVALID", "EXIT_USAGE", "CommandError", "run_safely", "load_or_fail", "load_plan_or_fail",
           "print_json"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2


class CommandError(FncoachError):
    """A plain-English failure to report without a traceback (exit code ``code``)."""

    def __init__(self, message: str, code: int = EXIT_INVALID):
        super().__init__(message)
        self.code = code


def print_json(data: Any) -> None:
    """Print data as indented JSON (UTF-8 kept)."""
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))


def load_or_fail(path: str):
    """Load a scenario for a command; bad files become a :class:`ScenarioError` reported by :func:`run_safely`."""
    return load_scenario(path)


def load_plan_or_fail(scenario, plan: str, bad_plan_exit: int = EXIT_INVALID):
    """The plan a command was given: ``"model"`` (the scenario's model plan) or a plan file's path.

    A plan that cannot be used is a :class:`CommandError` with its plain message; ``bad_plan_exit`` is the exit
    code for a missing model plan or a broken plan file (a missing file is always a usage error).
    """
    from ..plan import PlanFileError, load_plan_file, model_assignments

    if plan == "model":
        found = model_assignments(scenario)
        if not found:
            raise CommandError(f"the scenario {scenario.meta.id} has no model plan; give one with --plan FILE",
                               bad_plan_exit)
        return found
    if not Path(plan).is_file():
        raise CommandError(f"there is no plan file '{plan}' (use --plan model or the path of a YAML/JSON file)",
                           EXIT_USAGE)
    try:
        return load_plan_file(plan, scenario)
    except PlanFileError as error:
        raise CommandError(str(error), bad_plan_exit) from None


def _report_problems(problems: list[Problem]) -> None:
    for line in problem_lines(problems):
        print(line, file=sys.stderr)


def run_safely(func: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    """Run a command; known errors become plain messages and exit codes, never tracebacks."""
    try:
        return int(func(args) or 0)
    except ScenarioError as error:
        count = len(error.problems)
        print(f"The scenario could not be used ({count} problem{'s' if count != 1 else ''}):", file=sys.stderr)
        _report_problems(error.problems)
        return EXIT_INVALID
    except CommandError as error:
        print(f"fncoach: {error}", file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        print("fncoach: stopped.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as error:
        name = getattr(error, "filename", None) or ""
        print(f"fncoach: could not use {name or 'a file'}: {error.strerror or error}", file=sys.stderr)
        return EXIT_INVALID
