"""The statement coach: agreement with the labelled sets, and how fast it is.

Prints the agreement (share of statements where the coach's verdict matches the label) on

* ``tests/statements_corpus.yaml`` — the corpus the rubric was written against (tuning set), and
* ``tests/statements_heldout.yaml`` — statements written before the issue-12 rubric and never used for tuning,

by kind, then the time per statement over the corpus and on very long input. The figures are the thresholds of
``tests/test_statements.py`` (CORPUS_AGREEMENT, HELDOUT_AGREEMENT).

Run: PYTHONPATH=. python benchmarks/statements.py [--misses]   (--misses lists the corpus statements it gets wrong)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fncoach.statements import check_statement  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _load(name: str) -> list[dict]:
    return yaml.safe_load((ROOT / "tests" / name).read_text(encoding="utf-8"))["statements"]


def agreement(items: list[dict]) -> tuple[int, dict[str, tuple[int, int]], list[dict]]:
    """How many verdicts match the labels, per kind, and the statements that do not."""
    agree, per_kind, misses = 0, {}, []
    for item in items:
        same = check_statement(item["text"], item["kind"]).ok == (item["label"] == "good")
        agree += same
        hit, total = per_kind.get(item["kind"], (0, 0))
        per_kind[item["kind"]] = (hit + same, total + 1)
        if not same:
            misses.append(item)
    return agree, per_kind, misses


def main(show_misses: bool = False) -> None:
    corpus = _load("statements_corpus.yaml")
    for label, name in (("tuning corpus", "statements_corpus.yaml"), ("held-out set", "statements_heldout.yaml")):
        items = _load(name)
        agree, per_kind, misses = agreement(items)
        kinds = ", ".join(f"{kind} {hit}/{total}" for kind, (hit, total) in per_kind.items())
        print(f"{label}: agrees on {agree} of {len(items)} ({agree / len(items):.1%}); {kinds}")
        if show_misses and name == "statements_corpus.yaml":  # never list the held-out misses: it is not for tuning
            for item in misses:
                print(f"   {item['kind']} labelled {item['label']}: {item['text']}")
    start = time.perf_counter()
    for _ in range(3):
        for item in corpus:
            check_statement(item["text"], item["kind"])
    per = (time.perf_counter() - start) / (3 * len(corpus)) * 1000
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
    main("--misses" in sys.argv[1:])
