"""``fncoach strength``: text, JSON shape, weights files and errors."""

from __future__ import annotations

import json

import pytest

from fncoach.cli import main
from fncoach.model import STRENGTH_COMPONENTS
from fncoach.strength import analyse_strength
from netbuild import bundled_scenario_files


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("path", bundled_scenario_files(), ids=lambda p: p.stem)
def test_json_shape_for_every_bundled_scenario(capsys, path):
    code, out, err = run(capsys, "strength", str(path), "--json")
    assert code == 0, err
    data = json.loads(out)
    assert isinstance(data["score"], int) and 0 <= data["score"] <= 100
    assert [c["name"] for c in data["components"]] == list(STRENGTH_COMPONENTS)
    for component in data["components"]:
        assert {"name", "value", "reason", "suggestion"} <= set(component)
        assert 0 <= component["value"] <= 1
        assert component["reason"] and component["suggestion"]


def test_json_matches_the_library(capsys, tiny_path, tiny):
    code, out, _ = run(capsys, "strength", str(tiny_path), "--json")
    data = json.loads(out)
    report = analyse_strength(tiny)
    assert code == 0 and data["score"] == report.score
    assert data["components"][1]["reason"] == report.components[1].reason


def test_text_output(capsys, tiny_path):
    code, out, _ = run(capsys, "strength", str(tiny_path))
    assert code == 0
    assert out.startswith("Network strength for Tiny test case")
    assert "out of 100" in out and "Only Gran Róisín gives emotional support." in out
    assert out.count("Next: ") == len(STRENGTH_COMPONENTS)


def test_weights_file_changes_the_score(capsys, tiny_path, tmp_path):
    weights = tmp_path / "weights.yaml"
    weights.write_text("".join(f"{name}: 0\n" for name in STRENGTH_COMPONENTS if name != "plan_backup")
                       + "plan_backup: 1\n", encoding="utf-8")
    code, out, _ = run(capsys, "strength", str(tiny_path), "--json", "--weights", str(weights))
    assert code == 0 and json.loads(out)["score"] == 100  # the tiny plan has a backup for both jobs


@pytest.mark.parametrize("text, words", [
    ("plan_bakup: 1\n", "Did you mean 'plan_backup'?"),
    ("plan_backup: -1\n", "must be 0 or more"),
    ("".join(f"{name}: 0\n" for name in STRENGTH_COMPONENTS), "at least one weight"),
])
def test_bad_weights_file_is_a_plain_error(capsys, tiny_path, tmp_path, text, words):
    weights = tmp_path / "weights.yaml"
    weights.write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "strength", str(tiny_path), "--weights", str(weights))
    assert code == 1 and out == ""
    assert words in err and "Traceback" not in err


def test_missing_scenario_and_missing_weights(capsys, tiny_path, tmp_path):
    code, _, err = run(capsys, "strength", str(tmp_path / "nope.yaml"))
    assert code == 1 and "there is no file here" in err
    code, _, err = run(capsys, "strength", str(tiny_path), "--weights", str(tmp_path / "nope.yaml"))
    assert code == 1 and "no weights file" in err


def test_help(capsys):
    with pytest.raises(SystemExit) as caught:
        main(["strength", "--help"])
    assert caught.value.code == 0
    assert "--weights FILE" in capsys.readouterr().out
