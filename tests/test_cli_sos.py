"""``fncoach sos`` and ``fncoach check-statement``."""

from __future__ import annotations

import json

import pytest

from fncoach.cli import main


def test_sos_model_map(tiny_path, tmp_path, capsys):
    out = tmp_path / "map.html"
    assert main(["sos", str(tiny_path), "--model", "-o", str(out)]) == 0
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "SOS map for Zoë" in html
    assert "written to" in capsys.readouterr().out
    assert not list(tmp_path.glob("*.part"))


def test_sos_prints_without_output(tiny_path, capsys):
    assert main(["sos", str(tiny_path), "--model"]) == 0
    assert "SOS map for Zoë" in capsys.readouterr().out


def test_sos_from_answers(tiny_path, tmp_path, capsys):
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"worries": ["Gran is worried that Mum might sleep in."], "shoes": 1}), encoding="utf-8")
    out = tmp_path / "map.html"
    assert main(["sos", str(tiny_path), "--answers", str(answers), "-o", str(out)]) == 0
    assert "Gran is worried that Mum might sleep in." in out.read_text(encoding="utf-8")
    assert "Not used on the map: shoes" in capsys.readouterr().err


def test_sos_needs_a_source(tiny_path, capsys):
    with pytest.raises(SystemExit) as stop:
        main(["sos", str(tiny_path)])
    assert stop.value.code == 2
    assert "--model" in capsys.readouterr().err


def test_sos_figure(tiny_path, tmp_path, capsys):
    out, figure = tmp_path / "map.html", tmp_path / "map.png"
    assert main(["sos", str(tiny_path), "--model", "-o", str(out), "--figure", str(figure)]) == 0
    assert figure.read_bytes()[:4] == b"\x89PNG"
    assert "One-page SOS map" in (tmp_path / "map.png.txt").read_text(encoding="utf-8")
    assert main(["sos", str(tiny_path), "--model", "-o", str(out), "--figure", str(tmp_path / "map.gif")]) == 1
    assert ".png, .svg or .pdf" in capsys.readouterr().err


def test_sos_bad_answers_files(tiny_path, tmp_path, capsys):
    assert main(["sos", str(tiny_path), "--answers", str(tmp_path / "missing.json")]) == 1
    assert "no answers file" in capsys.readouterr().err
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert main(["sos", str(tiny_path), "--answers", str(broken)]) == 1
    assert "not valid JSON (line 1" in capsys.readouterr().err
    listing = tmp_path / "list.json"
    listing.write_text("[1, 2]", encoding="utf-8")
    assert main(["sos", str(tiny_path), "--answers", str(listing)]) == 1
    assert "JSON object" in capsys.readouterr().err


def test_sos_bad_scenario(tmp_path, capsys):
    assert main(["sos", str(tmp_path / "nope.yaml"), "--model"]) == 1


def test_check_statement_json(capsys):
    code = main(["check-statement", "--kind", "goal", "Mum will attend a course", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == 1 and data["ok"] is False
    assert {f["criterion"] for f in data["findings"] if not f["met"]} >= {"who_does_what", "timescale"}
    assert all(set(f) == {"criterion", "met", "message"} for f in data["findings"])


def test_check_statement_text_ok(capsys):
    text = ("Gran is worried that Dad might hit Leo again, as he did in May, and that Leo could be hurt if nothing "
            "changes.")
    assert main(["check-statement", "--kind", "worry", text]) == 0
    out = capsys.readouterr().out
    assert "has all the parts" in out and "✓ who_worried" in out


def test_check_statement_bad_kind(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["check-statement", "--kind", "danger", "x"])
    assert stop.value.code == 2
    assert "invalid choice" in capsys.readouterr().err
