"""``fncoach sos`` (the SOS map as HTML) and ``fncoach check-statement`` (the statement coach)."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..statements import KINDS, check_statement
from ._common import EXIT_INVALID, EXIT_OK, CommandError, load_or_fail, print_json

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the SOS commands."""
    sos = subparsers.add_parser(
        "sos",
        help="make the SOS map of a scenario as a printable HTML page",
        description="Make the SOS map (what we're worried about, what's working well, what needs to happen, and the "
        "safety scale) as one self-contained HTML page, from the scenario's model answers (--model) or from a "
        "learner's answers saved as JSON (--answers).",
    )
    sos.add_argument("scenario", metavar="SCENARIO", help="a scenario file or the id of a bundled scenario")
    source = sos.add_mutually_exclusive_group(required=True)
    source.add_argument("--model", action="store_true", help="use the scenario's model answers (for facilitators)")
    source.add_argument("--answers", metavar="FILE.json",
                        help="a JSON object with any of: cards, harm, worries, agreement, goals, next_steps, ten_means, "
                        "own_score, own_reason")
    sos.add_argument("-o", "--output", metavar="FILE.html", help="write the page here (default: print it)")
    sos.add_argument("--figure", metavar="FILE.png",
                     help="also save the map as a one-page figure (PNG, SVG or PDF, from the extension) with its "
                     "text description beside it (FILE.png.txt)")
    sos.add_argument("--large-print", action="store_true", help="bigger text")
    sos.set_defaults(func=_sos)

    check = subparsers.add_parser(
        "check-statement",
        help="check a worry statement, harm statement or safety goal against the rubric",
        description="Check one statement with the statement coach and print what is there and what is missing. "
        "Exit code 0 when the statement meets the rubric, 1 when something is missing, 2 on a usage error. "
        "Tips (a criterion not met whose message starts with 'Tip:') do not stop a statement meeting the rubric.",
    )
    check.add_argument("--kind", required=True, choices=tuple(KINDS), help="worry, harm or goal")
    check.add_argument("text", metavar="TEXT", help="the statement, in quotes")
    check.add_argument("--json", action="store_true",
                       help="print {ok, findings: [{criterion, met, message}]} as JSON")
    check.set_defaults(func=_check_statement)


def _read_answers(path: str) -> dict:
    file = Path(path)
    if not file.is_file():
        raise CommandError(f"there is no answers file at {path}", EXIT_INVALID)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise CommandError(f"{path} is not valid JSON (line {error.lineno}, column {error.colno}): {error.msg}",
                           EXIT_INVALID) from None
    except UnicodeDecodeError:
        raise CommandError(f"{path} is not a text file saved as UTF-8", EXIT_INVALID) from None
    if not isinstance(data, dict):
        raise CommandError(f"{path} must hold a JSON object such as {{\"worries\": [\"...\"]}}", EXIT_INVALID)
    return data


def _sos(args: argparse.Namespace) -> int:
    from ..pages.sosmap import sos_map_html
    from ..sosmap import map_content

    scenario = load_or_fail(args.scenario)
    answers = None if args.model else _read_answers(args.answers)
    html = sos_map_html(scenario, answers, large_print=args.large_print)
    if args.output:
        target = Path(args.output)
        temporary = target.with_name(target.name + ".part")
        temporary.write_text(html, encoding="utf-8")
        temporary.replace(target)  # never leave a half-written page
        print(f"SOS map written to {target}")
    else:
        print(html, end="")
    if args.figure:
        target = Path(args.figure)
        if target.suffix.lower() not in (".png", ".svg", ".pdf"):
            raise CommandError(f"the figure must end in .png, .svg or .pdf, not {target.name}", EXIT_INVALID)
        from ..viz.sos import draw_sos_map

        draw_sos_map(scenario, answers).save(target, alt_text=True)
        print(f"SOS map figure written to {target}", file=sys.stderr if not args.output else sys.stdout)
    if answers is not None:
        for problem in map_content(scenario, answers).problems:
            print(f"note: {problem}", file=sys.stderr)
    return EXIT_OK


def _check_statement(args: argparse.Namespace) -> int:
    check = check_statement(args.text, args.kind)
    if args.json:
        print_json(check.to_dict())
    else:
        print(check.summary())
        for finding in check.findings:
            mark = "✓" if finding.met else ("✗" if finding.required else "·")
            print(f"  {mark} {finding.criterion}: {finding.message}")
    return EXIT_OK if check.ok else EXIT_INVALID
