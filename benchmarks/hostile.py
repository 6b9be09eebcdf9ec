"""Benchmark: time and peak memory of ``load_scenario`` on the worst files we know of.

Run with ``python benchmarks/hostile.py``. Each file is read in a fresh Python
process (so the peak memory is that file's alone) and the script prints, per
file: its size, the seconds ``load_scenario`` took, the process's peak resident
memory, and the first line of the message a coach sees.

Target (issue 16): every one refused with one plain message naming the file,
within 2 seconds and 200 MB (the limits live in :mod:`fncoach.yamlfile`).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_LAUGHS = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8))

#: name → file text (each under the 1 MB a scenario may be).
WORST = {
    "billion_laughs": _LAUGHS,
    "deep_flow": "a: " + "[" * 900_000 + "\n",
    "deep_block": "a:\n" + "".join(" " * i + "b:\n" for i in range(1, 1300)),
    "recursive_alias": "a: &a [*a]\n",
    "many_aliases": "a: &a x\nb: [" + ", ".join(["*a"] * 100_000) + "]\n",
    "flat_flow_list": "a: [" + ",".join(["1"] * 450_000) + "]\n",
    "flat_block_list": "a:\n" + "".join("- 1\n" for _ in range(240_000)),
    "many_problems": "people:\n" + "".join(f"  - {{id: p{i % 50}, domain: frends}}\n" for i in range(9_000)),
    "mistake_after_45000_values": "a: [" + ",".join(["1"] * 45_000) + "\n]: :\n",
}

_MEASURE = """
import resource, sys, time
from fncoach.scenario import ScenarioError, load_scenario
started = time.perf_counter()
try:
    load_scenario(sys.argv[1])
    message = "(loaded)"
except ScenarioError as error:
    message = str(error.problems[0])
seconds = time.perf_counter() - started
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(f"{seconds:.2f}\\t{peak:.0f}\\t{message}")
"""


def main() -> int:
    worst_seconds, worst_mb = 0.0, 0.0
    with tempfile.TemporaryDirectory() as folder:
        print(f"{'file':28} {'bytes':>8} {'seconds':>8} {'peak MB':>8}  message")
        for name, text in WORST.items():
            path = Path(folder) / f"{name}.yaml"
            path.write_text(text, encoding="utf-8")
            result = subprocess.run([sys.executable, "-c", _MEASURE, str(path)], capture_output=True, text=True,
                                    timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": ""})
            if result.returncode != 0:
                print(f"{name:28} FAILED\n{result.stderr}")
                return 1
            seconds, peak, message = result.stdout.strip().split("\t", 2)
            worst_seconds, worst_mb = max(worst_seconds, float(seconds)), max(worst_mb, float(peak))
            print(f"{name:28} {len(text.encode()):8} {seconds:>8} {peak:>8}  {message.replace(folder + '/', '')[:90]}")
    print(f"worst: {worst_seconds:.2f} s, {worst_mb:.0f} MB (target: under 2 s and 200 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
