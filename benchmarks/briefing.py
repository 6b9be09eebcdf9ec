"""Benchmark: seconds to make the briefing packs, per scenario and for the whole batch.

Run with ``python benchmarks/briefing.py [--jobs 2] [--audience both] [--format both]``.
Makes the trainee handout and the facilitator pack (HTML and PDF) for every bundled
scenario, one at a time (seconds per briefing, with the stages of one briefing), then
the whole batch again with ``--jobs`` processes. Targets (issue 6): under 10 s per
scenario, the batch of all bundled scenarios under a minute with ``--jobs 2``.
Packs are written to a temporary folder and removed afterwards.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fncoach import briefing  # noqa: E402
from fncoach.briefing.page import pack_html  # noqa: E402
from fncoach.briefing.pdf import html_to_pdf  # noqa: E402
from fncoach.briefing.run import export_body, run_template  # noqa: E402
from fncoach.scenario import find_scenario_files, load_scenario  # noqa: E402

PER_SCENARIO_TARGET = 10.0
BATCH_TARGET = 60.0


def _cpu() -> float:
    """CPU seconds used by this process and its finished children (the kernels)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def stages(path: Path, out: Path) -> dict[str, float]:
    """Seconds spent in each stage of one briefing (both audiences, both formats)."""
    times: dict[str, float] = {}
    started = time.perf_counter()
    scenario = load_scenario(path)
    notebook = run_template(path, "both")
    times["kernel (papermill)"] = time.perf_counter() - started
    for who in ("trainee", "facilitator"):
        moment = time.perf_counter()
        html = pack_html(scenario, export_body(notebook, who), who)
        times[f"{who} HTML (nbconvert)"] = time.perf_counter() - moment
        moment = time.perf_counter()
        html_to_pdf(html, out / f"{who}.pdf")
        times[f"{who} PDF (WeasyPrint)"] = time.perf_counter() - moment
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--audience", default="both", choices=briefing.AUDIENCE_CHOICES)
    parser.add_argument("--format", dest="fmt", default="both", choices=briefing.FORMAT_CHOICES)
    parser.add_argument("--batch-only", action="store_true", help="only time the parallel batch")
    args = parser.parse_args()
    files = find_scenario_files([ROOT / "scenarios"])
    if not files:
        print("No bundled scenarios found in scenarios/.")
        return 1
    print(f"{len(files)} bundled scenarios; {os.cpu_count()} CPU cores; load average "
          f"{os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="fncoach-bench-") as work:
        out = Path(work)
        if not args.batch_only:
            largest = max(files, key=lambda f: len(load_scenario(f).people))
            print(f"\nStages of one briefing (largest scenario, {largest.stem}):")
            for stage, seconds in stages(largest, out).items():
                print(f"  {stage:<28} {seconds:6.2f} s")

        if not args.batch_only:
            print(f"\nOne at a time (--audience {args.audience} --format {args.fmt}); CPU counts this process "
                  "and its kernel, so it does not depend on how busy the machine is:")
            per: list[float] = []
            for path in files:
                before = _cpu()
                result = briefing.build_briefing(path, args.audience, args.fmt, out / "serial")
                per.append(result.seconds)
                flag = "" if result.seconds < PER_SCENARIO_TARGET else "  (over target)"
                print(f"  {result.scenario_id:<36} {result.seconds:6.2f} s wall, {_cpu() - before:6.2f} s CPU{flag}")
            print(f"  median {statistics.median(per):.2f} s, max {max(per):.2f} s per scenario "
                  f"(target < {PER_SCENARIO_TARGET:.0f} s)")

        started, cpu = time.perf_counter(), _cpu()
        items = briefing.build_many(files, args.audience, args.fmt, out / "batch", jobs=args.jobs)
        batch = time.perf_counter() - started
        failed = [i for i in items if not i.ok]
        print(f"\nBatch of {len(files)} with --jobs {args.jobs}: {batch:.1f} s wall, {_cpu() - cpu:.1f} s CPU "
              f"(target < {BATCH_TARGET:.0f} s wall); load average now {os.getloadavg()[0]:.1f}"
              + (f"; {len(failed)} failed: " + "; ".join(f"{i.source}: {i.error}" for i in failed) if failed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
