"""Hand-built networks for the network tests: small enough to check on paper."""

from __future__ import annotations

from typing import Any

from fncoach.model import Scenario


def person(pid: str, name: str | None = None, *, domain: str = "family", support=("emotional",), **extra: Any) -> dict:
    """A person as plain data (safe, known, unpaid unless told otherwise)."""
    data = {"id": pid, "name": name or pid.replace("_", " ").title(), "relationship": "Relative",
            "domain": domain, "support": list(support)}
    if domain == "professional":
        data["paid"] = True
        data["relationship"] = "Social worker"
    data.update(extra)
    return data


def tie(a: str, b: str, **extra: Any) -> dict:
    """A tie as plain data."""
    return {"a": a, "b": b, **extra}


def scenario(people: list[dict], ties: list[dict] = (), *, tasks: list[dict] | None = None,
             model_plan: list[dict] = (), weights: dict | None = None, age: int = 10,
             meetings: list[dict] | None = None) -> Scenario:
    """A complete, valid scenario around a child called Sam (id ``sam``)."""
    tasks = tasks if tasks is not None else [
        {"id": "t1", "title": "Saturday visit", "kind": "visit", "when": {"weekly": ["sat"], "start": "10:00", "end": "12:00"}}
    ]
    data = {
        "meta": {"id": "hand_built", "title": "Hand-built network", "summary": "A network built by hand for a test.",
                 "learning_goals": ["Check the analysis on paper."]},
        "child": {"id": "sam", "name": "Sam", "age": age, "lives_now": "With foster carers"},
        "people": people,
        "ties": list(ties),
        "sos": {"cards": [{"id": "c1", "text": "A fact about Sam.", "column": "strength", "explanation": "Because it is."}]},
        "plan": {"tasks": tasks, "model_plan": list(model_plan)},
        "drills": {"start_date": "2026-01-05"},
        "meetings": meetings or [{"id": "m1", "kind": "initial", "week": 0, "title": "First meeting"}],
        "settings": {"strength_weights": weights or {}},
    }
    return Scenario.model_validate(data)


def star(leaves: int = 3) -> Scenario:
    """Hub Hana linked to every leaf; the leaves do not know each other; everyone knows Sam.

    Everyone gives emotional support; only Hana gives practical help; nobody gives information.
    """
    people = [person("hub", "Hana", support=("emotional", "practical"))]
    people += [person(f"leaf{i}", f"Leaf {i}") for i in range(1, leaves + 1)]
    ties = [tie("sam", p["id"], closeness=3, contact="weekly", years_known=10) for p in people]
    ties += [tie("hub", f"leaf{i}", contact="weekly") for i in range(1, leaves + 1)]
    return scenario(people, ties)


def bundled_scenario_files() -> list:
    """Every bundled scenario file, looked up when the tests are collected (same as conftest's helper,
    kept here so test modules do not import ``conftest`` by name, which clashes with other conftest files)."""
    from pathlib import Path

    return sorted((Path(__file__).resolve().parent.parent / "scenarios").glob("*.yaml"))
