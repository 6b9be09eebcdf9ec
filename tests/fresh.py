"""Determinism across processes: run the same code in two fresh interpreters and compare what they print.

Calling a function twice in one process cannot see output that depends on string hashing (set and dict-of-set
order changes with ``PYTHONHASHSEED``), on a random generator seeded from the clock, or on state left behind by the
first call. :func:`same_in_fresh_processes` runs the code in two new interpreters with different hash seeds and
fails unless both print the same, non-empty text.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

__all__ = ["PRELUDE", "same_in_fresh_processes"]

ROOT = Path(__file__).resolve().parent.parent

#: Lines every snippet starts with: ``digest(bytes_or_text)`` prints a short fingerprint of an output.
PRELUDE = """
import hashlib
import matplotlib
matplotlib.use("Agg")

def digest(value):
    data = value if isinstance(value, bytes) else str(value).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:16]
"""


def same_in_fresh_processes(code: str, hash_seeds: tuple[str, str] = ("1", "2")) -> str:
    """Run ``code`` (after :data:`PRELUDE`) in two fresh interpreters; return the output they agree on."""
    outputs = []
    for seed in hash_seeds:
        env = dict(os.environ, PYTHONHASHSEED=seed, MPLBACKEND="Agg",
                   PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])))
        result = subprocess.run([sys.executable, "-c", PRELUDE + textwrap.dedent(code)], cwd=ROOT, env=env,
                                capture_output=True, text=True, timeout=300)
        assert result.returncode == 0, result.stderr
        outputs.append(result.stdout)
    assert outputs[0].strip(), "the snippet printed nothing to compare"
    assert outputs[0] == outputs[1], f"different output in two fresh processes:\n{outputs[0]}\n---\n{outputs[1]}"
    return outputs[0]
