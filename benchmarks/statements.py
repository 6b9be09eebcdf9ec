"""How fast is the statement coach? Prints the time per statement over the corpus and on very long input.

Run: /work/venv/bin/python benchmarks/statements.py
"""

from __future__ import annotations

import time
from pathlib import Path

import yaml

from fncoach.statements import check_statement

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    corpus = yaml.safe_load((ROOT / "tests" / "statements_corpus.yaml").read_text(encoding="utf-8"))["statements"]
    start = time.perf_counter()
    for _ in range(5):
        for item in corpus:
            check_statement(item["text"], item["kind"])
    per = (time.perf_counter() - start) / (5 * len(corpus)) * 1000
    print(f"corpus: {len(corpus)} statements, {per:.2f} ms per statement")
    for name, text in {
        "5,000 letters, no spaces": "a" * 5000,
        "300 repeated sentences": "Gran is worried that Dad might hit Leo. " * 300,
        "2,000 commas": "x, " * 2000,
    }.items():
        worst = 0.0
        for kind in ("worry", "harm", "goal"):
            start = time.perf_counter()
            check_statement(text, kind)
            worst = max(worst, time.perf_counter() - start)
        print(f"{name}: slowest kind {worst * 1000:.0f} ms")


if __name__ == "__main__":
    main()
