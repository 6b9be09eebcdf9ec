"""``fncoach ecomap``: draw a scenario's eco-map to a PNG, SVG or PDF file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ._common import EXIT_OK, EXIT_USAGE, CommandError, load_or_fail

__all__ = ["register", "FORMATS"]

#: File extensions the eco-map can be saved as.
FORMATS = (".png", ".svg", ".pdf")


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add the ``ecomap`` command."""
    ecomap = subparsers.add_parser(
        "ecomap",
        help="draw a scenario's eco-map (PNG, SVG or PDF)",
        description="Draw the child's network as an eco-map: the child in the middle, people on rings by "
        "closeness, domain by colour and shape, tie quality by line style, help by arrows, safety by badges. "
        "The file type comes from the extension of FILE (.png, .svg or .pdf).",
    )
    ecomap.add_argument("scenario", metavar="SCENARIO", help="scenario file, or the id of a bundled scenario")
    ecomap.add_argument("-o", "--output", required=True, metavar="FILE", help="where to save: a .png, .svg or .pdf file")
    ecomap.add_argument("--alt-text", action="store_true",
                        help="also write the figure's text description (for screen readers) to FILE.txt")
    ecomap.add_argument("--known-only", action="store_true",
                        help="leave out the people the workers have not found yet")
    ecomap.add_argument("--seed", type=int, default=0, help="turns the layout round (same seed, same picture)")
    ecomap.set_defaults(func=_ecomap)


def _ecomap(args: argparse.Namespace) -> int:
    target = Path(args.output)
    if target.suffix.lower() not in FORMATS:
        raise CommandError(
            f"cannot save an eco-map as '{target.suffix or target.name}': use a file name ending in "
            + ", ".join(FORMATS), EXIT_USAGE)
    if target.parent and not target.parent.exists():
        raise CommandError(f"the folder {target.parent} does not exist", EXIT_USAGE)
    scenario = load_or_fail(args.scenario)
    from ..viz.ecomap import draw_ecomap  # matplotlib only when drawing

    people = [p.id for p in scenario.known_people] if args.known_only else None
    result = draw_ecomap(scenario, people=people, seed=args.seed)
    result.save(target, alt_text=args.alt_text)
    print(f"Saved the eco-map of {scenario.child.name}'s network to {target}"
          + (f" (description in {target}.txt)" if args.alt_text else ""))
    return EXIT_OK
