"""How long each course notebook takes to show its first exercise, and how much memory a learner's kernel uses.

For each notebook (in a fresh kernel, as a learner opening it would get): the time from starting the kernel to
the first cell that displays an interactive widget, the time to run the whole notebook, and the kernel's
resident memory (VmRSS) at the end. A trainer sizing a shared server reads the largest memory figure: every
open notebook is one kernel.

Usage::

    python benchmarks/course.py [--scenario ID] [--repeat N] [NOTEBOOK ...]

Prints a table and a sizing line. Uses a throw-away learner record.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parent.parent
WIDGET_MIME = "application/vnd.jupyter.widget-view+json"


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _inject(nb, scenario: str) -> None:
    for cell in nb.cells:
        if "parameters" in cell.metadata.get("tags", []):
            cell.source += f'\nscenario = "{scenario}"'
            return


def run_one(path: Path, scenario: str) -> dict:
    """Run one notebook in a fresh kernel; return first-widget time, total time and kernel memory."""
    nb = nbformat.read(str(path), as_version=4)
    _inject(nb, scenario)
    client = NotebookClient(nb, timeout=600, kernel_name="python3",
                            resources={"metadata": {"path": str(path.parent)}})
    started = time.perf_counter()
    first_widget = None
    with client.setup_kernel():
        kernel_ready = time.perf_counter() - started
        for index, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            client.execute_cell(cell, index)
            if first_widget is None and any(WIDGET_MIME in out.get("data", {}) for out in cell.get("outputs", [])):
                first_widget = time.perf_counter() - started
        total = time.perf_counter() - started
        pid = client.km.provisioner.process.pid  # type: ignore[union-attr]
        rss = _rss_mb(pid)
    return {"kernel": kernel_ready, "first_widget": first_widget, "total": total, "rss_mb": rss}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("notebooks", nargs="*", help="notebook files (default: every course notebook)")
    parser.add_argument("--scenario", default="long_term_foster_links")
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook (median reported)")
    args = parser.parse_args(argv)
    paths = [Path(p).resolve() for p in args.notebooks] or sorted(
        p for p in (ROOT / "notebooks").rglob("*.ipynb") if ".ipynb_checkpoints" not in p.parts)
    tmp = tempfile.mkdtemp(prefix="fncoach-bench-")
    os.environ["FNCOACH_RECORD"] = str(Path(tmp) / "record.sqlite3")
    os.environ.setdefault("FNCOACH_LEARNER", "Benchmark")
    os.environ.setdefault("MPLBACKEND", "Agg")
    print(f"Course benchmark — scenario {args.scenario}, {args.repeat} {'run' if args.repeat == 1 else 'runs'} per notebook, "
          f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}")
    print(f"{'notebook':40} {'kernel up':>10} {'1st widget':>11} {'all cells':>10} {'kernel RSS':>11}")
    results = {}
    for path in paths:
        runs = [run_one(path, args.scenario) for _ in range(args.repeat)]
        med = {k: statistics.median([r[k] for r in runs if r[k] is not None] or [float("nan")]) for k in runs[0]}
        results[path] = med
        name = path.relative_to(ROOT / "notebooks").as_posix() if ROOT / "notebooks" in path.parents else path.name
        print(f"{name:40} {med['kernel']:9.1f}s {med['first_widget']:10.1f}s {med['total']:9.1f}s "
              f"{med['rss_mb']:9.0f} MB")
    heaviest = max(results, key=lambda p: results[p]["rss_mb"])
    peak = results[heaviest]["rss_mb"]
    print(f"Heaviest notebook: {heaviest.name}, kernel resident memory {peak:.0f} MB after running every cell.")
    per_learner = peak + 80  # plus the learner's own JupyterLab server (an idle one measured ~78 MB resident)
    print(f"Sizing: allow about {per_learner:.0f} MB per learner with one notebook open "
          f"(≈ {1024 / per_learner:.1f} learners per GB of RAM); double it if learners keep two notebooks open.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
