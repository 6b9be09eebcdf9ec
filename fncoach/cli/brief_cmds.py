"""``fncoach brief``: make trainee handouts and facilitator packs from scenarios.

A SCENARIO may be a scenario file, a folder (every ``*.yaml`` in it) or the id
of a bundled scenario. Scenarios are made one after another, or ``--jobs N``
at once in separate processes, with a progress bar on stderr. A scenario that
fails is reported at the end with its reason and does not stop the others; the
exit code is 0 only when every scenario succeeded.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..briefing import AUDIENCE_CHOICES, FORMAT_CHOICES, BatchItem, build_many
from ..scenario import bundled_scenario_path, find_scenario_files
from ._common import EXIT_INVALID, EXIT_OK, EXIT_USAGE, CommandError

__all__ = ["register", "expand_sources"]


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``brief`` command."""
    brief = subparsers.add_parser(
        "brief",
        help="make printable trainee handouts and facilitator packs",
        description="Make briefing packs from scenarios: a trainee handout (the case, the child's voice, the "
        "eco-map, exercises with space to write, discussion questions) and a facilitator pack (all of that plus "
        "the model answers, drill results, common mistakes, timings and notes). Packs are self-contained HTML "
        "and/or A4 PDF; model answers never reach the trainee handout. Exit code 0 when every scenario worked, "
        "1 when any failed, 2 on a usage error.",
    )
    brief.add_argument("scenarios", nargs="+", metavar="SCENARIO",
                       help="scenario files, folders of them (every .yaml inside), or ids of bundled scenarios")
    brief.add_argument("--audience", choices=AUDIENCE_CHOICES, default="both",
                       help="which packs to make (default: both)")
    brief.add_argument("--format", dest="fmt", choices=FORMAT_CHOICES, default="both",
                       help="html, pdf or both (default: both)")
    brief.add_argument("-o", "--output", metavar="DIR", default=".",
                       help="folder to write the packs into (made if needed; default: the current folder)")
    brief.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                       help="make N scenarios at once, each in its own process (default: 1)")
    brief.add_argument("--figures", metavar="DIR",
                       help="also save every figure of the packs as slide-ready PNG and SVG files in DIR "
                       "(<id>-<figure>.png/.svg, each with its text description in a .txt beside it)")
    brief.add_argument("--large-print", action="store_true", help="bigger text and writing space")
    brief.add_argument("--seed", type=int, default=0, help="seed for the eco-map layout and the drill (default: 0)")
    brief.add_argument("--no-progress", action="store_true", help="do not show the progress bar")
    brief.set_defaults(func=_brief)


def expand_sources(items: list[str]) -> list[str]:
    """Turn files, folders and bundled ids into a list of scenario sources (folders: every .yaml inside).

    Names that are neither a file, a folder nor a bundled id are kept, so they are
    reported with the other failures instead of stopping the batch.

    Examples
    --------
    >>> expand_sources(["no_such_scenario_here"])
    ['no_such_scenario_here']
    """
    sources: list[str] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            sources.extend(str(p) for p in find_scenario_files([path]))
        elif not path.exists() and not path.suffix and bundled_scenario_path(item) is not None:
            sources.append(str(bundled_scenario_path(item)))
        else:
            sources.append(item)
    unique: list[str] = []
    for source in sources:
        if source not in unique:
            unique.append(source)
    return unique


class _Progress:
    """A progress bar on stderr (tqdm), or nothing."""

    def __init__(self, total: int, enabled: bool):
        self.bar = None
        if enabled:
            from tqdm import tqdm

            self.bar = tqdm(total=total, unit="scenario", file=sys.stderr, desc="Briefing packs",
                            dynamic_ncols=True, leave=True)

    def __call__(self, item: BatchItem) -> None:
        if self.bar is not None:
            self.bar.set_postfix_str(f"{Path(item.source).stem} {'ok' if item.ok else 'FAILED'}", refresh=False)
            self.bar.update(1)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def _brief(args: argparse.Namespace) -> int:
    if args.jobs < 1:
        raise CommandError("--jobs must be 1 or more", EXIT_USAGE)
    sources = expand_sources(args.scenarios)
    if not sources:
        raise CommandError("no scenario files (.yaml) were found in " + ", ".join(args.scenarios), EXIT_INVALID)
    out = Path(args.output)
    if out.exists() and not out.is_dir():
        raise CommandError(f"{out} is a file, not a folder: give a folder for the packs with -o", EXIT_USAGE)
    progress = _Progress(len(sources), enabled=not args.no_progress)
    try:
        items = build_many(sources, args.audience, args.fmt, out, jobs=args.jobs, large_print=args.large_print,
                           seed=args.seed, on_done=progress)
    finally:
        progress.close()
    made = [item for item in items if item.ok]
    failed = [item for item in items if not item.ok]
    for item in made:
        assert item.result is not None
        print(f"ok      {item.result.scenario_id} ({item.seconds:.1f} s): "
              + ", ".join(str(f) for f in item.result.files))
    for item in failed:
        print(f"FAILED  {item.source}: {item.error}", file=sys.stderr)
    count = len(items)
    print(f"{len(made)} of {count} scenario{'s' if count != 1 else ''} made into briefing packs in {out}.")
    if args.figures:
        _write_figures([item.source for item in made], Path(args.figures), args.seed)
    return EXIT_OK if not failed else EXIT_INVALID


def _write_figures(sources: list[str], folder: Path, seed: int) -> None:
    """Every figure of each made pack as slides (the same drawings, numbers and seed as the pack)."""
    from ..briefing.figures import write_figures
    from ..scenario import load_scenario

    if folder.exists() and not folder.is_dir():
        raise CommandError(f"{folder} is a file, not a folder: give a folder for the figures", EXIT_USAGE)
    count = 0
    for source in sources:
        count += sum(1 for p in write_figures(load_scenario(source), folder, seed=seed) if p.suffix != ".txt")
    print(f"{count} figure file{'s' if count != 1 else ''} (PNG and SVG, each with its description) written to {folder}.")
