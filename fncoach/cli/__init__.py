"""The ``fncoach`` command: a thin front door over the library.

Each area registers its own sub-commands from a module in this package
(``scenario_cmds``, ``network_cmds`` …); this module only builds the parser,
runs the chosen command and turns known errors into plain messages with the
right exit code (0 success, 1 a problem with the input, 2 a usage error).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from typing import Sequence

from ._common import EXIT_USAGE, CommandError, run_safely

__all__ = ["main", "build_parser"]

#: Modules that add sub-commands; each has ``register(subparsers)``.
_COMMAND_MODULES: tuple[str, ...] = (
    "scenario_cmds",
    "sos_cmds",
    "drill_cmds",
    "plan_check_cmds",
    "brief_cmds",
    "ecomap_cmds",
    "network_cmds",
    "course_cmds",
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # exit code 2 with a plain message, as argparse does
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: {message}\nTry '{self.prog} --help' for more.\n")


def build_parser() -> argparse.ArgumentParser:
    """Build the argument parser with every registered sub-command."""
    parser = _Parser(
        prog="fncoach",
        description="fncoach: practice coaching for Family Networking. Check scenario files, analyse networks, "
        "run SOS-mapping and safety-plan exercises, make briefing packs and open the course.",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    for name in _COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line and return the exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USAGE
    return run_safely(args.func, args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
