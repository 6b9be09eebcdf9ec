"""``fncoach brief``: sources, usage errors, a parallel large-print batch with a broken scenario."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from fncoach.cli import main
from fncoach.cli.brief_cmds import expand_sources

from fncoach.examples import TINY_PATH


def test_expand_sources_reads_folders_and_skips_the_schema(tmp_path):
    shutil.copy(TINY_PATH, tmp_path / "b.yaml")
    shutil.copy(TINY_PATH, tmp_path / "a.yaml")
    (tmp_path / "schema.json").write_text("{}", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("x", encoding="utf-8")
    found = expand_sources([str(tmp_path), str(tmp_path / "a.yaml")])
    assert found == [str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]


def test_the_command_line_loads_no_briefing_machinery_until_a_pack_is_made():
    code = ("import sys; from fncoach.cli import build_parser; build_parser(); "
            "print(sorted(m for m in ('jinja2', 'papermill', 'nbconvert', 'weasyprint', 'matplotlib') if m in sys.modules))")
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert loaded.strip() == "[]"


def test_help_names_every_option(capsys):
    with pytest.raises(SystemExit) as stop:
        main(["brief", "--help"])
    assert stop.value.code == 0
    out = capsys.readouterr().out
    for option in ("--audience", "--format", "--jobs", "--large-print", "-o DIR"):
        assert option in out


@pytest.mark.parametrize("argv, code, message", [
    (["brief", "x.yaml", "--jobs", "0"], 2, "--jobs must be 1 or more"),
    (["brief", "x.yaml", "--audience", "parents"], 2, "invalid choice"),
    (["brief", "x.yaml", "--format", "docx"], 2, "invalid choice"),
])
def test_usage_errors(capsys, argv, code, message):
    if code == 2 and "invalid choice" in message:
        with pytest.raises(SystemExit) as stop:
            main(argv)
        assert stop.value.code == 2
    else:
        assert main(argv) == code
    assert message in capsys.readouterr().err


def test_output_must_be_a_folder(tmp_path, capsys):
    target = tmp_path / "file.txt"
    target.write_text("x", encoding="utf-8")
    assert main(["brief", str(TINY_PATH), "-o", str(target)]) == 2
    assert "is a file, not a folder" in capsys.readouterr().err


def test_empty_folder_is_reported(tmp_path, capsys):
    assert main(["brief", str(tmp_path), "-o", str(tmp_path / "out")]) == 1
    assert "no scenario files" in capsys.readouterr().err


def test_only_broken_scenarios_exit_1_with_reasons(tmp_path, capsys):
    bad = tmp_path / "bad.yaml"
    bad.write_text("meta: [unclosed\n", encoding="utf-8")
    code = main(["brief", str(bad), "no_such_bundled_id", "-o", str(tmp_path / "out"), "--no-progress"])
    err = capsys.readouterr().err
    assert code == 1
    assert f"FAILED  {bad}:" in err and "FAILED  no_such_bundled_id: no_such_bundled_id: there is no case or file with this name" in err
    assert "The cases are: " in err  # a typo in a case id lists the cases there are
    assert "Traceback" not in err


@pytest.mark.xdist_group("briefing")
def test_parallel_large_print_batch_with_a_broken_scenario(tmp_path, capsys):
    broken = tmp_path / "broken.yaml"
    broken.write_text((TINY_PATH).read_text(encoding="utf-8").replace("age: 8", "age: eight"),
                      encoding="utf-8")
    out = tmp_path / "out"
    code = main(["brief", str(TINY_PATH), str(broken), "--audience", "trainee", "--format", "html",
                 "--large-print", "--jobs", "2", "-o", str(out)])
    captured = capsys.readouterr()
    assert code == 1
    assert [p.name for p in out.iterdir()] == ["tiny-trainee-handout-large-print.html"]
    html = (out / "tiny-trainee-handout-large-print.html").read_text(encoding="utf-8")
    assert "<body class='large-print'>" in html and "Trainee handout · large print" in html
    assert "Briefing packs" in captured.err  # the progress bar
    assert f"FAILED  {broken}:" in captured.err and "child.age" in captured.err
    assert "1 of 2 scenarios made into briefing packs" in captured.out
