"""The committed JSON Schema is current, and bundled scenarios point editors at it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fncoach.model import facilitator_only_paths
from fncoach.scenario import json_schema, json_schema_text

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "scenarios" / "schema.json"


def test_committed_schema_is_current():
    assert SCHEMA.read_text(encoding="utf-8") == json_schema_text(), (
        "scenarios/schema.json is stale: run  fncoach schema -o scenarios/schema.json"
    )


def test_schema_forbids_unknown_keys_and_marks_facilitator_fields():
    schema = json_schema()
    assert schema["additionalProperties"] is False
    assert schema["$defs"]["Person"]["additionalProperties"] is False
    assert schema["$defs"]["Card"]["properties"]["column"]["facilitator_only"] is True
    assert json.loads(SCHEMA.read_text(encoding="utf-8"))["title"].startswith("fncoach scenario")


def test_facilitator_only_paths():
    paths = facilitator_only_paths()
    for expected in ("sos.cards[].column", "sos.cards[].explanation", "sos.worry_statements", "sos.safety_goals",
                     "sos.scaling.ten_means", "plan.model_plan", "facilitator.notes"):
        assert expected in paths
    assert "sos.cards[].text" not in paths


def test_bundled_scenarios_point_at_schema(bundled_path):
    first = bundled_path.read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=schema.json"


def test_schema_command_prints_schema(capsys):
    from fncoach.cli import main

    assert main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == json_schema()
