"""``fncoach validate``, ``fncoach list`` and ``fncoach schema``."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..scenario import ScenarioError, find_scenario_files, json_schema_text, load_scenario, validate_file
from ..words import count_words
from ._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError, print_json

__all__ = ["register"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the scenario commands."""
    validate = subparsers.add_parser(
        "validate",
        help="check scenario files and report every problem",
        description="Check scenario files (or every .yaml file in folders). Exit code 0 when all are valid, "
        "1 when any is invalid, 2 on a usage error.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="scenario files or folders")
    validate.add_argument("--json", action="store_true", help="print a machine-readable list of problems")
    validate.add_argument("--practice", action="store_true",
                          help="also check the case keeps the practice rules (model statements pass the coach, the "
                               "model plan passes the plan check, first review within four weeks, closing at or "
                               "near its own 10), reported as warnings")
    validate.set_defaults(func=_validate)

    listing = subparsers.add_parser(
        "list", help="list the scenarios in a folder", description="Show a table of the scenarios in a folder."
    )
    listing.add_argument("folder", nargs="?", default=None, metavar="FOLDER",
                         help="folder of scenarios (default: the bundled scenarios)")
    listing.add_argument("--json", action="store_true", help="print the table as JSON")
    listing.set_defaults(func=_list)

    new = subparsers.add_parser(
        "new", help="start a new case from a short, commented template",
        description="Write ID.yaml in the current folder (or FILE with -o): a short case with every section and "
        "one example of each thing, valid as it is, whose first line lets your editor find the schema.",
    )
    new.add_argument("case_id", metavar="ID", help="the new case's id, e.g. young_carer_ms (also the file name)")
    new.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of ID.yaml")
    new.add_argument("--force", action="store_true", help="replace the file if it is already there")
    new.set_defaults(func=_new)

    schema = subparsers.add_parser(
        "schema", help="print the scenario JSON Schema",
        description="Print the JSON Schema of the scenario format (committed as scenarios/schema.json).",
    )
    schema.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of printing")
    schema.set_defaults(func=_schema)


def _validate(args: argparse.Namespace) -> int:
    missing = [p for p in args.paths if not Path(p).exists()]
    files = find_scenario_files(p for p in args.paths if Path(p).exists())
    results = {str(f): [p.to_dict() for p in validate_file(f)] for f in files}
    for name in missing:
        results[name] = [{"file": name, "line": 0, "column": 0, "field": "",
                          "message": "there is no file or folder here", "hint": "Check the name and folder."}]
    if not results:
        raise CommandError("no scenario files (.yaml) were found in " + ", ".join(args.paths), EXIT_INVALID)
    bad = {name: problems for name, problems in results.items() if problems}
    warnings: dict[str, list[dict]] = {name: [] for name in results}
    if args.practice:
        from ..practice import practice_problems

        for name in results:
            if name not in bad:
                warnings[name] = [p.to_dict() for p in practice_problems(name)]
    if args.json:
        print_json({"valid": not bad, "files": [
            {"file": name, "valid": not problems, "problems": problems,
             **({"warnings": warnings[name]} if args.practice else {})} for name, problems in results.items()]})
    else:
        for name, problems in results.items():
            if not problems:
                count = len(warnings[name])
                print(f"ok      {name}" + (f" ({count_words(count, 'practice warning')})" if count else ""))
                for warning in warnings[name]:
                    print("  warning: " + _line(warning))
            else:
                print(f"INVALID {name} ({count_words(len(problems), 'problem')})")
                for problem in problems:
                    print("  " + _line(problem))
        print(f"{len(results) - len(bad)} of {len(results)} scenario files are valid.")
        if args.practice:
            total = sum(len(w) for w in warnings.values())
            print(f"{count_words(total, 'practice warning')}." if total else "Every valid case keeps the practice rules.")
    return EXIT_INVALID if bad else EXIT_OK


def _line(problem: dict) -> str:
    where = f"{problem['file']}:{problem['line']}:{problem['column']}" if problem["line"] else problem["file"]
    field = f" {problem['field']}:" if problem["field"] else ""
    return f"{where}:{field} {problem['message']}. {problem['hint']}".rstrip()


def _list(args: argparse.Namespace) -> int:
    from ..cases import case_files, case_folders

    if args.folder:
        folder = Path(args.folder)
        if not folder.is_dir():
            raise CommandError(f"{folder} is not a folder", EXIT_USAGE)
        paths, where = find_scenario_files([folder]), str(folder)
    else:  # the bundled cases and the coach's own (FNCOACH_SCENARIOS)
        paths, where = list(case_files().values()), " and ".join(str(f) for f in case_folders())
    rows, broken = [], []
    for path in paths:
        try:
            s = load_scenario(path)
        except ScenarioError as error:
            broken.append((str(path), len(error.problems)))
            continue
        rows.append({"id": s.meta.id, "title": s.meta.title, "tags": list(s.meta.tags), "people": len(s.people),
                     "cards": len(s.sos.cards), "tasks": len(s.plan.tasks), "file": path.name})
    if args.json:
        print_json({"scenarios": rows, "invalid": [{"file": f, "problems": n} for f, n in broken]})
    else:
        headers = ("id", "title", "tags", "people", "cards", "tasks")
        table = [[str(r["id"]), str(r["title"]), ", ".join(r["tags"]), str(r["people"]), str(r["cards"]), str(r["tasks"])]
                 for r in rows]
        widths = [max([len(h)] + [len(row[i]) for row in table]) for i, h in enumerate(headers)]
        print("  ".join(h.ljust(w) for h, w in zip(headers, widths)).rstrip())
        print("  ".join("-" * w for w in widths))
        for row in table:
            print("  ".join(c.ljust(w) for c, w in zip(row, widths)).rstrip())
        print(f"{len(rows)} scenario{'s' if len(rows) != 1 else ''} in {where}")
        for name, count in broken:
            print(f"not listed: {name} has {count} problem{'s' if count != 1 else ''} (run: fncoach validate {name})")
    return EXIT_INVALID if broken else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    text = json_schema_text()
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return EXIT_OK


def _new(args: argparse.Namespace) -> int:
    from ..starter import StarterError, write_starter

    try:
        made = write_starter(args.case_id, args.output, force=args.force)
    except StarterError as error:
        raise CommandError(str(error), EXIT_INVALID) from None
    print(f"Wrote {made.path}: a new case, valid as it is. Change each part, then run: fncoach validate {made.path}")
    if made.schema_written:
        print(f"Wrote {made.schema_written} beside it, so your editor can check the file as you type.")
    else:
        print(f"Your editor finds the schema at {made.schema}.")
    return EXIT_OK
