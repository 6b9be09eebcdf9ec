"""``fncoach validate``, ``list`` and ``schema`` as a coach would run them (real processes)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fncoach.cli import main
from fncoach.examples import TINY_PATH

ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "fncoach", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_bundled_scenarios_ok():
    assert list((ROOT / "scenarios").glob("*.yaml")), "the bundled scenarios are missing"
    result = run("validate", "scenarios/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "scenario files are valid" in result.stdout


def test_validate_fixture_ok():
    result = run("validate", str(TINY_PATH))
    assert result.returncode == 0
    assert result.stdout.startswith("ok ")


@pytest.mark.parametrize(
    ("content", "words"),
    [
        (b"meta: !!python/object/apply:os.system ['echo PWNED']\n", "Python object tag"),
        (b"", "empty"),
        (b"meta: [oops\n", "not valid YAML"),
        (b"caf\xe9: 1\n", "not saved as UTF-8"),
        (b"meta:\n  id: x\n  titel: y\n", "Did you mean 'title'?"),
        (b"a: " + b"[" * 100_000 + b"\n", ":1:53: lists and mappings are nested more than 50 levels deep"),
        (b"a: &a [x, x, x, x, x, x, x, x, x, x]\n" + b"".join(
            b"%c: &%c [" % (98 + i, 98 + i) + b", ".join([b"*%c" % (97 + i)] * 10) + b"]\n" for i in range(8)),
         ":5:4: the file holds more than 50,000 values"),
        (b"meta:\n  id: x\n  when: !!timestamp 2027-02-30\n", ":3:9: the value '2027-02-30' cannot be read as !!timestamp"),
    ],
)
def test_validate_bad_file_exit_1_with_location(tmp_path, content, words):
    bad = tmp_path / "bad.yaml"
    bad.write_bytes(content)
    result = run("validate", str(bad))
    assert result.returncode == 1
    assert words in result.stdout
    assert f"{bad}:" in result.stdout  # file (and line:column where there is one)
    assert "PWNED" not in result.stdout + result.stderr
    assert_no_traceback(result)


def test_validate_reports_field_path_and_line(tmp_path):
    text = TINY_PATH.read_text(encoding="utf-8").replace("domain: friends", "domain: frends")
    bad = tmp_path / "typo.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1
    line = next(l for l in result.stdout.splitlines() if "frends" in l)
    assert f"{bad}:56:13: people: the person 'uncle_dev' (the 3rd person), domain: 'frends'" in line
    assert "Did you mean 'friends'?" in line
    (problem,) = json.loads(run("validate", str(bad), "--json").stdout)["files"][0]["problems"]
    assert problem["field"] == "people: the person 'uncle_dev' (the 3rd person), domain"
    assert problem["path"] == "people[2].domain"  # the same place for programs


def test_validate_finds_the_problems_after_a_yaml_mistake(tmp_path):
    text = TINY_PATH.read_text(encoding="utf-8").replace("domain: friends", "domain: frends").replace(
        "  lives_now: At home with her mum, Ciara.", "  lives_now: At home: with her mum, Ciara.")
    bad = tmp_path / "two.yaml"
    bad.write_text(text, encoding="utf-8")
    result = run("validate", str(bad))
    assert result.returncode == 1 and f"INVALID {bad} (2 problems)" in result.stdout
    assert f'{bad}:19:21: child.lives_now: this is not valid YAML: the colon and space inside this text' in result.stdout
    assert 'Put the whole text in quotes: lives_now: "At home: with her mum, Ciara."' in result.stdout
    assert f"{bad}:56:13: people: the person 'uncle_dev'" in result.stdout


def test_validate_mixed_folder_and_json(tmp_path):
    (tmp_path / "good.yaml").write_bytes(TINY_PATH.read_bytes())
    (tmp_path / "bad.yaml").write_text("meta: {id: x}\n", encoding="utf-8")
    result = run("validate", str(tmp_path), "--json")
    assert result.returncode == 1
    data = json.loads(result.stdout)
    assert data["valid"] is False
    by_name = {Path(f["file"]).name: f for f in data["files"]}
    assert by_name["good.yaml"]["valid"] is True
    problems = by_name["bad.yaml"]["problems"]
    assert problems and {"file", "line", "column", "field", "message", "hint"} <= set(problems[0])


def test_validate_missing_path_is_exit_1(tmp_path):
    result = run("validate", str(tmp_path / "nothing.yaml"))
    assert result.returncode == 1
    assert "no file or folder" in result.stdout
    assert_no_traceback(result)


@pytest.mark.parametrize("args", [("validate",), ("validate", "--nonsense", "x"), ("no-such-command",), ()])
def test_usage_errors_exit_2(args):
    result = run(*args)
    assert result.returncode == 2
    assert_no_traceback(result)


@pytest.mark.parametrize("command", ["validate", "list", "schema"])
def test_help_on_every_command(command):
    result = run(command, "--help")
    assert result.returncode == 0
    assert "usage: fncoach" in result.stdout


def test_every_registered_command_has_help():
    from fncoach.cli import build_parser

    parser = build_parser()
    group = parser._subparsers._group_actions[0]  # noqa: SLF001 - argparse has no public API for this
    summaries = {action.dest: action.help for action in group._choices_actions}  # noqa: SLF001
    top = " ".join(run("--help").stdout.split())
    for name, sub in group.choices.items():
        assert sub.description and len(sub.description.split()) >= 5, f"{name} has no description"
        assert summaries.get(name), f"{name} has no one-line help in the command list"
        assert f"{name} {' '.join(summaries[name].split())}" in top, name
        result = run(name, "--help")
        assert result.returncode == 0, name
        assert result.stdout.startswith(f"usage: fncoach {name}"), name
        assert " ".join(sub.description.split()[:5]) in " ".join(result.stdout.split()), name


def test_list_folder(tmp_path):
    (tmp_path / "tiny.yaml").write_bytes(TINY_PATH.read_bytes())
    result = run("list", str(tmp_path))
    assert result.returncode == 0
    header, rule, row, footer = result.stdout.splitlines()
    assert header.split() == ["id", "title", "tags", "people", "cards", "tasks"]
    assert row.startswith("tiny ") and "Zoë" in row
    assert row.split()[-3:] == ["5", "6", "2"]
    data = json.loads(run("list", str(tmp_path), "--json").stdout)
    assert data["scenarios"][0]["people"] == 5


def test_list_reports_broken_files(tmp_path):
    (tmp_path / "bad.yaml").write_text("meta: 1\n", encoding="utf-8")
    result = run("list", str(tmp_path))
    assert result.returncode == 1
    assert "not listed" in result.stdout
    assert_no_traceback(result)


# --------------------------------------------------------------------------- any file at all

_BUNDLED_LINES = (ROOT / "scenarios" / "long_term_foster_links.yaml").read_text(encoding="utf-8").splitlines(True)
_YAML_BITS = ["- ", ": ", "[", "]", "{", "}", "&a ", "*a", "!!", "!!python/object:os.system", "\t", "'", '"', "#",
              "<<: *a", "---", "? ", "|", ">", "\n", "  ", "12:00", "2027-02-30", "\ufeff", "é", "\x85", "!!binary zz",
              "x: &b [*a, *a, *a, *a]", "[[[[[[[[", "%YAML 1.1\n"]


@st.composite
def _mutated_bundled(draw) -> bytes:
    lines = list(_BUNDLED_LINES)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(lines) - 1))
        line = lines[at]
        cut = draw(st.integers(0, len(line)))
        lines[at] = line[:cut] + draw(st.sampled_from(_YAML_BITS)) + line[cut + draw(st.integers(0, 3)):]
    return "".join(lines).encode("utf-8", "surrogatepass")


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(content=st.binary(max_size=300)
       | st.lists(st.sampled_from(_YAML_BITS + list("abc01:")), max_size=40).map(lambda b: "".join(b).encode())
       | _mutated_bundled())
def test_validate_any_file_says_ok_or_names_the_file(tmp_path, capsys, content):
    """``fncoach validate --practice`` on random bytes, random YAML and broken copies of a bundled case: exit 0 or 1
    with the file named on every problem line, never a traceback (the worst files: tests/test_yamlfile.py)."""
    path = tmp_path / "any.yaml"
    path.write_bytes(content)
    code = main(["validate", "--practice", str(path)])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    assert code in (0, 1), out + err
    lines = out.splitlines()
    if code == 0:
        assert lines[0].startswith(f"ok      {path}")
    else:
        assert lines[0].startswith(f"INVALID {path} (")
        assert lines[1].startswith(f"  {path}"), out  # each problem starts with file:line:column
        assert len([line for line in lines if line.startswith(f"  {path}")]) == int(lines[0].split("(")[1].split()[0])


def test_validate_the_worst_files_in_a_capped_process(tmp_path):
    """A billion laughs, deep nesting and a huge flat list through the command, memory capped: a plain answer."""
    laughs = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [" + ", ".join([f"*{chr(97 + i)}"] * 10) + "]\n" for i in range(8))
    files = {"laughs.yaml": laughs, "deep.yaml": "a: " + "[" * 900_000 + "\n",
             "flat.yaml": "a: [" + ",".join(["1"] * 400_000) + "]\n"}
    script = ("import resource, sys\n"
              "resource.setrlimit(resource.RLIMIT_AS, (1_500_000_000, 1_500_000_000))\n"
              "from fncoach.cli import main\n"
              "sys.exit(main(['validate', *sys.argv[1:]]))\n")
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, "-c", script, *(str(tmp_path / n) for n in files)], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, env={"PYTHONPATH": str(ROOT), "PATH": ""})
    assert_no_traceback(result)
    assert result.returncode == 1, result.stderr[-2000:]
    for name in files:
        assert f"INVALID {tmp_path / name} (1 problem)" in result.stdout, result.stdout
        assert f"  {tmp_path / name}:" in result.stdout, result.stdout
